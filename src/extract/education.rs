//! Education sections → `Education` items (and honours printed in a degree line →
//! `Award` items with the school as awarder).
//!
//! An entry's institution is its first line minus location; a degree line ("Ph.D. in
//! Computer Science, GPA: 4.00/4.00") gives studyType (normalised through
//! `grammars/degrees.tsv`), area and score. Advisor, thesis, class and sub-unit lines
//! are dropped. A degree glued after the institution on one line is split off.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Block, BlockKind};
use crate::extract::entries::{self, Entry};
use crate::lex::{date, split_top_level};
use crate::model::{Award, Education};
use crate::tables::DEGREES;

static INSTITUTION: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?-u:\b)(?:universit|college|institut|school|academy|polytechn|politecn|hochschule|école|ecole|escuela|conservatory|lyceum|gymnasium|universidad|università|faculty of|campus)").unwrap()
});
static GPA: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?-u:\b)(?:(?:cumulative|major|overall|cum\.?)\s+)?(?:gpa|cgpa|grade|score)\s*:?\s*([0-9]+(?:\.[0-9]+)?(?:\s*/\s*[0-9]+(?:\.[0-9]+)?)?)").unwrap()
});
static HONOUR: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?-u:\b)(?:scholarship|fellowship|award|prize|medal|honou?rs?(?-u:\b)|excellent graduate|outstanding graduate|dean'?s list|cum laude|distinction|valedictorian)").unwrap()
});
/// A final grade printed as a Latin honour or an Italian mark ("summa cum laude",
/// "110/110 e lode", "with distinction"): the degree's score, not an award.
static LATIN: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?-u:\b)(?:(?:summa|magna) )?cum laude(?-u:\b)|(?-u:\b)with (?:high(?:est)? )?distinction(?-u:\b)|(?-u:\b)1[01]0/110(?: (?:e|cum) (?:lode|laude))?").unwrap()
});
static DROP: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^(?:advis|supervis|thesis|dissertation|minor|mentor|research|courses|coursework|relevant|lab(?-u:\b)|led by|class)").unwrap()
});

/// Degree word key: lower case, dots and spaces removed ("Ph.D." → "phd").
fn degree_key(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

/// A degree at the start of `s`: (studyType as normalised, byte length of the printed
/// degree words).
pub fn degree_at(s: &str) -> Option<(String, usize)> {
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .take(4)
        .collect();
    let (_, first) = *words.first()?;
    let first_clean = first.trim_end_matches([',', ':', ';']);
    // "Visiting Student"
    let two = words
        .get(1)
        .map(|(_, w)| format!("{} {}", degree_key(first_clean), degree_key(w)));
    if two.as_deref() == Some("visiting student") || two.as_deref() == Some("exchange student") {
        let end = words[1].0 + words[1].1.trim_end_matches([',', ';']).len();
        return Some((s[..end].to_string(), end));
    }
    let key = degree_key(first_clean);
    // short keys ("ms", "be", "ma") only when printed as a degree: "MS", "M.S.", not "Ms"
    if key.len() <= 2 && !first_clean.contains('.') && first_clean.chars().any(char::is_lowercase) {
        return None;
    }
    // three-word and two-word degrees first ("Dr. rer. nat.", "Laurea Triennale")
    if let (Some((_, w1)), Some((pos, w2))) = (words.get(1), words.get(2)) {
        let w2 = w2.trim_end_matches([',', ':', ';']);
        let k = format!("{key} {} {}", degree_key(w1), degree_key(w2));
        if DEGREES.get(k.as_str()).is_some_and(|c| *c == "=") {
            let end = pos + w2.len();
            return Some((s[..end].to_string(), end));
        }
    }
    if let Some((pos, w)) = words.get(1) {
        let w = w.trim_end_matches([',', ':', ';']);
        if let Some(canon) = DEGREES.get(format!("{key} {}", degree_key(w)).as_str()) {
            let end = pos + w.len();
            let printed = s[..end].to_string();
            return Some((
                if *canon == "=" {
                    printed
                } else {
                    canon.to_string()
                },
                end,
            ));
        }
    }
    let canon = DEGREES.get(key.as_str())?;
    let mut end = words[0].0 + first_clean.len();
    let mut printed = first_clean.to_string();
    // "Bachelor of Science", "Master of Arts", "Doctor of Philosophy"
    if let (Some((_, of)), Some((pos, field))) = (words.get(1), words.get(2)) {
        if *of == "of" && field.starts_with(|c: char| c.is_uppercase()) {
            let f = field.trim_end_matches([',', ';']);
            end = pos + f.len();
            printed = s[..end].to_string();
        }
    }
    // trailing "degree", "student", "candidate" are not part of the type
    if let Some((pos, w)) = words.iter().find(|(p, _)| *p >= end) {
        let wk = degree_key(w);
        if matches!(wk.as_str(), "degree" | "student" | "candidate") {
            end = pos + w.trim_end_matches([',', ';']).len();
        }
    }
    let mut study = if *canon == "=" || printed.contains(" of ") {
        printed
    } else {
        canon.to_string()
    };
    // "B.Sc. (Honours)", "BA (Hons.)", "MSc (Res)", "MA (Oxon)": the qualifier belongs to
    // the degree, not an award
    static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"^\s*\((?i:hons?\.?|honou?rs|res|mod|oxon|cantab|econ|eng)\)").unwrap()
    });
    if let Some(m) = s.get(end..).and_then(|t| QUALIFIER.find(t)) {
        study = format!("{study} {}", m.as_str().trim());
        end += m.end();
    }
    Some((study, end))
}

/// Split a degree glued after an institution ("UCSD, Dept of CSE M.S. in Computer Science").
fn split_glued(s: &str) -> (String, Option<String>) {
    for (i, _) in s.match_indices(' ') {
        let tail = &s[i + 1..];
        if tail.starts_with(|c: char| c.is_uppercase()) {
            if let Some((_, len)) = degree_at(tail) {
                let after = &tail[len..];
                if after.starts_with(" in ") || after.starts_with(" of ") || after.starts_with(',')
                {
                    return (s[..i].trim().to_string(), Some(tail.to_string()));
                }
            }
        }
    }
    (s.to_string(), None)
}

/// Institution as printed minus a trailing location ("University of Sydney (USYD),
/// Sydney, Australia" → "University of Sydney (USYD)").
fn institution_name(s: &str) -> String {
    let t = s.trim().trim_end_matches([',', '.', ';', ' ']);
    match entries::find_location(t) {
        Some(r) if r.end >= t.len() && r.start > 0 => t[..r.start]
            .trim()
            .trim_end_matches([',', ';', ' ', '–', '-', '|'])
            .to_string(),
        _ => t.to_string(),
    }
}

/// A British class or grade printed alone: "First Class", "Upper Second Class Honours",
/// "Distinction", "Merit", "2:1".
static CLASS: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^(?:(?:first|upper second|lower second|second|third)(?:[- ]class)?(?: honou?rs)?|distinction|merit|[12]:[12])$")
        .unwrap()
});

/// What a degree line gives.
#[derive(Default)]
struct DegreeLine {
    study: String,
    area: String,
    score: String,
    honours: Vec<String>,
    /// An institution printed after the degree ("Ph.D. in EE, University of X").
    institution: String,
}

fn degree_line(s: &str) -> Option<DegreeLine> {
    let (study, len) = degree_at(s)?;
    let mut d = DegreeLine {
        study,
        ..Default::default()
    };
    if let Some(c) = GPA.captures(s) {
        d.score = c[1].split_whitespace().collect();
    }
    // "B.A., Economics": the comma after the degree does not start the next part
    let mut rest = s[len..]
        .trim_start()
        .trim_start_matches([',', ';'])
        .trim_start();
    // "B.Sc. (First Class Honours), Physics": a class or honour in brackets after the
    // degree is its grade, and the field follows
    static CLASS_PAREN: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r"(?i)^\(\s*([^()]*(?:class|honou?rs|distinction|merit|laude)[^()]*?)\s*\)[\s,;]*",
        )
        .unwrap()
    });
    if let Some(c) = CLASS_PAREN.captures(rest).filter(|c| c[1].len() <= 40) {
        if d.score.is_empty() {
            d.score = c[1].to_string();
        }
        rest = &rest[c[0].len()..];
    }
    // "..., Universitat Pompeu Fabra (cum laude)": a Latin honour in brackets is the grade
    static LATIN_PAREN: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r"(?i)\s*\(\s*((?:(?:summa|magna) )?cum laude|with (?:high(?:est)? )?distinction)\s*\)",
        )
        .unwrap()
    });
    let unbracketed;
    if let Some(c) = LATIN_PAREN.captures(rest) {
        d.score = c[1].to_string();
        unbracketed = LATIN_PAREN.replace(rest, "").into_owned();
        rest = &unbracketed;
    }
    let parts = split_top_level(rest, &[',', ';']);
    for (k, part) in parts.iter().enumerate() {
        let mut p = part.trim().trim_end_matches('.');
        // "Economics (summa cum laude)", "English Language (Distinction)": a Latin honour or
        // a class after the field is the grade
        if let Some((field, q)) = p.split_once(" (").filter(|(_, q)| q.ends_with(')')) {
            let q = &q[..q.len() - 1];
            let grade = LATIN
                .find(q)
                .filter(|m| m.len() == q.len())
                .map(|m| m.as_str())
                .or_else(|| CLASS.is_match(q).then_some(q));
            if let Some(g) = grade {
                if d.score.is_empty() {
                    d.score = g.to_string();
                }
                p = field.trim();
            }
        }
        // "…, First Class, University of Aberdeen": a class of its own is the grade
        if k > 0 && CLASS.is_match(p) && d.score.is_empty() {
            d.score = p.to_string();
            continue;
        }
        if k == 0 {
            // "PHD IN PHYSICS Università degli Studi di Milano" (Europass): the field in
            // capitals, then the school as printed
            if let Some(a) = p.strip_prefix("IN ").or_else(|| p.strip_prefix("OF ")) {
                let caps = a
                    .split_whitespace()
                    .take_while(|w| !w.chars().any(char::is_lowercase))
                    .count();
                let at = a
                    .split_whitespace()
                    .nth(caps)
                    .map_or(a.len(), |w| w.as_ptr() as usize - a.as_ptr() as usize);
                d.area = area_text(&a[..at]);
                if at < a.len() && d.institution.is_empty() {
                    d.institution = institution_name(a[at..].trim());
                }
                continue;
            }
            if let Some(a) = p.strip_prefix("in ").or_else(|| p.strip_prefix("of ")) {
                d.area = area_text(a);
                continue;
            }
        }
        // "PhD, Nursing University of California" (a PDF copy lost the column gap): the
        // field, then a school named "University of …"
        if k == 0 && d.area.is_empty() && d.institution.is_empty() {
            if let Some((field, school)) = field_glued_to_school(p) {
                d.area = area_text(field);
                let mut tail = vec![school];
                tail.extend(parts[1..].iter().map(|x| x.trim()));
                d.institution = institution_name(&tail.join(", "));
                break;
            }
        }
        // "PhD, University of Cambridge": the school may follow the degree directly
        if INSTITUTION.is_match(p) && d.institution.is_empty() {
            let tail: Vec<&str> = parts[k..].iter().map(|x| x.trim()).collect();
            let upto = tail
                .iter()
                .position(|x| {
                    GPA.is_match(x) || HONOUR.is_match(x) || DROP.is_match(x) || LATIN.is_match(x)
                })
                .unwrap_or(tail.len());
            d.institution = institution_name(&tail[..upto].join(", "));
            // "…, Università di Padova, 110/110 e lode": the mark is the score
            if let Some(m) = tail.get(upto).and_then(|x| LATIN.find(x)) {
                if d.score.is_empty() {
                    d.score = m.as_str().trim().to_string();
                }
            }
            break;
        }
        if GPA.is_match(p) || DROP.is_match(p) {
            continue;
        }
        // "B.A., Psychology, summa cum laude": a Latin honour of its own is the grade,
        // unless a GPA is (then the honour is an honour: "…, summa cum laude, GPA 3.98")
        if let Some(m) = LATIN
            .find(p)
            .filter(|m| m.len() + 2 >= p.trim().len() && !parts.iter().any(|x| GPA.is_match(x)))
        {
            if d.score.is_empty() {
                d.score = m.as_str().trim().to_string();
            }
            continue;
        }
        if HONOUR.is_match(p) {
            d.honours.push(p.to_string());
        } else if k == 0 && d.area.is_empty() && looks_like_field(p) {
            d.area = area_text(p);
        } else if k > 0
            && d.institution.is_empty()
            && p.starts_with(|c: char| c.is_uppercase())
            && !p.chars().any(|c| c.is_ascii_digit())
        {
            // "M.Tech, Computer Science, IIT Madras": a school without a keyword
            d.institution = institution_name(p);
        }
    }
    Some(d)
}

/// "Nursing University of California" → ("Nursing", "University of California"), when the
/// word before the school ends like a field ("Nursing", "Physics", "Computer Science"); a
/// place or name word ("Tokyo Institute of …", "Technical University of …") keeps it whole.
fn field_glued_to_school(p: &str) -> Option<(&str, &str)> {
    static OF_SCHOOL: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r" (?:University|College|Institute|Universidad|Universidade|Université|Università|Universität) (?:of|de|di|du|do|des|della|für) ").unwrap()
    });
    static FIELD_END: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?:ing|ics|ogy|try|phy|ance|ence|ism|ture|ment|tion|sion|ies|Science|Sciences|Studies|Law|Medicine|Arts|Health|Education|Design)$").unwrap()
    });
    let m = OF_SCHOOL.find(p)?;
    let (field, school) = (p[..m.start()].trim(), p[m.start()..].trim());
    (FIELD_END.is_match(field) && looks_like_field(field)).then_some((field, school))
}

fn area_text(a: &str) -> String {
    let a = GPA.splitn(a, 2).next().unwrap_or(a);
    a.trim()
        .trim_end_matches([',', ';', '.', ' ', '(', '–', '-'])
        .to_string()
}

fn looks_like_field(p: &str) -> bool {
    p.starts_with(|c: char| c.is_uppercase())
        && !p.chars().any(|c| c.is_ascii_digit())
        && !INSTITUTION.is_match(p)
        && p.split_whitespace().count() <= 8
}

fn new_head(cur: &Entry, b: &Block) -> bool {
    let inst_in = |b: &Block| INSTITUTION.is_match(&b.text) && degree_at(&b.text).is_none();
    let cur_has_inst = cur.head.iter().any(inst_in);
    let cur_has_degree = cur
        .head
        .iter()
        .any(|h| h.columns().iter().any(|c| degree_at(c).is_some()));
    let cur_dated = cur.head.iter().any(|h| date::find_range(&h.text).is_some());
    // an entry opened by a school line ("ETH Zürich, Switzerland" — no school word) that
    // already has its degree: the next school line opens the next entry
    let school_first = cur
        .head
        .first()
        .is_some_and(|h| degree_at(&h.text).is_none() && !entries::starts_with_date(h));
    (INSTITUTION.is_match(&b.text)
        && (cur_has_inst || (cur_has_degree && school_first && degree_at(&b.text).is_none()))
        && !b.text.contains("Visiting"))
        || (cur_dated && date::find_range(&b.text).is_some() && !entries::is_date_only(b))
        || (cur_has_degree && degree_at(&b.text).is_some())
}

/// Education sections.
/// A table cell naming a field of study: a few capitalised words in a row whose degree
/// cell printed none.
fn field_cell(cell: &str, b: &Block, ed: &Education) -> bool {
    let t = cell.trim();
    b.kind == BlockKind::Row
        && !ed.study_type.is_empty()
        && ed.area.is_empty()
        && (1..=5).contains(&t.split_whitespace().count())
        && t.starts_with(char::is_uppercase)
        && !t.contains(|c: char| c.is_ascii_digit() || c == ',')
        && !LATIN.is_match(t)
        && !HONOUR.is_match(t)
        && !INSTITUTION.is_match(t)
}

pub fn section(blocks: &[Block]) -> (Vec<Education>, Vec<Award>) {
    let mut out: Vec<Education> = Vec::new();
    let mut awards = Vec::new();
    for e in entries::group(blocks, &new_head) {
        let lines: Vec<&Block> = e
            .head
            .iter()
            .chain(
                e.body
                    .iter()
                    .filter(|b| !matches!(b.kind, crate::doc::BlockKind::Item(_))),
            )
            .collect();
        let mut ed = Education::default();
        let mut honours = Vec::new();
        for (i, b) in lines.iter().enumerate() {
            let mut f = entries::Facts::default();
            for col in b.columns() {
                entries::peel_text(&col, &mut f);
            }
            if ed.dates.is_none() {
                ed.dates = f.range();
            }
            for piece in &f.rest {
                let (before, glued) = split_glued(piece);
                let (inst_part, deg_part) = match (degree_line(&before), glued) {
                    (Some(_), _) => (None, Some(before.clone())),
                    (None, Some(g)) => (Some(before.clone()), Some(g)),
                    (None, None) => (Some(before.clone()), None),
                };
                if let Some(ip) = inst_part {
                    let first_line = i == 0 && ed.institution.is_empty();
                    if ed.institution.is_empty() && (first_line || INSTITUTION.is_match(&ip)) {
                        // "KIT, summa cum laude", "TU Graz, Grade: 1.3": the tail is no name
                        let parts = split_top_level(&ip, &[',', ';']);
                        let cut = parts
                            .iter()
                            .skip(1)
                            .position(|p| {
                                let p = p.trim();
                                LATIN.is_match(p) || GPA.is_match(p) || HONOUR.is_match(p)
                            })
                            .map_or(parts.len(), |k| k + 1);
                        ed.institution = institution_name(&parts[..cut].join(", "));
                        for p in &parts[cut..] {
                            let p = p.trim().trim_end_matches('.');
                            if let Some(m) = LATIN.find(p) {
                                if ed.score.is_empty() {
                                    ed.score = m.as_str().trim().to_string();
                                }
                            } else if HONOUR.is_match(p) && !DROP.is_match(p) {
                                honours.push(p.to_string());
                            }
                        }
                    } else if field_cell(&ip, b, &ed) {
                        // "Johns Hopkins University<TAB>PhD<TAB>05/2012<TAB>Epidemiology":
                        // the cell after a bare degree is its field
                        ed.area = ip.trim().to_string();
                    } else {
                        for part in split_top_level(&ip, &[',', ';']) {
                            let p = part.trim().trim_end_matches('.');
                            // "Final grade 110/110 cum laude": the mark is the score, whole
                            if let Some(m) = LATIN.find(p) {
                                let mark = m.as_str().trim();
                                if ed.score.is_empty() || mark.starts_with(ed.score.as_str()) {
                                    ed.score = mark.to_string();
                                }
                            } else if HONOUR.is_match(p) && !DROP.is_match(p) {
                                honours.push(p.to_string());
                            }
                        }
                    }
                }
                if let Some(dp) = deg_part {
                    if let Some(d) = degree_line(&dp) {
                        if ed.study_type.is_empty() {
                            ed.study_type = d.study;
                            ed.area = d.area;
                        }
                        if ed.score.is_empty() {
                            ed.score = d.score;
                        }
                        if ed.institution.is_empty() {
                            ed.institution = d.institution;
                        }
                        honours.extend(d.honours);
                    }
                }
            }
        }
        if ed.score.is_empty() {
            for b in e.head.iter().chain(e.body.iter()) {
                if let Some(c) = GPA.captures(&b.text) {
                    ed.score = c[1].split_whitespace().collect();
                    break;
                }
            }
        }
        if ed.institution.is_empty() && ed.study_type.is_empty() {
            continue;
        }
        if ed.institution.is_empty() {
            if let Some(prev) = out.last() {
                ed.institution = prev.institution.clone();
            }
        }
        for h in honours {
            awards.push(Award {
                title: h,
                awarder: ed.institution.clone(),
                ..Default::default()
            });
        }
        out.push(ed);
    }
    (out, awards)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_glued_to_its_school() {
        assert_eq!(
            field_glued_to_school("Nursing University of California"),
            Some(("Nursing", "University of California"))
        );
        assert_eq!(field_glued_to_school("Tokyo Institute of Technology"), None);
        assert_eq!(
            field_glued_to_school("Technical University of Munich"),
            None
        );
        assert_eq!(
            field_glued_to_school("Massachusetts Institute of Technology"),
            None
        );
    }
    use crate::doc::BlockKind;

    fn blk(kind: BlockKind, s: &str) -> Block {
        Block::new(kind, s, 0..0)
    }

    #[test]
    fn grade_tails_are_scores_not_names() {
        let b = [
            blk(
                BlockKind::Row,
                "10/2017 – 07/2021   Dr.-Ing. in Electrical Engineering",
            ),
            blk(
                BlockKind::Para,
                "Karlsruhe Institute of Technology (KIT), summa cum laude",
            ),
            blk(
                BlockKind::Row,
                "09/2011 – 07/2014   Laurea Triennale in Electrical Engineering",
            ),
            blk(
                BlockKind::Para,
                "Politecnico di Milano, Italy, 110/110 e lode",
            ),
        ];
        let (e, a) = section(&b);
        assert!(a.is_empty());
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].institution, "Karlsruhe Institute of Technology (KIT)");
        assert_eq!(
            (e[0].study_type.as_str(), e[0].score.as_str()),
            ("Dr.-Ing.", "summa cum laude")
        );
        assert_eq!(e[1].institution, "Politecnico di Milano");
        assert_eq!(e[1].score, "110/110 e lode");
    }

    #[test]
    fn comma_after_degree_and_latin_honour_after_field() {
        let d =
            degree_line("Dr. rer. nat. in Computational Biology, Heidelberg University").unwrap();
        assert_eq!(
            (d.study.as_str(), d.area.as_str()),
            ("Dr. rer. nat.", "Computational Biology")
        );
        let d = degree_line("B.A., Psychology, summa cum laude").unwrap();
        assert_eq!(
            (d.area.as_str(), d.score.as_str()),
            ("Psychology", "summa cum laude")
        );
        let d = degree_line("B.A., Economics (summa cum laude), 2015").unwrap();
        assert_eq!(
            (d.study.as_str(), d.area.as_str(), d.score.as_str()),
            ("B.A.", "Economics", "summa cum laude")
        );
        assert!(d.honours.is_empty());
        let d = degree_line("Ph.D. in Linguistics, Universitat Pompeu Fabra (cum laude)").unwrap();
        assert_eq!(
            (d.institution.as_str(), d.score.as_str()),
            ("Universitat Pompeu Fabra", "cum laude")
        );
        let d = degree_line("PhD, University of Cambridge").unwrap();
        assert_eq!(
            (d.study.as_str(), d.institution.as_str()),
            ("PhD", "University of Cambridge")
        );
        // British classes and qualifiers
        let d =
            degree_line("MSc in English Language (Distinction), University of Edinburgh").unwrap();
        assert_eq!(
            (d.area.as_str(), d.score.as_str()),
            ("English Language", "Distinction")
        );
        let d = degree_line("MA (Hons) English, First Class, University of Aberdeen").unwrap();
        assert_eq!(
            (d.study.as_str(), d.score.as_str()),
            ("MA (Hons)", "First Class")
        );
        assert_eq!(degree_at("MSc (Res), Crop Science").unwrap().0, "MSc (Res)");
        assert_eq!(
            degree_at("PGCert in Academic Practice").unwrap().0,
            "PGCert"
        );
        let d = degree_line("M.Sc. Eng. in Electronics and Telecommunications").unwrap();
        assert_eq!(
            (d.study.as_str(), d.area.as_str()),
            ("M.Sc. Eng.", "Electronics and Telecommunications")
        );
    }

    #[test]
    fn degrees() {
        assert_eq!(degree_at("Ph.D. student in CS").unwrap().0, "Ph.D.");
        assert_eq!(degree_at("Master's degree in X").unwrap().0, "Master");
        assert_eq!(degree_at("B.S in Computer Science").unwrap().0, "B.S");
        assert_eq!(
            degree_at("Bachelor of Arts in Computer Science").unwrap().0,
            "Bachelor of Arts"
        );
        assert_eq!(
            degree_at("Visiting Student, Paul G.").unwrap().0,
            "Visiting Student"
        );
        assert!(degree_at("Beijing, China").is_none());
        assert_eq!(
            degree_at("Laurea Triennale in Electrical Engineering")
                .unwrap()
                .0,
            "Laurea Triennale"
        );
        assert_eq!(degree_at("Dr.-Ing. in EE").unwrap().0, "Dr.-Ing.");
        assert_eq!(degree_at("MPH, Global Health").unwrap().0, "MPH");
    }

    #[test]
    fn degree_first_line_with_honours_qualifier() {
        let b = [blk(
            BlockKind::Para,
            "B.Sc. (Honours), Neuroscience, McGill University, Montreal, QC\t2012–2016",
        )];
        let (ed, aw) = section(&b);
        assert!(aw.is_empty());
        assert_eq!(ed[0].institution, "McGill University");
        assert_eq!(ed[0].study_type, "B.Sc. (Honours)");
        assert_eq!(ed[0].area, "Neuroscience");
    }

    #[test]
    fn two_column_rows_with_glued_entry() {
        let b = [
            blk(BlockKind::Row, "UC San Diego, Department of CSE\tSan Diego, CA, USA"),
            blk(BlockKind::Row, "Ph.D. student in Computer Science, GPA: 4.00/4.00\tDec. 2022 - Dec. 2024"),
            blk(BlockKind::Row, "UC San Diego, Department of CSE M.S. in Computer Science, <i>GPA</i> : 3.96/4.00\tSan Diego, CA, USA Sep. 2019 - Dec. 2022"),
            blk(BlockKind::Row, "Peking University, School of EECS\tBeijing, China"),
            blk(BlockKind::Row, "B.S in Computer Science and Technology, Major GPA: 3.75/4.00\tSep. 2015 - Jul. 2019"),
        ];
        let (e, a) = section(&b);
        assert!(a.is_empty());
        assert_eq!(e.len(), 3);
        assert_eq!(e[1].institution, "UC San Diego, Department of CSE");
        assert_eq!(e[1].study_type, "M.S.");
        assert_eq!(e[1].score, "3.96/4.00");
        assert_eq!(e[2].area, "Computer Science and Technology");
        assert_eq!(e[2].score, "3.75/4.00");
        assert_eq!(e[0].dates.unwrap().start.iso().unwrap(), "2022-12");
    }

    #[test]
    fn dated_items_and_honours() {
        let b = [
            blk(
                BlockKind::Item(0),
                "2018–2021 **University of Science and Technology of China (USTC), Hefei, China,**",
            ),
            blk(
                BlockKind::Para,
                "Master's degree in Computer Architecture, First Class Scholarship,",
            ),
            blk(BlockKind::Para, "Thesis: The design."),
        ];
        let (e, a) = section(&b);
        assert_eq!(
            e[0].institution,
            "University of Science and Technology of China (USTC)"
        );
        assert_eq!(e[0].study_type, "Master");
        assert_eq!(e[0].area, "Computer Architecture");
        assert_eq!(a[0].title, "First Class Scholarship");
    }
}
