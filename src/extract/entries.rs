//! Entry layout shared by the dated sections (education, work, research, volunteer,
//! projects): blocks grouped into entries, and each header line peeled into dates,
//! location, role, organisation and notes.
//!
//! Input: a section's blocks. Output: `Entry { head, body }` groups and `Facts` about a
//! head. Two layouts are recognised: dated entries (every entry starts with a date, as
//! in `- 2022–2026 **University ...**`) and header blocks (organisation / role / place /
//! date lines, then bullets), where a header line after bullets starts the next entry.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Block, BlockKind};
use crate::lex::{date, split_top_level};
use crate::model::{DateRange, End};
use crate::tables::{ORG_WORD_CITIES, PLACES, ROLES, ROLE_WORDS};

/// One entry: header lines (the first may be a heading or a dated item) and the blocks
/// under them (bullets, sub-headings, continuation lines).
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub head: Vec<Block>,
    pub body: Vec<Block>,
    /// Level of the heading that opened the entry.
    pub level: Option<u8>,
}

/// A block that begins with a date and says more after it (`2019 – 2021 Research Intern`).
pub fn starts_with_date(b: &Block) -> bool {
    let t = b.text.trim_start_matches(['*', ' ']);
    match date::range(t) {
        Ok((rest, _)) => !date::parse_range(t).is_some_and(|_| rest.trim().is_empty()),
        Err(_) => false,
    }
}

/// The whole block is a date or range ("Jun. 2021 – Sep. 2021", "May 2024").
pub fn is_date_only(b: &Block) -> bool {
    date::parse_range(&b.text).is_some()
}

/// Group a section's blocks into entries. `new_head` decides, for a header line arriving
/// while the current entry has no body yet, whether it opens a new entry instead.
pub fn group(blocks: &[Block], new_head: &dyn Fn(&Entry, &Block) -> bool) -> Vec<Entry> {
    let content: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Rule)
        .collect();
    let dated = content
        .iter()
        .find(|b| !matches!(b.kind, BlockKind::Heading(_)))
        .is_some_and(|b| starts_with_date(b) && !matches!(b.kind, BlockKind::Item(d) if d > 0));
    // "**2017–2020**" on a line of its own, the entry on the lines after it: when the
    // section opens with such a line, each one opens an entry
    let date_lines = content
        .first()
        .is_some_and(|b| matches!(b.kind, BlockKind::Para | BlockKind::Row) && is_date_only(b));
    let only_items = content.iter().all(|b| matches!(b.kind, BlockKind::Item(_)));
    // "Role, Organisation" then "2020–present" on the line below (pdftotext drops the
    // right-aligned dates under their line): a dates line closes its entry's header
    // (every dates line sits right under such a header line, not under a place: "Org" /
    // "City, ST" / "Jun 2021 – Sep 2021" / "Role" is another layout)
    let date_rows: Vec<usize> = (1..content.len())
        .filter(|&i| content[i].kind == BlockKind::Para && is_date_only(content[i]))
        .collect();
    let dates_below = !date_lines
        && date_rows.len() >= 2
        && date_rows.iter().all(|&i| {
            let h = content[i - 1];
            h.kind == BlockKind::Para
                && h.text.contains(',')
                && !is_date_only(h)
                && !is_location(&h.text)
                && !is_org_place(h)
        });
    let closed_by_dates = |cur: &Entry, b: &Block| {
        dates_below
            && cur.head.len() >= 2
            && cur.head.last().is_some_and(is_date_only)
            && b.kind == BlockKind::Para
            && !is_date_only(b)
            && !is_location(&b.text)
            && !is_org_place(b)
            && !b.text.trim_end().ends_with('.')
            && !b.text.contains(':')
            && b.text.starts_with(char::is_uppercase)
            && b.text.contains(',')
    };
    let mut out: Vec<Entry> = Vec::new();
    for b in content {
        let opens = match b.kind {
            BlockKind::Heading(l) => match out.last() {
                Some(cur) => match cur.level {
                    Some(cl) => l <= cl,
                    // a heading under header lines is a titled sub-item of that entry
                    None => !(cur.body.is_empty() && !cur.head.is_empty() || has_heading(cur)),
                },
                None => true,
            },
            // the date line right under an entry's own heading ("### Org — Role" then
            // "*Jan 2022 – Present* · City") belongs to that entry
            _ if dated && out.last().is_some_and(heading_only) => false,
            BlockKind::Para | BlockKind::Row if date_lines => is_date_only(b) || out.is_empty(),
            _ if dated => {
                !matches!(b.kind, BlockKind::Item(d) if d > 0) && starts_with_date(b)
                    || out.is_empty()
            }
            // entries that are themselves top-level items ("- Title" then nested bullets)
            BlockKind::Item(0) => {
                only_items
                    || out.last().is_none_or(|cur| {
                        cur.head
                            .first()
                            .is_some_and(|h| matches!(h.kind, BlockKind::Item(0)))
                    })
            }
            BlockKind::Item(_) => out.is_empty(),
            _ => match out.last() {
                None => true,
                // an entry opened by a heading runs to the next heading
                Some(cur) if cur.body.is_empty() => {
                    cur.level.is_none() && (new_head(cur, b) || closed_by_dates(cur, b))
                }
                Some(cur) => {
                    let last = cur.body.last().map(|l| l.kind);
                    let after_title = matches!(last, Some(BlockKind::Heading(_)))
                        || is_date_only(b) && matches!(last, Some(BlockKind::Item(_)));
                    !after_title
                }
            },
        };
        let level = match b.kind {
            BlockKind::Heading(l) => Some(l),
            _ => None,
        };
        if opens {
            out.push(Entry {
                head: vec![b.clone()],
                body: Vec::new(),
                level,
            });
        } else if let Some(cur) = out.last_mut() {
            // "03/2020 – Present  Engineer" then "Accenture S.p.A., Milan, Italy": the
            // organisation line under a dated line is still header
            let org_under_date = cur.head.len() == 1 && (is_org_place(b) || is_location(&b.text));
            // "01/10/2020 – CURRENT Milan, Italy" then "POSTDOCTORAL RESEARCHER POLITECNICO DI
            // MILANO" (Europass): a line of only dates and a place heads the title line below
            let title_under_date = dated
                && cur.head.len() == 1
                && matches!(b.kind, BlockKind::Para | BlockKind::Row)
                && b.text.chars().count() < 100
                && !b.text.trim_end().ends_with('.')
                && only_dates_and_place(&cur.head[0]);
            let date_under_heading = dated && heading_only(cur) && starts_with_date(b);
            // (a sentence paragraph under the header describes the entry: body)
            let prose = b.kind == BlockKind::Para
                && b.text.split_whitespace().count() >= 12
                && b.text.trim_end().ends_with('.');
            // "Role  2016 – 2018" / "Org, City, ST" / "T32 Program; Mentor: …": a header
            // with its dates and its organisation's place is complete, the next line is body
            // ("Thesis: …", "Supervisors: …" lines stay with the header)
            // (tested last: it reads the header's lines again)
            let complete = || {
                cur.head.len() >= 2
                    && b.text
                        .split_once(':')
                        .is_none_or(|(k, _)| k.split_whitespace().count() > 2)
                    && cur.head.last().is_some_and(is_org_place)
                    && cur.head.iter().any(|h| date::find_range(&h.text).is_some())
            };
            if cur.body.is_empty()
                && !matches!(b.kind, BlockKind::Item(_) | BlockKind::Heading(_))
                && !prose
                && (!dated
                    || cur.head.is_empty()
                    || org_under_date
                    || date_under_heading
                    || title_under_date)
                && !complete()
            {
                cur.head.push(b.clone());
            } else {
                cur.body.push(b.clone());
            }
        }
    }
    out
}

/// An entry that so far is only its heading.
fn heading_only(e: &Entry) -> bool {
    e.level.is_some() && e.head.len() == 1 && e.body.is_empty()
}

fn has_heading(e: &Entry) -> bool {
    e.body
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Heading(_)))
}

/// What a header line says once dates and places are taken out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Every range, in order, with its printed text.
    pub dates: Vec<(DateRange, String)>,
    pub location: String,
    /// Remaining text pieces (one per column), markup removed.
    pub rest: Vec<String>,
    /// Several periods printed for one entry ("Jun. 2022 - Sep 2022 (full-time), ...").
    pub periods: String,
}

impl Facts {
    /// First start to last end.
    pub fn range(&self) -> Option<DateRange> {
        let first = self.dates.first()?.0;
        let last = self.dates.last()?.0;
        let end = last.end.or(if self.dates.len() > 1 {
            Some(End::Date(last.start))
        } else {
            None
        });
        // "OSDI 2024, SOSP 2023, EuroSys 2022": a list, not a period ending before it starts
        let end = end.filter(|e| !matches!(e, End::Date(d) if date::is_before(d, &first.start)));
        Some(DateRange {
            start: first.start,
            end,
        })
    }
}

/// Words that name an organisation, never a city.
static ORG_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^(?:universit\w*|college|institute|technology|school|lab|laboratory|labs|inc\.?|corp\.?|ltd\.?|llc|gmbh|ag|center|centre|department|research|group|team|company|academy|hospital|foundation)$").unwrap()
});

/// Words that follow a place in an organisation's name ("Georgia Tech", "Beijing Normal"),
/// never the role or team after a location ("Los Angeles, CA, USA Research Intern").
const ORG_AFTER_PLACE: &[&str] = &[
    "Institute",
    "University",
    "College",
    "Tech",
    "State",
    "A&M",
    "Polytechnic",
    "Normal",
    "Medical",
    "Technical",
    "Technological",
];

static PLACE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = PLACES.keys().copied().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alt = names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    // Latin letters only: with `\p{L}` this pattern's lazy DFA filled its 2 MB caches, the
    // largest single heap user in a batch (issue 7)
    let word = r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž.'’-]*";
    // ("South San Francisco, CA": a compass word may open a two-word city)
    let part = format!(r"(?:(?:North|South|East|West)\s)?{word}(?:\s{word})?");
    // a third place is a country ("Toronto, ON, Canada"): only country names there keep
    // this, the largest pattern, from growing by a third
    let countries = names
        .iter()
        .filter(|n| {
            PLACES.get(*n).is_some_and(|c| *c != "state") && !crate::tables::CITIES.contains_key(*n)
        })
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    // a state's full name ends a place only after a city ("La Jolla, California"), never
    // alone ("Florida International University")
    let regions = crate::tables::REGIONS
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    crate::lex::pattern(&format!(
        r"(?:\((?i:remote|hybrid|on-?site)\)\s*)?(?:(?:{part},\s?)?(?:{alt})(?:,\s?(?:{alt}))?|{part},\s?(?:{regions}))(?:,\s?(?:{countries}))?\.?(?:\s*\((?i:remote|hybrid|on-?site)\))?"
    ))
    .unwrap()
});

/// The place pattern's matches in `s`. A match closing on a state or city that a name goes
/// on from ("Market Street, Iowa" before " City, IA") is tried again from that last part.
fn place_matches(s: &str) -> impl Iterator<Item = regex::Match<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let m = PLACE_RE.find_at(s, at)?;
        let t = m.as_str();
        at = m.end();
        if let Some(i) = t.rfind(", ") {
            let last = t[i + 2..].trim_end_matches('.');
            let goes_on = s[m.end()..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_uppercase));
            if goes_on
                && (crate::tables::REGIONS.contains(last)
                    || crate::tables::CITIES.contains_key(last))
            {
                at = m.start() + i + 2;
            }
        }
        Some(m)
    })
}

/// A printed location in `s` ("San Diego, CA, USA", "Beijing, China", "(remote) Redmond,
/// WA,USA"): ends at a country or state code, then the text's end or a capitalised word.
pub fn find_location(s: &str) -> Option<std::ops::Range<usize>> {
    place_matches(s)
        .map(|m| {
            // "Allegro, Warsaw, Poland": a known city after the first comma is where the
            // place starts; what comes before it is the organisation
            let t = m.as_str();
            // ("Seattle, Washington": a state named like a city closing the place is its state)
            let city_after = |rest: &str| {
                let mut parts = rest.split(',');
                let c = parts.next().unwrap_or("").trim();
                crate::tables::CITIES.contains_key(c)
                    && (parts.next().is_some() || !crate::tables::REGIONS.contains(c))
            };
            match t.find(", ") {
                Some(i) if city_after(&t[i + 2..]) => m.start() + i + 2..m.end(),
                _ => m.range(),
            }
        })
        .filter_map(|m| {
            // "University Georgetown, TX": an organisation word is not part of the city
            let city_end = s[m.clone()].find(',').map_or(m.start, |i| m.start + i);
            let mut city = &s[m.start..city_end];
            // "College Station": an organisation word inside the city's own name
            let lower = city.to_lowercase();
            // "Aarhus University, Denmark": a "city" ending in an organisation word is the
            // organisation (unless the city's own name holds the word: "College Station")
            let org_end = city.split_whitespace().count() > 1
                && city
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| ORG_WORD.is_match(w));
            if org_end && !ORG_WORD_CITIES.iter().any(|c| lower.ends_with(*c)) {
                return None;
            }
            if let Some(n) = ORG_WORD_CITIES
                .iter()
                .filter(|c| lower.ends_with(**c))
                .map(|c| c.len())
                .max()
            {
                let cut = city.len().saturating_sub(n);
                city = city.get(..cut).unwrap_or(city);
                if city.trim().is_empty() {
                    return Some(m.clone());
                }
            }
            // an acronym ("CTF Tokyo") is not part of the city either
            let org_like = |w: &&str| {
                ORG_WORD.is_match(w) || w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
            };
            match city.split_whitespace().rev().skip(1).find(org_like) {
                Some(w) => {
                    let at = city.rfind(w).map_or(0, |i| i + w.len());
                    let start = m.start + at + city[at..].len() - city[at..].trim_start().len();
                    (start < city_end).then_some(start..m.end)
                }
                // "…Science and Technology, Hong Kong": the place after the comma alone
                None if ORG_WORD.is_match(city.trim()) => {
                    let at = city_end + 1;
                    let start = at + s[at..m.end].len() - s[at..m.end].trim_start().len();
                    (city_end < m.end && start < m.end).then_some(start..m.end)
                }
                None => Some(m.clone()),
            }
        })
        .filter(|m| {
            let after = &s[m.end..];
            let before_ok = m.start == 0
                || s[..m.start].ends_with([' ', '\t', ',', ';', '|', '('])
                || s[..m.start].ends_with('·');
            // a place opening an organisation's name is not its location: "Georgia
            // Institute of Technology", "Ohio State University", and after a city any word
            // ("Shanghai Jiao Tong University": a city alone ends its part)
            let name_goes_on = after.starts_with(' ')
                && after.split_whitespace().next().is_some_and(|w| {
                    ORG_AFTER_PLACE.contains(&w)
                        || w.starts_with(char::is_alphanumeric)
                            && s[m.clone()].rsplit(',').next().is_some_and(|last| {
                                let last = last.trim().trim_end_matches('.');
                                crate::tables::CITIES.contains_key(last)
                                    || crate::tables::REGIONS.contains(last)
                            })
                });
            let after_ok = after.trim_start().is_empty()
                || after.starts_with([' ', '\t', ',', ';', '|', ')'])
                    && !after.trim_start().starts_with(|c: char| c.is_lowercase())
                    && !name_goes_on;
            let after_comma = s[..m.start].trim_end().ends_with(',');
            // "MA English, University of Aberdeen": a bare code opening a line is a degree
            let bare_code = m.len() <= 3 && !after.trim().is_empty();
            before_ok
                && after_ok
                && (s[m.clone()].contains(',') || m.start == 0 && !bare_code || after_comma)
        })
        .last()
}

/// A line with dates and at most a place, nothing else ("03/2019 – 09/2020 Cambridge, UK").
fn only_dates_and_place(b: &Block) -> bool {
    let f = peel(b);
    !f.dates.is_empty() && f.rest.is_empty()
}

/// "POSTDOCTORAL RESEARCHER POLITECNICO DI MILANO": a title and its organisation printed
/// in capitals with nothing between them; the title ends at its last role word.
pub fn caps_role_org(s: &str) -> Option<(String, String)> {
    let t = s.trim();
    if t.chars().any(char::is_lowercase) || !t.chars().any(char::is_uppercase) {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let k = (0..words.len().saturating_sub(1))
        .rev()
        .find(|&k| is_role_noun(&word_key(words[k])))?;
    // the organisation holds no role word of its own ("RESEARCH ASSISTANT, ..." is not this)
    let role = words[..=k].join(" ");
    let org = words[k + 1..].join(" ");
    (!role.ends_with(',') && !org.is_empty()).then_some((role, org))
}

/// An undated header line naming an organisation and its place, no job title
/// ("Microsoft Research   Redmond, WA").
pub fn is_org_place(b: &Block) -> bool {
    let f = peel(b);
    f.dates.is_empty()
        && !f.location.is_empty()
        && f.rest.len() == 1
        && f.rest.iter().all(|r| {
            split_role(r).is_none() && role_prefix(r).is_none() && !is_note(r) && !r.contains(':')
        })
}

/// Is the whole text a location?
pub fn is_location(s: &str) -> bool {
    let t = s.trim().trim_end_matches([',', '.']);
    find_location(t).is_some_and(|r| r.start == 0 && r.end >= t.len())
        || t.eq_ignore_ascii_case("remote")
}

fn tidy(s: &str) -> String {
    static EMPTY: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"\(\s*[,;]?\s*\)|\[\s*\]").unwrap());
    let t = crate::markup::squash(&EMPTY.replace_all(s, " "));
    t.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '|' | '·' | '–' | '—' | '-')
    })
    .to_string()
}

/// Take dates and a location out of one block.
pub fn peel(b: &Block) -> Facts {
    let mut f = Facts::default();
    let cols = b.columns();
    for (k, col) in cols.iter().enumerate() {
        // "2018 -<TAB>Associate Professor": a date cell left open, with more cells after
        // it, runs to the present (a dangling dash at the end of a line may still get its
        // end from the next line)
        let open = k + 1 < cols.len()
            && col.trim_end().ends_with(['-', '–', '—'])
            && date::find_range(col).is_some_and(|(r, _)| r.end.is_none());
        if open {
            peel_text(&format!("{} present", col.trim_end()), &mut f);
        } else {
            peel_text(col, &mut f);
        }
    }
    f
}

/// Take dates and a location out of one piece of text.
pub fn peel_text(col: &str, f: &mut Facts) {
    let found = date::find_all(col);
    let dated = !found.is_empty();
    let mut text = col.to_string();
    if found.len() > 1 {
        let from = found[0].1.start;
        f.periods = tidy(&col[from..]);
        text.truncate(from);
    }
    for (r, span) in found.iter().rev() {
        if span.end <= text.len() {
            text.replace_range(span.clone(), " ");
        }
        let _ = r;
    }
    for (r, span) in found {
        f.dates.push((r, col[span].to_string()));
    }
    // "2024 (expected)": the qualifier of a removed date is not text of the entry
    static EXPECTED: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r"(?i)\(\s*(?:expected|anticipated|exp\.)\s*\)|(?-u:\b)(?:expected|anticipated)\s*$",
        )
        .unwrap()
    });
    if dated && EXPECTED.is_match(&text) {
        text = EXPECTED.replace_all(&text, " ").into_owned();
    }
    // "In 2022" leaves a dangling "In"
    let text = text
        .trim_end()
        .trim_end_matches(['(', ',', ' '])
        .trim_end_matches(" In")
        .trim_end_matches(" in")
        .trim_end_matches(" since")
        .trim_end_matches(" Since")
        .to_string();
    static DASH_SEP: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"\s+[—–|]\s+|\s+-\s+").unwrap());
    let text = DASH_SEP.replace_all(&text, ", ");
    let mut text = tidy(&text);
    if f.location.is_empty() {
        if let Some(r) = find_location(&text).and_then(|r| name_city(&text, r)) {
            f.location = fix_location(&text[r.clone()]);
            text.replace_range(r, " ");
            text = tidy(&text);
        }
    }
    if !text.is_empty() {
        f.rest.push(text);
    }
}

/// A location whose city ends an organisation's name ("Politecnico di Milano, Italy",
/// "Technische Universität Graz, Austria") keeps the city in the name: only what follows
/// the city's comma is the location.
fn name_city(text: &str, r: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let before = text.get(..r.start)?;
    let lead = before.split_whitespace().next_back().unwrap_or_default();
    if before.ends_with(' ') && crate::tables::ORG_CITY_LEAD.contains(lead.to_lowercase().as_str())
    {
        // "…, Rio de Janeiro, Brazil": a particle inside the city's own name, whose first
        // word opens a comma part and leads no organisation's name
        let head = before.trim_end()[..before.trim_end().len() - lead.len()].trim_end();
        let first = head.rsplit([' ', ',']).next().unwrap_or_default();
        let opens_part = head[..head.len() - first.len()].trim_end().ends_with(',');
        if lead.chars().all(char::is_lowercase)
            && lead.len() <= 3
            && opens_part
            && first.starts_with(char::is_uppercase)
            && !crate::tables::ORG_CITY_LEAD.contains(first.to_lowercase().as_str())
            && !ORG_WORD.is_match(first)
        {
            return Some(head.len() - first.len()..r.end);
        }
        let comma = text.get(r.clone())?.find(',')?;
        let start = r.start + comma + 1;
        return (start < r.end).then_some(start..r.end);
    }
    Some(r)
}

/// "CA,USA" → "CA, USA"; trailing period dropped.
pub fn fix_location(s: &str) -> String {
    static COMMA: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r",(\S)").unwrap());
    COMMA
        .replace_all(s.trim().trim_end_matches('.'), ", $1")
        .into_owned()
}

/// A postal address split up: the street part, the postcode and the place ("2211 Campus
/// Drive, Evanston, IL 60208" → "2211 Campus Drive", "60208", "Evanston, IL"; "Via Roma 12,
/// 20121 Milan, Italy"; "Toronto, ON M5S 3G3, Canada"). The postcode is the one whose removal
/// leaves a place at the end; None when no such postcode is printed.
pub fn split_postal(s: &str) -> Option<(String, String, String)> {
    static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
        // UK, Canadian, Dutch ("5612 AE"), then numeric codes (with a country prefix
        // "D-69117", or ZIP+4)
        crate::lex::pattern(r"(?-u:\b)(?:[A-Z]{1,2}[0-9][A-Z0-9]?\s[0-9][A-Z]{2}|[A-Z][0-9][A-Z]\s[0-9][A-Z][0-9]|[0-9]{4}\s[A-Z]{2}|(?:[A-Z]{1,2}-)?[0-9]{4,5}(?:-[0-9]{4})?)(?-u:\b)")
            .unwrap()
    });
    // An address is one short line; longer text is prose, and trying every number in it
    // would cost quadratic time.
    if s.len() > 200 {
        return None;
    }
    let found: Vec<_> = POSTCODE.find_iter(s).collect();
    found.iter().rev().take(3).find_map(|m| {
        let rest = format!(
            "{} {}",
            s[..m.start()].trim_end(),
            s[m.end()..].trim_start()
        );
        let rest = crate::markup::squash(&rest.replace(" ,", ","));
        let rest = rest.trim_matches([',', ' ']);
        let r = find_location(rest).filter(|r| r.end >= rest.len())?;
        let street = rest[..r.start].trim().trim_end_matches([',', ' ']);
        Some((
            street.to_string(),
            m.as_str().to_string(),
            rest[r].to_string(),
        ))
    })
}

/// Notes that go to a summary: supervisors, advisors, employment modes.
pub fn is_note(s: &str) -> bool {
    static SUPERVISOR: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)^\(?\s*(?:supervis(?:ed|or|ors)(?-u:\b)|advis(?:ed|or|ors)(?-u:\b)|co-?advis|mentor(?:ed|s)?(?-u:\b)|manager:|reports? to(?-u:\b)|reporting to(?-u:\b)|hosted by(?-u:\b)|host:|working with(?-u:\b)|work with(?-u:\b)|under (?:the )?(?:supervision|guidance)|pi:|collaborat(?:ed|ing) with(?-u:\b)|(?:funded|supported|financed|sponsored) by(?-u:\b)|member of(?-u:\b))").unwrap()
    });
    static MODE: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)^\(?\s*(?:full[- ]time|part[- ]time|on[- ]site|remote|un[- ]?paid|hybrid|contract|internship|tenured|(?:non[- ])?tenure[- ]track|fixed[- ]term|permanent|temporary|on leave|sabbatical|[0-9.]+\s*FTE)(?-u:\b)").unwrap()
    });
    let t = s.trim();
    SUPERVISOR.is_match(t)
        || MODE.is_match(t) && (t.starts_with('(') || !t.contains(' ') || t.contains(','))
}

/// Notes without their wrapping parentheses.
pub fn note_text(s: &str) -> String {
    // a sentence keeps its full stop as printed ("Mentor: Dieter Fox."), a bracket does not
    let t = s.trim().trim_end_matches([',', ';']);
    let t = t.strip_suffix(").").map_or(t, |r| &t[..r.len() + 1]);
    let t = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(t);
    t.trim().to_string()
}

fn word_key(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

/// Split a trailing job title off `s`: ("Microsoft Research Asia", "Research Intern").
/// The first part is empty when all of `s` is the title.
pub fn split_role(s: &str) -> Option<(String, String)> {
    static LEVEL: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"\s+(?:I{1,3}|IV|[1-4]|\([^)]*\))$").unwrap());
    let t = s.trim();
    let core = LEVEL.replace(t, "");
    let words: Vec<&str> = core.split_whitespace().collect();
    let last = words.last()?;
    if !is_role_noun(&word_key(last)) {
        return None;
    }
    let mut start = words.len() - 1;
    // "Research Scientist Intern": a title word may itself end a title
    while start > 0 && {
        let k = word_key(words[start - 1]);
        ROLE_WORDS.contains(k.as_str()) || ROLES.contains(k.as_str())
    } {
        start -= 1;
    }
    // "Member of Technical Staff", "Head of Research" style titles stay whole
    let before = words[..start].join(" ");
    let title_start = byte_of_word(t, start);
    let org = before.trim().trim_end_matches([',', ' ']).to_string();
    Some((org, t[title_start..].trim().to_string()))
}

/// A word that ends a job title: the roles table, a shared role ("co-lecturer",
/// "co-convener"), or a profession named by its suffix ("Microbiologist", "Statistician").
pub(crate) fn is_role_noun(k: &str) -> bool {
    let k = k.strip_prefix("co-").unwrap_or(k);
    ROLES.contains(k) || (k.len() > 7 && (k.ends_with("ologist") || k.ends_with("ician")))
}

/// "Associate Professor of Clinical Microbiology", "Specialist Registrar in Microbiology":
/// a title followed by its field (not an organisation) is one position. So is a named
/// fellowship or chair ("Andrew W. Mellon Postdoctoral Fellow in the Humanities").
fn title_with_field(s: &str) -> bool {
    let named = |o: &str, role: &str| {
        o.is_empty()
            || role.rsplit(' ').next().is_some_and(|w| {
                matches!(
                    word_key(w).as_str(),
                    "fellow" | "scholar" | "professor" | "chair"
                )
            }) && o
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
    };
    [" of ", " in "].iter().any(|sep| {
        s.split_once(sep).is_some_and(|(a, b)| {
            matches!(split_role(a), Some((o, r)) if named(&o, &r))
                && (1..=4).contains(&b.split_whitespace().count())
                && b.split_whitespace().all(|w| {
                    let k = word_key(w);
                    !crate::tables::ORGANIZATIONS.contains(k.as_str()) && !k.starts_with("universi")
                })
        })
    })
}

fn byte_of_word(s: &str, n: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            if count == n {
                return i;
            }
            count += 1;
            in_word = true;
        }
    }
    s.len()
}

/// Does this text start with a job title ("Research Intern", "Teaching Assistant at X")?
pub fn role_prefix(s: &str) -> Option<(String, String)> {
    for sep in [
        " at ", " @ ", "@", ": ", " of ", " for ", " in the ", " with ",
    ] {
        if let Some((a, b)) = s.split_once(sep) {
            if crate::lex::contact::find_email(s).is_none() {
                if let Some(("", role)) = split_role(a).as_ref().map(|(o, r)| (o.as_str(), r)) {
                    return Some((role.clone(), b.trim().to_string()));
                }
            }
        }
    }
    match split_role(s) {
        Some((o, r)) if o.is_empty() => Some((r, String::new())),
        _ => None,
    }
}

/// Organisation, position and notes read from the rest pieces of an entry's head.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    pub org: String,
    pub position: String,
    pub notes: Vec<String>,
}

/// A unit inside an organisation ("Department of Computer Science", "Systems Group").
static SUB_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^(?:(?:dept\.?|department|school|faculty|division|college|institute|centre|center) of(?-u:\b)|.*(?-u:\b)(?:group|lab|laboratory|team|department)$)").unwrap()
});

/// Read organisation, position and notes from header text pieces.
pub fn roles(pieces: &[String]) -> Roles {
    let mut r = Roles::default();
    let mut org_parts: Vec<String> = Vec::new();
    for piece in pieces {
        // "Role @Org" / "Role@Org"
        if crate::lex::contact::find_email(piece).is_none() {
            if let Some((a, b)) = piece.split_once('@') {
                if r.position.is_empty() {
                    r.position = tidy(a);
                }
                for part in split_top_level(b, &[',']) {
                    if is_note(&part) {
                        r.notes.push(note_text(&part));
                    } else if org_parts.is_empty() {
                        org_parts.push(tidy(&part));
                    }
                }
                continue;
            }
        }
        let parts = split_top_level(piece, &[',', ';', '|']);
        let more_after = |k: usize| parts.iter().skip(k + 1).any(|p| !is_note(p));
        let org_before = !org_parts.is_empty();
        let mut led_by_role = false;
        for (k, part) in parts.iter().enumerate() {
            let part = tidy(part);
            if part.is_empty() {
                continue;
            }
            if r.position.is_empty() && org_parts.is_empty() {
                if let Some((role, org)) = caps_role_org(&part) {
                    r.position = role;
                    org_parts.push(org);
                    led_by_role = true;
                    continue;
                }
            }
            // "Assistant Professor, Department of X" under an organisation line: the
            // sub-unit belongs to the organisation already named, not a second one
            if led_by_role && org_before && SUB_UNIT.is_match(&part) {
                continue;
            }
            // "Akademische Rätin auf Zeit (postdoctoral position), Institut": a title glossed
            // in lower case in brackets is the position, the gloss a note
            if r.position.is_empty() && k == 0 && more_after(k) {
                if let Some((title, gloss)) = part
                    .strip_suffix(')')
                    .and_then(|p| p.rsplit_once(" ("))
                    .filter(|(t, g)| {
                        // (a capital gloss is part of the title: "Assistant Professor
                        // (Lecturer)", "Research Intern (Applied RL)")
                        !t.contains(['(', ')'])
                            && g.starts_with(char::is_lowercase)
                            && g.split_whitespace().count() <= 4
                    })
                {
                    r.position = title.trim().to_string();
                    r.notes.push(gloss.to_string());
                    led_by_role = true;
                    continue;
                }
            }
            // "Huawei Campus Ambassador, Xidian University": a leading title stays whole (so
            // does "Assistant Professor in Epidemiology" alone, its employer on the next line)
            if r.position.is_empty()
                && k == 0
                && (split_role(&part).is_some()
                    || ((more_after(k) || parts.len() == 1) && title_with_field(&part)))
                && (more_after(k) || parts.len() == 1)
            {
                r.position = part;
                led_by_role = true;
                continue;
            }
            if is_note(&part) {
                r.notes.push(note_text(&part));
                continue;
            }
            if r.position.is_empty() {
                if let Some((org, role)) = split_role(&part) {
                    if !org.is_empty() {
                        org_parts.push(org);
                    }
                    r.position = role;
                    continue;
                }
                if let Some((role, org)) = role_prefix(&part) {
                    r.position = role;
                    if !org.is_empty() {
                        org_parts.push(org);
                    }
                    continue;
                }
            }
            org_parts.push(part);
        }
    }
    r.org = org_parts.join(", ");
    // "Associate Professor (tenured)", "Nurse Practitioner (0.2 FTE)": the mode is a note
    if let Some(open) = r.position.rfind(" (").filter(|_| r.position.ends_with(')')) {
        let mode = r.position[open..].trim().to_string();
        if is_note(&mode) {
            r.notes.insert(0, note_text(&mode));
            r.position.truncate(open);
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_employment_mode_after_the_role_is_a_note() {
        let r = roles(&["Associate Professor (tenured)".into(), "OHSU".into()]);
        assert_eq!(r.position, "Associate Professor");
        assert_eq!(r.notes, ["tenured"]);
        let r = roles(&["Nurse Practitioner (0.2 FTE)".into(), "OHSU Clinic".into()]);
        assert_eq!(
            (r.position.as_str(), r.notes[0].as_str()),
            ("Nurse Practitioner", "0.2 FTE")
        );
        let r = roles(&[
            "Akademische Rätin auf Zeit (postdoctoral position), Universität Münster".into(),
        ]);
        assert_eq!(r.position, "Akademische Rätin auf Zeit");
        assert_eq!(r.org, "Universität Münster");
        let r = roles(&["Research Intern (Applied RL)".into(), "DeepMind".into()]);
        assert_eq!(r.position, "Research Intern (Applied RL)");
        let r = roles(&["Assistant Professor in Epidemiology".into()]);
        assert_eq!(
            (r.position.as_str(), r.org.as_str()),
            ("Assistant Professor in Epidemiology", "")
        );
    }

    #[test]
    fn role_and_organisation_in_capitals() {
        assert_eq!(
            caps_role_org("POSTDOCTORAL RESEARCHER POLITECNICO DI MILANO"),
            Some((
                "POSTDOCTORAL RESEARCHER".into(),
                "POLITECNICO DI MILANO".into()
            ))
        );
        assert_eq!(
            caps_role_org("Research Assistant University of Cambridge"),
            None
        );
        assert_eq!(caps_role_org("SENIOR RESEARCHER"), None);
    }

    #[test]
    fn date_line_under_entry_heading_is_header() {
        let b = [
            Block::new(BlockKind::Heading(3), "Meta AI — Research Scientist", 0..0),
            Block::new(BlockKind::Para, "*Jan 2022 – Present* · New York, NY", 0..0),
            Block::new(BlockKind::Item(0), "Led things.", 0..0),
            Block::new(BlockKind::Heading(3), "Microsoft Research — Intern", 0..0),
            Block::new(BlockKind::Para, "*Jun 2020 – Sep 2020* · Redmond, WA", 0..0),
        ];
        let e = group(&b, &|_, _| false);
        assert_eq!(e.len(), 2);
        assert_eq!((e[0].head.len(), e[0].body.len()), (2, 1));
    }

    #[test]
    fn date_lines_open_the_entries_below_them() {
        let b = [
            Block::new(BlockKind::Para, "**2020–present**", 0..0),
            Block::new(BlockKind::Para, "Ph.D. in Robotics, TU Munich", 0..0),
            Block::new(BlockKind::Para, "*Advisor: A. Roe*", 0..0),
            Block::new(BlockKind::Para, "**2017–2020**", 0..0),
            Block::new(BlockKind::Para, "M.Sc. in Informatics, KIT", 0..0),
            Block::new(BlockKind::Item(0), "Thesis on grasping.", 0..0),
        ];
        let e = group(&b, &|_, _| false);
        assert_eq!(e.len(), 2);
        assert_eq!(
            (e[0].head.len(), e[1].head.len(), e[1].body.len()),
            (3, 2, 1)
        );
    }

    #[test]
    fn titles_with_a_field_and_profession_suffixes() {
        let r = roles(&[
            "Associate Professor of Clinical Microbiology, University College Dublin".to_string(),
        ]);
        assert_eq!(r.position, "Associate Professor of Clinical Microbiology");
        assert_eq!(r.org, "University College Dublin");
        let r = roles(&["Consultant Microbiologist, St Vincent's University Hospital".to_string()]);
        assert_eq!(r.position, "Consultant Microbiologist");
        // "of" an organisation: the organisation is not part of the title
        assert!(!title_with_field(
            "Professor of Computer Science Department"
        ));
        assert!(title_with_field("Specialist Registrar in Microbiology"));
        let r = roles(&[
            "Andrew W. Mellon Postdoctoral Fellow in the Humanities, Department of History, Northwestern University".to_string(),
        ]);
        assert_eq!(
            r.position,
            "Andrew W. Mellon Postdoctoral Fellow in the Humanities"
        );
        assert_eq!(r.org, "Department of History, Northwestern University");
    }

    #[test]
    fn city_ending_a_name_stays_in_it() {
        let mut f = Facts::default();
        peel_text("M.Sc. in Biology, Aarhus University, Denmark", &mut f);
        assert!(f.rest[0].contains("Aarhus University"));
        let mut f = Facts::default();
        peel_text("Politecnico di Milano, Italy", &mut f);
        assert_eq!(f.rest, ["Politecnico di Milano"]);
        let mut f = Facts::default();
        peel_text("Stanford University, Stanford, CA", &mut f);
        assert_eq!(f.rest, ["Stanford University"]);
    }

    #[test]
    fn expected_qualifier_goes_with_its_date() {
        let mut f = Facts::default();
        peel_text("University of Washington, 2024 (expected)", &mut f);
        assert_eq!(f.rest, ["University of Washington"]);
        let mut f = Facts::default();
        peel_text("Expected outcomes of the project", &mut f);
        assert_eq!(f.rest, ["Expected outcomes of the project"]);
    }

    fn blk(kind: BlockKind, s: &str) -> Block {
        Block::new(kind, s, 0..0)
    }

    #[test]
    fn locations() {
        // a city ends its part; a place word opening an organisation's name is no location
        let loc = |s: &str| find_location(s).map(|r| s[r].to_string());
        assert_eq!(loc("Koç University, Istanbul").as_deref(), Some("Istanbul"));
        // a state opening a city's name ("Iowa City") is read again as the city
        assert_eq!(
            loc("21 E. Market Street, Iowa City, IA").as_deref(),
            Some("Iowa City, IA")
        );
        assert_eq!(loc("MA English, University of Aberdeen"), None);
        assert_eq!(loc("School of CS, Shanghai Jiao Tong University"), None);
        assert_eq!(loc("Postdoc, Georgia Institute of Technology"), None);
        assert_eq!(
            loc("Allegro, Warsaw, Poland").as_deref(),
            Some("Warsaw, Poland")
        );
        assert_eq!(
            loc("100 Main Street, Toronto, ON, Canada").as_deref(),
            Some("Toronto, ON, Canada")
        );
        assert!(is_location("Burlingame, CA,USA"));
        assert!(is_location("(remote) Redmond, WA,USA"));
        assert!(is_location("Beijing, China"));
        assert!(!is_location("CoreAI team, Reality Lab, Meta"));
        assert!(!is_location("Software Engineer, IBM"));
        let s = "Researchers LAB, University of California Los Angeles Los Angeles, CA, USA Research Intern";
        let r = find_location(s).unwrap();
        assert!(s[r].ends_with("Los Angeles, CA, USA"));
    }

    #[test]
    fn roles_split() {
        assert_eq!(
            split_role("Microsoft Research Asia Research Intern"),
            Some(("Microsoft Research Asia".into(), "Research Intern".into()))
        );
        assert_eq!(
            split_role("AI Research Scientist"),
            Some((String::new(), "AI Research Scientist".into()))
        );
        assert_eq!(split_role("Reality Lab"), None);
        assert_eq!(
            split_role("Google DeepMind Research Scientist Intern"),
            Some(("Google DeepMind".into(), "Research Scientist Intern".into()))
        );
        let r =
            roles(&["Research Software Engineer @Google Research, (FULL-TIME, ON-SITE).".into()]);
        assert_eq!(r.position, "Research Software Engineer");
        assert_eq!(r.org, "Google Research");
        assert_eq!(r.notes, ["FULL-TIME, ON-SITE"]);
        let r = roles(&["Research Intern, Supervised by Dr. Xin Chen".into()]);
        assert_eq!(
            (r.position.as_str(), r.org.as_str()),
            ("Research Intern", "")
        );
        assert_eq!(r.notes, ["Supervised by Dr. Xin Chen"]);
    }

    #[test]
    fn peel_dates_and_place() {
        let f = peel(&blk(BlockKind::Para, "Beijing, China Oct. 2018 – May 2019"));
        assert_eq!(f.location, "Beijing, China");
        assert!(f.rest.is_empty());
        assert_eq!(f.range().unwrap().start.iso().unwrap(), "2018-10");
        let f = peel(&blk(
            BlockKind::Para,
            "Research Intern, Supervised by Dr. Y Jun. 2022 - Sep 2022 (full-time), Oct. 2022 - May 2023 (part-time)",
        ));
        assert_eq!(f.rest, ["Research Intern, Supervised by Dr. Y"]);
        assert_eq!(
            f.range().unwrap().end_date().unwrap().iso().unwrap(),
            "2023-05"
        );
        assert!(f.periods.starts_with("Jun. 2022"));
    }

    #[test]
    fn listed_years_are_not_a_backwards_period() {
        let f = peel(&blk(
            BlockKind::Para,
            "Program Committee: OSDI 2024, SOSP 2023, EuroSys 2022",
        ));
        let d = f.range().unwrap();
        assert_eq!(d.start.iso().unwrap(), "2024");
        assert_eq!(d.end, None);
    }

    #[test]
    fn places_and_titles() {
        let s = "Texas A&M University College Station, TX";
        assert_eq!(&s[find_location(s).unwrap()], "College Station, TX");
        // a place named inside the organisation is not its location
        let s = "The Hong Kong University of Science and Technology, Hong Kong";
        assert_eq!(&s[find_location(s).unwrap()], "Hong Kong");
        assert_eq!(find_location(s).unwrap().start, 52);
        let mut f = Facts::default();
        peel_text("Summer 2023: Research Intern", &mut f);
        assert_eq!(f.rest, ["Research Intern"]);
    }

    #[test]
    fn organisation_line_under_a_dated_line_is_header() {
        let b = [
            blk(
                BlockKind::Para,
                "03/2020 – Present        Software Engineer",
            ),
            blk(BlockKind::Para, "Accenture S.p.A., Milan, Italy"),
            blk(BlockKind::Item(0), "Developed things."),
            blk(BlockKind::Para, "10/2018 – 02/2020        Junior Developer"),
            blk(BlockKind::Para, "Reply S.p.A., Turin, Italy"),
        ];
        let g = group(&b, &|_, _| false);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].head.len(), 2);
        assert_eq!(g[0].body.len(), 1);
        assert_eq!(g[1].head.len(), 2);
    }

    #[test]
    fn grouping_header_layout() {
        let b = [
            blk(BlockKind::Para, "Org A"),
            blk(BlockKind::Para, "Intern"),
            blk(BlockKind::Item(0), "did"),
            blk(BlockKind::Para, "Org B"),
            blk(BlockKind::Item(0), "title"),
            blk(BlockKind::Para, "May 2024"),
            blk(BlockKind::Item(0), "x"),
        ];
        let g = group(&b, &|_, _| false);
        assert_eq!(g.len(), 2);
        assert_eq!(g[1].body.len(), 3);
    }
}
