//! BibTeX entries a page carries beside its printed references (a ```` ```bibtex ```` block
//! on an academicpages paper page, al-folio's hidden "Bib" box, a `<pre>` on a lab page),
//! read with the `biblatex` crate.
//!
//! Input: the whole source text. Output: one `Publication` per entry that parses. The printed
//! reference stays the main reading; `enrich` fills what it lacks from the entry with the
//! same title, and adds entries no printed reference matches.

use std::sync::LazyLock;

use biblatex::{Bibliography, ChunksExt, Entry, EntryType};
use regex::Regex;

use crate::markup;
use crate::model::{Authors, Date, Person, PubKind, Publication};
use crate::normalize::title_key;

/// The start of an entry; in highlighted HTML the brace sits in its own `<span>`.
static ENTRY_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)@(?:article|inproceedings|incollection|inbook|book|phdthesis|mastersthesis|thesis|misc|techreport|report|conference|unpublished|online|proceedings|patent)(?:\s|</span>|<span[^<>]*>)*\{").unwrap()
});
static TAG: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r"<[^<>]*>").unwrap());

/// An entry longer than this is no hand-written reference: the scan stops there.
const MAX_ENTRY: usize = 20_000;

/// The entries embedded in a page, in page order.
pub fn entries(src: &str) -> Vec<Publication> {
    let Some(first) = ENTRY_START.find(src) else {
        return Vec::new();
    };
    // highlighted or escaped HTML: read the text a browser shows
    let text = if src[first.start()..].contains('<') {
        markup::entities(&TAG.replace_all(&src[first.start()..], ""))
    } else {
        src[first.start()..].to_string()
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(m) = ENTRY_START.find_at(&text, from) {
        let Some(end) = balanced_end(&text[m.end()..]) else {
            break;
        };
        let chunk = &text[m.start()..m.end() + end];
        from = m.end() + end;
        if let Ok(bib) = Bibliography::parse(chunk) {
            out.extend(bib.iter().filter_map(publication));
        }
    }
    out
}

/// Byte length up to and including the brace that closes an entry opened just before `s`.
fn balanced_end(s: &str) -> Option<usize> {
    let mut depth = 1usize;
    for (i, b) in s.bytes().enumerate().take(MAX_ENTRY) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

fn field(e: &Entry, k: &str) -> String {
    e.get(k)
        .map(|c| markup::squash(&c.format_verbatim()))
        .unwrap_or_default()
}

fn people(v: Vec<biblatex::Person>) -> Authors {
    Authors {
        people: v
            .into_iter()
            .map(|p| Person {
                given: p.given_name,
                family: [p.prefix, p.name]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
                suffix: p.suffix,
                ..Person::default()
            })
            .collect(),
        et_al: false,
    }
}

fn publication(e: &Entry) -> Option<Publication> {
    let title = field(e, "title");
    if title.is_empty() {
        return None;
    }
    let mut p = Publication {
        title: title.trim_end_matches('.').to_string(),
        authors: e.author().map(people).unwrap_or_default(),
        doi: field(e, "doi"),
        volume: field(e, "volume"),
        number: field(e, "number"),
        pages: field(e, "pages")
            .replace(['–', '—'], "-")
            .replace("--", "-"),
        publisher: field(e, "publisher"),
        url: field(e, "url"),
        abstract_: field(e, "abstract"),
        ..Publication::default()
    };
    let eprint = field(e, "eprint");
    let arxiv = field(e, "archiveprefix").eq_ignore_ascii_case("arxiv")
        || field(e, "eprinttype").eq_ignore_ascii_case("arxiv");
    if arxiv {
        p.arxiv = eprint;
    }
    p.date = date(e);
    let venue = |keys: &[&str]| keys.iter().map(|k| field(e, k)).find(|v| !v.is_empty());
    let (kind, venue) = match &e.entry_type {
        EntryType::Article => (PubKind::Journal, venue(&["journal", "journaltitle"])),
        EntryType::InProceedings => (PubKind::Conference, venue(&["booktitle"])),
        EntryType::InCollection | EntryType::InBook => (PubKind::Chapter, venue(&["booktitle"])),
        EntryType::Book => (PubKind::Book, venue(&["publisher"])),
        EntryType::PhdThesis | EntryType::MastersThesis | EntryType::Thesis => {
            (PubKind::Thesis, venue(&["school", "institution"]))
        }
        EntryType::TechReport | EntryType::Report => (PubKind::TechReport, venue(&["institution"])),
        EntryType::Patent => (PubKind::Patent, None),
        _ => {
            let v = venue(&["howpublished", "journal", "publisher"]);
            let preprint = !p.arxiv.is_empty()
                || v.as_deref()
                    .is_some_and(|v| crate::lex::venue::classify(v) == PubKind::Preprint);
            let kind = if preprint {
                PubKind::Preprint
            } else {
                PubKind::Misc
            };
            (kind, v)
        }
    };
    p.kind = kind;
    p.venue = venue.unwrap_or_default().trim().to_string();
    Some(p)
}

fn date(e: &Entry) -> Option<Date> {
    let year: u16 = field(e, "year").get(..4)?.parse().ok()?;
    let month = crate::lex::date::parse_date(&format!("{} {year}", field(e, "month")))
        .and_then(|d| d.month);
    Some(Date {
        year: Some(year),
        month,
        day: None,
    })
}

/// Initials only ("T. H."): the entry's full given names are the better reading.
fn initials_only(a: &Authors) -> bool {
    !a.people.is_empty()
        && a.people.iter().all(|p| {
            p.given
                .split([' ', '.', '-'])
                .filter(|w| !w.is_empty())
                .all(|w| w.chars().count() == 1)
        })
}

/// Fill the printed references from the page's BibTeX entries with the same title; add the
/// entries no printed reference matches.
pub fn enrich(pubs: &mut Vec<Publication>, src: &str) {
    for e in entries(src) {
        let key = title_key(&e.title);
        match pubs.iter_mut().find(|p| title_key(&p.title) == key) {
            Some(p) => {
                let same_people = p.authors.people.len() == e.authors.people.len()
                    && p.authors
                        .people
                        .iter()
                        .zip(&e.authors.people)
                        .all(|(a, b)| title_key(&a.family) == title_key(&b.family));
                if initials_only(&p.authors) && same_people {
                    p.authors = e.authors.clone();
                }
                p.fill_missing(&e);
                if p.abstract_.is_empty() {
                    p.abstract_.clone_from(&e.abstract_);
                }
            }
            None => pubs.push(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fenced_entry_fills_the_printed_reference() {
        let src = "Recommended citation: Nguyen, T. H., & Murphy, B. P. (2023). Fire.\n\n```bibtex\n@article{nguyen2023fire,\n  title = {Fire frequency in northern {A}ustralia},\n  author = {Nguyen, Thi Hoa and Murphy, Brett P.},\n  journal = {Journal of Applied Ecology},\n  volume = {60}, number = {5}, pages = {845--858}, year = {2023}, month = mar,\n  doi = {10.1111/1365-2664.14390}\n}\n```\n";
        let mut pubs = vec![Publication {
            title: "Fire frequency in northern Australia".into(),
            authors: crate::lex::name::parse_authors("T. H. Nguyen and B. P. Murphy"),
            ..Publication::default()
        }];
        enrich(&mut pubs, src);
        assert_eq!(pubs.len(), 1);
        let p = &pubs[0];
        assert_eq!(p.authors.people[0].given, "Thi Hoa");
        assert_eq!((p.volume.as_str(), p.pages.as_str()), ("60", "845-858"));
        assert_eq!(p.doi, "10.1111/1365-2664.14390");
        assert_eq!(p.venue, "Journal of Applied Ecology");
        assert_eq!(p.date.and_then(|d| d.month), Some(3));
    }

    #[test]
    fn highlighted_html_entries_are_read_and_unmatched_ones_added() {
        let src = r#"<pre><code class="language-bibtex"><span class="nc">@inproceedings</span><span class="p">{</span><span class="nl">a2024</span><span class="p">,</span>
  <span class="na">title</span> <span class="p">=</span> <span class="s">{Graphs &amp; Maps}</span><span class="p">,</span>
  <span class="na">booktitle</span> <span class="p">=</span> <span class="s">{CogSci}</span><span class="p">,</span>
  <span class="na">eprint</span> = {2401.00001}, archiveprefix = {arXiv}, year = {2024}
<span class="p">}</span></code></pre>"#;
        let mut pubs = Vec::new();
        enrich(&mut pubs, src);
        assert_eq!(pubs.len(), 1);
        assert_eq!(pubs[0].title, "Graphs & Maps");
        assert_eq!(pubs[0].kind, PubKind::Conference);
        assert_eq!(pubs[0].arxiv, "2401.00001");
    }

    #[test]
    fn unbalanced_or_broken_entries_are_skipped() {
        assert!(entries("@article{x, title = {never closed").is_empty());
        assert!(entries("mail me @misc{ nothing }").is_empty());
    }
}
