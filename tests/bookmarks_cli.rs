//! `qarin bookmarks` from the outside: real processes, each test in its own data dir.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = "seeds/003_b61dba046c2e7809.txt";

fn qarin(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qarin"))
        .env("QARIN_DATA_DIR", data)
        .arg("bookmarks")
        .args(args)
        .output()
        .expect("run qarin")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A private copy of a seed article, so tests can edit it.
fn article_copy(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let dst = dir.join("article.txt");
    fs::copy(src, &dst).expect("copy seed");
    dst
}

fn add(data: &Path, path: &Path, paragraph: usize, note: Option<&str>) -> u64 {
    let p = paragraph.to_string();
    let mut args = vec!["add", path.to_str().unwrap(), "--paragraph", &p];
    if let Some(n) = note {
        args.extend(["--note", n]);
    }
    let o = qarin(data, &args);
    assert!(o.status.success(), "add failed: {}", stderr(&o));
    stdout(&o).trim().parse().expect("add prints the new id")
}

fn list_json(data: &Path) -> serde_json::Value {
    let o = qarin(data, &["list", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("list json parses")
}

#[test]
fn add_list_remove_export_round_trip() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let art = article_copy(work.path());
    let a = add(data.path(), &art, 5, Some("مهم"));
    let b = add(data.path(), &art, 7, None);
    assert_eq!((a, b), (1, 2));

    let v = list_json(data.path());
    let bms = v["bookmarks"].as_array().unwrap();
    assert_eq!(bms.len(), 2);
    let text = fs::read_to_string(&art).unwrap();
    let para5 = text.lines().nth(4).unwrap();
    assert_eq!(bms[0]["paragraph"], 5);
    assert_eq!(bms[0]["text"], para5);
    assert_eq!(bms[0]["end"], para5.len());
    assert_eq!(bms[0]["note"], "مهم");
    assert_eq!(bms[0]["status"], "same");
    assert_eq!(bms[0]["article"]["id"], "article");
    assert_eq!(
        bms[0]["article"]["path"],
        fs::canonicalize(&art).unwrap().to_str().unwrap()
    );
    assert_eq!(bms[0]["article"]["hash"].as_str().unwrap().len(), 64);

    let o = qarin(data.path(), &["remove", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = list_json(data.path());
    assert_eq!(v["bookmarks"].as_array().unwrap().len(), 1);
    assert_eq!(v["bookmarks"][0]["id"], 2);

    let o = qarin(data.path(), &["export", "--format", "json"]);
    let exported: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(exported["version"], 1);
    assert_eq!(exported["bookmarks"][0]["id"], 2);

    let md = stdout(&qarin(data.path(), &["export"]));
    let para7 = text.lines().nth(6).unwrap();
    assert!(md.contains(&format!("\n> {para7}\n")), "{md}");
    assert!(md.contains("paragraph 7"), "{md}");
}

#[test]
fn edited_article_is_reanchored_or_flagged() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let art = article_copy(work.path());
    add(data.path(), &art, 5, None);
    let original = fs::read_to_string(&art).unwrap();
    let para5 = original.lines().nth(4).unwrap().to_owned();

    // A new first line pushes the passage down by one.
    fs::write(&art, format!("سطر جديد\n{original}")).unwrap();
    let v = list_json(data.path());
    assert_eq!(v["bookmarks"][0]["status"], "moved");
    assert_eq!(v["bookmarks"][0]["current"]["paragraph"], 6);
    let md = stdout(&qarin(data.path(), &["export"]));
    assert!(md.contains("now in paragraph 6 (moved)"), "{md}");

    // Doubled spaces inside the passage: found after normalizing.
    let spaced = original.replacen(&para5, &para5.replacen(' ', "   ", 3), 1);
    fs::write(&art, &spaced).unwrap();
    let v = list_json(data.path());
    assert_eq!(v["bookmarks"][0]["status"], "normalized");
    assert_eq!(v["bookmarks"][0]["current"]["paragraph"], 5);

    // The passage deleted: lost, flagged in the table, still listed.
    let gone: Vec<&str> = original.lines().filter(|l| *l != para5).collect();
    fs::write(&art, gone.join("\n")).unwrap();
    let v = list_json(data.path());
    assert_eq!(v["bookmarks"][0]["status"], "lost");
    assert!(v["bookmarks"][0]["current"].is_null());
    let table = stdout(&qarin(data.path(), &["list"]));
    assert!(table.contains(" lost "), "{table}");

    fs::remove_file(&art).unwrap();
    assert_eq!(list_json(data.path())["bookmarks"][0]["status"], "missing");
}

/// Asserts the command failed with exit code 2, a message containing `want`, and left
/// the bookmarks file byte for byte as it was.
fn fails_untouched(data: &Path, args: &[&str], want: &str) {
    let file = data.join("bookmarks.json");
    let before = fs::read(&file).ok();
    let o = qarin(data, args);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    // The error is the command's, not about writing the output.
    assert!(
        !stderr(&o).contains("writing to standard output"),
        "{args:?}: {}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty(), "{args:?}: {}", stdout(&o));
    assert_eq!(fs::read(&file).ok(), before, "{args:?} changed the file");
}

#[test]
fn bad_input_is_a_clear_error_and_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let art = article_copy(work.path());
    let a = art.to_str().unwrap();
    add(data.path(), &art, 5, None);
    let missing = work.path().join("nope.txt");
    let m = missing.to_str().unwrap();
    fails_untouched(
        data.path(),
        &["add", m, "--paragraph", "1"],
        "nope.txt: no such file",
    );
    fails_untouched(
        data.path(),
        &["add", a, "--paragraph", "0"],
        "paragraph 0 is out of range",
    );
    fails_untouched(
        data.path(),
        &["add", a, "--paragraph", "9999"],
        "paragraph 9999 is out of range",
    );
    fails_untouched(
        data.path(),
        &["add", a, "--paragraph", "2"],
        "paragraph 2 is empty",
    );
    fails_untouched(
        data.path(),
        &["add", a, "--paragraph", "x"],
        "invalid value",
    );
    let w = work.path().to_str().unwrap();
    fails_untouched(
        data.path(),
        &["add", w, "--paragraph", "1"],
        "is a directory",
    );
    fails_untouched(
        data.path(),
        &["add", "-", "--paragraph", "1"],
        "standard input",
    );
    fails_untouched(data.path(), &["remove", "42"], "no bookmark with id 42");
    fails_untouched(data.path(), &["remove", "-1"], "unexpected argument");
}

#[test]
fn corrupt_or_future_files_are_refused_and_kept() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let art = article_copy(work.path());
    let a = art.to_str().unwrap();
    let file = data.path().join("bookmarks.json");
    let cases: [(&[u8], &str); 3] = [
        (
            b"{\"version\": 1, \"next_id\": 3, \"bookmarks\": [",
            "not a valid bookmarks file",
        ),
        (b"\xff\xfe garbage", "not a valid bookmarks file"),
        (
            b"{\"version\": 2, \"next_id\": 1, \"bookmarks\": []}",
            "newer qarin (format version 2",
        ),
    ];
    for (bytes, want) in cases {
        fs::write(&file, bytes).unwrap();
        fails_untouched(data.path(), &["add", a, "--paragraph", "5"], want);
        fails_untouched(data.path(), &["remove", "1"], want);
        fails_untouched(data.path(), &["list"], want);
        fails_untouched(data.path(), &["export"], "bookmarks.json");
    }
}

#[test]
fn notes_are_stored_as_typed_and_printed_safely() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let art = article_copy(work.path());
    let note = "انظر \u{202E}txet\u{202C} \u{1b}[2J\u{7}\nسطر \u{2067}x\u{9b}31m";
    add(data.path(), &art, 5, Some(note));

    // Stored exactly: the JSON export parses back to the very same string...
    let o = qarin(data.path(), &["export", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["bookmarks"][0]["note"], note);
    // ...yet neither it, the list, the table, the Markdown nor the file itself holds a
    // raw control for a terminal to obey.
    let raw = fs::read(data.path().join("bookmarks.json")).unwrap();
    for out in [
        o.stdout.clone(),
        qarin(data.path(), &["list", "--format", "json"]).stdout,
        qarin(data.path(), &["list"]).stdout,
        qarin(data.path(), &["export"]).stdout,
        raw,
    ] {
        let s = String::from_utf8(out).unwrap();
        let bad: Vec<char> = s
            .chars()
            .filter(|&c| {
                (c.is_control() && c != '\n')
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            })
            .collect();
        assert!(bad.is_empty(), "raw controls {bad:?} in {s}");
    }
    // Wide enough for the note on one line of its column.
    let table = stdout(&qarin(data.path(), &["list", "--width", "300"]));
    assert!(
        table.contains("انظر <U+202E>txet<U+202C> <U+001B>[2J<U+0007> سطر <U+2067>x<U+009B>31m"),
        "{table}"
    );
}

#[cfg(unix)]
#[test]
fn read_only_data_dir_is_an_error_and_loses_nothing() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;

    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    fs::set_permissions(work.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let art = article_copy(work.path());
    fs::set_permissions(&art, fs::Permissions::from_mode(0o644)).unwrap();
    add(data.path(), &art, 5, Some("keep me"));
    let file = data.path().join("bookmarks.json");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(data.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let before = fs::read(&file).unwrap();

    // Root ignores permission bits: then run qarin as `nobody`, for whom they hold.
    let probe = data.path().join("probe");
    let privileged = fs::write(&probe, "").is_ok();
    let _ = fs::remove_file(&probe);
    let run = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_qarin"));
        cmd.env("QARIN_DATA_DIR", data.path())
            .arg("bookmarks")
            .args(args);
        if privileged {
            cmd.uid(65534).gid(65534);
        }
        cmd.output().expect("run qarin")
    };
    let a = art.to_str().unwrap();
    for args in [&["add", a, "--paragraph", "7"][..], &["remove", "1"][..]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains(data.path().to_str().unwrap())
                && err.contains("Permission denied")
                && err.contains("nothing was changed"),
            "{err}"
        );
    }
    // Reading still works, and the bookmark is still there.
    let o = run(&["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("keep me"));
    fs::set_permissions(data.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn bookmarks_of_bundled_seeds_resolve_from_any_directory() {
    // The reader run without paths shows the bundled seeds, stored as `seeds/NAME`.
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let seed = &qarin::corpus::seeds()[3];
    let store = qarin::bookmarks::Store::in_dir(data.path());
    let new = qarin::bookmarks::NewBookmark::paragraph(seed, seed.path.clone(), 5).unwrap();
    store.add(new).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_qarin"))
        .env("QARIN_DATA_DIR", data.path())
        .current_dir(elsewhere.path())
        .args(["bookmarks", "list", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["bookmarks"][0]["article"]["path"],
        "seeds/003_b61dba046c2e7809.txt"
    );
    assert_eq!(v["bookmarks"][0]["status"], "same");
}
