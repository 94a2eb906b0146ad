//! Markdown body (Liquid and HTML already gone) → `Block`s, through pulldown-cmark.
//!
//! Input: Markdown text. Output: headings (ATX and setext), paragraphs, list items with
//! their nesting depth, table rows (cells joined by tabs) and rules. Each block's `raw` is
//! its own source text (list marker removed, lines joined), so inline markup such as a bold
//! self-name stays for the extractors.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::doc::{Block, BlockKind};

struct OpenItem {
    start: usize,
    depth: u8,
    emitted: bool,
}

pub fn parse(src: &str, base: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut items: Vec<OpenItem> = Vec::new();
    let mut lists: u8 = 0;
    let mut heading: Option<(u8, String, Range<usize>)> = None;
    let mut row: Option<Vec<String>> = None;
    let mut in_head = false;
    let push = |out: &mut Vec<Block>, kind: BlockKind, raw: &str, r: Range<usize>| {
        let raw = join_lines(raw);
        if !raw.is_empty() {
            out.push(Block::new(kind, &raw, base + r.start..base + r.end));
        }
    };
    for (ev, r) in Parser::new_ext(src, Options::ENABLE_TABLES).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new(), r));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text, hr)) = heading.take() {
                    push(&mut out, BlockKind::Heading(level), &text, hr);
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => {
                if let Some((_, text, _)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text, _)) = heading.as_mut() {
                    text.push(' ');
                }
            }
            Event::Start(Tag::Paragraph) if items.is_empty() && row.is_none() => {
                let text = &src[r.clone()];
                if fact_stack(text) || hard_broken(text) {
                    let mut at = r.start;
                    for line in text.split_inclusive('\n') {
                        push(
                            &mut out,
                            BlockKind::Para,
                            line,
                            at..at + line.trim_end().len(),
                        );
                        at += line.len();
                    }
                } else {
                    push(&mut out, BlockKind::Para, text, r);
                }
            }
            Event::Start(Tag::List(_)) => {
                if let Some(top) = items.last_mut().filter(|t| !t.emitted) {
                    top.emitted = true;
                    let (start, depth) = (top.start, top.depth);
                    let raw = strip_marker(&src[start..r.start]);
                    push(&mut out, BlockKind::Item(depth), raw, start..r.start);
                }
                lists = lists.saturating_add(1);
            }
            Event::End(TagEnd::List(_)) => lists = lists.saturating_sub(1),
            Event::Start(Tag::Item) => items.push(OpenItem {
                start: r.start,
                depth: lists.saturating_sub(1).min(8),
                emitted: false,
            }),
            Event::End(TagEnd::Item) => {
                if let Some(top) = items.pop().filter(|t| !t.emitted) {
                    let end = r.end.max(top.start);
                    let raw = strip_marker(&src[top.start..end]);
                    push(&mut out, BlockKind::Item(top.depth), raw, top.start..end);
                }
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => row = Some(Vec::new()),
            Event::Start(Tag::TableCell) => {
                if let Some(cells) = row.as_mut() {
                    cells.push(src[r].trim().trim_matches('|').trim().to_string());
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(cells) = row.take().filter(|_| !in_head) {
                    push(&mut out, BlockKind::Row, &cells.join("\t"), r);
                }
            }
            Event::Rule => out.push(Block::new(
                BlockKind::Rule,
                "",
                base + r.start..base + r.end,
            )),
            _ => {}
        }
    }
    out
}

/// A paragraph that is a stack of one-fact lines, not wrapped prose: a CV header
/// (`**Name**`, a role, an address, `[mail](mailto:…) · [site](…)`). Every line closes
/// without a sentence or clause mark and the next opens with a capital, a link or markup,
/// and one line is bold only or holds a mail address or link.
fn fact_stack(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let fact = |l: &&str| {
        (l.starts_with("**") && l.ends_with("**")) || l.contains('@') || l.contains("](")
    };
    lines.len() >= 2
        && lines.iter().any(fact)
        && lines.windows(2).all(|w| {
            !w[0].ends_with(['.', ',', ';', ':'])
                && w[1].starts_with(|c: char| c.is_uppercase() || "[*_<(".contains(c))
        })
}

/// A paragraph whose lines all end in hard breaks (two spaces, a backslash) and are short:
/// the writer set one fact on each line ("School — *2016 – 2021*", "Advisor: …").
fn hard_broken(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.len() >= 2
        && lines[..lines.len() - 1]
            .iter()
            .all(|l| crate::doc::markdown::hard_break(l))
        && lines.iter().all(|l| l.split_whitespace().count() <= 20)
}

/// Lines of a block joined with single spaces; tabs (table cells) kept.
fn join_lines(s: &str) -> String {
    s.lines()
        .map(|l| l.trim_matches(|c: char| c == ' ' || c == '\r'))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An item's text without its list marker (`-`, `*`, `+`, `1.`, `1)`).
fn strip_marker(s: &str) -> &str {
    let t = s.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        return rest;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if let Some(rest) = t[digits..].strip_prefix(['.', ')']) {
            return rest;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_stack_is_split_into_lines_prose_is_not() {
        let v = kinds("**Ana Costa**\nPostdoctoral Researcher, ETH Zürich\n[a@b.ch](mailto:a@b.ch) · [site](https://a.io)\n");
        assert_eq!(v.len(), 3);
        assert_eq!(v[1].1, "Postdoctoral Researcher, ETH Zürich");
        let v = kinds("Univ. of Lagos — *2010 – 2015*  \nAdvisor: Prof. Ada Eze\n");
        assert_eq!(v.len(), 2);
        let v = kinds("I am a **postdoc** at ETH Zürich working on clouds,\nconvection and [climate](https://x.io).\n");
        assert_eq!(v.len(), 1);
    }

    fn kinds(src: &str) -> Vec<(BlockKind, String)> {
        parse(src, 0).into_iter().map(|b| (b.kind, b.raw)).collect()
    }

    #[test]
    fn setext_headings_and_nested_items() {
        let v = kinds("Education\n======\n* Ph.D, X University, 2018\n  * Advisor: Y\n* B.S., Z\n\nText\nmore text\n");
        assert_eq!(v[0], (BlockKind::Heading(1), "Education".into()));
        assert_eq!(
            v[1],
            (BlockKind::Item(0), "Ph.D, X University, 2018".into())
        );
        assert_eq!(v[2], (BlockKind::Item(1), "Advisor: Y".into()));
        assert_eq!(v[3], (BlockKind::Item(0), "B.S., Z".into()));
        assert_eq!(v[4], (BlockKind::Para, "Text more text".into()));
    }

    #[test]
    fn items_keep_inline_markup() {
        let v = kinds("# 🎖 Honors\n- *2023.06* **Best** Paper\n");
        assert_eq!(
            v[1],
            (BlockKind::Item(0), "*2023.06* **Best** Paper".into())
        );
    }

    #[test]
    fn table_rows_are_tab_joined() {
        let v = kinds("| a | b |\n|---|---|\n| 2020 | Prize |\n");
        assert_eq!(v, vec![(BlockKind::Row, "2020\tPrize".into())]);
    }
}
