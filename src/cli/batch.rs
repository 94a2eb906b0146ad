//! Batch conversion: inputs expanded (directories walked), converted in parallel, each
//! output written atomically under the output folder, per-file errors reported.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::write::atomic_write;
use super::{read_input, EXIT_FAILED, EXIT_OK};

/// Expand inputs to (file, path relative to the output folder without extension).
/// A directory contributes every regular file under it, mirrored by its subfolders.
pub fn expand(inputs: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(input)
                .follow_links(false)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            files.sort();
            for f in files {
                let rel = f.strip_prefix(input).unwrap_or(&f).with_extension("");
                out.push((f, rel));
            }
        } else {
            let stem = if input.as_os_str() == "-" {
                PathBuf::from("stdin")
            } else {
                PathBuf::from(input.file_stem().unwrap_or_default())
            };
            out.push((input.clone(), stem));
        }
    }
    out
}

/// Output file name: `rel` + suffix, kept inside `dir` (no `..` or absolute parts).
fn out_path(dir: &Path, rel: &Path, suffix: &str) -> PathBuf {
    let mut p = dir.to_path_buf();
    let clean: PathBuf = rel
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .collect();
    let name = clean
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "input".into());
    if let Some(parent) = clean.parent() {
        p.push(parent);
    }
    p.push(format!("{name}{suffix}"));
    p
}

fn convert_one(
    path: &Path,
    rel: &Path,
    dir: &Path,
    opts: &crate::Options,
) -> Result<Vec<String>, String> {
    let bytes = read_input(path).map_err(|e| e.to_string())?;
    let out = crate::extract_bytes(&bytes, opts).map_err(|e| e.to_string())?;
    atomic_write(&out_path(dir, rel, ".resume.json"), &out.resume)
        .map_err(|e| format!("writing output: {e}"))?;
    atomic_write(&out_path(dir, rel, ".bib"), &out.bibtex)
        .map_err(|e| format!("writing output: {e}"))?;
    Ok(out.diagnostics.into_iter().map(|d| d.message).collect())
}

pub fn run(inputs: &[PathBuf], dir: &Path, opts: &crate::Options, jobs: Option<usize>) -> i32 {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("vitae: {}: cannot create output folder: {e}", dir.display());
        return EXIT_FAILED;
    }
    let files = expand(inputs);
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("vitae: cannot start workers: {e}");
            return EXIT_FAILED;
        }
    };
    let results: Vec<Result<Vec<String>, String>> = pool.install(|| {
        files
            .par_iter()
            .map(|(p, rel)| convert_one(p, rel, dir, opts))
            .collect()
    });
    let mut failed = 0;
    for ((path, _), r) in files.iter().zip(&results) {
        match r {
            Ok(warnings) => {
                for w in warnings {
                    eprintln!("vitae: {}: warning: {w}", path.display());
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("vitae: {}: {e}", path.display());
            }
        }
    }
    if files.len() > 1 {
        eprintln!(
            "converted {} of {} files; {} failed",
            files.len() - failed,
            files.len(),
            failed
        );
    }
    if failed > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}
