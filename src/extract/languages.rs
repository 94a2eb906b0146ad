//! Spoken-language sections → `Language` items ("Korean (Native), English (Fluent)",
//! "English — Fluent", "German: B2").

use crate::doc::{Block, BlockKind};
use crate::lex::split_top_level;
use crate::model::Language;

/// One "Language (Fluency)" / "Language — Fluency" / "Language: Fluency" piece.
fn one(piece: &str) -> Option<Language> {
    let p = piece.trim().trim_end_matches(['.', ';']);
    if p.is_empty() {
        return None;
    }
    if let Some((l, rest)) = p.split_once('(') {
        return Some(Language {
            language: l.trim().to_string(),
            fluency: fluency(rest.trim_end_matches(')')),
        });
    }
    for sep in [" — ", " – ", " - ", ": ", " | "] {
        if let Some((l, f)) = p.split_once(sep) {
            return Some(Language {
                language: l.trim().to_string(),
                fluency: fluency(f),
            });
        }
    }
    (p.split_whitespace().count() <= 3).then(|| Language {
        language: p.to_string(),
        fluency: String::new(),
    })
}

/// "mother tongue", "native speaker" and the like all say "native".
fn fluency(f: &str) -> String {
    let l = f.trim().to_lowercase();
    if l.starts_with("mother tongue")
        || l.starts_with("native speaker")
        || l.starts_with("native language")
        || l == "first language"
    {
        "native".to_string()
    } else {
        f.trim().to_string()
    }
}

/// A list of spoken languages ("Spanish (native), English (fluent)"), when every piece
/// names a known language; `None` for programming languages or anything else.
pub fn spoken(text: &str) -> Option<Vec<Language>> {
    let mut out = Vec::new();
    for piece in split_top_level(text, &[',', ';', '·', '•']) {
        let l = one(&piece)?;
        if !crate::tables::LANGUAGE_NAMES.contains(l.language.to_lowercase().as_str()) {
            return None;
        }
        out.push(l);
    }
    (!out.is_empty()).then_some(out)
}

/// A skills group that lists spoken languages ("Languages: Spanish (native), English").
pub fn from_skill_group(name: &str, keywords: &[String]) -> Option<Vec<Language>> {
    if keywords.is_empty() {
        return spoken(name);
    }
    // any group name ("Languages", "Spoken"): the keywords decide, all must be languages
    if name.to_lowercase().contains("programming") {
        return None;
    }
    spoken(&keywords.join(", "))
}

pub fn section(blocks: &[Block]) -> Vec<Language> {
    let mut out = Vec::new();
    for b in blocks {
        if matches!(b.kind, BlockKind::Heading(_) | BlockKind::Rule) {
            continue;
        }
        // "Languages: English (native), French (B2)" under a label
        let text = match b.text.split_once(':') {
            Some((label, rest)) if label.to_lowercase().contains("language") => rest,
            _ => b.text.as_str(),
        };
        // Europass "Mother tongue(s): Italian, French": each is a native language
        if let Some((label, rest)) = b.text.split_once(':') {
            let l = label.trim().to_lowercase();
            if l.starts_with("mother tongue") || l.starts_with("native language") {
                for piece in split_top_level(rest, &[',', ';']) {
                    let name = piece.trim().trim_end_matches('.');
                    if !name.is_empty() {
                        out.push(Language {
                            language: name.to_string(),
                            fluency: "native".to_string(),
                        });
                    }
                }
                continue;
            }
        }
        // "Japanese       Native": a language and its level in two columns
        if let [l, f] = b.columns().as_slice() {
            if !l.contains(['(', ',', ':']) && l.split_whitespace().count() <= 3 {
                out.push(Language {
                    language: l.trim().to_string(),
                    fluency: fluency(f),
                });
                continue;
            }
        }
        let seps: &[char] = if text.contains('(') || text.contains(',') {
            &[',', ';', '·', '•']
        } else {
            &[';', '·', '•']
        };
        for piece in split_top_level(text, seps) {
            if let Some(l) = one(&piece) {
                out.push(l);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spoken_groups_and_native_fluency() {
        let l = from_skill_group(
            "Languages",
            &["Spanish (native)".into(), "English (fluent)".into()],
        )
        .unwrap();
        assert_eq!(l[0].language, "Spanish");
        assert_eq!(l[0].fluency, "native");
        assert!(from_skill_group("Languages", &["C".into(), "Python".into()]).is_none());
        assert!(from_skill_group("Programming languages", &["English".into()]).is_none());
        assert!(from_skill_group("Spoken", &["Portuguese (conversational)".into()]).is_some());
        let l = from_skill_group("German (mother tongue), English (C2)", &[]).unwrap();
        assert_eq!(
            (l[0].fluency.as_str(), l[1].fluency.as_str()),
            ("native", "C2")
        );
    }

    #[test]
    fn language_lines() {
        let b = [
            Block::new(
                BlockKind::Para,
                "Korean (Native), English (Professional working proficiency)",
                0..0,
            ),
            Block::new(BlockKind::Item(0), "Tamil — Native", 0..0),
            Block::new(BlockKind::Para, "Mother tongue(s): Italian, Slovene", 0..0),
        ];
        let l = section(&b);
        assert_eq!(l.len(), 5);
        assert_eq!(
            (l[4].language.as_str(), l[4].fluency.as_str()),
            ("Slovene", "native")
        );
        assert_eq!(l[0].language, "Korean");
        assert_eq!(l[1].fluency, "Professional working proficiency");
        assert_eq!(
            (l[2].language.as_str(), l[2].fluency.as_str()),
            ("Tamil", "Native")
        );
    }
}
