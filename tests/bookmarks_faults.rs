//! Faults of the bookmark store met by real `qarin bookmarks` processes: a store linked
//! from two data dirs, a hand-edited `next_id` at the top of the range, a store that is
//! a FIFO or a device, errors that name what failed.

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use qarin::bookmarks::atomic::JsonFile;
use qarin::bookmarks::{BookmarkFile, Store};

fn seed() -> PathBuf {
    // Paragraph 6 of this seed is short: small files keep many debug-build adds quick.
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/001_e0453aed4e23fb67.txt")
}

fn qarin(data: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_qarin"));
    c.env("QARIN_DATA_DIR", data).arg("bookmarks").args(args);
    c
}

fn add(data: &Path, note: &str) -> Output {
    qarin(data, &["add"])
        .arg(seed())
        .args(["--paragraph", "6", "--note", note])
        .output()
        .expect("spawn qarin")
}

/// Runs `cmd` and kills it after `limit`: a hang fails the test instead of stalling it.
fn run_within(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn qarin");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let o = child.wait_with_output().expect("reap");
            panic!(
                "still running after {limit:?}; stderr: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

const ADDS: usize = 60;

/// Writers in `dirs` add `ADDS` bookmarks each, all at once; returns (id, note) printed.
fn add_from_all(dirs: &[PathBuf]) -> Vec<(u64, String)> {
    let start = Arc::new(Barrier::new(dirs.len()));
    let writers: Vec<_> = dirs
        .iter()
        .enumerate()
        .map(|(w, data)| {
            let (data, start) = (data.clone(), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                (0..ADDS)
                    .map(|i| {
                        let note = format!("w{w} n{i}");
                        let o = add(&data, &note);
                        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
                        let id = String::from_utf8_lossy(&o.stdout).trim().parse();
                        (id.expect("add prints an id"), note)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    writers
        .into_iter()
        .flat_map(|w| w.join().expect("writer"))
        .collect()
}

fn assert_all_kept(real: &Path, reported: &[(u64, String)], total: usize) {
    let file = JsonFile::<BookmarkFile>::new(real.to_path_buf())
        .load()
        .expect("parses");
    assert_eq!(
        file.bookmarks.len(),
        total,
        "every acknowledged add is stored"
    );
    let ids: BTreeSet<u64> = reported.iter().map(|r| r.0).collect();
    assert_eq!(ids.len(), total, "no id printed twice");
    for (id, note) in reported {
        assert_eq!(
            file.get(*id).and_then(|b| b.note.as_deref()),
            Some(note.as_str())
        );
    }
}

#[test]
fn two_data_dirs_linking_to_one_file_lose_nothing() {
    let shared = tempfile::tempdir().unwrap();
    let real = shared.path().join("real.json");
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // One absolute link, one relative: both lead to the same file.
    std::os::unix::fs::symlink(&real, a.path().join("bookmarks.json")).unwrap();
    fs::create_dir(b.path().join("dots")).unwrap();
    std::os::unix::fs::symlink(&real, b.path().join("dots/real.json")).unwrap();
    std::os::unix::fs::symlink("dots/real.json", b.path().join("bookmarks.json")).unwrap();
    let reported = add_from_all(&[a.path().to_path_buf(), b.path().to_path_buf()]);
    assert_all_kept(&real, &reported, 2 * ADDS);
    for d in [a.path(), b.path()] {
        let link = fs::symlink_metadata(d.join("bookmarks.json")).unwrap();
        assert!(link.file_type().is_symlink(), "the links are kept");
    }
    // No temporaries left anywhere.
    for d in [shared.path(), a.path(), b.path()] {
        for e in fs::read_dir(d).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!name.ends_with(".tmp"), "{name} left in {}", d.display());
        }
    }
}

#[test]
fn a_linked_dir_and_the_dir_holding_the_file_exclude_each_other() {
    let owner = tempfile::tempdir().unwrap();
    let real = owner.path().join("bookmarks.json");
    let other = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&real, other.path().join("bookmarks.json")).unwrap();
    let reported = add_from_all(&[owner.path().to_path_buf(), other.path().to_path_buf()]);
    assert_all_kept(&real, &reported, 2 * ADDS);
}

#[test]
fn next_id_at_the_top_is_refused_and_the_file_kept() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("bookmarks.json");
    let text = "{\"version\": 1, \"next_id\": 18446744073709551615, \"bookmarks\": []}\n";
    fs::write(&path, text).unwrap();
    let o = add(data.path(), "n");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("bookmarks.json") && err.contains("no bookmark ids left"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    // One below the top: that id is handed out once, then the store says it is full.
    let text = text.replace("615", "614");
    fs::write(&path, &text).unwrap();
    let o = add(data.path(), "n");
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "18446744073709551614"
    );
    let o = add(data.path(), "n");
    assert_eq!(o.status.code(), Some(2));
    let file = Store::in_dir(data.path()).load().unwrap();
    assert_eq!(file.bookmarks.len(), 1);
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status();
    assert!(ok.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}

#[test]
fn a_fifo_or_a_device_as_the_store_is_refused_at_once_and_blocks_no_one() {
    let data = tempfile::tempdir().unwrap();
    let store = data.path().join("bookmarks.json");
    mkfifo(&store);
    for args in [&["list"][..], &["export"]] {
        let o = run_within(qarin(data.path(), args), Duration::from_secs(20));
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains("bookmarks.json") && err.contains("FIFO"),
            "{err}"
        );
    }
    let mut cmd = qarin(data.path(), &["add"]);
    cmd.arg(seed()).args(["--paragraph", "6"]);
    let o = run_within(cmd, Duration::from_secs(20));
    assert_eq!(o.status.code(), Some(2));
    // The lock was let go: a second writer is not stuck behind the first.
    let o = run_within(
        qarin(data.path(), &["remove", "1"]),
        Duration::from_secs(20),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(fs::symlink_metadata(&store).unwrap().file_type().is_fifo());

    // Linked to /dev/zero: refused, not read into gigabytes.
    fs::remove_file(&store).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &store).unwrap();
    let o = run_within(qarin(data.path(), &["list"]), Duration::from_secs(20));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("character device"), "{err}");
}

#[test]
fn an_article_that_no_longer_decodes_is_unreadable_not_missing() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let art = work.path().join("a.txt");
    fs::copy(seed(), &art).unwrap();
    let mut cmd = qarin(data.path(), &["add"]);
    cmd.arg(&art).args(["--paragraph", "6"]);
    assert!(cmd.output().unwrap().status.success());
    let mut bytes = fs::read(&art).unwrap();
    bytes.insert(10, 0xFF);
    fs::write(&art, bytes).unwrap();

    let o = qarin(data.path(), &["list", "--format", "json"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["bookmarks"][0]["status"], "unreadable");
    let problem = v["bookmarks"][0]["problem"].as_str().unwrap_or_default();
    assert!(
        problem.contains("a.txt") && problem.contains("invalid UTF-8"),
        "{problem}"
    );

    let o = qarin(data.path(), &["list"]).output().unwrap();
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    assert!(
        out.contains("unreadable") && !out.contains("missing"),
        "{out}"
    );
    assert!(err.contains("a.txt: invalid UTF-8 at byte offset"), "{err}");

    let o = qarin(data.path(), &["export"]).output().unwrap();
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(
        md.contains("no longer loads") && md.contains("invalid UTF-8"),
        "{md}"
    );

    fs::remove_file(&art).unwrap();
    let o = qarin(data.path(), &["list", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["bookmarks"][0]["status"], "missing");
}

#[test]
fn each_cause_is_printed_once() {
    // bookmarks.json is a directory; the data dir is a file.
    let data = tempfile::tempdir().unwrap();
    fs::create_dir(data.path().join("bookmarks.json")).unwrap();
    let file = data.path().join("plain");
    fs::write(&file, "x").unwrap();
    for (dir, args) in [
        (data.path(), &["list"][..]),
        (file.as_path(), &["add", "X", "--paragraph", "6"][..]),
    ] {
        let args: Vec<String> = args
            .iter()
            .map(|a| {
                if *a == "X" {
                    seed().display().to_string()
                } else {
                    a.to_string()
                }
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = qarin(dir, &args).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        // The message's last part, the cause, appears exactly once.
        let cause = err
            .trim()
            .rsplit(": ")
            .next()
            .unwrap_or_default()
            .to_owned();
        let cause = cause.split(';').next().unwrap_or_default();
        assert!(!cause.is_empty(), "{err}");
        assert_eq!(err.matches(cause).count(), 1, "{cause:?} twice in {err}");
        assert!(
            !err.contains("(os error") || err.matches("(os error").count() == 1,
            "{err}"
        );
    }
}

/// A store that cannot be read is not blamed on standard output (the message used to
/// start "writing to standard output: …bookmarks.json: cannot read bookmarks"); a full
/// standard output still is.
#[test]
fn errors_name_what_failed_reading_or_writing() {
    let data = tempfile::tempdir().unwrap();
    fs::create_dir(data.path().join("bookmarks.json")).unwrap();
    for format in ["table", "jsonl", "csv", "json"] {
        let o = run_within(
            qarin(data.path(), &["list", "--format", format]),
            Duration::from_secs(20),
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains("cannot read bookmarks"), "{format}: {err}");
        assert!(!err.contains("standard output"), "{format}: {err}");
    }

    let data = tempfile::tempdir().unwrap();
    let o = qarin(
        data.path(),
        &["add", "no-such-article.txt", "--paragraph", "1"],
    )
    .output()
    .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("no-such-article.txt"), "{err}");
    assert!(!err.contains("standard output"), "{err}");
    assert!(add(data.path(), "x").status.success());
    let full = fs::File::options().write(true).open("/dev/full").unwrap();
    let o = qarin(data.path(), &["list", "--format", "jsonl"])
        .stdout(full)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("writing to standard output") && err.contains("No space left"),
        "{err}"
    );
    assert_eq!(err.matches("No space left").count(), 1, "{err}");
}
