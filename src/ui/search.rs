//! Search over the open articles, and the results list view. Matching is the shared
//! folding (`text::fold`): harakat and tatweel ignored, letter variants and case folded.
//! Matches are byte ranges in the original paragraph, so the highlight lands on the
//! bidi-rendered cells.

use std::ops::Range;

use super::state::State;
use crate::text::fold::Finder;

/// One match: article index, paragraph index, byte range in the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub article: usize,
    pub para: usize,
    pub range: Range<usize>,
}

/// Every match of `query` in the given articles (indices), in reading order. The
/// paragraphs are searched on all cores, each streaming its part of the article: a
/// large file is read a chunk per core at a time and none of it is kept.
pub fn search(state: &State, articles: &[usize], query: &str) -> Vec<Match> {
    use rayon::prelude::*;
    let Some(finder) = Finder::new(query) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &ai in articles {
        let Some(a) = state.model.article(ai) else {
            continue;
        };
        let found: Vec<Vec<Match>> = a
            .paragraphs
            .parts()
            .into_par_iter()
            .map_init(Vec::new, |buf, part| {
                let mut found = Vec::new();
                for (pi, p) in part.clone().zip(a.paragraphs.stream_range(part)) {
                    found.extend(finder.find(&p, buf).into_iter().map(|range| Match {
                        article: ai,
                        para: pi,
                        range,
                    }));
                }
                found
            })
            .collect();
        out.extend(found.into_iter().flatten());
    }
    out
}

/// Some text around `range` that fits about `width` columns, and the match's range in it.
pub fn snippet(para: &str, range: &Range<usize>, width: usize) -> (String, Range<usize>) {
    let before = width / 3;
    let mut start = range.start.min(para.len());
    for _ in 0..before {
        match para[..start].char_indices().next_back() {
            Some((i, _)) => start = i,
            None => break,
        }
    }
    let mut end = range.end.min(para.len()).max(start);
    for _ in 0..width {
        match para[end..].chars().next() {
            Some(c) => end += c.len_utf8(),
            None => break,
        }
    }
    let text = para[start..end].to_owned();
    let hit = range.start.saturating_sub(start)..range.end.min(end).saturating_sub(start);
    (text, hit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_stay_on_char_boundaries() {
        let p = "ابتث جحخ دذر";
        for s in 0..p.len() {
            if !p.is_char_boundary(s) {
                continue;
            }
            let (t, hit) = snippet(p, &(s..p.len()), 4);
            assert!(hit.end <= t.len());
        }
    }
}
