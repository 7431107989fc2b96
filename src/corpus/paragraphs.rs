//! An article's paragraphs: byte spans into one text, which is either in memory or, for
//! a large file, read from the file a chunk at a time when a paragraph is first asked for.
//!
//! Opening a 100 MB article used to mean a hundred thousand `String`s (an allocation, a
//! copy and page faults each) before the first screen; even one buffer of the whole file
//! costs about seven times what `cat` needs to read it, because the kernel zeroes and
//! maps every fresh page. A large file is instead checked and indexed once through a
//! small reused buffer (`index_file` in `corpus`). The chunks a screen shows are kept
//! ([`Paragraphs::get`]); a pass over the whole article (search, claims, `render`,
//! re-finding bookmarks) goes through [`Paragraphs::stream`], which holds one chunk at a
//! time, so a 1 GB article never sits in memory whole.

use std::fmt;
use std::fs::File;
use std::ops::Index;
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use super::spans::Spans;
use super::window::{Chunk, Para, chunk_bytes};

mod indexer;
mod lazy;
pub(crate) use indexer::{Indexer, READ_BUF};
use lazy::Lazy;

/// Paragraphs in logical order, one per source line (line endings removed).
/// Cloning is cheap: the text is shared.
#[derive(Clone, Default)]
pub struct Paragraphs {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Start and end byte of each paragraph, in the text or the file.
    spans: Spans,
    source: Source,
}

enum Source {
    Memory(String),
    File(Lazy),
}

impl Default for Source {
    fn default() -> Source {
        Source::Memory(String::new())
    }
}

impl Paragraphs {
    /// No paragraphs, one allocation shared by all: what an article keeps once its
    /// text is dropped (`qarin claims` on a folder of thousands).
    pub fn empty() -> Paragraphs {
        static EMPTY: std::sync::LazyLock<Paragraphs> =
            std::sync::LazyLock::new(Paragraphs::default);
        EMPTY.clone()
    }

    /// Splits `text` into paragraphs: `\r\n`, `\n` and a lone `\r` end a line; a final line
    /// ending makes no extra empty paragraph; a UTF-8 byte-order mark at the start belongs
    /// to no paragraph (it stays in the text, which is the file's bytes).
    pub fn new(text: String) -> Paragraphs {
        let from = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut index = Indexer::new(from, text.len());
        index.scan(text.as_bytes(), 0, true);
        Paragraphs {
            inner: Arc::new(Inner {
                spans: index.spans,
                source: Source::Memory(text),
            }),
        }
    }

    /// Paragraphs of `file`, indexed by [`Indexer`] (which checked every byte), read
    /// from the file when asked for.
    pub(crate) fn lazy(file: File, index: Indexer) -> Paragraphs {
        let chunks = index.firsts.iter().map(|_| OnceLock::new()).collect();
        Paragraphs {
            inner: Arc::new(Inner {
                spans: index.spans,
                source: Source::File(Lazy {
                    file,
                    firsts: index.firsts,
                    chunks,
                    changed: AtomicBool::new(false),
                }),
            }),
        }
    }

    pub fn len(&self) -> usize {
        self.inner.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inner.spans.is_empty()
    }

    /// Paragraph `i` (0-based). A paragraph of a file that changed on disk since it was
    /// opened reads as empty (see [`Paragraphs::changed_on_disk`]).
    pub fn get(&self, i: usize) -> Option<&str> {
        let (start, end) = self.inner.spans.get(i)?;
        match &self.inner.source {
            Source::Memory(text) => text.get(start..end),
            Source::File(lazy) => Some(
                lazy.chunk(i, &self.inner.spans)
                    .and_then(|c| c.text.get(start - c.base..end - c.base))
                    .unwrap_or(""),
            ),
        }
    }

    /// The byte length of paragraph `i`, without reading it.
    pub fn len_of(&self, i: usize) -> usize {
        self.inner.spans.get(i).map_or(0, |(s, e)| e - s)
    }

    /// Where paragraph `i` starts, in bytes from the first paragraph's start (line
    /// endings included), without reading it; 0 past the end.
    pub fn offset_of(&self, i: usize) -> usize {
        let first = self.inner.spans.get(0).map_or(0, |s| s.0);
        self.inner.spans.get(i).map_or(0, |s| s.0 - first)
    }

    /// Bytes from the first paragraph's start to the last one's end.
    pub fn text_bytes(&self) -> usize {
        let first = self.inner.spans.get(0).map_or(0, |s| s.0);
        let last = self
            .len()
            .checked_sub(1)
            .and_then(|i| self.inner.spans.get(i));
        last.map_or(0, |s| s.1 - first)
    }

    /// Every paragraph's byte length, in order, without reading any.
    pub fn lens(&self) -> impl DoubleEndedIterator<Item = usize> + ExactSizeIterator + '_ {
        self.inner.spans.lens()
    }

    pub fn last(&self) -> Option<&str> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// The paragraphs, kept in memory once read: for what is shown, or small articles.
    /// A pass over a whole article that may be large uses [`Paragraphs::stream`].
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            paragraphs: self,
            range: 0..self.len(),
        }
    }

    /// The paragraphs for one pass over the whole article, reading a large file a chunk
    /// at a time and keeping none of what it read: memory stays within a chunk (about a
    /// megabyte, or one paragraph if longer) plus the `Para`s the caller holds.
    pub fn stream(&self) -> Stream<'_> {
        self.stream_range(0..self.len())
    }

    /// [`Paragraphs::stream`] over the paragraphs in `range`.
    pub fn stream_range(&self, range: std::ops::Range<usize>) -> Stream<'_> {
        let range = range.start.min(self.len())..range.end.min(self.len());
        Stream {
            paragraphs: self,
            range,
            current: None,
        }
    }

    /// The paragraphs in consecutive ranges of about a chunk's bytes each (a file's own
    /// chunks), for passes that stream several ranges at once on several threads.
    pub fn parts(&self) -> Vec<std::ops::Range<usize>> {
        let n = self.len();
        let firsts: Vec<usize> = match &self.inner.source {
            Source::File(lazy) => lazy.firsts.clone(),
            Source::Memory(_) => {
                let (mut firsts, mut bytes) = (Vec::new(), 0);
                for (i, len) in self.lens().enumerate() {
                    if i == 0 || bytes >= chunk_bytes() {
                        firsts.push(i);
                        bytes = 0;
                    }
                    bytes += len + 1;
                }
                firsts
            }
        };
        let ends = firsts.iter().skip(1).copied().chain([n]);
        firsts.iter().zip(ends).map(|(&a, b)| a..b).collect()
    }

    /// True once a paragraph read from the file did not match what was indexed: the file
    /// was changed on disk while open (its paragraphs from then on may read as empty).
    pub fn changed_on_disk(&self) -> bool {
        match &self.inner.source {
            Source::Memory(_) => false,
            Source::File(lazy) => lazy.changed.load(Ordering::Relaxed),
        }
    }

    /// Feeds the source's bytes, in order, to `f`: the text, or the file as it is now.
    pub(crate) fn source_bytes(&self, mut f: impl FnMut(&[u8])) -> std::io::Result<()> {
        match &self.inner.source {
            Source::Memory(text) => f(text.as_bytes()),
            Source::File(lazy) => {
                let mut buf = vec![0; READ_BUF];
                let mut at = 0u64;
                loop {
                    let n = lazy.file.read_at(&mut buf, at)?;
                    if n == 0 {
                        break;
                    }
                    f(&buf[..n]);
                    at += n as u64;
                }
            }
        }
        Ok(())
    }
}

impl Index<usize> for Paragraphs {
    type Output = str;

    /// Paragraph `i`; panics when out of range, like a slice.
    fn index(&self, i: usize) -> &str {
        match self.get(i) {
            Some(p) => p,
            None => panic!("paragraph {i} out of range ({} paragraphs)", self.len()),
        }
    }
}

/// The paragraphs' text, in order.
#[derive(Clone)]
pub struct Iter<'a> {
    paragraphs: &'a Paragraphs,
    range: std::ops::Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let i = self.range.next()?;
        self.paragraphs.get(i)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let i = self.range.next_back()?;
        self.paragraphs.get(i)
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// One pass over the paragraphs ([`Paragraphs::stream`]).
pub struct Stream<'a> {
    paragraphs: &'a Paragraphs,
    range: std::ops::Range<usize>,
    /// The chunk being read (its number), if not one kept for the screen; `None` inside
    /// when it no longer matched the file.
    current: Option<(usize, Option<Arc<Chunk>>)>,
}

impl<'a> Iterator for Stream<'a> {
    type Item = Para<'a>;

    fn next(&mut self) -> Option<Para<'a>> {
        let i = self.range.next()?;
        let inner: &'a Inner = &self.paragraphs.inner;
        let (start, end) = inner.spans.get(i)?;
        let lazy = match &inner.source {
            Source::Memory(text) => {
                return Some(Para::borrowed(text.get(start..end).unwrap_or("")));
            }
            Source::File(lazy) => lazy,
        };
        let k = lazy.chunk_of(i)?;
        // A chunk kept for the screen is borrowed, not read again.
        if let Some(kept) = lazy.chunks.get(k).and_then(OnceLock::get) {
            let text = kept
                .as_deref()
                .and_then(|c| c.text.get(start - c.base..end - c.base));
            return Some(Para::borrowed(text.unwrap_or("")));
        }
        if self.current.as_ref().is_none_or(|(at, _)| *at != k) {
            // Dropped first: the pass holds one chunk at a time.
            self.current = None;
            self.current = Some((k, lazy.read_chunk(k, &inner.spans)));
        }
        Some(match self.current.as_ref().and_then(|(_, c)| c.clone()) {
            Some(chunk) => {
                let base = chunk.base;
                Para::shared(chunk, start - base..end - base)
            }
            None => Para::borrowed(""),
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl ExactSizeIterator for Stream<'_> {}

impl<'a> IntoIterator for &'a Paragraphs {
    type Item = &'a str;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Paragraphs from lines, joined with `\n` (tests, text made in memory).
impl<S: AsRef<str>> FromIterator<S> for Paragraphs {
    fn from_iter<I: IntoIterator<Item = S>>(lines: I) -> Paragraphs {
        let mut text = String::new();
        let mut spans = Spans::default();
        for line in lines {
            let start = text.len();
            text.push_str(line.as_ref());
            spans.push(start, text.len());
            text.push('\n');
        }
        Paragraphs {
            inner: Arc::new(Inner {
                spans,
                source: Source::Memory(text),
            }),
        }
    }
}

impl From<Vec<String>> for Paragraphs {
    fn from(lines: Vec<String>) -> Paragraphs {
        lines.into_iter().collect()
    }
}

/// Equal when the paragraphs are, whatever the line endings between them.
impl PartialEq for Paragraphs {
    fn eq(&self, other: &Paragraphs) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Paragraphs {}

impl<S: AsRef<str>> PartialEq<[S]> for Paragraphs {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter().map(AsRef::as_ref))
    }
}

impl fmt::Debug for Paragraphs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests;
