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

/// [`normalize`] on bytes, into `out`: the same result, without decoding chars. Every
/// folded Arabic char is two bytes starting 0xD8 or 0xD9, and those are lead bytes only,
/// so pairs are found by their first byte; everything else is copied as it is.
fn fold_into(hay: &str, out: &mut Vec<u8>) {
    out.clear();
    let b = hay.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match (b[i], b.get(i + 1).copied().unwrap_or(0)) {
            (c, _) if c.is_ascii() => {
                out.push(c.to_ascii_lowercase());
                i += 1;
                continue;
            }
            // Harakat U+064B–065F, superscript alef U+0670, tatweel U+0640.
            (0xD9, 0x8B..=0x9F | 0xB0 | 0x80) => {}
            // أ إ آ → ا, ٱ → ا.
            (0xD8, 0xA2 | 0xA3 | 0xA5) | (0xD9, 0xB1) => out.extend_from_slice("ا".as_bytes()),
            // ى → ي, ة → ه.
            (0xD9, 0x89) => out.extend_from_slice("ي".as_bytes()),
            (0xD8, 0xA9) => out.extend_from_slice("ه".as_bytes()),
            (0xD8 | 0xD9, n) => out.extend_from_slice(&[b[i], n]),
            (c, _) => {
                out.push(c);
                i += 1;
                continue;
            }
        }
        i += 2;
    }
}

/// Byte ranges in `hay` where the (already normalised) `needle` occurs.
pub fn find(hay: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let finder = memchr::memmem::Finder::new(needle);
    find_with(hay, needle, &finder, &mut Vec::new())
}

/// [`find`] with the needle's searcher built once and a reused buffer: a search runs
/// this over every paragraph of a 100 MB article at each keystroke.
fn find_with(
    hay: &str,
    needle: &str,
    finder: &memchr::memmem::Finder,
    folded: &mut Vec<u8>,
) -> Vec<Range<usize>> {
    fold_into(hay, folded);
    // Most paragraphs do not match: no hit, no walk over their chars.
    let hits = finder.find_iter(folded).map(|at| (at, at + needle.len()));
    map_back(hay, hits)
}

/// Source byte ranges of matches given as folded byte ranges (ascending, not
/// overlapping): from the first char of the match to the last one it folds, so harakat
/// after the last letter are not part of it.
fn map_back(hay: &str, hits: impl Iterator<Item = (usize, usize)>) -> Vec<Range<usize>> {
    let mut chars = hay.char_indices();
    // Folded length of the chars taken from `chars` so far.
    let mut at = 0;
    let mut out = Vec::new();
    'hits: for (start, end) in hits {
        let mut range = loop {
            let Some((i, c)) = chars.next() else {
                break 'hits;
            };
            let n = fold(c).map_or(0, char::len_utf8);
            at += n;
            if n > 0 && at > start {
                break i..i + c.len_utf8();
            }
        };
        while at < end {
            let Some((i, c)) = chars.next() else {
                break 'hits;
            };
            let n = fold(c).map_or(0, char::len_utf8);
            at += n;
            if n > 0 {
                range.end = i + c.len_utf8();
            }
        }
        out.push(range);
    }
    out
}

/// Every match of `query` in the given articles (indices), in reading order. The
/// paragraphs are searched on all cores.
pub fn search(state: &State, articles: &[usize], query: &str) -> Vec<Match> {
    use rayon::prelude::*;
    let needle = normalize(query);
    if needle.is_empty() {
        return Vec::new();
    }
    let finder = memchr::memmem::Finder::new(&needle);
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
                find_with(p, &needle, &finder, buf)
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

    proptest::proptest! {
        /// The byte-level fold used to reject paragraphs equals the char-level one.
        #[test]
        fn folding_bytes_equals_folding_chars(s in "[a-zA-Z0-9 \u{0600}-\u{06FF}ـًٌٍَُِّْٰ€𝄞]{0,60}") {
            let mut out = Vec::new();
            fold_into(&s, &mut out);
            proptest::prop_assert_eq!(out, normalize(&s).into_bytes());
        }
    }

    /// The ranges found are those of the plain method: fold the paragraph, map each
    /// folded byte to its source char, search the folded text.
    fn find_slowly(hay: &str, needle: &str) -> Vec<Range<usize>> {
        let mut src: Vec<Range<usize>> = Vec::new();
        for (i, c) in hay.char_indices() {
            if let Some(f) = fold(c) {
                src.extend(std::iter::repeat_n(i..i + c.len_utf8(), f.len_utf8()));
            }
        }
        normalize(hay)
            .match_indices(needle)
            .map(|(at, m)| src[at].start..src[at + m.len() - 1].end)
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn matches_are_those_of_the_plain_method(
            hay in "[aAب ًُـأاىية]{0,40}",
            needle in "[aAب ًُـأاىية]{1,4}",
        ) {
            let needle = normalize(&needle);
            proptest::prop_assume!(!needle.is_empty());
            proptest::prop_assert_eq!(find(&hay, &needle), find_slowly(&hay, &needle));
        }
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
