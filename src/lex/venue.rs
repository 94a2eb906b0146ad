//! Venues: cleaning ("In Proceedings of the ..."), acronym lookup in `grammars/venues.tsv`,
//! and the publication kind a venue implies.

use crate::model::PubKind;

/// Venue text as a reader would cite it: leading "In", "In Proceedings of (the)" removed.
pub fn clean(venue: &str) -> String {
    let mut v = venue
        .trim()
        .trim_matches(|c: char| c == ',' || c == '.' || c == ' ')
        .to_string();
    for p in [
        "In the Proceedings of the ",
        "In the Proceedings of ",
        "In Proceedings of the ",
        "In Proceedings of ",
        "Proceedings of the ",
        "Proceedings of ",
        "In: ",
        "In ",
    ] {
        if let Some(rest) = v.strip_prefix(p) {
            v = rest.to_string();
            break;
        }
    }
    v
}

/// What kind of publication a venue string implies.
pub fn classify(venue: &str) -> PubKind {
    let l = venue.to_lowercase();
    if l.contains("patent") {
        PubKind::Patent
    } else if l.contains("arxiv")
        || l.contains("preprint")
        || l.contains("under review")
        || l.contains("submitted")
    {
        PubKind::Preprint
    } else if l.contains("workshop") {
        PubKind::Workshop
    } else if l.contains("journal") || l.contains("transactions") || l.contains("letters") {
        PubKind::Journal
    } else if l.contains("tutorial") || l.is_empty() {
        PubKind::Misc
    } else {
        PubKind::Conference
    }
}
