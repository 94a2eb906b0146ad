//! Paper identifiers: arXiv ids and DOIs, in URLs, badges, identifier lines or running
//! reference text. Every front end and the citation parser use these, so an id is read the
//! same way wherever it is printed.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// arXiv id after an arxiv.org URL path or an "arXiv" label ("arXiv:2401.14112",
/// "arXiv 2401.14112", "arXiv preprint arXiv:2401.14112"): new style "2401.14112" or old
/// style "cs/0112017"; the version suffix is dropped.
// ASCII word boundaries (`(?-u:\b)`) keep these on the fast DFA for non-ASCII lines.
static ARXIV: LazyLock<Regex> = LazyLock::new(|| {
    // DBLP prints arXiv papers as "CoRR abs/2305.01234"
    crate::lex::pattern(r"(?i)(?:arxiv\.org/(?:abs|pdf|html)/|(?-u:\b)corr\s+abs/|(?-u:\b)arxiv(?:\s+preprint)?\s*:?\s*(?:arxiv:\s*)?)([0-9]{4}\.[0-9]{4,5}|[a-z-]+(?:\.[A-Z]{2})?/[0-9]{7})(?:v[0-9]+)?").unwrap()
});
/// A DOI anywhere (in a doi.org URL, after "DOI:", or bare on an identifier line).
static DOI: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r#"(?-u:\b)10\.[0-9]{4,9}/[^\s<>"',;]+"#).unwrap());
/// A DOI in running reference text, only with its marker ("https://doi.org/", "doi:",
/// "DOI "), so that the whole marker can be cut from the text.
static CITED_DOI: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r#"(?i)(?:https?://(?:dx\.)?doi\.org/|(?-u:\b)doi:\s*|(?-u:\b)DOI\s+)(10\.[0-9]{4,9}/[^\s<>"',;]+)"#,
    )
    .unwrap()
});

/// The arXiv id in a URL, badge or reference text.
pub fn arxiv_id(s: &str) -> Option<String> {
    ARXIV
        .captures(s)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
}

/// `s` without its arXiv identifiers ("ApJL, 965, L21 · arXiv:2403.11029" → "ApJL, 965,
/// L21 · ").
pub fn without_arxiv(s: &str) -> std::borrow::Cow<'_, str> {
    ARXIV.replace_all(s, "")
}

/// The first DOI in `s` (a URL or an identifier line), without trailing punctuation.
pub fn doi(s: &str) -> Option<String> {
    DOI.find(s).map(|m| clean_doi(m.as_str()))
}

/// A marked DOI in reference text: the DOI and the byte range of marker + DOI.
pub fn cited_doi(s: &str) -> Option<(String, Range<usize>)> {
    let c = CITED_DOI.captures(s)?;
    let whole = c.get(0)?;
    Some((clean_doi(c.get(1)?.as_str()), whole.range()))
}

/// Sentence punctuation after a DOI is not part of it; a closing parenthesis is, when the
/// DOI opened one ("10.1016/S0140-6736(20)30183-5").
fn clean_doi(d: &str) -> String {
    let mut d = d;
    loop {
        let t = d.trim_end_matches(['.', ':']);
        let t = match t.strip_suffix(')') {
            Some(s) if s.matches('(').count() < s.matches(')').count() + 1 => s,
            _ => t,
        };
        if t.len() == d.len() {
            return d.to_string();
        }
        d = t;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arxiv_ids() {
        assert_eq!(
            arxiv_id("CoRR abs/2305.01234 (2023)").as_deref(),
            Some("2305.01234")
        );
        assert_eq!(
            arxiv_id("https://arxiv.org/abs/2311.01282v2").as_deref(),
            Some("2311.01282")
        );
        assert_eq!(
            arxiv_id("https://arxiv.org/pdf/2311.01282.pdf").as_deref(),
            Some("2311.01282")
        );
        assert_eq!(arxiv_id("arXiv:cs/0112017").as_deref(), Some("cs/0112017"));
        assert_eq!(
            arxiv_id("arXiv preprint arXiv:2401.14112, 2024").as_deref(),
            Some("2401.14112")
        );
        assert_eq!(arxiv_id("arxiv 2304.06627").as_deref(), Some("2304.06627"));
        assert_eq!(arxiv_id("arXiv, 2023"), None);
        assert_eq!(arxiv_id("https://example.org/2401.14112"), None);
    }

    #[test]
    fn dois() {
        assert_eq!(
            doi("https://doi.org/10.1145/3600006.3613165").as_deref(),
            Some("10.1145/3600006.3613165")
        );
        assert_eq!(
            doi("DOI: 10.1145/3600006.3613165.").as_deref(),
            Some("10.1145/3600006.3613165")
        );
        assert_eq!(
            doi("10.1016/S0140-6736(20)30183-5").as_deref(),
            Some("10.1016/S0140-6736(20)30183-5")
        );
        assert_eq!(doi("(doi 10.1000/xyz)").as_deref(), Some("10.1000/xyz"));
        assert_eq!(doi("https://example.org/10.x"), None);
        let s = "Journal, 2020. doi:10.1000/xyz. Online.";
        let (d, r) = cited_doi(s).unwrap();
        assert_eq!(d, "10.1000/xyz");
        assert_eq!(&s[r], "doi:10.1000/xyz.");
        assert!(cited_doi("see 10.1000/xyz").is_none());
    }
}
