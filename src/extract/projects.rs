//! Project sections and the titled projects inside research entries → `Project` items.
//!
//! A project title may carry a venue tag (`**Title**, MLSYS'26.`, `Title (ISSTA '24)`): the
//! tag goes to `description`. An open-source line `name: text` gives name and description.
//! A lone URL under a project is its `url`, not a highlight.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Block, BlockKind};
use crate::extract::entries::{self, Entry, Facts};
use crate::lex::{contact, date};
use crate::model::Project;

static BOLD: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r"\*\*([^*]+?)\*\*").unwrap());
/// A venue tag closing a title: "(ISSTA '24)", "(ICCV'23)", ", USENIX ATC'24."
static TAG_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"^(.*?)\s*\(([^()]*?(?:['’]\s?[0-9]{2}|(?-u:\b)(?:19|20)[0-9]{2}))\)\s*\.?$",
    )
    .unwrap()
});
static TAG_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"^(.*?),\s*([A-Z][A-Za-z0-9 .&-]*['’]\s?[0-9]{2})\.?$").unwrap()
});
/// PDF junk after a title ("**, .", " , .").
static JUNK: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?:\s*[,;]\s*\.?)+$").unwrap());

fn clean_name(s: &str) -> String {
    let t = JUNK.replace(s.trim(), "");
    t.trim()
        .trim_start_matches([',', ';', ':', '–', '-', ' '])
        .trim_end_matches(['.', ',', ';', ':', ' '])
        .trim()
        .to_string()
}

fn clean_free(s: &str) -> String {
    let t = JUNK.replace(s.trim(), "");
    t.trim()
        .trim_start_matches([',', ';', ':', '–', '-', '|', ' '])
        .trim()
        .to_string()
}

/// Title text without its dates.
fn undated(text: &str) -> String {
    let mut t = text.to_string();
    for (_, span) in date::find_all(text).into_iter().rev() {
        t.replace_range(span, " ");
    }
    crate::markup::squash(&t.replace("( )", " ").replace("()", " "))
}

/// Name and description of a title block.
pub fn title_parts(b: &Block) -> (String, String) {
    if let Some(c) = BOLD.captures(&b.raw) {
        let name = clean_name(&crate::markup::plain(&c[1]));
        let after = crate::markup::plain(&b.raw[c.get(0).map_or(0, |m| m.end())..]);
        let desc = clean_name(&undated(&after));
        let desc = desc
            .strip_prefix('(')
            .and_then(|d| d.strip_suffix(')'))
            .map_or(desc.clone(), str::to_string);
        if !name.is_empty() && date::parse_range(&name).is_none() {
            return (name, desc);
        }
    }
    let t = undated(&b.text);
    let t = clean_free(&t);
    // "scATACformer — transformer models for … <https://github.com/…>": a short name, a
    // spaced dash, the description (its link is the project's url, not text)
    if let Some((name, desc)) = t.split_once(" — ").or_else(|| t.split_once(" – ")) {
        if name.split_whitespace().count() <= 6 && !name.contains(',') {
            let desc: Vec<&str> = desc
                .split_whitespace()
                .filter(|w| !(w.starts_with("<http") && w.ends_with('>')))
                .collect();
            return (clean_name(name), desc.join(" "));
        }
    }
    if let Some(c) = TAG_PAREN.captures(&t).or_else(|| TAG_COMMA.captures(&t)) {
        return (clean_name(&c[1]), c[2].trim().to_string());
    }
    (clean_name(&t), String::new())
}

/// A block that is only a link.
fn url_only(b: &Block) -> Option<String> {
    let urls: Vec<String> = b
        .links
        .iter()
        .map(|l| l.url.clone())
        .chain(contact::find_urls(&b.text))
        .collect();
    let first = urls.first()?.clone();
    let mut rest = b.text.clone();
    for u in &urls {
        let bare = u.split("://").nth(1).unwrap_or(u);
        rest = rest.replace(u.as_str(), "").replace(bare, "");
    }
    let rest = rest.replace(['<', '>', '.', ',', ' ', '(', ')', '[', ']'], "");
    (rest.is_empty() || rest.eq_ignore_ascii_case("link") || rest.eq_ignore_ascii_case("code"))
        .then_some(first.trim_end_matches('.').to_string())
}

/// Fill highlights, url and dates from the blocks under a title.
fn fill(p: &mut Project, body: &[Block]) {
    for b in body {
        if entries::is_date_only(b) {
            if p.dates.is_none() {
                p.dates = date::parse_range(&b.text).map(crate::model::DateRange::closed);
            }
        } else if let Some(u) = url_only(b) {
            if p.url.is_empty() {
                p.url = u;
            }
        } else if !b.text.is_empty() {
            p.highlights.push(b.text.clone());
        }
    }
}

/// A dated research entry that is itself one project.
pub fn from_entry(e: &Entry, facts: &Facts) -> Option<Project> {
    let head = e.head.first()?;
    let (name, description) = title_parts(head);
    if name.is_empty() {
        return None;
    }
    let mut p = Project {
        name,
        description,
        dates: facts.range().map(crate::model::DateRange::closed),
        ..Default::default()
    };
    fill(&mut p, &e.body);
    Some(p)
}

/// Titled sub-items of a research entry: a heading, or an item followed by a date line
/// or by deeper items. Empty when the body has no titles.
pub fn titled(body: &[Block]) -> Vec<Project> {
    let is_title = |i: usize| {
        let b = &body[i];
        let next = body.get(i + 1);
        match b.kind {
            BlockKind::Heading(_) => true,
            BlockKind::Item(d) => next.is_some_and(|n| {
                entries::is_date_only(n) && !matches!(n.kind, BlockKind::Item(_))
                    || matches!(n.kind, BlockKind::Item(e) if e > d)
            }),
            _ => false,
        }
    };
    let starts: Vec<usize> = (0..body.len()).filter(|&i| is_title(i)).collect();
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(body.len());
        let (name, description) = title_parts(&body[s]);
        let mut p = Project {
            name,
            description,
            ..Default::default()
        };
        fill(&mut p, body.get(s + 1..end).unwrap_or(&[]));
        out.push(p);
    }
    out
}

fn new_head(cur: &Entry, b: &Block) -> bool {
    !entries::is_date_only(b)
        && url_only(b).is_none()
        && !cur
            .head
            .first()
            .is_some_and(|h| matches!(h.kind, BlockKind::Heading(_)))
}

/// Project sections: one project per entry; `name: text` lines split at the colon.
pub fn section(blocks: &[Block]) -> Vec<Project> {
    let mut out = Vec::new();
    for e in entries::group(blocks, &new_head) {
        let Some(head) = e.head.first() else { continue };
        let facts = crate::extract::work::head_facts(&e.head);
        let (mut name, mut description) = title_parts(head);
        let mut p = Project::default();
        fill(&mut p, e.head.get(1..).unwrap_or(&[]));
        p.highlights.clear();
        if let Some((n, d)) = name.split_once(" | ") {
            (name, description) = (n.trim().to_string(), clean_free(d));
        } else if let Some((n, d)) = name.split_once(": ") {
            let one_word = !n.trim().contains(' ');
            if one_word && description.is_empty() {
                (name, description) = (n.trim().to_string(), clean_free(d));
                if !description.ends_with('.') && head.text.contains(&format!("{description}.")) {
                    description.push('.');
                }
            }
        }
        p.name = name;
        p.description = description;
        p.dates = facts.range();
        if p.url.is_empty() {
            p.url = head
                .links
                .first()
                .map(|l| l.url.clone())
                .unwrap_or_default();
        }
        fill(&mut p, &e.body);
        if !p.name.is_empty() {
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blk(kind: BlockKind, s: &str) -> Block {
        Block::new(kind, s, 0..0)
    }

    #[test]
    fn name_dash_description_and_its_link() {
        let b = blk(
            BlockKind::Item(0),
            "bedmerge-rs — fast interval operations in Rust. <https://github.com/k/bedmerge-rs>",
        );
        let (name, desc) = title_parts(&b);
        assert_eq!(name, "bedmerge-rs");
        assert_eq!(desc, "fast interval operations in Rust.");
    }

    #[test]
    fn title_with_venue_tags() {
        let (n, d) = title_parts(&blk(
            BlockKind::Item(0),
            "Sept 2024 – May 2026 **Accurate 2-bit KV Cache Quantization.**, MLSYS'26.",
        ));
        assert_eq!(
            (n.as_str(), d.as_str()),
            ("Accurate 2-bit KV Cache Quantization", "MLSYS'26")
        );
        let (n, d) = title_parts(&blk(
            BlockKind::Item(0),
            "Triple: Efficient ViT Training (ICCV'23)",
        ));
        assert_eq!(
            (n.as_str(), d.as_str()),
            ("Triple: Efficient ViT Training", "ICCV'23")
        );
        let (n, d) = title_parts(&blk(
            BlockKind::Item(0),
            "GateNet (ICLR Workshop '21) and GateFlow: Accelerating BNN",
        ));
        assert_eq!(
            n,
            "GateNet (ICLR Workshop '21) and GateFlow: Accelerating BNN"
        );
        assert!(d.is_empty());
    }

    #[test]
    fn open_source_repos() {
        let b = [
            blk(
                BlockKind::Item(0),
                "Kitty: algorithm-system co-design for KV cache.**, .",
            ),
            blk(BlockKind::Item(1), "<https://github.com/S/Kitty>."),
            blk(BlockKind::Para, "flash_llm: Enabling Sparsity. , ."),
            blk(BlockKind::Item(1), "<https://github.com/A/flash-llm>."),
        ];
        let p = section(&b);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].name, "Kitty");
        assert_eq!(p[0].description, "algorithm-system co-design for KV cache.");
        assert_eq!(p[0].url, "https://github.com/S/Kitty");
        assert_eq!(p[1].name, "flash_llm");
        assert_eq!(p[1].description, "Enabling Sparsity.");
        assert!(p[1].highlights.is_empty());
    }
}
