//! A LinkedIn profile saved as PDF ("Save to PDF"), as plain text → `Record`.
//!
//! Input: the text pdftotext prints in reading order: a sidebar first ("Contact", its
//! addresses with "(LinkedIn)"/"(Personal)" tags, "Top Skills", "Languages",
//! "Certifications", "Honors-Awards", "Publications", "Patents"), then the main column:
//! the name, the headline, the location, "Summary", "Experience" and "Education", with
//! "Page N of M" footers. Experience items are "Company", an optional tenure line
//! ("5 years 3 months") when several roles follow, then per role "Title",
//! "Month Year - Present (2 years 1 month)", an optional location and the description.
//! Education items are "School" then "Degree, Field · (2016 - 2021)".
//! The layout is fixed by LinkedIn, so it is read by position, not by the general entry
//! grouping (which cannot tell a description's last line from the next company).

use crate::extract::{basics, education, entries, languages};
use crate::lex::{contact, date};
use crate::model::{
    Award, Certificate, DateRange, Education, Profile, Publication, Record, Skill, Work,
};

const SIDEBAR: &[&str] = &[
    "Contact",
    "Top Skills",
    "Languages",
    "Certifications",
    "Honors-Awards",
    "Publications",
    "Patents",
];
const MAIN: &[&str] = &["Summary", "Experience", "Education"];

/// Does the text look like a LinkedIn profile PDF in reading order?
pub fn is_export(src: &str) -> bool {
    let mut lines = src.lines().map(str::trim).filter(|l| !l.is_empty());
    lines.next() == Some("Contact")
        && src.contains("linkedin.com/in/")
        && src
            .lines()
            .any(|l| matches!(l.trim(), "Experience" | "Education"))
}

/// "Page 2 of 3": the footer on every page.
fn is_footer(l: &str) -> bool {
    l.strip_prefix("Page ")
        .and_then(|r| r.split_once(" of "))
        .is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        })
}

/// "(3 years 3 months)", "(1 year)", "(less than a year)", or the same without brackets.
fn is_duration(s: &str) -> bool {
    let t = s.trim().trim_start_matches('(').trim_end_matches(')');
    if t == "less than a year" {
        return true;
    }
    let w: Vec<&str> = t.split_whitespace().collect();
    !w.is_empty()
        && w.len() % 2 == 0
        && w.chunks(2).all(|p| {
            p[0].bytes().all(|c| c.is_ascii_digit())
                && matches!(p[1], "year" | "years" | "month" | "months")
        })
}

/// "September 2021 - Present (3 years 3 months)" → the range.
fn role_dates(l: &str) -> Option<DateRange> {
    let (range, rest) = match l.rfind(" (") {
        Some(i) if is_duration(&l[i..]) => (&l[..i], ""),
        _ => (l, l),
    };
    // without a duration the line must be a bare range ("2019 - 2020")
    let r = date::parse_range(range)?;
    (rest.is_empty() || range.contains(" - ")).then_some(r)
}

/// A header-like line: a company or title, not a sentence of a description.
fn header_like(l: &str) -> bool {
    l.chars().count() <= 70
        && !l.ends_with(['.', ',', ';', ':'])
        && l.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !l.starts_with(['•', '-', '*', '·'])
}

fn place_like(l: &str) -> bool {
    entries::is_location(l)
        || (l.ends_with(" Area") || l.contains(", "))
            && header_like(l)
            && l.split(", ").count() <= 4
            && l.split(", ").all(|p| p.starts_with(char::is_uppercase))
}

pub fn parse(src: &str) -> Record {
    let lines: Vec<&str> = src
        .lines()
        .map(|l| l.trim().trim_start_matches('\u{c}').trim())
        .filter(|l| !l.is_empty() && !is_footer(l))
        .collect();
    let mut r = Record::default();
    let main_at = lines
        .iter()
        .position(|l| MAIN.contains(l))
        .unwrap_or(lines.len());
    // the sidebar's last section runs straight into the name
    let side_end = header(&lines, main_at, &mut r);
    sidebar(&lines[..side_end], &mut r);
    let mut i = main_at;
    while i < lines.len() {
        let end = lines[i + 1..]
            .iter()
            .position(|l| MAIN.contains(l))
            .map_or(lines.len(), |k| i + 1 + k);
        let body = &lines[i + 1..end];
        match lines[i] {
            "Summary" => r.basics.summary = join_text(body),
            "Experience" => r.work.extend(experience(body)),
            "Education" => r.education.extend(schools(body)),
            _ => {}
        }
        i = end;
    }
    r
}

/// Name, headline and location above the first main heading; returns where they start.
fn header(lines: &[&str], main_at: usize, r: &mut Record) -> usize {
    let last_side = lines[..main_at]
        .iter()
        .rposition(|l| SIDEBAR.contains(l))
        .map_or(0, |i| i + 1);
    let name_like = |l: &str| {
        let w: Vec<&str> = l.split_whitespace().collect();
        (2..=5).contains(&w.len())
            && !l
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, ',' | ':' | '@' | '/'))
            && w.iter()
                .all(|w| w.starts_with(char::is_uppercase) || crate::lex::name::is_particle(w))
    };
    let at = [3, 4, 2, 5]
        .iter()
        .filter_map(|k| main_at.checked_sub(*k))
        .find(|&j| j >= last_side && name_like(lines[j]));
    let Some(at) = at else {
        return main_at;
    };
    r.basics.name = lines[at].to_string();
    let mut rest = &lines[at + 1..main_at];
    if rest.len() >= 2 && rest.last().is_some_and(|l| place_like(l)) {
        if let Some((place, head)) = rest.split_last() {
            basics::set_place(&mut r.basics.location, place);
            rest = head;
        }
    }
    r.basics.label = rest.join(" ");
    at
}

fn sidebar(lines: &[&str], r: &mut Record) {
    let mut sec = "";
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if SIDEBAR.contains(&l) {
            sec = l;
            i += 1;
            continue;
        }
        match sec {
            "Contact" => {
                // an address wrapped over lines goes on until its "(LinkedIn)" tag
                let mut text = l.to_string();
                let mut joined = 0;
                while tag(&text).is_none()
                    && contact::find_email(&text).is_none()
                    && joined < 3
                    && lines.get(i + 1).is_some_and(|n| !SIDEBAR.contains(n))
                {
                    let next = lines[i + 1];
                    if next.starts_with('(') {
                        text.push(' ');
                    }
                    text.push_str(next);
                    i += 1;
                    joined += 1;
                }
                contact_line(&text, r);
            }
            "Top Skills" => push_keyword(&mut r.skills, "Top Skills", l),
            "Languages" => {
                if let Some(ls) = languages::spoken(l) {
                    r.languages.extend(ls);
                }
            }
            "Certifications" => r.certificates.push(Certificate {
                name: l.to_string(),
                ..Default::default()
            }),
            "Honors-Awards" => r.awards.push(Award {
                title: l.to_string(),
                ..Default::default()
            }),
            "Publications" | "Patents" => r.publications.push(Publication {
                title: l.to_string(),
                kind: if sec == "Patents" {
                    crate::model::PubKind::Patent
                } else {
                    crate::model::PubKind::Misc
                },
                ..Default::default()
            }),
            _ => {}
        }
        i += 1;
    }
}

/// "jorisvdberg.nl (Personal)" → ("jorisvdberg.nl", "Personal").
fn tag(s: &str) -> Option<(&str, &str)> {
    let (text, tag) = s.rsplit_once(" (")?;
    let tag = tag.strip_suffix(')')?;
    (!tag.is_empty() && tag.chars().all(|c| c.is_alphabetic() || c == ' ')).then_some((text, tag))
}

fn contact_line(line: &str, r: &mut Record) {
    let Some((text, kind)) = tag(line) else {
        if let Some(e) = contact::find_email(line) {
            r.basics.email = e;
        }
        return;
    };
    match kind {
        "Mobile" | "Home" | "Work" | "Phone" => {
            if let Some(p) = contact::find_phone(text) {
                r.basics.phone = p;
            }
        }
        _ => {
            let url = contact::with_scheme(text.trim());
            match contact::profile(&url) {
                Some(p) if !r.basics.profiles.iter().any(|q: &Profile| q.url == p.url) => {
                    r.basics.profiles.push(p);
                }
                Some(_) => {}
                None if r.basics.url.is_empty() && kind != "LinkedIn" => r.basics.url = url,
                None => {}
            }
        }
    }
}

fn push_keyword(skills: &mut Vec<Skill>, group: &str, k: &str) {
    match skills.iter_mut().find(|s| s.name == group) {
        Some(s) => s.keywords.push(k.to_string()),
        None => skills.push(Skill {
            name: group.to_string(),
            keywords: vec![k.to_string()],
            ..Default::default()
        }),
    }
}

/// Wrapped lines as one paragraph.
fn join_text(lines: &[&str]) -> String {
    let mut s = String::new();
    for l in lines {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(l);
    }
    s
}

/// Description lines: bullets are highlights, the rest one summary.
fn describe(w: &mut Work, lines: &[&str]) {
    let mut text: Vec<&str> = Vec::new();
    for l in lines {
        match l.strip_prefix(['•', '●', '-', '*', '·', '○', '◦']) {
            Some(h) => w.highlights.push(h.trim().to_string()),
            // a wrapped bullet goes on
            None if !w.highlights.is_empty() && l.starts_with(char::is_lowercase) => {
                if let Some(h) = w.highlights.last_mut() {
                    h.push(' ');
                    h.push_str(l);
                }
            }
            None => text.push(l),
        }
    }
    w.summary = join_text(&text);
}

struct Role {
    company: String,
    /// first line of the role's header (its company line, or its title)
    head: usize,
    title: usize,
    date: usize,
    /// first line of the description
    body: usize,
}

fn experience(lines: &[&str]) -> Vec<Work> {
    let dated: Vec<usize> = (0..lines.len())
        .filter(|&i| i > 0 && role_dates(lines[i]).is_some())
        .collect();
    let mut roles: Vec<Role> = Vec::new();
    // a company printed with a tenure line heads several roles
    let mut group: Option<String> = None;
    for &d in &dated {
        let title = d - 1;
        let floor = roles.last().map_or(0, |r| r.body);
        if title < floor {
            continue;
        }
        // the line above the title, when it is not the previous role's own
        let above = (title > floor).then(|| lines[title - 1]);
        let (company, head) = match above {
            // "Google" then "3 years 2 months": a company with several roles
            Some(t) if is_duration(t) && title >= floor + 2 => {
                group = Some(lines[title - 2].to_string());
                (lines[title - 2].to_string(), title - 2)
            }
            // the first role: everything above its title is its company
            _ if roles.is_empty() => (lines[floor..title].join(" "), floor),
            // in a group only a header-like line is a new company (a description's
            // sentences are not)
            Some(t) if group.is_none() || header_like(t) => {
                group = None;
                (t.to_string(), title - 1)
            }
            _ => (group.clone().unwrap_or_default(), title),
        };
        let body = if lines.get(d + 1).is_some_and(|l| place_like(l)) {
            d + 2
        } else {
            d + 1
        };
        roles.push(Role {
            company,
            head,
            title,
            date: d,
            body,
        });
    }
    let mut out = Vec::new();
    for (k, role) in roles.iter().enumerate() {
        let end = roles.get(k + 1).map_or(lines.len(), |n| n.head);
        let mut w = Work {
            name: role.company.clone(),
            position: lines[role.title].to_string(),
            dates: role_dates(lines[role.date]),
            ..Default::default()
        };
        if role.body == role.date + 2 {
            w.location = entries::fix_location(lines[role.date + 1]);
        }
        if role.body < end {
            describe(&mut w, &lines[role.body..end]);
        }
        out.push(w);
    }
    out
}

/// "Doctor of Philosophy - PhD, Computational Biology · (2016 - 2021)".
fn schools(lines: &[&str]) -> Vec<Education> {
    let mut out: Vec<Education> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let (degree, dates) = match l.rsplit_once("(") {
            Some((d, r)) if r.ends_with(')') && date::find_range(r).is_some() => (
                d.trim().trim_end_matches('·').trim(),
                date::find_range(r).map(|(d, _)| d),
            ),
            _ => {
                // a school with no degree line after it
                if !lines
                    .get(i + 1)
                    .is_some_and(|n| n.rsplit_once('(').is_some_and(|(_, r)| r.ends_with(')')))
                    && header_like(l)
                    && out.last().is_none_or(|e| e.institution != *l)
                {
                    out.push(Education {
                        institution: l.to_string(),
                        ..Default::default()
                    });
                }
                continue;
            }
        };
        let Some(school) = i.checked_sub(1).map(|j| lines[j]) else {
            continue;
        };
        let (kind, field) = match degree.split_once(", ") {
            Some((k, f)) => (k.trim(), f.trim()),
            None => (degree, ""),
        };
        // "Doctor of Philosophy - PhD": the degree's name, normalised when it is only a
        // degree ("Master's degree" → "Master")
        let kind = kind.split_once(" - ").map_or(kind, |(full, _)| full.trim());
        let study_type = match education::degree_at(kind) {
            Some((d, n)) if n >= kind.trim_end_matches('.').len() => d,
            _ => kind.to_string(),
        };
        if out
            .last()
            .is_some_and(|e| e.institution == school && e.study_type.is_empty())
        {
            out.pop();
        }
        out.push(Education {
            institution: school.to_string(),
            study_type,
            area: field.to_string(),
            dates,
            ..Default::default()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROFILE: &str = "Contact\nmaria@example.org\nwww.linkedin.com/in/maria-garcia-1a2b3c\n(LinkedIn)\nmaria.github.io (Personal)\nTop Skills\nMachine Learning\nComputational Biology\nPython (Programming Language)\nLanguages\nSpanish (Native or Bilingual)\nEnglish (Full Professional)\nPublications\nSingle-cell atlas of the mouse retina\nMaría García López\nPostdoctoral Researcher at Stanford University | Single-cell\ngenomics\nPalo Alto, California, United States\nSummary\nI build machine learning methods\nfor single-cell genomics.\nExperience\nStanford University\nPostdoctoral Researcher\nSeptember 2021 - Present (3 years 3 months)\nStanford, California, United States\nDeveloping deep generative models.\nGoogle\n3 years 2 months\nResearch Scientist\nJanuary 2020 - August 2021 (1 year 8 months)\nMountain View, California\nResearch Intern\nJune 2018 - December 2019 (1 year 7 months)\n• Built variant-effect predictors\nPage 1 of 2\nEducation\nUniversity of California, Berkeley\nDoctor of Philosophy - PhD, Computational Biology · (2016 - 2021)\nUniversidad Complutense de Madrid\nBachelor of Science - BS, Biology · (2011 - 2015)\nPage 2 of 2\n";

    #[test]
    fn reads_a_profile() {
        assert!(is_export(PROFILE));
        let r = parse(PROFILE);
        assert_eq!(r.basics.name, "María García López");
        assert_eq!(
            r.basics.label,
            "Postdoctoral Researcher at Stanford University | Single-cell genomics"
        );
        assert_eq!(r.basics.location.city, "Palo Alto");
        assert_eq!(r.basics.email, "maria@example.org");
        assert_eq!(r.basics.url, "https://maria.github.io");
        assert_eq!(r.basics.profiles[0].network, "LinkedIn");
        assert_eq!(r.skills[0].keywords.len(), 3);
        assert_eq!(r.languages.len(), 2);
        assert_eq!(
            r.publications[0].title,
            "Single-cell atlas of the mouse retina"
        );
        let w: Vec<(&str, &str)> = r
            .work
            .iter()
            .map(|w| (w.name.as_str(), w.position.as_str()))
            .collect();
        assert_eq!(
            w,
            [
                ("Stanford University", "Postdoctoral Researcher"),
                ("Google", "Research Scientist"),
                ("Google", "Research Intern"),
            ]
        );
        assert_eq!(r.work[0].summary, "Developing deep generative models.");
        assert_eq!(r.work[1].location, "Mountain View, California");
        assert_eq!(r.work[2].highlights, ["Built variant-effect predictors"]);
        assert_eq!(r.education.len(), 2);
        assert_eq!(r.education[0].area, "Computational Biology");
        assert_eq!(
            r.education[0].institution,
            "University of California, Berkeley"
        );
    }

    #[test]
    fn durations_and_footers() {
        assert!(is_duration("(3 years 3 months)"));
        assert!(is_duration("1 year"));
        assert!(is_duration("(less than a year)"));
        assert!(!is_duration("(Programming Language)"));
        assert!(is_footer("Page 2 of 3"));
        assert!(!is_footer("Page two"));
        assert!(role_dates("June 2018 - December 2019 (1 year 7 months)").is_some());
        assert!(role_dates("Research Intern").is_none());
    }
}
