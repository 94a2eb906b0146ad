//! Markdown CVs → `Document`.
//!
//! ATX headings become `Heading(level)`, list items `Item(depth)` (`-`, `*`, `+`, `1.`),
//! `---` a `Rule`; a line that is only bold text naming a known section (`**Education**`)
//! is a level-2 heading; other lines are paragraphs. Inline markup stays in `raw` for the
//! extractors. Split date ranges are re-joined by `doc::lines`.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{lines, Block, BlockKind, Document};
use crate::sections::classify_heading;

static ORDERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,3}[.)]\s+").unwrap());

/// A line that is bold text only (`**Education**`, `__Skills__`).
fn bold_only(t: &str) -> bool {
    let inner = t
        .strip_prefix("**")
        .and_then(|r| r.strip_suffix("**"))
        .or_else(|| t.strip_prefix("__").and_then(|r| r.strip_suffix("__")));
    inner.is_some_and(|i| !i.is_empty() && !i.contains("**"))
}

/// `| a | b |`
fn is_table_row(t: &str) -> bool {
    t.starts_with('|') && t.ends_with('|') && t.len() > 2
}

pub fn parse(src: &str) -> Document {
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let span = offset..offset + line.trim_end().len();
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        let (kind, body) = if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            (BlockKind::Heading(hashes as u8), trimmed[hashes..].trim())
        } else if trimmed
            .chars()
            .all(|c| c == '-' || c == '*' || c == '_' || c == '=')
            && trimmed.len() >= 3
        {
            (BlockKind::Rule, "")
        } else if let Some(rest) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .or_else(|| trimmed.strip_prefix("+ "))
            .or_else(|| trimmed.strip_prefix("• "))
        {
            (BlockKind::Item((indent / 2).min(8) as u8), rest)
        } else if is_table_row(trimmed) {
            // a table row: cells become tab-separated columns; the |---| line is dropped
            if trimmed.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
                // the row above was the column header ("| Period | Degree |")
                if blocks
                    .last()
                    .is_some_and(|b: &Block| b.kind == BlockKind::Row)
                {
                    blocks.pop();
                }
                continue;
            }
            let cells: Vec<&str> = trimmed
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            blocks.push(Block::new(BlockKind::Row, &cells.join("\t"), span));
            continue;
        } else if let Some(m) = ORDERED.find(trimmed) {
            (
                BlockKind::Item((indent / 2).min(8) as u8),
                &trimmed[m.end()..],
            )
        } else if (bold_only(trimmed) || trimmed.len() < 40)
            && trimmed.len() < 60
            && classify_heading(trimmed).is_some()
            && !trimmed.ends_with('.')
        {
            (BlockKind::Heading(2), trimmed)
        } else {
            (BlockKind::Para, trimmed)
        };
        blocks.push(Block::new(kind, body, span));
    }
    Document {
        blocks: lines::repair(blocks),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_items_and_bold_headings() {
        let d = parse(
            "# Jane Doe\n\n**Education**\n\n### MIT\n- one\n  - two\n1. first\n---\n| Year | School |\n|---|---|\n| 2019 | MIT |\n",
        );
        let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(1),
                BlockKind::Heading(2),
                BlockKind::Heading(3),
                BlockKind::Item(0),
                BlockKind::Item(1),
                BlockKind::Item(0),
                BlockKind::Rule,
                BlockKind::Row
            ]
        );
        assert_eq!(d.blocks[7].columns(), ["2019", "MIT"]);
    }
}
