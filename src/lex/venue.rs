//! Venues: cleaning ("In Proceedings of the ...", rank notes, remarks), acronym lookup in
//! `grammars/venues.tsv`, and the publication kind a venue implies.
//!
//! Input: the venue text of one reference (plain). Output: the venue as printed minus
//! clutter, remarks split off as notes, and a `PubKind`. The table decides the entry type
//! only; it never rewrites the printed venue.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::PubKind;
use crate::tables::VENUES;

static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:in\s*:\s*|in\s+)?(?:(?:the\s+)?proceedings\s+of\s+(?:the\s+)?)?").unwrap()
});
/// Rank notes: "(CCF-A)", "(Top Computer System Conference: A*)", "(Top ML+System Conference)".
static RANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*(?:ccf[- ]?[abc]|core[- ]?a\*?|top\b[^()]*|rank[^()]*|h5-index[^()]*|acceptance rate[^()]*|oral|spotlight|poster)\s*\)")
        .unwrap()
});
static LEAD_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\[[^\]]{1,24}\]\s*").unwrap());
/// Words that make a remark rather than a venue.
static REMARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:award|presentation|spotlight|oral|poster|highlight|selected|nominee|nominated|best paper|distinguished|invited|acceptance rate|featured|finalist)\b")
        .unwrap()
});
/// A rank note without its parentheses ("Top Computer System Conference: A*", "CCF-A").
pub static RANK_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\(?\s*(?:ccf[- ]?[abc]\b|core[- ]?a|top\b|rank)").unwrap());
static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b").unwrap());

/// Venue text as a reader would cite it: leading "In", "In (the) Proceedings of (the)",
/// leading tags and rank notes removed.
pub fn clean(venue: &str) -> String {
    let v = LEAD_TAG.replace(venue.trim(), "");
    let v = RANK.replace_all(&v, "");
    let v = v
        .trim()
        .trim_matches(|c: char| c == ',' || c == '.' || c == ' ' || c == ';');
    let v = LEAD_IN.replace(v, "");
    crate::markup::squash(v.trim_matches(|c: char| c == ',' || c == '.' || c == ' '))
}

/// Is this venue fragment a remark ("Long Presentation", "ACM SIGSOFT Distinguished Paper
/// Award", "Selected as Spotlight Paper in ICML 2024") rather than part of the venue?
pub fn is_remark(s: &str) -> bool {
    REMARK.is_match(s)
}

/// Split remarks out of a parenthetical: "(ICML, Long Presentation)" → ("(ICML)", remarks).
pub fn split_paren_remarks(v: &str) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    let (Some(a), Some(b)) = (v.rfind('('), v.rfind(')')) else {
        return (v.to_string(), notes);
    };
    if b < a {
        return (v.to_string(), notes);
    }
    let inner = &v[a + 1..b];
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    if parts.len() < 2 || !parts.iter().any(|p| is_remark(p)) {
        return (v.to_string(), notes);
    }
    let keep: Vec<&str> = parts.iter().copied().filter(|p| !is_remark(p)).collect();
    notes.extend(parts.iter().filter(|p| is_remark(p)).map(|p| p.to_string()));
    let rebuilt = if keep.is_empty() {
        format!("{}{}", &v[..a], &v[b + 1..])
    } else {
        format!("{}({}){}", &v[..a], keep.join(", "), &v[b + 1..])
    };
    (crate::markup::squash(&rebuilt), notes)
}

/// The table row whose acronym is printed in the venue ("ICML", "IEEE TCAD").
fn table_kind(venue: &str) -> Option<&'static str> {
    ACRONYM
        .find_iter(venue)
        .filter_map(|m| VENUES.get(m.as_str().to_uppercase().as_str()))
        .map(|v| v.kind)
        .next()
}

/// What kind of publication a venue string implies.
pub fn classify(venue: &str) -> PubKind {
    let l = venue.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| l.contains(x));
    if has(&["patent"]) {
        PubKind::Patent
    } else if has(&[
        "under review",
        "under reviewed",
        "submitted",
        "in submission",
        "arxiv",
        "preprint",
        "biorxiv",
        "medrxiv",
        "corr",
        "ssrn",
        "openreview",
    ]) {
        PubKind::Preprint
    } else if has(&["thesis", "dissertation"]) {
        PubKind::Thesis
    } else if has(&["technical report", "tech. rep", "tech report"]) {
        PubKind::TechReport
    } else if has(&["tutorial", "talk", "keynote", "poster session"]) {
        PubKind::Misc
    } else if has(&["workshop"]) {
        PubKind::Workshop
    } else if has(&[
        "journal",
        "transactions",
        "letters",
        "magazine",
        "vldb endowment",
        "surveys",
        "communications of the",
    ]) {
        PubKind::Journal
    } else if has(&[
        "conference",
        "symposium",
        "proceedings",
        "meeting",
        "congress",
        "colloquium",
        "summit",
        "forum",
    ]) && !has(&["proceedings of the ieee,", "proceedings of the ieee "])
    {
        PubKind::Conference
    } else if has(&[
        "review",
        "proceedings of the ieee",
        "nature",
        "science",
        "annals",
        "bulletin",
        "quarterly",
    ]) {
        PubKind::Journal
    } else if let Some(k) = table_kind(venue) {
        match k {
            "journal" => PubKind::Journal,
            "workshop" => PubKind::Workshop,
            "preprint" => PubKind::Preprint,
            _ => PubKind::Conference,
        }
    } else if l.trim().is_empty() {
        PubKind::Misc
    } else {
        PubKind::Conference
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning() {
        assert_eq!(
            clean("In Proceedings of the 54th IEEE/ACM International Symposium on Microarchitecture (MICRO)"),
            "54th IEEE/ACM International Symposium on Microarchitecture (MICRO)"
        );
        assert_eq!(clean("In: ICML 2020."), "ICML 2020");
        assert_eq!(clean("ICCAD (CCF-A)"), "ICCAD");
        assert_eq!(
            split_paren_remarks(
                "International Conference on Machine Learning (ICML, Long Presentation)"
            ),
            (
                "International Conference on Machine Learning (ICML)".to_string(),
                vec!["Long Presentation".to_string()]
            )
        );
    }

    #[test]
    fn kinds() {
        assert_eq!(classify("IEEE Transactions on Computers"), PubKind::Journal);
        assert_eq!(classify("ICML 2024"), PubKind::Conference);
        assert_eq!(classify("IEEE TCAD 2025"), PubKind::Journal);
        assert_eq!(classify("arXiv preprint arXiv:2401.1"), PubKind::Preprint);
        assert_eq!(classify("Patent CN108765282B"), PubKind::Patent);
        assert_eq!(classify("ICLR Workshop on X"), PubKind::Workshop);
        assert_eq!(classify("Proc. NeurIPS'23"), PubKind::Conference);
        assert_eq!(classify("PVLDB 17(4)"), PubKind::Journal);
        assert_eq!(classify("TPAMI"), PubKind::Journal);
        assert!(crate::tables::VENUES.len() >= 150);
    }
}
