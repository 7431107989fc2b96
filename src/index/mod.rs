//! Opening a corpus: the article files under the paths given, read once and kept in
//! an on-disk index (see [`store`]) so that opening the same corpus again reads only
//! the files that changed, and grouped into stories.

mod conflicts;
mod rows;
pub mod store;
mod storing;
pub mod text;
pub mod walk;
mod warm;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::claims::Lexicon;
use crate::corpus::{self, LoadOptions};
use crate::stories::job::{self, Phase};
use crate::stories::{self, Input, Params, Story, Terms};
use conflicts::ArticleClaims;
use rows::{AbsRoots, Progress, entry, fingerprint, hex, read_row, text_keys};
use store::{Row, Store};
pub use storing::Storing;

/// Bytes of article text kept in memory between reading the files and finding their
/// claims; beyond it, files are read again from the page cache, which costs little
/// (docs/safety.md, "A folder: where the memory goes"): the peak then does not grow
/// with the corpus's bytes.
const KEEP_TEXTS: usize = 8 << 20;

/// The built-in lexicon's source: claims in the index are valid only for it.
const LEXICON_SOURCE: &str = include_str!("../../assets/lexicon.toml");

/// One article of the corpus, as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The path as found under the path given (relative stays relative).
    pub path: String,
    pub outlet: String,
    pub title: String,
    pub published: Option<i64>,
}

/// A story with the number of its claim groups in conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grouped {
    pub story: Story,
    pub conflicts: usize,
}

/// An opened corpus.
#[derive(Debug)]
pub struct Corpus {
    pub entries: Vec<Entry>,
    /// Stories, by first publication; `story.articles` index `entries`.
    pub stories: Vec<Grouped>,
    /// Files read (new or changed) and files answered from the index.
    pub read: usize,
    pub reused: usize,
    /// Per entry, its key in the index (for the text search, [`text`]).
    pub texts: Vec<text::TextKey>,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub load: LoadOptions,
    /// No index on disk: everything is read (tests, `--no-cache`).
    pub no_cache: bool,
}

/// What clustering is run with; part of every run's fingerprint.
pub fn params() -> Params {
    Params::from_env()
}

/// The index for these options: on disk unless `no_cache` or there is no cache
/// directory, in memory then.
pub fn open_store(opts: &Options) -> Result<Store, store::StoreError> {
    // Terms are made with the gazetteer (built-in and the user's file): a changed
    // gazetteer rebuilds the index like a changed lexicon.
    let gazetteer = stories::gazetteer::active();
    // Rows hold claims (built-in lexicon) and metadata (layout): either changing
    // rebuilds the index.
    let layout = opts
        .load
        .layout
        .as_ref()
        .map(|t| format!("{t:?}"))
        .unwrap_or_default();
    let lex_key = hex(&Sha256::digest(
        format!(
            "{LEXICON_SOURCE}\0{layout}\0{}\0{}",
            gazetteer.source(),
            stories::names::GIVEN_SOURCE
        )
        .as_bytes(),
    ))[..16]
        .to_owned();
    match (opts.no_cache, store::default_path()) {
        (false, Some(p)) => Store::open(&p, &lex_key),
        _ => Store::in_memory(&lex_key),
    }
}

/// Opens the corpus under `paths`: walks them, reads what the index does not hold
/// fresh, groups the articles into stories and counts each story's conflicts.
pub fn open(paths: &[PathBuf], opts: Options) -> anyhow::Result<Corpus> {
    let (corpus, storing) = open_inner(paths, opts, &job::Progress::default(), true, false)?;
    storing.wait();
    Ok(corpus)
}

/// [`open`], storing the run's stories in the index on another thread: the caller
/// writes its output meanwhile and waits for [`Storing`] (or drops it) before it ends
/// (`qarin stories`: docs/stories.md, Speed).
pub fn open_storing(paths: &[PathBuf], opts: Options) -> anyhow::Result<(Corpus, Storing)> {
    open_inner(paths, opts, &job::Progress::default(), true, true)
}

/// [`open`], counting its steps in `seen` (the reader shows them while a worker
/// thread does this) and stopping early, with an error, when `seen` is cancelled.
/// Nothing is printed: the reader owns the terminal (a line on standard error would be
/// written over its screen).
pub fn open_with(paths: &[PathBuf], opts: Options, seen: &job::Progress) -> anyhow::Result<Corpus> {
    let (corpus, storing) = open_inner(paths, opts, seen, false, false)?;
    storing.wait();
    Ok(corpus)
}

/// [`open_with`], with "indexing N/M" on standard error when `on_stderr` (the CLI), and
/// the run stored on another thread when `in_background`.
fn open_inner(
    paths: &[PathBuf],
    opts: Options,
    seen: &job::Progress,
    on_stderr: bool,
    in_background: bool,
) -> anyhow::Result<(Corpus, Storing)> {
    seen.start(Phase::Walking, 0);
    let found = walk::walk(paths)?;
    let lexicon = Lexicon::builtin();
    // The user's gazetteer, if any, must be usable before terms are made.
    stories::gazetteer::init()?;
    let mut store = open_store(&opts)?;
    // An index in memory ends with this call: nothing need be written to it, and rows
    // need not carry their terms as bytes.
    let persist = store.path.is_some();
    // Absolute keys, so the same file is found again from another directory.
    let mut keys = Vec::with_capacity(found.len());
    let mut roots = AbsRoots::default();
    for f in &found {
        let (size, mtime) = match f.stamp {
            Some(s) => s,
            None => {
                let md = std::fs::metadata(&f.path).map_err(|e| corpus::io_error(&f.path, e))?;
                walk::stamp(&md)
            }
        };
        keys.push((roots.key(f), size, mtime));
    }
    let params = params();
    let run_key = fingerprint(&keys, &params);

    if let Some(corpus) = warm::reopen(&store, &run_key, &found, &keys)? {
        return Ok((corpus, Storing::default()));
    }

    let mut rows = store.fresh_rows(&keys, true)?;
    let stale: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].is_none()).collect();
    let progress = Progress::new(stale.len(), on_stderr);
    seen.start(Phase::Reading, stale.len());
    test_hold(seen);
    // Texts read are kept, up to a budget, for their claims (found below).
    let kept = AtomicUsize::new(0);
    let fresh: Vec<(usize, Row, Terms, Option<String>)> = stale
        .par_iter()
        .map(|&i| {
            if seen.cancelled() {
                anyhow::bail!("cancelled");
            }
            let r = read_row(&found[i], keys[i].1, keys[i].2, &opts.load, persist);
            progress.tick();
            seen.tick();
            r.map(|(row, terms, text)| {
                let keep = kept.fetch_add(text.len(), Ordering::Relaxed) < KEEP_TEXTS;
                (i, row, terms, keep.then_some(text))
            })
        })
        .collect::<Result<_, _>>()?;
    progress.done();
    // The terms just made are used as they are, not unpacked from the row's bytes.
    let mut made: Vec<Option<Terms>> = (0..rows.len()).map(|_| None).collect();
    let mut texts: Vec<Option<String>> = (0..rows.len()).map(|_| None).collect();
    for (i, r, t, text) in fresh {
        rows[i] = Some(r);
        made[i] = Some(t);
        texts[i] = text;
    }
    let mut rows: Vec<Row> = rows.into_iter().flatten().collect();
    let mut entries: Vec<Entry> = found
        .iter()
        .zip(&mut rows)
        .map(|(f, r)| entry(f, r, persist))
        .collect();
    let mut terms: Vec<Terms> = rows
        .iter()
        .zip(made)
        .map(|(r, made)| made.unwrap_or_else(|| Terms::from_bytes(&r.terms).unwrap_or_default()))
        .collect();
    // Grouping holds each article's vector and few of its terms, not all of them.
    let vectors = stories::Vectors::of_terms(&mut terms, &params);
    // Titles and outlets are lent to the grouping and given back (the claims' finder
    // reads only paths): not copied.
    let mut inputs: Vec<Input> = entries
        .iter_mut()
        .zip(terms)
        .map(|(e, terms)| Input {
            path: e.path.clone(),
            title: std::mem::take(&mut e.title),
            outlet: std::mem::take(&mut e.outlet),
            published: e.published,
            terms,
        })
        .collect();
    // The rows read are written from where they are, not copied (the writer runs
    // while this thread groups).
    let to_store: Vec<(&str, &Row)> = if persist {
        stale
            .iter()
            .filter_map(|&i| Some((keys[i].0.as_str(), rows.get(i)?)))
            .collect()
    } else {
        Vec::new()
    };
    seen.start(Phase::Grouping, 0);
    // Grouping is sequential: while this thread groups, the index is written on
    // another, and one more finds the claims of the articles the grouping has already
    // put with others (a story's conflicts then only group its articles' claims):
    // docs/stories.md, Speed. One finder, not the worker pool: on two cores the
    // grouping is the longest path and must keep a core. The claims of an article
    // alone in its story are never compared (no conflict without a second article):
    // once grouped, such articles are marked and never taken (38 % of a
    // 6,842-article folder's articles), and this thread finds the rest with the finder.
    let alone: Vec<AtomicBool> = (0..entries.len()).map(|_| AtomicBool::new(false)).collect();
    let taken: Vec<AtomicBool> = (0..entries.len()).map(|_| AtomicBool::new(false)).collect();
    let texts: Vec<Mutex<Option<String>>> = texts.into_iter().map(Mutex::new).collect();
    let found_claims: Vec<OnceLock<ArticleClaims>> =
        (0..entries.len()).map(|_| OnceLock::new()).collect();
    let find_one = |k: usize| {
        if seen.cancelled()
            || alone[k].load(Ordering::Relaxed)
            || taken[k].swap(true, Ordering::Relaxed)
        {
            return;
        }
        let text = texts[k].lock().ok().and_then(|mut t| t.take());
        if let Some(c) = entries
            .get(k)
            .and_then(|e| ArticleClaims::read(e, text, &opts.load, &lexicon))
        {
            let _ = found_claims[k].set(c);
        }
    };
    // After the grouping: the articles not taken yet, by both threads.
    let next = AtomicUsize::new(0);
    let find_rest = || {
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= entries.len() {
                break;
            }
            find_one(k);
        }
    };
    let (joined_tx, joined_rx) = std::sync::mpsc::channel::<usize>();
    let (grouped, written, finder) = std::thread::scope(|scope| {
        let writer = scope.spawn(|| store.put_rows(&to_store));
        let finder = scope.spawn(|| {
            for k in joined_rx {
                find_one(k);
            }
            find_rest();
        });
        let grouped = stories::group_telling(&inputs, &params, Some(vectors), &|i| {
            // The finder may be gone (it panicked): the rest is found below.
            let _ = joined_tx.send(i);
        });
        for st in &grouped {
            if let [a] = st.articles[..]
                && let Some(flag) = alone.get(a)
            {
                flag.store(true, Ordering::Relaxed);
            }
        }
        drop(joined_tx);
        find_rest();
        (grouped, writer.join(), finder.join())
    });
    match written {
        Ok(Ok(())) => {}
        // The index is a cache: say why it was not written, go on without it.
        Ok(Err(e)) => eprintln!("qarin: warning: {e}"),
        Err(_) => eprintln!("qarin: warning: the index was not written"),
    }
    drop(to_store);
    for (e, i) in entries.iter_mut().zip(inputs.drain(..)) {
        e.title = i.title;
        e.outlet = i.outlet;
    }
    drop(inputs);
    finder.map_err(|_| anyhow::anyhow!("finding claims failed"))?;
    let mut claims: Vec<Option<ArticleClaims>> =
        found_claims.into_iter().map(OnceLock::into_inner).collect();
    let stories = conflicts::count_per_story(grouped, &mut claims, &lexicon, seen);
    // Conflicts left uncounted must not be stored as counted.
    if seen.cancelled() {
        anyhow::bail!("cancelled");
    }
    let storing = if persist {
        // The rows and claims left to free go with it: freed there, not here.
        let metadata = entries
            .iter()
            .map(|e| (e.outlet.clone(), e.title.clone(), e.published))
            .collect();
        let run = storing::Run {
            key: run_key,
            stories: stories.clone(),
            entries: metadata,
        };
        Storing::start(store, run, (rows, claims), in_background)
    } else {
        Storing::default()
    };
    let corpus = Corpus {
        texts: text_keys(&found, &keys),
        entries,
        stories,
        read: stale.len(),
        reused: found.len() - stale.len(),
    };
    Ok((corpus, storing))
}

/// TEST ONLY: with `QARIN_TEST_HOLD_GROUPING=FILE`, reading waits until FILE exists,
/// so that tests/stories_background.rs sees the reader answer keys while it groups.
fn test_hold(seen: &job::Progress) {
    if let Some(f) = std::env::var_os("QARIN_TEST_HOLD_GROUPING") {
        while !std::path::Path::new(&f).exists() && !seen.cancelled() {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}
