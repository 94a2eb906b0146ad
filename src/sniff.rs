//! Which front end reads a document: ordered rules, each with a reason.
//!
//! Input: decoded text. Output: `(Kind, reason)`. The first rule that fires wins.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Markdown,
    Jekyll,
    Text,
    Listing,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Markdown => "markdown",
            Kind::Jekyll => "jekyll",
            Kind::Text => "text",
            Kind::Listing => "listing",
        }
    }

    pub fn from_name(s: &str) -> Option<Kind> {
        Some(match s {
            "markdown" | "md" => Kind::Markdown,
            "jekyll" => Kind::Jekyll,
            "text" | "txt" => Kind::Text,
            "listing" => Kind::Listing,
            _ => return None,
        })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A `---` fence line (trailing blanks allowed).
fn fence(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r'])
        .strip_prefix("---")
        .is_some_and(|t| t.trim_matches([' ', '\t']).is_empty())
}

/// A YAML block at the very top: `---`, at most 200 lines, `---`.
fn front_matter(head: &str) -> Option<&str> {
    let s = head.strip_prefix('\u{feff}').unwrap_or(head);
    let mut lines = s.split_inclusive('\n');
    let first = lines.next()?;
    if !first.ends_with('\n') || !fence(first) {
        return None;
    }
    let mut end = first.len();
    for line in lines.take(201) {
        end += line.len();
        if fence(line) {
            return Some(&s[..end]);
        }
        if !line.ends_with('\n') {
            break;
        }
    }
    None
}
// Unbounded but linear: a tag's scan ends at the first `%` (or `}`) after it.
static LIQUID: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"\{%-?\s*[a-z]+[^%]*%\}|\{\{-?\s*[a-z_]+(?:\.[a-z_]+)*[^}]*\}\}").unwrap()
});
static HTML_DOC: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\A\s*(?:<!doctype html|<html|<body|<div|<ul|<ol|<article|<section)")
        .unwrap()
});
static SAVED_PAGE: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?i)\A\s*(?:<!doctype html|<html)").unwrap());
static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?m)^#{1,6} \S").unwrap());
static MD_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\n]*\)|(?m)^\s*[-*] \*").unwrap()
});

/// A YAML block for pandoc (`geometry:`, `fontsize:`, `documentclass:`, `output:`) or a
/// note app (Obsidian's `aliases:`, `cssclasses:`) and none of Jekyll's page keys: a
/// Markdown CV typeset with pandoc or kept as a note, not a site page.
fn markdown_metadata(block: &str) -> bool {
    let keys: Vec<&str> = block
        .lines()
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim()))
        .collect();
    let pandoc = [
        "geometry",
        "fontsize",
        "documentclass",
        "output",
        "mainfont",
        "papersize",
        "header-includes",
        "classoption",
    ];
    let note = ["aliases", "cssclasses", "cssclass"];
    let jekyll = [
        "layout",
        "permalink",
        "redirect_from",
        "author_profile",
        "collection",
        "excerpt",
        "paperurl",
        "venue",
        "nav",
        "category",
    ];
    let noted = keys.iter().any(|k| note.contains(k));
    // (notes carry tags as often as Jekyll posts do)
    let jekyll_tags = !noted && keys.contains(&"tags");
    (noted || keys.iter().any(|k| pandoc.contains(k)))
        && !jekyll_tags
        && !keys.iter().any(|k| jekyll.contains(k))
}

/// A repository page (IRIS, DSpace, Pure) prints a work-type line over each output: three
/// or more, one label repeated; a CV's sub-headings ("Journal Articles", "Book Chapters")
/// name each type once.
fn repository_type_lines(head: &str) -> bool {
    let mut seen: Vec<String> = Vec::new();
    for l in head.lines() {
        if crate::lex::venue::work_type_line(l).is_some() {
            seen.push(l.trim().to_lowercase());
        }
    }
    let n = seen.len();
    seen.sort_unstable();
    seen.dedup();
    n >= 3 && seen.len() < n
}

/// Decide the kind of a document.
pub fn sniff(src: &str) -> (Kind, String) {
    let head = &src[..floor_boundary(src, 200_000)];
    if let Some(block) = front_matter(head) {
        if markdown_metadata(block) && !LIQUID.is_match(head) {
            return (
                Kind::Markdown,
                "pandoc or note metadata block (no Jekyll keys, no Liquid)".into(),
            );
        }
        return (Kind::Jekyll, "YAML front matter".into());
    }
    // A saved page's braces belong to its client-side templates (Mustache, Vue), not Liquid.
    let liquid = if SAVED_PAGE.is_match(head) {
        0
    } else {
        LIQUID.find_iter(head).take(3).count()
    };
    if liquid >= 1 && (MD_HEADING.is_match(head) || head.contains("<span") || liquid >= 2) {
        return (Kind::Jekyll, "Liquid tags".into());
    }
    if crate::doc::listing::arxiv::is_listing(head) {
        return (
            Kind::Listing,
            "arXiv listing (arXiv: id lines, Authors:)".into(),
        );
    }
    if crate::doc::listing::openreview::is_profile(head) {
        return (
            Kind::Listing,
            "OpenReview profile (career history, Published: stamps)".into(),
        );
    }
    if crate::doc::listing::researchgate::is_profile(head) {
        return (
            Kind::Listing,
            "ResearchGate profile (research items: type, month, authors between · lines)".into(),
        );
    }
    if crate::doc::listing::pure::is_listing(head) {
        return (
            Kind::Listing,
            "Pure research-output list (\"Research output:\" type lines)".into(),
        );
    }
    if crate::doc::listing::pubmed::is_listing(head) {
        return (
            Kind::Listing,
            "PubMed result list (citation lines closed by PMID lines)".into(),
        );
    }
    if crate::doc::listing::orcid::is_record(head) {
        return (
            Kind::Listing,
            "ORCID record (iD line, activity sections)".into(),
        );
    }
    if repository_type_lines(head) {
        return (
            Kind::Listing,
            "repository output list (a work-type line, \"Journal article\", over each output)"
                .into(),
        );
    }
    let cards = card_meta_lines(head);
    if cards >= 2 {
        return (
            Kind::Listing,
            format!("{cards} paper-card meta lines (category code + date)"),
        );
    }
    let keys = head
        .lines()
        .filter(|l| crate::doc::listing::records::dblp_key(l))
        .take(3)
        .count();
    if keys >= 2 {
        return (Kind::Listing, "DBLP entry keys ([c12], [j3])".into());
    }
    let stats = profile_stat_lines(head);
    if stats >= 2 {
        return (
            Kind::Listing,
            format!("{stats} profile counter lines (h-index, citations) and no CV sections"),
        );
    }
    if HTML_DOC.is_match(head) {
        if crate::doc::html_page::is_cv_page(head) {
            return (
                Kind::Markdown,
                "HTML page with CV section headings (read as its Markdown)".into(),
            );
        }
        return (Kind::Listing, "HTML page (scraped listing)".into());
    }
    let headings = MD_HEADING.find_iter(head).take(20).count();
    let inline = MD_INLINE.find_iter(head).take(20).count();
    // (text CVs underline their headings too: setext ones count next to Markdown marks only)
    let setext = if inline >= 1 {
        setext_headings(head)
    } else {
        0
    };
    let headings = headings + setext;
    if headings >= 2 || (headings >= 1 && inline >= 1) || (inline >= 1 && pandoc_marks(head) >= 3) {
        return (
            Kind::Markdown,
            format!("{headings} Markdown headings, {inline} emphasis/link marks"),
        );
    }
    (Kind::Text, "no markup: plain text".into())
}

/// Setext headings: a text line underlined with `===` or `---` (not a table's rule).
fn setext_headings(head: &str) -> usize {
    let mut prev = "";
    let mut n = 0;
    for l in head.lines() {
        let t = l.trim_end();
        let rule = t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'));
        let p = prev.trim();
        if rule && !p.is_empty() && !p.starts_with(['|', '+', '-', '*']) && !p.contains("   ") {
            n += 1;
            if n >= 20 {
                break;
            }
        }
        prev = l;
    }
    n
}

/// pandoc output from Word has bold paragraphs, not `#` headings, but its own marks: bracketed
/// spans and bookmarks (`]{.underline}`, `[]{#_Toc…}`), image sizes (`{width=…}`), grid-table
/// borders (`+-----+`) and backslash line breaks.
fn pandoc_marks(head: &str) -> usize {
    head.lines()
        .filter(|l| {
            let t = l.trim_end();
            t.contains("]{") || t.contains("){width=") || t.ends_with('\\') || {
                t.len() > 4
                    && t.starts_with('+')
                    && t.ends_with('+')
                    && t.bytes().all(|b| matches!(b, b'+' | b'-' | b'=' | b':'))
            }
        })
        .take(3)
        .count()
}

/// Paper-card meta lines: a category code with a score or a date ("LGJan 25, 2024Code",
/// "91.2LGMay 18", "cs.CL · Mar 3, 2024"). A date alone is not enough: CVs print those.
fn card_meta_lines(head: &str) -> usize {
    head.lines()
        .filter_map(crate::doc::listing::meta::meta_line)
        .filter(|m| m.codes > 0 && (m.date.is_some() || m.score))
        .take(50)
        .count()
}

/// An author page copied as text (Google Scholar, Semantic Scholar): counter lines
/// ("h-index 29 26", "Citations", "i10-index") near the top, and no CV section headings
/// (Education, Experience, Skills) anywhere in the head. 0 when it reads as a CV.
fn profile_stat_lines(head: &str) -> usize {
    use crate::sections::SectionKind as S;
    let mut stats = 0;
    // author pages put their counters at the top; a CV names its sections early too
    for (i, line) in head.lines().take(400).enumerate() {
        let t = line.trim();
        if t.len() < 40
            && crate::sections::classify_heading(t).is_some_and(|k| {
                matches!(
                    k,
                    S::Education | S::Work | S::Skills | S::Awards | S::Research
                )
            })
        {
            return 0;
        }
        // (counters only count near the top: below it, only headings are looked for)
        if i >= 60 || !t.starts_with(['h', 'i', 'c', 'C', 'H', 'I']) {
            continue;
        }
        let l = t.to_lowercase();
        let counter = [
            "h-index",
            "i10-index",
            "citations",
            "cited by",
            "highly influential citations",
        ]
        .iter()
        .any(|w| {
            l.starts_with(w)
                && l[w.len()..]
                    .chars()
                    .all(|c| !c.is_alphabetic() || c.is_whitespace() || "allsince".contains(c))
        });
        if counter {
            stats += 1;
        }
    }
    stats
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pandoc_and_note_metadata_is_markdown_jekyll_front_matter_is_not() {
        let md = "---\ntitle: CV\ngeometry: margin=2cm\n---\n\n# Jane Doe\n\n## Education\n";
        assert_eq!(sniff(md).0, Kind::Markdown);
        let j = "---\nlayout: archive\ngeometry: x\n---\n\n# Jane Doe\n";
        assert_eq!(sniff(j).0, Kind::Jekyll);
        let note = "---\ntags: [cv]\naliases: [\"CV\"]\n---\n\n# Jane Doe\n";
        assert_eq!(sniff(note).0, Kind::Markdown);
        let post = "---\ntags: [cv]\ngeometry: x\n---\n\n# Jane Doe\n";
        assert_eq!(sniff(post).0, Kind::Jekyll);
    }

    #[test]
    fn kinds() {
        assert_eq!(sniff("---\ntitle: x\n---\nbody").0, Kind::Jekyll);
        assert_eq!(
            sniff("{% include base_path %}\n# About\ntext").0,
            Kind::Jekyll
        );
        assert_eq!(
            sniff(
                "Name\n\nLG\n\nDCSep 19, 2023\nTitle\n\nA, B et al.\n\n91.2LGMay 18\nTitle two\n"
            )
            .0,
            Kind::Listing
        );
        assert_eq!(
            sniff("# Jane Doe\n\n## Education\n\n**MIT**").0,
            Kind::Markdown
        );
        assert_eq!(sniff("Jane Doe\n\nEDUCATION\n\nMIT\t2020").0, Kind::Text);
        // setext headings are Markdown next to Markdown marks only
        let setext = "Jane Doe\n========\n\nEducation\n---------\n\n- **MIT**, Ph.D.\n";
        assert_eq!(sniff(setext).0, Kind::Markdown);
        let underlined = "Jane Doe\n========\n\nEducation\n---------\n\nMIT, Ph.D., 2020\n";
        assert_eq!(sniff(underlined).0, Kind::Text);
        assert_eq!(sniff("<html><body><div class='paper'>").0, Kind::Listing);
        let scholar = "Jane Roe\nProfessor, MIT\nCited by\tAll\nCitations\t120\nh-index\t5\n\nTITLE\nA paper\nJ Roe\nNature 1, 2\t3\t2020\n";
        assert_eq!(sniff(scholar).0, Kind::Listing);
        let cv = "Jane Roe\nCitations: 120\nh-index: 5\nEDUCATION\nMIT, Ph.D., 2020\n";
        assert_eq!(sniff(cv).0, Kind::Text);
        assert_eq!(
            sniff("Jane Roe\n2023\n[c2]\nJane Roe:\nT. V 2023\n[j1]\nJane Roe:\nU. W 2022\n").0,
            Kind::Listing
        );
    }
}
