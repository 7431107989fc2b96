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

    /// For each article key, the paragraph that article was left at: one read for many.
    /// `hash(i)` gives the hash of article `i`, asked for only when the article is not
    /// found by its key and some position is stored: hashing a large article is the
    /// slowest part of opening it. `hash(i)` may answer `None` (not computed yet): the
    /// article is then [`Found::Unknown`], to be asked again once the hash is known.
    pub fn positions<'h>(
        &self,
        keys: &[&str],
        hash: impl Fn(usize) -> Option<&'h str>,
    ) -> Result<Vec<Found>, StoreError> {
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
        Ok(lookup(&self.file.load()?, key, || Some(hash)).at())
    }
}

/// Where an article was left, as far as the state file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// At this (1-based) paragraph.
    At(usize),
    /// Nowhere: read from the top.
    Nowhere,
    /// Not stored by its path, and its hash is not known yet.
    Unknown,
}

impl Found {
    pub fn at(self) -> Option<usize> {
        match self {
            Found::At(p) => Some(p),
            _ => None,
        }
    }
}

fn lookup<'h>(f: &StateFile, key: &str, hash: impl FnOnce() -> Option<&'h str>) -> Found {
    if let Some(p) = f.positions.get(key) {
        return Found::At(p.paragraph);
    }
    if f.positions.is_empty() {
        // Nothing to match: no reason to hash.
        return Found::Nowhere;
    }
    match hash() {
        None => Found::Unknown,
        Some(hash) => f
            .positions
            .values()
            .find(|p| p.hash == hash)
            .map_or(Found::Nowhere, |p| Found::At(p.paragraph)),
    }
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
                .positions(&["/a.txt", "/c.txt"], |i| Some(["h1", "h3"][i]))
                .unwrap(),
            [Found::At(9), Found::Nowhere]
        );
        // Moved, hash not known yet: asked again later; known: found by it.
        assert_eq!(
            again.positions(&["/moved.txt"], |_| None).unwrap(),
            [Found::Unknown]
        );
        assert_eq!(
            again.positions(&["/moved.txt"], |_| Some("h2")).unwrap(),
            [Found::At(3)]
        );
        assert!(!dir.path().join("bookmarks.json").exists());
    }

    #[test]
    fn no_article_is_hashed_when_no_position_is_stored() {
        let dir = tempfile::tempdir().unwrap();
        let s = ReadingState::in_dir(dir.path());
        let found = s
            .positions(&["/big.txt"], |_| -> Option<&str> {
                panic!("hashed for nothing")
            })
            .unwrap();
        assert_eq!(found, [Found::Nowhere]);
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
