//! The JSON outputs against docs/contracts.md: every field the binary writes is in the
//! contract's tables with its type, and every required field is written.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// field path → (type, optional)
type Fields = BTreeMap<String, (String, bool)>;

fn contract() -> String {
    std::fs::read_to_string("docs/contracts.md").unwrap_or_else(|e| panic!("{e}"))
}

/// The field table under the `## ` heading that contains `heading`.
fn fields(doc: &str, heading: &str) -> Fields {
    let start = doc
        .lines()
        .position(|l| l.starts_with("## ") && l.contains(heading))
        .unwrap_or_else(|| panic!("no section {heading}"));
    let mut out = Fields::new();
    for line in doc.lines().skip(start + 1) {
        if line.starts_with("## ") {
            break;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 || !cells[1].starts_with('`') {
            continue;
        }
        let name = cells[1].trim_matches('`').to_owned();
        let ty = cells[2];
        let optional = ty.ends_with('?');
        out.insert(name, (ty.trim_end_matches('?').to_owned(), optional));
    }
    assert!(!out.is_empty(), "section {heading} has no fields");
    out
}

fn type_ok(ty: &str, v: &Value) -> bool {
    match ty {
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "bool" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        other => panic!("unknown type {other} in the contract"),
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Checks `v` (at `path`) against `fields`; records which paths were seen.
fn check(fields: &Fields, path: &str, v: &Value, seen: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (name, (_, optional)) in fields {
                let (parent, key) = name.rsplit_once('.').unwrap_or(("", name.as_str()));
                if parent == path && !key.contains('[') && !optional {
                    assert!(map.contains_key(key), "{name} missing in {v}");
                }
            }
            for (k, child) in map {
                let p = join(path, k);
                let (ty, optional) = fields
                    .get(&p)
                    .unwrap_or_else(|| panic!("{p} is written but not in docs/contracts.md"));
                if child.is_null() {
                    assert!(*optional, "{p} is null but not optional");
                } else {
                    assert!(type_ok(ty, child), "{p}: expected {ty}, got {child}");
                }
                seen.push(p.clone());
                check(fields, &p, child, seen);
            }
        }
        Value::Array(items) => {
            let p = format!("{path}[]");
            for item in items {
                if let Some((ty, _)) = fields.get(&p) {
                    assert!(type_ok(ty, item), "{p}: expected {ty}, got {item}");
                    seen.push(p.clone());
                } else if !item.is_object() {
                    panic!("{p} is written but not in docs/contracts.md");
                }
                check(fields, &p, item, seen);
            }
        }
        _ => {}
    }
}

fn qarin() -> Command {
    Command::cargo_bin("qarin").unwrap_or_else(|e| panic!("{e}"))
}

fn json_of(c: &mut Command) -> Value {
    let out = c.output().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn claims_json_follows_the_contract() {
    let doc = contract();
    let f = fields(&doc, "`qarin claims --format json`");
    let mut seen = Vec::new();
    for args in [
        vec!["claims", "--format", "json"],
        vec!["claims", "--format", "json", "--all", "tests/data/claims"],
    ] {
        let v = json_of(qarin().args(&args));
        assert_eq!(v["version"], 1);
        check(&f, "", &v, &mut seen);
    }
    // The sample exercises the main fields, not only their absence.
    for p in [
        "claims[].scope",
        "claims[].topic",
        "groups[].conflicts[][]",
        "articles[].origin.path",
    ] {
        assert!(seen.iter().any(|s| s == p), "{p} never written");
    }
}

#[test]
fn claims_jsonl_records_follow_the_contract() {
    let doc = contract();
    let json = fields(&doc, "`qarin claims --format json`");
    let lines = fields(&doc, "`qarin claims --format jsonl`");
    // Each record type: the JSON document's element fields, plus the JSONL table.
    let of = |prefix: &str, extra: &[&str]| -> Fields {
        let mut f: Fields = json
            .iter()
            .filter_map(|(k, v)| k.strip_prefix(prefix).map(|r| (r.to_owned(), v.clone())))
            .collect();
        for name in extra {
            let (ty, _) = lines[*name].clone();
            f.insert((*name).to_owned(), (ty, false));
        }
        f
    };
    let kinds: BTreeMap<&str, Fields> = [
        ("header", of("-none-", &["type", "version", "command"])),
        ("article", of("articles[].", &["type"])),
        ("claim", of("claims[].", &["type"])),
        ("group", of("groups[].", &["type", "id"])),
    ]
    .into_iter()
    .collect();
    let out = qarin()
        .args(["claims", "--format", "jsonl"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let mut count = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let kind = v["type"].as_str().unwrap_or_default().to_owned();
        assert_eq!(i == 0, kind == "header", "line {i}: {line}");
        let f = kinds
            .get(kind.as_str())
            .unwrap_or_else(|| panic!("type {kind}"));
        check(f, "", &v, &mut Vec::new());
        *count.entry(kind).or_insert(0) += 1;
    }
    assert_eq!(count.len(), 4, "{count:?}");
}

#[test]
fn bookmarks_json_follows_the_contract() {
    let doc = contract();
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let article = tmp.path().join("000_a.txt");
    std::fs::copy("seeds/000_4af10400c2144222.txt", &article).unwrap_or_else(|e| panic!("{e}"));
    let data = tmp.path().join("data");
    let bm = |args: &[&str]| {
        let mut c = qarin();
        c.env("QARIN_DATA_DIR", &data).arg("bookmarks").args(args);
        c
    };
    for (para, note) in [("3", Some("ملاحظة")), ("5", None)] {
        let mut c = bm(&["add"]);
        c.arg(&article).args(["--paragraph", para]);
        if let Some(n) = note {
            c.args(["--note", n]);
        }
        assert!(c.output().map(|o| o.status.success()).unwrap_or(false));
    }
    // One article gone: status `missing`, `current` null.
    let other = tmp.path().join("001_b.txt");
    std::fs::copy("seeds/001_e0453aed4e23fb67.txt", &other).unwrap_or_else(|e| panic!("{e}"));
    let mut c = bm(&["add"]);
    c.arg(&other).args(["--paragraph", "3"]);
    assert!(c.output().map(|o| o.status.success()).unwrap_or(false));
    std::fs::remove_file(Path::new(&other)).unwrap_or_else(|e| panic!("{e}"));

    let list = json_of(&mut bm(&["list", "--format", "json"]));
    assert_eq!(list["version"], 1);
    let mut seen = Vec::new();
    check(
        &fields(&doc, "`qarin bookmarks list --format json`"),
        "",
        &list,
        &mut seen,
    );
    assert!(seen.iter().any(|s| s == "bookmarks[].current.paragraph"));
    assert!(seen.iter().any(|s| s == "bookmarks[].note"));

    // JSON Lines: a header, then each bookmark with the document's fields plus `type`.
    let json = fields(&doc, "`qarin bookmarks list --format json`");
    let lines = fields(&doc, "`qarin bookmarks list --format jsonl`");
    let mut record: Fields = json
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("bookmarks[].")
                .map(|r| (r.to_owned(), v.clone()))
        })
        .collect();
    record.insert("type".into(), lines["type"].clone());
    let header: Fields = ["type", "version", "command", "file"]
        .into_iter()
        .map(|k| (k.to_owned(), (lines[k].0.clone(), false)))
        .collect();
    let out = bm(&["list", "--format", "jsonl"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let records: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(records.len(), 4, "{text}");
    check(&header, "", &records[0], &mut Vec::new());
    assert_eq!(records[0]["type"], "header");
    assert_eq!(records[0]["command"], "bookmarks list");
    for (r, b) in records[1..]
        .iter()
        .zip(list["bookmarks"].as_array().into_iter().flatten())
    {
        check(&record, "", r, &mut Vec::new());
        assert_eq!(r["type"], "bookmark");
        let mut without_type = r.clone();
        without_type.as_object_mut().map(|o| o.remove("type"));
        assert_eq!(
            &without_type, b,
            "a JSONL record is the JSON document's bookmark"
        );
    }
    let export = json_of(&mut bm(&["export", "--format", "json"]));
    check(
        &fields(&doc, "`qarin bookmarks export --format json`"),
        "",
        &export,
        &mut Vec::new(),
    );
    assert_eq!(export["bookmarks"].as_array().map(Vec::len), Some(3));
}

#[test]
fn the_checker_catches_what_it_should() {
    let f = fields(&contract(), "`qarin bookmarks list --format json`");
    let good = serde_json::json!({"version": 1, "file": "f", "bookmarks": []});
    check(&f, "", &good, &mut Vec::new());
    for bad in [
        serde_json::json!({"version": 1, "file": "f", "bookmarks": [], "extra": 1}),
        serde_json::json!({"version": "1", "file": "f", "bookmarks": []}),
        serde_json::json!({"version": 1, "bookmarks": []}),
    ] {
        let caught = std::panic::catch_unwind(|| check(&f, "", &bad, &mut Vec::new()));
        assert!(caught.is_err(), "{bad} passed");
    }
}
