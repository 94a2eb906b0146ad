//! Header, contact and summary blocks → `Basics`.

use crate::doc::{Block, Meta};
use crate::lex::contact;
use crate::model::Basics;

pub fn header(blocks: &[Block], b: &mut Basics) {
    for blk in blocks {
        let t = &blk.text;
        if b.email.is_empty() {
            if let Some(e) = contact::find_email(t) {
                b.email = e;
            }
        }
        if b.phone.is_empty() {
            if let Some(p) = contact::find_phone(t) {
                b.phone = p;
            }
        }
        for u in contact::find_urls(t)
            .into_iter()
            .chain(blk.links.iter().map(|l| l.url.clone()))
        {
            match contact::profile(&u) {
                Some(p) if !b.profiles.iter().any(|q| q.url == p.url) => b.profiles.push(p),
                Some(_) => {}
                None if b.url.is_empty() && !u.starts_with("mailto:") => b.url = u,
                None => {}
            }
        }
        if b.name.is_empty()
            && t.split_whitespace().count() <= 5
            && !t.contains('@')
            && !t.chars().any(|c| c.is_ascii_digit())
        {
            b.name = t.clone();
        }
    }
}

pub fn summary(blocks: &[Block], b: &mut Basics) {
    let text: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    if b.summary.is_empty() {
        b.summary = text.join("\n\n");
    }
}

pub fn meta(m: &Meta, b: &mut Basics) {
    if b.name.is_empty() {
        if let Some(n) = m.get("name").or(m.get("author")).filter(|n| !n.is_empty()) {
            b.name = n.to_string();
        }
    }
}
