//! One reference string (any common citation style) → `Publication`.

use crate::lex::{date, name, venue};
use crate::markup;
use crate::model::Publication;

/// Parse one entry of a publication list (inline markup allowed).
pub fn parse_reference(raw: &str) -> Option<Publication> {
    let text = markup::plain(raw);
    let (before, title, after) = split_quoted(&text)?;
    let mut p = Publication {
        title: title.trim().trim_end_matches([',', '.']).to_string(),
        ..Default::default()
    };
    p.authors = name::parse_authors(before.trim().trim_end_matches(','));
    let v = venue::clean(after);
    p.date = date::find_all(&v).last().map(|(d, _)| d.start);
    p.kind = venue::classify(&v);
    p.venue = v;
    Some(p)
}

fn split_quoted(s: &str) -> Option<(&str, &str, &str)> {
    for (open, close) in [('“', '”'), ('"', '"')] {
        if let Some(a) = s.find(open) {
            let rest = &s[a + open.len_utf8()..];
            if let Some(b) = rest.find(close) {
                return Some((&s[..a], &rest[..b], &rest[b + close.len_utf8()..]));
            }
        }
    }
    None
}
