//! Byte records sorted in bounded memory: runs of at most [`RUN`] bytes are sorted in
//! memory and spilled to a [`Log`] (a temporary file), then merged, a record of each
//! run at a time. A folder's walk sorts its files' paths with it, and the loader the
//! (device, inode) of its files, so neither list is held whole (docs/safety.md, "A
//! folder"). No crate for it: the merge is a few lines over a heap, and the records
//! are plain bytes, which `extsort`'s serde records would only wrap.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io;

use super::spill::{Block, Log};

/// The bytes of records sorted in memory before they are spilled as a run.
const RUN: usize = 64 * 1024;
/// The block each run is read through while merging.
const MERGE_BLOCK: usize = 4 * 1024;
/// What a record costs in the batch beyond its bytes: its box and the allocator's
/// rounding.
const OVERHEAD: usize = 32;

#[derive(Default)]
pub(crate) struct Sorter {
    batch: Vec<Box<[u8]>>,
    bytes: usize,
    log: Log,
    /// Where each spilled run starts and ends in `log`.
    runs: Vec<(u64, u64)>,
}

impl Sorter {
    pub(crate) fn push(&mut self, record: &[u8]) -> io::Result<()> {
        self.bytes += record.len() + OVERHEAD;
        self.batch.push(record.into());
        if self.bytes >= RUN {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        self.batch.sort_unstable();
        let start = self.log.len();
        for r in self.batch.drain(..) {
            self.log.append(&r)?;
        }
        self.runs.push((start, self.log.len()));
        self.bytes = 0;
        Ok(())
    }

    /// Every record pushed, in byte order (equal records in no given order), each
    /// handed to `each`.
    pub(crate) fn finish(mut self, each: &mut dyn FnMut(&[u8])) -> io::Result<()> {
        if self.runs.is_empty() {
            self.batch.sort_unstable();
            self.batch.iter().for_each(|r| each(r));
            return Ok(());
        }
        if !self.batch.is_empty() {
            self.spill()?;
        }
        self.batch = Vec::new();
        // Each run's next record on a heap, smallest first; a run's reader: its block,
        // where its next record is and where it ends.
        let mut readers: Vec<(Block, u64, u64)> = Vec::with_capacity(self.runs.len());
        let mut heap = BinaryHeap::with_capacity(self.runs.len());
        for (r, &(start, end)) in self.runs.iter().enumerate() {
            let mut block = Block::default();
            let mut rec = Vec::new();
            let next = self.log.read_in(&mut block, MERGE_BLOCK, start, &mut rec)?;
            readers.push((block, next, end));
            heap.push(Reverse((rec, r)));
        }
        while let Some(Reverse((rec, r))) = heap.pop() {
            each(&rec);
            let Some((block, next, end)) = readers.get_mut(r) else {
                continue;
            };
            if *next < *end {
                let mut rec = rec;
                *next = self.log.read_in(block, MERGE_BLOCK, *next, &mut rec)?;
                heap.push(Reverse((rec, r)));
            }
        }
        Ok(())
    }
}

// Strings as sort keys: records that start with one (or several, `common_keys`) sort as
// the strings do (`corpus::ids`).

/// Appends `bytes` so that keys sort as the strings do and none is the start of
/// another: a zero byte is written as 0 0xFF, and the key ends with 0 0.
pub(super) fn push_key(out: &mut Vec<u8>, bytes: &[u8]) {
    for &b in bytes {
        out.push(b);
        if b == 0 {
            out.push(0xFF);
        }
    }
    out.extend_from_slice(&[0, 0]);
}

/// Where the key at the start of `rec` ends (past its 0 0).
pub(super) fn key_end(rec: &[u8]) -> Option<usize> {
    let mut at = 0;
    while at + 1 < rec.len() {
        if rec[at] == 0 {
            if rec[at + 1] == 0 {
                return Some(at + 2);
            }
            at += 2;
        } else {
            at += 1;
        }
    }
    None
}

/// The bytes a key was made of.
pub(super) fn unkey(key: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(key.len());
    let mut at = 0;
    while let Some(&b) = key.get(at) {
        if b == 0 && key.get(at + 1) == Some(&0) {
            break;
        }
        out.push(b);
        at += if b == 0 { 2 } else { 1 };
    }
    out
}

/// How many keys two records of keys start with in common, and whether they are the same.
pub(super) fn common_keys(a: &[u8], b: &[u8]) -> (usize, bool) {
    let (mut a, mut b, mut n) = (a, b, 0);
    loop {
        match (key_end(a), key_end(b)) {
            (Some(x), Some(y)) if a[..x] == b[..y] => {
                n += 1;
                (a, b) = (&a[x..], &b[y..]);
            }
            _ => return (n, a.is_empty() && b.is_empty()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(records: &[Vec<u8>]) -> Vec<Vec<u8>> {
        let mut s = Sorter::default();
        for r in records {
            s.push(r).unwrap();
        }
        let mut out = Vec::new();
        s.finish(&mut |r| out.push(r.to_vec())).unwrap();
        out
    }

    #[test]
    fn sorts_in_memory_and_through_spilled_runs_alike() {
        for n in [0usize, 1, 100, 30_000] {
            // A scrambled order, some records repeated, some a prefix of others.
            let records: Vec<Vec<u8>> = (0..n)
                .map(|i| format!("{}", (i * 7919) % (n.max(1) * 3 / 4 + 1)).into_bytes())
                .collect();
            let mut want = records.clone();
            want.sort();
            assert_eq!(sorted(&records), want, "{n} records");
        }
    }
}
