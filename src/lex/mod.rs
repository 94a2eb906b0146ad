//! The shared lexical layer: small parsers every front end and extractor uses.
//!
//! Each submodule exposes `Option`-returning wrappers over nom or regex parsers:
//! `date` (dates, ranges), `name` (author lists), `venue` (venue, year, type),
//! `contact` (email, phone, URL, profiles), `citation` (one reference string).

pub mod bibtex;
pub mod citation;
pub mod contact;
pub mod date;
pub mod ids;
pub mod name;
mod pattern;
pub mod venue;

pub use pattern::pattern;

use std::sync::LazyLock;

use regex::Regex;

static COLUMN_GAP: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r"\t+| {3,}").unwrap());

/// Split a line at tabs or wide gaps (columns flattened by PDF extraction).
pub fn split_columns(s: &str) -> Vec<String> {
    let s = s.trim();
    if !s.contains('\t') && !s.contains("   ") {
        return if s.is_empty() {
            Vec::new()
        } else {
            vec![s.to_string()]
        };
    }
    COLUMN_GAP
        .split(s.trim())
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

/// "(中山大学)", "(腾讯ARC实验室)": a parenthesised native-script gloss after an
/// organisation or award name is dropped, as MAPPING does for personal names.
static NATIVE_GLOSS: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"\s*[(（][^()（）]*[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}][^()（）]*[)）]",
    )
    .unwrap()
});

pub fn strip_native_gloss(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    NATIVE_GLOSS.replace_all(s, "").into_owned()
}

/// Split at top-level separators only: never inside (), [], {} or quotes.
pub fn split_top_level(s: &str, seps: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut from = 0;
    let mut push = |piece: &str| {
        let t = piece.trim();
        if !t.is_empty() {
            out.push(t.to_string());
        }
    };
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = (depth - 1).max(0),
            _ if depth == 0 && seps.contains(&c) => {
                push(&s[from..i]);
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(&s[from..]);
    out
}

/// `[J1] `, `[12] `, `3. `, `4) `, `P2. ` before a reference or list entry.
pub static LIST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"^(?:\[[A-Za-z]{0,3}[0-9]{1,3}\]|[0-9]{1,3}[.)]|[A-Z]{1,2}[0-9]{1,3}\.)\s+",
    )
    .unwrap()
});

/// A list label opening an entry (`LIST_LABEL`: "1. ", "12) ", "[3] ") removed: numbering,
/// not text. (A year, "2019. ", is no list number.)
pub fn strip_list_number(t: &str) -> &str {
    let s = t.trim_start();
    match LIST_LABEL.find(s) {
        Some(m) => &s[m.end()..],
        None => t,
    }
}

/// A placeholder printed where a template wants a value ("N/A", "–").
pub fn is_filler(t: &str) -> bool {
    matches!(
        t.trim().to_lowercase().as_str(),
        "n/a" | "na" | "-" | "–" | "none"
    )
}

/// "teaching assistant" → "Teaching Assistant": each word's first letter upper case, the
/// rest as printed ("TA" stays).
pub fn capitalize_words(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_go_years_stay() {
        assert_eq!(strip_list_number("1.   “Seeing…,” MIT"), "“Seeing…,” MIT");
        assert_eq!(strip_list_number("[12] Talk"), "Talk");
        assert_eq!(strip_list_number("2019. Talk"), "2019. Talk");
        assert_eq!(strip_list_number("3D printing"), "3D printing");
    }

    #[test]
    fn top_level_split_respects_parentheses() {
        let v = split_top_level(
            "JAX, Pallas (TPU), Frameworks (e.g. PyTorch, HF), C",
            &[','],
        );
        assert_eq!(
            v,
            ["JAX", "Pallas (TPU)", "Frameworks (e.g. PyTorch, HF)", "C"]
        );
    }

    #[test]
    fn columns() {
        assert_eq!(
            split_columns("Univ X\tSan Diego, CA"),
            ["Univ X", "San Diego, CA"]
        );
        assert_eq!(
            split_columns("Role    Dec. 2022 - Dec. 2024"),
            ["Role", "Dec. 2022 - Dec. 2024"]
        );
    }
}
