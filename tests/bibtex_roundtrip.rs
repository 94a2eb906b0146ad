//! Every fixture's BibTeX parses back with the `biblatex` crate: same number of entries,
//! same author lists; and two runs give the same bytes (stable keys).

use biblatex::{Bibliography, ChunksExt};

#[test]
fn fixture_bibtex_parses_back() {
    for p in crate::common::documents() {
        let out = crate::common::convert(&p);
        let bib = Bibliography::parse(&out.bibtex)
            .unwrap_or_else(|e| panic!("{}: {e}\n{}", p.display(), out.bibtex));
        assert_eq!(bib.len(), out.record.publications.len(), "{}", p.display());
        for (entry, publication) in bib.iter().zip(&out.record.publications) {
            let want: Vec<String> = publication
                .authors
                .people
                .iter()
                .map(|a| a.family.clone())
                .collect();
            let got: Vec<String> = match entry.author() {
                Ok(people) => people
                    .iter()
                    // "van der Berg, Ludwig": biblatex keeps the particle as `prefix`.
                    .map(|a| format!("{} {}", a.prefix, a.name).trim().to_string())
                    .filter(|n| n != "others")
                    .collect(),
                Err(_) => Vec::new(),
            };
            let want_plain: Vec<String> = want.iter().map(|f| f.replace(['{', '}'], "")).collect();
            let got_plain: Vec<String> = got.iter().map(|f| f.replace(['{', '}'], "")).collect();
            if publication.authors.people.iter().all(|a| !a.organization) {
                assert_eq!(got_plain, want_plain, "{}: {}", p.display(), entry.key);
            }
            let _ = entry.title().map(|t| t.format_verbatim());
        }
    }
}

#[test]
fn output_is_byte_stable() {
    for p in crate::common::documents() {
        let a = crate::common::convert(&p);
        let b = crate::common::convert(&p);
        assert_eq!(a.bibtex, b.bibtex, "{}", p.display());
        assert_eq!(a.resume, b.resume, "{}", p.display());
    }
}

#[test]
fn keys_are_unique_ascii() {
    for p in crate::common::documents() {
        let out = crate::common::convert(&p);
        let keys: Vec<&str> = out
            .bibtex
            .lines()
            .filter_map(|l| l.strip_prefix('@'))
            .filter_map(|l| l.split_once('{'))
            .map(|(_, k)| k.trim_end_matches(','))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len(), "{}: duplicate keys", p.display());
        assert!(
            keys.iter().all(|k| k
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
            "{}: {keys:?}",
            p.display()
        );
    }
}
