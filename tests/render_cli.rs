//! `qarin render` through the real binary: the contract of design.md §3 and bad input.

use std::path::Path;

use assert_cmd::Command;
use unicode_width::UnicodeWidthChar;

fn qarin() -> Command {
    Command::cargo_bin("qarin").expect("the qarin binary is built")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("temp file written");
    p
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("qarin runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn invalid_utf8_names_the_file_and_offset_and_lossy_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "bad.txt", b"abc\xffdef\n");
    let out = qarin().arg("render").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.txt") && err.contains("byte offset 3"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    let text = stdout_of(qarin().args(["render", "--lossy"]).arg(&p));
    assert_eq!(text, "abc\u{FFFD}def\n");
}

#[test]
fn nul_bytes_are_refused_as_binary() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "bin.txt", b"ab\0cd");
    let out = qarin().arg("render").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bin.txt") && err.contains("binary"), "{err}");
}

#[test]
fn empty_file_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "empty.txt", b"");
    let out = qarin().arg("render").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn missing_path_is_a_clear_error_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write(dir.path(), "ok.txt", "نص".as_bytes());
    let missing = dir.path().join("nope.txt");
    let out = qarin()
        .arg("render")
        .arg(&ok)
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nope.txt") && err.contains("no such file"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn controls_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let text = "a\u{1b}[2J\u{1b}]0;title\u{7}b\u{7f}c\u{85}d\u{9b}31m\u{8}\u{202E}عربي\u{202C} \
                \u{2067}x\u{2069}\u{200F}\u{061C}\u{200E}\u{2066}\u{202A}y\u{202C}\u{2069}\u{c}e\n";
    let p = write(dir.path(), "ctl.txt", text.as_bytes());
    for bidi in ["app", "terminal"] {
        let out = stdout_of(
            qarin()
                .args(["render", "--width", "20", "--bidi", bidi])
                .arg(&p),
        );
        for c in out.chars() {
            assert!(
                c == '\n' || !(c.is_control() || qarin::layout::is_dropped(c)),
                "{c:?} in {out:?}"
            );
        }
        assert!(out.contains("[2J") && out.contains('y'), "{out:?}");
    }
}

#[test]
fn deep_nesting_does_not_crash_and_lines_fit() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for open in ["\u{202B}", "\u{202A}", "\u{202E}", "\u{2067}", "\u{2068}"] {
        text += &open.repeat(130);
        text += "كازاخستان 2022 (Almaty) «نحو 7939»";
        text += &"\u{202C}".repeat(130);
        text += "\n";
    }
    let p = write(dir.path(), "deep.txt", text.as_bytes());
    for width in ["1", "7", "80"] {
        let out = stdout_of(qarin().args(["render", "--width", width]).arg(&p));
        let w: usize = width.parse().unwrap();
        for line in out.lines() {
            let cols: usize = line.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert!(cols <= w, "{line:?} is {cols} > {w}");
        }
        assert!(out.lines().count() >= 5);
    }
}

#[test]
fn several_files_get_headers_and_directories_are_read_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"second\n");
    write(dir.path(), "a.md", b"first\n\nafter empty\n");
    write(dir.path(), "skip.json", b"{}");
    let out = stdout_of(qarin().arg("render").arg(dir.path()));
    assert_eq!(
        out,
        "==> a.md <==\nfirst\n\nafter empty\n==> b.txt <==\nsecond\n"
    );
    // One file: no header.
    let one = stdout_of(qarin().arg("render").arg(dir.path().join("b.txt")));
    assert_eq!(one, "second\n");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = stdout_of(
        qarin()
            .args(["render", "--width", "10", "--shape", "off", "-"])
            .write_stdin("abc אבג\n"),
    );
    // RTL paragraph? No: its first strong char is Latin, so LTR and not padded.
    assert_eq!(out, "abc גבא\n");
}

#[test]
fn rtl_is_right_aligned_unless_align_none_and_shaping_can_be_off() {
    let input = "مرحبا (عالم)\n";
    let on = stdout_of(
        qarin()
            .args(["render", "--width", "20", "-"])
            .write_stdin(input),
    );
    assert_eq!(on, "        (ﻢﻟﺎﻋ) ﺎﺒﺣﺮﻣ\n");
    let off = stdout_of(
        qarin()
            .args([
                "render", "--width", "20", "--shape", "off", "--align", "none", "-",
            ])
            .write_stdin(input),
    );
    assert_eq!(off, "(ملاع) ابحرم\n");
}

#[test]
fn terminal_mode_breaks_like_app_mode_in_logical_order() {
    let app = stdout_of(qarin().args(["render", "--width", "30", "--align", "none"]));
    let term = stdout_of(qarin().args(["render", "--width", "30", "--bidi", "terminal"]));
    assert_eq!(app.lines().count(), term.lines().count());
    assert!(term.contains("==> 000_4af10400c2144222.txt <=="));
    // Not a terminal: no BDSM switch sequences.
    assert!(!app.contains('\u{1b}'));
}

#[test]
fn width_zero_is_rejected() {
    let out = qarin().args(["render", "--width", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
