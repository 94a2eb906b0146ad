//! An OpenReview profile page copied as text → `Record`.
//!
//! Input: the name, a headline ("PhD student, KTH"), "Joined March 2019", then labelled
//! blocks ("Names", "Emails", "Personal Links", "Career & Education History", "Advisors,
//! Relations & Conflicts", "Expertise", "Publications", "Co-Authors"). Career items are a
//! role, an institution with its domain ("KTH (kth.se)") and a date range; papers are a
//! title, an author line, "Published: 16 Jan 2024, Last Modified: …", a venue line ("ICLR
//! 2024 poster") and "Readers: Everyone". Output: basics, work and education from the
//! career history, expertise as the summary, and the papers.

use crate::lex::{date, name, venue};
use crate::model::{Education, PubKind, Publication, Record, Work};

const BLOCKS: &[&str] = &[
    "Names",
    "Emails",
    "Personal Links",
    "Career & Education History",
    "Education & Career History",
    "Advisors, Relations & Conflicts",
    "Advisors & Other Relations",
    "Relations",
    "Expertise",
    "Publications",
    "Recent Publications",
    "Co-Authors",
];

fn block(l: &str) -> Option<&'static str> {
    BLOCKS.iter().copied().find(|b| *b == l)
}

/// "Published: 16 Jan 2024, Last Modified: 05 Mar 2024" (or only "Last Modified: …" for
/// a submission): the line under a paper's authors.
fn stamp(l: &str) -> bool {
    ["Published:", "Last Modified:", "Submitted:"]
        .iter()
        .any(|p| l.starts_with(p))
        && date::find_range(l).is_some()
}

/// Does the text look like a copied OpenReview profile?
pub fn is_profile(src: &str) -> bool {
    let lines = || src.lines().map(str::trim);
    let career = lines().any(|l| l.starts_with("Career & Education History"));
    let stamps = lines().filter(|l| stamp(l)).take(2).count();
    let readers = lines().any(|l| l.starts_with("Readers:"));
    (career && (stamps >= 1 || lines().any(|l| l == "Expertise"))) || (stamps >= 2 && readers)
}

/// Lines OpenReview prints as controls, never data.
fn chrome(l: &str) -> bool {
    l.is_empty()
        || l.starts_with("Readers:")
        || matches!(
            l,
            "Everyone" | "Show Bibtex" | "Show Revisions" | "Show more" | "View all" | "Edit"
        )
}

pub fn parse(src: &str) -> Record {
    let lines: Vec<&str> = src.lines().map(str::trim).filter(|l| !chrome(l)).collect();
    let mut r = Record::default();
    let first = lines
        .iter()
        .position(|l| block(l).is_some())
        .unwrap_or(lines.len());
    let head: Vec<&str> = lines[..first]
        .iter()
        .copied()
        .filter(|l| !l.starts_with("Joined "))
        .collect();
    r.basics.name = head.first().map(|s| s.to_string()).unwrap_or_default();
    r.basics.label = head.get(1).map(|s| s.to_string()).unwrap_or_default();
    let mut i = first;
    while i < lines.len() {
        let Some(b) = block(lines[i]) else {
            i += 1;
            continue;
        };
        let end = (i + 1..lines.len())
            .find(|&j| block(lines[j]).is_some())
            .unwrap_or(lines.len());
        let body = &lines[i + 1..end];
        match b {
            "Career & Education History" | "Education & Career History" => career(&mut r, body),
            "Expertise" => {
                let topics: Vec<&str> = body
                    .iter()
                    .copied()
                    .filter(|l| date::find_range(l).is_none_or(|(_, at)| at.start > 0))
                    .collect();
                r.basics.summary = topics.join("; ");
            }
            "Publications" | "Recent Publications" => papers(&mut r, body),
            _ => {}
        }
        i = end;
    }
    r
}

/// Role, "Institution (domain)", date range — repeated.
fn career(r: &mut Record, body: &[&str]) {
    let mut k = 0;
    while k + 1 < body.len() {
        let role = body[k];
        let org = body[k + 1];
        let dates = body
            .get(k + 2)
            .and_then(|l| date::find_range(l))
            .map(|(d, _)| d);
        k += if dates.is_some() { 3 } else { 2 };
        // "KTH Royal Institute of Technology (kth.se)": the domain is OpenReview's
        let org = match org.rsplit_once(" (") {
            Some((o, d)) if d.ends_with(')') && d.contains('.') && !d.contains(' ') => o,
            _ => org,
        };
        let lower = role.to_lowercase();
        if let Some(study) = lower
            .strip_suffix(" student")
            .map(|s| role[..s.len()].trim())
        {
            r.education.push(Education {
                institution: org.to_string(),
                study_type: study.to_string(),
                dates,
                ..Default::default()
            });
        } else {
            r.work.push(Work {
                name: org.to_string(),
                position: role.to_string(),
                dates,
                ..Default::default()
            });
        }
    }
}

fn papers(r: &mut Record, body: &[&str]) {
    let stamps: Vec<usize> = (0..body.len()).filter(|&j| stamp(body[j])).collect();
    for (n, &s) in stamps.iter().enumerate() {
        if s < 2 {
            continue;
        }
        // the title starts after the previous paper's venue line
        let from = match n.checked_sub(1).map(|m| stamps[m]) {
            Some(prev) => (prev + 2).min(s - 1),
            None => 0,
        };
        let title = body[from..s - 1].join(" ");
        let mut p = Publication {
            title: title.trim().trim_end_matches('.').to_string(),
            authors: name::parse_authors(body[s - 1]),
            ..Default::default()
        };
        let published = body[s]
            .strip_prefix("Published:")
            .and_then(|t| date::find_range(t.split(',').next().unwrap_or("")))
            .map(|(d, _)| d.start);
        // the venue line, when the next paper's title does not follow at once
        let next_title = stamps
            .get(n + 1)
            .map_or(body.len(), |&t| t.saturating_sub(2));
        let venue_line = if s + 1 < next_title { body[s + 1] } else { "" };
        read_venue(&mut p, venue_line);
        p.date = match (published, p.date) {
            (Some(d), Some(v)) if d.year == v.year => Some(d),
            (d, None) => d,
            (_, v) => v,
        };
        if !p.title.is_empty() {
            r.publications.push(p);
        }
    }
}

/// "ICLR 2024 poster", "NeurIPS 2023 Workshop GPL", "Submitted to ICLR 2025", "ICLR 2024
/// Conference Withdrawn Submission".
fn read_venue(p: &mut Publication, l: &str) {
    let lower = l.to_lowercase();
    if l.is_empty() || lower.starts_with("submitted to") || lower.contains("withdrawn") {
        p.kind = PubKind::Preprint;
        if lower.starts_with("submitted to") {
            p.notes.push(l.to_string());
        }
        return;
    }
    let (v, remark) = venue::split_trailing_remark(l.trim());
    p.notes.extend(remark);
    let v = v.strip_suffix(" Conference").unwrap_or(&v);
    p.venue = v.to_string();
    p.kind = match venue::classify(v) {
        PubKind::Misc | PubKind::Preprint => PubKind::Conference,
        k => k,
    };
    p.date = date::find_range(v).map(|(d, _)| d.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROFILE: &str = "Mara Lindqvist\nPhD student, KTH\nJoined March 2019\nNames\nMara Lindqvist (Preferred)\nEmails\n****@kth.se (Confirmed)\nCareer & Education History\nPhD student\nKTH Royal Institute of Technology (kth.se)\n2020 – Present\nResearch Intern\nGoogle DeepMind (deepmind.com)\n2022 – 2022\nExpertise\nreinforcement learning, robotics\n2020 – Present\nPublications\nConservative Offline Policy Evaluation\nMara Lindqvist, Tomas Berg\nPublished: 16 Jan 2024, Last Modified: 05 Mar 2024\nICLR 2024 spotlight\nReaders:  Everyone\nSafe Exploration for Legged Robots\nTomas Berg, Mara Lindqvist\nPublished: 01 Mar 2023, Last Modified: 18 Apr 2023\nICRA 2023\nReaders:  Everyone\n";

    #[test]
    fn reads_a_profile() {
        assert!(is_profile(PROFILE));
        let r = parse(PROFILE);
        assert_eq!(r.basics.name, "Mara Lindqvist");
        assert_eq!(r.basics.summary, "reinforcement learning, robotics");
        assert_eq!(
            r.education[0].institution,
            "KTH Royal Institute of Technology"
        );
        assert_eq!(r.education[0].study_type, "PhD");
        assert_eq!(r.work[0].position, "Research Intern");
        assert_eq!(r.publications.len(), 2);
        let p = &r.publications[0];
        assert_eq!(p.title, "Conservative Offline Policy Evaluation");
        assert_eq!(p.venue, "ICLR 2024");
        assert_eq!(p.notes, vec!["Spotlight".to_string()]);
        assert_eq!(p.kind, PubKind::Conference);
        assert_eq!(p.date, Some(crate::model::Date::ymd(2024, 1, 16)));
        assert_eq!(r.publications[1].venue, "ICRA 2023");
        assert_eq!(r.publications[1].authors.people.len(), 2);
    }
}
