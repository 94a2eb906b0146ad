//! Template and comment syntax no Markdown parser knows, removed without executing anything.
//!
//! Input: a page body. Output: the body with Liquid tags and outputs (`{% ... %}`,
//! `{{ ... }}`), `{% comment %}` blocks, HTML comments and kramdown attribute lists
//! (`{: .class}`, `{:toc}`, `{::options ...}`) removed. Each pattern is bounded: an
//! unbalanced `{%` or `<!--` is left alone, so it cannot swallow the rest of the page.

use std::sync::LazyLock;

use regex::Regex;

static LIQUID_COMMENT_OPEN: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\{%-?\s*comment\s*-?%\}").unwrap());
static LIQUID_COMMENT_CLOSE: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\{%-?\s*endcomment\s*-?%\}").unwrap());

/// Remove Liquid, HTML comments and kramdown attributes.
pub fn clean(body: &str) -> String {
    let t = cut_between(
        body,
        |s| LIQUID_COMMENT_OPEN.find(s).map(|m| m.range()),
        |s| LIQUID_COMMENT_CLOSE.find(s).map(|m| m.range()),
    );
    let t = cut_between(
        &t,
        |s| s.find("<!--").map(|i| i..i + 4),
        |s| s.find("-->").map(|i| i..i + 3),
    );
    let t = strip_spans(&t, liquid_span);
    strip_spans(&t, kramdown_span)
}

/// Remove every span `span_at` finds at a `{`; one pass, each `{` looks a bounded way ahead.
fn strip_spans(s: &str, span_at: fn(&str) -> Option<usize>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    let mut at = 0;
    while let Some(k) = s[at..].find('{') {
        let start = at + k;
        match span_at(&s[start..]) {
            Some(len) => {
                out.push_str(&s[from..start]);
                from = start + len;
                at = from;
            }
            None => at = start + 1,
        }
    }
    out.push_str(&s[from..]);
    out
}

/// Byte length of the first `n` characters of `s` (all of it when shorter).
fn chars_len(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// `{% … %}` or `{{ … }}` at the start of `s`: a tag may span a few lines
/// (`{% include x.html\n  a=b %}`), never a page, so the body is at most 400 characters.
fn liquid_span(s: &str) -> Option<usize> {
    let close = match s.get(..2)? {
        "{%" => "%}",
        "{{" => "}}",
        _ => return None,
    };
    let body = &s[2..];
    let window = &body[..chars_len(body, 402)];
    window.find(close).map(|j| 2 + j + 2)
}

/// A kramdown attribute list `{: .class}` / `{::options …}` at the start of `s`.
fn kramdown_span(s: &str) -> Option<usize> {
    let body = s.strip_prefix("{:")?;
    let body = &body[..chars_len(body, 202)];
    let end = body.find(['{', '}', '\n'])?;
    let inner = &body[..end];
    let limit = if inner.starts_with(':') { 201 } else { 200 };
    (body[end..].starts_with('}') && inner.chars().count() <= limit).then_some(2 + end + 1)
}

type Finder = fn(&str) -> Option<std::ops::Range<usize>>;

/// Remove every `open ... close` span, scanning once; an unclosed opener is kept as text.
fn cut_between(s: &str, open: Finder, close: Finder) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(o) = open(rest) {
        let after = &rest[o.end..];
        match close(after) {
            Some(c) => {
                out.push_str(&rest[..o.start]);
                rest = &after[c.end..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_tags_outputs_and_comments() {
        let s = "{% if a %}\nkeep\n{% endif %}\n<img src=\"{{ url | x }}\">\n<!-- - old -->\nend";
        assert_eq!(clean(s), "\nkeep\n\n<img src=\"\">\n\nend");
        assert_eq!(clean("a {% comment %} hidden {% endcomment %} b"), "a  b");
    }

    #[test]
    fn unbalanced_liquid_keeps_the_page() {
        let mut s = String::from("{% if broken \n");
        s.push_str(&"text line\n".repeat(100));
        let out = clean(&s);
        assert!(out.contains("text line"));
        assert_eq!(out.matches("text line").count(), 100);
        assert!(clean("<!-- never closed\nbody").contains("body"));
    }

    #[test]
    fn kramdown_attributes() {
        assert_eq!(
            clean("## Title\n{: .no_toc}\n* TOC\n{:toc}"),
            "## Title\n\n* TOC\n"
        );
    }
}
