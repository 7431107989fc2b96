//! Reading positions scale with what is read, not with what is open: quitting a folder
//! of many articles after reading one saves one position, keyed by path and stamped
//! with the file's size and mtime; reopening restores it; untouched articles add
//! nothing to `state.json`.

use std::path::Path;
use std::process::Command;

fn snapshot(dir: &Path, data: &Path, keys: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_qarin"))
        .env("QARIN_DATA_DIR", data)
        .env("XDG_CONFIG_HOME", data)
        .args([
            "snapshot",
            "--stories",
            "off",
            "--size",
            "100x12",
            "--keys",
            keys,
        ])
        .arg(dir)
        .output()
        .expect("qarin runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn only_articles_read_are_saved_and_reopen_where_left() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for i in 0..300 {
        let body: String = (1..=30)
            .map(|p| format!("الفقرة {p} من المقال {i}: نص للاختبار.\n\n"))
            .collect();
        std::fs::write(
            corpus.join(format!("{i:03}.txt")),
            format!("المقال {i}\n\n{body}"),
        )
        .unwrap();
    }
    let data = d.path().join("data");
    // Open 300 articles, quit without reading: nothing to save.
    snapshot(&corpus, &data, "q");
    let state = data.join("state.json");
    let count = |state: &Path| -> usize {
        std::fs::read_to_string(state).map_or(0, |s| {
            let v: serde_json::Value = serde_json::from_str(&s).unwrap();
            v["positions"].as_object().map_or(0, |o| o.len())
        })
    };
    assert_eq!(count(&state), 0);
    // Read the second article five passages down, quit: one position.
    snapshot(&corpus, &data, "Tab } } } } } q");
    assert_eq!(count(&state), 1);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    let (key, pos) = v["positions"].as_object().unwrap().iter().next().unwrap();
    assert!(key.ends_with("001.txt"), "{key}");
    let file = corpus.join("001.txt");
    assert_eq!(pos["size"], std::fs::metadata(&file).unwrap().len());
    assert!(pos["mtime_ns"].as_i64().is_some_and(|t| t > 0), "{pos}");
    assert_eq!(
        pos["hash"].as_str().map(str::len),
        Some(64),
        "small: hashed"
    );
    // Reopened: the second article opens where it was left, the others at the top.
    let s = snapshot(&corpus, &data, "Tab");
    assert!(
        s.contains("(5) ﻦﻣ") || s.contains("الفقرة 5") || s.contains(" 5 "),
        "{s}"
    );
    let top = s.lines().next().unwrap_or("");
    assert!(!top.contains(" 0% "), "reopened at the top: {top}");
    let first = snapshot(&corpus, &data, "");
    assert!(
        first.lines().next().unwrap_or("").contains(" 0% "),
        "{first}"
    );
    // Reading it further and back where it opened changes nothing; others untouched.
    snapshot(&corpus, &data, "Tab } { q");
    assert_eq!(count(&state), 1);
}
