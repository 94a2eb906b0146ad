//! Talks and presentations → `Project` items with `kind: "talk"`.
//!
//! Input: the blocks of a talks section. Output: one talk per line: the date (a single
//! date is both start and end), type labels ("[Invited Talk]", "(Oral)") dropped, the title
//! (quoted when the line quotes it), the event (`entity`) and the place: "Title, Event
//! @Place", "\"Title\", Event, Place", "Title. Event, Place".

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::Block;
use crate::extract::volunteer::entries;
use crate::lex::{date, split_top_level};
use crate::model::{DateRange, End, Project};

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[\[(](?:[a-z -]*\b(?:talk|presentation|keynote|poster|oral|seminar|lecture|tutorial|panel|spotlight)s?|invited)[\])]\s*:?")
        .unwrap()
});
static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"[“"]([^”"]{3,})[”"]"#).unwrap());

pub fn section(blocks: &[Block]) -> Vec<Project> {
    let mut out: Vec<Project> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let links: Vec<&crate::markup::Link> = blocks.iter().flat_map(|b| &b.links).collect();
    for (text, subs) in entries(blocks) {
        if seen.contains(&text) {
            continue;
        }
        if let Some(mut p) = line(&text) {
            // a link whose text is the title is the talk's page
            if let Some(l) = links
                .iter()
                .find(|l| !l.text.is_empty() && l.text == p.name)
            {
                p.url = l.url.clone();
            }
            p.highlights = subs;
            out.push(p);
        }
        seen.push(text);
    }
    out
}

fn tidy(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '|')
        })
        .trim_end_matches('.')
        .trim()
        .to_string()
}

/// One talk line.
pub fn line(text: &str) -> Option<Project> {
    let mut t = text.to_string();
    let mut dates = None;
    if let Some((r, span)) = date::find_range(&t) {
        dates = Some(match r.end {
            None => DateRange {
                start: r.start,
                end: Some(End::Date(r.start)),
            },
            Some(_) => r,
        });
        t.replace_range(span, " ");
    }
    let t = LABEL.replace_all(&t, " ");
    let t = tidy(&t);
    if t.is_empty() {
        return None;
    }
    let mut p = Project {
        kind: "talk".into(),
        dates,
        ..Default::default()
    };
    let (main, place) = match t.rsplit_once(" @") {
        Some((m, pl)) => (m.to_string(), tidy(pl)),
        None => (t.clone(), String::new()),
    };
    p.location = place;
    if let Some(c) = QUOTED.captures(&main) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        p.name = tidy(&c[1]);
        let rest = format!("{} {}", &main[..m.start], &main[m.end..]);
        let parts = split_top_level(&tidy(&rest), &[',']);
        if let Some((event, places)) = parts.split_first() {
            p.entity = tidy(event);
            if p.location.is_empty() {
                p.location = places.join(", ");
            }
        }
        return Some(p);
    }
    if !p.location.is_empty() {
        // "Title, Event @Place": the event is the last part
        let parts = split_top_level(&main, &[',']);
        match parts.split_last() {
            Some((event, title)) if !title.is_empty() => {
                p.entity = tidy(event);
                p.name = tidy(&title.join(", "));
            }
            _ => p.name = tidy(&main),
        }
        return Some(p);
    }
    // "Title. Event, Place" or "Title, Event, Place"
    let (title, rest) = match main.split_once(". ") {
        Some((a, b)) if a.split_whitespace().count() >= 3 => (a.to_string(), b.to_string()),
        _ => {
            let parts = split_top_level(&main, &[',']);
            match parts.split_first() {
                Some((a, b)) => (a.clone(), b.join(", ")),
                None => (main.clone(), String::new()),
            }
        }
    };
    p.name = tidy(&title);
    let parts = split_top_level(&rest, &[',']);
    if let Some((event, places)) = parts.split_first() {
        p.entity = tidy(event);
        p.location = tidy(&places.join(", "));
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn event_at_place() {
        let p = line("2024.03, [Invited Talk] NVIDIA GPU and LLM Exploration, Flat GEMM Optimization, SJTU @Shanghai, USA").unwrap();
        assert_eq!(
            p.name,
            "NVIDIA GPU and LLM Exploration, Flat GEMM Optimization"
        );
        assert_eq!(p.entity, "SJTU");
        assert_eq!(p.location, "Shanghai, USA");
        let d = p.dates.unwrap();
        assert_eq!(d.start, Date::ym(2024, 3));
        assert_eq!(d.end, Some(End::Date(Date::ym(2024, 3))));
        assert_eq!(p.kind, "talk");
    }

    #[test]
    fn quoted_title_then_event_and_place() {
        let p = line("\"Fast Kernels for Sparse Models\", MLSys Workshop, Santa Clara, CA, May 2024 (Invited)").unwrap();
        assert_eq!(p.name, "Fast Kernels for Sparse Models");
        assert_eq!(p.entity, "MLSys Workshop");
        assert_eq!(p.location, "Santa Clara, CA");
    }
}
