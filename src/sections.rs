//! Section splitting shared by every kind: heading text → `SectionKind` via
//! `grammars/sections.tsv`, blocks grouped under the heading they follow.
//!
//! Input: `Document`. Output: `Vec<Section>`; blocks before the first heading form a
//! `Header` section (name, contact line, label).

use crate::doc::{Block, BlockKind, Document};
use crate::tables::{HEADING_QUALIFIERS, SECTIONS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    Header,
    Summary,
    Contact,
    Education,
    Work,
    /// Research experience: lab/position headers (→ work) with titled projects (→ projects).
    Research,
    Projects,
    Publications,
    Preprints,
    Patents,
    Talks,
    Awards,
    Skills,
    Languages,
    Volunteer,
    Interests,
    Certificates,
    Courses,
    /// Not facts about the record: news, team rosters, references.
    News,
    Team,
    References,
    Other,
}

impl SectionKind {
    fn from_table(name: &str) -> Option<Self> {
        use SectionKind::*;
        Some(match name {
            "summary" => Summary,
            "contact" => Contact,
            "education" => Education,
            "work" => Work,
            "research" => Research,
            "projects" => Projects,
            "publications" => Publications,
            "preprints" => Preprints,
            "patents" => Patents,
            "talks" => Talks,
            "awards" => Awards,
            "skills" => Skills,
            "languages" => Languages,
            "volunteer" => Volunteer,
            "interests" => Interests,
            "certificates" => Certificates,
            "courses" => Courses,
            "news" => News,
            "team" => Team,
            "references" => References,
            "other" => Other,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Section {
    pub kind: SectionKind,
    /// Heading as printed (plain text); empty for the header section.
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// Heading text in the form the table keys use: emoji, numbering, edge punctuation and
/// letter spacing (`P U B L I C A T I O N S`) removed, lower case, one space between words.
pub fn normalize_heading(s: &str) -> String {
    let t: String = strip_enumerator(s)
        .chars()
        .filter(|c| {
            c.is_alphanumeric() || c.is_whitespace() || matches!(c, '&' | '-' | '\'' | '’' | '/')
        })
        .collect();
    let words: Vec<&str> = t.split_whitespace().collect();
    // letter-spaced: every "word" one letter long
    let joined = if words.len() > 3 && words.iter().all(|w| w.chars().count() == 1) {
        words.concat()
    } else {
        words.join(" ")
    };
    let lower = joined.to_lowercase().replace('’', "'");
    // leading numbering ("1 education", "iv publications")
    let lower = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    // "Selected peer-reviewed articles": qualifiers before a known name are dropped
    let mut rest = lower;
    while let Some(r) = HEADING_QUALIFIERS
        .iter()
        .find_map(|q| rest.strip_prefix(q).and_then(|r| r.strip_prefix(' ')))
    {
        rest = r;
    }
    let lower = if SECTIONS.contains_key(rest) {
        rest
    } else {
        lower
    };
    lower
        .trim_matches(|c: char| c == '-' || c == '&' || c == ' ')
        .replace("/", " and ")
}

/// "A. Personal Statement", "IV. Publications": the capital letter or Roman numeral that
/// numbers a heading (digits are dropped after normalising).
fn strip_enumerator(s: &str) -> &str {
    let t = s.trim_start();
    let n = t.bytes().take_while(|b| b.is_ascii_uppercase()).count();
    let roman = t[..n].bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    if n == 0 || n > 1 && !(roman && n <= 4) {
        return s;
    }
    match t[n..].strip_prefix(['.', ')']) {
        Some(rest) if rest.starts_with([' ', '\t']) => rest,
        _ => s,
    }
}

/// "EDUCATION/TRAINING (Begin with baccalaureate …": a heading in capitals followed by the
/// form's instructions in brackets.
fn capitals_before_instruction(s: &str) -> Option<SectionKind> {
    let (head, rest) = s.split_once(" (")?;
    let letters = head.chars().filter(|c| c.is_alphabetic());
    if head.split_whitespace().count() > 4
        || letters.clone().count() < 4
        || !letters.clone().all(char::is_uppercase)
        || !rest.starts_with(char::is_uppercase)
    {
        return None;
    }
    SectionKind::from_table(SECTIONS.get(normalize_heading(head).as_str())?)
}

/// Headings that run long on a form: "EDUCATION/TRAINING (Begin with …" and a numbered
/// heading with a subtitle, "D. Additional Information: Research Support and/or …".
pub fn long_heading(s: &str) -> Option<SectionKind> {
    if s.len() > 240 {
        return None;
    }
    if s.contains(" (") {
        if let Some(k) = capitals_before_instruction(s) {
            return Some(k);
        }
    }
    let unnumbered = strip_enumerator(s);
    if unnumbered.len() < s.len() {
        let (head, _) = unnumbered.split_once(": ")?;
        return SectionKind::from_table(SECTIONS.get(normalize_heading(head).as_str())?);
    }
    None
}

/// The section a heading names, if the synonym table knows it.
pub fn classify_heading(s: &str) -> Option<SectionKind> {
    classify(s).map(|(k, _)| k)
}

/// The kind a heading names and whether only its last word told it ("Marsden Fast-Start
/// Grant" reads as an awards heading, and may be an award's own title).
fn classify(s: &str) -> Option<(SectionKind, bool)> {
    if let Some(k) = long_heading(s) {
        return Some((k, false));
    }
    // Every line of a text CV is asked; a sentence is never a heading, and saying so before
    // normalising saves the allocations. Known headings have at most four words (compounds
    // joined by "and" a few more); letter-spaced ones ("E D U C A T I O N") many one-letter ones.
    if s.len() > 240 || {
        let mut words = s.split_whitespace();
        words.by_ref().nth(8).is_some() && words.any(|w| w.chars().nth(1).is_some())
    } {
        return None;
    }
    let n = normalize_heading(s);
    if n.is_empty() || n.len() > 60 {
        return None;
    }
    if let Some(k) = SECTIONS.get(n.as_str()) {
        return SectionKind::from_table(k).map(|k| (k, false));
    }
    // "Honors and Awards" style compounds: the first known word that decides
    let mut best = None;
    for part in n.split(" and ").flat_map(|p| p.split(" & ")) {
        if let Some(k) = SECTIONS.get(part.trim()) {
            best = best.or(SectionKind::from_table(k));
        }
    }
    if let Some(k) = best {
        return Some((k, false));
    }
    if let Some(k) = by_head_noun(s, &n) {
        return Some((k, true));
    }
    bracket_qualified(s).map(|k| (k, false))
}

/// A qualifier after the name: "Publications (peer-reviewed)", "Talks (selected)" (only a
/// table name: "Banting Fellowship (2022)" is an entry, not a heading; "Publications
/// (selected from 64)" is one too, a year is not a qualifier).
fn bracket_qualified(s: &str) -> Option<SectionKind> {
    let (head, qualifier) = s.split_once('(')?;
    if crate::lex::date::find_range(qualifier).is_some() {
        return None;
    }
    SectionKind::from_table(SECTIONS.get(normalize_heading(head).as_str())?)
}

/// "Professional Appointments", "RELEVANT EXPERIENCE": a short Title Case or capitals
/// heading whose last word names a section ("experience", "skills", ...).
fn by_head_noun(printed: &str, n: &str) -> Option<SectionKind> {
    let words: Vec<&str> = n.split_whitespace().collect();
    // numbering aside, a heading holds no digits and no column gap ("2022\tNSF CAREER Award")
    // a section number has one or two digits; "2019 EMBO Fellowship" is a dated entry
    let lead = printed.trim_start();
    let digits = lead.chars().take_while(char::is_ascii_digit).count();
    let unnumbered = if digits <= 2 {
        lead.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | ' '))
    } else {
        lead
    };
    if words.len() > 4 || unnumbered.contains(|c: char| c.is_ascii_digit() || c == '\t') {
        return None;
    }
    let titled = printed
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())
                || matches!(w, "and" | "of" | "&" | "in" | "for" | "the")
        });
    // ("Research skills": sentence case in a short heading)
    let sentence = words.len() <= 3 && printed.trim_start().starts_with(char::is_uppercase);
    if !(titled || sentence) || printed.trim_end().ends_with('.') {
        return None;
    }
    let last = words.last()?;
    let kind = match last.trim_end_matches('s') {
        "experience" | "employment" | "appointment" | "position" => "work",
        "education" => "education",
        "award" | "honor" | "honour" | "prize" | "scholarship" | "fellowship" | "grant"
        | "funding" => "awards",
        "supervised" | "supervision" => "team",
        "publication" | "paper" => "publications",
        "skill" => "skills",
        "project" => "projects",
        "service" | "activitie" | "outreach" => "volunteer",
        "talk" | "presentation" | "lecture" => "talks",
        "language" => "languages",
        "certification" | "certificate" => "certificates",
        "interest" => "interests",
        _ => return None,
    };
    SectionKind::from_table(kind)
}

/// A place and a date, or the date of the last update, nothing else: "Amsterdam, April
/// 2025", "Last updated: March 2025" (an award line ending in its year is no sign-off).
fn signs_off(b: &Block) -> bool {
    let t = b.text.trim().trim_end_matches('.');
    b.kind == BlockKind::Para
        && (t.contains(',') || update_stamp(b))
        && t.split_whitespace().count() <= 6
        && crate::lex::date::find_all(t)
            .last()
            .is_some_and(|(_, sp)| sp.end == t.len() && t[..sp.start].contains(char::is_alphabetic))
}

/// "Updated January 2025", "Last revised: 03/2024": the CV's own date, wherever a page break
/// left it; no section's content.
fn update_stamp(b: &Block) -> bool {
    let t = b.text.trim().trim_end_matches('.');
    if t.len() > 60 {
        return false;
    }
    let l = t.to_lowercase();
    b.kind == BlockKind::Para
        && ["updated", "revised", "as of"]
            .iter()
            .any(|w| l.contains(w))
        && t.split_whitespace().count() <= 5
        && crate::lex::date::find_all(t)
            .last()
            .is_some_and(|(_, sp)| sp.end == t.len())
}

/// Group blocks under headings. Headings the table does not know keep the section they
/// are in when they are deeper than the section's own heading (entry titles in Markdown).
pub fn split(doc: &Document) -> Vec<Section> {
    let mut out = vec![Section {
        kind: SectionKind::Header,
        heading: String::new(),
        blocks: Vec::new(),
    }];
    let mut level_of_current: u8 = 0;
    // the known headings above the current block: (level, kind, whether a sub-heading of
    // another kind came under it: "# Education" then "**PUBLICATIONS**" is no parent)
    let mut known: Vec<(u8, SectionKind, bool)> = Vec::new();
    let family = |a: SectionKind, b: SectionKind| {
        use SectionKind as S;
        a == b
            || [a, b]
                .iter()
                .all(|k| matches!(k, S::Publications | S::Preprints | S::Patents))
    };
    // "Amsterdam, April 2025" closing the document signs the CV off: no section's content
    let sign_off = doc.blocks.last().filter(|b| signs_off(b));
    for b in &doc.blocks {
        if sign_off.is_some_and(|s| std::ptr::eq(s, b)) || update_stamp(b) {
            continue;
        }
        if let BlockKind::Heading(level) = b.kind {
            known.retain(|(l, _, _)| *l < level);
            let found = classify(&b.text);
            // "## Awards" / "### Marsden Fast-Start Grant": a heading read from its last word
            // only, under a section of that kind, is an entry's title
            if let Some((kind, true)) = found {
                // "🏆 Best Student Paper Award" under a paper: one award, named in the
                // singular, is that paper's note and no section of awards
                let paper_award = kind == SectionKind::Awards
                    && !b.text.trim_end().ends_with('s')
                    && out.last().is_some_and(|s| {
                        matches!(s.kind, SectionKind::Publications | SectionKind::Preprints)
                            && !s.blocks.is_empty()
                    });
                if paper_award || known.last().is_some_and(|(_, k, _)| *k == kind) {
                    if let Some(last) = out.last_mut() {
                        last.blocks.push(b.clone());
                    }
                    continue;
                }
            }
            if let Some((kind, _)) = found {
                out.push(Section {
                    kind,
                    heading: b.text.clone(),
                    blocks: Vec::new(),
                });
                level_of_current = level;
                for parent in known.iter_mut() {
                    parent.2 |= !family(parent.1, kind);
                }
                known.push((level, kind, false));
                continue;
            }
            if level_of_current != 0 && level <= level_of_current {
                // "## Publications" / "### Submitted" / "### Co-author": a sibling of a known
                // sub-heading is still inside the section above both (and, as an entry
                // title, one of its blocks)
                let parent = known.last().filter(|p| !p.2).map(|p| p.1);
                out.push(Section {
                    kind: parent.unwrap_or(SectionKind::Other),
                    heading: b.text.clone(),
                    blocks: parent.map(|_| vec![b.clone()]).unwrap_or_default(),
                });
                level_of_current = level;
                continue;
            }
        }
        if b.kind == BlockKind::Rule {
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.blocks.push(b.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_place_and_date_or_update_stamp_signs_off() {
        let b = |t: &str| Block::new(BlockKind::Para, t, 0..0);
        assert!(signs_off(&b("Amsterdam, April 2025")));
        assert!(signs_off(&b("Last updated: March 2025")));
        assert!(!signs_off(&b("Best Paper Award 2019")));
        assert!(!signs_off(&b("2019, 2020")));
    }

    #[test]
    fn sibling_sub_headings_stay_in_their_section() {
        use crate::doc::Block;
        let h = |l: u8, t: &str| Block::new(BlockKind::Heading(l), t, 0..0);
        let doc = Document {
            blocks: vec![
                h(2, "Publications"),
                h(3, "Submitted"),
                h(3, "Co-author"),
                h(2, "Awards"),
                h(3, "Marsden Fast-Start Grant"),
            ],
            ..Default::default()
        };
        let kinds: Vec<SectionKind> = split(&doc).iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Header,
                SectionKind::Publications,
                SectionKind::Preprints,
                SectionKind::Publications,
                SectionKind::Awards
            ]
        );
    }

    #[test]
    fn qualified_headings() {
        assert_eq!(
            classify_heading("Peer-reviewed articles"),
            Some(SectionKind::Publications)
        );
        assert_eq!(
            classify_heading("Selected Refereed Journal Articles"),
            Some(SectionKind::Publications)
        );
        assert_eq!(classify_heading("Refereeing"), Some(SectionKind::Volunteer));
        // a qualifier alone names nothing
        assert_eq!(classify_heading("Selected"), None);
    }

    #[test]
    fn form_headings() {
        assert_eq!(
            classify_heading("A. Personal Statement"),
            Some(SectionKind::Summary)
        );
        assert_eq!(
            classify_heading("IV. PUBLICATIONS"),
            Some(SectionKind::Publications)
        );
        assert_eq!(
            long_heading("EDUCATION/TRAINING (Begin with baccalaureate or other initial professional education, such as nursing,"),
            Some(SectionKind::Education)
        );
        assert_eq!(
            long_heading(
                "D. Additional Information: Research Support and/or Scholastic Performance"
            ),
            Some(SectionKind::Other)
        );
        // a name's initial is no enumerator, and an entry with a bracketed year stays one
        assert_eq!(classify_heading("A. Smith"), None);
        assert_eq!(
            long_heading("NSF CAREER AWARD (National Science Foundation)"),
            None
        );
    }

    #[test]
    fn headings_map_through_table() {
        assert_eq!(classify_heading("EDUCATION"), Some(SectionKind::Education));
        assert_eq!(
            classify_heading("## 📝 Publications "),
            Some(SectionKind::Publications)
        );
        assert_eq!(
            classify_heading("Interests & Technical Skills"),
            Some(SectionKind::Skills)
        );
        assert_eq!(classify_heading("Pre-Prints"), Some(SectionKind::Preprints));
        assert_eq!(
            classify_heading("P U B L I C A T I O N S"),
            Some(SectionKind::Publications)
        );
        assert_eq!(
            classify_heading("🎖 Honors and Awards"),
            Some(SectionKind::Awards)
        );
        assert_eq!(
            classify_heading("3. Work Experience:"),
            Some(SectionKind::Work)
        );
        assert_eq!(classify_heading("University of California"), None);
        assert_eq!(
            classify_heading("Publications (peer-reviewed)"),
            Some(SectionKind::Publications)
        );
        assert_eq!(classify_heading("Stanford University (2019)"), None);
        assert_eq!(classify_heading("Banting Fellowship (top 3%)"), None);
        assert_eq!(
            classify_heading("PUBLICATIONS (selected from 64)"),
            Some(SectionKind::Publications)
        );
        assert_eq!(classify_heading("Publications (2019 – 2023)"), None);
        assert_eq!(
            classify_heading("Postgraduate Students Supervised"),
            Some(SectionKind::Team)
        );
        assert_eq!(
            classify_heading("EXTERNAL RESEARCH FUNDING"),
            Some(SectionKind::Awards)
        );
        assert_eq!(classify_heading("2019 EMBO Postdoctoral Fellowship"), None);
        assert_eq!(
            classify_heading("PROFESSIONAL APPOINTMENTS"),
            Some(SectionKind::Work)
        );
        assert_eq!(
            classify_heading("Relevant Projects"),
            Some(SectionKind::Projects)
        );
        assert_eq!(classify_heading("Research Intern"), None);
        assert_eq!(classify_heading("2022\tNSF CAREER Award"), None);
        assert_eq!(classify_heading("I have many skills."), None);
    }
}
