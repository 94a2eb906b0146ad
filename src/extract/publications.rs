//! Publication-list sections → `Publication` items (one per entry, any citation style).
//!
//! Input: the blocks of a Publications / Preprints / Patents section. Output: one
//! `Publication` per entry, in document order.
//!
//! Entries come as: one block per reference (numbered `1.`, tagged `[ATC-24]`, bulleted or
//! plain); a Markdown card (`### Title` heading, italic author line, venue line, remark
//! lines); or several references glued into one block by PDF extraction
//! (`... Award 8. H. Huang, ...`, `...2018*16. G. Luo ...`), which are cut apart at the
//! next number in sequence. Legends (`*Contribute equally`) and fragments without a title
//! are skipped.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Block, BlockKind};
use crate::lex::{citation, name, venue};
use crate::model::{PubKind, Publication};
use crate::sections::SectionKind;

static LEGEND: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^\s*(?:\\?\*|†|‡|<sup>[^<]*</sup>)+\s*(?:\\?\*)?\s*(?:contribute[sd]? equally|equal contribution|corresponding author|these authors)").unwrap()
});
/// "Student advisees are marked with an asterisk (*)", "* denotes a trainee author": a legend
/// saying what the marks mean.
static MARK_LEGEND: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?-u:\b)(?:marked|denoted|indicated|identified)\s+(?:with|by)\s+(?:an?\s+)?(?:asterisks?|\(?\\?\*\)?|daggers?|†)|^\s*(?:\(?\\?\*\)?|†)\s*(?:denotes|indicates|marks)(?-u:\b)")
        .unwrap()
});
/// Marks that name students or mentees, not equal contributors.
static STUDENT_MARKS: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"(?i)(?-u:\b)(?:students?|advisees?|mentees?|trainees?|supervised|postdocs?)(?-u:\b)",
    )
    .unwrap()
});
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"^\s*\[?([0-9]{1,3})[.\])]\s").unwrap());

pub fn section(blocks: &[Block], kind: SectionKind) -> Vec<Publication> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        if matches!(b.kind, BlockKind::Heading(_)) && crate::lex::date::year_group(&b.text) {
            // "### 2023" groups the entries below it; it is not a paper
            i += 1;
            continue;
        }
        if let BlockKind::Heading(_) = b.kind {
            // a card: heading title, then author / venue / remark lines up to the next heading
            let mut j = i + 1;
            while j < blocks.len() && !matches!(blocks[j].kind, BlockKind::Heading(_)) {
                j += 1;
            }
            // "## 🤖 Embodied AI" over list items that are whole references: a topic group
            if crate::sections::classify_heading(&b.text).is_some()
                || topic_group(&blocks[i + 1..j])
            {
                i += 1;
                continue;
            }
            if let Some(p) = card(&blocks[i], &blocks[i + 1..j]) {
                out.push(p);
            }
            i = j;
            continue;
        }
        // "Winner, First Book Prize, 2020", "Reviewed in Speculum": about the entry above
        if let Some(last) = out.last_mut().filter(|_| citation::remark_line(&b.text)) {
            last.notes
                .push(b.text.trim().trim_end_matches('.').to_string());
            i += 1;
            continue;
        }
        if !LEGEND.is_match(&b.raw)
            && !MARK_LEGEND.is_match(&b.text)
            && !matches!(b.kind, BlockKind::Rule)
        {
            for entry in unglue(&b.raw) {
                let Some(entry) = drop_garbled_tail(&entry) else {
                    continue;
                };
                if let Some(mut p) =
                    citation::parse_reference(entry).filter(|p| confident(p, entry))
                {
                    add_link(&mut p, b);
                    out.push(p);
                }
            }
        }
        i += 1;
    }
    same_authors_as_above(&mut out);
    for p in &mut out {
        if kind == SectionKind::Preprints && !matches!(p.kind, PubKind::Patent | PubKind::Preprint)
        {
            p.kind = PubKind::Preprint;
        }
        if kind == SectionKind::Patents {
            p.kind = PubKind::Patent;
        }
    }
    out
}

/// "———. “Title.” …" (Chicago, MLA): a rule in the authors' place repeats the authors of
/// the reference above.
fn same_authors_as_above(out: &mut [Publication]) {
    let rule = |p: &Publication| {
        p.authors.people.len() == 1 && {
            let a = &p.authors.people[0];
            name::is_author_rule(&format!("{}{}", a.given, a.family))
        }
    };
    for i in 1..out.len() {
        if rule(&out[i]) && !rule(&out[i - 1]) {
            out[i].authors = out[i - 1].authors.clone();
        }
    }
}

/// Does the document explain its author marks as students or mentees ("Student advisees are
/// marked with an asterisk (*)")? Then a mark says nothing of equal contribution.
pub fn marks_name_students(blocks: &[Block]) -> bool {
    blocks
        .iter()
        // (a cheap look for the mark first: the pattern runs on every block)
        .filter(|b| {
            ["*", "†", "sterisk", "agger"]
                .iter()
                .any(|m| b.text.contains(m))
        })
        .any(|b| MARK_LEGEND.is_match(&b.text) && STUDENT_MARKS.is_match(&b.text))
}

/// `### Title` + `*authors*` + venue line + remark lines (seed 001's layout).
/// Does a heading's body hold whole references as list items, so the heading only names
/// their topic? (A card's body is its author and venue lines.)
fn topic_group(body: &[Block]) -> bool {
    body.is_empty()
        || body.iter().any(|b| {
            // (paragraphs too: "**[J2]** Authors. 2024. Title. *Venue* …")
            matches!(b.kind, BlockKind::Item(_) | BlockKind::Para)
                && b.text.len() > 60
                && unglue(&b.raw).iter().any(|e| {
                    drop_garbled_tail(e).is_some_and(|e| {
                        citation::parse_reference(e).is_some_and(|p| {
                            confident(&p, e) && !p.authors.is_empty() && !p.title.is_empty()
                        })
                    })
                })
        })
}

fn card(head: &Block, body: &[Block]) -> Option<Publication> {
    let title = head.text.trim().trim_end_matches('.').to_string();
    if title.is_empty() {
        return None;
    }
    let mut p = Publication {
        title,
        ..Default::default()
    };
    let mut lines = body.iter().filter(|b| !b.text.trim().is_empty());
    if let Some(a) = lines.next() {
        p.authors = name::parse_authors(&a.raw);
    }
    if let Some(v) = lines.next() {
        citation::read_venue_line(&mut p, &v.raw);
        add_link(&mut p, v);
    }
    for r in lines {
        let t = r.text.replace("[poster]", "").replace("[code]", "");
        let t = t.trim().trim_end_matches('.').trim();
        if !t.is_empty() {
            p.notes.push(t.to_string());
        }
    }
    if let Some(n) = name::equal_note(&p.authors) {
        p.notes.insert(0, n);
    }
    if p.venue.is_empty() && p.kind == PubKind::Conference {
        p.kind = PubKind::Misc;
    }
    Some(p)
}

/// A real paper link of the block (not code or project pages) becomes the url. A link on the
/// title ("A. Roe. [Title](url). Venue") is the paper's link, and its text bounds the title
/// where the title itself holds a sentence end ("When Does It Fail? A Spectral View").
fn add_link(p: &mut Publication, b: &Block) {
    let title = p.title.to_lowercase();
    let on_title = b.links.iter().find(|l| {
        let t = crate::markup::plain(&l.text);
        let t = t.trim().trim_end_matches('.').to_lowercase();
        !title.is_empty() && t.starts_with(&title) && t.split_whitespace().count() >= 2
    });
    if let Some(l) = on_title {
        let text = crate::markup::plain(&l.text);
        let text = text.trim().trim_end_matches('.');
        if text.len() > p.title.len() {
            // the venue began with the title's rest: take it back
            let extra = text[p.title.len()..]
                .trim_start_matches(['?', '!', '.', ' '])
                .trim();
            if let Some(v) = p.venue.strip_prefix(extra) {
                p.venue = v.trim_start_matches(['.', ',', ' ']).to_string();
                p.title = text.to_string();
                if !p.venue.is_empty() {
                    p.kind = crate::lex::venue::classify(&p.venue);
                }
            }
        }
        let u = l.url.trim();
        if p.url.is_empty() && crate::emit::resume::valid_uri(u) {
            p.url = u.to_string();
            if p.arxiv.is_empty() {
                p.arxiv = crate::lex::ids::arxiv_id(u).unwrap_or_default();
            }
        }
    }
    if !p.url.is_empty() {
        return;
    }
    for l in &b.links {
        let t = l.text.to_lowercase();
        if t.contains("paper") || t.contains("pdf") || l.url.contains("doi.org") {
            p.url = l.url.clone();
            return;
        }
        if t.contains("arxiv") || l.url.contains("arxiv.org") {
            if let Some(id) = l.url.rsplit('/').next() {
                if p.arxiv.is_empty() && id.contains('.') {
                    p.arxiv = id.trim_end_matches(".pdf").to_string();
                }
            }
        }
    }
}

/// Cut a block that holds several numbered references ("... 2024, ACM Award 8. H. Huang,
/// ...") at each next number in sequence.
fn unglue(raw: &str) -> Vec<String> {
    let Some(first) = NUMBER
        .captures(raw)
        .and_then(|c| c[1].parse::<usize>().ok())
    else {
        return vec![raw.to_string()];
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut next = first + 1;
    let mut from = NUMBER.find(raw).map_or(0, |m| m.end());
    loop {
        let pat = format!("{next}. ");
        let Some(rel) = raw[from..].find(&pat) else {
            break;
        };
        let at = from + rel;
        // the number must follow a word end, a closing mark or a year, and lead a name
        let before = raw[..at].chars().next_back().unwrap_or(' ');
        let after = &raw[at + pat.len()..];
        let leads_name = after.starts_with(|c: char| c.is_uppercase() || c == '*' || c == '[');
        // the number follows a word end or a closing mark (a digit before it is a page or year)
        let boundary = before.is_whitespace() || matches!(before, '*' | '.' | ',' | ')' | ';');
        if at > start && leads_name && boundary {
            out.push(raw[start..at].trim().to_string());
            start = at;
            next += 1;
        }
        from = at + pat.len();
    }
    out.push(raw[start..].trim().to_string());
    out.retain(|s| !s.is_empty());
    out
}

/// A lone line read as a reference must show authors, or a venue and a date: card pieces
/// (a bare title line, an abstract, a badge) are not references.
/// Enough to call a line a paper: authors, or a venue and a date, or a title printed in
/// quotes and a date (`"Bank Lending under Uncertainty," 2023.`: a working paper).
fn confident(p: &Publication, entry: &str) -> bool {
    !first_person_prose(entry) && confident_fields(p, entry)
}

/// "I am an urban sociologist who studies …": a bio paragraph over a page's papers.
fn first_person_prose(entry: &str) -> bool {
    let mut words = entry.split_whitespace();
    entry.len() > 100
        && matches!(words.next(), Some("I" | "My" | "We" | "Our"))
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase))
}

fn confident_fields(p: &Publication, entry: &str) -> bool {
    !p.authors.is_empty()
        || (!p.venue.is_empty() && p.date.is_some())
        || (p.date.is_some()
            && !p.title.is_empty()
            && [('"', '"'), ('“', '”')]
                .iter()
                .any(|(o, c)| entry.contains(&format!("{o}{}", p.title)) && entry.contains(*c)))
}

/// PDF extraction sometimes repeats the start of the next entry after an entry
/// (`..., 2024, Q. Fu, H. Huang, ... "TripLe: Revisiting`): an unclosed quote. The tail
/// from that quote on is dropped; an entry that is nothing but such a fragment is skipped.
fn drop_garbled_tail(entry: &str) -> Option<&str> {
    let quotes = entry.matches('"').count();
    if quotes % 2 == 0 {
        return Some(entry);
    }
    if quotes == 1 {
        return None;
    }
    entry.rfind('"').map(|i| &entry[..i])
}

/// Venue remarks on their own, for callers that print them (kept here so the rule is one).
pub fn is_remark(s: &str) -> bool {
    venue::is_remark(s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_bio_paragraph_is_no_reference() {
        assert!(super::first_person_prose("I am an urban sociologist who studies housing insecurity, eviction, and rental markets. I joined McGill in 2020."));
        assert!(!super::first_person_prose("I. Roe and J. Doe. A long enough title for the test of this rule. Journal of Tests, 2020, 1–9."));
    }

    use super::*;

    #[test]
    fn a_rule_repeats_the_authors_above() {
        let blocks: Vec<Block> = [
            "Roe, Niamh. “Bog, Turf, and the State.” Environmental History 29, no. 2 (2024): 301–29.",
            "———. “Poor Man’s Coal: Turf and Fuel Poverty.” Urban History 48, no. 4 (2021): 702–20.",
        ]
        .iter()
        .map(|t| Block::new(BlockKind::Para, t, 0..0))
        .collect();
        let out = section(&blocks, SectionKind::Publications);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].authors.people[0].family, "Roe");
    }

    #[test]
    fn title_link_is_the_url_and_bounds_the_title() {
        let b = Block::new(
            BlockKind::Item(0),
            "Hannah Brooks and **Mateo Alvarez**. [When Does Fine-Tuning Distort Features? A Spectral View](https://openreview.net/forum?id=X1). *ICLR*, 2024.",
            0..0,
        );
        let ps = section(&[b], SectionKind::Publications);
        assert_eq!(ps.len(), 1);
        assert_eq!(
            ps[0].title,
            "When Does Fine-Tuning Distort Features? A Spectral View"
        );
        assert_eq!(ps[0].venue, "ICLR");
        assert_eq!(ps[0].url, "https://openreview.net/forum?id=X1");
    }
}
