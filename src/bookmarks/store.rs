//! Bookmark operations on `bookmarks.json`. Each runs against the file as it is on disk
//! under the lock (see `atomic`), so what another qarin wrote meanwhile is kept: two
//! writers' changes merge the way two commits rebase, one applied after the other.

use std::path::{Path, PathBuf};

use super::atomic::JsonFile;
use super::error::StoreError;
use super::model::{Bookmark, BookmarkFile, NewBookmark};
use super::time::now_rfc3339;

/// The bookmarks file of one data directory.
#[derive(Debug, Clone)]
pub struct Store {
    file: JsonFile<BookmarkFile>,
}

impl Store {
    /// `DIR/bookmarks.json`; the directory is created on the first write.
    pub fn in_dir(dir: &Path) -> Self {
        Store {
            file: JsonFile::new(dir.join("bookmarks.json")),
        }
    }

    /// The store in `$QARIN_DATA_DIR`, else the platform data directory.
    pub fn open_default() -> Result<Self, StoreError> {
        Ok(Store::in_dir(&super::data_dir()?))
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    pub fn load(&self) -> Result<BookmarkFile, StoreError> {
        self.file.load()
    }

    /// Saves a new bookmark and returns it with its id and time.
    pub fn add(&self, new: NewBookmark) -> Result<Bookmark, StoreError> {
        let path = self.path().to_path_buf();
        self.file.update(|f| {
            // A hand-edited file may hold ids at or past `next_id`; never hand one out
            // twice, and never wrap round to ids already given (`next_id` must stay
            // representable after this one, so u64::MAX itself is never handed out).
            let top = f.bookmarks.iter().map(|b| b.id).max().unwrap_or(0);
            let exhausted = || StoreError::IdsExhausted { path: path.clone() };
            let id = top.checked_add(1).ok_or_else(exhausted)?.max(f.next_id);
            let next_id = id.checked_add(1).ok_or_else(exhausted)?;
            let bm = Bookmark {
                id,
                article: new.article,
                paragraph: new.paragraph,
                start: new.start,
                end: new.end,
                text: new.text,
                note: new.note,
                created: now_rfc3339(),
                extra: Default::default(),
            };
            f.next_id = next_id;
            f.bookmarks.push(bm.clone());
            Ok(bm)
        })
    }

    /// Removes a bookmark and returns it (to undo with `restore`).
    pub fn remove(&self, id: u64) -> Result<Bookmark, StoreError> {
        let path = self.path().to_path_buf();
        self.file.update(|f| {
            let i = f
                .bookmarks
                .iter()
                .position(|b| b.id == id)
                .ok_or(StoreError::UnknownId { path, id })?;
            Ok(f.bookmarks.remove(i))
        })
    }

    /// Puts a removed bookmark back, with its id, in id order. Already there: nothing to do.
    pub fn restore(&self, bm: Bookmark) -> Result<(), StoreError> {
        self.file.update(|f| {
            if f.get(bm.id).is_none() {
                let i = f.bookmarks.partition_point(|b| b.id < bm.id);
                f.next_id = f.next_id.max(bm.id.saturating_add(1));
                f.bookmarks.insert(i, bm);
            }
            Ok(())
        })
    }

    /// Replaces a bookmark's note (`None` or empty removes it).
    pub fn set_note(&self, id: u64, note: Option<String>) -> Result<Bookmark, StoreError> {
        let path: PathBuf = self.path().to_path_buf();
        self.file.update(|f| {
            let bm = f
                .bookmarks
                .iter_mut()
                .find(|b| b.id == id)
                .ok_or(StoreError::UnknownId { path, id })?;
            bm.note = note.filter(|n| !n.is_empty());
            Ok(bm.clone())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::ArticleRef;
    use super::*;

    fn new(text: &str) -> NewBookmark {
        NewBookmark {
            article: ArticleRef {
                path: "/x/a.txt".into(),
                hash: "0".repeat(64),
                id: "a".into(),
                title: "عنوان".into(),
                outlet: String::new(),
                extra: Default::default(),
            },
            paragraph: 1,
            start: 0,
            end: text.len(),
            text: text.into(),
            note: Some("ملاحظة\u{202E}".into()),
        }
    }

    #[test]
    fn round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::in_dir(dir.path());
        let a = s.add(new("أول")).unwrap();
        let b = s.add(new("ثان")).unwrap();
        assert_eq!((a.id, b.id), (1, 2));
        // A fresh handle reads back exactly what was written.
        let f = Store::in_dir(dir.path()).load().unwrap();
        assert_eq!(f.bookmarks, vec![a.clone(), b.clone()]);
        assert_eq!(f.next_id, 3);
        assert_eq!(f.bookmarks[0].note.as_deref(), Some("ملاحظة\u{202E}"));
        // The file on disk never holds raw bidi controls.
        let raw = std::fs::read_to_string(s.path()).unwrap();
        assert!(
            raw.contains("\\u202e") && !raw.contains('\u{202E}'),
            "{raw}"
        );
    }

    #[test]
    fn two_writers_merge_instead_of_overwriting() {
        let dir = tempfile::tempdir().unwrap();
        let one = Store::in_dir(dir.path());
        let two = Store::in_dir(dir.path());
        let seen_by_two = two.load().unwrap(); // two read before one wrote
        assert!(seen_by_two.bookmarks.is_empty());
        let a = one.add(new("من الأول")).unwrap();
        let b = two.add(new("من الثاني")).unwrap();
        assert_ne!(a.id, b.id);
        one.set_note(b.id, Some("edited by one".into())).unwrap();
        two.remove(a.id).unwrap();
        let f = one.load().unwrap();
        assert_eq!(f.bookmarks.len(), 1);
        assert_eq!(f.bookmarks[0].id, b.id);
        assert_eq!(f.bookmarks[0].note.as_deref(), Some("edited by one"));
    }

    #[test]
    fn ids_are_never_reused_and_restore_undoes_remove() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::in_dir(dir.path());
        let a = s.add(new("a")).unwrap();
        let b = s.add(new("b")).unwrap();
        let gone = s.remove(b.id).unwrap();
        assert_eq!(s.add(new("c")).unwrap().id, 3);
        let gone_a = s.remove(a.id).unwrap();
        s.restore(gone_a.clone()).unwrap();
        s.restore(gone).unwrap();
        s.restore(gone_a).unwrap(); // twice is harmless
        let ids: Vec<u64> = s.load().unwrap().bookmarks.iter().map(|b| b.id).collect();
        assert_eq!(ids, [1, 2, 3]);
    }

    #[test]
    fn a_next_id_at_the_top_of_the_range_is_refused_not_wrapped() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::in_dir(dir.path());
        let scratch = tempfile::tempdir().unwrap();
        let sample = Store::in_dir(scratch.path()).add(new("x")).unwrap();
        for (next_id, held) in [(u64::MAX, None), (5, Some(u64::MAX)), (u64::MAX - 1, None)] {
            let mut f = BookmarkFile {
                next_id,
                ..Default::default()
            };
            if let Some(id) = held {
                let mut bm = sample.clone();
                bm.id = id;
                f.bookmarks.push(bm);
            }
            let json = serde_json::to_string(&f).unwrap();
            std::fs::write(s.path(), &json).unwrap();
            if next_id == u64::MAX - 1 {
                // The last id that leaves `next_id` representable is still handed out.
                assert_eq!(s.add(new("y")).unwrap().id, u64::MAX - 1);
                let err = s.add(new("z")).unwrap_err().to_string();
                assert!(err.contains("no bookmark ids left"), "{err}");
                continue;
            }
            let err = s.add(new("y")).unwrap_err().to_string();
            assert!(
                err.contains("no bookmark ids left") && err.contains("bookmarks.json"),
                "{err}"
            );
            assert_eq!(
                std::fs::read_to_string(s.path()).unwrap(),
                json,
                "untouched"
            );
        }
    }

    #[test]
    fn unknown_ids_are_errors_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::in_dir(dir.path());
        s.add(new("a")).unwrap();
        let before = std::fs::read(s.path()).unwrap();
        let err = s.remove(42).unwrap_err().to_string();
        assert!(err.contains("no bookmark with id 42") && err.contains("bookmarks.json"));
        assert!(s.set_note(42, None).is_err());
        assert_eq!(std::fs::read(s.path()).unwrap(), before);
    }
}
