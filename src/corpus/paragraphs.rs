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

/// A file read chunk by chunk on demand.
struct Lazy {
    file: File,
    /// The first paragraph of each chunk, ascending, starting at 0.
    firsts: Vec<usize>,
    /// Each chunk a screen asked for, once read; `None` if it no longer matched the index.
    chunks: Vec<OnceLock<Option<Arc<Chunk>>>>,
    /// Set when a chunk no longer matched the index: the file changed on disk.
    changed: AtomicBool,
}

impl Paragraphs {
    /// No paragraphs, one allocation shared by all: what an article keeps once its
    /// text is dropped (`load_each` on a folder of thousands).
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

impl Lazy {
    /// The number of the chunk holding paragraph `i`.
    fn chunk_of(&self, i: usize) -> Option<usize> {
        self.firsts.partition_point(|&f| f <= i).checked_sub(1)
    }

    /// The chunk holding paragraph `i`, read on first use and kept; `None` if the file
    /// changed.
    fn chunk(&self, i: usize, spans: &Spans) -> Option<&Chunk> {
        let k = self.chunk_of(i)?;
        self.chunks
            .get(k)?
            .get_or_init(|| self.read_chunk(k, spans))
            .as_deref()
    }

    /// Chunk `k` read from the file now; `None` (and the file marked changed) if it no
    /// longer matches the index.
    fn read_chunk(&self, k: usize, spans: &Spans) -> Option<Arc<Chunk>> {
        let first = *self.firsts.get(k)?;
        let end = self.firsts.get(k + 1).map_or(spans.len(), |&f| f);
        let chunk = self.read(spans, first..end);
        if chunk.is_none() {
            self.changed.store(true, Ordering::Relaxed);
        }
        chunk.map(Arc::new)
    }

    /// Reads the bytes of `spans` (consecutive paragraphs) and checks that they are still
    /// what the index saw: valid UTF-8, a line ending after each paragraph but the last.
    fn read(&self, spans: &Spans, paras: std::ops::Range<usize>) -> Option<Chunk> {
        let base = spans.get(paras.start)?.0;
        let end = spans.get(paras.end.checked_sub(1)?)?.1;
        let mut bytes = vec![0; end.checked_sub(base)?];
        self.file.read_exact_at(&mut bytes, base as u64).ok()?;
        let ends_ok = (paras.start..paras.end - 1)
            .filter_map(|i| spans.get(i))
            .all(|(_, e)| matches!(bytes.get(e - base), Some(b'\n' | b'\r')));
        if !ends_ok {
            return None;
        }
        let text = String::from_utf8(bytes).ok()?.into_boxed_str();
        Some(Chunk::new(text, base))
    }
}

/// Reads of the file go through a buffer this large: small enough to stay in cache.
pub(crate) const READ_BUF: usize = 256 << 10;

/// Finds paragraph spans in bytes fed in order, buffer by buffer, and groups them into
/// chunks of whole paragraphs.
pub(crate) struct Indexer {
    spans: Spans,
    firsts: Vec<usize>,
    /// Where the current paragraph starts.
    start: usize,
    /// Where the current chunk starts.
    chunk_start: usize,
    /// A chunk holds whole paragraphs up to about this many bytes.
    chunk_bytes: usize,
}

impl Indexer {
    /// An index of a text of `size` bytes whose first paragraph starts at `start`.
    pub(crate) fn new(start: usize, size: usize) -> Indexer {
        Indexer {
            // Room for lines of 64 bytes on average: news paragraphs are longer, and
            // capacity never used is never touched, so it costs no memory, while growing
            // would copy the spans and fault in fresh pages.
            spans: Spans::with_capacity(size / 64 + 1),
            firsts: vec![0],
            start,
            chunk_start: start,
            chunk_bytes: chunk_bytes(),
        }
    }

    /// Scans `bytes`, found at offset `at`. A `\r` at the end of `bytes` must be the last
    /// byte of all (`eof`): the caller keeps one for the next call, since a `\n` may follow.
    pub(crate) fn scan(&mut self, bytes: &[u8], at: usize, eof: bool) {
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let end = at + i;
            if end < self.start {
                // The `\n` of a `\r\n` already taken.
                continue;
            }
            self.push(end);
            self.start = end
                + if bytes[i..].starts_with(b"\r\n") {
                    2
                } else {
                    1
                };
        }
        if eof {
            let len = at + bytes.len();
            if self.start < len {
                self.push(len);
            }
            if self.spans.is_empty() {
                self.firsts.clear();
            }
        }
    }

    /// Appends `next`, the finished index of the bytes that follow this one's (the other
    /// half of a file indexed on two threads).
    pub(crate) fn append(&mut self, next: Indexer) {
        let base = self.spans.len();
        self.firsts.extend(next.firsts.iter().map(|f| f + base));
        self.spans.extend(&next.spans);
    }

    fn push(&mut self, end: usize) {
        if end - self.chunk_start >= self.chunk_bytes && !self.spans.is_empty() {
            // This paragraph would overfill the chunk: it starts the next one.
            self.firsts.push(self.spans.len());
            self.chunk_start = self.start;
        }
        self.spans.push(self.start, end);
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
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        Paragraphs::new(text.to_owned())
            .iter()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_line_ending_ends_a_paragraph() {
        assert_eq!(split("a\r\nb\rc\n\nd\n"), ["a", "b", "c", "", "d"]);
        assert_eq!(split("\r\r\n\n\r"), ["", "", "", ""]);
        assert_eq!(split("x\r"), ["x"]);
        assert!(split("").is_empty());
        assert_eq!(split(" "), [" "]);
    }

    #[test]
    fn a_byte_order_mark_is_no_paragraph() {
        let p = Paragraphs::new("\u{feff}first\r\n\r\nlast".to_owned());
        assert_eq!(p, ["first", "", "last"][..]);
        assert_eq!(Paragraphs::new("\u{feff}".to_owned()).len(), 0);
    }

    #[test]
    fn access_by_index_get_last_and_both_ends() {
        let p = Paragraphs::new("دور روسيا\nب\n\nج".to_owned());
        assert_eq!(&p[0], "دور روسيا");
        assert_eq!(p.get(3), Some("ج"));
        assert_eq!(p.get(4), None);
        assert_eq!(p.last(), Some("ج"));
        assert_eq!(p.iter().next_back(), Some("ج"));
        assert_eq!(p.iter().len(), 4);
        assert_eq!(p.lens().collect::<Vec<_>>(), [17, 2, 0, 2]);
        assert_eq!(Paragraphs::default().last(), None);
    }

    #[test]
    fn built_from_lines_equals_split_from_text() {
        let lines = vec!["a".to_owned(), String::new(), "ب ت".to_owned()];
        let built = Paragraphs::from(lines.clone());
        assert_eq!(built, Paragraphs::new("a\r\n\r\nب ت".to_owned()));
        assert_eq!(built, lines[..]);
    }

    #[test]
    fn indexing_buffer_by_buffer_finds_the_same_spans() {
        let text = "أ\r\nب\rج\n\nد\r\r\nهـ".repeat(50);
        let whole = Paragraphs::new(text.clone());
        for size in [1, 2, 3, 7, 64] {
            let mut ix = Indexer::new(0, text.len());
            let bytes = text.as_bytes();
            let mut at = 0;
            while at < bytes.len() {
                let mut end = (at + size).min(bytes.len());
                // The caller's rule: never end a buffer on a `\r` before the last byte.
                while end < bytes.len() && bytes[end - 1] == b'\r' {
                    end += 1;
                }
                ix.scan(&bytes[at..end], at, end == bytes.len());
                at = end;
            }
            assert_eq!(ix.spans, whole.inner.spans, "buffers of {size}");
        }
    }

    #[test]
    fn chunks_hold_whole_paragraphs_of_about_a_megabyte() {
        let line = "ك".repeat(100_000); // 200 kB
        let text = format!("{line}\n").repeat(12);
        let mut ix = Indexer::new(0, text.len());
        ix.scan(text.as_bytes(), 0, true);
        assert_eq!(ix.spans.len(), 12);
        // 200 kB paragraphs: five fit under 1 MiB, the sixth starts a chunk.
        assert_eq!(ix.firsts, [0, 5, 10]);
    }
}
