//! Re-finding all of one article's bookmarks at once, in time linear in the article.
//!
//! The rules are `anchor`'s (same place, exact text nearest, normalized text nearest,
//! most words in one paragraph); only the work is shared. One pass finds every passage's
//! exact text with a prebuilt `memmem` finder per passage; the passages still not found
//! share a second pass in which each paragraph is normalized once, searched for every
//! normalized passage, and its words counted once against all passages' words (a
//! multiset intersection by word id, not a search of the paragraph per word, which made
//! a one-paragraph article of 160k words take 31 s).

use std::collections::HashMap;

use memchr::memmem;

use super::anchor::{Anchor, Location, Match, Normalized, SIMILAR_WORDS, ignorable};
use super::model::Bookmark;
use crate::corpus::Paragraphs;

/// Where each of `bms` is in the article's current `paragraphs`, in order.
pub fn reanchor_all(bms: &[&Bookmark], paragraphs: &Paragraphs) -> Vec<Anchor> {
    let mut found: Vec<Option<Anchor>> = bms.iter().map(|b| settled(b, paragraphs)).collect();
    let pending: Vec<usize> = (0..bms.len()).filter(|&i| found[i].is_none()).collect();
    if pending.is_empty() {
        return found
            .into_iter()
            .map(|a| a.unwrap_or(Anchor::Lost))
            .collect();
    }

    // Pass 1: the exact text anywhere, nearest to the old place.
    let finders: Vec<_> = pending
        .iter()
        .map(|&i| (i, memmem::Finder::new(bms[i].text.as_bytes())))
        .collect();
    let mut exact: Vec<Option<Location>> = vec![None; bms.len()];
    // Streamed: re-finding in a 1 GB article holds a chunk of it at a time.
    for (pi, p) in paragraphs.stream().enumerate() {
        for (i, finder) in &finders {
            let len = finder.needle().len();
            for s in finder.find_iter(p.as_bytes()) {
                let loc = Location {
                    paragraph: pi + 1,
                    start: s,
                    end: s + len,
                };
                keep_nearest(&mut exact[*i], loc, old(bms[*i]));
            }
        }
    }
    let mut rest = Vec::new();
    for i in pending {
        match exact[i] {
            Some(loc) => found[i] = Some(Anchor::Found(loc, Match::Moved)),
            None => rest.push(i),
        }
    }
    if !rest.is_empty() {
        let loose = loose_pass(bms, &rest, paragraphs);
        for (i, anchor) in rest.into_iter().zip(loose) {
            found[i] = Some(anchor);
        }
    }
    found
        .into_iter()
        .map(|a| a.unwrap_or(Anchor::Lost))
        .collect()
}

/// What needs no search: the passage still at its place, or nothing to look for.
fn settled(bm: &Bookmark, paragraphs: &Paragraphs) -> Option<Anchor> {
    let here = bm
        .paragraph
        .checked_sub(1)
        .and_then(|i| paragraphs.get(i))
        .and_then(|p| p.get(bm.start..bm.end));
    if here == Some(bm.text.as_str()) {
        return Some(Anchor::Found(old(bm), Match::Same));
    }
    bm.text.trim().is_empty().then_some(Anchor::Lost)
}

fn old(bm: &Bookmark) -> Location {
    Location {
        paragraph: bm.paragraph,
        start: bm.start,
        end: bm.end,
    }
}

/// Keeps the candidate closest to the old place (by paragraph, then byte offset); the
/// first of equals wins.
fn keep_nearest(best: &mut Option<Location>, loc: Location, old: Location) {
    let key = |l: &Location| {
        (
            l.paragraph.abs_diff(old.paragraph),
            l.start.abs_diff(old.start),
        )
    };
    if best.as_ref().is_none_or(|b| key(&loc) < key(b)) {
        *best = Some(loc);
    }
}

/// One passage's needs in the loose pass.
struct Loose<'n> {
    old: Location,
    finder: Option<memmem::Finder<'n>>,
    /// (word id, times in the passage); `total` words in all.
    words: Vec<(usize, usize)>,
    total: usize,
    normalized: Option<Location>,
    similar: Option<(f64, Location)>,
}

/// Pass 2 for the passages `rest` of `bms`: normalized text, else most words.
fn loose_pass(bms: &[&Bookmark], rest: &[usize], paragraphs: &Paragraphs) -> Vec<Anchor> {
    let needles: Vec<String> = rest
        .iter()
        .map(|&i| Normalized::new(&bms[i].text).text)
        .collect();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut loose: Vec<Loose> = rest
        .iter()
        .zip(&needles)
        .map(|(&i, needle)| {
            let mut counts: HashMap<usize, usize> = HashMap::new();
            let mut total = 0;
            for w in needle.split(' ').filter(|w| !w.is_empty()) {
                let next = ids.len();
                *counts.entry(*ids.entry(w).or_insert(next)).or_default() += 1;
                total += 1;
            }
            let mut words: Vec<_> = counts.into_iter().collect();
            words.sort_unstable();
            Loose {
                old: old(bms[i]),
                finder: (!needle.is_empty()).then(|| memmem::Finder::new(needle.as_bytes())),
                words,
                total,
                normalized: None,
                similar: None,
            }
        })
        .collect();
    let mut seen = vec![0usize; ids.len()];
    let mut touched = Vec::new();
    let mut norm = String::new();
    for (pi, p) in paragraphs.stream().enumerate() {
        let p: &str = &p;
        normalize_into(p, &mut norm);
        // The byte map back to `p` is built only for a paragraph that holds a match.
        let mut map: Option<Normalized> = None;
        for l in loose.iter_mut() {
            let Some(finder) = &l.finder else { continue };
            let len = finder.needle().len();
            for s in finder.find_iter(norm.as_bytes()) {
                let map = map.get_or_insert_with(|| Normalized::new(p));
                if let Some((start, end)) = map.original(s, s + len) {
                    let loc = Location {
                        paragraph: pi + 1,
                        start,
                        end,
                    };
                    keep_nearest(&mut l.normalized, loc, l.old);
                }
            }
        }
        for w in norm.split(' ').filter(|w| !w.is_empty()) {
            if let Some(&id) = ids.get(w) {
                if seen[id] == 0 {
                    touched.push(id);
                }
                seen[id] += 1;
            }
        }
        let whole = Location {
            paragraph: pi + 1,
            start: 0,
            end: p.len(),
        };
        for l in loose.iter_mut().filter(|l| l.total > 0) {
            let common: usize = l.words.iter().map(|&(id, n)| n.min(seen[id])).sum();
            let score = common as f64 / l.total as f64;
            let better = match l.similar {
                None => true,
                Some((s, b)) => {
                    score > s
                        || (score == s
                            && whole.paragraph.abs_diff(l.old.paragraph)
                                < b.paragraph.abs_diff(l.old.paragraph))
                }
            };
            if score >= SIMILAR_WORDS && better {
                l.similar = Some((score, whole));
            }
        }
        for id in touched.drain(..) {
            seen[id] = 0;
        }
    }
    loose
        .into_iter()
        .map(|l| match (l.normalized, l.similar) {
            (Some(loc), _) => Anchor::Found(loc, Match::Normalized),
            (None, Some((_, loc))) => Anchor::Found(loc, Match::Similar),
            (None, None) => Anchor::Lost,
        })
        .collect()
}

/// `Normalized::new(s).text` into a reused buffer, without the byte map.
fn normalize_into(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars() {
        if ignorable(c) {
            continue;
        }
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::super::anchor::reanchor_one;
    use super::*;
    use proptest::prelude::*;

    /// A small alphabet so passages recur, half-match and move: letters, harakat,
    /// tatweel, spaces, tabs and a bidi mark.
    fn para() -> impl Strategy<Value = String> {
        "[ابت ج\u{064E}\u{0640}\t\u{200F}1]{0,24}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// The batch gives, for every bookmark, exactly what the one-at-a-time rules give.
        #[test]
        fn batch_agrees_with_one_at_a_time(
            paras in prop::collection::vec(para(), 0..7),
            marks in prop::collection::vec((0usize..8, 0usize..30, 0usize..30, para()), 1..6),
        ) {
            let paragraphs = Paragraphs::from(paras.clone());
            let bms: Vec<Bookmark> = marks
                .iter()
                .map(|(p, s, e, t)| {
                    // Half of them taken from the article itself, so some are found.
                    let from = paras.get(*p).filter(|_| s % 2 == 0).and_then(|x| {
                        let b: Vec<usize> = x.char_indices().map(|(i, _)| i).chain([x.len()]).collect();
                        let (a, z) = (b[s % b.len()], b[e % b.len()]);
                        x.get(a.min(z)..a.max(z)).map(|t| (a.min(z), t.to_owned()))
                    });
                    match from {
                        Some((a, text)) => Bookmark::passage(p + 1, a, &text),
                        None => Bookmark::passage(*p, *s, t),
                    }
                })
                .collect();
            let refs: Vec<&Bookmark> = bms.iter().collect();
            let batch = reanchor_all(&refs, &paragraphs);
            for (b, got) in bms.iter().zip(batch) {
                prop_assert_eq!(got, reanchor_one(b, &paragraphs), "{:?}", b.text);
            }
        }

        #[test]
        fn normalizing_into_a_buffer_matches_the_mapped_form(s in para()) {
            let mut out = String::from("left over");
            normalize_into(&s, &mut out);
            prop_assert_eq!(out, Normalized::new(&s).text);
        }
    }

    #[test]
    fn a_changed_long_paragraph_is_refound_without_a_search_per_word() {
        // A whole-paragraph bookmark of 60k words; one word changed since. Matching it
        // word by word against the paragraph's pool took 3.6e9 string comparisons.
        let words: Vec<String> = (0..60_000).map(|i| format!("كلمة{i}")).collect();
        let before = words.join(" ");
        let mut changed = words.clone();
        changed[30_000] = "تغيرت".into();
        let paragraphs = Paragraphs::from(vec!["عنوان".to_owned(), changed.join(" ")]);
        let b = Bookmark::passage(2, 0, &before);
        let lost: Vec<Bookmark> = (0..8)
            .map(|k| Bookmark::passage(1, 0, &format!("غائب{k} ليس هنا أبدا {k}")))
            .chain([b])
            .collect();
        let refs: Vec<&Bookmark> = lost.iter().collect();
        let start = std::time::Instant::now();
        let anchors = reanchor_all(&refs, &paragraphs);
        assert!(anchors[..8].iter().all(|a| *a == Anchor::Lost));
        assert_eq!(anchors[8].status(), "similar");
        assert_eq!(anchors[8].location().map(|l| l.paragraph), Some(2));
        // A hang guard, not a figure (those are in docs/safety.md): the old search
        // needed minutes here in a debug build.
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }
}
