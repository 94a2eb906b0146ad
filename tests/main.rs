//! One integration binary (autotests = false): every suite is a module here.

mod common;

mod bibtex_roundtrip;
mod citations;
mod cli;
mod pattern_budget;
mod robustness;
mod schema;
mod snapshots;
mod sniff;
