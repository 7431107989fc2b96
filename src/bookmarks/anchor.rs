//! Finding a bookmarked passage again after its article changed.
//!
//! In order of trust: the passage is still where it was; its exact text is elsewhere
//! (nearest to the old place wins); its text matches once whitespace runs, harakat,
//! tatweel and invisible format characters are ignored; most of its words are in one
//! paragraph (a guess, flagged). Otherwise it is lost, and flagged.

use serde::Serialize;

use super::model::Bookmark;
use crate::corpus::Paragraphs;

/// Where a passage is in the article as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    /// 1-based source line.
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// How a passage was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// At its old place, same text.
    Same,
    /// Same text, another place.
    Moved,
    /// Same text up to spacing, harakat and tatweel.
    Normalized,
    /// Only most of its words, in one paragraph: shown, but flagged.
    Similar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Found(Location, Match),
    Lost,
}

impl Anchor {
    /// A word for tables and JSON: `same`, `moved`, `normalized`, `similar`, `lost`.
    pub fn status(&self) -> &'static str {
        match self {
            Anchor::Found(_, Match::Same) => "same",
            Anchor::Found(_, Match::Moved) => "moved",
            Anchor::Found(_, Match::Normalized) => "normalized",
            Anchor::Found(_, Match::Similar) => "similar",
            Anchor::Lost => "lost",
        }
    }

    /// Whether the reader should be told the bookmark may not point where it did.
    pub fn flagged(&self) -> bool {
        matches!(self, Anchor::Lost | Anchor::Found(_, Match::Similar))
    }

    pub fn location(&self) -> Option<Location> {
        match self {
            Anchor::Found(l, _) => Some(*l),
            Anchor::Lost => None,
        }
    }
}

/// Share of the passage's words a paragraph must hold to be taken as a similar match.
pub(super) const SIMILAR_WORDS: f64 = 0.7;

/// Finds `bm`'s passage in the article's current `paragraphs`. For several bookmarks
/// of one article, [`super::refind::reanchor_all`] shares the passes over the article.
pub fn reanchor(bm: &Bookmark, paragraphs: &Paragraphs) -> Anchor {
    super::refind::reanchor_all(&[bm], paragraphs)
        .pop()
        .unwrap_or(Anchor::Lost)
}

/// The rules one bookmark at a time, searching the article once per rule and the
/// paragraph once per word: the reference `refind` is checked against.
#[cfg(test)]
pub(super) fn reanchor_one(bm: &Bookmark, paragraphs: &Paragraphs) -> Anchor {
    let old = Location {
        paragraph: bm.paragraph,
        start: bm.start,
        end: bm.end,
    };
    let here = bm
        .paragraph
        .checked_sub(1)
        .and_then(|i| paragraphs.get(i))
        .and_then(|p| p.get(bm.start..bm.end));
    if here == Some(bm.text.as_str()) {
        return Anchor::Found(old, Match::Same);
    }
    if bm.text.trim().is_empty() {
        return Anchor::Lost;
    }
    let exact = paragraphs.iter().enumerate().flat_map(|(i, p)| {
        p.match_indices(bm.text.as_str())
            .map(move |(s, t)| Location {
                paragraph: i + 1,
                start: s,
                end: s + t.len(),
            })
    });
    if let Some(loc) = nearest(exact, old) {
        return Anchor::Found(loc, Match::Moved);
    }
    let needle = Normalized::new(&bm.text);
    if !needle.text.is_empty() {
        let found = paragraphs.iter().enumerate().flat_map(|(i, p)| {
            let hay = Normalized::new(p);
            hay.text
                .match_indices(needle.text.as_str())
                .filter_map(|(s, t)| {
                    let (start, end) = hay.original(s, s + t.len())?;
                    Some(Location {
                        paragraph: i + 1,
                        start,
                        end,
                    })
                })
                .collect::<Vec<_>>()
        });
        if let Some(loc) = nearest(found, old) {
            return Anchor::Found(loc, Match::Normalized);
        }
    }
    similar_paragraph(&needle.text, paragraphs, old)
}

/// The candidate closest to the old place: first by paragraph, then by byte offset.
#[cfg(test)]
fn nearest(candidates: impl Iterator<Item = Location>, old: Location) -> Option<Location> {
    candidates.min_by_key(|l| {
        (
            l.paragraph.abs_diff(old.paragraph),
            l.start.abs_diff(old.start),
        )
    })
}

#[cfg(test)]
fn similar_paragraph(needle: &str, paragraphs: &Paragraphs, old: Location) -> Anchor {
    let words: Vec<&str> = needle.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Anchor::Lost;
    }
    let mut best: Option<(f64, Location)> = None;
    for (i, p) in paragraphs.iter().enumerate() {
        let norm = Normalized::new(p);
        let mut pool: Vec<&str> = norm.text.split(' ').filter(|w| !w.is_empty()).collect();
        let mut common = 0usize;
        for w in &words {
            if let Some(k) = pool.iter().position(|x| x == w) {
                pool.swap_remove(k);
                common += 1;
            }
        }
        let score = common as f64 / words.len() as f64;
        let loc = Location {
            paragraph: i + 1,
            start: 0,
            end: p.len(),
        };
        let better = match best {
            None => true,
            Some((s, l)) => {
                score > s
                    || (score == s
                        && loc.paragraph.abs_diff(old.paragraph)
                            < l.paragraph.abs_diff(old.paragraph))
            }
        };
        if score >= SIMILAR_WORDS && better {
            best = Some((score, loc));
        }
    }
    match best {
        Some((_, loc)) => Anchor::Found(loc, Match::Similar),
        None => Anchor::Lost,
    }
}

/// Text for loose matching (filters): the shared folding of search and claims, with
/// spacing runs made one space.
pub fn fold(s: &str) -> String {
    crate::text::fold::fold_words(s)
}

/// Text with spacing runs folded to one space, harakat, tatweel and invisible format
/// characters dropped, and a map back to the original byte offsets.
pub(super) struct Normalized {
    pub(super) text: String,
    /// For each char of `text`: its byte offset in `text` and its original byte range.
    map: Vec<(usize, usize, usize)>,
}

pub(super) fn ignorable(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}')
}

impl Normalized {
    pub(super) fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut map: Vec<(usize, usize, usize)> = Vec::new();
        for (i, c) in s.char_indices() {
            let end = i + c.len_utf8();
            if ignorable(c) {
                // Harakat belong to the letter before them: a match ending on the
                // letter takes them along.
                if let Some(last) = map.last_mut().filter(|_| !text.ends_with(' ')) {
                    last.2 = end;
                }
                continue;
            }
            if c.is_whitespace() {
                match map.last_mut() {
                    // A run of spaces: widen the one space already pushed.
                    Some(last) if text.ends_with(' ') => last.2 = end,
                    Some(_) => {
                        map.push((text.len(), i, end));
                        text.push(' ');
                    }
                    None => {} // leading whitespace
                }
                continue;
            }
            map.push((text.len(), i, end));
            text.push(c);
        }
        if text.ends_with(' ') {
            text.pop();
            map.pop();
        }
        Normalized { text, map }
    }

    /// The original byte range of `text[start..end]` (char boundaries of `text`).
    pub(super) fn original(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.map.binary_search_by_key(&start, |m| m.0).ok()?;
        let last = self.map.partition_point(|m| m.0 < end).checked_sub(1)?;
        Some((self.map[first].1, self.map.get(last)?.2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bm(paragraph: usize, start: usize, text: &str) -> Bookmark {
        Bookmark::passage(paragraph, start, text)
    }

    fn paras(v: &[&str]) -> Paragraphs {
        v.iter().collect()
    }

    #[test]
    fn unchanged_place_is_same() {
        let p = paras(&["عنوان", "أرسلت روسيا 2500 جندي"]);
        let start = p[1].find("2500").unwrap();
        let b = bm(2, start, "2500 جندي");
        assert_eq!(
            reanchor(&b, &p),
            Anchor::Found(
                Location {
                    paragraph: 2,
                    start,
                    end: p[1].len()
                },
                Match::Same
            )
        );
    }

    #[test]
    fn moved_text_is_found_nearest_to_its_old_place() {
        let p = paras(&["x 2500 جندي", "new", "new", "قال 2500 جندي", "y 2500 جندي"]);
        let b = bm(3, 0, "2500 جندي");
        // Paragraphs 4 and 1 hold it at distances 1 and 2 from the old paragraph 3.
        assert_eq!(
            reanchor(&b, &p),
            Anchor::Found(
                Location {
                    paragraph: 4,
                    start: 7,
                    end: 7 + "2500 جندي".len()
                },
                Match::Moved
            )
        );
    }

    #[test]
    fn spacing_and_harakat_edits_still_match() {
        let p = paras(&["مقدمة", "وقد  أرسلت روسيا\tألفي جنديٍّ إلى البلاد"]);
        let b = bm(1, 4, "أرسلت روسيا ألفي جندي");
        match reanchor(&b, &p) {
            Anchor::Found(l, Match::Normalized) => {
                assert_eq!(l.paragraph, 2);
                assert_eq!(&p[1][l.start..l.end], "أرسلت روسيا\tألفي جنديٍّ");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reworded_paragraph_is_similar_and_flagged() {
        let p = paras(&[
            "شيء آخر تماما",
            "وصلت القوات الروسية إلى ألماتي يوم الجمعة صباحا",
        ]);
        let b = bm(1, 0, "وصلت القوات الروسية إلى ألماتي يوم الخميس");
        let a = reanchor(&b, &p);
        assert_eq!(a.status(), "similar");
        assert!(a.flagged());
        assert_eq!(a.location().map(|l| l.paragraph), Some(2));
    }

    #[test]
    fn vanished_passage_is_lost() {
        let p = paras(&["لا علاقة", "بالنص القديم"]);
        let a = reanchor(&bm(1, 0, "أرسلت روسيا ألفي جندي"), &p);
        assert_eq!(a, Anchor::Lost);
        assert!(a.flagged());
        assert_eq!(reanchor(&bm(9, 0, " "), &p), Anchor::Lost);
    }

    #[test]
    fn offsets_inside_a_char_do_not_panic() {
        let p = paras(&["عربي"]);
        let mut b = bm(1, 1, "x");
        b.end = 3;
        assert_eq!(reanchor(&b, &p), Anchor::Lost);
    }
}
