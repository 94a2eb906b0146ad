//! Scraped paper-listing pages → `Document` with the owner's name and one `Publication`
//! per card in `found` (shared extraction adds nothing: `blocks` stays empty).
//!
//! Input: the page as plain text (cards copied from a browser) or as HTML (saved cards or a
//! whole page). Output: `Document { found: Record { basics.name, publications }, .. }`.
//! Both inputs become `cards::Line`s first, so one reader finds the cards.

pub mod archive;
pub mod arxiv;
pub mod cards;
pub mod html;
pub mod meta;
pub mod openreview;
pub mod orcid;
pub mod pubmed;
pub mod pure;
pub mod records;
pub mod researchgate;

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::Document;
use cards::Line;

static HTML_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\A\s*(?:<!doctype html|<html|<head|<body|<div|<ul|<ol|<li|<article|<section|<main|<!--|<meta|<a\s)").unwrap()
});

pub fn parse(src: &str) -> Document {
    let undisambiguated = strip_dblp_numbers(src);
    let src = undisambiguated.as_deref().unwrap_or(src);
    if orcid::is_record(src) {
        return Document {
            found: orcid::parse(src),
            ..Document::default()
        };
    }
    if arxiv::is_listing(src) {
        return Document {
            found: arxiv::parse(src),
            ..Document::default()
        };
    }
    if openreview::is_profile(src) {
        return Document {
            found: openreview::parse(src),
            ..Document::default()
        };
    }
    if researchgate::is_profile(src) {
        return Document {
            found: researchgate::parse(src),
            ..Document::default()
        };
    }
    if pure::is_listing(src) {
        return Document {
            found: pure::parse(src),
            ..Document::default()
        };
    }
    if pubmed::is_listing(src) {
        return Document {
            found: pubmed::parse(src),
            ..Document::default()
        };
    }
    let lines = if HTML_START.is_match(src) {
        html::lines(src)
    } else {
        text_lines(src)
    };
    let mut doc = Document::default();
    let (archive, archive_first) = archive::read(&lines);
    let (mut name, mut publications) = if archive.is_empty() {
        cards::read(&lines)
    } else {
        (String::new(), Vec::new())
    };
    if publications.is_empty() {
        // No paper cards: a rendered archive, or a lab or Scholar-like list of stacked or
        // one-line references.
        let (records, first) = if archive.is_empty() {
            records::read(&lines)
        } else {
            (archive, archive_first)
        };
        if !records.is_empty() {
            let header = lines.get(..first.unwrap_or(0)).unwrap_or_default();
            name = owner(&lines, header, &records, &mut doc.found.basics);
            publications = records;
        }
    }
    // a jekyll-scholar bibliography (al-folio's layout) is read by its markup
    if super::jekyll::scholar_html::present(src) {
        let scholar = super::jekyll::scholar_html::read(src);
        if !scholar.is_empty() {
            publications = scholar;
        }
    }
    if name.is_empty() {
        name = head_owner(src).unwrap_or_default();
    }
    doc.found.basics.name = name;
    doc.found.publications = publications;
    doc
}

/// The owner of a page of records and the basics its header and sidebar print.
fn owner(
    lines: &[Line],
    header: &[Line],
    records: &[crate::model::Publication],
    basics: &mut crate::model::Basics,
) -> String {
    let mut name = cards::person_name(header).unwrap_or_default();
    // the author on every record names the owner: a header line holding that name beats
    // a site title ("Open Research Repository")
    if let Some(owner) = crate::normalize::owner_from_publications(records) {
        let family = owner.rsplit(' ').next().unwrap_or("").to_string();
        if !family.is_empty() && !name.contains(&family) {
            if let Some(l) = header
                .iter()
                .map(|l| crate::markup::plain(&l.text))
                .find(|t| t.split_whitespace().any(|w| w == family) && cards::single_name(t))
            {
                name = l.trim().to_string();
            }
        }
    }
    basics.label = affiliation(header, &name);
    sidebar_lines(header, &name, basics);
    header_contact(header, basics);
    // "Verified email at x.edu - Homepage": the homepage link is the person's url
    if let Some(l) = header.iter().flat_map(|l| &l.links).find(|l| {
        matches!(
            l.text.trim().to_lowercase().as_str(),
            "homepage" | "home page" | "website" | "personal website"
        ) && l.url.starts_with("http")
    }) {
        basics.url = l.url.trim().to_string();
    }
    sidebar_contact(lines, basics);
    if name.is_empty() {
        name = owner_card(lines, basics).unwrap_or_default();
    }
    name
}

/// The owner a saved page names in its head: `<meta name="author">`, else a name-like part
/// of the `<title>` ("publications | Ingrid Solberg", "Jane Doe - Google Scholar").
fn head_owner(src: &str) -> Option<String> {
    static AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r#"(?i)<meta\s+name\s*=\s*["']author["']\s+content\s*=\s*["']([^"'<>]+)["']"#,
        )
        .unwrap()
    });
    static TITLE: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"(?i)<title[^<>]*>([^<>]+)</title>").unwrap());
    let head = &src[..src.find("<body").unwrap_or(src.len())];
    let clean = |s: &str| crate::markup::squash(&crate::markup::entities(s));
    let name_like = |s: &String| crate::lex::citation::is_name_like(s) && s.contains(' ');
    if let Some(n) = AUTHOR
        .captures(head)
        .map(|c| clean(&c[1]))
        .filter(name_like)
    {
        return Some(n);
    }
    let title = clean(&TITLE.captures(head)?[1]);
    title
        .split(['|', '–', '—', '·', ':'])
        .chain(title.split(" - "))
        .map(|p| p.trim().to_string())
        .find(|p| name_like(p) && crate::sections::classify_heading(p).is_none())
}

/// A personal page's contact widget after the papers ("Contact", "Elsewhere" in a sidebar or
/// footer): a mail link, a phone line, and social profiles. Only networks a page links for
/// its owner alone: co-authors' Scholar, DBLP and ORCID links sit beside their papers.
fn sidebar_contact(lines: &[Line], basics: &mut crate::model::Basics) {
    const OWNER_NETWORKS: &[&str] = &["LinkedIn", "Bluesky", "Twitter", "X", "Mastodon"];
    for l in lines {
        for link in &l.links {
            let u = link.url.trim();
            if let Some(m) = u.strip_prefix("mailto:") {
                if basics.email.is_empty() {
                    basics.email = m.to_string();
                }
            } else if let Some(p) = crate::lex::contact::profile(u) {
                if OWNER_NETWORKS.contains(&p.network.as_str()) {
                    basics.add_profile(p);
                }
            }
        }
        let t = l.text.trim();
        // (a bare run of digits is an author id, "Scopus Author ID 57193456781")
        if basics.phone.is_empty() && t.chars().count() <= 30 {
            if let Some(phone) = crate::lex::contact::find_phone(t)
                .filter(|p| p.len() + 2 >= t.len() && !p.bytes().all(|b| b.is_ascii_digit()))
            {
                basics.phone = phone;
            }
        }
    }
}

/// The header's contact: mail and profile links, and (in a text copy) an address or
/// profile link printed as a whole line.
fn header_contact(header: &[Line], basics: &mut crate::model::Basics) {
    for l in header {
        let t = l.text.trim();
        let mails: Vec<String> = if l.links.is_empty() {
            // a text copy: the line itself ("henrik@utu.fi", "https://orcid.org/…")
            if t.contains(' ') {
                continue;
            }
            if let Some(p) = t
                .starts_with("http")
                .then(|| crate::lex::contact::profile(t))
                .flatten()
            {
                basics.add_profile(p);
            }
            crate::lex::contact::find_email(t).into_iter().collect()
        } else {
            for k in &l.links {
                if let Some(p) = crate::lex::contact::profile(k.url.trim()) {
                    basics.add_profile(p);
                }
            }
            let mailto =
                |k: &crate::markup::Link| k.url.trim().strip_prefix("mailto:").map(str::to_string);
            l.links.iter().filter_map(mailto).collect()
        };
        if let Some(m) = mails.into_iter().next().filter(|_| basics.email.is_empty()) {
            basics.email = m;
        }
    }
}

/// A lab page's card for its head ("Principal Investigator" / "Dr. Meera Kulkarni" /
/// "Associate Professor, …" / mail link or address / phone / profile links): the name
/// printed a few lines above the page's first mail, the affiliation between them, the mail
/// and a phone line under it, and every profile linked in the card (in the card they are the
/// owner's, not a co-author's). Read for saved pages and for text copies alike.
pub(crate) fn owner_card(lines: &[Line], basics: &mut crate::model::Basics) -> Option<String> {
    use crate::lex::contact::{find_email, find_phone};
    // (a text copy prints the address as its own line)
    let mail_of = |l: &Line| {
        l.links
            .iter()
            .find_map(|k| k.url.trim().strip_prefix("mailto:").map(str::to_string))
            .or_else(|| {
                find_email(&l.text)
                    .filter(|m| l.links.is_empty() && m.len() + 2 >= l.text.trim().len())
            })
    };
    let (mail, address) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| mail_of(l).map(|m| (i, m)))?;
    let (at, name) = (mail.saturating_sub(3)..mail).rev().find_map(|i| {
        let t = crate::extract::basics::latin_name(&crate::markup::plain(&lines[i].text));
        cards::single_name(&t).then_some((i, t))
    })?;
    if basics.label.is_empty() {
        basics.label = affiliation(&lines[at..mail], &crate::markup::plain(&lines[at].text));
    }
    if basics.email.is_empty() {
        basics.email = address;
    }
    if basics.phone.is_empty() {
        if let Some(p) = lines.iter().skip(mail + 1).take(2).find_map(|l| {
            let t = l.text.trim();
            find_phone(t).filter(|p| p.len() + 6 >= t.len())
        }) {
            basics.phone = p;
        }
    }
    for l in lines.iter().skip(at).take(mail - at + 3) {
        for k in &l.links {
            if let Some(p) = crate::lex::contact::profile(k.url.trim()) {
                basics.add_profile(p);
            }
        }
    }
    Some(name)
}

/// A theme sidebar's unlinked lines under the name and bio (minimal-mistakes'
/// `author__urls`): a place is the owner's location, and an employer completes a bio that
/// names only a role ("Assistant Professor of Political Science" + "University of X").
fn sidebar_lines(header: &[Line], name: &str, basics: &mut crate::model::Basics) {
    // (an acronym alone, "UCSD", is no employer line here)
    let org = |t: &str| t.contains(' ') && crate::extract::volunteer::is_org(t);
    let Some(at) = header
        .iter()
        .position(|l| !name.is_empty() && crate::markup::plain(&l.text).trim() == name)
    else {
        return;
    };
    for l in header[at + 1..]
        .iter()
        .take(4)
        .take_while(|l| l.links.is_empty())
    {
        let t = crate::markup::plain(&l.text);
        let t = t.trim();
        if t == basics.label {
            continue;
        }
        if crate::extract::entries::is_location(t) {
            if basics.location.city.is_empty() {
                crate::extract::basics::set_place(&mut basics.location, t);
            }
        } else if org(t) && !basics.label.is_empty() && !org(&basics.label) {
            basics.label = format!("{}, {t}", basics.label);
        }
    }
}

/// The affiliation printed right under the owner's name on an author page ("University of
/// Tokyo", "Associate Professor, KTH"): the person's headline.
fn affiliation(header: &[Line], name: &str) -> String {
    static AFFILIATION: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)(?-u:\b)(?:universi|institut|college|school|laborator|lab(?-u:\b)|academy|professor|lecturer|reader(?-u:\b)|fellow|postdoc|researcher|scientist|student|research|inc\.?$|corporation)").unwrap()
    });
    if name.is_empty() {
        return String::new();
    }
    let at = header
        .iter()
        .position(|l| crate::markup::plain(&l.text).trim() == name)
        .or_else(|| {
            header
                .iter()
                .position(|l| crate::markup::plain(&l.text).contains(name))
        });
    let next = at
        .and_then(|i| header.get(i + 1))
        .map(|l| crate::markup::plain(&l.text));
    next.filter(|t| {
        AFFILIATION.is_match(t)
            && !meta::label_line(t)
            && !meta::stat_line(t)
            && !t.contains('@')
            && !t.to_lowercase().starts_with("verified")
            && t.split_whitespace().count() <= 20
    })
    .unwrap_or_default()
}

/// Plain text: one `Line` per non-blank line; blank lines mark paragraph gaps.
pub fn text_lines(src: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut gap = false;
    for l in src.lines() {
        let t = l.trim();
        if t.is_empty() {
            gap = true;
            continue;
        }
        // Markdown copies of a listing: heading marks are layout, links are kept.
        let t = t.trim_start_matches('#').trim_start();
        let mut line = Line::new(t, gap);
        if t.contains("](") || t.contains("<a ") {
            line.links = crate::markup::links(t);
        }
        out.push(line);
        gap = false;
    }
    out
}

/// DBLP tells people of the same name apart by a number after the name ("Ji-Hoon Park
/// 0002", "Thomas Neumann 0001"); it is no part of the name.
fn strip_dblp_numbers(src: &str) -> Option<String> {
    static NUMBERED: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"(\p{Ll}) 0[0-9]{3}(?-u:\b)").unwrap());
    (src.contains("dblp") && NUMBERED.is_match(src))
        .then(|| NUMBERED.replace_all(src, "$1").into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_copy_keeps_title_links() {
        let d = parse("# Jane Doe\n\nLGJan 2, 2024\n### [A Title](https://example.org/a)\n\nA B, C D\n\nLGCode\n### [Second](https://arxiv.org/abs/2401.00001)\n");
        assert_eq!(d.found.basics.name, "Jane Doe");
        let p = &d.found.publications;
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].title, "A Title");
        assert_eq!(p[0].url, "https://example.org/a");
        assert_eq!(p[1].arxiv, "2401.00001");
        assert_eq!(p[1].date, None);
    }

    #[test]
    fn contact_widget_after_the_papers() {
        let d = parse("<html><body><h1>Publications</h1><ul>\
            <li>Roe, A., &amp; Doe, B. (2024). A first title here. <em>Child Development</em>, 60(5), 881–896.</li>\
            <li>Roe, A. (2021). A second title here. <em>Developmental Science</em>, 15(3), 164–170.</li></ul>\
            <aside><p>Room 1<br/><a href='mailto:a.roe@uu.nl'>a.roe@uu.nl</a><br/>+31 30 253 4412</p>\
            <p><a href='https://www.linkedin.com/in/aroe/'>LinkedIn</a> <a href='https://scholar.google.com/citations?user=x'>B. Doe</a></p></aside></body></html>");
        let b = &d.found.basics;
        assert_eq!(d.found.publications.len(), 2);
        assert_eq!(b.email, "a.roe@uu.nl");
        assert_eq!(b.phone, "+31 30 253 4412");
        let networks: Vec<&str> = b.profiles.iter().map(|p| p.network.as_str()).collect();
        assert_eq!(networks, ["LinkedIn"]);
    }
}
