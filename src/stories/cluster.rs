//! Single-pass centroid clustering of TF-IDF vectors in publication order.
//!
//! Articles are taken oldest first. Each one joins the open story whose centroid is
//! most similar (cosine of TF-IDF vectors) if that similarity reaches
//! [`Params::threshold`], else it starts a story. A story is open while its last
//! article is at most [`Params::window`] seconds older than the article being placed.
//! Comparing with centroids, not with single articles, keeps two events that share a
//! few words (same city, same day) from chaining into one story.

use rayon::prelude::*;

use super::assign::{Bar, assign};
use super::fastmap::FastMap;
use super::places::Places;

use super::terms::{LATIN, Terms, is_entity, is_name};

/// The knobs of the method (docs/stories.md gives the values and why).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Minimum cosine between an article and a story's centroid to join it.
    pub threshold: f32,
    /// Minimum cosine between two first-pass stories' centroids to merge them.
    pub merge: f32,
    /// Seconds a story stays open after its last article.
    pub window: i64,
    /// Seconds a story stays open after its first article: an event's coverage ends,
    /// a topic's goes on (and would drift from the event).
    pub span: i64,
    /// Seconds a second-pass story stays open after its first part: an event reported
    /// over several days comes together from its daily parts.
    pub merge_span: i64,
    /// Seconds after a story's first article during which similarity counts in full;
    /// after it, similarity halves every [`Params::half_life`] seconds: a late report
    /// must be closer to the story to join it (time-decayed similarity, as in Yang,
    /// Pierce and Carbonell's on-line event detection, 1998).
    pub grace: i64,
    pub half_life: i64,
    /// Terms kept per article vector (the heaviest by TF-IDF).
    pub top_terms: usize,
    /// Terms kept per first-pass story centroid in the second pass.
    pub merge_terms: usize,
    /// Terms found in more than this share of articles are dropped as carrying no
    /// event (applied only on corpora of at least [`MIN_DOCS_FOR_DF`] articles).
    pub max_df: f32,
    /// Factor on the weight of gazetteer entities in the vectors (0: left out).
    pub entity: f32,
    /// Feature-pivot merge: stories whose titles share a term bursting at least this
    /// many times over its usual rate merge (0: no merge). See [`super::pivot`].
    pub pivot: f32,
    /// Minimum cosine, over language-independent terms (entities, numbers), between an
    /// article in another script and a story to join it (0: never).
    pub cross: f32,
    /// Drift split ([`super::split`]): a first-pass story's first `core` members are
    /// its core (0: no split) ...
    pub core: usize,
    /// ... and its later members below this cosine with the core's centroid leave it,
    /// together, as a story of their own (its tail) ...
    pub split: f32,
    /// ... which the second pass merges only into a story whose first part it matches
    /// at this cosine at least ...
    pub rejoin: f32,
    /// ... and, unless this is set, without adding to that story's centroid.
    pub tail_pull: bool,
}

impl Params {
    /// Tuning aid: `QARIN_STORY_PARAMS="threshold=0.25,merge=0.27,window=2,span=4,mspan=4,grace=1,half=2,top=40,mtop=80,df=0.3"`
    /// (times in days) overrides the defaults.
    pub fn from_env() -> Params {
        let mut p = Params::default();
        let Ok(spec) = std::env::var("QARIN_STORY_PARAMS") else {
            return p;
        };
        for kv in spec.split(',') {
            let Some((k, v)) = kv.split_once('=') else {
                continue;
            };
            let Ok(x) = v.trim().parse::<f32>() else {
                continue;
            };
            match k.trim() {
                "threshold" => p.threshold = x,
                "merge" => p.merge = x,
                "window" => p.window = (x * 86_400.0) as i64,
                "span" => p.span = (x * 86_400.0) as i64,
                "grace" => p.grace = (x * 86_400.0) as i64,
                "half" => p.half_life = (x * 86_400.0) as i64,
                "mspan" => p.merge_span = (x * 86_400.0) as i64,
                "top" => p.top_terms = x as usize,
                "mtop" => p.merge_terms = x as usize,
                "df" => p.max_df = x,
                "entity" => p.entity = x,
                "pivot" => p.pivot = x,
                "cross" => p.cross = x,
                "core" => p.core = x as usize,
                "split" => p.split = x,
                "rejoin" => p.rejoin = x,
                "tailpull" => p.tail_pull = x != 0.0,
                _ => {}
            }
        }
        p
    }
}

impl Params {
    /// The factor on the similarity of an article published at `t` with a story whose
    /// first article was published at `first`.
    pub(super) fn decay(&self, t: Option<i64>, first: Option<i64>) -> f32 {
        match (t, first) {
            (Some(t), Some(f)) if t - f > self.grace && self.half_life > 0 => {
                0.5f32.powf((t - f - self.grace) as f32 / self.half_life as f32)
            }
            _ => 1.0,
        }
    }
}

impl Default for Params {
    fn default() -> Params {
        Params {
            threshold: 0.25,
            merge: 0.27,
            window: 2 * 24 * 3600,
            span: 4 * 24 * 3600,
            merge_span: 4 * 24 * 3600,
            grace: 24 * 3600,
            half_life: 2 * 24 * 3600,
            top_terms: 40,
            merge_terms: 80,
            max_df: 0.30,
            entity: 0.75,
            pivot: 1.8,
            cross: 0.35,
            core: 6,
            split: 0.35,
            rejoin: 0.27,
            tail_pull: false,
        }
    }
}

/// Below this many articles, document frequencies say little: no term is dropped.
const MIN_DOCS_FOR_DF: usize = 500;

/// One article to place: its publication time (Unix seconds) if known, and its terms.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub published: Option<i64>,
    pub terms: &'a Terms,
    /// The terms of its title alone.
    pub title: &'a Terms,
}

/// Places every article in exactly one story, stories in order of their first article.
/// Deterministic: the input order decides ties, so callers pass articles in a
/// canonical order (by path).
///
/// Two passes of the same single-pass assignment: articles into stories at
/// [`Params::threshold`], then those stories' centroids into each other at
/// [`Params::merge`] (reports of one event that a first pass split, often because
/// early and late reports stress different details).
pub fn cluster(items: &[Item], p: &Params) -> Clusters {
    cluster_with(items, p, &|_| {})
}

/// [`cluster`], calling `joined(i)` as soon as the first pass puts item `i` in a story
/// with another item: it will not be alone in its story (merges only add), but for an
/// English report that moves to another story ([`super::across`]). The caller may
/// start on such items' work while the grouping goes on.
pub fn cluster_with(items: &[Item], p: &Params, joined: &(dyn Fn(usize) + Sync)) -> Clusters {
    let df = doc_freq(items);
    let vectors = tfidf_with(items, p, &df);
    cluster_vectors(items, p, &df, vectors, joined)
}

/// [`cluster_with`] with the document frequencies and the TF-IDF vectors ([`tfidf_one`])
/// already made, each vector indexed like `items`. After them only the terms shared
/// across languages are read (`super::across`), so a caller that made the vectors one
/// article at a time may pass items holding only those (`qarin claims` on a folder,
/// docs/safety.md).
pub fn cluster_vectors(
    items: &[Item],
    p: &Params,
    df: &FastMap<u64, u32>,
    vectors: Vec<Vec<(u64, f32)>>,
    joined: &(dyn Fn(usize) + Sync),
) -> Clusters {
    let times: Vec<Option<i64>> = items.iter().map(|i| i.published).collect();
    let gaz = super::gazetteer::active();
    let places: Vec<Places> = items.par_iter().map(|it| Places::of(it, gaz)).collect();
    let first = assign(
        &vectors,
        &times,
        &places,
        Bar {
            threshold: p.threshold,
            span: p.span,
            tails: &[],
        },
        p,
        joined,
    );
    // Drifted stories lose their tails (docs/stories.md, "Drift split").
    let (first, split) = super::split::split(first, &vectors, p);
    let mut in_tail = vec![false; items.len()];
    for s in split {
        for &i in &first[s + 1] {
            in_tail[i] = true;
        }
    }
    // Reports in another script join their story by what both languages share.
    let first = super::across::join(items, first, df, p);
    // The second pass sees each story as its centroid, dated by its first article.
    let centroids: Vec<Vec<(u64, f32)>> = first
        .iter()
        .map(|m| {
            let mut c = centroid(m.iter().map(|&i| vectors[i].as_slice()));
            c.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            c.truncate(p.merge_terms);
            // Every story's is held through the second pass: without the room of the cut.
            c.shrink_to_fit();
            normalise(&mut c);
            c.sort_by_key(|x| x.0);
            c
        })
        .collect();
    // A tail keeps its first member through the cross-language step (moves append).
    let tails: Vec<bool> = first
        .iter()
        .map(|m| m.first().is_some_and(|&i| in_tail[i]))
        .collect();
    let ctimes: Vec<Option<i64>> = first
        .iter()
        .map(|m| m.iter().filter_map(|&i| times[i]).min())
        .collect();
    let cplaces: Vec<Places> = first
        .iter()
        .map(|m| Places::of_all(m.iter().map(|&i| &places[i])))
        .collect();
    let merged = assign(
        &centroids,
        &ctimes,
        &cplaces,
        Bar {
            threshold: p.merge,
            span: p.merge_span,
            tails: &tails,
        },
        p,
        &|_| {},
    );
    let members: Vec<Vec<usize>> = merged
        .iter()
        .map(|group| {
            group
                .iter()
                .flat_map(|&s| first[s].iter().copied())
                .collect()
        })
        .collect();
    let mut members = super::pivot::merge(items, members, &vectors, &places, p);
    for m in &mut members {
        m.sort_by_key(|&i| (times[i].is_none(), times[i], i));
    }
    members.sort_by_key(|m| m.first().map(|&i| (times[i].is_none(), times[i], i)));
    Clusters { members, vectors }
}

/// The sum of vectors sorted by term, sorted by term.
pub fn centroid<'a>(vs: impl Iterator<Item = &'a [(u64, f32)]>) -> Vec<(u64, f32)> {
    let mut all: Vec<(u64, f32)> = vs.flatten().copied().collect();
    all.sort_by_key(|x| x.0);
    let mut out: Vec<(u64, f32)> = Vec::with_capacity(all.len());
    for (t, w) in all {
        match out.last_mut() {
            Some(last) if last.0 == t => last.1 += w,
            _ => out.push((t, w)),
        }
    }
    out
}

/// Scales a vector to unit length (a zero vector stays zero).
pub fn normalise(v: &mut [(u64, f32)]) {
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| x.1 /= norm);
    }
}

/// What [`cluster`] found.
pub struct Clusters {
    /// The articles of each story (indices into the input, oldest first).
    pub members: Vec<Vec<usize>>,
    /// Each article's unit TF-IDF vector, sorted by term.
    pub vectors: Vec<Vec<(u64, f32)>>,
}

/// Unit-length TF-IDF vectors, the `top_terms` heaviest terms of each, sorted by term.
/// Terms in only one article are dropped: they cannot link two articles.
pub fn tfidf(items: &[Item], p: &Params) -> Vec<Vec<(u64, f32)>> {
    tfidf_with(items, p, &doc_freq(items))
}

/// [`tfidf`] with the document frequencies already counted.
pub fn tfidf_with(items: &[Item], p: &Params, df: &FastMap<u64, u32>) -> Vec<Vec<(u64, f32)>> {
    let idf = idf(df, items.len(), p);
    // On every core: the grouping is on one thread and the longest path of a cold
    // `qarin stories` (docs/stories.md, Speed).
    items
        .par_iter()
        .map(|it| tfidf_one(it.terms, &idf, p))
        .collect()
}

/// The IDF of the terms kept, among `n` articles of document frequencies `df`.
pub fn idf(df: &FastMap<u64, u32>, n: usize, p: &Params) -> FastMap<u64, f32> {
    let max_df = if n >= MIN_DOCS_FOR_DF {
        (p.max_df * n as f32).max(2.0)
    } else {
        f32::INFINITY
    };
    let n = n as f32;
    // Smoothed IDF, ln((1 + n) / (1 + df)) + 1, of the terms kept: once per term,
    // not once per article holding it.
    df.iter()
        .filter_map(|(&t, &d)| {
            let d = d as f32;
            (d >= 2.0 && d <= max_df).then(|| (t, ((n + 1.0) / (d + 1.0)).ln() + 1.0))
        })
        .collect()
}

/// One article's unit-length TF-IDF vector ([`tfidf`]), with the IDF of [`idf`].
pub fn tfidf_one(terms: &Terms, idf: &FastMap<u64, f32>, p: &Params) -> Vec<(u64, f32)> {
    let mut v: Vec<(u64, f32)> = terms
        .0
        .iter()
        // Names are for the cross-language join only (docs/stories.md, "Names across
        // scripts"): the clustering is the words' and the gazetteer's.
        .filter(|&&(t, _)| t != LATIN && !is_name(t))
        .filter_map(|&(t, w)| {
            let w = if is_entity(t) { w * p.entity } else { w };
            let idf = idf.get(&t)?;
            (w > 0.0).then(|| (t, w * idf))
        })
        .collect();
    // Heaviest first, then by term so equal weights cut the same way every run.
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(p.top_terms);
    // Every article's vector is kept to the end: without the room of the terms cut.
    v.shrink_to_fit();
    normalise(&mut v);
    v.sort_by_key(|x| x.0);
    v
}

/// In how many articles each term is.
pub fn doc_freq(items: &[Item]) -> FastMap<u64, u32> {
    // Counted in parts on every core, then summed (counts: the same in any order).
    let count = |mut df: FastMap<u64, u32>, it: &Item| {
        for &(t, _) in &it.terms.0 {
            *df.entry(t).or_insert(0) += 1;
        }
        df
    };
    items
        .par_iter()
        .with_min_len(1024)
        .fold(FastMap::default, count)
        .reduce(FastMap::default, |mut a, mut b| {
            if a.len() < b.len() {
                std::mem::swap(&mut a, &mut b);
            }
            for (t, n) in b {
                *a.entry(t).or_insert(0) += n;
            }
            a
        })
}

/// Cosine of two unit vectors sorted by term (term hashes or term numbers).
pub fn cosine<T: Ord>(a: &[(T, f32)], b: &[(T, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}
