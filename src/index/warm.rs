//! Reopening a corpus whose files are all unchanged and were grouped before: the
//! stored run answers, no row is looked up (docs/stories.md, Speed).

use serde::Deserialize;

use super::rows::{path_string, text_keys};
use super::store::Store;
use super::{Corpus, Entry, Grouped, walk};

/// A run as stored: its stories and, per file in the walk's order, its outlet, title
/// and publication time.
#[derive(Deserialize)]
struct Run {
    stories: Vec<Grouped>,
    entries: Vec<(String, String, Option<i64>)>,
}

/// The corpus as a run stored under `run_key` left it: every file unchanged and this
/// exact set grouped before. The run holds its articles' metadata too: the same
/// fingerprint means the same files, unchanged, so the rows need not be looked up (a
/// third of a warm reopen).
pub(super) fn reopen(
    store: &Store,
    run_key: &str,
    found: &[walk::Found],
    keys: &[(String, i64, i64)],
) -> anyhow::Result<Option<Corpus>> {
    let Some(blob) = store.run(run_key)? else {
        return Ok(None);
    };
    let Ok(run) = serde_json::from_slice::<Run>(&blob) else {
        return Ok(None);
    };
    if run.entries.len() != found.len() {
        return Ok(None);
    }
    let entries = found
        .iter()
        .zip(run.entries)
        .map(|(f, (outlet, title, published))| Entry {
            path: path_string(&f.path),
            outlet,
            title,
            published,
        })
        .collect();
    Ok(Some(Corpus {
        texts: text_keys(found, keys),
        entries,
        stories: run.stories,
        read: 0,
        reused: found.len(),
    }))
}
