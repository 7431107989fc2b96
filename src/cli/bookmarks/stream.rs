//! The bookmarks file read one bookmark at a time, for `bookmarks list`: each pass over
//! it holds one bookmark, not the file parsed (~1.8 kB a bookmark: docs/safety.md, "A
//! folder: where the memory goes").

use std::cell::RefCell;
use std::fmt;
use std::fs::File;
use std::io::{BufReader, Seek, SeekFrom};

use serde::de::{self, DeserializeSeed, Deserializer as _, IgnoredAny, MapAccess, SeqAccess};

use crate::bookmarks::model::VERSION;
use crate::bookmarks::{Bookmark, Store};
use crate::corpus::stream::open_regular;

/// The bookmarks, read again at each pass.
pub(super) enum Source {
    /// The file, open: every pass reads this same file even if another qarin replaces
    /// it meanwhile (a save renames a new file over it); the `version` the last pass
    /// read.
    File(File, RefCell<Option<serde_json::Value>>),
    /// Loaded whole: no file, or one the stream could not read (loading it whole then
    /// said why, or read it).
    Loaded(Vec<Bookmark>),
}

impl Source {
    /// The bookmarks of `store`, and what `first` (the first pass) makes of them. The
    /// file is read as a stream if that pass reads it whole and finds it as
    /// [`Store::load`] would (a `version` qarin reads, every bookmark well-formed), so
    /// that a later pass, writing output, never meets a bad bookmark half way; else it
    /// is loaded whole and `first` made again.
    pub fn open<T>(
        store: &Store,
        mut first: impl FnMut(&Source) -> anyhow::Result<T>,
    ) -> anyhow::Result<(Source, T)> {
        if let Ok(file) = open_regular(store.path()) {
            let src = Source::File(file, RefCell::new(None));
            if let Ok(t) = first(&src)
                && src.version_ok()
            {
                return Ok((src, t));
            }
        }
        let src = Source::Loaded(store.load()?.bookmarks);
        let t = first(&src)?;
        Ok((src, t))
    }

    fn version_ok(&self) -> bool {
        match self {
            Source::File(_, v) => v.borrow().as_ref().is_some_and(|v| {
                v.as_u64()
                    .is_some_and(|n| (1..=u64::from(VERSION)).contains(&n))
            }),
            Source::Loaded(_) => true,
        }
    }

    /// Calls `each` on every bookmark, in the file's order; stops at its first error.
    pub fn each(&self, each: &mut dyn FnMut(Bookmark) -> anyhow::Result<()>) -> anyhow::Result<()> {
        match self {
            Source::File(file, version) => read(file, each, &mut version.borrow_mut()),
            Source::Loaded(all) => all.iter().try_for_each(|b| each(b.clone())),
        }
    }
}

/// One pass over `file` from its start, `each` called on every bookmark; the value of
/// `version` put in `version`, `next_id` checked as `Store::load` does.
fn read(
    mut file: &File,
    each: &mut dyn FnMut(Bookmark) -> anyhow::Result<()>,
    version: &mut Option<serde_json::Value>,
) -> anyhow::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    let mut de = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, file));
    let mut stopped = None;
    let visitor = FileVisitor {
        each,
        stopped: &mut stopped,
        version,
    };
    let parsed = de.deserialize_map(visitor).and_then(|()| de.end());
    // An error of `each` (writing the output) is the one to give, not serde's wrapper.
    if let Some(e) = stopped {
        return Err(e);
    }
    Ok(parsed?)
}

struct FileVisitor<'a> {
    each: &'a mut dyn FnMut(Bookmark) -> anyhow::Result<()>,
    stopped: &'a mut Option<anyhow::Error>,
    version: &'a mut Option<serde_json::Value>,
}

impl<'de> de::Visitor<'de> for FileVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a bookmarks file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "bookmarks" if !seen => {
                    seen = true;
                    map.next_value_seed(Each {
                        each: &mut *self.each,
                        stopped: &mut *self.stopped,
                    })?;
                }
                "bookmarks" => return Err(de::Error::duplicate_field("bookmarks")),
                "version" => *self.version = Some(map.next_value()?),
                "next_id" => drop(map.next_value::<u64>()?),
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        Ok(())
    }
}

/// The `bookmarks` array, each element handed on as it is parsed.
struct Each<'a> {
    each: &'a mut dyn FnMut(Bookmark) -> anyhow::Result<()>,
    stopped: &'a mut Option<anyhow::Error>,
}

impl<'de> DeserializeSeed<'de> for Each<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> de::Visitor<'de> for Each<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of bookmarks")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<(), S::Error> {
        while let Some(b) = seq.next_element::<Bookmark>()? {
            if let Err(e) = (self.each)(b) {
                *self.stopped = Some(e);
                return Err(de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::cli::bookmarks::list::tests::bm;

    fn store(dir: &Path, json: &str) -> Store {
        std::fs::write(dir.join("bookmarks.json"), json).unwrap();
        Store::in_dir(dir)
    }

    /// The source, its first pass counting the bookmarks.
    fn open(s: &Store) -> anyhow::Result<Source> {
        let (src, n) = Source::open(s, |src| {
            let mut n = 0;
            src.each(&mut |_| {
                n += 1;
                Ok(())
            })?;
            Ok(n)
        })?;
        assert_eq!(n, ids(&src).len());
        Ok(src)
    }

    fn ids(src: &Source) -> Vec<u64> {
        let mut v = Vec::new();
        src.each(&mut |b| {
            v.push(b.id);
            Ok(())
        })
        .unwrap();
        v
    }

    #[test]
    fn the_file_is_read_a_bookmark_at_a_time_in_its_order_at_every_pass() {
        let dir = tempfile::tempdir().unwrap();
        let marks: Vec<Bookmark> = [7, 3, 9].map(|id| Bookmark { id, ..bm("n") }).to_vec();
        // Keys in another order than qarin writes them, and one it does not know.
        let json = format!(
            r#"{{"bookmarks": {}, "next_id": 10, "x": [1, {{"y": 2}}], "version": 1}}"#,
            serde_json::to_string(&marks).unwrap()
        );
        let s = store(dir.path(), &json);
        let src = open(&s).unwrap();
        assert!(matches!(src, Source::File(..)));
        assert_eq!(ids(&src), [7, 3, 9]);
        assert_eq!(ids(&src), [7, 3, 9]);
        let mut read = Vec::new();
        src.each(&mut |b| {
            read.push(b);
            Ok(())
        })
        .unwrap();
        assert_eq!(read, s.load().unwrap().bookmarks);
    }

    #[test]
    fn files_the_stream_refuses_give_the_errors_of_load() {
        let dir = tempfile::tempdir().unwrap();
        for json in [
            r#"{"bookmarks": []}"#,
            r#"{"version": 99, "bookmarks": []}"#,
            r#"{"version": 0, "bookmarks": []}"#,
            r#"{"version": 1, "bookmarks": [{"id": 1}]}"#,
            r#"{"version": 1, "next_id": "x"}"#,
            r#"{"version": 1, "bookmarks": []"#,
            r#"{"version": 1} []"#,
        ] {
            let s = store(dir.path(), json);
            let want = s.load().unwrap_err().to_string();
            let got = open(&s).err().map(|e| e.to_string());
            assert_eq!(got.as_deref(), Some(want.as_str()), "{json}");
        }
        // No file: no bookmarks.
        let none = Store::in_dir(&dir.path().join("none"));
        assert_eq!(ids(&open(&none).unwrap()), Vec::<u64>::new());
    }

    #[test]
    fn an_error_of_the_caller_stops_the_pass_and_is_the_error_given() {
        let dir = tempfile::tempdir().unwrap();
        let marks: Vec<Bookmark> = (1..=5).map(|id| Bookmark { id, ..bm("n") }).collect();
        let json = format!(
            r#"{{"version": 1, "bookmarks": {}}}"#,
            serde_json::to_string(&marks).unwrap()
        );
        let src = open(&store(dir.path(), &json)).unwrap();
        let mut seen = 0;
        let e = src
            .each(&mut |_| {
                seen += 1;
                if seen == 2 {
                    anyhow::bail!("disk full");
                }
                Ok(())
            })
            .unwrap_err();
        assert_eq!(e.to_string(), "disk full");
        assert_eq!(seen, 2);
    }
}
