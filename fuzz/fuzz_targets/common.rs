//! The one property every fuzz target checks: bytes in, no panic, both outputs well formed.

pub fn check(data: &[u8], kind: vitae::Kind) {
    let opts = vitae::Options { kind: Some(kind) };
    if let Ok(out) = vitae::extract_bytes(data, &opts) {
        serde_json::from_str::<serde_json::Value>(&out.resume).expect("resume is valid JSON");
        // Every brace opened in the BibTeX is closed.
        let depth = out.bibtex.chars().try_fold(0i64, |d, c| match c {
            '{' => Some(d + 1),
            '}' if d == 0 => None,
            '}' => Some(d - 1),
            _ => Some(d),
        });
        assert_eq!(depth, Some(0), "unbalanced braces in BibTeX");
    }
}
