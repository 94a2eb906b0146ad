//! Fuzz the listing front end (and everything after it); the property is in `common.rs`.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::check(data, vitae::Kind::Listing));
