//! Citation parsing against data tables: author lists (`fixtures/citations/names.tsv`) and
//! reference lists rendered by pandoc citeproc from `fixtures/citations/refs.bib` in several
//! CSL styles (`fixtures/citations/<style>.txt`), scored field by field against the .bib.

use vitae::lex::name::parse_authors;

fn fixture(name: &str) -> String {
    let p = crate::common::root().join("fixtures/citations").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// `family|given[|suffix][#flags]` for each person, `+etal` at the end.
fn render_authors(s: &str) -> String {
    let a = parse_authors(s);
    let mut out: Vec<String> = a
        .people
        .iter()
        .map(|p| {
            let mut x = format!("{}|{}", p.family, p.given);
            if !p.suffix.is_empty() {
                x.push('|');
                x.push_str(&p.suffix);
            }
            let flags = format!(
                "{}{}",
                if p.is_self { "s" } else { "" },
                if p.equal { "e" } else { "" }
            );
            if !flags.is_empty() {
                x.push('#');
                x.push_str(&flags);
            }
            x
        })
        .collect();
    if a.et_al {
        out.push("+etal".into());
    }
    out.join(" ; ")
}

#[test]
fn author_table() {
    let table = fixture("names.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let Some((input, want)) = line.split_once('\t') else {
            panic!("bad row {line:?}");
        };
        n += 1;
        let got = render_authors(input);
        if got != want {
            failures.push(format!("{input:?}\n   want {want}\n   got  {got}"));
        }
    }
    assert!(n >= 200, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
