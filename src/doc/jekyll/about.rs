//! The about paragraphs of a homepage → `Basics` (summary, name, profiles), a first-person
//! internship → `Work`, and degrees stated in the text → hints for the education entries.
//!
//! Input: the intro paragraphs (plain text and links) and the education list items. Output:
//! items for `Document::found`. Degree hints carry the matched list item's institution and
//! dates so `normalize` merges them into that entry instead of adding a new one.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::Block;
use crate::lex::{contact, date};
use crate::model::{Basics, Education, Profile, Work};
use crate::tables::{DEGREES, ROLES};

static FIRST_PERSON_NAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?:^|[.!,]\s+|\s)(?:I am|I'm|I’m|My name is|my name is|This is|I’m called)\s+((?:Dr\.\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})")
        .unwrap()
});
static THIRD_PERSON_NAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"^\*\*((?:Dr\.\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\*\*")
        .unwrap()
});
static INTERN: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?-u:\b)I\s+(?:was|am|have been|had been|worked as|previously worked as|interned)\s+(?:once\s+|previously\s+|also\s+|currently\s+|formerly\s+)?(?:an?\s+)?((?:(?:research|software|engineering|student|summer|visiting)\s+){0,2}intern)\s+(?:in|at|with)\s+(?:the\s+)?(\p{Lu}[\w&'’-]*(?:\.\w+)*(?:\s+(?:\p{Lu}[\w&'’-]*(?:\.\w+)*|of|for|and|&))*)")
        .unwrap()
});
static INTERNED_AT: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?-u:\b)I\s+(?:(?:once|previously|also)\s+)?interned\s+(?:in|at|with)\s+(?:the\s+)?(\p{Lu}[\w&'’-]*(?:\.\w+)*(?:\s+(?:\p{Lu}[\w&'’-]*(?:\.\w+)*|of|for|and|&))*)")
        .unwrap()
});
// Words ("Ph.D student", "Bachelor's degree") are matched case-insensitively; abbreviations
// (B.S., M.Sc.) only in capitals, so prose "ms" or "ma" never counts.
static DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?-u:\b)((?i:ph\.?\s?d\.?|d\.?phil|doctorate|master(?:'s|’s|s)?|bachelor(?:'s|’s|s)?)|B\.\s?S\.?|M\.\s?S\.?|B\.\s?Sc\.?|M\.\s?Sc\.?|B\.\s?Eng\.?|M\.\s?Eng\.?|BSc|MSc|BEng|MEng|MPhil)(?:\s|$|[,;(])")
        .unwrap()
});
static NOT_ABOUT_ME: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"(?i)looking for|recruit|hiring|welcome|openings?|positions? (?:available|open)",
    )
    .unwrap()
});

static PAGE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"(?i)(?-u:\b)(?:last\s+updated?|download\s+(?:the\s+)?(?:pdf|cv)|pdf\s+version)(?-u:\b)",
    )
    .unwrap()
});

/// What the about paragraphs say.
#[derive(Debug, Default)]
pub struct About {
    pub basics: Basics,
    pub work: Vec<Work>,
}

pub fn read(paras: &[Block]) -> About {
    let mut a = About::default();
    // a short "Email: jane@x.edu" paragraph is contact, not about text
    let contact = |b: &Block| {
        b.text.split_whitespace().count() <= 8 && contact::find_email(&b.text).is_some()
    };
    // "[Download PDF version](…) · Last updated: September 2024" is page furniture
    let furniture =
        |b: &Block| PAGE_NOTE.is_match(&b.text) && b.text.split_whitespace().count() <= 12;
    a.basics.summary = paras
        .iter()
        .filter(|b| !contact(b) && !furniture(b))
        .map(|b| b.text.as_str())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    // (else an address in the about text: "Reach me at `jd [at] x [dot] ch`")
    a.basics.email = paras
        .iter()
        .find(|b| contact(b))
        .into_iter()
        .chain(paras)
        .find_map(|b| contact::find_email(&b.text))
        .unwrap_or_default();
    for b in paras {
        if a.basics.name.is_empty() {
            a.basics.name = name(b).unwrap_or_default();
        }
        for l in &b.links {
            if let Some(p) = own_profile(&l.text, &l.url) {
                a.basics.add_profile(p);
            }
        }
        a.work.extend(internships(&b.text));
    }
    a
}

/// The person's name from "I am Jane Doe (…)" or a bold name opening the paragraph.
fn name(b: &Block) -> Option<String> {
    let cand = FIRST_PERSON_NAME
        .captures(&b.text)
        .or_else(|| THIRD_PERSON_NAME.captures(b.raw.trim()))
        .map(|c| c[1].trim_end_matches(['.', ',']).to_string())?;
    let role_word = cand
        .split_whitespace()
        .any(|w| ROLES.contains(w.to_lowercase().trim_end_matches('.')));
    (!role_word).then_some(cand)
}

/// A profile link about the person: the link shows a badge, the network's name or a
/// generic word, not somebody else's name.
fn own_profile(text: &str, url: &str) -> Option<Profile> {
    let p = contact::profile(url)?;
    let t = text.trim().to_lowercase();
    let generic = [
        "here",
        "profile",
        "page",
        "homepage",
        "scholar",
        "github",
        "cv",
        "twitter",
        "linkedin",
        "orcid",
        "dblp",
        "researchgate",
    ];
    let ok = t.is_empty()
        || t.contains(&p.network.to_lowercase())
        || generic.iter().any(|g| t.contains(g));
    ok.then_some(p)
}

fn trim_org(s: &str) -> String {
    let mut t = s.trim();
    for tail in [" and", " of", " for", " &", " the"] {
        if let Some(r) = t.strip_suffix(tail) {
            t = r.trim_end();
        }
    }
    t.trim_end_matches(['.', ',']).to_string()
}

/// "I was once an intern in Infinigence AI" → Work { name, position: "Intern" }.
fn internships(text: &str) -> Vec<Work> {
    let mut out: Vec<Work> = Vec::new();
    for c in INTERN.captures_iter(text) {
        out.push(Work {
            name: trim_org(&c[2]),
            position: crate::lex::capitalize_words(&c[1]),
            ..Default::default()
        });
    }
    for c in INTERNED_AT.captures_iter(text) {
        let name = trim_org(&c[1]);
        if !out.iter().any(|w| w.name == name) {
            out.push(Work {
                name,
                position: "Intern".into(),
                ..Default::default()
            });
        }
    }
    out
}

/// The degree as a `studyType`: table form ("Bachelor's" → "Bachelor") or as printed.
fn study_type(printed: &str) -> String {
    let p = printed.trim().trim_end_matches([',', ';', '(']).trim();
    let key: String = p
        .chars()
        .filter(|c| !matches!(c, '.' | ' '))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace('’', "'");
    match DEGREES.get(key.as_str()) {
        // as printed, dots included ("Ph.D.", "B.Eng.")
        Some(&"=") | None => p.to_string(),
        Some(canon) => canon.to_string(),
    }
}

/// The institution part of an education list line (dates and "(expected)" removed).
fn institution_of(line: &str) -> Option<(String, Option<crate::model::DateRange>)> {
    let mut t = line.to_string();
    let mut dates = None;
    if let Some((r, span)) = date::find_range(&t) {
        dates = Some(r);
        t.replace_range(span, "");
    }
    let t = t.replace("(expected)", "").replace("(Expected)", "");
    let t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '-' | '–' | '.'));
    (!t.is_empty()).then(|| (t.to_string(), dates))
}

/// Degrees stated in first-person about sentences, matched to the education line whose
/// university is named after them in the same sentence.
pub fn degree_hints(summary: &str, education: &[Block]) -> Vec<Education> {
    let lines: Vec<(String, String, Option<crate::model::DateRange>)> = education
        .iter()
        .filter_map(|b| institution_of(&b.text))
        // a line that prints its own degree needs no hint from the bio
        .filter(|(inst, _)| {
            !inst
                .split(',')
                .any(|p| crate::extract::education::degree_at(p.trim()).is_some())
        })
        .map(|(inst, d)| {
            let univ = inst.rsplit(',').next().unwrap_or(&inst).trim().to_string();
            (inst, univ, d)
        })
        .filter(|(_, u, _)| u.chars().count() >= 3)
        .collect();
    let mut out: Vec<Education> = Vec::new();
    if lines.is_empty() {
        return out;
    }
    for sentence in sentences(summary) {
        let first_person =
            sentence.contains("I ") || sentence.contains("my ") || sentence.contains("My ");
        if !first_person || NOT_ABOUT_ME.is_match(sentence) {
            continue;
        }
        for m in DEGREE.captures_iter(sentence) {
            let Some(deg) = m.get(1) else { continue };
            let after = &sentence[deg.end()..];
            let best = lines
                .iter()
                .filter_map(|(inst, univ, d)| after.find(univ.as_str()).map(|i| (i, inst, d)))
                .min_by_key(|(i, _, _)| *i);
            if let Some((_, inst, d)) = best {
                if out.iter().any(|e| &e.institution == inst && e.dates == *d) {
                    continue;
                }
                out.push(Education {
                    institution: inst.clone(),
                    study_type: study_type(deg.as_str()),
                    dates: *d,
                    ..Default::default()
                });
            }
        }
    }
    out
}

/// "I am an assistant professor in the Department of CS at UT Austin", "She was a
/// postdoc at Stanford University": a position stated in the bio.
static JOB: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?-u:\b)(?:I am|I'm|I’m|I was|I have been|(?:She|He|They) (?:is|was|are|were|has been))\s+(?:currently\s+|now\s+|previously\s+)?(?:an?|the)\s+((?:[A-Za-z-]+\s+){0,3}?(?i:professor|postdoc|postdoctoral (?:researcher|fellow|scholar)|lecturer|research scientist|scientist|researcher|fellow))(?:\s+(?:of|in)\s+[^.;]*?)?\s+(?:at|with)\s+(?:the\s+)?(\p{Lu}[\w&'’.-]*(?:\s+(?:\p{Lu}[\w&'’.-]*|of|for|and|&))*)")
        .unwrap()
});
/// "I received my Ph.D. from UC Berkeley in 2019": a degree stated in the bio.
static DEGREE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?-u:\b)(?:I|She|He|They)\s+(?:received|obtained|earned|completed|got)\s+(?:my|her|his|their|a)\s+((?i:ph\.?\s?d\.?|d\.?phil|doctorate)|(?i:master(?:'s|’s)?|bachelor(?:'s|’s)?)(?:\s+degree)?|B\.\s?S\.?|M\.\s?S\.?|B\.\s?Sc\.?|M\.\s?Sc\.?|MSc|BSc)(?:\s+(?:degree\s+)?in\s+([^.,;]+?))?\s+(?:from|at)\s+(?:the\s+)?(\p{Lu}[\w&'’.-]*(?:\s+(?:\p{Lu}[\w&'’.-]*|of|for|and|&))*)(?:\s+in\s+((?:19|20)[0-9]{2}))?")
        .unwrap()
});

/// Positions and degrees the bio states in full sentences, for a page that has no list of
/// its own to put them in.
pub fn stated(summary: &str) -> (Vec<Work>, Vec<Education>) {
    let mut work: Vec<Work> = Vec::new();
    let mut education: Vec<Education> = Vec::new();
    for sentence in sentences(summary) {
        if NOT_ABOUT_ME.is_match(sentence) {
            continue;
        }
        for c in JOB.captures_iter(sentence) {
            let org = trim_org(&c[2]);
            if org.is_empty() || work.iter().any(|w| w.name == org) {
                continue;
            }
            work.push(Work {
                name: org,
                position: crate::lex::capitalize_words(c[1].trim()),
                ..Default::default()
            });
        }
        for c in DEGREE_FROM.captures_iter(sentence) {
            let inst = trim_org(&c[3]);
            if inst.is_empty() {
                continue;
            }
            let end = c
                .get(4)
                .and_then(|y| y.as_str().parse().ok())
                .map(|y| crate::model::DateRange::single(crate::model::Date::year(y)));
            education.push(Education {
                institution: inst,
                study_type: study_type(c[1].trim()),
                area: c.get(2).map_or("", |m| m.as_str()).trim().to_string(),
                dates: end,
                ..Default::default()
            });
        }
    }
    (work, education)
}

/// Sentences: split after ". " / "! " / "? " when a capital or a non-Latin letter follows.
fn sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = s.as_bytes();
    for (i, _) in s.match_indices(['.', '!', '?', '\n']) {
        let next = s[i + 1..].trim_start();
        let boundary = b.get(i + 1).is_some_and(|c| c.is_ascii_whitespace())
            && next.chars().next().is_some_and(|c| c.is_uppercase());
        // "Ph.D student", "Prof. Dai": an abbreviation is not a sentence end
        let word_before = s[start..i].rsplit(' ').next().unwrap_or("");
        let abbrev =
            word_before.len() <= 4 && word_before.chars().next().is_some_and(char::is_uppercase);
        if boundary && !abbrev {
            out.push(&s[start..=i]);
            start = i + 1;
        }
    }
    out.push(&s[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::BlockKind;

    fn para(raw: &str) -> Block {
        Block::new(BlockKind::Para, raw, 0..0)
    }

    const ABOUT: &str = "I am Jiaming Xu (许珈铭), a third year Ph.D student supervised by [Prof. Guohao Dai](https://x.cn) in School of Computer Science, Shanghai Jiao Tong University ([上海交通大学](https://www.cs.sjtu.edu.cn/)). Previously, I obtained my Bachelor's degree in 2023 from School of Computer Science and Technology, Xidian University. I was once an intern in Infinigence AI ([无问芯穹](https://c.ai)) and collaborate with Xiuhong Li ([李秀红](https://www.zhihu.com/people/hong_pku)).";

    #[test]
    fn positions_and_degrees_stated_in_the_bio() {
        let (w, e) = stated("I am an assistant professor in the Department of Computer Science at UT Austin, where I lead a lab. Before UT, I was a postdoc at Stanford University with Percy Liang, and I received my Ph.D. from UC Berkeley in 2019.");
        let w: Vec<(&str, &str)> = w
            .iter()
            .map(|w| (w.name.as_str(), w.position.as_str()))
            .collect();
        assert_eq!(
            w,
            [
                ("UT Austin", "Assistant Professor"),
                ("Stanford University", "Postdoc")
            ]
        );
        assert_eq!(e[0].institution, "UC Berkeley");
        assert_eq!(e[0].study_type, "Ph.D.");
        assert!(e[0].dates.is_some());
    }

    #[test]
    fn name_profiles_and_internship() {
        let a = read(&[
            para(ABOUT),
            para("I have published papers [](https://scholar.google.com/citations?user=D) at top venues."),
        ]);
        assert_eq!(a.basics.name, "Jiaming Xu");
        assert_eq!(
            a.basics.profiles.len(),
            1,
            "a colleague's Zhihu link is not a profile"
        );
        assert_eq!(a.basics.profiles[0].network, "Google Scholar");
        assert_eq!(a.work.len(), 1);
        assert_eq!(a.work[0].name, "Infinigence AI");
        assert_eq!(a.work[0].position, "Intern");
        assert!(a
            .basics
            .summary
            .contains("\n\nI have published papers at top venues."));
    }

    #[test]
    fn role_is_not_a_name() {
        assert_eq!(name(&para("I am Assistant Professor at MIT.")), None);
        assert_eq!(
            name(&para("**Jane Q. Doe** is a researcher.")).as_deref(),
            Some("Jane Q. Doe")
        );
    }

    #[test]
    fn degrees_match_education_lines() {
        let edu = [
            Block::new(BlockKind::Item(0), "*2023.06 - 2028.06 (expected)*, School of Computer Science, Shanghai Jiao Tong University", 0..0),
            Block::new(BlockKind::Item(0), "*2019.09 - 2023.06*, School of Computer Science and Technology, Xidian University", 0..0),
        ];
        let summary = read(&[para(ABOUT)]).basics.summary;
        let h = degree_hints(&summary, &edu);
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].study_type, "Ph.D");
        assert_eq!(
            h[0].institution,
            "School of Computer Science, Shanghai Jiao Tong University"
        );
        assert_eq!(h[1].study_type, "Bachelor");
        assert!(degree_hints(
            "We are looking for Ph.D students at Xidian University. I like it.",
            &edu
        )
        .is_empty());
    }
}
