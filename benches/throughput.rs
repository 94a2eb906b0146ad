//! Throughput over a corpus made by replicating and varying the fixtures (generated at
//! bench time, never committed): MB/s and documents/s, on one thread and on all cores.
//!
//!     cargo bench --bench throughput
//!
//! To write the same corpus to disk for an end-to-end run of the binary:
//!
//!     VITAE_WRITE_CORPUS=/tmp/corpus VITAE_CORPUS_DOCS=10000 cargo bench --bench throughput

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use rayon::prelude::*;

/// Size of the in-memory corpus: documents are added until it holds this many bytes.
const CORPUS_BYTES: usize = 50_000_000;

fn fixtures() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for kind in std::fs::read_dir(&root).expect("fixtures/").flatten() {
        if vitae::Kind::from_name(&kind.file_name().to_string_lossy()).is_none() {
            continue;
        }
        for f in std::fs::read_dir(kind.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if let Ok(text) = std::fs::read_to_string(f.path()) {
                out.push((f.path(), text));
            }
        }
    }
    out.sort();
    out
}

/// Copy `i` of a fixture, varied so no two documents are alike: digits rotated (years,
/// pages and ids change) and the blocks after the first one rotated (section order moves).
fn vary(text: &str, i: usize) -> String {
    let shift = (i % 9) as u8 + 1;
    let rotated: String = text
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from(b'0' + (c as u8 - b'0' + shift) % 10),
            _ => c,
        })
        .collect();
    let mut blocks: Vec<&str> = rotated.split("\n\n").collect();
    if blocks.len() > 2 {
        let n = i % (blocks.len() - 1);
        blocks[1..].rotate_left(n);
    }
    blocks.join("\n\n")
}

/// `(file name, text)` for `n` documents, cycling through the fixtures.
fn corpus(n: usize) -> Vec<(String, String)> {
    let fx = fixtures();
    assert!(!fx.is_empty(), "no fixtures");
    (0..n)
        .map(|i| {
            let (path, text) = &fx[i % fx.len()];
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("txt");
            let kind = path
                .parent()
                .and_then(|p| p.file_name())
                .map(|k| k.to_string_lossy().into_owned())
                .unwrap_or_default();
            (format!("{kind}/doc{i:06}.{ext}"), vary(text, i / fx.len()))
        })
        .collect()
}

/// As many documents as it takes to reach `bytes`.
fn corpus_of_size(bytes: usize) -> Vec<(String, String)> {
    let mut n = 1_000;
    loop {
        let docs = corpus(n);
        let size: usize = docs.iter().map(|(_, t)| t.len()).sum();
        if size >= bytes {
            return docs;
        }
        n = n * bytes / size.max(1) + 1;
    }
}

static CORPUS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| corpus_of_size(CORPUS_BYTES));

fn total_bytes() -> usize {
    CORPUS.iter().map(|(_, t)| t.len()).sum()
}

fn convert_all(threads: usize) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    pool.install(|| {
        CORPUS.par_iter().for_each(|(_, text)| {
            let out = vitae::extract_bytes(text.as_bytes(), &vitae::Options::default());
            divan::black_box(out.ok());
        })
    });
}

/// The whole corpus on one thread (0 = all cores).
#[divan::bench(args = [1, 0], sample_count = 3, sample_size = 1)]
fn corpus_threads(bencher: divan::Bencher, threads: usize) {
    bencher
        .counter(BytesCount::new(total_bytes()))
        .counter(ItemsCount::new(CORPUS.len()))
        .bench(|| convert_all(threads));
}

/// Each fixture alone: the per-kind cost.
#[divan::bench(sample_count = 20)]
fn one_document(bencher: divan::Bencher) {
    let fx = fixtures();
    let bytes: usize = fx.iter().map(|(_, t)| t.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(fx.len()))
        .bench(|| {
            for (_, text) in &fx {
                let out = vitae::extract_bytes(text.as_bytes(), &vitae::Options::default());
                divan::black_box(out.ok());
            }
        });
}

fn write_corpus(dir: &Path, n: usize) {
    let docs = corpus(n);
    let mut bytes = 0;
    for (name, text) in &docs {
        let p = dir.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("corpus folder");
        }
        std::fs::write(&p, text).expect("corpus file");
        bytes += text.len();
    }
    eprintln!(
        "wrote {} documents, {:.1} MB, to {}",
        docs.len(),
        bytes as f64 / 1e6,
        dir.display()
    );
}

fn main() {
    if let Some(dir) = std::env::var_os("VITAE_WRITE_CORPUS") {
        let n = std::env::var("VITAE_CORPUS_DOCS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(10_000);
        write_corpus(Path::new(&dir), n);
        return;
    }
    eprintln!(
        "corpus: {} documents, {:.1} MB",
        CORPUS.len(),
        total_bytes() as f64 / 1e6
    );
    divan::main();
}
