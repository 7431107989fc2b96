//! Every article `qarin claims` read, numbered in input order: what is kept of its
//! claims ([`Kept`]) and its record ([`Record`]) go to the claim store, and where they
//! went, its claim count, the id of its first claim and its time go to a table of
//! fixed-size records in a temporary file (`cli::claim_table`). Nothing of an article
//! stays in memory, so a folder's memory does not grow with its number of files
//! (docs/safety.md, "A folder"); each is read back by number when grouped or written.

use std::collections::HashMap;
use std::io;

use crate::cli::claim_records::Record;
use crate::cli::claim_store::{Kept, Store, Stored};
use crate::cli::claim_table::{Table, word, words};

/// Words of a table record: claim count, first claim id, the kept words' place (2), the
/// record's place (2), the id's place (2), the time, flags.
const WORDS: usize = 10;
const SIZE: usize = WORDS * 8;
/// Flags: a time is known; the article is left out of the numbering (in no story);
/// its [`Kept`] is held in memory.
const TIMED: u64 = 1;
const LEFT_OUT: u64 = 2;
const HELD: u64 = 4;

/// One article read back.
pub struct Entry {
    pub kept: Kept,
    pub record: Record,
    /// The id of its first claim; `None` when left out of the numbering.
    pub first: Option<usize>,
}

/// The articles of one run of `qarin claims`.
#[derive(Default)]
pub struct Articles {
    table: Table<SIZE>,
    /// A [`Kept`] holding runs in memory (non-finite numbers, which JSON cannot hold:
    /// rare), by article.
    held: HashMap<usize, Kept>,
    /// Claims numbered.
    claims: usize,
}

impl Articles {
    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Claims numbered in all.
    pub fn claims(&self) -> usize {
        self.claims
    }

    /// The next article; its claims are numbered after those before it.
    pub fn push(&mut self, store: &Store, kept: Kept, record: Record) {
        let i = self.len();
        let (kept_at, kept_len, flags) = match kept.to_bytes() {
            Some(bytes) => {
                let (at, len) = store.put_bytes(&bytes).raw();
                (at, len, 0)
            }
            None => (0, 0, HELD),
        };
        let (rec_at, rec_len) = record.stored().raw();
        let (id_at, id_len) = store.put_bytes(record.id.as_bytes()).raw();
        let timed = if record.time.is_some() { TIMED } else { 0 };
        self.table.push(words(&[
            kept.count as u64,
            self.claims as u64,
            kept_at,
            kept_len,
            rec_at,
            rec_len,
            id_at,
            id_len,
            record.time.unwrap_or(0) as u64,
            flags | timed,
        ]));
        self.claims += kept.count;
        if flags & HELD != 0 {
            self.held.insert(i, kept);
        }
    }

    fn raw(&self, i: usize) -> io::Result<[u8; SIZE]> {
        self.table.get(i)
    }

    /// The claim count and first claim id of article `i` (`None`: left out).
    pub fn span(&self, i: usize) -> io::Result<(usize, Option<usize>)> {
        let r = self.raw(i)?;
        let first = (word(&r, 9) & LEFT_OUT == 0).then_some(word(&r, 1) as usize);
        Ok((word(&r, 0) as usize, first))
    }

    /// Article `i`'s id (as made unique).
    pub fn id(&self, store: &Store, i: usize) -> io::Result<Box<str>> {
        self.stored_id(store, &self.raw(i)?)
    }

    fn stored_id(&self, store: &Store, r: &[u8; SIZE]) -> io::Result<Box<str>> {
        let mut buf = Vec::new();
        store.get_bytes(Stored::from_raw(word(r, 6), word(r, 7)), &mut buf)?;
        String::from_utf8(buf)
            .map(String::into_boxed_str)
            .map_err(|_| io::Error::other("a stored article id is damaged"))
    }

    /// Article `i`.
    pub fn get(&self, store: &Store, i: usize) -> io::Result<Entry> {
        let r = self.raw(i)?;
        let (kept, first, time) = self.kept_of(store, i, &r)?;
        let id = self.stored_id(store, &r)?;
        let stored = Stored::from_raw(word(&r, 4), word(&r, 5));
        Ok(Entry {
            kept,
            record: Record::from_parts(id, time, stored),
            first,
        })
    }

    /// What grouping reads of article `i`: its [`Kept`], the id of its first claim
    /// (`None`: left out) and its publication time.
    pub fn kept(&self, store: &Store, i: usize) -> io::Result<(Kept, Option<usize>, Option<i64>)> {
        self.kept_of(store, i, &self.raw(i)?)
    }

    fn kept_of(
        &self,
        store: &Store,
        i: usize,
        r: &[u8; SIZE],
    ) -> io::Result<(Kept, Option<usize>, Option<i64>)> {
        let (count, flags) = (word(r, 0) as usize, word(r, 9));
        let kept = if flags & HELD != 0 {
            self.held.get(&i).cloned().unwrap_or_default()
        } else {
            let mut buf = Vec::new();
            store.get_bytes(Stored::from_raw(word(r, 2), word(r, 3)), &mut buf)?;
            Kept::from_bytes(count, &buf)
        };
        let time = (flags & TIMED != 0).then_some(word(r, 8) as i64);
        let first = (flags & LEFT_OUT == 0).then_some(word(r, 1) as usize);
        Ok((kept, first, time))
    }

    /// Numbers the claims of the articles `included` only (the others are in no
    /// story), in input order. Rewrites the table only when one is left out.
    pub fn number(&mut self, included: impl Fn(usize) -> bool) -> io::Result<()> {
        if (0..self.len()).all(&included) {
            return Ok(());
        }
        let mut next = 0u64;
        for i in 0..self.len() {
            let mut r = self.raw(i)?;
            let mut w: [u64; WORDS] = std::array::from_fn(|k| word(&r, k));
            if included(i) {
                w[1] = next;
                w[9] &= !LEFT_OUT;
                next += w[0];
            } else {
                w[1] = next;
                w[9] |= LEFT_OUT;
            }
            r = words(&w);
            self.table.set(i, r)?;
        }
        self.claims = next as usize;
        Ok(())
    }

    /// Makes the ids unique over the folder, by the rule of `corpus::load`
    /// (`corpus::Unique`, which sorts the ids rather than holding them): each new id goes
    /// to the store and its place to the article's record, so nothing is held an article.
    pub fn unique(&mut self, store: &Store) -> io::Result<()> {
        let found = crate::corpus::Unique::find(
            self.len(),
            |i| Ok(self.id(store, i)?.into()),
            |i| self.get(store, i)?.record.origin(store),
        )?;
        found.each(|i, new| {
            let r = self.raw(i)?;
            let mut w: [u64; WORDS] = std::array::from_fn(|k| word(&r, k));
            let (at, len) = store.put_bytes(new.as_bytes()).raw();
            (w[6], w[7]) = (at, len);
            self.table.set(i, words(&w))
        })
    }

    /// The article whose claims include the claim `id`: a binary search of the table,
    /// from `hint` (the last article found) when it still fits.
    pub fn article_of(&self, id: usize, hint: Option<usize>) -> io::Result<Option<usize>> {
        let holds = |i: usize| -> io::Result<bool> {
            let (count, first) = self.span(i)?;
            Ok(first.is_some_and(|f| f <= id && id < f + count))
        };
        for i in hint.into_iter().flat_map(|h| [h, h + 1]) {
            if i < self.len() && holds(i)? {
                return Ok(Some(i));
            }
        }
        // The last article whose first claim is at most `id`: left-out articles carry
        // the next article's first id, so it is the numbered one.
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let r = self.raw(mid)?;
            if word(&r, 1) as usize <= id {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        match lo.checked_sub(1) {
            Some(i) if holds(i)? => Ok(Some(i)),
            _ => Ok(None),
        }
    }
}
