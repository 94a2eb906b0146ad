//! Contact details: email, phone, homepage URL, and profile links (GitHub, Scholar, ...).
//!
//! Input: plain text or a link target. Output: the token found, URLs with a scheme.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Profile;
use crate::tables::NETWORKS;

// ASCII word boundaries (`(?-u:\b)`): what they sit next to is ASCII anyway, and a Unicode
// boundary makes the regex engine leave its fast DFA on any line with a non-ASCII letter.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"(?i)(?-u:\b)[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?-u:\b)",
    )
    .unwrap()
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    // the last group may hold 5 digits (German extensions "608-25123"); French numbers come
    // in pairs ("+33 1 23 45 67 89"); other international numbers group their digits
    // freely after the country code ("+353 1 716 6000", "+46 70 123 45 67"), maybe with the
    // trunk zero in brackets ("+31 (0)40 247 8812")
    crate::lex::pattern(r"(?:\+[0-9]{2,3}[ .]?[0-9](?:[ .][0-9]{2}){4}(?-u:\b))|(?:\(\+?[0-9]{1,3}\)|\+[0-9]{1,3})?[ .-]?\(?[0-9]{2,4}\)?[ .-]?[0-9]{3,4}[ .-]?[0-9]{3,5}(?-u:\b)|\+[0-9]{1,3}(?:[ .-]?\(0\)[0-9]{1,4})?(?:[ .-]\(?[0-9]{1,4}\)?){0,5}[ .-][0-9]{1,5}(?-u:\b)")
        .unwrap()
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"(?i)(?-u:\b)(?:https?://[^\s<>()\[\]|,]+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/[^\s<>()\[\]|,]*)?|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|io|me|dev|ai|info|github\.io|cn|uk|de|fr|ca|au|jp|ch|nl|se|dk|fi|pl|kr|br|sg|hk|tw|nz|ie|pt|cz|eu|site|page)(?:/[^\s<>()\[\]|,]*)?)").unwrap()
});

pub fn find_email(s: &str) -> Option<String> {
    if let Some(m) = EMAIL.find(s) {
        return Some(m.as_str().to_string());
    }
    // "jane [at] cs.x.edu", "jane (at) x [dot] edu": written out against address harvesters
    let lower_tail = |t: &str| s.contains(t) || s.contains(&t.to_ascii_uppercase());
    if !(lower_tail("at]") || lower_tail("at)") || lower_tail("at}")) {
        return None;
    }
    static AT: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"(?i)\s*[\[({]\s*at\s*[\])}]\s*").unwrap());
    static DOT: LazyLock<Regex> =
        LazyLock::new(|| crate::lex::pattern(r"(?i)\s*[\[({]\s*dot\s*[\])}]\s*").unwrap());
    let t = AT.replace_all(s, "@");
    let t = DOT.replace_all(&t, ".");
    EMAIL.find(&t).map(|m| m.as_str().to_string())
}

pub fn find_phone(s: &str) -> Option<String> {
    if s.bytes().filter(u8::is_ascii_digit).count() < 8 {
        return None;
    }
    PHONE
        .find_iter(s)
        // part of a longer dashed digit run (an ORCID iD "0000-0002-1234-5678") is no phone,
        // nor is a ZIP+4 code ("Nashville, TN 37235-1802")
        .filter(|m| {
            let after = &s.as_bytes()[m.end()..];
            let t = m.as_str().trim();
            let zip4 = t.len() == 10
                && t.as_bytes()[5] == b'-'
                && t.bytes().filter(u8::is_ascii_digit).count() == 9;
            let dashed_on =
                after.first() == Some(&b'-') && after.get(1).is_some_and(u8::is_ascii_digit);
            !(zip4 || dashed_on)
        })
        .map(|m| m.as_str().trim().to_string())
        .find(|p| p.chars().filter(char::is_ascii_digit).count() >= 8)
}

/// URLs in plain text (not emails), with `https://` added where the source omitted it.
pub fn find_urls(s: &str) -> Vec<String> {
    if !s.contains('.') {
        return Vec::new();
    }
    URL.find_iter(s)
        .filter(|m| {
            let before = &s[..m.start()];
            !before.ends_with('@') && !before.ends_with('.') && !s[m.end()..].starts_with('@')
        })
        .map(|m| with_scheme(m.as_str().trim_end_matches(['.', ';', ':'])))
        .collect()
}

pub fn with_scheme(u: &str) -> String {
    if u.contains("://") || u.starts_with("mailto:") {
        u.to_string()
    } else {
        format!("https://{u}")
    }
}

/// A profile when the URL's host is a known network.
pub fn profile(url: &str) -> Option<Profile> {
    let u = with_scheme(url);
    let host = u
        .split("://")
        .nth(1)?
        .split(['/', '?', '#'])
        .next()?
        .to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let network = NETWORKS
        .iter()
        .find(|(h, _)| host == **h || host.ends_with(&format!(".{h}")))
        .map(|(_, n)| *n)?;
    let path = u
        .split("://")
        .nth(1)?
        .split_once('/')
        .map_or("", |(_, p)| p);
    let username = match network {
        "Google Scholar" | "DBLP" | "ORCID" | "Semantic Scholar" | "Web of Science" | "Scopus" => {
            String::new()
        }
        // a route segment before the handle ("linkedin.com/in/x", "bsky.app/profile/x")
        _ => ["in/", "profile/", "u/", "user/"]
            .iter()
            .find_map(|r| path.strip_prefix(r))
            .unwrap_or(path)
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("")
            .to_string(),
    };
    Some(Profile {
        network: network.to_string(),
        username,
        url: u,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handle_after_route_segment() {
        let p = profile("https://bsky.app/profile/nk.bsky.social").unwrap();
        assert_eq!(p.username, "nk.bsky.social");
        let p = profile("linkedin.com/in/jdoe/").unwrap();
        assert_eq!(p.username, "jdoe");
    }

    #[test]
    fn obfuscated_email() {
        assert_eq!(
            find_email("praman [at] cs.cmu.edu · GitHub").as_deref(),
            Some("praman@cs.cmu.edu")
        );
        assert_eq!(
            find_email("jd (AT) x [dot] edu").as_deref(),
            Some("jd@x.edu")
        );
        assert_eq!(find_email("look at [the] site"), None);
    }

    #[test]
    fn contact_line() {
        let s = "hanxianhuang@meta.com | (+1) 858 214 0677 | https://hanxian97.github.io";
        assert_eq!(find_email(s).unwrap(), "hanxianhuang@meta.com");
        assert_eq!(find_phone(s).unwrap(), "(+1) 858 214 0677");
        assert_eq!(find_urls(s), ["https://hanxian97.github.io"]);
        assert_eq!(find_urls("xijiu9.github.io"), ["https://xijiu9.github.io"]);
        assert_eq!(
            find_phone("Tel.: +49 721 608-25123 | E-Mail").unwrap(),
            "+49 721 608-25123"
        );
        assert_eq!(
            find_phone("Tél. +33 1 23 45 67 89").unwrap(),
            "+33 1 23 45 67 89"
        );
        assert!(find_phone("2019 – 2021").is_none());
        assert_eq!(
            find_phone("Phone   +31 (0)40 247 8812").unwrap(),
            "+31 (0)40 247 8812"
        );
        assert!(find_phone("ORCID: 0000-0002-1234-5678").is_none());
        assert_eq!(
            find_phone("Tel: +353 1 716 6000").unwrap(),
            "+353 1 716 6000"
        );
        assert_eq!(
            find_phone("Mobile: +46 70 123 45 67").unwrap(),
            "+46 70 123 45 67"
        );
    }

    #[test]
    fn profiles() {
        let p = profile("https://github.com/xijiu9").unwrap();
        assert_eq!(
            (p.network.as_str(), p.username.as_str()),
            ("GitHub", "xijiu9")
        );
        let s = profile("https://scholar.google.com/citations?user=DhtAFkwAAAAJ").unwrap();
        assert_eq!(
            (s.network.as_str(), s.username.as_str()),
            ("Google Scholar", "")
        );
        assert!(profile("https://example.com/x").is_none());
    }
}
