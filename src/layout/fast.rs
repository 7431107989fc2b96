//! A fast unit stream for the common paragraph: only printable ASCII, Arabic letters,
//! digits and punctuation, a few typographic marks, and harakat after a base. Such a
//! paragraph's grapheme clusters are simply "a base and the harakat after it", nothing
//! is dropped, and joining needs no look past marks, so the units come from one linear
//! scan without unicode-segmentation, sanitizing or a read-ahead queue.
//!
//! It yields exactly what [`Units`](super::cluster::Units) yields (property test below);
//! `wrap` uses it whenever [`applies`] holds.

use unicode_width::UnicodeWidthStr;

use super::breaks::{self, Breaks};
use super::cluster::{Unit, char_width, is_space, simple_base, simple_mark};
use super::shape::{self, Entry, Joining};

/// Whether `text` holds only characters this path handles, with no mark at the start
/// (a mark without a base forms a cluster of its own).
#[cfg(test)]
pub fn applies(text: &str) -> bool {
    check(text).is_some()
}

/// `None` unless [`applies`] holds; then whether [`Breaks`] also covers `text` (no char
/// of a class it leaves out, no harakat after a space), in the same scan.
pub fn check(text: &str) -> Option<bool> {
    let mut chars = text.chars();
    let mut covered = match chars.next() {
        None => return Some(true),
        Some(c) if !simple_base(c) => return None,
        Some(c) => !breaks::uncovered(c),
    };
    let mut after_space = text.starts_with(' ');
    for c in chars {
        if simple_base(c) {
            covered &= !breaks::uncovered(c);
            after_space = c == ' ';
        } else if simple_mark(c) {
            covered &= !after_space;
            after_space = false;
        } else {
            return None;
        }
    }
    Some(covered)
}

/// Joins to the previous and to the next letter, by joining type.
fn joins(entry: Option<Entry>) -> (bool, bool) {
    match entry.map(|e| e.0) {
        Some(Joining::D | Joining::C) => (true, true),
        Some(Joining::R) => (true, false),
        Some(Joining::L) => (false, true),
        _ => (false, false),
    }
}

/// Units of a paragraph for which [`applies`] holds, in logical order.
pub struct FastUnits<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    ci: usize,
    shape: bool,
    prev_joins_next: bool,
    /// The cluster at `pos`, when already read as a look-ahead.
    ahead: Option<Cluster>,
    breaks: Breaks,
}

/// One cluster: its base and where its marks end.
#[derive(Clone, Copy)]
struct Cluster {
    start: usize,
    base: char,
    /// End of the base char (start of the marks).
    marks: usize,
    end: usize,
    chars: usize,
}

impl<'a> FastUnits<'a> {
    pub fn new(text: &'a str, shape: bool) -> Self {
        FastUnits {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            ci: 0,
            shape,
            prev_joins_next: false,
            ahead: None,
            breaks: Breaks::default(),
        }
    }

    /// The char at byte `i` (a char boundary) and its length.
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        // Every char this path handles is one, two or three bytes long.
        match self.bytes.get(i..)? {
            [] => None,
            &[b, ..] if b < 0x80 => Some((b as char, 1)),
            &[b0, b1, ..] if b0 < 0xE0 => {
                let u = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
                Some((char::from_u32(u)?, 2))
            }
            &[b0, b1, b2, ..] if b0 < 0xF0 => {
                let u = (u32::from(b0 & 0x0F) << 12)
                    | (u32::from(b1 & 0x3F) << 6)
                    | u32::from(b2 & 0x3F);
                Some((char::from_u32(u)?, 3))
            }
            _ => self
                .text
                .get(i..)?
                .chars()
                .next()
                .map(|c| (c, c.len_utf8())),
        }
    }

    /// The cluster starting at byte `start`.
    fn cluster(&self, start: usize) -> Option<Cluster> {
        let (base, len) = self.char_at(start)?;
        let marks = start + len;
        let mut end = marks;
        let mut chars = 1;
        // Harakat are two bytes, U+064B–U+065F and U+0670: D9 8B..=D9 9F, D9 B0.
        while let [0xD9, b, ..] = self.bytes[end..] {
            if !(0x8B..=0x9F).contains(&b) && b != 0xB0 {
                break;
            }
            end += 2;
            chars += 1;
        }
        Some(Cluster {
            start,
            base,
            marks,
            end,
            chars,
        })
    }

    fn plain(&self, c: &Cluster) -> Unit {
        let width = if c.marks == c.end {
            char_width(c.base)
        } else {
            self.text[c.start..c.end].width()
        };
        Unit {
            src: c.start..c.end,
            ci: self.ci,
            head: Some(c.base),
            tails: [c.marks..c.end, 0..0],
            width,
            hang: is_space(c.base),
        }
    }
}

impl Iterator for FastUnits<'_> {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        let c = match self.ahead.take() {
            Some(c) => c,
            None => self.cluster(self.pos)?,
        };
        let unit = self.unit(&c);
        Some(unit)
    }
}

impl FastUnits<'_> {
    /// The next unit and whether a line may break before it, for a paragraph where
    /// [`check`] gave `Some(true)`. (A lam-alef unit's second base is AL like its
    /// first, so the break state after it is the same.)
    #[inline]
    pub fn next_with_break(&mut self) -> Option<(Unit, bool)> {
        let c = match self.ahead.take() {
            Some(c) => c,
            None => self.cluster(self.pos)?,
        };
        let brk = self.breaks.before(c.base);
        Some((self.unit(&c), brk))
    }
}

impl FastUnits<'_> {
    /// The unit starting with cluster `c`; advances past it (and an alef it ligates).
    fn unit(&mut self, c: &Cluster) -> Unit {
        let ci = self.ci;
        self.pos = c.end;
        let entry = if self.shape {
            shape::entry(c.base)
        } else {
            None
        };
        if !self.shape {
            let u = self.plain(c);
            self.ci += c.chars;
            return u;
        }
        let (jp, jn) = joins(entry);
        let joined_prev = jp && self.prev_joins_next;
        self.prev_joins_next = jn;
        if !shape::entry_has_forms(entry) {
            let u = self.plain(c);
            self.ci += c.chars;
            return u;
        }
        let next = self.cluster(c.end);
        if c.base == shape::LAM
            && let Some(next) = &next
            && let Some(lig) = shape::lam_alef(c.base, next.base, joined_prev)
        {
            self.prev_joins_next = joins(shape::entry(next.base)).1;
            self.pos = next.end;
            self.ci += c.chars + next.chars;
            return Unit {
                src: c.start..next.end,
                ci,
                head: Some(lig),
                tails: [c.marks..c.end, next.marks..next.end],
                width: char_width(lig),
                hang: false,
            };
        }
        let joined_next = jn && next.is_some_and(|n| joins(shape::entry(n.base)).0);
        self.ahead = next;
        let head = shape::form_in(entry, c.base, joined_prev, joined_next);
        self.ci += c.chars;
        Unit {
            src: c.start..c.end,
            ci,
            head: Some(head),
            tails: [c.marks..c.end, 0..0],
            width: char_width(head),
            hang: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::cluster::Units;
    use super::*;
    use proptest::prelude::*;

    fn simple_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "ب", "ل", "ا", "أ", "آ", "إ", "ء", "ة", "ى", "ي", "ـ", "ك", "و", "ر", "ٱ", "ۀ",
            "\u{064E}", "\u{0651}", "\u{064B}", "\u{0670}", "\u{065F}", " ", "  ", "a", "Z", "1",
            "٣", "٪", "(", ")", "[", "«", "»", "،", "؛", "؟", ".", ",", "-", "—", "“", "”", "%",
            "$", "/", ":",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None,
            ..ProptestConfig::default() })]

        #[test]
        fn fast_units_equal_general_units(text in simple_text(), shape: bool) {
            if applies(&text) {
                let fast: Vec<Unit> = FastUnits::new(&text, shape).collect();
                let general: Vec<Unit> = Units::new(&text, shape).collect();
                prop_assert_eq!(fast, general);
            }
        }
    }

    #[test]
    fn applies_only_to_simple_text() {
        assert!(applies("بَيْتٌ كبير، «نعم» — a (b) 12"));
        assert!(applies(""));
        assert!(!applies("\u{064E}ب"));
        assert!(!applies("a\tb"));
        assert!(!applies("ب\u{200D}ا"));
        assert!(!applies("אב"));
        assert!(!applies("a\u{1b}b"));
    }

    #[test]
    fn lam_alef_with_harakat_matches_the_general_path() {
        for text in ["لَا", "بلا", "ل\u{064E}\u{0651}أب", "لل", "ل"] {
            let fast: Vec<Unit> = FastUnits::new(text, true).collect();
            let general: Vec<Unit> = Units::new(text, true).collect();
            assert_eq!(fast, general, "{text:?}");
        }
    }
}
