//! A large article's file, read a chunk of whole paragraphs at a time when first asked for.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use super::super::spans::Spans;
use super::super::window::Chunk;

/// A file read chunk by chunk on demand.
pub(super) struct Lazy {
    pub(super) file: File,
    /// The first paragraph of each chunk, ascending, starting at 0.
    pub(super) firsts: Vec<usize>,
    /// Each chunk a screen asked for, once read; `None` if it no longer matched the index.
    pub(super) chunks: Vec<OnceLock<Option<Arc<Chunk>>>>,
    /// Set when a chunk no longer matched the index: the file changed on disk.
    pub(super) changed: AtomicBool,
}

impl Lazy {
    /// The number of the chunk holding paragraph `i`.
    pub(super) fn chunk_of(&self, i: usize) -> Option<usize> {
        self.firsts.partition_point(|&f| f <= i).checked_sub(1)
    }

    /// The chunk holding paragraph `i`, read on first use and kept; `None` if the file
    /// changed.
    pub(super) fn chunk(&self, i: usize, spans: &Spans) -> Option<&Chunk> {
        let k = self.chunk_of(i)?;
        self.chunks
            .get(k)?
            .get_or_init(|| self.read_chunk(k, spans))
            .as_deref()
    }

    /// Chunk `k` read from the file now; `None` (and the file marked changed) if it no
    /// longer matches the index.
    pub(super) fn read_chunk(&self, k: usize, spans: &Spans) -> Option<Arc<Chunk>> {
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
