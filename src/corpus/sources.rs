//! The places one load reads from, in order. A folder's files are kept as the bytes of
//! their paths below the folder, end to end in one buffer, and each made whole again
//! when it is read: some twenty bytes a file rather than a boxed path and its slot
//! (docs/safety.md, a folder).

use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

/// One place articles come from.
#[derive(Clone)]
pub(super) enum Source {
    Stdin,
    Url(String),
    File {
        path: PathBuf,
        /// The folder given it was found under (`load::Root`), by number; none for a
        /// file given itself.
        root: Option<u32>,
    },
}

/// Files found under one folder, one after another in the order of the sources.
struct Walked {
    /// The number of the first of them among the sources.
    first: usize,
    count: usize,
    /// Its first file's number among all files found under folders.
    file0: usize,
    root: u32,
    /// The bytes every one of their paths starts with: the folder as given.
    prefix: Vec<u8>,
}

#[derive(Default)]
pub(super) struct Sources {
    /// Sources given one by one, each with its number.
    single: Vec<(usize, Source)>,
    walked: Vec<Walked>,
    /// The paths of the files found under folders without their folder's prefix.
    bytes: Vec<u8>,
    /// Where each of those paths ends in `bytes`.
    ends: Vec<usize>,
    /// Paths found under a folder that do not start with it (never, as `walk` joins
    /// names to the folder given), kept whole by file number.
    whole: Vec<(usize, PathBuf)>,
    len: usize,
}

impl Sources {
    pub(super) fn len(&self) -> usize {
        self.len
    }

    pub(super) fn push(&mut self, s: Source) {
        self.single.push((self.len, s));
        self.len += 1;
    }

    /// A file found under the folder `root` (numbered `root_number`).
    pub(super) fn push_walked(&mut self, root: &Path, root_number: u32, path: PathBuf) {
        let prefix = root.as_os_str().as_bytes();
        let next = self.len;
        let contiguous = self.walked.last().is_some_and(|w| {
            w.root == root_number && w.first + w.count == next && w.prefix == prefix
        });
        if !contiguous {
            self.walked.push(Walked {
                first: next,
                count: 0,
                file0: self.ends.len(),
                root: root_number,
                prefix: prefix.to_vec(),
            });
        }
        let bytes = path.as_os_str().as_bytes();
        match bytes.strip_prefix(prefix) {
            Some(rest) => self.bytes.extend_from_slice(rest),
            None => self.whole.push((self.ends.len(), path.clone())),
        }
        self.ends.push(self.bytes.len());
        if let Some(w) = self.walked.last_mut() {
            w.count += 1;
        }
        self.len += 1;
    }

    /// The source numbered `i`.
    pub(super) fn get(&self, i: usize) -> Option<Source> {
        if let Ok(at) = self.single.binary_search_by_key(&i, |(n, _)| *n) {
            return self.single.get(at).map(|(_, s)| s.clone());
        }
        let at = self
            .walked
            .partition_point(|w| w.first <= i)
            .checked_sub(1)?;
        let w = self.walked.get(at)?;
        let k = w.file0 + i.checked_sub(w.first).filter(|&k| k < w.count)?;
        if let Ok(at) = self.whole.binary_search_by_key(&k, |(n, _)| *n) {
            let path = self.whole.get(at).map(|(_, p)| p.clone())?;
            return Some(Source::File {
                path,
                root: Some(w.root),
            });
        }
        let start = match k.checked_sub(1) {
            Some(j) => *self.ends.get(j)?,
            None => 0,
        };
        let rest = self.bytes.get(start..*self.ends.get(k)?)?;
        let mut path = Vec::with_capacity(w.prefix.len() + rest.len());
        path.extend_from_slice(&w.prefix);
        path.extend_from_slice(rest);
        Some(Source::File {
            path: PathBuf::from(OsString::from_vec(path)),
            root: Some(w.root),
        })
    }

    /// Every source in order, made one at a time.
    pub(super) fn iter(&self) -> impl Iterator<Item = Source> + '_ {
        (0..self.len).filter_map(|i| self.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of(s: Option<Source>) -> Option<(PathBuf, Option<u32>)> {
        match s? {
            Source::File { path, root } => Some((path, root)),
            _ => None,
        }
    }

    #[test]
    fn sources_come_back_in_order_with_their_paths_byte_for_byte() {
        let mut s = Sources::default();
        s.push(Source::Stdin);
        let (a, b) = (Path::new("dir/"), Path::new("./x//y"));
        s.push_walked(a, 0, PathBuf::from("dir/one.txt"));
        s.push_walked(a, 0, PathBuf::from("dir/sub/two.txt"));
        s.push(Source::File {
            path: PathBuf::from("alone.txt"),
            root: None,
        });
        s.push_walked(b, 1, PathBuf::from("./x//y/three.md"));
        // Not below its folder (walk never gives one): kept whole.
        s.push_walked(b, 1, PathBuf::from("/elsewhere/four.txt"));
        s.push_walked(a, 0, PathBuf::from("dir/five.txt"));
        assert_eq!(s.len(), 7);
        assert!(matches!(s.get(0), Some(Source::Stdin)));
        let want = [
            (1, "dir/one.txt", Some(0)),
            (2, "dir/sub/two.txt", Some(0)),
            (3, "alone.txt", None),
            (4, "./x//y/three.md", Some(1)),
            (5, "/elsewhere/four.txt", Some(1)),
            (6, "dir/five.txt", Some(0)),
        ];
        for (i, path, root) in want {
            assert_eq!(path_of(s.get(i)), Some((PathBuf::from(path), root)), "{i}");
        }
        assert!(s.get(7).is_none());
        assert_eq!(s.iter().count(), 7);
    }
}
