//! `Publication`s → BibTeX text, with our own writer.
//!
//! Why not the `biblatex` crate's writer: it turns `@patent` into `@misc`, sorts fields,
//! writes `month = {June}` and double-escapes LaTeX. Here: fixed field order, `Last, First`
//! names joined by ` and ` (`and others` for et al.), `& % _ # $` escaped, braces balanced
//! whatever the text holds, acronyms brace-protected, organisations double-braced,
//! `month = jun` macros, keys from `normalize::cite_keys`.

use crate::model::{Authors, Person, PubKind, Publication};
use crate::normalize::cite_keys;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Escape a text value: BibTeX specials escaped, stray braces and backslashes neutralised,
/// so the value's braces always balance.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' | '%' | '_' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' => {}
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

/// A URL value: only braces (which would unbalance the field) and whitespace removed.
fn url_value(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '{' | '}') && !c.is_whitespace())
        .collect()
}

/// Does a title token need brace protection? Any hyphen-separated part with a capital
/// after its first letter ("FP6", "LLMs", "SHaring"), or a lone capital in a hyphenated
/// word ("Q-gym").
fn needs_protection(token: &str) -> bool {
    let parts: Vec<&str> = token.split('-').collect();
    parts.iter().any(|p| {
        let mut chars = p.chars();
        let first = chars.next();
        let later_capital = chars.any(char::is_uppercase);
        let lone_capital =
            parts.len() > 1 && p.chars().count() == 1 && first.is_some_and(char::is_uppercase);
        later_capital || lone_capital
    })
}

/// Title with acronyms and mixed-case words brace-protected: `{FP6-LLM}: Efficiently ...`.
pub fn protect_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len() + 16);
    for (i, word) in title.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let is_edge =
            |c: char| !(c.is_alphanumeric() || c == '-' || c == '+' || c == '.' || c == '/');
        let start = word.find(|c: char| !is_edge(c)).unwrap_or(word.len());
        let end = word.rfind(|c: char| !is_edge(c)).map_or(start, |i| {
            i + word[i..].chars().next().map_or(1, char::len_utf8)
        });
        let (pre, core, post) = (
            &word[..start],
            &word[start..end.max(start)],
            &word[end.max(start)..],
        );
        // a trailing period belongs to the sentence, not the token
        let (core, post_dot) = match core.strip_suffix('.') {
            Some(c) if !c.contains('.') => (c, "."),
            _ => (core, ""),
        };
        out.push_str(&escape(pre));
        if !core.is_empty() && needs_protection(core) {
            out.push('{');
            out.push_str(&escape(core));
            out.push('}');
        } else {
            out.push_str(&escape(core));
        }
        out.push_str(post_dot);
        out.push_str(&escape(post));
    }
    out
}

fn name(p: &Person) -> String {
    if p.organization {
        return format!("{{{}}}", escape(&p.display()));
    }
    let family = escape(&p.family);
    let given = escape(&p.given);
    let suffix = escape(&p.suffix);
    // a family name holding " and " would split the list: protect it
    let family = if family
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("and"))
    {
        format!("{{{family}}}")
    } else {
        family
    };
    match (given.is_empty(), suffix.is_empty()) {
        (true, true) => family,
        (true, false) => format!("{family}, {suffix},"),
        (false, true) => format!("{family}, {given}"),
        (false, false) => format!("{family}, {suffix}, {given}"),
    }
}

/// `Last, First and Last, First [and others]`.
pub fn authors(a: &Authors) -> String {
    let mut names: Vec<String> = a
        .people
        .iter()
        .map(name)
        .filter(|n| !n.is_empty())
        .collect();
    if a.et_al {
        names.push("others".to_string());
    }
    names.join(" and ")
}

fn entry_type(k: PubKind) -> &'static str {
    match k {
        PubKind::Conference | PubKind::Workshop => "inproceedings",
        PubKind::Journal => "article",
        PubKind::Patent => "patent",
        PubKind::Thesis => "phdthesis",
        PubKind::Book => "book",
        PubKind::Chapter => "incollection",
        PubKind::TechReport => "techreport",
        PubKind::Preprint | PubKind::Misc => "misc",
    }
}

fn venue_field(k: PubKind) -> &'static str {
    match k {
        PubKind::Conference | PubKind::Workshop | PubKind::Chapter => "booktitle",
        PubKind::Journal => "journal",
        PubKind::Thesis => "school",
        PubKind::TechReport => "institution",
        PubKind::Book => "publisher",
        PubKind::Patent => "",
        PubKind::Preprint | PubKind::Misc => "howpublished",
    }
}

/// One entry.
pub fn entry(p: &Publication, key: &str) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if !p.authors.is_empty() {
        fields.push(("author", authors(&p.authors)));
    }
    if !p.title.is_empty() {
        fields.push(("title", protect_title(&p.title)));
    }
    let vf = venue_field(p.kind);
    if !vf.is_empty() && !p.venue.is_empty() {
        fields.push((vf, escape(&p.venue)));
    }
    if !p.editors.is_empty() {
        fields.push(("editor", authors(&p.editors)));
    }
    if let Some(d) = p.date {
        if let Some(y) = d.year {
            fields.push(("year", y.to_string()));
        }
        if let Some(m) = d.month.filter(|m| (1..=12).contains(m)) {
            fields.push(("month", MONTHS[usize::from(m) - 1].to_string()));
        }
    }
    if !p.volume.is_empty() {
        fields.push(("volume", escape(&p.volume)));
    }
    if !p.number.is_empty() {
        fields.push(("number", escape(&p.number)));
    }
    if !p.pages.is_empty() {
        let pages = p
            .pages
            .replace(['–', '—'], "-")
            .replace("--", "-")
            .replace('-', "--");
        fields.push(("pages", escape(&pages)));
    }
    if !p.publisher.is_empty() && vf != "publisher" {
        fields.push(("publisher", escape(&p.publisher)));
    }
    if !p.arxiv.is_empty() {
        fields.push(("eprint", escape(&p.arxiv)));
        fields.push(("archiveprefix", "arXiv".to_string()));
        fields.push(("eprinttype", "arxiv".to_string()));
    }
    // a site-relative link ("/files/paper.pdf") is no address outside the page: left out,
    // as in the JSON Resume
    if !p.url.is_empty() && crate::emit::resume::valid_uri(&p.url) {
        fields.push(("url", url_value(&p.url)));
    }
    if !p.doi.is_empty() {
        fields.push(("doi", url_value(&p.doi)));
    }
    if !p.notes.is_empty() {
        fields.push(("note", escape(&p.notes.join("; "))));
    }
    if !p.abstract_.is_empty() {
        fields.push(("abstract", escape(&p.abstract_)));
    }
    let mut s = format!("@{}{{{},\n", entry_type(p.kind), key);
    let n = fields.len();
    for (i, (k, v)) in fields.iter().enumerate() {
        if *k == "month" {
            s.push_str(&format!("  {k} = {v}"));
        } else {
            s.push_str(&format!("  {k} = {{{v}}}"));
        }
        s.push_str(if i + 1 < n { ",\n" } else { "\n" });
    }
    s.push_str("}\n");
    s
}

/// The whole file: entries in document order, a blank line between them.
pub fn to_bibtex(pubs: &[Publication]) -> String {
    let keys = cite_keys(pubs);
    pubs.iter()
        .zip(&keys)
        .map(|(p, k)| entry(p, k))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn protects_acronyms_only() {
        assert_eq!(
            protect_title("FP6-LLM: Efficiently Serving Large Language Models Through FP6-Centric Algorithm-System Co-Design"),
            "{FP6-LLM}: Efficiently Serving Large Language Models Through {FP6-Centric} Algorithm-System Co-Design"
        );
        assert_eq!(
            protect_title("Q-gym: An Equality Saturation Framework for DNN Inference"),
            "{Q-gym}: An Equality Saturation Framework for {DNN} Inference"
        );
        assert_eq!(
            protect_title("LAP: A Lightweight Processor"),
            "{LAP}: A Lightweight Processor"
        );
        assert_eq!(
            protect_title("Efficient ViT (ViT) on GPUs."),
            "Efficient {ViT} ({ViT}) on {GPUs}."
        );
        assert_eq!(
            protect_title("paretoq: scaling laws in llm"),
            "paretoq: scaling laws in llm"
        );
    }

    #[test]
    fn escapes_and_balances() {
        assert_eq!(escape("R&D 50% a_b #1 $5"), "R\\&D 50\\% a\\_b \\#1 \\$5");
        assert_eq!(escape("x}{y"), "xy");
        let e = protect_title("A {broken} title}} with \\cmd");
        let depth = e.chars().fold(0i32, |d, c| match c {
            '{' => d + 1,
            '}' => d - 1,
            _ => d,
        });
        assert_eq!(depth, 0);
    }

    #[test]
    fn entry_shape() {
        let p = Publication {
            title: "SIBYL: Forecasting".into(),
            authors: Authors {
                people: vec![
                    Person {
                        given: "H.".into(),
                        family: "Huang".into(),
                        ..Default::default()
                    },
                    Person {
                        given: "Example Corp.".into(),
                        organization: true,
                        ..Default::default()
                    },
                ],
                et_al: true,
            },
            venue: "Patent CN108765282B".into(),
            number: "CN108765282B".into(),
            kind: PubKind::Patent,
            date: Some(Date::ymd(2020, 10, 9)),
            ..Default::default()
        };
        let e = entry(&p, "huang2020sibyl");
        assert!(e.starts_with("@patent{huang2020sibyl,\n"));
        assert!(e.contains("author = {Huang, H. and {Example Corp.} and others}"));
        assert!(e.contains("year = {2020},\n  month = oct,\n"));
        assert!(e.contains("number = {CN108765282B}"));
        assert!(!e.contains("day"));
    }
}
