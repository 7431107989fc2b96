//! What `qarin claims` keeps in memory of one article's claims once they are in the
//! store (`cli::claim_store`): where they went, how many, where what grouping needs of
//! them went (its [`Runs`]) and the marks grouping gave them within the article.
//!
//! Every article of a folder has one, so it is packed into one slice of words (a few
//! tens of bytes) rather than a struct of boxed slices (docs/safety.md, "A folder").

use std::borrow::Cow;
use std::io;

use crate::claims::{KeyRun, Runs};
use crate::cli::claim_store::{Segment, Store};

/// What is kept of one article's claims.
#[derive(Debug, Default, Clone)]
pub struct Kept {
    pub count: usize,
    /// [`HEADER`] words (segments, keyed pieces, headlines' start, stored runs), then
    /// the claims' segments, the stored runs' segment, the keyed pieces (key number and
    /// segment), and the local ids of the superseded claims then of the headlines.
    words: Box<[u32]>,
    /// Runs held in memory: all of them with [`super::claim_store::RunsTo::Memory`], and
    /// runs with a non-finite number, which JSON cannot hold (rare).
    held: Option<Box<Held>>,
}

#[derive(Debug, Default, Clone)]
struct Held {
    runs: Option<Runs>,
    keyed: Vec<(u32, KeyRun)>,
}

const HEADER: usize = 4;
/// Words a segment takes.
const SEG: usize = 4;

/// The parts of a [`Kept`], as `claim_store::Writer::finish` has them.
pub struct Parts {
    pub count: usize,
    pub segments: Vec<Segment>,
    /// The runs' place in the store, or the runs themselves when held in memory.
    pub runs: Option<Result<Segment, Runs>>,
    /// Each group key's number with where its run went (or the run, when held).
    pub keyed: Vec<(u32, Result<Segment, KeyRun>)>,
    pub superseded: Vec<u32>,
    pub headlines: Vec<u32>,
}

fn push_segment(words: &mut Vec<u32>, s: Segment) {
    let (at, len) = s.raw();
    words.extend([at as u32, (at >> 32) as u32, len as u32, (len >> 32) as u32]);
}

fn segment_at(words: &[u32], i: usize) -> Option<Segment> {
    let w = words.get(i..i + SEG)?;
    let at = u64::from(w[0]) | (u64::from(w[1]) << 32);
    let len = u64::from(w[2]) | (u64::from(w[3]) << 32);
    Some(Segment::from_raw(at, len))
}

fn count_word(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Kept {
    pub fn pack(p: Parts) -> Kept {
        let mut held = Held::default();
        let stored_keyed: Vec<(u32, Segment)> = p
            .keyed
            .into_iter()
            .filter_map(|(k, piece)| match piece {
                Ok(s) => Some((k, s)),
                Err(runs) => {
                    held.keyed.push((k, runs));
                    None
                }
            })
            .collect();
        let runs_stored = match p.runs {
            Some(Ok(s)) => Some(s),
            Some(Err(runs)) => {
                held.runs = Some(runs);
                None
            }
            None => None,
        };
        let mut words = Vec::with_capacity(
            HEADER
                + SEG * (p.segments.len() + usize::from(runs_stored.is_some()))
                + (SEG + 1) * stored_keyed.len()
                + p.superseded.len()
                + p.headlines.len(),
        );
        words.extend([
            count_word(p.segments.len()),
            count_word(stored_keyed.len()),
            count_word(p.superseded.len()),
            u32::from(runs_stored.is_some()),
        ]);
        for s in p.segments {
            push_segment(&mut words, s);
        }
        if let Some(s) = runs_stored {
            push_segment(&mut words, s);
        }
        for (k, s) in stored_keyed {
            words.push(k);
            push_segment(&mut words, s);
        }
        words.extend(p.superseded);
        words.extend(p.headlines);
        let held = (held.runs.is_some() || !held.keyed.is_empty()).then(|| Box::new(held));
        Kept {
            count: p.count,
            words: words.into_boxed_slice(),
            held,
        }
    }

    /// Its words as bytes, for the store (`cli::claim_articles`), or `None` when it
    /// holds runs in memory (which only memory can keep).
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        self.held
            .is_none()
            .then(|| self.words.iter().flat_map(|w| w.to_le_bytes()).collect())
    }

    /// The [`Kept`] of [`Kept::to_bytes`], with its claim count.
    pub fn from_bytes(count: usize, bytes: &[u8]) -> Kept {
        let words = bytes
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        Kept {
            count,
            words,
            held: None,
        }
    }

    fn header(&self, i: usize) -> usize {
        self.words.get(i).map_or(0, |&w| w as usize)
    }

    /// Where the stored runs' segment starts, and whether there is one.
    fn runs_at(&self) -> (usize, bool) {
        (HEADER + SEG * self.header(0), self.header(3) != 0)
    }

    /// Where the keyed pieces start.
    fn keyed_at(&self) -> usize {
        let (at, stored) = self.runs_at();
        at + if stored { SEG } else { 0 }
    }

    /// Where the marks start.
    fn marks_at(&self) -> usize {
        self.keyed_at() + (SEG + 1) * self.header(1)
    }

    /// The segment of the article's claim lines numbered `n`.
    pub(crate) fn segment(&self, n: usize) -> Option<Segment> {
        if n >= self.header(0) {
            return None;
        }
        segment_at(&self.words, HEADER + SEG * n)
    }

    /// The article's [`Runs`], read back from the store if they went there.
    pub fn runs(&self, store: &Store) -> io::Result<Cow<'_, Runs>> {
        let (at, stored) = self.runs_at();
        if let Some(s) = segment_at(&self.words, at).filter(|_| stored) {
            return read_runs(store, s).map(Cow::Owned);
        }
        Ok(match self.held.as_ref().and_then(|h| h.runs.as_ref()) {
            Some(runs) => Cow::Borrowed(runs),
            None => Cow::Owned(Runs::default()),
        })
    }

    /// The local ids of the superseded claims and of the headlines.
    pub(crate) fn marks(&self) -> (&[u32], &[u32]) {
        let marks = self.words.get(self.marks_at()..).unwrap_or_default();
        marks.split_at(self.header(2).min(marks.len()))
    }

    /// The stored keyed pieces: (key number, segment).
    fn stored_keyed(&self) -> impl Iterator<Item = (u32, Segment)> + '_ {
        let at = self.keyed_at();
        (0..self.header(1)).filter_map(move |n| {
            let i = at + (SEG + 1) * n;
            Some((*self.words.get(i)?, segment_at(&self.words, i + 1)?))
        })
    }

    /// The numbers of the group keys of the article's claims ([`super::claim_store::RunsTo::Keyed`]).
    pub fn keys(&self) -> impl Iterator<Item = u32> + '_ {
        let held = self
            .held
            .iter()
            .flat_map(|h| h.keyed.iter().map(|(k, _)| *k));
        self.stored_keyed().map(|(k, _)| k).chain(held)
    }

    /// The article's run of the group key numbered `key`, read back from the store.
    pub fn run_of_key(&self, store: &Store, key: u32) -> io::Result<Option<KeyRun>> {
        if let Some((_, s)) = self.stored_keyed().find(|(k, _)| *k == key) {
            let mut buf = Vec::new();
            store.get(s, &mut buf)?;
            return serde_json::from_slice(&buf)
                .map(Some)
                .map_err(|e| io::Error::other(format!("a stored run: {e}")));
        }
        let held = self.held.iter().flat_map(|h| h.keyed.iter());
        Ok(held
            .clone()
            .find(|(k, _)| *k == key)
            .map(|(_, r)| r.clone()))
    }

    /// Whether the runs went to the store (for tests).
    #[cfg(test)]
    pub(crate) fn runs_stored(&self) -> bool {
        self.runs_at().1
    }
}

/// Runs read back are given back their room: a vector read from JSON grows to four
/// (key, run) pairs for one, and a story's runs are held at once while it is grouped
/// (docs/safety.md, a folder).
fn read_runs(store: &Store, s: Segment) -> io::Result<Runs> {
    let mut buf = Vec::new();
    store.get(s, &mut buf)?;
    let mut runs: Runs =
        serde_json::from_slice(&buf).map_err(|e| io::Error::other(format!("stored runs: {e}")))?;
    runs.shrink_to_fit();
    Ok(runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run as a folder compared as one stores it.
    fn held_run() -> KeyRun {
        let head =
            r#"{"value":1.0,"low":1.0,"high":1.0,"low_inclusive":true,"high_inclusive":true}"#;
        let run = format!(
            r#"{{"ids":[0],"live_from":0,"best":0,"rank":2,"head":{head},"vague":[],"figure":true}}"#
        );
        serde_json::from_str(&run).unwrap()
    }

    #[test]
    fn packed_parts_come_back() {
        let seg = |at: u64, len: u64| Segment::from_raw(at, len);
        let k = Kept::pack(Parts {
            count: 9,
            segments: vec![seg(1 << 40, 7), seg(3, 1 << 33)],
            runs: Some(Ok(seg(11, 12))),
            keyed: vec![
                (5, Ok(seg(20, 4))),
                (2, Err(held_run())),
                (8, Ok(seg(30, 6))),
            ],
            superseded: vec![1, 4],
            headlines: vec![0, 2, 3],
        });
        assert_eq!(k.count, 9);
        assert!(k.to_bytes().is_none(), "a held run stays in memory");
        assert_eq!(k.segment(0).map(Segment::raw), Some((1 << 40, 7)));
        assert_eq!(k.segment(1).map(Segment::raw), Some((3, 1 << 33)));
        assert!(k.segment(2).is_none());
        assert!(k.runs_stored());
        assert_eq!(k.keys().collect::<Vec<_>>(), [5, 8, 2]);
        let (sup, heads) = k.marks();
        assert_eq!((sup, heads), (&[1, 4][..], &[0, 2, 3][..]));
        let empty = Kept::pack(Parts {
            count: 0,
            segments: Vec::new(),
            runs: None,
            keyed: Vec::new(),
            superseded: Vec::new(),
            headlines: Vec::new(),
        });
        assert_eq!(empty.keys().count(), 0);
        assert_eq!(empty.marks(), (&[][..], &[][..]));
        assert!(empty.held.is_none() && !empty.runs_stored());
        let stored = Kept::pack(Parts {
            count: 3,
            segments: vec![seg(5, 6)],
            runs: None,
            keyed: vec![(4, Ok(seg(7, 8)))],
            superseded: vec![1],
            headlines: vec![2],
        });
        let back = Kept::from_bytes(3, &stored.to_bytes().unwrap());
        assert_eq!(format!("{back:?}"), format!("{stored:?}"));
    }
}
