//! academicpages collection pages (`_publications/*.md`, `_talks/*.md`, `_teaching/*.md`):
//! one item each, read from the front matter.
//!
//! Input: `Meta` and the page body's blocks. Output: the item for `Document::found`. A single
//! page has no filename, so the page kind comes from its keys (`collection`, `paperurl`,
//! `citation`, `venue`, `type`). Authors exist only inside the pre-rendered `citation`
//! string; `date: YYYY-01-01` is how the generator writes a bare year.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Block, BlockKind, Meta};
use crate::lex::{date, name, venue};
use crate::markup;
use crate::model::{Date, DateRange, End, Project, PubKind, Publication, Volunteer};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Publication,
    Talk,
    Teaching,
}

/// Which collection page this is, if any.
pub fn detect(m: &Meta) -> Option<Page> {
    let has = |k: &str| m.get(k).is_some_and(|v| !v.trim().is_empty());
    let collection = m.get("collection").unwrap_or("").trim().to_lowercase();
    let kind = m.get("type").unwrap_or("").to_lowercase();
    match collection.as_str() {
        "publications" | "publication" | "papers" => return Some(Page::Publication),
        "talks" | "talk" | "presentations" => return Some(Page::Talk),
        "teaching" => return Some(Page::Teaching),
        _ => {}
    }
    if has("paperurl") || has("citation") || has("paper_url") {
        return Some(Page::Publication);
    }
    if !has("title") || !has("venue") {
        return None;
    }
    if has("talk_url")
        || [
            "talk",
            "tutorial",
            "presentation",
            "keynote",
            "seminar",
            "lecture",
        ]
        .iter()
        .any(|w| kind.contains(w))
            && !kind.contains("course")
    {
        return Some(Page::Talk);
    }
    if kind.contains("course") || kind.contains("teaching") {
        return Some(Page::Teaching);
    }
    has("date").then_some(Page::Publication)
}

/// `date:` of a generated page: `YYYY-01-01` means the year only.
fn page_date(m: &Meta) -> Option<Date> {
    let d = date::parse_date(m.get("date")?.trim())?;
    if d.month == Some(1) && d.day == Some(1) {
        return d.year.map(Date::year);
    }
    Some(d)
}

static CITATION_AUTHORS_END: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r#"\(\s*(?:19|20)[0-9]{2}[a-z]?\s*\)|["“]"#).unwrap());

/// The authors of a pre-rendered citation ("Doe, J., &amp; Roe, R. (2020). &quot;Title.&quot; ...").
fn citation_authors(citation: &str) -> crate::model::Authors {
    let text = markup::entities(&markup::entities(citation));
    let head = match CITATION_AUTHORS_END.find(&text) {
        Some(m) => &text[..m.start()],
        None => return Default::default(),
    };
    // "Okonkwo, Chidi; Müller, Hanna; & Rossi, Paolo": the "&" before the last name joins
    let head = head.replace("; & ", "; ").replace("; and ", "; ");
    let head = head.trim().trim_end_matches([',', ' ']);
    // "…, & Murphy, B. P." keeps the period of its last initial
    let initial = head.strip_suffix('.').is_some_and(|h| {
        let mut back = h.chars().rev();
        back.next().is_some_and(char::is_uppercase)
            && back.next().is_none_or(|c| matches!(c, ' ' | '.' | '-'))
    });
    name::parse_authors(if initial {
        head
    } else {
        head.trim_end_matches(['.', ',', ' '])
    })
}

fn text_of(m: &Meta, k: &str) -> String {
    markup::plain(m.get(k).unwrap_or(""))
}

pub fn publication(m: &Meta, body: &[Block]) -> Publication {
    let mut p = Publication {
        title: text_of(m, "title").trim_end_matches('.').to_string(),
        venue: venue::clean(&text_of(m, "venue")),
        date: page_date(m),
        ..Default::default()
    };
    p.kind = match m.get("category").unwrap_or("").to_lowercase().as_str() {
        "manuscripts" | "journal" | "journals" => PubKind::Journal,
        "conferences" | "conference" => PubKind::Conference,
        "books" | "book" => PubKind::Book,
        "theses" | "thesis" | "dissertations" | "dissertation" => PubKind::Thesis,
        "workshops" | "workshop" => PubKind::Workshop,
        "chapters" | "chapter" | "book chapters" | "bookchapters" => PubKind::Chapter,
        "preprints" | "preprint" => PubKind::Preprint,
        _ => venue::classify(&p.venue),
    };
    if let Some(c) = m.get("citation") {
        p.authors = citation_authors(c);
        // the rendered citation states what the front matter has no key for (volume,
        // pages, DOI, publisher)
        let text = markup::plain(&markup::entities(c));
        if let Some(q) = crate::lex::citation::parse_reference(&text) {
            // (the printed URL is the DOI's; the page's own link stays first)
            p.fill_missing(&Publication {
                url: String::new(),
                ..q
            });
        }
    }
    for k in ["paperurl", "paper_url", "pdf"] {
        if p.url.is_empty() {
            p.url = m.get(k).unwrap_or("").trim().to_string();
        }
    }
    p.abstract_ = abstract_section(body);
    for b in body {
        let lower = b.text.to_lowercase();
        // "An extended version is on arXiv: [arXiv:2309.14412](https://arxiv.org/abs/…)"
        if p.arxiv.is_empty() {
            if let Some(id) = b
                .links
                .iter()
                .find_map(|l| crate::lex::ids::arxiv_id(&l.url))
            {
                p.arxiv = id;
            }
        }
        if p.url.is_empty() && lower.contains("download") {
            if let Some(l) = b.links.first() {
                p.url = l.url.clone();
            }
        }
        // "[Journal version](https://doi.org/...)", "[Paper](...)", "[PDF](...)": a link
        // that alone makes up its line and names the paper
        if p.url.is_empty() && b.links.len() == 1 {
            if let Some(l) = b.links.first() {
                let t = l.text.to_lowercase();
                let names_paper = [
                    "paper",
                    "pdf",
                    "journal",
                    "article",
                    "publisher",
                    "doi",
                    "full text",
                ]
                .iter()
                .any(|w| t.contains(w))
                    || l.url.contains("doi.org/");
                if names_paper && l.text.len() * 2 >= b.text.len() && l.url.starts_with("http") {
                    p.url = l.url.clone();
                }
            }
        }
        let is_prose = !is_caption(b)
            && !matches!(b.kind, BlockKind::Heading(_))
            && !lower.starts_with("recommended citation")
            && !lower.starts_with("download")
            && !lower.starts_with("use google scholar")
            && b.links.iter().map(|l| l.text.len()).sum::<usize>() * 2 < b.text.len();
        if is_prose && p.abstract_.is_empty() {
            p.abstract_ = b.text.clone();
        }
    }
    if p.abstract_.is_empty() {
        p.abstract_ = text_of(m, "excerpt");
    }
    if p.abstract_.eq_ignore_ascii_case(&p.title) {
        p.abstract_.clear();
    }
    if let Some(id) = crate::lex::ids::arxiv_id(&p.url) {
        p.arxiv = id;
    }
    p
}

/// The paragraphs and points under an "Abstract" heading.
fn abstract_section(body: &[Block]) -> String {
    let Some(at) = body.iter().position(|b| {
        matches!(b.kind, BlockKind::Heading(_))
            && b.text
                .trim()
                .trim_end_matches(':')
                .eq_ignore_ascii_case("abstract")
    }) else {
        return String::new();
    };
    let parts: Vec<&str> = body[at + 1..]
        .iter()
        .take_while(|b| !matches!(b.kind, BlockKind::Heading(_)))
        // "**Keywords:** …", "CCS Concepts: …" close the abstract
        .take_while(|b| {
            let t = b.text.trim_start().to_lowercase();
            ![
                "keywords",
                "key words",
                "ccs concepts",
                "index terms",
                "jel",
            ]
            .iter()
            .any(|k| t.starts_with(k))
        })
        .map(|b| b.text.as_str())
        .collect();
    parts.join(" ")
}

/// A figure caption under an image: a paragraph all in emphasis, or "Figure 2: …".
fn is_caption(b: &Block) -> bool {
    let r = b.raw.trim();
    let t = b.text.trim_start().to_lowercase();
    (r.len() > 2
        && ((r.starts_with('*') && r.ends_with('*')) || (r.starts_with('_') && r.ends_with('_'))))
        || t.starts_with("figure ")
        || t.starts_with("fig. ")
}

pub fn talk(m: &Meta) -> Project {
    let d = page_date(m);
    Project {
        name: text_of(m, "title"),
        kind: "talk".into(),
        entity: text_of(m, "venue"),
        location: text_of(m, "location"),
        dates: d.map(|d| DateRange {
            start: d,
            end: Some(End::Date(d)),
        }),
        url: m.get("talk_url").unwrap_or("").trim().to_string(),
        ..Default::default()
    }
}

// the role a teaching page states; a page that states none keeps an empty position (a
// course page does not say whether its author taught or assisted)
static TEACHING_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?-u:\b)((?:head |senior |graduate )?teaching (?:assistant|fellow|associate)|graduate student instructor|co-instructor|(?:guest |lab )?(?:lecturer|instructor)|course assistant|lab assistant|demonstrator|tutor|grader|(?-i:(?:Head )?TA))(?-u:\b)").unwrap()
});

pub fn teaching(m: &Meta, body: &[Block]) -> Volunteer {
    let title = text_of(m, "title");
    let kind = text_of(m, "type");
    let body_text: Vec<&str> = body.iter().map(|b| b.text.as_str()).collect();
    let role = [title.as_str(), kind.as_str()]
        .into_iter()
        .chain(body_text)
        .find_map(|t| TEACHING_ROLE.find(t).map(|r| r.as_str().to_string()))
        .map(|r| crate::lex::capitalize_words(&r))
        .unwrap_or_default();
    Volunteer {
        organization: text_of(m, "venue"),
        position: role,
        dates: page_date(m).map(DateRange::single),
        summary: course_of(&title),
        ..Default::default()
    }
}

/// "Teaching Assistant, CS 101" / "TA for CS 101" → "CS 101": the role is the position.
fn course_of(title: &str) -> String {
    let Some(m) = TEACHING_ROLE.find(title).filter(|m| m.start() == 0) else {
        return title.to_string();
    };
    let rest = title[m.end()..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ':' | '-' | '–' | '—' | '|')
    });
    let rest = ["for ", "in ", "of "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest)
        .trim();
    if rest.is_empty() {
        title.to_string()
    } else {
        rest.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(pairs: &[(&str, &str)]) -> Meta {
        Meta {
            pairs: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn detects_pages_by_keys() {
        assert_eq!(
            detect(&meta(&[("collection", "publications")])),
            Some(Page::Publication)
        );
        assert_eq!(
            detect(&meta(&[("title", "t"), ("paperurl", "u")])),
            Some(Page::Publication)
        );
        assert_eq!(
            detect(&meta(&[("title", "t"), ("type", "Talk"), ("venue", "v")])),
            Some(Page::Talk)
        );
        assert_eq!(
            detect(&meta(&[
                ("title", "t"),
                ("type", "Undergraduate course"),
                ("venue", "v")
            ])),
            Some(Page::Teaching)
        );
        assert_eq!(
            detect(&meta(&[("title", "CV"), ("layout", "archive")])),
            None
        );
    }

    #[test]
    fn teaching_role_and_course() {
        let m = meta(&[
            ("title", "Teaching Assistant for CS 101: Programming"),
            ("venue", "University of Example"),
            ("date", "2021-09-01"),
        ]);
        let v = teaching(&m, &[]);
        assert_eq!(v.position, "Teaching Assistant");
        assert_eq!(v.summary, "CS 101: Programming");
        let m = meta(&[
            ("title", "Data Structures"),
            ("type", "Undergraduate course"),
        ]);
        let body = [Block::new(
            crate::doc::BlockKind::Para,
            "I was the head teaching assistant. Totally unrelated data.",
            0..0,
        )];
        let v = teaching(&m, &body);
        assert_eq!(v.position, "Head Teaching Assistant");
        assert_eq!(v.summary, "Data Structures");
        let v = teaching(&meta(&[("title", "Statistics")]), &[]);
        assert_eq!(v.position, "");
    }

    #[test]
    fn journal_version_link_and_semicolon_authors() {
        let m = meta(&[
            ("title", "Sparse GPs"),
            ("venue", "JRSS-C"),
            ("date", "2021-08-15"),
            ("citation", "Okonkwo, Chidi; M&uuml;ller, Hanna; &amp; Rossi, Paolo (2021). &quot;Sparse GPs.&quot;"),
        ]);
        let body = [Block::new(
            crate::doc::BlockKind::Para,
            "[Journal version](https://doi.org/10.1111/rssc.12501)",
            0..0,
        )];
        let p = publication(&m, &body);
        assert_eq!(p.url, "https://doi.org/10.1111/rssc.12501");
        assert_eq!(p.authors.people.len(), 3);
        assert_eq!(p.authors.people[2].family, "Rossi");
    }

    #[test]
    fn publication_from_front_matter() {
        let m = meta(&[
            ("title", "Paper Title Number 1"),
            ("venue", "Journal 1"),
            ("date", "2009-01-01"),
            ("paperurl", "http://a.io/files/paper1.pdf"),
            ("citation", "Doe, Jane &amp; Roe, R. (2009). &quot;Paper Title Number 1.&quot; <i>Journal 1</i>. 1(1)."),
        ]);
        let p = publication(&m, &[]);
        assert_eq!(p.date, Some(Date::year(2009)));
        assert_eq!(p.url, "http://a.io/files/paper1.pdf");
        assert_eq!(p.kind, PubKind::Journal);
        assert_eq!(p.authors.people.len(), 2);
        let m2 = meta(&[("title", "T"), ("date", "2015-10-01")]);
        assert_eq!(publication(&m2, &[]).date, Some(Date::ymd(2015, 10, 1)));
    }
}
