//! Plain-text CVs from PDF extraction → `Document`.
//!
//! One block per line: known section headings become `Heading(2)`, bullet lines (`-`, `•`,
//! `○`, `◦`, `o`) become `Item(depth)`, tab-separated lines become `Row`. Depth comes from
//! indentation and from the glyph: `o`, `◦`, `○`, `▪`, `–` are second-level marks in the
//! usual CV templates. Split date ranges are re-joined by `doc::lines`.

use crate::doc::{lines, Block, BlockKind, Document};
use crate::sections::classify_heading;

/// Bullet markers PDF extraction leaves at the start of a line.
pub const BULLETS: &[&str] = &[
    "- ", "• ", "○ ", "◦ ", "o ", "* ", "▪ ", "■ ", "● ", "– ", "· ", "➢ ", "► ", "❖ ", "✓ ",
];

/// Glyphs that mark a nested item even without indentation.
const NESTED: &[&str] = &["○ ", "◦ ", "o ", "▪ ", "– ", "■ "];

/// A bullet line's depth and body.
pub fn bullet(line: &str) -> Option<(u8, &str)> {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim();
    let b = BULLETS.iter().find(|b| t.starts_with(**b))?;
    let body = t[b.len()..].trim();
    if body.is_empty() {
        return None;
    }
    let depth = u8::from(indent > 0 || NESTED.contains(b));
    Some((depth, body))
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
        // a bullet is never a heading ("- Developed Skills")
        let block = if let Some((depth, body)) = bullet(line) {
            Block::new(BlockKind::Item(depth), body, span)
        } else if trimmed.len() < 60 && classify_heading(trimmed).is_some() {
            Block::new(BlockKind::Heading(2), trimmed, span)
        } else if trimmed.contains('\t') || crate::lex::split_columns(trimmed).len() > 1 {
            Block::new(BlockKind::Row, trimmed, span)
        } else {
            Block::new(BlockKind::Para, trimmed, span)
        };
        blocks.push(block);
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
    fn bullet_depths() {
        assert_eq!(bullet("- Top"), Some((0, "Top")));
        assert_eq!(bullet(" - Nested"), Some((1, "Nested")));
        assert_eq!(bullet("o Glyph nested"), Some((1, "Glyph nested")));
        assert_eq!(bullet("• Top"), Some((0, "Top")));
        assert_eq!(bullet("org chart"), None);
    }

    #[test]
    fn headings_rows_and_split_dates() {
        let d = parse("EDUCATION\nUniv X\tSan Diego, CA\n- Nov 2025 – **Engineer @Co**\nPresent o Did things.\n");
        let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(2),
                BlockKind::Row,
                BlockKind::Item(0),
                BlockKind::Item(1)
            ]
        );
        assert_eq!(d.blocks[2].text, "Nov 2025 – Present Engineer @Co");
    }
}
