//! Plain-text CVs from PDF extraction → `Document`.
//!
//! One block per line: known section headings become `Heading(2)`, bullet lines (`-`, `•`,
//! `○`, `◦`, `o`) become `Item(depth)`, tab-separated lines become `Row`. Depth comes from
//! indentation and from the glyph: `o`, `◦`, `○`, `▪`, `–` are second-level marks in the
//! usual CV templates. Split date ranges are re-joined by `doc::lines`.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{lines, Block, BlockKind, Document};
use crate::lex::LIST_LABEL as LABEL;
use crate::sections::{classify_heading, SectionKind};

/// Bullet glyphs PDF extraction leaves at the start of a line (each followed by a space or
/// a tab). Word documents exported with the Symbol/Wingdings fonts also print their bullets
/// as Private Use Area characters (U+F0B7 "", U+F0A7, U+F0D8 ...): any of those is a bullet.
const BULLET_GLYPHS: &[char] = &[
    '-', '•', '○', '◦', 'o', '*', '▪', '■', '●', '–', '·', '➢', '►', '❖', '✓',
];

/// Glyphs that only ever mark bullets: one glued to the word after it ("●Fine-tuned") or
/// printed mid-line ("… 2 papers ● Ran 48 sessions") still starts an item.
const HEAVY: &[char] = &['●', '○', '◦', '▪', '■', '➢', '►', '❖'];

/// Glyphs that mark a nested item even without indentation.
const NESTED: &[char] = &['○', '◦', 'o', '▪', '–', '■'];

/// The bullet glyph at the start of `t` and the byte length of glyph plus the whitespace
/// after it.
fn marker(t: &str) -> Option<(char, usize)> {
    let mut it = t.chars();
    let g = it.next()?;
    let sep = it.next()?;
    let glued = HEAVY.contains(&g) && sep.is_alphanumeric();
    if !(sep == ' ' || sep == '\t' || glued)
        || !(BULLET_GLYPHS.contains(&g) || ('\u{f000}'..='\u{f0ff}').contains(&g))
    {
        return None;
    }
    let body = t[g.len_utf8()..].trim_start();
    Some((g, t.len() - body.len()))
}

/// Bullets PDF extraction glued into one line ("● Built X ● Cut Y", "LEADERSHIP &
/// SERVICE● Vice President …") put on lines of their own. Only in a bulleted entry (its
/// first line or the wrapped rest) or a line opening with a heading: elsewhere a mid-line
/// glyph may be a separator ("Pittsburgh ● jane@x.org").
fn split_glued_bullets(src: &str) -> Option<String> {
    if !src.contains(HEAVY) {
        return None;
    }
    let mut out = String::with_capacity(src.len() + 64);
    let mut changed = false;
    let mut in_item = false;
    for line in src.split_inclusive('\n') {
        let t = line.trim_start();
        let was_in_item = in_item;
        in_item = marker(t).is_some() || in_item && !t.trim().is_empty();
        let Some((first, _)) = t.char_indices().skip(1).find(|(_, c)| HEAVY.contains(c)) else {
            out.push_str(line);
            continue;
        };
        let head = t[..first].trim_end();
        let heading = classify_heading(head).is_some();
        if heading {
            in_item = true;
        }
        if !(was_in_item || in_item || heading) {
            out.push_str(line);
            continue;
        }
        let lead = &line[..line.len() - t.len()];
        out.push_str(lead);
        for (k, c) in t.char_indices() {
            if k > 0 && HEAVY.contains(&c) {
                // the space before the glyph becomes the line break (offsets stay put)
                if out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
                changed = true;
            }
            out.push(c);
        }
    }
    changed.then_some(out)
}

/// A bullet line's depth and body.
pub fn bullet(line: &str) -> Option<(u8, &str)> {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim();
    let (g, len) = marker(t)?;
    let body = t[len..].trim();
    if body.is_empty() {
        return None;
    }
    let depth = u8::from(indent > 0 || NESTED.contains(&g));
    Some((depth, body))
}

/// "Advisor: …", "Thesis: …": a labelled note under an entry (a capital, 1–25 letters or
/// spaces, a colon, a space). Code, not a pattern: a counted Unicode class compiles large.
fn note_label(t: &str) -> bool {
    let Some((label, rest)) = t.split_once(':') else {
        return false;
    };
    let mut cs = label.chars();
    cs.next().is_some_and(char::is_uppercase)
        && (1..=25).contains(&cs.clone().count())
        && cs.all(|c| c.is_alphabetic() || c == ' ')
        && rest.starts_with(char::is_whitespace)
}

/// A line that only underlines the line above ("-------", "=======").
fn underline(t: &str) -> bool {
    t.len() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '=' | '_' | '~' | '─' | '━' | '═'))
}

/// Column (in characters) where the body of a bulleted or labelled line starts, for hanging
/// indents: a wrapped entry's next lines start at that column.
fn body_column(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let indent = line.chars().count() - t.chars().count();
    let marker = if let Some(m) = LABEL.find(t) {
        m.end()
    } else {
        marker(t)?.1
    };
    Some(indent + t.get(..marker)?.chars().count())
}

/// Column (in characters) where the text of a date-column line starts ("  2021–2023   NSF,
/// …", "Mar 2024   Title"): the date, a gap of two or more spaces, the text.
fn date_body_column(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let indent = line.chars().count() - t.chars().count();
    let gap = t.find("  ")?;
    let date = &t[..gap];
    crate::lex::date::parse_range(date)?;
    let text = t[gap..].trim_start();
    (!text.is_empty()).then(|| indent + t.chars().count() - text.chars().count())
}

/// A line of a margin-heading layout (LaTeX `res.cls`, `currvita`, many Word templates):
/// a short capitalised label at column 0 ("Education", "Research"), three or more spaces,
/// then the body. -> (label, body column in characters, body).
fn margin_label(line: &str) -> Option<(&str, usize, &str)> {
    if line.starts_with(char::is_whitespace) {
        return None;
    }
    let gap = line.find("   ").filter(|&g| g < 48)?;
    let label = &line[..gap];
    let words = label.split(' ').count();
    if words > 3
        || !label.starts_with(char::is_uppercase)
        || !label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '&' | '-'))
    {
        return None;
    }
    let body = line[gap..].trim_start_matches(' ');
    if body.is_empty() {
        return None;
    }
    let col = line[..line.len() - body.len()].chars().count();
    Some((label, col, body))
}

/// Leading spaces of a line, in characters.
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Unfold a margin-heading layout: each label becomes a heading line of its own (labels on
/// consecutive lines that together name a section, "Research" / "Interests", become one)
/// and the body column is moved to the margin. `None` when the document is not laid out
/// that way: at least three labels share the body column, two of them name sections, and
/// at least three other lines start at that column.
fn unfold_margin(src: &str) -> Option<String> {
    // cheap gate: a margin layout has lines indented by 8 or more spaces
    if !src.contains("\n        ") {
        return None;
    }
    let mut cols: Vec<usize> = Vec::new();
    let mut known = 0;
    for line in src.lines() {
        if let Some((label, col, _)) = margin_label(line) {
            cols.push(col);
            known += usize::from(classify_heading(label).is_some());
        }
    }
    if cols.len() < 3 || known < 2 {
        return None;
    }
    cols.sort_unstable();
    let (mut best, mut best_n, mut run) = (0, 0, 0);
    for (i, &c) in cols.iter().enumerate() {
        run = if i > 0 && cols[i - 1] == c {
            run + 1
        } else {
            1
        };
        if run > best_n {
            (best, best_n) = (c, run);
        }
    }
    let body_lines = src
        .lines()
        .filter(|l| indent_of(l) == best && !l.trim().is_empty())
        .count();
    if best_n < 3 || !(8..=32).contains(&best) || body_lines < 3 {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    let mut started = false;
    // index in `out` of the heading made from the label on the line before, if any
    let mut last_label: Option<usize> = None;
    for line in src.lines() {
        let label = margin_label(line).filter(|&(_, c, _)| c == best);
        if let Some((label, _, body)) = label {
            started = true;
            let merged = last_label.and_then(|i| {
                let m = format!("{} {}", out[i], label);
                crate::tables::SECTIONS
                    .contains_key(crate::sections::normalize_heading(&m).as_str())
                    .then_some((i, m))
            });
            if let Some((i, m)) = merged {
                out[i] = m;
                last_label = None;
            } else {
                last_label = Some(out.len());
                out.push(label.to_string());
            }
            out.push(body.to_string());
            continue;
        }
        last_label = None;
        if started && indent_of(line) >= best {
            out.push(line[best..].to_string());
        } else {
            out.push(line.to_string());
        }
    }
    let mut s = out.join("\n");
    s.push('\n');
    Some(s)
}

pub fn parse(src: &str) -> Document {
    if super::linkedin::is_export(src) {
        return Document {
            found: super::linkedin::parse(src),
            ..Document::default()
        };
    }
    let menu_free = lines::strip_navigation(src);
    let src = menu_free.as_deref().unwrap_or(src);
    let unfolded_columns = super::columns::unfold(src);
    let src = unfolded_columns.as_deref().unwrap_or(src);
    let whole = lines::dehyphenate(src);
    let src = whole.as_deref().unwrap_or(src);
    let unfolded = unfold_margin(src);
    let src = unfolded.as_deref().unwrap_or(src);
    let unglued = split_glued_bullets(src);
    let src = unglued.as_deref().unwrap_or(src);
    let undated = lines::unglue_dates(src);
    let src = undated.as_deref().unwrap_or(src);
    let unglued_refs = lines::unglue_references(src);
    let src = unglued_refs.as_deref().unwrap_or(src);
    let unglued_headings = lines::unglue_headings(src);
    let src = unglued_headings.as_deref().unwrap_or(src);
    let respaced = lines::respace_glued_punctuation(src);
    let src = respaced.as_deref().unwrap_or(src);
    let mut blocks: Vec<Block> = Vec::new();
    let mut offset = 0;
    // body column of the last bulleted or labelled line, while its entry may go on
    let mut hang: Option<usize> = None;
    // body column of the last date-column line ("   2021–2023   Text")
    let mut date_hang: Option<usize> = None;
    let mut prev_blank = true;
    // the state before the blank lines of a possible page break, and whether one is open
    let mut after_break: (bool, Option<usize>) = (true, None);
    let mut in_break = false;
    // indentation and length in characters of the last source line kept
    let mut last_line = (0usize, 0usize);
    // the page's right margin: a line reaching it was wrapped there
    let width = src
        .lines()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n <= 200)
        .max()
        .unwrap_or(0);
    // under a publications heading, where unlabelled references may wrap
    let mut in_refs = false;
    // right under a talks heading: whether its entries are printed as references
    let mut talks_probe = false;
    // past the header: its contact lines are facts of their own, never wrapped entries
    let mut in_body = false;
    // whether the last block grew since its plain text was made: a paragraph of many
    // wrapped lines is made plain once, not once per line
    let mut stale = false;
    for line in src.split_inclusive('\n') {
        let span = offset..offset + line.trim_end().len();
        offset += line.len();
        let trimmed = line.trim();
        // a page break (blank lines around a running footer) is no paragraph break: an
        // entry cut by it goes on after it
        if lines::page_furniture(trimmed) || blocks.len() > 3 && lines::running_header(trimmed) {
            if prev_blank {
                (prev_blank, hang) = after_break;
            }
            in_break = true;
            continue;
        }
        if trimmed.is_empty() || lines::table_header(trimmed) || lines::web_chrome(trimmed) {
            if !in_break {
                if !prev_blank {
                    after_break = (prev_blank, hang);
                }
                prev_blank = true;
                hang = None;
            }
            continue;
        }
        in_break = false;
        let this_line = (
            line.chars().count() - line.trim_start().chars().count(),
            trimmed.chars().count(),
        );
        let last_line = std::mem::replace(&mut last_line, this_line);
        let line = line.trim_start_matches('\u{c}');
        let indent = line.chars().count() - line.trim_start().chars().count();
        if underline(trimmed) {
            settle(&mut blocks, &mut stale);
            // "Education\n---------": the line above is a heading whatever its words
            if let Some(b) = blocks.last_mut().filter(|b| {
                !prev_blank
                    && matches!(b.kind, BlockKind::Para | BlockKind::Heading(_))
                    && b.text.chars().count() < 60
            }) {
                b.kind = BlockKind::Heading(2);
            } else {
                blocks.push(Block::new(BlockKind::Rule, "", span));
            }
            prev_blank = false;
            hang = None;
            continue;
        }
        // a hanging indent: the wrapped rest of the entry above
        if let (Some(col), Some(prev)) = (hang, blocks.last_mut()) {
            // (a heading in the body column after a page break opens its section)
            if !prev_blank
                && indent > 0
                && indent.abs_diff(col) <= 1
                && bullet(line).is_none()
                // ("Posters and Demos" among references stays with them, as before)
                && !(trimmed.len() < 40
                    && classify_heading(trimmed)
                        .is_some_and(|k| !(in_refs && k == SectionKind::Talks)))
            {
                grow(prev, trimmed, span.end, &mut stale);
                continue;
            }
        }
        // a date-column entry wrapped under its text column ("2023–2028   NSF, “Scaffolding
        // Program Writing" then "at Scale …,” $549,870, PI."), when the line above is cut
        // mid-phrase or the line below ends the entry
        if let (Some(col), Some(prev)) = (date_hang, blocks.last_mut()) {
            let p = prev.raw.trim_end();
            let at_margin = width >= 60 && last_line.0 + last_line.1 + 12 >= width;
            let cut = lines::unclosed(p)
                || open_end(p)
                || trimmed.starts_with(|c: char| c.is_lowercase() || c == '(')
                || trimmed.ends_with('.')
                || at_margin && !note_label(trimmed);
            if !prev_blank
                && indent.abs_diff(col) <= 1
                && !p.ends_with('.')
                && cut
                && bullet(line).is_none()
                && crate::lex::date::find_range(trimmed).is_none()
                && classify_heading(trimmed).is_none()
            {
                grow(prev, trimmed, span.end, &mut stale);
                continue;
            }
        }
        // a long line whose rest is indented under it ("“CNS Core: …,” NSF" then "     CNS-
        // 2107316, PI, $1,200,000, 10/2021–09/2025."): not a labelled note ("  Advisor: …")
        // or a dated line, which are entries or facts of their own
        if let Some(prev) = blocks.last_mut() {
            let (prev_indent, prev_len) = last_line;
            if !prev_blank
                && matches!(
                    prev.kind,
                    BlockKind::Para | BlockKind::Row | BlockKind::Item(_)
                )
                && indent >= prev_indent + 2
                && prev_len >= 60
                // a row's next line under its text column is a line of its own unless the
                // row stops mid-phrase ("…, University of" / "Maryland, College Park")
                && (prev.kind != BlockKind::Row || open_end(&prev.raw))
                && !prev.raw.trim_end().ends_with('.')
                && bullet(line).is_none()
                && !note_label(trimmed)
                && crate::lex::date::find_all(trimmed)
                    .first()
                    .is_none_or(|(_, span)| span.start > 0)
            {
                grow(prev, trimmed, span.end, &mut stale);
                continue;
            }
        }
        // a line wrapped at the page width whose rest starts at the margin ("• Built a
        // pipeline with" then "latency under 10ms.", "… supervision" then "of four
        // students"): the rest starts lower case, or the line above stopped on a word that
        // never ends a line
        if let Some(prev) = blocks.last_mut() {
            if !prev_blank
                && matches!(
                    prev.kind,
                    BlockKind::Item(_) | BlockKind::Para | BlockKind::Row
                )
                && bullet(line).is_none()
                && wrapped(&prev.raw, trimmed)
            {
                grow(prev, trimmed, span.end, &mut stale);
                continue;
            }
        }
        // a line cut at the page's right margin and carried on capitalised ("…, Harvard T.H.
        // Chan School of Public" then "Health, Boston, MA, USA"), as raw pdftotext wraps an
        // entry: the rest holds no date, bullet, label, heading or column of its own
        if let Some(prev) = blocks.last_mut() {
            let p = prev.raw.trim_end();
            let at_margin = width >= 60 && last_line.0 + last_line.1 + 12 >= width;
            // (references have their own rule: a long one often ends near the margin)
            if !prev_blank
                && in_body
                && !in_refs
                && at_margin
                && matches!(prev.kind, BlockKind::Item(_) | BlockKind::Para)
                && p.ends_with(char::is_alphabetic)
                // (the last line only: a paragraph grows line by line)
                && !last_bytes(p, 200).contains("   ")
                && trimmed.starts_with(char::is_uppercase)
                && bullet(line).is_none()
                && !note_label(trimmed)
                && !LABEL.is_match(trimmed)
                && !trimmed.contains(['\t', '|'])
                && !trimmed.contains("   ")
                && crate::lex::date::find_range(trimmed).is_none()
                && classify_heading(trimmed).is_none()
            {
                grow(prev, trimmed, span.end, &mut stale);
                continue;
            }
        }
        // a labelled reference ("[1] T. Roe, “A title that") wrapped back to the margin: the
        // lines up to the next label, bullet or blank line, while the entry is unfinished
        if let Some(prev) = blocks.last_mut() {
            if !prev_blank
                && indent == 0
                && prev.kind == BlockKind::Para
                // ("1. “Seeing buried interfaces…,” Materials Science Collo-" / "quium, MIT,
                // Cambridge, MA, Mar 2024."; a one-word line, "Completed", heads a group)
                && (prev.raw.starts_with('[')
                    || prev.raw.starts_with(|c: char| c.is_ascii_digit())
                        && trimmed.contains(' ')
                        && !ends_with_link(&prev.raw))
                && LABEL.is_match(&prev.raw)
                && !prev.raw.trim_end().ends_with('.')
                && bullet(line).is_none()
                && !LABEL.is_match(trimmed)
                && classify_heading(trimmed).is_none()
            {
                grow(prev, trimmed, span.end, &mut stale);
                continue;
            }
        }
        // a form's heading whose bracketed instructions wrap ("EDUCATION/TRAINING (Begin
        // with …" then "include postdoctoral training … as necessary.)") takes them along
        if let Some(prev) = blocks.last_mut() {
            if matches!(prev.kind, BlockKind::Heading(_))
                && prev.raw.len() < 600
                && lines::unclosed(&prev.raw)
            {
                grow(prev, trimmed, span.end, &mut stale);
                prev_blank = false;
                continue;
            }
        }
        // an unlabelled reference wrapped over lines under a publications heading
        // ("… S. Maeda. Quantized" / "attention for … In NeurIPS" / "2023.") goes on; so
        // does one led by a year in a margin column ("2019<TAB>Roe, J. Title" / "Journal
        // 2019, 4, 1–9."), up to the next year-led line
        if in_refs && !prev_blank && bullet(line).is_none() && classify_heading(trimmed).is_none() {
            let year_led = |t: &str| crate::lex::citation::strip_year_label(t).0.is_some();
            if let Some(prev) = blocks.last_mut().filter(|p| {
                matches!(p.kind, BlockKind::Para | BlockKind::Item(_))
                    && reference_goes_on(&p.raw, trimmed)
                    || year_led(&p.raw) && !year_led(trimmed) && !LABEL.is_match(trimmed)
            }) {
                grow(prev, trimmed, span.end, &mut stale);
                continue;
            }
        }
        hang = body_column(line);
        date_hang = date_body_column(line);
        prev_blank = false;
        // a bullet is never a heading ("- Developed Skills")
        let block = if let Some((depth, body)) = bullet(line) {
            Block::new(BlockKind::Item(depth), body, span)
        } else if trimmed.len() < 60 && classify_heading(trimmed).is_some()
            || crate::sections::long_heading(trimmed).is_some()
        {
            Block::new(BlockKind::Heading(2), trimmed, span)
        } else if trimmed.contains('\t') || crate::lex::split_columns(trimmed).len() > 1 {
            Block::new(BlockKind::Row, trimmed, span)
        } else {
            Block::new(BlockKind::Para, trimmed, span)
        };
        if let BlockKind::Heading(_) = block.kind {
            in_body = true;
            let kind = classify_heading(&block.text);
            in_refs = matches!(
                kind,
                Some(SectionKind::Publications | SectionKind::Preprints)
            );
            talks_probe = kind == Some(SectionKind::Talks);
        } else if std::mem::take(&mut talks_probe) {
            // talks printed as references ("Roe, J. (2024, April 11). Title [Paper
            // presentation]. Meeting, City.") wrap as references do
            // (or "“Title.” Seminar, University" under a bullet: a quoted title opens it)
            in_refs = matches!(block.kind, BlockKind::Para | BlockKind::Item(_))
                && (AUTHOR_START.is_match(&block.text) || block.text.starts_with(['“', '"']));
        }
        settle(&mut blocks, &mut stale);
        blocks.push(block);
    }
    settle(&mut blocks, &mut stale);
    lift_orphan_items(&mut blocks);
    Document {
        blocks: lines::repair(blocks),
        ..Default::default()
    }
}

/// Does a reference line `prev` go on in `next`: a lower-case start, a line ending in a
/// comma or a word that never ends a reference ("In", "on", "and"), or a lone year?
/// "Roe, J., Doe, A. (2021)." / "J. Roe, …": an author list opening a new reference.
static AUTHOR_START: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"^\p{Lu}[\p{L}'’-]+,\s+\p{Lu}\.|^\p{Lu}\.\s").unwrap());

static YEAR: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r"(?:19|20)[0-9]{2}").unwrap());

fn reference_goes_on(prev: &str, next: &str) -> bool {
    let p = prev.trim_end();
    let last = p.rsplit(' ').next().unwrap_or(p).to_lowercase();
    let lone_year = {
        let t = next.trim().trim_matches(['(', ')', '.', ',']);
        t.len() == 4 && t.starts_with(['1', '2']) && t.bytes().all(|b| b.is_ascii_digit())
    };
    // "a. Okafor AN, …": a lettered sub-item starts a reference of its own
    let lettered =
        next.len() > 2 && next.as_bytes()[1] == b'.' || next.as_bytes().get(1) == Some(&b')');
    // what only the middle or end of a reference opens with: an italic venue, "In Proc…",
    // the identifiers, a parenthesised year ("(2021): 87–124.")
    static TAIL_START: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r"^(?:[*_]\p{Lu}|In\s+\p{Lu}|https?://|doi:|DOI|arXiv|pp?\.\s*[0-9]|[Vv]ol\.\s*[0-9]|\((?:19|20)[0-9]{2}\)[:.,])",
        )
        .unwrap()
    });
    // (a remark line "Reviewed in Speculum, Past & Present" is whole as it is)
    let unfinished = p.len() >= 40
        && p.ends_with(char::is_alphabetic)
        && !crate::lex::citation::remark_line(p)
        && !AUTHOR_START.is_match(next)
        && !LABEL.is_match(next);
    // "…2023. Oil, incomers and the fate of /ʍ/ in Shetland." then "English Language and
    // Linguistics 27(4). 701–727." (or Chicago's "Renaissance Quarterly 77, no. 4 (2024):
    // 1201–38."): the journal, volume and pages of a reference whose year came first or
    // whose title holds the only year, and which has no numbers after it yet
    static VENUE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"^\p{Lu}[\p{L} &'’-]*\p{L}\s+[0-9]{1,4}(?:,\s*no\.\s*[0-9]{1,4})?\s*(?:\([0-9A-Za-z–-]{1,9}\))?\s*[.:,]\s*[eE]?[0-9]").unwrap()
    });
    // "Strain-Controlled Lithium Transport in LiCoO2 Films." then "Nano Lett. 2015, 15,
    // 6723–6730." (ACS) or "Acta Mater. 61, 2251–2260 (2013)." (Nature): the journal, year
    // and volume of a reference that has no year yet
    static JOURNAL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"^\p{Lu}[\p{L}.&' -]*?\s(?:(?:19|20)[0-9]{2},\s?[0-9]|[0-9]{1,4},\s[A-Za-z]?[0-9][^()]*\((?:19|20)[0-9]{2}\))").unwrap()
    });
    let journal_tail =
        || !YEAR.is_match(p) && JOURNAL_TAIL.is_match(next) && !AUTHOR_START.is_match(next);
    // "… organizational change. In R." then "D. Mercer & L. Ahn (Eds.), …", "…, edited by
    // Thomas K." then "Hargreaves, 212–37.": editors' names cut after an initial
    let editors_cut = || {
        let mut words = p.rsplit(' ');
        let initial = words
            .next()
            .is_some_and(|w| w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase));
        let before: Vec<&str> = words.take(2).collect();
        initial
            && (before.first() == Some(&"In")
                || before.iter().any(|w| matches!(*w, "by" | "and" | "&"))
                    && !AUTHOR_START.is_match(next))
    };
    // "Roe, Jane. “Passports and Plague.”" then "Renaissance Quarterly 77, no. 4 (2024): …":
    // a reference never ends on its quoted title
    // (the opening quote is looked for near the end: a paragraph grows line by line)
    let quoted_title = || {
        let t = last_bytes(p, 400);
        p.ends_with(['”', '"'])
            && (t.contains('“') || t.matches('"').count() >= 2)
            && !AUTHOR_START.is_match(next)
            && !LABEL.is_match(next)
    };
    let title_only = || {
        YEAR.find(p)
            .is_some_and(|m| !p[m.end()..].contains(|c: char| c.is_ascii_digit()))
    };
    next.starts_with(char::is_lowercase) && !lettered
        || TAIL_START.is_match(next)
        || VENUE_TAIL.is_match(next) && title_only()
        || journal_tail()
        || editors_cut()
        || quoted_title()
        || unfinished
        || !p.ends_with('.')
            && (p.ends_with([',', ':', '-', '–', '&'])
                || matches!(
                    last.as_str(),
                    "in" | "on" | "of" | "and" | "for" | "the" | "to" | "with" | "at" | "by"
                )
                || lone_year)
}

/// The last `n` bytes of `s` or a little fewer, on a character boundary.
fn last_bytes(s: &str, n: usize) -> &str {
    let mut from = s.len().saturating_sub(n);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    &s[from..]
}

/// A line and its wrapped rest as one: with a space, except inside a web address or DOI cut
/// at the line end ("https://doi.org/10.1007/s10664-022-" / "10131-x") or a compound cut at
/// its hyphen ("Osei-" / "Mensah"; broken lower-case words were made whole before).
fn join_wrapped(prev: &mut String, next: &str) {
    prev.truncate(prev.trim_end().len());
    let last = prev.rsplit(' ').next().unwrap_or(prev);
    // ("…/daubigny/" then "orcid.org/0000-…": a second address, not the rest of the first)
    let own_address =
        next.split(['/', ' ']).next().is_some_and(|host| {
            host.contains('.') && !host.starts_with("10.") && next.contains('/')
        }) && last.matches('/').count() >= 3;
    let in_link = (last.contains("://") || last.contains("doi.org/") || last.starts_with("10."))
        && last.ends_with(['-', '/', '.', '_'])
        && !next.starts_with(char::is_whitespace)
        && !own_address;
    let compound = last
        .strip_suffix('-')
        .is_some_and(|w| w.ends_with(char::is_alphabetic));
    if !in_link && !compound {
        prev.push(' ');
    }
    prev.push_str(next);
}

/// The last block takes a wrapped line; its plain text is remade once it stops growing.
fn grow(prev: &mut Block, line: &str, end: usize, stale: &mut bool) {
    join_wrapped(&mut prev.raw, line);
    prev.span.end = end;
    *stale = true;
}

/// Remake the last block's plain text and links once it has stopped growing.
fn settle(blocks: &mut [Block], stale: &mut bool) {
    if std::mem::take(stale) {
        if let Some(b) = blocks.last_mut() {
            *b = Block::new(b.kind, &b.raw, b.span.clone());
        }
    }
}

/// Does a line stop mid-phrase: on a comma or a word that never ends a line?
fn open_end(prev: &str) -> bool {
    let p = prev.trim_end();
    let last = p.rsplit([' ', '\t']).next().unwrap_or(p);
    p.ends_with([',', '&', '-', '–', '·']) || OPEN_WORDS.contains(&last)
}

const OPEN_WORDS: &[&str] = &[
    "in", "on", "of", "and", "for", "the", "to", "with", "at", "by", "from", "a", "an", "or",
    // name particles ("Rio de" / "Janeiro", "Universität für" / "Bodenkultur")
    "de", "di", "da", "del", "della", "des", "du", "van", "von", "der", "für", "und", "et",
];

/// Does body line `next` carry on line `prev`, wrapped at the page width? It must start
/// with a lower-case word (not a label such as "email:" or a web address) or follow a word
/// that never ends a line ("… host–guest thermodynamics by" / "ITC and VT-NMR"); a line
/// holding a date range opens an entry of its own.
/// The line closes on a link or DOI: an entry ends there.
fn ends_with_link(t: &str) -> bool {
    t.rsplit(' ')
        .next()
        .is_some_and(|w| w.starts_with("http") || w.starts_with("doi:") || w.starts_with("10."))
}

fn wrapped(prev: &str, next: &str) -> bool {
    let p = prev.trim_end();
    // "…, Northwestern University," then "2013–2015": the entry's dates wrapped alone
    if p.ends_with(',') && crate::lex::date::parse_range(next.trim_end_matches('.')).is_some() {
        return true;
    }
    // "… (graduate, Fall" then "2020).": a parenthesis left open closes on the next line
    // (looked for near the end: a paragraph grows line by line)
    let tail = last_bytes(p, 200);
    let closes = || {
        next.find(')')
            .is_some_and(|i| next.find('(').is_none_or(|j| j > i))
    };
    if tail.matches('(').count() > tail.matches(')').count() && closes() && bullet(next).is_none() {
        return true;
    }
    // "English World-" then "Wide; …": a compound cut at its hyphen
    if p.strip_suffix('-')
        .is_some_and(|w| w.ends_with(char::is_alphabetic))
        && next.starts_with(char::is_alphabetic)
    {
        return true;
    }
    // ", Massachusetts Institute of Technology, …": a line never opens on a comma
    if next.starts_with([',', ';']) {
        return true;
    }
    // "Ad hoc reviewer: A; B; Personnel" then "Psychology": a labelled list cut mid-name
    // goes on with a short tail that opens no entry of its own
    // (a short line only: a paragraph grows line by line, and is not re-scanned whole)
    let listed = p.len() <= 400
        && p.split_once(": ")
            .is_some_and(|(label, list)| label.len() < 40 && list.contains("; "));
    if listed && p.ends_with(char::is_alphabetic) && bullet(next).is_none() {
        let head = next.split('(').next().unwrap_or(next);
        if !head.contains([',', ':', ';']) && head.split_whitespace().count() <= 4 {
            return true;
        }
    }
    // ("…; Journal of the American Statistical Association;" then "Statistics in Medicine;
    // …": the list cut after a separator goes on with more of it)
    if listed && p.ends_with(';') && next.contains("; ") && !next.contains(": ") {
        return true;
    }
    let first = next.split_whitespace().next().unwrap_or("");
    let lower_word = first.starts_with(char::is_lowercase)
        && !first.contains(['@', ':', '/'])
        && !first.trim_end_matches([',', '.']).contains('.');
    // (a date closing a lower-case rest is the entry's own: "… Seminar, University" / "of
    // Oxford, 14 March 2024."; "since 2023 Postdoc …" opens an entry)
    let own_date = |span: std::ops::Range<usize>| lower_word && next[..span.start].contains(", ");
    if p.ends_with(['.', '!', '?', ':', ';'])
        || crate::lex::date::find_range(next).is_some_and(|(_, span)| !own_date(span))
    {
        return false;
    }
    let last = p.rsplit([' ', '\t']).next().unwrap_or(p);
    // an entry stopped on a comma goes on ("…, Research Methods in HCI,", "…, Fall Meeting,"
    // then "Lausanne, Switzerland")
    let open = OPEN_WORDS.contains(&last) || p.ends_with([',', '·']);
    lower_word || open && !next.contains('\t')
}

/// Items right under a heading have no entry to nest in: a "◦" list printed alone in an
/// Awards section is the section's top level, whatever its glyph or indentation.
fn lift_orphan_items(blocks: &mut [Block]) {
    let mut shift: Option<u8> = None;
    let mut after_heading = false;
    for b in blocks.iter_mut() {
        match b.kind {
            BlockKind::Heading(_) => {
                after_heading = true;
                shift = None;
            }
            BlockKind::Item(d) => {
                if after_heading {
                    shift = Some(d);
                    after_heading = false;
                }
                if let Some(s) = shift {
                    b.kind = BlockKind::Item(d.saturating_sub(s));
                }
            }
            _ => {
                after_heading = false;
                shift = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_references_go_on() {
        assert!(reference_goes_on(
            "Roe, J. (2022). Voice during change. In R.",
            "D. Mercer & L. Ahn (Eds.), The Oxford handbook (pp. 233–251)."
        ));
        assert!(reference_goes_on(
            "Roe, J. (2024). Speaking up. Academy of Management Journal, 67(2), 411–",
            "438. https://doi.org/10.5465/amj.2021.1184"
        ));
        assert!(reference_goes_on(
            "S. Maeda. Quantized",
            "attention for long-context models."
        ));
        assert!(reference_goes_on("models. In NeurIPS", "2023."));
        assert!(reference_goes_on(
            "In ICLR 2020 Workshop on",
            "Practical ML."
        ));
        assert!(!reference_goes_on(
            "Title. Venue, 2021.",
            "K. Ito and H. Sato. Next."
        ));
        assert!(!reference_goes_on(
            "1. Tuberculosis in clinics.",
            "a. Okafor AN. A title."
        ));
        assert!(reference_goes_on(
            "[J4] Roe, T. R.; Brandt, M. K. Strain-Controlled Transport in LiCoO2 Films.",
            "Nano Lett. 2015, 15, 6723–6730."
        ));
        assert!(reference_goes_on(
            "[J1] Roe, T. R. et al. Oxygen vacancy ordering in ceria films.",
            "Acta Mater. 61, 2251–2260 (2013)."
        ));
        // a venue line under a title with its year first
        assert!(reference_goes_on(
            "Roe, Sarah. 2023. Oil, incomers and the fate of /ʍ/ in Shetland.",
            "English Language and Linguistics 27(4). 701–727."
        ));
        assert!(reference_goes_on(
            "Roe, F. 2017. “Size Adjectives in Dialect Writing.”",
            "Scottish Language 36: 55–78."
        ));
        assert!(!reference_goes_on(
            "Roe, F. 2017. “Size.” Scottish Language 36: 55–78.",
            "Scottish Language 37: 1–8."
        ));
        // Chicago: a quoted title, "no." issues, a year in brackets, editors after "by"
        assert!(reference_goes_on(
            "Roe, Jane. “Passports and Plague, 1630–1631.”",
            "Renaissance Quarterly 77, no. 4 (2024): 1201–38."
        ));
        assert!(reference_goes_on(
            "———. “Translating Credit.” Past & Present 251, no. 1",
            "(2021): 87–124."
        ));
        assert!(reference_goes_on(
            "Roe, Jane. “Foreigners.” In A Companion to Venice, edited by Thomas K.",
            "Hargreaves, 212–37. Leiden: Brill, 2021."
        ));
        assert!(!reference_goes_on(
            "Roe, Jane, and Ann Doe. “A Title.”",
            "Doe, A. “Another.” Journal 3 (2020): 1–9."
        ));
    }

    /// The texts of the blocks of one kind.
    fn texts(d: &Document, kind: impl Fn(BlockKind) -> bool) -> Vec<&str> {
        d.blocks
            .iter()
            .filter(|b| kind(b.kind))
            .map(|b| b.text.as_str())
            .collect()
    }

    #[test]
    fn a_line_cut_at_the_right_margin_goes_on() {
        let d = parse("Jane Roe\nroe@example.org\nEXPERIENCE\nPostdoctoral Research Fellow, Department of Biostatistics, Harvard T.H. Chan School of Public\nHealth, Boston, MA, USA\nSep 2013 – Feb 2015\nResearch Statistician, Korea Centers for Disease Control, Cheongju, Korea\nMar 2008 – Jul 2009\n");
        let paras = texts(&d, |k| k == BlockKind::Para);
        assert_eq!(paras[2], "Postdoctoral Research Fellow, Department of Biostatistics, Harvard T.H. Chan School of Public Health, Boston, MA, USA");
        assert_eq!(paras[3], "Sep 2013 – Feb 2015");
        assert_eq!(
            paras[4],
            "Research Statistician, Korea Centers for Disease Control, Cheongju, Korea"
        );
    }

    #[test]
    fn bulleted_references_wrap_to_the_margin() {
        let d = parse("Publications\n• Roe, Jane. “Passports and Plague.”\nRenaissance Quarterly 77, no. 4 (2024): 1201–38.\n• ———. Il tribunale. Rome: Viella, 2019.\nINVITED TALKS\n• “Paper Passports.” Early Modern History Seminar, University\nof Oxford, 14 March 2024.\n");
        let items = texts(&d, |k| matches!(k, BlockKind::Item(_)));
        assert_eq!(
            items,
            [
                "Roe, Jane. “Passports and Plague.” Renaissance Quarterly 77, no. 4 (2024): 1201–38.",
                "———. Il tribunale. Rome: Viella, 2019.",
                "“Paper Passports.” Early Modern History Seminar, University of Oxford, 14 March 2024."
            ]
        );
    }

    #[test]
    fn wrapped_body_lines_and_year_led_references() {
        assert!(wrapped("host–guest thermodynamics by", "ITC and VT-NMR"));
        assert!(wrapped("(120 students); supervision", "of four students"));
        assert!(wrapped(
            "Argonne National Laboratory",
            ", Lemont, IL, Feb 2020."
        ));
        assert!(!wrapped("Lensfield Road", "Cambridge CB2 1EW"));
        assert!(!wrapped("Department of Chemistry", "email: a@b.org"));
        assert!(!wrapped("Built a pipeline.", "then more"));
        assert!(!wrapped("Research Intern at", "2019–2020 Engineer"));
        assert!(wrapped("Math 603 Algebra (graduate, Fall", "2020)."));
        assert!(wrapped(
            "Ad hoc reviewer: Biometrics; Biostatistics; Journal of the ASA;",
            "Statistics in Medicine; American Journal of Epidemiology"
        ));
        assert!(wrapped(
            "LING 420 Language Contact (2018–",
            "2023); MLCS 599"
        ));
        assert!(!wrapped("Lecturer (2018–", "(2019) Reader"));
        assert!(wrapped(
            "Reviewer: Journal of Management; Per",
            "Psychology"
        ));
        assert!(wrapped(
            "Conference reviewer: AOM (2016 – present); SIOP Annual",
            "Conference (2018 – present)"
        ));
        assert!(!wrapped(
            "Reviewer: Nature; Science",
            "Editorial Board Member, Journal X (2020)"
        ));
        assert!(wrapped(
            "Peer reviewer for English World-",
            "Wide; Scottish Language"
        ));
        assert!(wrapped(
            "Talk, Swiss Chemical Society Fall Meeting,",
            "Lausanne, Switzerland"
        ));
        let src = "Publications\n2024    Roe, J.; Doe, A. A Title That\nWraps. J. Chem. 2024, 1, 2–3.\n2023    Roe, J. Another. Org. Lett. 2023, 4, 5.\n";
        let d = parse(src);
        let raws: Vec<&str> = d.blocks.iter().map(|b| b.raw.as_str()).collect();
        assert_eq!(raws.len(), 3, "{raws:?}");
        assert!(raws[1].ends_with("Wraps. J. Chem. 2024, 1, 2–3."));
    }

    #[test]
    fn bullet_depths() {
        assert_eq!(bullet("- Top"), Some((0, "Top")));
        assert_eq!(bullet(" - Nested"), Some((1, "Nested")));
        assert_eq!(bullet("o Glyph nested"), Some((1, "Glyph nested")));
        assert_eq!(bullet("• Top"), Some((0, "Top")));
        assert_eq!(bullet("org chart"), None);
        assert_eq!(bullet("\u{f0b7}\tWord bullet"), Some((0, "Word bullet")));
        assert_eq!(bullet("o\tTabbed"), Some((1, "Tabbed")));
        assert_eq!(bullet("-\t"), None);
    }

    #[test]
    fn underlines_hanging_indents_and_page_footers() {
        let d = parse("Publications (peer-reviewed)\n----------------------------\n[1] K. Roe and J. Doe. A title that wraps over\n    two lines. Energy, 2022.\n\nJane Roe — CV        Page 1 of 2\n\u{c}- Item one\n  continues here\n");
        let got: Vec<(BlockKind, &str)> =
            d.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (BlockKind::Heading(2), "Publications (peer-reviewed)"),
                (
                    BlockKind::Para,
                    "[1] K. Roe and J. Doe. A title that wraps over two lines. Energy, 2022."
                ),
                (BlockKind::Item(0), "Item one continues here"),
            ]
        );
        let d = parse("[1] T. Roe and A. Doe, “A title that\nwraps to the margin,” Energy,\nvol. 2, 2023.\n[2] B. Poe, “Another,” 2020.\nNext line.\n");
        assert_eq!(d.blocks.len(), 3);
        assert_eq!(
            d.blocks[0].text,
            "[1] T. Roe and A. Doe, “A title that wraps to the margin,” Energy, vol. 2, 2023."
        );
        assert_eq!(body_column("  • Text"), Some(4));
        assert_eq!(body_column("[J1] T. Roe"), Some(5));
        assert_eq!(body_column("Plain"), None);
        let d = parse("EXPERIENCE\n• Built a pipeline with sub-10ms\nlatency using Flink.\nGoogle, Intern   2019\n");
        assert_eq!(
            d.blocks[1].text,
            "Built a pipeline with sub-10ms latency using Flink."
        );
        assert_eq!(d.blocks[2].kind, BlockKind::Row);
        let d = parse("AWARDS\n  ◦ Prize A   2023\n  ◦ Prize B   2018\n");
        assert!(d.blocks[1..].iter().all(|b| b.kind == BlockKind::Item(0)));
    }

    #[test]
    fn margin_headings_unfold() {
        let src = "Jane Roe\n\nResearch      Energy-efficient hardware;\nInterests     approximate computing.\n\nEducation     ETH Zürich\n              Ph.D., 2016 – 2021\n              Advisor: A. Poe\n\nSkills        Python, C++\n              Rust\n";
        let u = unfold_margin(src).unwrap();
        assert_eq!(
            u,
            "Jane Roe\n\nResearch Interests\nEnergy-efficient hardware;\napproximate computing.\n\nEducation\nETH Zürich\nPh.D., 2016 – 2021\nAdvisor: A. Poe\n\nSkills\nPython, C++\nRust\n"
        );
        // a two-column table of words is not a margin layout
        assert_eq!(
            unfold_margin("Python        Expert\nRust          Good\nGo            Basic\n"),
            None
        );
    }

    #[test]
    fn headings_rows_and_split_dates() {
        let d = parse("EDUCATION\nUniv X\tSan Diego, CA\n- Nov 2025 – **Engineer @Co**\nPresent o Did things.\n");
        let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(2),
                BlockKind::Row,
                BlockKind::Item(0),
                BlockKind::Item(1)
            ]
        );
        assert_eq!(d.blocks[2].text, "Nov 2025 – Present Engineer @Co");
    }
}
