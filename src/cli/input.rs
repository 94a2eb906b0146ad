//! Reading one input safely: the file type is checked before opening (a FIFO or device
//! would block or never end), the size before reading (a huge file never enters memory).

use std::io::Read;
use std::path::Path;

use crate::decode::MAX_BYTES;

/// Why an input could not be read; shown after `vitae: PATH: `.
#[derive(Debug)]
pub struct ReadError(pub String);

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn io(context: &str, e: &std::io::Error) -> ReadError {
    // io::Error's Display ends with "(os error N)": keep the words, drop the number.
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg);
    ReadError(format!("{context}: {}", msg.to_lowercase()))
}

/// The error for a file that is not a regular file.
pub fn not_regular(ft: std::fs::FileType) -> ReadError {
    ReadError(format!("skipped: {}", file_type_name(ft)))
}

/// What a non-regular file is, for the error message.
fn file_type_name(ft: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
    }
    if ft.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Read an input path (`-` is stdin), refusing non-regular files and files over the size
/// limit before any byte is read.
pub fn read_input(path: &Path) -> Result<Vec<u8>, ReadError> {
    if path.as_os_str() == "-" {
        return read_limited(std::io::stdin().lock()).map_err(|e| io("cannot read stdin", &e));
    }
    let meta = std::fs::metadata(path).map_err(|e| io("cannot read", &e))?;
    if !meta.is_file() {
        return Err(not_regular(meta.file_type()));
    }
    check_size(meta.len())?;
    let file = std::fs::File::open(path).map_err(|e| io("cannot open", &e))?;
    read_limited(file).map_err(|e| io("cannot read", &e))
}

fn check_size(len: u64) -> Result<(), ReadError> {
    if len > MAX_BYTES as u64 {
        return Err(ReadError(format!(
            "too large: {} bytes (limit {}); not converted",
            super::progress::thousands(len),
            super::progress::thousands(MAX_BYTES as u64)
        )));
    }
    Ok(())
}

/// Read at most one byte past the limit (a file can grow after its size was checked; stdin
/// has no size), so the decoder reports "too large" without holding the whole stream.
fn read_limited(r: impl Read) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(MAX_BYTES as u64 + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_directories_and_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_input(dir.path()).unwrap_err();
        assert!(e.0.contains("a directory"), "{e}");
        let e = read_input(&dir.path().join("nope")).unwrap_err();
        assert!(e.0.starts_with("cannot read: no such file"), "{e}");
    }

    #[test]
    fn refuses_large_files_by_size() {
        assert!(check_size(MAX_BYTES as u64).is_ok());
        let e = check_size(100 << 20).unwrap_err();
        assert!(e.0.contains("104,857,600 bytes"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pipe");
        let ok = std::process::Command::new("mkfifo").arg(&p).status();
        if ok.is_ok_and(|s| s.success()) {
            let e = read_input(&p).unwrap_err();
            assert!(e.0.contains("FIFO"), "{e}");
        }
    }
}
