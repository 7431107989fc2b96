//! The single-pass assignment of [`super::cluster`]: vectors, oldest first, into
//! groups by the cosine with each group's centroid (docs/stories.md, Method).
//!
//! It is the one sequential step of a cold `qarin stories` (docs/stories.md, Speed), so
//! terms are numbered densely first (on every core): posting lists are then found by
//! index and a group's centroid is a sorted vector merged with each new member, where
//! hash-map probes were half of the assignment's time.

use rayon::prelude::*;

use super::cluster::Params;
use super::places::Places;

/// What a pass of [`assign`] asks of a group to join it.
pub(super) struct Bar<'a> {
    /// Least cosine with the group's centroid.
    pub threshold: f32,
    /// Seconds after the group's first member it stays open.
    pub span: i64,
    /// Which vectors are drifted stories' tails ([`super::split`]; empty: none).
    pub tails: &'a [bool],
}

/// Each vector, oldest first, joins the open group whose centroid is most similar if
/// that reaches `bar.threshold` and whose places are not apart from its own
/// ([`Places::apart`]), else starts a group; `joined` hears of each vector as soon as
/// it shares a group. A group is open to a vector published at `t` while its last
/// member is at most `p.window` older and its first at most `bar.span` older.
pub(super) fn assign(
    vectors: &[Vec<(u64, f32)>],
    times: &[Option<i64>],
    places: &[Places],
    bar: Bar,
    p: &Params,
    joined: &(dyn Fn(usize) + Sync),
) -> Vec<Vec<usize>> {
    let Bar {
        threshold,
        span,
        tails,
    } = bar;
    let (vectors, n_terms) = dense(vectors);
    // Oldest first; undated last, where no window closes a story for them.
    let mut order: Vec<usize> = (0..vectors.len()).collect();
    order.sort_by_key(|&i| (times[i].is_none(), times[i], i));

    let mut stories: Vec<Story> = Vec::new();
    // term -> (story, the term's weight in its centroid) for the open stories holding
    // it: the weight is read here, not looked up in the story, in the inner loop.
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    // Dot products with the stories touched by the current article (dense, by story).
    let mut score: Vec<f32> = Vec::new();
    // Each story's (first, last) publication time, dense by story: the inner loop
    // reads them for every posting, and reaching into `stories` missed the cache.
    let mut bounds: Vec<(Option<i64>, Option<i64>)> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    for &i in &order {
        let v = &vectors[i];
        let t = times[i];
        let is_tail = tails.get(i).copied().unwrap_or(false);
        for &(term, w) in v {
            let Some(list) = postings.get_mut(term as usize) else {
                continue;
            };
            // One pass: closed stories leave the list (posting lists stay short), open
            // ones add to their score.
            list.retain(|&(s, c)| {
                if let Some(t) = t
                    && !open_at(bounds[s as usize], t, p.window, span)
                {
                    return false;
                }
                let x = &mut score[s as usize];
                if *x == 0.0 {
                    touched.push(s);
                }
                *x += w * c;
                true
            });
        }
        let best = touched
            .iter()
            .filter_map(|&s| {
                let story = &stories[s as usize];
                let cos = score[s as usize] / story.norm();
                // The decay is at most 1: below the threshold without it, below with it
                // (and its `powf` is skipped).
                (cos >= threshold).then(|| (s, cos * p.decay(t, story.first)))
            })
            .filter(|&(s, cos)| cos >= threshold && !places[i].apart(&stories[s as usize].places))
            // A drifted story's tail joins only a story whose first part it matches,
            // not only the centroid of all it holds (docs/stories.md, "Drift split").
            .filter(|&(s, _)| {
                !is_tail || {
                    let story = &stories[s as usize];
                    let first = &vectors[story.members[0]];
                    super::cluster::cosine(v, first) * p.decay(t, story.first)
                        >= p.rejoin.max(threshold)
                }
            })
            // Highest similarity; on a tie the older story.
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        for &s in &touched {
            score[s as usize] = 0.0;
        }
        touched.clear();
        let s = match best {
            Some((s, _)) => s,
            None => {
                stories.push(Story::default());
                score.push(0.0);
                bounds.push((None, None));
                (stories.len() - 1) as u32
            }
        };
        let story = &mut stories[s as usize];
        // A tail that joins adds nothing to the centroid: it cannot steer which later
        // parts join (docs/stories.md, "Drift split"); it still starts a story of its own.
        if !(is_tail && best.is_some()) || p.tail_pull {
            story.add(s, v, &mut postings);
        }
        if let [only] = story.members[..] {
            joined(only);
        }
        if !story.members.is_empty() {
            joined(i);
        }
        story.members.push(i);
        story.places.extend(&places[i]);
        if let Some(t) = t {
            story.first = Some(story.first.map_or(t, |f| f.min(t)));
            story.last = Some(story.last.map_or(t, |l| l.max(t)));
        }
        bounds[s as usize] = (story.first, story.last);
    }
    stories.into_iter().map(|s| s.members).collect()
}

/// The vectors with their terms numbered 0.. in the order of the terms (so each stays
/// sorted by term), and how many terms there are.
fn dense(vectors: &[Vec<(u64, f32)>]) -> (Vec<Vec<(u32, f32)>>, usize) {
    let mut terms: Vec<u64> = vectors
        .par_iter()
        .flat_map_iter(|v| v.iter().map(|x| x.0))
        .collect();
    terms.par_sort_unstable();
    terms.dedup();
    let dense = vectors
        .par_iter()
        .map(|v| {
            v.iter()
                .map(|&(t, w)| (terms.binary_search(&t).unwrap_or(0) as u32, w))
                .collect()
        })
        .collect();
    (dense, terms.len())
}

#[derive(Default)]
struct Story {
    members: Vec<usize>,
    /// Sum of the member vectors (so the cosine with it is the cosine with the mean),
    /// sorted by term.
    centroid: Vec<(u32, f32)>,
    norm2: f32,
    /// The places its articles name (see [`Places`]).
    places: Places,
    first: Option<i64>,
    last: Option<i64>,
}

impl Story {
    fn norm(&self) -> f32 {
        self.norm2.max(f32::MIN_POSITIVE).sqrt()
    }

    /// Adds the vector `v` (sorted by term) of a new member to the centroid of this
    /// story, number `s`, and to the postings: one merge of two sorted lists.
    fn add(&mut self, s: u32, v: &[(u32, f32)], postings: &mut [Vec<(u32, f32)>]) {
        let old = std::mem::take(&mut self.centroid);
        let mut out = Vec::with_capacity(old.len() + v.len());
        let mut a = old.iter().copied().peekable();
        for &(term, w) in v {
            while let Some(&x) = a.peek()
                && x.0 < term
            {
                out.push(x);
                a.next();
            }
            let c = match a.peek() {
                Some(&(t, c)) if t == term => {
                    a.next();
                    c
                }
                _ => 0.0,
            };
            if let Some(list) = postings.get_mut(term as usize) {
                if c == 0.0 {
                    list.push((s, w));
                } else if let Some(e) = list.iter_mut().rev().find(|e| e.0 == s) {
                    e.1 += w;
                }
            }
            self.norm2 += (c + w) * (c + w) - c * c;
            out.push((term, c + w));
        }
        out.extend(a);
        self.centroid = out;
    }
}

/// Whether an article published at `t` may still join a story of these (first, last)
/// times: within `window` of its last article and `span` of its first.
#[inline]
fn open_at((first, last): (Option<i64>, Option<i64>), t: i64, window: i64, span: i64) -> bool {
    last.is_none_or(|l| t - l <= window) && first.is_none_or(|f| t - f <= span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_centroid_is_the_sum_of_its_members_and_the_postings_hold_its_weights() {
        let mut postings = vec![Vec::new(); 4];
        let mut s = Story::default();
        s.add(0, &[(1, 0.5), (3, 0.5)], &mut postings);
        s.add(0, &[(0, 1.0), (3, 0.25)], &mut postings);
        assert_eq!(s.centroid, vec![(0, 1.0), (1, 0.5), (3, 0.75)]);
        assert_eq!(postings[3], vec![(0, 0.75)]);
        assert_eq!(postings[0], vec![(0, 1.0)]);
        assert!(
            (s.norm2 - (1.0 + 0.25 + 0.5625)).abs() < 1e-6,
            "{}",
            s.norm2
        );
    }

    #[test]
    fn dense_numbers_keep_the_order_of_the_terms() {
        let (d, n) = dense(&[vec![(10, 1.0), (99, 2.0)], vec![(5, 1.0), (99, 1.0)]]);
        assert_eq!(n, 3);
        assert_eq!(d, vec![vec![(1, 1.0), (2, 2.0)], vec![(0, 1.0), (2, 1.0)]]);
    }

    /// Parts A, T (A's drifted tail, sharing one term with it), B (sharing T's other
    /// term only), at one time, at a threshold of 0.3.
    fn parts(tails: &[bool], pull: bool) -> Vec<Vec<usize>> {
        let v = vec![
            vec![(0, 0.8), (1, 0.6)],
            vec![(0, 0.6), (2, 0.8)],
            vec![(2, 0.8), (3, 0.6)],
        ];
        let p = Params {
            tail_pull: pull,
            ..Params::default()
        };
        let places = vec![Places::default(); 3];
        let bar = Bar {
            threshold: 0.3,
            span: p.span,
            tails,
        };
        assign(&v, &[Some(0); 3], &places, bar, &p, &|_| {})
    }

    #[test]
    fn a_rejoined_tail_does_not_pull_later_parts_into_its_story() {
        // Without the tail's mark, T joins A and the centroid A + T takes B (0.37).
        assert_eq!(parts(&[], false), vec![vec![0, 1, 2]]);
        // Marked, T joins A (0.48 with A's first part) but adds nothing to it: B
        // meets A alone (0) and starts a story.
        assert_eq!(
            parts(&[false, true, false], false),
            vec![vec![0, 1], vec![2]]
        );
        assert_eq!(parts(&[false, true, false], true), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_tail_joins_only_a_story_whose_first_part_it_matches() {
        // A, B (0.6 with A), then T (0.32 with A, 0.95 with B): the centroid A + B takes
        // T at 0.71; as a tail it needs 0.3 (the threshold) with the first part, A: it joins.
        let v = vec![
            vec![(0, 1.0)],
            vec![(0, 0.6), (1, 0.8)],
            vec![(0, 0.32), (1, 0.947)],
        ];
        let p = Params::default();
        let places = vec![Places::default(); 3];
        let run = |tails: &[bool], rejoin: f32| {
            let p = Params { rejoin, ..p };
            let bar = Bar {
                threshold: 0.3,
                span: p.span,
                tails,
            };
            assign(&v, &[Some(0); 3], &places, bar, &p, &|_| {})
        };
        assert_eq!(run(&[false, false, true], 0.27), vec![vec![0, 1, 2]]);
        // At a bar of 0.35 on the first part it starts a story, whatever the centroid.
        assert_eq!(run(&[false, false, true], 0.35), vec![vec![0, 1], vec![2]]);
        assert_eq!(run(&[], 0.35), vec![vec![0, 1, 2]]);
    }
}
