//! Patterns stay small and DFA-friendly: a Unicode `\b` makes the lazy DFA give up on any
//! non-ASCII text, a Unicode `\d` matches digits `str::parse` rejects, and a counted Unicode
//! class (`[\p{L} ]{1,25}`, `.{0,400}`) compiles to an automaton hundreds of kB large, per
//! pattern and per thread (peak RSS is a target of issue 7).

use std::path::Path;

use regex::Regex;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

/// The raw-string patterns given to `lex::pattern` in `src/`.
fn patterns() -> Vec<(String, String)> {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let call = Regex::new(r#"pattern\(\s*(?:&format!\(\s*)?r(#*)""#).unwrap();
    let mut out = Vec::new();
    for (path, text) in files {
        for c in call.captures_iter(&text) {
            let start = c.get(0).unwrap().end();
            let end = text[start..].find(&format!("\"{}", &c[1])).unwrap() + start;
            out.push((path.clone(), text[start..end].to_string()));
        }
    }
    out
}

#[test]
fn patterns_use_ascii_digits_and_word_boundaries() {
    let pats = patterns();
    assert!(pats.len() > 100, "found only {} patterns", pats.len());
    // an escape at an even run of backslashes is a real `\d` / `\b`
    let unicode = Regex::new(r"(?:^|[^\\])(?:\\\\)*\\[db]").unwrap();
    let bad: Vec<_> = pats
        .iter()
        .filter(|(_, p)| unicode.is_match(&p.replace(r"(?-u:\b)", "")))
        .collect();
    assert!(bad.is_empty(), "use [0-9] and (?-u:\\b): {bad:#?}");
}

#[test]
fn no_long_counted_unicode_classes() {
    // `\p{..}`, `\w`, `.` or a negated class under a count above 12
    let counted =
        Regex::new(r"(?:\\p\{\w+\}|\\w|\.|\[\^[^\]]*\]|\[[^\]]*\\[pw][^\]]*\])\{\d+,(\d+)\}")
            .unwrap();
    let bad: Vec<_> = patterns()
        .into_iter()
        .filter(|(_, p)| {
            counted
                .captures_iter(p)
                .any(|c| c[1].parse::<u32>().is_ok_and(|n| n > 12))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "count in code, not in the pattern: {bad:#?}"
    );
}
