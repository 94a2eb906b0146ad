//! The one model every front end fills and both emitters read.
//!
//! Input: nothing (types only). Output: `Record` and its items. Text fields hold plain
//! Unicode (markup already stripped by `markup`); dates keep the precision the source gave.

use std::fmt;

/// A calendar date at the precision the source printed: never padded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date {
    /// `None` for a card date such as "Apr 13" that prints no year.
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    pub fn year(y: u16) -> Self {
        Date {
            year: Some(y),
            month: None,
            day: None,
        }
    }
    pub fn ym(y: u16, m: u8) -> Self {
        Date {
            year: Some(y),
            month: Some(m),
            day: None,
        }
    }
    pub fn ymd(y: u16, m: u8, d: u8) -> Self {
        Date {
            year: Some(y),
            month: Some(m),
            day: Some(d),
        }
    }
    /// JSON Resume form (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); `None` without a year.
    pub fn iso(&self) -> Option<String> {
        let y = self.year?;
        Some(match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}"),
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.iso() {
            Some(s) => f.write_str(&s),
            None => write!(f, "--{:02}", self.month.unwrap_or(0)),
        }
    }
}

/// The end of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum End {
    Date(Date),
    /// "Present", "now", "current": JSON Resume leaves `endDate` out.
    Present,
}

/// A start date and maybe an end; a single date has `end == None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    pub start: Date,
    pub end: Option<End>,
}

impl DateRange {
    pub fn single(d: Date) -> Self {
        DateRange {
            start: d,
            end: None,
        }
    }
    /// A single date as a range from that date to that date (a talk, a one-off project).
    pub fn closed(self) -> Self {
        match self.end {
            None => DateRange {
                start: self.start,
                end: Some(End::Date(self.start)),
            },
            Some(_) => self,
        }
    }
    pub fn end_date(&self) -> Option<Date> {
        match self.end {
            Some(End::Date(d)) => Some(d),
            _ => None,
        }
    }
}

/// One author as printed: initials and case kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Person {
    /// Given names or initials ("H.", "Shuaiwen Leon"); empty for a mononym.
    pub given: String,
    /// Family name with particles ("van der Berg") and suffix kept apart.
    pub family: String,
    /// "Jr.", "III".
    pub suffix: String,
    /// An organisation printed as author (patent holder, consortium): emitted double-braced.
    pub organization: bool,
    /// Equal-contribution or corresponding-author marker was printed.
    pub equal: bool,
    /// The CV owner (bold / underlined in the source).
    pub is_self: bool,
}

impl Person {
    /// Name as a reader writes it: "Given Family Suffix".
    pub fn display(&self) -> String {
        let mut s = String::new();
        for part in [&self.given, &self.family, &self.suffix] {
            if !part.is_empty() {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(part);
            }
        }
        s
    }
}

/// An author list; `et_al` when the source cut it short.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Authors {
    pub people: Vec<Person>,
    pub et_al: bool,
}

impl Authors {
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
}

/// What kind of work a publication is; decides the BibTeX entry type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PubKind {
    Conference,
    Workshop,
    Journal,
    Preprint,
    Patent,
    Thesis,
    Book,
    Chapter,
    TechReport,
    /// Tutorials, talks' material, anything else: `@misc` with `howpublished`.
    #[default]
    Misc,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Publication {
    pub title: String,
    pub authors: Authors,
    /// Editors of the edited volume or proceedings, when printed (BibTeX `editor`).
    pub editors: Authors,
    /// Venue as printed, cleaned of leading "In"/"Proceedings of" and rank notes.
    pub venue: String,
    pub kind: PubKind,
    pub date: Option<Date>,
    pub url: String,
    pub doi: String,
    /// arXiv identifier without prefix or version ("2311.01282").
    pub arxiv: String,
    pub volume: String,
    /// Issue number, or patent number for `PubKind::Patent`.
    pub number: String,
    /// "1--10" form is made by the emitter; stored as printed digits "1-10".
    pub pages: String,
    pub publisher: String,
    /// Remarks: "Under review", award notes, equal-contribution notes.
    pub notes: Vec<String>,
    pub abstract_: String,
    /// Only co-authors were printed ("Title" (with A. Souza)): the CV's owner is the first
    /// author, added once the owner's name is known.
    pub owner_first: bool,
}

impl Publication {
    /// Fill the fields this one lacks from another reading of the same paper (a page's
    /// citation string, its BibTeX block); what is already read stays.
    pub fn fill_missing(&mut self, other: &Publication) {
        for (dst, src) in [
            (&mut self.venue, &other.venue),
            (&mut self.doi, &other.doi),
            (&mut self.arxiv, &other.arxiv),
            (&mut self.volume, &other.volume),
            (&mut self.number, &other.number),
            (&mut self.pages, &other.pages),
            (&mut self.publisher, &other.publisher),
            (&mut self.url, &other.url),
        ] {
            if dst.is_empty() {
                dst.clone_from(src);
            }
        }
        if self.authors.is_empty() {
            self.authors = other.authors.clone();
        }
        if self.editors.is_empty() {
            self.editors = other.editors.clone();
        }
        if self.date.is_none() {
            self.date = other.date;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profile {
    pub network: String,
    pub username: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub address: String,
    pub postal_code: String,
    pub city: String,
    pub region: String,
    pub country_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Basics {
    pub name: String,
    pub label: String,
    pub email: String,
    pub phone: String,
    pub url: String,
    pub summary: String,
    pub location: Location,
    pub profiles: Vec<Profile>,
}

impl Basics {
    /// Add a profile unless one with the same address is there.
    pub fn add_profile(&mut self, p: Profile) {
        if !self.profiles.iter().any(|q| q.url == p.url) {
            self.profiles.push(p);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Education {
    pub institution: String,
    pub area: String,
    pub study_type: String,
    pub dates: Option<DateRange>,
    pub score: String,
    pub courses: Vec<String>,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Work {
    pub name: String,
    pub position: String,
    pub location: String,
    pub dates: Option<DateRange>,
    pub summary: String,
    pub highlights: Vec<String>,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Project {
    pub name: String,
    pub description: String,
    pub dates: Option<DateRange>,
    pub url: String,
    pub highlights: Vec<String>,
    /// "talk" for talks and presentations.
    pub kind: String,
    /// Event of a talk, organisation of a project.
    pub entity: String,
    pub location: String,
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Volunteer {
    pub organization: String,
    pub position: String,
    pub dates: Option<DateRange>,
    pub summary: String,
    pub highlights: Vec<String>,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Award {
    pub title: String,
    pub date: Option<Date>,
    pub awarder: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Skill {
    pub name: String,
    pub level: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Language {
    pub language: String,
    pub fluency: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Certificate {
    pub name: String,
    pub date: Option<Date>,
    pub issuer: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Interest {
    pub name: String,
    pub keywords: Vec<String>,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub basics: Basics,
    pub education: Vec<Education>,
    pub work: Vec<Work>,
    pub projects: Vec<Project>,
    pub volunteer: Vec<Volunteer>,
    pub awards: Vec<Award>,
    pub publications: Vec<Publication>,
    pub skills: Vec<Skill>,
    pub languages: Vec<Language>,
    pub certificates: Vec<Certificate>,
    pub interests: Vec<Interest>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_keeps_precision() {
        assert_eq!(Date::year(2020).iso().as_deref(), Some("2020"));
        assert_eq!(Date::ym(2020, 3).iso().as_deref(), Some("2020-03"));
        assert_eq!(Date::ymd(2020, 3, 9).iso().as_deref(), Some("2020-03-09"));
        let no_year = Date {
            year: None,
            month: Some(4),
            day: Some(13),
        };
        assert_eq!(no_year.iso(), None);
    }

    #[test]
    fn person_display_joins_parts() {
        let p = Person {
            given: "Martin".into(),
            family: "Luther King".into(),
            suffix: "Jr.".into(),
            ..Default::default()
        };
        assert_eq!(p.display(), "Martin Luther King Jr.");
    }
}
