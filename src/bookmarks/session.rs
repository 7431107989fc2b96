//! The bookmarks as an interactive session sees them: an in-memory copy refreshed after
//! every change, and a read-only mode when the file cannot be trusted.

use std::collections::BTreeSet;

use super::anchor::{Anchor, reanchor};
use super::error::StoreError;
use super::model::{Bookmark, BookmarkFile, NewBookmark};
use super::store::Store;
use crate::corpus::Article;

#[derive(Debug)]
pub struct Session {
    store: Option<Store>,
    file: BookmarkFile,
    /// Why bookmarks cannot be changed (corrupt file, newer format, no data dir).
    read_only: Option<String>,
}

impl Session {
    /// Never fails: a file that cannot be read leaves the session read-only, with the
    /// reason to show, and the file untouched.
    pub fn open(store: Store) -> Self {
        match store.load() {
            Ok(file) => Session {
                store: Some(store),
                file,
                read_only: None,
            },
            Err(e) => Session {
                store: Some(store),
                file: BookmarkFile::default(),
                read_only: Some(e.to_string()),
            },
        }
    }

    /// The store of `$QARIN_DATA_DIR` or the platform data directory.
    pub fn open_default() -> Self {
        match Store::open_default() {
            Ok(store) => Session::open(store),
            Err(e) => Session {
                store: None,
                file: BookmarkFile::default(),
                read_only: Some(e.to_string()),
            },
        }
    }

    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.file.bookmarks
    }

    pub fn get(&self, id: u64) -> Option<&Bookmark> {
        self.file.get(id)
    }

    pub fn add(&mut self, new: NewBookmark) -> Result<Bookmark, StoreError> {
        self.change(|s| s.add(new))
    }

    pub fn remove(&mut self, id: u64) -> Result<Bookmark, StoreError> {
        self.change(|s| s.remove(id))
    }

    /// Undo of `remove`.
    pub fn restore(&mut self, bm: Bookmark) -> Result<(), StoreError> {
        self.change(|s| s.restore(bm))
    }

    pub fn set_note(&mut self, id: u64, note: Option<String>) -> Result<Bookmark, StoreError> {
        self.change(|s| s.set_note(id, note))
    }

    /// Runs a change on the store, then reloads so others' changes show too. A file that
    /// turned bad meanwhile switches the session to read-only.
    fn change<R>(
        &mut self,
        op: impl FnOnce(&Store) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly {
                reason: reason.clone(),
            });
        }
        let Some(store) = &self.store else {
            return Err(StoreError::NoDataDir);
        };
        let result = op(store);
        match store.load() {
            Ok(file) => self.file = file,
            Err(e) => self.read_only = Some(e.to_string()),
        }
        if let Err(e @ (StoreError::Corrupt { .. } | StoreError::FutureVersion { .. })) = &result {
            self.read_only = Some(e.to_string());
        }
        result
    }

    /// This article's bookmarks, each with where its passage is now.
    pub fn of_article(&self, article: &Article) -> Vec<(&Bookmark, Anchor)> {
        let key = super::article_key(article);
        self.file
            .bookmarks
            .iter()
            .filter(|b| b.article.path == key || b.article.hash == article.hash)
            .map(|b| (b, reanchor(b, &article.paragraphs)))
            .collect()
    }

    /// 1-based paragraphs of `article` holding a bookmarked passage (for the margin mark).
    pub fn marked_paragraphs(&self, article: &Article) -> BTreeSet<usize> {
        self.of_article(article)
            .into_iter()
            .filter_map(|(_, a)| a.location().map(|l| l.paragraph))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;

    #[test]
    fn session_adds_and_marks_paragraphs() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::open(Store::in_dir(dir.path()));
        let art = &corpus::seeds()[3];
        let key = crate::bookmarks::article_key(art);
        let new = NewBookmark::paragraph(art, key, 5).unwrap();
        s.add(new).unwrap();
        assert_eq!(s.marked_paragraphs(art), BTreeSet::from([5]));
        assert!(s.marked_paragraphs(&corpus::seeds()[0]).is_empty());
    }

    #[test]
    fn corrupt_file_makes_the_session_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path());
        std::fs::write(store.path(), "not json").unwrap();
        let mut s = Session::open(store);
        let reason = s.read_only().unwrap_or_default().to_owned();
        assert!(reason.contains("bookmarks.json"), "{reason}");
        let art = &corpus::seeds()[0];
        let new = NewBookmark::paragraph(art, art.path.clone(), 1).unwrap();
        assert!(matches!(s.add(new), Err(StoreError::ReadOnly { .. })));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("bookmarks.json")).unwrap(),
            "not json"
        );
    }

    #[test]
    fn file_corrupted_by_someone_else_switches_to_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::open(Store::in_dir(dir.path()));
        assert!(s.read_only().is_none());
        std::fs::write(dir.path().join("bookmarks.json"), "{\"version\": 7}").unwrap();
        assert!(s.remove(1).is_err());
        assert!(s.read_only().is_some_and(|r| r.contains("newer qarin")));
    }
}
