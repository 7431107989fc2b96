//! The bookmarks as an interactive session sees them: an in-memory copy refreshed after
//! every change, and a read-only mode when the file cannot be trusted.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use super::anchor::{Anchor, fold};
use super::error::StoreError;
use super::found::{Found, could_be_mine, found_key, lock, mine, search_missing};
use super::model::{Bookmark, BookmarkFile, NewBookmark};
use super::store::Store;
use crate::corpus::Article;

#[derive(Debug)]
pub struct Session {
    store: Option<Store>,
    file: BookmarkFile,
    /// Why bookmarks cannot be changed (corrupt file, newer format, no data dir).
    read_only: Option<String>,
    /// This session's own changes, newest last, for `undo`.
    undo: Vec<Undo>,
    /// Where each bookmark's passage was found, per article version: re-finding costs a
    /// pass over the article, and the reader asks after every bookmark action. Shared
    /// with the worker thread that re-finds for the reader.
    found: Arc<Mutex<Found>>,
}

/// A change this session made, and so can take back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    Added(u64),
    Removed(Box<Bookmark>),
    Note { id: u64, old: Option<String> },
}

/// Whether `bm` matches a filter typed in the bookmarks list: every word of `query`
/// occurs in its title, outlet, article id, note or passage, ignoring case, harakat,
/// tatweel and spacing.
pub fn matches(bm: &Bookmark, query: &str) -> bool {
    let hay = fold(&format!(
        "{} {} {} {} {}",
        bm.article.title,
        bm.article.outlet,
        bm.article.id,
        bm.note.as_deref().unwrap_or(""),
        bm.text
    ));
    fold(query).split(' ').all(|w| hay.contains(w))
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
                undo: Vec::new(),
                found: Arc::default(),
            },
            Err(e) => Session {
                store: Some(store),
                file: BookmarkFile::default(),
                read_only: Some(e.to_string()),
                undo: Vec::new(),
                found: Arc::default(),
            },
        }
    }

    /// A session with no store: nothing listed, every change refused with `reason`
    /// (tests and snapshots that must not touch the user's bookmarks).
    pub fn detached(reason: &str) -> Self {
        Session {
            store: None,
            file: BookmarkFile::default(),
            read_only: Some(reason.to_owned()),
            undo: Vec::new(),
            found: Arc::default(),
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
                undo: Vec::new(),
                found: Arc::default(),
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

    /// Re-reads the file, to show what another qarin changed.
    pub fn reload(&mut self) {
        if let Some(store) = &self.store {
            match store.load() {
                Ok(file) => {
                    self.file = file;
                    self.read_only = None;
                }
                Err(e) => self.read_only = Some(e.to_string()),
            }
        }
    }

    pub fn add(&mut self, new: NewBookmark) -> Result<Bookmark, StoreError> {
        let bm = self.change(|s| s.add(new))?;
        self.undo.push(Undo::Added(bm.id));
        Ok(bm)
    }

    pub fn remove(&mut self, id: u64) -> Result<Bookmark, StoreError> {
        let bm = self.change(|s| s.remove(id))?;
        self.undo.push(Undo::Removed(Box::new(bm.clone())));
        Ok(bm)
    }

    pub fn set_note(&mut self, id: u64, note: Option<String>) -> Result<Bookmark, StoreError> {
        let old = self.get(id).and_then(|b| b.note.clone());
        let bm = self.change(|s| s.set_note(id, note))?;
        self.undo.push(Undo::Note { id, old });
        Ok(bm)
    }

    /// Whether `undo` has something to take back.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Takes back this session's last change (a removed bookmark comes back with its id).
    /// Returns what was undone, `None` if nothing was left to undo.
    pub fn undo(&mut self) -> Result<Option<Undo>, StoreError> {
        let Some(last) = self.undo.pop() else {
            return Ok(None);
        };
        let result = match last.clone() {
            Undo::Added(id) => self.change(|s| s.remove(id)).map(|_| ()),
            Undo::Removed(bm) => self.change(|s| s.restore(*bm)),
            Undo::Note { id, old } => self.change(|s| s.set_note(id, old)).map(|_| ()),
        };
        match result {
            Ok(()) => Ok(Some(last)),
            Err(e) => {
                // Still undoable once the cause (say a full disk) is gone.
                if !matches!(e, StoreError::UnknownId { .. }) {
                    self.undo.push(last);
                }
                Err(e)
            }
        }
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

    /// This article's bookmarks, each with where its passage is now. Only bookmarks
    /// not seen with this version of the article are searched for, all in one pass.
    pub fn of_article(&self, article: &Article) -> Vec<(&Bookmark, Anchor)> {
        if !could_be_mine(&self.file.bookmarks, article) {
            return Vec::new();
        }
        search_missing(&self.file.bookmarks, article, &self.found);
        let hash = article.hash();
        let found = lock(&self.found);
        mine(&self.file.bookmarks, article, hash)
            .map(|b| {
                let anchor = found.get(&found_key(hash, b)).copied();
                (b, anchor.unwrap_or(Anchor::Lost))
            })
            .collect()
    }

    /// [`Session::of_article`] if it needs no search: the article's hash is known and
    /// every one of its bookmarks was searched for in this version of it. `None` when
    /// something is left to search for ([`Session::refind_job`] does it).
    pub fn of_article_known(&self, article: &Article) -> Option<Vec<(&Bookmark, Anchor)>> {
        let hash = article.hash_if_known()?;
        let found = lock(&self.found);
        mine(&self.file.bookmarks, article, hash)
            .map(|b| Some((b, *found.get(&found_key(hash, b))?)))
            .collect()
    }

    /// The work of [`Session::of_article`] for `articles`, to run on another thread:
    /// hashes them and searches for the bookmarks not searched for yet, filling the
    /// session's results, so that `of_article_known` answers afterwards.
    pub fn refind_job(&self, articles: Vec<Article>) -> impl FnOnce() + Send + 'static {
        let bookmarks = self.file.bookmarks.clone();
        let found = Arc::clone(&self.found);
        move || {
            for a in &articles {
                // Hashed here even with no bookmark to look for: the reader waits for
                // the hash to find a moved article's position, and asks again once it
                // is known (a search skipped by size would leave it unknown forever).
                let _ = a.hash();
                search_missing(&bookmarks, a, &found);
            }
        }
    }

    /// How many bookmark searches were run so far (each a pass over an article).
    #[cfg(test)]
    fn searched(&self) -> usize {
        lock(&self.found).len()
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
    fn articles_of_another_size_are_not_hashed() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, text: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            let p = p.display().to_string();
            corpus::Article::from_text(&p, name, text.to_owned())
        };
        let marked = file("a.txt", "عنوان\nفقرة أولى\nفقرة ثانية\n");
        let mut s = Session::open(Store::in_dir(&dir.path().join("data")));
        let key = crate::bookmarks::article_key(&marked);
        s.add(NewBookmark::paragraph(&marked, key, 2).unwrap())
            .unwrap();
        assert_eq!(s.bookmarks()[0].article.size(), Some(49));
        // Another size: ruled out by its size, never hashed.
        let other = file("b.txt", "نص آخر أطول من الأول بكثير، لا علامة فيه\n");
        assert!(s.of_article(&other).is_empty());
        assert!(other.hash_if_known().is_none(), "hashed for nothing");
        // The same bytes elsewhere: same size, hashed, found.
        let copy = file("c.txt", "عنوان\nفقرة أولى\nفقرة ثانية\n");
        assert_eq!(s.of_article(&copy).len(), 1);
        assert!(copy.hash_if_known().is_some());
    }

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
    fn passages_are_searched_once_per_article_version() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "عنوان\nفقرة أولى هنا\nفقرة ثانية هناك\n").unwrap();
        let load = || {
            let arts = corpus::load_paths(std::slice::from_ref(&file), &Default::default());
            arts.unwrap().remove(0)
        };
        let art = load();
        let key = crate::bookmarks::article_key(&art);
        let mut s = Session::open(Store::in_dir(dir.path()));
        let a = s
            .add(NewBookmark::paragraph(&art, key.clone(), 2).unwrap())
            .unwrap();
        let b = s
            .add(NewBookmark::paragraph(&art, key.clone(), 3).unwrap())
            .unwrap();
        assert_eq!(s.of_article(&art).len(), 2);
        assert_eq!(s.searched(), 2);
        // Deleting one and asking again searches nothing new.
        s.remove(a.id).unwrap();
        assert_eq!(s.marked_paragraphs(&art), BTreeSet::from([3]));
        assert_eq!(s.searched(), 2);
        // The article changes: the one left is searched for again, and found moved.
        std::fs::write(&file, "عنوان\nجديد\nفقرة أولى هنا\nفقرة ثانية هناك\n").unwrap();
        let changed = load();
        let found = s.of_article(&changed);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.id, b.id);
        assert_eq!(found[0].1.status(), "moved");
        assert_eq!(s.searched(), 3);
    }

    #[test]
    fn delete_edit_and_add_undo_in_reverse_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::open(Store::in_dir(dir.path()));
        let art = &corpus::seeds()[1];
        let a = s
            .add(NewBookmark::paragraph(art, art.path.clone(), 5).unwrap())
            .unwrap();
        let b = s
            .add(NewBookmark::paragraph(art, art.path.clone(), 7).unwrap())
            .unwrap();
        s.set_note(a.id, Some("أولى".into())).unwrap();
        s.set_note(a.id, Some("ثانية".into())).unwrap();
        s.remove(a.id).unwrap();
        assert_eq!(s.bookmarks().len(), 1);

        assert!(matches!(s.undo(), Ok(Some(Undo::Removed(_)))));
        assert_eq!(s.get(a.id).and_then(|x| x.note.as_deref()), Some("ثانية"));
        assert!(matches!(s.undo(), Ok(Some(Undo::Note { .. }))));
        assert_eq!(s.get(a.id).and_then(|x| x.note.as_deref()), Some("أولى"));
        s.undo().unwrap();
        assert_eq!(s.get(a.id).and_then(|x| x.note.as_deref()), None);
        s.undo().unwrap(); // the add of b
        assert!(s.get(b.id).is_none());
        s.undo().unwrap();
        assert!(s.bookmarks().is_empty());
        assert!(!s.can_undo());
        assert_eq!(s.undo().unwrap(), None);
        // All of it went through the file.
        assert!(
            Store::in_dir(dir.path())
                .load()
                .unwrap()
                .bookmarks
                .is_empty()
        );
    }

    #[test]
    fn filter_matches_every_word_loosely() {
        let art = &corpus::seeds()[3];
        let mut nb = NewBookmark::paragraph(art, art.path.clone(), 5).unwrap();
        nb.note = Some("Troops مهمّ".into());
        let dir = tempfile::tempdir().unwrap();
        let bm = Store::in_dir(dir.path()).add(nb).unwrap();
        assert!(matches(&bm, "troops"));
        assert!(matches(&bm, "مهم  القوات")); // harakat and spacing ignored
        assert!(matches(&bm, ""));
        assert!(!matches(&bm, "troops بطاطس"));
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
