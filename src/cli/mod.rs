//! The command-line front: arguments → library calls → files/stdout, diagnostics, exit code.
//! Only this module (and `main.rs`) prints.

pub mod args;
pub mod batch;
pub mod write;

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Parser;

use args::{Cli, Command, Format, KindArg};

/// Exit codes: 0 all converted, 1 some input failed, 2 usage error (clap's own).
pub const EXIT_OK: i32 = 0;
pub const EXIT_FAILED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

fn kind_of(k: KindArg) -> Option<crate::Kind> {
    match k {
        KindArg::Auto => None,
        KindArg::Markdown => Some(crate::Kind::Markdown),
        KindArg::Jekyll => Some(crate::Kind::Jekyll),
        KindArg::Text => Some(crate::Kind::Text),
        KindArg::Listing => Some(crate::Kind::Listing),
    }
}

/// Read an input path (`-` is stdin).
pub fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf)?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    std::fs::read(path)
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
    match cli.command {
        Command::Sniff { inputs } => sniff(&inputs),
        Command::Extract {
            inputs,
            output,
            format,
            kind,
            jobs,
        } => {
            let opts = crate::Options {
                kind: kind_of(kind),
            };
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
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("vitae: {}: {e}", path.display());
            return EXIT_FAILED;
        }
    };
    match crate::extract_bytes(&bytes, opts) {
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
    for (path, _) in batch::expand(inputs) {
        let result = read_input(&path).map_err(|e| e.to_string()).and_then(|b| {
            let (text, _) = crate::decode::decode(&b).map_err(|e| e.to_string())?;
            Ok(crate::sniff::sniff(&text))
        });
        match result {
            Ok((kind, reason)) => println!("{}\t{}\t{}", path.display(), kind, reason),
            Err(e) => {
                eprintln!("vitae: {}: {e}", path.display());
                code = EXIT_FAILED;
            }
        }
    }
    code
}
