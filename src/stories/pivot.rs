//! Feature-pivot merge: facets of one event that the document clustering split join
//! on the bursting term their titles share.
//!
//! Document clustering (`super::cluster`) groups reports by their whole vocabulary; a
//! big event's coverage splits into facets that share little but the event's name
//! (the clashes at «الاتحادية», the health ministry's toll, the arrests, the autopsy).
//! Feature-pivot methods (Fung, Yu, Yu and Lu, *Parameter free bursty events detection
//! in text streams*, VLDB 2005) find events as bursty features instead. Here the two
//! meet: a story's pivot is the title term found in at least half of its titles and
//! bursting over the story's days (in titles at least [`Params::pivot`] times as often
//! as its rate over the corpus predicts); stories with the same pivot whose times meet
//! (within a day) and whose centroids are not unrelated (cosine at least
//! [`MIN_COSINE`]) merge.

use std::collections::HashMap;

use super::cluster::{Item, Params, centroid, cosine, normalise};
use super::places::Places;
use super::terms::{LATIN, SHARED, is_entity};

/// Fewest titles of a story, as a share, holding its pivot.
const MIN_SHARE: f32 = 0.5;

/// Least centroid cosine of two stories merged on their pivot: a common pivot with
/// nothing else in common is a coincidence of words.
pub const MIN_COSINE: f32 = 0.10;

const DAY: i64 = 86_400;

pub fn merge(
    items: &[Item],
    stories: Vec<Vec<usize>>,
    vectors: &[Vec<(u64, f32)>],
    places: &[Places],
    p: &Params,
) -> Vec<Vec<usize>> {
    if p.pivot <= 0.0 {
        return stories;
    }
    // Title terms (numbers aside: a figure is no event's name) per day.
    let title_terms = |i: usize| {
        items[i]
            .title
            .0
            .iter()
            .map(|x| x.0)
            .filter(|&t| t != LATIN && (t & SHARED == 0 || is_entity(t)))
    };
    let mut df: HashMap<u64, u32> = HashMap::new();
    let mut df_day: HashMap<(u64, i64), u32> = HashMap::new();
    let mut per_day: HashMap<i64, u32> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        let Some(day) = it.published.map(|t| t.div_euclid(DAY)) else {
            continue;
        };
        *per_day.entry(day).or_insert(0) += 1;
        for t in title_terms(i) {
            *df.entry(t).or_insert(0) += 1;
            *df_day.entry((t, day)).or_insert(0) += 1;
        }
    }
    let dated: u32 = per_day.values().sum();
    if dated == 0 {
        return stories;
    }

    // Each story's pivot, if it has one: (term, first, last).
    let mut pivots: Vec<(u64, i64, i64, usize)> = Vec::new();
    for (s, members) in stories.iter().enumerate() {
        let times = members.iter().filter_map(|&i| items[i].published);
        let (Some(first), Some(last)) = (times.clone().min(), times.max()) else {
            continue;
        };
        if members.len() < 2 {
            continue;
        }
        let mut count: HashMap<u64, u32> = HashMap::new();
        for &i in members {
            for t in title_terms(i) {
                *count.entry(t).or_insert(0) += 1;
            }
        }
        // The burst is measured around the story's first day: a story may go on for
        // days after its event's burst.
        let day = first.div_euclid(DAY);
        let (d0, d1) = (day - 1, day + 1);
        let docs: u32 = (d0..=d1).filter_map(|d| per_day.get(&d)).sum();
        let best = count
            .into_iter()
            .filter(|&(_, c)| c as f32 >= MIN_SHARE * members.len() as f32)
            .filter_map(|(t, c)| {
                let seen: u32 = (d0..=d1).filter_map(|d| df_day.get(&(t, d))).sum();
                let expected = df.get(&t).copied().unwrap_or(0) as f32 * docs as f32 / dated as f32;
                let ratio = seen as f32 / expected.max(1.0);
                (ratio >= p.pivot).then_some((t, c, ratio))
            })
            // Most titles; then the most bursting; then the term, for determinism.
            .max_by(|a, b| a.1.cmp(&b.1).then(a.2.total_cmp(&b.2)).then(b.0.cmp(&a.0)));
        if let Some((t, _, _)) = best {
            pivots.push((t, first, last, s));
        }
    }
    pivots.sort_unstable_by_key(|&(t, first, _, s)| (t, first, s));

    let centre = |m: &[usize]| {
        let mut c = centroid(m.iter().map(|&i| vectors[i].as_slice()));
        normalise(&mut c);
        c
    };
    let where_ = |m: &[usize]| Places::of_all(m.iter().map(|&i| &places[i]));
    let mut stories: Vec<Vec<usize>> = stories;
    let mut k = 0;
    while k < pivots.len() {
        let (t, _, mut last, head) = pivots[k];
        let mut c = centre(&stories[head]);
        let mut at = where_(&stories[head]);
        k += 1;
        while k < pivots.len() && pivots[k].0 == t && pivots[k].1 <= last + DAY {
            let (_, _, l, s) = pivots[k];
            let there = where_(&stories[s]);
            // One pivot («ميكروباص») in two places is two events.
            if cosine(&c, &centre(&stories[s])) >= MIN_COSINE && !at.apart(&there) {
                let moved = std::mem::take(&mut stories[s]);
                stories[head].extend(moved);
                c = centre(&stories[head]);
                at.extend(&there);
                last = last.max(l);
            }
            k += 1;
        }
    }
    stories.retain(|m| !m.is_empty());
    stories
}
