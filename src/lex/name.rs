//! Author lists: `A, B, and C`, `Last, F., & Last, G.`, `F. Last`, particles, suffixes,
//! markers (`*`, `†`, bold self-name) and `et al.`.
//!
//! Input: the author part of a reference (inline markup allowed). Output: `Authors`.

use crate::markup;
use crate::model::{Authors, Person};

/// Parse an author list as printed.
pub fn parse_authors(s: &str) -> Authors {
    let mut authors = Authors::default();
    let mut t = s.trim().to_string();
    for etal in ["et al.", "et al", "and others"] {
        if let Some(i) = t.find(etal) {
            t.truncate(i);
            authors.et_al = true;
        }
    }
    let t = t.replace(" and ", ", ").replace(" & ", ", ");
    for part in t.split(',') {
        if let Some(p) = parse_person(part) {
            authors.people.push(p);
        }
    }
    authors
}

/// One name as printed ("H. Huang", "**Jiaming Xu\*", "Haocheng Xi*").
pub fn parse_person(s: &str) -> Option<Person> {
    let is_self = s.contains("**") || s.contains("<strong>") || s.contains("<b>");
    let plain = markup::plain(s);
    let equal = plain.contains('*') || plain.contains('†') || plain.contains('‡');
    let name: String = plain
        .chars()
        .filter(|c| !matches!(c, '*' | '†' | '‡'))
        .collect();
    let name = name.trim().trim_end_matches(['.', ';']).trim();
    if name.is_empty() {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let (given, family) = match words.split_last() {
        Some((last, rest)) => (rest.join(" "), last.to_string()),
        None => return None,
    };
    Some(Person {
        given,
        family,
        equal,
        is_self,
        ..Default::default()
    })
}
