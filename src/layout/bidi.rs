//! Embedding levels (resolved on the whole paragraph by unicode-bidi, rules P2–I2) and
//! qarin's own line rules L1 (trailing whitespace to the paragraph level) and L2
//! (reversing runs), done over any units (grapheme clusters) rather than chars.
//!
//! unicode-bidi's `visual_runs` can panic near level 126 and its `reorder_line` reverses
//! chars (putting harakat before their letter), so neither is used.

use std::sync::OnceLock;

use unicode_bidi::{BidiClass, BidiDataSource, BidiInfo, Level};

use super::Direction;
use super::cluster::Unit;
use super::implicit::{self, Resolved};

/// Resolved levels of one paragraph (one source line, which may still hold several
/// bidi paragraphs split by U+2029 and the like).
pub enum Levels<'a> {
    /// Pure-ASCII left-to-right text: every level is 0, nothing to reorder.
    Plain,
    /// No explicit formatting characters: resolved by qarin's lean path (`implicit`).
    Simple(Resolved),
    Full(BidiInfo<'a>),
}

impl<'a> Levels<'a> {
    pub fn new(text: &'a str, direction: Option<Direction>) -> Levels<'a> {
        if direction != Some(Direction::Rtl) && text.is_ascii() {
            return Levels::Plain;
        }
        if let Some(r) = implicit::resolve(&FastClasses::new(), text, direction) {
            return Levels::Simple(r);
        }
        let default = direction.map(|d| match d {
            Direction::Ltr => Level::ltr(),
            Direction::Rtl => Level::rtl(),
        });
        Levels::Full(BidiInfo::new_with_data_source(
            &FastClasses::new(),
            text,
            default,
        ))
    }

    /// Whether any reordering can happen at all.
    pub fn is_plain(&self) -> bool {
        matches!(self, Levels::Plain)
    }

    /// The level (before L1) and original class of the char starting at byte `byte`,
    /// the `ci`-th char of the paragraph.
    #[inline]
    pub fn char_at(&self, byte: usize, ci: usize) -> (u8, BidiClass) {
        match self {
            Levels::Plain => (0, BidiClass::L),
            Levels::Simple(r) => (
                r.levels.get(ci).copied().unwrap_or(r.para),
                r.classes.get(ci).copied().unwrap_or(BidiClass::L),
            ),
            Levels::Full(info) => (
                info.levels.get(byte).map_or(0, |l| l.number()),
                info.original_classes
                    .get(byte)
                    .copied()
                    .unwrap_or(BidiClass::L),
            ),
        }
    }

    /// Level and class standing for a whole unit (grapheme cluster): its first char's,
    /// unless that is a boundary neutral (a ZWJ starting a cluster), whose level X9
    /// ignores; then the first other char's.
    #[inline]
    pub fn unit_at(&self, text: &str, unit: &Unit) -> (u8, BidiClass) {
        let first = self.char_at(unit.src.start, unit.ci);
        if first.1 != BidiClass::BN || !matches!(self, Levels::Full(_)) {
            return first;
        }
        text[unit.src.clone()]
            .char_indices()
            .map(|(i, _)| self.char_at(unit.src.start + i, 0))
            .find(|(_, class)| *class != BidiClass::BN)
            .unwrap_or(first)
    }

    /// The base level of the bidi paragraph holding byte `i`.
    pub fn para_level(&self, i: usize) -> u8 {
        match self {
            Levels::Plain => 0,
            Levels::Simple(r) => r.para,
            Levels::Full(info) => {
                let p = &info.paragraphs;
                let k = p.partition_point(|para| para.range.end <= i);
                p.get(k).or(p.last()).map_or(0, |para| para.level.number())
            }
        }
    }
}

/// unicode-bidi's own class data, with a direct table for U+0000–U+08FF (Latin and
/// Arabic, the bulk of qarin's text) instead of a binary search per char.
pub struct FastClasses {
    low: &'static [BidiClass],
}

impl FastClasses {
    pub fn new() -> Self {
        FastClasses { low: low_classes() }
    }
}

const FAST_END: u32 = 0x900;

fn low_classes() -> &'static [BidiClass] {
    static LOW: OnceLock<Vec<BidiClass>> = OnceLock::new();
    LOW.get_or_init(|| {
        (0..FAST_END)
            .map(|u| char::from_u32(u).map_or(BidiClass::L, unicode_bidi::bidi_class))
            .collect()
    })
}

impl BidiDataSource for FastClasses {
    fn bidi_class(&self, c: char) -> BidiClass {
        match self.low.get(c as usize) {
            Some(&class) => class,
            None => unicode_bidi::bidi_class(c),
        }
    }
}

/// Classes whose trailing runs L1 resets to the paragraph level: whitespace, isolate
/// controls, and (as qarin retains them, UAX #9 §5.2) BN and explicit embeddings.
fn resets_at_line_end(c: BidiClass) -> bool {
    use BidiClass::*;
    matches!(
        c,
        WS | FSI | LRI | RLI | PDI | BN | LRE | RLE | LRO | RLO | PDF
    )
}

/// Rule L1 on one line: `levels[i]` and `classes[i]` belong to the line's i-th unit.
pub fn apply_l1(levels: &mut [u8], classes: &[BidiClass], para: u8) {
    let mut trailing = true;
    for i in (0..levels.len()).rev() {
        let c = classes[i];
        if matches!(c, BidiClass::S | BidiClass::B) {
            levels[i] = para;
            trailing = true;
        } else if trailing && resets_at_line_end(c) {
            levels[i] = para;
        } else {
            trailing = false;
        }
    }
}

/// Rule L2: the visual order (indices into `levels`, left to right) of one line.
/// From the highest level down to the lowest odd one, reverses every run at that level
/// or above. Works for any level up to 255.
pub fn reorder(levels: &[u8], order: &mut Vec<usize>) {
    order.clear();
    order.extend(0..levels.len());
    let (Some(&max), Some(&min)) = (levels.iter().max(), levels.iter().min()) else {
        return;
    };
    let lowest_odd = min | 1;
    if max < lowest_odd {
        return;
    }
    if min == max {
        // One run at an odd level (a purely right-to-left line).
        order.reverse();
        return;
    }
    let mut lv: Vec<u8> = levels.to_vec();
    for level in (lowest_odd..=max).rev() {
        let mut i = 0;
        while i < lv.len() {
            if lv[i] >= level {
                let start = i;
                while i < lv.len() && lv[i] >= level {
                    i += 1;
                }
                order[start..i].reverse();
                lv[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn l2_reverses_nested_runs() {
        let mut order = Vec::new();
        reorder(&[0, 1, 1, 2, 2, 1, 0], &mut order);
        assert_eq!(order, [0, 5, 3, 4, 2, 1, 6]);
        reorder(&[1, 1, 1], &mut order);
        assert_eq!(order, [2, 1, 0]);
        reorder(&[], &mut order);
        assert!(order.is_empty());
        reorder(&[126, 125, 0], &mut order);
        assert_eq!(order, [1, 0, 2]);
    }

    #[test]
    fn l1_resets_trailing_whitespace_and_separators() {
        use BidiClass::*;
        let mut lv = [1, 1, 1, 1, 1];
        apply_l1(&mut lv, &[R, WS, S, R, WS], 0);
        assert_eq!(lv, [1, 0, 0, 1, 0]);
    }

    #[test]
    fn levels_of_mixed_text() {
        let text = "abc אבג";
        let lv = Levels::new(text, None);
        assert_eq!(lv.char_at(0, 0).0, 0);
        assert_eq!(lv.char_at(4, 4).0, 1);
        assert_eq!(lv.para_level(4), 0);
        assert!(Levels::new("plain", None).is_plain());
        assert!(!Levels::new("plain", Some(Direction::Rtl)).is_plain());
    }
}
