//! A file name that is an attack (`b<ESC>]0;HACKED<BEL><ESC>[2J`, a raw C1 CSI, U+202E
//! and a byte that is not UTF-8) through every subcommand, good and bad articles: every
//! byte written to stdout and stderr is checked, and the name is shown escaped.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NAME: &[u8] = b"b\x1b]0;HACKED\x07\x1b[2J\xc2\x9b\xe2\x80\xae\xff.txt";
/// How the name reads once escaped.
const SHOWN: &str = "b<U+001B>]0;HACKED<U+0007><U+001B>[2J<U+009B><U+202E>\u{FFFD}.txt";

fn hostile(dir: &Path, text: &[u8]) -> PathBuf {
    let path = dir.join(OsStr::from_bytes(NAME));
    std::fs::write(&path, text).unwrap();
    path
}

fn qarin(data: &Path, args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qarin"))
        .env("QARIN_DATA_DIR", data)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run qarin")
}

/// No ESC, BEL or other C0 but newline, no DEL, no C1, no bidi control, valid UTF-8.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    for (i, c) in text.char_indices() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
        let near: String = text[i..].chars().take(60).collect();
        assert!(!bad, "{what}: {c:?} at byte {i}, near {near:?}");
    }
}

fn s(x: &str) -> &OsStr {
    OsStr::new(x)
}

#[test]
fn errors_naming_a_hostile_file_escape_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    // A NUL byte: every subcommand refuses the file, naming it.
    let bad = hostile(dir.path(), b"title\n\0body\n");
    let bad = bad.as_os_str();
    let missing = dir.path().join(OsStr::from_bytes(b"gone\x1b[2J.txt"));
    let runs: Vec<Vec<&OsStr>> = vec![
        vec![s("render"), bad],
        vec![s("claims"), bad],
        vec![s("claims"), s("--format"), s("json"), bad],
        vec![s("snapshot"), bad],
        vec![bad], // the reader reports before opening a screen
        vec![s("bookmarks"), s("add"), bad, s("--paragraph"), s("1")],
        vec![s("render"), missing.as_os_str()],
        vec![
            s("bookmarks"),
            s("add"),
            missing.as_os_str(),
            s("--paragraph"),
            s("1"),
        ],
    ];
    for args in runs {
        let o = qarin(data.path(), &args);
        let what = format!("{args:?}");
        assert_eq!(o.status.code(), Some(2), "{what}");
        assert_clean(&what, &o.stdout);
        assert_clean(&what, &o.stderr);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(SHOWN) || err.contains("gone<U+001B>[2J.txt"),
            "{what}: {err}"
        );
    }
}

#[test]
fn output_about_a_good_hostile_file_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/001_e0453aed4e23fb67.txt");
    let good = hostile(dir.path(), &std::fs::read(&seed).unwrap());
    let good = good.as_os_str();
    let other = seed.as_os_str();
    let runs: Vec<Vec<&OsStr>> = vec![
        vec![s("render"), good, other], // two files: `==> NAME <==` headers
        vec![s("render"), s("--bidi"), s("terminal"), good, other],
        vec![s("claims"), s("--all"), good, other],
        vec![s("claims"), s("--format"), s("markdown"), good, other],
        vec![s("claims"), s("--format"), s("json"), good, other],
        vec![s("snapshot"), good, other],
        vec![s("snapshot"), s("--keys"), s("Tab"), good, other],
        vec![s("bookmarks"), s("add"), good, s("--paragraph"), s("6")],
        vec![s("bookmarks"), s("list")],
        vec![s("bookmarks"), s("list"), s("--format"), s("json")],
        vec![s("bookmarks"), s("export")],
    ];
    for args in runs {
        let o = qarin(data.path(), &args);
        let what = format!("{args:?}");
        assert!(
            o.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_clean(&what, &o.stdout);
        assert_clean(&what, &o.stderr);
    }
    let o = qarin(data.path(), &[s("render"), good, other]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains(&format!("==> {SHOWN} <==")), "{out}");
}
