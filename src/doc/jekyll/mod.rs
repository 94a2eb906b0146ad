//! Jekyll homepage pages (AcadHomepage, academicpages) → `Document`.
//!
//! Steps, each in its own module: front matter → `Meta` (`front_matter`); Liquid, HTML
//! comments and kramdown attributes removed (`liquid`); paper boxes read into publications
//! (`paper_box`); remaining inline HTML turned into Markdown with `scraper` (`html`); the
//! Markdown parsed into blocks with pulldown-cmark (`blocks`); the about paragraphs read into
//! basics (`about`). academicpages collection pages become one item each (`academicpages`).
//! Template prose under headings that name no CV section is dropped.

pub mod about;
pub mod academicpages;
pub mod blocks;
pub mod front_matter;
pub mod html;
pub mod liquid;
pub mod paper_box;
pub mod paper_list;
pub mod scholar_html;

use crate::doc::{Block, BlockKind, Document};
use crate::sections::{classify_heading, SectionKind};

pub use front_matter::split as split_front_matter;

pub fn parse(src: &str) -> Document {
    let (fm, body) = front_matter::split(src);
    let meta = fm.map(front_matter::parse).unwrap_or_default();
    let base = src.len() - body.len();
    let body = liquid::clean(body);

    let mut doc = Document {
        meta,
        ..Default::default()
    };
    // paper boxes first: they are HTML with Markdown inside
    let mut rest = String::with_capacity(body.len());
    let mut last = 0;
    for r in html::div_regions(&body, "paper-box") {
        rest.push_str(&body[last..r.start]);
        rest.push('\n');
        if let Some(p) = paper_box::parse(&body[r.clone()]) {
            doc.found.publications.push(p);
        }
        last = r.end;
    }
    rest.push_str(&body[last..]);
    // a bibliography jekyll-scholar rendered into the page (al-folio's layout)
    if scholar_html::present(&rest) {
        let mut kept = String::with_capacity(rest.len());
        let mut last = 0;
        for r in html::ol_regions(&rest, "bibliography") {
            kept.push_str(&rest[last..r.start]);
            kept.push('\n');
            doc.found
                .publications
                .extend(scholar_html::read(&rest[r.clone()]));
            last = r.end;
        }
        kept.push_str(&rest[last..]);
        rest = kept;
    }
    let md = html_lines_to_markdown(&rest);
    let mut blocks = blocks::parse(&md, base);

    if let Some(page) = academicpages::detect(&doc.meta) {
        match page {
            academicpages::Page::Publication => {
                let p = academicpages::publication(&doc.meta, &blocks);
                doc.found.publications.push(p);
            }
            academicpages::Page::Talk => doc.found.projects.push(academicpages::talk(&doc.meta)),
            academicpages::Page::Teaching => {
                let v = academicpages::teaching(&doc.meta, &blocks);
                doc.found.volunteer.push(v);
            }
        }
        return doc;
    }

    if let Some(h) = title_heading(&doc.meta, &blocks, base) {
        blocks.insert(0, h);
    }
    let blocks = drop_unknown_sections(blocks);
    let blocks = take_paper_lines(blocks, &mut doc.found.publications);
    let (intro, blocks) = take_intro(blocks);
    // a CV page opening with a header (name, role, address, contact row), not a bio
    // (opened by the name in bold, as al-folio and hand-made CV pages print it)
    let header = intro.len() >= 2
        && intro[0].raw.trim().starts_with("**")
        && intro[0].raw.trim().ends_with("**")
        && crate::lex::citation::is_name_like(&intro[0].text)
        && intro[0].text.split_whitespace().count() >= 2
        && intro.iter().all(|b| b.kind == crate::doc::BlockKind::Para)
        && intro
            .iter()
            .all(|b| b.text.split_whitespace().count() <= 14 && !b.text.trim_end().ends_with('.'));
    let a = if header {
        let mut a = about::About::default();
        crate::extract::basics::header(&intro, &mut a.basics);
        a
    } else {
        about::read(&intro)
    };
    doc.found.basics = a.basics;
    // al-folio's about page prints its `subtitle:` (position, affiliation) under the name
    if doc.meta.get("layout").is_some_and(|l| l.trim() == "about") {
        if let Some(sub) = doc.meta.get("subtitle") {
            let sub = crate::markup::plain(&html::to_markdown(sub));
            doc.found.basics.label = sub.trim().trim_end_matches('.').to_string();
        }
        if let Some(info) = doc.meta.get("profile.more_info") {
            profile_info(info, &mut doc.found.basics, base);
        }
    }
    doc.found.work = a.work;
    let education: Vec<Block> = section_blocks(&blocks, SectionKind::Education);
    doc.found.education = about::degree_hints(&doc.found.basics.summary, &education);
    // positions and degrees the bio states, when the page has no list of them
    let (jobs, degrees) = about::stated(&doc.found.basics.summary);
    if section_blocks(&blocks, SectionKind::Work).is_empty() {
        doc.found.work.extend(jobs);
    }
    if education.is_empty() {
        doc.found.education.extend(degrees);
    }
    doc.blocks = blocks;
    doc
}

/// al-folio's `profile: more_info:` lines under the photo (office, street, "City, ST ZIP",
/// sometimes a phone): the person's address and contact details the page body lacks.
fn profile_info(info: &str, b: &mut crate::model::Basics, base: usize) {
    let text = crate::markup::plain(&html::to_markdown(info));
    let lines: Vec<Block> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Block::new(BlockKind::Para, l, base..base))
        .collect();
    let mut found = crate::model::Basics {
        // a name keeps the first line from being taken for one
        name: b.name.clone(),
        ..Default::default()
    };
    crate::extract::basics::header(&lines, &mut found);
    if b.location.city.is_empty() && !found.location.city.is_empty() {
        b.location = found.location;
        // the lines above the postal line are the street address
        if b.location.address.is_empty() {
            let street: Vec<&str> = lines
                .iter()
                .map(|l| l.text.as_str())
                .take_while(|l| crate::extract::entries::split_postal(l).is_none())
                .filter(|l| l.chars().any(|c| c.is_ascii_digit()) && !l.contains('@'))
                .collect();
            b.location.address = street.join(", ");
        }
    }
    if b.email.is_empty() {
        b.email = found.email;
    }
    if b.phone.is_empty() {
        b.phone = found.phone;
    }
}

/// A page titled after a CV section (`title: "Publications"` on `_pages/publications.md`)
/// whose body opens without that section's heading: the title is the heading of everything
/// before the body's first heading, so year sub-headings ("## 2024") sit inside it.
fn title_heading(meta: &crate::doc::Meta, blocks: &[Block], base: usize) -> Option<Block> {
    use SectionKind as S;
    let title = crate::markup::plain(meta.get("title")?);
    let kind = classify_heading(&title)?;
    if matches!(
        kind,
        S::Header | S::Summary | S::Contact | S::Other | S::News | S::Team
    ) {
        return None;
    }
    let first = blocks.first()?;
    if let BlockKind::Heading(_) = first.kind {
        if classify_heading(&first.text).is_some() {
            return None;
        }
    }
    Some(Block::new(BlockKind::Heading(1), &title, base..base))
}

/// Data tables become Markdown pipe tables; other lines holding HTML tags become the
/// equivalent Markdown; lines without tags stay as they are.
fn html_lines_to_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for r in html::table_regions(s) {
        if let Some(pipes) = html::table_to_pipes(&s[r.clone()]) {
            out.push_str(&html_lines(&s[last..r.start]));
            out.push_str(&pipes);
            last = r.end;
        }
    }
    out.push_str(&html_lines(&s[last..]));
    out
}

fn html_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut fenced = false;
    for line in s.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && html::has_tag(line) {
            let md = html::to_markdown(line.trim_end());
            // keep the line's Markdown indentation (nested list items)
            let indent = &line[..line.len() - line.trim_start().len()];
            if md.trim().is_empty() {
                out.push('\n');
            } else {
                for l in md.lines() {
                    out.push_str(indent);
                    out.push_str(l);
                    out.push('\n');
                }
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Headings that name no CV section ("A data-driven personal website") open template
/// prose: drop them and their blocks, unless they sit inside a known section.
fn drop_unknown_sections(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut known_level: Option<u8> = None;
    let mut skipping = false;
    for b in blocks {
        if let BlockKind::Heading(level) = b.kind {
            if classify_heading(&b.text).is_some() {
                // ("### Submitted" under "## Publications" keeps the parent's level, so a
                // sibling "### Co-author" stays inside it)
                if known_level.is_none_or(|k| level <= k) {
                    known_level = Some(level);
                }
                skipping = false;
            } else if known_level.is_none_or(|k| level <= k) {
                skipping = true;
                known_level = None;
                continue;
            }
        }
        if !skipping {
            out.push(b);
        }
    }
    out
}

/// Publication-section items in the template's paper line form become publications here;
/// other lines stay for the shared extractor.
fn take_paper_lines(blocks: Vec<Block>, pubs: &mut Vec<crate::model::Publication>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut in_pubs = false;
    for b in blocks {
        if matches!(b.kind, BlockKind::Heading(_)) {
            if let Some(k) = classify_heading(&b.text) {
                in_pubs = matches!(k, SectionKind::Publications | SectionKind::Preprints);
            }
        } else if in_pubs && b.kind == BlockKind::Item(0) {
            if let Some(p) = paper_list::parse(&b.raw) {
                if !p.title.is_empty() {
                    pubs.push(p);
                }
                continue;
            }
        }
        out.push(b);
    }
    out
}

/// The about paragraphs: those before the first heading, or else those of an about/bio
/// section. Returns (paragraphs, remaining blocks).
fn take_intro(blocks: Vec<Block>) -> (Vec<Block>, Vec<Block>) {
    let first_heading = blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading(_)))
        .unwrap_or(blocks.len());
    let has_intro = blocks[..first_heading]
        .iter()
        .any(|b| b.kind == BlockKind::Para && !b.text.is_empty());
    let range = if has_intro {
        0..first_heading
    } else {
        let Some(h) = blocks.iter().position(|b| {
            matches!(b.kind, BlockKind::Heading(_))
                && classify_heading(&b.text) == Some(SectionKind::Summary)
        }) else {
            return (Vec::new(), blocks);
        };
        let end = blocks[h + 1..]
            .iter()
            .position(|b| matches!(b.kind, BlockKind::Heading(_)))
            .map_or(blocks.len(), |i| h + 1 + i);
        h + 1..end
    };
    let mut intro = Vec::new();
    let mut rest = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.into_iter().enumerate() {
        if range.contains(&i) && b.kind == BlockKind::Para {
            intro.push(b);
        } else {
            rest.push(b);
        }
    }
    (intro, rest)
}

/// Blocks of every section of a kind (headings excluded).
fn section_blocks(blocks: &[Block], kind: SectionKind) -> Vec<Block> {
    let mut out = Vec::new();
    let mut inside = false;
    for b in blocks {
        if matches!(b.kind, BlockKind::Heading(_)) {
            if let Some(k) = classify_heading(&b.text) {
                inside = k == kind;
            }
            continue;
        }
        if inside {
            out.push(b.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liquid_and_comments_never_reach_blocks() {
        let d = parse("---\ntitle: \"\"\n---\n{% assign x = 1 %}\nI am Jane Doe, a student.\n\n# Awards\n<!-- - old -->\n- *2020* Prize {: .x}\n");
        assert_eq!(d.found.basics.name, "Jane Doe");
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.blocks[1].text, "2020 Prize");
    }

    #[test]
    fn template_prose_under_unknown_headings_is_dropped() {
        let d = parse("---\npermalink: /\n---\nI am Jane Doe.\n\nA personal website\n======\nText about the template.\n\nPublications\n======\n- x\n");
        assert!(d.blocks.iter().all(|b| !b.text.contains("template")));
        assert!(d.blocks.iter().any(|b| b.text == "Publications"));
    }

    #[test]
    fn section_title_heads_a_body_of_year_headings() {
        let d = parse("---\ntitle: \"Publications\"\n---\n## 2024\n\n1. Doe, Jane. 2024. \"A Title.\" *Journal of Things* 3: 1–9.\n");
        assert_eq!(d.blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(d.blocks[0].text, "Publications");
        assert!(d.blocks.iter().any(|b| b.text.contains("A Title")));
        // an about page keeps its intro paragraphs
        let d = parse("---\ntitle: \"About me\"\n---\nI am Jane Doe, a student.\n");
        assert_eq!(d.found.basics.name, "Jane Doe");
    }

    #[test]
    fn alfolio_about_subtitle_and_email_paragraph() {
        let d = parse("---\nlayout: about\nsubtitle: Professor of Physics, <a href='https://x.edu/'>X University</a>\n---\nI am Jane Doe, a physicist.\n\nEmail: <a href=\"mailto:jd@x.edu\">jd@x.edu</a>\n");
        assert_eq!(d.found.basics.label, "Professor of Physics, X University");
        assert_eq!(d.found.basics.email, "jd@x.edu");
        assert_eq!(d.found.basics.summary, "I am Jane Doe, a physicist.");
    }

    #[test]
    fn academicpages_talk_page() {
        let d = parse("---\ntitle: \"Talk 1 on Relevant Topic\"\ncollection: talks\ntype: \"Talk\"\nvenue: \"UC San Francisco\"\ndate: 2012-03-01\nlocation: \"San Francisco, California\"\n---\nThis is a description.\n");
        assert_eq!(d.found.projects.len(), 1);
        assert_eq!(d.found.projects[0].entity, "UC San Francisco");
        assert!(d.blocks.is_empty());
    }
}
