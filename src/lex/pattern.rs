//! Every regex in vitae is built here.
//!
//! Unicode letter classes (`\p{L}`, `\p{Lu}`, `\p{Ll}`, `\w`) compile to automata of
//! hundreds of kB per pattern, and again per thread in the lazy DFA's cache: with ~200
//! patterns that was a third of a batch's peak memory (issue 7). Here they are cut to the
//! scripts CVs are written in: Latin (with its extensions and Vietnamese), Greek,
//! Cyrillic, kana, CJK and Hangul. Text in other scripts still passes through every rule;
//! it is only not taken for letters.

use regex::Regex;

/// The code points a letter class is cut to.
const SCRIPTS: &str = r"\u{0}-\u{24F}\u{370}-\u{4FF}\u{1E00}-\u{1EFF}\u{3040}-\u{30FF}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{AC00}-\u{D7AF}";

/// The letter classes that are cut, as written in a pattern.
const CUT: [&str; 4] = [r"\p{Lu}", r"\p{Ll}", r"\p{L}", r"\w"];

/// Compile `re` with its letter classes cut to [`SCRIPTS`].
pub fn pattern(re: &str) -> Result<Regex, regex::Error> {
    Regex::new(&cut_letter_classes(re))
}

/// `\p{L}` becomes `[\p{L}&&[SCRIPTS]]`; a nested class is valid inside `[...]` as well,
/// so the rewrite needs no parse. An escaped backslash (`\\w`) is passed over whole.
fn cut_letter_classes(re: &str) -> String {
    let mut out = String::with_capacity(re.len());
    let mut rest = re;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(class) = CUT.iter().find(|c| tail.starts_with(*c)) {
            out.push_str(&format!("[{class}&&[{SCRIPTS}]]"));
            rest = &tail[class.len()..];
        } else {
            // the backslash and the character it escapes
            let n = tail[1..].chars().next().map_or(1, |c| 1 + c.len_utf8());
            out.push_str(&tail[..n]);
            rest = &tail[n..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_of_the_scripts_cvs_use_still_match() {
        let name = pattern(r"^\p{Lu}\p{Ll}+$").unwrap();
        for word in ["Zoë", "Łukasz", "Ωμέγα", "Иван", "Nguyễn"] {
            assert!(name.is_match(word), "{word}");
        }
        let word = pattern(r"^\w+$").unwrap();
        for w in ["李明", "김민준", "カタカナ", "naïve_2"] {
            assert!(word.is_match(w), "{w}");
        }
        assert!(!pattern(r"^\p{L}+$").unwrap().is_match("محمد"));
    }

    #[test]
    fn escaped_backslashes_and_other_classes_are_kept() {
        assert_eq!(cut_letter_classes(r"\\w\s\p{Sc}"), r"\\w\s\p{Sc}");
        assert_eq!(
            cut_letter_classes(r"[\p{L}'-]"),
            format!(r"[[\p{{L}}&&[{SCRIPTS}]]'-]")
        );
        assert!(pattern(r"[^\w]x").unwrap().is_match("!x"));
    }
}
