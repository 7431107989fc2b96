//! Search: Arabic-aware normalisation and matching (pure), and the results list view.
//!
//! Matching ignores harakat and tatweel and folds the letter variants people type
//! interchangeably (أ إ آ ٱ → ا, ى → ي, ة → ه), and ASCII case. Matches are byte ranges
//! in the original paragraph, so the highlight lands on the bidi-rendered cells.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{self, Align};
use super::state::State;

/// One match: article index, paragraph index, byte range in the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub article: usize,
    pub para: usize,
    pub range: Range<usize>,
}

/// The folded form of `c`, or `None` if search ignores it.
fn fold(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' => Some('ي'),
        'ة' => Some('ه'),
        c => Some(c.to_ascii_lowercase()),
    }
}

/// The normalised text.
pub fn normalize(s: &str) -> String {
    s.chars().filter_map(fold).collect()
}

/// Byte ranges in `hay` where the (already normalised) `needle` occurs.
pub fn find(hay: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    // Cheap test first: most paragraphs do not match.
    let folded = normalize(hay);
    if !folded.contains(needle) {
        return Vec::new();
    }
    // Map each byte of the folded text back to the source char it came from.
    let mut src: Vec<Range<usize>> = Vec::with_capacity(folded.len());
    for (i, c) in hay.char_indices() {
        if let Some(f) = fold(c) {
            for _ in 0..f.len_utf8() {
                src.push(i..i + c.len_utf8());
            }
        }
    }
    folded
        .match_indices(needle)
        .filter_map(|(at, m)| {
            let first = src.get(at)?;
            let last = src.get(at + m.len() - 1)?;
            Some(first.start..last.end)
        })
        .collect()
}

/// Every match of `query` in the given articles (indices), in reading order.
pub fn search(state: &State, articles: &[usize], query: &str) -> Vec<Match> {
    let needle = normalize(query);
    let mut out = Vec::new();
    for &ai in articles {
        let Some(a) = state.articles.get(ai) else {
            continue;
        };
        for (pi, p) in a.paragraphs.iter().enumerate() {
            for range in find(p, &needle) {
                out.push(Match {
                    article: ai,
                    para: pi,
                    range,
                });
            }
        }
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
    fn folding_ignores_harakat_and_tatweel() {
        assert_eq!(normalize("تُوكَايِيف"), "توكاييف");
        assert_eq!(normalize("كـــازاخستان"), "كازاخستان");
        assert_eq!(normalize("أإآٱ"), "اااا");
        assert_eq!(normalize("مستشفى القاهرة"), "مستشفي القاهره");
        assert_eq!(normalize("CSTO"), "csto");
    }

    #[test]
    fn matches_map_back_to_source_bytes() {
        let hay = "قال الرئيسُ تُوكَايِيف إنّ";
        let r = find(hay, &normalize("توكاييف"));
        assert_eq!(r.len(), 1);
        assert_eq!(&hay[r[0].clone()], "تُوكَايِيف");
        let r = find("إلى أين", &normalize("الي"));
        assert_eq!(r, vec![0.."إلى".len()]);
        assert!(find("abc", "").is_empty());
        assert!(find("abc", "x").is_empty());
        assert_eq!(find("a A a", "a").len(), 3);
    }

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
