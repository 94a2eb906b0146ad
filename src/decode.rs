//! Bytes → text: BOMs, UTF-16, invalid UTF-8 (decoded lossily with a warning), binary
//! and empty input refused.

use std::borrow::Cow;

use crate::error::{Diagnostic, Error};

/// Largest input converted; bigger files are refused rather than slowly mangled.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

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
        Cow::Owned(utf16(rest, u16::from_le_bytes))
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        diags.push(Diagnostic::new("UTF-16BE input decoded"));
        Cow::Owned(utf16(rest, u16::from_be_bytes))
    } else {
        let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        if let Some(i) = b.iter().position(|&c| c == 0) {
            return Err(Error::Binary(i));
        }
        match std::str::from_utf8(b) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                diags.push(Diagnostic::new(format!(
                    "invalid UTF-8 at byte {}; decoded lossily",
                    e.valid_up_to()
                )));
                String::from_utf8_lossy(b)
            }
        }
    };
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    if text.contains('\0') {
        return Err(Error::Binary(text.find('\0').unwrap_or(0)));
    }
    // Normalise line ends once so every front end sees '\n' only.
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        text
    };
    Ok((text, diags))
}

fn utf16(b: &[u8], f: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = b.chunks_exact(2).map(|c| f([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b"  \n").unwrap_err(), Error::Empty);
        assert!(matches!(decode(b"ab\0cd").unwrap_err(), Error::Binary(2)));
    }

    #[test]
    fn decodes_boms_and_lossy() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap().0, "hi");
        assert_eq!(decode(&[0xFF, 0xFE, b'h', 0, b'i', 0]).unwrap().0, "hi");
        let (t, d) = decode(b"caf\xE9 ok").unwrap();
        assert!(t.starts_with("caf"));
        assert_eq!(d.len(), 1);
        assert_eq!(decode(b"a\r\nb").unwrap().0, "a\nb");
    }
}
