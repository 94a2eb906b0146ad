//! Batch conversion: inputs expanded (directories walked), converted in parallel, each
//! output written atomically under the output folder, per-file messages reported in input
//! order as soon as they are known, and a one-line summary.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use super::input::read_input;
use super::progress::{summary, Progress};
use super::write::atomic_write;
use super::{guarded, EXIT_FAILED, EXIT_OK};

/// One input: the file, and its output name relative to the output folder (no suffix).
#[derive(Debug, Clone)]
pub struct Job {
    pub path: PathBuf,
    pub rel: PathBuf,
}

/// An expanded input, or a path that could not even be listed.
#[derive(Debug)]
pub enum Entry {
    Job(Job),
    Failed(PathBuf, String),
}

impl Entry {
    pub fn path(&self) -> &Path {
        match self {
            Entry::Job(j) => &j.path,
            Entry::Failed(p, _) => p,
        }
    }
}

/// Expand inputs, in the order given; a directory contributes every regular file under it
/// (sorted, hidden files and `skip` left out), mirrored by its subfolders. Two inputs that
/// would share an output name are told apart (extension kept, then a number).
pub fn expand(inputs: &[PathBuf], skip: Option<&Path>) -> Vec<Entry> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, skip, &mut out);
        } else {
            let stem = if input.as_os_str() == "-" {
                PathBuf::from("stdin")
            } else {
                PathBuf::from(input.file_stem().unwrap_or_default())
            };
            out.push(Entry::Job(Job {
                path: input.clone(),
                rel: stem,
            }));
        }
    }
    disambiguate(&mut out);
    out
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn walk(root: &Path, skip: Option<&Path>, out: &mut Vec<Entry>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(hidden(e.file_name())
                    || (e.file_type().is_dir()
                        && skip.is_some_and(|s| e.path().canonicalize().is_ok_and(|c| c == s))))
        });
    for entry in walker {
        match entry {
            Ok(e) => {
                // Symlinks to files count (their target is read); to folders they are not
                // followed, so a link cycle cannot loop.
                let is_file = e.file_type().is_file()
                    || (e.path_is_symlink() && e.path().metadata().is_ok_and(|m| m.is_file()));
                if is_file {
                    let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                    out.push(Entry::Job(Job {
                        path: e.path().to_path_buf(),
                        rel: rel.with_extension(""),
                    }));
                } else if !e.file_type().is_dir() && !e.path_is_symlink() {
                    // A FIFO, socket or device: reported (never opened, so never a hang).
                    let why = super::input::not_regular(e.file_type());
                    out.push(Entry::Failed(e.path().to_path_buf(), why.to_string()));
                }
            }
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                let msg = err
                    .io_error()
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| err.to_string());
                out.push(Entry::Failed(path, format!("cannot list: {msg}")));
            }
        }
    }
}

/// Output names unique: `a.txt` + `a.md` → `a.txt`, `a.md`; still equal → `a-2`, `a-3`.
fn disambiguate(entries: &mut [Entry]) {
    let mut count: HashMap<PathBuf, usize> = HashMap::new();
    for e in entries.iter() {
        if let Entry::Job(j) = e {
            *count.entry(clean(&j.rel)).or_default() += 1;
        }
    }
    let mut seen: HashMap<PathBuf, usize> = HashMap::new();
    for e in entries.iter_mut() {
        let Entry::Job(j) = e else { continue };
        if count.get(&clean(&j.rel)).is_some_and(|&n| n > 1) {
            if let Some(name) = j.path.file_name() {
                j.rel.set_file_name(name);
            }
        }
        let n = seen.entry(clean(&j.rel)).or_default();
        *n += 1;
        if *n > 1 {
            let name = j.rel.file_name().unwrap_or_default().to_string_lossy();
            let numbered = format!("{name}-{n}");
            j.rel.set_file_name(numbered);
        }
    }
}

/// Only the normal parts of a relative path: no root, no `..`, so outputs stay inside.
fn clean(rel: &Path) -> PathBuf {
    rel.components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect()
}

/// Output file name: `rel` + suffix, kept inside `dir`.
pub fn out_path(dir: &Path, rel: &Path, suffix: &str) -> PathBuf {
    let clean = clean(rel);
    let name = clean
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "input".into());
    let mut p = dir.to_path_buf();
    if let Some(parent) = clean.parent() {
        p.push(parent);
    }
    p.push(format!("{name}{suffix}"));
    p
}

/// Convert one input and write its two outputs; the warnings, or why it failed.
fn convert_one(job: &Job, dir: &Path, opts: &crate::Options) -> Result<Vec<String>, String> {
    let bytes = read_input(&job.path).map_err(|e| e.to_string())?;
    let out = crate::extract_bytes(&bytes, opts).map_err(|e| e.to_string())?;
    drop(bytes);
    atomic_write(&out_path(dir, &job.rel, ".resume.json"), &out.resume)
        .map_err(|e| format!("cannot write output: {e}"))?;
    atomic_write(&out_path(dir, &job.rel, ".bib"), &out.bibtex)
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(out.diagnostics.into_iter().map(|d| d.message).collect())
}

pub fn run(inputs: &[PathBuf], dir: &Path, opts: &crate::Options, jobs: Option<usize>) -> i32 {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("vitae: {}: cannot create output folder: {e}", dir.display());
        return EXIT_FAILED;
    }
    let skip = dir.canonicalize().ok();
    let entries = expand(inputs, skip.as_deref());
    let pool = match super::pool(jobs) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("vitae: cannot start workers: {e}");
            return EXIT_FAILED;
        }
    };
    let progress = Progress::new(entries.len());
    let mut failed = 0;
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Result<Vec<String>, String>)>();
    std::thread::scope(|s| {
        let entries = &entries;
        s.spawn(move || {
            // par_bridge takes inputs roughly in order, so the reorder buffer stays small.
            pool.install(|| {
                entries
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (i, entry)| {
                        let r = match entry {
                            Entry::Job(job) => guarded(|| convert_one(job, dir, opts)),
                            Entry::Failed(_, e) => Err(e.clone()),
                        };
                        super::memory::after_document();
                        let _ = tx.send((i, r));
                    })
            })
        });
        // Report in input order as results arrive.
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, r) in rx {
            progress.inc();
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next) {
                let path = entries[next].path().display();
                match r {
                    Ok(warnings) => {
                        for w in warnings {
                            progress.message(&format!("vitae: {path}: warning: {w}"));
                        }
                    }
                    Err(e) => {
                        failed += 1;
                        progress.message(&format!("vitae: {path}: {e}"));
                    }
                }
                next += 1;
            }
        }
    });
    progress.finish();
    eprintln!("{}", summary(entries.len(), failed));
    if failed > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_stay_inside_the_folder() {
        let d = Path::new("/out");
        assert_eq!(
            out_path(d, Path::new("../../etc/x"), ".bib"),
            Path::new("/out/etc/x.bib")
        );
        assert_eq!(
            out_path(d, Path::new("/abs/y"), ".bib"),
            Path::new("/out/abs/y.bib")
        );
        assert_eq!(
            out_path(d, Path::new(".."), ".bib"),
            Path::new("/out/input.bib")
        );
    }

    #[test]
    fn clashing_output_names_are_told_apart() {
        let inputs: Vec<PathBuf> = ["a/cv.txt", "a/cv.md", "b/cv.txt", "c/other.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let rels: Vec<String> = expand(&inputs, None)
            .iter()
            .map(|e| match e {
                Entry::Job(j) => j.rel.display().to_string(),
                Entry::Failed(..) => String::new(),
            })
            .collect();
        assert_eq!(rels, ["cv.txt", "cv.md", "cv.txt-2", "other"]);
    }
}
