//! Certificate sections → `Certificate` items ("Name, Issuer, 2022", "Name – Issuer  2019").

use crate::doc::{Block, BlockKind};
use crate::lex::{date, split_top_level};
use crate::model::Certificate;

pub fn section(blocks: &[Block]) -> Vec<Certificate> {
    let mut out = Vec::new();
    for b in blocks {
        if !matches!(
            b.kind,
            BlockKind::Para | BlockKind::Row | BlockKind::Item(0)
        ) {
            continue;
        }
        let found = date::find_all(&b.text);
        let mut text = b.text.clone();
        for (_, span) in found.iter().rev() {
            text.replace_range(span.clone(), " ");
        }
        let text = crate::markup::squash(&text.replace(" – ", ", ").replace(" — ", ", "));
        let parts: Vec<String> = split_top_level(&text, &[',', '|'])
            .into_iter()
            .map(|p| {
                p.trim_matches(|c: char| c == '(' || c == ')' || c == '.' || c.is_whitespace())
                    .to_string()
            })
            .filter(|p| !p.is_empty())
            .collect();
        let Some(name) = parts.first() else { continue };
        out.push(Certificate {
            name: name.clone(),
            issuer: parts.get(1..).map(|r| r.join(", ")).unwrap_or_default(),
            // the schema's certificate date is a full date: a year or month alone fails it
            date: found
                .first()
                .map(|(r, _)| r.start)
                .filter(|d| d.day.is_some()),
            url: b.links.first().map(|l| l.url.clone()).unwrap_or_default(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_line() {
        let c = section(&[Block::new(
            BlockKind::Item(0),
            "Google Professional Machine Learning Engineer, Google Cloud, 2022",
            0..0,
        )]);
        assert_eq!(c[0].name, "Google Professional Machine Learning Engineer");
        assert_eq!(c[0].issuer, "Google Cloud");
        assert!(c[0].date.is_none());
    }
}
