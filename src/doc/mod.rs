//! Front ends: the only kind-specific code. Each turns source text into a `Document`.
//!
//! Input: decoded `&str`. Output: `Document { meta, blocks, found }` where every block keeps
//! its byte span in the source. `found` holds items a front end could read straight off a
//! structure of its kind (paper cards, front-matter pages); the shared extractors fill the rest.

pub mod columns;
pub mod html_page;
pub mod jekyll;
pub mod lines;
pub mod linkedin;
pub mod listing;
pub mod markdown;
pub mod notes;
pub mod text;

use std::ops::Range;

use crate::markup::Link;
use crate::model::Record;

/// What a block is, as far as layout tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading; level 1 is the largest. Plain-text headings (all caps line) are level 2.
    Heading(u8),
    /// A list item at a nesting depth (0 = top level).
    Item(u8),
    /// A paragraph or plain line.
    Para,
    /// A line whose columns were flattened by PDF extraction (tab or wide gap separated).
    Row,
    /// A horizontal rule (`---`).
    Rule,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Source text of the block with inline markup still in (bold self-names, italics venues).
    pub raw: String,
    /// Plain Unicode text (`markup::plain` of `raw`).
    pub text: String,
    /// Links in the block, placeholders removed.
    pub links: Vec<Link>,
    /// Byte range in the decoded source.
    pub span: Range<usize>,
}

impl Block {
    pub fn new(kind: BlockKind, raw: &str, span: Range<usize>) -> Self {
        Block {
            kind,
            raw: raw.to_string(),
            text: crate::markup::plain(raw),
            links: crate::markup::links(raw),
            span,
        }
    }

    /// Columns of a `Row` (split at tabs or runs of 3+ spaces); one column otherwise.
    pub fn columns(&self) -> Vec<String> {
        crate::lex::split_columns(&self.raw)
            .into_iter()
            .map(|c| crate::markup::plain(&c))
            .filter(|c| !c.is_empty())
            .collect()
    }
}

/// Key/value facts about the page (front matter, listing header).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub pairs: Vec<(String, String)>,
}

impl Meta {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub meta: Meta,
    pub blocks: Vec<Block>,
    pub found: Record,
}
