//! Service, teaching-assistant and club lines → `Volunteer` items.
//!
//! Input: the blocks of a service/teaching/activities section. Output: one item per line:
//! the date range removed; "Role of Org" and "Role, Org" split into position and
//! organization (the organization is only taken when it reads like one: University, Lab,
//! Club ... from `grammars/organizations.txt`); what is left (course text) goes to
//! `summary`. Nested items become highlights; an identical duplicated line is kept once.

use crate::doc::{Block, BlockKind};
use crate::lex::{date, split_top_level};
use crate::model::{DateRange, Volunteer};
use crate::tables::ORGANIZATIONS;

pub fn section(blocks: &[Block]) -> Vec<Volunteer> {
    let blocks = heading_entries(blocks);
    let list = attach_date_lines(entries(&blocks));
    let dated = |t: &str| !date::find_all(t).is_empty();
    let mut out: Vec<Volunteer> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    // the organization line the entries below belong to ("University of Rochester" over
    // its courses)
    let mut label: Option<Label> = None;
    let mut labels: Vec<Option<Label>> = list.iter().map(|(t, _)| group_label(t)).collect();
    for (i, (text, subs)) in list.iter().enumerate() {
        // "University of Utah: Math 2210 … (Fall 2021); Math 5405 … (Spring 2023)."
        if let Some((org, rest)) = org_lead(text) {
            let l = Label::new(org);
            for part in split_top_level(rest, &[';']) {
                out.extend(line(&part).map(|v| l.apply(v)));
            }
            continue;
        }
        // "Instructor evaluations: 5.52/6.00": a figure about the entry above
        if let Some(last) = out.last_mut().filter(|_| rating(text)) {
            last.highlights.push(text.clone());
            continue;
        }
        // "Conference reviewer: AOM Annual Meeting (2016 – present); SIOP (2018 – present)"
        if let Some((role, parts)) = role_list(text) {
            for part in parts {
                out.extend(line(&format!("{role}, {part}")));
            }
            continue;
        }
        if let Some(l) = labels[i].take() {
            // "To the discipline" over dated items; "University of X" over dated lines
            if subs.iter().any(|s| dated(s)) {
                out.extend(subs.iter().filter_map(|s| line(s)).map(|v| l.apply(v)));
                continue;
            }
            // "Lancaster University (2021–present)" over its undated courses
            let next_fits = list.get(i + 1).is_some_and(|(t, _)| {
                labels[i + 1].is_none() && (dated(t) || l.dates.is_some() && !is_org(t))
            });
            if subs.is_empty() && next_fits && !l.org.is_empty() {
                label = Some(l);
                continue;
            }
        }
        // (an identical duplicated line is kept once; a repeated label still heads its
        // entries)
        if seen.contains(&text.as_str()) {
            continue;
        }
        seen.push(text);
        if let Some(mut v) = line(text) {
            // "Editorial", "Reviewing": a sub-heading over the entries, not one of them
            let bare = v.organization.is_empty() && v.position.is_empty() && v.dates.is_none();
            if bare && subs.is_empty() && v.summary.split_whitespace().count() <= 3 {
                continue;
            }
            v.highlights = subs.clone();
            if let Some(l) = &label {
                v = l.apply(v);
            }
            out.push(v);
        }
    }
    out
}

/// A line of dates only: a range, or a list ("Spring 2021, 2022, 2023").
fn only_dates(t: &str) -> bool {
    let mut x = t.to_string();
    take_edge_span(&mut x).is_some() && edge_trim(&x).is_empty()
}

/// Entries titled by a sub-heading (R pagedown, Markdown CVs: "### Treasurer" then the
/// organization, a place and the dates on lines of their own) as one line each:
/// "Treasurer, New Zealand Statistical Association, 2022 - 2019". Filler lines ("N/A") go.
fn heading_entries(blocks: &[Block]) -> Vec<Block> {
    group_heading_entries(blocks, false)
}

/// As `heading_entries`; with `title_apart` the heading stays a line of its own over the
/// joined rest (a talk's title over its event, place and date).
pub(crate) fn group_heading_entries(blocks: &[Block], title_apart: bool) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let run = blocks[i + 1..]
            .iter()
            .take_while(|x| x.kind == BlockKind::Para)
            .count();
        let body = &blocks[i + 1..i + 1 + run];
        let ends_group = blocks
            .get(i + 1 + run)
            .is_none_or(|x| matches!(x.kind, BlockKind::Heading(_)));
        if matches!(b.kind, BlockKind::Heading(l) if l >= 3)
            && date::find_all(&b.text).is_empty()
            && (1..=4).contains(&run)
            && ends_group
            && body.iter().any(|x| only_dates(&x.text))
        {
            let (dates, text): (Vec<&Block>, Vec<&Block>) =
                body.iter().partition(|x| only_dates(&x.text));
            let head = if title_apart {
                out.push(Block::new(BlockKind::Para, &b.text, b.span.clone()));
                None
            } else {
                Some(b.text.as_str())
            };
            let mut line = head
                .into_iter()
                .chain(text.iter().map(|x| x.text.as_str()))
                .filter(|t| !crate::lex::is_filler(t))
                .collect::<Vec<_>>()
                .join(", ");
            for d in dates {
                line = format!("{line}, {}", d.text);
            }
            let span = b.span.start..body.last().map_or(b.span.end, |x| x.span.end);
            out.push(Block::new(BlockKind::Para, &line, span));
            i += 1 + run;
            continue;
        }
        if !crate::lex::is_filler(&b.text) {
            out.push(b.clone());
        }
        i += 1;
    }
    out
}

/// A line grouping the entries under it: an organization, maybe with a role qualifier
/// ("Massachusetts Institute of Technology (teaching assistant)"), or a short phrase ("To
/// the discipline"); no date, no role of its own.
struct Label {
    org: String,
    role: String,
    dates: Option<DateRange>,
}

impl Label {
    fn new(org: &str) -> Self {
        Label {
            org: tidy(org),
            role: String::new(),
            dates: None,
        }
    }

    /// An entry under the label takes its organization, role and dates when it has none.
    fn apply(&self, mut v: Volunteer) -> Volunteer {
        if v.dates.is_none() {
            v.dates = self.dates;
        }
        if v.organization.is_empty() {
            v.organization = self.org.clone();
        }
        if v.position.is_empty() && !self.role.is_empty() {
            v.position = self.role.clone();
        }
        v
    }
}

/// The label a line makes, if it is one: no role among its parts, at most eight words, an
/// organization (with its place) or a short phrase; dates only on an organization.
fn group_label(text: &str) -> Option<Label> {
    let mut t = text.to_string();
    let dates = take_edge_span(&mut t);
    let t = t.trim().trim_end_matches('.');
    if t.ends_with(':') || t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let (head, role) = match t.strip_suffix(')').and_then(|x| x.rsplit_once('(')) {
        Some((h, q)) if is_role(q) => (h.trim(), q.trim()),
        _ => (t, ""),
    };
    let words = head.split_whitespace().count();
    let parts = split_top_level(head, &[',']);
    if words == 0
        || words > 8
        || parts.iter().any(|p| is_role(p))
        || !head.starts_with(char::is_uppercase)
    {
        return None;
    }
    // ("University of Iowa, Tippie College of Business": a school and its college)
    let org = is_org(&parts[0])
        && parts
            .iter()
            .skip(1)
            .all(|p| is_place(p) || is_org(p) && !is_role(p));
    if !org && (words > 4 || head.contains(',')) {
        return None;
    }
    let role = if role.chars().all(|c| !c.is_uppercase()) {
        crate::lex::capitalize_words(role)
    } else {
        role.to_string()
    };
    // (a dated label names an organization: "Lancaster University (2021–present)")
    if dates.is_some() && !org {
        return None;
    }
    Some(Label {
        org: if org { head.to_string() } else { String::new() },
        role,
        dates,
    })
}

/// "University of Toronto: Teaching Assistant, LIN 100 …": an organization before a colon
/// heads the entries after it.
fn org_lead(text: &str) -> Option<(&str, &str)> {
    let (head, rest) = text.split_once(": ")?;
    (is_org(head)
        && !is_role(head)
        && head.split_whitespace().count() <= 8
        && !head.chars().any(|c| c.is_ascii_digit())
        && !date::find_all(rest).is_empty())
    .then_some((head, rest))
}

/// "Average TA rating: 4.7/5.0", "Instructor evaluations: 5.52/6.00 (mean 5.11)": a label
/// and a figure, no dates.
fn rating(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(label, figure)| {
        label.split_whitespace().count() <= 4
            && figure.starts_with(|c: char| c.is_ascii_digit())
            && take_edge_span(&mut text.to_string()).is_none()
    })
}

/// The text around the first colon or spaced dash, which may close a role ("Reviewer: …",
/// "Co-lecturer — Climate Extremes: Processes and Impacts, …").
fn role_separator(t: &str) -> Option<(&str, &str)> {
    [": ", " — ", " – "]
        .iter()
        .filter_map(|sep| t.find(sep).map(|i| (i, sep.len())))
        .min()
        .map(|(i, n)| (&t[..i], &t[i + n..]))
}

/// A role over a list of organizations each with its own dates: the role and the parts.
fn role_list(text: &str) -> Option<(&str, Vec<String>)> {
    let (role, rest) = role_separator(text)?;
    let parts = split_top_level(rest, &[';']);
    let dated = |p: &String| take_edge_span(&mut p.clone()).is_some();
    (is_role(role) && !role.contains(',') && parts.len() > 1 && parts.iter().all(dated))
        .then_some((role, parts))
}

/// A line holding only dates belongs to the entry beside it: under it in raw PDF text
/// ("Co-organizer, Workshop" / "2022–present"), or over it when the list opens with one.
pub(crate) fn attach_date_lines(list: Vec<(String, Vec<String>)>) -> Vec<(String, Vec<String>)> {
    // (a year inside a name, "ISMB 2022, Madison", is no date of the entry's own)
    let undated = |t: &str| take_edge_span(&mut t.to_string()).is_none();
    let leading = list.first().is_some_and(|(t, _)| only_dates(t));
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut pending: Option<String> = None;
    for (text, subs) in list {
        if let Some(d) = pending.take() {
            if undated(&text) {
                out.push((format!("{d}  {text}"), subs));
                continue;
            }
            out.push((d, Vec::new()));
        }
        if subs.is_empty() && only_dates(&text) {
            if leading {
                pending = Some(text);
                continue;
            }
            if let Some(prev) = out.last_mut().filter(|p| p.1.is_empty() && undated(&p.0)) {
                prev.0 = format!("{}  {}", prev.0, text);
                continue;
            }
        }
        out.push((text, subs));
    }
    out.extend(pending.map(|d| (d, Vec::new())));
    out
}

/// The entries of a list section: each top-level line with its continuation lines joined
/// (a range split across lines, "Mar 2019 – Role," + "Jun 2019 text", is put back together)
/// and its nested items as sub-lines.
pub fn entries(blocks: &[Block]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut last_was_item = false;
    for b in blocks {
        if b.text.is_empty() {
            continue;
        }
        let text = gap_text(b);
        let text = crate::lex::strip_list_number(&text).to_string();
        match b.kind {
            BlockKind::Heading(_) | BlockKind::Rule => last_was_item = false,
            BlockKind::Item(d) if d > 0 && !out.is_empty() => {
                if let Some(e) = out.last_mut() {
                    e.1.push(text.clone());
                }
            }
            BlockKind::Para if last_was_item => {
                if let Some(e) = out.last_mut() {
                    e.0 = join_continuation(&e.0, &text);
                }
            }
            BlockKind::Item(_) => {
                out.push((text.clone(), Vec::new()));
                last_was_item = true;
            }
            _ => {
                out.push((text.clone(), Vec::new()));
                last_was_item = false;
            }
        }
    }
    out
}

/// The block's text, keeping a column gap before a right-aligned date column
/// ("Instructor, ELEC 327, Rice University      2022 – 2023") so the date reads as detached.
fn gap_text(b: &Block) -> String {
    let cols = b.columns();
    match cols.split_last() {
        Some((last, head)) if !head.is_empty() && only_dates(last) => {
            format!("{}  {}", head.join(", "), last)
        }
        _ => b.text.clone(),
    }
}

/// "Mar 2019 – Teaching Assistant, USTC," + "Jun 2019 Computer Architecture." →
/// "Mar 2019 – Jun 2019, Teaching Assistant, USTC, Computer Architecture.".
pub fn join_continuation(line: &str, cont: &str) -> String {
    let dangling = date::find_range(line).filter(|(r, span)| {
        r.end.is_none() && line[span.end..].trim_start().starts_with(['–', '-', '—'])
    });
    let leading = date::find_range(cont).filter(|(_, span)| span.start == 0);
    if let (Some((_, s1)), Some((_, s2))) = (dangling, leading) {
        let after_dash = line[s1.end..]
            .trim_start()
            .trim_start_matches(['–', '-', '—'])
            .trim()
            .trim_end_matches(',');
        return format!(
            "{} – {}, {}, {}",
            &line[s1.clone()],
            &cont[s2.clone()],
            after_dash,
            cont[s2.end..].trim()
        );
    }
    format!("{} {}", line.trim_end(), cont.trim())
}

/// One service line.
pub fn line(text: &str) -> Option<Volunteer> {
    let mut t = text.replace("(expected)", "");
    let dates = take_edge_span(&mut t);
    let t = edge_trim(&t).to_string();
    if t.is_empty() {
        return None;
    }
    let mut v = Volunteer {
        dates,
        ..Default::default()
    };
    // "Reviewer: NeurIPS, ICML" – a role before a colon; a list of dated events ("Program
    // Committee: OSDI 2024, SOSP 2023") names meetings, not organizations: the summary
    // ("Associate Chair — CHI 2024, CHI 2025": a spaced dash stands for the colon)
    let split = role_separator(&t);
    let mut course_first = None;
    if let Some((role, rest)) = split {
        // ("Ad hoc reviewer (co-reviewed with advisor): …": a remark in brackets is no part
        // of the role)
        let role = match role.split_once(" (") {
            Some((r, remark)) if remark.ends_with(')') => r,
            _ => role,
        };
        // "Teaching Assistant — Field course (BSc), Stockholm University": course and
        // school after a teaching role read as after its comma
        if is_role(role) && teaching(role) && !role.contains(',') && rest.contains(", ") {
            course_first = Some(format!("{role}, {rest}"));
        } else if is_role(role) && !role.contains(',') {
            v.position = tidy(role);
            if rest.chars().any(|c| c.is_ascii_digit()) {
                v.summary = tidy(rest);
            } else {
                v.organization = tidy(rest);
            }
            return Some(v);
        }
    }
    let t = course_first.unwrap_or(t);
    let parts = split_top_level(&t, &[',']);
    let (first, others) = parts.split_first()?;
    // "IT Administrator of DAI-Lab, Shanghai Jiao Tong University"
    // ("Instructor of Record, PSYC 245": a role's own "of" names no organization)
    let role_of = |sep: &str| {
        first
            .split_once(sep)
            .filter(|(r, o)| is_role(r) && (is_org(o) || !teaching(r)))
    };
    if let Some((role, org)) = role_of(" of ").or_else(|| role_of(" for ")) {
        v.position = tidy(role);
        let mut org = vec![org.trim().to_string()];
        org.extend(others.iter().cloned());
        v.organization = tidy(&org.join(", "));
        return Some(v);
    }
    // a first part without a role word is course or activity text, not a position
    let mut others: Vec<String> = others.to_vec();
    // "Student Volunteer Chair, ASSETS 2021", "Associate Chair, CHI 2025 — Subcommittee":
    // a meeting's edition is the organization and the year its date
    if is_role(first) && v.dates.is_none() {
        if let Some(k) = others.iter().position(|p| meeting_edition(p).is_some()) {
            let (tag, year, rest) = meeting_edition(&others[k]).unwrap_or_default();
            v.position = tidy(first);
            v.organization = tag;
            v.dates = Some(DateRange::single(crate::model::Date::year(year)));
            others.remove(k);
            if !rest.is_empty() {
                others.insert(k, rest);
            }
            v.summary = tidy(&others.join(", "));
            return Some(v);
        }
    }
    if is_role(first) {
        v.position = tidy(first);
    } else {
        others.insert(0, first.clone());
    }
    // "Course, Co-instructor": a role printed after the activity
    if v.position.is_empty() {
        if let Some(k) = others
            .iter()
            .position(|p| is_role(p) && p.split_whitespace().count() <= 3 && !is_org(p))
            .filter(|&k| k > 0)
        {
            v.position = tidy(&others.remove(k));
        }
    }
    // "Reviewer, ACL Rolling Review", "Mentor, Summer Research Program (SURP), UNC Chapel
    // Hill": what a non-teaching role serves is its organization, names all (a teaching
    // role's parts are the course); a closing place is no part of it ("…, Hillsborough, NC")
    if !others.is_empty() && !v.position.is_empty() && !teaching(&v.position) {
        let rest = others.join(", ");
        let body = match crate::extract::entries::find_location(&rest) {
            Some(r) if r.start > 0 && r.end == rest.len() => rest[..r.start].trim_end(),
            _ => rest.as_str(),
        };
        let named = split_top_level(body.trim_end_matches(','), &[',']);
        // ("Module organiser, Epidemiology of …, LSHTM": an organization after other text
        // closes it, and the text before is the activity)
        let org_last = named.len() > 1 && !is_org(&named[0]) && named.iter().any(|o| is_org(o));
        if !named.is_empty()
            && !org_last
            && named.iter().all(|o| {
                o.starts_with(|c: char| c.is_uppercase()) && !o.chars().any(|c| c.is_ascii_digit())
            })
        {
            v.organization = tidy(&named.join(", "));
            return Some(v);
        }
    }
    let others = &others[..];
    // the organization right after the role ("TA, USTC, Course") or the trailing run of
    // parts that read like one ("TA, Course, Stanford University")
    let lead = others.iter().take_while(|p| is_org(p)).count();
    let (summary, org): (Vec<String>, Vec<String>) = if lead > 0 {
        (others[lead..].to_vec(), others[..lead].to_vec())
    } else {
        let from = others
            .iter()
            .position(|p| is_org(p))
            .filter(|&i| others[i..].iter().all(|p| is_org(p) || is_place(p)))
            .unwrap_or(others.len());
        (others[..from].to_vec(), others[from..].to_vec())
    };
    // free text keeps its final period
    v.summary = summary.join(", ").trim().trim_end_matches(',').to_string();
    v.organization = org.join(", ");
    Some(v)
}

/// Remove the line's own dates and return them: a date (range) opening the line, or the run
/// of dates closing it ("…, Spring 2016", "… (2017–2019)", "…, Fall 2022, Fall 2023"). A
/// closing year glued to a name ("EuroSys 2022") is part of the name. Of a list of dates
/// (a talk given twice) only the first is kept.
pub fn take_edge_dates(t: &mut String) -> Option<DateRange> {
    take_edge_run(t).map(|(first, last)| match last {
        Some(_) => DateRange::single(first.start),
        None => first,
    })
}

/// As `take_edge_dates`, but a list of dates spans them ("Fall 2021, Fall 2023": a course
/// taught over 2021–2023).
pub fn take_edge_span(t: &mut String) -> Option<DateRange> {
    take_edge_run(t).map(|(first, last)| match last {
        // (a list printed newest first, or a range printed end first: "2022 - 2019")
        Some(l) if date::is_before(&l.start, &first.start) => DateRange {
            start: l.start,
            end: Some(crate::model::End::Date(first.start)),
        },
        Some(l) => DateRange {
            start: first.start,
            end: Some(l.end.unwrap_or(crate::model::End::Date(l.start))),
        },
        None => first,
    })
}

/// The edge dates and, when they are a list, its last date.
fn take_edge_run(t: &mut String) -> Option<(DateRange, Option<DateRange>)> {
    let all = date::find_all(t);
    if let Some((r, span)) = all
        .first()
        .filter(|(_, sp)| edge_trim(&t[..sp.start]).is_empty())
    {
        // the leading run: "2021, 2022: Reviewer, …" is a list, its first year the start
        let mut end = span.end;
        let mut run = 1;
        for (_, sp) in all.iter().skip(1) {
            if !only_separators(&t[end..sp.start]) {
                break;
            }
            run += 1;
            end = sp.end;
        }
        let last = all.get(run - 1).filter(|_| run > 1).map(|(l, _)| *l);
        let r = *r;
        t.replace_range(span.start..end, " ");
        return Some((r, last));
    }
    // the trailing run: each date separated from the next only by punctuation
    let mut run = 0;
    let mut end = t.len();
    for (_, sp) in all.iter().rev() {
        if !only_separators(&t[sp.end..end]) {
            break;
        }
        run += 1;
        end = sp.start;
    }
    let first = all.len().checked_sub(run).filter(|_| run > 0)?;
    let (r0, sp0) = all.get(first)?;
    // (a range, "… Nursing 2019 – 2021", is no edition glued to a name: "CHI 2024" is)
    if !(detached(&t[..sp0.start]) || run == 1 && r0.end.is_some()) {
        return None;
    }
    let last = all.last().filter(|_| run > 1).map(|(l, _)| *l);
    let r = *r0;
    t.replace_range(sp0.start.., "");
    // the parenthesis that held the dates
    let trimmed = t.trim_end().trim_end_matches('(').trim_end().len();
    t.truncate(trimmed);
    Some((r, last))
}

/// Punctuation, "and" or nothing between two dates of one list.
fn only_separators(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ')' | '(' | '.' | '|' | '–' | '-' | '—' | '&')
    });
    g.is_empty() || g.eq_ignore_ascii_case("and")
}

/// Does the text before a date end with a separator (",", "(", a dash, a column gap), so the
/// date is not a year glued to a name?
fn detached(before: &str) -> bool {
    before.ends_with("  ")
        || before.ends_with('\t')
        || before
            .trim_end()
            .ends_with([',', '(', ';', '|', '–', '—', '-', ':', '['])
}

/// Is the span at the start or the end of the line, punctuation aside?
pub fn at_edge(s: &str, span: std::ops::Range<usize>) -> bool {
    edge_trim(&s[..span.start]).is_empty()
        || edge_trim(&s[span.end..]).trim_end_matches('.').is_empty()
}

/// Separators left at a part's edges once dates or a role are taken out.
fn edge_mark(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '|' | '·')
}

fn edge_trim(s: &str) -> &str {
    s.trim_matches(edge_mark)
}

fn tidy(s: &str) -> String {
    s.trim()
        .trim_matches(edge_mark)
        .trim_end_matches('.')
        .trim()
        .to_string()
}

fn words_lower(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// A teaching role, whose object is a course rather than an organization.
fn teaching(role: &str) -> bool {
    let l = role.to_lowercase();
    ["teach", "instructor", "lecturer", "tutor", "grader", "ta"]
        .iter()
        .any(|w| {
            l.split(|c: char| !c.is_alphanumeric())
                .any(|x| x.starts_with(w) && (w.len() > 2 || x == *w))
        })
}

/// "CHI 2025" or "CHI 2025 — Accessibility subcommittee" → ("CHI", 2025, the rest).
fn meeting_edition(p: &str) -> Option<(String, u16, String)> {
    let (head, rest) = p
        .split_once(" — ")
        .or_else(|| p.split_once(" – "))
        .unwrap_or((p, ""));
    let (tag, y) = crate::lex::venue::edition(head)?;
    Some((tag.to_string(), y, rest.trim().to_string()))
}

/// A short phrase holding a role word ("Teaching Assistant", "Chairman").
fn is_role(s: &str) -> bool {
    s.split_whitespace().count() <= 5
        && words_lower(s).any(|w| crate::extract::entries::is_role_noun(&w))
}

/// A phrase naming an organization ("DAI-Lab", "Xidian University", "USTC").
pub fn is_org(s: &str) -> bool {
    let t = s.trim();
    let acronym = t.len() >= 2
        && t.len() <= 8
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || c == '&' || c == '-');
    // "ETH Zürich", "KTH Stockholm", "TU Delft": a school's acronym and its city
    let acronym_city = t.split_once(' ').is_some_and(|(a, city)| {
        (2..=5).contains(&a.len())
            && a.chars().all(|c| c.is_ascii_uppercase())
            && crate::tables::CITIES.contains_key(city)
    });
    acronym
        || acronym_city
        || !s.contains(" by ")
            && words_lower(s).any(|w| {
                ORGANIZATIONS.contains(w.as_str())
                    || w.ends_with("-lab")
                    || w.ends_with("lab") && w.len() > 3
            })
}

/// A place after an organization ("Shanghai", "China"): short, capitalised, no digits.
fn is_place(s: &str) -> bool {
    let t = s.trim();
    t.split_whitespace().count() <= 3
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sub_heading_is_no_entry() {
        let blocks: Vec<Block> = [
            "Editorial",
            "Associate Editor, Statistics in Medicine",
            "2021 – Present",
            "Reviewing",
            "Grant reviewer, National Research Foundation of Korea",
        ]
        .iter()
        .map(|t| Block::new(BlockKind::Para, t, 0..0))
        .collect();
        let v = section(&blocks);
        let orgs: Vec<_> = v.iter().map(|v| v.organization.as_str()).collect();
        assert_eq!(
            orgs,
            [
                "Statistics in Medicine",
                "National Research Foundation of Korea"
            ]
        );
    }

    #[test]
    fn a_role_over_dated_organizations_is_one_entry_each() {
        let (role, parts) = role_list(
            "Conference reviewer: AOM Annual Meeting (2016 – present); SIOP (2018 – present)",
        )
        .unwrap();
        assert_eq!(role, "Conference reviewer");
        assert_eq!(parts.len(), 2);
        assert!(role_list("Reviewer: Nature; Science").is_none());
        assert!(rating(
            "Instructor evaluations: 5.52/6.00 (college mean 5.11)"
        ));
        assert!(!rating("Reviewer: 2019 – present"));
    }

    #[test]
    fn a_dash_after_a_role_and_shared_roles() {
        let v = line(
            "Co-lecturer — Climate Extremes: Processes and Impacts (MSc), ETH Zürich · 2022–2024",
        )
        .unwrap();
        assert_eq!(v.position, "Co-lecturer");
        assert_eq!(v.organization, "ETH Zürich");
        assert_eq!(v.summary, "Climate Extremes: Processes and Impacts (MSc)");
        let v = line("Teaching Assistant — Field course (BSc), Stockholm University · 2016–2019")
            .unwrap();
        assert_eq!(v.organization, "Stockholm University");
        assert!(v.dates.is_some());
        let v = line("Reviewer — Nature Climate Change, Geophysical Research Letters").unwrap();
        assert_eq!(
            v.organization,
            "Nature Climate Change, Geophysical Research Letters"
        );
    }

    #[test]
    fn a_trailing_range_after_a_name_is_the_date() {
        let v = line("Abstract reviewer, Western Institute of Nursing 2019 – 2021").unwrap();
        assert_eq!(v.organization, "Western Institute of Nursing");
        assert!(v.dates.is_some());
        // a meeting's edition stays with the meeting
        let v = line("Session chair, APS DAMOP 2022").unwrap();
        assert_eq!(v.position, "Session chair");
    }
    use crate::model::Date;

    #[test]
    fn a_service_role_serves_every_named_part() {
        let v =
            line("Mentor, Summer Research Program (SURP), UNC Chapel Hill 2021 – present").unwrap();
        assert_eq!(
            v.organization,
            "Summer Research Program (SURP), UNC Chapel Hill"
        );
        let v = line("Volunteer Mentor, Orange County Youth Mentoring Program, Hillsborough, NC")
            .unwrap();
        assert_eq!(v.organization, "Orange County Youth Mentoring Program");
        // an organization closing other text is the organization; the text is the activity
        let v = line("Module organiser, Epidemiology of Child Health (MSc), LSHTM, 2020").unwrap();
        assert_eq!(v.organization, "LSHTM");
        let v = line("Ad hoc reviewer (with advisor): Child Development; Infancy").unwrap();
        assert_eq!(v.position, "Ad hoc reviewer");
        let v = line("Instructor of Record, PSYC 245 Adolescent Development").unwrap();
        assert_eq!(v.position, "Instructor of Record");
    }

    #[test]
    fn role_after_course_and_lone_organization() {
        let v = line("Principles of Epidemiology (340.601), Co-instructor  2020--2023").unwrap();
        assert_eq!(v.position, "Co-instructor");
        assert_eq!(v.summary, "Principles of Epidemiology (340.601)");
        let v = line("Reviewer, ACL Rolling Review (2021-2023)").unwrap();
        assert_eq!(
            (v.position.as_str(), v.organization.as_str()),
            ("Reviewer", "ACL Rolling Review")
        );
        let v = line("Teaching Assistant, Introduction to Psychology").unwrap();
        assert_eq!(v.summary, "Introduction to Psychology");
    }

    #[test]
    fn role_dash_events_or_organizations() {
        let v = line("Associate Chair — CHI 2024, CHI 2025").unwrap();
        assert_eq!(
            (v.position.as_str(), v.summary.as_str()),
            ("Associate Chair", "CHI 2024, CHI 2025")
        );
        let v = line("Reviewer — UIST, CSCW, TOCHI (2019 – present)").unwrap();
        assert_eq!(
            (v.position.as_str(), v.organization.as_str()),
            ("Reviewer", "UIST, CSCW, TOCHI")
        );
    }

    #[test]
    fn right_aligned_date_column() {
        let b = [Block::new(
            BlockKind::Item(0),
            "Instructor, ELEC 327: Digital Systems, Rice University      2022 – 2023",
            0..0,
        )];
        let v = section(&b);
        assert_eq!(v[0].organization, "Rice University");
        assert_eq!(v[0].dates.unwrap().start.year, Some(2022));
    }

    #[test]
    fn a_meeting_edition_is_organization_and_date() {
        let v = line("Associate Chair, CHI 2025 — Accessibility & Aging subcommittee").unwrap();
        assert_eq!(
            (
                v.position.as_str(),
                v.organization.as_str(),
                v.summary.as_str()
            ),
            (
                "Associate Chair",
                "CHI",
                "Accessibility & Aging subcommittee"
            )
        );
        assert_eq!(v.dates.map(|d| d.start), Some(Date::year(2025)));
        let v = line("Student Volunteer Chair, ASSETS 2021").unwrap();
        assert_eq!(v.organization, "ASSETS");
    }

    #[test]
    fn role_of_org_and_role_comma_org() {
        let v = line("2024.05 - Now, IT Administrator of DAI-Lab, Shanghai Jiao Tong University")
            .unwrap();
        assert_eq!(v.position, "IT Administrator");
        assert_eq!(v.organization, "DAI-Lab, Shanghai Jiao Tong University");
        assert_eq!(v.dates.unwrap().start, Date::ym(2024, 5));
        let v = line("2022.09 - 2023.06, Huawei Campus Ambassador, Xidian University").unwrap();
        assert_eq!(v.position, "Huawei Campus Ambassador");
        assert_eq!(v.organization, "Xidian University");
        let v = line("2021.09 - 2022.09, Chairman of Huawei Innovation Club and Huawei Intelligent Base Club").unwrap();
        assert_eq!(
            v.organization,
            "Huawei Innovation Club and Huawei Intelligent Base Club"
        );
    }

    #[test]
    fn course_text_is_summary() {
        let v = line("2025.02 - 2025.06, Teaching Assistant, Algorithms and Complexity (UG-CS2308-01) by Prof. Qingshen Ren").unwrap();
        assert_eq!(v.position, "Teaching Assistant");
        assert_eq!(v.organization, "");
        assert_eq!(
            v.summary,
            "Algorithms and Complexity (UG-CS2308-01) by Prof. Qingshen Ren"
        );
        let v = line("Instructor, CS 231: Machine Learning Systems, Stanford University").unwrap();
        assert_eq!(v.position, "Instructor");
        assert_eq!(v.summary, "CS 231: Machine Learning Systems");
        assert_eq!(v.organization, "Stanford University");
        let v = line("Reviewer for NeurIPS, ICML, ICLR").unwrap();
        assert_eq!(
            (v.position.as_str(), v.organization.as_str()),
            ("Reviewer", "NeurIPS, ICML, ICLR")
        );
        let v = line("Program Committee: MLSys 2023, OSDI 2024").unwrap();
        assert_eq!(v.position, "Program Committee");
        let v = line("Reviewer: NeurIPS 2024, ICML 2025").unwrap();
        assert_eq!(v.position, "Reviewer");
        assert_eq!(v.summary, "NeurIPS 2024, ICML 2025");
        assert!(v.dates.is_none());
        let v = line("Reviewer: NeurIPS, ICML").unwrap();
        assert_eq!(v.organization, "NeurIPS, ICML");
    }

    #[test]
    fn closing_dates_in_parentheses_and_lists() {
        let v =
            line("Instructor, PSY 270: Cognitive Psychology, University of Toronto (Winter 2023)")
                .unwrap();
        assert_eq!(v.organization, "University of Toronto");
        assert_eq!(v.summary, "PSY 270: Cognitive Psychology");
        assert_eq!(v.dates.unwrap().start.year, Some(2023));
        let v = line(
            "Graduate Student Instructor, Intro to Psychology, University of Michigan (2017–2019)",
        )
        .unwrap();
        assert_eq!(v.organization, "University of Michigan");
        assert_eq!(
            v.dates.and_then(|d| d.end_date()).and_then(|e| e.year),
            Some(2019)
        );
        let v = line("CS 244B: Distributed Systems, Stanford University, Fall 2022, Fall 2023")
            .unwrap();
        assert_eq!(v.organization, "Stanford University");
        // a list of terms spans them
        let d = v.dates.unwrap();
        assert_eq!(
            (d.start.year, d.end_date()),
            (Some(2022), Some(Date::year(2023)))
        );
        let v = line("2021, 2022: Reviewer, IEEE").unwrap();
        assert_eq!(
            (v.position.as_str(), v.organization.as_str()),
            ("Reviewer", "IEEE")
        );
        assert_eq!(
            v.dates.map(|d| (d.start.year, d.end_date())),
            Some((Some(2021), Some(Date::year(2022))))
        );
        let mut t = "Talk, Meeting, 2023, 2021".to_string();
        assert_eq!(take_edge_dates(&mut t).map(|d| d.end), Some(None));
        let v = line("Program Committee: OSDI 2024, SOSP 2023, EuroSys 2022").unwrap();
        assert_eq!(v.summary, "OSDI 2024, SOSP 2023, EuroSys 2022");
        assert!(v.dates.is_none());
    }

    #[test]
    fn range_split_across_lines() {
        let b = |k, t: &str| Block::new(k, t, 0..0);
        let v = section(&[
            b(
                BlockKind::Item(0),
                "Mar 2019 – **Teaching Assistant**, USTC,",
            ),
            b(BlockKind::Para, "Jun 2019 Computer Architecture 2019."),
        ]);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].organization, "USTC");
        assert_eq!(v[0].summary, "Computer Architecture 2019.");
        assert_eq!(
            v[0].dates.and_then(|d| d.end_date()),
            Some(Date::ym(2019, 6))
        );
    }

    #[test]
    fn course_without_role() {
        let v =
            line("Quantum Field Theory (graduate), University of Bologna, 2019 – present").unwrap();
        assert_eq!(v.position, "");
        assert_eq!(v.summary, "Quantum Field Theory (graduate)");
        assert_eq!(v.organization, "University of Bologna");
        let v = line("Referee for Physical Review Letters, JHEP, and Nature Physics").unwrap();
        assert_eq!(v.position, "Referee");
    }

    #[test]
    fn organization_lines_head_the_courses_under_them() {
        let b = |k, t: &str| Block::new(k, t, 0..0);
        // a label over dated rows, with a role qualifier; dates on lines of their own
        let v = section(&[
            b(BlockKind::Para, "University of Rochester"),
            b(
                BlockKind::Row,
                "PHY 237: Quantum Mechanics\tSpring 2021, 2022, 2023",
            ),
            b(
                BlockKind::Para,
                "Massachusetts Institute of Technology (teaching assistant)",
            ),
            b(BlockKind::Para, "14.01 Principles of Microeconomics"),
            b(BlockKind::Para, "Fall 2016, Fall 2017"),
        ]);
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].organization, "University of Rochester");
        assert_eq!(v[0].summary, "PHY 237: Quantum Mechanics");
        assert_eq!(
            v[0].dates.and_then(|d| d.end_date()),
            Some(Date::year(2023))
        );
        assert_eq!(v[1].organization, "Massachusetts Institute of Technology");
        assert_eq!(v[1].position, "Teaching Assistant");
        assert_eq!(v[1].dates.map(|d| d.start.year), Some(Some(2016)));
        // a phrase over dated items; "Org: course (dates); course (dates)"
        let v = section(&[
            b(BlockKind::Para, "To the discipline"),
            b(BlockKind::Item(1), "Editorial Board, Demography 2020–2023"),
            b(BlockKind::Item(1), "Program Committee, PAA Annual Meeting 2022"),
            b(
                BlockKind::Para,
                "University of Utah: Math 2210 Calculus III (Fall 2021); Math 5405 Geometry (2023).",
            ),
        ]);
        assert_eq!(v.len(), 4, "{v:?}");
        assert_eq!(v[0].position, "Editorial Board");
        assert_eq!(v[2].organization, "University of Utah");
        assert_eq!(v[3].summary, "Math 5405 Geometry");
        // a dated label gives its dates to the courses under it
        let v = section(&[
            b(BlockKind::Para, "Lancaster University (2021–present)"),
            b(
                BlockKind::Para,
                "LING 101 Introduction to Linguistics (lectures)",
            ),
            b(BlockKind::Para, "LING 318 Sociolinguistics (convenor)"),
        ]);
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].organization, "Lancaster University");
        assert_eq!(v[1].dates.map(|d| d.start.year), Some(Some(2021)));
        // a role line is no label
        let v = section(&[
            b(
                BlockKind::Row,
                "Program Committee, IEEE RFIC Symposium\t2023 – present",
            ),
            b(BlockKind::Row, "Program Committee, A-SSCC\t2022 – 2023"),
        ]);
        assert_eq!(v.len(), 2, "{v:?}");
        // an undated entry line is no label
        let v = section(&[
            b(BlockKind::Para, "Graduate Admissions Committee"),
            b(BlockKind::Para, "Referee, Nature Physics"),
        ]);
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn sub_heading_entries_with_filler_and_reversed_dates() {
        let b = |k, t: &str| Block::new(k, t, 0..0);
        let v = section(&[
            b(BlockKind::Heading(3), "Treasurer"),
            b(
                BlockKind::Para,
                "New Zealand Statistical Association (NZSA)",
            ),
            b(BlockKind::Para, "N/A"),
            b(BlockKind::Para, "2022 - 2019"),
        ]);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].position, "Treasurer");
        assert_eq!(
            v[0].organization,
            "New Zealand Statistical Association (NZSA)"
        );
        assert_eq!(v[0].dates.map(|d| d.start.year), Some(Some(2019)));
        assert_eq!(v[0].summary, "");
    }

    #[test]
    fn duplicates_once() {
        let b = |t: &str| Block::new(BlockKind::Item(0), t, 0..0);
        let v = section(&[
            b("2020 Reviewer, ACM"),
            b("2020 Reviewer, ACM"),
            b("2021 Mentor, Club X"),
        ]);
        assert_eq!(v.len(), 2);
    }
}
