//! AcadHomepage paper boxes → `Publication`.
//!
//! Input: one `<div class='paper-box'>` element (image column with a venue badge, text
//! column in Markdown). Output: title and its link, authors (bold self-name, `\*` equal
//! contribution), venue + year from the badge (or the venue line when there is no badge),
//! rank notes such as "(CCF-A)" dropped, the "Paper" link as url, an arXiv link as eprint.
//! Code, project and press links are not recorded.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Selector};

use super::html;
use crate::lex::{citation, ids, name, venue};
use crate::markup::{self, Link};
use crate::model::{Date, PubKind, Publication};
use crate::tables::VENUES;

static BADGE: LazyLock<Selector> = LazyLock::new(|| Selector::parse(".badge").unwrap());
static TEXT: LazyLock<Selector> = LazyLock::new(|| Selector::parse(".paper-box-text").unwrap());
static IMAGE: LazyLock<Selector> = LazyLock::new(|| Selector::parse(".paper-box-image").unwrap());

/// Parenthesised rank notes: CCF/CORE/JCR ranks, quartiles, impact factors.
static RANK_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\s*[(\[](?:[^()\[\]]*(?-u:\b)(?:ccf|core|jcr|sci|ei|q[1-4]|rank(?:ed|ing)?|tier|th-cpl|impact factor|if)(?-u:\b)[^()\[\]]*|non-ccf)[)\]]")
        .unwrap()
});
/// Parenthesised remarks kept as a BibTeX note.
static REMARK: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\s*[(\[]((?:[^()\[\]]*(?-u:\b))?(?:oral|spotlight|highlight|best [a-z ]*paper[^()\[\]]*|award[^()\[\]]*|long|short|poster|nominat[a-z]*)(?:(?-u:\b)[^()\[\]]*)?)[)\]]")
        .unwrap()
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?:^|[^0-9])((?:19|20)[0-9]{2})(?:$|[^0-9])|'([0-9]{2})(?-u:\b)").unwrap()
});
/// Link words that name a resource other than the paper itself.
const SIDE_LINKS: &[&str] = &[
    "code",
    "github",
    "project",
    "page",
    "website",
    "homepage",
    "demo",
    "video",
    "slides",
    "slide",
    "poster",
    "bib",
    "bibtex",
    "dataset",
    "data",
    "blog",
    "talk",
    "media",
    "news",
    "youtube",
    "model",
    "huggingface",
    "zhihu",
    "机器之心",
    "知乎",
    "量子位",
];
/// Link words that name the paper.
const PAPER_LINKS: &[&str] = &[
    "paper",
    "pdf",
    "html",
    "link",
    "doi",
    "publisher",
    "full text",
    "acm",
    "ieee",
];

/// Parse one paper box; `None` when it holds no title.
pub fn parse(fragment: &str) -> Option<Publication> {
    if !html::parseable(fragment) {
        return None;
    }
    let doc = Html::parse_fragment(fragment);
    let badge = doc
        .select(&BADGE)
        .next()
        .map(|b| markup::squash(&b.text().collect::<String>()))
        .unwrap_or_default();
    let md = match doc.select(&TEXT).next() {
        Some(t) => html::children_markdown(*t),
        None => {
            // no text column: everything but the image column
            let mut s = String::new();
            for el in doc.root_element().children() {
                let is_image = scraper::ElementRef::wrap(el)
                    .is_some_and(|e| doc.select(&IMAGE).any(|i| i.id() == e.id()));
                if !is_image {
                    s.push_str(&html::children_markdown(el));
                }
            }
            s
        }
    };
    from_markdown(&md, &badge)
}

/// The text column (Markdown, one unit per line) and the badge → `Publication`.
pub fn from_markdown(md: &str, badge: &str) -> Option<Publication> {
    let units: Vec<&str> = md
        .lines()
        .map(str::trim)
        .filter(|l| !markup::plain(l).is_empty())
        .filter(|l| !l.starts_with("- ") && !l.starts_with("* "))
        .collect();
    let (&title_raw, rest) = units.split_first()?;
    let mut p = Publication::default();
    let title_links = markup::links(title_raw);
    p.title = markup::plain(title_raw)
        .trim_end_matches(['.', ','])
        .trim()
        .to_string();
    if p.title.is_empty() {
        return None;
    }
    if let Some(l) = title_links.first() {
        p.url = markup::entities(&l.url);
    }
    let mut venue_line = String::new();
    let mut side: Vec<Link> = Vec::new();
    let mut authors_done = false;
    for u in rest {
        if is_link_line(u) {
            side.extend(markup::links(u));
        } else if !authors_done {
            p.authors = name::parse_authors(u.trim_end_matches([',', '.', ' ']));
            authors_done = true;
        } else if is_remark_line(u) {
            // "<span style="color:red">**Spotlight Presentation**</span>"
            p.notes.push(markup::plain(u).trim().to_string());
        } else if venue_line.is_empty() {
            let links = markup::links(u);
            side.extend(links);
            venue_line = markup::plain(&strip_links(u));
        }
    }
    if badge.is_empty() {
        set_venue(&mut p, &venue_line);
    } else if !full_venue_line(&mut p, &venue_line, badge) {
        set_venue(&mut p, badge);
    }
    for l in &side {
        let url = markup::entities(&l.url);
        let text = l.text.to_lowercase();
        if let Some(id) = ids::arxiv_id(&url) {
            if p.arxiv.is_empty() {
                p.arxiv = id;
            }
            continue;
        }
        if p.doi.is_empty() {
            if let Some(d) = ids::doi(&url) {
                p.doi = d;
            }
        }
        let is_paper = PAPER_LINKS.iter().any(|w| text.contains(w))
            && !SIDE_LINKS.iter().any(|w| text.contains(w));
        if is_paper && p.url.is_empty() {
            p.url = url;
        }
    }
    if p.arxiv.is_empty() {
        if let Some(id) = ids::arxiv_id(&p.url) {
            p.arxiv = id;
        }
    }
    if p.url.is_empty() && !p.arxiv.is_empty() {
        p.url = format!("https://arxiv.org/abs/{}", p.arxiv);
    }
    if let Some(note) = name::equal_note(&p.authors) {
        p.notes.push(note);
    }
    Some(p)
}

/// A short line that only remarks on the paper ("Spotlight Presentation", "Oral").
fn is_remark_line(u: &str) -> bool {
    let t = markup::plain(u);
    t.split_whitespace().count() <= 5 && !YEAR.is_match(&t) && venue::is_remark(&t)
}

/// A venue line fuller than the badge ("*IEEE Transactions on … (TPAMI)*, vol. 47, no. 5,
/// pp. 3310-3324, 2025" under a "TPAMI 2025" badge) is read as a reference's venue part;
/// a line that only repeats the badge ("ISCA 2025 (CCF-A)") is not. The badge's remarks
/// and year fill what the line leaves out.
fn full_venue_line(p: &mut Publication, line: &str, badge: &str) -> bool {
    let line = markup::squash(&RANK_NOTE.replace_all(line, ""));
    let words = |s: &str| s.split_whitespace().count();
    if line.is_empty() || line.trim() == badge.trim() || words(&line) <= words(badge) + 1 {
        return false;
    }
    let Some(q) = citation::parse_reference(&format!("\"{}\", {line}", p.title)) else {
        return false;
    };
    if q.venue.is_empty() {
        return false;
    }
    let mut from_badge = Publication::default();
    set_venue(&mut from_badge, badge);
    p.venue = q.venue;
    p.kind = q.kind;
    p.date = q.date.or(from_badge.date);
    p.volume = q.volume;
    p.number = q.number;
    p.pages = q.pages;
    p.notes.extend(if q.notes.is_empty() {
        from_badge.notes
    } else {
        q.notes
    });
    for (dst, src) in [(&mut p.doi, q.doi), (&mut p.arxiv, q.arxiv)] {
        if dst.is_empty() {
            *dst = src;
        }
    }
    true
}

/// A line made of links (`[**Paper**](u) | [**Code**](v)`), with at most a few other words.
fn is_link_line(u: &str) -> bool {
    let links = markup::links(u);
    if links.is_empty() {
        return false;
    }
    let rest = markup::plain(&strip_links(u));
    let leftover = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    leftover <= 2
        || links
            .iter()
            .filter(|l| {
                let t = l.text.to_lowercase();
                PAPER_LINKS.iter().chain(SIDE_LINKS).any(|w| t.contains(w)) || t.contains("arxiv")
            })
            .count()
            >= 2
}

static MD_LINK_OR_IMAGE: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"!?\[(?:\\.|[^\[\]\\\n])*\]\([^)\n]*\)").unwrap());

fn strip_links(u: &str) -> String {
    MD_LINK_OR_IMAGE.replace_all(u, " ").into_owned()
}

/// Venue text, year and kind from a badge or venue line.
fn set_venue(p: &mut Publication, raw: &str) {
    let mut v = RANK_NOTE.replace_all(raw, "").into_owned();
    if let Some(c) = REMARK.captures(&v) {
        p.notes.push(c[1].trim().to_string());
        v = REMARK.replace_all(&v, "").into_owned();
    }
    let (v, remark) = venue::split_trailing_remark(&markup::squash(&v));
    p.notes.extend(remark);
    let v = venue::clean(&v);
    let badge_id = ids::arxiv_id(&v);
    if let Some(id) = &badge_id {
        p.arxiv = id.clone();
    }
    if let Some(c) = YEAR.captures(&v) {
        let y = c.get(1).and_then(|m| m.as_str().parse().ok()).or_else(|| {
            c.get(2)
                .and_then(|m| m.as_str().parse::<u16>().ok().map(|y| 2000 + y))
        });
        p.date = y.map(Date::year);
    }
    let lower = v.to_lowercase();
    if lower.contains("under review")
        || lower.contains("submitted")
        || lower.contains("in submission")
    {
        p.kind = PubKind::Preprint;
        p.notes.push("Under review".into());
        return;
    }
    p.kind = kind_of(&v);
    if p.kind == PubKind::Preprint && badge_id.is_some() {
        // "arxiv:2304.06627" is an identifier, not a venue
        p.venue = "arXiv".into();
        return;
    }
    p.venue = v;
}

/// The kind a venue implies, with journal acronyms (TCAD, TPAMI) from `venues.tsv`.
fn kind_of(v: &str) -> PubKind {
    let k = venue::classify(v);
    if k != PubKind::Conference {
        return k;
    }
    let journal_acronym = v
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| VENUES.get(w.to_uppercase().as_str()))
        .any(|e| e.kind == "journal");
    if journal_acronym {
        PubKind::Journal
    } else {
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: &str = r#"<div class='paper-box'><div class='paper-box-image'><div><div class="badge">IEEE TCAD 2025</div><img src='images/TCAD25.png' alt="sym" width="100%"></div></div>
<div class='paper-box-text' markdown="1">

[Enabling Efficient Sparse Multiplications](https://ieeexplore.ieee.org/document/10802949)

**Jiaming Xu\***, Shan Huang\*, Guohao Dai

IEEE TCAD 2025 (CCF-A)

[**Paper**](https://ieeexplore.ieee.org/document/10802949) &nbsp; | &nbsp; [**Arxiv**](https://arxiv.org/abs/2311.01282v2) &nbsp; | &nbsp; [**Code**](https://github.com/dgSPARSE) ![](https://img.shields.io/github/stars/x) <strong><span class='show_paper_citations' data='ovQFaicAAAAJ:Tyk'></span></strong>
</div>
</div>"#;

    #[test]
    fn reads_a_paper_box() {
        let p = parse(BOX).unwrap();
        assert_eq!(p.title, "Enabling Efficient Sparse Multiplications");
        assert_eq!(p.url, "https://ieeexplore.ieee.org/document/10802949");
        assert_eq!(p.venue, "IEEE TCAD 2025");
        assert_eq!(p.date, Some(Date::year(2025)));
        assert_eq!(p.kind, PubKind::Journal);
        assert_eq!(p.arxiv, "2311.01282");
        assert_eq!(p.authors.people.len(), 3);
        assert!(p.authors.people[0].is_self);
    }

    #[test]
    fn venue_line_when_no_badge_and_rank_notes_dropped() {
        let p = from_markdown(
            "**A Title**\nA. Author, B. Author\n*CVPR 2024* (Oral, CCF-A)\n[PDF](https://x.org/a.pdf)",
            "",
        )
        .unwrap();
        assert_eq!(p.title, "A Title");
        assert_eq!(p.venue, "CVPR 2024");
        assert_eq!(p.url, "https://x.org/a.pdf");
        assert_eq!(p.kind, PubKind::Conference);
    }

    #[test]
    fn under_review_and_arxiv_badges() {
        let p =
            from_markdown("[T](https://arxiv.org/abs/2401.00001)\nA B", "Under Review").unwrap();
        assert_eq!(p.kind, PubKind::Preprint);
        assert!(p.venue.is_empty());
        assert_eq!(p.notes, ["Under review"]);
        assert_eq!(p.arxiv, "2401.00001");
        let q = from_markdown("T\nA B", "arxiv:2304.06627").unwrap();
        assert_eq!(q.arxiv, "2304.06627");
        assert_eq!(q.kind, PubKind::Preprint);
    }
}
