//! Grammar tables from `grammars/` (compiled in with `include_str!`, parsed once).
//!
//! Input: the TSV/TXT files. Output: lookup maps. Every table has a test that it is
//! sorted by its first column and has no duplicate keys.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Rows of a tab-separated table: `#` comment lines and blank lines skipped.
pub fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn map<V>(src: &'static str, f: impl Fn(&[&'static str]) -> Option<V>) -> HashMap<&'static str, V> {
    rows(src).filter_map(|r| Some((r[0], f(&r)?))).collect()
}

fn set(src: &'static str) -> HashSet<&'static str> {
    rows(src).map(|r| r[0]).collect()
}

pub const MONTHS_TSV: &str = include_str!("../grammars/months.tsv");
pub const PRESENT_TXT: &str = include_str!("../grammars/present.txt");
pub const SINCE_TXT: &str = include_str!("../grammars/since.txt");
pub const SECTIONS_TSV: &str = include_str!("../grammars/sections.tsv");
pub const DEGREES_TSV: &str = include_str!("../grammars/degrees.tsv");
pub const VENUES_TSV: &str = include_str!("../grammars/venues.tsv");
pub const NETWORKS_TSV: &str = include_str!("../grammars/networks.tsv");
pub const STOPWORDS_TXT: &str = include_str!("../grammars/stopwords.txt");
pub const ARXIV_TXT: &str = include_str!("../grammars/arxiv_categories.txt");
pub const PLACES_TSV: &str = include_str!("../grammars/places.tsv");
pub const CITIES_TSV: &str = include_str!("../grammars/cities.tsv");
pub const REGIONS_TXT: &str = include_str!("../grammars/regions.txt");
pub const ROLES_TXT: &str = include_str!("../grammars/roles.txt");
pub const ROLE_WORDS_TXT: &str = include_str!("../grammars/role_words.txt");
pub const LISTING_WORDS_TSV: &str = include_str!("../grammars/listing_words.tsv");
pub const ORGANIZATIONS_TXT: &str = include_str!("../grammars/organizations.txt");
pub const ORG_WORD_CITIES_TXT: &str = include_str!("../grammars/org_word_cities.txt");
pub const LANGUAGES_TXT: &str = include_str!("../grammars/languages.txt");
pub const ORG_CITY_LEAD_TXT: &str = include_str!("../grammars/org_city_lead.txt");
pub const TABLE_HEADERS_TXT: &str = include_str!("../grammars/table_headers.txt");
pub const PERSONAL_DATA_TXT: &str = include_str!("../grammars/personal_data.txt");
pub const HEADING_QUALIFIERS_TXT: &str = include_str!("../grammars/heading_qualifiers.txt");
pub const WORK_TYPES_TSV: &str = include_str!("../grammars/work_types.tsv");
pub const WORK_TYPE_WORDS_TXT: &str = include_str!("../grammars/work_type_words.txt");

/// Every table, for the sortedness test.
pub const ALL: &[(&str, &str)] = &[
    ("months.tsv", MONTHS_TSV),
    ("present.txt", PRESENT_TXT),
    ("since.txt", SINCE_TXT),
    ("sections.tsv", SECTIONS_TSV),
    ("degrees.tsv", DEGREES_TSV),
    ("venues.tsv", VENUES_TSV),
    ("networks.tsv", NETWORKS_TSV),
    ("stopwords.txt", STOPWORDS_TXT),
    ("arxiv_categories.txt", ARXIV_TXT),
    ("places.tsv", PLACES_TSV),
    ("cities.tsv", CITIES_TSV),
    ("regions.txt", REGIONS_TXT),
    ("roles.txt", ROLES_TXT),
    ("role_words.txt", ROLE_WORDS_TXT),
    ("listing_words.tsv", LISTING_WORDS_TSV),
    ("organizations.txt", ORGANIZATIONS_TXT),
    ("org_word_cities.txt", ORG_WORD_CITIES_TXT),
    ("languages.txt", LANGUAGES_TXT),
    ("org_city_lead.txt", ORG_CITY_LEAD_TXT),
    ("table_headers.txt", TABLE_HEADERS_TXT),
    ("personal_data.txt", PERSONAL_DATA_TXT),
    ("heading_qualifiers.txt", HEADING_QUALIFIERS_TXT),
    ("work_types.tsv", WORK_TYPES_TSV),
    ("work_type_words.txt", WORK_TYPE_WORDS_TXT),
];

/// Words that only qualify a section name ("peer-reviewed", "selected").
pub static HEADING_QUALIFIERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(HEADING_QUALIFIERS_TXT));

/// Labels of personal data in CV headers ("date of birth", "nationality").
pub static PERSONAL_DATA: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(PERSONAL_DATA_TXT));

/// Column headings of CV and form tables ("institution and location", "mm/yyyy").
pub static TABLE_HEADERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(TABLE_HEADERS_TXT));

/// Words after which a city belongs to an organisation's name ("Universität Graz").
pub static ORG_CITY_LEAD: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(ORG_CITY_LEAD_TXT));

/// Spoken languages, lower case.
pub static LANGUAGE_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(LANGUAGES_TXT));

/// Month word (lower case) → 1..=12.
pub static MONTHS: LazyLock<HashMap<&'static str, u8>> =
    LazyLock::new(|| map(MONTHS_TSV, |r| r.get(1)?.parse().ok()));
pub static PRESENT: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(PRESENT_TXT));
/// Words opening a running range ("since 2022").
pub static SINCE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(SINCE_TXT));
/// Heading (lower case) → section kind name (see `sections::SectionKind`).
pub static SECTIONS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| map(SECTIONS_TSV, |r| r.get(1).copied()));
/// Degree word → canonical studyType, or "=" to keep as printed.
pub static DEGREES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| map(DEGREES_TSV, |r| r.get(1).copied()));

/// One row of `venues.tsv`.
#[derive(Debug, Clone, Copy)]
pub struct Venue {
    pub full: &'static str,
    pub kind: &'static str,
}
pub static VENUES: LazyLock<HashMap<&'static str, Venue>> = LazyLock::new(|| {
    map(VENUES_TSV, |r| {
        Some(Venue {
            full: r.get(1)?,
            kind: r.get(2)?,
        })
    })
});
pub static NETWORKS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| map(NETWORKS_TSV, |r| r.get(1).copied()));
pub static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(STOPWORDS_TXT));
/// Country names and state/region codes that end a printed location.
/// Major cities, which also end a location (their country code as the value).
pub static PLACES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut m = map(PLACES_TSV, |r| r.get(1).copied());
    m.extend(map(CITIES_TSV, |r| r.get(1).copied()));
    m
});
/// Full names of states and provinces: a location's last part after a city only.
pub static REGIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(REGIONS_TXT));
/// The cities among `PLACES`.
pub static CITIES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| map(CITIES_TSV, |r| r.get(1).copied()));
/// Last words of job titles.
pub static ROLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(ROLES_TXT));
/// Words that may stand before a job title's last word.
pub static ROLE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(ROLE_WORDS_TXT));
/// Words that make a phrase an organisation ("university", "lab", "club").
pub static ORGANIZATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(ORGANIZATIONS_TXT));
/// Cities named with an organisation word ("college station").
pub static ORG_WORD_CITIES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(ORG_WORD_CITIES_TXT));
pub static ARXIV_CATEGORIES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(ARXIV_TXT));
/// Listing-page furniture word (lower case) → role ("label" or "stat").
/// Work-type phrase (lower case) → publication kind name ("book chapter" labels hold both
/// "book" and "chapter": the longer phrase decides).
/// Every word a work-type line may hold: the qualifier words and the words of the
/// `work_types.tsv` phrases.
pub static WORK_TYPE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut words = set(WORK_TYPE_WORDS_TXT);
    words.extend(rows(WORK_TYPES_TSV).flat_map(|r| r[0].split(' ')));
    words
});
pub static WORK_TYPES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| map(WORK_TYPES_TSV, |r| r.get(1).copied()));
pub static LISTING_WORDS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| map(LISTING_WORDS_TSV, |r| r.get(1).copied()));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_sorted_and_unique() {
        for (name, src) in ALL {
            let keys: Vec<&str> = rows(src).map(|r| r[0]).collect();
            assert!(!keys.is_empty(), "{name} is empty");
            for w in keys.windows(2) {
                assert!(
                    w[0] < w[1],
                    "{name}: {:?} must sort before {:?} (sorted, unique)",
                    w[0],
                    w[1]
                );
            }
        }
    }

    #[test]
    fn lookups_work() {
        assert_eq!(MONTHS.get("sept"), Some(&9));
        assert_eq!(SECTIONS.get("education"), Some(&"education"));
        assert!(PRESENT.contains("present"));
        assert_eq!(NETWORKS.get("github.com"), Some(&"GitHub"));
    }
}
