//! A research portal built on Elsevier Pure, its "Research output" tab copied as text →
//! `Record`.
//!
//! Input: the page text. Each output is a title line, a details line ("Gallagher, N. & Ward,
//! J. M., 12 Mar 2023, In: Optics Express. 31, 6, p. 9871-9884 14 p.") and a type line
//! ("Research output: Contribution to journal › Article › peer-review"), then counters
//! ("Open Access", "9 Citations (Scopus)"). The profile header above the list gives the
//! owner's name, post, phone, e-mail and ORCID. Output: basics and one publication per
//! output, its kind from the type line.

use std::sync::LazyLock;

use regex::Regex;

use crate::lex::{date, name, venue};
use crate::model::{PubKind, Publication, Record};

/// The type line: (category, type), "Contribution to journal" and "Article".
fn output_line(l: &str) -> Option<(&str, &str)> {
    let rest = l.trim().strip_prefix("Research output:")?;
    let mut parts = rest.split('›').map(str::trim);
    Some((parts.next().unwrap_or(""), parts.next().unwrap_or("")))
}

/// Two type lines make a Pure output list.
pub fn is_listing(src: &str) -> bool {
    src.lines()
        .filter(|l| output_line(l).is_some())
        .take(2)
        .count()
        >= 2
}

/// The date (or publication status) that closes the author list of a details line.
static DATE_PART: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(&format!(r"(?i),\s*(?:((?:[0-9]{{1,2}}\s+)?{MONTH_WORD}\s+(?:19|20)[0-9]{{2}}|(?:19|20)[0-9]{{2}})|(accepted/in press|in press|submitted|in preparation|unpublished))(?:[,.]|$)", MONTH_WORD = date::MONTH_WORD)).unwrap()
});
/// "31, 6, p. 9871-9884 14 p.", "26, 6, 065501.", "101, 3, 033812."
static JOURNAL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"^([0-9A-Za-z-]+)(?:,\s*([0-9A-Za-z/-]+))?(?:,\s*(?:p\.\s*)?([0-9A-Za-z]+(?:\s*[-–]\s*[0-9A-Za-z]+)?))?").unwrap()
});
static PAGES: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?-u:\b)p\.\s*([0-9]+\s*[-–]\s*[0-9]+)").unwrap());
/// Page counts and series notes after the venue: "14 p.", "(Springer Series …; vol. 231)".
static COUNT: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\s*(?-u:\b)[0-9]+ p\.").unwrap());

/// The kind from the type line: the output type ("Chapter", "Conference contribution"),
/// else its category ("Contribution to journal").
fn kind_of(category: &str, kind: &str) -> PubKind {
    venue::kind_from_type(kind)
        .or_else(|| venue::kind_from_type(category))
        .unwrap_or(PubKind::Misc)
}

/// One output from its title and details lines and its type line.
fn output(title: &str, details: &str, category: &str, kind: &str) -> Option<Publication> {
    let title = title.trim().trim_end_matches('.');
    if title.is_empty() {
        return None;
    }
    let mut p = Publication {
        title: title.to_string(),
        kind: kind_of(category, kind),
        ..Publication::default()
    };
    let d = DATE_PART.captures(details)?;
    let whole = d.get(0)?;
    let people = details[..whole.start()].trim();
    // "… & 3 others": the list was cut
    let (people, cut) = match people.rfind(" & ") {
        Some(i) if people[i + 3..].trim_end().ends_with("others") => (&people[..i], true),
        _ => (people, false),
    };
    p.authors = name::parse_authors(people);
    p.authors.et_al |= cut;
    if let Some(m) = d.get(1) {
        p.date = date::parse_date(m.as_str());
    }
    if let Some(s) = d.get(2) {
        p.notes.push(s.as_str().to_string());
    }
    let mut rest = details[whole.end()..].trim().to_string();
    if let Some(r) = rest.strip_prefix("(E-pub ahead of print)") {
        p.notes.push("E-pub ahead of print".into());
        rest = r.trim().to_string();
    }
    let rest = COUNT.replace_all(&rest, "");
    let rest = rest.trim();
    if let Some(r) = rest.strip_prefix("In:") {
        // "In: Optica. 11, 10, p. 1402-1410"
        let r = r.trim();
        let (venue, tail) = split_venue(r);
        p.venue = venue.to_string();
        if let Some(c) = JOURNAL_TAIL.captures(tail) {
            p.volume = c[1].to_string();
            p.number = c.get(2).map_or(String::new(), |m| m.as_str().to_string());
            p.pages = c
                .get(3)
                .map_or(String::new(), |m| m.as_str().replace(' ', ""));
        }
    } else if let Some(i) = rest.find("presented at ") {
        // "Poster session presented at Photon 2022, Nottingham, United Kingdom."
        let at = &rest[i + "presented at ".len()..];
        p.venue = at.split(',').next().unwrap_or(at).trim().to_string();
        if rest[..i].to_lowercase().contains("poster") {
            p.notes.push("Poster".into());
        }
    } else {
        let (venue, tail) = split_venue(rest);
        p.venue = venue.trim_end_matches(',').to_string();
        // "… (CLEO/Europe-EQEC). IEEE, 1 p.", "… (eds.). Cham: Springer, p. 233-261"
        let mut after = tail;
        for mark in ["(eds.)", "(ed.)"] {
            if let Some(i) = tail.find(mark) {
                p.editors = name::parse_authors(tail[..i].trim());
                after = tail[i + mark.len()..].trim_start_matches('.').trim();
                break;
            }
        }
        let first = after.split([',', '(']).next().unwrap_or("");
        let publisher = first
            .rsplit(':')
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches('.');
        if !publisher.is_empty() && !publisher.starts_with(|c: char| c.is_ascii_digit()) {
            p.publisher = publisher.to_string();
        }
        if let Some(c) = PAGES.captures(tail) {
            p.pages = c[1].replace(' ', "");
        }
        if p.kind == PubKind::Thesis {
            p.publisher.clear();
        }
    }
    Some(p)
}

/// "Physical Review Letters. 31, 6" → ("Physical Review Letters", "31, 6"); the venue ends at
/// the first full stop that a space follows (or at a comma before a page count).
fn split_venue(s: &str) -> (&str, &str) {
    let s = s.trim();
    match s.find(". ") {
        Some(i) => (s[..i].trim(), s[i + 2..].trim()),
        None => {
            let v = s.trim_end_matches('.');
            match v.find(", ") {
                Some(i) if v[i + 2..].starts_with(|c: char| c.is_ascii_digit()) => {
                    (&v[..i], &v[i + 2..])
                }
                _ => (v, ""),
            }
        }
    }
}

/// The profile header: name, post and unit, phone, e-mail, ORCID.
fn owner(header: &[&str], r: &mut Record) {
    let b = &mut r.basics;
    let Some(at) = header
        .iter()
        .position(|l| crate::doc::listing::cards::single_name(l))
    else {
        return;
    };
    b.name = header[at].to_string();
    let mut post: Vec<&str> = Vec::new();
    let mut it = header[at + 1..].iter().copied().peekable();
    while let Some(l) = it.next() {
        match l {
            // a post line "Professor" with contact lines after it; otherwise an honorific
            "Professor"
                if post.is_empty()
                    && it.peek().is_some_and(|n| matches!(*n, "Phone" | "Email")) =>
            {
                post.push(l);
            }
            "Dr" | "Dr." | "Prof" | "Prof." | "Professor" if post.is_empty() => {}
            "Phone" | "Tel" | "Telephone" => {
                if let Some(v) = it.next() {
                    b.phone = v.to_string();
                }
            }
            "Email" | "E-mail" => {
                if let Some(v) = it.next() {
                    b.email = v.to_string();
                }
            }
            _ if l.starts_with("http") => {
                if let Some(p) = crate::lex::contact::profile(l) {
                    b.profiles.push(p);
                }
            }
            _ if b.phone.is_empty() && b.email.is_empty() && post.len() < 2 => post.push(l),
            _ => {}
        }
        if l.ends_with("Citations (Scopus)") || l.starts_with("View graph") {
            break;
        }
    }
    b.label = post.join(", ");
}

pub fn parse(src: &str) -> Record {
    let lines: Vec<&str> = src.lines().map(str::trim).collect();
    let mut r = Record::default();
    let nonblank = |from: usize| (0..from).rev().find(|&j| !lines[j].is_empty());
    let mut first = None;
    for (i, l) in lines.iter().enumerate() {
        let Some((category, kind)) = output_line(l) else {
            continue;
        };
        let Some(d) = nonblank(i) else { continue };
        let Some(t) = nonblank(d) else { continue };
        first.get_or_insert(t);
        if let Some(p) = output(lines[t], lines[d], category, kind) {
            r.publications.push(p);
        }
    }
    let header: Vec<&str> = lines[..first.unwrap_or(0)]
        .iter()
        .copied()
        .filter(|l| !l.is_empty())
        .collect();
    owner(&header, &mut r);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_outputs_of_each_type() {
        let src = "Jane Roe\nDr\nReader\nSchool of Physics\nUnit\nEmail\nj.roe@x.ac.uk\n\nSqueezed light on a chip\nRoe, J., Byrne, F. & 3 others, 14 Oct 2024, In: Optica. 11, 10, p. 1402-1410 9 p.\nResearch output: Contribution to journal › Article › peer-review\n6 Citations (Scopus)\n\nNonlinear optics in waveguides\nChen, W., 2022, Queen's University Belfast. 172 p.\nResearch output: Thesis › Doctoral Thesis\n\nWhispering-gallery resonators\nRoe, J., 2021, Nonlinear Photonics. Kaminski, P. & Liu, Y. (eds.). Cham: Springer, p. 233-261 29 p.\nResearch output: Chapter in Book/Report/Conference proceedings › Chapter › peer-review\n";
        assert!(is_listing(src));
        let r = parse(src);
        assert_eq!(r.basics.name, "Jane Roe");
        assert_eq!(r.basics.label, "Reader, School of Physics");
        assert_eq!(r.basics.email, "j.roe@x.ac.uk");
        let p = &r.publications;
        assert_eq!(p.len(), 3);
        assert_eq!(
            (p[0].kind, p[0].venue.as_str()),
            (PubKind::Journal, "Optica")
        );
        assert_eq!(
            (
                p[0].volume.as_str(),
                p[0].number.as_str(),
                p[0].pages.as_str()
            ),
            ("11", "10", "1402-1410")
        );
        assert!(p[0].authors.et_al);
        assert_eq!(p[0].date, Some(crate::model::Date::ymd(2024, 10, 14)));
        assert_eq!(
            (p[1].kind, p[1].venue.as_str()),
            (PubKind::Thesis, "Queen's University Belfast")
        );
        assert_eq!(
            (p[2].kind, p[2].venue.as_str()),
            (PubKind::Chapter, "Nonlinear Photonics")
        );
        assert_eq!(p[2].editors.people.len(), 2);
        assert_eq!(p[2].publisher, "Springer");
    }
}
