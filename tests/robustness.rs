//! No panic and no super-linear path on hostile input, through every front end.
//!
//! Time limits are generous (debug build, shared machine): they guard against quadratic
//! paths, which would take minutes on these sizes, not against slow constant factors.

use std::time::{Duration, Instant};

use proptest::prelude::*;

const KINDS: [Option<vitae::Kind>; 5] = [
    None,
    Some(vitae::Kind::Markdown),
    Some(vitae::Kind::Jekyll),
    Some(vitae::Kind::Text),
    Some(vitae::Kind::Listing),
];

/// Every front end (and the sniffer) on `src`; errors are fine, panics are not.
fn through_every_kind(src: &str) {
    for kind in KINDS {
        let _ = vitae::extract(src, &vitae::Options { kind });
    }
}

fn assert_fast(name: &str, src: &str) {
    for kind in KINDS {
        let t = Instant::now();
        let _ = vitae::extract(src, &vitae::Options { kind });
        let took = t.elapsed();
        assert!(
            took < Duration::from_secs(10),
            "{name} through {kind:?}: {took:?} for {} bytes",
            src.len()
        );
    }
}

const MB: usize = 1 << 20;

#[test]
fn a_megabyte_of_open_parens_is_linear() {
    assert_fast("(((", &"(".repeat(MB));
}

#[test]
fn a_megabyte_of_dashes_is_linear() {
    assert_fast("-- -- --", &"-- ".repeat(MB / 3));
}

#[test]
fn ten_thousand_authors_in_one_list_is_linear() {
    let names: Vec<String> = (0..10_000)
        .map(|i| format!("Author{} Name{}", i % 97, i))
        .collect();
    let src = format!(
        "Jane Doe\n\nPUBLICATIONS\n\n1. {}, \"A Title\", ICML, 2020.\n",
        names.join(", ")
    );
    assert_fast("10,000 authors", &src);
}

/// Shapes that once cost quadratic time: a paragraph of many wrapped lines made plain
/// once per line, a surname-first author list matched against every prefix, a venue
/// segment re-scanned at every comma, every number of a long line tried as a postcode.
#[test]
fn long_runs_of_cv_shapes_are_linear() {
    for unit in [
        "abc\n",
        "Smith, J., ",
        "J. Smith and ",
        "“Quoted title,” ",
        "Oral, ",
        "Jane Doe (2020) -- ICML, University of Tokyo. ",
    ] {
        let src = format!(
            "Jane Doe\n\nPUBLICATIONS\n{}\n",
            unit.repeat(128 * 1024 / unit.len())
        );
        assert_fast(unit, &src);
    }
}

#[test]
fn deeply_nested_html_is_linear() {
    let src = format!(
        "<div>{}Jane{}</div>",
        "<div><ul><li>".repeat(20_000),
        "</li></ul></div>".repeat(20_000)
    );
    assert_fast("nested html", &src);
}

#[test]
fn many_headings_and_bullets_are_linear() {
    let mut src = String::from("# Jane Doe\n\n");
    for i in 0..20_000 {
        src.push_str(&format!(
            "## Publications {i}\n- J. Doe, A. Smith. Title {i}. In ICML, 2020.\n"
        ));
    }
    assert_fast("headings", &src);
}

#[test]
fn yaml_alias_bomb_in_front_matter_is_refused_quickly() {
    let mut fm = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for c in 'b'..='j' {
        fm.push_str(&format!(
            "{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
        prev = c;
    }
    fm.push_str("title: Jane\n---\n\n# About\n\nJane Doe works on things.\n");
    assert_fast("yaml alias bomb", &fm);
}

#[test]
fn unbalanced_liquid_and_markup_do_not_panic() {
    for src in [
        "---\ntitle: x\n---\n{% if a %}\n{{ page.title \n# About\n{% for %}{% endfor",
        "---\n---\n{%",
        "---\nauthor: [\n---\n",
        "<div><span>{{ x }</div></ul></li>",
        "**bold _nested **\n[link](http://x\n![img](",
        "$$\\frac{a}{\n\\textbf{x",
    ] {
        through_every_kind(src);
    }
}

#[test]
fn odd_characters_do_not_panic() {
    for src in [
        "é\u{301}\u{200b}\u{feff}ﬁ\u{10FFFF}",
        "\t\t\t\n\u{a0}\u{2028}\u{2029}",
        "○ ◦ • ▪ – — “ ” ‘ ’",
        "🙂🙂🙂 2020 – 2021 🙂",
        "1.\n2.\n-\n*\n#\n##\n---\n***\n",
    ] {
        through_every_kind(src);
    }
}

/// Cut each fixture at 20 points and convert through every kind: at even points the head
/// as cut, at odd points the whole text garbled around the cut (halves the cost, which
/// grows with the fixture count, while covering both).
#[test]
fn every_fixture_cut_and_garbled_at_twenty_points() {
    use rayon::prelude::*;
    crate::common::fixtures().par_iter().for_each(|path| {
        let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
        let chars: Vec<char> = text.chars().collect();
        for k in 1..=20 {
            let cut = chars.len() * k / 21;
            if k % 2 == 0 {
                through_every_kind(&chars[..cut].iter().collect::<String>());
                continue;
            }
            // Garble: drop a window, duplicate a window, swap in structural characters.
            let mut g: Vec<char> = chars.clone();
            let w = (chars.len() / 50).max(1);
            let end = (cut + w).min(g.len());
            g.drain(cut..end);
            let dup: Vec<char> = chars[cut / 2..cut].to_vec();
            g.splice(cut / 2..cut / 2, dup);
            for (i, c) in g.iter_mut().enumerate().skip(cut / 3).step_by(7).take(40) {
                *c = ['\n', '(', ')', '-', '|', '*', '#', '{', '<', '"'][i % 10];
            }
            through_every_kind(&g.iter().collect::<String>());
        }
    });
}

fn fixture_texts() -> Vec<String> {
    crate::common::fixtures()
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect()
}

/// A fixture with random edits: (position, length, replacement) applied in turn.
fn mutated() -> impl Strategy<Value = String> {
    let texts = fixture_texts();
    let n = texts.len();
    (
        0..n,
        prop::collection::vec((any::<prop::sample::Index>(), 0usize..64, ".{0,12}"), 1..8),
    )
        .prop_map(move |(i, edits)| {
            let mut chars: Vec<char> = texts[i].chars().collect();
            for (at, len, rep) in edits {
                if chars.is_empty() {
                    break;
                }
                let start = at.index(chars.len());
                let end = (start + len).min(chars.len());
                chars.splice(start..end, rep.chars());
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(src in "(?s).{0,400}") {
        through_every_kind(&src);
    }

    #[test]
    fn cv_shaped_text_never_panics(
        src in r"((#{1,3} |[-*•○] |\d\. |  )?([A-Z][a-z]{0,8}|\d{4}|[(),.;:\-–|*_\[\]{}<>]|https?://x\.y/z| |\t){0,30}\n){0,30}"
    ) {
        through_every_kind(&src);
    }

    #[test]
    fn mutated_fixtures_never_panic(src in mutated()) {
        through_every_kind(&src);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for kind in KINDS {
            let _ = vitae::extract_bytes(&bytes, &vitae::Options { kind });
        }
    }
}
