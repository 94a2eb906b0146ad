//! Skill groups ("Languages: C, Python" or "Languages<TAB>C, Python") → `Skill` items.

use crate::doc::Block;
use crate::lex::split_top_level;
use crate::model::Skill;

pub fn section(blocks: &[Block]) -> Vec<Skill> {
    let mut out = Vec::new();
    for b in blocks {
        let cols = b.columns();
        let (name, rest) = if cols.len() >= 2 {
            (cols[0].clone(), cols[1..].join(" "))
        } else if let Some((n, r)) = b.text.split_once(':') {
            (n.to_string(), r.to_string())
        } else {
            continue;
        };
        let keywords = split_top_level(&rest, &[',', ';']);
        out.push(Skill {
            name: name.trim().to_string(),
            keywords,
            ..Default::default()
        });
    }
    out
}
