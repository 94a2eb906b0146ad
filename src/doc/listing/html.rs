//! HTML listing pages → `Line`s: one line per block element, inline elements glued as a
//! browser shows them ("<span>LG</span><span>Sep 19, 2023</span>" → "LGSep 19, 2023"),
//! links kept on the line that holds their text.
//!
//! Input: HTML (a fragment of cards or a whole page; truncated markup is fine: html5ever
//! repairs it). Output: `Vec<Line>`. Navigation, scripts, styles and buttons are skipped.
//! The tree is walked without recursion, so deep nesting cannot overflow the stack.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Node};

use super::cards::Line;
use crate::markup::Link;

/// Elements whose content is never paper data.
const SKIP: &[&str] = &[
    "button", "footer", "head", "iframe", "nav", "noscript", "script", "select", "style", "svg",
    "template", "textarea", "title",
];

/// Classes of text a browser does not show ("Skip to content" links for screen readers).
const HIDDEN_CLASSES: &[&str] = &[
    "screen-reader-text",
    "skip-link",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
];

fn hidden(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some() || e.classes().any(|c| HIDDEN_CLASSES.contains(&c))
}

/// Elements that start a new line.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

#[derive(Default)]
struct Builder {
    lines: Vec<Line>,
    cur: String,
    links: Vec<Link>,
    gap: bool,
    h1: bool,
    /// An element opened or closed since the last text node.
    edge: bool,
    /// Open `<a>`: (lines so far, byte offset in `cur`, href).
    anchors: Vec<(usize, usize, String)>,
}

impl Builder {
    /// Append a text node, collapsing white space as a browser does.
    fn text(&mut self, t: &str) {
        let mut words = t.split_whitespace().peekable();
        if words.peek().is_none() {
            if !t.is_empty() && !self.cur.is_empty() && !self.cur.ends_with(' ') {
                self.cur.push(' ');
            }
            return;
        }
        if t.starts_with(char::is_whitespace) && !self.cur.is_empty() && !self.cur.ends_with(' ') {
            self.cur.push(' ');
        }
        // "<span>Volume 2</span><span>April 2024</span>", "...Computing</a><span>August": a
        // number or a lower-case word, then a word in the next element, are two fields (a
        // browser's style sheet puts a separator there); capitals glued to capitals
        // ("<span>LG</span><span>Sep 19</span>") stay as copied text shows them
        let glued =
            |a: fn(char) -> bool, b: fn(char) -> bool| self.cur.ends_with(a) && t.starts_with(b);
        if std::mem::take(&mut self.edge)
            && (glued(|c| c.is_ascii_digit(), char::is_alphabetic)
                || glued(char::is_lowercase, char::is_uppercase))
        {
            // a comma, not a space: "Volume 2 April 2024" would read as a day
            self.cur.push_str(", ");
        }
        for (i, w) in words.enumerate() {
            if i > 0 {
                self.cur.push(' ');
            }
            self.cur.push_str(w);
        }
        if t.ends_with(char::is_whitespace) {
            self.cur.push(' ');
        }
    }

    fn flush(&mut self) {
        let text = self.cur.trim().to_string();
        // Anchors still open keep their start on the new line.
        for a in &mut self.anchors {
            a.1 = 0;
        }
        self.cur.clear();
        if text.is_empty() {
            self.links.clear();
            return;
        }
        self.lines.push(Line {
            text,
            links: std::mem::take(&mut self.links),
            gap: self.gap,
            heading: self.h1,
        });
        self.gap = false;
    }

    fn block(&mut self) {
        self.flush();
        self.gap = true;
    }

    fn close_anchor(&mut self) {
        let Some((line0, start, href)) = self.anchors.pop() else {
            return;
        };
        if href.trim().is_empty() {
            return;
        }
        // Text on the current line, and every line that opened inside the link.
        let here = self.cur.get(start..).unwrap_or_default();
        // a field separator put before the link's text is not part of it
        let here = here.trim().trim_start_matches(", ").trim().to_string();
        if !here.is_empty() {
            self.links.push(Link {
                text: here,
                url: href.clone(),
            });
        }
        for l in self.lines.iter_mut().skip(line0) {
            l.links.push(Link {
                text: l.text.clone(),
                url: href.clone(),
            });
        }
    }
}

/// Deepest element nesting handed to html5ever: its scope checks walk the stack of open
/// elements, so nesting depth multiplies the parse time.
const MAX_DEPTH: usize = 256;
// No bound on the attributes: `[^<>]` stops at the next `<`, so every scan stays short;
// an ASCII `\b` keeps the lazy DFA on non-ASCII text (a Unicode one makes it give up).
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?-u:\b)[^<>]*?/?>").unwrap()
});
/// Void elements and elements whose end tag may be left out never count as nesting.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "dd", "dt", "embed", "hr", "img", "input", "li", "link", "meta",
    "option", "p", "param", "source", "tbody", "td", "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// Drop the tags nested deeper than `MAX_DEPTH` (their text stays), in one pass.
pub(crate) fn cap_depth(src: &str) -> Cow<'_, str> {
    if src.bytes().filter(|&b| b == b'<').count() <= MAX_DEPTH {
        return Cow::Borrowed(src);
    }
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut last = 0;
    // find_iter, not captures_iter: the parts are read off the match by hand, which
    // keeps this scan on the regex's fast engine.
    for m in TAG.find_iter(src) {
        let tag = m.as_str();
        let closing = tag.starts_with("</");
        let body = tag.trim_start_matches(['<', '/']);
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(body.len());
        let name = body[..name_len].to_ascii_lowercase();
        let self_closing = tag.ends_with("/>");
        if FLAT.contains(&name.as_str()) || self_closing {
            continue;
        }
        let deep = if closing {
            let d = depth > MAX_DEPTH;
            depth = depth.saturating_sub(1);
            d
        } else {
            depth += 1;
            depth > MAX_DEPTH
        };
        if deep {
            let o = out.get_or_insert_with(|| String::with_capacity(src.len()));
            o.push_str(&src[last..m.start()]);
            o.push(' ');
            last = m.end();
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&src[last..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(src),
    }
}

/// The page as lines.
pub fn lines(src: &str) -> Vec<Line> {
    let src = cap_depth(src);
    let doc = Html::parse_document(&src);
    let root = doc.tree.root();
    let mut b = Builder::default();
    let mut cur = root.first_child();
    while let Some(node) = cur {
        // Open the node; descend when it has children we read.
        let mut descend = false;
        match node.value() {
            Node::Text(t) => b.text(t),
            Node::Element(e) => {
                b.edge = true;
                let name = e.name();
                if !SKIP.contains(&name) && !hidden(e) {
                    descend = true;
                    if name == "br" {
                        b.flush();
                    } else if BLOCK.contains(&name) {
                        b.block();
                        b.h1 = name == "h1";
                    } else if name == "a" {
                        let href = e.attr("href").unwrap_or_default().to_string();
                        b.anchors.push((b.lines.len(), b.cur.len(), href));
                    }
                }
            }
            _ => {}
        }
        if descend {
            if let Some(c) = node.first_child() {
                cur = Some(c);
                continue;
            }
        }
        // Close this node and every ancestor that has no next sibling.
        let mut n = node;
        loop {
            if let Node::Element(e) = n.value() {
                if descend || n != node {
                    close(&mut b, e.name());
                }
            }
            if let Some(s) = n.next_sibling() {
                cur = Some(s);
                break;
            }
            match n.parent() {
                Some(p) if p != root => n = p,
                _ => {
                    cur = None;
                    break;
                }
            }
        }
    }
    b.flush();
    join_name_items(b.lines)
}

/// Author lists printed one name per list item ("<li>A. Roe, </li><li>B. Doe</li>", as
/// digital libraries do) become one author line: a run of block lines, each one person's
/// name, all but the last closed by a comma or semicolon.
fn join_name_items(lines: Vec<Line>) -> Vec<Line> {
    let name_of = |l: &Line| {
        let t = l.text.trim();
        let name = t.trim_end_matches([',', ';', ' ']);
        let n = name.split_whitespace().count();
        ((2..=5).contains(&n) && super::cards::person_like(name))
            .then(|| (name.to_string(), t.len() > name.len()))
    };
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut open = false; // the last line of `out` is a name list still taking names
    for l in lines {
        let this = if l.gap { name_of(&l) } else { None };
        match this {
            Some((name, sep)) if open => {
                if let Some(last) = out.last_mut() {
                    last.text.push_str(", ");
                    last.text.push_str(&name);
                    last.links.extend(l.links);
                }
                open = sep;
            }
            Some((name, true)) => {
                out.push(Line { text: name, ..l });
                open = true;
            }
            _ => {
                out.push(l);
                open = false;
            }
        }
    }
    out
}

fn close(b: &mut Builder, name: &str) {
    b.edge = true;
    if name == "a" {
        b.close_anchor();
    } else if BLOCK.contains(&name) {
        b.block();
        b.h1 = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_glued_blocks_split() {
        let ls = lines(
            "<html><head><title>x</title></head><body><nav>Home</nav><h1>Jane Doe</h1>\
             <div class=card><div><span>LG</span><span>Sep 19, 2023</span></div>\
             <h3><a href='https://example.org/p/1'>A  Title</a></h3><p>A B, C D</p></div></body></html>",
        );
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Jane Doe", "LGSep 19, 2023", "A Title", "A B, C D"]);
        assert!(ls[0].heading);
        assert_eq!(ls[2].links[0].url, "https://example.org/p/1");
        assert_eq!(ls[2].links[0].text, "A Title");
        let v = lines("<div><a>Venue, Volume 2</a><span><span>April 2024</span><span>Pages 1–9</span></span></div>");
        assert_eq!(v[0].text, "Venue, Volume 2, April 2024, Pages 1–9");
        let v = lines("<div><span>Pages 1–9</span><a href='https://doi.org/10.1/x'>https://doi.org/10.1/x</a></div>");
        assert_eq!(v[0].links[0].text, "https://doi.org/10.1/x");
    }

    #[test]
    fn screen_reader_text_is_not_shown() {
        let ls = lines(
            "<body><a class='skip-link screen-reader-text' href='#c'>Skip to content</a>\
             <p class=site-title>Ana Roe</p><span hidden>x</span></body>",
        );
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Ana Roe"]);
    }

    #[test]
    fn link_around_blocks_and_truncation() {
        let ls = lines("<li><a href='/p/2'><div>Title Two</div><div>Abstract");
        assert_eq!(ls[0].text, "Title Two");
        assert_eq!(ls[0].links[0].url, "/p/2");
        let _ = lines("<div><a href='x'>T</a><p>unclosed <b>bold <i>x");
        let _ = lines("<");
    }

    #[test]
    fn name_per_item_lists_join() {
        let ls = lines(
            "<h5><a href='/doi/1'>A Paper Title Here</a></h5><ul>\
             <li><a href='/p/1'><span>Ana Roe</span></a><span>, </span></li>\
             <li><a href='/p/2'><span>Wagner Meira Jr.</span></a><span>, </span></li>\
             <li><a href='/p/3'><span>Bo Li</span></a></li></ul><ul><li>Alpha Beta</li><li>Gamma Delta</li></ul>",
        );
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "A Paper Title Here",
                "Ana Roe, Wagner Meira Jr., Bo Li",
                "Alpha Beta",
                "Gamma Delta"
            ]
        );
    }

    #[test]
    fn deep_nesting_is_capped() {
        let src = format!("{}Deep{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let capped = cap_depth(&src);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert!(matches!(cap_depth("<div><p>x</p></div>"), Cow::Borrowed(_)));
        assert_eq!(lines(&src)[0].text, "Deep");
    }
}
