//! Where `qarin claims` keeps the claims it found until it prints them.
//!
//! Grouping needs a few facts of every claim (its group key, its interval when it is a
//! headline: [`claims::Runs`]), not the claim. So each claim is written out as soon as
//! its paragraph is analysed, as one line of JSON, and read back one at a time when the
//! output is written; memory holds the group keys, not the claims. The runs go to the
//! store too (with the article's terms for the clustering when there are stories), and
//! so do what is kept of an article ([`Kept`]) and its record, found again through
//! `cli::claim_articles` (docs/safety.md). Each article buffers its own lines
//! ([`Writer`], read on its own thread) and adds them to the shared store in segments
//! of [`SEGMENT`] bytes. The store is a byte buffer until it passes [`IN_MEMORY`], then
//! an unlinked temporary file (if none can be made, or the disk fills, later segments
//! stay in memory).

use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::FileExt;
use std::sync::Mutex;

use crate::claims::{self, Claim, Facts, GroupKey, Lexicon, Runs};
pub use crate::cli::claim_kept::Kept;
use crate::cli::claim_kept::Parts;

/// Bytes held in memory before the store becomes a file; the hidden
/// `QARIN_SENTENCES_IN_MEMORY` (bytes, or with K, M, G) lowers it for tests.
fn in_memory() -> usize {
    static LIMIT: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
        std::env::var("QARIN_SENTENCES_IN_MEMORY")
            .ok()
            .and_then(|v| crate::corpus::stream::parse_size(&v))
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(IN_MEMORY)
    });
    *LIMIT
}

/// Small: it is part of the fixed memory of `qarin claims` on a folder (docs/safety.md).
const IN_MEMORY: usize = 1 << 20;

/// An article's claims are added to the store this many bytes at a time.
const SEGMENT: usize = 64 << 10;

/// Where a run of an article's claim lines went: 16 bytes, kept for every article
/// (docs/safety.md, a folder), so whether it is in the file is the top bit of `at`.
#[derive(Debug, Clone, Copy)]
pub struct Segment {
    at: u64,
    len: u64,
}

/// The bit of [`Segment::at`] that says the bytes are in the file.
const IN_FILE: u64 = 1 << 63;

impl Segment {
    fn new(in_file: bool, at: u64, len: usize) -> Segment {
        let flag = if in_file { IN_FILE } else { 0 };
        Segment {
            at: at | flag,
            len: len as u64,
        }
    }

    fn in_file(self) -> bool {
        self.at & IN_FILE != 0
    }

    fn at(self) -> u64 {
        self.at & !IN_FILE
    }

    fn len(self) -> usize {
        usize::try_from(self.len).unwrap_or(usize::MAX)
    }

    /// Its two words, for `cli::claim_kept` to pack.
    pub(crate) fn raw(self) -> (u64, u64) {
        (self.at, self.len)
    }

    pub(crate) fn from_raw(at: u64, len: u64) -> Segment {
        Segment { at, len }
    }
}

#[derive(Default)]
struct Spill {
    mem: Vec<u8>,
    file: Option<File>,
    /// Bytes in the file.
    file_len: u64,
    /// Writing to the file failed: later segments stay in memory.
    broken: bool,
}

impl Spill {
    fn put(&mut self, bytes: &[u8]) -> Segment {
        if self.file.is_none() && !self.broken && self.mem.len() + bytes.len() > in_memory() {
            match spill_file() {
                Some(f) => self.file = Some(f),
                None => self.broken = true,
            }
        }
        if let (Some(f), false) = (&mut self.file, self.broken) {
            if f.write_all(bytes).is_ok() {
                let at = self.file_len;
                self.file_len += bytes.len() as u64;
                return Segment::new(true, at, bytes.len());
            }
            // A full disk: what is in the file stays readable; the rest goes to memory.
            self.broken = true;
        }
        let at = self.mem.len() as u64;
        // Grown by doubling, but never past the limit: a buffer of 1.5 times the limit
        // was a fixed cost of every folder (docs/safety.md, a folder).
        let need = self.mem.len() + bytes.len();
        if need > self.mem.capacity() {
            let to = (self.mem.capacity() * 2).clamp(need, in_memory().max(need));
            self.mem.reserve_exact(to - self.mem.len());
        }
        self.mem.extend_from_slice(bytes);
        Segment::new(false, at, bytes.len())
    }

    fn get(&self, s: Segment, into: &mut Vec<u8>) -> io::Result<()> {
        into.clear();
        into.resize(s.len(), 0);
        if s.in_file() {
            let f = self.file.as_ref().ok_or_else(|| lost("its file"))?;
            return f.read_exact_at(into, s.at());
        }
        let at = usize::try_from(s.at()).map_err(|_| lost("memory"))?;
        let end = at.checked_add(s.len()).ok_or_else(|| lost("memory"))?;
        let bytes = self.mem.get(at..end).ok_or_else(|| lost("memory"))?;
        into.copy_from_slice(bytes);
        Ok(())
    }
}

fn lost(place: &str) -> io::Error {
    io::Error::other(format!("a stored claim is missing from {place}"))
}

/// A new temporary file, already unlinked; `None` if none can be made. (`tempfile`, as
/// `corpus::spill` uses: unlinked on creation, in the temporary directory.)
pub(crate) fn spill_file() -> Option<File> {
    tempfile::tempfile().ok()
}

/// The claims of every article, as lines of JSON (shared by the threads that read).
#[derive(Default)]
pub struct Store {
    spill: Mutex<Spill>,
    keys: Mutex<Keys>,
}

/// The group keys met, numbered in the order met ([`RunsTo::Keyed`]): each held once,
/// as a key of the map (docs/safety.md, a folder).
#[derive(Default)]
struct Keys {
    number: std::collections::HashMap<GroupKey, u32>,
}

/// Where an article's [`Runs`] go when it is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunsTo {
    /// Kept in memory.
    Memory,
    /// To the store, read back whole when the article's story is grouped.
    Store,
    /// To the store a group key at a time ([`Runs::by_key`]), each run read back alone
    /// when its key is grouped: the whole folder compared as one (`--stories off`).
    Keyed,
}

/// Where some bytes went in the store ([`Store::put_bytes`]).
#[derive(Debug, Clone, Copy)]
pub struct Stored(Segment);

impl Stored {
    /// Its two words, for `cli::claim_articles` to keep in its table.
    pub(crate) fn raw(self) -> (u64, u64) {
        self.0.raw()
    }

    pub(crate) fn from_raw(at: u64, len: u64) -> Stored {
        Stored(Segment::from_raw(at, len))
    }
}

/// Writes one article's claims to the store as they are found.
pub struct Writer<'a> {
    store: &'a Store,
    buf: Vec<u8>,
    segments: Vec<Segment>,
    count: usize,
    runs: Runs,
    runs_to: RunsTo,
}

impl Store {
    /// A writer for one article, whose [`Runs`] go where `runs_to` says.
    pub fn writer(&self, runs_to: RunsTo) -> Writer<'_> {
        Writer {
            store: self,
            buf: Vec::new(),
            segments: Vec::new(),
            count: 0,
            runs: Runs::default(),
            runs_to,
        }
    }

    /// The group keys met ([`RunsTo::Keyed`]), by number, taken out of the store: once
    /// every article is in, they are only read.
    pub fn take_keys(&self) -> Vec<GroupKey> {
        let mut keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        let mut by_number: Vec<(u32, GroupKey)> = std::mem::take(&mut keys.number)
            .into_iter()
            .map(|(k, n)| (n, k))
            .collect();
        by_number.sort_unstable_by_key(|&(n, _)| n);
        by_number.into_iter().map(|(_, k)| k).collect()
    }

    /// The number of a group key, given when it is first met.
    fn key_number(&self, key: GroupKey) -> u32 {
        let mut keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        let next = u32::try_from(keys.number.len()).unwrap_or(u32::MAX);
        *keys.number.entry(key).or_insert(next)
    }

    /// Keeps `bytes` (an article's terms: `stories::articles::of_stored_records`) until asked.
    pub fn put_bytes(&self, bytes: &[u8]) -> Stored {
        Stored(self.put(bytes))
    }

    /// The bytes of [`Store::put_bytes`], into `buf`.
    pub fn get_bytes(&self, s: Stored, buf: &mut Vec<u8>) -> io::Result<()> {
        self.get(s.0, buf)
    }

    fn put(&self, bytes: &[u8]) -> Segment {
        let mut spill = self.spill.lock().unwrap_or_else(|e| e.into_inner());
        spill.put(bytes)
    }

    pub(crate) fn get(&self, s: Segment, into: &mut Vec<u8>) -> io::Result<()> {
        let spill = self.spill.lock().unwrap_or_else(|e| e.into_inner());
        spill.get(s, into)
    }
}

impl Writer<'_> {
    /// The next claim of the article (numbered from 0, as `claims::find_streaming` does).
    pub fn push(&mut self, c: &Claim, facts: Facts, lexicon: &Lexicon) {
        self.runs.add(c, facts, lexicon);
        self.count += 1;
        // A `Claim` always serialises (string keys, finite or null numbers).
        if serde_json::to_writer(&mut self.buf, c).is_ok() {
            self.buf.push(b'\n');
        }
        if self.buf.len() >= SEGMENT {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.buf.is_empty() {
            self.segments.push(self.store.put(&self.buf));
            self.buf.clear();
        }
    }

    /// What is kept of the article: its runs go to the store too (docs/safety.md).
    pub fn finish(mut self) -> Kept {
        self.flush();
        // The marks grouping gives the claims within the article (a few a story).
        let (superseded, headlines) = self.runs.marks();
        let mut keyed = Vec::new();
        if self.runs_to == RunsTo::Keyed {
            for (key, run) in self.runs.by_key() {
                // A run with a non-finite number (which JSON cannot hold) stays in memory.
                let stored = run.finite().then(|| serde_json::to_vec(&run).ok());
                let piece = match stored.flatten() {
                    Some(bytes) => Ok(self.store.put(&bytes)),
                    None => Err(run),
                };
                keyed.push((self.store.key_number(key), piece));
            }
        }
        let runs = match self.runs_to {
            RunsTo::Keyed => None,
            RunsTo::Memory => Some(Err(self.runs)),
            RunsTo::Store => {
                let stored = self
                    .runs
                    .finite()
                    .then(|| serde_json::to_vec(&self.runs).ok());
                Some(match stored.flatten() {
                    Some(bytes) => Ok(self.store.put(&bytes)),
                    None => Err(self.runs),
                })
            }
        };
        Kept::pack(Parts {
            count: self.count,
            segments: self.segments,
            runs: runs.map(|r| {
                r.map_err(|mut runs| {
                    runs.shrink_to_fit();
                    runs
                })
            }),
            keyed,
            superseded,
            headlines,
        })
    }
}

/// The claims of one article as [`claims::find_streaming`] finds them, kept in `store`.
/// Its runs go where `runs_to` says.
pub fn keep(
    store: &Store,
    article: &crate::corpus::Article,
    lexicon: &Lexicon,
    all: bool,
    runs_to: RunsTo,
) -> Kept {
    let mut w = store.writer(runs_to);
    claims::find_streaming(article, lexicon, all, |c, facts| w.push(&c, facts, lexicon));
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_kept_in_the_store_come_back_as_they_were() {
        let text = "مقتل 12 شخصا في انفجار\n\nقتل 12 شخصا وأصيب 30 آخرون في انفجار، ثم ارتفع عدد القتلى إلى 15 قتيلا، وخسائر بقيمة 2 مليون دولار.";
        let article = crate::corpus::Article::from_text("t/a.txt", "a.txt", text.into());
        let lexicon = Lexicon::builtin();
        let store = Store::default();
        let held = keep(&store, &article, &lexicon, false, RunsTo::Memory);
        let stored = keep(&store, &article, &lexicon, false, RunsTo::Store);
        assert!(stored.runs_stored() && !held.runs_stored());
        assert!(held.count >= 3, "{held:?}");
        let (a, b) = (held.runs(&store).unwrap(), stored.runs(&store).unwrap());
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert!(!a.marks().1.is_empty());
        assert_eq!(held.marks(), stored.marks());
    }

    #[test]
    fn segments_come_back_from_memory_and_from_the_file() {
        let mut spill = Spill::default();
        let long = "جملة طويلة ".repeat(1000);
        let mut segs = Vec::new();
        let mut want = Vec::new();
        // Past IN_MEMORY: the later ones go to the file.
        for i in 0..(IN_MEMORY / long.len() + 50) {
            let text = format!("{i} {long}");
            segs.push(spill.put(text.as_bytes()));
            want.push(text);
        }
        assert!(spill.file.is_some() && segs.iter().any(|s| s.in_file()));
        assert!(segs.first().is_some_and(|s| !s.in_file()));
        let mut buf = Vec::new();
        for (s, w) in segs.into_iter().zip(want) {
            spill.get(s, &mut buf).unwrap();
            assert_eq!(buf, w.as_bytes());
        }
    }
}
