//! The one Arabic folding: what counts as "the same letter" when matching.
//!
//! Harakat, Quranic marks, tatweel and invisible format characters are ignored; the
//! letter variants people type interchangeably fold to one (أ إ آ ٱ ٲ ٳ → ا, ى ئ ی → ي,
//! ة → ه, ؤ → و, ک → ك); letters are lower-cased. Search (`/`, `F`), the bookmarks
//! filter and the claims engine's lexicon matching all use it, so a word found by one
//! is found by the others. Matches are byte ranges in the original text.

use std::ops::Range;

/// Harakat, superscript alef, tatweel and Quranic marks: ignored by matching.
#[inline]
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}')
}

/// Zero-width and bidi format characters: invisible, so never part of a match.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

/// The folded form of `c`, or `None` if matching ignores it.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    // Most letters are plain Arabic letters that stay as they are (the claims engine
    // calls this on every character; keep this path first).
    if matches!(c, 'ا' | 'ب' | 'ت' | 'ث'..='غ' | 'ف'..='و') {
        return Some(c);
    }
    Some(match c {
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        _ if is_mark(c) || is_invisible(c) => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ئ' | 'ی' | 'ي' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ک' => 'ك',
        '\u{0600}'..='\u{06FF}' => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    })
}

/// The folded text, character by character (spacing kept as it is).
pub fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// The folded text with each run of spacing made one space and no spacing at either
/// end: for comparing words (filters, lexicon entries).
pub fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if let Some(f) = fold_char(c) {
            out.push(f);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// [`fold`] into `out` as bytes: the same result, with ASCII and two-byte (Arabic)
/// characters handled without the general decoder. Searching a 100 MB article runs
/// this over every paragraph.
pub fn fold_into(hay: &str, out: &mut Vec<u8>) {
    out.clear();
    let b = hay.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c0 = b[i];
        if c0.is_ascii() {
            out.push(c0.to_ascii_lowercase());
            i += 1;
            continue;
        }
        if (0xC2..0xE0).contains(&c0)
            && let Some(&c1) = b.get(i + 1)
        {
            // `hay` is valid UTF-8: a two-byte lead is followed by its continuation.
            let c = char::from_u32((u32::from(c0 & 0x1F) << 6) | u32::from(c1 & 0x3F));
            if let Some(f) = c.and_then(fold_char) {
                let mut tmp = [0u8; 4];
                out.extend_from_slice(f.encode_utf8(&mut tmp).as_bytes());
            }
            i += 2;
            continue;
        }
        let Some(c) = hay.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        if let Some(f) = fold_char(c) {
            let mut tmp = [0u8; 4];
            out.extend_from_slice(f.encode_utf8(&mut tmp).as_bytes());
        }
        i += c.len_utf8();
    }
}

/// Finds a folded needle in texts, reusing its searcher and buffer across texts.
pub struct Finder {
    needle: String,
    finder: memchr::memmem::Finder<'static>,
}

impl Finder {
    /// A finder for `query` as typed; `None` if it folds to nothing.
    pub fn new(query: &str) -> Option<Self> {
        let needle = fold(query);
        if needle.is_empty() {
            return None;
        }
        let finder = memchr::memmem::Finder::new(needle.as_bytes()).into_owned();
        Some(Finder { needle, finder })
    }

    /// The folded needle.
    pub fn needle(&self) -> &str {
        &self.needle
    }

    /// Byte ranges of `hay` that match, using `buf` for the folded text.
    pub fn find(&self, hay: &str, buf: &mut Vec<u8>) -> Vec<Range<usize>> {
        fold_into(hay, buf);
        // Most texts do not match: no hit, no walk over their chars.
        let hits = self
            .finder
            .find_iter(buf)
            .map(|at| (at, at + self.needle.len()));
        map_back(hay, hits)
    }
}

/// Byte ranges in `hay` where `query` occurs once both are folded.
pub fn find(hay: &str, query: &str) -> Vec<Range<usize>> {
    Finder::new(query).map_or_else(Vec::new, |f| f.find(hay, &mut Vec::new()))
}

/// Whether `query` occurs in `hay` once both are folded.
pub fn contains(hay: &str, query: &str) -> bool {
    let q = fold(query);
    q.is_empty() || fold(hay).contains(&q)
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
            let n = fold_char(c).map_or(0, char::len_utf8);
            at += n;
            if n > 0 && at > start {
                break i..i + c.len_utf8();
            }
        };
        while at < end {
            let Some((i, c)) = chars.next() else {
                break 'hits;
            };
            let n = fold_char(c).map_or(0, char::len_utf8);
            at += n;
            if n > 0 {
                range.end = i + c.len_utf8();
            }
        }
        out.push(range);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_marks_tatweel_and_invisibles() {
        assert_eq!(fold("تُوكَايِيف"), "توكاييف");
        assert_eq!(fold("كـــازاخستان"), "كازاخستان");
        assert_eq!(fold("أإآٱ"), "اااا");
        assert_eq!(fold("مستشفى القاهرة"), "مستشفي القاهره");
        assert_eq!(fold("مسئول مسؤول"), "مسيول مسوول");
        assert_eq!(fold("CSTO Ünal"), "csto ünal");
        assert_eq!(fold("ب\u{200F}ت\u{FEFF}"), "بت");
        assert_eq!(fold_words("  الأزمة \t\n في  "), "الازمه في");
    }

    #[test]
    fn matches_map_back_to_source_bytes() {
        let hay = "قال الرئيسُ تُوكَايِيف إنّ";
        let r = find(hay, "توكاييف");
        assert_eq!(r.len(), 1);
        assert_eq!(&hay[r[0].clone()], "تُوكَايِيف");
        assert_eq!(find("إلى أين", "الي"), vec![0.."إلى".len()]);
        assert!(find("abc", "").is_empty());
        assert!(find("abc", "x").is_empty());
        assert_eq!(find("a A a", "a").len(), 3);
        assert!(contains("الأزمة في مستشفى", "الازمه"));
    }

    proptest::proptest! {
        /// The byte-level fold equals the char-level one.
        #[test]
        fn folding_bytes_equals_folding_chars(s in "[a-zA-Z0-9 \u{0600}-\u{06FF}ـًٌٍَُِّْٰ€𝄞Üß\u{200F}\u{FEFF}ی]{0,60}") {
            let mut out = Vec::new();
            fold_into(&s, &mut out);
            proptest::prop_assert_eq!(out, fold(&s).into_bytes());
        }
    }

    /// The ranges found are those of the plain method: fold the text, map each folded
    /// byte to its source char, search the folded text.
    fn find_slowly(hay: &str, needle: &str) -> Vec<Range<usize>> {
        let mut src: Vec<Range<usize>> = Vec::new();
        for (i, c) in hay.char_indices() {
            if let Some(f) = fold_char(c) {
                src.extend(std::iter::repeat_n(i..i + c.len_utf8(), f.len_utf8()));
            }
        }
        fold(hay)
            .match_indices(needle)
            .map(|(at, m)| src[at].start..src[at + m.len() - 1].end)
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn matches_are_those_of_the_plain_method(
            hay in "[aAب ًُـأاىيةئ]{0,40}",
            needle in "[aAب ًُـأاىيةئ]{1,4}",
        ) {
            let needle = fold(&needle);
            proptest::prop_assume!(!needle.is_empty());
            proptest::prop_assert_eq!(find(&hay, &needle), find_slowly(&hay, &needle));
        }
    }
}

#[cfg(test)]
mod users {
    use super::*;

    /// «الأزمة…مستشفى» is found alike by search and the bookmarks filter (the filter
    /// used to keep أ and ى apart).
    #[test]
    fn search_filter_and_claims_fold_alike() {
        let text = "الأزمة في مستشفى القاهرة";
        let typed = "الازمه في مستشفي";
        assert!(!find(text, typed).is_empty());
        assert!(
            crate::bookmarks::anchor::fold(text).contains(&crate::bookmarks::anchor::fold(typed))
        );
    }
}
