//! The binary end to end: outputs written per input, exit codes, errors naming the file.

use std::path::Path;
use std::process::Command;

fn vitae() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vitae"))
}

#[test]
fn batch_with_one_bad_input_converts_the_rest_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let inp = tmp.path().join("in");
    std::fs::create_dir_all(inp.join("sub")).unwrap();
    std::fs::write(
        inp.join("good.txt"),
        "Jane Doe\n\nEDUCATION\nMIT\t2016 - 2020\n",
    )
    .unwrap();
    std::fs::write(
        inp.join("sub/other.md"),
        "# John\n\n## Education\n\n- MIT, 2020\n",
    )
    .unwrap();
    std::fs::write(inp.join("empty.txt"), "").unwrap();
    std::fs::write(inp.join("binary.txt"), b"\x00\x01\x02PK").unwrap();
    let out = tmp.path().join("out");
    let r = vitae()
        .arg("extract")
        .arg(&inp)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains("empty.txt: empty input"), "{err}");
    assert!(err.contains("binary.txt: binary input"), "{err}");
    assert!(out.join("good.resume.json").is_file());
    assert!(out.join("good.bib").is_file());
    assert!(out.join("sub/other.resume.json").is_file());
    assert!(!out.join("empty.resume.json").exists());
}

#[test]
fn unreadable_input_among_good_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good.txt");
    std::fs::write(&good, "Jane Doe\n\nEDUCATION\nMIT\t2016 - 2020\n").unwrap();
    let missing = tmp.path().join("missing.txt");
    let out = tmp.path().join("out");
    let r = vitae()
        .arg("extract")
        .arg(&good)
        .arg(&missing)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("missing.txt"));
    assert!(out.join("good.resume.json").is_file());
}

#[test]
fn all_good_exits_0_and_single_input_prints() {
    let fixture = crate::common::root()
        .join("fixtures/text/seed002-huang-two-column-cv-glued-publications.txt");
    let r = vitae().arg("extract").arg(&fixture).output().unwrap();
    assert_eq!(r.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert!(v.get("basics").is_some());
    let b = vitae()
        .args(["extract", "-f", "bibtex"])
        .arg(&fixture)
        .output()
        .unwrap();
    assert_eq!(b.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&b.stdout).starts_with('@'));
}

#[test]
fn stdin_and_usage_errors() {
    use std::io::Write;
    let mut child = vitae()
        .args(["extract", "-", "-f", "bibtex"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Jane\n\nPUBLICATIONS\n1. J. Doe, \"A Title\", ICML, 2020.\n")
        .unwrap();
    let r = child.wait_with_output().unwrap();
    assert_eq!(r.status.code(), Some(0));
    let r = vitae()
        .args(["extract", "--kind", "nonsense", "x"])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    let r = vitae().arg("frobnicate").output().unwrap();
    assert_eq!(r.status.code(), Some(2));
}

#[test]
fn sniff_prints_kind_and_reason() {
    let dir = crate::common::root().join("fixtures");
    let r = vitae().arg("sniff").arg(&dir).output().unwrap();
    assert_eq!(r.status.code(), Some(0));
    let text = String::from_utf8_lossy(&r.stdout);
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line}");
        let folder = Path::new(cols[0])
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        if vitae::Kind::from_name(&folder).is_some() {
            assert_eq!(cols[1], folder, "{line}");
        }
    }
}
