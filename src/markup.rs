//! Inline markup to plain Unicode: Markdown emphasis and links, inline HTML tags and
//! entities, LaTeX math (`$1.69\times$` → `1.69×`), backslash escapes.
//!
//! Input: one line or paragraph of source text. Output: plain text with whitespace
//! collapsed. Every front end calls `plain` once per block, so the rule lives here only.

use std::sync::LazyLock;

use regex::Regex;

/// A link found in inline markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub url: String,
}

static MD_IMAGE: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"!\[[^\]\n]*\]\([^)\n]*\)").unwrap());
// pandoc bracketed spans: "[Otieno W]{.underline}", "[]{#_Toc161838203 .anchor}" (Word
// bookmarks): the text stays, the attributes go.
static PANDOC_SPAN: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\[([^\[\]\n]*)\]\{[#.][^{}\n]*\}").unwrap());
// pandoc superscripts ("73^rd^ Annual Meeting", "10^6^ cells"): the text stays
static PANDOC_SUP: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\^([^\^\s]{1,10})\^").unwrap());
// Link text may hold escaped brackets (`[\[arxiv\]](#)`).
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"\[((?:\\.|[^\[\]\\\n])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[^)]*)?\)").unwrap()
});
static AUTOLINK: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"<((?:https?|mailto):[^>\s]+)>").unwrap());
static HTML_A: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r#"(?is)<a\s[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>(.*?)</a\s*>"#).unwrap()
});
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<\\[A-Za-z]+>").unwrap()
});
static TIGHT_TAG: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"(?i)</?(?:sup|sub|b|i|u|em|strong|span|small|code|tt|mark|font|a)(?:\s[^<>]*)?>",
    )
    .unwrap()
});
static COMMENT: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r"(?s)<!--.*?-->").unwrap());
static MATH: LazyLock<Regex> = LazyLock::new(|| crate::lex::pattern(r"\$([^$\n]+)\$").unwrap());
static LATEX_WRAP: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(r"\\(?:mathrm|text|textrm|mathbf|textbf|textit|emph|mathit|operatorname|rm|bf|it)\s*\{([^{}]*)\}").unwrap()
});
static LATEX_BRACE_RM: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\{\\(?:rm|bf|it|em|sc)\s+([^{}]*)\}").unwrap());
static LATEX_CMD: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\\([A-Za-z]+)\s*").unwrap());
static EMPH: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"\*\*\*|\*\*|__|(?:^|\B)\*(?:\B|$)|\*").unwrap());
static UNDERSCORE_EMPH: LazyLock<Regex> =
    LazyLock::new(|| crate::lex::pattern(r"(^|[\s(\[])_([^_\n]+)_($|[\s).,;:\]])").unwrap());

/// LaTeX commands in math that stand for one character.
fn latex_symbol(cmd: &str) -> Option<&'static str> {
    Some(match cmd {
        "times" => "×",
        "sim" | "textasciitilde" => "~",
        "approx" => "≈",
        "pm" => "±",
        "le" | "leq" => "≤",
        "ge" | "geq" => "≥",
        "cdot" => "·",
        "ldots" | "dots" | "cdots" => "...",
        "rightarrow" | "to" => "→",
        "leftarrow" => "←",
        "infty" => "∞",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" | "varepsilon" => "ε",
        "eta" => "η",
        "theta" => "θ",
        "lambda" => "λ",
        "mu" => "μ",
        "pi" => "π",
        "rho" => "ρ",
        "sigma" => "σ",
        "tau" => "τ",
        "phi" | "varphi" => "φ",
        "omega" => "ω",
        "Delta" => "Δ",
        "Omega" => "Ω",
        "textendash" => "–",
        "textemdash" => "—",
        "%" => "%",
        "LaTeX" => "LaTeX",
        "TeX" => "TeX",
        _ => return None,
    })
}

/// LaTeX math (the inside of `$...$`) to Unicode.
pub fn math(s: &str) -> String {
    let mut t = s.to_string();
    for _ in 0..3 {
        let next = LATEX_WRAP.replace_all(&t, "$1").into_owned();
        let next = LATEX_BRACE_RM.replace_all(&next, "$1").into_owned();
        if next == t {
            break;
        }
        t = next;
    }
    let t = t
        .replace("\\ ", " ")
        .replace("\\,", " ")
        .replace("\\;", " ")
        .replace("\\!", "");
    let t = t
        .replace("\\%", "%")
        .replace("\\&", "&")
        .replace("\\_", "_")
        .replace("\\#", "#")
        .replace("\\$", "$");
    let t = LATEX_CMD.replace_all(&t, |c: &regex::Captures| match latex_symbol(&c[1]) {
        Some(sym) => sym.to_string(),
        None => String::new(),
    });
    let t = t.replace(['{', '}'], "").replace('^', "");
    t.trim().to_string()
}

/// Does a `$...$` body look like math rather than two prices?
fn is_math(body: &str) -> bool {
    body.contains('\\')
        || body.contains('^')
        || body.contains('{')
        || body.trim().chars().all(|c| !c.is_whitespace())
}

// TeX emphasis left in converted text ("\\textbf{Zielińska, K.}", "\\emph{Nature}").
static TEX_EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    crate::lex::pattern(
        r"\\(textbf|textit|emph|textsc|underline|uline|textrm|textsf)\{([^{}\n]*)\}",
    )
    .unwrap()
});

/// TeX emphasis commands as Markdown emphasis: bold stays bold (a CV's own name in an author
/// list), italics stay italics (a venue), other styles become plain text.
pub fn tex_emphasis(s: &str) -> Option<String> {
    if !s.contains('\\') || !TEX_EMPHASIS.is_match(s) {
        return None;
    }
    Some(
        TEX_EMPHASIS
            .replace_all(s, |c: &regex::Captures| match &c[1] {
                "textbf" => format!("**{}**", &c[2]),
                "textit" | "emph" => format!("*{}*", &c[2]),
                _ => c[2].to_string(),
            })
            .into_owned(),
    )
}

/// Replace `$...$` spans that hold math with their Unicode rendering.
pub fn strip_math(s: &str) -> String {
    if !s.contains('$') {
        return s.to_string();
    }
    MATH.replace_all(s, |c: &regex::Captures| {
        if c[1].chars().count() <= 200 && is_math(&c[1]) {
            math(&c[1])
        } else {
            c[0].to_string()
        }
    })
    .into_owned()
}

/// Decode HTML entities (`&nbsp;` becomes a space).
pub fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    html_escape::decode_html_entities(s).replace('\u{a0}', " ")
}

/// Links in Markdown (`[t](u)`, `<u>`) and HTML (`<a href>`) markup, in source order.
/// Placeholder targets (`#`, empty) are not links.
pub fn links(s: &str) -> Vec<Link> {
    let mut found: Vec<(usize, Link)> = Vec::new();
    if s.contains("](") {
        for c in MD_LINK.captures_iter(s) {
            let start = c.get(0).map_or(0, |m| m.start());
            if start > 0 && s.as_bytes()[start - 1] == b'!' {
                continue;
            }
            found.push((
                start,
                Link {
                    text: plain(&c[1]),
                    url: c[2].to_string(),
                },
            ));
        }
    }
    if s.contains('<') {
        for c in HTML_A.captures_iter(s) {
            found.push((
                c.get(0).map_or(0, |m| m.start()),
                Link {
                    text: plain(&c[2]),
                    url: entities(&c[1]),
                },
            ));
        }
        for c in AUTOLINK.captures_iter(s) {
            found.push((
                c.get(0).map_or(0, |m| m.start()),
                Link {
                    text: c[1].to_string(),
                    url: c[1].to_string(),
                },
            ));
        }
    }
    found.sort_by_key(|(i, _)| *i);
    found
        .into_iter()
        .map(|(_, l)| l)
        .filter(|l| is_real_url(&l.url))
        .collect()
}

/// A link target that points somewhere (not `#`, not empty, not a bare anchor).
pub fn is_real_url(u: &str) -> bool {
    let u = u.trim();
    !u.is_empty() && !u.starts_with('#') && u != "/" && !u.starts_with("javascript:")
}

/// Inline markup to plain text. Idempotent on plain text.
pub fn plain(s: &str) -> String {
    let t = plain_markup(s);
    if t.contains("--") {
        en_dashes(&t)
    } else {
        t
    }
}

/// "C--H", "2016--2021": TeX's and pandoc's "--" between two characters is an en dash;
/// longer runs and a spaced " -- " stay.
fn en_dashes(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while i + 1 < b.len() {
        let pair = b[i] == b'-' && b[i + 1] == b'-';
        // between two characters only: a spaced " -- " is prose punctuation, kept
        let alone = pair
            && i > 0
            && !matches!(b[i - 1], b'-' | b' ' | b'\t')
            && b.get(i + 2)
                .is_some_and(|c| !matches!(c, b'-' | b' ' | b'\t'));
        if alone {
            out.push_str(&s[last..i]);
            out.push('–');
            i += 2;
            last = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[last..]);
    out
}

fn plain_markup(s: &str) -> String {
    if !s
        .bytes()
        .any(|b| matches!(b, b'<' | b'[' | b'$' | b'*' | b'_' | b'\\' | b'&' | b'^'))
    {
        // Most lines carry no markup at all: only the spaces need tidying.
        return tidy_spaces(s, true);
    }
    let mut t: String = if s.contains("<!--") {
        COMMENT.replace_all(s, " ").into_owned()
    } else {
        s.to_string()
    };
    // Escaped emphasis characters are text: park them where the emphasis rules cannot see them.
    let escaped = t.contains("\\*") || t.contains("\\_");
    if escaped {
        t = t.replace("\\*", "\u{e001}").replace("\\_", "\u{e002}");
    }
    if t.contains('<') {
        if t.contains("L<sup>A</sup>T<sub>E</sub>X") {
            t = t.replace("L<sup>A</sup>T<sub>E</sub>X", "LaTeX");
        }
        // Inline formatting tags join their neighbours (L<sup>A</sup>T<sub>E</sub>X -> LaTeX).
        t = TIGHT_TAG.replace_all(&t, "").into_owned();
        t = TAG.replace_all(&t, " ").into_owned();
    }
    if t.contains('[') {
        if t.contains("]{") {
            t = PANDOC_SPAN.replace_all(&t, "$1").into_owned();
        }
        t = MD_IMAGE.replace_all(&t, "").into_owned();
        t = MD_LINK.replace_all(&t, "$1").into_owned();
    }
    t = strip_math(&t);
    if t.contains('^') {
        t = PANDOC_SUP.replace_all(&t, "$1").into_owned();
    }
    if t.contains('*') {
        t = EMPH.replace_all(&t, "").into_owned();
    }
    if t.contains('_') {
        t = UNDERSCORE_EMPH.replace_all(&t, "$1$2$3").into_owned();
    }
    if t.contains('\\') {
        t = unescape(&t);
    }
    t = entities(&t);
    if t.contains("<") {
        t = TAG.replace_all(&t, " ").into_owned();
    }
    if escaped {
        t = t.replace('\u{e001}', "*").replace('\u{e002}', "_");
    }
    tidy_spaces(&t, true)
}

/// Byte length of the inline space (tab, no-break or typographic space) at byte `i`, or 0. Reads bytes, not chars:
/// this runs over every block, column and field, so it must be cheap per byte.
fn space_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t' => 1,
        0xC2 if b.get(i + 1) == Some(&0xA0) => 2,
        0xE2 if b.get(i + 1) == Some(&0x80)
            && b.get(i + 2).is_some_and(|&c| (0x80..=0x8B).contains(&c)) =>
        {
            3
        }
        0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

/// One pass instead of a regex per rule: runs of inline spaces become one space, the ends
/// are trimmed, and with `punct` a space before closing punctuation goes.
fn tidy_spaces(s: &str, punct: bool) -> String {
    let s = s.trim();
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut i, mut run) = (0, 0);
    while i < b.len() {
        let n = space_len(b, i);
        if n == 0 {
            i += 1;
            continue;
        }
        // `i` and the run start are char boundaries: spaces are whole chars.
        out.push_str(&s[run..i]);
        while i < b.len() {
            let n = space_len(b, i);
            if n == 0 {
                break;
            }
            i += n;
        }
        let closes = punct
            && matches!(
                b.get(i),
                Some(b',' | b'.' | b';' | b':' | b'!' | b'?' | b')' | b']')
            );
        if !out.is_empty() && i < b.len() && !closes {
            out.push(' ');
        }
        run = i;
    }
    out.push_str(&s[run..]);
    out
}

/// Markdown backslash escapes (`\*`, `\[`, `\_`) and stray LaTeX escapes (`\&`, `\%`).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&n) = chars.peek() {
                if n.is_ascii_punctuation() {
                    out.push(n);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Collapse whitespace runs to one space and trim.
pub fn squash(s: &str) -> String {
    tidy_spaces(s, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tex_emphasis_becomes_markdown() {
        assert_eq!(
            tex_emphasis(r"Hofer, M.; \textbf{Zielińska, K.}; \emph{Nature}").unwrap(),
            "Hofer, M.; **Zielińska, K.**; *Nature*"
        );
        assert!(tex_emphasis("no tex here").is_none());
    }

    #[test]
    fn pandoc_spans_keep_their_text() {
        assert_eq!(plain("[Otieno W]{.underline}, Doe A"), "Otieno W, Doe A");
        assert_eq!(plain("[]{#_Toc16 .anchor}Title"), "Title");
        assert_eq!(plain("73^rd^ Annual Meeting"), "73rd Annual Meeting");
        assert_eq!(plain("[a](http://x.org){.ext}"), "a{.ext}");
    }

    #[test]
    fn double_hyphens_are_en_dashes() {
        assert_eq!(
            plain("C--H activation, 2016--2021"),
            "C–H activation, 2016–2021"
        );
        assert_eq!(plain("a --- b ---- c -- d"), "a --- b ---- c -- d");
    }

    #[test]
    fn spaces_collapse_and_trim() {
        assert_eq!(plain("  a \t b\u{a0}\u{a0}c  "), "a b c");
        assert_eq!(
            plain("\u{200b}Jane ,  Doe ( 2020 ) ."),
            "Jane, Doe ( 2020)."
        );
        assert_eq!(squash("x ,\u{3000}y "), "x , y");
        assert_eq!(plain("line one \n line two"), "line one \n line two");
        assert_eq!(plain(" \t "), "");
        // multi-byte spaces next to multi-byte text
        assert_eq!(squash("é\u{2009}\u{2003}ü\u{200b}—\u{3000}"), "é ü —");
        assert_eq!(squash("\u{2010}\u{2028}x"), "\u{2010}\u{2028}x");
    }

    #[test]
    fn strips_emphasis_and_escapes() {
        assert_eq!(plain("**H. Huang**, X. Chen"), "H. Huang, X. Chen");
        assert_eq!(
            plain("*Haocheng Xi\\*, Shuo Yang\\**"),
            "Haocheng Xi*, Shuo Yang*"
        );
        assert_eq!(plain("\\[Invited Talk\\] Title"), "[Invited Talk] Title");
    }

    #[test]
    fn html_tags_and_entities() {
        assert_eq!(plain("L<sup>A</sup>T<sub>E</sub>X"), "LaTeX");
        assert_eq!(plain("M.S., <i>GPA</i> : 3.96"), "M.S., GPA: 3.96");
        assert_eq!(plain("a&nbsp;b &amp; c"), "a b & c");
        assert_eq!(
            plain("<span style='x'>National Scholarship<\\span> (Top 1%)"),
            "National Scholarship (Top 1%)"
        );
    }

    #[test]
    fn latex_math() {
        assert_eq!(
            plain("$1.69\\times-2.65\\times$ throughput"),
            "1.69×-2.65× throughput"
        );
        assert_eq!(plain("take $\\sim 80\\%$ of"), "take ~80% of");
        assert_eq!(plain("$\\mathrm{May}\\ 2022$"), "May 2022");
        assert_eq!(plain("${\\rm Dec.}\\ 2020$"), "Dec. 2020");
        assert_eq!(plain("costs $5 and $10"), "costs $5 and $10");
    }

    #[test]
    fn markdown_links() {
        assert_eq!(
            plain("[Prof. X](#) and [site](https://a.b)"),
            "Prof. X and site"
        );
        let l = links("[Prof. X](#) and [site](https://a.b) <a href='https://c.d'>C</a>");
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].url, "https://a.b");
        assert_eq!(l[1].text, "C");
        assert_eq!(plain("[\\[arxiv\\]](#)"), "[arxiv]");
    }
}
