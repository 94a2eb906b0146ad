//! Honours and awards → `Award` items.

use crate::doc::Block;
use crate::lex::date;
use crate::model::Award;

pub fn section(blocks: &[Block]) -> Vec<Award> {
    blocks
        .iter()
        .map(|b| {
            let mut title = b.text.clone();
            let mut d = None;
            if let Some((r, span)) = date::find_range(&b.text) {
                d = Some(r.start);
                title.replace_range(span, "");
            }
            Award {
                title: title.trim().trim_matches(',').trim().to_string(),
                date: d,
                ..Default::default()
            }
        })
        .filter(|a| !a.title.is_empty())
        .collect()
}
