//! Both outputs of every fixture document, snapshotted (review changes with `cargo insta review`).

#[test]
fn fixture_outputs() {
    insta::glob!(
        "../fixtures",
        "{text,markdown,jekyll,listing}/**/*.*",
        |path| {
            let out = crate::common::convert(path);
            insta::assert_snapshot!("resume", out.resume);
            insta::assert_snapshot!("bibtex", out.bibtex);
        }
    );
}
