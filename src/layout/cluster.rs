//! The paragraph as a stream of display units: grapheme clusters (UAX #29) in logical
//! order, sanitized, shaped, and measured on the shaped text.
//!
//! A unit prints as `head` followed by up to two byte ranges of the paragraph (the
//! cluster's marks, kept after their letter), so no unit allocates.

use std::collections::VecDeque;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::sanitize::{self, Treat};
use super::shape::{self, ClusterJoin};

/// Characters with Grapheme_Cluster_Break=Other that are common in Arabic and Latin
/// text: a cluster may end right before one of them.
pub fn simple_base(c: char) -> bool {
    matches!(
        c,
        ' '..='~'
            | '\u{0621}'..='\u{064A}'
            | '\u{0660}'..='\u{066D}'
            | '\u{0671}'..='\u{06D3}'
            | '\u{060C}'
            | '\u{061B}'
            | '\u{061F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{201C}'
            | '\u{201D}'
    )
}

/// Harakat: Grapheme_Cluster_Break=Extend, always inside their letter's cluster.
pub fn simple_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// The grapheme cluster (UAX #29, extended) starting at `*pos`. A simple letter followed
/// by harakat and then another simple letter is cut directly; anything else is left to
/// unicode-segmentation. Cuts are the same either way (tested against it below).
fn next_cluster<'a>(text: &'a str, pos: &mut usize) -> Option<(usize, &'a str, char)> {
    let start = *pos;
    let rest = text.get(start..)?;
    let mut chars = rest.char_indices();
    let (_, c) = chars.next()?;
    let mut end = c.len_utf8();
    let fast = simple_base(c)
        && loop {
            match chars.next() {
                None => break true,
                Some((i, m)) if simple_mark(m) => end = i + m.len_utf8(),
                Some((_, n)) => break simple_base(n),
            }
        };
    if !fast {
        end = rest.graphemes(true).next().map_or(rest.len(), str::len);
    }
    *pos = start + end;
    Some((start, &rest[..end], c))
}

/// Display width of one char, with the common cases (printable ASCII, Arabic letters
/// and their presentation forms, all one column) answered without a table search.
pub fn char_width(c: char) -> usize {
    if matches!(c, ' '..='~' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{FE70}'..='\u{FEFC}')
    {
        return 1;
    }
    c.width().unwrap_or(0)
}

/// Whitespace of bidi class WS that may hang at a line end (not the no-break spaces).
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{205F}' | '\u{3000}'
    )
}

/// One display unit: normally one grapheme cluster; a lam-alef ligature covers two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Logical byte range in the paragraph.
    pub src: Range<usize>,
    /// Index of its first char in the paragraph.
    pub ci: usize,
    /// First printed char; `None` prints nothing (a dropped control, hidden whitespace).
    pub head: Option<char>,
    /// Paragraph bytes printed after `head`, in order (marks).
    pub tails: [Range<usize>; 2],
    /// Display columns.
    pub width: usize,
    /// Whitespace that may hang past the end of a line (not printed there).
    pub hang: bool,
}

impl Unit {
    /// Prints nothing and takes no room (whitespace hanging past a line end).
    pub fn hide(&mut self) {
        self.head = None;
        self.tails = [0..0, 0..0];
        self.width = 0;
    }
}

struct Raw {
    start: usize,
    ci: usize,
    end: usize,
    first: char,
    treat: Treat,
    join: ClusterJoin,
    /// Shaping table entry of `first` (only when shaping).
    entry: Option<shape::Entry>,
}

impl Raw {
    fn tail(&self) -> Range<usize> {
        self.start + self.first.len_utf8()..self.end
    }
}

/// Units of a paragraph, in logical order.
pub struct Units<'a> {
    text: &'a str,
    /// Start of the next cluster not read yet, and its char index.
    pos: usize,
    ci: usize,
    /// Clusters read ahead to find the next joining letter.
    queue: VecDeque<Raw>,
    shape: bool,
    /// The last non-transparent cluster can join the next letter.
    prev_joins_next: bool,
}

impl<'a> Units<'a> {
    pub fn new(text: &'a str, shape: bool) -> Self {
        Units {
            text,
            pos: 0,
            ci: 0,
            queue: VecDeque::new(),
            shape,
            prev_joins_next: false,
        }
    }

    fn pull(&mut self) -> Option<Raw> {
        let (start, s, first) = next_cluster(self.text, &mut self.pos)?;
        let len = first.len_utf8();
        let ci = self.ci;
        self.ci += if s.len() == len { 1 } else { s.chars().count() };
        let entry = if self.shape {
            shape::entry(first)
        } else {
            None
        };
        let join = if self.shape {
            shape::cluster_join(first, entry, &s[len..])
        } else {
            ClusterJoin {
                transparent: true,
                joins_prev: false,
                joins_next: false,
            }
        };
        Some(Raw {
            start,
            ci,
            end: start + s.len(),
            first,
            treat: sanitize::treat(first),
            join,
            entry,
        })
    }

    fn next_raw(&mut self) -> Option<Raw> {
        match self.queue.pop_front() {
            Some(r) => Some(r),
            None => self.pull(),
        }
    }

    fn peek_raw(&mut self) -> Option<&Raw> {
        if self.queue.is_empty() {
            let r = self.pull()?;
            self.queue.push_back(r);
        }
        self.queue.front()
    }

    /// Whether the next non-transparent cluster can join the one before it.
    fn next_joins_prev(&mut self) -> bool {
        let mut i = 0;
        loop {
            if i == self.queue.len() {
                match self.pull() {
                    Some(r) => self.queue.push_back(r),
                    None => return false,
                }
            }
            let r = &self.queue[i];
            if !r.join.transparent {
                return r.join.joins_prev;
            }
            i += 1;
        }
    }

    fn plain(&self, raw: &Raw, head: char) -> Unit {
        let tail = raw.tail();
        let width = if tail.is_empty() {
            char_width(head)
        } else {
            // Measure the cluster as a whole (emoji sequences, variation selectors).
            self.text[raw.start..raw.end].width()
        };
        Unit {
            src: raw.start..raw.end,
            ci: raw.ci,
            head: Some(head),
            tails: [tail, 0..0],
            width,
            hang: is_space(raw.first),
        }
    }
}

impl Iterator for Units<'_> {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        let raw = self.next_raw()?;
        match raw.treat {
            Treat::Drop => {
                if !raw.join.transparent {
                    self.prev_joins_next = false;
                }
                return Some(Unit {
                    src: raw.start..raw.end,
                    ci: raw.ci,
                    head: None,
                    tails: [0..0, 0..0],
                    width: 0,
                    hang: false,
                });
            }
            Treat::Space => {
                self.prev_joins_next = false;
                return Some(Unit {
                    src: raw.start..raw.end,
                    ci: raw.ci,
                    head: Some(' '),
                    tails: [0..0, 0..0],
                    width: 1,
                    hang: true,
                });
            }
            Treat::Show => {}
        }
        if !self.shape || raw.join.transparent {
            return Some(self.plain(&raw, raw.first));
        }
        let joined_prev = raw.join.joins_prev && self.prev_joins_next;
        self.prev_joins_next = raw.join.joins_next;
        if !shape::entry_has_forms(raw.entry) {
            return Some(self.plain(&raw, raw.first));
        }
        // Lam directly followed by an alef: one ligature cell for both clusters.
        let alef = if raw.first == shape::LAM {
            self.peek_raw()
                .filter(|next| next.treat == Treat::Show)
                .and_then(|next| shape::lam_alef(raw.first, next.first, joined_prev))
        } else {
            None
        };
        if let Some(lig) = alef
            && let Some(next) = self.next_raw()
        {
            self.prev_joins_next = next.join.joins_next;
            return Some(Unit {
                src: raw.start..next.end,
                ci: raw.ci,
                head: Some(lig),
                tails: [raw.tail(), next.tail()],
                width: char_width(lig),
                hang: false,
            });
        }
        let joined_next = raw.join.joins_next && self.next_joins_prev();
        let head = shape::form_in(raw.entry, raw.first, joined_prev, joined_next);
        Some(Unit {
            src: raw.start..raw.end,
            ci: raw.ci,
            head: Some(head),
            tails: [raw.tail(), 0..0],
            // Presentation forms take one column; harakat none.
            width: char_width(head),
            hang: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(text: &str, shape: bool) -> String {
        Units::new(text, shape).filter_map(|u| u.head).collect()
    }

    #[test]
    fn fast_clusters_match_unicode_segmentation() {
        let samples = [
            "بَيْتٌ كبير، «نعم» — a (b) 12\u{0301}x",
            "e\u{0301}\u{0327}ب\u{200D}ا\r\nx\u{1F1EB}\u{1F1F7}y",
            "\u{0600}1 ب\u{093F}ا 👩\u{200D}🔬 ل\u{064E}\u{200C}ا",
            "\u{064E}\u{064E}a\u{1b}\u{0651}\u{202E}ب\u{0670}",
        ];
        for text in samples {
            let mut pos = 0;
            let mut ours = Vec::new();
            while let Some((i, s, c)) = next_cluster(text, &mut pos) {
                assert!(s.starts_with(c));
                ours.push((i, s));
            }
            let theirs: Vec<_> = text.grapheme_indices(true).collect();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn fast_widths_agree_with_unicode_width() {
        for c in (' '..='~')
            .chain('\u{0600}'..='\u{06FF}')
            .chain('\u{FE70}'..='\u{FEFF}')
        {
            assert_eq!(char_width(c), c.width().unwrap_or(0), "{c:?}");
        }
    }

    #[test]
    fn shapes_a_word_in_logical_order() {
        // بيت: initial beh, medial yeh, final teh.
        assert_eq!(heads("بيت", true), "\u{FE91}\u{FEF4}\u{FE96}");
        assert_eq!(heads("بيت", false), "بيت");
    }

    #[test]
    fn harakat_are_transparent_for_joining_and_stay_in_their_cluster() {
        let text = "بَيت";
        let units: Vec<Unit> = Units::new(text, true).collect();
        assert_eq!(units.len(), 3);
        assert_eq!(units[0].head, Some('\u{FE91}'));
        assert_eq!(&text[units[0].tails[0].clone()], "\u{064E}");
        assert_eq!(units[1].head, Some('\u{FEF4}'));
    }

    #[test]
    fn lam_alef_makes_one_cell() {
        // سلام: seen initial, lam-alef final, meem isolated.
        let units: Vec<Unit> = Units::new("سلام", true).collect();
        let h: String = units.iter().filter_map(|u| u.head).collect();
        assert_eq!(h, "\u{FEB3}\u{FEFC}\u{FEE1}");
        assert_eq!(units[1].src, 2..6);
        assert_eq!(units[1].width, 1);
    }

    #[test]
    fn allah_is_not_one_glyph() {
        let h = heads("الله", true);
        assert!(!h.contains('\u{FDF2}'));
        assert_eq!(h, "\u{FE8D}\u{FEDF}\u{FEE0}\u{FEEA}");
    }

    #[test]
    fn controls_print_nothing_and_bidi_marks_do_not_break_joining() {
        let units: Vec<Unit> = Units::new("ب\u{200F}ب\u{1b}x", true).collect();
        assert_eq!(units[0].head, Some('\u{FE91}'));
        assert_eq!(units[1].head, None);
        assert_eq!(units[2].head, Some('\u{FE90}'));
        assert_eq!(units[3].head, None);
    }
}
