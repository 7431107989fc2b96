//! `qarin claims` makes ids unique over a folder large enough that its ids are sorted in
//! several runs on disk (`corpus::Unique`, docs/safety.md "A folder"), with ids that
//! collide across those runs: two that collide are prefixed with as many of their
//! folders as it takes, then numbered past the ids held once (docs/inputs.md).

use std::collections::HashSet;
use std::path::Path;

use assert_cmd::Command;

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn ids_colliding_across_sorted_runs_are_told_apart_as_the_rule_says() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    let text = |n: usize| format!("انفجار\n\nقتل {} شخصا في انفجار.\n", n % 90 + 10);
    // 3,000 files with ids of their own: ~50 bytes of sort record each, past three
    // runs of 64 kB.
    for n in 0..3000 {
        write(
            &root.join(format!("big/d{:02}/{n:05}_a.txt", n / 100)),
            &text(n),
        );
    }
    // Ids that collide, first and last in the walk's order: one folder tells them
    // apart, or two; an id of the first folder met again in the last.
    for f in [
        "big/d00/same.txt",
        "big/d29/same.txt",
        "big/p/x/deep.txt",
        "big/r/x/deep.txt",
        "big/d29/00001_b.txt",
    ] {
        write(&root.join(f), &text(7));
    }
    // No folder to tell two apart: numbered, past `0042~2`, an id held once.
    for f in ["0042_a.txt", "0042_b.txt", "0042~2.txt"] {
        write(&root.join(f), &text(8));
    }
    let out = Command::cargo_bin("qarin")
        .unwrap()
        .current_dir(root)
        .env("QARIN_DATA_DIR", root.join("data"))
        .args(["claims", "--format", "jsonl", "--stories", "off"])
        .args(["0042_a.txt", "0042_b.txt", "0042~2.txt", "big"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids: Vec<(String, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["type"] == "article")
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap().to_owned();
            (s("path"), s("id"))
        })
        .collect();
    assert_eq!(ids.len(), 3008);
    let unique: HashSet<&str> = ids.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    let id_of = |path: &str| {
        ids.iter()
            .find(|(p, _)| p == path)
            .map(|(_, id)| id.as_str())
            .unwrap_or_else(|| panic!("{path} not read"))
    };
    for (path, id) in [
        ("0042_a.txt", "0042"),
        ("0042_b.txt", "0042~3"),
        ("0042~2.txt", "0042~2"),
        ("big/d00/same.txt", "d00/same"),
        ("big/d29/same.txt", "d29/same"),
        ("big/p/x/deep.txt", "p/x/deep"),
        ("big/r/x/deep.txt", "r/x/deep"),
        ("big/d00/00001_a.txt", "d00/00001"),
        ("big/d29/00001_b.txt", "d29/00001"),
        ("big/d00/00002_a.txt", "00002"),
        ("big/d29/02999_a.txt", "02999"),
    ] {
        assert_eq!(id_of(path), id, "{path}");
    }
}
