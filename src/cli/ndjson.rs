//! Streaming: JSON lines in, JSON lines out, one output line per input line, in input
//! order, so vitae works as a map step (GNU parallel --pipe, Hadoop Streaming, Spark's
//! `RDD.pipe`).
//!
//! In: `{"id": ANY, "text": "..."}` or `{"id": ANY, "path": "..."}` (optional `"kind"`).
//! Out: `{"id", "kind", "resume", "bibtex", "diagnostics", "error"}`; `resume` is the JSON
//! Resume object itself. A bad line gives a record with `error` set; it never aborts the
//! stream, and the exit status stays 0 (a map step that exits non-zero fails the whole
//! job), except when stdin or stdout themselves fail.

use std::io::{BufRead, Write};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{guarded, EXIT_FAILED, EXIT_OK};
use crate::decode::MAX_BYTES;

/// Lines longer than this are refused (JSON escaping can double the text's size).
const MAX_LINE: usize = 2 * MAX_BYTES + 1024;
/// Lines per parallel chunk, per worker; output is flushed after each chunk.
const LINES_PER_WORKER: usize = 32;
/// A chunk is also cut when its lines hold this many bytes, to bound memory.
const CHUNK_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, Deserialize)]
struct InLine {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    kind: Option<String>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct OutLine {
    pub id: Value,
    pub kind: Option<&'static str>,
    pub resume: Option<Value>,
    pub bibtex: Option<String>,
    pub diagnostics: Vec<String>,
    pub error: Option<String>,
}

impl OutLine {
    fn failed(id: Value, error: String) -> Self {
        OutLine {
            id,
            kind: None,
            resume: None,
            bibtex: None,
            diagnostics: vec![error.clone()],
            error: Some(error),
        }
    }
}

/// One raw input line (1-based number `n`) → one output record. Never fails.
pub fn convert_line(n: usize, line: Result<&[u8], usize>, opts: &crate::Options) -> OutLine {
    let line_id = Value::from(n);
    let line = match line {
        Ok(l) => l,
        Err(len) => {
            return OutLine::failed(
                line_id,
                format!("line {n}: {len} bytes, over the {MAX_LINE}-byte limit"),
            )
        }
    };
    let input: InLine = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => return OutLine::failed(line_id, format!("line {n}: not a JSON object: {e}")),
    };
    let id = input
        .id
        .clone()
        .or_else(|| input.path.clone().map(Value::from))
        .unwrap_or(line_id);
    let mut opts = opts.clone();
    if let Some(k) = &input.kind {
        match crate::Kind::from_name(k) {
            Some(kind) => opts.kind = Some(kind),
            None if k == "auto" => opts.kind = None,
            None => return OutLine::failed(id, format!("line {n}: unknown kind {k:?}")),
        }
    }
    let result = match (&input.text, &input.path) {
        (Some(text), _) => crate::extract_bytes(text.as_bytes(), &opts).map_err(|e| e.to_string()),
        (None, Some(path)) => super::input::read_input(Path::new(path))
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|b| crate::extract_bytes(&b, &opts).map_err(|e| format!("{path}: {e}"))),
        (None, None) => Err("needs a \"text\" or a \"path\" field".to_string()),
    };
    match result {
        Ok(out) => OutLine {
            id,
            kind: Some(out.kind.name()),
            resume: serde_json::from_str(&out.resume).ok(),
            bibtex: Some(out.bibtex),
            diagnostics: out.diagnostics.into_iter().map(|d| d.message).collect(),
            error: None,
        },
        Err(e) => OutLine::failed(id, format!("line {n}: {e}")),
    }
}

/// Read one line (without its `\n`) into `buf`, keeping at most `limit` bytes. `None` at
/// the end of input; `Some(Err(len))` when the line was longer than the limit.
fn read_line(
    r: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Option<Result<(), usize>>> {
    buf.clear();
    let mut len = 0;
    let mut any = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&c| c == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        len += part.len();
        if len <= limit {
            buf.extend_from_slice(part);
        }
        let used = done.unwrap_or(part.len());
        r.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if len > limit {
        buf.clear();
        return Ok(Some(Err(len)));
    }
    Ok(Some(Ok(())))
}

/// Stream `input` to `out`; `Err` only when reading or writing the streams fails.
pub fn stream(
    input: &mut impl BufRead,
    out: &mut impl Write,
    opts: &crate::Options,
    pool: &rayon::ThreadPool,
) -> std::io::Result<()> {
    let per_chunk = LINES_PER_WORKER * pool.current_num_threads().max(1);
    let mut n = 0;
    let mut buf = Vec::new();
    let mut eof = false;
    while !eof {
        let mut chunk: Vec<(usize, Result<Vec<u8>, usize>)> = Vec::new();
        let mut bytes = 0;
        while chunk.len() < per_chunk && bytes < CHUNK_BYTES {
            let Some(line) = read_line(input, &mut buf, MAX_LINE)? else {
                eof = true;
                break;
            };
            n += 1;
            if line.is_ok() && buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            bytes += buf.len();
            chunk.push((n, line.map(|()| std::mem::take(&mut buf))));
        }
        let records: Vec<OutLine> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(n, line)| {
                    let line = line.as_ref().map(Vec::as_slice).map_err(|&len| len);
                    guarded(|| Ok(convert_line(*n, line, opts)))
                        .unwrap_or_else(|e| OutLine::failed(Value::from(*n), e))
                })
                .collect()
        });
        for r in &records {
            serde_json::to_writer(&mut *out, r)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    Ok(())
}

/// `vitae extract --ndjson [FILE...]`: stdin when no file (or `-`) is given.
pub fn run(inputs: &[std::path::PathBuf], opts: &crate::Options, jobs: Option<usize>) -> i32 {
    let pool = match super::pool(jobs) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("vitae: cannot start workers: {e}");
            return EXIT_FAILED;
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let stdin_only = [std::path::PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin_only[..]
    } else {
        inputs
    };
    for path in inputs {
        let result = if path.as_os_str() == "-" {
            stream(&mut std::io::stdin().lock(), &mut out, opts, &pool)
        } else {
            match open_stream(path) {
                Ok(f) => stream(&mut std::io::BufReader::new(f), &mut out, opts, &pool),
                Err(e) => Err(e),
            }
        };
        if let Err(e) = result {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("vitae: {}: {e}", path.display());
            }
            return EXIT_FAILED;
        }
    }
    EXIT_OK
}

/// An NDJSON source file; a FIFO is fine here (it is a stream by design).
fn open_stream(path: &Path) -> std::io::Result<std::fs::File> {
    if path.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "is a directory",
        ));
    }
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_str(input: &str) -> Vec<Value> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut out = Vec::new();
        stream(
            &mut input.as_bytes(),
            &mut out,
            &crate::Options::default(),
            &pool,
        )
        .unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn one_record_per_line_in_order_bad_lines_included() {
        let good = r#"{"id": "a", "text": "Jane Doe\n\nEDUCATION\nMIT\t2016 - 2020\n"}"#;
        let mut input = String::new();
        for i in 0..100 {
            match i % 4 {
                0 => input.push_str(&good.replace("\"a\"", &format!("\"g{i}\""))),
                1 => input.push_str("{not json"),
                2 => input.push_str(r#"{"id": 7}"#),
                _ => input.push_str(&format!(r#"{{"id": {i}, "text": ""}}"#)),
            }
            input.push('\n');
        }
        input.push_str("\n   \n");
        let recs = run_str(&input);
        assert_eq!(recs.len(), 100);
        for (i, r) in recs.iter().enumerate() {
            match i % 4 {
                0 => {
                    assert_eq!(r["id"], format!("g{i}"));
                    assert_eq!(r["kind"], "text");
                    assert!(r["resume"]["basics"].is_object(), "{r}");
                    assert!(r["error"].is_null());
                }
                1 => {
                    assert_eq!(r["id"], i + 1);
                    assert!(r["error"].as_str().unwrap().contains("not a JSON object"));
                }
                2 => assert!(r["error"]
                    .as_str()
                    .unwrap()
                    .contains("\"text\" or a \"path\"")),
                _ => {
                    assert_eq!(r["id"], i);
                    assert!(r["error"].as_str().unwrap().contains("empty input"), "{r}");
                }
            }
        }
    }

    #[test]
    fn overlong_line_is_an_error_record_and_the_stream_goes_on() {
        let mut r: &[u8] = b"0123456789\nabc\nlast";
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), Some(Err(10)));
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), Some(Ok(())));
        assert_eq!(buf, b"abc");
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), Some(Ok(())));
        assert_eq!(buf, b"last");
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), None);
    }

    #[test]
    fn kind_field_forces_a_front_end() {
        let recs = run_str(
            "{\"text\": \"# Jane\", \"kind\": \"listing\"}\n{\"text\": \"x\", \"kind\": \"nope\"}\n",
        );
        assert_eq!(recs[0]["kind"], "listing");
        assert!(recs[1]["error"].as_str().unwrap().contains("unknown kind"));
    }
}
