//! The binary end to end: outputs written per input, exit codes, errors naming the file.

use std::path::Path;
use std::process::Command;

fn vitae() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vitae"))
}

/// Run vitae with `args`, feeding `input` on stdin.
fn piped(args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut child = vitae()
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
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
    let r = piped(
        &["extract", "-", "-f", "bibtex"],
        b"Jane\n\nPUBLICATIONS\n1. J. Doe, \"A Title\", ICML, 2020.\n",
    );
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

/// Every kind of bad input in one batch with good ones: every good file converted, every
/// bad one reported on one line naming it, no panic, no hang, nothing written outside -o,
/// exit status 1.
#[test]
fn batch_of_good_and_every_bad_input() {
    let tmp = tempfile::tempdir().unwrap();
    let inp = tmp.path().join("in");
    let work = tmp.path().join("work");
    std::fs::create_dir_all(inp.join("deep/er")).unwrap();
    std::fs::create_dir_all(&work).unwrap();
    let out = tmp.path().join("out");

    // Good: every fixture, one in a subfolder, one with spaces in its name.
    let mut good: Vec<String> = Vec::new();
    for (i, f) in crate::common::documents().iter().enumerate() {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let rel = if i == 0 {
            format!("deep/er/{name}")
        } else {
            name
        };
        std::fs::copy(f, inp.join(&rel)).unwrap();
        good.push(rel);
    }
    let cv = "Jane Doe\n\nEDUCATION\nMIT\t2016 - 2020\n";
    std::fs::write(inp.join("with spaces in name.txt"), cv).unwrap();
    good.push("with spaces in name.txt".into());
    // Given as `../x.md` relative to the working folder.
    std::fs::write(
        tmp.path().join("x.md"),
        "# Jane Doe\n\n## Education\n\n- MIT, 2020\n",
    )
    .unwrap();

    // Bad, each with what stderr must say about it (None: converting it is fine too).
    let mut bad: Vec<(String, Option<&str>)> = Vec::new();
    let mut put = |name: &str, bytes: &[u8], says: Option<&'static str>| {
        std::fs::write(inp.join(name), bytes).unwrap();
        bad.push((name.to_string(), says));
    };
    put("empty.txt", b"", Some("empty input"));
    put("blank.txt", b" \n\t\n", Some("empty input"));
    put(
        "binary.pdf",
        b"%PDF-1.4\n\x00\x01\x02\xff",
        Some("binary input"),
    );
    put(
        "latin1.txt",
        b"Jos\xe9 M\xfcller\n\nEDUCATION\nMIT 2020\n",
        Some("warning: invalid UTF-8"),
    );
    put(
        "mixed.txt",
        &[b"Zo\xc3\xab\n" as &[u8], b"\xff\n"].concat(),
        Some("warning: invalid UTF-8"),
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(cv.encode_utf16().flat_map(u16::to_le_bytes));
    put("utf16.txt", &utf16, Some("warning: UTF-16LE"));
    let long_line = "Jane Doe (2020) -- ICML, University of Tokyo. ".repeat(10 * 1024 * 1024 / 46);
    put(
        "one-10mb-line.txt",
        long_line.as_bytes(),
        Some("warning: a line of"),
    );
    let nested = format!(
        "<div>{}Jane{}</div>",
        "<div><ul><li>".repeat(30_000),
        "</li></ul></div>".repeat(30_000)
    );
    put("nested.html", nested.as_bytes(), None);
    let mut bomb = String::from("---\na: &a [x,x,x,x,x,x,x,x,x]\n");
    for (p, c) in ('a'..'j').zip('b'..='j') {
        bomb.push_str(&format!(
            "{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        ));
    }
    bomb.push_str("title: Jane\n---\n\n# About\n\nJane Doe.\n");
    put("yaml-bomb.md", bomb.as_bytes(), None);
    put(
        "liquid.md",
        b"---\ntitle: x\n---\n{% if a %}\n{{ page.title \n# About\n{% for",
        None,
    );
    // 100 MB: sparse, so cheap to make; refused by size before it is read.
    let big = std::fs::File::create(inp.join("huge.txt")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    bad.push(("huge.txt".into(), Some("too large")));
    // Unreadable: unless we run as root (then it is read and converted).
    let locked = inp.join("locked.txt");
    std::fs::write(&locked, cv).unwrap();
    set_mode(&locked, 0o000);
    let privileged = std::fs::read(&locked).is_ok();
    bad.push((
        "locked.txt".into(),
        (!privileged).then_some("permission denied"),
    ));
    // A FIFO: reported without opening (opening would block forever).
    let fifo = inp.join("pipe.txt");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if made_fifo {
        bad.push(("pipe.txt".into(), Some("FIFO")));
    }

    let r = vitae()
        .current_dir(&work)
        .arg("extract")
        .arg(&inp)
        .arg("../x.md")
        .arg("-o")
        .arg(&out)
        .args(["-j", "2"])
        .output()
        .unwrap();
    set_mode(&locked, 0o644);
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    for g in &good {
        let stem = std::path::Path::new(g).with_extension("");
        let json = out.join(format!("{}.resume.json", stem.display()));
        let text =
            std::fs::read_to_string(&json).unwrap_or_else(|_| panic!("{g} not converted\n{err}"));
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
        assert!(out.join(format!("{}.bib", stem.display())).is_file());
        assert!(!err.contains(&format!("{g}:")), "{g} reported\n{err}");
    }
    assert!(
        out.join("x.resume.json").is_file(),
        "../x.md not converted\n{err}"
    );
    for (name, says) in &bad {
        let stem = std::path::Path::new(name).with_extension("");
        let converted = out
            .join(format!("{}.resume.json", stem.display()))
            .is_file();
        let line = err.lines().find(|l| l.contains(&format!("/{name}: ")));
        match says {
            Some(s) => {
                let line = line.unwrap_or_else(|| panic!("{name} not reported\n{err}"));
                assert!(line.contains(s), "{name}: expected {s:?} in {line:?}");
                assert!(line.starts_with("vitae: "), "{line}");
            }
            None => assert!(
                converted || line.is_some(),
                "{name} neither converted nor reported\n{err}"
            ),
        }
    }
    let failed = err
        .lines()
        .filter(|l| l.starts_with("vitae: ") && !l.contains(": warning: "))
        .count();
    let total = good.len() + bad.len() + 1;
    assert_eq!(
        err.lines().last().unwrap(),
        format!(
            "converted {} of {total} files; {failed} failed",
            total - failed
        )
    );
    // Nothing written outside -o: the temp folder holds only what the test made.
    let mut top: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    top.sort();
    assert_eq!(top, ["in", "out", "work", "x.md"]);
    assert_eq!(std::fs::read_dir(&work).unwrap().count(), 0);
    // No temp files left behind.
    let leftovers = walk_names(&out)
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

fn walk_names(dir: &std::path::Path) -> Vec<String> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            v.extend(walk_names(&e.path()));
        } else {
            v.push(e.file_name().to_string_lossy().to_string());
        }
    }
    v
}

#[cfg(unix)]
fn set_mode(p: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_mode(_: &std::path::Path, _: u32) {}

#[test]
fn same_output_name_from_two_inputs_is_not_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let inp = tmp.path().join("in");
    std::fs::create_dir_all(&inp).unwrap();
    std::fs::write(
        inp.join("cv.txt"),
        "Jane Doe\n\nEDUCATION\nMIT\t2016 - 2020\n",
    )
    .unwrap();
    std::fs::write(
        inp.join("cv.md"),
        "# John Roe\n\n## Education\n\n- MIT, 2020\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let r = vitae()
        .arg("extract")
        .arg(&inp)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0));
    assert!(out.join("cv.txt.resume.json").is_file());
    assert!(out.join("cv.md.resume.json").is_file());
}

#[test]
fn output_folder_inside_the_input_folder_is_not_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("cv.txt"),
        "Jane Doe\n\nEDUCATION\nMIT\t2016 - 2020\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    for _ in 0..2 {
        let r = vitae()
            .arg("extract")
            .arg(tmp.path())
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&r.stderr);
        assert_eq!(err.trim(), "converted 1 of 1 file; 0 failed");
    }
}

#[test]
fn ndjson_stream_in_order_with_error_records() {
    let fixture = crate::common::documents()[0].clone();
    let mut input = String::new();
    for i in 0..40 {
        let line = match i % 4 {
            0 => serde_json::json!({"id": i, "text": "Jane Doe\n\nEDUCATION\nMIT\t2016 - 2020\n"})
                .to_string(),
            1 => serde_json::json!({"id": format!("p{i}"), "path": fixture}).to_string(),
            2 => "{\"id\": oops".to_string(),
            _ => serde_json::json!({"id": i, "path": "/nonexistent/cv.txt"}).to_string(),
        };
        input.push_str(&line);
        input.push('\n');
    }
    let r = piped(&["extract", "--ndjson", "-j", "2"], input.as_bytes());
    assert_eq!(r.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(r.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 40);
    for (i, l) in lines.iter().enumerate() {
        match i % 4 {
            0 => {
                assert_eq!(l["id"], i);
                assert!(l["resume"]["basics"].is_object());
                assert!(l["bibtex"].is_string());
                assert!(l["diagnostics"].is_array());
            }
            1 => {
                assert_eq!(l["id"], format!("p{i}"));
                assert!(l["error"].is_null(), "{l}");
            }
            2 => assert!(l["error"]
                .as_str()
                .unwrap()
                .contains(&format!("line {}", i + 1))),
            _ => assert!(
                l["error"].as_str().unwrap().contains("/nonexistent/cv.txt"),
                "{l}"
            ),
        }
    }
}
