//! Header, contact and summary blocks → `Basics`.
//!
//! The header (blocks before the first section) gives the name (a `# Name` heading or
//! the first name-like line), contact pieces split at `|`, `·`, `•` and column gaps
//! (email, phone, URL with `https://` added, profiles), a location, and the first other
//! piece (an affiliation or headline) as `label`.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Block, BlockKind, Meta};
use crate::extract::entries;
use crate::lex::contact;
use crate::model::Basics;

static PIECES: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\s*(?:\||·|•|⋄|◇|♦|\t| {3,}|  \u{2022} )\s*").unwrap());

/// A line that can be a person's name: 1-5 capitalised words, no digits or '@'.
fn name_like(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && !t.contains('@')
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.contains(':')
        && words.iter().enumerate().all(|(i, w)| {
            w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())
                || crate::lex::name::elided_particle(w)
                // "Sofía de la Fuente Ortega", "Ludwig van Beethoven": inner particles
                || (i > 0 && i + 1 < words.len() && crate::lex::name::is_particle(w))
        })
        && crate::sections::classify_heading(t).is_none()
}

/// "Curriculum Vitae", "Resume": a document title, not a name.
fn is_cv_title(t: &str) -> bool {
    let k: String = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        k.as_str(),
        "curriculumvitae"
            | "curriculumvitæ"
            | "resume"
            | "résumé"
            | "cv"
            | "vita"
            | "lebenslauf"
            | "biographicalsketch"
            | "biosketch"
    )
}

/// A name printed in capitals ("JONAS WEBER", "ALICE M. JOHNSON") in its usual case;
/// a name with any lower-case letter stays as printed.
fn display_name(t: &str) -> String {
    if t.chars().any(char::is_lowercase) || !t.chars().any(char::is_uppercase) {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    let mut start = true;
    for c in t.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        // a new word part after a space, hyphen or apostrophe ("HERRERA-VIDAL", "O'HARE")
        start = !c.is_alphabetic();
    }
    out
}

/// Academic and courtesy titles printed before a name ("Dr.-Ing.", "Prof. Dr.").
static TITLES: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)^(?:(?:prof|dr|mr|mrs|ms|dipl|mag)\.?(?:-[a-z]+\.)?(?:\s+(?:rer|med|phil|habil|nat)\.)*\s+)+").unwrap()
});

/// Remove a native-script name in parentheses ("Jiaming Xu (许珈铭)") and titles before it.
pub fn latin_name(t: &str) -> String {
    // ("🌍 Linnea Bergqvist": a heading's emoji is no part of the name)
    let t = t.trim_matches(|c: char| {
        c.is_whitespace() || !c.is_alphanumeric() && !matches!(c, '.' | '(' | ')' | '\'' | '’')
    });
    let t = match TITLES.find(t) {
        Some(m) if m.end() < t.len() => &t[m.end()..],
        _ => t,
    };
    let t = match t.find(" (") {
        Some(i) if t.ends_with(')') => t[..i].trim(),
        _ => t.trim(),
    };
    // "Jane Doe, Ph.D." and "Siobhán O'Connor, MB BCh BAO, PhD" keep the name only: every
    // part after the first comma is a degree or a post-nominal in capitals ("FRCP", "MBA")
    let credential = |p: &str| {
        crate::extract::education::degree_at(p).is_some()
            || p.split_whitespace()
                .all(|w| w.chars().filter(|c| c.is_uppercase()).count() >= 2)
    };
    match t.split_once(", ") {
        Some((n, cred)) if cred.split(", ").all(credential) => n.to_string(),
        _ => t.to_string(),
    }
}

static ORCID_ID: LazyLock<Regex> = LazyLock::new(|| {
    // a line holding nothing but an iD is one too ("0000-0002-4187-5530" under the address)
    crate::lex::pattern(r"(?i)(?-u:\b)orcid(?:\s+id)?\s*:?\s*([0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X])(?-u:\b)|^\s*([0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X])\s*$").unwrap()
});

fn contact_piece(piece: &str, b: &mut Basics) -> bool {
    let mut hit = false;
    if let Some(e) = contact::find_email(piece) {
        // "Tel: +353 1 716 6000 Email: x@y.ie": a phone may share the piece
        if b.phone.is_empty() {
            if let Some(p) = contact::find_phone(&piece.replace(&e, " ")) {
                b.phone = p;
            }
        }
        if b.email.is_empty() {
            b.email = e;
        }
        hit = true;
    }
    // "ORCID: 0000-0001-7265-4408": a bare iD names the profile
    if !hit {
        if let Some(id) = ORCID_ID
            .captures(piece)
            .and_then(|c| c.get(1).or(c.get(2)))
            .map(|m| m.as_str().to_string())
        {
            if !piece.contains("orcid.org") {
                url(&format!("https://orcid.org/{id}"), b);
                hit = true;
            }
        }
    }
    // URLs before phones: the digits of "orcid.org/0000-0001-5555-0199" are no phone
    if !hit {
        for u in contact::find_urls(piece) {
            url(&u, b);
            hit = true;
        }
    }
    if !hit {
        if let Some(p) = contact::find_phone(piece) {
            if b.phone.is_empty() {
                b.phone = p;
            }
            hit = true;
        }
    }
    hit
}

fn url(u: &str, b: &mut Basics) {
    if u.starts_with("mailto:") {
        if b.email.is_empty() {
            b.email = u.trim_start_matches("mailto:").to_string();
        }
        return;
    }
    match contact::profile(u) {
        Some(p) => b.add_profile(p),
        None if b.url.is_empty() => b.url = u.trim_end_matches('/').to_string(),
        None => {}
    }
}

pub fn header(blocks: &[Block], b: &mut Basics) {
    for (i, blk) in blocks.iter().enumerate() {
        for l in &blk.links {
            url(&l.url, b);
        }
        let t = blk.text.trim();
        if t.is_empty() || is_cv_title(t) {
            continue;
        }
        // "NAME: Okafor, Adaeze N.", "POSITION TITLE: Associate Professor" (NIH biosketch,
        // forms); other labelled form lines without contact details are not a headline
        if let Some((key, value)) = t.split_once(':') {
            let key = key.trim().to_lowercase();
            let value = value.trim();
            match key.as_str() {
                "name" | "full name" if b.name.is_empty() && !value.is_empty() => {
                    b.name = display_name(&uninvert(value));
                    continue;
                }
                "position title" | "position" | "current position" | "title"
                    if b.label.is_empty() && !value.is_empty() =>
                {
                    b.label = value.to_string();
                    continue;
                }
                _ if key.split_whitespace().count() >= 2
                    && key.contains("name")
                    && !contact_piece(value, &mut Basics::default()) =>
                {
                    continue;
                }
                _ => {}
            }
        }
        let is_name_line = b.name.is_empty()
            && (matches!(blk.kind, BlockKind::Heading(1)) || i == 0 || name_like(t))
            && name_like(&latin_name(t));
        if is_name_line {
            b.name = display_name(&latin_name(t));
            continue;
        }
        // a contact row's cells are pieces of their own ("jane@x.org    jane.dev    Tokyo")
        let contact_row =
            blk.kind == BlockKind::Row && (t.contains('@') || !contact::find_urls(t).is_empty());
        let cells = contact_row.then(|| blk.columns().join(" | "));
        // "Einsteinstraße 62 · 48149 Münster · Germany": a postal address set out in pieces
        if b.location.city.is_empty() && b.location.address.is_empty() && !t.contains('@') {
            let pieces: Vec<&str> = PIECES.split(t).map(str::trim).collect();
            if pieces.len() >= 2 {
                if let Some((street, code, place)) = entries::split_postal(&pieces.join(", "))
                    .filter(|(street, _, _)| !street.is_empty())
                {
                    b.location.address = street;
                    b.location.postal_code = code;
                    set_place(&mut b.location, &place);
                    continue;
                }
            }
        }
        let mut label_here = false;
        for (k, piece) in PIECES.split(cells.as_deref().unwrap_or(t)).enumerate() {
            let mut piece = piece.trim().trim_end_matches(['|', ',']).trim();
            // "Date of birth: 12/03/1990", "Nationality: Italian": personal data, not facts
            // the record keeps; "Address: Via Bonardi 9, Milan, Italy (Home)": the address
            if let Some((key, value)) = piece.split_once(':') {
                let key = key.trim().to_lowercase();
                if crate::tables::PERSONAL_DATA.contains(key.as_str()) {
                    continue;
                }
                if matches!(
                    key.as_str(),
                    "address" | "home address" | "postal address" | "office" | "office address"
                ) {
                    let v = value.trim();
                    piece = v
                        .strip_suffix("(Home)")
                        .or_else(|| v.strip_suffix("(Work)"))
                        .unwrap_or(v)
                        .trim();
                }
            }
            // a label whose value wrapped to the next line ("Email address:")
            if piece.is_empty() || piece.ends_with(':') || contact_piece(piece, b) {
                continue;
            }
            // "Jane Doe | jane@x.edu | ...": the name opens the contact line
            if b.name.is_empty() && k == 0 && name_like(&latin_name(piece)) {
                b.name = display_name(&latin_name(piece));
                continue;
            }
            if entries::is_location(piece) {
                if b.location.city.is_empty() {
                    set_place(&mut b.location, piece);
                }
                continue;
            }
            // "2211 Campus Drive, Evanston, IL 60208", "Cambridge CB2 1EW, United Kingdom": a
            // postal address (or its last line), not a headline
            if let Some((street, code, place)) = entries::split_postal(piece)
                .filter(|(street, _, place)| place.contains(',') || !street.is_empty())
            {
                if b.location.city.is_empty() && b.location.address.is_empty() {
                    b.location.address = street;
                    b.location.postal_code = code;
                    set_place(&mut b.location, &place);
                }
                continue;
            }
            // "Via Roma 12, 20121 Milan, Italy": a postal address, not a headline
            if let Some(r) = entries::find_location(piece) {
                let before = piece.get(..r.start).unwrap_or("").trim();
                if r.end >= piece.len() && before.contains(|c: char| c.is_ascii_digit()) {
                    if b.location.city.is_empty() && b.location.address.is_empty() {
                        b.location.address = before.trim_end_matches([',', ' ']).to_string();
                        set_place(&mut b.location, piece.get(r.clone()).unwrap_or(""));
                    }
                    continue;
                }
            }
            let words = piece.split_whitespace().count();
            if b.label.is_empty() && !b.name.is_empty() && (2..=20).contains(&words) {
                b.label = piece.to_string();
                label_here = true;
            } else if label_here && words <= 8 && crate::extract::volunteer::is_org(piece) {
                // "Assistant Professor | University of Toronto": the role's organisation
                b.label = format!("{}, {piece}", b.label);
                label_here = false;
            }
        }
    }
}

/// "Okafor, Adaeze N." → "Adaeze N. Okafor"; a name in display order stays.
fn uninvert(s: &str) -> String {
    match s.split_once(", ") {
        Some((family, given)) if !given.contains(',') && !family.contains(' ') => {
            format!("{} {}", given.trim(), family.trim())
        }
        _ => s.to_string(),
    }
}

pub fn summary(blocks: &[Block], b: &mut Basics) {
    let text: Vec<&str> = blocks
        .iter()
        .map(|b| b.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    if b.summary.is_empty() {
        // a line wrapped in the middle of a sentence (lower case after no full stop) goes on
        // the paragraph above; other blocks are paragraphs of their own
        let mut s = String::new();
        for t in text {
            let wrapped = !s.is_empty()
                && !s.ends_with(['.', '!', '?', ':'])
                && t.starts_with(char::is_lowercase);
            if !s.is_empty() {
                s.push_str(if wrapped { " " } else { "\n\n" });
            }
            s.push_str(t);
        }
        b.summary = s;
    }
}

pub fn meta(m: &Meta, b: &mut Basics) {
    if b.name.is_empty() {
        if let Some(n) = m.get("name").or(m.get("author")).filter(|n| !n.is_empty()) {
            b.name = n.to_string();
        }
    }
}

/// A lab page copied as text whose header names only the lab ("NEXUS Lab"): the page's
/// person is its head's card further down (`listing::owner_card`), not the lab; the lab's
/// own address is not the person's.
pub fn lab_head(blocks: &[Block], b: &mut Basics) {
    const GROUP_WORDS: &[&str] = &["lab", "laboratory", "group", "team", "labs"];
    let last = b.name.rsplit(' ').next().unwrap_or("").to_lowercase();
    if !GROUP_WORDS.contains(&last.as_str()) {
        return;
    }
    let lines: Vec<crate::doc::listing::cards::Line> = blocks
        .iter()
        .map(|x| crate::doc::listing::cards::Line::new(&x.text, false))
        .collect();
    let mut card = Basics {
        profiles: b.profiles.clone(),
        ..Basics::default()
    };
    if let Some(name) = crate::doc::listing::owner_card(&lines, &mut card) {
        card.name = name;
        *b = card;
    }
}

/// "City, Region, Country" into the location's city, region and country code.
pub(crate) fn set_place(loc: &mut crate::model::Location, text: &str) {
    let fixed = entries::fix_location(text);
    let mut parts = fixed.split(", ");
    loc.city = parts.next().unwrap_or("").to_string();
    for p in parts {
        match crate::tables::PLACES.get(p) {
            Some(&"state") | None => loc.region = p.to_string(),
            Some(code) => loc.country_code = code.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blk(kind: BlockKind, s: &str) -> Block {
        Block::new(kind, s, 0..0)
    }

    #[test]
    fn a_lab_page_is_its_heads() {
        let blocks: Vec<Block> = [
            "Principal Investigator",
            "Prof. Rafael M. Quintero",
            "Associate Professor of Electrical Engineering, Purdue University",
            "rquintero@purdue.edu",
            "+1 (765) 494-3318",
        ]
        .iter()
        .map(|t| blk(BlockKind::Para, t))
        .collect();
        let mut b = Basics {
            name: "NEXUS Lab".into(),
            label: "Neuromorphic Electronics Lab".into(),
            ..Basics::default()
        };
        lab_head(&blocks, &mut b);
        assert_eq!(b.name, "Rafael M. Quintero");
        assert_eq!(
            b.label,
            "Associate Professor of Electrical Engineering, Purdue University"
        );
        assert_eq!(
            (b.email.as_str(), b.phone.as_str()),
            ("rquintero@purdue.edu", "+1 (765) 494-3318")
        );
        // a person's own CV is left alone
        let mut c = Basics {
            name: "Jane Roe".into(),
            ..Basics::default()
        };
        lab_head(&blocks, &mut c);
        assert_eq!(c.name, "Jane Roe");
    }

    #[test]
    fn titles_before_name_and_separated_headline() {
        let mut b = Basics::default();
        header(
            &[
                blk(BlockKind::Para, "Dr.-Ing. Katharina Roe"),
                blk(
                    BlockKind::Para,
                    "Research Group Leader · Karlsruhe Institute of Technology (KIT)",
                ),
                blk(
                    BlockKind::Para,
                    "Rice University · Houston, TX · roe@example.org",
                ),
            ],
            &mut b,
        );
        assert_eq!(b.name, "Katharina Roe");
        // "Role · Organisation" is the label, as the affiliation line under the name is
        assert_eq!(
            b.label,
            "Research Group Leader, Karlsruhe Institute of Technology (KIT)"
        );
        assert_eq!(latin_name("Prof. Dr. Jane Doe"), "Jane Doe");
        assert_eq!(
            latin_name("Siobhán O'Connor, MB BCh BAO, PhD"),
            "Siobhán O'Connor"
        );
        assert_eq!(latin_name("Jane Roe, FRCP"), "Jane Roe");
        assert!(name_like("Sofía de la Fuente Ortega"));
        assert!(!name_like("de la Fuente"));
        assert!(!name_like("Research in the Lab"));
        let mut c = Basics::default();
        summary(
            &[
                blk(BlockKind::Para, "Privacy; secure aggregation;"),
                blk(BlockKind::Para, "differential privacy."),
                blk(BlockKind::Para, "Second paragraph."),
            ],
            &mut c,
        );
        assert_eq!(
            c.summary,
            "Privacy; secure aggregation; differential privacy.\n\nSecond paragraph."
        );
        let mut c = Basics::default();
        contact_piece("Tel: +353 1 716 6000 Email: s.oc@ucd.ie", &mut c);
        assert_eq!(
            (c.phone.as_str(), c.email.as_str()),
            ("+353 1 716 6000", "s.oc@ucd.ie")
        );
        assert_eq!(latin_name("Martin King, Jr."), "Martin King, Jr.");
        assert_eq!(display_name("ALICE M. JOHNSON"), "Alice M. Johnson");
        assert_eq!(display_name("TOMÁS HERRERA-VIDAL"), "Tomás Herrera-Vidal");
        assert_eq!(display_name("Jane McDonald"), "Jane McDonald");
        let mut b = Basics::default();
        header(
            &[
                blk(BlockKind::Para, "Jane Roe"),
                blk(BlockKind::Para, "j@x.org · orcid.org/0000-0001-5555-0199"),
            ],
            &mut b,
        );
        assert!(b.phone.is_empty());
        assert_eq!(b.profiles[0].network, "ORCID");
        assert_eq!(latin_name("Drew Barrymore"), "Drew Barrymore");
    }

    #[test]
    fn postal_address_is_location_not_label() {
        let mut b = Basics::default();
        header(
            &[
                blk(BlockKind::Para, "Luca Rossi"),
                blk(BlockKind::Para, "Via Roma 12, 20121 Milan, Italy"),
            ],
            &mut b,
        );
        assert!(b.label.is_empty());
        assert_eq!(b.location.address, "Via Roma 12");
        assert_eq!(b.location.postal_code, "20121");
        assert_eq!(b.location.city, "Milan");
        // a US address puts the ZIP after the state; a UK one the postcode after the city
        for (line, street, code, city) in [
            (
                "2211 Campus Drive, Evanston, IL 60208",
                "2211 Campus Drive",
                "60208",
                "Evanston",
            ),
            (
                "Cambridge CB2 1EW, United Kingdom",
                "",
                "CB2 1EW",
                "Cambridge",
            ),
            (
                "Groene Loper 3, 5612 AE Eindhoven, The Netherlands",
                "Groene Loper 3",
                "5612 AE",
                "Eindhoven",
            ),
        ] {
            let mut b = Basics::default();
            header(
                &[
                    blk(BlockKind::Para, "Luca Rossi"),
                    blk(BlockKind::Para, line),
                ],
                &mut b,
            );
            assert_eq!(
                (b.location.address.as_str(), b.location.postal_code.as_str()),
                (street, code)
            );
            assert_eq!(b.location.city, city);
        }
    }

    #[test]
    fn name_label_contact_and_bare_domain() {
        let mut b = Basics::default();
        header(
            &[
                blk(BlockKind::Heading(1), "Haocheng Xi"),
                blk(
                    BlockKind::Para,
                    "Berkeley AI Research, University of California, Berkeley | xihc@berkeley.edu",
                ),
                blk(BlockKind::Para, "xijiu9.github.io"),
            ],
            &mut b,
        );
        assert_eq!(b.name, "Haocheng Xi");
        assert_eq!(
            b.label,
            "Berkeley AI Research, University of California, Berkeley"
        );
        assert_eq!(b.email, "xihc@berkeley.edu");
        assert_eq!(b.url, "https://xijiu9.github.io");
    }

    #[test]
    fn contact_line_with_phone_and_location() {
        let mut b = Basics::default();
        header(
            &[
                blk(BlockKind::Para, "Jane Q. Doe"),
                blk(
                    BlockKind::Para,
                    "San Diego, CA | jane@x.edu | (+1) 858 214 0677 | https://github.com/jdoe",
                ),
            ],
            &mut b,
        );
        assert_eq!(b.phone, "(+1) 858 214 0677");
        assert_eq!(b.location.city, "San Diego");
        assert_eq!(b.profiles[0].username, "jdoe");
        assert!(b.label.is_empty());
    }
}
