//! Helpers shared by the integration tests: claims of short Arabic texts, and CSV output
//! read back with the csv crate.
#![allow(dead_code)] // each test binary uses the helpers it needs

use qarin::claims::{Analysis, Claim, Group, Lexicon, analyze};
use qarin::corpus::Article;

/// An article named `ID.txt`; the first line is the title, `text` the body.
pub fn article(id: &str, text: &str) -> Article {
    let name = format!("{id}.txt");
    Article::from_text(&name, &name, format!("عنوان\n{text}"))
}

/// The claims of articles given as (id, body).
pub fn run(texts: &[(&str, &str)]) -> Analysis {
    let articles: Vec<Article> = texts.iter().map(|(id, t)| article(id, t)).collect();
    analyze(&articles, &Lexicon::builtin(), false)
}

pub fn claims_of<'a>(a: &'a Analysis, topic: &str) -> Vec<&'a Claim> {
    a.claims
        .iter()
        .filter(|c| c.topic.as_deref() == Some(topic))
        .collect()
}

/// The group of `topic` and `scope`; panics with every group when there is none.
pub fn group<'a>(a: &'a Analysis, topic: &str, scope: Option<&str>) -> &'a Group {
    a.groups
        .iter()
        .find(|g| g.topic == topic && g.scope.as_deref() == scope)
        .unwrap_or_else(|| panic!("no group {topic} {scope:?} in {:#?}", a.groups))
}

pub fn values(a: &Analysis, g: &Group) -> Vec<f64> {
    g.claims.iter().map(|&i| a.claims[i].value).collect()
}

/// CSV text read back: its header and its rows.
pub fn read_csv(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = r
        .headers()
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = r
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    (headers, rows)
}

/// The `qarin` binary with its cache (and, when given, its config home) in the test's
/// temporary folders and no story settings taken from the environment.
pub fn qarin_isolated(
    cache: &std::path::Path,
    config: Option<&std::path::Path>,
) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("qarin").expect("the qarin binary is built");
    c.env("QARIN_CACHE_DIR", cache)
        .env_remove("QARIN_STORY_PARAMS");
    if let Some(config) = config {
        c.env("XDG_CONFIG_HOME", config);
    }
    c
}

/// Runs `qarin stories --format json ARGS` and gives the document; fails the test with
/// qarin's stderr when it does not succeed.
pub fn stories_json(mut qarin: assert_cmd::Command, args: &[&str]) -> serde_json::Value {
    let out = qarin
        .args(["stories", "--format", "json"])
        .args(args)
        .output()
        .expect("qarin runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// The stories of a `qarin stories --format json` document, each as the set of its
/// articles' ids (the part of the file name after `#`, without `.txt`).
pub fn story_sets(
    doc: &serde_json::Value,
) -> std::collections::BTreeSet<std::collections::BTreeSet<String>> {
    doc["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .map(|s| {
            s["articles"]
                .as_array()
                .expect("articles")
                .iter()
                .map(|a| {
                    let p = a["path"].as_str().expect("path");
                    let id = p.rsplit('#').next().unwrap_or(p);
                    id.trim_end_matches(".txt").to_owned()
                })
                .collect()
        })
        .collect()
}

/// A set of article ids, as `story_sets` gives them.
pub fn set(ids: &[&str]) -> std::collections::BTreeSet<String> {
    ids.iter().map(|s| (*s).to_owned()).collect()
}
