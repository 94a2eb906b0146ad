//! YAML front matter (`---` … `---`) → `Meta` key/value pairs.
//!
//! Input: the whole page. Output: the pairs of the top-level mapping (scalars as text,
//! lists of scalars joined with "; ") and the body after the closing `---`. Parsed with
//! serde-saphyr under a small budget (alias bombs and huge documents are refused); when the
//! YAML is invalid, as real sites' front matter often is, a line-based reading takes over.

use serde_json::Value;

use crate::doc::Meta;

/// Front matter larger than this is not a page header; it is read line by line instead.
const MAX_YAML_BYTES: usize = 64 * 1024;

/// Split `---\n...\n---\n` front matter from the body. The closing fence must be a line of
/// its own (`---` or `...`), so a `---` inside a value does not end it.
pub fn split(src: &str) -> (Option<&str>, &str) {
    let s = src.trim_start_matches('\u{feff}');
    let Some(first_end) = s.find('\n') else {
        return (None, s);
    };
    if s[..first_end].trim_end() != "---" {
        return (None, s);
    }
    let rest = &s[first_end + 1..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, s)
}

/// Front matter text → pairs, in source order.
pub fn parse(fm: &str) -> Meta {
    strict(fm).unwrap_or_else(|| lenient(fm))
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: 20_000,
            max_aliases: 100,
            max_anchors: 100,
            max_nodes: 10_000,
            max_depth: 16,
            max_documents: 1,
            max_total_scalar_bytes: MAX_YAML_BYTES,
            max_recorded_anchor_events: 10_000,
            max_recorded_anchor_bytes: MAX_YAML_BYTES,
        },
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::FirstWins,
    }
}

fn strict(fm: &str) -> Option<Meta> {
    if fm.len() > MAX_YAML_BYTES {
        return None;
    }
    let v: Value = serde_saphyr::from_str_with_options(fm, options()).ok()?;
    let map = match v {
        Value::Object(m) => m,
        Value::Null => return Some(Meta::default()),
        _ => return None,
    };
    let mut meta = Meta::default();
    for (k, v) in map {
        if let Some(text) = scalar_text(&v) {
            meta.pairs.push((k, text));
        } else if let Value::Object(inner) = v {
            // one level of nesting as "parent.child" (al-folio's `profile: more_info:`)
            for (k2, v2) in inner {
                if let Some(text) = scalar_text(&v2) {
                    meta.pairs.push((format!("{k}.{k2}"), text));
                }
            }
        }
    }
    Some(meta)
}

/// A scalar as text; a list of scalars joined with "; "; nested mappings are skipped.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => Some(String::new()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter(|i| !i.is_array() && !i.is_object())
                .filter_map(scalar_text)
                .filter(|s| !s.is_empty())
                .collect();
            Some(parts.join("; "))
        }
        Value::Object(_) => None,
    }
}

/// `key: value` lines at column 0; quotes around the value removed; other lines ignored.
fn lenient(fm: &str) -> Meta {
    let mut meta = Meta::default();
    for line in fm.lines() {
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let k = k.trim();
        if k.is_empty() || k.contains(' ') || meta.get(k).is_some() {
            continue;
        }
        let v = v.trim();
        let v = strip_quotes(v);
        meta.pairs.push((k.to_string(), v.to_string()));
    }
    meta
}

fn strip_quotes(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_own_line_fence() {
        let (fm, body) = split("---\ntitle: \"a --- b\"\n---\nbody\n");
        assert_eq!(fm, Some("title: \"a --- b\"\n"));
        assert_eq!(body, "body\n");
        assert_eq!(split("no front matter").0, None);
        assert_eq!(split("---\nunclosed: yes\n").0, None);
    }

    #[test]
    fn yaml_scalars_and_lists() {
        let m = parse("title: \"Paper\"\nyear: 2024\nredirect_from:\n  - /about/\n  - /about.html\nauthor:\n  name: X\n");
        assert_eq!(m.get("title"), Some("Paper"));
        assert_eq!(m.get("year"), Some("2024"));
        assert_eq!(m.get("redirect_from"), Some("/about/; /about.html"));
        assert_eq!(m.get("author"), None);
    }

    #[test]
    fn invalid_yaml_falls_back_to_lines() {
        // an unquoted colon-space inside a value and a stray tab make this invalid YAML
        let m = parse("title: Paper: a study\n\tbad\nvenue: 'ICML'\n");
        assert_eq!(m.get("title"), Some("Paper: a study"));
        assert_eq!(m.get("venue"), Some("ICML"));
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut y = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            y.push_str(&format!(
                "b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        y.push_str("title: t\n");
        // refused by the budget; the line reader still finds the plain key
        let m = parse(&y);
        assert_eq!(m.get("title"), Some("t"));
    }
}
