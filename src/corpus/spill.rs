//! An append-only log of byte records, in memory up to [`IN_MEMORY`] bytes and then in
//! an unlinked temporary file: what a folder's walk lists grows with its files, so the
//! loader keeps it out of memory (docs/safety.md, "A folder"). Records are read back
//! by their offset through a small block cache; each is its length (`u32`, little
//! endian) and its bytes.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;

/// Bytes kept in memory before the log moves to a file.
const IN_MEMORY: usize = 64 * 1024;
/// Writes and reads of the file go through buffers of this size.
const BLOCK: usize = 8 * 1024;

#[derive(Default)]
pub(super) struct Log {
    /// The records while the log is small (or when no temporary file can be made).
    mem: Vec<u8>,
    file: Option<File>,
    /// Bytes appended to the file, not yet written.
    pending: Vec<u8>,
    /// Bytes written to the file.
    written: u64,
    /// The block [`Log::read`] reads through.
    block: Block,
}

impl Log {
    /// The log's length in bytes: the offset the next record gets.
    pub(super) fn len(&self) -> u64 {
        self.mem.len() as u64 + self.written + self.pending.len() as u64
    }

    /// Appends a record; returns its offset.
    pub(super) fn append(&mut self, bytes: &[u8]) -> io::Result<u64> {
        let at = self.len();
        let len = u32::try_from(bytes.len()).map_err(io::Error::other)?;
        if self.file.is_none() && self.mem.len() + bytes.len() + 4 > IN_MEMORY {
            // Without a temporary file the log stays in memory, as the lists were.
            if let Ok(f) = tempfile::tempfile() {
                f.write_all_at(&self.mem, 0)?;
                self.written = self.mem.len() as u64;
                self.mem = Vec::new();
                self.file = Some(f);
            }
        }
        let out = if self.file.is_some() {
            &mut self.pending
        } else {
            &mut self.mem
        };
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(bytes);
        if self.pending.len() >= BLOCK {
            self.flush()?;
        }
        Ok(at)
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(f) = &self.file
            && !self.pending.is_empty()
        {
            f.write_all_at(&self.pending, self.written)?;
            self.written += self.pending.len() as u64;
            self.pending.clear();
        }
        Ok(())
    }

    /// The record at `at` into `out`; returns the next record's offset.
    pub(super) fn read(&mut self, at: u64, out: &mut Vec<u8>) -> io::Result<u64> {
        let mut block = std::mem::take(&mut self.block);
        let next = self.read_in(&mut block, BLOCK, at, out);
        self.block = block;
        next
    }

    /// [`Log::read`] through `block`, a cache of `size` bytes the caller keeps: readers
    /// of several places at once (a merge of sorted runs) each keep their own.
    pub(super) fn read_in(
        &mut self,
        block: &mut Block,
        size: usize,
        at: u64,
        out: &mut Vec<u8>,
    ) -> io::Result<u64> {
        self.flush()?;
        let mut len = [0u8; 4];
        self.bytes(block, size, at, &mut len)?;
        let n = u32::from_le_bytes(len) as usize;
        out.resize(n, 0);
        self.bytes(block, size, at + 4, out)?;
        Ok(at + 4 + n as u64)
    }

    /// `out.len()` bytes from `at`.
    fn bytes(&self, block: &mut Block, size: usize, at: u64, out: &mut [u8]) -> io::Result<()> {
        let past = || io::Error::other("a record past the end of the list");
        let Some(f) = &self.file else {
            let from = usize::try_from(at).map_err(io::Error::other)?;
            let src = self.mem.get(from..from + out.len()).ok_or_else(past)?;
            out.copy_from_slice(src);
            return Ok(());
        };
        let end = at + out.len() as u64;
        if at < block.at || end > block.at + block.bytes.len() as u64 {
            let want = (end - at)
                .max(size as u64)
                .min(self.written.saturating_sub(at));
            block.bytes.resize(want as usize, 0);
            f.read_exact_at(&mut block.bytes, at)?;
            block.at = at;
        }
        let from = (at - block.at) as usize;
        let src = block.bytes.get(from..from + out.len()).ok_or_else(past)?;
        out.copy_from_slice(src);
        Ok(())
    }
}

/// Bytes of the log's file from `at`, kept to read the records that follow.
#[derive(Default)]
pub(super) struct Block {
    bytes: Vec<u8>,
    at: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_from_memory_and_from_the_file() {
        let mut log = Log::default();
        let mut at = Vec::new();
        for i in 0..20_000u32 {
            let rec = format!("record {i} {}", "x".repeat((i % 50) as usize));
            at.push((log.append(rec.as_bytes()).unwrap(), rec));
        }
        assert!(
            log.file.is_some(),
            "past {IN_MEMORY} bytes the log is a file"
        );
        let mut buf = Vec::new();
        // In order, then out of order.
        let mut next = 0;
        for (a, rec) in &at {
            assert_eq!(next, *a);
            next = log.read(*a, &mut buf).unwrap();
            assert_eq!(buf, rec.as_bytes());
        }
        for (a, rec) in at.iter().rev().step_by(7) {
            log.read(*a, &mut buf).unwrap();
            assert_eq!(buf, rec.as_bytes());
        }
        assert!(log.read(next, &mut buf).is_err());
    }
}
