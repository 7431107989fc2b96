//! Search over the open articles, and the results list view. Matching is the shared
//! folding (`text::fold`): harakat and tatweel ignored, letter variants and case folded.
//! Matches are byte ranges in the original paragraph, so the highlight lands on the
//! bidi-rendered cells.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{self, Align};
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
/// paragraphs are searched on all cores.
pub fn search(state: &State, articles: &[usize], query: &str) -> Vec<Match> {
    use rayon::prelude::*;
    let Some(finder) = Finder::new(query) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &ai in articles {
        let Some(a) = state.articles.get(ai) else {
            continue;
        };
        let found: Vec<Vec<Match>> = (0..a.paragraphs.len())
            .into_par_iter()
            .with_min_len(256)
            .map_init(Vec::new, |buf, pi| {
                let p = a.paragraphs.get(pi).unwrap_or("");
                finder
                    .find(p, buf)
                    .into_iter()
                    .map(|range| Match {
                        article: ai,
                        para: pi,
                        range,
                    })
                    .collect()
            })
            .collect();
        out.extend(found.into_iter().flatten());
    }
    out
}

/// The results list of a search over all articles.
pub fn draw_results(state: &State, area: Rect, buf: &mut Buffer) {
    let theme = state.theme();
    let s = &state.search;
    let header = format!(
        "{} matches for «{}» in all articles — Enter opens, Esc goes back",
        s.matches.len(),
        s.query
    );
    draw::text(
        state,
        buf,
        Rect::new(area.x, area.y, area.width, 1),
        &header,
        theme.header(),
        Align::Left,
    );
    let rows = area.height.saturating_sub(1) as usize;
    if rows == 0 {
        return;
    }
    let sel = s.selected.min(s.matches.len().saturating_sub(1));
    let first = sel.saturating_sub(rows.saturating_sub(1));
    for (row, (i, m)) in s
        .matches
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = area.y + 1 + row as u16;
        let Some(a) = state.articles.get(m.article) else {
            continue;
        };
        let label = format!("{} ¶{}", a.short, m.para + 1);
        let label_w = (area.width / 4).clamp(1, 20);
        let style = if i == sel {
            theme.selected()
        } else {
            theme.plain()
        };
        let cols = super::screen::columns(
            Rect::new(area.x, y, area.width, 1),
            &[label_w, area.width.saturating_sub(label_w)],
            true,
        );
        draw::text(state, buf, cols[0], &label, style, Align::Right);
        let para = &a.paragraphs[m.para.min(a.paragraphs.len().saturating_sub(1))];
        let (snippet, hit) = snippet(para, &m.range, cols[1].width as usize);
        draw::text_with_highlight(
            state,
            buf,
            cols[1],
            &snippet,
            hit,
            style,
            theme.search_match(true),
        );
    }
}

/// Some text around `range` that fits about `width` columns, and the match's range in it.
fn snippet(para: &str, range: &Range<usize>, width: usize) -> (String, Range<usize>) {
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
