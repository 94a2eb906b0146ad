//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "vitae",
    version,
    about = "Researchers' CVs and profile pages to JSON Resume and BibTeX"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Auto,
    Markdown,
    Jekyll,
    Text,
    Listing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Bibtex,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert inputs to NAME.resume.json and NAME.bib (or print one input's output).
    Extract {
        /// Files or directories; `-` reads stdin. With --ndjson: NDJSON files (default stdin).
        #[arg(required_unless_present = "ndjson")]
        inputs: Vec<PathBuf>,
        /// Output directory (created if missing); directory inputs mirror their subfolders.
        #[arg(short, long, conflicts_with = "ndjson")]
        output: Option<PathBuf>,
        /// Stream JSON lines: `{"id", "text"|"path"}` in, `{"id", "kind", "resume",
        /// "bibtex", "diagnostics", "error"}` out, one per input line, in order.
        #[arg(long)]
        ndjson: bool,
        /// What to print without `-o`.
        #[arg(short, long, value_enum, default_value = "json")]
        format: Format,
        /// Force a front end instead of sniffing.
        #[arg(short, long, value_enum, default_value = "auto")]
        kind: KindArg,
        /// Worker threads (default: all cores).
        #[arg(short, long)]
        jobs: Option<usize>,
    },
    /// Print each input's detected kind: PATH<TAB>KIND<TAB>reason.
    Sniff {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
}
