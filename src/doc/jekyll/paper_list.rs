//! AcadHomepage paper list lines → `Publication`.
//!
//! Input: one list item of a publications section in the template's line form:
//! `` `NeurIPS 2024` [Title](url), **Self Name**, B. Other `` or
//! `[Title](url), A, B, **CVPR 2020**`. Output: title and url from the link, venue from the
//! code span (or a trailing bold venue with a year), authors from the rest. The template's
//! "Lorem ipsum" example line is not a paper. Lines of other shapes are left to the shared
//! publication extractor.

use std::sync::LazyLock;

use regex::Regex;

use super::paper_box;
use crate::lex::name;
use crate::markup;
use crate::model::Publication;

static LINE: LazyLock<Regex> = LazyLock::new(|| {
    // the venue in a code span, single or double backticks (`` `CVPR 2024` ``, ``` ``CVPR 2024`` ```)
    crate::lex::pattern(
        r"^(?:``?([^`]{2,})``?\s*)?\[((?:\\.|[^\[\]\\])+)\]\(([^)\s]+)\)\s*[,.]?\s*(.*)$",
    )
    .unwrap()
});
static TRAILING_BOLD_VENUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r",?\s*\*\*([^*]*(?:19|20)[0-9]{2}[^*]*)\*\*\s*$").unwrap()
});

static TRAILING_REMARK: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i),?\s*(?:<span[^>]*>\s*)?\*\*([^*]+)\*\*\s*(?:</span>)?\s*$").unwrap()
});
static TRAILING_ITALIC: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r",\s*(?:\*([^*]{4,})\*|_([^_]{4,})_)\s*\.?\s*$").unwrap()
});

/// `None` when the line is not in the template's form (or is its placeholder).
pub fn parse(raw: &str) -> Option<Publication> {
    let c = LINE.captures(raw.trim())?;
    // (a badge is at most 60 characters; counted here, not in the pattern)
    if c.get(1).is_some_and(|b| b.as_str().chars().count() > 60) {
        return None;
    }
    let title = markup::plain(&c[2]);
    if title.to_lowercase().starts_with("lorem ipsum") {
        return Some(Publication::default());
    }
    let mut rest = c[4].to_string();
    let mut venue = c.get(1).map(|m| m.as_str().to_string());
    if venue.is_none() {
        let v = TRAILING_BOLD_VENUE.captures(&rest)?;
        venue = Some(v[1].to_string());
        let start = v.get(0).map_or(rest.len(), |m| m.start());
        rest.truncate(start);
    }
    // ", <span style="color:red">**Oral**</span>": a remark after the authors
    let mut remark = None;
    if let Some(m) = TRAILING_REMARK.captures(&rest) {
        let t = markup::plain(&m[1]);
        if t.chars().count() <= 40
            && crate::lex::venue::is_remark(&t)
            && !t.bytes().any(|b| b.is_ascii_digit())
        {
            remark = Some(t.trim().to_string());
            let start = m.get(0).map_or(rest.len(), |m| m.start());
            rest.truncate(start);
        }
    }
    // ", *CVPR 2023 Workshop on …*": the venue in full after the authors, its own line
    let mut venue_line = String::new();
    if let Some(m) = TRAILING_ITALIC.captures(&rest) {
        venue_line = m.get(1).or(m.get(2)).map_or("", |v| v.as_str()).to_string();
        let start = m.get(0).map_or(rest.len(), |m| m.start());
        rest.truncate(start);
    }
    let md = format!("[{}]({})\n{}\n{venue_line}", &c[2], &c[3], rest.trim());
    let mut p = paper_box::from_markdown(&md, venue.as_deref().unwrap_or(""))?;
    p.notes.splice(0..0, remark);
    p.title = title.trim_end_matches(['.', ',']).to_string();
    if p.authors.is_empty() && !rest.trim().is_empty() {
        p.authors = name::parse_authors(rest.trim());
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn code_span_venue() {
        let p = parse("`NeurIPS 2024` [Quantized MoE at Scale](https://arxiv.org/abs/2410.01234), **Li Wang**, Ming Zhou").unwrap();
        assert_eq!(p.title, "Quantized MoE at Scale");
        assert_eq!(p.venue, "NeurIPS 2024");
        assert_eq!(p.date, Some(Date::year(2024)));
        assert_eq!(p.arxiv, "2410.01234");
        let q = parse("``MICRO 2024`` [Tiles on Chiplets](https://x.org/t), Jia Wu, **Li Wang**")
            .unwrap();
        assert_eq!(q.venue, "MICRO 2024");
        assert_eq!(q.title, "Tiles on Chiplets");
        assert_eq!(p.authors.people.len(), 2);
        assert!(p.authors.people[0].is_self);
    }

    #[test]
    fn trailing_bold_venue_and_placeholder() {
        let p = parse("[Deep Nets](https://x.org/p.pdf), **A. Self**, B. Other, **CVPR 2020**")
            .unwrap();
        assert_eq!(p.venue, "CVPR 2020");
        assert_eq!(p.authors.people.len(), 2);
        let lorem =
            parse("[Lorem ipsum dolor sit amet](https://github.com), A, B, C, **CVPR 2020**")
                .unwrap();
        assert!(lorem.title.is_empty());
        assert!(parse("Some free text about papers").is_none());
    }
}
