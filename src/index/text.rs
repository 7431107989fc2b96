//! Search across a whole corpus (`F` in the story library), answered from the index:
//! each article's text, folded as search folds (harakat and tatweel dropped, أ إ آ → ا,
//! ى → ي, ة → ه, Arabic-Indic digits → ASCII), in an SQLite FTS5 table with the trigram
//! tokenizer: what was typed is found anywhere in the text, inside words too (Arabic
//! glues «بال» and «و» to the word: «القاهرة» must find «بالقاهرة»), as `/` finds it in
//! one article. Filled on a worker thread the first time a corpus is opened in the
//! reader, and per file again when it changes.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use rusqlite::{OptionalExtension, params};

use super::store::{Store, StoreError, wrap};
use crate::corpus::{self, LoadOptions};
use crate::text::fold::fold_char;

/// One file to hold the text of: its index key (absolute path), path to read, size
/// and mtime.
#[derive(Debug, Clone)]
pub struct TextKey {
    pub key: String,
    pub path: String,
    pub size: i64,
    pub mtime: i64,
}

/// A search hit: the file's key and a few words around the match, with the matched
/// words between `[` and `]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub key: String,
    pub snippet: String,
}

/// Hits shown at most per query: each costs a snippet (the trigram text of the article is
/// tokenized again), and 500 made a keystroke 5 times slower than 100.
pub const MAX_HITS: usize = 100;

/// The folded words of `text`, one space apart: what is stored and what is asked.
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        // Arabic-Indic and Eastern Arabic-Indic digits read as ASCII ones.
        let c = match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6F0}'..='\u{6F9}' => char::from(b'0' + (c as u32 - 0x6F0) as u8),
            c => c,
        };
        if c.is_alphanumeric() {
            if let Some(f) = fold_char(c) {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(f);
            }
        } else if fold_char(c).is_some() {
            // Marks and tatweel fold to nothing; anything else separates words.
            space = true;
        }
    }
    out
}

/// The FTS5 query for what the user typed: its folded text as one phrase, found as a
/// substring. `None` under three letters (the trigram index cannot answer those).
pub fn fts_query(typed: &str) -> Option<String> {
    let folded = fold_for_search(typed);
    (folded.chars().count() >= 3).then(|| format!("\"{}\"", folded.replace('"', "\"\"")))
}

impl Store {
    /// Of `keys`, those whose text is not held for their current size and mtime.
    pub fn texts_missing(&self, keys: &[TextKey]) -> Result<Vec<usize>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, size, mtime FROM texts_of")
            .map_err(|e| self.err(e))?;
        let held: HashMap<String, (i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .map_err(|e| self.err(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.err(e))?;
        Ok((0..keys.len())
            .filter(|&i| held.get(&keys[i].key) != Some(&(keys[i].size, keys[i].mtime)))
            .collect())
    }

    /// Stores (replacing) the folded texts of files read.
    pub fn put_texts(&mut self, texts: &[(TextKey, String)]) -> Result<(), StoreError> {
        let err = wrap(&self.label);
        let tx = self.conn.transaction().map_err(&err)?;
        for (k, body) in texts {
            let old: Option<i64> = tx
                .query_row("SELECT doc FROM texts_of WHERE path = ?1", [&k.key], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(&err)?;
            if let Some(doc) = old {
                tx.execute("DELETE FROM texts WHERE rowid = ?1", [doc])
                    .map_err(&err)?;
            }
            tx.execute("INSERT INTO texts (body) VALUES (?1)", [body])
                .map_err(&err)?;
            let doc = tx.last_insert_rowid();
            tx.execute(
                "INSERT OR REPLACE INTO texts_of (path, size, mtime, doc) VALUES (?1, ?2, ?3, ?4)",
                params![k.key, k.size, k.mtime, doc],
            )
            .map_err(&err)?;
        }
        tx.commit().map_err(err)
    }

    /// The files whose text holds what was typed, at most [`MAX_HITS`], in the order
    /// their texts were stored.
    pub fn search_texts(&self, typed: &str) -> Result<Vec<Hit>, StoreError> {
        let Some(q) = fts_query(typed) else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT texts_of.path, snippet(texts, 0, '[', ']', '…', 48)
                 FROM texts JOIN texts_of ON texts_of.doc = texts.rowid
                 WHERE texts MATCH ?1 LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![q, MAX_HITS as i64], |r| {
                Ok(Hit {
                    key: r.get(0)?,
                    snippet: r.get(1)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}

/// Reads the files of `keys` that `store` does not hold the text of, folds them and
/// stores them, counting files done in `done` (for a progress bar). A file that cannot
/// be read is skipped: search then does not find it, nothing else fails.
pub fn fill(
    store: &mut Store,
    keys: &[TextKey],
    load: &LoadOptions,
    done: &AtomicUsize,
    stop: &dyn Fn() -> bool,
) -> Result<(), StoreError> {
    use rayon::prelude::*;
    let missing = store.texts_missing(keys)?;
    done.fetch_add(keys.len() - missing.len(), Ordering::Relaxed);
    for batch in missing.chunks(256) {
        if stop() {
            return Ok(());
        }
        let texts: Vec<(TextKey, String)> = batch
            .par_iter()
            .filter_map(|&i| {
                let k = &keys[i];
                let path = std::path::Path::new(&k.path);
                let bytes = std::fs::read(path).ok()?;
                let text = corpus::decode(path, &bytes, load).ok()?;
                Some((k.clone(), fold_for_search(&text)))
            })
            .collect();
        store.put_texts(&texts)?;
        done.fetch_add(batch.len(), Ordering::Relaxed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_fold_and_end_in_a_prefix() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("في"), None);
        assert_eq!(fts_query("القتلى"), Some("\"القتلي\"".into()));
        assert_eq!(fts_query("مَدْرَسَة، الأطفال "), Some("\"مدرسه الاطفال\"".into()));
        assert_eq!(fts_query("Cairo\"x"), Some("\"cairo x\"".into()));
        assert_eq!(
            fold_for_search("قُتِلَ ١٢ شخصاً—في القاهرة"),
            "قتل 12 شخصا في القاهره"
        );
    }

    #[test]
    fn texts_are_found_replaced_and_kept_per_file() {
        let mut s = Store::in_memory("t").unwrap();
        let key = |k: &str, size| TextKey {
            key: k.into(),
            path: k.into(),
            size,
            mtime: 1,
        };
        let (a, b) = (key("/a", 1), key("/b", 2));
        assert_eq!(s.texts_missing(&[a.clone(), b.clone()]).unwrap(), [0, 1]);
        s.put_texts(&[
            (a.clone(), fold_for_search("حريق في مصنع بالقاهرة")),
            (b.clone(), fold_for_search("زلزال في هاتاي")),
        ])
        .unwrap();
        assert!(s.texts_missing(&[a.clone(), b.clone()]).unwrap().is_empty());
        let hits = s.search_texts("القاهرة").unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].key, "/a");
        assert!(hits[0].snippet.contains("[القاهره]"), "{:?}", hits[0]);
        // Inside words, while typing; the words as typed, in order.
        assert_eq!(s.search_texts("زلز").unwrap().len(), 1);
        assert_eq!(s.search_texts("في ").unwrap().len(), 0, "too short");
        assert_eq!(s.search_texts("في مصن").unwrap().len(), 1);
        assert!(s.search_texts("زلزال مصنع").unwrap().is_empty());
        // A changed file: missing again, and its new text replaces the old.
        let a2 = key("/a", 5);
        assert_eq!(s.texts_missing(std::slice::from_ref(&a2)).unwrap(), [0]);
        s.put_texts(&[(a2, fold_for_search("مباراة كرة قدم"))])
            .unwrap();
        assert!(s.search_texts("مصنع").unwrap().is_empty());
        assert_eq!(s.search_texts("كرة").unwrap()[0].key, "/a");
    }
}
