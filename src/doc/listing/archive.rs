//! A rendered academicpages / minimal-mistakes archive ("Publications" page saved as HTML or
//! copied as text): each item is a title line, "Published in VENUE, YEAR", maybe an excerpt,
//! then "Recommended citation: …" and link rows ("Download Paper | Download Slides").
//!
//! Input: the page's `Line`s. Output: one `Publication` per item, read as the generator's
//! own front matter would be (`jekyll::academicpages::publication`), so a rendered page and
//! its `_publications/*.md` source give the same entry.

use super::cards::Line;
use crate::doc::Meta;
use crate::model::Publication;

const PUBLISHED: &str = "Published in ";
const CITATION: &str = "Recommended citation:";

/// The items, when the page holds at least two of them, and the first item's line.
pub fn read(lines: &[Line]) -> (Vec<Publication>, Option<usize>) {
    let items: Vec<usize> = (1..lines.len())
        .filter(|&i| lines[i].text.starts_with(PUBLISHED) && title_line(&lines[i - 1]))
        .collect();
    if items.len() < 2 {
        return (Vec::new(), None);
    }
    let mut category = String::new();
    let mut out = Vec::with_capacity(items.len());
    for (k, &at) in items.iter().enumerate() {
        // the line before the title is the group heading ("Journal Articles") when it is
        // not the previous item's own line
        let floor = if k == 0 { 0 } else { items[k - 1] + 1 };
        if at >= 2 && at - 2 >= floor && heading_line(&lines[at - 2]) {
            category = group_category(&lines[at - 2].text).to_string();
        }
        let end = match items.get(k + 1) {
            Some(&next) if next >= 2 && heading_line(&lines[next - 2]) => next - 2,
            Some(&next) => next - 1,
            None => lines.len(),
        };
        out.push(item(&lines[at - 1], &lines[at..end], &category));
    }
    let first = items[0] - 1;
    (
        out,
        Some(first.saturating_sub(usize::from(first > 0 && heading_line(&lines[first - 1])))),
    )
}

fn title_line(l: &Line) -> bool {
    let t = l.text.trim();
    !t.is_empty() && t.len() <= 300 && !t.starts_with(PUBLISHED) && !t.starts_with(CITATION)
}

/// A group heading: short, unlinked, no sentence end ("Book Chapters", "Working Papers").
fn heading_line(l: &Line) -> bool {
    let t = l.text.trim();
    l.links.is_empty()
        && !t.is_empty()
        && t.split_whitespace().count() <= 5
        && !t.ends_with(['.', ':', ','])
        && t.starts_with(char::is_uppercase)
}

/// The front matter `category` a group heading stands for.
fn group_category(heading: &str) -> &'static str {
    let h = heading.to_lowercase();
    [
        ("chapter", "chapters"),
        ("journal", "journal"),
        ("conference", "conference"),
        ("proceeding", "conference"),
        ("workshop", "workshop"),
        ("preprint", "preprints"),
        ("thes", "theses"),
        ("dissertation", "theses"),
        ("book", "books"),
    ]
    .iter()
    .find(|(w, _)| h.contains(w))
    .map_or("", |(_, c)| c)
}

fn item(title: &Line, body: &[Line], category: &str) -> Publication {
    let mut pairs = vec![
        ("title".to_string(), title.text.trim().to_string()),
        ("category".to_string(), category.to_string()),
    ];
    let mut excerpt = Vec::new();
    for l in body {
        let t = l.text.trim();
        if let Some(rest) = t.strip_prefix(PUBLISHED) {
            // "Published in Journal of Politics, 2023": the year closes the line
            let (venue, year) = match rest.trim().rsplit_once(", ") {
                Some((v, y)) if y.trim().len() == 4 && y.trim().parse::<u16>().is_ok() => {
                    (v, y.trim())
                }
                _ => (rest.trim(), ""),
            };
            pairs.push(("venue".into(), venue.to_string()));
            pairs.push(("date".into(), year.to_string()));
        } else if let Some(c) = t.strip_prefix(CITATION) {
            pairs.push(("citation".into(), c.trim().to_string()));
        } else if l.links.is_empty() && t.len() > 20 {
            excerpt.push(t);
        }
        // "Download Paper" (not "Download Slides") is the item's `paperurl`
        if let Some(link) = l.links.iter().find(|k| {
            let w = k.text.to_lowercase();
            (w.contains("paper") || w.contains("pdf")) && k.url.starts_with("http")
        }) {
            if !pairs.iter().any(|(k, _)| k == "paperurl") {
                pairs.push(("paperurl".into(), link.url.clone()));
            }
        }
    }
    if !excerpt.is_empty() {
        pairs.push(("excerpt".into(), excerpt.join(" ")));
    }
    crate::doc::jekyll::academicpages::publication(&Meta { pairs }, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::Link;

    fn line(t: &str, link: Option<(&str, &str)>) -> Line {
        let mut l = Line::new(t, true);
        if let Some((text, url)) = link {
            l.links.push(Link {
                text: text.into(),
                url: url.into(),
            });
        }
        l
    }

    #[test]
    fn items_with_group_headings_and_paper_links() {
        let lines = vec![
            line("Journal Articles", None),
            line("Cash for Calm", Some(("Cash for Calm", "https://x.io/publication/a"))),
            line("Published in The Journal of Politics, 2023", None),
            line("Recommended citation: Karimova, N., & Lindqvist, E. (2023). Cash for calm. The Journal of Politics, 85(3), 1101–1116.", None),
            line("Download Slides", Some(("Download Slides", "https://x.io/s.pdf"))),
            line("Book Chapters", None),
            line("Elections without Choice?", None),
            line("Published in The Oxford Handbook of Politics, 2024", None),
            line("A short study of turnout in closed autocracies.", None),
            line("Download Paper", Some(("Download Paper", "https://x.io/p.pdf"))),
        ];
        let (pubs, first) = read(&lines);
        assert_eq!(first, Some(0));
        assert_eq!(pubs.len(), 2);
        assert_eq!(pubs[0].title, "Cash for Calm");
        assert_eq!(pubs[0].venue, "The Journal of Politics");
        assert_eq!(pubs[0].authors.people.len(), 2);
        assert_eq!(pubs[0].volume, "85");
        // slides are not the paper
        assert!(pubs[0].url.is_empty());
        assert_eq!(pubs[1].kind, crate::model::PubKind::Chapter);
        assert_eq!(pubs[1].url, "https://x.io/p.pdf");
        assert!(pubs[1].abstract_.starts_with("A short study"));
    }
}
