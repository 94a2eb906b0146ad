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
use crate::tables::{ORGANIZATIONS, ROLES};

pub fn section(blocks: &[Block]) -> Vec<Volunteer> {
    let mut out: Vec<Volunteer> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (text, subs) in entries(blocks) {
        if seen.contains(&text) {
            continue;
        }
        if let Some(mut v) = line(&text) {
            v.highlights = subs;
            out.push(v);
        }
        seen.push(text);
    }
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
        Some((last, head)) if !head.is_empty() && date::parse_range(last).is_some() => {
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
    let dates = take_edge_dates(&mut t);
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
    if let Some((role, rest)) = t
        .split_once(": ")
        .or_else(|| t.split_once(" — "))
        .or_else(|| t.split_once(" – "))
    {
        if is_role(role) && !role.contains(',') {
            v.position = tidy(role);
            if rest.chars().any(|c| c.is_ascii_digit()) {
                v.summary = tidy(rest);
            } else {
                v.organization = tidy(rest);
            }
            return Some(v);
        }
    }
    let parts = split_top_level(&t, &[',']);
    let (first, others) = parts.split_first()?;
    // "IT Administrator of DAI-Lab, Shanghai Jiao Tong University"
    let role_of = |sep: &str| first.split_once(sep).filter(|(r, _)| is_role(r));
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
    // "Reviewer, ACL Rolling Review": the one thing a non-teaching role serves is its
    // organization (a teaching role's one part is the course)
    if others.len() == 1 && !v.position.is_empty() && !teaching(&v.position) {
        let o = &others[0];
        if o.starts_with(|c: char| c.is_uppercase()) && !o.chars().any(|c| c.is_ascii_digit()) {
            v.organization = tidy(o);
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
/// closing year glued to a name ("EuroSys 2022") is part of the name. A list of dates is not
/// a range: its first date is the start.
pub fn take_edge_dates(t: &mut String) -> Option<DateRange> {
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
        let r = if run == 1 {
            *r
        } else {
            DateRange::single(r.start)
        };
        t.replace_range(span.start..end, " ");
        return Some(r);
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
    let r = if run == 1 {
        *r0
    } else {
        DateRange::single(r0.start)
    };
    t.replace_range(sp0.start.., "");
    // the parenthesis that held the dates
    let trimmed = t.trim_end().trim_end_matches('(').trim_end().len();
    t.truncate(trimmed);
    Some(r)
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

fn edge_trim(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '|')
    })
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
    s.split_whitespace().count() <= 5 && words_lower(s).any(|w| ROLES.contains(w.as_str()))
}

/// A phrase naming an organization ("DAI-Lab", "Xidian University", "USTC").
pub fn is_org(s: &str) -> bool {
    let t = s.trim();
    let acronym = t.len() >= 2
        && t.len() <= 8
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || c == '&' || c == '-');
    acronym
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
        let d = v.dates.unwrap();
        assert_eq!((d.start.year, d.end), (Some(2022), None));
        let v = line("2021, 2022: Reviewer, IEEE").unwrap();
        assert_eq!(
            (v.position.as_str(), v.organization.as_str()),
            ("Reviewer", "IEEE")
        );
        assert_eq!(
            v.dates.map(|d| (d.start.year, d.end)),
            Some((Some(2021), None))
        );
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
