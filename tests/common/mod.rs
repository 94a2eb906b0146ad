//! Shared helpers: the fixture list and running the library on a fixture.

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every fixture file, sorted: `fixtures/<kind>/<name>`.
pub fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walk(&root().join("fixtures"));
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if !p.file_name().unwrap().to_string_lossy().starts_with('.') {
            out.push(p);
        }
    }
    out
}

/// The kind a fixture's folder names (`fixtures/text/x.txt` → text); `None` for folders
/// that hold other material (citation-style test sets).
pub fn expected_kind(p: &Path) -> Option<vitae::Kind> {
    let folder = p.parent()?.file_name()?.to_str()?;
    vitae::Kind::from_name(folder)
}

pub fn convert(p: &Path) -> vitae::Output {
    let bytes = std::fs::read(p).unwrap();
    vitae::extract_bytes(&bytes, &vitae::Options::default())
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Fixtures that are whole documents of one kind.
pub fn documents() -> Vec<PathBuf> {
    fixtures()
        .into_iter()
        .filter(|p| expected_kind(p).is_some())
        .collect()
}
