//! Skill groups ("Languages: C, Python", "Languages<TAB>C, Python", "**Label:** a, b") →
//! `Skill` items. Keywords split at top-level commas only. An "Interests" group is the
//! person's research interests (→ `basics.summary`), not a skill.

use crate::doc::{Block, BlockKind};
use crate::lex::split_top_level;

/// What separates a group's keywords ("Python, R", "Python | MATLAB", "SQL · Spark").
const KEYWORD_SEPARATORS: &[char] = &[',', ';', '·', '•', '|'];
use crate::model::{Interest, Skill};

/// Does the raw line start with a bold label (`**Label:**`)?
fn bold_label(raw: &str) -> bool {
    raw.trim_start().starts_with("**") || raw.trim_start().starts_with("<b>")
}

/// Several `**Label:** keywords` groups on one line, when every bold run is a label.
fn bold_groups(raw: &str) -> Option<Vec<Skill>> {
    if raw.matches(":**").count() < 2 {
        return None;
    }
    let pieces: Vec<&str> = raw.trim().split("**").collect();
    if !pieces[0].trim().is_empty() || pieces.len() % 2 == 0 {
        return None;
    }
    let mut out = Vec::new();
    for pair in pieces[1..].chunks(2) {
        let (label, rest) = (pair[0].trim(), crate::markup::plain(pair[1]));
        let name = label.strip_suffix(':')?.trim();
        if name.is_empty() || name.split_whitespace().count() > 5 {
            return None;
        }
        out.push(Skill {
            name: name.to_string(),
            keywords: split_top_level(rest.trim(), KEYWORD_SEPARATORS)
                .into_iter()
                .map(|k| k.trim().trim_end_matches('.').to_string())
                .filter(|k| !k.is_empty())
                .collect(),
            ..Default::default()
        });
    }
    Some(out)
}

/// Label and keyword text of a line, when it has a label.
fn split_label(b: &Block) -> Option<(String, String)> {
    let cols = b.columns();
    if cols.len() >= 2 && cols[0].split_whitespace().count() <= 5 {
        return Some((
            cols[0].trim_end_matches(':').to_string(),
            cols[1..].join(" "),
        ));
    }
    let (n, r) = b.text.split_once(':')?;
    (n.split_whitespace().count() <= 5 && !n.trim().is_empty())
        .then(|| (n.trim().to_string(), r.to_string()))
}

/// "TECHNICAL SKILLS" → "Technical Skills"; other headings as printed.
fn title_case(h: &str) -> String {
    if h.chars().any(char::is_lowercase) {
        return h.to_string();
    }
    h.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_string() + &c.as_str().to_lowercase())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Skill groups, and the interests text if a group names them.
pub fn section(blocks: &[Block], heading: &str) -> (Vec<Skill>, Option<String>) {
    let bold_style = blocks.iter().any(|b| bold_label(&b.raw));
    let mut out: Vec<Skill> = Vec::new();
    let mut interests = None;
    // "* Machine learning" with "  * PyTorch", "  * JAX" nested under it: the top item
    // names the group; childless top items are groups of their own
    let nested = blocks.windows(2).any(
        |w| matches!((w[0].kind, w[1].kind), (BlockKind::Item(a), BlockKind::Item(b)) if b > a),
    );
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        i += 1;
        if matches!(b.kind, BlockKind::Heading(_) | BlockKind::Rule) {
            continue;
        }
        // "**Languages:** Python, SQL &nbsp;&nbsp; **Frameworks:** PyTorch": one line, two groups
        if let Some(groups) = bold_groups(&b.raw) {
            out.extend(groups);
            continue;
        }
        if let (true, BlockKind::Item(d)) = (nested, b.kind) {
            if split_label(b).is_none() {
                let mut keywords = Vec::new();
                while let Some(c) = blocks
                    .get(i)
                    .filter(|c| matches!(c.kind, BlockKind::Item(e) if e > d))
                {
                    keywords.extend(split_top_level(&c.text, KEYWORD_SEPARATORS));
                    i += 1;
                }
                out.push(Skill {
                    name: b.text.trim().trim_end_matches(':').to_string(),
                    keywords,
                    ..Default::default()
                });
                continue;
            }
        }
        let labelled = if bold_style && !bold_label(&b.raw) && !out.is_empty() {
            None
        } else {
            split_label(b)
        };
        let Some((name, rest)) = labelled else {
            // unlabelled keywords before any group: a group named after the section
            if out.is_empty() {
                out.push(Skill {
                    name: title_case(heading),
                    keywords: split_top_level(&b.text, KEYWORD_SEPARATORS),
                    ..Default::default()
                });
                continue;
            }
            // a continuation line of the group above
            if let Some(last) = out.last_mut() {
                if b.text.contains(':') {
                    last.keywords.push(b.text.trim().to_string());
                } else {
                    last.keywords
                        .extend(split_top_level(&b.text, KEYWORD_SEPARATORS));
                }
            }
            continue;
        };
        let lower = name.to_lowercase();
        if lower == "interests" || lower == "research interests" {
            interests = Some(rest.trim().to_string());
            continue;
        }
        for (name, rest) in more_groups(&name, &rest) {
            let keywords = split_top_level(rest, KEYWORD_SEPARATORS)
                .into_iter()
                .map(|k| k.trim_end_matches('.').to_string())
                .filter(|k| !k.is_empty())
                .collect();
            out.push(Skill {
                name: name.trim().to_string(),
                keywords,
                ..Default::default()
            });
        }
    }
    (out, interests)
}

/// Labels of tool and method groups ("Software", "Programming languages", "Lab techniques").
pub fn is_tool_label(label: &str) -> bool {
    let l = label.to_lowercase();
    [
        "software",
        "programming",
        "computer",
        "tools",
        "technical",
        "technologies",
        "methods",
        "techniques",
        "lab",
        "statistic",
        "coding",
        "frameworks",
        "databases",
        "platforms",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// "Languages: Python, R; Tools: PyTorch, Git": the labels after semicolons open groups of
/// their own.
fn more_groups<'a>(name: &'a str, rest: &'a str) -> Vec<(&'a str, &'a str)> {
    static NEXT_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::lex::pattern(r";\s*(\p{Lu}[\p{L}0-9 /&+-]*):\s").unwrap()
    });
    let mut out = Vec::new();
    let (mut name, mut from) = (name, 0);
    for c in NEXT_LABEL.captures_iter(rest) {
        let (Some(all), Some(label)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // (the length cap lives here, not in the pattern: a counted Unicode class compiles
        // to a large automaton)
        if label.as_str().chars().count() > 31 {
            continue;
        }
        out.push((name, &rest[from..all.start()]));
        name = label.as_str();
        from = all.end();
    }
    out.push((name, &rest[from..]));
    out
}

/// Interest sections: "Label: a, b" groups, or one keyword list without a label.
pub fn interests(blocks: &[Block]) -> Vec<Interest> {
    let mut out = Vec::new();
    for b in blocks {
        if matches!(b.kind, BlockKind::Heading(_) | BlockKind::Rule) {
            continue;
        }
        match split_label(b) {
            Some((name, rest)) => out.push(Interest {
                name,
                keywords: split_top_level(&rest, KEYWORD_SEPARATORS),
            }),
            None => {
                for k in split_top_level(&b.text, KEYWORD_SEPARATORS) {
                    out.push(Interest {
                        name: k.trim_end_matches('.').to_string(),
                        keywords: Vec::new(),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_after_semicolons_open_groups() {
        let b = [Block::new(
            BlockKind::Para,
            "Languages: Python, R; Tools: PyTorch, Git",
            0..0,
        )];
        let (s, _) = section(&b, "Skills");
        assert_eq!(s.len(), 2);
        assert_eq!((s[1].name.as_str(), s[1].keywords.len()), ("Tools", 2));
    }

    #[test]
    fn two_bold_groups_on_one_line() {
        let b = [Block::new(
            BlockKind::Para,
            "**Languages:** Python, Rust, SQL &nbsp;&nbsp; **Frameworks:** PyTorch, spaCy",
            0..0,
        )];
        let (s, _) = section(&b, "Skills");
        let got: Vec<(&str, Vec<&str>)> = s
            .iter()
            .map(|k| {
                (
                    k.name.as_str(),
                    k.keywords.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Languages", vec!["Python", "Rust", "SQL"]),
                ("Frameworks", vec!["PyTorch", "spaCy"])
            ]
        );
        assert!(bold_groups("**Skills:** a, b").is_none());
    }

    #[test]
    fn rows_bold_labels_and_interests() {
        let b = [
            Block::new(
                BlockKind::Row,
                "Interests\tPerformance Optimization, GPU Kernel Design.",
                0..0,
            ),
            Block::new(BlockKind::Row, "Languages\tJAX, Pallas (TPU), C/C++", 0..0),
        ];
        let (s, i) = section(&b, "Skills");
        assert_eq!(
            i.as_deref(),
            Some("Performance Optimization, GPU Kernel Design.")
        );
        assert_eq!(s[0].keywords, ["JAX", "Pallas (TPU)", "C/C++"]);
        // (a place and date signing the CV off: `sections::split` drops it)
        let src = "Jane Roe\n\nSkills\n\nProgramming\tC++17, Rust\n\nAmsterdam, April 2025\n";
        let out = crate::extract(src, &crate::Options::default()).unwrap();
        assert_eq!(out.record.skills[0].keywords, ["C++17", "Rust"]);
        let b = [
            Block::new(
                BlockKind::Para,
                "**Language:** TOFEL: Total 110 (Reading 29, Writing 28)",
                0..0,
            ),
            Block::new(BlockKind::Para, "GRE: Quantitative 170, Verbal 158", 0..0),
            Block::new(
                BlockKind::Para,
                "**Tools:** Git, L<sup>A</sup>T<sub>E</sub>X",
                0..0,
            ),
        ];
        let (s, _) = section(&b, "Skills");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].keywords.len(), 2);
        assert_eq!(s[1].keywords, ["Git", "LaTeX"]);
    }

    #[test]
    fn nested_bullets_name_groups() {
        let b = [
            Block::new(BlockKind::Item(0), "Machine learning", 0..0),
            Block::new(BlockKind::Item(1), "PyTorch", 0..0),
            Block::new(BlockKind::Item(1), "JAX", 0..0),
            Block::new(BlockKind::Item(0), "Natural language processing", 0..0),
        ];
        let (s, _) = section(&b, "Skills");
        assert_eq!(s.len(), 2);
        assert_eq!(
            (s[0].name.as_str(), s[0].keywords.len()),
            ("Machine learning", 2)
        );
        assert!(s[1].keywords.is_empty());
    }
}
