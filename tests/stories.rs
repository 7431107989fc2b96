//! `qarin stories` on a small corpus made for it (tests/data/stories/README): two
//! events on the same day in the same city, one event over three days, an unrelated
//! article that shares a place name; two road accidents the same day in two cities
//! (tests/data/stories-places/README); the index in the cache directory, invalidated per
//! file when a file changes.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

mod common;
use common::{qarin_isolated, set, stories_json, story_sets};

const CORPUS: &str = "tests/data/stories";

fn qarin(cache: &Path) -> Command {
    qarin_isolated(cache, None)
}

fn run_json(cache: &Path, args: &[&str]) -> Value {
    stories_json(qarin(cache), args)
}

#[test]
fn events_become_stories() {
    let cache = tempfile::tempdir().expect("tempdir");
    let doc = run_json(cache.path(), &[CORPUS]);
    assert_eq!(doc["version"], 1);
    let want: BTreeSet<BTreeSet<String>> = [
        // Same day, same city, two events: two stories.
        set(&["a1", "b1", "c1"]),
        set(&["a2", "b2", "d2"]),
        // One event reported on three days: one story.
        set(&["a3", "c3", "d3"]),
        // Shares only "Cairo" with the two above: a story of its own.
        set(&["b4"]),
    ]
    .into();
    assert_eq!(story_sets(&doc), want);

    let quake = doc["stories"]
        .as_array()
        .and_then(|s| {
            s.iter().find(|s| {
                s["articles"].as_array().is_some_and(|a| {
                    a.len() == 3 && a[0]["path"].as_str().is_some_and(|p| p.contains("#a3"))
                })
            })
        })
        .expect("the earthquake story");
    assert_eq!(quake["first"], "2024-03-11T07:30:00+00:00");
    assert_eq!(quake["last"], "2024-03-13T18:00:00+00:00");
    assert_eq!(
        quake["outlets"],
        serde_json::json!(["alpha", "gamma", "delta"])
    );
    assert!(
        quake["id"]
            .as_str()
            .is_some_and(|id| id.len() == 13 && id.starts_with('s'))
    );
    assert!(quake["title"].as_str().is_some_and(|t| t.contains("هطاي")));
    let a = &quake["articles"][1];
    assert_eq!(a["outlet"], "gamma");
    assert_eq!(a["published"], "2024-03-12T09:10:00+00:00");
    assert!(
        a["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("ارتفاع حصيلة زلزال هطاي"))
    );
    // Stories come in order of their first article.
    let firsts: Vec<&str> = doc["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["first"].as_str())
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "{firsts:?}");
}

#[test]
fn road_accidents_split_by_place() {
    // Two accidents on the same day told in the same words, in Assiut and in Tanta,
    // and an Assiut University story sharing only the city (tests/data/stories-places).
    let cache = tempfile::tempdir().expect("tempdir");
    let doc = run_json(cache.path(), &["tests/data/stories-places"]);
    let want: BTreeSet<BTreeSet<String>> = [
        set(&["p1", "p2", "p3"]),
        set(&["q1", "q2", "q3"]),
        set(&["r1", "r2"]),
    ]
    .into();
    assert_eq!(story_sets(&doc), want);
}

#[test]
fn same_input_same_ids_with_or_without_index() {
    let cache = tempfile::tempdir().expect("tempdir");
    let a = run_json(cache.path(), &[CORPUS]);
    let b = run_json(cache.path(), &[CORPUS]);
    let c = run_json(cache.path(), &["--no-cache", CORPUS]);
    assert_eq!(a, b);
    assert_eq!(a, c);
}

#[test]
fn filters_and_formats() {
    let cache = tempfile::tempdir().expect("tempdir");
    let doc = run_json(cache.path(), &["--min-outlets", "3", CORPUS]);
    assert_eq!(doc["stories"].as_array().map(Vec::len), Some(3));
    let doc = run_json(cache.path(), &["--since", "2024-03-11", CORPUS]);
    assert_eq!(story_sets(&doc), [set(&["a3", "c3", "d3"])].into());
    let doc = run_json(cache.path(), &["--until", "2024-03-10", CORPUS]);
    assert_eq!(doc["stories"].as_array().map(Vec::len), Some(3));

    let out = qarin(cache.path())
        .args(["stories", "--format", "jsonl", CORPUS])
        .output()
        .expect("runs");
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    // A header, then one story per line.
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["type"], "header");
    assert_eq!(lines[0]["command"], "stories");
    assert!(
        lines[1..]
            .iter()
            .all(|s| s["type"] == "story" && s["id"].is_string() && s["conflicts"].is_number())
    );

    let out = qarin(cache.path())
        .args(["stories", "--format", "csv", "--sort", "outlets", CORPUS])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "id,first,last,outlets,articles,conflicts,title");
    assert_eq!(rows.len(), 5);
    assert!(
        rows[4].contains(",beta,1,"),
        "the one-outlet story sorts last: {}",
        rows[4]
    );
}

#[test]
fn bad_input_is_named() {
    let cache = tempfile::tempdir().expect("tempdir");
    let out = qarin(cache.path())
        .args(["stories", "--since", "last week", CORPUS])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--since \"last week\": not a time"));

    let out = qarin(cache.path())
        .args(["stories", "tests/data/no-such-folder"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("tests/data/no-such-folder: no such file")
    );

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.txt"), b"title\n\xff\xfe broken").expect("write");
    let out = qarin(cache.path())
        .args(["stories"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.txt: invalid UTF-8 at byte offset 6"),
        "{err}"
    );
}

/// The table's first line says how many files were read and how many came from the index.
fn counts(cache: &Path, dir: &Path) -> String {
    let out = qarin(cache).arg("stories").arg(dir).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or("")
        .to_owned()
}

#[test]
fn index_is_invalidated_per_file() {
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    for e in walk(Path::new(CORPUS)) {
        let rel = e.strip_prefix(CORPUS).expect("under the corpus");
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&e, &to).expect("copy");
    }
    assert!(counts(cache.path(), dir.path()).ends_with("(10 read, 0 from the index)"));
    assert!(counts(cache.path(), dir.path()).ends_with("(0 read, 10 from the index)"));
    assert!(cache.path().join("index.sqlite").is_file());

    // A changed file is read again, and only it; its new title is what is listed.
    let f = dir.path().join("beta/2024-03-10 20:30:00#b4.txt");
    std::fs::write(
        &f,
        "الزمالك يتعادل مع الأهلي في القاهرة\nانتهت المباراة بالتعادل.\n",
    )
    .expect("write");
    assert!(counts(cache.path(), dir.path()).ends_with("(1 read, 9 from the index)"));
    let doc = run_json(
        cache.path(),
        &[dir.path().to_str().expect("utf-8 temp path")],
    );
    let titles: Vec<&str> = doc["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert!(
        titles.contains(&"الزمالك يتعادل مع الأهلي في القاهرة"),
        "{titles:?}"
    );
    assert!(!titles.iter().any(|t| t.contains("بهدفين")), "{titles:?}");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    out
}
