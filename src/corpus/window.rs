//! The window through which a large file's text is seen: its chunk size, the paragraphs
//! a pass over the whole article hands out ([`Para`]), and a count of the chunk bytes in
//! memory, so that a test can check that a 1 GB article is never held whole.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};

/// A chunk of a lazily read file holds whole paragraphs up to about this many bytes,
/// unless `QARIN_WINDOW` (bytes, or with a K, M or G suffix; hidden, for tests and
/// measurements) says otherwise. Files from four chunks on are read lazily.
pub(crate) fn chunk_bytes() -> usize {
    static CHUNK: LazyLock<usize> = LazyLock::new(|| {
        std::env::var("QARIN_WINDOW")
            .ok()
            .and_then(|v| super::stream::parse_size(&v))
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(DEFAULT_CHUNK)
    });
    *CHUNK
}

const DEFAULT_CHUNK: usize = 1 << 20;

/// Files from this size are checked and indexed through a small buffer and read again
/// a chunk at a time when shown, not held in memory whole.
pub(crate) fn lazy_min() -> u64 {
    4 * chunk_bytes() as u64
}

/// A chunk's text, counted while it lives.
pub(crate) struct Chunk {
    /// The chunk's bytes, from the start of its first paragraph to the end of its last.
    pub(crate) text: Box<str>,
    /// File offset of `text[0]`.
    pub(crate) base: usize,
}

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static READS: AtomicUsize = AtomicUsize::new(0);

impl Chunk {
    pub(crate) fn new(text: Box<str>, base: usize) -> Chunk {
        let live = LIVE.fetch_add(text.len(), Ordering::Relaxed) + text.len();
        PEAK.fetch_max(live, Ordering::Relaxed);
        READS.fetch_add(1, Ordering::Relaxed);
        Chunk { text, base }
    }
}

impl Drop for Chunk {
    fn drop(&mut self) {
        LIVE.fetch_sub(self.text.len(), Ordering::Relaxed);
    }
}

/// What this process has read of lazily loaded files: chunks read, and the most chunk
/// bytes held at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowStats {
    pub chunks_read: usize,
    pub peak_bytes: usize,
}

pub fn window_stats() -> WindowStats {
    WindowStats {
        chunks_read: READS.load(Ordering::Relaxed),
        peak_bytes: PEAK.load(Ordering::Relaxed),
    }
}

/// One paragraph handed out by a pass over an article ([`super::Paragraphs::stream`]):
/// borrowed from the text in memory, or sharing the chunk the pass read, which is freed
/// once the pass and every `Para` of it have moved on.
#[derive(Clone)]
pub struct Para<'a>(Repr<'a>);

#[derive(Clone)]
enum Repr<'a> {
    Borrowed(&'a str),
    Shared(Arc<Chunk>, Range<usize>),
}

impl<'a> Para<'a> {
    pub(crate) fn borrowed(text: &'a str) -> Para<'a> {
        Para(Repr::Borrowed(text))
    }

    /// Bytes `range` of `chunk`'s text (on char boundaries, else empty).
    pub(crate) fn shared(chunk: Arc<Chunk>, range: Range<usize>) -> Para<'a> {
        if chunk.text.get(range.clone()).is_none() {
            return Para::borrowed("");
        }
        Para(Repr::Shared(chunk, range))
    }
}

impl Deref for Para<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Borrowed(s) => s,
            Repr::Shared(chunk, range) => chunk.text.get(range.clone()).unwrap_or(""),
        }
    }
}

impl AsRef<str> for Para<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl fmt::Debug for Para<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for Para<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl PartialEq<str> for Para<'_> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Para<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}
