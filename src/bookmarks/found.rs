//! Where a session's bookmarks were found, per version of each article: re-finding a
//! passage costs a pass over the article, so each bookmark is searched for once per
//! version, and the results are shared with the worker thread that re-finds for the reader.

use std::collections::HashMap;
use std::sync::Mutex;

use super::anchor::Anchor;
use super::model::Bookmark;
use crate::corpus::Article;

/// The article's hash and the bookmark's id and old place: a changed article, or a
/// bookmark file edited meanwhile, gives a new key.
type FoundKey = (String, u64, usize, usize, usize);
pub(super) type Found = HashMap<FoundKey, Anchor>;

/// A poisoned lock only means another thread panicked mid-insert: the map of results
/// is still sound.
pub(super) fn lock(found: &Mutex<Found>) -> std::sync::MutexGuard<'_, Found> {
    found.lock().unwrap_or_else(|e| e.into_inner())
}

/// The bookmarks of `article`: by its path, or by its hash if the file moved.
pub(super) fn mine<'b>(
    bookmarks: &'b [Bookmark],
    article: &Article,
    hash: &str,
) -> impl Iterator<Item = &'b Bookmark> {
    let key = super::article_key(article);
    let hash = hash.to_owned();
    bookmarks
        .iter()
        .filter(move |b| b.article.path == key || b.article.hash == hash)
}

/// Whether some bookmark may be of `article`, decided without hashing it: one made at
/// its path, or one whose file had its size (or no recorded size). Opening a 100 MB
/// article next to bookmarks of other articles then hashes nothing.
pub(super) fn could_be_mine(bookmarks: &[Bookmark], article: &Article) -> bool {
    if bookmarks.is_empty() {
        return false;
    }
    let size = super::model::file_size(article);
    let key = std::cell::OnceCell::new();
    bookmarks.iter().any(|b| match (b.article.size(), size) {
        (Some(a), Some(s)) if a != s => {
            b.article.path == *key.get_or_init(|| super::article_key(article))
        }
        _ => true,
    })
}

pub(super) fn found_key(hash: &str, b: &Bookmark) -> FoundKey {
    (hash.to_owned(), b.id, b.paragraph, b.start, b.end)
}

/// Searches `article` for those of its bookmarks not searched for in this version of
/// it, in one pass, and records where they are. The lock is not held while searching,
/// so the reader can ask what is known meanwhile.
pub(super) fn search_missing(bookmarks: &[Bookmark], article: &Article, found: &Mutex<Found>) {
    if !could_be_mine(bookmarks, article) {
        return;
    }
    let hash = article.hash();
    let missing: Vec<&Bookmark> = {
        let known = lock(found);
        mine(bookmarks, article, hash)
            .filter(|b| !known.contains_key(&found_key(hash, b)))
            .collect()
    };
    if missing.is_empty() {
        return;
    }
    test_refind_delay();
    let anchors = super::refind::reanchor_all(&missing, &article.paragraphs);
    let mut known = lock(found);
    for (b, a) in missing.into_iter().zip(anchors) {
        known.insert(found_key(hash, b), a);
    }
}

/// TEST ONLY: `QARIN_TEST_REFIND_DELAY=MS` makes every search for bookmarks take that
/// much longer, so a test can watch the reader stay responsive while one runs.
fn test_refind_delay() {
    crate::corpus::test_delay("QARIN_TEST_REFIND_DELAY");
}
