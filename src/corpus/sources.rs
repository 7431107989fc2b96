//! The places one load reads from, in order. A folder's files are kept as the bytes of
//! their paths below the folder, one after another in a [`Log`] (a temporary file past
//! 64 kB), and each made whole again when it is read: memory keeps 8 bytes every
//! [`STRIDE`] files, not the list (docs/safety.md, a folder).

use std::cell::RefCell;
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use super::spill::Log;

/// Files between two offsets kept in memory: reading file `k` out of order reads at
/// most this many records.
const STRIDE: usize = 64;

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
    paths: RefCell<Paths>,
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
    pub(super) fn push_walked(
        &mut self,
        root: &Path,
        root_number: u32,
        path: PathBuf,
    ) -> std::io::Result<()> {
        let prefix = root.as_os_str().as_bytes();
        let next = self.len;
        let file = self.paths.get_mut().count;
        let contiguous = self.walked.last().is_some_and(|w| {
            w.root == root_number && w.first + w.count == next && w.prefix == prefix
        });
        if !contiguous {
            self.walked.push(Walked {
                first: next,
                count: 0,
                file0: file,
                root: root_number,
                prefix: prefix.to_vec(),
            });
        }
        let bytes = path.as_os_str().as_bytes();
        let rest = bytes.strip_prefix(prefix).unwrap_or_else(|| {
            self.whole.push((file, path.clone()));
            &[]
        });
        self.paths.get_mut().push(rest)?;
        if let Some(w) = self.walked.last_mut() {
            w.count += 1;
        }
        self.len += 1;
        Ok(())
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
        let mut paths = self.paths.borrow_mut();
        let rest = paths.get(k).ok()?;
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

/// Paths one after another in a [`Log`], read back by number: in order from where the
/// last was read, else from the nearest offset kept.
#[derive(Default)]
struct Paths {
    log: Log,
    count: usize,
    /// The offset of every [`STRIDE`]th path.
    every: Vec<u64>,
    /// The number of the path after the last one read, and its offset.
    next: (usize, u64),
    /// The last path read.
    buf: Vec<u8>,
}

impl Paths {
    fn push(&mut self, path: &[u8]) -> std::io::Result<()> {
        let at = self.log.append(path)?;
        if self.count.is_multiple_of(STRIDE) {
            self.every.push(at);
        }
        self.count += 1;
        Ok(())
    }

    /// The path numbered `k`.
    fn get(&mut self, k: usize) -> std::io::Result<&[u8]> {
        let missing = || std::io::Error::other("a listed file is missing");
        if k >= self.count {
            return Err(missing());
        }
        let (mut n, mut at) = self.next;
        if k < n || k - n >= STRIDE {
            n = k - k % STRIDE;
            at = *self.every.get(k / STRIDE).ok_or_else(missing)?;
        }
        loop {
            at = self.log.read(at, &mut self.buf)?;
            n += 1;
            if n > k {
                break;
            }
        }
        self.next = (n, at);
        Ok(&self.buf)
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
        s.push_walked(a, 0, PathBuf::from("dir/one.txt")).unwrap();
        s.push_walked(a, 0, PathBuf::from("dir/sub/two.txt"))
            .unwrap();
        s.push(Source::File {
            path: PathBuf::from("alone.txt"),
            root: None,
        });
        s.push_walked(b, 1, PathBuf::from("./x//y/three.md"))
            .unwrap();
        // Not below its folder (walk never gives one): kept whole.
        s.push_walked(b, 1, PathBuf::from("/elsewhere/four.txt"))
            .unwrap();
        s.push_walked(a, 0, PathBuf::from("dir/five.txt")).unwrap();
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

    #[test]
    fn many_files_come_back_in_and_out_of_order() {
        let mut s = Sources::default();
        let root = Path::new("/some/folder");
        let name = |i: usize| format!("/some/folder/{i:06}/{}.txt", "n".repeat(i % 40));
        for i in 0..10_000 {
            s.push_walked(root, 0, PathBuf::from(name(i))).unwrap();
        }
        let all: Vec<PathBuf> = s
            .iter()
            .filter_map(|s| path_of(Some(s)))
            .map(|p| p.0)
            .collect();
        assert_eq!(all.len(), 10_000);
        assert!(
            all.iter()
                .enumerate()
                .all(|(i, p)| p.as_os_str() == name(i).as_str())
        );
        for i in [9_999, 0, 5_000, 64, 63, 65, 4_321, 4_320] {
            assert_eq!(path_of(s.get(i)).map(|p| p.0), Some(PathBuf::from(name(i))));
        }
    }
}
