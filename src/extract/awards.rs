//! Honours and awards → `Award` items.
//!
//! One award per line or top-level item; a nested bullet under it is its `summary`.
//! Ranking qualifiers ("(top 3%)", "Among top 300 / 3000 ...") go to `summary`, study-level
//! tags ("*PhD study*") are dropped, "Title, Awarder" is split, the first year printed
//! (also "In 2022", "2018-2021") is the `date`.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Block, BlockKind};
use crate::lex::{date, split_top_level};
use crate::model::Award;

static QUALIFIER_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    // rankings and quotas ("top 3%", "1/10", "one of 19 winners") and amounts ("$750,000",
    // "1.5 M€", "USD 10,000") are not part of the title
    crate::lex::pattern(r"(?i)\s*\(((?:top|rank|ranked|among|only|1st|first|one of|one among)(?-u:\b)[^()]*|[0-9]+\s*/\s*[0-9]+[^()]*|[^()]*[0-9]+(?:\.[0-9]+)?\s*%[^()]*|\\?[$€£¥]\s?[0-9][^()]*|[^()]*[0-9]\s*(?:[km]\s*)?(?:€|\$|usd|eur|chf|gbp|rmb|cny|jpy|dkk|sek|nok|inr|krw|aud|cad|hkd|sgd)(?-u:\b)?[^()]*|(?:usd|eur|chf|gbp|rmb|cny|jpy|dkk|sek|nok|inr|krw|aud|cad|hkd|sgd)\s?[0-9][^()]*)\)").unwrap()
});
/// A list part that is an amount or the holder's role on a grant ("$165,000 CAD",
/// "€1.2 million", "USD 10,000", "Principal Investigator", "Co-PI"): summary, not awarder.
static GRANT_PART: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^(?:\\?\p{Sc}\s?[0-9].*|[0-9][0-9.,\u{e000}]*\s*(?:million|mio\.?|[km])?\s*(?:€|\$|usd|eur|chf|gbp|rmb|cny|jpy|dkk|sek|nok|inr|krw|aud|cad|hkd|sgd)(?-u:\b).*|(?:usd|eur|chf|gbp|rmb|cny|jpy|dkk|sek|nok|inr|krw|aud|cad|hkd|sgd)\s?[0-9].*|(?:[\p{L}.' -]+\s)?\(?(?:co-?i|(?:co-?)?(?:pi|principal investigator|investigator|lead applicant|applicant))\)?(?:\s*\([^()]*\))?)$").unwrap()
});

/// A grant's number ("FA9550-21-1-0123", "DMR-2145678", "R01 GM123456", "EP/T012345/1"):
/// capitals and at least five digits, no lower case, no funder name before it.
fn grant_number(p: &str) -> bool {
    let p = p.trim();
    p.len() <= 24
        // ("NSF CNS-2107316" names its funder: an awarder)
        && p.split_once(' ').is_none_or(|(a, _)| a.bytes().any(|b| b.is_ascii_digit()))
        && p.bytes().filter(u8::is_ascii_digit).count() >= 5
        && p.bytes().any(|b| b.is_ascii_uppercase())
        && p.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b"-/ .".contains(&b))
}

/// Thousands separators ("165,000") are not list commas: they become U+E000 while the
/// line is split, and commas again after.
fn protect_thousands(s: &str) -> String {
    let b = s.as_bytes();
    s.char_indices()
        .map(|(i, c)| {
            let digits_after = b
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
            if c == ',' && i > 0 && b[i - 1].is_ascii_digit() && digits_after {
                '\u{e000}'
            } else {
                c
            }
        })
        .collect()
}

/// List parts of a grant line, split at commas and semicolons but not inside amounts
/// ("$1,200,000").
fn grant_parts(s: &str) -> Vec<String> {
    split_top_level(&protect_thousands(s), &[',', ';', '·'])
        .into_iter()
        .map(|p| p.trim().trim_end_matches('.').replace('\u{e000}', ","))
        .filter(|p| !p.is_empty())
        .collect()
}

static QUALIFIER_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\s+((?:among|ranked|ranking|top)\s+(?:top\s+)?[0-9].*)$").unwrap()
});
static STUDY_TAG: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^(?:ph\.?\s?d\.?|doctoral|master'?s|bachelor'?s|undergraduate|graduate|postgraduate|high school)\s+(?:study|studies|student)$").unwrap()
});
static BOLD: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r"\*\*([^*]+?)\*\*").unwrap());

fn strip_dates(s: &str) -> (Option<crate::model::Date>, String) {
    // "IEEE Fellow, class of 2023, …": the cohort is the date
    static CLASS_OF: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)(?-u:\b)class of\s+((?:19|20)[0-9][0-9])(?-u:\b)").unwrap()
    });
    let s = &CLASS_OF.replace_all(s, "$1");
    let found = date::find_all(s);
    let d = found.first().map(|(r, _)| r.start);
    let mut t = s.to_string();
    for (_, span) in found.into_iter().rev() {
        // "Outstanding Reviewer, CVPR 2024": a venue's edition keeps its year as printed
        let before = s[..span.start].trim_end();
        let word = before.rsplit([' ', ',', '(']).next().unwrap_or("");
        let in_paren = before[..before.len() - word.len()].ends_with('(');
        let edition = before.len() < span.start
            && !in_paren
            && crate::lex::venue::edition(&format!("{word} {}", &s[span.clone()])).is_some();
        if !edition {
            t.replace_range(span, " ");
        }
    }
    // "[2023] Best Paper" / "(2023) Prize": the brackets around a removed date go too
    let t = crate::markup::squash(
        &t.replace("( )", " ")
            .replace("()", " ")
            .replace("[ ]", " ")
            .replace("[]", " "),
    )
    // "(ICSE 2020)" without its year: "(ICSE)"
    .replace(" )", ")")
    .replace(" ]", "]");
    let t = t
        .trim_end_matches([',', ' ', '(', '.', '—', '–'])
        .trim_end_matches(" In")
        .trim_end_matches(" in")
        // "Siebel Scholar, Class of 2021": the cohort is the date
        .trim_end_matches("Class of")
        .trim_end_matches("class of")
        .trim_end_matches([',', ' '])
        .trim_start_matches([',', ' ', '–', '—', '-', ':', '|', '·', '•'])
        .to_string();
    (d, t)
}

/// "CVPR 2023 Outstanding Reviewer": a venue's edition printed before the honour is its
/// awarder.
fn leading_edition(title: &str) -> Option<(String, String)> {
    let mut words = title.splitn(3, ' ');
    let (tag, year, rest) = (words.next()?, words.next()?, words.next()?);
    let edition = format!("{tag} {year}");
    (rest.len() > 3 && crate::lex::venue::edition(&edition).is_some())
        .then(|| (edition, rest.to_string()))
}

/// A grant line with its project title in quotes ("National Science Foundation, CAREER
/// DUE-2238817, “Scaffolding Program Writing at Scale,” $549,870, PI."): the quoted title,
/// the first organisation before it the awarder, the other parts the summary.
fn quoted_grant(text: &str) -> Option<Award> {
    static QUOTED: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r#"[“"]([^”"]+?)[,.]?[”"]"#).unwrap());
    let m = QUOTED.captures(text)?;
    let title = m.get(1)?.as_str().trim().trim_end_matches([',', '.']);
    // (a citation, "“for contributions to networks”", is no project title)
    if title.split_whitespace().count() < 3
        || title.len() > 300
        || !title.starts_with(char::is_uppercase)
    {
        return None;
    }
    let whole = m.get(0)?;
    let before = &text[..whole.start()];
    // "SSHRC Insight Grant, “Title”": a named scheme before the quote is the award itself
    static SCHEME: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r"(?i)(?-u:\b)(?:grant|award|fellowship|scholarship|prize|studentship|medal)(?-u:\b)",
        )
        .unwrap()
    });
    let lead = before.split([',', ';']).next().unwrap_or("").trim();
    if SCHEME.is_match(lead) && !crate::extract::volunteer::is_org(lead) {
        return None;
    }
    let after = &text[whole.end()..];
    let mut a = Award {
        title: title.to_string(),
        ..Award::default()
    };
    let mut summary = Vec::new();
    for part in grant_parts(before) {
        if a.awarder.is_empty() && crate::extract::volunteer::is_org(&part) && !grant_number(&part)
        {
            a.awarder = part;
        } else {
            summary.push(part);
        }
    }
    for part in grant_parts(after) {
        // "“Title,” NSF CNS-2107316, PI": the funder after the title
        if a.awarder.is_empty()
            && summary.is_empty()
            && part.starts_with(char::is_uppercase)
            && !GRANT_PART.is_match(&part)
            && !grant_number(&part)
        {
            a.awarder = part;
        } else {
            summary.push(part);
        }
    }
    a.summary = summary.join("; ");
    Some(a)
}

/// One award line.
pub fn parse_line(b: &Block) -> Option<Award> {
    // "Total external funding as PI or co-PI: $5.1M": a sum over the list, not an award
    static TOTAL: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r"(?i)^total(?-u:\b)[^:]*(?-u:\b)(?:funding|grants?|support|awarded)(?-u:\b)",
        )
        .unwrap()
    });
    if TOTAL.is_match(&b.text) {
        return None;
    }
    let mut a = Award::default();
    // a column holding only a place ("Las Vegas, U.S.A") is not part of the award
    let cols = b.columns();
    let whole = if cols.len() > 1 {
        cols.iter()
            .filter(|c| !crate::extract::entries::is_location(c))
            .cloned()
            .collect::<Vec<_>>()
            .join(" | ")
    } else {
        b.text.clone()
    };
    let (d, text) = strip_dates(crate::lex::strip_list_number(&whole));
    a.date = d;
    // ("**NSF Standard Grant** DMS-2310457, “Title,” …": the bold scheme is the title)
    let bold_lead = b.raw.trim_start_matches(['-', ' ']).starts_with("**");
    if let Some(q) = quoted_grant(&text).filter(|_| !bold_lead) {
        return Some(Award { date: d, ..q });
    }
    // a native-script gloss "(感恩近现代科学家奖学金)" is not part of the title (as for names)
    let mut text = crate::lex::strip_native_gloss(&text);
    if let Some(r) = crate::extract::entries::find_location(&text) {
        if r.end >= text.trim_end().len() && r.start > 0 {
            text.truncate(r.start);
            text = text.trim_end().trim_end_matches([',', ' ']).to_string();
        }
    }
    if let Some(c) = QUALIFIER_PAREN.captures(&text) {
        a.summary = c[1].trim().to_string();
        let whole = c.get(0).map_or(0..0, |m| m.range());
        text.replace_range(whole, "");
    } else if let Some(c) = QUALIFIER_TAIL.captures(&text) {
        a.summary = c[1].trim().to_string();
        let whole = c.get(0).map_or(0..0, |m| m.range());
        text.replace_range(whole, "");
    }
    let bold = BOLD
        .captures(&b.raw)
        .map(|c| crate::markup::plain(&c[1]))
        .filter(|t| date::parse_range(t).is_none());
    // "“Grant Title,” NSF CNS-2107316, PI": a quoted title, commas and all
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r#"^\s*[“"]([^”"]{3,}?)(?:[,.][”"]|[”"]\s*(?:[,;|]|$))"#).unwrap()
    });
    let quoted = QUOTED.captures(&text).map(|c| {
        let end = c.get(0).map_or(0, |m| m.end());
        (c[1].trim().to_string(), end)
    });
    let mut text = match &quoted {
        Some((_, end)) => text[*end..].to_string(),
        None => text,
    };
    // "“for contributions to …”": the citation of an honour
    static CITATION: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r#"(?i),?\s*[“"](for [^”"]+?)[,.]?[”"]"#).unwrap());
    if let Some(c) = CITATION.captures(&text) {
        if a.summary.is_empty() {
            a.summary = c[1].trim().to_string();
        }
        let whole = c.get(0).map_or(0..0, |m| m.range());
        text.replace_range(whole, "");
    }
    // "Title | Awarder", "Title — Awarder" as well as "Title, Awarder"
    let text = text.replace(" — ", " | ").replace(" – ", " | ");
    let mut parts: Vec<String> = Vec::new();
    let mut grant: Vec<String> = Vec::new();
    for (k, p) in split_top_level(&protect_thousands(&text), &[',', '|'])
        .into_iter()
        .enumerate()
    {
        let p = p
            .trim()
            .trim_end_matches('.')
            .trim()
            .replace('\u{e000}', ",");
        if p.is_empty() || STUDY_TAG.is_match(&p) {
            continue;
        }
        if (k > 0 || quoted.is_some()) && (GRANT_PART.is_match(&p) || grant_number(&p)) {
            grant.push(p);
        } else {
            parts.push(p);
        }
    }
    if !grant.is_empty() && a.summary.is_empty() {
        a.summary = grant.join("; ");
    }
    match bold.or(quoted.map(|(t, _)| t)) {
        Some(t) => {
            a.title = t.trim().trim_end_matches([',', '.']).to_string();
            let key = a.title.clone();
            a.awarder = parts
                .iter()
                .filter(|p| !key.contains(p.as_str()))
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
        }
        None => {
            a.title = parts.first().cloned().unwrap_or_default();
            a.awarder = parts.get(1..).map(|r| r.join(", ")).unwrap_or_default();
            if a.awarder.is_empty() {
                if let Some((venue, title)) = leading_edition(&a.title) {
                    (a.awarder, a.title) = (venue, title);
                }
            }
        }
    }
    (!a.title.is_empty()).then_some(a)
}

/// "National Science Foundation, CAREER Award CMMI-1654321 · $512,000 · Role: PI": a funder,
/// then the grant's facts.
fn funder_line(parts: &[String]) -> bool {
    let words = parts.first().map_or(0, |p| p.split_whitespace().count());
    // (an organisation, or a short name: "GE Aerospace"; "Conversational Agents for
    // Caregiving Networks, PI, $60,000" is a project's title)
    parts.len() >= 2
        && (words <= 3 || words <= 8 && crate::extract::volunteer::is_org(&parts[0]))
        && parts[0].starts_with(char::is_uppercase)
        && !parts[0].contains(|c: char| c.is_ascii_digit())
        && !is_grant_fact(&parts[0])
        && parts[1..].iter().any(|p| is_grant_fact(p))
}

/// An amount, a role ("Role: PI") or a grant number.
fn is_grant_fact(p: &str) -> bool {
    let p = p.split_once(':').map_or(p, |(k, v)| {
        if k.split_whitespace().count() <= 3 {
            v.trim()
        } else {
            p
        }
    });
    GRANT_PART.is_match(p) || grant_number(p) || p.starts_with("(PI")
}

/// A grant printed over several lines under one bullet ("▪ R21AG071902  2020 – 2022" /
/// "National Institute on Aging" / "Light Exposure and …" / "Role: Co-Investigator; Total
/// costs: $412,500"): the funder line (an organisation) is the awarder, the role and amount
/// lines and the grant number are the summary, the rest (a title wrapped over lines) is the
/// title; the first date is the date.
fn stacked_grant(lines: &[&Block]) -> Option<Award> {
    let mut a = Award::default();
    let mut title: Vec<String> = Vec::new();
    let mut summary: Vec<String> = Vec::new();
    for (i, b) in lines.iter().enumerate() {
        let (d, t) = strip_dates(&b.text);
        if a.date.is_none() {
            a.date = d;
        }
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        let lower = t.to_lowercase();
        let parts = grant_parts(t);
        let grant_facts = parts.iter().all(|p| is_grant_fact(p));
        // "National Science Foundation, CAREER Award CMMI-1654321 · $512,000 · Role: PI": the
        // funder, then the grant's facts
        let funder_first = i > 0 && a.awarder.is_empty() && funder_line(&parts);
        if lower.starts_with("role") || grant_facts || (i == 0 && grant_number(t)) {
            summary.push(t.to_string());
        } else if funder_first {
            a.awarder = parts[0].clone();
            summary.push(parts[1..].join("; "));
        } else if a.awarder.is_empty()
            && i > 0
            && t.split_whitespace().count() <= 10
            && crate::extract::volunteer::is_org(t)
        {
            a.awarder = t.to_string();
        } else {
            title.push(t.to_string());
        }
    }
    a.title = crate::markup::squash(&title.join(" "));
    a.summary = summary.join("; ");
    (!a.title.is_empty()).then_some(a)
}

pub fn section(blocks: &[Block]) -> Vec<Award> {
    let mut out: Vec<Award> = Vec::new();
    let mut skip = 0;
    // years printed over their awards in raw PDF text ("2024" / "Battery Division Award,
    // …"): the list opens with a lone year, which then dates the award after it
    let lone_year = |b: &Block| date::parse_range(&b.text).is_some();
    let leading = blocks
        .iter()
        .find(|b| !matches!(b.kind, BlockKind::Heading(_)))
        .is_some_and(lone_year);
    let mut pending: Option<crate::model::Date> = None;
    // an award titled by a heading ("### Marsden Fast-Start Grant"), its lines below
    let mut under_heading = false;
    for (i, b) in blocks.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if let BlockKind::Heading(_) = b.kind {
            under_heading = false;
            if let Some(a) = parse_line(b) {
                out.push(a);
                under_heading = true;
            }
            continue;
        }
        if under_heading && b.kind == BlockKind::Para {
            if let Some(a) = out.last_mut() {
                heading_entry_line(a, &b.text);
            }
            continue;
        }
        under_heading = false;
        // a bullet whose entry runs on over unbulleted lines
        // (any bullet level: "▪" reads as a nested mark)
        if matches!(b.kind, BlockKind::Item(_)) {
            let more: Vec<&Block> = blocks[i + 1..]
                .iter()
                // (a one-word line, "Completed", heads the next group)
                .take_while(|n| {
                    matches!(n.kind, BlockKind::Para | BlockKind::Row)
                        && n.text.trim().contains(' ')
                })
                .collect();
            if more.len() >= 2 {
                let lines: Vec<&Block> = std::iter::once(b).chain(more.iter().copied()).collect();
                if let Some(a) = stacked_grant(&lines) {
                    skip = more.len();
                    out.push(a);
                    continue;
                }
            }
        }
        // a dated grant title with its funder, amount and role on the lines below ("Title
        //   2017 – 2023" / "National Science Foundation, CAREER Award · $512,000 · Role: PI")
        if matches!(b.kind, BlockKind::Para | BlockKind::Row)
            && date::find_range(&b.text).is_some()
            && !crate::extract::entries::is_date_only(b)
        {
            let more: Vec<&Block> = blocks[i + 1..]
                .iter()
                .take_while(|n| {
                    matches!(n.kind, BlockKind::Para | BlockKind::Row)
                        && date::find_range(&n.text).is_none()
                })
                .collect();
            if more.iter().any(|n| funder_line(&grant_parts(&n.text))) {
                let lines: Vec<&Block> = std::iter::once(b).chain(more.iter().copied()).collect();
                if let Some(a) = stacked_grant(&lines) {
                    skip = more.len();
                    out.push(a);
                    continue;
                }
            }
        }
        // the line under an award: its project title in quotes with the grant's facts
        // ("“Momentary peer feedback …” ($5,000; PI)"), or those facts alone ("$1,000; PI")
        if b.kind == BlockKind::Para && date::find_range(&b.text).is_none() {
            if let Some(a) = out.last_mut() {
                if under_award(a, &b.text) {
                    continue;
                }
            }
        }
        match b.kind {
            BlockKind::Item(d) if d > 0 && !out.is_empty() => {
                if let Some(a) = out.last_mut() {
                    if a.summary.is_empty() {
                        a.summary = b.text.clone();
                    } else {
                        a.summary = format!("{}; {}", a.summary, b.text);
                    }
                }
            }
            BlockKind::Heading(_) | BlockKind::Rule => {}
            _ => {
                // a lone year line belongs to the award above
                if lone_year(b) {
                    let d = date::parse_range(&b.text).map(|r| r.start);
                    if leading {
                        pending = d;
                    } else if let Some(a) = out.last_mut().filter(|a| a.date.is_none()) {
                        a.date = d;
                    }
                    continue;
                }
                // a one-word category line ("International") is not an award
                if !b.text.contains(' ') && date::find_range(&b.text).is_none() {
                    continue;
                }
                if let Some(mut a) = parse_line(b) {
                    if a.date.is_none() {
                        a.date = pending;
                    }
                    pending = None;
                    out.push(a);
                }
            }
        }
    }
    out
}

/// Read a line under award `a` into it: a quoted project title becomes the title (the
/// scheme's name moves to the summary, as in `quoted_grant`), grant facts the summary.
fn under_award(a: &mut Award, t: &str) -> bool {
    let t = t.trim();
    let facts = |s: &str| {
        let parts = grant_parts(
            s.trim()
                .trim_start_matches('(')
                .trim_end_matches([')', '.']),
        );
        !parts.is_empty() && parts.iter().all(|p| is_grant_fact(p))
    };
    let mut add = |s: &str| {
        let s = s
            .trim()
            .trim_start_matches('(')
            .trim_end_matches([')', '.']);
        if !s.is_empty() {
            a.summary = if a.summary.is_empty() {
                s.to_string()
            } else {
                format!("{}; {s}", a.summary)
            };
        }
    };
    if let Some(body) = t.strip_prefix('“').or_else(|| t.strip_prefix('"')) {
        if let Some((title, rest)) = body.split_once(['”', '"']) {
            let title = title.trim().trim_end_matches([',', '.']);
            if title.split_whitespace().count() >= 3 && (rest.trim().is_empty() || facts(rest)) {
                let scheme = std::mem::replace(&mut a.title, title.to_string());
                add(&scheme);
                add(rest);
                return true;
            }
        }
        return false;
    }
    if facts(t) {
        add(t);
        return true;
    }
    false
}

/// A line under an award's heading (pagedown, Markdown CVs): its year, its awarder (with an
/// amount after a dash) or filler ("N/A").
fn heading_entry_line(a: &mut Award, t: &str) {
    let t = t.trim();
    if crate::lex::is_filler(t) {
        return;
    }
    if let Some(r) = date::parse_range(t) {
        if a.date.is_none() {
            a.date = Some(r.start);
        }
        return;
    }
    if a.awarder.is_empty() {
        let (who, more) = [" --- ", " — ", " – ", " -- "]
            .iter()
            .find_map(|d| t.split_once(d))
            .unwrap_or((t, ""));
        a.awarder = who.trim().to_string();
        if !more.trim().is_empty() {
            a.summary = more.trim().to_string();
        }
    } else if a.summary.is_empty() {
        a.summary = t.to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_over_their_awards() {
        let blocks: Vec<Block> = [
            "2024",
            "Early Career Award, The Electrochemical Society",
            "2023 Teaching Award, Lehigh University",
            "2022",
            "Libsch Award, Lehigh University",
        ]
        .iter()
        .map(|t| Block::new(BlockKind::Para, t, 0..0))
        .collect();
        let a = section(&blocks);
        let years: Vec<Option<u16>> = a.iter().map(|a| a.date.and_then(|d| d.year)).collect();
        assert_eq!(years, [Some(2024), Some(2023), Some(2022)]);
    }

    #[test]
    fn a_quoted_project_title_or_facts_under_an_award() {
        let mut a = Award {
            title: "SRCD Dissertation Funding Award".into(),
            ..Award::default()
        };
        assert!(under_award(
            &mut a,
            "“Momentary peer feedback and mood” ($5,000; PI)"
        ));
        assert_eq!(a.title, "Momentary peer feedback and mood");
        assert_eq!(a.summary, "SRCD Dissertation Funding Award; $5,000; PI");
        let mut b = Award::default();
        assert!(under_award(&mut b, "$1,000; PI"));
        assert_eq!(b.summary, "$1,000; PI");
        assert!(!under_award(
            &mut b,
            "Awarded for the best thesis in the department"
        ));
    }

    #[test]
    fn table_row_cells_are_title_awarder_amount() {
        let b = Block::new(
            BlockKind::Row,
            "Postdoctoral Fellowship\tAlexander von Humboldt Foundation\t€74,400\t2021 – 2023",
            0..0,
        );
        let a = parse_line(&b).unwrap();
        assert_eq!(a.title, "Postdoctoral Fellowship");
        assert_eq!(a.awarder, "Alexander von Humboldt Foundation");
        assert_eq!(a.summary, "€74,400");
        let b = Block::new(BlockKind::Item(0), "Siebel Scholar, Class of 2021", 0..0);
        let a = parse_line(&b).unwrap();
        assert_eq!(
            (a.title.as_str(), a.awarder.as_str()),
            ("Siebel Scholar", "")
        );
    }

    #[test]
    fn a_grant_with_a_quoted_title() {
        let b = Block::new(
            BlockKind::Row,
            "2023–2028\tNational Science Foundation, CAREER DUE-2238817, “Scaffolding Program Writing at Scale,” $549,870, PI.",
            0..0,
        );
        let a = parse_line(&b).unwrap();
        assert_eq!(a.title, "Scaffolding Program Writing at Scale");
        assert_eq!(a.awarder, "National Science Foundation");
        assert_eq!(a.summary, "CAREER DUE-2238817; $549,870; PI");
        assert_eq!(a.date.and_then(|d| d.year), Some(2023));
    }

    #[test]
    fn a_dated_grant_title_over_its_funder_line() {
        let b = |k, t: &str| Block::new(k, t, 0..0);
        let a = section(&[
            b(
                BlockKind::Row,
                "Multiscale Thermal Damage Under Combined\t2017 – 2023",
            ),
            b(BlockKind::Para, "Aerothermal Loading"),
            b(
                BlockKind::Para,
                "National Science Foundation, CAREER Award CMMI-1654321 · $512,000 · Role: PI",
            ),
            b(BlockKind::Row, "Best Paper Award, AIAA SciTech\t2014"),
            b(BlockKind::Row, "Fellow, AIAA\t2022"),
        ]);
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!(
            a[0].title,
            "Multiscale Thermal Damage Under Combined Aerothermal Loading"
        );
        assert_eq!(a[0].awarder, "National Science Foundation");
        assert!(a[0].summary.contains("$512,000"));
        assert_eq!(a[1].awarder, "AIAA SciTech");
    }

    #[test]
    fn a_grant_stacked_over_unbulleted_lines() {
        let blocks = [
            Block::new(BlockKind::Item(1), "R21AG071902 2020 – 2022", 0..0),
            Block::new(BlockKind::Para, "National Institute on Aging", 0..0),
            Block::new(
                BlockKind::Para,
                "Light Exposure and Rest-Activity Rhythms",
                0..0,
            ),
            Block::new(BlockKind::Para, "in Assisted Living", 0..0),
            Block::new(
                BlockKind::Para,
                "Role: Co-Investigator; Total costs: $412,500",
                0..0,
            ),
            Block::new(BlockKind::Para, "Completed", 0..0),
            Block::new(
                BlockKind::Item(0),
                "Dean's Medal, University of Portland 2008",
                0..0,
            ),
        ];
        let a = section(&blocks);
        assert_eq!(a.len(), 2);
        assert_eq!(
            a[0].title,
            "Light Exposure and Rest-Activity Rhythms in Assisted Living"
        );
        assert_eq!(a[0].awarder, "National Institute on Aging");
        assert_eq!(a[0].date.and_then(|d| d.year), Some(2020));
        assert!(a[0]
            .summary
            .starts_with("R21AG071902; Role: Co-Investigator"));
        assert_eq!(a[1].title, "Dean's Medal");
    }

    #[test]
    fn a_venue_edition_is_the_awarder() {
        for line in [
            "CVPR 2023 Outstanding Reviewer",
            "Outstanding Reviewer, CVPR 2023",
        ] {
            let a = parse_line(&Block::new(BlockKind::Item(0), line, 0..0)).unwrap();
            assert_eq!(
                (a.title.as_str(), a.awarder.as_str()),
                ("Outstanding Reviewer", "CVPR 2023")
            );
        }
        let a = parse_line(&Block::new(
            BlockKind::Item(0),
            "Best Paper Award (ICSE 2020)",
            0..0,
        ))
        .unwrap();
        assert_eq!(a.title, "Best Paper Award (ICSE)");
    }

    #[test]
    fn grant_numbers_and_any_currency_are_summary() {
        let b = Block::new(
            BlockKind::Para,
            "AFOSR Young Investigator Program, FA9550-21-1-0123, $450,000 (PI), 2021",
            0..0,
        );
        let a = parse_line(&b).unwrap();
        assert_eq!(a.awarder, "");
        assert_eq!(a.summary, "FA9550-21-1-0123; $450,000 (PI)");
        let b = Block::new(
            BlockKind::Para,
            "TÜBİTAK 2232 Fellowship, ₺1,080,000, 2020",
            0..0,
        );
        assert_eq!(parse_line(&b).unwrap().awarder, "");
        assert!(!grant_number("NeurIPS 2019"));
    }

    #[test]
    fn grant_amounts_and_roles_are_summary_not_awarder() {
        let b = Block::new(
            BlockKind::Item(0),
            "Health Research Board Project Grant, €498,000, 2021–2025, Principal Investigator",
            0..0,
        );
        let a = parse_line(&b).unwrap();
        assert_eq!(a.title, "Health Research Board Project Grant");
        assert_eq!(a.awarder, "");
        assert_eq!(a.summary, "€498,000; Principal Investigator");
        let b = Block::new(
            BlockKind::Item(0),
            "Fellowship, Acme Foundation, $1,200 USD",
            0..0,
        );
        assert_eq!(parse_line(&b).unwrap().awarder, "Acme Foundation");
        assert_eq!(
            protect_thousands("1,2,345 and 12,3456"),
            "1,2\u{e000}345 and 12,3456"
        );
        // a quoted grant title keeps its commas; the role with its note is summary
        let b = Block::new(
            BlockKind::Para,
            "“CNS Core: Medium: Learning, Fast,” NSF CNS-2107316, PI (co-PI: H. Lin), $1,200,000, 10/2021–09/2025.",
            0..0,
        );
        let a = parse_line(&b).unwrap();
        assert_eq!(
            (a.title.as_str(), a.awarder.as_str()),
            ("CNS Core: Medium: Learning, Fast", "NSF CNS-2107316")
        );
        assert_eq!(a.summary, "PI (co-PI: H. Lin); $1,200,000");
        let fellow = Block::new(
            BlockKind::Para,
            "IEEE Fellow, class of 2023, “for contributions to networks”",
            0..0,
        );
        let a = parse_line(&fellow).unwrap();
        assert_eq!(a.date.and_then(|d| d.year), Some(2023));
        assert_eq!(
            (a.awarder.as_str(), a.summary.as_str()),
            ("", "for contributions to networks")
        );
        let total = Block::new(BlockKind::Para, "Total external funding as PI: $5.1M", 0..0);
        assert!(parse_line(&total).is_none());
    }

    #[test]
    fn amounts_and_one_of_n_are_summary() {
        for (line, title, summary) in [
            ("NIH K01 Award (\\$750,000)", "NIH K01 Award", "\\$750,000"),
            (
                "ERC Starting Grant (1.5 M€)",
                "ERC Starting Grant",
                "1.5 M€",
            ),
            (
                "Qualcomm Fellowship (one of 19 winners)",
                "Qualcomm Fellowship",
                "one of 19 winners",
            ),
            (
                "Best Paper Award (ICSE 2020)",
                "Best Paper Award (ICSE)",
                "",
            ),
            (
                "Villum Grant (DKK 10 million)",
                "Villum Grant",
                "DKK 10 million",
            ),
            ("Google PhD Fellowship — 2019", "Google PhD Fellowship", ""),
        ] {
            let b = [Block::new(BlockKind::Item(0), line, 0..0)];
            let a = &section(&b)[0];
            assert_eq!(
                (a.title.as_str(), a.summary.as_str()),
                (title, summary.replace("\\", "").as_str())
            );
        }
    }

    #[test]
    fn native_gloss_dropped_from_title() {
        let b = Block::new(
            crate::doc::BlockKind::Item(0),
            "*2022.12* Principal’s Scholarship (校长奖学金) (1/5), Xidian University.",
            0..0,
        );
        let a = parse_line(&b).unwrap();
        assert_eq!(a.title, "Principal’s Scholarship");
        assert_eq!(a.summary, "1/5");
    }

    fn blk(kind: BlockKind, s: &str) -> Block {
        Block::new(kind, s, 0..0)
    }

    #[test]
    fn award_lines() {
        let a = parse_line(&blk(
            BlockKind::Item(0),
            "2022 – 2026 **Faculty of Engineering Research Scholarship**, *PhD study*, USYD.",
        ))
        .unwrap();
        assert_eq!(a.title, "Faculty of Engineering Research Scholarship");
        assert_eq!(a.awarder, "USYD");
        assert_eq!(a.date.unwrap().iso().unwrap(), "2022");
        let a = parse_line(&blk(
            BlockKind::Row,
            "Schlumberger Scholarship (top 3%)\t2018",
        ))
        .unwrap();
        assert_eq!(
            (a.title.as_str(), a.summary.as_str()),
            ("Schlumberger Scholarship", "top 3%")
        );
        let a = parse_line(&blk(
            BlockKind::Para,
            "Fellowship of Tsinghua Xuetang Talents Program Among top 300 / 3000 Tsinghua students each year",
        ))
        .unwrap();
        assert_eq!(a.title, "Fellowship of Tsinghua Xuetang Talents Program");
        assert!(a.summary.starts_with("Among top 300"));
        let a = parse_line(&blk(
            BlockKind::Para,
            "2019 | Best Master's Thesis Award | Polish Information Processing Society",
        ))
        .unwrap();
        assert_eq!(
            (a.title.as_str(), a.awarder.as_str()),
            (
                "Best Master's Thesis Award",
                "Polish Information Processing Society"
            )
        );
        assert_eq!(a.date.unwrap().iso().unwrap(), "2019");
        let a = parse_line(&blk(
            BlockKind::Para,
            "Athletic Excellence Scholarship In 2022",
        ))
        .unwrap();
        assert_eq!(a.title, "Athletic Excellence Scholarship");
        assert_eq!(a.date.unwrap().iso().unwrap(), "2022");
    }
}
