//! Markdown CVs → `Document`.
//!
//! ATX headings become `Heading(level)`, list items `Item(depth)` (`-`, `*`, `+`, `1.`),
//! `---` a `Rule`; a line that is only bold text naming a known section (`**Education**`)
//! is a level-2 heading; other lines are paragraphs. Inline markup stays in `raw` for the
//! extractors. Split date ranges are re-joined by `doc::lines`.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{lines, Block, BlockKind, Document};
use crate::sections::classify_heading;

static ORDERED: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"^[0-9]{1,3}[.)]\s+").unwrap());

/// A line that is bold text only (`**Education**`, `__Skills__`).
fn bold_only(t: &str) -> bool {
    let inner = t
        .strip_prefix("**")
        .and_then(|r| r.strip_suffix("**"))
        .or_else(|| t.strip_prefix("__").and_then(|r| r.strip_suffix("__")));
    inner.is_some_and(|i| !i.is_empty() && !i.contains("**"))
}

/// A short line, or one in bold, naming a known section ("**Education**", "Skills"); read
/// without its tags ("<summary><b>🧑‍🏫 Teaching</b></summary>" is one, "<summary><b>2025</b>
/// </summary>" is no Summary heading).
fn section_line(t: &str) -> bool {
    let shown = if t.contains('<') {
        std::borrow::Cow::Owned(crate::markup::plain(t))
    } else {
        std::borrow::Cow::Borrowed(t)
    };
    (bold_only(t) || shown.len() < 40)
        && shown.len() < 60
        && !t.ends_with('.')
        && classify_heading(&shown).is_some()
}

/// `| a | b |`
fn is_table_row(t: &str) -> bool {
    t.starts_with('|') && t.ends_with('|') && t.len() > 2
}

/// `+------+-----+` or `+======+=====+`: a pandoc grid table border.
fn grid_border(t: &str) -> bool {
    t.len() > 2
        && t.starts_with('+')
        && t.ends_with('+')
        && t.bytes().all(|b| matches!(b, b'+' | b'-' | b'=' | b':'))
}

/// A grid-table row being read: each column's text, its lines joined.
struct GridRow {
    cells: Vec<String>,
    span: std::ops::Range<usize>,
}

impl GridRow {
    fn add(&mut self, line: &str, end: usize) {
        let inner = line.strip_prefix('|').unwrap_or(line);
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        for (i, cell) in inner.split('|').map(str::trim).enumerate() {
            if self.cells.len() <= i {
                self.cells.push(String::new());
            }
            if !cell.is_empty() {
                if !self.cells[i].is_empty() {
                    self.cells[i].push(' ');
                }
                self.cells[i].push_str(cell);
            }
        }
        self.span.end = end;
    }
}

/// A table cell's lines, split at its `<br>` tags (an empty cell is one empty line).
fn split_br(cell: &str) -> Vec<&str> {
    static BR: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r"(?i)<br\s*/?>").unwrap());
    let lines: Vec<&str> = BR
        .split(cell)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        vec![""]
    } else {
        lines
    }
}

/// A source line ends in a hard line break: a backslash (pandoc), two spaces or `<br>`.
pub(crate) fn hard_break(line: &str) -> bool {
    let l = line.trim_end_matches(['\n', '\r']);
    l.ends_with('\\')
        || l.ends_with("  ")
        || ["<br>", "<br/>", "<br />"]
            .iter()
            .any(|b| l.trim_end().to_ascii_lowercase().ends_with(b))
}

/// Is this paragraph line the soft-wrapped rest of the block before it (no blank line
/// between)? Converters wrap at about 72 columns, so a long line not ending a sentence, or a
/// line indented under a list item, continues; short lines stay apart (CVs put one fact on
/// each line).
fn continues(prev: &Block, prev_line: &str, line: &str) -> bool {
    if hard_break(prev_line) || !matches!(prev.kind, BlockKind::Para | BlockKind::Item(_)) {
        return false;
    }
    let indent = line.len() - line.trim_start().len();
    let t = line.trim();
    if matches!(prev.kind, BlockKind::Item(_)) && indent >= 2 {
        return true;
    }
    let p = prev_line.trim();
    // contact lines ("Title | mail" then "site.io") are separate facts, not a wrapped paragraph
    if p.contains(" | ") || t.split_whitespace().count() < 2 {
        return false;
    }
    // "Methods: …" then "Programming: …": labelled rows (skills, contact) stay apart
    if label_row(p) && label_row(t) {
        return false;
    }
    let sentence_end = p.ends_with(['.', ':', ';', '!', '?']);
    // a list item's lazy continuation: lower case after an unfinished item line
    let lazy_item = matches!(prev.kind, BlockKind::Item(_))
        && !sentence_end
        && t.starts_with(char::is_lowercase);
    lazy_item || p.chars().count() >= 60 && (!sentence_end || t.starts_with(char::is_lowercase))
}

/// The source with its leading YAML metadata block (`---` … `---`) turned into spaces.
fn blank_metadata(src: &str) -> Option<String> {
    let body = src.strip_prefix('\u{feff}').unwrap_or(src);
    if !body.starts_with("---\n") && !body.starts_with("---\r\n") {
        return None;
    }
    let mut end = None;
    let mut at = src.len() - body.len();
    for (i, line) in src[at..].split_inclusive('\n').enumerate().take(202) {
        at += line.len();
        if i > 0 && matches!(line.trim_end(), "---" | "...") {
            end = Some(at);
            break;
        }
    }
    let end = end?;
    let blank: String = src[..end]
        .chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' })
        .collect();
    // (multi-byte characters become one space each: pad to keep byte offsets)
    let pad = " ".repeat(end - blank.len());
    Some(blank + &pad + &src[end..])
}

/// A line opening with a short capitalised label and a colon ("Programming: Python, R").
fn label_row(l: &str) -> bool {
    let l = l.trim_start_matches(['*', '_']);
    l.split_once(": ").is_some_and(|(label, _)| {
        let label = label.trim_end_matches(['*', '_']);
        label.starts_with(char::is_uppercase)
            && (1..=4).contains(&label.split_whitespace().count())
            && !label.contains(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
    })
}

/// A Markdown CV, or an HTML page laid out as one (read through its Markdown; spans then
/// point into that Markdown).
pub fn parse(src: &str) -> Document {
    if crate::doc::html_page::is_html(src) {
        return parse_markdown(&crate::doc::html_page::to_markdown(src));
    }
    parse_markdown(src)
}

/// "Education {#education .unnumbered}" (pandoc), "Awards {: .section}" (kramdown),
/// "Skills {data-icon=tools}" (pagedown): the attribute block closing a heading is no part of
/// its text.
fn strip_attributes(h: &str) -> &str {
    let Some(i) = h.rfind(" {").filter(|_| h.ends_with('}')) else {
        return h;
    };
    let attrs = &h[i + 2..];
    let key_value = attrs.split_once('=').is_some_and(|(k, _)| {
        !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    if attrs.starts_with(['#', '.', ':']) || key_value {
        h[..i].trim_end()
    } else {
        h
    }
}

/// Word bookmarks pandoc writes before a heading's text ("[]{#_Toc161838203 .anchor}").
fn strip_anchors(mut t: &str) -> &str {
    while let Some(rest) = t.strip_prefix("[]{") {
        match rest.find('}') {
            Some(j) => t = rest[j + 1..].trim_start(),
            None => break,
        }
    }
    t
}

/// pandoc writes an em dash as `---` ("scATACformer --- transformer models …"): a spaced
/// one between words is the dash (table rules and `---` lines stay).
fn pandoc_dashes(src: &str) -> Option<String> {
    if !src.contains(" --- ") {
        return None;
    }
    let mut out = String::with_capacity(src.len());
    for line in src.split_inclusive('\n') {
        if line.trim_start().starts_with('|') {
            out.push_str(line);
        } else {
            out.push_str(&line.replace(" --- ", " — "));
        }
    }
    Some(out)
}

/// pandoc definition lists ("Programming" / ":   Python, Rust"; "2018--2022" / ":   Ph.D. in
/// …") and raw moderncv items left by `pandoc -f latex` (`\cvitem[0.5em]{Skills}{…}`) become
/// list items: "- Programming: Python, Rust", "- 2018--2022  Ph.D. in …" (a date term opens
/// its entry as a date column would). The definition's indented lines go on under the item.
fn definition_lists(src: &str) -> Option<String> {
    if !src.contains("\n:") && !src.starts_with(':') && !src.contains("\\cvitem") {
        return None;
    }
    let mut lines: Vec<String> = src.lines().map(str::to_string).collect();
    let mut term: Option<String> = None;
    let mut changed = false;
    for i in 0..lines.len() {
        let line = lines[i].clone();
        if let Some(item) = cvitem(&line) {
            lines[i] = item;
            changed = true;
            continue;
        }
        let Some(body) = line
            .strip_prefix(':')
            .filter(|b| b.starts_with([' ', '\t']) && !b.trim().is_empty())
        else {
            if !line.trim().is_empty() && !line.starts_with([' ', '\t']) {
                term = None;
            }
            continue;
        };
        // the term: the line before the blank line (or right before)
        let at = (i.saturating_sub(2)..i)
            .rev()
            .find(|&j| !lines[j].trim().is_empty());
        if let Some(j) = at.filter(|&j| {
            let t = lines[j].trim();
            t.len() <= 100
                && !t.starts_with([':', '-', '*', '#', '|', '+', '>'])
                && !lines[j].starts_with([' ', '\t'])
                && (j == 0 || lines[j - 1].trim().is_empty())
        }) {
            term = Some(lines[j].trim().to_string());
            lines[j].clear();
        }
        let body = body.trim();
        lines[i] = match &term {
            Some(t) if crate::lex::date::parse_range(t).is_some() => format!("-   {t}  {body}"),
            Some(t) => format!("-   {}: {body}", t.trim_end_matches(':')),
            None => format!("-   {body}"),
        };
        changed = true;
    }
    changed.then(|| lines.join("\n") + "\n")
}

/// `\cvitem[0.5em]{Workflows \& HPC}{Snakemake, Nextflow}` → "- Workflows \& HPC: Snakemake,
/// Nextflow" (moderncv's labelled line, passed through raw by pandoc).
fn cvitem(line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix("\\cvitem")?;
    let rest = match rest.strip_prefix('[') {
        Some(r) => &r[r.find(']')? + 1..],
        None => rest,
    };
    let (label, rest) = rest.strip_prefix('{')?.split_once('}')?;
    let body = rest.strip_prefix('{')?.strip_suffix('}')?;
    Some(format!("-   {}: {}", label.trim(), body.trim()))
}

fn parse_markdown(src: &str) -> Document {
    let noted = crate::doc::notes::reduce(src);
    let src = noted.as_deref().unwrap_or(src);
    let whole = crate::doc::lines::dehyphenate(src);
    let src = whole.as_deref().unwrap_or(src);
    let emphasis = crate::markup::tex_emphasis(src);
    let src = emphasis.as_deref().unwrap_or(src);
    // a pandoc metadata block is settings, not CV text: blanked so spans keep their offsets
    let blanked = blank_metadata(src);
    let src = blanked.as_deref().unwrap_or(src);
    let listed = definition_lists(src);
    let src = listed.as_deref().unwrap_or(src);
    let dashed = pandoc_dashes(src);
    let src = dashed.as_deref().unwrap_or(src);
    let mut blocks: Vec<Block> = Vec::new();
    let mut offset = 0;
    // the previous non-blank source line, while no blank line has come since
    let mut prev_line: Option<&str> = None;
    // whether page furniture (a footer, a page number) was skipped since the last text line
    let mut after_break = false;
    let mut grid: Option<GridRow> = None;
    for line in src.split_inclusive('\n') {
        let span = offset..offset + line.trim_end().len();
        offset += line.len();
        let trimmed = line.trim();
        // pandoc grid tables: a row runs from one `+---+` border to the next, each cell
        // wrapped over several `| … |` lines
        if grid_border(trimmed) {
            if let Some(row) = grid.take() {
                // (a `+===+` border closes the header row)
                if !trimmed.contains('=') && !row.cells.iter().all(String::is_empty) {
                    blocks.push(Block::new(BlockKind::Row, &row.cells.join("\t"), row.span));
                }
            }
            grid = Some(GridRow {
                cells: Vec::new(),
                span: span.clone(),
            });
            prev_line = None;
            continue;
        }
        if let Some(row) = grid.as_mut() {
            if is_table_row(trimmed) {
                row.add(trimmed, span.end);
                continue;
            }
            grid = None;
        }
        if trimmed.is_empty() {
            prev_line = None;
            continue;
        }
        // pandoc fenced divs ("::: center" … ":::") only wrap blocks; page footers of the
        // PDF the Markdown came from are no text
        // ("*K. Zielińska — Curriculum Vitae* 3/3": a footer in emphasis is one too)
        let furniture = crate::doc::lines::page_furniture(trimmed)
            || (trimmed.contains(['*', '<', '_'])
                && trimmed.len() < 200
                && crate::doc::lines::page_furniture(&crate::markup::plain(trimmed)));
        let furniture = furniture
            || blocks.len() > 3
                && crate::doc::lines::running_header(&crate::markup::plain(strip_anchors(trimmed)));
        if trimmed.starts_with(":::") || furniture {
            after_break = true;
            continue;
        }
        // a reference cut by a page break ("… (Humana," / footer / "2022).") goes on
        if std::mem::take(&mut after_break) {
            if let Some(prev) = blocks
                .last_mut()
                .filter(|b| matches!(b.kind, BlockKind::Item(_) | BlockKind::Para))
                .filter(|b| {
                    let r = b.raw.trim_end();
                    r.ends_with(',') || crate::doc::lines::unclosed(r)
                })
            {
                let raw = format!("{} {}", prev.raw.trim_end(), trimmed);
                *prev = Block::new(prev.kind, &raw, prev.span.start..span.end);
                continue;
            }
        }
        let before = prev_line.replace(line);
        // a pandoc hard break ("Name\\") is layout, not text
        let trimmed = trimmed.strip_suffix('\\').map_or(trimmed, str::trim_end);
        let trimmed = strip_anchors(trimmed);
        if trimmed.is_empty() {
            continue;
        }
        // a setext underline ("Education\n---------", as pandoc and R Markdown write) makes
        // the paragraph line right above it a heading
        let setext = trimmed.len() >= 3
            && (trimmed.bytes().all(|b| b == b'=') || trimmed.bytes().all(|b| b == b'-'));
        if setext && before.is_some() {
            if let Some(last) = blocks.last_mut().filter(|b| b.kind == BlockKind::Para) {
                let level = if trimmed.starts_with('=') { 1 } else { 2 };
                let raw = strip_attributes(last.raw.trim()).to_string();
                *last = Block::new(BlockKind::Heading(level), &raw, last.span.clone());
                continue;
            }
        }
        let indent = line.len() - line.trim_start().len();
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        let (kind, body) = if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            (
                BlockKind::Heading(hashes as u8),
                strip_attributes(trimmed[hashes..].trim()),
            )
        } else if trimmed
            .chars()
            .all(|c| c == '-' || c == '*' || c == '_' || c == '=')
            && trimmed.len() >= 3
        {
            (BlockKind::Rule, "")
        } else if trimmed.contains("---") && trimmed.chars().all(|c| c == '-' || c == ' ') {
            // a pandoc simple-table rule ("----- ------"): the row right above a rule of
            // several columns is the column header
            let runs = trimmed.split_whitespace().count();
            if runs > 1
                && before.is_some()
                && blocks
                    .last()
                    .is_some_and(|b: &Block| b.kind == BlockKind::Row)
            {
                blocks.pop();
            }
            continue;
        } else if let Some(rest) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .or_else(|| trimmed.strip_prefix("+ "))
            .or_else(|| trimmed.strip_prefix("• "))
        {
            (BlockKind::Item((indent / 2).min(8) as u8), rest)
        } else if is_table_row(trimmed) {
            // a table row: cells become tab-separated columns; the |---| line is dropped
            if trimmed.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
                // the row above was the column header ("| Period | Degree |"), unless it
                // holds an entry's dates: converters from PDF (marker) make the first row of
                // a header-less table the header
                if blocks.last().is_some_and(|b: &Block| {
                    b.kind == BlockKind::Row && crate::lex::date::find_range(&b.text).is_none()
                }) {
                    blocks.pop();
                }
                continue;
            }
            let cells: Vec<&str> = trimmed
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            // a cell's `<br>` breaks a line: the row holds each cell's first line, and the
            // lines under it follow as lines of their own ("Role, Org<br>*Group of …*")
            let lines: Vec<Vec<&str>> = cells.iter().map(|c| split_br(c)).collect();
            let depth = lines.iter().map(Vec::len).max().unwrap_or(1);
            for k in 0..depth {
                let row: Vec<&str> = lines
                    .iter()
                    .map(|l| l.get(k).copied().unwrap_or(""))
                    .collect();
                let filled: Vec<&str> = row.iter().copied().filter(|c| !c.is_empty()).collect();
                match (k, filled.as_slice()) {
                    (0, _) => {
                        blocks.push(Block::new(BlockKind::Row, &row.join("\t"), span.clone()))
                    }
                    (_, []) => {}
                    (_, [one]) => blocks.push(Block::new(BlockKind::Para, one, span.clone())),
                    _ => blocks.push(Block::new(BlockKind::Row, &filled.join("\t"), span.clone())),
                }
            }
            continue;
        } else if let Some(m) = ORDERED.find(trimmed) {
            (
                BlockKind::Item((indent / 2).min(8) as u8),
                &trimmed[m.end()..],
            )
        } else if section_line(trimmed) {
            (BlockKind::Heading(2), trimmed)
        } else if indent >= 2 && crate::lex::split_columns(trimmed).len() > 1 {
            // an indented line of space-aligned columns (pandoc simple table row)
            (BlockKind::Row, trimmed)
        } else {
            (BlockKind::Para, trimmed)
        };
        if kind == BlockKind::Para {
            if let (Some(prev), Some(pl)) = (blocks.last_mut(), before) {
                if continues(prev, pl, line) {
                    let raw = format!("{} {}", prev.raw.trim_end(), body);
                    *prev = Block::new(prev.kind, &raw, prev.span.start..span.end);
                    continue;
                }
            }
        }
        blocks.push(Block::new(kind, body, span));
    }
    Document {
        blocks: lines::repair(blocks),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definition_lists_and_raw_cvitems_become_items() {
        let src = "Programming\n\n:   Python, Rust\n\n2018--2022\n\n:   Ph.D. in Biology\n    Thesis: X\n\n\\cvitem[0.5em]{Workflows \\& HPC}{Snakemake, Slurm}\n";
        let out = definition_lists(src).unwrap();
        assert!(out.contains("-   Programming: Python, Rust"));
        assert!(out.contains("-   2018--2022  Ph.D. in Biology\n    Thesis: X"));
        assert!(out.contains("-   Workflows \\& HPC: Snakemake, Slurm"));
        assert_eq!(
            pandoc_dashes("tool --- fast\n| --- |\n").unwrap(),
            "tool — fast\n| --- |\n"
        );
    }

    #[test]
    fn grid_table_rows_join_their_wrapped_cells() {
        let src = "+------+------+\n| Year | Degree |\n+======+======+\n| 2014 | **PhD**, London School |\n|      | of Hygiene, UK |\n+------+------+\n| 2011 | MPH |\n+------+------+\n";
        let doc = parse(src);
        let rows: Vec<&str> = doc.blocks.iter().map(|b| b.raw.as_str()).collect();
        assert_eq!(
            rows,
            ["2014\t**PhD**, London School of Hygiene, UK", "2011\tMPH"]
        );
        assert!(doc.blocks.iter().all(|b| b.kind == BlockKind::Row));
    }

    #[test]
    fn setext_headings_anchors_and_attributes() {
        let src = "Main\n====\n\nEducation {data-icon=graduation-cap data-concise=true}\n\
                   ----------\n\n[]{#_Toc1 .anchor}**EMPLOYMENT HISTORY**\n\ntext\n\n---\n";
        let doc = parse(src);
        let got: Vec<(BlockKind, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(got[0], (BlockKind::Heading(1), "Main"));
        assert_eq!(got[1], (BlockKind::Heading(2), "Education"));
        assert_eq!(got[2].1, "EMPLOYMENT HISTORY");
        // a rule after a blank line is still a rule
        assert_eq!(got.last().unwrap().0, BlockKind::Rule);
    }

    #[test]
    fn metadata_block_is_blanked_with_offsets_kept() {
        let src = "---\ntitle: \"CV — Ana\"\n---\n# Ana Costa\n";
        let b = blank_metadata(src).unwrap();
        assert_eq!(b.len(), src.len());
        assert!(b.ends_with("# Ana Costa\n"));
        assert_eq!(parse(src).blocks[0].text, "Ana Costa");
    }

    #[test]
    fn labelled_rows_and_page_footers() {
        let d = parse("## Skills\n\nMethods: interviews, diary studies, participatory design, thematic analysis\nProgramming: Python, R\n\nPage 3 of 3\n");
        let texts: Vec<&str> = d.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Skills",
                "Methods: interviews, diary studies, participatory design, thematic analysis",
                "Programming: Python, R"
            ]
        );
    }

    #[test]
    fn pandoc_heading_attributes_and_divs() {
        assert_eq!(
            strip_attributes("Education {#education .unnumbered}"),
            "Education"
        );
        assert_eq!(strip_attributes("Set {x}"), "Set {x}");
        let d = parse("::: center\n**Ana Costa**\n:::\n\n# Education {#education .unnumbered}\n");
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.blocks[1].text, "Education");
    }

    #[test]
    fn headings_items_and_bold_headings() {
        let d = parse(
            "# Jane Doe\n\n**Education**\n\n### MIT\n- one\n  - two\n1. first\n---\n| Year | School |\n|---|---|\n| 2019 | MIT |\n",
        );
        let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(1),
                BlockKind::Heading(2),
                BlockKind::Heading(3),
                BlockKind::Item(0),
                BlockKind::Item(1),
                BlockKind::Item(0),
                BlockKind::Rule,
                BlockKind::Row
            ]
        );
        assert_eq!(d.blocks[7].columns(), ["2019", "MIT"]);
    }

    #[test]
    fn pandoc_simple_table() {
        let d = parse("  ------------------------------\n  Course      Role       Years\n  ----------- ---------- -----\n  Stats 101   TA         2019\n\n  Stats 202   Lecturer   2020\n  ------------------------------\n");
        let rows: Vec<Vec<String>> = d
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Row)
            .map(Block::columns)
            .collect();
        assert_eq!(
            rows,
            [
                ["Stats 101", "TA", "2019"],
                ["Stats 202", "Lecturer", "2020"]
            ]
        );
    }

    #[test]
    fn a_dated_first_row_is_no_header_and_cell_breaks_split_lines() {
        let d = parse("| 10/2022 – present | **Postdoc**, MPQ<br>*Group of Prof. X* |\n|---|---|\n| 2019 | Visitor, JILA |\n");
        let got: Vec<(BlockKind, &str)> =
            d.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (BlockKind::Row, "10/2022 – present Postdoc, MPQ"),
                (BlockKind::Para, "Group of Prof. X"),
                (BlockKind::Row, "2019 Visitor, JILA"),
            ]
        );
    }

    #[test]
    fn soft_wraps_join_and_hard_breaks_split() {
        let d = parse(
            "**Jane Roe**\\\nDept. of X\\\n\nInfectious disease modelling, vaccine effectiveness, and causal inference\nwith observational health data.\n\n1.  Roe J. A title that is long enough to\n    wrap. *Journal*. 2023.\n\nShort line one\nShort line two\n",
        );
        let br = parse("Professor | University of Toronto<br>\n100 St. George Street<br>\n");
        assert_eq!(br.blocks.len(), 2);
        let lazy = parse("- Built a pipeline with\nlow latency.\n- Next item\n");
        assert_eq!(lazy.blocks[0].text, "Built a pipeline with low latency.");
        assert_eq!(lazy.blocks.len(), 2);
        let texts: Vec<&str> = d.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Jane Roe",
                "Dept. of X",
                "Infectious disease modelling, vaccine effectiveness, and causal inference with observational health data.",
                "Roe J. A title that is long enough to wrap. Journal. 2023.",
                "Short line one",
                "Short line two"
            ]
        );
    }
}
