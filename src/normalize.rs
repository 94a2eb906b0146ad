//! Whole-record clean-up after extraction: owner-name inference, duplicate publications,
//! citation keys.
//!
//! Input: `Record`. Output: the same `Record`, tidied; keys are computed on demand.

use std::collections::HashMap;

use crate::model::{Publication, Record};
use crate::tables::STOPWORDS;

/// Greek letters spelled out in keys (`η-LSTM` → `etalstm`), where plain transliteration
/// would lose them.
fn greek(c: char) -> Option<&'static str> {
    const G: &[(char, &str)] = &[
        ('α', "alpha"),
        ('β', "beta"),
        ('γ', "gamma"),
        ('δ', "delta"),
        ('ε', "epsilon"),
        ('ζ', "zeta"),
        ('η', "eta"),
        ('θ', "theta"),
        ('ι', "iota"),
        ('κ', "kappa"),
        ('λ', "lambda"),
        ('μ', "mu"),
        ('ν', "nu"),
        ('ξ', "xi"),
        ('π', "pi"),
        ('ρ', "rho"),
        ('σ', "sigma"),
        ('τ', "tau"),
        ('υ', "upsilon"),
        ('φ', "phi"),
        ('χ', "chi"),
        ('ψ', "psi"),
        ('ω', "omega"),
    ];
    let l = c.to_lowercase().next()?;
    G.iter().find(|(g, _)| *g == l).map(|(_, s)| *s)
}

/// Lower-case ASCII letters and digits only.
pub fn key_part(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if let Some(g) = greek(c) {
            out.push_str(g);
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() {
            out.extend(
                deunicode::deunicode_char(c)
                    .unwrap_or("")
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_lowercase()),
            );
        }
    }
    out
}

/// `<first author's last name><year><first significant title word>`; an edited book with no
/// authors takes its first editor's name.
pub fn base_key(p: &Publication) -> String {
    let first = p.authors.people.first().or(p.editors.people.first());
    let author = first.map(|a| {
        let family = if a.family.is_empty() {
            &a.given
        } else {
            &a.family
        };
        // the whole family name, particles and all ("van der Berg" → "vanderberg")
        key_part(family)
    });
    let year = p
        .date
        .and_then(|d| d.year)
        .map(|y| y.to_string())
        .unwrap_or_default();
    let word = p
        .title
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !w.is_empty() && !STOPWORDS.contains(w.to_lowercase().as_str()))
        .map(key_part)
        .unwrap_or_default();
    let mut k = format!("{}{}{}", author.unwrap_or_default(), year, word);
    if k.is_empty() {
        k = "anon".to_string();
    }
    if k.starts_with(|c: char| c.is_ascii_digit()) {
        k.insert_str(0, "ref");
    }
    k
}

/// Unique, stable keys in document order: repeats get `a`, `b`, ... suffixes.
pub fn cite_keys(pubs: &[Publication]) -> Vec<String> {
    let bases: Vec<String> = pubs.iter().map(base_key).collect();
    let mut total: HashMap<&str, usize> = HashMap::new();
    for b in &bases {
        *total.entry(b.as_str()).or_default() += 1;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(bases.len());
    for b in &bases {
        let n = seen.entry(b.clone()).or_default();
        let mut k = if *n == 0 {
            b.clone()
        } else {
            format!("{b}{}", suffix(*n - 1))
        };
        *n += 1;
        // a suffixed key may collide with another base ("xia2024a" the title word "a"): go on
        let mut extra = *n;
        while used.contains(&k) {
            k = format!("{b}{}", suffix(extra));
            extra += 1;
        }
        used.insert(k.clone());
        out.push(k);
    }
    out
}

fn suffix(n: usize) -> String {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    if n < 26 {
        (letters[n] as char).to_string()
    } else {
        format!("{}{}", suffix(n / 26 - 1), letters[n % 26] as char)
    }
}

/// Titles compared loosely: case, punctuation and spacing ignored.
pub fn title_key(t: &str) -> String {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Tidy a record: publications that appear twice keep the richer copy, and a CV that
/// never names its owner takes the one author present in every publication.
pub fn normalize(mut r: Record) -> Record {
    dedupe_publications(&mut r.publications);
    for p in &mut r.publications {
        tidy_notes(&mut p.notes);
    }
    let gloss = crate::lex::strip_native_gloss;
    for e in &mut r.education {
        e.institution = gloss(&e.institution);
    }
    for w in &mut r.work {
        w.name = gloss(&w.name);
    }
    for v in &mut r.volunteer {
        v.organization = gloss(&v.organization);
    }
    for a in &mut r.awards {
        a.awarder = gloss(&a.awarder);
    }
    merge_education(&mut r.education);
    if r.basics.name.is_empty() {
        if let Some(n) = owner_from_publications(&r.publications) {
            r.basics.name = n;
        }
    }
    r
}

/// Remarks once each, without the symbol a page prints before them ("★ Best Paper").
fn tidy_notes(notes: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    notes.retain_mut(|n| {
        *n = n
            .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != '"')
            .trim()
            .to_string();
        !n.is_empty() && seen.insert(n.clone())
    });
}

/// Two entries for one degree (one from an about text, one from the education list): same
/// dates (or none on one side) and one institution inside the other. The later, listed
/// entry keeps its place and takes the fields it lacks.
fn merge_education(edu: &mut Vec<crate::model::Education>) {
    let mut i = 0;
    while i < edu.len() {
        let a = &edu[i];
        let ia = a.institution.to_lowercase();
        let partner = edu.iter().enumerate().position(|(j, b)| {
            let ib = b.institution.to_lowercase();
            j != i
                && !ia.is_empty()
                && !ib.is_empty()
                && (ia.contains(&ib) || ib.contains(&ia))
                && (a.dates == b.dates || a.dates.is_none())
                && (a.study_type.is_empty()
                    || b.study_type.is_empty()
                    || a.study_type == b.study_type)
                && (a.area.is_empty() || b.area.is_empty() || a.area == b.area)
                && (a.dates.is_none() || b.study_type.is_empty())
        });
        match partner {
            Some(j) if j > i => {
                let a = edu.remove(i);
                let b = &mut edu[j - 1];
                for (dst, src) in [
                    (&mut b.study_type, a.study_type),
                    (&mut b.area, a.area),
                    (&mut b.score, a.score),
                ] {
                    if dst.is_empty() {
                        *dst = src;
                    }
                }
            }
            _ => i += 1,
        }
    }
}

fn richness(p: &Publication) -> usize {
    p.authors.people.len()
        + [&p.venue, &p.url, &p.doi, &p.arxiv, &p.abstract_]
            .iter()
            .filter(|s| !s.is_empty())
            .count()
            * 2
        + usize::from(p.date.is_some())
}

fn dedupe_publications(pubs: &mut Vec<Publication>) {
    let mut keep: Vec<Publication> = Vec::with_capacity(pubs.len());
    let mut index: HashMap<String, usize> = HashMap::new();
    for p in pubs.drain(..) {
        let k = title_key(&p.title);
        if k.is_empty() {
            keep.push(p);
            continue;
        }
        match index.get(&k) {
            Some(&i) => {
                if richness(&p) > richness(&keep[i]) {
                    keep[i] = p;
                }
            }
            None => {
                index.insert(k, keep.len());
                keep.push(p);
            }
        }
    }
    *pubs = keep;
}

/// The one author (by family name + first initial) who appears in every publication.
pub fn owner_from_publications(pubs: &[Publication]) -> Option<String> {
    let with_authors: Vec<&Publication> = pubs.iter().filter(|p| !p.authors.is_empty()).collect();
    if with_authors.len() < 2 {
        return None;
    }
    let ident = |a: &crate::model::Person| {
        format!(
            "{}|{}",
            a.family.to_lowercase(),
            a.given.chars().next().unwrap_or(' ').to_lowercase()
        )
    };
    let mut counts: HashMap<String, (usize, String)> = HashMap::new();
    for p in &with_authors {
        let mut seen = std::collections::HashSet::new();
        for a in &p.authors.people {
            let id = ident(a);
            if seen.insert(id.clone()) {
                let e = counts.entry(id).or_insert((0, String::new()));
                e.0 += 1;
                // the fullest spelling names the owner
                if a.display().len() > e.1.len() {
                    e.1 = a.display();
                }
            }
        }
    }
    let all: Vec<&(usize, String)> = counts
        .values()
        .filter(|(n, _)| *n == with_authors.len())
        .collect();
    match all.as_slice() {
        [one] => Some(one.1.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Authors, Date, Person};

    fn p(family: &str, year: u16, title: &str) -> Publication {
        Publication {
            title: title.into(),
            authors: Authors {
                people: vec![Person {
                    given: "A.".into(),
                    family: family.into(),
                    ..Default::default()
                }],
                et_al: false,
            },
            date: Some(Date::year(year)),
            ..Default::default()
        }
    }

    #[test]
    fn keys_follow_mapping() {
        assert_eq!(
            base_key(&p("Xia", 2024, "FP6-LLM: Efficiently Serving")),
            "xia2024fp6llm"
        );
        assert_eq!(
            base_key(&p("Zhang", 2021, "η-LSTM: Co-Designing")),
            "zhang2021etalstm"
        );
        assert_eq!(base_key(&p("Soh", 2025, "You only use")), "soh2025you");
        assert_eq!(
            base_key(&p("Camacho-Rodríguez", 2024, "The Art of X")),
            "camachorodriguez2024art"
        );
        assert_eq!(
            base_key(&p("van der Maaten", 2008, "Visualizing Data")),
            "vandermaaten2008visualizing"
        );
    }

    #[test]
    fn keys_unique_and_stable() {
        let v = vec![
            p("Xia", 2024, "Same"),
            p("Xia", 2024, "Same title"),
            p("Xia", 2024, "Same"),
        ];
        let k = cite_keys(&v);
        assert_eq!(k, ["xia2024same", "xia2024samea", "xia2024sameb"]);
        assert_eq!(k, cite_keys(&v));
    }

    #[test]
    fn owner_is_the_common_author() {
        let mut a = p("Xia", 2024, "One");
        a.authors.people[0].given = "Haojun".into();
        let mut b = p("Wu", 2023, "Two");
        b.authors.people.push(Person {
            given: "Haojun".into(),
            family: "Xia".into(),
            ..Default::default()
        });
        assert_eq!(
            owner_from_publications(&[a, b]).as_deref(),
            Some("Haojun Xia")
        );
    }
}
