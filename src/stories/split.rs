//! Drift split: a first-pass story whose late members no longer match its first ones
//! is cut in two (docs/stories.md, Method, "Drift split").
//!
//! Single-pass clustering compares an article with the centroid of everything the
//! story holds so far, so a story can drift: each step is small, but its last members
//! share with its first only a person or an organisation, not the subject. The *core*
//! of a story is its first members; the members after them whose cosine with the
//! core's centroid is below [`Params::split`] leave, together, as a story of their
//! own (the *tail*). They stay together rather than being placed again one by one: a
//! guard that refused them one by one in the first pass scattered them into other
//! stories (docs/stories.md, "A drift guard in the first pass").

use super::cluster::{Params, centroid, cosine, normalise};

/// `stories` (members oldest first, as the first pass makes them) with each drifted
/// story's tail split off. A story is looked at only with more than [`Params::core`]
/// members, and a tail of one article stays where it is (one article is no drift).
/// Also the number of each story split: it is followed by its tail.
pub(super) fn split(
    stories: Vec<Vec<usize>>,
    vectors: &[Vec<(u64, f32)>],
    p: &Params,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut split = Vec::new();
    if p.core == 0 || p.split <= 0.0 {
        return (stories, split);
    }
    let mut out = Vec::with_capacity(stories.len());
    for members in stories {
        if members.len() <= p.core + 1 {
            out.push(members);
            continue;
        }
        let mut core = centroid(members[..p.core].iter().map(|&i| vectors[i].as_slice()));
        normalise(&mut core);
        let (mut keep, mut tail): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        for (k, &i) in members.iter().enumerate() {
            if k < p.core || cosine(&vectors[i], &core) >= p.split {
                keep.push(i);
            } else {
                tail.push(i);
            }
        }
        if tail.len() < 2 {
            out.push(members);
        } else {
            split.push(out.len());
            out.push(keep);
            out.push(tail);
        }
    }
    (out, split)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Params {
        Params {
            core: 3,
            split: 0.35,
            ..Params::default()
        }
    }

    #[test]
    fn late_members_unlike_the_core_leave_together() {
        let core = vec![(1, 0.8), (2, 0.6)];
        let drift = vec![(2, 0.2), (3, 0.98)];
        // 0..3 the core, 3 and 5 drifted, 4 and 6 like the core.
        let v = vec![
            core.clone(),
            core.clone(),
            core.clone(),
            drift.clone(),
            core.clone(),
            drift,
            core,
        ];
        let stories = vec![vec![0, 1, 2, 3, 4, 5, 6], vec![]];
        let (out, cut) = split(stories, &v, &p());
        assert_eq!(out, vec![vec![0, 1, 2, 4, 6], vec![3, 5], vec![]]);
        assert_eq!(cut, vec![0]);
    }

    #[test]
    fn one_drifted_member_or_a_short_story_stays() {
        let core = vec![(1, 1.0)];
        let drift = vec![(3, 1.0)];
        let v = vec![
            core.clone(),
            core.clone(),
            core.clone(),
            drift.clone(),
            core,
            drift,
        ];
        // One member below the bar: no tail.
        let (out, cut) = split(vec![vec![0, 1, 2, 3, 4]], &v, &p());
        assert_eq!((out, cut), (vec![vec![0, 1, 2, 3, 4]], vec![]));
        // Core + 1 members: too short to look at.
        let (out, cut) = split(vec![vec![0, 3, 5, 1]], &v, &p());
        assert_eq!((out, cut), (vec![vec![0, 3, 5, 1]], vec![]));
    }
}
