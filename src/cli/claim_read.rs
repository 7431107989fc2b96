//! The claims `qarin claims` kept in the store (`cli::claim_store`), read back one at a
//! time in output order, with the marks grouping gave them (docs/safety.md, a folder).

use std::cell::Cell;
use std::io;

use crate::claims::Claim;
use crate::cli::claim_articles::Articles;
use crate::cli::claim_store::{Kept, Store};

/// The claims of the articles in output order: articles as given, text order within
/// each, numbered from each article's first claim id (`cli::claim_articles`).
pub struct Claims<'a> {
    pub store: &'a Store,
    pub articles: &'a Articles,
    /// The article last found by [`Claims::article_of`]: claims are asked in order.
    last: Cell<Option<usize>>,
}

impl<'a> Claims<'a> {
    pub fn new(store: &'a Store, articles: &'a Articles) -> Claims<'a> {
        Claims {
            store,
            articles,
            last: Cell::new(None),
        }
    }

    /// How many claims.
    pub fn count(&self) -> usize {
        self.articles.claims()
    }

    /// The index of the article of the claim `id`.
    pub fn article_of(&self, id: usize) -> io::Result<Option<usize>> {
        let found = self.articles.article_of(id, self.last.get())?;
        if found.is_some() {
            self.last.set(found);
        }
        Ok(found)
    }

    /// The ids of the headlines (one per article and group: few).
    pub fn headlines(&self) -> io::Result<std::collections::HashSet<usize>> {
        let mut ids = std::collections::HashSet::new();
        for i in 0..self.articles.len() {
            let e = self.articles.get(self.store, i)?;
            if let Some(first) = e.first {
                ids.extend(e.kept.marks().1.iter().map(|&h| first + h as usize));
            }
        }
        Ok(ids)
    }

    /// Every claim, numbered, with its article's final id and the marks grouping gave it.
    pub fn iter(&self) -> impl Iterator<Item = io::Result<Claim>> + '_ {
        let mut failed = false;
        (0..self.articles.len()).flat_map(move |i| {
            if failed {
                return Either::Err(None);
            }
            let e = match self.articles.get(self.store, i) {
                Ok(e) => e,
                Err(e) => {
                    failed = true;
                    return Either::Err(Some(Err(e)));
                }
            };
            let Some(first) = e.first else {
                return Either::Err(None);
            };
            Either::Ok(ArticleClaims {
                store: self.store,
                marks: marks(&e.kept),
                kept: e.kept,
                first,
                article: e.record.id,
                buf: Vec::new(),
                pos: 0,
                next: 0,
                failed: false,
            })
        })
    }
}

/// One article's claims, or the error reading its entry.
enum Either<'a> {
    Ok(ArticleClaims<'a>),
    Err(Option<io::Result<Claim>>),
}

impl Iterator for Either<'_> {
    type Item = io::Result<Claim>;

    fn next(&mut self) -> Option<io::Result<Claim>> {
        match self {
            Either::Ok(a) => a.next(),
            Either::Err(e) => e.take(),
        }
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
    kept: Kept,
    marks: Vec<u8>,
    first: usize,
    article: Box<str>,
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
            let s = self.kept.segment(self.next)?;
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
        if *c.article != *self.article {
            str::clone_into(&self.article, &mut c.article);
        }
        Some(Ok(c))
    }
}
