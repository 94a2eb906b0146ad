//! The command-line front: arguments → library calls → files/stdout, diagnostics, exit code.
//! Only this module (and `main.rs`) prints.

pub mod args;
pub mod batch;
pub mod input;
mod memory;
pub mod ndjson;
pub mod progress;
pub mod write;

use std::cell::RefCell;
use std::path::PathBuf;

use clap::Parser;

use args::{Cli, Command, Format, KindArg};
pub use input::read_input;

/// Exit codes: 0 all converted, 1 some input failed, 2 usage error (clap's own).
pub const EXIT_OK: i32 = 0;
pub const EXIT_FAILED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// Worker stack size: generous, so a deeply nested input cannot overflow a recursive walk.
const WORKER_STACK: usize = 16 * 1024 * 1024;

fn kind_of(k: KindArg) -> Option<crate::Kind> {
    match k {
        KindArg::Auto => None,
        KindArg::Markdown => Some(crate::Kind::Markdown),
        KindArg::Jekyll => Some(crate::Kind::Jekyll),
        KindArg::Text => Some(crate::Kind::Text),
        KindArg::Listing => Some(crate::Kind::Listing),
    }
}

/// The worker pool: `jobs` threads (default: all cores).
pub fn pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .stack_size(WORKER_STACK)
        .build()
}

thread_local! {
    /// Where the last panic on this thread happened (set by the hook in `run`).
    static PANIC_AT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Run one conversion; a panic (a bug) becomes this input's error instead of killing the
/// batch. The message names the source location so it can be reported.
pub fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let at = PANIC_AT.with(|p| p.borrow().clone());
            Err(format!(
                "internal error (please report): panicked at {at}: {msg}"
            ))
        }
    }
}

/// Panics are reported per input by `guarded`; the default hook's multi-line message would
/// tear the output, so only the location is kept.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        PANIC_AT.with(|p| *p.borrow_mut() = at);
    }));
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    quiet_panics();
    match cli.command {
        Command::Sniff { inputs } => sniff(&inputs),
        Command::Extract {
            inputs,
            output,
            ndjson,
            format,
            kind,
            jobs,
        } => {
            let opts = crate::Options {
                kind: kind_of(kind),
            };
            if ndjson {
                return ndjson::run(&inputs, &opts, jobs);
            }
            match output {
                Some(dir) => batch::run(&inputs, &dir, &opts, jobs),
                None => single(&inputs, format, &opts),
            }
        }
    }
}

fn single(inputs: &[PathBuf], format: Format, opts: &crate::Options) -> i32 {
    let [path] = inputs else {
        eprintln!("vitae: several inputs need -o DIR");
        return EXIT_USAGE;
    };
    if path.is_dir() {
        eprintln!("vitae: {}: a directory input needs -o DIR", path.display());
        return EXIT_USAGE;
    }
    let result = guarded(|| {
        let bytes = read_input(path).map_err(|e| e.to_string())?;
        crate::extract_bytes(&bytes, opts).map_err(|e| e.to_string())
    });
    match result {
        Ok(out) => {
            for d in &out.diagnostics {
                eprintln!("vitae: {}: warning: {}", path.display(), d.message);
            }
            let text = match format {
                Format::Json => out.resume,
                Format::Bibtex => out.bibtex,
            };
            print!("{text}");
            EXIT_OK
        }
        Err(e) => {
            eprintln!("vitae: {}: {e}", path.display());
            EXIT_FAILED
        }
    }
}

fn sniff(inputs: &[PathBuf]) -> i32 {
    let mut code = EXIT_OK;
    for entry in batch::expand(inputs, None) {
        let result = match &entry {
            batch::Entry::Failed(_, e) => Err(e.clone()),
            batch::Entry::Job(job) => guarded(|| {
                let b = read_input(&job.path).map_err(|e| e.to_string())?;
                let (text, _) = crate::decode::decode(&b).map_err(|e| e.to_string())?;
                Ok(crate::sniff::sniff(&text))
            }),
        };
        let path = entry.path().display();
        match result {
            Ok((kind, reason)) => println!("{path}\t{kind}\t{reason}"),
            Err(e) => {
                eprintln!("vitae: {path}: {e}");
                code = EXIT_FAILED;
            }
        }
    }
    code
}
