//! The bookmarks file read one bookmark at a time, for `bookmarks list`: each pass over
//! it holds one bookmark, not the file parsed (~1.8 kB a bookmark: docs/safety.md, "A
//! folder: where the memory goes").

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
    /// it meanwhile (a save renames a new file over it).
    File(File),
    /// Loaded whole: no file, or one the stream could not read (loading it whole then
    /// said why, or read it).
    Loaded(Vec<Bookmark>),
}

impl Source {
    /// The bookmarks of `store`. The file is read as a stream once first, to check it
    /// as [`Store::load`] does (a `version` qarin reads, every bookmark well-formed), so
    /// that a pass writing output never meets a bad bookmark half way.
    pub fn open(store: &Store) -> anyhow::Result<Source> {
        if let Ok(file) = open_regular(store.path()) {
            let mut version = None;
            let mut ok = |_: Bookmark| Ok(());
            if read(&file, &mut ok, Some(&mut version)).is_ok()
                && version.is_some_and(|v: serde_json::Value| {
                    v.as_u64()
                        .is_some_and(|n| (1..=u64::from(VERSION)).contains(&n))
                })
            {
                return Ok(Source::File(file));
            }
        }
        Ok(Source::Loaded(store.load()?.bookmarks))
    }

    /// Calls `each` on every bookmark, in the file's order; stops at its first error.
    pub fn each(&self, each: &mut dyn FnMut(Bookmark) -> anyhow::Result<()>) -> anyhow::Result<()> {
        match self {
            Source::File(file) => read(file, each, None),
            Source::Loaded(all) => all.iter().try_for_each(|b| each(b.clone())),
        }
    }
}

/// One pass over `file` from its start, `each` called on every bookmark; the value of
/// `version` put in `version` when asked for, `next_id` checked as `Store::load` does.
fn read(
    mut file: &File,
    each: &mut dyn FnMut(Bookmark) -> anyhow::Result<()>,
    version: Option<&mut Option<serde_json::Value>>,
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
    version: Option<&'a mut Option<serde_json::Value>>,
}

impl<'de> de::Visitor<'de> for FileVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a bookmarks file")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
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
                "version" => match self.version.as_deref_mut() {
                    Some(v) => *v = Some(map.next_value()?),
                    None => drop(map.next_value::<IgnoredAny>()?),
                },
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
