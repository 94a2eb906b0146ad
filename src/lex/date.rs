//! Dates and date ranges as CVs print them, through one nom grammar.
//!
//! Input: plain text. Output: `Date` (precision kept, never padded) and `DateRange`
//! (an open end for "Present", "now", "current", ...). Month words come from
//! `grammars/months.tsv` (several languages), open-end words from `grammars/present.txt`.

use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::{char, one_of, space0};
use nom::combinator::{opt, recognize, verify};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use crate::model::{Date, DateRange, End};
use crate::tables::{MONTHS, PRESENT, SINCE};

type R<'a, T> = IResult<&'a str, T>;

/// An English month word as a regex fragment ("Mar", "Sept.", "September"), for the few
/// patterns that find a date inside a longer match; the grammar below reads the table.
pub const MONTH_WORD: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// year = 4 digits in 1900..=2099, not followed by another digit
fn year(i: &str) -> R<'_, u16> {
    let (rest, d) = take_while_m_n(4, 4, is_digit)(i)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    let y: u16 = d.parse().unwrap_or(0);
    if (1900..=2099).contains(&y) {
        Ok((rest, y))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )))
    }
}

/// two-digit year after an apostrophe: `'24`
fn short_year(i: &str) -> R<'_, u16> {
    let (rest, _) = one_of("'’")(i)?;
    let (rest, d) = take_while_m_n(2, 2, is_digit)(rest)?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, 2000 + d.parse::<u16>().unwrap_or(0)))
}

/// `f` of the word lowercased, without allocating for short ASCII words (the date
/// grammar tries every word start of every line).
fn with_lower<T>(w: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 16];
    if w.is_ascii() && w.len() <= buf.len() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out: always valid UTF-8.
        if let Ok(l) = std::str::from_utf8(b) {
            return f(l);
        }
    }
    f(&w.to_lowercase())
}

/// Can a date start with this word? Only month and season words can; other words are
/// skipped before the whole grammar is tried on them.
fn may_start_date(word: &str) -> bool {
    word.len() <= 14
        && with_lower(word, |l| {
            MONTHS.contains_key(l) || is_season(l) || SINCE.contains(l) || PRESENT.contains(l)
        })
}

/// num(1..=2 digits) within [lo, hi], not followed by a digit
fn small(lo: u8, hi: u8) -> impl Fn(&str) -> R<'_, u8> {
    move |i| {
        let (rest, d) = take_while_m_n(1, 2, is_digit)(i)?;
        let v: u8 = d.parse().unwrap_or(0);
        if rest.starts_with(|c: char| c.is_ascii_digit()) || !(lo..=hi).contains(&v) {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )));
        }
        Ok((rest, v))
    }
}

/// month_word = letters in months.tsv, optional '.'
fn month_word(i: &str) -> R<'_, u8> {
    let (rest, w) = take_while(|c: char| c.is_alphabetic())(i)?;
    if w.is_empty() || w.len() > 12 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alpha,
        )));
    }
    match with_lower(w, |l| MONTHS.get(l).copied()) {
        Some(m) => {
            let (rest, _) = opt(char('.')).parse(rest)?;
            Ok((rest, m))
        }
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alpha,
        ))),
    }
}

fn dsep(i: &str) -> R<'_, char> {
    one_of("-./")(i)
}

/// ymd = year sep month sep day   (2020.10.09, 2024-03-12)
fn ymd(i: &str) -> R<'_, Date> {
    let (r, y) = year(i)?;
    let (r, s) = dsep(r)?;
    let (r, m) = small(1, 12)(r)?;
    let (r, _) = char(s)(r)?;
    let (r, d) = small(1, 31)(r)?;
    Ok((r, Date::ymd(y, m, d)))
}

/// ym = year ('.' | '-' | '/') month   (2023.06, 2024-09)
fn ym(i: &str) -> R<'_, Date> {
    let (r, y) = year(i)?;
    let (r, _) = dsep(r)?;
    let (r, m) = small(1, 12)(r)?;
    Ok((r, Date::ym(y, m)))
}

/// my = month ('/' | '.' | '-') year   (09/2024)
fn my(i: &str) -> R<'_, Date> {
    let (r, m) = small(1, 12)(i)?;
    let (r, _) = dsep(r)?;
    let (r, y) = year(r)?;
    Ok((r, Date::ym(y, m)))
}

/// mdy = month '/' day '/' year with a day above 12   (06/30/2024): the US order, read only
/// where it cannot be day-first
fn mdy(i: &str) -> R<'_, Date> {
    let (r, m) = small(1, 12)(i)?;
    let (r, _) = char('/')(r)?;
    let (r, d) = small(13, 31)(r)?;
    let (r, _) = char('/')(r)?;
    let (r, y) = year(r)?;
    Ok((r, Date::ymd(y, m, d)))
}

/// dmy = day ('/' | '.') month ('/' | '.') year   (09.10.2020); day-first, as most of the world writes it
fn dmy(i: &str) -> R<'_, Date> {
    let (r, d) = small(1, 31)(i)?;
    let (r, s) = one_of("./")(r)?;
    let (r, m) = small(1, 12)(r)?;
    let (r, _) = char(s)(r)?;
    let (r, y) = year(r)?;
    Ok((r, Date::ymd(y, m, d)))
}

fn ws(i: &str) -> R<'_, &str> {
    take_while(|c: char| c == ' ' || c == '\t' || c == '\u{a0}')(i)
}

/// named = month_word ws? (day ','? ws year | ','? year | "'"yy | day)   (Sep 19, 2023 · Sept 2024 · Apr 13)
fn named(i: &str) -> R<'_, Date> {
    let (r, m) = month_word(i)?;
    let (r, _) = ws(r)?;
    // order matters: "Sep 19, 2023" before "Sep 2023" before a yearless "Apr 13"
    if let Ok((r2, d)) = small(1, 31)(r) {
        let after_day = r2;
        if let Ok((r3, y)) = preceded(
            (
                opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th")))),
                opt(char(',')),
                ws,
            ),
            year,
        )
        .parse(r2)
        {
            return Ok((r3, Date::ymd(y, m, d)));
        }
        if !after_day.starts_with(|c: char| c.is_alphanumeric() || c == '/' || c == '.' || c == ',')
        {
            return Ok((
                after_day,
                Date {
                    year: None,
                    month: Some(m),
                    day: Some(d),
                },
            ));
        }
    }
    let (r, _) = opt(char(',')).parse(r)?;
    let (r, _) = ws(r)?;
    let (r, y) = alt((year, short_year)).parse(r)?;
    Ok((r, Date::ym(y, m)))
}

/// day_first = day ws month_word ','? ws year   (19 September 2023)
fn day_first(i: &str) -> R<'_, Date> {
    let (r, d) = small(1, 31)(i)?;
    let (r, _) = opt(char('.')).parse(r)?;
    let (r, _) = ws(r)?;
    let (r, m) = month_word(r)?;
    let (r, _) = opt(char(',')).parse(r)?;
    let (r, _) = ws(r)?;
    let (r, y) = year(r)?;
    Ok((r, Date::ymd(y, m, d)))
}

/// year_first = year ' ' month_word ' ' day   ("2021 Jun 14", Vancouver and PubMed)
fn year_first(i: &str) -> R<'_, Date> {
    let (r, (y, _, m, _, d)) = (year, char(' '), month_word, char(' '), small(1, 31)).parse(i)?;
    if r.starts_with(|c: char| c.is_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((r, Date::ymd(y, m, d)))
}

/// season = season_word ws year   ("Spring 2023", "Herbst 2021"): the year only
fn season(i: &str) -> R<'_, Date> {
    let (r, w) = take_while(|c: char| c.is_alphabetic())(i)?;
    let known = with_lower(w, is_season);
    if !known {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alpha,
        )));
    }
    let (r, _) = opt(char(',')).parse(r)?;
    let (r, _) = ws(r)?;
    let (r, y) = year(r)?;
    Ok((r, Date::year(y)))
}

fn is_season(w: &str) -> bool {
    matches!(
        w,
        "spring"
            | "summer"
            | "fall"
            | "autumn"
            | "winter"
            | "frühjahr"
            | "frühling"
            | "sommer"
            | "herbst"
            | "printemps"
            | "été"
            | "automne"
            | "hiver"
            | "primavera"
            | "verano"
            | "otoño"
            | "invierno"
            // German semesters: "WiSe 2023/24", "SoSe 2023"
            | "wise"
            | "sose"
            | "ws"
            | "ss"
            | "wintersemester"
            | "sommersemester"
    )
}

/// date = ymd | ym | dmy | my | named | day_first | season | year   (longest forms first)
pub fn date(i: &str) -> R<'_, Date> {
    alt((
        ymd,
        ym,
        dmy,
        mdy,
        my,
        named,
        day_first,
        year_first,
        season,
        year.map(Date::year),
    ))
    .parse(i)
}

/// present = a word from present.txt (optionally in parentheses)
pub fn present(i: &str) -> R<'_, End> {
    let (r, _) = opt(char('(')).parse(i)?;
    let (r, w) = verify(take_while(|c: char| c.is_alphabetic()), |w: &str| {
        !w.is_empty() && w.len() <= 12 && with_lower(w, |l| PRESENT.contains(l))
    })
    .parse(r)?;
    let _ = w;
    let (r, _) = opt(char(')')).parse(r)?;
    Ok((r, End::Present))
}

/// range_sep = ws* ('-' | '–' | '—' | '~' | "to" | "until" | "till") ws*
pub fn range_sep(i: &str) -> R<'_, &str> {
    recognize((
        space0,
        alt((
            tag("--"),
            tag("-"),
            tag("–"),
            tag("—"),
            tag("~"),
            tag("−"),
            tag("to "),
            tag("until "),
            tag("till "),
            tag("bis "),
        )),
        space0,
    ))
    .parse(i)
}

/// A bare month before a range separator borrows the end's year ("Jun - Sep 2022").
fn month_only(i: &str) -> R<'_, u8> {
    let (r, m) = month_word(i)?;
    if r.starts_with(|c: char| c.is_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alpha,
        )));
    }
    Ok((r, m))
}

/// range = date (range_sep (date | present))? (" (expected)")?
pub fn range(i: &str) -> R<'_, DateRange> {
    if let Ok(found) = day_range(i) {
        return Ok(found);
    }
    if let Ok((r, m)) = month_only(i) {
        if let Ok((r, _)) = range_sep(r) {
            if let Ok((r, end)) = date(r) {
                if let Some(y) = end.year {
                    return Ok((
                        r,
                        DateRange {
                            start: Date::ym(y, m),
                            end: Some(End::Date(end)),
                        },
                    ));
                }
            }
        }
    }
    if let Some(found) = since(i) {
        return Ok(found);
    }
    // "Current - 2020": printed newest first (R pagedown), the present before the start
    // ("date" and "expected" only end ranges: "Start date – 2020" is no such range)
    if let Some((r, end)) = present(i).ok().filter(|_| {
        let w = i.trim_start_matches('(').get(..4).unwrap_or("");
        !w.eq_ignore_ascii_case("date") && !w.eq_ignore_ascii_case("expe")
    }) {
        let (r, _) = range_sep(r)?;
        let (r, start) = date(r)?;
        return Ok((
            r,
            DateRange {
                start,
                end: Some(end),
            },
        ));
    }
    let (r, mut start) = date(i)?;
    // "2019/20", "WiSe 2023/24": an academic year
    if let Some(rest) = r.strip_prefix('/').filter(|_| start.month.is_none()) {
        let end = short_end(&start, rest).or_else(|| {
            year(rest)
                .ok()
                .filter(|(_, y)| start.year.is_some_and(|s| *y == s + 1))
                .map(|(r, y)| (r, Date::year(y)))
        });
        if let Some((r, end)) = end {
            return Ok((
                r,
                DateRange {
                    start,
                    end: Some(End::Date(end)),
                },
            ));
        }
    }
    let Ok((r2, sep)) = range_sep(r) else {
        return Ok((r, DateRange::single(start)));
    };
    // "2018 -<TAB>Associate Professor", "2021–           Assistant Professor": a column
    // left open runs to the present
    let column_gap = sep.ends_with('\t') || sep.ends_with("  ");
    if column_gap && date(r2).is_err() && present(r2).is_err() && short_end(&start, r2).is_none() {
        return Ok((
            r2,
            DateRange {
                start,
                end: Some(End::Present),
            },
        ));
    }
    // "07/01/2019 - 06/30/2024": an end that can only be month-first makes the start so too
    if let (Ok(_), Ok((_, s))) = (mdy(r2), dmy(i)) {
        if s == start && s.day.is_some_and(|d| d <= 12) {
            start = Date::ymd(
                s.year.unwrap_or(0),
                s.day.unwrap_or(1),
                s.month.unwrap_or(1),
            );
        }
    }
    if let Ok((r3, end)) = present(r2) {
        return Ok((
            r3,
            DateRange {
                start,
                end: Some(end),
            },
        ));
    }
    match date(r2) {
        Ok((r3, mut end)) => {
            // "Sep 19 - 21, 2023" style ends without a month borrow the start's
            if end.year.is_none() {
                end.year = start.year;
            }
            // "(expected)" ends are kept as dates (MAPPING: a future expected date stays)
            let (r3, _) = opt((ws, opt(char('(')), tag("expected"), opt(char(')')))).parse(r3)?;
            // "2022 - 2019": a range printed newest first; (months are not swapped: "Sep
            // 2021 – Aug 2021" is a slip, not an order)
            if is_before(&end, &start) {
                if start.month.is_some() || end.month.is_some() {
                    return Ok((r, DateRange::single(start)));
                }
                return Ok((
                    r3,
                    DateRange {
                        start: end,
                        end: Some(End::Date(start)),
                    },
                ));
            }
            Ok((
                r3,
                DateRange {
                    start,
                    end: Some(End::Date(end)),
                },
            ))
        }
        Err(_) => match short_end(&start, r2) {
            Some((r3, end)) => Ok((
                r3,
                DateRange {
                    start,
                    end: Some(End::Date(end)),
                },
            )),
            // "2024 –" with the end on another line: an open range the caller may complete
            None => Ok((r, DateRange::single(start))),
        },
    }
}

/// "since 04/2022", "seit 2020": a range running to the present.
fn since(i: &str) -> Option<(&str, DateRange)> {
    let (r, w) =
        take_while::<_, &str, nom::error::Error<&str>>(|c: char| c.is_alphabetic())(i).ok()?;
    if w.is_empty() || w.len() > 6 || !with_lower(w, |l| SINCE.contains(l)) {
        return None;
    }
    let (r, _) = ws(r).ok()?;
    let (after, start) = date(r).ok()?;
    // "Since 2021 –" / "2023" split over lines: the range as printed, for the caller to join
    if range_sep(after).is_ok() {
        return range(r).ok();
    }
    let r = after;
    Some((
        r,
        DateRange {
            start,
            end: Some(End::Present),
        },
    ))
}

/// "2020–21", "2016–20": an end year of two digits, in the start's century, after it.
fn short_end<'a>(start: &Date, r: &'a str) -> Option<(&'a str, Date)> {
    let (Some(y), None) = (start.year, start.month) else {
        return None;
    };
    let digits = r
        .get(..2)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let rest = &r[2..];
    if rest.starts_with(|c: char| {
        c.is_alphanumeric()
            || c == '.'
            || c == ',' && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    }) {
        return None;
    }
    let yy: u16 = digits.parse().ok()?;
    (yy > y % 100).then(|| (rest, Date::year(y - y % 100 + yy)))
}

/// A range of days in one month, as meetings print them: "April 17–20, 2024",
/// "17–20 April 2024".
fn day_range(i: &str) -> R<'_, DateRange> {
    let span = |y: u16, m: u8, d1: u8, d2: u8| DateRange {
        start: Date::ymd(y, m, d1),
        end: Some(End::Date(Date::ymd(y, m, d2))),
    };
    let mut month_first = (
        month_word,
        ws,
        small(1, 31),
        range_sep,
        small(1, 31),
        opt(char(',')),
        ws,
        year,
    );
    if let Ok((r, (m, _, d1, _, d2, _, _, y))) = month_first.parse(i) {
        if d1 < d2 {
            return Ok((r, span(y, m, d1, d2)));
        }
    }
    // "2024 Nov 13–17" (Vancouver meetings)
    let mut year_first = (
        year,
        char(' '),
        month_word,
        char(' '),
        small(1, 31),
        range_sep,
        small(1, 31),
    );
    if let Ok((r, (y, _, m, _, d1, _, d2))) = year_first.parse(i) {
        if d1 < d2 && !r.starts_with(|c: char| c.is_alphanumeric()) {
            return Ok((r, span(y, m, d1, d2)));
        }
    }
    let (r, (d1, _, _, d)) = verify(
        (small(1, 31), opt(char('.')), range_sep, day_first),
        |(d1, _, _, d): &(u8, _, _, Date)| d.day.is_some_and(|d2| *d1 < d2),
    )
    .parse(i)?;
    Ok((
        r,
        span(
            d.year.unwrap_or_default(),
            d.month.unwrap_or_default(),
            d1,
            d.day.unwrap_or_default(),
        ),
    ))
}

/// Is `a` strictly earlier than `b`, judged on the parts both print?
pub fn is_before(a: &Date, b: &Date) -> bool {
    let (Some(ay), Some(by)) = (a.year, b.year) else {
        return false;
    };
    if ay != by {
        return ay < by;
    }
    match (a.month, b.month) {
        (Some(am), Some(bm)) if am != bm => am < bm,
        (Some(_), Some(_)) => matches!((a.day, b.day), (Some(ad), Some(bd)) if ad < bd),
        _ => false,
    }
}

/// The whole text (trimmed of spaces and edge punctuation) is one date.
pub fn parse_date(s: &str) -> Option<Date> {
    let t = trim_edges(s);
    match date(t) {
        Ok((rest, d)) if trim_edges(rest).is_empty() => Some(d),
        _ => None,
    }
}

/// The whole text is a month and a day of it, no year ("June 12", "Sept. 3"): (month, day).
pub fn month_day(s: &str) -> Option<(u8, u8)> {
    let (rest, m) = month_word(s.trim()).ok()?;
    let d: u8 = rest.trim_start().parse().ok()?;
    (rest.starts_with(' ') && (1..=31).contains(&d)).then_some((m, d))
}

/// The whole text is one date range (or one date).
pub fn parse_range(s: &str) -> Option<DateRange> {
    let t = trim_edges(s);
    if let Ok((rest, _)) = present(t) {
        if trim_edges(rest).is_empty() {
            return None;
        }
    }
    match range(t) {
        Ok((rest, r)) if trim_edges(rest).is_empty() => Some(r),
        _ => None,
    }
}

/// Does the text mean "still going" ("Present", "Now", "current")?
pub fn is_present(s: &str) -> bool {
    matches!(present(trim_edges(s)), Ok((rest, _)) if trim_edges(rest).is_empty())
}

fn trim_edges(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '|' | '(' | ')' | '[' | ']' | '*' | '.')
    })
}

/// Every date range in the text, left to right, with its byte span. Scans only at word
/// starts and each attempt reads a bounded prefix, so this is linear in the text.
pub fn find_all(s: &str) -> Vec<(DateRange, Range<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut prev_alnum = false;
    while let Some(c) = s[i..].chars().next() {
        if !prev_alnum && (c.is_ascii_digit() || c.is_alphabetic()) {
            let rest = &s[i..];
            let word_end = rest
                .find(|ch: char| !ch.is_alphabetic())
                .unwrap_or(rest.len());
            // "Rio de Janeiro": a month word after a place's particle is a
            // name, not a date
            let in_place_name = !c.is_ascii_digit()
                && [" de ", " do ", " del ", " da "]
                    .iter()
                    .any(|p| s[..i].ends_with(p) && s[..i].trim_end().len() > p.len());
            if c.is_ascii_digit() || !in_place_name && may_start_date(&rest[..word_end]) {
                if let Ok((after, r)) = range(rest) {
                    let end = s.len() - after.len();
                    if end > i {
                        out.push((r, i..end));
                        prev_alnum = s[..end]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric);
                        i = end;
                        continue;
                    }
                }
            }
            if word_end > 0 {
                // the rest of a letter word cannot start a date
                i += word_end;
                prev_alnum = true;
                continue;
            }
        }
        prev_alnum = c.is_alphanumeric();
        i += c.len_utf8();
    }
    out
}

/// The first date range in the text.
pub fn find_range(s: &str) -> Option<(DateRange, Range<usize>)> {
    find_all(s).into_iter().next()
}

/// A heading that only groups entries by year ("2023", "2019 – 2020", "Before 2015").
pub fn year_group(t: &str) -> bool {
    let t = t.trim();
    let found = find_all(t);
    if found.is_empty() || t.len() > 40 {
        return false;
    }
    let mut rest = String::new();
    let mut at = 0;
    for (_, span) in &found {
        rest.push_str(t.get(at..span.start).unwrap_or_default());
        rest.push(' ');
        at = span.end.max(at);
    }
    rest.push_str(t.get(at..).unwrap_or_default());
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "before" | "since" | "earlier" | "and" | "older"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_digit_ends_and_open_columns() {
        let r = |s: &str| find_all(s).first().map(|(r, _)| *r);
        assert_eq!(
            r("2020–21         Postdoc"),
            Some(DateRange {
                start: Date::year(2020),
                end: Some(End::Date(Date::year(2021)))
            })
        );
        assert_eq!(
            r("Fellowship, 2019-20").unwrap().end,
            Some(End::Date(Date::year(2020)))
        );
        // an end before the start's last digits is no short year
        assert_eq!(r("2019–12 x").unwrap().end, None);
        assert_eq!(
            r("2021–           Assistant Professor").unwrap().end,
            Some(End::Present)
        );
        // a dash at the line's end waits for the next line
        assert_eq!(r("Since 2021 –").unwrap().end, None);
    }

    #[test]
    fn since_semesters_and_academic_years() {
        let r = |s: &str| find_all(s).first().map(|(r, span)| (*r, span.clone()));
        let (since, span) = r("since 04/2022   Postdoc").unwrap();
        assert_eq!(since.start, Date::ym(2022, 4));
        assert_eq!(since.end, Some(End::Present));
        // the word is part of the date's text, so it leaves the entry's name
        assert_eq!(span, 0..13);
        assert_eq!(r("seit 2020").unwrap().0.end, Some(End::Present));
        let (wise, _) = r("WiSe 2023/24   Lecture").unwrap();
        assert_eq!(
            (wise.start, wise.end),
            (Date::year(2023), Some(End::Date(Date::year(2024))))
        );
        assert_eq!(
            r("2019/2020 Tutor").unwrap().0.end,
            Some(End::Date(Date::year(2020)))
        );
        // a month/year date is not an academic year
        assert_eq!(r("03/2019").unwrap().0.start, Date::ym(2019, 3));
        assert_eq!(r("SoSe 2023").unwrap().0.end, None);
    }

    #[test]
    fn year_group_headings() {
        assert!(year_group("2023"));
        assert!(year_group("2019 – 2020"));
        assert!(year_group("Before 2015"));
        assert!(!year_group("FlashAttention 2023"));
        assert!(!year_group("Efficient Inference"));
    }

    fn r(s: &str) -> (Option<String>, Option<String>, bool) {
        let d = parse_range(s).unwrap_or_else(|| panic!("no range in {s:?}"));
        (
            d.start.iso(),
            d.end_date().and_then(|e| e.iso()),
            d.end == Some(End::Present),
        )
    }

    #[test]
    fn month_and_day_without_a_year() {
        assert_eq!(month_day("June 12"), Some((6, 12)));
        assert_eq!(month_day("Sept. 3"), Some((9, 3)));
        assert_eq!(month_day("June 2012"), None);
        assert_eq!(month_day("Vol 12"), None);
    }

    #[test]
    fn month_words_in_place_names() {
        assert!(find_all("Universidade Federal do Rio de Janeiro --2015")
            .iter()
            .all(|(r, _)| r.start.month.is_none()));
        assert_eq!(
            find_range("Janeiro 2015 – Março 2016").unwrap().0.start,
            Date::ym(2015, 1)
        );
    }

    #[test]
    fn us_dates_and_open_table_cells() {
        let r = parse_range("07/01/2019 - 06/30/2024").unwrap();
        assert_eq!(r.start, Date::ymd(2019, 7, 1));
        assert_eq!(r.end, Some(End::Date(Date::ymd(2024, 6, 30))));
        // day-first stays day-first where nothing says otherwise
        assert_eq!(parse_date("07/01/2019"), Some(Date::ymd(2019, 1, 7)));
        let (r, _) = find_range("2018 - \tAssociate Professor").unwrap();
        assert_eq!(r.end, Some(End::Present));
        // a dash at the end of the line may still get its end from the next line
        let (r, _) = find_range("2018 -").unwrap();
        assert_eq!(r.end, None);
    }

    #[test]
    fn backwards_ranges_are_printed_newest_first() {
        assert_eq!(
            r("2022 - 2019"),
            (Some("2019".into()), Some("2022".into()), false)
        );
        let d = parse_range("Current - 2020").unwrap();
        assert_eq!((d.start.year, d.end), (Some(2020), Some(End::Present)));
        assert!(range("date – 2020").is_err());
        assert!(parse_range("Sep 2021 – Aug 2021").is_none());
        assert_eq!(r("Aug 2021 – Sep 2021").1.as_deref(), Some("2021-09"));
        assert_eq!(r("2021 – Jan 2021").1.as_deref(), Some("2021-01"));
    }

    #[test]
    fn single_dates_keep_precision() {
        assert_eq!(parse_date("2022").unwrap().iso().unwrap(), "2022");
        assert_eq!(parse_date("Sept 2024").unwrap().iso().unwrap(), "2024-09");
        assert_eq!(parse_date("Dec. 2022").unwrap().iso().unwrap(), "2022-12");
        assert_eq!(parse_date("09/2024").unwrap().iso().unwrap(), "2024-09");
        assert_eq!(parse_date("2025.09").unwrap().iso().unwrap(), "2025-09");
        assert_eq!(
            parse_date("2020.10.09").unwrap().iso().unwrap(),
            "2020-10-09"
        );
        assert_eq!(
            parse_date("Sep 19, 2023").unwrap().iso().unwrap(),
            "2023-09-19"
        );
        assert_eq!(
            parse_date("19 September 2023").unwrap().iso().unwrap(),
            "2023-09-19"
        );
        assert_eq!(parse_date("März 2021").unwrap().iso().unwrap(), "2021-03");
        assert_eq!(parse_date("Spring 2023").unwrap().iso().unwrap(), "2023");
        assert_eq!(r("Okt. 2019 – heute"), (Some("2019-10".into()), None, true));
        assert_eq!(
            parse_date("juillet 2019").unwrap().iso().unwrap(),
            "2019-07"
        );
        let no_year = parse_date("Apr 13").unwrap();
        assert_eq!(
            (no_year.year, no_year.month, no_year.day),
            (None, Some(4), Some(13))
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(
            r("2022–2026"),
            (Some("2022".into()), Some("2026".into()), false)
        );
        assert_eq!(
            r("Sept 2024 – May 2026"),
            (Some("2024-09".into()), Some("2026-05".into()), false)
        );
        assert_eq!(r("09/2024 – Present"), (Some("2024-09".into()), None, true));
        assert_eq!(
            r("Jan. 2025 – current"),
            (Some("2025-01".into()), None, true)
        );
        assert_eq!(
            r("Jun. 2020 - Sep. 2020"),
            (Some("2020-06".into()), Some("2020-09".into()), false)
        );
        assert_eq!(
            r("2023.06 - 2028.06 (expected)"),
            (Some("2023-06".into()), Some("2028-06".into()), false)
        );
        assert_eq!(r("2025.09 - Now"), (Some("2025-09".into()), None, true));
        assert_eq!(
            r("Jun - Sep 2022"),
            (Some("2022-06".into()), Some("2022-09".into()), false)
        );
        assert_eq!(
            r("2018 to 2021"),
            (Some("2018".into()), Some("2021".into()), false)
        );
        assert_eq!(
            r("April 17–20, 2024"),
            (Some("2024-04-17".into()), Some("2024-04-20".into()), false)
        );
        assert_eq!(
            r("17–20 April 2024"),
            (Some("2024-04-17".into()), Some("2024-04-20".into()), false)
        );
    }

    #[test]
    fn find_in_text() {
        let s = "Ph.D. student in Computer Science, GPA: 4.00/4.00\tDec. 2022 - Dec. 2024";
        let (d, span) = find_range(s).unwrap();
        assert_eq!(d.start.iso().unwrap(), "2022-12");
        assert_eq!(&s[span], "Dec. 2022 - Dec. 2024");
        assert!(find_range("no dates here, only 4.00/4.00 and 12345").is_none());
        assert_eq!(find_all("In 2022 and 2019").len(), 2);
    }

    #[test]
    fn not_dates() {
        assert!(parse_date("May").is_none());
        assert!(parse_date("12345").is_none());
        assert!(parse_date("3.96/4.00").is_none());
        assert!(is_present("Present"));
        assert!(!is_present("Presentation"));
    }
}
