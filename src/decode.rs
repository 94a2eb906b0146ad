//! Bytes → text: BOMs, UTF-16, invalid UTF-8 (decoded with a warning), binary and empty
//! input refused, line ends normalised to `\n`.

use std::borrow::Cow;

use crate::error::{Diagnostic, Error};

/// Largest input converted. CVs and profile pages are kilobytes; anything this big is a
/// dump or a mistake, refused rather than slowly mangled (and kept out of memory: the CLI
/// checks the file size before reading).
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// Lines longer than this get a warning: no CV has them, so the output is likely poor.
const LONG_LINE: usize = 64 * 1024;

pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Vec<Diagnostic>), Error> {
    let mut diags = Vec::new();
    if bytes.len() > MAX_BYTES {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    let text: Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        diags.push(Diagnostic::new("UTF-16LE input decoded"));
        Cow::Owned(utf16(rest, u16::from_le_bytes, &mut diags))
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        diags.push(Diagnostic::new("UTF-16BE input decoded"));
        Cow::Owned(utf16(rest, u16::from_be_bytes, &mut diags))
    } else {
        let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        if let Some(i) = memchr0(b) {
            return Err(Error::Binary(i));
        }
        match std::str::from_utf8(b) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) if !has_utf8_multibyte(b) => {
                diags.push(Diagnostic::new(format!(
                    "invalid UTF-8 at byte {} and no UTF-8 sequences at all; decoded as Windows-1252",
                    e.valid_up_to()
                )));
                Cow::Owned(b.iter().map(|&c| cp1252(c)).collect())
            }
            Err(e) => {
                diags.push(Diagnostic::new(format!(
                    "invalid UTF-8 at byte {}; decoded lossily (U+FFFD for bad bytes)",
                    e.valid_up_to()
                )));
                String::from_utf8_lossy(b)
            }
        }
    };
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    if let Some(i) = text.find('\0') {
        return Err(Error::Binary(i));
    }
    // Normalise line ends once so every front end sees '\n' only.
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        text
    };
    // PDF extraction keeps typographic ligatures ("Scientiﬁc"): letters, never wanted
    let text = if text.contains(|c: char| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
        Cow::Owned(unligature(&text))
    } else {
        text
    };
    if let Some(n) = text.split('\n').map(str::len).find(|&n| n > LONG_LINE) {
        diags.push(Diagnostic::new(format!(
            "a line of {n} bytes; not a typical CV, output may be poor"
        )));
    }
    Ok((text, diags))
}

/// "ﬁ" → "fi", "ﬄ" → "ffl" (the Alphabetic Presentation Forms ligatures, by NFKC).
fn unligature(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if ('\u{fb00}'..='\u{fb06}').contains(&c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

fn memchr0(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == 0)
}

/// Whether `b` holds at least one well-formed multi-byte UTF-8 sequence: if so, the text is
/// UTF-8 with damage; if not, it is most likely a single-byte encoding.
fn has_utf8_multibyte(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &lead)| {
        let len = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return false,
        };
        b.get(i..i + len)
            .is_some_and(|s| std::str::from_utf8(s).is_ok())
    })
}

/// Windows-1252 (a superset of Latin-1 in practice) byte → char.
fn cp1252(c: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match c {
        0x80..=0x9F => HIGH[usize::from(c - 0x80)],
        _ => char::from(c),
    }
}

fn utf16(b: &[u8], f: fn([u8; 2]) -> u16, diags: &mut Vec<Diagnostic>) -> String {
    if b.len() % 2 == 1 {
        diags.push(Diagnostic::new(
            "UTF-16 input has an odd byte count; last byte dropped",
        ));
    }
    let units: Vec<u16> = b.chunks_exact(2).map(|c| f([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_become_letters() {
        let (t, _) = decode("Scientiﬁc Computing, Efﬁcient ﬂows".as_bytes()).unwrap();
        assert_eq!(t, "Scientific Computing, Efficient flows");
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b"  \n").unwrap_err(), Error::Empty);
        assert!(matches!(decode(b"ab\0cd").unwrap_err(), Error::Binary(2)));
        // A NUL hidden in UTF-16 is still binary.
        assert!(matches!(
            decode(&[0xFF, 0xFE, b'h', 0, 0, 0]).unwrap_err(),
            Error::Binary(1)
        ));
    }

    #[test]
    fn refuses_too_large() {
        let big = vec![b'a'; MAX_BYTES + 1];
        assert!(matches!(decode(&big).unwrap_err(), Error::TooLarge { .. }));
    }

    #[test]
    fn decodes_boms_and_lossy() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap().0, "hi");
        assert_eq!(decode(&[0xFF, 0xFE, b'h', 0, b'i', 0]).unwrap().0, "hi");
        assert_eq!(decode(&[0xFE, 0xFF, 0, b'h', 0, b'i']).unwrap().0, "hi");
        let mut bytes = "café é".as_bytes().to_vec();
        bytes.push(0xFF);
        let (t, d) = decode(&bytes).unwrap();
        assert_eq!(t, "café é\u{fffd}");
        assert!(d[0].message.contains("lossily"));
        assert_eq!(decode(b"a\r\nb\rc").unwrap().0, "a\nb\nc");
    }

    #[test]
    fn latin1_and_cp1252_without_utf8_sequences() {
        let (t, d) = decode(b"Jos\xe9 M\xfcller \x93quoted\x94").unwrap();
        assert_eq!(t, "José Müller “quoted”");
        assert!(d[0].message.contains("Windows-1252"));
    }

    #[test]
    fn warns_on_a_huge_line() {
        let line = "x".repeat(LONG_LINE + 1);
        let (_, d) = decode(line.as_bytes()).unwrap();
        assert!(d[0].message.contains("a line of"));
    }
}
