//! Numbered records of a fixed size, kept in a temporary file past a small buffer and
//! read back by number: what `qarin claims` knows of each article of a folder (and of
//! each claim, for the CSV's group column) without holding it in memory, so a folder's
//! memory does not grow with its number of files (docs/safety.md, "A folder").

use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::FileExt;

/// Bytes of records held before they go to the file.
const BUFFER: usize = 64 << 10;

/// Records of `N` bytes: those before `in_file` in the file, the rest in `mem`. If no
/// file can be made, or writing fails, later records stay in memory (the claim store
/// does the same, `cli::claim_store`).
pub struct Table<const N: usize> {
    file: Option<File>,
    in_file: usize,
    mem: Vec<u8>,
    broken: bool,
}

impl<const N: usize> Default for Table<N> {
    fn default() -> Self {
        Table {
            file: None,
            in_file: 0,
            mem: Vec::new(),
            broken: false,
        }
    }
}

impl<const N: usize> Table<N> {
    pub fn len(&self) -> usize {
        self.in_file + self.mem.len() / N
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, record: [u8; N]) {
        self.mem.extend_from_slice(&record);
        if self.mem.len() >= BUFFER && !self.broken {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.file.is_none() {
            self.file = super::claim_store::spill_file();
        }
        let Some(f) = &mut self.file else {
            self.broken = true;
            return;
        };
        if f.write_all(&self.mem).is_err() {
            // What was written may be partial: the file is given up past `in_file`
            // (positioned writes below never touch it) and the buffer stays.
            self.broken = true;
            return;
        }
        self.in_file += self.mem.len() / N;
        self.mem.clear();
    }

    /// Record `i`.
    pub fn get(&self, i: usize) -> io::Result<[u8; N]> {
        let mut r = [0u8; N];
        if i < self.in_file {
            let f = self.file.as_ref().ok_or_else(missing)?;
            f.read_exact_at(&mut r, (i * N) as u64)?;
            return Ok(r);
        }
        let at = (i - self.in_file) * N;
        let bytes = self.mem.get(at..at + N).ok_or_else(missing)?;
        r.copy_from_slice(bytes);
        Ok(r)
    }

    /// Replaces record `i`.
    pub fn set(&mut self, i: usize, record: [u8; N]) -> io::Result<()> {
        if i < self.in_file {
            let f = self.file.as_ref().ok_or_else(missing)?;
            return f.write_all_at(&record, (i * N) as u64);
        }
        let at = (i - self.in_file) * N;
        let slot = self.mem.get_mut(at..at + N).ok_or_else(missing)?;
        slot.copy_from_slice(&record);
        Ok(())
    }
}

fn missing() -> io::Error {
    io::Error::other("a record of qarin's temporary table is missing")
}

/// `n` little-endian words as the bytes of a record.
pub fn words<const N: usize>(w: &[u64]) -> [u8; N] {
    let mut r = [0u8; N];
    for (slot, w) in r.chunks_exact_mut(8).zip(w) {
        slot.copy_from_slice(&w.to_le_bytes());
    }
    r
}

/// The little-endian word `k` of a record.
pub fn word<const N: usize>(r: &[u8; N], k: usize) -> u64 {
    let mut w = [0u8; 8];
    if let Some(b) = r.get(k * 8..k * 8 + 8) {
        w.copy_from_slice(b);
    }
    u64::from_le_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_from_the_buffer_and_the_file_and_can_be_replaced() {
        let mut t: Table<16> = Table::default();
        let n = 3 * BUFFER / 16 + 7;
        for i in 0..n as u64 {
            t.push(words(&[i, i * 3]));
        }
        assert_eq!(t.len(), n);
        assert!(t.file.is_some() && t.in_file > 0 && !t.mem.is_empty());
        for i in [0, 1, t.in_file - 1, t.in_file, n - 1] {
            let r = t.get(i).unwrap();
            assert_eq!((word(&r, 0), word(&r, 1)), (i as u64, 3 * i as u64));
        }
        t.set(5, words(&[50, 51])).unwrap();
        t.set(n - 1, words(&[60, 61])).unwrap();
        assert_eq!(word(&t.get(5).unwrap(), 1), 51);
        assert_eq!(word(&t.get(n - 1).unwrap(), 0), 60);
        assert!(t.get(n).is_err());
    }
}
