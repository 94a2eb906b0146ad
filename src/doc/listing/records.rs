//! Lines of a listing page that has no paper cards (no category/date meta lines) → one
//! `Publication` per record: a lab or group publications page, a Google-Scholar-like list.
//!
//! Input: `Line`s, where a gap (a blank line or a block element such as `<li>`) starts a
//! record. Output: publications in page order. A record is either one line holding a whole
//! reference ("A. Author, B. Author. Title. Venue, 2023. [PDF]") or stacked lines: title,
//! author line, venue line, then link labels ("[PDF] [Code]"). Year or section headings
//! ("2024", "Journal Articles") read as neither and are skipped.

use super::cards::{author_line, Line};
use super::meta;
use crate::lex::{citation, ids, name, venue};
use crate::markup::{self, Link};
use crate::model::{PubKind, Publication};

/// The page's records as publications; the index of the line that opens the first one.
pub fn read(lines: &[Line]) -> (Vec<Publication>, Option<usize>) {
    // a title line followed by the first of a run of author lines opens a record, also with
    // no blank line between records (text copied from Scholar-like pages)
    let plain: Vec<String> = lines.iter().map(|l| markup::plain(&l.text)).collect();
    // ("PDF Slides" reads like two names: button rows are no author lines)
    let authors: Vec<bool> = plain
        .iter()
        .map(|t| author_line(t) && !labels_only(t))
        .collect();
    // HTML that puts every field in its own block (Scholar's table cells) marks a gap before
    // almost every line: then gaps say nothing and only anchors open records, when such
    // stacked records exist at all (one-line records in <li>s keep their gaps)
    let stacked_at = |i: usize| {
        i >= 1
            && authors.get(i) == Some(&true)
            && authors.get(i - 1) == Some(&false)
            && plain.get(i - 1).is_some_and(|t| title_line(t))
    };
    let gaps = lines.iter().filter(|l| l.gap).count();
    // (one title-over-name pair in a sidebar, "Principal Investigator" over "Dr. Meera
    // Kulkarni", is no stacked list)
    let mut stacked = (1..lines.len()).filter(|&i| stacked_at(i)).count();
    // a page of one-line references outnumbering title-over-name pairs has no stacked
    // records: the pairs are a sidebar's "Publications before 2022…" over "Prof. Jane Roe"
    if stacked > 0 {
        let one_liners = plain
            .iter()
            // (a whole reference shows a comma and a year: only such lines are parsed)
            .filter(|t| {
                t.len() > 60
                    && t.contains(", ")
                    && t.bytes().any(|b| b.is_ascii_digit())
                    && one_line(t).is_some()
            })
            .take(stacked + 1)
            .count();
        if one_liners > stacked {
            stacked = 0;
        }
    }
    let lone_pair = stacked == 1 && lines.len() > 8;
    let gaps_mean = gaps * 10 <= lines.len() * 6 || stacked == 0 || lone_pair;
    // a repository's work-type line ("Journal article") opens the record below it
    let typed: Vec<bool> = plain
        .iter()
        .map(|t| venue::work_type_line(t).is_some())
        .collect();
    let after_type = |i: usize| i >= 1 && typed[i - 1];
    let anchor = |i: usize| {
        stacked > 0
            && !lone_pair
            && lines.get(i).is_some_and(|l| !l.gap || !gaps_mean)
            && stacked_at(i)
    };
    // (the type line above a title has opened the record already)
    let opens_at = |i: usize| anchor(i + 1) && !after_type(i);
    let mut out = Vec::new();
    let mut first = None;
    // with stacked records, what comes before the first one is the page header
    // (a repository page's first type line ends its header: "Profile of X" over "X" is
    // no record)
    let first_typed = (typed.iter().filter(|t| **t).count() >= 2)
        .then(|| typed.iter().position(|t| *t))
        .flatten();
    let mut start = first_typed
        .or_else(|| lines.iter().position(|l| dblp_key(&l.text)))
        .or_else(|| {
            (0..lines.len())
                .find(|&i| anchor(i + 1))
                .map(|i| i - usize::from(after_type(i)))
        })
        .unwrap_or(0);
    let heads = year_headings(&plain, start);
    let mut group_year = heads
        .iter()
        .rfind(|&&h| h < start)
        .and_then(|&h| year_line(&plain[h]));
    // (lines with no date, venue or link are page text: an address block)
    // (a co-author card, "Henry van den Bedem" / "Atomwise", shows one name and no date)
    let substantial = |p: &Publication| {
        p.date.is_some()
            || (!p.venue.is_empty() && p.authors.people.len() + usize::from(p.authors.et_al) >= 2)
            || !p.url.is_empty()
            || !p.doi.is_empty()
            || !p.arxiv.is_empty()
    };
    for i in start + 1..=lines.len() {
        let opens = lines
            .get(i)
            // (a row of link buttons in its own block belongs to the record above it)
            .is_none_or(|l| {
                (l.gap && gaps_mean && !labels_only(&markup::plain(&l.text)))
                    || l.heading
                    || dblp_key(&l.text)
            })
            || typed.get(i) == Some(&true)
            || heads.binary_search(&i).is_ok()
            || opens_at(i);
        if !opens {
            continue;
        }
        if heads.binary_search(&start).is_ok() {
            group_year = plain.get(start).and_then(|t| year_line(t));
        }
        let dated = |mut p: Publication| {
            p.date = p.date.or(group_year);
            p
        };
        if let Some(p) = lines
            .get(start..i)
            .and_then(record)
            .map(dated)
            .filter(substantial)
        {
            first.get_or_insert(start);
            out.push(p);
        }
        start = i;
    }
    (out, first)
}

/// Bare year lines that head groups of records ("2025" over that year's outputs), not close
/// each record (Semantic Scholar prints a record's year after its venue): they are distinct
/// and the first comes before the first record.
fn year_headings(plain: &[String], first_record: usize) -> Vec<usize> {
    let at: Vec<usize> = (0..plain.len())
        .filter(|&i| year_line(&plain[i]).is_some())
        .collect();
    let mut years: Vec<&str> = at.iter().map(|&i| plain[i].trim()).collect();
    years.sort_unstable();
    years.dedup();
    // (a citations-per-year histogram prints years in a run, then the counts)
    let run = at.windows(2).any(|w| w[1] == w[0] + 1);
    let leads = !run
        && at
            .first()
            .is_some_and(|&i| i < first_record && first_record - i <= 2);
    if leads && years.len() == at.len() {
        at
    } else {
        Vec::new()
    }
}

/// A DBLP entry key on its own line ("[c15]", "[j7]", "[i9]"): it opens a record.
pub fn dblp_key(t: &str) -> bool {
    let t = t.trim();
    let Some(inner) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) else {
        return false;
    };
    let letters = inner.chars().take_while(char::is_ascii_alphabetic).count();
    let digits = inner.len() - letters;
    (1..=3).contains(&letters)
        && (1..=4).contains(&digits)
        && inner.bytes().skip(letters).all(|b| b.is_ascii_digit())
}

/// A line that can be a paper title: words, not a counter, label or bare number.
fn title_line(t: &str) -> bool {
    let t = t.trim();
    t.split_whitespace().count() >= 2
        && !crate::lex::date::year_group(t)
        && !meta::label_line(t)
        && !meta::stat_line(t)
        && !labels_only(t)
        && t.chars().filter(|c| c.is_alphabetic()).count() * 2 > t.chars().count()
}

/// A line of Semantic-Scholar fields of study ("Computer Science, Physics").
fn fields_line(t: &str) -> bool {
    let parts: Vec<String> = t.split(',').map(|p| p.trim().to_lowercase()).collect();
    !parts.is_empty()
        && parts
            .iter()
            .all(|p| crate::tables::LISTING_WORDS.get(p.as_str()) == Some(&"field"))
}

/// A bare year line ("2023").
fn year_line(t: &str) -> Option<crate::model::Date> {
    let t = t.trim();
    (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| crate::lex::date::parse_range(t).map(|r| r.start))
        .flatten()
}

/// Link-label text ("[PDF] [Code]", "PDF | Video") with its brackets.
fn labels_only(t: &str) -> bool {
    let t = t.replace(['[', ']', '(', ')'], " ");
    meta::label_line(&t)
}

/// Trailing link labels glued to a one-line record: "... 2023. [PDF] [Code]".
fn strip_trailing_labels(t: &str) -> &str {
    let mut t = t.trim_end();
    while let Some(open) = t.strip_suffix(']').and_then(|s| s.rfind('[')) {
        let inner = t.get(open + 1..t.len() - 1).unwrap_or_default();
        if !meta::label_line(inner) {
            break;
        }
        t = t.get(..open).unwrap_or_default().trim_end();
    }
    t
}

fn record(group: &[Line]) -> Option<Publication> {
    let links: Vec<&Link> = group.iter().flat_map(|l| &l.links).collect();
    // columns stay tab-separated (a Scholar venue line ends in count and year columns)
    let texts: Vec<String> = group
        .iter()
        .map(|l| {
            crate::lex::split_columns(&l.text)
                .iter()
                .map(|c| markup::plain(c))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .filter(|t| {
            !t.trim().is_empty() && (!labels_only(t) || t.trim().eq_ignore_ascii_case("arxiv"))
        })
        .collect();
    let mut texts: Vec<String> = texts.into_iter().filter(|t| !dblp_key(t)).collect();
    let typed = texts.first().and_then(|t| venue::work_type_line(t));
    if typed.is_some() {
        texts.remove(0);
    }
    let mut p = match texts.as_slice() {
        [] => return None,
        [one] => one_line(one)?,
        // DBLP: "A. Author, B. Author:" then "Title. Venue 2023: 1-14"
        [who, rest @ ..]
            if who.trim_end().ends_with(':')
                && author_line(who.trim_end().trim_end_matches(':')) =>
        {
            one_line(&format!("{} {}", who.trim(), rest.join(" ")))?
        }
        many => stacked(many)?,
    };
    add_links(&mut p, group, &links);
    if let Some(k) = typed {
        p.kind = k;
    }
    if let Some(n) = name::equal_note(&p.authors) {
        p.notes.push(n);
    }
    Some(p)
}

/// A whole reference on one line; it must show authors (or editors) and a venue or a year.
fn one_line(t: &str) -> Option<Publication> {
    let p = citation::parse_reference(strip_trailing_labels(t))?;
    let people = !p.authors.people.is_empty() || !p.editors.people.is_empty();
    (people && (!p.venue.is_empty() || p.date.is_some())).then_some(p)
}

/// Title, author line, venue line (authors may come first; the venue line may be missing).
fn stacked(texts: &[String]) -> Option<Publication> {
    let a = texts.iter().take(3).position(|t| author_line(t))?;
    let (title, venue_line) = if a == 0 {
        (texts.get(1)?, texts.get(2))
    } else {
        (texts.first()?, texts.get(a + 1))
    };
    let title_src = title;
    let venue_line = venue_line.filter(|_| a == 0);
    let title = title.trim().trim_end_matches(['.', ',']).trim();
    if title.split_whitespace().count() < 2 || author_line(title) {
        return None;
    }
    let mut p = Publication {
        title: title.to_string(),
        authors: name::parse_authors(texts.get(a)?),
        kind: PubKind::Misc,
        ..Publication::default()
    };
    // after the authors: fields of study and counters are skipped; a bare year line dates
    // the paper; the first other line is the venue; a "TLDR" or abstract ends the record
    let mut venue: Option<String> = None;
    let mut year = None;
    for t in texts
        .iter()
        .skip(a + 1)
        .filter(|t| !std::ptr::eq(*t, title_src))
    {
        let t = t.trim();
        // a long line is an abstract; a DOI link printed on a venue line does not count
        if t.eq_ignore_ascii_case("tldr") || long_prose(t) {
            break;
        }
        if let Some(y) = year_line(t) {
            year.get_or_insert(y);
            continue;
        }
        // "DOI: https://doi.org/10.1029/…" on a line of its own
        if t.len() < 120 && t.to_lowercase().starts_with("doi") {
            if let Some(d) = ids::doi(t) {
                p.url = format!("https://doi.org/{d}");
                p.doi = d;
                continue;
            }
        }
        // "ArXiv" alone is the venue Semantic Scholar prints for preprints
        let arxiv = t.eq_ignore_ascii_case("arxiv");
        if fields_line(t) || meta::stat_line(t) || meta::label_line(t) && !arxiv {
            continue;
        }
        if venue.is_none() {
            venue = Some(scholar_columns(t, &mut year));
        }
    }
    let venue_line = venue.as_ref().or(venue_line);
    if let Some(v) = venue_line {
        citation::read_venue_line(&mut p, v);
    }
    if p.date.is_none() {
        p.date = year;
    }
    // "ArXiv" as the whole venue line is kept as the venue (howpublished), as "[Arxiv]" is
    if let Some(v) = venue_line.filter(|v| p.venue.is_empty() && v.to_lowercase().contains("arxiv"))
    {
        if v.split_whitespace().count() <= 3 {
            p.venue = v.trim().to_string();
            p.kind = PubKind::Preprint;
        }
    }
    // an author-first header ("Jane Roe" then her affiliation) is no paper: authors-first
    // records must show a date
    if a == 0 && p.date.is_none() {
        return None;
    }
    if p.venue.is_empty() && p.kind != PubKind::Patent {
        p.kind = PubKind::Misc;
    } else if p.kind == PubKind::Misc && !p.venue.is_empty() {
        p.kind = venue::classify(&p.venue);
    }
    Some(p)
}

/// Over 200 bytes of words, links not counted.
fn long_prose(t: &str) -> bool {
    t.len() > 200
        && t.split_whitespace()
            .filter(|w| !w.starts_with("http"))
            .map(|w| w.len() + 1)
            .sum::<usize>()
            > 200
}

/// A Scholar venue line with its count and year columns ("Nature 588, 604-609\t412 *\t2020"):
/// the year column dates the paper, the citation count is dropped.
fn scholar_columns(t: &str, year: &mut Option<crate::model::Date>) -> String {
    let mut cols = crate::lex::split_columns(t);
    while cols.len() > 1 {
        let last = cols
            .last()
            .map(|c| c.trim().trim_end_matches('*').trim())
            .unwrap_or_default();
        if let Some(y) = year_line(last) {
            year.get_or_insert(y);
        } else if !last.chars().all(|c| c.is_ascii_digit() || c == ',') {
            break;
        }
        cols.pop();
    }
    cols.join(" ")
}

/// The title's own link or a "PDF"/"Paper" link is the url; an arXiv link gives the eprint
/// (and the url when there is no other paper link); code, video and slides links are not
/// recorded.
fn add_links(p: &mut Publication, group: &[Line], links: &[&Link]) {
    let title = p.title.to_lowercase();
    let own = group
        .iter()
        .flat_map(|l| &l.links)
        .find(|l| markup::plain(&l.text).to_lowercase() == title);
    let label = |l: &&&Link, words: &[&str]| {
        let t = l.text.trim_matches(['[', ']', ' ']).to_lowercase();
        words.contains(&t.as_str())
    };
    // a link printed as its own address or as a DOI ("https://doi.org/10.1/x", "10.1/x"), as
    // citation styles print them, is the paper's link too
    let printed = |l: &&&Link| {
        let t = l.text.trim();
        let u = l.url.trim();
        u.starts_with("http")
            && (t == u || (t.starts_with("10.") && u.contains("doi.org/") && u.ends_with(t)))
    };
    let paper = links
        .iter()
        .find(|l| label(l, &["pdf", "paper", "doi", "link", "html"]) || printed(l));
    let arxiv = links
        .iter()
        .find(|l| label(l, &["arxiv", "preprint"]) || ids::arxiv_id(&l.url).is_some());
    if p.url.is_empty() {
        // a site-relative link ("/citations?view_op=...", "/doi/10.1145/...") is the
        // listing's own page: the next candidate with an address of its own wins
        let chosen = [own, paper.copied(), arxiv.copied()]
            .into_iter()
            .flatten()
            .find(|l| l.url.trim().starts_with("http"));
        if let Some(l) = chosen {
            p.url = l.url.trim().to_string();
        }
    }
    if p.arxiv.is_empty() {
        if let Some(id) = links.iter().find_map(|l| ids::arxiv_id(&l.url)) {
            p.arxiv = id;
        }
    }
    if p.doi.is_empty() {
        if let Some(d) = links
            .iter()
            .filter(|l| l.url.contains("doi.org/"))
            .find_map(|l| ids::doi(&l.url))
        {
            p.doi = d;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(t: &str, gap: bool, links: &[(&str, &str)]) -> Line {
        Line {
            text: t.to_string(),
            links: links
                .iter()
                .map(|(t, u)| Link {
                    text: t.to_string(),
                    url: u.to_string(),
                })
                .collect(),
            gap,
            heading: false,
        }
    }

    #[test]
    fn stacked_title_authors_venue_links() {
        let ls = [
            line("2024", true, &[]),
            line("Sparse Voxel Transformers for Scene Completion", true, &[]),
            line(
                "Hana Kobayashi, Piotr Zielinski, and Elena Marchetti",
                false,
                &[],
            ),
            line(
                "International Journal of Computer Vision, vol. 132, 2024",
                false,
                &[],
            ),
            line(
                "[PDF] [Code]",
                false,
                &[
                    ("PDF", "https://arxiv.org/pdf/2403.11111.pdf"),
                    ("Code", "https://github.com/x/y"),
                ],
            ),
        ];
        let (ps, first) = read(&ls);
        assert_eq!(first, Some(1));
        assert_eq!(ps.len(), 1);
        let p = &ps[0];
        assert_eq!(p.title, "Sparse Voxel Transformers for Scene Completion");
        assert_eq!(p.authors.people.len(), 3);
        assert_eq!(p.venue, "International Journal of Computer Vision");
        assert_eq!(p.date.and_then(|d| d.year), Some(2024));
        assert_eq!(p.url, "https://arxiv.org/pdf/2403.11111.pdf");
        assert_eq!(p.arxiv, "2403.11111");
    }

    #[test]
    fn repository_type_lines_and_year_headings() {
        let ls: Vec<Line> = [
            "Results 1 - 3 of 3",
            "2025",
            "Journal article",
            "Compound flood hazard at Alpine river confluences",
            "Galli, Matteo; Rossi, Chiara Elena",
            "Water Resources Research, vol. 61, n. 2, e2024WR038114",
            "DOI: https://doi.org/10.1029/2024WR038114",
            "Cited by 3 (Scopus)",
            "2016",
            "Doctoral thesis",
            "Morphodynamics of gravel-bed river confluences",
            "Rossi, Chiara Elena",
            "Politecnico di Milano",
        ]
        .iter()
        .map(|t| line(t, false, &[]))
        .collect();
        let (ps, first) = read(&ls);
        assert_eq!(first, Some(2));
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].venue, "Water Resources Research");
        assert_eq!(ps[0].date.and_then(|d| d.year), Some(2025));
        assert_eq!(ps[0].doi, "10.1029/2024WR038114");
        assert_eq!(ps[0].url, "https://doi.org/10.1029/2024WR038114");
        assert_eq!(ps[1].kind, PubKind::Thesis);
        assert_eq!(ps[1].venue, "Politecnico di Milano");
        assert_eq!(ps[1].date.and_then(|d| d.year), Some(2016));
    }

    #[test]
    fn one_line_reference_with_labels() {
        let ls = [line(
            "A. Author and B. Writer. Graph models of traffic. In Proceedings of KDD 2021. [PDF] [Slides]",
            true,
            &[("PDF", "https://example.org/p.pdf")],
        )];
        let (ps, _) = read(&ls);
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].title, "Graph models of traffic");
        assert_eq!(ps[0].url, "https://example.org/p.pdf");
        assert_eq!(strip_trailing_labels("T. 2023. [PDF] [Code]"), "T. 2023.");
    }

    #[test]
    fn gapless_scholar_text_and_semantic_scholar_cards() {
        let ls: Vec<Line> = [
            "Maria Roe",
            "Associate Professor, KTH Royal Institute of Technology",
            "h-index\t29\t26",
            "TITLE\tCITED BY\tYEAR",
            "Federated learning with label noise",
            "M Roe, J Okafor, P Sharma",
            "IEEE Transactions on Neural Networks 34 (9), 5821-5834\t412\t2023",
            "Neural operators for channel flow",
            "Hiroshi Tanaka, Aiko Suzuki",
            "Computer Science, Physics",
            "ArXiv",
            "2021",
            "TLDR",
            "A neural operator predicts turbulent flow 400 times faster.",
            "87 Citations",
        ]
        .iter()
        .map(|t| line(t, false, &[]))
        .collect();
        let (ps, first) = read(&ls);
        assert_eq!(first, Some(4));
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].venue, "IEEE Transactions on Neural Networks");
        assert_eq!(ps[0].date.and_then(|d| d.year), Some(2023));
        assert_eq!(ps[1].venue, "ArXiv");
        assert_eq!(ps[1].date.and_then(|d| d.year), Some(2021));
        assert!(fields_line("Computer Science, Physics"));
        assert!(!fields_line("Journal of Computational Physics"));
    }

    #[test]
    fn one_line_records_each_in_its_own_block() {
        let ls = [
            line("Jisoo Kim", true, &[]),
            line("Publications", true, &[]),
            line(
                "J. Kim and A. Mehta. Retrieval at scale. ICLR 2024.",
                true,
                &[],
            ),
            line(
                "A. Mehta and J. Kim. Tokenizers matter. In Proceedings of EMNLP 2023.",
                true,
                &[],
            ),
        ];
        let (ps, first) = read(&ls);
        assert_eq!(ps.len(), 2);
        assert_eq!(first, Some(2));
    }

    #[test]
    fn dblp_keys_open_records() {
        assert!(dblp_key("[c15]"));
        assert!(!dblp_key("[PDF]"));
        assert!(!dblp_key("[2023]"));
        let ls: Vec<Line> = [
            "2023",
            "[c14]",
            "Carlos Ruiz, Tomás Reyes:",
            "Worst-case optimal joins on GPUs. ICDE 2023: 2201-2214",
            "[i9]",
            "Tomás Reyes, Carlos Ruiz:",
            "A survey of graph query languages. CoRR abs/2305.01234 (2023)",
        ]
        .iter()
        .map(|t| line(t, false, &[]))
        .collect();
        let (ps, _) = read(&ls);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].title, "Worst-case optimal joins on GPUs");
        assert_eq!(ps[1].authors.people.len(), 2);
    }

    #[test]
    fn headings_and_prose_are_not_records() {
        let ls = [
            line("Journal Articles", true, &[]),
            line("Our lab studies vision and learning.", true, &[]),
        ];
        assert!(read(&ls).0.is_empty());
    }

    #[test]
    fn printed_doi_link_is_the_url() {
        let u = "https://doi.org/10.1109/CVPR.2011.5995347";
        let ls = [
            line(
                &format!("Torralba, A., & Efros, A. A. (2011). Unbiased look at dataset bias. CVPR 2011, 1521–1528. {u}"),
                true,
                &[(u, u)],
            ),
            line(
                "Doe, J., & Roe, M. (2020). A second paper title. Journal of Things, 3(2), 1–9.",
                true,
                &[],
            ),
        ];
        let (ps, _) = read(&ls);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].url, u);
        assert_eq!(ps[0].doi, "10.1109/CVPR.2011.5995347");
        // a site-relative title link gives way to the printed DOI link
        let ls = [
            line(
                "Unbiased look at dataset bias",
                true,
                &[("Unbiased look at dataset bias", "/doi/10.1109/x")],
            ),
            line("Ana Roe, Bo Li", true, &[]),
            line(&format!("CVPR 2011, Pages 1–9, {u}"), true, &[(u, u)]),
        ];
        let (ps, _) = read(&ls);
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].url, u);
    }
}
