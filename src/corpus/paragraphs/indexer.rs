//! Finding paragraph spans in a file read buffer by buffer, grouped into chunks.

use super::super::spans::Spans;
use super::super::window::chunk_bytes;

/// Reads of the file go through a buffer this large: small enough to stay in cache.
pub(crate) const READ_BUF: usize = 256 << 10;

/// Finds paragraph spans in bytes fed in order, buffer by buffer, and groups them into
/// chunks of whole paragraphs.
pub(crate) struct Indexer {
    pub(super) spans: Spans,
    /// The first paragraph of each chunk.
    pub(super) firsts: Vec<usize>,
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
