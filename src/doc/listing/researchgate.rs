//! A ResearchGate profile copied as text → `Record`.
//!
//! Input: the page's lines. The header has the name (printed twice), "Institution ·
//! Department", the city; then labelled blocks: "Introduction" (prose), "Skills and
//! Expertise" (one skill per line), "Experience" and "Education" items ("Mar 2018 - present",
//! institution, department, city, "Position", the role; "Mar 2012 - Aug 2017", institution,
//! field, degree), and the research items. Each item opens with its type ("Article",
//! "Conference Paper", "Chapter", "Preprint", "Thesis", "Presentation"), maybe "Full-text
//! available", then its month, title, authors one per line between "·" lines ("[...]" for
//! those left out), and labelled lines ("Conference: …", "At: …", "In book: …",
//! "Publisher: …", "DOI: …") or a bare venue line ("Remote Sensing 14(8):1893"); the
//! buttons ("Download", "Share", "Follow") close it.

use std::sync::LazyLock;

use regex::Regex;

use crate::lex::{date, ids, name};
use crate::model::{DateRange, Education, Project, PubKind, Publication, Record, Skill, Work};

/// Research item types as ResearchGate prints them, with the kind each implies.
const TYPES: &[(&str, PubKind)] = &[
    ("Article", PubKind::Journal),
    ("Conference Paper", PubKind::Conference),
    ("Chapter", PubKind::Chapter),
    ("Book", PubKind::Book),
    ("Preprint", PubKind::Preprint),
    ("Thesis", PubKind::Thesis),
    ("Technical Report", PubKind::TechReport),
    ("Research", PubKind::Misc),
    ("Poster", PubKind::Misc),
    ("Data", PubKind::Misc),
    ("Presentation", PubKind::Misc),
];

/// Page furniture between and after items.
const CHROME: &[&str] = &[
    "Full-text available",
    "File available",
    "Download",
    "Share",
    "Follow",
    "Request full-text",
    "Request file",
    "License",
    "Show more",
    "Message",
    "View all",
    "·",
];

/// Buttons, counters, licences and thesis labels: no paper data.
fn furniture(l: &str) -> bool {
    CHROME.contains(&l)
        || l.ends_with(" Citations")
        || l.ends_with(" Reads")
        || l.starts_with("CC ")
        || l.starts_with('©')
        || l.starts_with("Thesis for: ")
        || l.starts_with("Advisor: ")
}

fn item_type(l: &str) -> Option<PubKind> {
    TYPES.iter().find(|(t, _)| *t == l).map(|(_, k)| *k)
}

/// "Mar 2024": the month line under an item's type.
fn month_line(l: &str) -> Option<crate::model::Date> {
    let d = date::parse_date(l)?;
    (d.year.is_some() && l.split_whitespace().count() <= 2).then_some(d)
}

/// Does the text look like a copied ResearchGate profile: the site named, and research
/// items (a type line, then a month line)?
pub fn is_profile(src: &str) -> bool {
    if !src.contains("ResearchGate") {
        return false;
    }
    let lines: Vec<&str> = src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let starts = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| item_type(l).is_some() && item_at(&lines, *i).is_some())
        .take(2)
        .count();
    starts >= 2
}

/// The month of the item whose type line is at `i` (skipping "Full-text available").
fn item_at(lines: &[&str], i: usize) -> Option<crate::model::Date> {
    let mut j = i + 1;
    while lines
        .get(j)
        .is_some_and(|l| matches!(*l, "Full-text available" | "File available"))
    {
        j += 1;
    }
    month_line(lines.get(j)?)
}

/// "Journal of Volcanology and Geothermal Research 447(2):108012", "Bulletin of Volcanology
/// 85(10)": journal, volume, issue, pages.
static JOURNAL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"^(.*?\D)\s+([0-9]{1,5})(?:\(([0-9A-Za-z–-]{1,10})\))?(?::\s*([A-Za-z]?[0-9]+(?:[–-][A-Za-z]?[0-9]+)?))?$")
        .unwrap()
});

pub fn parse(src: &str) -> Record {
    let lines: Vec<&str> = src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut r = Record::default();
    header(&lines, &mut r);
    let mut i = 0;
    while i < lines.len() {
        match lines[i] {
            "Introduction" => {
                if let Some(t) = lines.get(i + 1) {
                    r.basics.summary = t.to_string();
                }
            }
            "Skills and Expertise" => {
                let keywords: Vec<String> = lines[i + 1..]
                    .iter()
                    .take_while(|l| !is_label(l))
                    .map(|l| l.to_string())
                    .collect();
                if !keywords.is_empty() {
                    r.skills.push(Skill {
                        name: "Skills and Expertise".into(),
                        keywords,
                        ..Default::default()
                    });
                }
            }
            "Experience" => r.work = blocks(&lines[i + 1..]).into_iter().map(work).collect(),
            "Education" => {
                r.education = blocks(&lines[i + 1..]).into_iter().map(education).collect()
            }
            l => {
                if let (Some(kind), Some(month)) = (item_type(l), item_at(&lines, i)) {
                    // the next item, or the page footer ("Show more", "© 2008-2025 …")
                    let end = (i + 1..lines.len())
                        .find(|&j| {
                            item_type(lines[j]).is_some() && item_at(&lines, j).is_some()
                                || lines[j] == "Show more"
                                || lines[j].starts_with('©')
                        })
                        .unwrap_or(lines.len());
                    item(l, kind, month, &lines[i + 1..end], &mut r);
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    r
}

/// The name is the first line printed twice in a row; the line after the second copy is
/// "Institution · Department", then the city.
fn header(lines: &[&str], r: &mut Record) {
    let Some(at) = (1..lines.len().min(40)).find(|&i| lines[i] == lines[i - 1]) else {
        return;
    };
    r.basics.name = lines[at].to_string();
    if let Some(label) = lines.get(at + 1).filter(|l| l.contains(" · ")) {
        r.basics.label = label.to_string();
        if let Some(place) = lines.get(at + 2).filter(|l| l.contains(", ")) {
            crate::extract::basics::set_place(&mut r.basics.location, place);
        }
    }
}

/// Section and field labels of the profile page.
fn is_label(l: &str) -> bool {
    matches!(
        l,
        "Current institution"
            | "Current position"
            | "Experience"
            | "Education"
            | "Top co-authors"
            | "Research"
            | "Introduction"
            | "Skills and Expertise"
            | "View all"
    ) || l.starts_with("Research Items")
}

/// Experience or education items: each opens with its date range line.
fn blocks<'a>(lines: &[&'a str]) -> Vec<(DateRange, Vec<&'a str>)> {
    let mut out: Vec<(DateRange, Vec<&str>)> = Vec::new();
    for l in lines {
        if is_label(l) {
            break;
        }
        match date::parse_range(l).filter(|r| r.end.is_some()) {
            Some(r) => out.push((r, Vec::new())),
            None => {
                if let Some((_, b)) = out.last_mut() {
                    b.push(l);
                }
            }
        }
    }
    out
}

/// Institution, department…, city, "Position", role.
fn work((dates, b): (DateRange, Vec<&str>)) -> Work {
    let role_at = b.iter().position(|l| *l == "Position");
    let body = &b[..role_at.unwrap_or(b.len())];
    let place = body.iter().skip(1).rev().find(|l| l.contains(", "));
    Work {
        name: body.first().map(|s| s.to_string()).unwrap_or_default(),
        position: role_at
            .and_then(|i| b.get(i + 1))
            .map(|s| s.to_string())
            .unwrap_or_default(),
        location: place.map(|s| s.to_string()).unwrap_or_default(),
        dates: Some(dates),
        ..Default::default()
    }
}

/// Institution, field, degree.
fn education((dates, b): (DateRange, Vec<&str>)) -> Education {
    let get = |i: usize| b.get(i).map(|s| s.to_string()).unwrap_or_default();
    Education {
        institution: get(0),
        area: if b.len() >= 3 { get(1) } else { String::new() },
        study_type: if b.len() >= 3 { get(2) } else { get(1) },
        dates: Some(dates),
        ..Default::default()
    }
}

/// One research item: `body` is everything after its type line.
fn item(type_line: &str, kind: PubKind, month: crate::model::Date, body: &[&str], r: &mut Record) {
    let body: Vec<&str> = body
        .iter()
        .copied()
        .skip_while(|l| matches!(*l, "Full-text available" | "File available"))
        .skip(1)
        .collect();
    let Some((title, rest)) = body.split_first() else {
        return;
    };
    // authors: names alternating with "·" lines
    let mut names = Vec::new();
    let mut et_al = false;
    let mut k = 0;
    while let Some(l) = rest.get(k) {
        if *l == "[...]" {
            et_al = true;
        } else {
            names.push(*l);
        }
        k += 1;
        if rest.get(k) != Some(&"·") {
            break;
        }
        k += 1;
    }
    let mut p = Publication {
        title: title.to_string(),
        kind,
        date: Some(month),
        ..Default::default()
    };
    p.authors = name::parse_authors(&names.join(", "));
    p.authors.et_al |= et_al;
    let mut event = String::new();
    let mut place = String::new();
    for l in &rest[k.min(rest.len())..] {
        if let Some(v) = l.strip_prefix("DOI: ") {
            p.doi = ids::doi(v).unwrap_or_else(|| v.trim().to_string());
            p.url = format!("https://doi.org/{}", p.doi);
        } else if let Some(v) = l.strip_prefix("Conference: ") {
            event = v.to_string();
        } else if let Some(v) = l.strip_prefix("At: ") {
            place = v.to_string();
        } else if let Some(v) = l.strip_prefix("In book: ") {
            let (book, pages) = match v.rsplit_once(" (pp.") {
                Some((b, pp)) => (b, pp.trim_end_matches(')')),
                None => (v, ""),
            };
            p.venue = book.trim().to_string();
            p.pages = pages.trim().to_string();
        } else if let Some(v) = l.strip_prefix("Publisher: ") {
            p.publisher = v.to_string();
        } else if furniture(l) {
        } else if p.venue.is_empty() && event.is_empty() {
            match JOURNAL_LINE.captures(l) {
                Some(c) => {
                    p.venue = c[1].trim().to_string();
                    p.volume = c[2].to_string();
                    p.number = c.get(3).map_or("", |m| m.as_str()).to_string();
                    p.pages = c.get(4).map_or("", |m| m.as_str()).to_string();
                }
                None => p.venue = l.to_string(),
            }
        }
    }
    if type_line == "Presentation" {
        r.projects.push(Project {
            name: p.title,
            kind: "talk".into(),
            entity: event,
            location: place,
            dates: Some(DateRange::single(month).closed()),
            url: p.url,
            ..Default::default()
        });
        return;
    }
    // (a paper's "At: City" has no field of its own: BibTeX's publisher is no place)
    if !event.is_empty() {
        p.venue = event;
    }
    if p.kind == PubKind::Preprint && p.doi.starts_with("10.48550/") {
        p.arxiv = p.doi["10.48550/arXiv.".len().min(p.doi.len())..].to_string();
    }
    r.publications.push(p);
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "ResearchGate\nLog in\nAna Roe\nAna Roe\nUniversidad de Chile · Geology\nSantiago, Chile\nSkills and Expertise\nVolcanology\nInSAR\nExperience\nMar 2018 - present\nUniversidad de Concepción\nConcepción, Chile\nPosition\nAssociate Professor\nResearch\nArticle\nFull-text available\nMar 2024\nMagma recharge at Villarrica\nAna Roe\n·\nCamila Rojas\n·\n[...]\n·\nLuis Lara\nJournal of Volcanology and Geothermal Research 447(2):108012\nDOI: 10.1016/j.jvolgeores.2024.108012\n14 Citations\nDownload\nShare\nFollow\nConference Paper\nDec 2023\nInSAR deformation of Laguna del Maule\nAna Roe\nConference: AGU Fall Meeting 2023\nAt: San Francisco, CA, USA\nShare\nFollow\n";

    #[test]
    fn reads_a_profile() {
        assert!(is_profile(PAGE));
        let r = parse(PAGE);
        assert_eq!(r.basics.name, "Ana Roe");
        assert_eq!(r.basics.location.country_code, "CL");
        assert_eq!(r.skills[0].keywords, ["Volcanology", "InSAR"]);
        assert_eq!(r.work[0].position, "Associate Professor");
        assert_eq!(r.publications.len(), 2);
        let p = &r.publications[0];
        assert_eq!(p.venue, "Journal of Volcanology and Geothermal Research");
        assert_eq!(
            (p.volume.as_str(), p.number.as_str(), p.pages.as_str()),
            ("447", "2", "108012")
        );
        assert_eq!(p.authors.people.len(), 3);
        assert!(p.authors.et_al);
        assert_eq!(r.publications[1].venue, "AGU Fall Meeting 2023");
        assert_eq!(r.publications[1].kind, PubKind::Conference);
    }
}
