//! Atomic output: write to a temp file in the target folder, then rename over the target,
//! so a reader never sees a half-written file.

use std::io::Write;
use std::path::Path;

pub fn atomic_write(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".vitae-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents.as_bytes())?;
    // No fsync: the rename already hides partial files from readers, and syncing every
    // output made batch runs IO-bound (about a fifth of the wall time).
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
