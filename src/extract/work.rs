//! Work and research-experience sections → `Work` items (and, for research, the titled
//! projects under each lab or position → `Project` items).
//!
//! Each entry's header lines give organisation, position, location and dates (see
//! `entries`); supervisor lines, employment modes and extra periods go to `summary`
//! joined by "; ". In work sections every bullet and sub-title is a highlight; in research
//! sections titled sub-items become projects and the header a work entry of its own.

use crate::doc::{Block, BlockKind};
use crate::extract::entries::{self, Entry, Facts};
use crate::extract::projects;
use crate::lex::date;
use crate::model::{Project, Work};

/// Does a header line open a new entry? Only when both it and the current entry carry
/// a date (two dated lines in a row are two jobs).
/// Also when the current entry is dated and the line is an organisation with its place
/// ("Microsoft Research   Redmond, WA" after "Role ... Sep 2021 – Present").
fn new_head(cur: &Entry, b: &Block) -> bool {
    let cur_dated = cur.head.iter().any(|h| date::find_range(&h.text).is_some());
    // ("Associate Professor (tenured 2018)": a date in a bracketed remark dates no entry)
    let own_date = date::find_range(&b.text).is_some_and(|(_, span)| {
        let before = &b.text[..span.start];
        !before
            .rfind('(')
            .is_some_and(|i| !before[i..].contains(')') && before[i..].contains(char::is_lowercase))
    });
    cur_dated
        && (own_date && !entries::is_date_only(b)
            || entries::is_org_place(b) && cur.head.len() >= 2 && {
                // only once the current entry is complete (its own organisation and role):
                // "Role, Dept. of X  2019 – present" then "University, City, ST" is one
                // header
                let f = head_facts(&cur.head);
                let r = entries::roles(&f.rest);
                !r.org.is_empty() && !r.position.is_empty()
            })
}

/// The facts of an entry's head lines, in order.
pub fn head_facts(head: &[Block]) -> Facts {
    let mut f = Facts::default();
    for b in head {
        let g = entries::peel(b);
        f.dates.extend(g.dates);
        if f.location.is_empty() {
            f.location = g.location;
        }
        if f.periods.is_empty() {
            f.periods = g.periods;
        }
        f.rest.extend(g.rest);
    }
    f
}

/// Work and research sections. `research` turns titled sub-items into projects.
pub fn section(blocks: &[Block], research: bool) -> (Vec<Work>, Vec<Project>) {
    let mut works: Vec<Work> = Vec::new();
    let mut projs = Vec::new();
    let groups = entries::group(blocks, &new_head);
    for e in &groups {
        let facts = head_facts(&e.head);
        let r = entries::roles(&facts.rest);
        // a dated research item with a title and no role is itself a project
        if research && r.position.is_empty() && e.level.is_none() && e.head.len() == 1 {
            if let Some(p) = projects::from_entry(e, &facts) {
                projs.push(p);
                continue;
            }
        }
        let mut w = Work {
            name: r.org,
            position: r.position,
            location: facts.location.clone(),
            dates: facts.range(),
            ..Default::default()
        };
        let mut notes = r.notes;
        if !facts.periods.is_empty() {
            notes.push(facts.periods.clone());
        }
        w.summary = notes.join("; ");
        let subs = if research {
            projects::titled(&e.body)
        } else {
            Vec::new()
        };
        let mut body: &[Block] = &e.body;
        // "* 2018-2019: Research Engineer" with "  * Naver Clova, Seongnam, South Korea" as
        // its first sub-bullet (the academicpages CV template): the bullet is the employer
        if w.name.is_empty() && !w.position.is_empty() {
            if let Some((first, rest)) = body.split_first() {
                // (or the employer alone: "Carnegie Mellon University, Computational
                // Biology Department")
                let org_only = || {
                    let f = entries::peel(first);
                    f.dates.is_empty()
                        && !first.text.contains(':')
                        && f.rest.iter().all(|r| crate::extract::volunteer::is_org(r))
                };
                if matches!(first.kind, BlockKind::Item(_))
                    && (entries::is_org_place(first) || org_only())
                {
                    let f = entries::peel(first);
                    w.name = f.rest.concat();
                    if w.location.is_empty() {
                        w.location = f.location;
                    }
                    body = rest;
                }
            }
        }
        // supervisor and mode lines among the bullets are notes, not highlights
        let (note_items, body): (Vec<Block>, Vec<Block>) = body
            .iter()
            .cloned()
            .partition(|b| matches!(b.kind, BlockKind::Item(_)) && note_bullet(&b.text));
        if !note_items.is_empty() {
            let mut all: Vec<String> = w
                .summary
                .split("; ")
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect();
            all.extend(note_items.iter().map(|b| entries::note_text(&b.text)));
            w.summary = all.join("; ");
        }
        // one paragraph of sentences (no bullets) describes the job: its summary
        let prose_only = body.len() == 1
            && body.iter().all(|b| {
                b.kind == BlockKind::Para
                    && b.text.trim_end().ends_with(['.', '!', ')'])
                    && b.text.split_whitespace().count() >= 12
            });
        let body = if prose_only && subs.is_empty() {
            let text: Vec<&str> = body.iter().map(|b| b.text.trim()).collect();
            w.summary = [w.summary.as_str(), &text.join(" ")]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("; ");
            Vec::new()
        } else {
            body
        };
        if subs.is_empty() {
            w.highlights = highlights(&body);
            if w.dates.is_none() {
                w.dates = body
                    .iter()
                    .find(|b| entries::is_date_only(b))
                    .and_then(|b| date::parse_range(&b.text));
            }
        } else {
            projs.extend(subs);
        }
        // a second role under the same organisation heading
        if w.name.is_empty() && !w.position.is_empty() {
            if let Some(prev) = works.last() {
                w.name = prev.name.clone();
                if w.location.is_empty() {
                    w.location = prev.location.clone();
                }
            }
        }
        if w.name.is_empty() && w.position.is_empty() && w.highlights.is_empty() {
            continue;
        }
        works.push(w);
    }
    (works, projs)
}

/// A bullet that only names a supervisor ("Supervisor: Dr. X", "Advised by Prof. Y"), not
/// an achievement ("Mentored three junior analysts.").
fn note_bullet(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    entries::is_note(t)
        && (l
            .split(':')
            .next()
            .is_some_and(|h| h != l && h.split_whitespace().count() <= 2)
            || [
                "supervised by",
                "advised by",
                "co-advised by",
                "under the supervision",
                "mentored by",
            ]
            .iter()
            .any(|p| l.starts_with(p)))
}

/// One highlight per bullet and per sub-title, in order; date-only lines skipped.
pub fn highlights(body: &[Block]) -> Vec<String> {
    body.iter()
        .filter(|b| !entries::is_date_only(b) && b.kind != BlockKind::Rule)
        .map(|b| b.text.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blk(kind: BlockKind, s: &str) -> Block {
        Block::new(kind, s, 0..0)
    }

    #[test]
    fn employer_and_supervisor_as_sub_bullets() {
        let b = [
            blk(BlockKind::Item(0), "2018-2019: Research Engineer"),
            blk(BlockKind::Item(1), "Naver Clova, Seongnam, South Korea"),
            blk(
                BlockKind::Item(1),
                "Duties included: Training speech models",
            ),
            blk(BlockKind::Item(1), "Supervisor: Dr. Kim"),
        ];
        let (w, _) = section(&b, false);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].name, "Naver Clova");
        assert_eq!(w[0].location, "Seongnam, South Korea");
        assert_eq!(w[0].position, "Research Engineer");
        assert_eq!(w[0].highlights, ["Duties included: Training speech models"]);
        assert_eq!(w[0].summary, "Supervisor: Dr. Kim");
    }

    #[test]
    fn institution_line_under_a_dated_department_line() {
        let b = [
            blk(
                BlockKind::Row,
                "Associate Professor, Dept. of Aerospace Engineering\t2019 – present",
            ),
            blk(BlockKind::Para, "The Ohio State University, Columbus, OH"),
            blk(
                BlockKind::Row,
                "Stress Engineer, Spirit AeroSystems\t2005 – 2007",
            ),
            blk(BlockKind::Para, "Wichita, KS"),
        ];
        let (w, _) = section(&b, false);
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(
            w[0].name,
            "Dept. of Aerospace Engineering, The Ohio State University"
        );
        assert_eq!(w[0].location, "Columbus, OH");
        // a date in a bracketed remark opens no entry
        let b = [
            blk(
                BlockKind::Para,
                "Carnegie Mellon University, Pittsburgh, PA 2015 – 2021",
            ),
            blk(
                BlockKind::Para,
                "Associate Professor of Statistics (tenured 2018)",
            ),
            blk(BlockKind::Para, "University of Michigan, Ann Arbor, MI"),
            blk(BlockKind::Para, "Assistant Professor of Biostatistics"),
        ];
        let (w, _) = section(&b, false);
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(w[1].location, "Ann Arbor, MI");
    }

    #[test]
    fn header_layout_with_inherited_org() {
        let b = [
            blk(BlockKind::Para, "Y-tech Lab, Kwai Inc."),
            blk(BlockKind::Para, "(remote) Palo Alto, CA, USA"),
            blk(BlockKind::Para, "Jun. 2021 – Sep. 2021"),
            blk(
                BlockKind::Para,
                "Machine Learning Intern, Supervised by Dr. Xin Chen",
            ),
            blk(BlockKind::Item(0), "Did a thing."),
            blk(
                BlockKind::Para,
                "Research Intern, Supervised by Dr. Xin Chen",
            ),
            blk(BlockKind::Para, "Jun. 2020 - Sep. 2020"),
            blk(BlockKind::Item(0), "Did another."),
        ];
        let (w, p) = section(&b, false);
        assert!(p.is_empty());
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].name, "Y-tech Lab, Kwai Inc.");
        assert_eq!(w[0].position, "Machine Learning Intern");
        assert_eq!(w[0].summary, "Supervised by Dr. Xin Chen");
        assert_eq!(w[1].name, "Y-tech Lab, Kwai Inc.");
        assert_eq!(w[1].location, "(remote) Palo Alto, CA, USA");
        assert_eq!(w[1].dates.unwrap().start.iso().unwrap(), "2020-06");
    }

    #[test]
    fn org_place_line_after_a_complete_entry_opens_the_next() {
        let b = [
            blk(BlockKind::Para, "Stanford University      Stanford, CA"),
            blk(
                BlockKind::Para,
                "Assistant Professor, Department of Computer Science      Sep 2021 – Present",
            ),
            blk(BlockKind::Para, "Microsoft Research      Redmond, WA"),
            blk(
                BlockKind::Para,
                "Postdoctoral Researcher, Systems Group      Aug 2019 – Aug 2021",
            ),
        ];
        let (w, _) = section(&b, false);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].name, "Stanford University");
        assert_eq!(w[0].position, "Assistant Professor");
        assert_eq!(w[1].name, "Microsoft Research");
        assert_eq!(w[1].location, "Redmond, WA");
        // role and date first, organisation after: one entry
        let b = [
            blk(
                BlockKind::Para,
                "Postdoctoral Fellow      Sept. 2021 – present",
            ),
            blk(BlockKind::Para, "University of Toronto, Toronto, ON"),
        ];
        let (w, _) = section(&b, false);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].name, "University of Toronto");
    }

    #[test]
    fn research_lab_with_titled_projects() {
        let b = [
            blk(
                BlockKind::Para,
                "STABLE Lab, University of California San Diego",
            ),
            blk(
                BlockKind::Para,
                "Graduate Student Researcher, Supervised by Prof. J",
            ),
            blk(BlockKind::Para, "San Diego, CA, USA Sep. 2019 - Present"),
            blk(
                BlockKind::Item(0),
                "WASMREV: Multi-modal Learning (ISSTA '24)",
            ),
            blk(BlockKind::Para, "Dec. 2023"),
            blk(BlockKind::Item(0), "Developed WASMREV."),
        ];
        let (w, p) = section(&b, true);
        assert_eq!(w.len(), 1);
        assert!(w[0].highlights.is_empty());
        assert_eq!(w[0].position, "Graduate Student Researcher");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "WASMREV: Multi-modal Learning");
        assert_eq!(p[0].description, "ISSTA '24");
        assert_eq!(p[0].highlights, ["Developed WASMREV."]);
    }
}
