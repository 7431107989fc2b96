//! The reader under faults a person meets, in a real terminal (a private tmux server):
//! a long error in the status line is wrapped, not cut before its reason; re-finding
//! bookmarks in a changed article runs off the UI thread, the screen answering keys
//! meanwhile and the result shown when ready; a moved article is hashed off the UI
//! thread too, then reopened where it was left. Fails when tmux is missing.

mod ui_common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use ui_common::tmux::{QARIN, Tmux};

fn qarin(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(QARIN)
        .args(args)
        .current_dir(dir)
        .env("QARIN_DATA_DIR", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir)
        .output()
        .expect("qarin runs");
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The reader on `paths`, with the data dir of `dir` and `env` set.
fn reader_script(dir: &Path, env: &str, paths: &str) -> String {
    format!(
        "cd '{d}' && {env} QARIN_DATA_DIR='{d}/data' XDG_CONFIG_HOME='{d}' '{QARIN}' {paths}; sleep 30",
        d = dir.display()
    )
}

#[test]
fn a_long_error_in_the_status_line_keeps_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    // A path far wider than the 60-column pane, so the reason comes past the edge.
    let deep = dir
        .path()
        .join("a-folder-with-a-rather-long-name/and-another-long-folder-name");
    std::fs::create_dir_all(&deep).unwrap();
    let file = deep.join("an-article-that-will-be-removed.txt");
    std::fs::write(&file, "عنوان\nفقرة أولى عن 2000 جندي\n").unwrap();
    qarin(
        dir.path(),
        &[
            "bookmarks",
            "add",
            "--paragraph",
            "2",
            &file.display().to_string(),
        ],
    );
    std::fs::remove_file(&file).unwrap();
    let t = Tmux::script("status", 60, 20, &reader_script(dir.path(), "", ""));
    t.wait_for("the reader", |s| s.contains("1/5"));
    t.send(&["B"]);
    t.wait_for("the bookmarks list", |s| s.contains("2000"));
    t.send(&["Enter"]);
    // Awaited with the end of the reason: a capture may catch a frame half drawn.
    let screen = t.wait_for("the error with its reason", |s| {
        s.contains("an-article") && s.contains("entry")
    });
    // The message's rows, joined: the whole reason is there, not "no such file or".
    let rows: Vec<&str> = screen.lines().map(str::trim_end).collect();
    let from = rows
        .iter()
        .position(|r| r.contains("a-folder") || r.contains("an-article"))
        .unwrap_or(0);
    let joined = rows[from..]
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        joined.contains("no such file or entry"),
        "reason cut off:\n{screen}"
    );
    assert!(rows.iter().all(|r| r.chars().count() <= 60), "{screen}");
    // The next key clears it and the list is back whole.
    t.send(&["j"]);
    t.wait_for("the message gone", |s| !s.contains("no such file"));
}

#[test]
fn bookmarks_are_refound_off_the_ui_thread() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("changing.txt");
    let para = "أرسلت روسيا أكثر من 2000 جندي إلى كازاخستان يوم الخميس";
    std::fs::write(&file, format!("عنوان الخبر\nمقدمة\n{para}\nخاتمة\n")).unwrap();
    qarin(
        dir.path(),
        &["bookmarks", "add", "--paragraph", "3", "changing.txt"],
    );
    // The article changes: the passage moves, so the reader must search for it.
    let moved = format!("عنوان الخبر\nمقدمة جديدة\nفقرة أضيفت\n{para}\nخاتمة\n");
    std::fs::write(&file, moved).unwrap();
    // Every search takes 8 s longer: the screen must not wait for it.
    let script = reader_script(dir.path(), "QARIN_TEST_REFIND_DELAY=8000", "changing.txt");
    let started = Instant::now();
    let t = Tmux::script("refind", 100, 20, &script);
    t.wait_for("the first screen", |s| {
        s.contains("q quit") || s.contains("1/1")
    });
    t.send(&["B"]);
    // Shaped on screen: the digits are what can be looked for. The row is awaited whole
    // (a capture may catch a row half drawn), with the `⋯` of a passage looked for.
    let searching = t.wait_for("the bookmark listed, its passage being looked for", |s| {
        s.contains("2000") && s.contains('⋯')
    });
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "the list came only after the search ({:?}):\n{searching}",
        started.elapsed()
    );
    // Keys are answered meanwhile: help opens and closes.
    t.send(&["?"]);
    t.wait_for("help", |s| s.contains("Esc") && !s.contains("2000"));
    t.send(&["Escape"]);
    t.wait_for("the list again", |s| s.contains("2000"));
    // The result arrives by itself: found, the mark gone, Enter jumps to paragraph 4.
    t.wait_for("the search to finish", |s| {
        !s.contains('⋯') && s.contains("2000")
    });
    t.send(&["Enter"]);
    t.wait_for("the reader at the passage", |s| {
        s.contains("ﺖﻠﺳﺭﺃ") || s.contains("أرسلت")
    });
}

#[test]
fn a_moved_article_opens_at_once_and_where_it_was_left_once_hashed() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("عنوان المقال\n");
    for i in 1..=80 {
        // Blank lines between paragraphs: not taken for hard-wrapped text.
        text.push_str(&format!("\nالفقرة رقم {i} من المقال\n"));
    }
    text.push_str("\nالخاتمة zqx\n");
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    // Left at its end, then the file moves: only its hash can find the position.
    let t = Tmux::script("left", 80, 20, &reader_script(dir.path(), "", "a.txt"));
    t.wait_for("the first screen", |s| s.contains("q quit"));
    t.send(&["G"]);
    t.wait_for("the end", |s| s.contains("zqx"));
    t.send(&["q"]);
    t.wait_for("the reader gone", |s| !s.contains("q quit"));
    std::thread::sleep(Duration::from_millis(300));
    drop(t);
    std::fs::rename(dir.path().join("a.txt"), dir.path().join("b.txt")).unwrap();
    // Hashing takes 6 s longer: the first screen must not wait for it.
    let script = reader_script(dir.path(), "QARIN_TEST_HASH_DELAY=6000", "b.txt");
    let started = Instant::now();
    let t = Tmux::script("moved", 80, 20, &script);
    let first = t.wait_for("the first screen", |s| s.contains("q quit"));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the first screen waited for the hash ({:?}):\n{first}",
        started.elapsed()
    );
    assert!(!first.contains("zqx"), "opened at the top first:\n{first}");
    // Once hashed, the article is reopened where it was left.
    t.wait_for("the position restored", |s| s.contains("zqx"));
    assert!(started.elapsed() >= Duration::from_secs(6));
}
