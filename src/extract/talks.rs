//! Talks and presentations → `Project` items with `kind: "talk"`.
//!
//! Input: the blocks of a talks section. Output: one talk per line: the date (a single
//! date is both start and end), type labels ("[Invited Talk]", "(Oral)") dropped, the title
//! (quoted when the line quotes it), the event (`entity`) and the place: "Title, Event
//! @Place", "\"Title\", Event, Place", "Title. Event, Place".

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::Block;
use crate::extract::volunteer::{
    attach_date_lines, entries, group_heading_entries, take_edge_dates,
};
use crate::lex::{date, split_top_level};
use crate::model::{DateRange, Project};

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)[\[(](?:[a-z -]*(?-u:\b)(?:talk|presentation|keynote|poster|oral|seminar|lecture|tutorial|panel|spotlight|plenary|address)s?|invited)(?:,[^\[\]()]*)?[\])]\s*:?")
        .unwrap()
});
static AT_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"^(?i)(?:(?:invited|contributed|plenary|keynote|guest|seminar)\s+)?(?:talk|presentation|seminar|lecture|keynote|speaker)s?\s+(?:at|@)\s+")
        .unwrap()
});
/// A talk-type tag opening the line: "*Invited*, …", "Contributed: …", "Keynote – …".
static LEAD_TAG: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"^(?i)(?:invited|contributed|keynote|plenary|poster|oral)(?:\s+(?:talk|presentation|paper|speaker))?\s*[,:;.–—-]\s+")
        .unwrap()
});
/// Words naming a meeting rather than a talk title.
static EVENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?-u:\b)(?:conference|assembly|meeting|workshop|symposium|congress|colloquium|seminar|summit|forum|school)(?-u:\b)")
        .unwrap()
});
/// Link labels left from "[\[video\]](url)", "| [slides]": material links, not text.
static LINK_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?:\s*[|·]\s*)?\[(?:video|slides?|pdf|code|recording|link|youtube|bilibili|website|page)\]").unwrap()
});
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r#"[“"]([^”"]{3,})[”"]"#).unwrap());

/// APA 7 presentations: "Roe, J. (2024, April 17–20). Title [Paper presentation]. Meeting,
/// City, Country." The event and place may wrap onto the next line.
static APA: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"^.+?\s\(((?:19|20)[0-9]{2})(?:,\s*([^()]{3,}))?\)\.\s+(.+?)\s\[([^\]]{3,})\]\.?\s*(.*)$",
    )
    .unwrap()
});

fn apa(text: &str) -> Option<Project> {
    let c = APA.captures(text.trim())?;
    // (a day of at most 30 characters, a medium of at most 40; counted here, not in the pattern)
    let short = |i: usize, n: usize| c.get(i).is_none_or(|m| m.as_str().chars().count() <= n);
    if !short(2, 30) || !short(4, 40) {
        return None;
    }
    // "(2024, April 17–20)" is read as "April 17–20, 2024"
    let when = match c.get(2) {
        Some(md) => format!("{}, {}", md.as_str().trim(), &c[1]),
        None => c[1].to_string(),
    };
    let dates = date::find_all(&when).last().map(|(r, _)| r.closed());
    let mut p = Project {
        kind: "talk".into(),
        name: tidy(&c[3]),
        dates,
        ..Default::default()
    };
    event_place(&mut p, &c[5]);
    Some(p)
}

/// "Meeting, Columbus, OH, United States.": the event, then its place.
fn event_place(p: &mut Project, s: &str) {
    (p.entity, p.location) = split_event_place(&tidy(s));
}

/// "Seminar Series, Stanford University, Stanford, CA" → (event, place): the place is the
/// printed location closing the text, its first part whole ("Cold Spring Harbor, NY");
/// without one, what follows the first comma.
fn split_event_place(t: &str) -> (String, String) {
    match crate::extract::entries::find_location(t) {
        Some(r) if r.start > 0 && tidy(&t[r.end..]).trim_matches(['(', ')']).len() <= 12 => {
            let from = t[..r.start].rfind(", ").map_or(0, |i| i + 2);
            // ("Cold Spring Harbor, NY": a long city name; "…, Massachusetts Institute of
            // Technology, Cambridge, MA": the host is the event's, not the place's)
            let whole = t[from..r.start]
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
                && !crate::extract::volunteer::is_org(&t[from..r.start]);
            let start = if whole && from > 0 { from } else { r.start };
            (tidy(&t[..start]), tidy(&t[start..]))
        }
        _ => {
            let parts = split_top_level(t, &[',']);
            match parts.split_first() {
                Some((event, places)) => (tidy(event), tidy(&places.join(", "))),
                None => (String::new(), String::new()),
            }
        }
    }
}

pub fn section(blocks: &[Block]) -> Vec<Project> {
    let mut out: Vec<Project> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let links: Vec<&crate::markup::Link> = blocks.iter().flat_map(|b| &b.links).collect();
    // an APA presentation whose event and place wrapped onto the next line
    let mut apa_open = false;
    let blocks = group_heading_entries(blocks, true);
    let list = attach_date_lines(entries(&blocks));
    // whether the line before was a bare title
    let mut after_title = false;
    for (text, subs) in list {
        let title_line = std::mem::replace(&mut after_title, bare_title(&text));
        if seen.contains(&text) {
            continue;
        }
        // "Title" / "Event, Stanford, CA" / "April 2024" (raw PDF text): a bare title over
        // the dated event line
        if let Some(p) = out.last_mut().filter(|q| {
            title_line && q.entity.is_empty() && q.location.is_empty() && q.dates.is_none()
        }) {
            if let Some((event, place, dates)) = event_line(&text) {
                (p.entity, p.location, p.dates) = (event, place, dates);
                seen.push(text);
                continue;
            }
        }
        if std::mem::take(&mut apa_open) && date::find_all(&text).is_empty() {
            if let Some(prev) = out.last_mut() {
                event_place(prev, &text);
                seen.push(text);
                continue;
            }
        }
        if let Some(mut p) = apa(&text) {
            apa_open = p.entity.is_empty();
            p.highlights = subs;
            out.push(p);
            seen.push(text);
            continue;
        }
        if let Some(list) = venue_list(&text) {
            out.extend(list);
            seen.push(text);
            continue;
        }
        if let Some(mut p) = line(&text) {
            // "2023  Oral presentation, Meeting, Bern" then the title on a line of its own
            if let Some(prev) = out.last_mut().filter(|q| {
                q.name.is_empty()
                    && p.dates.is_none()
                    && p.entity.is_empty()
                    && p.location.is_empty()
            }) {
                prev.name = p.name;
                seen.push(text);
                continue;
            }
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

/// "2024  NBER Summer Institute; Stanford GSB; CEMFI*; SIOE Conference (Chicago)": a year,
/// then the places a paper was presented (economics, political science), one talk each.
fn venue_list(text: &str) -> Option<Vec<Project>> {
    let mut t = text.to_string();
    let dates = take_edge_dates(&mut t)?.closed();
    let mut parts = split_top_level(&t, &[';']);
    // "2024: NBER Summer Institute, Princeton University, CEMFI": a year label, then commas
    let year_label = text
        .trim_start()
        .get(..5)
        .is_some_and(|y| y[..4].bytes().all(|b| b.is_ascii_digit()) && y.ends_with(':'));
    if parts.len() < 2 && year_label {
        parts = split_top_level(&t, &[',']);
        if parts.len() < 3
            || parts
                .iter()
                .any(|p| p.trim().starts_with(char::is_lowercase))
        {
            return None;
        }
    }
    let short = |p: &String| {
        let p = p.trim();
        !p.is_empty()
            && p.split_whitespace().count() <= 8
            && !p.contains(['“', '”', '"'])
            && !p.contains(". ")
    };
    if parts.len() < 2 || !parts.iter().all(short) {
        return None;
    }
    let talks = parts
        .iter()
        .map(|part| {
            let part = part.trim().trim_end_matches(['*', '†']).trim();
            // "(Chicago)", "(Prague, CZ)": a place; "(Political Economy)": part of the name
            let (entity, place) = match part.strip_suffix(')').and_then(|p| p.rsplit_once(" (")) {
                Some((e, pl))
                    if pl.contains(", ")
                        || (pl.split_whitespace().count() == 1
                            && pl.starts_with(char::is_uppercase)) =>
                {
                    (e, pl)
                }
                _ => (part, ""),
            };
            Project {
                kind: "talk".into(),
                entity: tidy(entity.trim_end_matches(['*', '†'])),
                location: place.to_string(),
                dates: Some(dates),
                ..Default::default()
            }
        })
        .collect();
    Some(talks)
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

/// A line that can only be a talk's title: no date, no comma, no quotes, several words.
fn bare_title(t: &str) -> bool {
    !t.contains([',', '“', '"'])
        && t.split_whitespace().count() >= 3
        && date::find_all(t).is_empty()
}

/// "Department of Genetics Seminar Series, Stanford University, Stanford, CA  April 2024":
/// an event, its place and its date, no title.
fn event_line(text: &str) -> Option<(String, String, Option<DateRange>)> {
    let mut t = text.to_string();
    let dates = take_edge_dates(&mut t)?.closed();
    let t = tidy(&t);
    // ("Keynote, Meeting, Wellington": the talk's kind goes)
    let t = match LEAD_TAG.find(&t) {
        Some(m) => tidy(&t[m.end()..]),
        None => t,
    };
    if QUOTED.is_match(&t) || !t.contains(',') {
        return None;
    }
    let (event, place) = split_event_place(&t);
    (!event.is_empty()).then_some((event, place, Some(dates)))
}

/// One talk line.
pub fn line(text: &str) -> Option<Project> {
    // type labels go first: "…, May 2024 (Invited)" closes with its date
    let t = LINK_LABEL.replace_all(text, " ");
    let mut t = LABEL.replace_all(&t, " ").into_owned();
    // the talk's own date opens or closes the line; a year glued to the event ("NeurIPS
    // 2024") is the only date when no other is given, and stays in the event's name
    let mut dates = take_edge_dates(&mut t);
    // "2019  “Title.” Venue, New York, 25 February 2019.": a year column, then the full date
    // closing the line; the full date is the talk's
    if let Some(year) = dates.filter(|d| d.start.month.is_none() && d.end.is_none()) {
        let mut rest = t.clone();
        if let Some(exact) = take_edge_dates(&mut rest)
            .filter(|d| d.start.year == year.start.year && d.start.month.is_some())
        {
            dates = Some(exact);
            t = rest;
        }
    }
    let dates = dates
        .or_else(|| date::find_all(&t).last().map(|(r, _)| *r))
        .map(DateRange::closed);
    let mut t = tidy(&t);
    // "K. Zielińska, R. Baumgartner. Title (oral). Meeting, City": the authors go
    if let Some(at) = crate::lex::name::author_prefix(&t) {
        t = t[at..].to_string();
    }
    let (t, tagged) = match LEAD_TAG.find(&t) {
        Some(m) => (t[m.end()..].to_string(), true),
        None => (t, false),
    };
    // "Contributed, EGU General Assembly, Vienna": a tag, then the event, no title
    let untitled = tagged
        && !QUOTED.is_match(&t)
        && EVENT_WORD.is_match(
            split_top_level(&t, &[','])
                .first()
                .map_or("", |s| s.as_str()),
        );
    // "Invited talk at Event, City": no title, the event and its place
    if let Some(end) = AT_EVENT.find(&t).map(|m| m.end()).or(untitled.then_some(0)) {
        let parts = split_top_level(&t[end..], &[',']);
        let (event, places) = parts.split_first()?;
        // "Lausanne, Switzerland (Best Poster Prize)": a remark after the place
        let place = tidy(&places.join(", "));
        let (place, remark) = match place.strip_suffix(')').and_then(|p| p.rsplit_once(" (")) {
            Some((pl, r)) => (pl.to_string(), r.to_string()),
            None => (place, String::new()),
        };
        return Some(Project {
            kind: "talk".into(),
            dates,
            entity: tidy(event),
            location: place,
            description: remark,
            ..Default::default()
        });
    }
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
    // "Title — Event, Place", "Title. Event, Place" or "Title, Event, Place"
    let dashed = main
        .split_once(" — ")
        .or_else(|| main.split_once(" – "))
        .filter(|(a, _)| a.split_whitespace().count() >= 2);
    let (title, rest) = match dashed.or_else(|| main.split_once(". ")) {
        Some((a, b)) if a.split_whitespace().count() >= 2 && dashed.is_some() => {
            (a.to_string(), b.to_string())
        }
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
    // "Meeting; 2024 Nov 13–17; New Orleans, LA, USA" (Vancouver): parts by semicolons, the
    // date among them dropped
    let parts: Vec<String> = if rest.contains("; ") {
        split_top_level(&rest, &[';'])
            .into_iter()
            .filter(|part| {
                let found = date::find_all(part);
                found
                    .first()
                    .is_none_or(|(_, sp)| tidy(part) != tidy(&part[sp.clone()]))
            })
            .collect()
    } else {
        split_top_level(&rest, &[','])
    };
    // "Title, contributed talk, RECOMB 2024, Cambridge, MA": the talk's kind is no event
    let parts = match parts.split_first() {
        Some((kind, more)) if TYPE_PART.is_match(kind.trim()) && !more.is_empty() => more,
        _ => &parts[..],
    };
    if let Some((event, places)) = parts.split_first() {
        p.entity = tidy(event);
        p.location = tidy(&places.join(", "));
    }
    Some(p)
}

/// A part naming the talk's kind ("contributed talk", "invited seminar", "poster").
static TYPE_PART: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^(?:(?:invited|contributed|keynote|plenary|spotlight|oral|poster|lightning)(?:\s+(?:talk|seminar|presentation|paper|lecture|address|speaker))?|talk|seminar|poster|invited|keynote)$").unwrap()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_talks_kind_is_no_event() {
        let p = line(
            "*Enhancer grammar*, contributed talk, RECOMB 2024, Cambridge, MA, USA, April 2024.",
        )
        .unwrap();
        assert_eq!(p.entity, "RECOMB 2024");
        assert_eq!(p.location, "Cambridge, MA, USA");
    }

    #[test]
    fn presentation_venue_lists() {
        let ts = venue_list("2023        LSE; Warwick*; SIOE Annual Conference (Chicago)").unwrap();
        let got: Vec<(&str, &str)> = ts
            .iter()
            .map(|p| (p.entity.as_str(), p.location.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("LSE", ""),
                ("Warwick", ""),
                ("SIOE Annual Conference", "Chicago")
            ]
        );
        assert!(venue_list("2023 “A Title; With Semicolon,” Meeting, Rome").is_none());
    }

    #[test]
    fn apa_presentations() {
        let p = apa("Demirci Karagöz, A., & Yıldız, E. (2024, April 17–20). Grandmothers as a safety net [Paper presentation]. Population Association of America Annual Meeting, Columbus, OH, United States.").unwrap();
        assert_eq!(p.name, "Grandmothers as a safety net");
        assert_eq!(p.entity, "Population Association of America Annual Meeting");
        assert_eq!(p.location, "Columbus, OH, United States");
        assert_eq!(
            p.dates.map(|d| (d.start.year, d.start.day)),
            Some((Some(2024), Some(17)))
        );
        assert!(apa("Roe, J. (2021). A paper title. Journal, 3, 1–2.").is_none());
    }

    #[test]
    fn untitled_talk_takes_the_title_line_below() {
        use crate::doc::{Block, BlockKind};
        let b = |t: &str| Block::new(BlockKind::Para, t, 0..0);
        let talks = section(&[
            b("2023    Oral presentation, Swiss Chemical Society Fall Meeting, Bern, Switzerland"),
            b("Hysteresis and memory effects in self-assembled cages"),
            b("2018    Poster, Fall Meeting, Lausanne, Switzerland (Best Poster Prize)"),
        ]);
        assert_eq!(talks.len(), 2);
        assert_eq!(
            talks[0].name,
            "Hysteresis and memory effects in self-assembled cages"
        );
        assert_eq!(talks[0].entity, "Swiss Chemical Society Fall Meeting");
        assert_eq!(talks[1].location, "Lausanne, Switzerland");
        assert_eq!(talks[1].description, "Best Poster Prize");
    }

    #[test]
    fn title_over_event_line_and_date_line() {
        use crate::doc::{Block, BlockKind};
        let b = |k, t: &str| Block::new(k, t, 0..0);
        let talks = section(&[
            b(BlockKind::Para, "Lineage trees from barcodes and beyond"),
            b(
                BlockKind::Para,
                "CSHL Meeting: Single Cell Analyses, Cold Spring Harbor, NY",
            ),
            b(BlockKind::Para, "November 2023"),
            b(BlockKind::Heading(3), "Fast Bayesian spatial models"),
            b(
                BlockKind::Para,
                "Keynote, NZ Statistical Association Conference",
            ),
            b(BlockKind::Para, "Wellington, New Zealand"),
            b(BlockKind::Para, "Dec 2024"),
        ]);
        assert_eq!(talks.len(), 2, "{talks:?}");
        assert_eq!(talks[0].entity, "CSHL Meeting: Single Cell Analyses");
        assert_eq!(talks[0].location, "Cold Spring Harbor, NY");
        assert_eq!(talks[0].dates.map(|d| d.start.month), Some(Some(11)));
        assert_eq!(talks[1].name, "Fast Bayesian spatial models");
        assert_eq!(talks[1].entity, "NZ Statistical Association Conference");
        assert_eq!(talks[1].location, "Wellington, New Zealand");
    }

    #[test]
    fn leading_type_tags() {
        let p =
            line("Invited, \"Why cold pools matter,\" Met Office seminar, Exeter, UK, Mar 2024")
                .unwrap();
        assert_eq!(p.name, "Why cold pools matter");
        assert_eq!(p.entity, "Met Office seminar");
        let p = line("Contributed, EGU General Assembly, Vienna, Austria, Apr 2024 (oral, AS1.11)")
            .unwrap();
        assert_eq!(
            (p.name.as_str(), p.entity.as_str()),
            ("", "EGU General Assembly")
        );
        assert_eq!(p.location, "Vienna, Austria");
    }
    use crate::model::{Date, End};

    #[test]
    fn title_dash_event_place() {
        let p =
            line("Agreement across languages — SIGMORPHON Workshop keynote, Online (Jul. 2022)")
                .unwrap();
        assert_eq!(
            (p.name.as_str(), p.entity.as_str(), p.location.as_str()),
            (
                "Agreement across languages",
                "SIGMORPHON Workshop keynote",
                "Online"
            )
        );
    }

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
        let p = line("2024.03, Learning Dexterity, Stanford Robotics Seminar | [video] [slides]")
            .unwrap();
        assert_eq!(p.entity, "Stanford Robotics Seminar");
    }

    #[test]
    fn emphasised_title_event_place_date() {
        let p = line("Provably robust sparse attention, NeurIPS 2024, Vancouver, Canada, Dec 2024")
            .unwrap();
        assert_eq!(p.entity, "NeurIPS 2024");
        assert_eq!(p.location, "Vancouver, Canada");
        assert_eq!(p.dates.unwrap().start, Date::ym(2024, 12));
        let p = line("Scaling laws, ICCAD 2024").unwrap();
        assert_eq!(p.entity, "ICCAD 2024");
        assert_eq!(p.dates.unwrap().start.year, Some(2024));
    }

    #[test]
    fn invited_talk_at_event() {
        let p = line("Invited talk at Google Research, Mountain View, CA, March 2023").unwrap();
        assert_eq!(p.name, "");
        assert_eq!(p.entity, "Google Research");
        assert_eq!(p.location, "Mountain View, CA");
        assert_eq!(p.dates.unwrap().start, Date::ym(2023, 3));
    }

    #[test]
    fn quoted_title_then_event_and_place() {
        let p = line("\"Fast Kernels for Sparse Models\", MLSys Workshop, Santa Clara, CA, May 2024 (Invited)").unwrap();
        assert_eq!(p.name, "Fast Kernels for Sparse Models");
        assert_eq!(p.entity, "MLSys Workshop");
        assert_eq!(p.location, "Santa Clara, CA");
    }
}
