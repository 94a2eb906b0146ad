//! A whole HTML page that is a CV or profile (a university faculty page, a homepage with
//! Education / Appointments / Awards headings) → Markdown for the Markdown front end.
//!
//! Input: an HTML document. Output: Markdown of its main content (`<main>`, `role="main"`,
//! else `<body>`), with navigation, forms, footers, scripts and styles left out; headings stay
//! headings, list items stay items, `<a href>` stays a link. Pages of paper cards or plain
//! reference lists have no CV section headings and stay with the listing front end.

use std::sync::LazyLock;

use regex::Regex;
use scraper::Html;

use crate::sections::{classify_heading, SectionKind};

// Unbounded `[^<>]*` is linear (it stops at the next `<`) and compiles to a small automaton;
// the heading text is bounded in code instead (`heading_texts`).
static HEADING_OPEN: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?i)<h[1-6](?-u:\b)[^<>]*>").unwrap());
static HEADING_CLOSE: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?i)</h[1-6]\s*>").unwrap());
static TAGS: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r"<[^<>]*>").unwrap());

/// The text of each `<hN>…</hN>` whose text is one line of at most 200 characters.
fn heading_texts(src: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let open = HEADING_OPEN.find_at(src, from)?;
        from = open.end();
        let rest = &src[open.end()..];
        // the text may run to the first newline, at most 200 characters
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let limit = rest
            .char_indices()
            .nth(200)
            .map_or(rest.len(), |(i, _)| i)
            .min(line_end);
        // the closing tag itself may end past the limit ("</h2   >")
        let window_end = rest[limit..]
            .char_indices()
            .nth(64)
            .map_or(rest.len(), |(i, _)| limit + i);
        if let Some(close) = HEADING_CLOSE.find(&rest[..window_end]) {
            if close.start() <= limit {
                from = open.end() + close.end();
                return Some(&rest[..close.start()]);
            }
        }
    })
}

static HTML_START: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?i)\A\s*(?:<!doctype html|<html|<body)").unwrap());

/// Does the text start as an HTML document?
pub fn is_html(src: &str) -> bool {
    src.trim_start().starts_with('<') && HTML_START.is_match(src)
}

/// How many distinct CV sections other than publications the page's `<h1>`–`<h6>` name.
pub fn cv_heading_kinds(head: &str) -> usize {
    if !head.contains("<h") && !head.contains("<H") {
        return 0;
    }
    let mut kinds: Vec<SectionKind> = Vec::new();
    for inner in heading_texts(head).take(200) {
        let text = TAGS.replace_all(inner, " ");
        let text = crate::markup::plain(&text);
        if let Some(k) = classify_heading(&text) {
            if cv_kind(k) && !kinds.contains(&k) {
                kinds.push(k);
            }
        }
    }
    kinds.len()
}

/// Sections that only a CV or profile has (a listing page has publications and news at most).
fn cv_kind(k: SectionKind) -> bool {
    use SectionKind as S;
    matches!(
        k,
        S::Education
            | S::Work
            | S::Research
            | S::Awards
            | S::Skills
            | S::Languages
            | S::Volunteer
            | S::Talks
            | S::Courses
            | S::Certificates
    )
}

/// Is this an HTML page laid out as a CV (two or more CV section headings)?
pub fn is_cv_page(head: &str) -> bool {
    cv_heading_kinds(head) >= 2
}

/// Markdown of the page's main content.
pub fn to_markdown(src: &str) -> String {
    let src = crate::doc::listing::html::cap_depth(src);
    let doc = Html::parse_document(&src);
    let root = doc.tree.root();
    let main = root
        .descendants()
        .find(|n| {
            n.value().as_element().is_some_and(|e| {
                e.name() == "main"
                    || e.attr("role")
                        .is_some_and(|r| r.eq_ignore_ascii_case("main"))
            })
        })
        .or_else(|| {
            root.descendants()
                .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
        });
    tidy(&crate::doc::jekyll::html::children_markdown(
        main.unwrap_or(root),
    ))
}

/// Trim every line and collapse runs of blank lines (HTML source indentation is not Markdown
/// indentation).
fn tidy(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut blank = true;
    for l in md.lines() {
        let t = l.trim();
        if t.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        out.push_str(t);
        out.push('\n');
        blank = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "<!DOCTYPE html><html><head><title>Jane Roe | Directory</title></head><body>\
        <header><nav><ul><li><a href='/'>Home</a></li></ul></nav></header>\
        <main><h1>Jane Roe</h1><p>Professor of Physics</p>\
        <h2>Education</h2><ul><li>Ph.D., Physics, MIT, 2010</li></ul>\
        <h2>Awards</h2><ul><li>Sloan Fellowship, 2015</li></ul></main>\
        <footer><p>© University</p></footer></body></html>";

    #[test]
    fn detects_cv_pages_only() {
        assert!(is_cv_page(PAGE));
        assert!(!is_cv_page(
            "<html><body><h1>Jane Roe</h1><h2>Publications</h2><ol><li>A. B. Title.</li></ol></body></html>"
        ));
    }

    #[test]
    fn main_content_without_chrome() {
        let md = to_markdown(PAGE);
        assert!(md.starts_with("# Jane Roe\n"), "{md}");
        assert!(md.contains("## Education\n"));
        assert!(md.contains("- Ph.D., Physics, MIT, 2010\n"));
        assert!(!md.contains("Home") && !md.contains("University") && !md.contains("Directory"));
    }
}
