//! The sentences of claims, kept out of the way while `qarin claims` reads its input.
//!
//! Grouping needs every claim of every article at once, but not the sentence around it,
//! which is most of a claim's text (about 250 bytes of ~1 KB). Each article's sentences
//! are moved into one store as soon as its claims are found, and put back one claim at
//! a time as the output is written. The store is a byte buffer until it passes
//! [`IN_MEMORY`], then an unlinked temporary file (if none can be made, memory it is).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::sync::Mutex;

use serde::Serialize;

use crate::claims::{Analysis, Claim, Found};
use crate::corpus::Article;

/// Sentences are held in memory up to this many bytes, then in a temporary file; the
/// hidden `QARIN_SENTENCES_IN_MEMORY` (bytes, or with K, M, G) lowers it for tests.
fn in_memory() -> usize {
    static LIMIT: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
        std::env::var("QARIN_SENTENCES_IN_MEMORY")
            .ok()
            .and_then(|v| crate::corpus::stream::parse_size(&v))
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(IN_MEMORY)
    });
    *LIMIT
}

const IN_MEMORY: usize = 4 << 20;

/// Where one sentence went.
#[derive(Debug, Clone, Copy)]
pub struct Ref {
    at: u64,
    len: u32,
}

#[derive(Default)]
struct Store {
    mem: Vec<u8>,
    file: Option<File>,
    /// Bytes stored so far (in `mem` or the file).
    len: u64,
    /// Writing to the file failed: later sentences stay in their claims.
    broken: bool,
}

/// The store of sentences (shared by the threads that read articles).
#[derive(Default)]
pub struct Sentences {
    store: Mutex<Store>,
}

impl Sentences {
    /// Moves the sentence of each claim of `found` into the store; the claim keeps an
    /// empty one. Returns where each went, in claim order (`None`: kept in the claim).
    pub fn take(&self, found: &mut Found) -> Vec<Option<Ref>> {
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        found
            .claims_mut()
            .iter_mut()
            .map(|c| {
                let r = store.put(&c.sentence)?;
                c.sentence = String::new();
                Some(r)
            })
            .collect()
    }

    /// The sentence at `r`.
    fn get(&self, r: Ref) -> String {
        let store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        let mut bytes = vec![0; r.len as usize];
        let read = match &store.file {
            Some(f) => f.read_exact_at(&mut bytes, r.at).is_ok(),
            None => match store.mem.get(r.at as usize..r.at as usize + bytes.len()) {
                Some(b) => {
                    bytes.copy_from_slice(b);
                    true
                }
                None => false,
            },
        };
        // What was stored was a `String`: the same bytes are valid UTF-8.
        read.then(|| String::from_utf8(bytes).ok())
            .flatten()
            .unwrap_or_default()
    }
}

impl Store {
    fn put(&mut self, s: &str) -> Option<Ref> {
        let len = u32::try_from(s.len()).ok()?;
        if self.broken {
            return None;
        }
        let at = self.len;
        if self.file.is_none() && self.mem.len() + s.len() > in_memory() {
            self.file = spill_file(&self.mem);
            if self.file.is_some() {
                self.mem = Vec::new();
            }
        }
        match &mut self.file {
            Some(f) => {
                if f.write_all(s.as_bytes()).is_err() {
                    // A full disk: the sentences already stored are still readable.
                    self.broken = true;
                    return None;
                }
            }
            None => self.mem.extend_from_slice(s.as_bytes()),
        }
        self.len += u64::from(len);
        Some(Ref { at, len })
    }
}

/// A new temporary file, already unlinked, holding `bytes`; `None` if none can be made.
fn spill_file(bytes: &[u8]) -> Option<File> {
    let dir = std::env::temp_dir();
    for n in 0..100u32 {
        let path = dir.join(format!("qarin-sentences-{}-{n}", std::process::id()));
        let Ok(mut f) = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
        else {
            continue;
        };
        let _ = std::fs::remove_file(&path);
        return f.write_all(bytes).is_ok().then_some(f);
    }
    None
}

/// The sentences of an analysis's claims: claim `i`'s is at `refs[i]`.
pub struct Filled<'a> {
    sentences: &'a Sentences,
    refs: Vec<Option<Ref>>,
}

impl<'a> Filled<'a> {
    /// Matches the claims of `analysis` to the sentences taken from each article's
    /// claims (`taken[i]` for `articles[i]`, in text order): an article's claims keep
    /// their order in the analysis, whatever order the articles come in.
    pub fn new(
        sentences: &'a Sentences,
        taken: Vec<Vec<Option<Ref>>>,
        articles: &[Article],
        analysis: &Analysis,
    ) -> Filled<'a> {
        let index: HashMap<&str, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut next = vec![0usize; taken.len()];
        let refs = analysis
            .claims
            .iter()
            .map(|c| {
                let ai = *index.get(c.article.as_str())?;
                let k = next.get_mut(ai)?;
                *k += 1;
                *taken.get(ai)?.get(*k - 1)?
            })
            .collect();
        Filled { sentences, refs }
    }

    /// Claim `i` (`c`) with its sentence back.
    pub fn claim<'c>(&self, i: usize, c: &'c Claim) -> Cow<'c, Claim> {
        match self.refs.get(i).copied().flatten() {
            Some(r) if c.sentence.is_empty() => {
                let mut full = c.clone();
                full.sentence = self.sentences.get(r);
                Cow::Owned(full)
            }
            _ => Cow::Borrowed(c),
        }
    }
}

/// An analysis's claims as a JSON array, each with its sentence back.
pub struct ClaimsOut<'a> {
    pub claims: &'a [Claim],
    pub filled: Option<&'a Filled<'a>>,
}

impl Serialize for ClaimsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.claims
                .iter()
                .enumerate()
                .map(|(i, c)| match self.filled {
                    Some(f) => f.claim(i, c),
                    None => Cow::Borrowed(c),
                }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_come_back_from_memory_and_from_the_file() {
        let store = Sentences::default();
        let mut s = store.store.lock().unwrap();
        let long = "جملة طويلة ".repeat(1000);
        let mut refs = Vec::new();
        let mut want = Vec::new();
        // Past IN_MEMORY: the first ones move to the file with the rest.
        for i in 0..(IN_MEMORY / long.len() + 50) {
            let text = format!("{i} {long}");
            refs.push(s.put(&text).unwrap());
            want.push(text);
        }
        assert!(s.file.is_some() && s.mem.is_empty());
        refs.push(s.put("").unwrap());
        want.push(String::new());
        drop(s);
        for (r, w) in refs.into_iter().zip(want) {
            assert_eq!(store.get(r), w);
        }
    }
}
