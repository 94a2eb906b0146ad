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
    crate::lex::pattern(r"(?i)^(?:in\s*:\s*|in\s+)?(?:(?:the\s+)?proceedings\s+of\s+(?:the\s+)?)?")
        .unwrap()
});
static LEAD_WORD: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"^(?:[Ii]n\s*:\s*|[Ii]n\s+)").unwrap());
/// Significant words (lower case) of the journals in the table named "Proceedings of …"
/// ("Proceedings of the IEEE", "Proceedings of the VLDB Endowment").
static JOURNAL_PROCEEDINGS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let mut names: Vec<Vec<String>> = VENUES
        .values()
        .filter(|v| v.kind == "journal" && v.full.starts_with("Proceedings of"))
        .map(|v| significant_words(v.full).map(str::to_lowercase).collect())
        .collect();
    // longest first: "Proceedings of the ACM on Management of Data" before shorter ones
    names.sort_by_key(|w| std::cmp::Reverse(w.len()));
    names
});

fn significant_words(s: &str) -> impl Iterator<Item = &str> {
    s.split([' ', '-'])
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !matches!(w.to_lowercase().as_str(), "of" | "the" | "on"))
}

/// Is `short` the word `long` or an abbreviation of it ("Proc" of "proceedings", "Natl" of
/// "national", "Endow" of "endowment"): same first letter, letters in order?
fn abbreviates(short: &str, long: &str) -> bool {
    let short = short.to_lowercase();
    if short == long {
        return true;
    }
    let mut rest = long.chars();
    short.chars().next() == long.chars().next()
        && short.chars().count() < long.chars().count()
        && short.chars().all(|c| rest.any(|l| l == c))
}

/// Byte length of a journal named "Proceedings of …" at the start of a venue, printed in
/// full or abbreviated ("Proc. of the VLDB Endowment", "Proc. ACM Program. Lang.",
/// "Proceedings of the IEEE"); None when more name words follow ("Proceedings of the IEEE
/// International Conference on …" is a meeting).
pub fn journal_proceedings_len(venue: &str) -> Option<usize> {
    let v = LEAD_WORD.find(venue).map_or(venue, |m| &venue[m.end()..]);
    let lead = venue.len() - v.len();
    if !v.starts_with("Proc") && !v.starts_with("PROC") {
        return None;
    }
    // words with their end offsets, "of/the/on" skipped
    let mut words = v
        .split_inclusive([' ', '-'])
        .scan(0, |off, w| {
            *off += w.len();
            Some((*off, w))
        })
        .map(|(end, w)| (end, w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|(_, w)| !w.is_empty() && !matches!(w.to_lowercase().as_str(), "of" | "the" | "on"))
        .peekable();
    let first: Vec<(usize, &str)> = words.by_ref().take(12).collect();
    JOURNAL_PROCEEDINGS.iter().find_map(|name| {
        let got = first.get(..name.len())?;
        if !got.iter().zip(name).all(|((_, w), n)| abbreviates(w, n)) {
            return None;
        }
        let end = got.last().map_or(0, |(e, _)| *e);
        let after = v[end..].trim_start();
        let more_words = after
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
            && !after.to_lowercase().starts_with("vol")
            // "Proc. Natl. Acad. Sci. USA", "Proceedings of the Royal Society B" (a series)
            && !["USA", "U.S.A", "U S A"].iter().any(|c| after.starts_with(c))
            && !series_letter(after);
        let name = v[..end].trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
        (!more_words).then_some(lead + name.len())
    })
}

/// "B", "A: Mathematical …": the series letter of a journal.
fn series_letter(after: &str) -> bool {
    let mut c = after.chars();
    c.next().is_some_and(|l| l.is_ascii_uppercase())
        && c.next().is_none_or(|n| !n.is_alphanumeric())
}

/// A two-digit year glued to a venue acronym: "NeurIPS'23", "ICML '21", "CVPR’22",
/// "ICLR Workshop '21". Returns the year and the byte range of the apostrophe and digits
/// (with the space before them).
pub fn glued_year(v: &str) -> Option<(u16, std::ops::Range<usize>)> {
    for (i, q) in v.char_indices().filter(|(_, c)| matches!(c, '\'' | '’')) {
        let after = &v[i + q.len_utf8()..];
        let digits = after
            .get(..2)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
        if after[2..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let before = &v[..i];
        let spaced = before.strip_suffix(' ');
        let word = spaced.unwrap_or(before);
        let word = &word[word
            .rfind(|c: char| c.is_whitespace() || "([,;".contains(c))
            .map_or(0, |k| k + 1)..];
        let caps = word.chars().filter(char::is_ascii_uppercase).count();
        let venue_like = (caps >= 2 && word.chars().all(|c| c.is_alphanumeric() || c == '-'))
            || VENUES.contains_key(word.to_uppercase().as_str())
            || matches!(word, "Workshop" | "Conference" | "Symposium");
        if !venue_like || word.is_empty() {
            continue;
        }
        let yy: u16 = digits.parse().ok()?;
        let year = if yy <= 50 { 2000 + yy } else { 1900 + yy };
        let start = if spaced.is_some() { i - 1 } else { i };
        return Some((year, start..i + q.len_utf8() + 2));
    }
    None
}

/// An acronym as venues print it: "ICLR", "NeurIPS", "MLSys", or a table key ("Nature").
fn acronym_like(w: &str) -> bool {
    let caps = w.chars().filter(char::is_ascii_uppercase).count();
    !w.is_empty()
        && ((caps >= 2
            && w.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '&'))
            || VENUES.contains_key(w.to_uppercase().as_str()))
}

/// A venue tag printed beside a title or as a list label: "ICLR'24", "ICLR 2024",
/// "MLSys-26", "CVPR’22" → (venue as it should be printed, year). With `bare`, a table
/// acronym without a year ("NeurIPS") is a tag too.
pub fn venue_tag(s: &str, bare: bool) -> Option<(String, Option<u16>)> {
    let s = s.trim();
    if let Some((y, r)) = glued_year(s) {
        let rest = format!("{}{}", &s[..r.start], &s[r.end..]);
        return acronym_like(rest.trim()).then(|| (rest.trim().to_string(), Some(y)));
    }
    if let Some(i) = s.rfind([' ', '-']) {
        let (word, num) = (&s[..i], &s[i + 1..]);
        let digits = num.bytes().all(|b| b.is_ascii_digit());
        if acronym_like(word) && digits && (num.len() == 2 || num.len() == 4) {
            let y: u16 = num.parse().ok()?;
            return Some(if num.len() == 4 {
                (
                    (1950..2100).contains(&y).then(|| format!("{word} {num}"))?,
                    Some(y),
                )
            } else {
                (
                    word.to_string(),
                    Some(if y <= 50 { 2000 + y } else { 1900 + y }),
                )
            });
        }
    }
    (bare && VENUES.contains_key(s.to_uppercase().as_str())).then(|| (s.to_string(), None))
}

/// A meeting's edition as acronym and four-digit year ("CHI 2025", "NeurIPS 2023") →
/// (acronym, year).
pub fn edition(s: &str) -> Option<(&str, u16)> {
    let s = s.trim();
    let (tag, year) = s.rsplit_once(' ')?;
    let y: u16 = year.parse().ok().filter(|_| year.len() == 4)?;
    (venue_tag(s, false)?.1 == Some(y)).then_some((tag.trim(), y))
}

/// Status words after a venue or a title ("…, to appear", "…, forthcoming 2026").
pub const STATUS_WORDS: &str = r"to\s+appear|in\s+press|accepted|forthcoming|under\s+review";
/// Publication status printed with a venue: leading ("To appear in", "Accepted at",
/// "Accepted as a poster at", "In press,", "Revise and resubmit,"), in brackets ("(to
/// appear)", "[accepted]") or trailing (", in press.").
static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(&format!(r"(?i)^\s*(?:(?:conditionally\s+)?accepted(?:\s+as\s+(?:an?\s+)?(?:oral|poster|spotlight|short|long|full|regular|demo|workshop)(?:\s+(?:paper|presentation|talk))?)?(?:\s+for\s+publication)?(?:\s+(?:and\s+)?to\s+appear)?|to\s+appear|forthcoming|in\s+press|revise\s+(?:and|&)\s+resubmit(?:ted)?|r\s*&\s*r|(?:major|minor)\s+revision)(?-u:\b)(?:\s+(?:in|at|to|by|for|with)(?-u:\b))?\s*[:,.]?\s*|\s*[(\[]\s*(?:to\s+appear|in\s+press|accepted|forthcoming|(?:under\s+review|submitted)(?:\s+(?:at|to)\s+[^()\[\]]{{1,60}})?)\s*[)\]]|[,;.]\s*(?:{STATUS_WORDS})\s*(?:\.?\s*$|,)|[,;]\s*(?:{STATUS_WORDS})\s+(?:19|20)[0-9]{{2}}(?-u:\b)")).unwrap()
});

/// The note for a matched status phrase.
fn status_note(m: &str) -> String {
    let m = m.trim();
    // ASCII lower case keeps byte offsets, so `l` indexes `m`
    let l = m.to_ascii_lowercase();
    let note = if l.contains("review") || l.contains("submitted") {
        "Under review"
    } else if l.contains("resubmit") || l.contains('&') {
        "Revise and resubmit"
    } else if l.contains("major revision") {
        "Major revision"
    } else if l.contains("minor revision") {
        "Minor revision"
    } else if let Some(i) = l.find("accepted as ") {
        // "Accepted as a poster" keeps its kind of acceptance
        let phrase = m[i..]
            .split_whitespace()
            .take_while(|w| {
                !matches!(
                    w.to_lowercase().as_str(),
                    "at" | "to" | "in" | "for" | "by" | "with"
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        let phrase = phrase.trim_end_matches([',', '.', ':']);
        return format!("A{}", &phrase[1..]);
    } else if l.trim_start().starts_with("conditionally") {
        "Conditionally accepted"
    } else if l.contains("accepted") {
        "Accepted"
    } else if l.contains("appear") {
        "To appear"
    } else if l.contains("press") {
        "In press"
    } else {
        "Forthcoming"
    };
    note.to_string()
}

/// Statuses of a paper still in review at a named journal ("Revise and resubmit, AER").
pub fn is_revision(note: &str) -> bool {
    matches!(
        note,
        "Revise and resubmit" | "Major revision" | "Minor revision"
    )
}

/// A venue without its status words, and the status as a note ("To appear", "Accepted",
/// "In press", "Forthcoming", "Under review", "Revise and resubmit").
pub fn split_status(v: &str) -> (String, Option<String>) {
    match STATUS.find(v) {
        Some(m) => {
            // "IEEE Trans. Netw., to appear, 2025" / "Press, forthcoming 2026": the year
            // after it stays, after a comma
            let year_after = m.as_str().ends_with(|c: char| c.is_ascii_digit());
            let end =
                m.end() - usize::from(m.as_str().ends_with(',')) - 4 * usize::from(year_after);
            let (a, b) = (v[..m.start()].trim_end(), v[end..].trim_start());
            let glue = if year_after {
                ", "
            } else if a.is_empty() || b.is_empty() || b.starts_with([',', '.', ';', ':', ')']) {
                ""
            } else {
                " "
            };
            (format!("{a}{glue}{b}"), Some(status_note(m.as_str())))
        }
        None => (v.to_string(), None),
    }
}

/// Rank notes: "(CCF-A)", "(Top Computer System Conference: A*)", "(Top ML+System Conference)".
static RANK: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\(\s*(?:ccf[- ]?[abc]|core[- ]?a\*?|top(?-u:\b)[^()]*|rank[^()]*|h5-index[^()]*|acceptance rate[^()]*|oral|spotlight|poster)\s*\)")
        .unwrap()
});
static LEAD_TAG: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"^\s*\[[^\]]{1,24}\]\s*").unwrap());
/// Words that make a remark rather than a venue.
static REMARK: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?-u:\b)(?:award|presentation|spotlight|oral|poster|highlight|selected|nominee|nominated|best paper|distinguished|invited|acceptance rate|featured|finalist)(?-u:\b)")
        .unwrap()
});
/// A rank note without its parentheses ("Top Computer System Conference: A*", "CCF-A").
pub static RANK_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^\(?\s*(?:ccf[- ]?[abc](?-u:\b)|core[- ]?a|top(?-u:\b)|rank)")
        .unwrap()
});
static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?-u:\b)[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?-u:\b)").unwrap());

/// Venue text as a reader would cite it: leading "In", "In (the) Proceedings of (the)",
/// leading tags and rank notes removed. Journals named "Proceedings of …" keep their name.
pub fn clean(venue: &str) -> String {
    let v = LEAD_TAG.replace(venue.trim(), "");
    let v = RANK.replace_all(&v, "");
    let v = v
        .trim()
        .trim_matches(|c: char| c == ',' || c == '.' || c == ' ' || c == ';');
    let v = if journal_proceedings_len(v).is_some() {
        LEAD_WORD.replace(v, "")
    } else {
        LEAD_IN.replace(v, "")
    };
    crate::markup::squash(v.trim_matches(|c: char| c == ',' || c == '.' || c == ' '))
}

/// Is this venue fragment a remark ("Long Presentation", "ACM SIGSOFT Distinguished Paper
/// Award", "Selected as Spotlight Paper in ICML 2024") rather than part of the venue?
pub fn is_remark(s: &str) -> bool {
    REMARK.is_match(s)
}

/// Where a venue segment's trailing remark starts ("CVPR, Oral" → 4): the first ", " outside
/// parentheses with a remark word after it. One pass, so a long segment costs linear time.
pub fn remark_cut(seg: &str) -> Option<usize> {
    let last = REMARK.find_iter(seg).last()?.start();
    let mut depth = 0i32;
    for (i, c) in seg.char_indices() {
        if i + 2 > last {
            break;
        }
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 && seg[i + 1..].starts_with(' ') => return Some(i),
            _ => {}
        }
    }
    None
}

/// A presentation remark closing a venue tag without brackets ("NeurIPS 2024 Spotlight",
/// "ICLR 2024 poster", "CVPR 2024 Oral", "ICLR 2023 notable top 5%"): (the venue, the
/// remark with a capital first letter). Only after a year, so "Poster Session" stays.
pub fn split_trailing_remark(v: &str) -> (String, Option<String>) {
    static TRAIL: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)(?:19|20)[0-9]{2}\)?\s*[,:-]?\s+((?:oral|spotlight|poster|highlight|long|short)(?:\s+(?:presentation|paper|talk))?|notable[- ]top[- ][0-9]{1,2}%|accept(?:ed)?\s*\((?:oral|poster|spotlight)\))\s*$").unwrap()
    });
    match TRAIL.captures(v).and_then(|c| c.get(1)) {
        Some(m) => {
            let venue = v[..m.start()].trim_end_matches([' ', ',', ':', '-']);
            let r = m.as_str();
            let mut c = r.chars();
            let remark = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default();
            (venue.to_string(), Some(remark))
        }
        None => (v.to_string(), None),
    }
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

/// Does the venue name a conference or workshop of the table, by acronym ("NeurIPS 2020")
/// or full name ("Advances in Neural Information Processing Systems 33")?
pub fn is_known_meeting(venue: &str) -> bool {
    let meeting = |k: &str| k == "conference" || k == "workshop";
    if table_kind(venue).is_some_and(meeting) {
        return true;
    }
    let l = venue.to_lowercase();
    VENUES.values().filter(|v| meeting(v.kind)).any(|v| {
        // the subject after "Conference on" names the meeting in any wording
        // ("Advances in Neural Information Processing Systems")
        let full = v.full.to_lowercase();
        let subject = full
            .split_once(" on ")
            .map(|(_, b)| b)
            .filter(|b| b.split(' ').count() >= 3)
            .unwrap_or(&full);
        l.contains(subject)
    })
}

/// What kind of publication a venue string implies.
/// A kind by its table name ("journal", "techreport").
fn kind_named(name: &str) -> Option<PubKind> {
    Some(match name {
        "conference" => PubKind::Conference,
        "workshop" => PubKind::Workshop,
        "journal" => PubKind::Journal,
        "preprint" => PubKind::Preprint,
        "patent" => PubKind::Patent,
        "thesis" => PubKind::Thesis,
        "book" => PubKind::Book,
        "chapter" => PubKind::Chapter,
        "techreport" => PubKind::TechReport,
        _ => return None,
    })
}

/// The kind a repository's work-type label names ("Journal article", "Book chapter",
/// "Conference contribution", "Doctoral Thesis"): the longest `work_types.tsv` phrase in it.
pub fn kind_from_type(label: &str) -> Option<PubKind> {
    let l = label.to_lowercase();
    crate::tables::WORK_TYPES
        .iter()
        .filter(|(phrase, _)| l.contains(**phrase))
        .max_by_key(|(phrase, _)| phrase.len())
        .and_then(|(_, kind)| kind_named(kind))
}

/// A line that is only a repository's work-type label ("Journal article", "Conference
/// paper", "Preprint", "Doctoral thesis"), as research portals print above each output.
pub fn work_type_line(line: &str) -> Option<PubKind> {
    let t = line.trim();
    // (run on every line a sniffer reads: the cheap tests first)
    if t.is_empty() || t.len() > 40 || t.split_whitespace().count() > 4 {
        return None;
    }
    let lower = t.to_lowercase();
    lower
        .split([' ', '-', '/'])
        .filter(|w| !w.is_empty())
        .all(|w| crate::tables::WORK_TYPE_WORDS.contains(w))
        .then(|| kind_from_type(t))
        .flatten()
}

/// ISO 4 / IEEE abbreviations of journal words ("IEEE J. Ocean. Eng.", "IEEE Robot. Autom.
/// Lett.", "Int. J. Robot. Res.", "ACM Trans. Graph."), as whole words.
pub(crate) fn abbreviated_journal(lower: &str) -> bool {
    if !lower.contains(". ") && !lower.ends_with('.') {
        return false;
    }
    const WORDS: &[&str] = &["trans.", "lett.", "mag.", "commun.", "jour."];
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .collect();
    // "J." is an initial too ("…, 2024, J. Zhao"): a journal's has other abbreviated words
    let abbreviated = words
        .iter()
        .filter(|w| w.len() >= 4 && w.ends_with('.') && !w[..w.len() - 1].contains('.'))
        .count();
    // "Comment. Math. Helv.", "Ann. Inst. Henri Poincaré Probab. Stat." (AMS, ISO 4): a
    // run of abbreviated words names a journal unless one names a meeting
    const MEETING: &[&str] = &["proc.", "conf.", "symp.", "workshop", "meet.", "congr."];
    words.iter().any(|w| WORDS.contains(w))
        || (words.contains(&"j.") && abbreviated >= 1)
        || (abbreviated >= 2 && !words.iter().any(|w| MEETING.contains(w)))
}

pub fn classify(venue: &str) -> PubKind {
    let l = venue.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| l.contains(x));
    if journal_proceedings_len(venue).is_some() {
        PubKind::Journal
    } else if has(&["patent"]) {
        PubKind::Patent
    } else if has(&[
        "under review",
        "under reviewed",
        "submitted",
        "in submission",
        // arXiv, bioRxiv, medRxiv, ChemRxiv, PsyArXiv, EarthArXiv, TechRxiv, SocArXiv, …
        "rxiv",
        "preprint",
        "research square",
        "authorea",
        "osf.io",
        "corr",
        "ssrn",
        "openreview",
        "working paper",
        "unpublished manuscript",
    ]) {
        PubKind::Preprint
    } else if has(&[
        "thesis",
        "dissertation",
        "thèse",
        "tesi di",
        "tesis doctoral",
        "doktorarbeit",
        "proefschrift",
    ]) {
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
        " trans.",
        // other languages: Chinese journal words, German, Spanish/Portuguese, French
        "学报",
        "期刊",
        "杂志",
        "通报",
        "zeitschrift",
        "revista",
        "revue",
    ]) || abbreviated_journal(&l)
    {
        PubKind::Journal
    } else if has(&[
        "conference",
        "symposium",
        "proceedings",
        "lecture notes in",
        "meeting",
        "congress",
        "colloquium",
        "summit",
        "forum",
        "会议",
        "tagung",
    ]) {
        PubKind::Conference
    } else if has(&[
        "review",
        "nature",
        "science",
        "annals",
        "bulletin",
        "quarterly",
    ]) {
        PubKind::Journal
    } else if let Some(k) = table_kind(venue) {
        match kind_named(k) {
            Some(k @ (PubKind::Journal | PubKind::Workshop | PubKind::Preprint)) => k,
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
    fn work_type_labels() {
        assert_eq!(kind_from_type("Book chapter"), Some(PubKind::Chapter));
        assert_eq!(
            kind_from_type("Conference contribution"),
            Some(PubKind::Conference)
        );
        assert_eq!(kind_from_type("Doctoral Thesis"), Some(PubKind::Thesis));
        assert_eq!(kind_from_type("Article"), None);
        assert_eq!(work_type_line("Journal article"), Some(PubKind::Journal));
        assert_eq!(work_type_line(" Preprint "), Some(PubKind::Preprint));
        assert_eq!(work_type_line("Journal of Hydrology, vol. 634"), None);
        assert_eq!(work_type_line("Journal of Computational Physics"), None);
        assert_eq!(work_type_line("Doctoral thesis"), Some(PubKind::Thesis));
        assert_eq!(
            work_type_line("A long title about thesis writing in the sciences"),
            None
        );
    }

    #[test]
    fn abbreviated_journals() {
        for v in [
            "IEEE J. Ocean. Eng.",
            "IEEE Robot. Autom. Lett.",
            "Int. J. Robot. Res.",
            "Comment. Math. Helv.",
            "Ann. Inst. Henri Poincaré Probab. Stat.",
        ] {
            assert_eq!(classify(v), PubKind::Journal, "{v}");
        }
        assert_eq!(
            classify("Proc. IEEE Int. Conf. Robot. Autom. (ICRA)"),
            PubKind::Conference
        );
        assert_eq!(
            classify(
                "ACM SIGMOD International Conference on Management of Data, 2024, Q. Fu, J. Zhao"
            ),
            PubKind::Conference
        );
    }

    #[test]
    fn remark_cuts() {
        assert_eq!(remark_cut("CVPR, Oral"), Some(4));
        assert_eq!(
            remark_cut("ICSE (Seoul, Korea), Distinguished Paper"),
            Some(19)
        );
        assert_eq!(remark_cut("Journal of X, vol. 3"), None);
        // linear on a long segment without a remark
        assert_eq!(remark_cut(&"“Quoted title,” ".repeat(50_000)), None);
    }

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
        assert_eq!(classify("IEEE Trans. Transport"), PubKind::Journal);
        assert_eq!(classify("Working paper"), PubKind::Preprint);
        assert_eq!(classify("软件学报 2023"), PubKind::Journal);
        assert_eq!(classify("Zeitschrift für Physik A"), PubKind::Journal);
        assert_eq!(classify("ICML 2024"), PubKind::Conference);
        assert_eq!(classify("IEEE TCAD 2025"), PubKind::Journal);
        assert_eq!(classify("arXiv preprint arXiv:2401.1"), PubKind::Preprint);
        assert_eq!(classify("Patent CN108765282B"), PubKind::Patent);
        assert_eq!(classify("ICLR Workshop on X"), PubKind::Workshop);
        assert_eq!(classify("Proc. NeurIPS'23"), PubKind::Conference);
        assert_eq!(classify("PVLDB 17(4)"), PubKind::Journal);
        assert_eq!(classify("TPAMI"), PubKind::Journal);
        assert!(crate::tables::VENUES.len() >= 150);
        assert_eq!(classify("Proc. ACM Program. Lang."), PubKind::Journal);
        assert!(is_known_meeting(
            "Advances in Neural Information Processing Systems 33"
        ));
        assert!(is_known_meeting("Proc. NeurIPS 2020"));
        assert!(!is_known_meeting("Handbook of Parallel Computing"));
        assert_eq!(classify("Proceedings of the IEEE"), PubKind::Journal);
        assert_eq!(
            classify("Proceedings of the IEEE International Conference on Robotics"),
            PubKind::Conference
        );
    }

    #[test]
    fn journals_named_proceedings() {
        for (v, n) in [
            ("Proc. of the VLDB Endowment, 14(3):1-10", 27),
            ("Proc. VLDB Endow. 14", 17),
            ("In Proc. ACM Program. Lang., 5(POPL)", 27),
            ("Proceedings of the IEEE", 23),
            ("Proc. Natl. Acad. Sci. USA", 22),
        ] {
            assert_eq!(journal_proceedings_len(v), Some(n), "{v}");
        }
        assert_eq!(
            journal_proceedings_len("Proc. IEEE Conf. Comput. Vis."),
            None
        );
        assert_eq!(
            journal_proceedings_len("Proceedings of the 50th ISCA"),
            None
        );
        assert_eq!(
            clean("In Proceedings of the IEEE"),
            "Proceedings of the IEEE"
        );
        assert_eq!(
            clean("Proceedings of the VLDB Endowment"),
            "Proceedings of the VLDB Endowment"
        );
        assert_eq!(clean("In Proceedings of ICML 2020"), "ICML 2020");
    }

    #[test]
    fn venue_tags() {
        let t = |s: &str, bare: bool| venue_tag(s, bare).map(|(v, y)| format!("{v} {y:?}"));
        assert_eq!(t("ICLR'24", false).as_deref(), Some("ICLR Some(2024)"));
        assert_eq!(
            t("ICLR 2024", false).as_deref(),
            Some("ICLR 2024 Some(2024)")
        );
        assert_eq!(t("MLSys-26", false).as_deref(), Some("MLSys Some(2026)"));
        assert_eq!(t("NeurIPS", true).as_deref(), Some("NeurIPS None"));
        assert_eq!(t("NeurIPS", false), None);
        assert_eq!(t("GPT-4", false), None);
        assert_eq!(t("C1", true), None);
        assert_eq!(t("PhD thesis", true), None);
    }

    #[test]
    fn status_words() {
        let st = |v: &str| {
            let (rest, note) = split_status(v);
            format!("{rest} | {}", note.unwrap_or_default())
        };
        for (v, want) in [
            (
                "to appear in Proc. ICML, 2024",
                "Proc. ICML, 2024 | To appear",
            ),
            (
                "Journal of Things (to appear), 2024",
                "Journal of Things, 2024 | To appear",
            ),
            (
                "Journal of Things, in press.",
                "Journal of Things | In press",
            ),
            ("Accepted at ICLR 2025", "ICLR 2025 | Accepted"),
            (
                "IEEE Trans. Netw., to appear, 2025.",
                "IEEE Trans. Netw., 2025. | To appear",
            ),
            (
                "Princeton University Press, forthcoming 2026.",
                "Princeton University Press, 2026. | Forthcoming",
            ),
            (
                "Accepted for publication in IEEE TPAMI",
                "IEEE TPAMI | Accepted",
            ),
            (
                "Accepted as a poster at ICLR 2024",
                "ICLR 2024 | Accepted as a poster",
            ),
            (
                "Conditionally accepted to CHI 2025",
                "CHI 2025 | Conditionally accepted",
            ),
            ("In Press, Nature", "Nature | In press"),
            ("ICLR 2025 [under review]", "ICLR 2025 | Under review"),
            (
                "arXiv:2401.01234 (under review at ICML 2024)",
                "arXiv:2401.01234 | Under review",
            ),
            (
                "Revise and resubmit, American Economic Review",
                "American Economic Review | Revise and resubmit",
            ),
            (
                "R&R at Econometrica, 2024",
                "Econometrica, 2024 | Revise and resubmit",
            ),
            ("In Proceedings of ICML", "In Proceedings of ICML | "),
            (
                "Cambridge University Press",
                "Cambridge University Press | ",
            ),
        ] {
            assert_eq!(st(v), want, "{v}");
        }
    }

    #[test]
    fn trailing_remarks() {
        assert_eq!(
            split_trailing_remark("NeurIPS 2024 Spotlight"),
            ("NeurIPS 2024".to_string(), Some("Spotlight".to_string()))
        );
        assert_eq!(
            split_trailing_remark("ICLR 2023 notable top 5%")
                .1
                .as_deref(),
            Some("Notable top 5%")
        );
        assert_eq!(split_trailing_remark("Poster Session 2").1, None);
    }

    #[test]
    fn glued_years() {
        let y =
            |v: &str| glued_year(v).map(|(y, r)| (y, format!("{}{}", &v[..r.start], &v[r.end..])));
        assert_eq!(y("NeurIPS'23"), Some((2023, "NeurIPS".into())));
        assert_eq!(
            y("Proc. ICML '21, Vienna"),
            Some((2021, "Proc. ICML, Vienna".into()))
        );
        assert_eq!(y("CVPR’22"), Some((2022, "CVPR".into())));
        assert_eq!(y("ICLR Workshop '98"), Some((1998, "ICLR Workshop".into())));
        assert_eq!(y("O'Reilly '21"), None);
        assert_eq!(y("Children's '21"), None);
        assert_eq!(y("ICML'2021"), None);
    }
}
