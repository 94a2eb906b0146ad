//! Scraped paper-listing pages → `Document` with one `Publication` per card in `found`.

use crate::doc::{text, Document};

pub fn parse(src: &str) -> Document {
    text::parse(src)
}
