//! Typed errors (the document produced no output) and diagnostics (warnings).

use thiserror::Error;

/// Why a document could not be converted. The CLI prefixes the path.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    #[error("empty input")]
    Empty,
    #[error("binary input (NUL bytes at offset {0}); not a text document")]
    Binary(usize),
    #[error("input too large: {size} bytes (limit {limit})")]
    TooLarge { size: usize, limit: usize },
    #[error("not a text document: {0}")]
    Undecodable(String),
}

/// A warning about a document that was still converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
        }
    }
}
