//! Publication-list sections → `Publication` items (one per entry, any citation style).

use crate::doc::Block;
use crate::lex::citation;
use crate::model::{PubKind, Publication};
use crate::sections::SectionKind;

pub fn section(blocks: &[Block], kind: SectionKind) -> Vec<Publication> {
    let mut out = Vec::new();
    for b in blocks {
        if let Some(mut p) = citation::parse_reference(&b.raw) {
            if kind == SectionKind::Preprints && p.kind != PubKind::Patent {
                p.kind = PubKind::Preprint;
            }
            out.push(p);
        }
    }
    out
}
