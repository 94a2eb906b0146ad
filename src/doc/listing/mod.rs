//! Scraped paper-listing pages → `Document` with the owner's name and one `Publication`
//! per card in `found` (shared extraction adds nothing: `blocks` stays empty).
//!
//! Input: the page as plain text (cards copied from a browser) or as HTML (saved cards or a
//! whole page). Output: `Document { found: Record { basics.name, publications }, .. }`.
//! Both inputs become `cards::Line`s first, so one reader finds the cards.

pub mod cards;
pub mod html;
pub mod meta;

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::Document;
use cards::Line;

static HTML_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\A\s*(?:<!doctype html|<html|<head|<body|<div|<ul|<ol|<li|<article|<section|<main|<!--|<meta|<a\s)").unwrap()
});

pub fn parse(src: &str) -> Document {
    let lines = if HTML_START.is_match(src) {
        html::lines(src)
    } else {
        text_lines(src)
    };
    let (name, publications) = cards::read(&lines);
    let mut doc = Document::default();
    doc.found.basics.name = name;
    doc.found.publications = publications;
    doc
}

/// Plain text: one `Line` per non-blank line; blank lines mark paragraph gaps.
pub fn text_lines(src: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut gap = false;
    for l in src.lines() {
        let t = l.trim();
        if t.is_empty() {
            gap = true;
            continue;
        }
        out.push(Line::new(t, gap));
        gap = false;
    }
    out
}
