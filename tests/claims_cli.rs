//! `qarin claims` end to end: formats, JSON contract, paths, stdin, lexicon files, errors.

use assert_cmd::Command;

fn qarin() -> Command {
    let mut c = Command::cargo_bin("qarin").unwrap_or_else(|e| panic!("{e}"));
    c.env("COLUMNS", "120");
    c
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn json_follows_the_contract() {
    let s = stdout(qarin().args(["claims", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&s).unwrap_or_else(|e| panic!("{e}"));
    let articles = v["articles"].as_array().map(Vec::len);
    assert_eq!(articles, Some(5));
    for key in ["id", "path", "title", "outlet"] {
        assert!(v["articles"][0].get(key).is_some(), "{key}");
    }
    let claim = &v["claims"][0];
    for key in [
        "id",
        "article",
        "paragraph",
        "start",
        "end",
        "text",
        "sentence",
        "topic",
        "value",
        "low",
        "high",
        "low_inclusive",
        "high_inclusive",
        "qualifier",
        "unit",
        "hedged",
        "attribution",
        "year",
    ] {
        assert!(claim.get(key).is_some(), "claim field {key}");
    }
    // «أكثر من 2000 جندي»: unbounded above is null.
    let above = v["claims"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["text"] == "أكثر من 2000 جندي"))
        .unwrap_or_else(|| panic!("no troops claim"));
    assert!(above["high"].is_null());
    assert_eq!(above["low"], 2000.0);
    assert_eq!(above["low_inclusive"], false);
    let troops = v["groups"]
        .as_array()
        .and_then(|g| g.iter().find(|g| g["topic"] == "troops"))
        .unwrap_or_else(|| panic!("no troops group"));
    assert_eq!(troops["verdict"], "conflict");
    assert_eq!(troops["claims"].as_array().map(Vec::len), Some(3));
}

#[test]
fn table_and_markdown() {
    let t = stdout(qarin().arg("claims"));
    assert!(t.starts_with("topic"));
    assert!(t.contains("✗ تعارض") && t.contains("≈ متوافق"), "{t}");
    let m = stdout(qarin().args(["claims", "--format", "markdown"]));
    assert!(m.starts_with("| topic |"));
    assert!(m.contains("| ✗ تعارض |"), "{m}");
}

#[test]
fn lang_en_table_labels_topics_and_verdicts_in_english() {
    let t = stdout(qarin().args([
        "claims", "--format", "table", "--lang", "en", "--width", "200",
    ]));
    assert!(
        t.contains("troops sent") && t.contains("people arrested"),
        "{t}"
    );
    assert!(
        t.contains("✗ conflict") && t.contains("≈ compatible") && t.contains("· single"),
        "{t}"
    );
    for arabic_label in ["القوات", "تعارض", "متوافق", "مصدر واحد"] {
        assert!(!t.contains(arabic_label), "{arabic_label} in {t}");
    }
    // The JSON is the same whatever the labels' language.
    let ar = stdout(qarin().args(["claims", "--format", "json"]));
    let en = stdout(qarin().args(["claims", "--format", "json", "--lang", "en"]));
    assert_eq!(ar, en);
}

#[test]
fn all_adds_untopical_quantities() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let f = dir.path().join("x.txt");
    std::fs::write(&f, "اشترى 12 كتابا وقتل 3 أشخاص.\n").unwrap_or_else(|e| panic!("{e}"));
    let s = stdout(qarin().args(["claims", "--format", "json"]).arg(&f));
    let v: serde_json::Value = serde_json::from_str(&s).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["claims"].as_array().map(Vec::len), Some(1));
    let s = stdout(
        qarin()
            .args(["claims", "--all", "--format", "json"])
            .arg(&f),
    );
    let v: serde_json::Value = serde_json::from_str(&s).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["claims"].as_array().map(Vec::len), Some(2));
    assert!(v["claims"][0]["topic"].is_null());
}

#[test]
fn stdin_directories_and_lexicon_files() {
    let s = stdout(
        qarin()
            .args(["claims", "--format", "json", "-"])
            .write_stdin("قتل 7 أشخاص.\n"),
    );
    assert!(s.contains("\"killed\""));
    let s = stdout(qarin().args(["claims", "--format", "json", "tests/data/claims"]));
    assert!(s.contains("\"on_board\""));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lex = dir.path().join("sheep.toml");
    std::fs::write(
        &lex,
        "[[topic]]\nkey = \"sheep\"\nlabel = \"الأغنام\"\nnouns = [\"رأس\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let art = dir.path().join("a.txt");
    std::fs::write(&art, "نفق 300 رأس من الماشية.\n").unwrap_or_else(|e| panic!("{e}"));
    let s = stdout(
        qarin()
            .args(["claims", "--format", "json", "--lexicon"])
            .arg(&lex)
            .arg(&art),
    );
    assert!(s.contains("\"sheep\""), "{s}");
}

#[test]
fn errors_name_the_file_and_exit_2() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lex = dir.path().join("bad.toml");
    std::fs::write(&lex, "[[topic]]\nkey = \"a\"\nnouns = [\"x\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = qarin()
        .args(["claims", "--lexicon"])
        .arg(&lex)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:"), "{err}");
    let out = qarin()
        .args(["claims", "no/such/file.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    // Invalid UTF-8 is refused, or read with --lossy.
    let bin = dir.path().join("bad.txt");
    std::fs::write(&bin, b"abc \xfd 12 \xc3").unwrap_or_else(|e| panic!("{e}"));
    let out = qarin()
        .arg("claims")
        .arg(&bin)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        qarin()
            .args(["claims", "--lossy"])
            .arg(&bin)
            .output()
            .is_ok_and(|o| o.status.success())
    );
}

/// Articles of a folder with their publication times in `articles.toml`: the toll rises
/// from one article to the next in time, though the file names sort the other way.
fn timed_folder(times: [&str; 3]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let texts = [
        ("a.txt", "قتل 40 شخصا في انفجار السوق."),
        ("b.txt", "ارتفعت الحصيلة إلى 25 قتيلا في انفجار السوق."),
        ("c.txt", "قتل 12 شخصا في انفجار السوق."),
    ];
    let mut sidecar = String::new();
    for ((name, body), time) in texts.iter().zip(times) {
        std::fs::write(dir.path().join(name), format!("انفجار\n{body}\n"))
            .unwrap_or_else(|e| panic!("{e}"));
        sidecar.push_str(&format!("[articles.\"{name}\"]\npublished = {time}\n"));
    }
    std::fs::write(dir.path().join("articles.toml"), sidecar).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn killed_group(dir: &std::path::Path) -> (serde_json::Value, Vec<f64>) {
    let s = stdout(qarin().args(["claims", "--format", "json"]).arg(dir));
    let v: serde_json::Value = serde_json::from_str(&s).unwrap_or_else(|e| panic!("{e}"));
    let g = v["groups"]
        .as_array()
        .and_then(|gs| gs.iter().find(|g| g["topic"] == "killed"))
        .cloned()
        .unwrap_or_else(|| panic!("no killed group in {s}"));
    let values = g["claims"]
        .as_array()
        .map(|ids| {
            ids.iter()
                .filter_map(|i| v["claims"][i.as_u64().unwrap_or(0) as usize]["value"].as_f64())
                .collect()
        })
        .unwrap_or_default();
    (g, values)
}

#[test]
fn published_times_order_sources_and_mark_a_rising_toll() {
    let dir = timed_folder([
        "2013-02-03T20:00:00+02:00",
        "2013-02-03T12:30:00+02:00",
        "2013-02-03T09:15:00+02:00",
    ]);
    let (g, values) = killed_group(dir.path());
    assert_eq!(values, [12.0, 25.0, 40.0], "sources in time order: {g}");
    assert_eq!(g["trend"], "rising", "{g}");
    assert_eq!(g["verdict"], "conflict", "verdicts stay as defined: {g}");

    // The same figures published in the other order fall with time: no trend.
    let dir = timed_folder([
        "2013-02-03T09:15:00+02:00",
        "2013-02-03T12:30:00+02:00",
        "2013-02-03T20:00:00+02:00",
    ]);
    let (g, values) = killed_group(dir.path());
    assert_eq!(values, [40.0, 25.0, 12.0], "{g}");
    assert_eq!(g["trend"], serde_json::Value::Null, "{g}");
}

#[test]
fn modification_times_are_not_publication_times() {
    // Without a sidecar the only times are the files' mtimes (when they were copied):
    // no order is claimed from them and no trend.
    let dir = timed_folder([
        "2013-02-03T20:00:00Z",
        "2013-02-03T12:00:00Z",
        "2013-02-03T09:00:00Z",
    ]);
    std::fs::remove_file(dir.path().join("articles.toml")).unwrap_or_else(|e| panic!("{e}"));
    let (g, values) = killed_group(dir.path());
    assert_eq!(values, [40.0, 25.0, 12.0], "file order: {g}");
    assert_eq!(g["trend"], serde_json::Value::Null, "{g}");
}
