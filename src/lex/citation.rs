//! One reference string (any common citation style) → `Publication`.
//!
//! Input: one entry of a publication list, inline markup allowed (bold self-name, italic
//! venue). Output: title, authors, venue, date, volume/number/pages, publisher, ids, notes.
//!
//! Segmentation first, then one clean-up pass per field:
//! 1. identifiers (DOI, arXiv id, URL) are lifted out wherever they are;
//! 2. the title is found by the first rule that fits: a quoted title (IEEE, Chicago, CVs;
//!    authors before it, or after it for `“Title”, authors, venue`), a year in parentheses
//!    (APA), a year sentence after the authors (ACM, Chicago books), a colon after the
//!    authors (LNCS), or the end of the author list (Nature, IEEE books, DBLP-like);
//! 3. the rest is the venue part: year, month, pages, volume(number), publisher and remarks
//!    are read off it and the venue is what is left of its first segment.
//!
//! Rules where MAPPING.md is silent: status words ("to appear", "in press", "accepted",
//! "forthcoming") leave the venue and become a note ("To appear", …), "under review" and
//! "submitted" keep the `@misc` + "Under review" rule; editors of an edited volume leave the
//! venue and become BibTeX `editor`; a two-digit year glued to a venue ("NeurIPS'23") is the
//! year and leaves the venue.

use std::sync::LazyLock;

use regex::Regex;

use crate::lex::ids::{arxiv_id, cited_doi};
use crate::lex::{date, name, venue};
use crate::markup;
use crate::model::{Date, PubKind, Publication};

static LEAD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    // "a." / "b)" letter sub-items too (NIH biosketch contributions); "J3." / "P2." lettered
    // numbers (journal, conference, preprint lists) without brackets
    // ("**[J2]**": a bold label)
    crate::lex::pattern(r"^\s*(?:[-*•·]\s+)?(?:(?:(?:\*\*)?\[([^\]]{1,24})\](?:\*\*)?|\(?([0-9]{1,3})[.)]|([0-9]{1,3})\s|\(?[a-z][.)]\s|([A-Z]{1,2}[0-9]{1,3})[.)]\s)\s*)?")
        .unwrap()
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>]+").unwrap());
static APA_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"\s\(([0-9]{4})[a-z]?(?:,\s*([A-Za-z]+\.?)(?:\s+([0-9]{1,2}))?)?\)\.?\s+|\s\((?:n\.d\.|in press|forthcoming)\)\.?\s+").unwrap()
});
/// "Authors. 2020. Title", and a status in the year's place ("Authors. In press. Title").
static YEAR_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"\s(?:((?:19|20)[0-9]{2})[a-z]?|((?i:in press|forthcoming|to appear|n\.\s?d)))\.\s+",
    )
    .unwrap()
});
static PAGES: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"(?:(?-u:\b)pp?\.\s*|:\s*|(?-u:\b))([0-9]+:[0-9]+\s*(?:–|—|--|-|−)\s*[0-9]+:[0-9]+|[eES]?[0-9]+[A-Za-z]?\s*(?:–|—|--|-|−)\s*[eES]?[0-9]+[A-Za-z]?)(?-u:\b)",
    )
    .unwrap()
});
static VOLUME: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?-u:\b)vol(?:ume)?\.?\s*([0-9]+[A-Za-z]?)(?:\s*,?\s*(?:no|num|issue|nr)\.?\s*([0-9]+[A-Za-z]?))?").unwrap()
});
/// "12(3)", "12 (3)", "9, 2 (2015)" (ACM), "12, 45–67 (2020)" (Nature), "45, 330–342." (Elsevier)
static VOL_NUM: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"(?-u:\b)([0-9]{1,4})\s*\(([0-9]{1,4}(?:[-–][0-9]{1,4})?|[A-Z]{3,8}[0-9]?)\)",
    )
    .unwrap()
});
/// Chicago: "Renaissance Quarterly 76, no. 1 (2023): 1–38" (volume, then the issue).
static CHICAGO_VOL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"[\p{L}.]\s+([0-9]{1,4}),?\s+no\.\s*([0-9]{1,4}[A-Za-z]?(?:[–/-][0-9]{1,4})?)",
    )
    .unwrap()
});
static ACM_VOL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"[.\s]([0-9]{1,4}),\s*([0-9]{1,4}|[A-Z]{3,8}[0-9]?)(?:,\s*[Aa]rticle\s+[0-9]{1,6})?\s+\((?:[A-Za-z]{3,9}\.?\s+)?[0-9]{4}\)")
        .unwrap()
});
static NATURE_VOL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"[A-Za-z.]\s([0-9]{1,4}),\s*(?:[0-9]+[A-Za-z]?\s*(?:–|-|−)\s*[0-9]+|[A-Za-z]{0,4}[0-9]+)\s*(?:\(|[.,]|$)")
        .unwrap()
});
/// Elsevier with titles: "Neuron 75 (2012) 512–524" (volume, then the year in brackets).
static ELSEVIER_VOL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"[A-Za-z.,]\s([0-9]{1,4})\s\((?:19|20)[0-9]{2}\)").unwrap()
});
/// MDPI and ACS: "Energies 2019, 12, 1021" (journal, year, volume, pages).
static YEAR_VOL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"[A-Za-z.]\s+(?:19|20)[0-9]{2},\s*([0-9]{1,4})(?:\s*\(([0-9]{1,4})\))?,\s*[A-Za-z]?[0-9]",
    )
    .unwrap()
});
/// A volume without an issue: "Languages 7: 1–28" (Chicago), ", 7, 1–28" (APA), ", 7, pp."
/// (Harvard), ". 7, (2023)" (ACM).
static VOL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?:[A-Za-z]\s+|[.,]\s*)([0-9]{1,4})(?::\s*[eE]?[0-9]|,\s*(?:pp?\.\s*)?[eE]?[0-9]+[A-Za-z]?\s*[–—−-]\s*[eE]?[0-9]|,\s*\((?:19|20)[0-9]{2}\)|,\s*(?:p\.\s*)?[eE][0-9]{3,})").unwrap()
});
/// "2017;30(2):5998-6008", "2019 Mar;380(12):1120-8", "2017:249-261" (Vancouver, AMA):
/// year, then volume(issue) after `;`, pages after `:`.
static VANCOUVER_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?-u:\b)(?P<year>(?:19|20)[0-9]{2})(?:\s+(?P<month>[A-Z][a-z]{2,8})\.?(?:\s+[0-9]{1,2})?)?(?:;\s*(?P<vol>[0-9]{1,4}[A-Za-z]?)(?:\s*\((?P<issue>[^()]{1,12})\))?)?(?::\s*(?P<pages>[A-Za-z]?[0-9]+[A-Za-z]?(?:\s*[–—−-]\s*[A-Za-z]?[0-9]+[A-Za-z]?)?))?").unwrap()
});
/// "US11928446B2", "CN108765282B", and numbers printed in digit groups after a country
/// code or the word Patent ("EP 3 912 345 B1", "US Patent 11,234,567 B2").
static PATENT_NO: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?-u:\b)([A-Z]{2}\s?[0-9]{6,}(?:[A-Z][0-9]?)?|(?:[A-Z]{2}\s)?[0-9]{1,3}(?:[ ,][0-9]{3}){2,}(?:\s[A-Z][0-9])?)(?-u:\b)").unwrap()
});
/// The country code printed before "Patent" ("US Patent 11,234,567 B2").
static PATENT_COUNTRY: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?-u:\b)([A-Z]{2})\s+[Pp]atent\s+(?:[Nn]o\.?\s*)?$").unwrap()
});
static UNDER_REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^(?:under\s+review(?:ed)?|in\s+submission|submitted(?:\s+to\s+.*)?|in\s+preparation|manuscript in preparation)(?-u:\b)").unwrap()
});
static BRACKET_LINK: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\[\s*(?:arxiv|code|website|pdf|poster|slides|video|project|paper|bib|html|link|github|demo|talk)\s*\]").unwrap()
});
static SPACE_FIX: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(\w) -(\w)|([0-9+]) ?\+ ([0-9])").unwrap());
/// Words naming a meeting ("Proc. 27th ACM Symposium", "Conf.").
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"(?i)(?-u:\b)(?:conf|conference|symp|symposium|workshop|meeting|congress)(?-u:\b)|[0-9](?:st|nd|rd|th)(?-u:\b)",
    )
    .unwrap()
});
static EDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\s*\((?:eds?)\.?[^)]*\)|,?\s*edited by [^.]*|\.\s*[^.]*,\s*eds?\.")
        .unwrap()
});

/// Fill what a card's venue line says (venue, date, type, numbers, ids) into a paper whose
/// title is already known: the reference reader runs on a synthetic `"Title", venue` line.
pub fn read_venue_line(p: &mut Publication, venue_line: &str) {
    // (a stand-in author before the title: a venue of capitalised words, "Water Resources
    // Research", must not read as the authors of an authors-after-title reference)
    if let Some(q) = parse_reference(&format!("Anon, \"{}\", {}", p.title, venue_line)) {
        p.venue = q.venue;
        p.date = q.date;
        p.kind = q.kind;
        p.notes = q.notes;
        p.volume = q.volume;
        p.number = q.number;
        p.pages = q.pages;
        // (ids found on other lines of the card stay when this one prints none)
        for (mine, theirs) in [
            (&mut p.doi, q.doi),
            (&mut p.arxiv, q.arxiv),
            (&mut p.url, q.url),
        ] {
            if !theirs.is_empty() {
                *mine = theirs;
            }
        }
    }
}

/// Parse one entry of a publication list (inline markup allowed).
/// "(with Ana Souza and Pedro Lima)", "(joint with A. Souza)": co-authors printed beside the
/// title in CVs that leave out their owner's name.
static WITH_COAUTHORS: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\s*[(\[]\s*(?:joint\s+)?with\s+([^()\[\]]{2,}?)\s*[)\]]").unwrap()
});

static EDITION: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"\s*\((?:[0-9]{1,2}(?:st|nd|rd|th)|[Rr]ev\.|[Rr]evised|[Ee]xpanded)\s+ed(?:ition|n)?\.?(?:,\s*|\))")
        .unwrap()
});

pub fn parse_reference(raw: &str) -> Option<Publication> {
    let raw = raw.trim();
    let (year_label, raw) = strip_year_label(raw);
    let (tag, raw) = strip_label(raw);
    // "Petrov, D., Quinn, M., . . . Zhou, Q. (2023)" (APA 7 in print): the spaced ellipsis
    // is one mark, not three sentence ends
    let unspaced;
    let raw = if raw.contains(". . .") {
        unspaced = raw.replace(". . .", "…");
        unspaced.as_str()
    } else {
        raw
    };
    // "Sharma, A.; Wielgosz, T. R.∗ Space-Charge …" (ACS): a mark on the last initial is no
    // part of the title
    let unmarked;
    let raw = if raw.contains(".∗ ") || raw.contains(".* ") {
        unmarked = raw.replace(".∗ ", ". ").replace(".* ", ". ");
        unmarked.as_str()
    } else {
        raw
    };
    let mut p = Publication::default();
    let coauthors = WITH_COAUTHORS
        .captures(raw)
        .and_then(|c| Some((c.get(0)?.range(), c.get(1)?.as_str().to_string())))
        .filter(|(_, names)| names.chars().count() <= 300);
    let without;
    let raw = match &coauthors {
        Some((span, _)) => {
            without = format!("{}{}", &raw[..span.start], &raw[span.end..]);
            without.as_str()
        }
        None => raw,
    };
    // "(2nd ed., pp. 211–236)", "(Rev. ed.)" (APA): the edition is no part of the venue
    let without_edition;
    let raw = match EDITION.find(raw) {
        Some(m) => {
            let keep = if m.as_str().ends_with(')') { " " } else { " (" };
            without_edition = format!("{}{keep}{}", &raw[..m.start()], &raw[m.end()..]);
            without_edition.as_str()
        }
        None => raw,
    };
    let plain_all = markup::plain(raw);
    let (rest_plain, ids) = lift_ids(&plain_all);
    p.doi = ids.doi;
    p.arxiv = ids.arxiv;
    p.url = ids.url;

    let (authors_raw, title, venue_part) = segment(raw, &rest_plain)?;
    p.title = fix_spacing(title.trim().trim_end_matches([',', '.', ' ']).trim());
    p.title = trim_quotes(&p.title);
    if !p.title.chars().any(char::is_alphabetic) {
        return None;
    }
    let (title, descriptor, title_year) = title_descriptor(&p.title);
    p.title = title;
    // "Title, 2nd ed." (IEEE), "Title (2nd ed.)" (APA): the edition is no part of the title
    static TITLE_EDITION: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r",?\s+\(?(?i:[0-9]{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|revised)\s+(?i:ed|edn|edition)\.?\)?$").unwrap()
    });
    let edition = TITLE_EDITION.find(&p.title).map(|m| m.start());
    if let Some(i) = edition {
        p.title.truncate(i);
    }
    if p.arxiv.is_empty() && descriptor.to_lowercase().starts_with("arxiv:") {
        p.arxiv = crate::lex::ids::arxiv_id(&descriptor).unwrap_or_default();
    }
    // "Title [Internet]" (Vancouver): the medium, not the title
    if let Some(t) = p.title.strip_suffix("[Internet]") {
        p.title = t.trim_end().to_string();
    }
    // "Title (to appear)": a bracketed status closing the title is a note
    if p.title.ends_with([')', ']']) {
        if let (rest, Some(s)) = venue::split_status(&p.title) {
            if rest.len() + 8 < p.title.len() && p.title.starts_with(rest.as_str()) {
                p.title = rest;
                p.notes.push(s);
            }
        }
    }
    let (authors_raw, year_in_authors, status) = split_author_year(&authors_raw);
    p.notes.extend(status);
    // "A & B (Eds.)." in the author position: an edited book by its editors
    let edited_book = match eds_suffix(&authors_raw) {
        Some((names, _)) => {
            p.editors = name::parse_authors(names);
            true
        }
        None => {
            p.authors = name::parse_authors(&authors_raw);
            false
        }
    };
    if let Some((_, with)) = coauthors.filter(|_| p.authors.is_empty()) {
        p.authors = name::parse_authors(&with);
        p.owner_first = !p.authors.is_empty();
    }
    read_venue(&venue_part, &mut p);
    // ... whose venue is its publisher ("MIT Press", "Amsterdam: John Benjamins"): a book,
    // not a chapter in one
    let imprint = place_colon_end(&p.venue).map(|end| p.venue[end..].trim().to_string());
    if edited_book
        && !p.editors.people.is_empty()
        && matches!(p.kind, PubKind::Misc | PubKind::Chapter)
        && (is_publisher(&p.venue) || imprint.is_some())
    {
        p.kind = PubKind::Book;
        if let Some(name) = imprint {
            p.venue = name;
        }
        if p.publisher.is_empty() {
            p.publisher = p.venue.clone();
        }
    }
    if edition.is_some() && matches!(p.kind, PubKind::Conference | PubKind::Misc) {
        p.kind = PubKind::Book;
    }
    // "Island Englishes (Studies in Language Variation 27)": a book's series and number
    // closing its title are no part of it
    static SERIES: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"\s\(\p{Lu}[\p{L},&-]*(?:\s[\p{L},&-]+)+\s[0-9]{1,4}\)$").unwrap()
    });
    if p.kind == PubKind::Book {
        if let Some(m) = SERIES.find(&p.title) {
            p.title.truncate(m.start());
        }
    }
    // author-date styles print the year right after the authors: it beats venue years
    // ("Proceedings of the 2024 ...") unless the venue gives the same year more precisely
    if let Some(y) = year_in_authors {
        if p.date.is_none_or(|d| d.year != y.year) {
            p.date = Some(y);
        }
    }
    if p.date.is_none() {
        p.date = title_year.or(year_label);
    }
    apply_descriptor(&descriptor, &plain_all, &mut p);
    // a one-word "title" with nothing after it is the tail of an author line
    if p.title.split_whitespace().count() < 2 && p.venue.is_empty() && p.date.is_none() {
        return None;
    }
    // "Title (ICLR'24)" or "[ICLR 2024] Title …" with no venue after the title: the tag is
    // the venue
    let placed = matches!(p.kind, PubKind::Patent | PubKind::Preprint);
    if p.venue.is_empty() && !placed && !p.title.is_empty() {
        let in_title = p
            .title
            .strip_suffix(')')
            .and_then(|t| t.rsplit_once(" ("))
            .and_then(|(head, inner)| Some((head.to_string(), venue::venue_tag(inner, false)?)));
        let found = match in_title {
            Some((head, tag)) => {
                p.title = head.trim_end_matches([',', ' ']).to_string();
                Some(tag)
            }
            None => tag.and_then(|t| venue::venue_tag(t, true)),
        };
        if let Some((v, year)) = found {
            p.kind = venue::classify(&v);
            p.venue = v;
            if p.date.is_none() {
                p.date = year.map(Date::year);
            }
        }
    }
    // "Retrieved from https://arxiv.org/abs/…" (ACM), "Published online 2024. https://arxiv…"
    // (AMA): with no venue printed, the arXiv link makes it a preprint (no venue is made up)
    static RETRIEVED: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r"(?i)^(?:retrieved from|available (?:at|from|online)|accessed|online)(?-u:\b)",
        )
        .unwrap()
    });
    if !p.arxiv.is_empty()
        && (p.venue.is_empty() || RETRIEVED.is_match(&p.venue))
        && matches!(p.kind, PubKind::Conference | PubKind::Misc)
    {
        p.venue.clear();
        p.kind = PubKind::Preprint;
    }
    // "[Arxiv]" as the only venue (CV tag before the entry)
    if p.venue.is_empty() && p.kind != PubKind::Patent && p.notes.is_empty() {
        if let Some(t) = tag.filter(|t| venue::classify(t) == PubKind::Preprint) {
            p.venue = t.to_string();
            p.kind = PubKind::Preprint;
        }
    }
    if let Some(n) = name::equal_note(&p.authors) {
        p.notes.push(n);
    }
    // APA: "[Doctoral dissertation, Utrecht University]. Repository. URL": the school is in
    // the brackets
    if p.kind == PubKind::Thesis {
        if let Some(end) = p.venue.find(']').filter(|&e| !p.venue[..e].contains('[')) {
            p.venue = p.venue[..end].trim().to_string();
        }
    }
    // APA: "[Manuscript submitted for publication]" in the venue's place is a status
    if let Some(inner) = p.venue.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        let l = inner.to_lowercase();
        if ["manuscript", "submitted", "unpublished", "in preparation"]
            .iter()
            .any(|w| l.contains(w))
        {
            p.notes.push(inner.to_string());
            p.venue.clear();
        }
    }
    // "(in press). Title. *Child Development*.": what is in press is a journal article
    if p.kind == PubKind::Conference
        && p.notes.iter().any(|n| n.eq_ignore_ascii_case("in press"))
        && !MEETING.is_match(&p.venue)
        && !venue::is_known_meeting(&p.venue)
    {
        p.kind = PubKind::Journal;
    }
    // "ChemRxiv 2024, DOI: …" (ACS): a preprint server's name, not a dated edition
    if p.kind == PubKind::Preprint {
        if let Some(y) = p.date.and_then(|d| d.year) {
            if let Some(server) = p.venue.strip_suffix(&format!(" {y}")) {
                if !server.trim().is_empty() {
                    p.venue = server.trim_end_matches([',', ' ']).to_string();
                }
            }
        }
    }
    // "Policy Options, June 12." (Chicago, a magazine or newspaper): the issue's day is the
    // date's, not the venue's
    if let Some((outlet, day)) = p.venue.rsplit_once(", ") {
        if let Some((_, d)) = crate::lex::date::month_day(day).filter(|_| !outlet.is_empty()) {
            // (the venue reader took the day for a volume)
            if p.volume == d.to_string() {
                p.volume.clear();
            }
            p.venue = outlet.to_string();
        }
    }
    // "Preprint at https://arxiv.org/…" (Nature): the link was lifted, its "at" stays behind
    if let Some(v) = p.venue.strip_suffix(" at").filter(|v| !v.is_empty()) {
        p.venue = v.to_string();
    }
    p.venue = abbreviation_period(&p.venue, raw);
    Some(p)
}

/// "J. Am. Chem. Soc" → "J. Am. Chem. Soc.": an abbreviated journal name gets back the
/// period of its last abbreviation, which the venue cut took for the sentence end. Only
/// names abbreviated elsewhere too ("Cell" and "Nature" end in whole words).
fn abbreviation_period(venue: &str, raw: &str) -> String {
    let Some((head, last)) = venue.rsplit_once(' ') else {
        return venue.to_string();
    };
    // ("Meteorol", "Oceanogr": ISO 4 cuts long words after a consonant)
    let n = last.chars().count();
    let short_word = ((2..=6).contains(&n)
        || n <= 9 && !last.ends_with(['a', 'e', 'i', 'o', 'u', 'y', 's']))
        && last.starts_with(char::is_uppercase)
        && last.chars().skip(1).all(|c| c.is_lowercase());
    // ("Stockholm Univ.": a school's name abbreviated once, as Nature prints theses)
    let abbreviated = matches!(last, "Univ" | "Inst")
        || head.split([' ', '/']).any(|w| {
            w.len() > 2 && w.ends_with('.') && w.chars().all(|c| c.is_alphabetic() || c == '.')
        });
    if short_word && abbreviated && raw.contains(&format!("{venue}.")) {
        format!("{venue}.")
    } else {
        venue.to_string()
    }
}

static DESCRIPTOR: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\s*(?:\[([^\]]{2,})\]|\(([^()]{2,})\))\s*$").unwrap());

/// A trailing "[PhD thesis]", "(TR-2021-78)", "(2022)" on the title: (title, descriptor, year).
fn title_descriptor(t: &str) -> (String, String, Option<Date>) {
    let mut title = t.trim().trim_end_matches(',').trim().to_string();
    let mut year = None;
    let mut descriptor = String::new();
    // (at most 60 characters inside, checked here rather than counted in the pattern)
    let descriptor_match = DESCRIPTOR.captures(&title).filter(|c| {
        c.get(1)
            .or(c.get(2))
            .is_some_and(|m| m.as_str().chars().count() <= 60)
    });
    if let Some(c) = descriptor_match {
        let inner = c.get(1).or(c.get(2)).map_or("", |m| m.as_str()).to_string();
        let l = inner.to_lowercase();
        let is_year = is_year(inner.trim());
        let is_desc = l.contains("thesis")
            || l.contains("dissertation")
            || l.contains("report")
            || l.starts_with("tr")
            || l.contains("no.")
            || l.contains("preprint")
            || l.contains("working paper")
            // "[Manuscript submitted for publication]", "[Unpublished manuscript]" (APA)
            || c.get(1).is_some() && (l.contains("manuscript") || l.contains("submitted"))
            // APA's medium in brackets: "[Poster presentation]", "[Paper presentation]",
            // "[Conference session]", "[Video]", "[Computer software]", "[Data set]"
            || (c.get(1).is_some()
                && [
                    "presentation", "poster", "session", "keynote", "video", "software",
                    "data set", "dataset", "abstract",
                ]
                .iter()
                .any(|w| l.contains(w)))
            || is_report_code(report_code(&inner))
            || is_publisher(&inner)
            || is_institution(&inner)
            // APA's report number of a preprint: "Title (arXiv:1606.06565)"
            || (l.starts_with("arxiv:") && crate::lex::ids::arxiv_id(&inner).is_some());
        if is_year || is_desc {
            let start = c.get(0).map_or(title.len(), |m| m.start());
            title.truncate(start);
            title = title.trim().trim_end_matches(',').trim().to_string();
            if is_year {
                year = inner.trim().parse().ok().map(Date::year);
            } else {
                descriptor = inner;
            }
        }
    }
    (title, descriptor, year)
}

/// The code of a "(No. NISTIR 7890)" descriptor.
fn report_code(descriptor: &str) -> &str {
    let d = descriptor.trim();
    d.strip_prefix("No.").unwrap_or(d).trim()
}

/// What theses are called ("thesis", "Thèse de doctorat", "Tesi di dottorato").
const THESIS_WORDS: &str = r"thesis|dissertation|th[eè]se(?:\s+de\s+doctorat)?|tesi\s+di\s+(?:dottorato|laurea)|tesis\s+doctoral|doktorarbeit|proefschrift";

/// Thesis and report cues anywhere in the reference decide the kind; a report number
/// goes to `number`.
fn apply_descriptor(descriptor: &str, whole: &str, p: &mut Publication) {
    static THESIS: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(&format!(r"(?i)(?-u:\b)(?:{THESIS_WORDS})(?-u:\b)")).unwrap()
    });
    static REPORT: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)(?-u:\b)technical report(?-u:\b)|(?-u:\b)tech\.? rep(?:ort)?(?-u:\b)|(?-u:\b)TR[- ]?[0-9]").unwrap()
    });
    // "Title (Cambridge University Press)." (Cell): the bracket names the publisher or the
    // institution; the kind is decided below
    // "[Poster presentation]": what the item is, kept as a note
    static MEDIUM: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)presentation|poster|session|keynote|video|software|data ?set|abstract|manuscript|submitted")
            .unwrap()
    });
    if MEDIUM.is_match(descriptor) && !THESIS.is_match(descriptor) {
        p.notes.push(descriptor.trim().to_string());
    }
    if p.venue.is_empty() && (is_publisher(descriptor) || is_institution(descriptor)) {
        p.venue = descriptor.trim().to_string();
        p.kind = PubKind::Conference;
    }
    // the cue must be outside the title ("Program Synthesis" is no thesis)
    let outside = whole.replace(p.title.as_str(), " ");
    let l = format!("{descriptor} {outside}");
    if THESIS.is_match(&l) {
        p.kind = PubKind::Thesis;
        // the school follows the type words: "PhD thesis, ETH Zurich, 2022"
        static YEAR_TAIL: LazyLock<Regex> = LazyLock::new(|| {
            crate::lex::pattern(&format!(r"(?i)[,.(;]\s*(?:{MONTH_WORD}\s+(?:[0-9]{{1,2}},?\s+)?)?(?:19|20)[0-9]{{2}}(?-u:\b).*$|\s*\(?(?:19|20)[0-9]{{2}}\)?\.?\s*$", MONTH_WORD = crate::lex::date::MONTH_WORD))
                .unwrap()
        });
        let after_type = THESIS.find(&outside).map_or("", |m| &outside[m.end()..]);
        let after = after_type.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | ']' | ')' | ':')
        });
        let school = YEAR_TAIL.replace(after, "");
        let school = school.trim().trim_end_matches(['.', ',']).trim();
        if !school.is_empty() && school.chars().any(char::is_alphabetic) {
            p.venue = without_city_state(school);
        } else if let Some(s) = school_before_type(whole, &p.title) {
            // "2022. ETH Zurich, PhD thesis." (MLA): the school comes first
            p.venue = s;
        }
    } else if is_report_code(report_code(descriptor)) {
        // "Title (NISTIR 7890). National Institute …" (APA)
        p.kind = PubKind::TechReport;
        p.number = report_code(descriptor).to_string();
    } else if REPORT.is_match(&l) || descriptor.to_lowercase().starts_with("tr") {
        p.kind = PubKind::TechReport;
        static NUM: LazyLock<Regex> = LazyLock::new(|| {
            crate::lex::pattern(r"(?:#|[Nn]o\.\s*|(?-u:\b))((?:TR|[A-Z]{2,5})-[\w-]+|[0-9][\w-]*)")
                .unwrap()
        });
        if p.number.is_empty() {
            if let Some(c) = NUM.captures(descriptor).or_else(|| {
                static AFTER: LazyLock<Regex> = LazyLock::new(|| {
                    crate::lex::pattern(
                        r"(?i)(?:technical report|tech\. rep\.?)\s*(?:no\.\s*)?#?(\S+)",
                    )
                    .unwrap()
                });
                AFTER.captures(whole)
            }) {
                p.number = c[1].trim_end_matches(['.', ',']).to_string();
            }
        }
    } else if matches!(p.kind, PubKind::Conference | PubKind::Misc) && is_publisher(&p.venue) {
        p.kind = PubKind::Book;
    } else if p.kind == PubKind::Conference && is_institution(&p.venue) {
        // a university alone in the venue position: one author's thesis (or no author list
        // given), or a report of several; a lab or company research unit publishes reports
        let l = p.venue.to_lowercase();
        let school = [
            "university",
            "institute",
            "college",
            "school",
            "universität",
            "université",
        ]
        .iter()
        .any(|w| l.contains(w));
        p.kind = if school && p.authors.people.len() <= 1 && !p.authors.et_al {
            PubKind::Thesis
        } else {
            PubKind::TechReport
        };
    }
    if matches!(p.kind, PubKind::Thesis | PubKind::TechReport) {
        // the venue is the school or institution: drop the type words before it
        static TYPE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
            crate::lex::pattern(&format!(r"(?i)^(?:(?:(?:ph\.?\s?d\.?|doctoral|master'?s?|m\.?s\.?)\s+)?(?:{THESIS_WORDS})|technical report|tech\. rep\.?)(?:\s*(?:no\.\s*)?#?[\w-]*[0-9][\w-]*)?[.,]?\s*")).unwrap()
        });
        p.venue = TYPE_WORDS.replace(&p.venue, "").trim().to_string();
        // "London: London School of Hygiene & Tropical Medicine; 2020" (Vancouver, AMA): the
        // place before the school and the separator before the year are no part of it
        if let Some(end) = place_colon_end(&p.venue) {
            p.venue = p.venue[end..].trim().to_string();
        }
        p.venue = p.venue.trim_end_matches([';', ',', ' ']).to_string();
        if p.venue.is_empty() || p.venue.chars().all(|c| !c.is_alphabetic()) {
            p.venue = p.publisher.clone();
        }
    }
}

/// The school printed before the thesis type, after the title: "Title. 2022. ETH Zurich,
/// PhD thesis." → "ETH Zurich".
fn school_before_type(whole: &str, title: &str) -> Option<String> {
    static TYPE: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(&format!(r"(?i),?\s*(?:ph\.?\s?d\.?|doctoral|master'?s?|m\.?sc?\.?)?\s*(?:{THESIS_WORDS})(?-u:\b)")).unwrap()
    });
    let from = whole.find(title).map(|i| i + title.len())?;
    let after_title = &whole[from..];
    let m = TYPE.find(after_title)?;
    let before = after_title[..m.start()].trim_end_matches(['.', ',', ' ']);
    let piece = before.rsplit(". ").next()?.trim();
    (piece.chars().any(char::is_alphabetic) && !piece.starts_with(char::is_lowercase))
        .then(|| without_city_state(piece))
}

/// "MIT, Cambridge, MA, USA" → "MIT": a US city and state code after a school.
fn without_city_state(school: &str) -> String {
    let mut parts: Vec<&str> = school.split(',').map(str::trim).collect();
    if parts.len() > 1 && matches!(parts.last(), Some(&("USA" | "U.S.A." | "US"))) {
        parts.pop();
    }
    let state = |s: &str| s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase());
    if parts.len() >= 3 && parts.last().is_some_and(|s| state(s)) {
        parts.truncate(parts.len() - 2);
    }
    parts.join(", ")
}

/// "University of California, Berkeley", "Microsoft Research": an institution, not an event.
fn is_institution(v: &str) -> bool {
    static INST: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)^(?:[\w.&'’-]+\s+){0,4}(?:university|institute|laboratory|laboratories|research|college|school)(?-u:\b)(?:\s+(?:of|for)\s+[\w\s-]+)?(?:,\s*[\w\s-]+)?$").unwrap()
    });
    INST.is_match(v.trim()) && venue::classify(v) == PubKind::Conference && !v.contains("Proc")
}

/// What a book or report prints between its title and its publisher or institution.
struct Lead<'a> {
    rest: &'a str,
    /// an edition or a "Place: Publisher" imprint was printed
    book: bool,
    /// a report number before an institution ("NISTIR 7890. National Institute of …")
    report_no: Option<String>,
}

fn peel_lead(v: &str) -> Lead<'_> {
    static EDITION: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"^(?i:[0-9]{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|revised|rev\.)\s+(?i:ed|edn|edition)(?-u:\b)\.?[,.]?\s*").unwrap()
    });
    static CODE: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"^(?:(?i:technical report|tech\.\s*rep\.?)\s*)?(?:No\.\s*)?#?([A-Z][A-Z0-9]+(?:[-/][A-Z0-9]+)*(?:[- ][0-9][\w-]*)?)[.,]\s+")
            .unwrap()
    });
    let mut lead = Lead {
        rest: v,
        book: false,
        report_no: None,
    };
    if let Some(m) = EDITION.find(lead.rest) {
        lead.book = true;
        lead.rest = &lead.rest[m.end()..];
    }
    // "Leiden: Brill, 2021." with nothing else: an imprint, whatever the publisher's name
    // (a name of capitalised words: "Robotics: Science and Systems, 2021" is a venue)
    static IMPRINT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"^\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|&))*,\s*(?:forthcoming\s+)?(?:19|20)[0-9]{2}[a-z]?\.?\s*$")
            .unwrap()
    });
    if let Some(end) = place_colon_end(lead.rest) {
        let after = &lead.rest[end..];
        if is_publisher(after.split(['.', ';', '(']).next().unwrap_or(after))
            || IMPRINT_ONLY.is_match(after)
        {
            lead.book = true;
            lead.rest = after;
        }
    }
    if let Some(c) = CODE.captures(lead.rest) {
        let after = &lead.rest[c.get(0).map_or(0, |m| m.end())..];
        let body = after.split(['.', ';', '(', ',']).next().unwrap_or(after);
        if is_report_code(&c[1]) && is_institution(body) {
            lead.report_no = Some(c[1].to_string());
            lead.rest = after;
        }
    }
    lead
}

/// Where an imprint's place ends: "New York: ", "Cambridge, MA: ", "Berlin, Heidelberg: " —
/// a capitalised place of at most 31 characters, up to two capitalised parts after commas,
/// then a colon and space. Scanned by hand: as a regex the bounded Unicode classes cost
/// more to compile than all other citation patterns together.
fn place_colon_end(s: &str) -> Option<usize> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let colon = s.find(':')?;
    let mut parts = s[..colon].split(',');
    let place = parts.next()?;
    let n = place.chars().count();
    if !(2..=31).contains(&n)
        || !place.starts_with(|c: char| c.is_ascii_uppercase())
        || !place
            .chars()
            .all(|c| word(c) || matches!(c, '.' | '\'' | '’' | ' ' | '-'))
    {
        return None;
    }
    let mut extra = 0;
    for part in parts {
        extra += 1;
        let part = part.trim_start();
        let n = part.chars().count();
        if extra > 2
            || !(2..=21).contains(&n)
            || !part.starts_with(|c: char| c.is_ascii_uppercase())
            || !part.chars().all(|c| word(c) || c == '.')
        {
            return None;
        }
    }
    let after = &s[colon + 1..];
    let rest = after.trim_start();
    (rest.len() < after.len()).then_some(s.len() - rest.len())
}

/// "NISTIR 7890", "AI2-TR-2019-04", "CMU-CS-19-101": capitals and a number of three digits
/// or more, but no "ICLR 2024" (a venue and its year) or "COVID-19".
fn is_report_code(s: &str) -> bool {
    static YEAR_TAG: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"^[A-Z]+['’ -]?(?:19|20)[0-9]{2}$").unwrap());
    let caps = s.chars().filter(char::is_ascii_uppercase).count();
    let mut run = 0;
    let mut longest = 0;
    for c in s.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    s.len() <= 30
        && caps >= 2
        && longest >= 3
        && !s.chars().any(char::is_lowercase)
        && !YEAR_TAG.is_match(s)
}

/// A publisher's name: a book's only "venue" ("Cambridge University Press, Cham").
fn is_publisher(v: &str) -> bool {
    let first = v.split(',').next().unwrap_or(v);
    let l = first.trim().to_lowercase();
    !l.is_empty()
        && (l.ends_with("press")
            || l.ends_with("publishers")
            || l.ends_with("publishing")
            || l.ends_with("media")
            || l.contains("springer")
            || l.contains("elsevier")
            || l.contains("wiley")
            || l.contains("o'reilly")
            || l.contains("o’reilly")
            || l == "mit press")
        && !l.contains("proceedings")
        && !l.contains("conference")
}

/// A line about the entry above it in a publication list, not an entry: prizes and reviews
/// of a book ("Winner, First Book Prize, 2020", "Reviewed in Speculum").
pub fn remark_line(t: &str) -> bool {
    static REMARK_LINE: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)^\s*(?:winner|co-winner|finalist|shortlisted|honou?rable mention|reviewed (?:in|by)|translated into|reprinted in|featured in|covered by)(?-u:\b)")
            .unwrap()
    });
    REMARK_LINE.is_match(t)
}

/// A year printed in a margin column before the reference ("2019<TAB>Roe, J. …", "2024    Roe,
/// J. …"): removed, and kept as the date for a reference that prints none of its own.
pub fn strip_year_label(raw: &str) -> (Option<Date>, &str) {
    static YEAR_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"^((?:19|20)[0-9][0-9])[a-z]?(?:\t\s*|\s{2,})").unwrap()
    });
    match YEAR_LABEL.captures(raw) {
        Some(c) => (
            c[1].parse().ok().map(Date::year),
            &raw[c.get(0).map_or(0, |m| m.end())..],
        ),
        None => (None, raw),
    }
}

/// A leading list label ("[1]", "1.", "[ATC-24]") removed; a bracketed tag is returned.
fn strip_label(raw: &str) -> (Option<&str>, &str) {
    match LEAD_LABEL.captures(raw) {
        // "[Title](url)" is a link, not a tag
        Some(c) if c.get(1).is_some_and(|m| raw[m.end()..].starts_with("](")) => {
            let bullet = c.get(1).map_or(0, |m| m.start().saturating_sub(1));
            (None, &raw[bullet..])
        }
        Some(c) => {
            let end = c.get(0).map_or(0, |m| m.end());
            (c.get(1).or(c.get(4)).map(|m| m.as_str()), &raw[end..])
        }
        None => (None, raw),
    }
}

#[derive(Default)]
struct Ids {
    doi: String,
    arxiv: String,
    url: String,
}

fn lift_ids(s: &str) -> (String, Ids) {
    let mut ids = Ids::default();
    let mut t = s.to_string();
    if let Some((d, span)) = cited_doi(&t) {
        // a DOI printed as a link ("https://doi.org/10...") is also the paper's url
        if t[span.clone()].contains("doi.org/") {
            ids.url = format!("https://doi.org/{d}");
        }
        ids.doi = d;
        t.replace_range(span, "");
    }
    if let Some(id) = arxiv_id(&t) {
        ids.arxiv = id;
    }
    if let Some(m) = URL.find(&t) {
        let u = m.as_str().trim_end_matches(['.', ',', ')', ';']);
        if !u.contains("doi.org") && ids.url.is_empty() {
            ids.url = crate::lex::contact::with_scheme(u);
        }
        t = URL.replace_all(&t, "").into_owned();
    }
    (t, ids)
}

/// "η -LSTM" → "η-LSTM", "(4+ 2)" → "(4+2)": spacing lost or added by PDF extraction.
fn fix_spacing(s: &str) -> String {
    SPACE_FIX
        .replace_all(s, |c: &regex::Captures| match (c.get(1), c.get(2)) {
            (Some(a), Some(b)) => format!("{}-{}", a.as_str(), b.as_str()),
            _ => format!("{}+{}", &c[3], &c[4]),
        })
        .into_owned()
}

/// (authors as raw text, title, venue part as plain text).
fn segment(raw: &str, plain: &str) -> Option<(String, String, String)> {
    if let Some((title, rest)) = leading_title(raw) {
        // `**Title**. Authors. Venue` or `[Title](url). Authors. Venue`
        let rest_plain = strip_ids_plain(rest);
        let rest_plain =
            rest_plain.trim_start_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
        let end = author_list_end(rest_plain);
        let authors = &rest_plain[..end];
        let venue = rest_plain[end..]
            .trim_start_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
        return Some((raw_authors(rest, authors), title, venue.to_string()));
    }
    if let Some((before, title, after)) = split_quoted(raw).filter(|(before, _, after)| {
        // `Authors. 2023. "It Remembers So I Don't Have To": Older Adults' …`, `… Beyond
        // "Fake News" in …`: a quotation opening or inside a title is not the title
        // (an author list may run into the quote: `J. Zhao "Title", In …`)
        let b = markup::plain(before);
        let b = b.trim_end();
        let glued_before = b.ends_with(|c: char| c.is_alphanumeric()) && !looks_like_authors(b);
        !(glued_before || after.trim_start_matches('*').starts_with(':'))
    }) {
        let before_plain = markup::plain(before);
        let before_plain = before_plain.trim_matches(|c: char| c.is_whitespace() || c == ',');
        let after_plain = strip_ids_plain(after);
        if before_plain.is_empty() {
            // `“Title”, authors, venue`: the authors come first in the after part
            let (authors, venue) = split_authors_venue(after);
            return Some((authors, markup::plain(title), venue));
        }
        return Some((before.to_string(), markup::plain(title), after_plain));
    }
    // "———. Il tribunale e la piazza. Rome: Viella, 2019." (Chicago, MLA): a rule in the
    // authors' place (it repeats the authors above)
    let rule_end = plain
        .find(['.', ','])
        .filter(|&i| name::is_author_rule(&plain[..i]));
    if let Some(i) = rule_end {
        let (title, venue) = split_sentence(plain[i + 1..].trim_start());
        return Some((plain[..i].to_string(), title, venue));
    }
    // APA: "Authors (2020). Title. Venue" (or "Editors (Eds.). (2009). Book. Publisher")
    if let Some(m) = APA_YEAR.find(plain) {
        let authors = &plain[..m.start()];
        if looks_like_authors(eds_suffix(authors).map_or(authors, |(a, _)| a)) {
            let year = plain[m.start()..m.end()].trim();
            // "(2021, April 14)": the year alone goes with the venue (the month and day are
            // read from the author part)
            let year = match year.find(|c: char| c.is_ascii_digit()) {
                Some(i) if year.len() >= i + 4 => format!("({})", &year[i..i + 4]),
                _ => year.to_string(),
            };
            let (title, venue) = split_sentence(&plain[m.end()..]);
            return Some((raw_authors(raw, authors), title, format!("{venue} {year}")));
        }
    }
    // ACM / Chicago author-date: "Authors. 2020. Title. Venue"
    if let Some(c) = YEAR_SENTENCE.captures(plain) {
        let m = c.get(0)?;
        let authors = &plain[..m.start()];
        // ("Roe, A. & B. Doe (eds.). 2021. Book.": editors in the authors' place)
        if looks_like_authors(eds_suffix(authors).map_or(authors, |(a, _)| a)) {
            let (title, venue) = split_sentence(&plain[m.end()..]);
            let when = c.get(1).or(c.get(2)).map_or("", |w| w.as_str());
            return Some((
                raw_authors(raw, authors),
                title,
                format!("{venue} ({when})"),
            ));
        }
    }
    // AAS (ApJ, MNRAS, A&A): "Authors YEAR, Title, Journal, Vol, Page"
    if let Some(found) = aas(raw, plain) {
        return Some(found);
    }
    // LNCS: "Authors: Title. In: Venue"
    if let Some(i) = plain.find(": ") {
        let authors = &plain[..i];
        let initials = authors.split_whitespace().any(is_initial);
        if (initials || full_names(authors))
            && looks_like_authors(authors)
            && author_list_end(plain) + 1 >= i
        {
            let (title, venue) = split_sentence(&plain[i + 2..]);
            return Some((raw_authors(raw, authors), title, venue));
        }
    }
    // Nature, IEEE books, DBLP-like: the title starts where the author list ends
    let end = author_list_end(plain);
    // one capitalised word is not an author list ("With the fast growth ...")
    let head = &plain[..end];
    let separated = head.contains(',') || head.contains(" and ") || head.contains(" & ");
    let initials = head.split_whitespace().any(is_initial);
    if end > 0 && !(separated || initials) && single_author(head, &plain[end..]) {
        let (title, venue) = split_sentence(&plain[end..]);
        return Some((raw_authors(raw, head.trim_end_matches('.')), title, venue));
    }
    if end == 0
        || head.split_whitespace().count() < 2
        || !(separated || initials)
        || !initials && !head.contains(',') && !full_names(head.trim_end_matches([':', '.', ' ']))
    {
        let (title, venue) = split_sentence(plain);
        return Some((String::new(), title, venue));
    }
    let authors = &plain[..end];
    let rest = plain[end..]
        .trim_start_matches(|c: char| c == ',' || c == '.' || c == ':' || c.is_whitespace());
    // "Whitford, Catherine A., and Tomás Ibarra, eds. Merchants at the Margins." (Chicago):
    // the editors' mark is no title
    let rest = ["eds. ", "ed. ", "(eds.) ", "(ed.) ", "eds., ", "ed., "]
        .iter()
        .find_map(|m| rest.strip_prefix(m))
        .unwrap_or(rest);
    let (title, venue) = split_sentence(rest);
    Some((raw_authors(raw, authors), title, venue))
}

/// AAS (ApJ, MNRAS, A&A): "Roe, J., Doe, A., et al. 2024, Title, ApJ, 981, 44": the year
/// right after the inverted author list and a comma; the title runs to the comma before
/// "Journal, Volume, Page" (or to a status or an arXiv identifier).
fn aas(raw: &str, plain: &str) -> Option<(String, String, String)> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"^\s*(?:\(incl\.[^()]*\)\s*)?((?:19|20)[0-9]{2})[a-z]?,\s+").unwrap()
    });
    static JOURNAL_VOL_PAGE: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r", [A-Z][A-Za-z&. ]{0,60}, [A-Z]?[0-9]{1,5}, [A-Z]?[0-9]{1,7}(?-u:\b)")
            .unwrap()
    });
    let end = author_list_end(plain);
    let authors = &plain[..end];
    if end == 0 || !authors.contains(',') {
        return None;
    }
    let c = YEAR.captures(&plain[end..])?;
    let rest = &plain[end + c.get(0)?.end()..];
    let (title, venue) = match JOURNAL_VOL_PAGE.find(rest) {
        Some(m) => (
            rest[..m.start()].to_string(),
            rest[m.start() + 1..].trim().to_string(),
        ),
        None => split_sentence(rest),
    };
    Some((
        raw_authors(raw, authors),
        title,
        format!("{venue} ({})", &c[1]),
    ))
}

/// Does every name of a list have two words or an initial? ("Salt and Sovereignty: The
/// Venetian …" opens with a title, not with two authors.)
fn full_names(authors: &str) -> bool {
    authors
        .split([',', '&', ';'])
        .flat_map(|n| n.split(" and "))
        .map(str::trim)
        .filter(|n| !n.is_empty() && *n != "and" && !n.starts_with("et al"))
        .all(|n| n.split_whitespace().count() >= 2 || n.contains('.'))
}

/// "Ada Lovelace. Verified protein folding. Venue": one author in display order, closed by
/// a period, before a title of three words or more and a venue sentence.
fn single_author(head: &str, rest: &str) -> bool {
    let Some(name) = head.trim().strip_suffix('.') else {
        return false;
    };
    let n = name.split_whitespace().count();
    let (title, venue) = split_sentence(rest);
    (2..=3).contains(&n)
        && is_name_like(name)
        && name
            .split_whitespace()
            .all(|w| w.chars().any(char::is_lowercase) && !w.ends_with('.'))
        && title.split_whitespace().count() >= 3
        && !venue.is_empty()
}

/// A title printed first in bold or as a link: (title, the raw rest).
fn leading_title(raw: &str) -> Option<(String, &str)> {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"^\[((?:\\.|[^\[\]\\])+)\]\([^)\s]*\)").unwrap());
    let t = raw.trim_start();
    let (inner, rest) = if let Some(b) = t.strip_prefix("**") {
        let e = b.find("**")?;
        (&b[..e], &b[e + 2..])
    } else if let Some(c) = LINK.captures(t) {
        let m = c.get(0)?;
        (c.get(1)?.as_str(), &t[m.end()..])
    } else {
        return None;
    };
    let title = markup::plain(inner);
    let title = title.trim_matches(|c: char| c == '“' || c == '”' || c == '"' || c.is_whitespace());
    // a bold self-name at the start is an author, not a title
    if title.split_whitespace().count() < 3
        || is_name_like(title)
        || inner.contains('“')
        || inner.contains('"')
    {
        return None;
    }
    Some((title.trim_end_matches(['.', ',']).to_string(), rest))
}

/// The raw (markup-bearing) text of the author part when it can be found; plain otherwise.
fn raw_authors(raw: &str, plain_authors: &str) -> String {
    let key = plain_authors.trim();
    let last_word = key.split_whitespace().last().unwrap_or("");
    if last_word.is_empty() {
        return String::new();
    }
    // the raw prefix that ends with the same last word, if the plains agree (tried only
    // where the prefix is long enough, and a few times, so a long list costs linear time)
    let mut from = 0;
    let mut tries = 0;
    while let Some(i) = raw[from..].find(last_word) {
        let end = from + i + last_word.len();
        if end * 2 < key.len() {
            from = end;
            continue;
        }
        tries += 1;
        if tries > 16 {
            break;
        }
        let mut cut = end;
        // keep markers and closing emphasis glued to the last name
        while raw[cut..].starts_with(['*', '†', '‡', '\\', '_']) {
            cut += 1;
        }
        if markup::plain(&raw[..end]).trim() == key {
            return raw[..cut].to_string();
        }
        from = end;
    }
    plain_authors.to_string()
}

fn strip_ids_plain(raw: &str) -> String {
    lift_ids(&markup::plain(raw)).0
}

/// First quoted span: `“...”` or `"..."` (the title of IEEE, Chicago and many CVs), or
/// `‘...’` / `'...'` (British Harvard).
fn split_quoted(s: &str) -> Option<(&str, &str, &str)> {
    let mut best: Option<(usize, char, usize)> = None;
    for (open, close) in [('“', '”'), ('"', '"'), ('«', '»')] {
        if let Some(a) = s.find(open) {
            if best.is_none_or(|(b, _, _)| a < b) {
                let rest = &s[a + open.len_utf8()..];
                if let Some(b) = rest.find(close) {
                    best = Some((a, open, b));
                }
            }
        }
    }
    for q in ['‘', '\''] {
        if let Some((a, b)) = single_quoted(s, q) {
            if best.is_none_or(|(x, _, _)| a < x) {
                best = Some((a, q, b));
            }
        }
    }
    let (a, open, b) = best?;
    let rest = &s[a + open.len_utf8()..];
    let title = &rest[..b];
    let close = rest[b..].chars().next()?;
    // a one-word quotation is a title only when closed like one ("“Salt.” In …")
    if title.split_whitespace().count() < 2 && !title.ends_with(['.', ',', '?', '!']) {
        return None;
    }
    Some((&s[..a], title, &rest[b + close.len_utf8()..]))
}

/// A title without its surrounding quotation marks, but with a quotation it opens with
/// (`"It Remembers So I Don't Have To": Older Adults' …`).
fn trim_quotes(t: &str) -> String {
    let t = t.trim();
    let inner = t.trim_matches(['“', '”', '"']);
    let quotes = |s: &str| s.matches(['“', '”', '"']).count();
    if quotes(inner) % 2 == 1 && t.starts_with(['“', '"']) {
        let lead = t.chars().next().map_or(0, char::len_utf8);
        return t[..lead].to_string() + inner;
    }
    inner.to_string()
}

/// A title in single quotes: (byte offset of the opening quote, length of the quoted text).
/// The opening quote starts a word and a letter follows it; the closing one ends the title
/// before punctuation, so apostrophes ("Don’t", "NeurIPS'23", "ICML '21") are not quotes.
fn single_quoted(s: &str, open: char) -> Option<(usize, usize)> {
    let close = if open == '‘' { '’' } else { '\'' };
    let mut from = 0;
    while let Some(i) = s[from..].find(open).map(|i| i + from) {
        from = i + open.len_utf8();
        let starts_word = s[..i]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(');
        if !starts_word || !s[from..].starts_with(char::is_alphabetic) {
            continue;
        }
        let rest = &s[from..];
        let end = rest.match_indices(close).map(|(j, _)| j).find(|&j| {
            let after = rest[j + close.len_utf8()..].chars().next();
            let before = rest[..j].chars().next_back();
            before.is_some_and(|c| !c.is_whitespace())
                && after.is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | ')'))
        })?;
        return (rest[..end].split_whitespace().count() >= 2).then_some((i, end));
    }
    None
}

/// After a quoted title: "authors, venue, year" → (authors raw, venue plain).
fn split_authors_venue(after: &str) -> (String, String) {
    let t =
        after.trim_start_matches(|c: char| c == '*' || c == ',' || c == '.' || c.is_whitespace());
    let parts = crate::lex::split_top_level(t, &[',']);
    let mut n = 0;
    for (i, part) in parts.iter().enumerate() {
        let p = markup::plain(part);
        let p = p.trim_start_matches("and ").trim();
        if is_name_like(p) || (i > 0 && p.is_empty()) {
            n = i + 1;
        } else {
            break;
        }
    }
    let authors = parts[..n].join(", ");
    let venue = parts[n..].join(", ");
    (authors, strip_ids_plain(&venue))
}

/// An author part closed by an editor mark ("A, B, & C (Eds.).", "A (Ed.)"): (the names,
/// the mark).
fn eds_suffix(a: &str) -> Option<(&str, &str)> {
    static EDS_SUFFIX: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"(?i)[,\s]*\(\s*eds?\.?\s*\)[.,]?\s*$").unwrap());
    if !a.contains(['(', ')']) {
        return None;
    }
    let m = EDS_SUFFIX.find(a)?;
    Some((&a[..m.start()], m.as_str())).filter(|(n, _)| !n.trim().is_empty())
}

/// Split off the author part's trailing year ("Xia, H. 2017" in Chicago with a quoted title)
/// or the status in its place ("Xia, H. Forthcoming").
fn split_author_year(a: &str) -> (String, Option<Date>, Option<String>) {
    static TRAIL: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r",?\s*\(?(?:((?:19|20)[0-9]{2})[a-z]?|((?i:forthcoming|in press)))\)?[.,]?\s*$",
        )
        .unwrap()
    });
    match TRAIL.captures(a) {
        Some(c) => {
            let y = c
                .get(1)
                .and_then(|y| y.as_str().parse().ok())
                .map(Date::year);
            // ("FORTHCOMING", "in press" → "Forthcoming", "In press")
            let status = c.get(2).map(|s| {
                let l = s.as_str().to_lowercase();
                let mut ch = l.chars();
                ch.next()
                    .map(|f| f.to_uppercase().chain(ch).collect::<String>())
                    .unwrap_or_default()
            });
            (
                a[..c.get(0).map_or(a.len(), |m| m.start())].to_string(),
                y,
                status,
            )
        }
        None => (a.to_string(), None, None),
    }
}

/// Title sentence and the rest: split after the first ". ", "? " or "! " that ends the title.
fn split_sentence(s: &str) -> (String, String) {
    let s = s.trim();
    // "Title, in: Venue" (Elsevier Harvard): the lead-in word and colon close the title;
    // "Title, Journal 126 (2021) 1–9" (Elsevier with titles): the last comma before the
    // volume and year does
    // (APS, AIP: "Title, Phys. Rev. Lett. 132, 143401 (2024)")
    static VOL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"\s[0-9]{1,4}\s\((?:19|20)[0-9]{2}\)|\s[0-9]{1,4},\s[A-Za-z]?[0-9]{1,7}(?:\s?[–-]\s?[A-Za-z]?[0-9]{1,7})?\s\((?:19|20)[0-9]{2}\)")
            .unwrap()
    });
    // ("Review of Book, by Name. Journal 82 (2021)": the comma before "by" is the title's)
    let journal = VOL_YEAR
        .find(s)
        .and_then(|m| s[..m.start()].rfind(", "))
        .filter(|&c| !s[c + 2..].starts_with("by "));
    // "Title, preprint (2024), arXiv:…", "Title, submitted to Phys. Rev. A (2024)": a status
    // or an identifier after a comma closes the title
    static STATUS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(&format!(
            r"(?i),\s(?:preprint|submitted|{})(?-u:\b)|,\sarxiv:",
            venue::STATUS_WORDS
        ))
        .unwrap()
    });
    let status = STATUS_AFTER.find(s).map(|m| m.start());
    // ("Title., in Venue" in Frontiers; "Title, Proceedings of …" in AMS)
    let cut = [
        ", in: ",
        ", In: ",
        "., in ",
        "., In ",
        ", Proceedings of ",
        ", in Proceedings of ",
        ", In Proceedings of ",
        ", Proc. ",
        ", in Proc. ",
    ]
    .iter()
    .filter_map(|m| s.find(m))
    .chain(journal)
    .chain(status)
    .min()
    .unwrap_or(s.len());
    let b = &s.as_bytes()[..cut];
    let mut i = 0;
    while i + 1 < b.len() {
        let c = b[i];
        if (c == b'.' || c == b'?' || c == b'!') && b[i + 1] == b' ' {
            // not an abbreviation like "vs." or a single initial
            let word_start = s[..i].rfind(' ').map_or(0, |x| x + 1);
            // "(No. NISTIR 7890)": the bracket is not part of the word
            let word = s[word_start..i].trim_start_matches(['(', '[']);
            // "Title, Ann. Inst. Henri Poincaré, to appear", "Title, J. Algebra …" (AMS): an
            // abbreviated journal word right after a comma, another capital after it, opens
            // the venue at that comma
            if c == b'.'
                && s[..word_start].ends_with(", ")
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().count() <= 7
                && word.chars().all(char::is_alphabetic)
                && s[i + 1..].trim_start().starts_with(char::is_uppercase)
                && s[..word_start - 2].split_whitespace().count() >= 2
                && venue::abbreviated_journal(
                    &s[word_start..]
                        .split(", ")
                        .next()
                        .unwrap_or("")
                        .to_lowercase(),
                )
            {
                let comma = word_start - 2;
                return (s[..comma].to_string(), s[comma + 2..].trim().to_string());
            }
            let abbrev = c == b'.'
                && (word.chars().count() == 1
                    || matches!(
                        word,
                        "vs" | "e.g" | "i.e" | "al" | "Vol" | "vol" | "No" | "no"
                    ));
            if !(abbrev || c != b'.' && subtitle_follows(&s[i + 1..])) {
                let keep = if c == b'.' { i } else { i + 1 };
                return (s[..keep].to_string(), s[i + 1..].trim().to_string());
            }
        }
        i += 1;
    }
    if cut < s.len() {
        return (s[..cut].to_string(), s[cut + 2..].to_string());
    }
    // commas only (Elsevier with titles): "Title, 2nd ed., Oxford University Press, Oxford,
    // 2013", "Title, PhD thesis, University of Washington, 2019", "Title, Allen Institute
    // for AI, 2019": the first comma before an edition, a type word, a publisher or an
    // institution ends the title
    static TYPE_START: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(&format!(r"(?i)^(?:[0-9]{{1,2}}(?:st|nd|rd|th)\s+edn?(?-u:\b)|(?:ph\.?\s?d\.?|doctoral|master'?s?|diploma|habilitation|bachelor'?s?)\s+(?:thesis|dissertation)|technical report|(?:{THESIS_WORDS})(?-u:\b))")).unwrap()
    });
    // (only in a reference, which ends with its year: "PhD Student, Allen School, University
    // of Washington" is an affiliation line)
    let body = s.trim_end_matches('.');
    static YEAR_END: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"(?-u:\b)(?:19|20)[0-9]{2}[a-z]?\)?$").unwrap());
    if !YEAR_END.is_match(body) {
        return (body.to_string(), String::new());
    }
    for (k, _) in body.match_indices(", ") {
        let seg = body[k + 2..].split(',').next().unwrap_or("").trim();
        if k > 0 && (TYPE_START.is_match(seg) || is_publisher(seg) || is_institution(seg)) {
            return (body[..k].to_string(), body[k + 2..].to_string());
        }
    }
    (body.to_string(), String::new())
}

/// After "Title?" or "Title!": is the next sentence the title's subtitle ("Who reads
/// privacy policies? A field experiment. Management Science …") rather than the venue?
/// It must be followed by more text, read as words (no digits, no venue or publisher
/// words) and contain a lower-case word, as subtitles do and bare venue names rarely do.
fn subtitle_follows(rest: &str) -> bool {
    let rest = rest.trim_start();
    // "…? Differential effects of peer feedback on mood [Manuscript submitted for
    // publication]." (APA): a bracketed description closes the title, subtitle and all
    if let Some(b) = rest.find(" [").filter(|&b| rest[b..].contains(']')) {
        let frag = &rest[..b];
        if !frag.contains(". ")
            && frag.split_whitespace().count() >= 2
            && frag.starts_with(char::is_uppercase)
            && !frag.chars().any(|c| c.is_ascii_digit())
        {
            return true;
        }
    }
    // "…ideas? Gender, voice, and endorsement in work groups. Personnel Psychology, 74(4),
    // 701–728." (APA): the sentence before a journal's volume is the title's
    static APA_VOLUME: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"^\. \p{Lu}[^.,]*, [0-9]{1,4}(?:\([0-9A-Za-z–-]{1,9}\))?, [eE]?[0-9]")
            .unwrap()
    });
    if let Some(dot) = rest.find(". ") {
        let frag = &rest[..dot];
        if frag.starts_with(char::is_uppercase)
            && (2..=20).contains(&frag.split_whitespace().count())
            && !frag.chars().any(|c| c.is_ascii_digit())
            && APA_VOLUME.is_match(&rest[dot..])
        {
            return true;
        }
    }
    // (a comma ends it in comma-only styles: "…? A field experiment, Management Science 56")
    let Some(end) = [". ", ", "].iter().filter_map(|m| rest.find(m)).min() else {
        return false;
    };
    let frag = &rest[..end];
    let words: Vec<&str> = frag.split_whitespace().collect();
    // "Accessible by Default? Screen Reader Users' Experiences in Hybrid Meetings. In
    // Proceedings …": the venue starts at "In", so the sentence before it is the title's
    if rest[end..].starts_with(". In ")
        && words.len() >= 2
        && words[0].starts_with(char::is_uppercase)
        && !frag.chars().any(|c| c.is_ascii_digit())
    {
        return true;
    }
    let l = frag.to_lowercase();
    (2..=12).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && !words[0].ends_with(':')
        && words[1..].iter().any(|w| w.starts_with(char::is_lowercase))
        && !frag.chars().any(|c| c.is_ascii_digit())
        && !["in", "in:"].contains(&words[0].to_lowercase().as_str())
        && matches!(venue::classify(frag), PubKind::Conference | PubKind::Misc)
        && ![
            "conference",
            "proceedings",
            "symposium",
            "workshop",
            "meeting",
            "press",
        ]
        .iter()
        .any(|w| l.contains(w))
        && !venue::is_known_meeting(frag)
        && !is_institution(frag)
        && !rest[end + 2..].trim().is_empty()
}

/// A name as a CV or reference list prints it: up to four words, each capitalised, an
/// initial or a particle; no venue words or digits.
pub fn is_name_like(s: &str) -> bool {
    let s = s.trim().trim_end_matches(['*', '†', '‡']).trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    const VENUE_WORDS: &[&str] = &[
        "Conference",
        "Symposium",
        "Journal",
        "Proceedings",
        "Workshop",
        "Transactions",
        "International",
        "Annual",
        "IEEE",
        "ACM",
        "In",
        "Letters",
        "Review",
        "Press",
        "University",
        "Arxiv",
        "ArXiv",
        "arXiv",
        "Preprint",
        "Patent",
        "Under",
        "Advances",
        "Systems",
    ];
    words.iter().all(|w| {
        let w = w.trim_end_matches([',', '.', '*']).trim_start_matches('*');
        if VENUE_WORDS.contains(&w) {
            return false;
        }
        let first = w.chars().next();
        let caps = w.chars().filter(|c| c.is_uppercase()).count();
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let shouty = letters > 3 && caps == letters;
        !shouty
            && (first.is_some_and(char::is_uppercase)
                || crate::lex::name::elided_particle(w)
                || [
                    "van", "von", "de", "der", "den", "di", "da", "du", "la", "le", "del", "della",
                    "dos", "al", "bin", "and", "et", "al.",
                ]
                .contains(&w)
                || (first.is_some_and(|c| !c.is_ascii()) && !first.is_some_and(char::is_lowercase)))
    })
}

/// Does this text read as an author list (names separated by commas / and / &)?
fn looks_like_authors(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > 2000 {
        return false;
    }
    let t = ET_AL_TAIL.replace(s, "");
    crate::lex::split_top_level(&t, &[',', ';'])
        .iter()
        .flat_map(|p| p.split(" and ").map(str::to_string).collect::<Vec<_>>())
        .flat_map(|p| p.split(" & ").map(str::to_string).collect::<Vec<_>>())
        .map(|p| {
            p.trim()
                .trim_start_matches("and ")
                .trim_start_matches("& ")
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .all(|p| is_name_like(&p))
}

static ET_AL_TAIL: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?i),?\s*(?:et\.?\s*al\.?|and others)\s*$").unwrap());

/// Byte offset where the author list at the start of `s` ends (0 when none).
fn author_list_end(s: &str) -> usize {
    // walk word by word, tracking whether a name is complete
    let mut end = 0;
    let mut pos = 0;
    let words: Vec<(usize, &str)> = s
        .split(' ')
        .scan(0usize, |off, w| {
            let start = *off;
            *off += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    if let Some(end) = vancouver_list_end(&words) {
        return end.min(s.len());
    }
    // inverted lists ("Teh, K. J., Tanaka, H. & Song, S. L. Title"): family, then initials
    // (the family name may be several words: "Ní Bhriain, S.", "van der Berg, J.")
    let inverted = words.len() > 2
        && (0..3.min(words.len() - 1)).any(|k| {
            words[k].1.ends_with(',')
                && words[..k]
                    .iter()
                    .all(|(_, w)| w.starts_with(char::is_uppercase) || name::is_particle(w))
                && !words[..=k]
                    .iter()
                    .any(|(_, w)| w.trim_end_matches(',').ends_with('.'))
                && is_initial(
                    words[k + 1]
                        .1
                        .trim_end_matches([',', ':', ';', '*', '†', '‡']),
                )
        });
    let mut in_name = 0usize; // words in the current name
    let mut have_initials = false;
    let mut name_had_initial = false;
    let mut name_start_end = 0;
    let mut particles = 0usize; // particles in the current name
    let mut last_name = false; // the current name follows "and": the list's last
    while pos < words.len() {
        let (off, w) = words[pos];
        let core = w.trim_end_matches([',', ';', ':', '.', '*', '†', '‡']);
        // ("M. E.*," "C. N.†": a contribution mark after the initials)
        let core_init = w.trim_end_matches([',', ';', ':', '*', '†', '‡', '\\']);
        let bare = w.trim_end_matches(',');
        let is_sep = bare == "and" || w == "&" || w == "et" || bare == "al." || bare == "al";
        if is_sep {
            name_had_initial = false;
            last_name = bare == "and" || w == "&";
            if w.starts_with("al") {
                let al = w.trim_end_matches(',');
                end = off + al.len();
                // "et al." closes the list ("Rossi, Sofia, et al. Rethinking Program …")
                if al.ends_with('.') {
                    break;
                }
            }
            pos += 1;
            in_name = 0;
            have_initials = false;
            continue;
        }
        // inverted lists print initials with periods: a bare "A" starts the title
        let init = is_initial(core_init) && (!inverted || core_init.contains('.'));
        let particle = name::is_particle(core);
        let cap = (core.chars().next().is_some_and(|c| c.is_uppercase())
            || crate::lex::name::elided_particle(core))
            && !core.chars().any(|c| c.is_ascii_digit());
        let accept = if inverted {
            // family words until a comma, then initials (and trailing particles)
            if have_initials {
                init || particle
            } else {
                (cap || particle) && in_name < 4
            }
        } else {
            // particles do not count: "María José de la Cruz" is four words long
            (init && in_name < 3) || ((cap || particle) && in_name.saturating_sub(particles) < 4)
        };
        if !accept {
            // "C. Dubois, Probabilistic federated ...": a lone capitalised word before
            // lower-case words opened the title, not a name
            if !inverted && in_name == 1 && !name_had_initial {
                end = name_start_end;
            }
            break;
        }
        if in_name == 0 {
            name_start_end = end;
            particles = 0;
        }
        in_name += 1;
        particles += usize::from(particle);
        name_had_initial |= init;
        let opens_given = inverted && w.ends_with(',') && !have_initials;
        let complete = if inverted {
            have_initials && (init || particle)
        } else {
            !init && in_name >= 1
        };
        if complete {
            end = off + w.trim_end_matches(',').len();
        }
        // "…, and K. Wójcik, The Green function…" (AMS): the last name's comma ends the list
        if !inverted && last_name && complete && w.ends_with(',') {
            break;
        }
        if opens_given {
            have_initials = true;
        } else if w.ends_with(',') || w.ends_with(';') {
            in_name = 0;
            name_had_initial = false;
            have_initials = false;
        }
        if w.ends_with(':') || (w.ends_with('.') && !init && !inverted) {
            break;
        }
        if inverted && have_initials && w.ends_with('.') && !init && particle {
            break;
        }
        pos += 1;
        // display order: a name ends after its family word unless a comma or "and" follows
        if !inverted && !init && !particle && !w.ends_with(',') {
            if let Some((_, next)) = words.get(pos) {
                let n = next.trim_end_matches([',', '.', ':', '*']);
                let sep_next = n == "and" || n == "&" || n == "et";
                let caps = n.chars().filter(|c| c.is_uppercase()).count();
                let shouty = caps > 3 && caps == n.chars().filter(|c| c.is_alphabetic()).count();
                let name_next = n.chars().next().is_some_and(char::is_uppercase)
                    && !shouty
                    && !next.ends_with(':');
                // a long name goes on ("Thi Minh Anh Nguyen,", "María José de la Cruz,")
                // when its family word is closed by the list's comma or a particle leads to it
                let long_name = in_name.saturating_sub(particles) < 4
                    && (name::is_particle(n) || (name_next && next.ends_with(',')));
                if !sep_next
                    && !long_name
                    && in_name >= 2
                    && (name_had_initial || in_name >= 3 || !name_next)
                {
                    break;
                }
            }
        }
    }
    end.min(s.len())
}

/// Vancouver initials: capitals without periods ("J", "KJ", "A-M").
fn is_bare_initials(w: &str) -> bool {
    let n = w.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&n) && !w.starts_with('-') && w.chars().all(|c| c.is_uppercase() || c == '-')
}

/// End of a Vancouver author list ("Smith J, Doe AB, van der Berg K, et al. Title"): each
/// name is family words then bare initials (particles may follow: "Beethoven L van"), a
/// comma between names and a period after the last. None unless the first name fits.
fn vancouver_list_end(words: &[(usize, &str)]) -> Option<usize> {
    let mut pos = 0;
    let mut end = None;
    let mut names = 0;
    let mut dotted = false;
    loop {
        let (_, first) = *words.get(pos)?;
        // ", et al." closes the list
        if names > 0 && first == "et" {
            let (off, al) = *words.get(pos + 1)?;
            return if al.starts_with("al") {
                Some(off + al.trim_end_matches(['.', ',']).len() + 1)
            } else {
                end
            };
        }
        // family words: capitalised or particles, up to four, none of them initials
        let mut fam = 0;
        while let Some((_, w)) = words.get(pos) {
            let core = w.trim_end_matches([',', '.']);
            let cap = core.chars().next().is_some_and(char::is_uppercase)
                && core.chars().any(char::is_lowercase)
                && !core.chars().any(|c| c.is_ascii_digit());
            if fam < 4 && core.len() == w.len() && (cap || name::is_particle(core)) {
                fam += 1;
                pos += 1;
            } else {
                break;
            }
        }
        let (off, ini) = *words.get(pos)?;
        let core = ini.trim_end_matches([',', '.']);
        // "J", "JA", and with periods "J.A." ("Smith J.A., Doe A.")
        let punct_ok = matches!(&ini[core.len()..], "" | "," | "." | ".,");
        if fam == 0 || !is_bare_initials(&core.replace('.', "")) || !punct_ok {
            return end;
        }
        dotted |= core.contains('.') || ini.ends_with(".,");
        let mut last = (off, core, &ini[core.len()..]);
        pos += 1;
        // particles printed after the initials
        while let Some(&(o, w)) = words.get(pos) {
            let c = w.trim_end_matches([',', '.']);
            if last.2.is_empty() && name::is_particle(c) {
                last = (o, c, &w[c.len()..]);
                pos += 1;
            } else {
                break;
            }
        }
        names += 1;
        let (o, c, punct) = last;
        // "Quoc V. Le, Noah Williams", "Ada A. Smith. Title": a middle initial of a
        // display-order name, not a one-name Vancouver list
        let continues = words.get(pos).is_some_and(|(_, w)| w.ends_with([',', '.']))
            || words
                .get(pos + 1)
                .is_some_and(|(_, w)| matches!(*w, "and" | "&"));
        // initials written with periods keep their last one ("Doe A." after "Smith J.,")
        let name_end = o + c.len() + usize::from(dotted && punct.starts_with('.'));
        match punct {
            "," | ".," => end = Some(name_end),
            "." if names == 1 && continues => return None,
            "." => return Some(name_end),
            _ => return if names > 1 { end } else { None },
        }
    }
}

fn is_initial(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 3
        && letters[0].is_uppercase()
        && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        && (w.contains('.') || letters.iter().all(|c| c.is_uppercase()))
        && w.split(['.', '-']).filter(|s| !s.is_empty()).all(|s| {
            s.chars().count() == 1 || (s.chars().count() <= 2 && s.chars().all(char::is_uppercase))
        })
}

/// Where editors are named: before the marker ("J. Smith and K. Lee (eds.)", "Keutzer K,
/// LeCun Y, editors.", "K. J. Teh and S. Johnson, Eds.") or after it ("edited by A and B",
/// "(eds. Smith, A. & Jones, B.)").
static EDITOR_MARK: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)\s*\(\s*(?:eds?|editors?)\.?\s*\)|,\s*(?:eds?\.|editors?(?-u:\b)\.?)|\(\s*eds?\.\s+|,?\s*(?-u:\b)(?:edited|eds?\.)\s+by\s+").unwrap()
});
static LEAD_IN_WORD: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"^\s*(?:[Ii]n\s*:\s*|[Ii]n\s+)").unwrap());

/// The editors of an edited volume taken out of the venue part: (the venue part without
/// them, the editors as printed). None when no editor list is found.
fn split_editors(v: &str) -> Option<(String, String)> {
    let m = EDITOR_MARK.find(v)?;
    let mark = m.as_str().trim();
    let (before, after) = (&v[..m.start()], &v[m.end()..]);
    let join = |head: &str, tail: &str, sep: &str| {
        let head = head.trim_end_matches([',', ' ']);
        let tail = tail.trim_start_matches([',', '.', ' ']);
        if head.is_empty() || tail.is_empty() || head.ends_with(':') {
            format!("{head} {tail}").trim().to_string()
        } else {
            format!("{head}{sep}{tail}")
        }
    };
    // nothing but a lead-in before "eds." ("In, eds.Kurt Keutzer, Yann LeCun. Book"): the
    // names follow
    let bare_lead = matches!(before.trim(), "" | "In" | "in" | "In:" | "in:");
    // "In Handbook of X, eds. K. Osei and T. Brennan" (Frontiers, APSA): a title, not names,
    // before ", eds."
    let title_before = mark.starts_with(',') && {
        let tail = before.rsplit(['.', ',']).next().unwrap_or(before);
        let tail = LEAD_IN_WORD.replace(tail, "");
        !tail
            .split(" and ")
            .all(|x| x.trim().is_empty() || is_name_like(x))
    };
    let names_follow = mark.ends_with("by")
        || (mark.starts_with('(') && !mark.ends_with(')'))
        || (bare_lead && !mark.starts_with('('))
        || (title_before && author_list_end(after.trim_start()) > 0);
    if names_follow {
        // the names follow the marker
        let (names, rest) = if mark.starts_with('(') {
            let close = after.find(')')?;
            (&after[..close], &after[close + 1..])
        } else {
            let mut end = author_list_end(after);
            // "edited by A and B, MIT Press, 2009": a publisher is no editor
            let mut at = 0usize;
            for piece in after[..end].split(',') {
                let names_ok = piece
                    .split(" and ")
                    .flat_map(|x| x.split(" & "))
                    .map(|x| x.trim().trim_start_matches("and ").trim())
                    .all(|x| x.is_empty() || (is_name_like(x) && !is_publisher(x)));
                if !names_ok {
                    end = at.saturating_sub(1).min(end);
                    break;
                }
                at += piece.len() + 1;
            }
            (&after[..end], &after[end..])
        };
        if names.trim().is_empty() {
            return None;
        }
        // a sentence period after the last name ("… and Yann LeCun. MIT Press") stays
        let last = names.trim_end().rsplit(' ').next().unwrap_or("");
        let period = last.ends_with('.') && !is_initial(last);
        let sep = match rest.trim_start().chars().next() {
            _ if bare_lead => " ",
            Some(',') => ", ",
            Some('.') => ". ",
            _ if period => ". ",
            _ => " ",
        };
        let names = if period {
            names.trim_end().trim_end_matches('.')
        } else {
            names
        };
        return Some((join(before, rest, sep), names.trim().to_string()));
    }
    // the names precede the marker: all of "In: <names> (eds.)", or the name-like
    // comma-separated pieces just before it ("Book Title, A. Smith and B. Jones, Eds.")
    let lead = LEAD_IN_WORD.find(before).map_or(0, |l| l.end());
    let start = if lead > 0 && looks_like_authors(&before[lead..]) {
        lead
    } else {
        names_before(before, lead)?
    };
    let names = before[start..].trim().trim_end_matches(',');
    let sep = if start == lead {
        " "
    } else if mark.ends_with('.') && after.starts_with(' ') {
        ". "
    } else {
        ", "
    };
    Some((join(&before[..start], after, sep), names.to_string()))
}

/// Start of the editor names closing `before` ("Handbook, K. J. Teh and S. Johnson"): the
/// trailing comma-separated pieces that are names (with initials or joined by "and"), or
/// family names followed by a piece of initials ("Teh, K. J., Johnson, S.").
fn names_before(before: &str, lead: usize) -> Option<usize> {
    let mut start = None;
    let mut right_is_initials = false;
    let mut end = before.len();
    loop {
        let cut = before[..end].rfind(',').map_or(0, |i| i + 1);
        if cut < lead {
            break;
        }
        let piece = before[cut..end].trim();
        let parts: Vec<&str> = piece
            .split(" and ")
            .flat_map(|p| p.split(" & "))
            .map(|p| p.trim().trim_start_matches("and ").trim())
            .collect();
        let initials_only = !piece.is_empty() && piece.split_whitespace().all(is_initial);
        let names = parts.iter().all(|p| !p.is_empty() && is_name_like(p));
        let anchored = initials_only
            || parts.len() > 1
            || piece.split_whitespace().any(is_initial)
            || right_is_initials;
        if !(names && anchored) {
            // "Handbook of X. K. Keutzer and Y. LeCun, eds.": the names open a sentence
            if start.is_none() {
                start = piece_names_after_sentence(&before[cut..end]).map(|i| cut + i);
            }
            break;
        }
        start = Some(cut);
        right_is_initials = initials_only;
        if cut == 0 {
            break;
        }
        end = cut - 1;
    }
    start
}

/// Offset of the author list that ends `piece` after a sentence period ("Handbook of X.
/// K. Keutzer and Y. LeCun" → the offset of "K.").
fn piece_names_after_sentence(piece: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = piece[from..].find(". ").map(|i| i + from + 2) {
        let tail = &piece[i..];
        let word_before = piece[..i - 2].rsplit(' ').next().unwrap_or("");
        if !is_initial(&format!("{word_before}."))
            && looks_like_authors(tail)
            && tail.split_whitespace().any(is_initial)
        {
            return Some(i);
        }
        from = i;
    }
    None
}

/// Read year, month, pages, volume, number, publisher, remarks and the venue itself.
fn read_venue(v: &str, p: &mut Publication) {
    let mut v = BRACKET_LINK.replace_all(v.trim(), "").into_owned();
    // "…, 2023. arXiv code": bare link labels after the year name links, not the venue
    static LABEL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)((?:19|20)[0-9]{2}\.?)(?:\s*[|/]?\s*(?-u:\b)(?:arxiv|code|pdf|slides|video|project|bib|github|poster)(?-u:\b))+\s*$").unwrap()
    });
    v = LABEL_TAIL.replace(&v, "$1").into_owned();
    v = v.replace("[]", "");
    // "2021 [cited 2022 Jan 5]" (Vancouver web references): the access date is not the date
    if let Some(i) = v.find("[cited") {
        let end = v[i..].find(']').map_or(v.len(), |j| i + j + 1);
        v.replace_range(i..end, "");
    }
    // "NeurIPS'23": the year is read off and the venue keeps its name
    // (but "… Systems (CHI '22)" keeps its parenthetical abbreviation as printed)
    let glued = venue::glued_year(&v);
    if let Some((_, r)) = &glued {
        let in_parens = v[..r.start]
            .rfind('(')
            .is_some_and(|o| o > 0 && !v[o..r.start].contains(')') && v[r.end..].contains(')'));
        if !in_parens {
            v.replace_range(r.clone(), "");
        }
    }
    v = v.trim_start_matches([',', '.', ' ']).to_string();
    // "Pp. 1–15 in Proceedings of …" (ASA): the pages come before the venue
    static PP_IN: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r"^[Pp]p?\.\s*([A-Za-z]?[0-9]+[A-Za-z]?(?:\s*[–—−-]\s*[A-Za-z]?[0-9]+)?)\s+in\s+",
        )
        .unwrap()
    });
    let mut pages_first = None;
    if let Some(c) = PP_IN.captures(&v) {
        pages_first = Some(expand_pages(&c[1].replace(' ', "")));
        let end = c.get(0).map_or(0, |m| m.end());
        v = format!("In {}", &v[end..]);
    }
    if let Some((rest, names)) = split_editors(&v) {
        v = rest;
        p.editors = name::parse_authors(&names);
    }
    let edited = !p.editors.is_empty() || EDS.is_match(&v);
    v = EDS.replace_all(&v, "").into_owned();
    let v = v.trim().trim_start_matches([',', '.', ' ']).trim();
    if v.is_empty() {
        p.kind = PubKind::Misc;
        return;
    }
    // "to appear in X", "X (in press)": the status is a note, not part of the venue
    let (v, status) = venue::split_status(v);
    let v = v.trim().trim_start_matches([',', '.', ' ']).trim();
    // "Published online 2021." (AMA) says when, not where
    let v = match v.get(..16) {
        Some(head) if head.eq_ignore_ascii_case("published online") => v[16..].trim(),
        _ => v,
    };
    let lead = peel_lead(v);
    let v = lead.rest;
    let under_review = status.as_deref() == Some("Under review");
    // "Revise and resubmit, AER": in review, at the journal named (kept in the note)
    let revision = status.clone().filter(|s| venue::is_revision(s));
    if let Some(s) = status.filter(|s| s != "Under review" && !venue::is_revision(s)) {
        p.notes.push(s);
    }
    if under_review || UNDER_REVIEW.is_match(v) {
        p.kind = PubKind::Preprint;
        p.notes.push("Under review".into());
        p.date = date::find_all(v)
            .into_iter()
            .map(|(d, _)| d.start)
            .find(|d| d.year.is_some());
        return;
    }
    // date: the last full date wins ("2020.10.09"); else the last year (page ranges such
    // as "1942–1969" are not years)
    // ("pp. 2002–2011" is marked as pages whatever it looks like)
    let no_pages = PAGES.replace_all(v, |c: &regex::Captures| {
        if is_year_range(&c[1]) && !c[0].starts_with('p') {
            c[0].to_string()
        } else {
            " ".to_string()
        }
    });
    let dates: Vec<Date> = date::find_all(&no_pages)
        .into_iter()
        .map(|(d, _)| d.start)
        .filter(|d| d.year.is_some())
        .collect();
    // a year in brackets beats bare numbers that look like years ("56 (2010) 1938–1954")
    static PAREN_YEAR: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"\(((?:19|20)[0-9]{2})\)").unwrap());
    let bracketed = PAREN_YEAR
        .captures_iter(v)
        .last()
        .and_then(|c| c[1].parse().ok())
        .map(Date::year);
    let best = dates
        .iter()
        .rev()
        .find(|d| d.month.is_some())
        .copied()
        .or(bracketed)
        .or_else(|| dates.last().copied());
    p.date = best.or(glued.map(|(y, _)| Date::year(y)));
    // the Vancouver tail's year is the date, whatever page numbers look like years
    let tail = VANCOUVER_TAIL
        .captures_iter(v)
        .find(|c| c.name("vol").is_some() || c.name("pages").is_some());
    if let Some(y) = tail.as_ref().and_then(|c| c["year"].parse().ok()) {
        if p.date.is_none_or(|d| d.year != Some(y)) {
            p.date = Some(Date::year(y));
        }
        // "2015 Mar 14;385(9972)": the month printed after the year is kept
        let month = tail
            .as_ref()
            .and_then(|c| c.name("month"))
            .and_then(|m| date::parse_date(&format!("{} {y}", m.as_str())))
            .and_then(|d| d.month);
        if let (Some(m), Some(d)) = (month, p.date.as_mut()) {
            if d.month.is_none() {
                d.month = Some(m);
            }
        }
    }

    // patents
    if let Some(c) = PATENT_NO.captures(v) {
        let l = v.to_lowercase();
        if l.contains("patent") || v.trim_start().starts_with(&c[1]) {
            p.kind = PubKind::Patent;
            p.number = c[1].replace(' ', "");
            let start = c.get(1).map_or(0, |m| m.start());
            if !p.number.starts_with(|ch: char| ch.is_ascii_uppercase()) {
                if let Some(cc) = PATENT_COUNTRY.captures(&v[..start]) {
                    p.number = format!("{}{}", &cc[1], p.number);
                }
            }
            // the venue is what is printed up to the number ("U.S. Patent US11928446B2")
            let end = c.get(1).map_or(v.len(), |m| m.end());
            p.venue = venue::clean(&v[..end]);
            return;
        }
    }

    // AAS: "ApJL, 965, L21", "A&A, 684, A112": journal, volume, page or article id
    static AAS_VOL: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(
            r"^[A-Z][A-Za-z&. ]{0,40}, ([0-9]{1,5}), ([A-Z]?[0-9]{1,7})(?:,|\s+\(|\s*$)",
        )
        .unwrap()
    });
    let aas = AAS_VOL
        .captures(v.trim_start())
        .filter(|c| !is_year(&c[1]) && !is_year(&c[2]));
    if let Some(c) = &aas {
        p.volume = c[1].to_string();
        p.pages = c[2].to_string();
    } else if let Some(c) = VOLUME.captures(v) {
        p.volume = c[1].to_string();
        if let Some(n) = c.get(2) {
            p.number = n.as_str().to_string();
        }
    } else if let Some(c) = CHICAGO_VOL.captures(v) {
        p.volume = c[1].to_string();
        p.number = c[2].to_string();
    } else if let Some(c) = ACM_VOL.captures(v) {
        p.volume = c[1].to_string();
        p.number = c[2].to_string();
    } else if let Some(c) = VOL_NUM.captures_iter(v).find(|c| {
        // "2003–2021 (2007)" is pages and a year, not volume(number)
        let before = v[..c.get(0).map_or(0, |m| m.start())].chars().next_back();
        // "5(POPL)": an issue named after a conference, but "2020 (ICML)" is a year
        let named_issue = c[2].starts_with(|ch: char| ch.is_ascii_uppercase());
        // (but "288(1950)" printed tight is a volume and its issue)
        let tight = !c[0].contains(' ');
        let year_like =
            is_year(&c[2]) && !(tight && c[1].len() <= 3) || named_issue && c[1].len() > 3;
        !year_like && !matches!(before, Some('–' | '-' | '—'))
    }) {
        p.volume = c[1].to_string();
        p.number = c[2].to_string();
    } else if let Some(c) = &tail {
        if let Some(vol) = c.name("vol") {
            p.volume = vol.as_str().to_string();
            p.number = c.name("issue").map_or("", |m| m.as_str()).to_string();
        }
    } else if let Some(c) = ELSEVIER_VOL.captures(v) {
        p.volume = c[1].to_string();
    } else if let Some(c) = NATURE_VOL.captures_iter(v).find(|c| !is_year(&c[1])) {
        p.volume = c[1].to_string();
    } else if let Some(c) = YEAR_VOL.captures(v) {
        p.volume = c[1].to_string();
        p.number = c.get(2).map_or("", |m| m.as_str()).to_string();
    } else if let Some(c) = VOL_ONLY.captures_iter(v).find(|c| {
        // ("pp. 8:1–8:15" are LIPIcs article pages)
        let before = v[..c.get(1).map_or(0, |m| m.start())].trim_end();
        !is_year(&c[1]) && !before.ends_with("pp.") && !before.ends_with("p.")
    }) {
        p.volume = c[1].to_string();
    }
    // AMS: "156 (2020), no. 4, 781–812": the issue is marked, whatever matched the volume
    static ISSUE_NO: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"\([0-9]{4}\),\s+no\.\s*([0-9]{1,4}(?:[–-][0-9]{1,4})?),").unwrap()
    });
    if p.number.is_empty() && !p.volume.is_empty() {
        if let Some(c) = ISSUE_NO.captures(v) {
            p.number = c[1].to_string();
        }
    }
    if let Some(pages) = tail.as_ref().and_then(|c| c.name("pages")) {
        p.pages = expand_pages(&pages.as_str().replace(' ', ""));
    } else if let Some(c) = PAGES
        .captures_iter(v)
        .filter(|c| {
            // "2003–2021" is a page range after "pp.", a colon or a volume ("44, 2003–2021")
            let at = c.get(1).map_or(0, |m| m.start());
            let pre = v[..at].trim_end();
            // "TR-2025-47" is a report number, "no. 3-4" an issue
            let glued = v[..at].ends_with(|ch: char| ch == '-' || ch.is_alphanumeric());
            !glued
                && !v[..at].trim_end().ends_with("no.")
                && (!is_year_range(&c[1])
                    || pre.ends_with("pp.")
                    || pre.ends_with(':')
                    // (or after the year in brackets: "56 (2010) 1938–1954")
                    || (pre.ends_with(')')
                        && pre.len() >= 6
                        && pre.get(pre.len() - 5..pre.len() - 1).is_some_and(is_year))
                    // (or an issue: "56(11), 1938–1954")
                    || (pre.ends_with(',')
                        && pre[..pre.len() - 1].ends_with(|ch: char| ch.is_ascii_digit() || ch == ')')))
        })
        // "; 2023 Feb 7-14; Washington, DC. p. 1-9": a range marked as pages wins
        .reduce(|first, c| {
            let marked = |c: &regex::Captures| c[0].starts_with('p') || c[0].starts_with("pages");
            if !marked(&first) && marked(&c) {
                c
            } else {
                first
            }
        })
    {
        p.pages = expand_pages(&c[1].replace(' ', ""));
    }
    // one page or an article number after the volume: "312:118745", "12, 1021",
    // "288(1950), 20210321", "92, 2 (2015), 022318" (ACM)
    if p.pages.is_empty() && !p.volume.is_empty() {
        static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
            crate::lex::pattern(r"(?-u:\b)([0-9]{1,4})(?:\s*\([A-Za-z0-9_–-]{1,12}\)|(?:,\s*[0-9]{1,4})?,?\s*\((?:[A-Za-z]{3,5}\.?\s+)?(?:19|20)[0-9]{2}\))?[:,]\s*(?:pp?\.\s*|[Aa]rticle\s+(?:[Nn]o\.\s*)?)?([A-Za-z]{0,4}[0-9]{1,9})(?-u:\b)(\s*[–—-]\s*[0-9])?").unwrap()
        });
        // tried where the volume is printed ("Energies 2019, 12, 1021": not at the year)
        if let Some(c) = v
            .match_indices(p.volume.as_str())
            .filter_map(|(i, _)| {
                ARTICLE
                    .captures_at(v, i)
                    .filter(|c| c.get(0).is_some_and(|m| m.start() == i))
            })
            .find(|c| c[1] == p.volume && c.get(3).is_none() && !is_year(&c[2]) && c[2] != p.number)
        {
            p.pages = c[2].to_string();
        }
    }
    // an article number after the volume and year: "Physical Review A 92 (2015) 022318"
    if p.pages.is_empty() {
        static AFTER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
            crate::lex::pattern(
                r"[0-9]\s\((?:19|20)[0-9]{2}\)\s+([A-Za-z]{0,3}[0-9]{1,9}[A-Za-z]{0,3})(?-u:\b)",
            )
            .unwrap()
        });
        if let Some(c) = AFTER_YEAR.captures(v) {
            p.pages = c[1].to_string();
        }
    }
    // one page or article number marked "p." (Harvard, MLA): "p. e068011"
    if p.pages.is_empty() {
        static ONE_PAGE: LazyLock<Regex> = LazyLock::new(|| {
            crate::lex::pattern(r"(?-u:\b)p\.\s*([A-Za-z]{0,3}[0-9]{1,9}[A-Za-z]{0,3})(?-u:\b)")
                .unwrap()
        });
        if let Some(c) = ONE_PAGE.captures(v) {
            p.pages = c[1].to_string();
        }
    }
    // venue: the first segment, without fields
    let mut seg = first_segment(v);
    // "CVPR, Oral": a remark after the venue name is a note (read below), not the venue
    if let Some(i) = venue::remark_cut(&seg) {
        seg.truncate(i);
    }
    let (seg, mut remarks) = venue::split_paren_remarks(&seg);
    p.notes.append(&mut remarks);
    // remarks printed after the venue ("..., 2024, ACM SIGSOFT Distinguished Paper Award")
    for extra in crate::lex::split_top_level(v, &[',', '.']).iter().skip(1) {
        if venue::is_remark(extra) && !seg.contains(extra.as_str()) {
            let e = extra.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace());
            if !venue::RANK_TEXT.is_match(e) {
                p.notes.push(e.to_string());
            }
        }
    }
    let mut venue_text = venue::clean(&seg);
    // a trailing ", 2018" or " 2018" of the venue is the year, not the venue
    venue_text = strip_trailing_date(&venue_text);
    // the venue's own words decide; the rest of the venue part only when they say nothing
    let k = venue::classify(&venue_text);
    p.kind = if k != PubKind::Conference {
        k
    } else {
        // (an arXiv identifier after a journal, "ApJL, 965, L21 · arXiv:2403.11029", is
        // the paper's eprint, not what it is)
        let rest = if p.volume.is_empty() {
            std::borrow::Cow::Borrowed(v)
        } else {
            crate::lex::ids::without_arxiv(v)
        };
        venue::classify(&format!("{venue_text} {rest}"))
    };
    // (edited proceedings of a meeting stay conference papers)
    let meeting =
        MEETING.is_match(&venue_text) || venue_text.to_lowercase().contains("proceedings");
    if edited
        && p.volume.is_empty()
        && p.kind != PubKind::Workshop
        && !meeting
        && !venue::is_known_meeting(&venue_text)
    {
        // a chapter in an edited collection
        p.kind = PubKind::Chapter;
    }
    // "In: Advances in X. LNCS, vol. 1234": a proceedings volume, not a journal
    let lead_in = v.starts_with("In ") || v.starts_with("In:") || v.starts_with("in ");
    // (but "In Proceedings of the ACM on Human-Computer Interaction 5, CSCW2" is a journal)
    if lead_in
        && p.kind == PubKind::Journal
        && !venue_text.to_lowercase().contains("journal")
        && venue::journal_proceedings_len(&venue_text).is_none()
    {
        p.kind = PubKind::Conference;
    }
    // (a numbered proceedings series of a known meeting stays a conference paper:
    // "Advances in Neural Information Processing Systems 33, 11205-11216")
    // ("Lecture Notes in Computer Science, 12224": a proceedings series)
    // ("Proceedings of the 31st International Conference …, LIPIcs, vol. 159": named so)
    let meeting_named = {
        let l = venue_text.to_lowercase();
        [
            "lecture notes",
            "proceedings",
            "conference",
            "symposium",
            "workshop",
        ]
        .iter()
        .any(|w| l.contains(w))
    };
    if (p.kind == PubKind::Conference || p.kind == PubKind::Misc)
        && !p.volume.is_empty()
        && !lead_in
        && !venue::is_known_meeting(&venue_text)
        && !meeting_named
    {
        p.kind = PubKind::Journal;
    }
    if matches!(p.kind, PubKind::Conference | PubKind::Misc) {
        if let Some(n) = lead.report_no {
            p.kind = PubKind::TechReport;
            p.number = n;
        } else if lead.book {
            p.kind = PubKind::Book;
        }
    }
    p.publisher = publisher(v, &venue_text);
    if p.publisher.is_empty() && matches!(p.kind, PubKind::Book) {
        p.publisher = venue_text.clone();
    }
    if let Some(r) = revision {
        p.kind = PubKind::Preprint;
        p.notes.push(if venue_text.is_empty() {
            r
        } else {
            format!("{r}, {venue_text}")
        });
        p.publisher.clear();
        venue_text.clear();
    }
    p.venue = venue_text;
    if let Some(pages) = pages_first {
        p.pages = pages;
    }
}

/// "2003–21" → "2003–2021", "1120-8" → "1120-1128": Vancouver prints only the digits of
/// the last page that differ.
fn expand_pages(p: &str) -> String {
    // "e1012–21" → "e1012–e1021": the article-number prefix goes on both ends
    if let Some(rest) = p.strip_prefix(['e', 'E', 'S']) {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let bare: String = rest
                .chars()
                .filter(|c| !matches!(c, 'e' | 'E' | 'S'))
                .collect();
            let full = expand_pages(&bare);
            let end = full
                .char_indices()
                .rfind(|(_, c)| !c.is_ascii_digit())
                .map_or(0, |(k, c)| k + c.len_utf8());
            if end == 0 {
                return p.to_string();
            }
            let prefix = &p[..1];
            return format!("{prefix}{}{prefix}{}", &full[..end], &full[end..]);
        }
    }
    let Some(i) = p.find(|c: char| !c.is_ascii_digit()) else {
        return p.to_string();
    };
    let (start, rest) = p.split_at(i);
    let Some(j) = rest.find(|c: char| c.is_ascii_digit()) else {
        return p.to_string();
    };
    let (dash, end) = rest.split_at(j);
    if end.is_empty() || !end.chars().all(|c| c.is_ascii_digit()) || end.len() >= start.len() {
        return p.to_string();
    }
    let full = format!("{}{end}", &start[..start.len() - end.len()]);
    if full.parse::<u64>().ok() > start.parse::<u64>().ok() {
        format!("{start}{dash}{full}")
    } else {
        p.to_string()
    }
}

fn is_year(s: &str) -> bool {
    s.len() == 4
        && (s.starts_with("19") || s.starts_with("20"))
        && s.chars().all(|c| c.is_ascii_digit())
}

fn is_year_range(s: &str) -> bool {
    let d: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|x| !x.is_empty())
        .collect();
    d.len() == 2
        && d.iter()
            .all(|x| x.len() == 4 && (x.starts_with("19") || x.starts_with("20")))
}

/// The venue segment: up to the first field-like token (volume, pages, year, publisher).
fn first_segment(v: &str) -> String {
    static CUT: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)\s[0-9]{1,4},?\s+no\.\s*[0-9]|,?\s*(?-u:\b)(?:vol\.|volume(?-u:\b)|no\.|(?-i:n)\.\s*[0-9]|pp?\.\s*[0-9]|pages(?-u:\b))|\.\s+[0-9]{1,4},\s*[0-9]|\s[0-9]{1,4}\s*\([0-9]|\s[0-9]{1,3}\s*\([A-Z]{3,8}[0-9]?\)|\s[0-9]{1,4},\s*(?:[0-9]{1,4}|[A-Z]{3,8}[0-9]?)(?:,\s*[Aa]rticle\s+[0-9]{1,6})?\s+\(|\s[0-9]{1,4}:\s*[0-9]|,\s*[0-9]{1,4},|\s[0-9]{1,4},\s*[A-Za-z]{1,4}[0-9]{3,}\s*\(|\s(?:19|20)[0-9]{2},\s*[0-9]{1,4}(?:\s*\([0-9]{1,4}\))?,\s*[A-Za-z]?[0-9]|\s[0-9]{1,4},\s*[0-9]+\s*(?:–|-)\s*[0-9]+|\.\s+pp(?-u:\b)|\.\s+(?:Springer|ACM|IEEE|MIT Press|Cambridge|Elsevier)[\x20-\x2D\x2F-\x7E\u{A0}-\u{17F}]{0,40}\((?:19|20)[0-9]{2}\)|\(\s*(?:19|20)[0-9]{2}\s*\)|,\s*(?:19|20)[0-9]{2}(?-u:\b)|\s\((?:[A-Z][A-Za-z]{2}\.?\s+)?(?:19|20)[0-9]{2}\)|\s\([^()]*,\s*(?:19|20)[0-9]{2}\)|\s[0-9]+\s*(?:–|—|−|-)\s*[0-9]+(?-u:\b)|\s\(pp?\.|\.\s+(?:19|20)[0-9]{2}(?-u:\b)|;\s*[0-9]").unwrap()
    });
    let v = v.trim();
    // a venue printed only as "(Publisher, Place, 2013)" (Nature books and theses)
    let v = match v.strip_prefix('(') {
        Some(inner) => inner.split(',').next().unwrap_or(inner),
        None => v,
    };
    // a journal named "Proc. of the VLDB Endowment" is not cut at its abbreviations
    // (its closing abbreviation period may still end the segment: "Proc. VLDB Endow. 17, 2")
    let keep = venue::journal_proceedings_len(v)
        .and_then(|n| v.get(..n))
        .map_or(0, |name| name.trim_end_matches('.').len());
    let cut = CUT
        .find_iter(v)
        .map(|m| m.start())
        .find(|&c| c >= keep)
        .unwrap_or(v.len());
    let seg = &v[..cut];
    // a following sentence is not the venue ("Cambridge University Press. 302–322")
    // (abbreviations such as "Proc." or "Int." do not end it)
    let mut seg = seg;
    let mut from = keep.min(seg.len());
    while let Some(i) = seg.get(from..).and_then(|s| s.find(". ")).map(|i| i + from) {
        let word = seg[..i].rsplit(' ').next().unwrap_or("");
        // "Proc. IEEE Conf. Comput. Vis.": abbreviated words followed by a capital
        static ORDINAL: LazyLock<Regex> =
            LazyLock::new(|| crate::lex::pattern(r"^[0-9]{1,3}(?:st|nd|rd|th)(?-u:\b)").unwrap());
        let next = &seg[i + 2..];
        // "Proc. of the …", "Trans. on …": a meeting or journal abbreviation before "of"
        let connector = matches!(word, "Proc" | "Trans" | "Conf" | "Symp" | "Adv")
            && ["of ", "on ", "the "].iter().any(|c| next.starts_with(c));
        let next_cap = next.starts_with(|c: char| c.is_uppercase() || c == '(')
            || ORDINAL.is_match(next)
            || connector;
        let abbrev = word.chars().count() <= 8
            && next_cap
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && !matches!(word, "Press" | "Research" | "Report")
            // "Foundations of Data Science. CRC Press": a publisher opens a new sentence
            && !is_publisher(next.split(['.', ';', '(']).next().unwrap_or(next))
            && !(full_word(word) && is_publisher_sentence(next));
        if abbrev {
            from = i + 2;
            continue;
        }
        seg = &seg[..i];
        break;
    }
    // "Proc. 27th ACM Symposium …": the abbreviation is not part of the venue's name
    static PROC: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"^(?:[Ii]n\s+)?Proc\.\s+(?:of\s+(?:the\s+)?)?(?:[Ii]n\s+)?").unwrap()
    });
    let seg = seg.trim();
    // (only before a meeting, or after "in": "Proc. VLDB Endow." and "Proc. Natl. Acad.
    // Sci." are journals, "in Proc. IEEE INFOCOM" a meeting)
    let seg = match PROC.find(seg) {
        Some(m) if MEETING.is_match(&seg[m.end()..]) || seg.starts_with(['i', 'I']) => {
            &seg[m.end()..]
        }
        _ => seg,
    };
    // "Book Title, MIT Press" (Vancouver, IEEE books): the publisher is not the venue
    let seg = match seg
        .match_indices(", ")
        .find(|(i, _)| is_publisher(&seg[i + 2..]))
    {
        Some((i, _)) => &seg[..i],
        None => seg,
    };
    let seg = strip_place(seg.trim().trim_end_matches(['(', ',', ' ']));
    let seg = strip_city(&seg);
    // "(2022)." alone leaves no venue
    if seg.chars().any(char::is_alphabetic) {
        seg
    } else {
        String::new()
    }
}

/// "Proc. Epidemics 7 Conference, Charleston, SC" → "Proc. Epidemics 7 Conference": a
/// city and a state or country (grammars/places.tsv) closing the venue.
fn strip_city(seg: &str) -> String {
    use crate::tables::PLACES;
    let mut parts: Vec<&str> = seg.split(", ").collect();
    // "…, Paris, France, May 2024" / "…, NY, Sep": the meeting's date after its place
    static MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)^(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+[0-9]{1,2}(?:[–-][0-9]{1,2})?)?(?:\s+(?:19|20)[0-9]{2})?|(?:19|20)[0-9]{2})$").unwrap()
    });
    let mut dated = false;
    while parts.len() > 2 && parts.last().is_some_and(|p| MONTH_DATE.is_match(p.trim())) {
        parts.pop();
        dated = true;
    }
    let seg = &parts.join(", ");
    let mut n = parts.len();
    let place = |s: &str| PLACES.contains_key(s.trim_end_matches('.'));
    if n >= 2 && place(parts[n - 1]) && dated && n < 3 {
        // "in Proc. IEEE GLOBECOM, Singapore, Dec. 2017": a date after it marks the place
        return parts[0].to_string();
    }
    if n < 3 || !place(parts[n - 1]) {
        return seg.to_string();
    }
    n -= 1;
    // "Charleston, SC, USA": a state before the country
    if n >= 3 && PLACES.get(parts[n - 1]).is_some_and(|k| *k == "state") {
        n -= 1;
    }
    let city = parts[n - 1];
    let city_like = (1..=3).contains(&city.split_whitespace().count())
        && city
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) && !w.chars().any(|c| c.is_ascii_digit()))
        && !MEETING.is_match(city);
    let head = parts[..n - 1].join(", ");
    // "University of California, Berkeley, CA": a campus is part of a university's name
    if city_like && !is_institution(&head) {
        head
    } else {
        seg.to_string()
    }
}

/// "Proc. CVPR (CVPR), Las Vegas, NV, USA, Jun" → "Proc. CVPR (CVPR)": the place and
/// month printed after a venue's closing parenthesis.
fn strip_place(seg: &str) -> String {
    let Some(close) = seg.rfind(')') else {
        return seg.to_string();
    };
    let tail = &seg[close + 1..];
    let Some(tail) = tail.strip_prefix(',') else {
        return seg.to_string();
    };
    let place_like = tail.split(',').all(|part| {
        let w: Vec<&str> = part.split_whitespace().collect();
        !w.is_empty()
            && w.len() <= 3
            && w.iter().all(|x| {
                x.starts_with(char::is_uppercase) && !x.chars().any(|c| c.is_ascii_digit())
            })
    });
    if place_like {
        seg[..close + 1].to_string()
    } else {
        seg.to_string()
    }
}

fn strip_trailing_date(v: &str) -> String {
    static T: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(&format!(
            r"(?i)(?:,\s*|\s+)(?:{MONTH_WORD}\s+)?(?:19|20)[0-9]{{2}}\s*$",
            MONTH_WORD = crate::lex::date::MONTH_WORD
        ))
        .unwrap()
    });
    // keep a year inside the venue's own name when it is all there is ("ISCA 2025" stays)
    let t = T.replace(v, "").trim().to_string();
    if t.is_empty() || !v.contains(',') && t.split_whitespace().count() <= 1 {
        v.to_string()
    } else {
        t
    }
}

/// Publisher printed after the venue: "(ACM, 2007)", ". Springer (2020)", "Cham: X, 2013".
static PUB: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?-u:\b)((?:Springer(?:\s+[A-Z][a-z]+)*|ACM|IEEE(?: Computer Society)?|MIT Press|Cambridge University Press|Oxford University Press|Elsevier|O[’']Reilly Media|CRC Press|Curran Associates, Inc\.|USENIX Association|PMLR|Wiley|AAAI Press|Morgan Kaufmann))").unwrap()
});

/// "ACM.", "IEEE, pp. 1–9" with nothing but punctuation or fields after: a publisher
/// sentence, not the rest of a venue name.
fn is_publisher_sentence(s: &str) -> bool {
    PUB.find(s).is_some_and(|m| {
        m.start() == 0
            && s[m.end()..]
                .trim_start()
                .chars()
                .next()
                .is_none_or(|c| matches!(c, '.' | ',' | ';' | '('))
    })
}

/// "Systems", "Computing", "Science": a word printed in full, so a period after it ends
/// a sentence ("Commun.", "Comput.", "Trans." are abbreviations).
fn full_word(w: &str) -> bool {
    w.chars().count() >= 5
        && ["ing", "es", "ems", "e", "y", "ics", "ion", "ions"]
            .iter()
            .any(|e| w.ends_with(e))
}

fn publisher(v: &str, venue_text: &str) -> String {
    let known = PUB
        .find_iter(v)
        .map(|m| m.as_str())
        .find(|m| !venue_text.contains(m))
        .unwrap_or("")
        .trim_end_matches('.');
    if !known.is_empty() {
        return known.to_string();
    }
    // "…, 211–38. Cheltenham: Edward Elgar." (Chicago, APA chapters): the imprint closing
    // the reference names the publisher
    let last = v
        .trim_end()
        .trim_end_matches('.')
        .rsplit(". ")
        .next()
        .unwrap_or("");
    match place_colon_end(last) {
        Some(end) => {
            let name = last[end..].trim();
            let plausible = name.starts_with(char::is_uppercase)
                && (1..=6).contains(&name.split_whitespace().count())
                && !name.contains(|c: char| c.is_ascii_digit())
                && !venue_text.contains(name);
            if plausible {
                name.to_string()
            } else {
                String::new()
            }
        }
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_reference;

    #[test]
    fn apa_spaced_ellipsis_and_bracketed_manuscript() {
        let p = parse_reference("Roe, J., Quinn, M., . . . Zhou, Q. (2023). A multi-site replication of peer influence. Advances in Methods, 6(4), 1–9.").unwrap();
        assert_eq!(p.title, "A multi-site replication of peer influence");
        assert!(p.authors.et_al);
        let p = parse_reference("Roe, J., & Doe, A. (2025). Is it the likes or the comments? Differential effects of peer feedback on mood [Manuscript submitted for publication].").unwrap();
        assert_eq!(
            p.title,
            "Is it the likes or the comments? Differential effects of peer feedback on mood"
        );
        assert_eq!(p.notes, ["Manuscript submitted for publication"]);
    }

    #[test]
    fn nature_style_with_a_two_word_family_name_first() {
        let p = parse_reference("Ní Bhriain, S.*, Okonjo, T. & Walsh, P. J. Circadian gating of lateral roots. *Nat. Plants* **10**, 1187–1199 (2024).").unwrap();
        assert_eq!(p.title, "Circadian gating of lateral roots");
        assert_eq!(p.authors.people.len(), 3);
        assert_eq!(p.authors.people[0].family, "Ní Bhriain");
        assert_eq!(p.authors.people[2].family, "Walsh");
    }

    #[test]
    fn chicago_newspaper_day_is_no_part_of_the_outlet() {
        let p = parse_reference("Roe, Jane. 2022. “What Landlords Learn from Eviction Court.” The Conversation, March 3. https://theconversation.com/x-178204.").unwrap();
        assert_eq!(p.venue, "The Conversation");
        assert!(p.volume.is_empty());
    }

    #[test]
    fn chicago_rule_authors_reviews_and_particle_families() {
        let p = parse_reference("———. Il tribunale e la piazza (1550–1620). Rome: Viella, 2019.")
            .unwrap();
        assert_eq!(p.authors.people[0].family, "———");
        assert_eq!(p.title, "Il tribunale e la piazza (1550–1620)");
        assert_eq!(p.venue, "Viella");
        let p = parse_reference(
            "Review of La Serenissima e i suoi sudditi, by Lorenzo Pagan. Studi veneziani 82 (2021): 402–4.",
        )
        .unwrap();
        assert_eq!(
            p.title,
            "Review of La Serenissima e i suoi sudditi, by Lorenzo Pagan"
        );
        assert_eq!(p.venue, "Studi veneziani");
        let p = parse_reference("Della Rocca, Giulia, and Marco Bellandi. “Il registro.” Studi veneziani 76 (2018): 145–78.").unwrap();
        let fams: Vec<_> = p.authors.people.iter().map(|a| a.family.as_str()).collect();
        assert_eq!(fams, ["Della Rocca", "Bellandi"]);
    }

    #[test]
    fn vancouver_thesis_school_without_place_and_year() {
        for r in [
            "Roe S. A study of households [dissertation]. London: London School of Hygiene & Tropical Medicine; 2020.",
            "Roe S. *A study of households*. Dissertation. London School of Hygiene & Tropical Medicine; 2020. doi:10.17037/PUBS.04658211",
        ] {
            let p = parse_reference(r).unwrap();
            assert_eq!(p.kind, PubKind::Thesis);
            assert_eq!(p.venue, "London School of Hygiene & Tropical Medicine", "{r}");
        }
    }

    #[test]
    fn apa_question_title_with_a_subtitle() {
        let p = parse_reference("Okafor, C. N., & Roe, J. (2021). Who gets credit for ideas? Gender, voice, and endorsement in work groups. Personnel Psychology, 74(4), 701–728.").unwrap();
        assert_eq!(
            p.title,
            "Who gets credit for ideas? Gender, voice, and endorsement in work groups"
        );
        assert_eq!(p.venue, "Personnel Psychology");
    }

    #[test]
    fn nature_style_long_abbreviations_preprints_and_theses() {
        let p = parse_reference("Persson, E. & Nilsson, A. Heat stress thresholds for Scots pine. *Agric. For. Meteorol.* **301–302**, 108345 (2021).").unwrap();
        assert_eq!(p.venue, "Agric. For. Meteorol.");
        let p = parse_reference("Roe, J. & Doe, A. Reanalysis products underestimate compound events. Preprint at https://arxiv.org/abs/2403.11872 (2024).").unwrap();
        assert_eq!(p.venue, "Preprint");
        let p = parse_reference(
            "Roe, J. Land–atmosphere feedbacks during hot droughts. PhD thesis, Stockholm Univ. (2020).",
        )
        .unwrap();
        assert_eq!(p.venue, "Stockholm Univ.");
    }

    #[test]
    fn ams_and_aas_references() {
        let p = parse_reference("N. Bérard, L.-M. d'Aubigny, and K. Wójcik, The Green function on hyperbolic groups, Comment. Math. Helv. 98 (2023), no. 2, 311–359.").unwrap();
        assert_eq!(names(&p), ["Bérard", "d'Aubigny", "Wójcik"]);
        assert_eq!(p.title, "The Green function on hyperbolic groups");
        assert_eq!(
            (p.kind, p.venue.as_str()),
            (PubKind::Journal, "Comment. Math. Helv.")
        );
        let p = parse_reference("A. Roe, Critical percolation on Cayley graphs, Ann. Inst. Henri Poincaré Probab. Stat., to appear.").unwrap();
        assert_eq!(p.title, "Critical percolation on Cayley graphs");
        assert_eq!(p.kind, PubKind::Journal);
        let p = parse_reference("A. Roe and B. Doe, Exact simulation of walks, Proceedings of the 31st International Conference on Algorithms (AofA 2020), LIPIcs, vol. 159, 2020, pp. 8:1–8:15.").unwrap();
        assert_eq!(
            (p.kind, p.pages.as_str()),
            (PubKind::Conference, "8:1–8:15")
        );
        let p = parse_reference("Roe, J., Doe, A., & van Houten, M. 2024, The mid-infrared size–mass relation, ApJL, 965, L21").unwrap();
        assert_eq!(p.title, "The mid-infrared size–mass relation");
        assert_eq!(
            (p.venue.as_str(), p.volume.as_str(), p.pages.as_str()),
            ("ApJL", "965", "L21")
        );
    }

    #[test]
    fn acm_titles_with_questions_and_quotations_and_article_numbers() {
        let p = parse_reference("Jordan K. Whitfield and Meredith Ross. 2022. Accessible by Default? Screen Reader Users' Experiences in Hybrid Meetings. In Proceedings of the 2022 CHI Conference on Human Factors in Computing Systems (CHI '22). ACM, New York, NY, USA, 15 pages.").unwrap();
        assert_eq!(
            p.title,
            "Accessible by Default? Screen Reader Users' Experiences in Hybrid Meetings"
        );
        assert_eq!(
            p.venue,
            "2022 CHI Conference on Human Factors in Computing Systems (CHI '22)"
        );
        let p = parse_reference("Priya Ramanathan and Aisha Mbeki. 2023. \"It Remembers So I Don't Have To\": Older Adults' Mental Models of Voice Reminders. In Proceedings of ASSETS '23. ACM, 14 pages.").unwrap();
        assert_eq!(
            p.title,
            "\"It Remembers So I Don't Have To\": Older Adults' Mental Models of Voice Reminders"
        );
        let p = parse_reference("Ana Silva and Bo Chen. 2021. Care Work, Rewired. In Proceedings of the ACM on Human-Computer Interaction 5, CSCW2, Article 412 (October 2021), 24 pages.").unwrap();
        assert_eq!(
            (p.kind, p.venue.as_str()),
            (
                PubKind::Journal,
                "Proceedings of the ACM on Human-Computer Interaction"
            )
        );
        assert_eq!((p.volume.as_str(), p.number.as_str()), ("5", "CSCW2"));
        assert_eq!(p.date, Some(Date::ym(2021, 10)));
        let p = parse_reference("Ana Silva and Bo Chen. 2020. Learning to Rank Without Labels. Commun. ACM 63, 5 (May 2020), 44–52.").unwrap();
        assert_eq!((p.venue.as_str(), p.number.as_str()), ("Commun. ACM", "5"));
    }
    use super::*;

    #[test]
    fn chicago_volumes_meeting_places_and_abbreviated_journals() {
        let p = parse_reference("Smith, John. “Title of the Article.” Journal of Modern History 92, no. 3 (September 2020): 455–89.").unwrap();
        assert_eq!(
            (p.venue.as_str(), p.volume.as_str(), p.number.as_str()),
            ("Journal of Modern History", "92", "3")
        );
        let p = parse_reference("M. Chen and D. Roe, “Q-CSMA revisited,” in Proc. IEEE ICC, Paris, France, May 2017, pp. 1–6.").unwrap();
        assert_eq!(p.venue, "IEEE ICC");
        let p = parse_reference("Brunner, L. M.; Keller, M. Peptide-Catalyzed Bromination. Org. Lett. 2017, 19, 3340–3343.").unwrap();
        assert_eq!(p.venue, "Org. Lett.");
        let p = parse_reference(
            "Roe, Jane A., and Anna Doe, eds. Merchants at the Margins. Leiden: Brill, 2021.",
        )
        .unwrap();
        assert_eq!(
            (p.title.as_str(), p.kind),
            ("Merchants at the Margins", PubKind::Book)
        );
        let p = parse_reference(
            "Salt and Sovereignty: The Salt Office. Ithaca, NY: Cornell University Press, 2019.",
        )
        .unwrap();
        assert!(p.authors.people.is_empty());
        let p = parse_reference("Roe, J. (2021, April 14). Eye movements [Poster presentation]. UT Research Forum, Austin, TX.").unwrap();
        assert_eq!(
            (p.title.as_str(), p.notes.as_slice()),
            ("Eye movements", &["Poster presentation".to_string()][..])
        );
    }

    #[test]
    fn apa_brackets_editions_and_in_press() {
        let t = parse_reference("Roe, M. (2016). *Growing up in two languages* [Doctoral dissertation, Utrecht University]. Utrecht University Repository. https://dspace.library.uu.nl/handle/1874/338765").unwrap();
        assert_eq!(
            (t.kind, t.venue.as_str()),
            (PubKind::Thesis, "Utrecht University")
        );
        let m = parse_reference("Kessels, L. M., & Roe, M. (2025). *Does bedtime routine consistency matter?* [Manuscript submitted for publication]. Department of Psychology, Utrecht University.").unwrap();
        assert!(m.venue.is_empty());
        let c = parse_reference("Roe, M., & Hoekstra, R. A. (2023). Self-regulation in the early years. In J. Koster & P. Leseman (Eds.), *Handbook of early childhood development* (2nd ed., pp. 211–236). Amsterdam University Press.").unwrap();
        assert_eq!(
            (c.kind, c.venue.as_str()),
            (PubKind::Chapter, "Handbook of early childhood development")
        );
        let j = parse_reference("Roe, M., & Bakker, S. J. (in press). Teacher–child closeness and emotion regulation. *Child Development*.").unwrap();
        assert_eq!(j.kind, PubKind::Journal);
    }

    #[test]
    fn lettered_numbers_and_preprint_servers() {
        let p = parse_reference(
            "P2. Albuquerque, M. C.; Weber, J. Fluorogenic tetrazine pairs for imaging. ChemRxiv 2024, DOI: 10.26434/chemrxiv-2024-7h2kq.",
        )
        .unwrap();
        assert_eq!(p.authors.people.len(), 2);
        assert_eq!(p.kind, PubKind::Preprint);
        assert_eq!(p.venue, "ChemRxiv");
    }

    #[test]
    fn year_label_is_no_part_of_the_reference() {
        let p =
            parse_reference("2019\tRoe, J.; Doe, A. A Title of Note. J. Chem. 12, 3–4.").unwrap();
        assert_eq!(p.title, "A Title of Note");
        assert_eq!(p.date.and_then(|d| d.year), Some(2019));
        assert_eq!(strip_year_label("2019 Census data").0, None);
    }

    fn names(p: &Publication) -> Vec<String> {
        p.authors.people.iter().map(|a| a.family.clone()).collect()
    }

    #[test]
    fn coauthors_beside_the_title() {
        let p = parse_reference("\"Credit Cycles and Firm Dynamics\" (with Ana Souza and Pedro Lima). American Economic Review, 2023, 113(4): 1021–1062.").unwrap();
        assert_eq!(p.title, "Credit Cycles and Firm Dynamics");
        assert_eq!(p.venue, "American Economic Review");
        assert_eq!(names(&p), ["Souza", "Lima"]);
        assert!(p.owner_first);
        // a bracketed remark that is not a co-author list stays
        let p =
            parse_reference("A. Roe, \"Sparse models,\" in Proc. ICML, 2020 (with code).").unwrap();
        assert!(!p.owner_first);
    }

    #[test]
    fn imprint_after_a_chapter_is_the_publisher() {
        let p = parse_reference("Fischer, Anna. 2022. \"Carbon Pricing and Household Energy Poverty.\" In *Handbook of Climate Economics*, edited by Maria Rossi and Paul Grant, 211–38. Cheltenham: Edward Elgar.").unwrap();
        assert_eq!(p.publisher, "Edward Elgar");
        assert_eq!(p.venue, "Handbook of Climate Economics");
    }

    #[test]
    fn vancouver_month_after_year() {
        let p = parse_reference(
            "Smith J, Doe A. Household contact tracing. Lancet. 2015 Mar 14;385(9972):1000-10.",
        )
        .unwrap();
        assert_eq!(p.date, Some(Date::ymd(2015, 3, 14)));
        assert_eq!(p.volume, "385");
        assert_eq!(p.pages, "1000-1010");
    }

    #[test]
    fn imprint_place_before_colon() {
        assert_eq!(place_colon_end("New York: Wiley"), Some(10));
        assert_eq!(place_colon_end("Cambridge, MA:  MIT Press"), Some(16));
        assert_eq!(place_colon_end("Berlin, Heidelberg: Springer"), Some(20));
        assert_eq!(place_colon_end("Zürich: vdf"), Some(9));
        // three parts after the place, a lower-case start, no space after the colon
        assert_eq!(place_colon_end("A, Bb, Cc, Dd: x"), None);
        assert_eq!(place_colon_end("new York: Wiley"), None);
        assert_eq!(place_colon_end("New York:Wiley"), None);
        // a place longer than 31 characters is a title, not an imprint
        assert_eq!(
            place_colon_end("Learning Representations For Vision: A Survey"),
            None
        );
    }

    #[test]
    fn ieee() {
        let p = parse_reference("[1] A. B. Smith, C. Jones, and D. White, “A study of things,” in Proc. ICML, 2020, pp. 1–10.").unwrap();
        assert_eq!(p.title, "A study of things");
        assert_eq!(names(&p), ["Smith", "Jones", "White"]);
        // "in Proc." is IEEE's "In Proceedings of": not part of the venue's name
        assert_eq!(p.venue, "ICML");
        assert_eq!(p.pages, "1–10");
        assert_eq!(p.date, Some(Date::year(2020)));
        assert_eq!(p.kind, PubKind::Conference);
    }

    #[test]
    fn books_and_reports_by_their_imprint() {
        let b = parse_reference("[24] Tanaka H. Algorithms for sparse linear systems. Cambridge, UK: Cambridge University Press; 2020.").unwrap();
        assert_eq!(
            (b.kind, b.venue.as_str()),
            (PubKind::Book, "Cambridge University Press")
        );
        let e = parse_reference("Grant, E. and Whitmore, H. (2013) Population ecology: Models and field methods. 2nd edn. Oxford: Oxford University Press.").unwrap();
        assert_eq!(e.kind, PubKind::Book);
        let t = parse_reference("[23] E. Grant and H. Whitmore, Population ecology: Models and field methods, 2nd ed. Oxford: Oxford University Press, 2013.").unwrap();
        assert_eq!(
            (t.kind, t.title.as_str()),
            (
                PubKind::Book,
                "Population ecology: Models and field methods"
            )
        );
        let r = parse_reference("Gallagher, C. and Weber, T. (2012) Guidelines for evaluating biometric matchers. NISTIR 7890. National Institute of Standards and Technology.").unwrap();
        assert_eq!(
            (r.kind, r.number.as_str()),
            (PubKind::TechReport, "NISTIR 7890")
        );
        assert_eq!(r.venue, "National Institute of Standards and Technology");
        let a = parse_reference("Whitaker, J., & Rossi, F. (2019). Benchmarking question answering systems on legal documents (AI2-TR-2019-04). Allen Institute for AI.").unwrap();
        assert_eq!(
            (a.kind, a.number.as_str()),
            (PubKind::TechReport, "AI2-TR-2019-04")
        );
        assert_eq!(
            a.title,
            "Benchmarking question answering systems on legal documents"
        );
        assert!(is_report_code("CMU-CS-19-101") && !is_report_code("ICLR 2024"));
        assert!(!is_report_code("COVID-19"));
    }

    #[test]
    fn subtitles_after_questions_and_bare_arxiv_links() {
        let p = parse_reference("Baker, S., Cho, D., & Ramos, I. (2010). Who reads privacy policies? A field experiment. Management Science, 56(11), 1938–1954.").unwrap();
        assert_eq!(p.title, "Who reads privacy policies? A field experiment");
        assert_eq!(
            (p.venue.as_str(), p.pages.as_str()),
            ("Management Science", "1938–1954")
        );
        let q = parse_reference(
            "Smith, J. 2020. Is it enough? Nature Machine Intelligence. 3, 12 (2021), 1–9.",
        )
        .unwrap();
        assert_eq!(
            (q.title.as_str(), q.venue.as_str()),
            ("Is it enough?", "Nature Machine Intelligence")
        );
        let a = parse_reference("[6] Beatriz Costa and Kofi Mensah. 2023. On the robustness of watermarks for generated text. Retrieved from https://arxiv.org/abs/2310.11223").unwrap();
        assert_eq!((a.kind, a.venue.as_str()), (PubKind::Preprint, ""));
        let r = parse_reference("[10] Gallagher, C. and Weber, T. 2012. Guidelines for evaluating biometric matchers. Technical Report #NISTIR 7890. National Institute of Standards and Technology.").unwrap();
        assert_eq!(
            (r.number.as_str(), r.venue.as_str()),
            (
                "NISTIR 7890",
                "National Institute of Standards and Technology"
            )
        );
        let e = parse_reference("Novak, Petr. “Bayesian Methods.” Handbook of Statistical Ecology, edited by Eleanor Grant and Kenji Ito, Springer, 2017, pp. 145–72.").unwrap();
        let eds: Vec<&str> = e.editors.people.iter().map(|x| x.family.as_str()).collect();
        assert_eq!(eds, ["Grant", "Ito"]);
        let m = parse_reference("[5] Moreau, J. et al. 2015. Entanglement witnesses. Physical Review A. 92, 2 (2015), 022318.").unwrap();
        assert_eq!(
            (m.volume.as_str(), m.number.as_str(), m.pages.as_str()),
            ("92", "2", "022318")
        );
        let v = parse_reference("[26] Novak P, Ferreira AL. Bayesian methods for ecological inference. Ecology 2017;12:145–72.").unwrap();
        assert_eq!(names(&v), ["Novak", "Ferreira"]);
    }

    #[test]
    fn comma_styles_and_bracketed_imprints() {
        // Elsevier with titles: commas only
        let j = parse_reference("[9] S. Baker, D. Cho, I. Ramos, Who reads privacy policies? A field experiment, Management Science 56 (2010) 1938–1954.").unwrap();
        assert_eq!(
            (j.title.as_str(), j.venue.as_str()),
            (
                "Who reads privacy policies? A field experiment",
                "Management Science"
            )
        );
        assert_eq!(
            (j.volume.as_str(), j.pages.as_str(), j.date),
            ("56", "1938–1954", Some(Date::year(2010)))
        );
        let t = parse_reference("T. Ferreira, \"Learning without forgetting,\" Ph.D. thesis, Instituto Superior Técnico, Jul 2023.").unwrap();
        assert_eq!(t.venue, "Instituto Superior Técnico");
        let t = parse_reference("[28] R. Quispe, Participatory design with indigenous communities, PhD thesis, University of Washington, 2019.").unwrap();
        assert_eq!(
            (t.kind, t.venue.as_str()),
            (PubKind::Thesis, "University of Washington")
        );
        let b = parse_reference("[24] H. Tanaka, Algorithms for sparse linear systems, Cambridge University Press, Cambridge, UK, 2020.").unwrap();
        assert_eq!(
            (b.kind, b.title.as_str()),
            (PubKind::Book, "Algorithms for sparse linear systems")
        );
        // Cell: the imprint in brackets after the title
        let c = parse_reference("31. Gallagher, C., and Weber, T. (2012). Guidelines for evaluating biometric matchers (National Institute of Standards and Technology).").unwrap();
        assert_eq!(c.kind, PubKind::TechReport);
        // Frontiers and ASA: "Title., in Venue", "Pp. 1–15 in Venue", editors after "eds."
        let f = parse_reference("Novak, P., and Ferreira, A. L. (2017). “Bayesian methods for ecological inference,” in Handbook of statistical ecology, eds. E. Grant and K. Ito (Berlin: Springer), 145–172.").unwrap();
        let eds: Vec<&str> = f.editors.people.iter().map(|x| x.family.as_str()).collect();
        assert_eq!((f.kind, eds), (PubKind::Chapter, vec!["Grant", "Ito"]));
        let g = parse_reference("Ito, K., and Novak, P. (2016). Variance reduction for stochastic gradient langevin dynamics., in Proceedings of the 33rd international conference on machine learning, (PMLR), 1123–1131.").unwrap();
        assert_eq!(
            (g.kind, g.title.as_str()),
            (
                PubKind::Conference,
                "Variance reduction for stochastic gradient langevin dynamics"
            )
        );
        let a = parse_reference("Ito, Kenji, and Petr Novak. 2016. “Variance Reduction.” Pp. 1123–31 in Proceedings of the 33rd international conference on machine learning. PMLR.").unwrap();
        assert_eq!(
            (a.kind, a.pages.as_str()),
            (PubKind::Conference, "1123–1131")
        );
        assert!(
            a.venue
                .ends_with("international conference on machine learning"),
            "{}",
            a.venue
        );
    }

    #[test]
    fn long_display_names_and_article_numbers() {
        let p = parse_reference("3. María José de la Cruz, Thomas Brennan. Minimum wages and informal employment. Journal of Development Economics. 2016;121:204-219.").unwrap();
        assert_eq!(names(&p), ["de la Cruz", "Brennan"]);
        let n = parse_reference("1. Okonkwo, C. & Baptiste, J.-P. Seasonal drivers of malaria. The Lancet Global Health 6, e1012–e1021 (2018).").unwrap();
        assert_eq!(
            (n.kind, n.pages.as_str()),
            (PubKind::Journal, "e1012–e1021")
        );
        let v = parse_reference("[1] Okonkwo C, Baptiste J-P. Seasonal drivers of malaria. The Lancet Global Health 2018;6:e1012–21.").unwrap();
        assert_eq!(v.pages, "e1012–e1021");
        let h = parse_reference(
            "Choi, M. et al. (2022) ‘Statin use and dementia risk’, BMJ, 377, p. e068011.",
        )
        .unwrap();
        assert_eq!((h.volume.as_str(), h.pages.as_str()), ("377", "e068011"));
        assert_eq!(h.kind, PubKind::Journal);
    }

    #[test]
    fn apa_and_nature() {
        let p = parse_reference("Smith, A. B., & Jones, C. (2020). A study of things. Journal of Stuff, 12(3), 45–67. https://doi.org/10.1000/xyz").unwrap();
        assert_eq!(p.title, "A study of things");
        assert_eq!(names(&p), ["Smith", "Jones"]);
        assert_eq!(p.venue, "Journal of Stuff");
        assert_eq!((p.volume.as_str(), p.number.as_str()), ("12", "3"));
        assert_eq!(p.doi, "10.1000/xyz");
        let n =
            parse_reference("Smith, A. & Jones, B. A study of things. Nature 12, 45–67 (2020).")
                .unwrap();
        assert_eq!(n.title, "A study of things");
        assert_eq!(n.venue, "Nature");
        assert_eq!(n.date, Some(Date::year(2020)));
    }

    #[test]
    fn lncs() {
        let p = parse_reference("1. Teh, K.J., Tanaka, H., Song, S.L.: Secure code generation at scale. In: Proceedings of the 50th annual international symposium on computer architecture. pp. 597–605. ACM (2007).").unwrap();
        assert_eq!(p.title, "Secure code generation at scale");
        assert_eq!(names(&p), ["Teh", "Tanaka", "Song"]);
    }

    #[test]
    fn cv_styles() {
        let p = parse_reference("[ATC-24] **“FP6-LLM: Serving”**, Haojun Xia, Zhen Zheng, USENIX Annual Technical Conference, 2024. (Top Computer System Conference: A).").unwrap();
        assert_eq!(p.title, "FP6-LLM: Serving");
        assert_eq!(names(&p), ["Xia", "Zheng"]);
        assert_eq!(p.venue, "USENIX Annual Technical Conference");
        let q = parse_reference(
            "Y. Wang, **H. Huang**, Y. Tian SHARP: Accelerating Inference. Under Review.",
        )
        .unwrap();
        assert_eq!(q.title, "SHARP: Accelerating Inference");
        assert_eq!(names(&q), ["Wang", "Huang", "Tian"]);
        assert_eq!(q.notes, ["Under review"]);
    }

    #[test]
    fn conference_with_arxiv_link_stays_inproceedings() {
        for tail in [
            "[[arXiv](https://arxiv.org/abs/2210.01234)]",
            "[arXiv](https://arxiv.org/abs/2210.01234)",
        ] {
            let r = format!("A. Smith, **B. Chen**. \"Scaling laws for routers.\" *International Conference on Learning Representations (ICLR)*, 2023. {tail}");
            let p = parse_reference(&r).unwrap();
            assert_eq!(p.kind, PubKind::Conference, "{tail}");
        }
    }

    #[test]
    fn vancouver() {
        let p = parse_reference("Smith J, Doe A, Lee K. Title of paper about things. Journal Name. 2021;12(3):45-67. doi:10.1000/xyz123").unwrap();
        assert_eq!(p.title, "Title of paper about things");
        assert_eq!(names(&p), ["Smith", "Doe", "Lee"]);
        assert_eq!(p.venue, "Journal Name");
        assert_eq!(p.date, Some(Date::year(2021)));
        assert_eq!((p.volume.as_str(), p.number.as_str()), ("12", "3"));
        assert_eq!(p.pages, "45-67");
        assert_eq!(p.doi, "10.1000/xyz123");
        // month after the year, abbreviated last page, et al.
        let q = parse_reference("Smith JA, Doe AB, et al. Deep learning for medical images. N Engl J Med. 2019 Mar;380(12):1120-8.").unwrap();
        assert_eq!(names(&q), ["Smith", "Doe"]);
        assert!(q.authors.et_al);
        assert_eq!(q.title, "Deep learning for medical images");
        assert_eq!(q.venue, "N Engl J Med");
        assert_eq!(q.pages, "1120-1128");
        assert_eq!(q.volume, "380");
        // AMA: display-order names, "year:pages" after a proceedings title; page ranges
        // that look like years do not replace the year
        let r = parse_reference("Ada Lovelace. Verified protein folding without labels. ACM Transactions on Graphics. 2007;44(3):2003-2021.").unwrap();
        assert_eq!(names(&r), ["Lovelace"]);
        assert_eq!(r.title, "Verified protein folding without labels");
        assert_eq!(r.date, Some(Date::year(2007)));
        assert_eq!(r.pages, "2003-2021");
        // a middle initial is no Vancouver list; "Published online" is no venue
        let s = parse_reference("Quoc V. Le, Noah Williams. Efficient memory disaggregation in the wild. Published online 2020. https://arxiv.org/abs/2001.01234").unwrap();
        assert_eq!(names(&s), ["Le", "Williams"]);
        assert_eq!((s.venue.as_str(), s.date), ("", Some(Date::year(2020))));
    }

    #[test]
    fn harvard() {
        for (q1, q2) in [('\'', '\''), ('‘', '’')] {
            let line = format!("O'Brien, J. and Doe, A. (2020) {q1}Don't stop: a title in quotes{q2}, Journal of Stuff, 12(3), pp. 45-67.");
            let p = parse_reference(&line).unwrap();
            assert_eq!(p.title, "Don't stop: a title in quotes", "{line}");
            assert_eq!(names(&p), ["O'Brien", "Doe"]);
            assert_eq!(p.authors.people[1].given, "A.");
            assert_eq!(p.venue, "Journal of Stuff");
            assert_eq!(p.date, Some(Date::year(2020)));
            assert_eq!(p.pages, "45-67");
            assert_eq!(p.kind, PubKind::Journal);
        }
        // Elsevier Harvard: "Title, in: Venue"
        let e = parse_reference("Stoica, I., 2011. Learning transformer inference at scale, in: International Conference on Learning Representations. pp. 464–472.").unwrap();
        assert_eq!(e.title, "Learning transformer inference at scale");
        assert_eq!(
            e.venue,
            "International Conference on Learning Representations"
        );
        let v = parse_reference("Gupta, R., Zheng, Z., 2011. Probabilistic image segmentation. Bioinformatics 45, 330–342.").unwrap();
        assert_eq!(
            (v.venue.as_str(), v.volume.as_str()),
            ("Bioinformatics", "45")
        );
    }

    #[test]
    fn glued_years_status_and_proceedings_journals() {
        for (line, venue, year) in [
            (
                "A. Smith, B. Jones. Scaling laws for routers. NeurIPS'23.",
                "NeurIPS",
                2023,
            ),
            (
                "A. Smith. Scaling laws for routers. In ICML '21.",
                "ICML",
                2021,
            ),
            (
                "A. Smith, \"Scaling laws for routers,\" CVPR’22, pp. 1-10.",
                "CVPR",
                2022,
            ),
        ] {
            let p = parse_reference(line).unwrap();
            assert_eq!(
                (p.venue.as_str(), p.date),
                (venue, Some(Date::year(year))),
                "{line}"
            );
        }
        let p = parse_reference(
            "A. Smith, B. Jones, \"Scaling laws for routers,\" to appear in Proc. ICML, 2024.",
        )
        .unwrap();
        assert_eq!(
            (p.venue.as_str(), p.notes.as_slice()),
            ("Proc. ICML", &["To appear".to_string()][..])
        );
        let q = parse_reference(
            "A. Smith. Scaling laws for routers (to appear). Journal of Things, in press.",
        )
        .unwrap();
        assert_eq!(q.title, "Scaling laws for routers");
        assert_eq!(q.venue, "Journal of Things");
        assert_eq!(q.notes, ["To appear", "In press"]);
        let r = parse_reference("A. Smith. Scaling laws for routers. ICLR 2025 (under review).")
            .unwrap();
        assert_eq!(
            (r.kind, r.notes.as_slice()),
            (PubKind::Preprint, &["Under review".to_string()][..])
        );
        for (line, venue, vol) in [
            ("A. Smith. Scaling laws for routers. Proc. of the VLDB Endowment, 14(3):1-10, 2021.", "Proc. of the VLDB Endowment", "14"),
            ("A. Smith. Scaling laws for routers. Proc. ACM Program. Lang., 5(POPL):1-30, 2021.", "Proc. ACM Program. Lang.", "5"),
            ("A. Smith. Scaling laws for routers. Proceedings of the IEEE, 109(5):1-30, 2021.", "Proceedings of the IEEE", "109"),
            ("A. Smith. 2024. Scaling laws for routers. Proc. VLDB Endow. 17, 2 (2024), 211–224.", "Proc. VLDB Endow.", "17"),
        ] {
            let p = parse_reference(line).unwrap();
            assert_eq!((p.venue.as_str(), p.volume.as_str(), p.kind), (venue, vol, PubKind::Journal), "{line}");
        }
    }

    #[test]
    fn editors_leave_the_venue() {
        let eds = |p: &Publication| -> Vec<String> {
            p.editors.people.iter().map(|a| a.family.clone()).collect()
        };
        for line in [
            "Smith, J. (2019) 'A chapter on things', In: J. Smith and K. Lee (eds.), Book Title of Things, pp. 12-30. Springer.",
            "Smith, J. (2019). A chapter on things. In J. Smith & K. Lee (Eds.), Book Title of Things (pp. 12–30). Springer.",
            "Smith J. A chapter on things. In: Smith J, Lee K, editors. Book Title of Things, Springer; 2019, p. 12–30.",
            "J. Smith, “A chapter on things,” in Book Title of Things, J. Smith and K. Lee, Eds., Springer, 2019, pp. 12–30.",
            "Smith, J. 2019. A chapter on things. Book Title of Things. J. Smith and K. Lee, eds. Springer. 12–30.",
            "Smith, John. 2019. “A chapter on things.” In Book Title of Things, edited by John Smith and Kim Lee. Springer.",
            "Smith, J. A chapter on things. in Book Title of Things (eds. Smith, J. & Lee, K.) 12–30 (Springer, 2019).",
            "Smith, J.: A chapter on things. In: Smith, J., Lee, K. (eds.) Book Title of Things. pp. 12–30. Springer (2019).",
        ] {
            let p = parse_reference(line).unwrap();
            assert_eq!(p.title, "A chapter on things", "{line}");
            assert_eq!(p.venue, "Book Title of Things", "{line}");
            assert_eq!(eds(&p), ["Smith", "Lee"], "{line}");
            assert_eq!(p.kind, PubKind::Chapter, "{line}");
        }
        // edited proceedings stay a conference paper
        let p = parse_reference("A. Smith. Scaling laws for routers. In Proceedings of the X Conference, edited by A. Lee and B. Chen, pp. 1-10, 2020.").unwrap();
        assert_eq!(
            (p.venue.as_str(), p.kind),
            ("X Conference", PubKind::Conference)
        );
        assert_eq!(eds(&p), ["Lee", "Chen"]);
        // an edition is no editor
        let q = parse_reference(
            "A. Smith. Scaling laws. In Big Book of Things, 2nd ed., Springer, 2020.",
        )
        .unwrap();
        assert!(q.editors.is_empty());
    }

    #[test]
    fn apa_preprint_number_after_title() {
        let p = parse_reference("Amodei, D., & Olah, C. (2016). Concrete problems in AI safety (arXiv:1606.06565). arXiv.").unwrap();
        assert_eq!(p.title, "Concrete problems in AI safety");
        assert_eq!(p.arxiv, "1606.06565");
        assert_eq!(p.kind, PubKind::Preprint);
    }

    #[test]
    fn apa_edited_book_by_its_editors() {
        let p = parse_reference(
            "Quiñonero-Candela, J., Sugiyama, M., & Lawrence, N. D. (Eds.). (2009). Dataset shift in machine learning. MIT Press.",
        )
        .unwrap();
        assert!(p.authors.is_empty());
        assert_eq!(p.editors.people.len(), 3);
        assert_eq!(p.title, "Dataset shift in machine learning");
        assert_eq!(p.kind, PubKind::Book);
        assert_eq!(p.venue, "MIT Press");
        assert_eq!(p.date.and_then(|d| d.year), Some(2009));
    }

    #[test]
    fn mla() {
        let p = parse_reference("Rossi, Sofia, Anne-Marie Slaughter, et al. Rethinking Program Synthesis at Scale. TR-2025-47, Carnegie Mellon University, 2025.").unwrap();
        assert_eq!(p.title, "Rethinking Program Synthesis at Scale");
        assert!(p.authors.et_al);
        assert_eq!(p.pages, "");
        let t = parse_reference("Alves, Pedro. Understanding Federated Learning Using Large Language Models. 2022. ETH Zurich, PhD thesis.").unwrap();
        assert_eq!((t.kind, t.venue.as_str()), (PubKind::Thesis, "ETH Zurich"));
        let c = parse_reference("Bianchi, Marco, and Olivia Brown. “Understanding: Memory Disaggregation for Edge Devices.” Handbook of Parallel Computing, edited by Kai Jun Teh and Sarah Johnson, CRC Press, 2013, pp. 47–67.").unwrap();
        assert_eq!(c.venue, "Handbook of Parallel Computing");
        assert_eq!(c.editors.people.len(), 2);
        assert_eq!(c.date, Some(Date::year(2013)));
        assert_eq!(c.pages, "47–67");
    }

    #[test]
    fn journal_tails_and_places() {
        let p = parse_reference("Baumgartner, K.; Müller, T. Demand response in German households. Energies 2019, 12, 1021.").unwrap();
        assert_eq!(
            (p.venue.as_str(), p.volume.as_str(), p.pages.as_str()),
            ("Energies", "12", "1021")
        );
        assert_eq!(p.kind, PubKind::Journal);
        let q = parse_reference("Okafor, N., & Grassly, N. C. (2021). Seasonal forcing of outbreaks. Proceedings of the Royal Society B, 288(1950), 20210321.").unwrap();
        assert_eq!(q.venue, "Proceedings of the Royal Society B");
        assert_eq!(
            (q.volume.as_str(), q.number.as_str(), q.pages.as_str()),
            ("288", "1950", "20210321")
        );
        assert_eq!(q.kind, PubKind::Journal);
        let r = parse_reference(
            "K. Baumgartner. PV forecasting with boosting. Applied Energy, 312:118745, 2022.",
        )
        .unwrap();
        assert_eq!((r.volume.as_str(), r.pages.as_str()), ("312", "118745"));
        let t = parse_reference("N. Okafor and T. Ferrari, \"Estimating vaccine coverage from serosurveys,\" in Proc. Epidemics 7 Conference, Charleston, SC, 2019.").unwrap();
        assert_eq!(t.venue, "Epidemics 7 Conference");
        assert_eq!(
            strip_city("University of California, Berkeley, CA"),
            "University of California, Berkeley, CA"
        );
    }

    #[test]
    fn kinds_from_weak_cues() {
        let n = parse_reference("Sørensen, A. & Jensen, K. H. Auxin gradients shape lateral root spacing. Development 146, dev175398 (2019).").unwrap();
        assert_eq!(
            (n.venue.as_str(), n.volume.as_str(), n.pages.as_str()),
            ("Development", "146", "dev175398")
        );
        assert_eq!(n.kind, PubKind::Journal);
        let c = parse_reference("\"Privacy amplification by subsampling\", Advances in Neural Information Processing Systems 33, 11205-11216, 2020").unwrap();
        assert_eq!(c.kind, PubKind::Conference);
        // a university alone: one author's thesis, several authors' report
        let t = parse_reference("Teh, K.J. 2010. Robust persistent memory for serverless computing. Stanford University.").unwrap();
        assert_eq!(t.kind, PubKind::Thesis);
        let r = parse_reference("Petrov, I. and Teh, K.J. 2021. Rethinking transformer inference. Carnegie Mellon University.").unwrap();
        assert_eq!(r.kind, PubKind::TechReport);
    }

    #[test]
    fn abbreviated_page_ranges() {
        assert_eq!(expand_pages("2003–21"), "2003–2021");
        assert_eq!(expand_pages("730-9"), "730-739");
        assert_eq!(expand_pages("45-67"), "45-67");
        // "99-1" cannot be a shortened "99-91"
        assert_eq!(expand_pages("99-1"), "99-1");
        assert_eq!(expand_pages("e123"), "e123");
    }

    #[test]
    fn patent_numbers_in_digit_groups() {
        let p = parse_reference("1. K. Roe, E. Poe, \"Beam failure recovery for multi-TRP operation,\" US Patent 11,234,567 B2, Feb. 1, 2022.").unwrap();
        assert_eq!(p.kind, PubKind::Patent);
        assert_eq!(p.number, "US11,234,567B2");
        let p = parse_reference(
            "2. K. Roe, \"Method for predictive handover,\" EP 3 912 345 B1, Nov. 2021.",
        )
        .unwrap();
        assert_eq!(
            (p.kind, p.number.as_str()),
            (PubKind::Patent, "EP3912345B1")
        );
        let p = parse_reference("3. K. Roe, \"Channel charting,\" IEEE Trans. Wireless Commun., vol. 22, no. 9, pp. 6011–6025, 2023.").unwrap();
        assert_ne!(p.kind, PubKind::Patent);
    }

    #[test]
    fn ieee_proc_ordinal_and_thesis_school() {
        let p = parse_reference("[1] A. M. Johnson, B. Lee, and R. Morris, \"Verifying crash safety of a distributed log,\" in Proc. 27th ACM Symposium on Operating Systems Principles (SOSP), Huntsville, ON, Canada, 2019, pp. 321–336.").unwrap();
        assert_eq!(
            p.venue,
            "27th ACM Symposium on Operating Systems Principles (SOSP)"
        );
        let t = parse_reference("A. M. Johnson, \"Certified storage systems,\" Ph.D. dissertation, MIT, Cambridge, MA, 2019.").unwrap();
        assert_eq!(t.kind, PubKind::Thesis);
        assert_eq!(t.venue, "MIT");
    }

    #[test]
    fn unified_style_sheet_for_linguistics() {
        // a status in the year's place; a subtitle after a question
        let p = parse_reference("Roe, Freya M. & Ruth Doe. In press. Who says ‘du’? T/V pronouns in family talk. Language in Society.").unwrap();
        assert_eq!(p.title, "Who says ‘du’? T/V pronouns in family talk");
        assert_eq!(p.venue, "Language in Society");
        assert_eq!(p.notes, ["In press"]);
        // editors before the year, a series closing the title, a place and publisher
        let p = parse_reference("Roe, Freya M. & Daniel Doe (eds.). 2021. Island Englishes: Variation and change (Studies in Language Variation 27). Amsterdam: John Benjamins.").unwrap();
        assert_eq!(p.kind, PubKind::Book);
        assert_eq!(p.title, "Island Englishes: Variation and change");
        assert_eq!(p.editors.people.len(), 2);
        assert_eq!(p.venue, "John Benjamins");
        // Chicago with the status where the year goes
        let p = parse_reference("Roe, Freya M. Forthcoming. “Methods for Small Communities.” In Island Sociolinguistics, edited by Peter Lind. London: Bloomsbury.").unwrap();
        assert_eq!(p.authors.people.len(), 1);
        assert_eq!(p.notes, ["Forthcoming"]);
        assert!(p.date.is_none());
    }
}
