//! Sections → model items, shared by every kind.
//!
//! Input: `Document`. Output: `Record`. Each section kind has its own module; items a front
//! end already found (`Document::found`) are merged in first. `entries` holds the entry
//! layout reader the dated sections share.

pub mod awards;
pub mod basics;
pub mod certificates;
pub mod education;
pub mod entries;
pub mod languages;
pub mod projects;
pub mod publications;
pub mod skills;
pub mod talks;
pub mod volunteer;
pub mod work;

use crate::doc::Document;
use crate::model::{Award, Record};
use crate::sections::{split, SectionKind};

pub fn record(doc: &Document) -> Record {
    let mut rec = doc.found.clone();
    let sections = split(doc);
    let mut edu_honours: Vec<Award> = Vec::new();
    for s in &sections {
        match s.kind {
            SectionKind::Header | SectionKind::Contact => {
                basics::header(&s.blocks, &mut rec.basics)
            }
            SectionKind::Summary => basics::summary(&s.blocks, &mut rec.basics),
            SectionKind::Education => {
                let (e, a) = education::section(&s.blocks);
                rec.education.extend(e);
                edu_honours.extend(a);
            }
            SectionKind::Work | SectionKind::Research => {
                let (w, p) = work::section(&s.blocks, s.kind == SectionKind::Research);
                rec.work.extend(w);
                rec.projects.extend(p);
            }
            SectionKind::Projects => rec.projects.extend(projects::section(&s.blocks)),
            SectionKind::Volunteer => rec.volunteer.extend(volunteer::section(&s.blocks)),
            SectionKind::Awards => rec.awards.extend(awards::section(&s.blocks)),
            SectionKind::Languages => rec.languages.extend(languages::section(&s.blocks)),
            SectionKind::Certificates => rec.certificates.extend(certificates::section(&s.blocks)),
            SectionKind::Interests => rec.interests.extend(skills::interests(&s.blocks)),
            SectionKind::Publications | SectionKind::Preprints | SectionKind::Patents => rec
                .publications
                .extend(publications::section(&s.blocks, s.kind)),
            SectionKind::Skills => {
                let (sk, interests) = skills::section(&s.blocks, &s.heading);
                for g in sk {
                    // "Languages: Spanish (native), English (fluent)" is not a skill
                    match languages::from_skill_group(&g.name, &g.keywords) {
                        Some(l) => rec.languages.extend(l),
                        None => rec.skills.push(g),
                    }
                }
                if let Some(i) = interests.filter(|_| rec.basics.summary.is_empty()) {
                    rec.basics.summary = i;
                }
            }
            SectionKind::Talks => rec.projects.extend(talks::section(&s.blocks)),
            // "OTHER" / "Additional information": labelled lines of languages and software
            // ("Languages: Basque (native), …", "Software: Stata, R"); other labels (citizenship,
            // interests in prose) are no skills
            SectionKind::Other if !s.heading.is_empty() => {
                let (sk, _) = skills::section(&s.blocks, &s.heading);
                for g in sk {
                    match languages::from_skill_group(&g.name, &g.keywords) {
                        Some(l) => rec.languages.extend(l),
                        None if skills::is_tool_label(&g.name) => rec.skills.push(g),
                        None => {}
                    }
                }
            }
            _ => {}
        }
    }
    // honours stated in an education line, unless the award list has them already
    for h in edu_honours {
        if !rec.awards.iter().any(|a| same_award(&a.title, &h.title)) {
            rec.awards.insert(0, h);
        }
    }
    if publications::marks_name_students(&doc.blocks) {
        for p in &mut rec.publications {
            p.notes.retain(|n| !n.starts_with("Equal contribution"));
        }
    }
    basics::meta(&doc.meta, &mut rec.basics);
    basics::lab_head(&doc.blocks, &mut rec.basics);
    // papers printed with only their co-authors ("with A. Souza") are the owner's own; in
    // a list written that way, a paper with no names at all is the owner's alone
    if let Some(owner) = crate::lex::name::parse_person(&rec.basics.name) {
        let convention = rec.publications.iter().any(|p| p.owner_first);
        for p in rec.publications.iter_mut() {
            if p.owner_first || convention && p.authors.is_empty() {
                p.authors.people.insert(0, owner.clone());
            }
        }
    }
    rec
}

/// Word stems (first five letters) of an award title.
fn stems(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(|w| w.to_lowercase().chars().take(5).collect())
        .collect()
}

/// Is `short` (an honour named in an education line) the award `title`?
fn same_award(title: &str, short: &str) -> bool {
    let t = stems(title);
    let s = stems(short);
    !s.is_empty() && s.iter().all(|w| t.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_section_keeps_languages_and_software() {
        let doc = crate::doc::text::parse(
            "Jane Roe\n\nOTHER\nLanguages: Basque (native), English (fluent)\nSoftware: Stata, R\nCitizenship: Spain\n",
        );
        let r = record(&doc);
        assert_eq!(r.languages.len(), 2);
        assert_eq!(r.skills.len(), 1);
        assert_eq!(r.skills[0].name, "Software");
    }
}
