//! An arXiv author or search listing copied as text → `Record`.
//!
//! Input: one record per paper, opened by its id line ("arXiv:2403.01234  [pdf, other]
//! cs.LG"), then the title, "Authors: …", "Abstract: … More", "Submitted 2 March, 2024;
//! originally announced March 2024.", and optional "Comments:", "Journal ref:" and "DOI"
//! lines. Output: publications with the arXiv id, authors, abstract, submission date, and
//! the journal reference as venue when there is one.

use crate::lex::{date, ids, name, venue};
use crate::model::{PubKind, Publication, Record};

/// The arXiv id opening a record line ("arXiv:2403.01234  [pdf, other]").
fn id_line(l: &str) -> Option<String> {
    let rest = l.trim().strip_prefix("arXiv:")?;
    let id: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-'))
        .collect();
    let after = rest[id.len()..].trim_start();
    (after.is_empty() || after.starts_with('[')).then_some(())?;
    ids::arxiv_id(&format!("arXiv:{id}"))
}

/// Does the text look like an arXiv listing: records opened by id lines, with authors?
pub fn is_listing(src: &str) -> bool {
    src.lines().filter(|l| id_line(l).is_some()).take(2).count() >= 1
        && src.lines().any(|l| l.trim_start().starts_with("Authors:"))
}

const LABELS: &[&str] = &[
    "Authors:",
    "Abstract:",
    "Submitted",
    "Comments:",
    "Journal ref:",
    "Journal-ref:",
    "Subjects:",
    "DOI",
    "MSC Class:",
    "ACM Class:",
    "Report number:",
];

fn label(l: &str) -> Option<&'static str> {
    LABELS.iter().copied().find(|p| l.starts_with(p))
}

pub fn parse(src: &str) -> Record {
    let lines: Vec<&str> = src.lines().map(str::trim).collect();
    let mut r = Record::default();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| id_line(lines[i]).is_some())
        .collect();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        if let Some(p) = record(&lines[s..end]) {
            r.publications.push(p);
        }
    }
    r
}

fn record(lines: &[&str]) -> Option<Publication> {
    let id = id_line(lines.first()?)?;
    let mut p = Publication {
        arxiv: id.clone(),
        url: format!("https://arxiv.org/abs/{id}"),
        kind: PubKind::Preprint,
        ..Default::default()
    };
    let mut i = 1;
    // the title: the lines up to the first labelled line
    let mut title: Vec<&str> = Vec::new();
    while i < lines.len() && label(lines[i]).is_none() {
        if !lines[i].is_empty() {
            title.push(lines[i]);
        }
        i += 1;
    }
    p.title = title.join(" ").trim_end_matches('.').to_string();
    while i < lines.len() {
        let l = lines[i];
        // a label's text may wrap over the following unlabelled lines
        let mut text = l.to_string();
        while i + 1 < lines.len() && label(lines[i + 1]).is_none() && !lines[i + 1].is_empty() {
            i += 1;
            text.push(' ');
            text.push_str(lines[i]);
        }
        match label(l) {
            Some("Authors:") => {
                p.authors = name::parse_authors(text["Authors:".len()..].trim());
            }
            Some("Abstract:") => {
                let a = text["Abstract:".len()..].trim();
                let a = a
                    .trim_end_matches("△ Less")
                    .trim_end_matches("▽ More")
                    .trim_end();
                p.abstract_ = a.strip_suffix(" More").unwrap_or(a).trim().to_string();
            }
            Some("Submitted") => {
                let s = text["Submitted".len()..].split(';').next().unwrap_or("");
                p.date = date::find_range(s).map(|(d, _)| d.start);
            }
            Some(j @ ("Journal ref:" | "Journal-ref:")) => {
                let v = text[j.len()..].trim().trim_end_matches('.');
                // "Transactions on Machine Learning Research, 2023": the year is the date's
                let v = match v.rsplit_once(", ") {
                    Some((a, y)) if date::parse_date(y).is_some() => a,
                    _ => v,
                };
                p.venue = v.trim().to_string();
                p.kind = venue::classify(&p.venue);
            }
            Some("DOI") => {
                if let Some(d) = ids::doi(&text) {
                    p.doi = d;
                }
            }
            _ => {}
        }
        i += 1;
    }
    (!p.title.is_empty()).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTING: &str = "Showing 1–2 of 2 results for author: Mendes, R\n\narXiv:2403.01234  [pdf, other]  cs.LG\nSparse Attention Kernels for Long-Context\nTransformers\nAuthors: Rafael Mendes, Aiko Tanaka, Jonas Berg\nAbstract: We present sparse attention kernels. More\nSubmitted 2 March, 2024; originally announced March 2024.\nComments: Accepted at ICML 2024\n\narXiv:2310.05678  [pdf, ps, other]  stat.ML\nCalibrated Uncertainty for Graph Neural Networks\nAuthors: Aiko Tanaka, Rafael Mendes\nAbstract: Graph neural networks are often overconfident. More\nSubmitted 9 October, 2023; originally announced October 2023.\nJournal ref: Transactions on Machine Learning Research, 2023\n";

    #[test]
    fn reads_an_arxiv_listing() {
        assert!(is_listing(LISTING));
        let r = parse(LISTING);
        assert_eq!(r.publications.len(), 2);
        let p = &r.publications[0];
        assert_eq!(
            p.title,
            "Sparse Attention Kernels for Long-Context Transformers"
        );
        assert_eq!(p.arxiv, "2403.01234");
        assert_eq!(p.authors.people.len(), 3);
        assert_eq!(p.abstract_, "We present sparse attention kernels.");
        assert_eq!(p.date, Some(crate::model::Date::ymd(2024, 3, 2)));
        assert_eq!(p.kind, PubKind::Preprint);
        let q = &r.publications[1];
        assert_eq!(q.venue, "Transactions on Machine Learning Research");
        assert_eq!(q.kind, PubKind::Journal);
    }
}
