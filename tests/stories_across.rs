//! Stories across languages (tests/data/stories-en/README): an English report joins its
//! Arabic story through the bilingual gazetteer and the numbers both give; an English
//! report sharing only a city stays alone; a user's gazetteer file takes effect (and a
//! broken one is named).

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;

mod common;
use common::{qarin_isolated, set, stories_json, story_sets};

const CORPUS: &str = "tests/data/stories-en";

fn qarin(cache: &Path, config: &Path) -> Command {
    qarin_isolated(cache, Some(config))
}

/// Each story as the set of its articles' ids (the part of the file name after `#`).
fn groups(cache: &Path, config: &Path) -> BTreeSet<BTreeSet<String>> {
    story_sets(&stories_json(qarin(cache, config), &[CORPUS]))
}

#[test]
fn english_report_joins_its_arabic_story() {
    let cache = tempfile::tempdir().expect("tempdir");
    let config = tempfile::tempdir().expect("tempdir");
    let got = groups(cache.path(), config.path());
    let want: BTreeSet<BTreeSet<String>> = [
        // Port Said / بورسعيد / بور سعيد, the Health Ministry, the tolls 23 and 41.
        set(&["r1", "r2", "r3", "e1"]),
        set(&["t1", "t2"]),
        // Names only Cairo and Egypt: not enough to join the sit-in in Cairo.
        set(&["e2"]),
        // Hatay, Antakya and AFAD are not in the built-in gazetteer.
        set(&["h1", "h2"]),
        set(&["e3"]),
    ]
    .into();
    assert_eq!(got, want);
}

#[test]
fn user_gazetteer_takes_effect_and_rebuilds_the_index() {
    let cache = tempfile::tempdir().expect("tempdir");
    let config = tempfile::tempdir().expect("tempdir");
    let quake = set(&["h1", "h2", "e3"]);
    assert!(!groups(cache.path(), config.path()).contains(&quake));

    // The same cache: the index made without the user's names must not be reused.
    let dir = config.path().join("qarin");
    std::fs::create_dir_all(&dir).expect("config dir");
    std::fs::write(
        dir.join("gazetteer.toml"),
        "[places]\nhatay = [\"Hatay\", \"هطاي\"]\nantakya = [\"Antakya\", \"أنطاكية\"]\n\
         [organisations]\nafad = [\"AFAD\", \"آفاد\", \"هيئة آفاد\"]\n",
    )
    .expect("write gazetteer");
    let got = groups(cache.path(), config.path());
    assert!(got.contains(&quake), "{got:?}");
    assert!(got.contains(&set(&["r1", "r2", "r3", "e1"])), "{got:?}");
}

#[test]
fn broken_user_gazetteer_is_named() {
    let cache = tempfile::tempdir().expect("tempdir");
    let config = tempfile::tempdir().expect("tempdir");
    let dir = config.path().join("qarin");
    std::fs::create_dir_all(&dir).expect("config dir");
    std::fs::write(dir.join("gazetteer.toml"), "[places]\nhatay = \"Hatay\"\n").expect("write");
    for cmd in [
        vec!["stories", CORPUS],
        vec!["claims", "--format", "json", CORPUS],
    ] {
        let out = qarin(cache.path(), config.path())
            .args(&cmd)
            .output()
            .expect("qarin runs");
        assert_eq!(out.status.code(), Some(2), "{cmd:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("gazetteer.toml") && err.contains("places.hatay: expected a list"),
            "{err}"
        );
        assert!(out.stdout.is_empty(), "{cmd:?}");
    }
}
