//! `qarin claims` on a folder of more files than one loader batch (512): every article
//! and claim comes out once, in the walk's order (name order level by level), whatever
//! batch it was read in; a file met twice is read once (docs/safety.md, a folder).

use std::path::Path;

use assert_cmd::Command;

/// Files in the generated folder: more than two batches, not a multiple of one.
const FILES: usize = 1300;

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

/// The folder, and the files in the order the walk must give them, each with the toll
/// its article reports. Names are chosen so that name order is not creation order.
fn folder(root: &Path) -> Vec<(String, u32)> {
    let mut files = Vec::new();
    for n in 0..FILES {
        // Three folders, the last two with a nested one; numbers written backwards so
        // that the walk's order differs from `n`.
        let dir = ["b", "a", "c/d"][n % 3];
        let name = format!("{dir}/{:05}.txt", FILES - n);
        let toll = 10 + n as u32;
        write(
            &root.join(&name),
            &format!("انفجار في السوق\n\nقتل {toll} شخصا في انفجار في السوق.\n"),
        );
        files.push((name, toll));
    }
    // The same name in two folders: both read, ids told apart by their folder.
    for (dir, toll) in [("a", 7000), ("b", 7001)] {
        let name = format!("{dir}/same.txt");
        write(
            &root.join(&name),
            &format!("انفجار\n\nقتل {toll} شخصا في انفجار.\n"),
        );
        files.push((name, toll));
    }
    // Level by level in name order: "a" < "b" < "c", and "c/d" inside "c".
    files.sort_by(|x, y| x.0.cmp(&y.0));
    files
}

fn run(root: &Path, args: &[&str]) -> (String, String) {
    let out = Command::cargo_bin("qarin")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(root)
        .args(["claims"])
        .args(args)
        .arg(".")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (
        String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}")),
        stderr,
    )
}

#[test]
fn a_folder_of_several_batches_comes_out_whole_and_in_order() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    let files = folder(root);
    // A second name for a file already in the folder: read once, with a warning.
    std::os::unix::fs::symlink(root.join("a/same.txt"), root.join("z-link.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(files.len() > 2 * 512);

    let (jsonl, stderr) = run(root, &["--format", "jsonl", "--stories", "off"]);
    assert!(
        stderr.contains("z-link.txt is the same file as ./a/same.txt: read once"),
        "{stderr}"
    );
    let records: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let of_type = |t: &'static str| records.iter().filter(move |r| r["type"] == t);
    let paths: Vec<&str> = of_type("article")
        .map(|a| a["path"].as_str().unwrap_or_default())
        .collect();
    let want: Vec<String> = files.iter().map(|(p, _)| format!("./{p}")).collect();
    assert_eq!(paths, want);
    let ids: Vec<&str> = of_type("article")
        .map(|a| a["id"].as_str().unwrap_or_default())
        .collect();
    assert!(
        ids.contains(&"a/same") && ids.contains(&"b/same"),
        "{ids:?}"
    );

    // One claim an article, numbered in article order, with its article's toll.
    let claims: Vec<&serde_json::Value> = of_type("claim").collect();
    assert_eq!(claims.len(), files.len());
    for (i, (c, (_, toll))) in claims.iter().zip(&files).enumerate() {
        assert_eq!(c["id"], i, "{c}");
        assert_eq!(c["article"].as_str(), ids.get(i).copied(), "{c}");
        assert_eq!(c["value"].as_f64(), Some(f64::from(*toll)), "{c}");
    }
    // The folder compared as one: one group of every toll, in claim order.
    let groups: Vec<&serde_json::Value> = of_type("group").collect();
    assert_eq!(groups.len(), 1, "{groups:?}");
    let members: Vec<u64> = groups[0]["claims"]
        .as_array()
        .map(|a| a.iter().filter_map(serde_json::Value::as_u64).collect())
        .unwrap_or_default();
    assert_eq!(members, (0..files.len() as u64).collect::<Vec<_>>());

    // CSV: a row a claim, in the same order.
    let (csv, _) = run(root, &["--format", "csv", "--stories", "off"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let values: Vec<String> = reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}"))[6].to_owned())
        .collect();
    let tolls: Vec<String> = files.iter().map(|(_, t)| t.to_string()).collect();
    assert_eq!(values, tolls);
}
