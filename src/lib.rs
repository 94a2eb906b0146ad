//! vitae: researchers' CVs and profile pages → JSON Resume and BibTeX.
//!
//! ```text
//! bytes --decode--> &str --sniff--> Kind --front end (doc::*)--> Document
//!       --sections + extract--> Record --normalize--> Record --emit--> JSON Resume, BibTeX
//! ```
//!
//! ```
//! let out = vitae::extract("Jane Doe\n\nEDUCATION\n\nMIT\t2016 - 2020\n", &vitae::Options::default()).unwrap();
//! assert_eq!(out.kind, vitae::Kind::Text);
//! assert!(out.resume.contains("\"name\": \"Jane Doe\""));
//! ```

pub mod cli;
pub mod decode;
pub mod doc;
pub mod emit;
pub mod error;
pub mod extract;
pub mod lex;
pub mod markup;
pub mod model;
pub mod normalize;
pub mod sections;
pub mod sniff;
pub mod tables;

pub use error::{Diagnostic, Error};
pub use model::Record;
pub use sniff::Kind;

/// How to convert one document.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force a front end instead of sniffing.
    pub kind: Option<Kind>,
}

/// Everything one document gives.
#[derive(Debug, Clone)]
pub struct Output {
    pub kind: Kind,
    pub record: Record,
    /// JSON Resume text.
    pub resume: String,
    /// BibTeX text.
    pub bibtex: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// The front end for a kind.
pub fn document(src: &str, kind: Kind) -> doc::Document {
    match kind {
        Kind::Markdown => doc::markdown::parse(src),
        Kind::Jekyll => doc::jekyll::parse(src),
        Kind::Text => doc::text::parse(src),
        Kind::Listing => doc::listing::parse(src),
    }
}

/// Convert decoded text.
pub fn extract(src: &str, opts: &Options) -> Result<Output, Error> {
    if src.trim().is_empty() {
        return Err(Error::Empty);
    }
    let kind = opts.kind.unwrap_or_else(|| sniff::sniff(src).0);
    let doc = document(src, kind);
    let mut record = extract::record(&doc);
    // BibTeX the page carries fills (and adds to) its printed references
    lex::bibtex::enrich(&mut record.publications, src);
    let record = normalize::normalize(record);
    Ok(Output {
        kind,
        resume: emit::resume::to_json(&record),
        bibtex: emit::bibtex::to_bibtex(&record.publications),
        record,
        diagnostics: Vec::new(),
    })
}

/// Convert raw bytes (decoding first; warnings land in `diagnostics`).
pub fn extract_bytes(bytes: &[u8], opts: &Options) -> Result<Output, Error> {
    let (text, diags) = decode::decode(bytes)?;
    let mut out = extract(&text, opts)?;
    out.diagnostics.splice(0..0, diags);
    Ok(out)
}
