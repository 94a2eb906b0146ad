//! A bibliography rendered by jekyll-scholar in al-folio's layout (`bib.liquid`), as it sits
//! in a page's source or in a saved page: one `<li>` per paper holding `div.title`,
//! `div.author`, `div.periodical`, a row of `div.links` buttons, a hidden `div.abstract`,
//! and the venue abbreviation in an `abbr.badge` beside them.
//!
//! Input: HTML (a fragment or a whole page). Output: one `Publication` per entry, read
//! through the paper-box reader (`paper_box::from_markdown`) so badges, venue lines and
//! links follow one set of rules.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};

use super::{html, paper_box};
use crate::markup;
use crate::model::Publication;

static TITLE: LazyLock<Selector> = LazyLock::new(|| Selector::parse("div.title").unwrap());
static AUTHOR: LazyLock<Selector> = LazyLock::new(|| Selector::parse(".author").unwrap());
static PERIODICAL: LazyLock<Selector> = LazyLock::new(|| Selector::parse(".periodical").unwrap());
static LINKS: LazyLock<Selector> = LazyLock::new(|| Selector::parse(".links a[href]").unwrap());
static ABSTRACT: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(".abstract:not(a)").unwrap());
static BADGE: LazyLock<Selector> = LazyLock::new(|| Selector::parse("abbr, .badge").unwrap());
static MORE_AUTHORS: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(".more-authors").unwrap());

/// Whether the page holds such a bibliography (a cheap test before parsing).
pub fn present(src: &str) -> bool {
    src.contains("class=\"periodical\"") && src.contains("class=\"title\"")
}

/// The entries of the rendered bibliography, in page order.
pub fn read(src: &str) -> Vec<Publication> {
    if !present(src) || !html::parseable(src) {
        return Vec::new();
    }
    let doc = Html::parse_fragment(src);
    doc.select(&TITLE)
        .filter_map(|t| {
            let entry = t.parent().and_then(ElementRef::wrap)?;
            // a page title or card title outside a bibliography entry
            entry.select(&PERIODICAL).next()?;
            entry_publication(t, entry)
        })
        .collect()
}

fn entry_publication(title: ElementRef<'_>, entry: ElementRef<'_>) -> Option<Publication> {
    // the badge column is the entry's sibling in the row
    let row = entry.parent().and_then(ElementRef::wrap).unwrap_or(entry);
    let badge = row
        .select(&BADGE)
        .next()
        .map(|b| markup::squash(&b.text().collect::<String>()))
        .unwrap_or_default();
    let mut md = format!("{}\n", one_line(&html::children_markdown(*title)));
    if let Some(a) = entry.select(&AUTHOR).next() {
        md.push_str(&one_line(&authors(a)));
        md.push('\n');
    }
    if let Some(v) = entry.select(&PERIODICAL).next() {
        md.push_str(&one_line(&html::children_markdown(*v)));
        md.push('\n');
    }
    let links: Vec<String> = entry
        .select(&LINKS)
        .filter_map(|a| {
            let text = markup::squash(&a.text().collect::<String>());
            let href = a.attr("href")?.trim();
            (!text.is_empty() && !href.is_empty()).then(|| format!("[{text}]({href})"))
        })
        .collect();
    if !links.is_empty() {
        md.push_str(&links.join(" | "));
        md.push('\n');
    }
    let mut p = paper_box::from_markdown(&md, &badge)?;
    if let Some(a) = entry.select(&ABSTRACT).find(|e| e.value().name() != "a") {
        p.abstract_ = markup::squash(&a.text().collect::<String>());
    }
    Some(p)
}

/// The author line, with al-folio's "and 3 more authors" toggle replaced by the names its
/// script swaps in (`… == '3 more authors' ? 'A, B, C' : …`).
fn authors(a: ElementRef<'_>) -> String {
    let md = html::children_markdown(*a);
    let Some(more) = a.select(&MORE_AUTHORS).next() else {
        return md;
    };
    let shown = markup::squash(&more.text().collect::<String>());
    let hidden = more
        .attr("onclick")
        .and_then(|js| js.split_once("? '"))
        .and_then(|(_, rest)| rest.split_once('\''))
        .map(|(names, _)| names.trim().to_string());
    match hidden {
        Some(names) if !shown.is_empty() => md.replacen(&shown, &names, 1),
        _ => md,
    }
}

fn one_line(md: &str) -> String {
    markup::squash(&md.replace('\n', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = r#"<ol class="bibliography"><li><div class="row">
  <div class="col-sm-2 abbr"><abbr class="badge rounded w-100">J. Neurosci.</abbr></div>
  <div id="solberg2022replay" class="col-sm-8">
    <div class="title">Offline replay of abstract task structure in human MEG</div>
    <div class="author"><em>Ingrid Solberg</em>, Tomasz Wróbel, and
      <span class="more-authors" title="click to view 2 more authors" onclick="var element = $(this); element.attr('title', ''); var more_authors_text = element.text() == '2 more authors' ? 'Ana Reyes, Bo Li' : '2 more authors'; element.text(more_authors_text);">2 more authors</span></div>
    <div class="periodical"><em>Journal of Neuroscience</em>, 42(31):6120–6134, Aug 2022</div>
    <div class="links">
      <a class="abstract btn btn-sm z-depth-0" role="button">Abs</a>
      <a href="https://doi.org/10.1523/JNEUROSCI.0231-22.2022" class="btn" role="button">DOI</a>
      <a href="https://github.com/x/y" class="btn" role="button">Code</a>
    </div>
    <div class="abstract hidden"><p>We recorded MEG.</p></div>
  </div>
</div></li></ol>"#;

    #[test]
    fn reads_an_entry_with_hidden_authors_and_abstract() {
        let ps = read(ENTRY);
        assert_eq!(ps.len(), 1);
        let p = &ps[0];
        assert_eq!(
            p.title,
            "Offline replay of abstract task structure in human MEG"
        );
        let families: Vec<&str> = p.authors.people.iter().map(|a| a.family.as_str()).collect();
        assert_eq!(families, ["Solberg", "Wróbel", "Reyes", "Li"]);
        assert_eq!(p.venue, "Journal of Neuroscience");
        assert_eq!((p.volume.as_str(), p.number.as_str()), ("42", "31"));
        assert_eq!(p.pages, "6120–6134");
        assert_eq!(p.doi, "10.1523/JNEUROSCI.0231-22.2022");
        assert_eq!(p.abstract_, "We recorded MEG.");
    }

    #[test]
    fn a_card_without_periodical_is_no_entry() {
        assert!(read(r#"<div class="title">News</div><div class="periodical"></div>"#).len() <= 1);
        assert!(read(r#"<div><div class="title">About</div></div>"#).is_empty());
    }
}
