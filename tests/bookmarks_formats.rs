//! `qarin bookmarks list` in scripts: CSV parsed back by the `csv` crate, JSON Lines, and
//! the table's width and text order (logical and unshaped into a pipe unless asked).

mod common;

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

/// A seed article's paragraph 5 (Arabic, long) and a note with a comma, quotes, a line
/// break and an escape character.
const NOTE: &str = "رقم مختلف، \"2500\"\nسطر \u{1b}[2J";

fn qarin(data: &Path) -> Command {
    let mut c = Command::cargo_bin("qarin").unwrap_or_else(|e| panic!("{e}"));
    c.env("QARIN_DATA_DIR", data)
        .env_remove("COLUMNS")
        .args(["bookmarks"]);
    c
}

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap_or_else(|e| panic!("{e}"))
}

/// Three bookmarks: one unchanged (with the note), one whose article changed (moved),
/// one whose article is gone (missing).
fn setup() -> (tempfile::TempDir, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let work = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = work.path().join("000_a.txt");
    let b = work.path().join("001_b.txt");
    let c = work.path().join("002_c.txt");
    for (from, to) in [
        ("seeds/000_4af10400c2144222.txt", &a),
        ("seeds/001_e0453aed4e23fb67.txt", &b),
        ("seeds/002_c88c08537d50a92a.txt", &c),
    ] {
        std::fs::copy(from, to).unwrap_or_else(|e| panic!("{from}: {e}"));
    }
    let add = |path: &Path, para: &str, note: Option<&str>| {
        let mut cmd = qarin(data.path());
        cmd.arg("add").arg(path).args(["--paragraph", para]);
        if let Some(n) = note {
            cmd.args(["--note", n]);
        }
        ok(cmd.output().unwrap_or_else(|e| panic!("{e}")));
    };
    add(&a, "5", Some(NOTE));
    add(&b, "3", None);
    add(&c, "3", None);
    let text = std::fs::read_to_string(&b).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&b, format!("سطر جديد\n{text}")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&c).unwrap_or_else(|e| panic!("{e}"));
    (data, work)
}

fn list(data: &Path, args: &[&str]) -> String {
    ok(qarin(data)
        .arg("list")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn csv_parses_back_and_matches_the_json() {
    let (data, _work) = setup();
    let json: serde_json::Value = serde_json::from_str(&list(data.path(), &["--format", "json"]))
        .unwrap_or_else(|e| panic!("{e}"));
    let bookmarks = json["bookmarks"].as_array().cloned().unwrap_or_default();
    let text = list(data.path(), &["--format", "csv"]);
    let (headers, rows) = common::read_csv(&text);
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
    };
    assert_eq!(rows.len(), 3);
    for (row, b) in rows.iter().zip(&bookmarks) {
        assert_eq!(row[col("id")], b["id"].to_string());
        assert_eq!(Some(&row[col("status")]), b["status"].as_str());
        assert_eq!(Some(&row[col("text")]), b["text"].as_str());
        assert_eq!(Some(&row[col("article")]), b["article"]["id"].as_str());
        let current = b["current"]["paragraph"].as_u64().map(|p| p.to_string());
        assert_eq!(row[col("current_paragraph")], current.unwrap_or_default());
    }
    let statuses: Vec<&str> = rows.iter().map(|r| &r[col("status")]).collect();
    assert_eq!(statuses, ["same", "moved", "missing"]);
    assert_eq!(&rows[1][col("current_paragraph")], "4");
    // The note: one cell, its comma and quotes kept, its line break a space and its
    // escape character made visible.
    assert_eq!(&rows[0][col("note")], "رقم مختلف، \"2500\" سطر <U+001B>[2J");
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn jsonl_streams_a_header_then_one_bookmark_per_line() {
    let (data, _work) = setup();
    let text = list(data.path(), &["--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0]["type"], "header");
    assert_eq!(lines[0]["version"], 1);
    assert!(
        lines[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("bookmarks.json"))
    );
    assert!(lines[1..].iter().all(|l| l["type"] == "bookmark"));
    assert_eq!(
        lines[1]["note"], NOTE,
        "the note is stored and written as typed"
    );
    assert_eq!(lines[3]["status"], "missing");
    assert!(!text.contains('\u{1b}'), "escaped, not raw");
}

#[test]
fn the_table_fits_the_width_and_is_logical_in_a_pipe() {
    let (data, _work) = setup();
    let json: serde_json::Value = serde_json::from_str(&list(data.path(), &["--format", "json"]))
        .unwrap_or_else(|e| panic!("{e}"));
    let passage = json["bookmarks"][0]["text"].as_str().unwrap_or_default();
    let word: String = passage
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        word.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
        "{word}"
    );
    let widest = |t: &str| t.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);

    // Into a pipe: 80 columns, logical and unshaped, so grep finds the words as typed.
    let piped = list(data.path(), &[]);
    assert!(widest(&piped) <= 80, "{piped}");
    assert!(piped.contains(&word), "{word} not in {piped}");
    for status in ["same", "moved", "missing"] {
        assert!(piped.contains(status), "{piped}");
    }
    assert!(piped.contains("<U+001B>[2J"), "{piped}");

    for (args, columns, width) in [
        (vec!["--width", "50"], None, 50),
        (vec!["--width", "200"], Some("30"), 200),
        (vec![], Some("60"), 60),
    ] {
        let mut c = qarin(data.path());
        c.arg("list").args(&args);
        if let Some(n) = columns {
            c.env("COLUMNS", n);
        }
        let t = ok(c.output().unwrap_or_else(|e| panic!("{e}")));
        assert!(widest(&t) <= width, "{args:?} {columns:?}: {t}");
        assert!(
            widest(&t) > width / 2,
            "{args:?} {columns:?}: uses the width: {t}"
        );
    }

    // Asked for: visual order and shaped, as on a terminal that does not reorder.
    let shaped = list(data.path(), &["--bidi", "app", "--shape", "on"]);
    assert!(!shaped.contains(&word), "{shaped}");
    assert!(
        shaped
            .chars()
            .any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)),
        "presentation forms: {shaped}"
    );
}
