//! `Record` → JSON Resume v1.0.0 text.
//!
//! Serde structs carry the schema's field names; empty fields are left out so the output
//! is valid under both the original v1.0.0 schema (no unknown top-level keys) and the
//! current one. URLs without a scheme, or with spaces, are dropped rather than emitted invalid.

use serde::Serialize;

use crate::model::{self, DateRange, Record};

fn empty(s: &str) -> bool {
    s.is_empty()
}

fn none<T>(o: &Option<T>) -> bool {
    o.is_none()
}

fn no<T>(v: &[T]) -> bool {
    v.is_empty()
}

/// A value the schema's `uri` format accepts: `scheme:` and no whitespace.
pub fn valid_uri(u: &str) -> bool {
    let mut chars = u.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let Some(colon) = u.find(':') else {
        return false;
    };
    first.is_ascii_alphabetic()
        && u[..colon]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        && colon + 1 < u.len()
        && !u.chars().any(char::is_whitespace)
}

fn uri(u: &str) -> String {
    if valid_uri(u) {
        u.to_string()
    } else {
        String::new()
    }
}

fn email(e: &str) -> String {
    let ok = e.split_once('@').is_some_and(|(a, d)| {
        !a.is_empty() && d.contains('.') && !e.chars().any(char::is_whitespace)
    });
    if ok {
        e.to_string()
    } else {
        String::new()
    }
}

#[derive(Serialize)]
struct Resume<'a> {
    #[serde(skip_serializing_if = "Basics::is_empty")]
    basics: Basics<'a>,
    #[serde(skip_serializing_if = "no")]
    work: Vec<Work<'a>>,
    #[serde(skip_serializing_if = "no")]
    volunteer: Vec<Volunteer<'a>>,
    #[serde(skip_serializing_if = "no")]
    education: Vec<Education<'a>>,
    #[serde(skip_serializing_if = "no")]
    awards: Vec<Award<'a>>,
    #[serde(skip_serializing_if = "no")]
    certificates: Vec<Certificate<'a>>,
    #[serde(skip_serializing_if = "no")]
    publications: Vec<Publication<'a>>,
    #[serde(skip_serializing_if = "no")]
    skills: Vec<Skill<'a>>,
    #[serde(skip_serializing_if = "no")]
    languages: Vec<Language<'a>>,
    #[serde(skip_serializing_if = "no")]
    interests: Vec<Interest<'a>>,
    #[serde(skip_serializing_if = "no")]
    projects: Vec<Project<'a>>,
}

#[derive(Serialize, Default)]
struct Basics<'a> {
    #[serde(skip_serializing_if = "empty")]
    name: &'a str,
    #[serde(skip_serializing_if = "empty")]
    label: &'a str,
    #[serde(skip_serializing_if = "String::is_empty")]
    email: String,
    #[serde(skip_serializing_if = "empty")]
    phone: &'a str,
    #[serde(skip_serializing_if = "String::is_empty")]
    url: String,
    #[serde(skip_serializing_if = "empty")]
    summary: &'a str,
    #[serde(skip_serializing_if = "Location::is_empty")]
    location: Location<'a>,
    #[serde(skip_serializing_if = "no")]
    profiles: Vec<Profile<'a>>,
}

impl Basics<'_> {
    fn is_empty(&self) -> bool {
        self.name.is_empty()
            && self.label.is_empty()
            && self.email.is_empty()
            && self.phone.is_empty()
            && self.url.is_empty()
            && self.summary.is_empty()
            && self.location.is_empty()
            && self.profiles.is_empty()
    }
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "empty")]
    address: &'a str,
    #[serde(skip_serializing_if = "empty")]
    postal_code: &'a str,
    #[serde(skip_serializing_if = "empty")]
    city: &'a str,
    #[serde(skip_serializing_if = "empty")]
    region: &'a str,
    #[serde(skip_serializing_if = "empty")]
    country_code: &'a str,
}

impl Location<'_> {
    fn is_empty(&self) -> bool {
        self.address.is_empty()
            && self.postal_code.is_empty()
            && self.city.is_empty()
            && self.region.is_empty()
            && self.country_code.is_empty()
    }
}

#[derive(Serialize)]
struct Profile<'a> {
    #[serde(skip_serializing_if = "empty")]
    network: &'a str,
    #[serde(skip_serializing_if = "empty")]
    username: &'a str,
    #[serde(skip_serializing_if = "String::is_empty")]
    url: String,
}

/// Start and end in JSON Resume form: a "Present" end is left out.
/// A job or service with one date ("Summer 2019", "2022") began and ended then.
fn single_as_both(r: &Option<DateRange>) -> (Option<String>, Option<String>) {
    match r {
        Some(r) if r.end.is_none() => (r.start.iso(), r.start.iso()),
        _ => dates(r),
    }
}

fn dates(r: &Option<DateRange>) -> (Option<String>, Option<String>) {
    match r {
        None => (None, None),
        Some(r) => (r.start.iso(), r.end_date().and_then(|d| d.iso())),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Work<'a> {
    #[serde(skip_serializing_if = "empty")]
    name: &'a str,
    #[serde(skip_serializing_if = "empty")]
    position: &'a str,
    #[serde(skip_serializing_if = "empty")]
    location: &'a str,
    #[serde(skip_serializing_if = "String::is_empty")]
    url: String,
    #[serde(skip_serializing_if = "none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "empty")]
    summary: &'a str,
    #[serde(skip_serializing_if = "no")]
    highlights: &'a [String],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Volunteer<'a> {
    #[serde(skip_serializing_if = "empty")]
    organization: &'a str,
    #[serde(skip_serializing_if = "empty")]
    position: &'a str,
    #[serde(skip_serializing_if = "String::is_empty")]
    url: String,
    #[serde(skip_serializing_if = "none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "empty")]
    summary: &'a str,
    #[serde(skip_serializing_if = "no")]
    highlights: &'a [String],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Education<'a> {
    #[serde(skip_serializing_if = "empty")]
    institution: &'a str,
    #[serde(skip_serializing_if = "String::is_empty")]
    url: String,
    #[serde(skip_serializing_if = "empty")]
    area: &'a str,
    #[serde(skip_serializing_if = "empty")]
    study_type: &'a str,
    #[serde(skip_serializing_if = "none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "empty")]
    score: &'a str,
    #[serde(skip_serializing_if = "no")]
    courses: &'a [String],
}

#[derive(Serialize)]
struct Award<'a> {
    #[serde(skip_serializing_if = "empty")]
    title: &'a str,
    #[serde(skip_serializing_if = "none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "empty")]
    awarder: &'a str,
    #[serde(skip_serializing_if = "empty")]
    summary: &'a str,
}

#[derive(Serialize)]
struct Certificate<'a> {
    #[serde(skip_serializing_if = "empty")]
    name: &'a str,
    #[serde(skip_serializing_if = "none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    url: String,
    #[serde(skip_serializing_if = "empty")]
    issuer: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Publication<'a> {
    #[serde(skip_serializing_if = "empty")]
    name: &'a str,
    #[serde(skip_serializing_if = "empty")]
    publisher: &'a str,
    #[serde(skip_serializing_if = "none")]
    release_date: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    url: String,
    #[serde(skip_serializing_if = "empty")]
    summary: &'a str,
}

#[derive(Serialize)]
struct Skill<'a> {
    #[serde(skip_serializing_if = "empty")]
    name: &'a str,
    #[serde(skip_serializing_if = "empty")]
    level: &'a str,
    #[serde(skip_serializing_if = "no")]
    keywords: &'a [String],
}

#[derive(Serialize)]
struct Language<'a> {
    #[serde(skip_serializing_if = "empty")]
    language: &'a str,
    #[serde(skip_serializing_if = "empty")]
    fluency: &'a str,
}

#[derive(Serialize)]
struct Interest<'a> {
    #[serde(skip_serializing_if = "empty")]
    name: &'a str,
    #[serde(skip_serializing_if = "no")]
    keywords: &'a [String],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Project<'a> {
    #[serde(skip_serializing_if = "empty")]
    name: &'a str,
    #[serde(rename = "type", skip_serializing_if = "empty")]
    kind: &'a str,
    #[serde(skip_serializing_if = "empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "empty")]
    entity: &'a str,
    #[serde(skip_serializing_if = "none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    url: String,
    #[serde(skip_serializing_if = "empty")]
    location: &'a str,
    #[serde(skip_serializing_if = "no")]
    roles: &'a [String],
    #[serde(skip_serializing_if = "no")]
    highlights: &'a [String],
}

fn publication(p: &model::Publication) -> Publication<'_> {
    let url = if !p.url.is_empty() {
        p.url.clone()
    } else if !p.doi.is_empty() {
        format!("https://doi.org/{}", p.doi)
    } else {
        String::new()
    };
    Publication {
        name: &p.title,
        publisher: &p.venue,
        release_date: p.date.and_then(|d| d.iso()),
        url: uri(&url),
        summary: &p.abstract_,
    }
}

/// JSON Resume text (pretty-printed, trailing newline).
pub fn to_json(r: &Record) -> String {
    let b = &r.basics;
    let resume = Resume {
        basics: Basics {
            name: &b.name,
            label: &b.label,
            email: email(&b.email),
            phone: &b.phone,
            url: uri(&b.url),
            summary: &b.summary,
            location: Location {
                address: &b.location.address,
                postal_code: &b.location.postal_code,
                city: &b.location.city,
                region: &b.location.region,
                country_code: &b.location.country_code,
            },
            profiles: b
                .profiles
                .iter()
                .map(|p| Profile {
                    network: &p.network,
                    username: &p.username,
                    url: uri(&p.url),
                })
                .collect(),
        },
        work: r
            .work
            .iter()
            .map(|w| {
                let (start_date, end_date) = single_as_both(&w.dates);
                Work {
                    name: &w.name,
                    position: &w.position,
                    location: &w.location,
                    url: uri(&w.url),
                    start_date,
                    end_date,
                    summary: &w.summary,
                    highlights: &w.highlights,
                }
            })
            .collect(),
        volunteer: r
            .volunteer
            .iter()
            .map(|v| {
                let (start_date, end_date) = dates(&v.dates);
                Volunteer {
                    organization: &v.organization,
                    position: &v.position,
                    url: uri(&v.url),
                    start_date,
                    end_date,
                    summary: &v.summary,
                    highlights: &v.highlights,
                }
            })
            .collect(),
        education: r
            .education
            .iter()
            .map(|e| {
                let (start_date, end_date) = match e.dates {
                    // a degree's one date is when it was (or will be) conferred
                    Some(r) if r.end.is_none() => (None, r.start.iso()),
                    _ => dates(&e.dates),
                };
                Education {
                    institution: &e.institution,
                    url: uri(&e.url),
                    area: &e.area,
                    study_type: &e.study_type,
                    start_date,
                    end_date,
                    score: &e.score,
                    courses: &e.courses,
                }
            })
            .collect(),
        awards: r
            .awards
            .iter()
            .map(|a| Award {
                title: &a.title,
                date: a.date.and_then(|d| d.iso()),
                awarder: &a.awarder,
                summary: &a.summary,
            })
            .collect(),
        certificates: r
            .certificates
            .iter()
            .map(|c| Certificate {
                name: &c.name,
                date: c.date.and_then(|d| d.iso()),
                url: uri(&c.url),
                issuer: &c.issuer,
            })
            .collect(),
        publications: r.publications.iter().map(publication).collect(),
        skills: r
            .skills
            .iter()
            .map(|s| Skill {
                name: &s.name,
                level: &s.level,
                keywords: &s.keywords,
            })
            .collect(),
        languages: r
            .languages
            .iter()
            .map(|l| Language {
                language: &l.language,
                fluency: &l.fluency,
            })
            .collect(),
        interests: r
            .interests
            .iter()
            .map(|i| Interest {
                name: &i.name,
                keywords: &i.keywords,
            })
            .collect(),
        projects: r
            .projects
            .iter()
            .map(|p| {
                let (start_date, end_date) = dates(&p.dates);
                Project {
                    name: &p.name,
                    kind: &p.kind,
                    description: &p.description,
                    entity: &p.entity,
                    start_date,
                    end_date,
                    url: uri(&p.url),
                    location: &p.location,
                    roles: &p.roles,
                    highlights: &p.highlights,
                }
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&resume).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, End};

    #[test]
    fn empty_record_is_empty_object() {
        assert_eq!(to_json(&Record::default()), "{}\n");
    }

    #[test]
    fn single_degree_date_is_the_end() {
        let mut r = Record::default();
        r.education.push(model::Education {
            institution: "KAIST".into(),
            dates: Some(DateRange::single(Date::ym(2018, 2))),
            ..Default::default()
        });
        let j: serde_json::Value = serde_json::from_str(&to_json(&r)).unwrap();
        assert_eq!(j["education"][0]["endDate"], "2018-02");
        assert!(j["education"][0].get("startDate").is_none());
    }

    #[test]
    fn present_end_is_left_out_and_bad_urls_dropped() {
        let mut r = Record::default();
        r.work.push(model::Work {
            name: "Org".into(),
            dates: Some(DateRange {
                start: Date::ym(2024, 9),
                end: Some(End::Present),
            }),
            url: "not a url".into(),
            ..Default::default()
        });
        let j: serde_json::Value = serde_json::from_str(&to_json(&r)).unwrap();
        assert_eq!(j["work"][0]["startDate"], "2024-09");
        assert!(j["work"][0].get("endDate").is_none());
        assert!(j["work"][0].get("url").is_none());
    }
}
