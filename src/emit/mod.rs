//! Emitters: `Record` → JSON Resume text (`resume`) and BibTeX text (`bibtex`).

pub mod bibtex;
pub mod resume;
