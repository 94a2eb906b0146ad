//! Sections → model items, shared by every kind.
//!
//! Input: `Document`. Output: `Record`. Each section kind has its own module; items a front
//! end already found (`Document::found`) are merged in first.

pub mod awards;
pub mod basics;
pub mod education;
pub mod publications;
pub mod skills;
pub mod work;

use crate::doc::Document;
use crate::model::Record;
use crate::sections::{split, SectionKind};

pub fn record(doc: &Document) -> Record {
    let mut rec = doc.found.clone();
    let sections = split(doc);
    for s in &sections {
        match s.kind {
            SectionKind::Header | SectionKind::Contact => {
                basics::header(&s.blocks, &mut rec.basics)
            }
            SectionKind::Summary => basics::summary(&s.blocks, &mut rec.basics),
            SectionKind::Education => rec.education.extend(education::section(&s.blocks)),
            SectionKind::Work | SectionKind::Research => rec.work.extend(work::section(&s.blocks)),
            SectionKind::Awards => rec.awards.extend(awards::section(&s.blocks)),
            SectionKind::Publications | SectionKind::Preprints | SectionKind::Patents => rec
                .publications
                .extend(publications::section(&s.blocks, s.kind)),
            SectionKind::Skills => rec.skills.extend(skills::section(&s.blocks)),
            _ => {}
        }
    }
    basics::meta(&doc.meta, &mut rec.basics);
    rec
}
