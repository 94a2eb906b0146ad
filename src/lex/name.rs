//! Author lists: `A, B, and C`, `Last, F., & Last, G.`, `F. Last`, `Last FM` (Vancouver),
//! particles, suffixes, markers (`*`, `†`, bold self-name) and `et al.`.
//!
//! Input: the author part of a reference (inline markup allowed: `**bold**` is the CV owner;
//! `\*`, `*`, `†`, `‡`, `<sup>*</sup>` are equal-contribution marks). Output: `Authors`,
//! initials and case exactly as printed.
//!
//! Grammar (after markers are noted and markup stripped):
//! ```text
//! list    = person (sep person)* (","? "et al." | "and others")?
//! sep     = ";" | "," | ", and" | " and " | " & " | ", &"
//! person  = family "," given ("," suffix)?      -- inverted (APA, ACM, LNCS, Nature, BibTeX)
//!         | given+ particle* family suffix?     -- display order (IEEE, CVs)
//!         | family initials                     -- Vancouver ("Soh YJ")
//! ```
//! Inverted names are recognised by pairing: a family-like token followed (after a comma)
//! by a given-like token (initials or one first name).

use std::sync::LazyLock;

use regex::Regex;

use crate::markup;
use crate::model::{Authors, Person};

/// Lower-case words that start a family name in display order ("Ludwig van Beethoven").
const PARTICLES: &[&str] = &[
    // ("van 't Hof": Dutch 't for "het")
    "'t", "al", "bin", "da", "das", "de", "dei", "del", "della", "den", "der", "des", "di", "do",
    "dos", "du", "el", "la", "le", "ní", "st.", "te", "ten", "ter", "van", "vande", "vander",
    "von", "zu", "ó", "’t",
];
const SUFFIXES: &[&str] = &[
    "II", "III", "IV", "Jr", "Jr.", "Sr", "Sr.", "jr.", "2nd", "3rd",
];
/// Two-character Chinese family names (a CJK name without spaces splits after them).
const CJK_COMPOUND: &[&str] = &[
    "上官", "东方", "公孙", "司徒", "司马", "夏侯", "欧阳", "端木", "诸葛", "皇甫", "慕容", "长孙",
];

static ET_AL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"(?i)(?:,?\s*(?:(?-u:\b)et\.?\s*al(?-u:\b)\.?|(?-u:\b)and\s+others(?-u:\b)|…|\.\.\.)).*$",
    )
    .unwrap()
});
static SUP: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(?i)<sup>\s*([^<]{0,12})\s*</sup>").unwrap());
static SELF_TAG: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)<(?:b|strong|u)>|\\textbf\{|\\underline\{").unwrap()
});
static SEP: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"\s*(?:,\s*(?:and|&)\s+|\s+and\s+|\s*&\s*|,)\s*").unwrap()
});

/// Equal-contribution markers once markup is gone.
const MARKS: &[char] = &['*', '†', '‡', '§', '¶', '#', '✉', '⋆', '∗'];

/// Parse an author list as printed.
pub fn parse_authors(s: &str) -> Authors {
    let mut authors = Authors::default();
    let mut t = unwrap_list_emphasis(s.trim());
    // "… Wenjun Liang (\* equal contribution)": the marks' legend closing the list
    static LEGEND: LazyLock<Regex> = LazyLock::new(|| {
        crate::lex::pattern(r"(?i)\s*[(\[][^()\[\]]*(?:equal(?:ly)?\s+contribut\w*|contributed\s+equally|corresponding\s+authors?)[^()\[\]]*[)\]]\.?\s*$").unwrap()
    });
    if let Some(m) = LEGEND.find(&t) {
        t.truncate(m.start());
    }
    if let Some(m) = ET_AL.find(&t) {
        authors.et_al = true;
        t.truncate(m.start());
    }
    // a sentence period after the list ("García-Pérez, José. 2021.") is not an initial's
    if let Some(stripped) = t.strip_suffix('.') {
        let last = stripped.rsplit([' ', ',']).next().unwrap_or("");
        if last.chars().filter(|c| c.is_alphabetic()).count() > 2 && !is_suffix(&format!("{last}."))
        {
            t = stripped.to_string();
        }
    }
    // `;` separates people whenever it is used (the comma then inverts names)
    let semi = t.contains(';');
    let pieces: Vec<Piece> = if semi {
        t.split(';').filter_map(|p| Piece::new(p, false)).collect()
    } else {
        split_pieces(&t)
    };
    if semi {
        for p in &pieces {
            if let Some(person) = person_from_piece(p) {
                authors.people.push(person);
            }
        }
        return authors;
    }
    let all_inverted = pieces.len() >= 2
        && pieces.chunks(2).all(|c| match c {
            [f, g] => {
                !g.after_and && family_before(&f.text, &g.text) && is_given_like(&g.text, true)
            }
            [s] => is_suffix(&s.text),
            _ => false,
        });
    let mut i = 0;
    while i < pieces.len() {
        let p = &pieces[i];
        let next = pieces.get(i + 1);
        // "King, Jr., Martin Luther": the suffix sits between family and given names
        if let (Some(sfx), Some(g)) = (next, pieces.get(i + 2)) {
            if is_family_like(&p.text) && is_suffix(&sfx.text) && is_given_like(&g.text, true) {
                let mut person = inverted(&p.text, &g.text);
                person.suffix = sfx.text.clone();
                person.equal = p.equal || g.equal;
                person.is_self = p.is_self || g.is_self;
                authors.people.push(person);
                i += 3;
                continue;
            }
        }
        // several given names ("Song, Shuaiwen Leon") only where inversion is certain: the
        // first name of a list (Chicago, MLA) or a list that is inverted throughout
        let loose = i == 0 || all_inverted;
        if let Some(n) = next.filter(|n| {
            !n.after_and && family_before(&p.text, &n.text) && is_given_like(&n.text, loose)
        }) {
            let mut person = inverted(&p.text, &n.text);
            person.equal = p.equal || n.equal;
            person.is_self = p.is_self || n.is_self;
            i += 2;
            if let Some(sfx) = pieces.get(i).filter(|s| is_suffix(&s.text)) {
                person.suffix = sfx.text.clone();
                i += 1;
            }
            authors.people.push(person);
            continue;
        }
        if is_suffix(&p.text) {
            if let Some(last) = authors.people.last_mut() {
                if last.suffix.is_empty() {
                    last.suffix = p.text.clone();
                    i += 1;
                    continue;
                }
            }
        }
        if let Some(person) = person_from_piece(p) {
            authors.people.push(person);
        }
        i += 1;
    }
    authors
}

/// One name as printed ("H. Huang", "**Jiaming Xu\*", "Haocheng Xi*", "Huang, H.").
pub fn parse_person(s: &str) -> Option<Person> {
    person_from_piece(&Piece::new(s, false)?)
}

/// A separator-delimited part of the list with its marks read off.
#[derive(Debug)]
struct Piece {
    text: String,
    equal: bool,
    is_self: bool,
    /// Joined to the previous piece by "and"/"&" (so it never completes an inverted name).
    after_and: bool,
}

impl Piece {
    fn new(raw: &str, after_and: bool) -> Option<Piece> {
        let (text, equal, is_self) = strip_marks(raw);
        if text.is_empty() {
            return None;
        }
        Some(Piece {
            text,
            equal,
            is_self,
            after_and,
        })
    }
}

/// `*A, B, C*` (a whole list in italics) loses the outer emphasis; `\*` marks stay.
fn unwrap_list_emphasis(s: &str) -> String {
    for d in ["*", "_"] {
        if let Some(inner) = s.strip_prefix(d).and_then(|r| r.strip_suffix(d)) {
            let double = inner.starts_with(d) && !inner.starts_with(&format!("{d}{d}{d}"));
            if !double && !inner.ends_with('\\') && !inner.is_empty() {
                return inner.to_string();
            }
        }
    }
    s.to_string()
}

/// Split at top-level separators, remembering which pieces followed "and"/"&".
fn split_pieces(t: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut last = 0;
    let mut after_and = false;
    for m in SEP.find_iter(t) {
        // a comma inside markup or parentheses is rare in names; keep it simple and linear
        if let Some(p) = Piece::new(&t[last..m.start()], after_and) {
            out.push(p);
        }
        let sep = m.as_str();
        after_and = sep.contains("and") || sep.contains('&');
        last = m.end();
    }
    if let Some(p) = Piece::new(&t[last..], after_and) {
        out.push(p);
    }
    out
}

/// Marks noted and removed: (plain name text, equal-contribution mark, bold/underlined self).
fn strip_marks(raw: &str) -> (String, bool, bool) {
    let mut s = raw.trim().to_string();
    let mut equal = false;
    let mut is_self = SELF_TAG.is_match(&s);
    if s.contains("<sup") || s.contains("<SUP") {
        let sup_mark = SUP
            .captures_iter(&s)
            .any(|c| c[1].chars().any(|ch| MARKS.contains(&ch)));
        equal |= sup_mark;
        s = SUP.replace_all(&s, "").into_owned();
    }
    if s.contains("\\*") {
        equal = true;
        s = s.replace("\\*", "");
    }
    // bold: the first `**` pair (or `__` pair) is the owner's emphasis; a `*` left over is a mark
    for d in ["**", "__"] {
        if let Some(a) = s.find(d) {
            if let Some(b) = s[a + 2..].find(d) {
                let b = a + 2 + b;
                s = format!("{}{}{}", &s[..a], &s[a + 2..b], &s[b + 2..]);
                is_self = true;
            }
        }
    }
    // a single `*...*` wrapping the whole name is italics, not a mark
    if let Some(inner) = s.strip_prefix('*').and_then(|r| r.strip_suffix('*')) {
        if !inner.contains('*') {
            s = inner.to_string();
        }
    }
    let plain = markup::plain(&s.replace('*', "\u{e003}"));
    equal |= plain.chars().any(|c| MARKS.contains(&c) || c == '\u{e003}');
    let text: String = plain
        .chars()
        .filter(|c| !MARKS.contains(c) && *c != '\u{e003}')
        .collect();
    // affiliation digits glued to a name ("Smith1") and edge punctuation go
    let text = text
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit() && c != '.')
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
        .trim_start_matches('.')
        .trim();
    let text = markup::squash(text);
    (text, equal, is_self)
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// "H.", "YJ.", "J.-P.", "A.B.", "H", "T.-c.", "A-M" — one word of initials.
fn is_initial_word(w: &str) -> bool {
    if !w.chars().next().is_some_and(char::is_uppercase)
        || !w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
    {
        return false;
    }
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    // "YJ.", "AB", "SS": a short run of capitals
    if letters.len() <= 3 && letters.iter().all(|c| c.is_uppercase()) && !w.contains('-') {
        return w.contains('.') || letters.len() <= 3;
    }
    // "J.-P.", "A.B.", "T.-c.", "A-M": one letter per segment
    w.split(['.', '-'])
        .filter(|seg| !seg.is_empty())
        .all(|seg| seg.chars().count() == 1)
        && letters.len() <= 4
}

/// A name particle ("van", "de", "la"): lower case, or short.
/// Byte length of an author list opening `s` and closed by ". " ("K. Zielińska, R.
/// Baumgartner. Title…", "Odhiambo GA, Were V. Title…"): every name has initials, and
/// a period after a lone initial ("K.") does not close the list.
pub fn author_prefix(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = s[from..].find(". ") {
        let end = from + k;
        from = end + 2;
        let head = s[..end].trim_start_matches(['*', '_']);
        let parts: Vec<&str> = head
            .split([',', ';', '&'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let last = parts.last()?;
        // "K" before the period: an initial inside a name, read on
        if last.split_whitespace().count() < 2 {
            continue;
        }
        let initial = |w: &str| {
            let w = w.trim_end_matches('.');
            !w.is_empty()
                && w.chars().count() <= 3
                && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
        };
        let named = parts.iter().all(|p| {
            let words: Vec<&str> = p
                .split_whitespace()
                .map(|w| w.trim_matches(['*', '_']))
                .collect();
            (2..=4).contains(&words.len())
                && words.iter().any(|w| initial(w))
                && words.iter().any(|w| w.chars().count() > 3 || !initial(w))
        });
        if !named {
            return None;
        }
        return (s[from..].split_whitespace().count() >= 3).then_some(from);
    }
    None
}

pub fn is_particle(w: &str) -> bool {
    // "AL" in "Ferreira AL" is Vancouver initials, not the particle "al"
    let capitals = w.chars().count() >= 2 && w.chars().all(char::is_uppercase);
    PARTICLES.contains(&w.to_lowercase().as_str())
        && !capitals
        && (w.chars().next().is_some_and(char::is_lowercase) || w.chars().count() <= 5)
}

fn is_suffix(s: &str) -> bool {
    SUFFIXES.contains(&s.trim())
}

fn is_capitalised_word(w: &str) -> bool {
    let w = w.trim_start_matches(['\'', '‘', '(']);
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic() && c.is_alphanumeric())
        || is_cjk(w)
        || elided_particle(w)
}

/// A family name opened by an elided particle: "d'Aubigny", "dell’Acqua", "l'Hôpital".
pub fn elided_particle(w: &str) -> bool {
    let Some(i) = w.find(['\'', '’']) else {
        return false;
    };
    matches!(&w[..i], "d" | "l" | "dell" | "dall" | "degl" | "D" | "L")
        && w[i..].chars().nth(1).is_some_and(char::is_uppercase)
}

/// Could this token be a family name standing before a comma ("Huang", "van der Berg",
/// "Camacho-Rodríguez", "Li Wei" is not: two capitalised words read as display order)?
fn is_family_like(s: &str) -> bool {
    let w = words(s);
    match w.as_slice() {
        [] => false,
        [one] => !is_initial_word(one) && !is_suffix(one) && !is_cjk(one),
        [.., last] => {
            // particles then one family word: "van der Berg", "de la Cruz"; after
            // particles a double (Spanish) family name too: "de la Fuente Ortega"
            let k = w.iter().take_while(|p| is_particle(p)).count();
            let rest = &w[k..];
            (rest.len() == 1 || (k > 0 && rest.len() == 2))
                && rest
                    .iter()
                    .all(|x| !is_initial_word(x) && is_capitalised_word(x))
                && !is_initial_word(last)
        }
    }
}

/// A family name before a comma and given names: `is_family_like`, or a short family name
/// in capitals before dotted initials ("DOE, A.", "LI, J.", as British Harvard prints them).
fn family_before(family: &str, given: &str) -> bool {
    let caps =
        |w: &str| (2..=3).contains(&w.chars().count()) && w.chars().all(|c| c.is_uppercase());
    // "Demirci Karagöz, A." (APA): a two-word family name before dotted initials only
    let initials = || {
        let g = words(given);
        !g.is_empty() && g.iter().all(|x| is_initial_word(x) && x.ends_with('.'))
    };
    let two_words = || {
        let f = words(family);
        f.len() == 2
            && f.iter()
                .all(|x| is_capitalised_word(x) && !is_initial_word(x))
    };
    is_family_like(family)
        || (caps(family) || two_words()) && given.contains('.') && (caps(family) || initials())
}

/// Could this token be given names after an inverted family name ("H.", "A. B.",
/// "Michael W.", "Jean-Paul", "Haojun")? `loose` also accepts several first names
/// ("Shuaiwen Leon").
fn is_given_like(s: &str, loose: bool) -> bool {
    let mut w = words(s);
    // trailing particles belong to the family name ("L. van", "G. di")
    while w.len() > 1
        && w.last()
            .is_some_and(|x| is_particle(x.trim_end_matches('.')))
    {
        w.pop();
    }
    if w.is_empty() || w.len() > 3 || is_cjk(s) {
        return false;
    }
    if w.iter().all(|x| is_initial_word(x)) {
        return true;
    }
    let name_word = |x: &&str| is_capitalised_word(x) && !x.ends_with('.') && !is_particle(x);
    // first names: one word, or a first name plus middle initials ("Michael W.")
    if !name_word(&w[0]) {
        return false;
    }
    w[1..]
        .iter()
        .all(|x| is_initial_word(x) || (loose && name_word(x)))
}

fn is_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x3040..=0x30FF | 0xAC00..=0xD7AF)
    })
}

/// "———", "---", "⸻" (Chicago, MLA): a rule printed in the authors' place, repeating the
/// authors of the reference above.
pub fn is_author_rule(s: &str) -> bool {
    let t = s.trim().trim_end_matches(['.', ',']);
    // ("⸻" is one character three dashes wide)
    (t.chars().count() >= 2 || t.contains('⸻'))
        && t.chars()
            .all(|c| matches!(c, '—' | '–' | '-' | '_' | '⸻' | ' '))
}

/// "Beethoven" + "L. van" → family "van Beethoven", given "L." (CSL styles print the
/// particle after the given names).
fn inverted(family: &str, given: &str) -> Person {
    let mut g: Vec<&str> = words(given);
    let mut particles = Vec::new();
    while g.len() > 1
        && g.last()
            .is_some_and(|w| is_particle(w.trim_end_matches('.')))
    {
        particles.insert(0, g.pop().unwrap_or_default().trim_end_matches('.'));
    }
    // a sentence period after the last name ("and Ada Lovelace. 2007.") is not part of it
    let family = family.trim();
    let family = if family.ends_with('.')
        && !is_initial_word(family)
        && !is_suffix(family)
        && family.chars().filter(|c| c.is_alphabetic()).count() >= 2
    {
        family.trim_end_matches('.')
    } else {
        family
    };
    let family = if particles.is_empty() {
        family.to_string()
    } else {
        format!("{} {family}", particles.join(" "))
    };
    Person {
        family,
        given: g.join(" "),
        ..Default::default()
    }
}

fn person_from_piece(p: &Piece) -> Option<Person> {
    let mut person = split_name(&p.text)?;
    person.equal = p.equal;
    person.is_self = p.is_self;
    Some(person)
}

/// One name in any order: "Last, First", "First Last", "Last FM", CJK.
fn split_name(s: &str) -> Option<Person> {
    let s = s.trim().trim_end_matches([';', ',']).trim();
    if s.is_empty() {
        return None;
    }
    if let Some((fam, rest)) = s.split_once(',') {
        let parts: Vec<&str> = rest.split(',').map(str::trim).collect();
        let mut p = inverted(fam, "");
        match parts.as_slice() {
            [sfx, given] if is_suffix(sfx) => {
                p.suffix = sfx.to_string();
                p.given = given.to_string();
            }
            [given, sfx] if is_suffix(sfx) => {
                p.given = given.to_string();
                p.suffix = sfx.to_string();
            }
            [one] if is_suffix(one) => {
                return split_display(fam).map(|mut d| {
                    d.suffix = one.to_string();
                    d
                })
            }
            _ => p.given = parts.join(" "),
        }
        return Some(p);
    }
    split_display(s)
}

/// Display order: "H. Huang", "Shuaiwen Leon Song", "Ludwig van Beethoven",
/// "Martin Luther King Jr.", and Vancouver "Soh YJ".
fn split_display(s: &str) -> Option<Person> {
    let mut w = words(s);
    let mut suffix = String::new();
    if w.len() > 1 && w.last().is_some_and(|l| is_suffix(l)) {
        suffix = w.pop().unwrap_or_default().to_string();
    }
    let mut p = match w.as_slice() {
        [] => return None,
        [one] => cjk_single(one).unwrap_or_else(|| inverted(one, "")),
        [first, .., last] => {
            if is_cjk(first) && is_cjk(last) && !first.chars().any(|c| c.is_ascii()) {
                // East Asian order: family name first
                inverted(first, &w[1..].join(" "))
            } else if let Some(k) = vancouver_initials_at(&w) {
                // Vancouver: "Soh YJ", "Smith AB", "Beethoven L van" (particles last)
                let family = w[k + 1..]
                    .iter()
                    .chain(&w[..k])
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                inverted(&family, w[k])
            } else {
                let start = (1..w.len() - 1)
                    .find(|&i| is_particle(w[i]))
                    .unwrap_or(w.len() - 1);
                inverted(&w[start..].join(" "), &w[..start].join(" "))
            }
        }
    };
    p.suffix = suffix;
    Some(p)
}

/// Where the bare initials of a Vancouver name sit: after the family words, followed by
/// particles only ("Smith AB" → 1, "Beethoven L van" → 1).
fn vancouver_initials_at(w: &[&str]) -> Option<usize> {
    let k = w.iter().rposition(|x| !is_particle(x))?;
    let ini = w[k];
    // a display-order name never ends with an initial, so "Smith J.A." is Vancouver too;
    // with words after the initials only bare ones count ("Beethoven L van", not "Quoc V. Le")
    let dotted_ok = k + 1 == w.len() || !ini.contains('.');
    (k >= 1 && !is_initial_word(w[0]) && is_initial_word(ini) && dotted_ok).then_some(k)
}

/// "王小明" → family "王", given "小明" (compound family names kept whole).
fn cjk_single(s: &str) -> Option<Person> {
    if !is_cjk(s) || s.chars().count() < 2 || s.chars().any(|c| c.is_ascii()) {
        return None;
    }
    let fam_len = if CJK_COMPOUND.iter().any(|c| s.starts_with(c)) && s.chars().count() > 2 {
        2
    } else {
        1
    };
    let split = s.char_indices().nth(fam_len).map_or(s.len(), |(i, _)| i);
    Some(inverted(&s[..split], &s[split..]))
}

/// The equal-contribution note: `Equal contribution: <names as printed>`. A single marked
/// author shares credit with nobody (the mark then flags a corresponding author), so no note.
pub fn equal_note(a: &Authors) -> Option<String> {
    let names: Vec<String> = a
        .people
        .iter()
        .filter(|p| p.equal)
        .map(Person::display)
        .collect();
    (names.len() >= 2).then(|| format!("Equal contribution: {}", names.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fams(s: &str) -> Vec<String> {
        parse_authors(s)
            .people
            .iter()
            .map(|p| format!("{}|{}", p.family, p.given))
            .collect()
    }

    #[test]
    fn author_prefixes() {
        let s = "K. Zielińska, R. Baumgartner. Lithium transport in LLZO (oral). MRS Fall Meeting";
        assert_eq!(
            &s[author_prefix(s).unwrap()..],
            "Lithium transport in LLZO (oral). MRS Fall Meeting"
        );
        let v = "Odhiambo GA, Were V. Using DHIS2 for surveillance. MIM Conference; 2024";
        assert_eq!(
            &v[author_prefix(v).unwrap()..],
            "Using DHIS2 for surveillance. MIM Conference; 2024"
        );
        assert!(author_prefix("Machine learning for ionics. Seminar, Warsaw, 2023").is_none());
        assert!(author_prefix("Invited talk. MRS Fall Meeting, Boston").is_none());
    }

    #[test]
    fn display_and_inverted_lists() {
        assert_eq!(fams("H. Huang, X. Chen"), ["Huang|H.", "Chen|X."]);
        assert_eq!(fams("Huang, H., & Chen, X."), ["Huang|H.", "Chen|X."]);
        assert_eq!(
            fams("Smith, John, Jane Doe, and Bob Roe"),
            ["Smith|John", "Doe|Jane", "Roe|Bob"]
        );
        assert_eq!(fams("Soh YJ, Tian Y"), ["Soh|YJ", "Tian|Y"]);
        assert_eq!(fams("H Huang and Y Tian"), ["Huang|H", "Tian|Y"]);
        assert_eq!(fams("Smith J.A., Doe A."), ["Smith|J.A.", "Doe|A."]);
        assert_eq!(fams("SMITH, J. and DOE, A."), ["SMITH|J.", "DOE|A."]);
        assert_eq!(
            fams("Kowalczyk, M., van 't Hof, E., Zhang, W."),
            ["Kowalczyk|M.", "van 't Hof|E.", "Zhang|W."]
        );
        assert_eq!(fams("Della Rocca, Giulia"), ["Della Rocca|Giulia"]);
        for rule in ["———.", "---", "–––", "⸻"] {
            assert!(is_author_rule(rule), "{rule}");
        }
        assert!(!is_author_rule("—") && !is_author_rule("Roe, J."));
        assert_eq!(
            fams("Beethoven L van, Le QV, Slaughter A-M"),
            ["van Beethoven|L", "Le|QV", "Slaughter|A-M"]
        );
        // particles then a double family name; without particles two words are display order
        assert_eq!(
            fams("**de la Fuente Ortega, S.**, & van Noord, G."),
            ["de la Fuente Ortega|S.", "van Noord|G."]
        );
        assert_eq!(fams("Li Wei, Chen Bo"), ["Wei|Li", "Bo|Chen"]);
    }

    #[test]
    fn marks_and_self() {
        let a = parse_authors("Z. He*, **H. Huang***, M. Jiang");
        assert!(a.people[0].equal && a.people[1].equal && !a.people[2].equal);
        assert!(a.people[1].is_self && !a.people[0].is_self);
        let b = parse_authors("*Haocheng Xi\\*, Shuo Yang\\*, Song Han*");
        assert_eq!(b.people.len(), 3);
        assert!(b.people[0].equal && b.people[1].equal && !b.people[2].equal);
        assert_eq!(b.people[2].family, "Han");
        assert_eq!(
            equal_note(&b).as_deref(),
            Some("Equal contribution: Haocheng Xi, Shuo Yang")
        );
        assert_eq!(equal_note(&parse_authors("A. Smith*, B. Jones")), None);
    }

    #[test]
    fn et_al() {
        let a = parse_authors("A. Smith, B. Jones, et al.");
        assert!(a.et_al);
        assert_eq!(a.people.len(), 2);
    }
}
