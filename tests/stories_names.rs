//! Names across scripts (tests/data/stories-names/README, docs/stories.md "Names across
//! scripts"): an English report that shares with its Arabic story only a person's name,
//! transliterated, joins it; one that shares only a common two-word name stays alone.

use std::collections::BTreeSet;

mod common;
use common::{qarin_isolated, set, stories_json, story_sets};

const CORPUS: &str = "tests/data/stories-names";

#[test]
fn a_transliterated_name_joins_and_a_common_name_alone_does_not() {
    let cache = tempfile::tempdir().expect("tempdir");
    let config = tempfile::tempdir().expect("tempdir");
    let doc = stories_json(qarin_isolated(cache.path(), Some(config.path())), &[CORPUS]);
    let got = story_sets(&doc);
    let want: BTreeSet<BTreeSet<String>> = [
        // «عمرو سعد عبد الرحمن» and "Amr Saad Abdel-Rahman": the name's three pairs of
        // words, nothing else in common.
        set(&["a1", "a2", "a3", "e1"]),
        set(&["b1", "b2"]),
        // "Mohamed Hussein", the football reports' «محمد حسين»: one name is no event.
        set(&["e2"]),
    ]
    .into();
    assert_eq!(got, want);
}
