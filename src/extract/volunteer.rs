//! Service, teaching and activity sections → `Volunteer` items.
//!
//! Minimal: each entry's header gives position ("Teaching Assistant"), organization
//! ("USTC") and dates through the shared entry reader; lines under it form `summary`.

use crate::doc::{Block, BlockKind};
use crate::extract::{entries, work};
use crate::model::Volunteer;

fn new_head(_: &entries::Entry, b: &Block) -> bool {
    !entries::is_date_only(b)
}

pub fn section(blocks: &[Block]) -> Vec<Volunteer> {
    let mut out: Vec<Volunteer> = Vec::new();
    for e in entries::group(blocks, &new_head) {
        let facts = work::head_facts(&e.head);
        let r = entries::roles(&facts.rest);
        let mut v = Volunteer {
            organization: r.org,
            position: r.position,
            dates: facts.range(),
            ..Default::default()
        };
        let mut summary = Vec::new();
        for b in &e.body {
            match b.kind {
                BlockKind::Item(_) => v.highlights.push(b.text.clone()),
                _ if entries::is_date_only(b) => {}
                _ => summary.push(b.text.clone()),
            }
        }
        if v.position.is_empty() && !v.organization.is_empty() && summary.is_empty() {
            // a bare service line ("Reviewer: NeurIPS") keeps its text as summary
            summary.push(v.organization.clone());
            v.organization.clear();
        }
        v.summary = summary.join(" ");
        if v.position.is_empty() && v.organization.is_empty() && v.summary.is_empty() {
            continue;
        }
        // the same line listed twice is one entry
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teaching_assistant_lines() {
        let b = [
            Block::new(
                BlockKind::Item(0),
                "Mar 2019 – Jun 2019 **Teaching Assistant**, USTC,",
                0..0,
            ),
            Block::new(BlockKind::Para, "Computer Architecture 2019.", 0..0),
        ];
        let v = section(&b);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].position, "Teaching Assistant");
        assert_eq!(v[0].organization, "USTC");
        assert_eq!(v[0].summary, "Computer Architecture 2019.");
        assert_eq!(
            v[0].dates.unwrap().end_date().unwrap().iso().unwrap(),
            "2019-06"
        );
    }
}
