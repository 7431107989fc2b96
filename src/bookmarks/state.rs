//! Where each article was left (`state.json`), written with the same atomic machinery as
//! the bookmarks but apart from them, so frequent position saves never touch bookmarks.

use std::path::Path;

use super::atomic::JsonFile;
use super::error::StoreError;
use super::model::{Position, StateFile};
use super::time::now_rfc3339;

#[derive(Debug, Clone)]
pub struct ReadingState {
    file: JsonFile<StateFile>,
}

/// The file's name in the state directory.
pub const FILE_NAME: &str = "state.json";

impl ReadingState {
    pub fn in_dir(dir: &Path) -> Self {
        ReadingState {
            file: JsonFile::new(dir.join(FILE_NAME)),
        }
    }

    pub fn open_default() -> Result<Self, StoreError> {
        Ok(ReadingState::in_dir(&super::state_dir()?))
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// Records that article `key` (see `article_key`) was left at `paragraph` (1-based).
    pub fn remember_position(
        &self,
        key: &str,
        hash: &str,
        paragraph: usize,
    ) -> Result<(), StoreError> {
        self.remember_positions(&[(key, hash, paragraph)])
    }

    /// Several articles' positions (key, hash, 1-based paragraph) in one write.
    pub fn remember_positions(&self, positions: &[(&str, &str, usize)]) -> Result<(), StoreError> {
        self.file.update(|f| {
            for &(key, hash, paragraph) in positions {
                let same = f
                    .positions
                    .get(key)
                    .is_some_and(|p| p.paragraph == paragraph && p.hash == hash);
                if !same {
                    f.positions.insert(
                        key.to_owned(),
                        Position {
                            paragraph,
                            hash: hash.to_owned(),
                            updated: now_rfc3339(),
                            extra: Default::default(),
                        },
                    );
                }
            }
            Ok(())
        })
    }

    /// Positions of the articles read (`Left`), in one write: each keyed by its path and
    /// stamped with its file's size and modification time, which are checked when the
    /// position is used ([`ReadingState::positions_stamped`]); the hash, when given,
    /// finds the article again after a move.
    pub fn remember_left(&self, left: &[Left]) -> Result<(), StoreError> {
        if left.is_empty() {
            return Ok(());
        }
        self.file.update(|f| {
            for l in left {
                let stamp = l.stamp.map(stamp_extra);
                let same = f.positions.get(&l.key).is_some_and(|p| {
                    p.paragraph == l.paragraph
                        && p.hash == l.hash
                        && stamp.as_ref().is_none_or(|s| p.extra == *s)
                });
                if !same {
                    f.positions.insert(
                        l.key.clone(),
                        Position {
                            paragraph: l.paragraph,
                            hash: l.hash.clone(),
                            updated: now_rfc3339(),
                            extra: stamp.unwrap_or_default(),
                        },
                    );
                }
            }
            Ok(())
        })
    }

    /// For each article (key, and its file's size and mtime when it is a file), where
    /// it was left. Found by key: used when the stamp matches, or when none was stored
    /// (older files); a file changed since still opens near its old place, the stamp
    /// says so (`Found::changed`). Not found by key: only an article of the same size as
    /// a stored one is hashed (`hash(i)`) to recognise it moved: opening thousands of
    /// new files hashes none. `hash(i)` may answer `None` (not computed yet: a large
    /// article is hashed on a worker thread): the article is then `Found::pending`, to
    /// be asked about again once its hash is known.
    pub fn positions_stamped<'h>(
        &self,
        keys: &[&str],
        stamps: &[Option<Stamp>],
        hash: impl Fn(usize) -> Option<&'h str>,
    ) -> Result<Vec<Option<Found>>, StoreError> {
        let f = self.file.load()?;
        let mut by_size: std::collections::HashMap<u64, Vec<&Position>> = Default::default();
        for p in f.positions.values() {
            if let Some((size, _)) = stamp_of(p)
                && !p.hash.is_empty()
            {
                by_size.entry(size).or_default().push(p);
            }
        }
        Ok(keys
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let now = stamps.get(i).copied().flatten();
                if let Some(p) = f.positions.get(*key) {
                    let changed = matches!((stamp_of(p), now), (Some(a), Some(b)) if a != b);
                    return Some(Found {
                        paragraph: p.paragraph,
                        changed,
                        pending: false,
                    });
                }
                let (size, _) = now?;
                let same_size = by_size.get(&size)?;
                let Some(h) = hash(i) else {
                    return Some(Found {
                        paragraph: 0,
                        changed: false,
                        pending: true,
                    });
                };
                same_size.iter().find(|p| p.hash == h).map(|p| Found {
                    paragraph: p.paragraph,
                    changed: false,
                    pending: false,
                })
            })
            .collect())
    }

    /// For each article key, the paragraph that article was left at: one read for many.
    /// `hash(i)` gives the hash of article `i`, asked for only when the article is not
    /// found by its key: hashing a large article is the slowest part of opening it.
    pub fn positions<'h>(
        &self,
        keys: &[&str],
        hash: impl Fn(usize) -> &'h str,
    ) -> Result<Vec<Option<usize>>, StoreError> {
        let f = self.file.load()?;
        Ok(keys
            .iter()
            .enumerate()
            .map(|(i, key)| lookup(&f, key, || hash(i)))
            .collect())
    }

    /// The paragraph article `key` was left at, if any; an article moved or copied
    /// elsewhere is recognised by its `hash`. An unreadable state file is no reason to
    /// refuse to open an article: callers start at the top on `Err`.
    pub fn position(&self, key: &str, hash: &str) -> Result<Option<usize>, StoreError> {
        Ok(lookup(&self.file.load()?, key, || hash))
    }
}

/// A file's size in bytes and modification time in nanoseconds since 1970.
pub type Stamp = (u64, i64);

/// Where an article was left, to remember.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    pub key: String,
    /// 1-based paragraph.
    pub paragraph: usize,
    /// The article's hash when known (may be empty: large articles are not hashed to
    /// save a position).
    pub hash: String,
    pub stamp: Option<Stamp>,
}

/// A position found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub paragraph: usize,
    /// The file's size or mtime differ from when the position was saved.
    pub changed: bool,
    /// Not known yet: the article's hash is needed, and was not given.
    pub pending: bool,
}

/// The stamp of a file, `None` for what is no file (seeds, standard input, pages).
pub fn stamp_of_file(path: &Path) -> Option<Stamp> {
    let md = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    let mtime = md
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some((
        md.len(),
        i64::try_from(mtime.as_nanos()).unwrap_or(i64::MAX),
    ))
}

/// Stamps live in fields a reader of the older format ignores (and keeps).
fn stamp_extra((size, mtime): Stamp) -> std::collections::BTreeMap<String, serde_json::Value> {
    [
        ("size".to_owned(), serde_json::Value::from(size)),
        ("mtime_ns".to_owned(), serde_json::Value::from(mtime)),
    ]
    .into_iter()
    .collect()
}

fn stamp_of(p: &Position) -> Option<Stamp> {
    Some((
        p.extra.get("size")?.as_u64()?,
        p.extra.get("mtime_ns")?.as_i64()?,
    ))
}

fn lookup<'h>(f: &StateFile, key: &str, hash: impl FnOnce() -> &'h str) -> Option<usize> {
    f.positions
        .get(key)
        .or_else(|| {
            let hash = hash();
            f.positions.values().find(|p| p.hash == hash)
        })
        .map(|p| p.paragraph)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_per_article() {
        let dir = tempfile::tempdir().unwrap();
        let s = ReadingState::in_dir(dir.path());
        assert_eq!(s.position("/a.txt", "h1").unwrap(), None);
        s.remember_position("/a.txt", "h1", 7).unwrap();
        s.remember_position("/b.txt", "h2", 3).unwrap();
        s.remember_position("/a.txt", "h1", 9).unwrap();
        let again = ReadingState::in_dir(dir.path());
        let written = std::fs::read(again.path()).unwrap();
        s.remember_positions(&[("/a.txt", "h1", 9), ("/b.txt", "h2", 3)])
            .unwrap();
        assert_eq!(
            std::fs::read(again.path()).unwrap(),
            written,
            "no change, no write"
        );
        assert_eq!(again.position("/a.txt", "h1").unwrap(), Some(9));
        assert_eq!(again.position("/b.txt", "changed").unwrap(), Some(3));
        // Same bytes under another path: the same article.
        assert_eq!(again.position("/copy/b.txt", "h2").unwrap(), Some(3));
        assert_eq!(again.position("/c.txt", "h3").unwrap(), None);
        assert_eq!(
            again
                .positions(&["/a.txt", "/c.txt"], |i| ["h1", "h3"][i])
                .unwrap(),
            [Some(9), None]
        );
        assert!(!dir.path().join("bookmarks.json").exists());
    }

    #[test]
    fn stamped_positions_hash_only_same_sized_newcomers() {
        let dir = tempfile::tempdir().unwrap();
        let s = ReadingState::in_dir(dir.path());
        let left = |key: &str, paragraph, hash: &str, stamp| Left {
            key: key.into(),
            paragraph,
            hash: hash.into(),
            stamp: Some(stamp),
        };
        s.remember_left(&[left("/a", 4, "ha", (10, 1)), left("/big", 9, "", (99, 1))])
            .unwrap();
        let asked = std::cell::RefCell::new(Vec::new());
        let hashes = ["ha", "hx", "hy", "hz"];
        let found = s
            .positions_stamped(
                &["/a", "/moved-a", "/other", "/a2"],
                &[Some((10, 1)), Some((10, 5)), Some((7, 1)), Some((99, 1))],
                |i| {
                    asked.borrow_mut().push(i);
                    Some(hashes[i])
                },
            )
            .unwrap();
        assert_eq!(
            found[0],
            Some(Found {
                paragraph: 4,
                changed: false,
                pending: false,
            })
        );
        // Same size as /a: hashed, and a different hash is another article.
        assert_eq!(found[1], None);
        // No stored article of its size: never hashed. Nor one whose hash was not kept.
        assert_eq!(found[2], None);
        assert_eq!(found[3], None);
        assert_eq!(*asked.borrow(), [1]);
        // The file under the key changed: still found, and said so.
        let changed = s
            .positions_stamped(&["/a"], &[Some((11, 2))], |_| unreachable!())
            .unwrap();
        assert_eq!(
            changed[0].map(|f| (f.paragraph, f.changed)),
            Some((4, true))
        );
        // Moved: found by its hash among those of its size.
        let moved = s
            .positions_stamped(&["/b"], &[Some((10, 3))], |_| Some("ha"))
            .unwrap();
        assert_eq!(moved[0].map(|f| f.paragraph), Some(4));
        // Its hash not known yet: pending, to be asked again.
        let later = s
            .positions_stamped(&["/b"], &[Some((10, 3))], |_| None)
            .unwrap();
        assert_eq!(later[0].map(|f| f.pending), Some(true));
        // Nothing read, nothing written.
        let before = std::fs::read(s.path()).unwrap();
        s.remember_left(&[]).unwrap();
        s.remember_left(&[left("/a", 4, "ha", (10, 1))]).unwrap();
        assert_eq!(std::fs::read(s.path()).unwrap(), before);
    }

    #[test]
    fn a_corrupt_state_file_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let s = ReadingState::in_dir(dir.path());
        std::fs::write(s.path(), "{oops").unwrap();
        assert!(s.remember_position("/a", "h", 1).is_err());
        assert!(s.position("/a", "h").is_err());
        assert_eq!(std::fs::read_to_string(s.path()).unwrap(), "{oops");
    }
}
