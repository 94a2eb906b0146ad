//! Note-app Markdown (Obsidian, Logseq exports) reduced to the CommonMark the Markdown front
//! end reads: wiki links become their text, embeds and `%% comments %%` go, `==marks==` lose
//! their marks, and callouts (`> [!note] Title`) are unquoted.

use std::sync::LazyLock;

use regex::Regex;

use crate::sections::classify_heading;

static EMBED: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"!\[\[[^\]\n]*\]\]").unwrap());
/// `[[target]]`, `[[folder/target|shown text]]`
static WIKI: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\[\[(?:([^\]|\n]*)\|)?([^\]|\n]*)\]\]").unwrap());
static HIGHLIGHT: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"==([^=\s](?:[^=\n]*[^=\s])?)==").unwrap());
static COMMENT: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r"%%[^%]*%%").unwrap());
static CALLOUT: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"^>\s*\[![A-Za-z-]+\][+-]?[ \t]*(.*)$").unwrap());

/// The text rewritten, or `None` when it holds no note syntax.
pub fn reduce(src: &str) -> Option<String> {
    // (a setext underline "====" holds no mark: only a marked span makes the text a note)
    if !(src.contains("[[") || src.contains("%%") || src.contains("[!") || HIGHLIGHT.is_match(src))
    {
        return None;
    }
    let mut out = String::with_capacity(src.len());
    let mut in_callout = false;
    for line in src.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let eol = &line[body.len()..];
        let t = body.trim_start();
        if let Some(c) = t.starts_with('>').then(|| CALLOUT.captures(t)).flatten() {
            in_callout = true;
            // a callout titled like a section ("Contact", "Research focus") heads one; other
            // titles ("Thesis details", "click to expand") are furniture
            let title = c[1].trim();
            if !title.is_empty() && classify_heading(title).is_some() {
                out.push_str("#### ");
                out.push_str(title);
            }
            out.push_str(eol);
            continue;
        }
        let line_text = match t.strip_prefix('>') {
            Some(rest) if in_callout => rest.strip_prefix(' ').unwrap_or(rest),
            _ => {
                in_callout = false;
                body
            }
        };
        out.push_str(&inline(line_text));
        out.push_str(eol);
    }
    Some(COMMENT.replace_all(&out, "").into_owned())
}

fn inline(t: &str) -> String {
    if !t.contains("[[") && !t.contains("==") {
        return t.to_string();
    }
    let t = EMBED.replace_all(t, "");
    let t = WIKI.replace_all(&t, |c: &regex::Captures| {
        // no alias: the page's own name, without its folder
        let target = c[2].trim();
        match c.get(1) {
            Some(_) => target.to_string(),
            None => target.rsplit('/').next().unwrap_or(target).to_string(),
        }
    });
    HIGHLIGHT.replace_all(&t, "$1").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_marks_and_embeds() {
        let s = "![[me.jpg|120]]\nPostdoc, [[ETH Zürich]] on [[Projects/HydroHeat|HydroHeat]]\n\
                 1. ==Roe, J.== & Doe, A. Title. %% todo %%\n";
        assert_eq!(
            reduce(s).unwrap(),
            "\nPostdoc, ETH Zürich on HydroHeat\n1. Roe, J. & Doe, A. Title. \n"
        );
    }

    #[test]
    fn callouts_unquoted_and_titled_by_section() {
        let s = "> [!info] Contact\n> **Email** — a@b.org\n\n> [!tip]- Thesis details\n> x\nafter\n> quote\n";
        assert_eq!(
            reduce(s).unwrap(),
            "#### Contact\n**Email** — a@b.org\n\n\nx\nafter\n> quote\n"
        );
    }

    #[test]
    fn setext_rules_and_plain_text_untouched() {
        assert_eq!(reduce("Name\n====\n"), None);
        assert_eq!(reduce("# Jane Doe\n"), None);
    }
}
