//! Jekyll homepage pages (AcadHomepage, academicpages) → `Document`.
//!
//! Front matter → `Meta`; Liquid tags and HTML comments removed; the body goes through the
//! Markdown front end.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{markdown, Document, Meta};

static LIQUID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)\{%.*?%\}|\{\{.*?\}\}").unwrap());
static COMMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").unwrap());

/// Split `---\n...\n---\n` front matter from the body.
pub fn split_front_matter(src: &str) -> (Option<&str>, &str) {
    let s = src.trim_start_matches('\u{feff}');
    if let Some(rest) = s
        .strip_prefix("---\n")
        .or_else(|| s.strip_prefix("---\r\n"))
    {
        if let Some(end) = rest.find("\n---") {
            let fm = &rest[..end];
            let after = &rest[end + 4..];
            let body = after.split_once('\n').map_or("", |(_, b)| b);
            return (Some(fm), body);
        }
    }
    (None, s)
}

pub fn parse(src: &str) -> Document {
    let (fm, body) = split_front_matter(src);
    let mut meta = Meta::default();
    for line in fm.unwrap_or("").lines() {
        if let Some((k, v)) = line.split_once(':') {
            if !k.starts_with(' ') && !k.starts_with('-') {
                let v = v.trim().trim_matches('"').trim_matches('\'');
                meta.pairs.push((k.trim().to_string(), v.to_string()));
            }
        }
    }
    let body = LIQUID.replace_all(body, "");
    let body = COMMENT.replace_all(&body, "");
    let mut doc = markdown::parse(&body);
    doc.meta = meta;
    doc
}
