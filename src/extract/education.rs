//! Education sections → `Education` items.

use crate::doc::Block;
use crate::lex::date;
use crate::model::Education;

pub fn section(blocks: &[Block]) -> Vec<Education> {
    let mut out = Vec::new();
    for b in blocks {
        if let Some((r, span)) = date::find_range(&b.text) {
            let mut inst = b.text.clone();
            inst.replace_range(span, "");
            out.push(Education {
                institution: inst.trim().trim_matches(',').trim().to_string(),
                dates: Some(r),
                ..Default::default()
            });
        }
    }
    out
}
