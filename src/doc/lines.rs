//! Line repairs shared by the text and Markdown front ends: PDF extraction breaks a date
//! range over two lines (`- Sept 2024 – **Title**` then `May 2026`) and glues the next
//! bullet onto the date (`Present o Optimizing ...`).
//!
//! Input: blocks in source order. Output: the same blocks with each split range made whole
//! again and what followed the stray end date turned into its own block.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Block, BlockKind};
use crate::lex::date;

/// A page number, with or without text around it ("Page 2 of 4", "Jane Roe — CV   3/7",
/// "- 2 -"): a running header or footer left between pages by PDF extraction.
static PAGE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?:^|\s)(?:page|seite|p\.)\s*[0-9]{1,3}(?:\s*(?:of|/|von|sur|de)\s*[0-9]{1,3})?\s*$|^[-–—\s]*[0-9]{1,2}\s*(?:/\s*[0-9]{1,2})?[-–—\s]*$|(?:curriculum\s+vitae|(?-u:\b)cv|résumé|resume|lebenslauf)\s*[-–—|·,]?\s*[0-9]{1,2}(?:\s*(?:/|of)\s*[0-9]{1,2})?$").unwrap()
});

/// Does `t` leave a parenthesis or quotation open ("… (Humana,", "NSF, “Scaffolding
/// Program")? Then the next line carries it on.
pub fn unclosed(t: &str) -> bool {
    t.matches(['(', '“']).count() > t.matches([')', '”']).count() || t.matches('"').count() % 2 == 1
}

/// A running header without a page number ("S. Ní Bhriain — Curriculum Vitae"): page
/// furniture only away from the top of the document, where it is the title.
pub fn running_header(line: &str) -> bool {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)^[^|–—]+\s[-–—|·]\s*(?:curriculum\s+vitae|cv|résumé|resume)$")
            .unwrap()
    });
    let t = line.trim();
    t.len() <= 90 && HEADER.is_match(t)
}

/// Is this source line page furniture (a running header or footer with a page number)?
pub fn page_furniture(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 120 && PAGE_MARK.is_match(t)
}

/// A web page's chrome in a text copy: a screen-reader skip link, a "Back to top" link, a
/// copyright footer ("© 2024 NEXUS Lab, Purdue University. All rights reserved.").
pub fn web_chrome(line: &str) -> bool {
    let t = line.trim();
    // (asked of every line of a text CV: no allocation)
    let starts = |p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let ends = |p: &str| {
        t.len() >= p.len()
            && t.get(t.len() - p.len()..)
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    t.len() <= 160
        && (starts("skip to ")
            || starts("back to top")
            || t.starts_with('©')
            || starts("copyright ©")
            || starts("copyright (c)")
            || starts("open menu")
            || t.eq_ignore_ascii_case("close menu")
            || starts("powered by ")
            || ends("all rights reserved."))
}

/// A site menu copied as one word or two per line ("Menu", "Home", "Research", "People",
/// "Publications", …): a run of at least four short lines that holds "Home" and two
/// section names is navigation, and is dropped (its "Publications" heads no section).
pub fn strip_navigation(src: &str) -> Option<String> {
    let lines: Vec<&str> = src.lines().collect();
    let short = |l: &str| {
        let t = l.trim();
        !t.is_empty()
            && t.split_whitespace().count() <= 3
            && t.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '&')
    };
    let mut cut: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let end = (i..lines.len())
            .find(|&j| !short(lines[j]))
            .unwrap_or(lines.len());
        let run = &lines[i..end];
        // (headings are looked up only in a run that could be a menu)
        let menu = run.len() >= 4
            && run.iter().any(|l| l.trim().eq_ignore_ascii_case("home"))
            && run
                .iter()
                .filter(|l| crate::sections::classify_heading(l.trim()).is_some())
                .nth(1)
                .is_some();
        if menu {
            cut.push(i..end);
        }
        i = end.max(i + 1);
    }
    if cut.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(src.len());
    for (k, l) in lines.iter().enumerate() {
        if !cut.iter().any(|r| r.contains(&k)) {
            out.push_str(l);
        }
        out.push('\n');
    }
    Some(out)
}

/// A date glued to the word before it by PDF extraction ("Google Zurich, SwitzerlandJan
/// 2024 – Present", "UKJun 2019", "Computer Science2016 – 2020") set apart: an English month
/// with its year after a letter, a year opening a range after a lower-case letter, or a
/// year ending a line after a lower-case word or a state code ("Portland, OR2008").
pub fn unglue_dates(src: &str) -> Option<String> {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(\p{L})((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+(?:19|20)[0-9]{2})|(\p{Ll})((?:19|20)[0-9]{2}\s*[–—-]\s*(?:(?:19|20)[0-9]{2}|(?i:present|now|current|today)))|(?m)(\p{Ll}\p{Ll}|, [A-Z]{2})((?:19|20)[0-9]{2})[ \t]*$")
            .unwrap()
    });
    GLUED
        .is_match(src)
        .then(|| GLUED.replace_all(src, "$1$3$5 $2$4$6").into_owned())
}

/// The space after a comma or before "&" lost in a PDF viewer's copy ("Seminar,University",
/// "Press,2023", "Past &Present") put back; a comma between digits ("1,000") or inside a
/// word-less token is left alone.
pub fn respace_glued_punctuation(src: &str) -> Option<String> {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(\p{Ll}),(\p{Lu}\p{Ll}|(?:19|20)[0-9]{2}(?-u:\b))|( &)(\p{Lu})")
            .unwrap()
    });
    GLUED.is_match(src).then(|| {
        GLUED
            .replace_all(src, |c: &regex::Captures| match c.get(1) {
                Some(letter) => format!("{}, {}", letter.as_str(), &c[2]),
                None => format!(" & {}", &c[4]),
            })
            .into_owned()
    })
}

/// A heading in capitals glued to the first line under it by a PDF viewer's copy
/// ("LANGUAGESItalian (native); …") set on a line of its own; only a known section name
/// is split off, so an acronym before a word ("NASAGoddard") stays whole.
pub fn unglue_headings(src: &str) -> Option<String> {
    static GLUED: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"(?m)^([A-Z][A-Z &]{2,}[A-Z])([A-Z][a-z])").unwrap());
    let mut found = false;
    let out = GLUED.replace_all(src, |c: &regex::Captures| {
        let heading = crate::sections::classify_heading(&c[1]).is_some();
        found |= heading;
        format!("{}{}{}", &c[1], if heading { "\n" } else { "" }, &c[2])
    });
    found.then(|| out.into_owned())
}

/// Two references glued by a PDF viewer's copy ("… 41(3). 325–353.Halcrow, Freya M.,
/// and …") set on lines of their own: the pages' closing period, then an inverted name.
pub fn unglue_references(src: &str) -> Option<String> {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?m)([0-9]\.)(\p{Lu}\p{Ll}+(?:[- ]\p{Lu}\p{Ll}+)?,(?: \p{Lu}|$))")
            .unwrap()
    });
    GLUED
        .is_match(src)
        .then(|| GLUED.replace_all(src, "$1\n$2").into_owned())
}

/// Words hyphenated across a line end by PDF extraction ("high-dimen-" then "sional PDEs")
/// made whole: the rest of the word moves up and the hyphen goes. Only a lower-case word
/// fragment before the hyphen and a lower-case start after it count, so names
/// ("Jean-" / "Pierre"), ranges ("2019 -") and addresses ("…/joris-van-") stay.
pub fn dehyphenate(src: &str) -> Option<String> {
    let broken = |line: &str| {
        let t = line.trim_end();
        let Some(stem) = t.strip_suffix('-') else {
            return false;
        };
        let last = stem.rsplit(char::is_whitespace).next().unwrap_or(stem);
        let mut tail = last.chars().rev();
        tail.next().is_some_and(char::is_lowercase)
            && tail.next().is_some_and(char::is_lowercase)
            && !last.contains(['/', '@', '.', '_'])
    };
    if !src.lines().any(broken) {
        return None;
    }
    let lines: Vec<&str> = src.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut carry = 0;
    for (i, line) in lines.iter().enumerate() {
        // what is left of a line whose first word moved up; nothing left, no line
        let line = line.get(carry..).unwrap_or("");
        let moved = carry > 0;
        carry = 0;
        let line = if moved { line.trim_start() } else { line };
        if moved && line.is_empty() {
            continue;
        }
        let next = lines.get(i + 1).copied().unwrap_or("");
        let word_len = next
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(next.len());
        if broken(line) && next.starts_with(char::is_lowercase) && word_len > 0 {
            carry = word_len;
            out.push(format!(
                "{}{}",
                line.trim_end().trim_end_matches('-'),
                &next[..word_len]
            ));
        } else {
            out.push(line.to_string());
        }
    }
    Some(out.join("\n"))
}

/// Is this a table's header row ("INSTITUTION AND LOCATION<TAB>DEGREE", "MM/YYYY<TAB>FIELD OF
/// STUDY"): two or more cells, each a column heading from `table_headers.txt`?
pub fn table_header(line: &str) -> bool {
    let cells = crate::lex::split_columns(line.trim());
    cells.len() >= 2
        && cells.iter().all(|c| {
            let key: String = c
                .chars()
                .map(|ch| if ch.is_alphanumeric() { ch } else { ' ' })
                .flat_map(char::to_lowercase)
                .collect();
            let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
            !key.is_empty() && crate::tables::TABLE_HEADERS.contains(key.as_str())
        })
}

/// Bullet glyphs that can stay glued after a date; they mark a nested item.
const GLUED_BULLETS: &[&str] = &["o ", "• ", "◦ ", "○ ", "- ", "▪ ", "● ", "➢ ", "► "];

/// Byte position in `raw` right after an open range at its start ("Sept 2024 – " with no
/// end), where the end date from the next line belongs.
fn open_start(raw: &str, end_below: bool) -> Option<usize> {
    let t = raw.trim_start();
    // ("2021–           Assistant Professor": a column left open is a range to the present,
    // unless the line below starts with the end date, "  Jun 2019   Seattle, WA.")
    if date::range(t).is_ok_and(|(_, r)| r.end.is_some()) {
        let (r, _) = date::date(t).ok()?;
        let after_dash = r.trim_start().strip_prefix(['–', '-', '—'])?;
        return (end_below && after_dash.starts_with("  ")).then(|| raw.len() - after_dash.len());
    }
    let (r, _) = date::date(t).ok()?;
    let (r2, _) = date::range_sep(r).ok()?;
    if date::date(r2).is_ok() || date::present(r2).is_ok() {
        return None;
    }
    Some(raw.len() - r2.len())
}

/// Does `text` end in an open range ("Jun 2024 –")?
fn open_end(text: &str) -> bool {
    let t = text.trim_end();
    if !(t.ends_with('–') || t.ends_with('-') || t.ends_with('—')) {
        return false;
    }
    let body = t.trim_end_matches(['–', '-', '—', ' ']);
    date::find_all(body)
        .last()
        .is_some_and(|(_, span)| span.end == body.len())
}

/// Length of the date or open-end word at the start of `text`.
fn leading_end(text: &str) -> Option<usize> {
    if let Ok((r, _)) = date::present(text) {
        return Some(text.len() - r.len());
    }
    let (r, _) = date::date(text).ok()?;
    Some(text.len() - r.len())
}

/// What followed the moved end date: a glued bullet becomes a nested item, other text a
/// paragraph of the same entry.
fn remainder(rest: &str, span: std::ops::Range<usize>) -> Option<Block> {
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    match GLUED_BULLETS.iter().find_map(|b| rest.strip_prefix(*b)) {
        Some(body) => Some(Block::new(BlockKind::Item(1), body.trim(), span)),
        None => Some(Block::new(BlockKind::Para, rest, span)),
    }
}

/// Re-join split date ranges and unglue bullets (see the module doc).
pub fn repair(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut iter = blocks.into_iter().peekable();
    while let Some(mut b) = iter.next() {
        let joinable = !matches!(b.kind, BlockKind::Heading(_) | BlockKind::Rule);
        let next_end = iter
            .peek()
            .filter(|n| matches!(n.kind, BlockKind::Para | BlockKind::Row))
            .and_then(|n| leading_end(&n.text).map(|len| (len, n.text.clone())));
        let Some((len, ntext)) = next_end.filter(|_| joinable) else {
            out.push(b);
            continue;
        };
        let end = ntext.get(..len).unwrap_or("").trim().to_string();
        let rest = ntext.get(len..).unwrap_or("").to_string();
        // (a lone end date, not the start of the next range: "2011–2013   M.Sc.")
        let lone_end = ntext
            .get(len..)
            .is_some_and(|r| date::range_sep(r).is_err());
        let raw = if let Some(pos) = open_start(&b.raw, lone_end) {
            let pre = &b.raw[..pos];
            let gap = if pre.ends_with(['–', '-', '—']) {
                " "
            } else {
                ""
            };
            format!("{pre}{gap}{end} {}", &b.raw[pos..])
        } else if open_end(&b.text) {
            format!("{} {}", b.raw.trim_end(), end)
        } else {
            out.push(b);
            continue;
        };
        let n = iter.next();
        let span = n.as_ref().map_or(b.span.clone(), |n| n.span.clone());
        b = Block {
            span: b.span.clone(),
            ..Block::new(b.kind, &raw, b.span.clone())
        };
        out.push(b);
        if let Some(extra) = remainder(&rest, span) {
            out.push(extra);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copied_site_menu_is_dropped() {
        let src =
            "NEXUS Lab\n\nMenu\nHome\nResearch\nPeople\nPublications\nContact\n\nPublications\n";
        let out = strip_navigation(src).unwrap();
        assert_eq!(
            out.lines().filter(|l| !l.is_empty()).collect::<Vec<_>>(),
            ["NEXUS Lab", "Publications"]
        );
        // a CV's own short lines hold no "Home"
        assert!(strip_navigation("Education\nPhD\nSkills\nRust Go\n").is_none());
    }

    #[test]
    fn hyphenated_line_ends_joined() {
        let t = dehyphenate(
            "“Solvers for high-dimen-\nsional PDEs,” SIAM J.\nJean-\nPierre\n2019 -\nnow",
        )
        .unwrap();
        assert_eq!(
            t,
            "“Solvers for high-dimensional\nPDEs,” SIAM J.\nJean-\nPierre\n2019 -\nnow"
        );
        assert_eq!(
            dehyphenate("compu-\ntational\nnext").unwrap(),
            "computational\nnext"
        );
        assert!(dehyphenate("github.com/joris-van-\nberg").is_none());
    }

    #[test]
    fn page_numbers_are_furniture() {
        assert!(page_furniture(
            "Curriculum Vitae — Jane Roe                 Page 2 of 4"
        ));
        assert!(page_furniture("Page 3"));
        assert!(page_furniture("Al-Rashid — Curriculum Vitae — 2 of 3"));
        assert!(page_furniture("  - 2 -  "));
        assert!(page_furniture("3/7"));
        assert!(page_furniture("Rafael dos Santos Ferreira – Résumé 1/2"));
        assert!(!page_furniture("CV of the group 2019/20"));
        assert!(!page_furniture("2019"));
        assert!(web_chrome(
            "© 2024 NEXUS Lab, Purdue University. All rights reserved."
        ));
        assert!(web_chrome("Back to top ↑"));
        assert!(!web_chrome("Copyright law and fair use, 2019"));
        assert!(!page_furniture(
            "Proc. IEEE, pp. 402–404, page 3 of the report was lost"
        ));
        assert!(!page_furniture("Reviewer for 12 journals"));
    }

    fn blk(kind: BlockKind, s: &str) -> Block {
        Block::new(kind, s, 0..0)
    }

    #[test]
    fn a_date_column_range_split_over_two_lines() {
        let blocks = vec![
            blk(
                BlockKind::Row,
                "Sep 2013 –   Ph.D. in Physics, University of Oslo,",
            ),
            blk(BlockKind::Row, "Jun 2019\tOslo, Norway."),
            blk(
                BlockKind::Row,
                "2011–2013   M.Sc. in Physics, University of Oslo.",
            ),
        ];
        let out = repair(blocks);
        assert!(out[0].raw.starts_with("Sep 2013 – Jun 2019"));
        assert_eq!(out[1].text, "Oslo, Norway.");
        // an open column with no end date below is a range to the present
        let out = repair(vec![
            blk(BlockKind::Row, "2021–   Assistant Professor, MIT"),
            blk(BlockKind::Row, "2011–2013   Postdoc, Oslo"),
        ]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].raw, "2021–   Assistant Professor, MIT");
    }

    #[test]
    fn a_running_header_without_page_number() {
        assert!(running_header("S. Ní Bhriain — Curriculum Vitae"));
        assert!(running_header("Jane Roe | CV"));
        assert!(!running_header("Curriculum Vitae"));
        assert!(!running_header("Research Experience"));
    }

    #[test]
    fn glued_references_set_apart() {
        assert_eq!(
            unglue_references("English World-Wide 41(3). 325–353.Halcrow, Freya M., and Ruth")
                .as_deref(),
            Some("English World-Wide 41(3). 325–353.\nHalcrow, Freya M., and Ruth")
        );
        assert!(unglue_references("Ann. 41(3). 325–353.Halcrow,\nFreya M.").is_some());
        assert_eq!(unglue_references("Version 2.0, Python"), None);
        assert_eq!(
            unglue_headings("x\nLANGUAGESItalian (native)\n").as_deref(),
            Some("x\nLANGUAGES\nItalian (native)\n")
        );
        assert_eq!(unglue_headings("NASAGoddard Space Flight Center"), None);
        assert_eq!(
            respace_glued_punctuation("Seminar,University of Oxford; Press,2023; Past &Present")
                .as_deref(),
            Some("Seminar, University of Oxford; Press, 2023; Past & Present")
        );
        assert_eq!(respace_glued_punctuation("1,000 a,b C++,Java"), None);
    }

    #[test]
    fn dates_glued_to_words_set_apart() {
        let u = |s: &str| unglue_dates(s).unwrap_or_else(|| s.to_string());
        assert_eq!(
            u("Engineer, Google Zurich, SwitzerlandJan 2024 – Present"),
            "Engineer, Google Zurich, Switzerland Jan 2024 – Present"
        );
        assert_eq!(
            u("PhD in Computer Science2016 – 2020"),
            "PhD in Computer Science 2016 – 2020"
        );
        assert_eq!(u("Science2016 – present"), "Science 2016 – present");
        assert_eq!(u("Cambridge, UKJun 2019"), "Cambridge, UK Jun 2019");
        assert_eq!(
            u("BSN University of Portland, Portland, OR2008"),
            "BSN University of Portland, Portland, OR 2008"
        );
        assert_eq!(u("Nurse Practitioner2012"), "Nurse Practitioner 2012");
        // a capital before it, or no date after: as printed
        assert_eq!(u("IEEE ICDE2023"), "IEEE ICDE2023");
        assert_eq!(u("Summer school"), "Summer school");
    }

    #[test]
    fn split_range_rejoined_and_bullet_unglued() {
        let v = repair(vec![
            blk(
                BlockKind::Item(0),
                "Nov 2025 – **Research Software Engineer @Google Research**, (FULL-TIME).",
            ),
            blk(BlockKind::Para, "Present o Optimizing production systems."),
        ]);
        assert_eq!(v.len(), 2);
        assert!(v[0]
            .text
            .starts_with("Nov 2025 – Present Research Software Engineer"));
        assert_eq!(v[1].kind, BlockKind::Item(1));
        assert_eq!(v[1].text, "Optimizing production systems.");
    }

    #[test]
    fn end_only_line_and_text_remainder() {
        let v = repair(vec![
            blk(BlockKind::Item(0), "Sept 2024 – **Title**, MLSYS'26."),
            blk(BlockKind::Para, "May 2026"),
            blk(
                BlockKind::Item(0),
                "Mar 2019 – **Teaching Assistant**, USTC,",
            ),
            blk(BlockKind::Para, "Jun 2019 Computer Architecture 2019."),
        ]);
        assert_eq!(v[0].text, "Sept 2024 – May 2026 Title, MLSYS'26.");
        assert_eq!(v[1].text, "Mar 2019 – Jun 2019 Teaching Assistant, USTC,");
        assert_eq!(v[2].kind, BlockKind::Para);
        assert_eq!(v[2].text, "Computer Architecture 2019.");
    }

    #[test]
    fn closed_ranges_untouched() {
        let v = repair(vec![
            blk(BlockKind::Para, "Jun 2020 – Sep 2020"),
            blk(BlockKind::Para, "2021 Something"),
            blk(BlockKind::Row, "Research Intern\tJun 2024 –"),
            blk(BlockKind::Para, "Present"),
        ]);
        assert_eq!(v.len(), 3);
        assert_eq!(v[2].text, "Research Intern Jun 2024 – Present");
    }
}
