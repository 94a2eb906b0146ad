//! Two-column CV layouts (altacv, deedy-resume, sidebars) flattened by `pdftotext -layout`:
//! each printed line carries a piece of the left column, a wide gap, and a piece of the
//! right column, always starting at the same character position.
//!
//! Input: the document text. Output: the same text with the column region rewritten as
//! the whole left column followed by the whole right column, so each section reads in
//! order; `None` when the text is not laid out that way. A right column is recognised by
//! section headings (two or more) starting at one position behind a gap of two or more
//! spaces; right-aligned dates ("Postdoc, MIT      2019–2021") never name sections, so
//! one-column CVs are left alone.

use crate::sections::classify_heading;

/// Narrowest left column, in characters.
const MIN_LEFT: usize = 20;

/// Start positions (in chars) of text that follows a gap of two or more spaces.
fn gap_starts(line: &[char]) -> impl Iterator<Item = usize> + '_ {
    (MIN_LEFT..line.len())
        .filter(move |&p| line[p] != ' ' && line[p - 1] == ' ' && line[p - 2] == ' ')
}

/// The text of the right column of `line` at `col`: from `col` to the end.
fn right_part(line: &[char], col: usize) -> Option<String> {
    if line.len() <= col {
        return None;
    }
    let s: String = line[col..].iter().collect();
    let t = s.trim_end();
    (!t.trim().is_empty()).then(|| t.to_string())
}

/// Does the left part of `line` stay clear of the gap before `col`?
fn clear_at(line: &[char], col: usize) -> bool {
    line.len() <= col || (line[col - 1] == ' ' && line[col - 2] == ' ')
}

pub fn unfold(src: &str) -> Option<String> {
    // cheap gate: a column gap means runs of spaces inside lines
    if !src.contains("     ") {
        return None;
    }
    let lines: Vec<Vec<char>> = src.lines().map(|l| l.chars().collect()).collect();
    // the column position where most section headings start behind a gap
    let mut headings: Vec<(usize, usize)> = Vec::new();
    for line in &lines {
        for p in gap_starts(line) {
            // a heading is short: look at most 80 characters ahead (linear on long lines)
            let seg: String = line[p..(p + 80).min(line.len())].iter().collect();
            let seg = seg.split("  ").next().unwrap_or("").trim();
            if !seg.is_empty() && seg.len() < 60 && classify_heading(seg).is_some() {
                match headings.iter_mut().find(|(c, _)| *c == p) {
                    Some((_, n)) => *n += 1,
                    None => headings.push((p, 1)),
                }
            }
        }
    }
    let (col, n) = headings
        .into_iter()
        .max_by_key(|&(c, n)| (n, usize::MAX - c))?;
    if n < 2 {
        return None;
    }
    // the region starts at the first line with a heading in either column at `col`
    let first = lines.iter().position(|l| {
        right_part(l, col).is_some_and(|r| classify_heading(r.trim()).is_some()) && clear_at(l, col)
    })?;
    // the region ends at a page footer or where lines start running across the gap for good
    // (a one-column page of references after a two-column first page)
    let mut end = lines.len();
    let mut crossing = 0;
    for (i, l) in lines.iter().enumerate().skip(first + 1) {
        let text: String = l.iter().collect();
        if crate::doc::lines::page_furniture(text.trim()) {
            end = i;
            break;
        }
        if clear_at(l, col) {
            crossing = 0;
        } else {
            crossing += 1;
            if crossing >= 3 {
                end = i + 1 - crossing;
                break;
            }
        }
    }
    // most lines of the region must keep the gap clear; else it is not a column
    let region = &lines[first..end];
    let clear = region.iter().filter(|l| clear_at(l, col)).count();
    if clear * 10 < region.len() * 8 {
        return None;
    }
    let mut left: Vec<String> = Vec::new();
    let mut right: Vec<String> = Vec::new();
    for l in region {
        if !clear_at(l, col) {
            // a line running across the gap belongs to the left column whole
            left.push(l.iter().collect::<String>().trim_end().to_string());
            right.push(String::new());
            continue;
        }
        let cut = col.min(l.len());
        left.push(l[..cut].iter().collect::<String>().trim_end().to_string());
        right.push(right_part(l, col).unwrap_or_default());
    }
    let mut out: Vec<String> = lines[..first]
        .iter()
        .map(|l| l.iter().collect::<String>())
        .collect();
    out.extend(left);
    out.push(String::new());
    out.extend(right);
    out.push(String::new());
    out.extend(lines[end..].iter().map(|l| l.iter().collect::<String>()));
    Some(out.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_columns_read_one_after_the_other() {
        let src = "Jane Roe\n\nExperience                    Education\nResearch Scientist            Ph.D. in Physics\nAcme Labs                     MIT\n                              Languages\nPublications                  English   Native\n";
        let out = unfold(src).unwrap();
        let exp = out.find("Experience").unwrap();
        let edu = out.find("Education").unwrap();
        let publ = out.find("Publications").unwrap();
        assert!(exp < publ && publ < edu, "{out}");
        assert!(out.contains("\nPh.D. in Physics\nMIT\n"));
    }

    #[test]
    fn a_one_column_page_after_the_columns_stays_whole() {
        let src = "Jane Roe\n\nEducation                     Experience\nPh.D. in Physics              Research Scientist\nMIT                           Acme Labs\nSkills                        Awards\nPython                        Best Paper 2020\n                                                  Page 1 of 2\nPublications\n[1] J. Roe and A. Smith, “A long title of a paper here,” Phys. Rev. Lett., 2020.\n[2] J. Roe and A. Smith, “Another long title of a paper,” Nature Physics, 2021.\n";
        let out = unfold(src).unwrap();
        let awards = out.find("Awards").unwrap();
        let publ = out.find("Publications").unwrap();
        assert!(awards < publ, "{out}");
        assert!(out.contains("Publications\n[1] J. Roe"), "{out}");
    }

    #[test]
    fn a_long_line_of_gaps_is_no_column() {
        // 200,000 gaps on one line: each is looked at through a bounded window
        let line = "word  ".repeat(200_000);
        assert!(unfold(&line).is_none());
    }

    #[test]
    fn right_aligned_dates_are_no_column() {
        let src = "Experience\nPostdoc, MIT                         2019 – 2021\nResearch Intern, Acme                2018\n\nEducation\nPh.D., Stanford                      2019\n";
        assert!(unfold(src).is_none());
    }
}
