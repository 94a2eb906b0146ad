//! Plain-text CVs from PDF extraction → `Document`.
//!
//! One block per line: known section headings become `Heading(2)`, bullet lines (`-`, `•`,
//! `○`, `◦`, `o`) become `Item(depth)` by indentation, tab-separated lines become `Row`.

use crate::doc::{Block, BlockKind, Document};
use crate::sections::classify_heading;

/// Bullet markers PDF extraction leaves at the start of a line.
pub const BULLETS: &[&str] = &[
    "- ", "• ", "○ ", "◦ ", "o ", "* ", "▪ ", "■ ", "● ", "– ", "· ", "➢ ", "► ",
];

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
        let kind = if trimmed.len() < 60 && classify_heading(trimmed).is_some() {
            BlockKind::Heading(2)
        } else if let Some(b) = BULLETS.iter().find(|b| trimmed.starts_with(**b)) {
            let _ = b;
            BlockKind::Item(u8::from(indent > 0))
        } else if trimmed.contains('\t') {
            BlockKind::Row
        } else {
            BlockKind::Para
        };
        let body = match kind {
            BlockKind::Item(_) => BULLETS
                .iter()
                .find_map(|b| trimmed.strip_prefix(*b))
                .unwrap_or(trimmed),
            _ => trimmed,
        };
        blocks.push(Block::new(kind, body, span));
    }
    Document {
        blocks,
        ..Default::default()
    }
}
