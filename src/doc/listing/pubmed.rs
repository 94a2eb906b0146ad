//! A PubMed result list copied as text (the "Summary" view) → `Record`.
//!
//! Input: one record per paper, closed by its "PMID: …" line: an optional result number,
//! the title, the authors in Vancouver form ("Okafor AN, Smith JB."), and the citation line
//! ("Lancet Infect Dis. 2015 Mar;15(3):301-9. doi: … Epub 2015 Jan 20."). Output: the
//! papers, each read by the shared reference parser from "authors title citation", so the
//! Vancouver rules live in one place.

use crate::lex::citation;
use crate::model::Record;

fn pmid_line(l: &str) -> bool {
    l.strip_prefix("PMID:").is_some_and(|r| {
        let d: String = r.trim().chars().take_while(char::is_ascii_digit).collect();
        (5..=9).contains(&d.len())
    })
}

/// "Lancet Infect Dis. 2015 Mar;15(3):301-9.", "BMJ Open. 2019 Nov 3;9(11):e031234.": a
/// journal, a year and its volume or pages after a semicolon.
fn citation_line(l: &str) -> bool {
    l.split(". ").skip(1).any(|part| {
        part.starts_with(|c: char| c.is_ascii_digit())
            && part
                .get(..4)
                .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
            && (part.contains(';') || part.contains(':'))
    })
}

/// Does the text look like a PubMed result list: PMID lines closing citation lines? A record
/// is a handful of lines, so PMIDs are dense; a CV that prints one beside a paper is no list.
pub fn is_listing(src: &str) -> bool {
    let (mut pmids, mut lines) = (0, 0);
    for l in src.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines += 1;
        pmids += usize::from(pmid_line(l));
    }
    pmids >= 1 && pmids * 12 >= lines && src.lines().any(|l| citation_line(l.trim()))
}

/// Lines PubMed prints around the records.
fn chrome(l: &str) -> bool {
    l.is_empty()
        || l.bytes().all(|b| b.is_ascii_digit())
        || l.starts_with("Cited ")
        || l.starts_with("Items:")
        || matches!(
            l,
            "Search results" | "Similar articles" | "Free PMC article." | "Review."
        )
}

pub fn parse(src: &str) -> Record {
    let mut r = Record::default();
    let mut record: Vec<&str> = Vec::new();
    for l in src.lines().map(str::trim) {
        if pmid_line(l) {
            if let Some(p) = read(&record) {
                r.publications.push(p);
            }
            record.clear();
        } else if !chrome(l) {
            record.push(l);
        }
    }
    r
}

fn read(lines: &[&str]) -> Option<crate::model::Publication> {
    let cite = lines.iter().rposition(|l| citation_line(l))?;
    if cite < 2 {
        return None;
    }
    let authors = lines[cite - 1];
    let title = lines[..cite - 1].join(" ");
    // "… doi: 10.1016/x. Epub 2015 Jan 20.": the online-first date is not the issue's
    let c = lines[cite];
    let c = c.find(" Epub ").map_or(c, |i| &c[..i]);
    citation::parse_reference(&format!("{authors} {title} {c}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "Search results\nItems: 2\n\n1\nHousehold contact tracing for tuberculosis in Lagos.\nOkafor AN, Smith JB, Adeyemi T.\nLancet Infect Dis. 2015 Mar;15(3):301-9. doi: 10.1016/S1473-3099(14)71056-1. Epub 2015 Jan 20.\nPMID: 25678123 Free PMC article.\n\n2\nCited 12 times\nLatent tuberculosis screening in antenatal\ncare.\nBello K, Okafor AN, et al.\nBMJ Open. 2019 Nov 3;9(11):e031234.\nPMID: 31685678\n";

    #[test]
    fn a_cv_with_one_pmid_is_no_list() {
        let mut cv = String::from("# Jane Roe\n\n## Education\n\n");
        for i in 0..20 {
            cv.push_str(&format!("- Item {i}, University of Nairobi, 2019\n"));
        }
        cv.push_str(
            "1. Roe J. Title. Lancet. 2021;1:2-9.\n   PMID: 34126999; PMCID: PMC8201234.\n",
        );
        assert!(!is_listing(&cv));
    }

    #[test]
    fn reads_a_pubmed_list() {
        assert!(is_listing(LIST));
        let r = parse(LIST);
        assert_eq!(r.publications.len(), 2);
        let p = &r.publications[0];
        assert_eq!(
            p.title,
            "Household contact tracing for tuberculosis in Lagos"
        );
        assert_eq!(p.venue, "Lancet Infect Dis");
        assert_eq!(p.authors.people.len(), 3);
        assert_eq!(p.date, Some(crate::model::Date::ym(2015, 3)));
        assert_eq!(
            r.publications[1].title,
            "Latent tuberculosis screening in antenatal care"
        );
        assert!(r.publications[1].authors.et_al);
    }
}
