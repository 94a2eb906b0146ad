//! An ORCID record page copied as text → `Record`.
//!
//! Input: the page's lines: the name above its `https://orcid.org/0000-…` iD, labelled blocks
//! ("Biography", "Country"), and activity sections headed "Employment (2)", "Education and
//! qualifications (1)", "Works (12)", "Peer review (…)". Each activity item ends with its
//! "Source: …" line(s). Items: "Org: City, Region, CC" + "2019-03-01 to present | Role
//! (Department)"; works: title, venue, "2023-06-14 | Journal article", "DOI: …",
//! "Contributors: A; B". Output: basics, work, education, volunteer (reviewing), publications.

use crate::lex::{date, ids, name, venue};
use crate::model::{DateRange, Education, End, Profile, Publication, Record, Volunteer, Work};

/// Does the text look like a copied ORCID record (an iD line and a "Works (n)" or
/// "Employment (n)" section with "Source:" lines)?
pub fn is_record(src: &str) -> bool {
    src.contains("orcid.org/")
        && src.contains("Source:")
        && src.lines().any(|l| id_line(l).is_some())
        && src.lines().any(|l| section(l).is_some())
}

fn id_line(l: &str) -> Option<&str> {
    let t = l.trim();
    let id = t
        .strip_prefix("https://orcid.org/")
        .or_else(|| t.strip_prefix("http://orcid.org/"))
        .or_else(|| t.strip_prefix("orcid.org/"))?;
    (id.len() == 19
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'X'))
    .then_some(id)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sec {
    Employment,
    Education,
    Works,
    Review,
    Other,
}

/// "Employment (2)", "Works (3)", "Peer review (4 reviews for 2 publications/grants)".
fn section(l: &str) -> Option<Sec> {
    let t = l.trim();
    let (head, rest) = t.split_once(" (")?;
    if !rest.ends_with(')') || !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(match head.to_lowercase().as_str() {
        "employment" => Sec::Employment,
        "education and qualifications" | "education" | "qualifications" => Sec::Education,
        "works" => Sec::Works,
        "peer review" => Sec::Review,
        "funding"
        | "invited positions and distinctions"
        | "membership and service"
        | "research resources" => Sec::Other,
        _ => return None,
    })
}

/// Lines ORCID prints as controls or item type tags, never data.
fn chrome(t: &str) -> bool {
    matches!(
        t,
        "Sort" | "Collapse all" | "Expand all" | "Employment" | "Education" | "Qualification"
    ) || t.starts_with("Preferred source")
}

pub fn parse(src: &str) -> Record {
    let lines: Vec<&str> = src.lines().map(str::trim).collect();
    let mut r = Record::default();
    let Some(at) = lines.iter().position(|l| id_line(l).is_some()) else {
        return r;
    };
    let id = id_line(lines[at]).unwrap_or_default().to_string();
    r.basics.name = lines[..at]
        .iter()
        .rev()
        .find(|l| !l.is_empty())
        .map(|l| l.to_string())
        .unwrap_or_default();
    r.basics.profiles.push(Profile {
        network: "ORCID".into(),
        username: id.clone(),
        url: format!("https://orcid.org/{id}"),
    });
    // labelled blocks of the header: "Biography" then its paragraph
    let first_section = lines
        .iter()
        .position(|l| section(l).is_some())
        .unwrap_or(lines.len());
    for (i, l) in lines.iter().enumerate().take(first_section) {
        if *l == "Biography" {
            let text: Vec<&str> = lines[i + 1..first_section]
                .iter()
                .skip_while(|t| t.is_empty())
                .take_while(|t| !t.is_empty())
                .copied()
                .collect();
            r.basics.summary = text.join(" ");
            break;
        }
    }
    // activity sections, items closed by their "Source:" lines
    let mut sec = None;
    let mut item: Vec<&str> = Vec::new();
    let mut i = first_section;
    while i < lines.len() {
        let l = lines[i];
        if let Some(s) = section(l) {
            sec = Some(s);
            item.clear();
        } else if l.starts_with("Source:") {
            // further Source lines belong to the same item
            while lines.get(i + 1).is_some_and(|n| n.starts_with("Source:")) {
                i += 1;
            }
            if let Some(s) = sec {
                add_item(&mut r, s, &item);
            }
            item.clear();
        } else if sec == Some(Sec::Review) {
            if let Some(org) = l.strip_prefix("Review activity for ") {
                let org = org.rsplit_once(" (").map_or(org, |(o, _)| o);
                r.volunteer.push(Volunteer {
                    organization: org.trim().to_string(),
                    position: "Reviewer".into(),
                    ..Default::default()
                });
            }
        } else if !l.is_empty() && !chrome(l) {
            item.push(l);
        }
        i += 1;
    }
    r
}

/// "2019-03-01 to present | Role (Department)" → (start, end, role, department); also
/// "2023-06-14 | Journal article".
fn date_line(l: &str) -> Option<(String, String, String)> {
    let (dates, what) = l.split_once(" | ")?;
    let (from, to) = match dates.split_once(" to ") {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (dates.trim(), ""),
    };
    date::parse_date(from)?;
    Some((from.to_string(), to.to_string(), what.trim().to_string()))
}

fn iso(s: &str) -> Option<crate::model::Date> {
    date::parse_date(s)
}

fn add_item(r: &mut Record, sec: Sec, item: &[&str]) {
    let Some(dl) = item.iter().position(|l| date_line(l).is_some()) else {
        return;
    };
    let (from, to, what) = date_line(item[dl]).unwrap_or_default();
    let present = to.eq_ignore_ascii_case("present") || to.is_empty();
    match sec {
        Sec::Employment | Sec::Education => {
            let Some(head) = item[..dl].last() else {
                return;
            };
            let (org, place) = head.split_once(": ").unwrap_or((head, ""));
            let (role, unit) = match what.strip_suffix(')').and_then(|w| w.rsplit_once(" (")) {
                Some((role, unit)) => (role.trim().to_string(), unit.trim().to_string()),
                None => (what.clone(), String::new()),
            };
            let dates = iso(&from).map(|start| DateRange {
                start,
                end: if present {
                    Some(End::Present)
                } else {
                    iso(&to).map(End::Date)
                },
            });
            if sec == Sec::Employment {
                r.work.push(Work {
                    name: org.trim().to_string(),
                    position: role,
                    location: place.trim().to_string(),
                    dates,
                    summary: unit,
                    ..Default::default()
                });
            } else {
                r.education.push(Education {
                    institution: org.trim().to_string(),
                    study_type: role,
                    area: unit,
                    dates,
                    ..Default::default()
                });
            }
        }
        Sec::Works => {
            let Some(title) = item.first().filter(|_| dl > 0) else {
                return;
            };
            let mut p = Publication {
                title: title.trim_end_matches('.').to_string(),
                date: iso(&from),
                ..Default::default()
            };
            for l in &item[1..] {
                if std::ptr::eq(*l, item[dl]) {
                    continue;
                }
                if let Some(d) = l.strip_prefix("DOI:") {
                    p.doi = ids::doi(d).unwrap_or_else(|| d.trim().to_string());
                } else if let Some(c) = l.strip_prefix("Contributors:") {
                    p.authors = name::parse_authors(&c.replace(';', ","));
                } else if p.venue.is_empty() && !l.contains(": ") {
                    p.venue = l.to_string();
                }
            }
            p.kind = venue::kind_from_type(&what).unwrap_or_else(|| venue::classify(&p.venue));
            if !p.doi.is_empty() {
                p.url = format!("https://doi.org/{}", p.doi);
            }
            if !p.title.is_empty() {
                r.publications.push(p);
            }
        }
        Sec::Review | Sec::Other => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PubKind;

    const REC: &str = "ORCID logo\nJane Roe\nhttps://orcid.org/0000-0002-1825-0097\n\nBiography\nI study ice.\n\nEmployment (1)\nSort\nUniversity of Oslo: Oslo, NO\n2019-03-01 to present | Associate Professor (Geosciences)\nEmployment\nSource: Jane Roe\n\nWorks (1)\nSort\nIce sheets in a warmer world\nThe Cryosphere\n2023-06 | Journal article\nDOI: 10.5194/tc-17-1-2023\nContributors: Jane Roe; Bo Li\nSource: Crossref\n\nPeer review (2 reviews for 1 publications/grants)\nReview activity for Journal of Glaciology (2)\n";

    #[test]
    fn reads_a_record() {
        assert!(is_record(REC));
        let r = parse(REC);
        assert_eq!(r.basics.name, "Jane Roe");
        assert_eq!(r.basics.summary, "I study ice.");
        assert_eq!(r.work[0].name, "University of Oslo");
        assert_eq!(r.work[0].position, "Associate Professor");
        assert_eq!(r.work[0].dates.and_then(|d| d.end), Some(End::Present));
        let p = &r.publications[0];
        assert_eq!(p.title, "Ice sheets in a warmer world");
        assert_eq!(p.venue, "The Cryosphere");
        assert_eq!(p.kind, PubKind::Journal);
        assert_eq!(p.authors.people.len(), 2);
        assert_eq!(r.volunteer[0].organization, "Journal of Glaciology");
    }
}
