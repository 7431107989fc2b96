//! Article ids unique among the articles loaded together (docs/inputs.md): colliding ids
//! are prefixed with as many of their folders as it takes to tell them apart
//! (`cairo/same`, `alex/same`), then numbered if that is not enough (`same~2`: the same
//! name in the same place, entries of two feeds given twice).
//!
//! Found in bounded memory, so that a folder's does not grow with its files
//! (docs/safety.md, "A folder"): the (id, article) pairs are sorted ([`Sorter`]) and
//! read in id order, which puts each id's articles together, in input order; a colliding
//! id's folders are sorted too, to find how many it takes. The names so made are then
//! sorted with the ids held once and checked in a second pass: a name taken by no
//! other is given as is; only those that meet another name, an id held once or one of
//! the numbered names (`x~2`) of another are held, and numbered as the rule says.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::Path;

use super::Article;
use super::extsort::{Sorter, common_keys, key_end, push_key, unkey};
use super::spill::Log;

/// Kinds of a record of the second pass, in the order a name's records are read.
const HELD_ONCE: u8 = 0;
const NAME: u8 = 1;
const NUMBERED_NAME: u8 = 2;
const NUMBERED_ONCE: u8 = 3;

/// Makes the ids of `articles` unique (a loaded list: `corpus::load`).
pub(crate) fn unique_ids(articles: &mut [Article]) -> io::Result<()> {
    let of = |i: usize, f: fn(&Article) -> &str| articles.get(i).map_or("", f).to_owned();
    let found = Unique::find(
        articles.len(),
        |i| Ok(of(i, |a| a.id.as_str())),
        |i| Ok(of(i, |a| a.origin.path.as_str())),
    )?;
    found.each(|i, new| {
        if let Some(a) = articles.get_mut(i) {
            if a.short == a.id {
                a.short = new.clone();
            }
            a.id = new;
        }
        Ok(())
    })
}

/// The renames that make `n` articles' ids unique, found by [`Unique::find`] and given
/// by [`Unique::each`]: for articles whose records are kept elsewhere (`qarin claims`).
pub struct Unique {
    /// The second pass's records: each name with its kind ([`NAME`]…) and article.
    names: Sorter,
}

impl Unique {
    /// `id_of(i)` is article `i`'s id as read; `origin_of(i)` its origin's path, asked
    /// only of an article whose id collides (twice).
    pub fn find(
        n: usize,
        mut id_of: impl FnMut(usize) -> io::Result<String>,
        mut origin_of: impl FnMut(usize) -> io::Result<String>,
    ) -> io::Result<Unique> {
        let mut by_id = Sorter::default();
        let mut rec = Vec::new();
        for i in 0..n {
            rec.clear();
            push_key(&mut rec, id_of(i)?.as_bytes());
            rec.extend_from_slice(&(i as u64).to_be_bytes());
            by_id.push(&rec)?;
        }
        let mut pass = Names::default();
        let mut failed = None;
        by_id.finish(&mut |rec| {
            if failed.is_none()
                && let Some((key, i)) = split(rec)
                && let Err(e) = pass.article(key, i, &mut origin_of)
            {
                failed = Some(e);
            }
        })?;
        if let Some(e) = failed {
            return Err(e);
        }
        pass.close(&mut origin_of)?;
        Ok(Unique { names: pass.out })
    }

    /// Each rename as (article, new id), in no given order.
    pub fn each(self, mut rename: impl FnMut(usize, String) -> io::Result<()>) -> io::Result<()> {
        let mut check = Check::default();
        let mut failed = None;
        self.names.finish(&mut |rec| {
            if failed.is_none()
                && let Err(e) = check.record(rec, &mut rename)
            {
                failed = Some(e);
            }
        })?;
        if let Some(e) = failed {
            return Err(e);
        }
        check.name_done(&mut rename)?;
        check.numbered(&mut rename)
    }
}

/// The first pass: the articles of one id at a time ([`Names::article`], in id order),
/// each id's names written for the second pass.
#[derive(Default)]
struct Names {
    /// The id being read (as [`push_key`] wrote it), its first article and how many.
    key: Vec<u8>,
    first: u64,
    count: u64,
    /// From its second article on: its articles, and their folders, last first, sorted.
    members: Log,
    folders: Sorter,
    deepest: usize,
    /// Ids that collide, so far: a name's place in the numbering's order is (this, article).
    colliding: u64,
    out: Sorter,
}

type Origins<'a> = dyn FnMut(usize) -> io::Result<String> + 'a;

impl Names {
    fn article(&mut self, key: &[u8], i: u64, origin_of: &mut Origins) -> io::Result<()> {
        if self.count == 0 || key != self.key.as_slice() {
            self.close(origin_of)?;
            self.key.clear();
            self.key.extend_from_slice(key);
            (self.first, self.count) = (i, 1);
            return Ok(());
        }
        if self.count == 1 {
            self.member(self.first, origin_of)?;
        }
        self.member(i, origin_of)?;
        self.count += 1;
        Ok(())
    }

    fn member(&mut self, i: u64, origin_of: &mut Origins) -> io::Result<()> {
        self.members.append(&i.to_be_bytes())?;
        let dirs = folders(&origin_of(i as usize)?);
        self.deepest = self.deepest.max(dirs.len());
        let mut rec = Vec::new();
        for d in dirs.iter().rev() {
            push_key(&mut rec, d.as_bytes());
        }
        self.folders.push(&rec)
    }

    /// The id read is done: held once, or its articles' names are made.
    fn close(&mut self, origin_of: &mut Origins) -> io::Result<()> {
        let id = String::from_utf8_lossy(&unkey(&self.key)).into_owned();
        let mut rec = Vec::new();
        if self.count == 1 {
            put(&mut self.out, &mut rec, &id, HELD_ONCE, &[])?;
            if let Some((base, n)) = numbered(&id) {
                put(
                    &mut self.out,
                    &mut rec,
                    base,
                    NUMBERED_ONCE,
                    &n.to_be_bytes(),
                )?;
            }
        } else if self.count > 1 {
            let k = self.folders_needed()?;
            let mut members = std::mem::take(&mut self.members);
            let (mut at, mut buf) = (0, Vec::new());
            while at < members.len() {
                at = members.read(at, &mut buf)?;
                let i = u64::from_be_bytes(buf.as_slice().try_into().map_err(io::Error::other)?);
                let name = named(&id, &folders(&origin_of(i as usize)?), k);
                let mut place = self.colliding.to_be_bytes().to_vec();
                place.extend_from_slice(&i.to_be_bytes());
                put(&mut self.out, &mut rec, &name, NAME, &place)?;
                if let Some((base, _)) = numbered(&name) {
                    put(&mut self.out, &mut rec, base, NUMBERED_NAME, &place)?;
                }
            }
            self.colliding += 1;
        }
        (self.count, self.deepest) = (0, 0);
        Ok(())
    }

    /// How many of their last folders tell the articles of the id apart: the fewest,
    /// from one, that do; all of the deepest's when none do. Two articles' names differ
    /// with k folders when k is past the folders they end with in common, so it is one
    /// more than the most any two share, and with their folders sorted last first the
    /// most is between neighbours.
    fn folders_needed(&mut self) -> io::Result<usize> {
        let (mut shared, mut same) = (0, false);
        let mut last: Option<Vec<u8>> = None;
        std::mem::take(&mut self.folders).finish(&mut |rec| {
            if let Some(prev) = &last {
                let (n, whole) = common_keys(prev, rec);
                shared = shared.max(n);
                same |= whole;
            }
            last = Some(rec.to_vec());
        })?;
        Ok(if same || shared >= self.deepest {
            self.deepest
        } else {
            shared + 1
        })
    }
}

/// The second pass: the names in order, each with the records of its kinds.
#[derive(Default)]
struct Check {
    name: Vec<u8>,
    /// The name is an id held once.
    held_once: bool,
    /// Its first article, while it is the only one named so.
    alone: Option<(u64, u64)>,
    /// The names held for numbering (their articles ordered by place), and for each
    /// base, whether it is held once and which of its numbered names are.
    held: Vec<(u64, u64, usize)>,
    bases: Vec<(String, bool, HashSet<u64>)>,
    /// The base of this name among `bases`, once one of its articles is held.
    base: Option<usize>,
    /// Articles whose name is another name numbered (`x~2` for `x`).
    marked: HashSet<(u64, u64)>,
}

impl Check {
    fn record(&mut self, rec: &[u8], rename: &mut Renames) -> io::Result<()> {
        let damaged = || io::Error::other("a temporary record of the ids is damaged");
        let end = key_end(rec).ok_or_else(damaged)?;
        let (key, rest) = rec.split_at(end);
        if key != self.name.as_slice() {
            self.name_done(rename)?;
            self.name.clear();
            self.name.extend_from_slice(key);
        }
        let (&kind, payload) = rest.split_first().ok_or_else(damaged)?;
        let word = |k: usize| -> io::Result<u64> {
            let b = payload.get(k * 8..k * 8 + 8).ok_or_else(damaged)?;
            Ok(u64::from_be_bytes(b.try_into().map_err(io::Error::other)?))
        };
        match kind {
            HELD_ONCE => self.held_once = true,
            NAME => {
                let place = (word(0)?, word(1)?);
                if self.held_once || self.marked.contains(&place) || self.alone.is_some() {
                    if let Some(first) = self.alone.take() {
                        self.hold(first);
                    }
                    self.hold(place);
                } else if self.base.is_some() {
                    self.hold(place);
                } else {
                    self.alone = Some(place);
                }
            }
            NUMBERED_NAME => {
                if self.alone.is_some() || self.base.is_some() {
                    self.marked.insert((word(0)?, word(1)?));
                }
            }
            NUMBERED_ONCE => {
                if let Some(b) = self.base.and_then(|b| self.bases.get_mut(b)) {
                    b.2.insert(word(0)?);
                }
            }
            _ => return Err(damaged()),
        }
        Ok(())
    }

    fn hold(&mut self, (colliding, i): (u64, u64)) {
        let base = *self.base.get_or_insert_with(|| {
            let name = String::from_utf8_lossy(&unkey(&self.name)).into_owned();
            self.bases.push((name, self.held_once, HashSet::new()));
            self.bases.len() - 1
        });
        self.held.push((colliding, i, base));
    }

    /// The name read is done: an article that alone has it keeps it.
    fn name_done(&mut self, rename: &mut Renames) -> io::Result<()> {
        if let Some((_, i)) = self.alone.take() {
            let name = String::from_utf8_lossy(&unkey(&self.name)).into_owned();
            rename(i as usize, name)?;
        }
        (self.held_once, self.base) = (false, None);
        Ok(())
    }

    /// The names held, in the order of the ids and then of the articles: each takes its
    /// name, else the first of `name~2`, `name~3`… that no id held once is and no name
    /// before took.
    fn numbered(mut self, rename: &mut Renames) -> io::Result<()> {
        self.held.sort_unstable();
        let mut made = HashSet::new();
        let mut tries: HashMap<usize, u64> = HashMap::new();
        for (_, i, b) in self.held {
            let Some((base, once, numbered_once)) = self.bases.get(b) else {
                continue;
            };
            let n = tries.entry(b).or_insert(1);
            loop {
                let (taken, name) = match *n {
                    1 => (*once, base.clone()),
                    n => (numbered_once.contains(&n), format!("{base}~{n}")),
                };
                if !taken && made.insert(name.clone()) {
                    rename(i as usize, name)?;
                    break;
                }
                *n += 1;
            }
        }
        Ok(())
    }
}

type Renames<'a> = dyn FnMut(usize, String) -> io::Result<()> + 'a;

/// A record of the second pass: `name`'s key, its kind, then `payload`.
fn put(
    out: &mut Sorter,
    rec: &mut Vec<u8>,
    name: &str,
    kind: u8,
    payload: &[u8],
) -> io::Result<()> {
    rec.clear();
    push_key(rec, name.as_bytes());
    rec.push(kind);
    rec.extend_from_slice(payload);
    out.push(rec)
}

/// `name` as `base~n`, a name the numbering makes (n from 2, no leading zero).
fn numbered(name: &str) -> Option<(&str, u64)> {
    let (base, n) = name.rsplit_once('~')?;
    if n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok().filter(|&n| n >= 2).map(|n| (base, n))
}

/// The folders of an origin's path, outermost first.
fn folders(origin: &str) -> Vec<String> {
    Path::new(origin)
        .parent()
        .map(|d| {
            d.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// `id` prefixed with the last `k` of `dirs` (all when fewer).
fn named(id: &str, dirs: &[String], k: usize) -> String {
    let tail = &dirs[dirs.len().saturating_sub(k)..];
    if tail.is_empty() {
        id.to_owned()
    } else {
        format!("{}/{id}", tail.join("/"))
    }
}

/// A first-pass record: the id's key and the article.
fn split(rec: &[u8]) -> Option<(&[u8], u64)> {
    let (key, i) = rec.split_at(key_end(rec)?);
    Some((key, u64::from_be_bytes(i.try_into().ok()?)))
}

#[cfg(test)]
#[path = "ids_tests.rs"]
mod tests;
