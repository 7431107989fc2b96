//! The claims `qarin claims` kept in the store (`cli::claim_store`), read back one at a
//! time in output order, with the marks grouping gave them (docs/safety.md, a folder).

use std::io;

use crate::claims::Claim;
use crate::cli::claim_records::Record;
use crate::cli::claim_store::{Kept, Store};

/// The claims of the articles in output order: `order` lists (article index, id of its
/// first claim) in claim order; an article's final `Article::id` is its record's.
pub struct Claims<'a> {
    pub store: &'a Store,
    pub kept: &'a [Kept],
    pub records: &'a [Record],
    pub order: Vec<(usize, usize)>,
}

impl Claims<'_> {
    /// How many claims.
    pub fn count(&self) -> usize {
        self.order
            .iter()
            .map(|&(i, ..)| self.kept.get(i).map_or(0, |k| k.count))
            .sum()
    }

    /// The index of the article of the claim `id`.
    pub fn article_of(&self, id: usize) -> Option<usize> {
        let at = self.order.partition_point(|&(_, first)| first <= id);
        let &(i, first) = self.order.get(at.checked_sub(1)?)?;
        (id < first + self.kept.get(i)?.count).then_some(i)
    }

    /// The ids of the headlines (one per article and group: few).
    pub fn headlines(&self) -> std::collections::HashSet<usize> {
        let mut ids = std::collections::HashSet::new();
        for &(i, first) in &self.order {
            if let Some(k) = self.kept.get(i) {
                ids.extend(k.marks().1.iter().map(|&h| first + h as usize));
            }
        }
        ids
    }

    /// Every claim, numbered, with its article's final id and the marks grouping gave it.
    pub fn iter(&self) -> impl Iterator<Item = io::Result<Claim>> + '_ {
        self.order.iter().flat_map(move |&(i, first)| {
            let kept = self.kept.get(i);
            let article = self.records.get(i).map_or("", |r| &*r.id);
            ArticleClaims {
                store: self.store,
                kept,
                marks: kept.map(marks).unwrap_or_default(),
                first,
                article,
                buf: Vec::new(),
                pos: 0,
                next: 0,
                failed: false,
            }
        })
    }
}

/// Per local id: 1 superseded, 2 headline.
fn marks(k: &Kept) -> Vec<u8> {
    let mut m = vec![0u8; k.count];
    let (superseded, headlines) = k.marks();
    for &i in superseded {
        if let Some(x) = m.get_mut(i as usize) {
            *x |= 1;
        }
    }
    for &i in headlines {
        if let Some(x) = m.get_mut(i as usize) {
            *x |= 2;
        }
    }
    m
}

/// One article's claims read back, a segment at a time.
struct ArticleClaims<'a> {
    store: &'a Store,
    kept: Option<&'a Kept>,
    marks: Vec<u8>,
    first: usize,
    article: &'a str,
    buf: Vec<u8>,
    /// Position in `buf`.
    pos: usize,
    /// The next segment.
    next: usize,
    failed: bool,
}

impl Iterator for ArticleClaims<'_> {
    type Item = io::Result<Claim>;

    fn next(&mut self) -> Option<io::Result<Claim>> {
        if self.failed {
            return None;
        }
        while self.pos >= self.buf.len() {
            let s = self.kept?.segment(self.next)?;
            self.next += 1;
            self.pos = 0;
            if let Err(e) = self.store.get(s, &mut self.buf) {
                self.failed = true;
                return Some(Err(e));
            }
        }
        let rest = &self.buf[self.pos..];
        let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
        self.pos += end + 1;
        let mut c: Claim = match serde_json::from_slice(&rest[..end]) {
            Ok(c) => c,
            Err(e) => {
                self.failed = true;
                return Some(Err(io::Error::other(format!("a stored claim: {e}"))));
            }
        };
        let mark = self.marks.get(c.id).copied().unwrap_or(0);
        c.superseded = mark & 1 != 0;
        c.headline = mark & 2 != 0;
        c.id += self.first;
        c.part_of = c.part_of.map(|p| p + self.first);
        if c.article != self.article {
            self.article.clone_into(&mut c.article);
        }
        Some(Ok(c))
    }
}
