//! One line of a listing page, classified: a card's meta line (score, category codes, date,
//! markers glued together), a stats line, a line of button labels.
//!
//! Input: one trimmed line of plain text. Output: `Meta` or a yes/no. Every test here looks at
//! the line alone, so the page is read in one pass.

use std::sync::LazyLock;

use regex::Regex;

use crate::lex::date;
use crate::model::Date;
use crate::tables::{ARXIV_CATEGORIES, LISTING_WORDS};

/// What a card's meta line said. Only the date is recorded; the rest tells how sure we are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Meta {
    pub date: Option<Date>,
    /// Category codes read (`LG`, `cs.LG`, `quant-ph`).
    pub codes: usize,
    /// A leading score (`91.2`) was read.
    pub score: bool,
    /// A trailing button label (`Code`) was read.
    pub marker: bool,
}

impl Meta {
    /// A lone bare code ("LG") is also how a page header names the author's field; anything
    /// more (a date, a score, a marker, two codes) only ever opens a card.
    pub fn is_strong(&self) -> bool {
        self.date.is_some() || self.score || self.marker || self.codes >= 2
    }
}

/// score = 1-3 digits ('.' digits)?   ("91.2", "99.9", "54")
static SCORE: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\A[0-9]{1,3}(?:\.[0-9]{1,2})?").unwrap());
/// archive code = lower-case archive ('.' subject)?   ("cs.LG", "stat.ML", "physics.comp-ph", "hep-th")
static ARCHIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"\A([a-z]+(?:-[a-z]+)?)(?:\.(?:[A-Z]{2}|[a-z]+(?:-[a-z]+)?))?").unwrap()
});

/// Read a card meta line: `score? code* date? label*` covering the whole line, with at least
/// a code or a date with a month ("DCSep 19, 2023", "99.9AIApr 13", "LGNov 23, 2025Code",
/// "cs.LG · Jan 5, 2024", "91.2LG").
pub fn meta_line(line: &str) -> Option<Meta> {
    let line = line.trim();
    if line.is_empty() || line.len() > 80 {
        return None;
    }
    let (body, marker) = strip_trailing_labels(line);
    // A date may start with digits ("13 Apr 2024"), so try without a score first.
    if let Some(m) = codes_and_date(body, false, marker) {
        return Some(Meta { marker, ..m });
    }
    let s = SCORE.find(body)?;
    let m = codes_and_date(body.get(s.end()..)?, true, marker)?;
    Some(Meta {
        score: true,
        marker,
        ..m
    })
}

/// `code* date?` covering all of `s`; after a score at least one code is needed. A score or
/// a marker also lets glued codes stand without a date ("ROSYCode", "91.2LGCV").
fn codes_and_date(s: &str, after_score: bool, marker: bool) -> Option<Meta> {
    let mut rest = s;
    let mut codes = 0;
    let mut glued = 0; // upper-case codes with nothing between them ("ECCV" reads as EC+CV)
    loop {
        let before = rest;
        rest = skip_separators(rest);
        let spaced = rest.len() != before.len();
        if let Some(r) = upper_code(rest) {
            if !spaced && codes > 0 {
                glued += 1;
            }
            codes += 1;
            rest = r;
        } else if let Some(r) = archive_code(rest) {
            codes += 1;
            rest = r;
        } else {
            break;
        }
    }
    if after_score && codes == 0 {
        return None;
    }
    let rest = skip_separators(rest);
    if rest.is_empty() {
        // Code-only lines: glued upper-case runs are acronyms (ECCV), not code lists.
        return (codes > 0 && (glued == 0 || after_score || marker)).then_some(Meta {
            codes,
            ..Meta::default()
        });
    }
    let (r, d) = date::date(rest).ok()?;
    // A bare year is a venue line ("CVPR 2023"), not a card's date.
    if d.month.is_none() || !skip_separators(r).is_empty() {
        return None;
    }
    Some(Meta {
        date: Some(d),
        codes,
        ..Meta::default()
    })
}

/// Two upper-case letters from the table, not followed by a third upper-case letter that
/// starts no code or month ("LGJan" is LG + Jan; "LGBT" is no code).
fn upper_code(s: &str) -> Option<&str> {
    let code = s.get(..2)?;
    if !code.bytes().all(|b| b.is_ascii_uppercase()) || !ARXIV_CATEGORIES.contains(code) {
        return None;
    }
    let rest = &s[2..];
    let mut next = rest.chars();
    match (next.next(), next.next()) {
        // Another code, or a capitalised word (a month, "Code") follows.
        (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
            upper_code(rest).map(|_| rest)
        }
        (Some(a), _) if a.is_lowercase() => None,
        _ => Some(rest),
    }
}

/// A lower-case archive name from the table, optionally with its subject.
fn archive_code(s: &str) -> Option<&str> {
    let m = ARCHIVE.captures(s)?;
    let whole = m.get(0)?;
    let archive = m.get(1)?.as_str();
    if !ARXIV_CATEGORIES.contains(archive) {
        return None;
    }
    // A bare archive word must stand alone ("cs" in prose is no code, "math" neither).
    if whole.as_str() == archive && !archive.contains('-') {
        return None;
    }
    let rest = &s[whole.end()..];
    if rest.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    Some(rest)
}

fn skip_separators(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '|' | '·' | '•' | '/' | '-' | '–' | '—')
    })
}

/// Remove button labels glued or spaced at the end ("...2025Code", "... PDF Code").
fn strip_trailing_labels(line: &str) -> (&str, bool) {
    let mut s = line;
    let mut found = false;
    'outer: loop {
        let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•'));
        // The label is the last capitalised (or all-caps) word, glued or not.
        let start = t
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphabetic())
            .map(|(i, _)| i)
            .last();
        let Some(start) = start else { break };
        let word = &t[start..];
        // Try the longest label suffix first: "2025Code" has word "Code"; "AIPDF" has "PDF".
        for (i, _) in word.char_indices() {
            let cand = &word[i..];
            let glued_ok = i == 0 || cand.starts_with(|c: char| c.is_ascii_uppercase());
            if glued_ok && is_label(cand) && (i > 0 || start > 0) {
                let head = &t[..start + i];
                // A month abbreviation or code could end in label letters only when glued to
                // letters; labels start upper-case and the head must still hold something.
                if head.trim().is_empty() {
                    break 'outer;
                }
                s = head;
                found = true;
                continue 'outer;
            }
        }
        break;
    }
    (s.trim_end(), found)
}

fn is_label(w: &str) -> bool {
    LISTING_WORDS.get(w.to_lowercase().as_str()) == Some(&"label")
}

/// A line made only of button labels ("Code", "PDF · arXiv", "Show more").
pub fn label_line(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    if l.is_empty() {
        return false;
    }
    if LISTING_WORDS.get(l.as_str()) == Some(&"label") {
        return true;
    }
    l.split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | ','))
        .filter(|w| !w.is_empty())
        .all(|w| LISTING_WORDS.get(w) == Some(&"label"))
}

/// stat = words? number '%'? words?, every word a counter word ("7papers", "151citations",
/// "Novelty57%", "AI Score54", "Cited by 12", "h-index: 9").
static STAT: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"\A([A-Za-z][A-Za-z0-9 .-]{0,30}?)?\s*:?\s*[0-9][0-9,.]*\s*[kKmM]?\s*(%?)\s*([A-Za-z][A-Za-z .-]{0,30})?\z")
        .unwrap()
});

pub fn stat_line(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 60 {
        return false;
    }
    let Some(c) = STAT.captures(line) else {
        return false;
    };
    let words: Vec<String> = [c.get(1), c.get(3)]
        .into_iter()
        .flatten()
        .flat_map(|m| m.as_str().split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| c == '.' || c == ':')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let percent = c.get(2).is_some_and(|m| !m.as_str().is_empty());
    if words.is_empty() {
        return percent;
    }
    words
        .iter()
        .all(|w| LISTING_WORDS.get(w.as_str()) == Some(&"stat"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: Option<u16>, m: u8, day: u8) -> Option<Date> {
        Some(Date {
            year: y,
            month: Some(m),
            day: Some(day),
        })
    }

    #[test]
    fn glued_meta_lines() {
        assert_eq!(
            meta_line("DCSep 19, 2023").unwrap().date,
            d(Some(2023), 9, 19)
        );
        let m = meta_line("99.9AIApr 13").unwrap();
        assert_eq!(m.date, d(None, 4, 13));
        assert!(m.score);
        assert_eq!(meta_line("91.2LGMay 18").unwrap().date, d(None, 5, 18));
        let m = meta_line("LGJan 25, 2024Code").unwrap();
        assert_eq!(m.date, d(Some(2024), 1, 25));
        assert!(m.marker);
        assert_eq!(
            meta_line("CVNov 20, 2020").unwrap().date,
            d(Some(2020), 11, 20)
        );
        assert_eq!(meta_line("99.9AIApr 13Code").unwrap().date, d(None, 4, 13));
        assert!(meta_line("LGCode").unwrap().is_strong());
        assert_eq!(meta_line("ROSYCode").unwrap().codes, 2);
        assert!(meta_line("91.2LGCode").unwrap().score);
        assert_eq!(
            meta_line("LG19 Sep 2023").unwrap().date,
            d(Some(2023), 9, 19)
        );
        assert_eq!(
            meta_line("LG2023-09-19").unwrap().date,
            d(Some(2023), 9, 19)
        );
    }

    #[test]
    fn cross_lists_and_codes_without_dates() {
        let m = meta_line("cs.LG · Jan 5, 2024").unwrap();
        assert_eq!(m.codes, 1);
        assert_eq!(m.date, d(Some(2024), 1, 5));
        assert_eq!(meta_line("cs.CL cs.AI stat.ML").unwrap().codes, 3);
        assert_eq!(meta_line("LGAIMar 3, 2022").unwrap().codes, 2);
        let m = meta_line("91.2LG").unwrap();
        assert!(m.score && m.date.is_none());
        let weak = meta_line("LG").unwrap();
        assert!(!weak.is_strong());
        assert!(meta_line("quant-ph").is_some());
        assert_eq!(
            meta_line("Sep 19, 2023").unwrap().date,
            d(Some(2023), 9, 19)
        );
    }

    #[test]
    fn not_meta_lines() {
        for s in [
            "CVPR 2023",
            "ECCV",
            "ICML 2024",
            "LGBT people",
            "Attention Is All You Need",
            "2023",
            "7papers",
            "AI Score54",
            "cs",
            "math is fun",
            "Haojun Xia, Zhen Zheng",
            "Code",
        ] {
            assert!(meta_line(s).is_none(), "{s}");
        }
    }

    #[test]
    fn stats_and_labels() {
        for s in [
            "7papers",
            "151citations",
            "Novelty57%",
            "AI Score54",
            "7 Papers",
            "Cited by 12",
            "h-index: 9",
        ] {
            assert!(stat_line(s), "{s}");
        }
        for s in ["GPT-4 Technical Report", "Llama 2", "Donglin Zhuang", "LG"] {
            assert!(!stat_line(s), "{s}");
        }
        assert!(label_line("Code"));
        assert!(label_line("PDF · arXiv"));
        assert!(!label_line("Code generation with LLMs"));
    }
}
