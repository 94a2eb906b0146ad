//! Markdown CVs → `Document`.
//!
//! ATX headings become `Heading(level)`, list items `Item(depth)`, `---` a `Rule`; other
//! lines are paragraphs. Inline markup stays in `raw` for the extractors.

use crate::doc::{Block, BlockKind, Document};

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
        } else if trimmed.chars().all(|c| c == '-' || c == '*' || c == '_') && trimmed.len() >= 3 {
            (BlockKind::Rule, "")
        } else if let Some(rest) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .or_else(|| trimmed.strip_prefix("+ "))
        {
            (BlockKind::Item((indent / 2).min(8) as u8), rest)
        } else {
            (BlockKind::Para, trimmed)
        };
        blocks.push(Block::new(kind, body, span));
    }
    Document {
        blocks,
        ..Default::default()
    }
}
