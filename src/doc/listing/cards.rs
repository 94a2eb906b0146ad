//! Lines of a listing page → the author's name and one `Publication` per paper card.
//!
//! Input: `Line`s (from plain text or from HTML blocks). Output: `(name, publications)`.
//! A card opens at a meta line (`meta::meta_line`) followed by a title-like line; it holds
//! the title, maybe an author line, maybe venue/identifier lines, then the abstract
//! paragraphs, up to the next card. One pass over the lines.

use std::sync::LazyLock;

use regex::Regex;

use super::meta::{self, Meta};
use crate::lex::{ids, name, venue};
use crate::markup::{self, Link};
use crate::model::{Authors, Date, PubKind, Publication};
use crate::tables::VENUES;

/// One line of the page as a reader sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// Text with inline markup still in (plain for HTML sources).
    pub text: String,
    /// Links whose text lies on this line (HTML sources only).
    pub links: Vec<Link>,
    /// A blank line (or a block boundary) comes before this line.
    pub gap: bool,
    /// The line is a top-level page heading (`<h1>`).
    pub heading: bool,
}

impl Line {
    pub fn new(text: &str, gap: bool) -> Self {
        Line {
            text: text.trim().to_string(),
            gap,
            ..Line::default()
        }
    }
}

/// The page's owner and its paper cards.
pub fn read(lines: &[Line]) -> (String, Vec<Publication>) {
    let metas: Vec<Option<Meta>> = lines.iter().map(|l| meta::meta_line(&l.text)).collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| opens_card(metas.get(i).copied().flatten(), lines.get(i + 1)))
        .collect();
    // Meta parts split over several lines (HTML spans in separate blocks: "91.2", "LG",
    // "May 18") belong to the card they precede; walk back over them once.
    let mut firsts = Vec::with_capacity(starts.len());
    let mut floor = 0;
    for &s in &starts {
        let mut f = s;
        while f > floor
            && f - 1 < lines.len()
            && meta_part(metas.get(f - 1).copied().flatten(), &lines[f - 1])
        {
            f -= 1;
        }
        firsts.push(f);
        floor = s + 1;
    }
    // Some pages print the meta line after the title and authors: then the line after most
    // meta lines is an abstract, and the title (and authors) sit just before it.
    let after = starts
        .iter()
        .zip(&firsts)
        .filter(|&(&s, &f)| {
            let next_long = lines.get(s + 1).is_some_and(|l| l.text.len() > 250);
            let prev_short = f
                .checked_sub(1)
                .and_then(|i| lines.get(i))
                .is_some_and(|l| l.text.len() <= 200 && title_like(&l.text));
            next_long && prev_short
        })
        .count();
    if after > 0 && after * 2 > starts.len() {
        let mut floor = 0;
        for (k, f) in firsts.iter_mut().enumerate() {
            let mut lead = *f;
            for _ in 0..2 {
                match lead
                    .checked_sub(1)
                    .and_then(|i| lines.get(i).map(|l| (i, l)))
                {
                    Some((i, l)) if i >= floor && l.text.len() <= 200 && title_like(&l.text) => {
                        lead = i;
                        // The title is reached once the line before is no author line.
                        if !author_line(&markup::plain(&l.text)) {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            *f = lead;
            floor = starts.get(k).map_or(0, |s| s + 1);
        }
    }
    let header_end = firsts.first().copied().unwrap_or(lines.len());
    let name = owner_name(lines.get(..header_end).unwrap_or_default());
    let mut pubs = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = firsts.get(k + 1).copied().unwrap_or(lines.len()).max(s + 1);
        let first = firsts.get(k).copied().unwrap_or(s).min(s);
        let date = (first..=s).find_map(|i| metas.get(i).copied().flatten().and_then(|m| m.date));
        // Lines before the meta line that are not meta parts (title, authors), then the rest.
        let mut body: Vec<Line> = lines
            .get(first..s)
            .unwrap_or_default()
            .iter()
            .filter(|l| !meta_part(meta::meta_line(&l.text), l))
            .cloned()
            .collect();
        body.extend(lines.get(s + 1..end).unwrap_or_default().iter().cloned());
        if let Some(p) = card(date, &body) {
            pubs.push(p);
        }
    }
    (name, pubs)
}

/// A meta line opens a card only when a title follows: the header's "LG" is followed by
/// "7papers", a card's "LG" by its title.
fn opens_card(meta: Option<Meta>, next: Option<&Line>) -> bool {
    let (Some(_), Some(next)) = (meta, next) else {
        return false;
    };
    title_like(&next.text)
}

/// A piece of a card's meta split onto its own line: a meta line or a bare score.
fn meta_part(meta: Option<Meta>, line: &Line) -> bool {
    meta.is_some() || number_only(&line.text)
}

fn number_only(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.len() <= 12
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
}

fn title_like(s: &str) -> bool {
    let s = s.trim();
    s.chars().any(char::is_alphabetic)
        && meta::meta_line(s).is_none()
        && !meta::stat_line(s)
        && !meta::label_line(s)
}

/// The first line of the header that reads as a person's name (an `<h1>` first), else the
/// first plain line of the header.
fn owner_name(header: &[Line]) -> String {
    let plain = |l: &&Line| {
        let t = l.text.trim();
        !t.is_empty()
            && meta::meta_line(t).is_none()
            && !meta::stat_line(t)
            && !meta::label_line(t)
            && t.chars().any(char::is_alphabetic)
    };
    person_name(header)
        .or_else(|| header.iter().find(plain).map(|l| name_text(&l.text)))
        .unwrap_or_default()
}

/// The first header line that reads as a person's name (an `<h1>` first).
pub fn person_name(header: &[Line]) -> Option<String> {
    // site names and buttons ("Semantic Scholar", "Sign In") read like names
    let person = |l: &&Line| !meta::label_line(&l.text) && single_name(&name_text(&l.text));
    header
        .iter()
        .filter(|l| l.heading)
        .find(person)
        .or_else(|| header.iter().find(person))
        .map(|l| name_text(&l.text))
}

/// page title words around a name ("Papers by Jane Doe", "Jane Doe's papers")
static NAME_FRAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\A(?:(?:papers|publications|preprints|works) (?:by|of|from)\s+)?(.*?)(?:['’]s (?:papers|publications|profile))?\z").unwrap()
});

/// The name on a header line, without page-title words or a category code glued to its end
/// ("Donglin ZhuangLG").
fn name_text(raw: &str) -> String {
    // ("Dr Priya Raghunathan": the honorific is no part of the name)
    let t = crate::extract::basics::latin_name(&markup::plain(raw));
    let t = NAME_FRAME
        .captures(&t)
        .and_then(|c| c.get(1))
        .map_or(t.as_str(), |m| m.as_str())
        .trim()
        .to_string();
    let n = t.len();
    if n > 3 && t.is_char_boundary(n - 2) {
        let (head, code) = t.split_at(n - 2);
        if head.ends_with(|c: char| c.is_lowercase())
            && code.bytes().all(|b| b.is_ascii_uppercase())
            && crate::tables::ARXIV_CATEGORIES.contains(code)
        {
            return head.to_string();
        }
    }
    t
}

/// One card's lines (after its meta line) → a publication.
fn card(date: Option<Date>, body: &[Line]) -> Option<Publication> {
    let first = body.first()?;
    let mut p = Publication {
        date,
        kind: PubKind::Misc,
        ..Publication::default()
    };
    let mut title = markup::plain(&first.text);
    title_link(first, &mut p);
    let mut i = 1;
    // A title wrapped over two lines of one paragraph.
    while let Some(l) = body.get(i) {
        let t = markup::plain(&l.text);
        if l.gap
            || title.ends_with(['.', '!'])
            || t.len() > 120
            || title.len() > 300
            || t.ends_with('.')
            || author_line(&t)
            || !title_like(&t)
        {
            break;
        }
        title.push(' ');
        title.push_str(&t);
        i += 1;
    }
    p.title = title.trim_end_matches('.').trim().to_string();
    // Authors: one line, or one line per author (HTML lists), maybe a lone "et al." after.
    let mut names: Vec<String> = Vec::new();
    while let Some(l) = body.get(i) {
        let t = markup::plain(&l.text);
        let tail = !names.is_empty() && ETAL.find(&t).is_some_and(|m| m.start() == 0);
        if !(author_line(&t) || tail) {
            break;
        }
        names.push(t);
        i += 1;
    }
    if !names.is_empty() {
        p.authors = authors(&names.join(", "));
    }
    let mut paras: Vec<String> = Vec::new();
    for l in body.get(i..).unwrap_or_default() {
        let t = abstract_text(&l.text);
        if t.is_empty() {
            continue;
        }
        if meta::label_line(&t)
            || meta::stat_line(&t)
            || meta_part(meta::meta_line(&t), l)
            || t.starts_with('©')
            || t.starts_with("Copyright")
        {
            link_ids(&l.links, &mut p);
            continue;
        }
        if paras.is_empty() || VENUE_PREFIX.is_match(&t) {
            if let Some(v) = venue_line(&t) {
                p.kind = venue::classify(&v);
                p.venue = v;
                continue;
            }
        }
        if ids_line(&t, &mut p) {
            continue;
        }
        let t = strip_abstract_label(&t);
        if t.is_empty() {
            continue;
        }
        match paras.last_mut() {
            Some(last) if !l.gap => {
                last.push(' ');
                last.push_str(t);
            }
            _ => paras.push(t.to_string()),
        }
    }
    p.abstract_ = paras.join("\n\n");
    if !p.arxiv.is_empty() && p.venue.is_empty() {
        p.kind = PubKind::Misc;
    }
    if p.title.is_empty() {
        return None;
    }
    Some(p)
}

/// The title's own link (HTML): a link covering the title line is the paper's URL.
fn title_link(line: &Line, p: &mut Publication) {
    let title = markup::plain(&line.text);
    let link = line.links.iter().find(|l| {
        markup::plain(&l.text) == title || (line.links.len() == 1 && l.text.len() * 2 > title.len())
    });
    if let Some(l) = link {
        let u = l.url.trim();
        if u.starts_with("http://") || u.starts_with("https://") {
            p.url = u.to_string();
            if let Some(id) = ids::arxiv_id(u) {
                p.arxiv = id;
            }
            if u.contains("doi.org/") {
                if let Some(d) = ids::doi(u) {
                    p.doi = d;
                }
            }
        }
    }
}

/// Links on label lines ("arXiv", "PDF", "DOI") add identifiers, not the paper URL.
fn link_ids(links: &[Link], p: &mut Publication) {
    for l in links {
        if p.arxiv.is_empty() {
            if let Some(id) = ids::arxiv_id(&l.url) {
                p.arxiv = id;
            }
        }
        if p.doi.is_empty() {
            if let Some(d) = ids::doi(&l.url) {
                p.doi = d;
            }
        }
    }
}

/// A line that is only an identifier or a link: "arXiv:2401.14112", "https://arxiv.org/abs/…",
/// "DOI: 10.1145/…", "https://…".
static ID_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\A(?:(?:arxiv|doi|url|link|paper)\s*:?\s*)?(?:https?://\S+|arxiv:\s*\S+|10\.[0-9]{4,9}/\S+)\z").unwrap()
});

/// Identifier lines (an arXiv id or a DOI, bare or as a link) set arxiv/doi/url. Other bare
/// URLs (code repositories) stay in the abstract, and URLs inside sentences never count.
fn ids_line(t: &str, p: &mut Publication) -> bool {
    let t = t.trim();
    if !ID_LINE.is_match(t) {
        return false;
    }
    let arxiv = ids::arxiv_id(t);
    let doi = ids::doi(t);
    if arxiv.is_none() && doi.is_none() {
        return false;
    }
    if let Some(id) = arxiv {
        p.arxiv = id;
    } else if let Some(d) = doi {
        p.doi = d;
    }
    if let Some(u) = t
        .split_whitespace()
        .find(|w| w.starts_with("http://") || w.starts_with("https://"))
    {
        if p.url.is_empty() {
            p.url = u.trim_end_matches(['.', ',']).to_string();
        }
    }
    true
}

/// venue line = ("Published in" | "Venue:" | "Accepted at/to/by" | "In:") venue, or a short
/// line naming a known venue acronym ("NeurIPS 2023", "ICML 2024 (Oral)").
static VENUE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\A(?:published (?:in|at)|venue|accepted (?:at|to|by|in)|appeared in|journal|conference|in)\s*:?\s+").unwrap()
});

fn venue_line(t: &str) -> Option<String> {
    let t = t.trim();
    if t.len() > 120 {
        return None;
    }
    if let Some(m) = VENUE_PREFIX.find(t) {
        let v = venue::clean(&t[m.end()..]);
        return (!v.is_empty()).then_some(v);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let known = words.len() <= 6
        && !t.ends_with('.')
        && words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let upper = w.trim_end_matches(|c: char| c.is_ascii_digit() || c == '\'');
            upper.len() >= 2 && VENUES.contains_key(upper.to_uppercase().as_str())
        });
    known.then(|| venue::clean(t))
}

/// Abstract text is prose, not Markdown: math and entities are rendered, but asterisks stay
/// ("A* search", "2*3*4" would otherwise read as emphasis).
fn abstract_text(s: &str) -> String {
    if s.contains('*') {
        markup::plain(&s.replace('*', "\\*"))
    } else {
        markup::plain(s)
    }
}

fn strip_abstract_label(t: &str) -> &str {
    for p in [
        "Abstract:",
        "Abstract.",
        "Abstract -",
        "ABSTRACT:",
        "TL;DR:",
    ] {
        if let Some(r) = t.strip_prefix(p) {
            return r.trim_start();
        }
    }
    t
}

/// et al. tails: "et al.", "and others", "+ 12 more", "and 37 more authors", "…".
static ETAL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)[,;]?\s*(?:et\.?\s*al\.?|and others|\(?\+\s*[0-9]+\s*(?:more|others|authors)?(?:\s*authors)?\)?|and [0-9]+ (?:more|others)(?:\s+authors)?|…|\.\.\.)\s*\z").unwrap()
});

fn authors(t: &str) -> Authors {
    match ETAL.find(t) {
        Some(m) => {
            let mut a = name::parse_authors(&t[..m.start()]);
            a.et_al = true;
            a
        }
        None => name::parse_authors(t),
    }
}

/// Family-name particles printed lower case.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el", "la",
    "le", "ten", "ter", "van", "von", "y", "zu",
];

/// A line that reads as an author list: comma/"and" separated names, maybe cut by "et al.".
pub fn author_line(t: &str) -> bool {
    let t = t.trim();
    if t.is_empty() || t.len() > 20_000 {
        return false;
    }
    let (list, cut) = match ETAL.find(t) {
        Some(m) => (&t[..m.start()], true),
        None => (t, false),
    };
    let parts: Vec<&str> = list
        .split([',', ';', '·'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let n = parts.len();
    // a part running on for a sentence is a title or venue, however many names precede it
    // ("Lawrence, N. D. (2009). Dataset shift in machine learning. MIT Press.")
    if parts.iter().any(|p| p.split_whitespace().count() > 8) {
        return false;
    }
    let ok = parts.iter().filter(|p| person_like(p)).count();
    // A stray odd name ("Chen (Chris) Wang", "danah boyd") must not lose a whole list.
    let names = match n {
        0 => false,
        1 => ok == 1 && (cut || single_name(list)),
        2 => ok == 2 || (cut && ok >= 1),
        _ => ok * 5 >= n * 4 || (cut && ok * 2 >= n),
    };
    // a section heading in title case ("Most Recent Publications") names no one
    names && (n > 1 || crate::sections::classify_heading(t).is_none())
}

pub(crate) fn person_like(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || p.chars().count() > 60 {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_end_matches(['*', '†', '‡']);
        let Some(c) = w.chars().next() else {
            return false;
        };
        let chars_ok = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | '(' | ')'));
        chars_ok && (!c.is_lowercase() || PARTICLES.contains(&w))
    })
}

/// A person's full name on its own: 2–5 capitalised words ("Donglin Zhuang", "J. M. Smith").
pub(crate) fn single_name(s: &str) -> bool {
    let s = s.trim();
    let n = s.split_whitespace().count();
    let cjk = s.chars().count() <= 12
        && s.chars()
            .all(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase());
    // ("All Journal Conference Workshop Preprint": a filter bar's chips)
    cjk || ((2..=5).contains(&n)
        && person_like(s)
        && !s.ends_with('.')
        && crate::lex::citation::is_name_like(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<Line> {
        let mut out = Vec::new();
        let mut gap = false;
        for l in s.lines() {
            if l.trim().is_empty() {
                gap = true;
            } else {
                out.push(Line::new(l, gap));
                gap = false;
            }
        }
        out
    }

    #[test]
    fn header_and_cards() {
        let src = "Jane Q. Doe\n\nLG\n3papers\n12citations\n\n3 Papers\n\n\
            LGJan 25, 2024Code\nRobust Things: Do They Exist?\n\nAna Li, Bo Chen, Carl Ek et al.\n\nWe study things.\n\nSecond paragraph.\n\n\
            91.2CVMay 18\nNo Authors Here\n\nJust an abstract that is a sentence.\n\n\
            LG\nBare Title\n";
        let (name, pubs) = read(&lines(src));
        assert_eq!(name, "Jane Q. Doe");
        assert_eq!(pubs.len(), 3);
        assert_eq!(pubs[0].title, "Robust Things: Do They Exist?");
        assert!(pubs[0].authors.et_al);
        assert_eq!(pubs[0].authors.people.len(), 3);
        assert_eq!(pubs[0].abstract_, "We study things.\n\nSecond paragraph.");
        assert_eq!(pubs[0].date, Some(Date::ymd(2024, 1, 25)));
        assert!(pubs[1].authors.is_empty());
        assert_eq!(pubs[1].date.and_then(|d| d.year), None);
        assert_eq!(pubs[1].abstract_, "Just an abstract that is a sentence.");
        assert_eq!(pubs[2].title, "Bare Title");
        assert!(pubs[2].abstract_.is_empty());
    }

    #[test]
    fn identifiers_outside_the_abstract_only() {
        let src = "X Y\n\nLGMar 2, 2024\nT\n\nA B, C D\n\narXiv:2403.01234v2\n\nSee https://arxiv.org/abs/2101.00001 for code.\n";
        let (_, pubs) = read(&lines(src));
        assert_eq!(pubs[0].arxiv, "2403.01234");
        assert!(pubs[0].url.is_empty());
        assert!(pubs[0].abstract_.starts_with("See https://arxiv.org"));
        let src = "X Y\n\nLGMar 2, 2024\nT\n\nA B, C D\n\nSome text.\n\nhttps://github.com/x/y\n\nDOI: 10.1145/3600006.3613165\n";
        let (_, pubs) = read(&lines(src));
        assert_eq!(pubs[0].abstract_, "Some text.\n\nhttps://github.com/x/y");
        assert_eq!(pubs[0].doi, "10.1145/3600006.3613165");
    }

    #[test]
    fn meta_split_over_lines_and_one_author_per_line() {
        let src = "Jo Ann Lee\n\n91.2\nLG\nMay 18, 2022\nSplit Meta Title\n\nAna Li\n\nBo Chen\n\net al.\n\nThe abstract.\n\n88\nCV\nNext Title\n";
        let (name, pubs) = read(&lines(src));
        assert_eq!(name, "Jo Ann Lee");
        assert_eq!(pubs.len(), 2);
        assert_eq!(pubs[0].date, Some(Date::ymd(2022, 5, 18)));
        assert_eq!(pubs[0].authors.people.len(), 2);
        assert!(pubs[0].authors.et_al);
        assert_eq!(pubs[0].abstract_, "The abstract.");
        assert_eq!(pubs[1].title, "Next Title");
    }

    #[test]
    fn abstract_keeps_asterisks_and_renders_math() {
        assert_eq!(
            abstract_text("A* search in 2*3*4 steps, $746\\%$ faster -- really."),
            "A* search in 2*3*4 steps, 746% faster -- really."
        );
    }

    #[test]
    fn meta_after_title_and_authors() {
        let abs = "We study a problem at length and give a long explanation of what we did, why it matters, how it compares to prior work, and what remains open for future research in this area, with experiments on many benchmarks and ablations of every part, and a discussion of limits and broader impact too.";
        let src = format!(
            "Jo Lee\n\nFirst Title\n\nAna Li, Bo Chen\n\nLGMay 18, 2022\n\n{abs}\n\nSecond Title\n\nCVJan 2, 2021\n\n{abs}\n"
        );
        let (name, pubs) = read(&lines(&src));
        assert_eq!(name, "Jo Lee");
        assert_eq!(pubs.len(), 2);
        assert_eq!(pubs[0].title, "First Title");
        assert_eq!(pubs[0].authors.people.len(), 2);
        assert_eq!(pubs[0].abstract_, abs);
        assert_eq!(pubs[1].title, "Second Title");
        assert_eq!(pubs[1].date, Some(Date::ymd(2021, 1, 2)));
        assert!(pubs[1].authors.is_empty());
    }

    #[test]
    fn header_names() {
        assert_eq!(name_text("Papers by Jane Doe"), "Jane Doe");
        assert_eq!(name_text("Jane Doe's papers"), "Jane Doe");
        assert_eq!(name_text("Donglin ZhuangLG"), "Donglin Zhuang");
        assert_eq!(name_text("Ana María López"), "Ana María López");
    }

    #[test]
    fn venue_lines() {
        assert_eq!(
            venue_line("Published in NeurIPS 2023").as_deref(),
            Some("NeurIPS 2023")
        );
        assert_eq!(venue_line("ICML 2024").as_deref(), Some("ICML 2024"));
        assert_eq!(venue_line("We propose a method for ICML."), None);
    }

    #[test]
    fn author_lines() {
        assert!(author_line("Haojun Xia, Zhen Zheng, Yuchao Li et al."));
        assert!(author_line(
            "Donglin Zhuang, Xingyao Zhang, Shuaiwen Leon Song et al."
        ));
        assert!(author_line("Jane Doe"));
        assert!(author_line("Ludwig van Beethoven and J. S. Bach"));
        assert!(author_line("Ana Li, Bo Chen + 12 more"));
        assert!(!author_line("We propose a new method."));
        assert!(!author_line("NeurIPS 2023"));
        assert!(!author_line("Attention, please"));
        assert!(author_line(
            "Ana Li, Chen (Chris) Wang, danah boyd, Bo Chen, Carl Ek, Dan Fox"
        ));
        assert!(!author_line("We study A, B, C, and D."));
        assert!(!author_line("Most Recent Publications"));
        assert!(!author_line(
            "Smith, J., Roe, M., Doe, A., & Lee, N. D. (Eds.). (2009). Dataset shift in machine learning. MIT Press."
        ));
    }
}
