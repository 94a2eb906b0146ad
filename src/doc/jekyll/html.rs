//! Inline HTML in Markdown pages → the equivalent Markdown, through `scraper`.
//!
//! Input: an HTML fragment (one source line, or a paper box). Output: Markdown text that the
//! shared inline layer (`markup`) understands: `<a href>` → `[text](url)`, `<strong>`/`<b>` →
//! `**x**` (self-name marks survive), `<em>`/`<i>` → `*x*`, block elements and `<br>` →
//! line breaks, `<li>` → `- `. Images (badges), scripts, styles and citation-counter spans
//! are dropped; entities are decoded by the HTML parser.

use std::sync::LazyLock;

use ego_tree::NodeRef;
use regex::Regex;
use scraper::{Html, Node};

/// Convert an HTML fragment to Markdown.
pub fn to_markdown(fragment: &str) -> String {
    if !parseable(fragment) {
        return crate::markup::plain(fragment);
    }
    let doc = Html::parse_fragment(fragment);
    let mut out = String::new();
    for child in doc.root_element().children() {
        walk(child, &mut out, 0);
    }
    out
}

/// More tags than this in one fragment is no hand-written page: the HTML parser's scope
/// checks grow with the open-element stack, so such input is read as flat text instead.
const MAX_TAGS: usize = 3000;

/// Small enough for the HTML parser to stay linear.
pub fn parseable(fragment: &str) -> bool {
    fragment.bytes().filter(|&b| b == b'<').count() <= MAX_TAGS
}

/// Nesting deeper than this is not layout anyone reads: its text is taken flat, without
/// recursion, so a hostile page cannot overflow the stack.
const MAX_DEPTH: usize = 48;

/// Markdown of the children of a node.
pub fn children_markdown(node: NodeRef<'_, Node>) -> String {
    inner(node, 0)
}

fn inner(node: NodeRef<'_, Node>, depth: usize) -> String {
    let mut out = String::new();
    for child in node.children() {
        walk(child, &mut out, depth + 1);
    }
    out
}

fn newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn walk(node: NodeRef<'_, Node>, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        for d in node.descendants() {
            if let Node::Text(t) = d.value() {
                out.push_str(t);
            }
        }
        return;
    }
    match node.value() {
        Node::Text(t) => out.push_str(t),
        Node::Element(e) => {
            let name = e.name();
            let class = e.attr("class").unwrap_or("");
            match name {
                // images (badges) and page chrome: navigation, forms, footers
                "img" | "script" | "style" | "svg" | "iframe" | "button" | "nav" | "footer"
                | "form" | "noscript" | "select" | "textarea" | "template" | "head" | "title" => {}
                "span" | "div" if class.contains("citation") || class.contains("badge") => {}
                // a venue badge before a paper line reads as the template's code-span badge
                "span" if class.contains("venue") => wrap(node, "`", out, depth),
                "br" => out.push('\n'),
                "a" => {
                    let inner = inner(node, depth);
                    match e.attr("href").map(str::trim).filter(|h| !h.is_empty()) {
                        Some(href) => {
                            out.push('[');
                            out.push_str(inner.trim());
                            out.push_str("](");
                            out.push_str(&href.replace(' ', "%20").replace(')', "%29"));
                            out.push(')');
                        }
                        None => out.push_str(&inner),
                    }
                }
                "strong" | "b" => wrap(node, "**", out, depth),
                "em" | "i" => wrap(node, "*", out, depth),
                "li" => {
                    newline(out);
                    out.push_str("- ");
                    out.push_str(inner(node, depth).trim());
                    out.push('\n');
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    let level = name[1..].parse::<usize>().unwrap_or(2);
                    newline(out);
                    out.push('\n');
                    out.push_str(&"#".repeat(level));
                    out.push(' ');
                    out.push_str(inner(node, depth).trim());
                    out.push_str("\n\n");
                }
                "p" | "div" | "ul" | "ol" | "table" | "tr" | "section" | "article" | "header"
                | "main" | "blockquote" | "center" => {
                    newline(out);
                    let inner = inner(node, depth);
                    out.push_str(&inner);
                    newline(out);
                    if name == "p" {
                        out.push('\n');
                    }
                }
                "td" | "th" => {
                    out.push_str(inner(node, depth).trim());
                    out.push(' ');
                }
                _ => out.push_str(&inner(node, depth)),
            }
        }
        _ => {}
    }
}

/// `**inner**` with the markers hugging the text (an empty `<strong>` leaves nothing).
fn wrap(node: NodeRef<'_, Node>, mark: &str, out: &mut String, depth: usize) {
    let inner = inner(node, depth);
    let t = inner.trim();
    if t.is_empty() {
        out.push_str(&inner);
        return;
    }
    out.push_str(mark);
    out.push_str(t);
    out.push_str(mark);
    if inner.ends_with(' ') {
        out.push(' ');
    }
}

static TAG_START: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"<(?:[A-Za-z][A-Za-z0-9]*[\s/>]|/[A-Za-z])").unwrap());

/// Does a line hold an HTML tag (not just a `<` in prose)?
pub fn has_tag(line: &str) -> bool {
    line.contains('<') && TAG_START.is_match(line)
}

static DIV_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?i)<div(?-u:\b)[^>]*>|</div\s*>").unwrap());
static CLASS_ATTR: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r#"(?i)(?-u:\b)class\s*=\s*["']([^"']*)["']"#).unwrap());

/// Byte ranges of the `<div class="...CLASS...">` elements (outermost only), each up to its
/// matching `</div>`; an unclosed one runs to the end of the text.
pub fn div_regions(s: &str, class: &str) -> Vec<std::ops::Range<usize>> {
    regions(s, &DIV_TOKEN, Some(class))
}

static OL_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?i)<ol(?-u:\b)[^>]*>|</ol\s*>").unwrap());

/// Byte ranges of the `<ol class="...CLASS...">` lists, as `div_regions` for divs.
pub fn ol_regions(s: &str, class: &str) -> Vec<std::ops::Range<usize>> {
    regions(s, &OL_TOKEN, Some(class))
}

static TABLE_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?i)<table(?-u:\b)[^>]*>|</table\s*>").unwrap());

/// Byte ranges of the outermost `<table>` elements.
pub fn table_regions(s: &str) -> Vec<std::ops::Range<usize>> {
    regions(s, &TABLE_TOKEN, None)
}

/// A data table (every row one fact, each cell short) as a Markdown pipe table, so its rows
/// reach the extractors as rows; `None` for a layout table (a paper beside its image, long
/// cells) or one too big to parse, which is read line by line instead.
pub fn table_to_pipes(fragment: &str) -> Option<String> {
    if !parseable(fragment) {
        return None;
    }
    let doc = Html::parse_fragment(fragment);
    let mut rows: Vec<(bool, Vec<String>)> = Vec::new();
    for tr in doc
        .root_element()
        .descendants()
        .filter(|n| matches!(n.value(), Node::Element(e) if e.name() == "tr"))
    {
        let mut head = true;
        let mut cells = Vec::new();
        for td in tr.children() {
            let Node::Element(e) = td.value() else {
                continue;
            };
            if !matches!(e.name(), "td" | "th") {
                continue;
            }
            head &= e.name() == "th";
            let md = children_markdown(td);
            let cell = md.split_whitespace().collect::<Vec<_>>().join(" ");
            cells.push(cell.replace('|', "/"));
        }
        cells.retain(|c| !c.is_empty());
        if !cells.is_empty() {
            rows.push((head, cells));
        }
    }
    let layout = rows.is_empty()
        || rows
            .iter()
            .any(|(_, cells)| cells.iter().any(|c| c.split_whitespace().count() > 25))
        || rows
            .iter()
            .filter(|(h, _)| !h)
            .all(|(_, cells)| cells.len() < 2);
    if layout {
        return None;
    }
    let width = rows.iter().map(|(_, c)| c.len()).max().unwrap_or(1);
    let line = |cells: &[String]| {
        let mut l = String::from("|");
        for i in 0..width {
            l.push(' ');
            l.push_str(cells.get(i).map_or("", String::as_str));
            l.push_str(" |");
        }
        l.push('\n');
        l
    };
    let mut out = String::from("\n");
    let body = match rows.first() {
        Some((true, cells)) => {
            out.push_str(&line(cells));
            &rows[1..]
        }
        _ => {
            out.push_str(&line(&[]));
            &rows[..]
        }
    };
    out.push('|');
    out.push_str(&"---|".repeat(width));
    out.push('\n');
    for (_, cells) in body {
        out.push_str(&line(cells));
    }
    out.push('\n');
    Some(out)
}

/// Outermost elements opened by `tokens`, those of one class only when `class` is given.
fn regions(s: &str, tokens: &Regex, class: Option<&str>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (start, depth)
    for m in tokens.find_iter(s) {
        let tag = m.as_str();
        let closing = tag.starts_with("</");
        match open.as_mut() {
            None if !closing => {
                let has = class.is_none_or(|class| {
                    CLASS_ATTR
                        .captures(tag)
                        .is_some_and(|c| c[1].split_whitespace().any(|k| k == class))
                });
                if has {
                    open = Some((m.start(), 1));
                }
            }
            None => {}
            Some((start, depth)) => {
                if closing {
                    *depth -= 1;
                    if *depth == 0 {
                        out.push(*start..m.end());
                        open = None;
                    }
                } else {
                    *depth += 1;
                }
            }
        }
    }
    if let Some((start, _)) = open {
        out.push(start..s.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_html_to_markdown() {
        assert_eq!(
            to_markdown("I have <a href='https://s.g/c?u=1'><img src=\"b.svg\"></a> papers"),
            "I have [](https://s.g/c?u=1) papers"
        );
        assert_eq!(
            to_markdown("<strong>Jane Doe</strong>, B. Roe<sup>*</sup>&nbsp;x"),
            "**Jane Doe**, B. Roe*\u{a0}x"
        );
        assert_eq!(
            to_markdown("<strong><span class='show_paper_citations' data='x'></span></strong>"),
            ""
        );
        assert_eq!(
            to_markdown("<span class='anchor' id='about-me'></span>"),
            ""
        );
        assert_eq!(
            to_markdown("<span class=\"venue\">IROS 2023</span> [T](u)"),
            "`IROS 2023` [T](u)"
        );
    }

    #[test]
    fn broken_closing_tag_keeps_text() {
        let md = to_markdown("<span style=\"color: red;\">National Scholarship<\\span> (Top 1%)");
        assert_eq!(crate::markup::plain(&md), "National Scholarship (Top 1%)");
    }

    #[test]
    fn finds_outer_divs() {
        let s = "a<div class='paper-box'><div class='x'>b</div></div>c<div class=\"paper-box\">d";
        let r = div_regions(s, "paper-box");
        assert_eq!(r.len(), 2);
        assert_eq!(
            &s[r[0].clone()],
            "<div class='paper-box'><div class='x'>b</div></div>"
        );
        assert_eq!(&s[r[1].clone()], "<div class=\"paper-box\">d");
        assert!(div_regions("<div class='paper-box-text'>", "paper-box").is_empty());
        assert!(has_tag("x <span>y"));
        assert!(!has_tag("a < b and c > d"));
    }
}
