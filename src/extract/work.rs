//! Work and research-experience sections → `Work` items.

use crate::doc::{Block, BlockKind};
use crate::lex::date;
use crate::model::Work;

pub fn section(blocks: &[Block]) -> Vec<Work> {
    let mut out: Vec<Work> = Vec::new();
    for b in blocks {
        match b.kind {
            BlockKind::Item(d) if d > 0 => {
                if let Some(w) = out.last_mut() {
                    w.highlights.push(b.text.clone());
                }
            }
            _ => {
                if let Some((r, span)) = date::find_range(&b.text) {
                    let mut name = b.text.clone();
                    name.replace_range(span, "");
                    out.push(Work {
                        name: name.trim().to_string(),
                        dates: Some(r),
                        ..Default::default()
                    });
                }
            }
        }
    }
    out
}
