//! What each char is to the plain path: one table lookup gives its kind (base, mark or
//! not handled), bidi class, line-break class and shaping/bracket flags, all derived
//! once from the general path's own functions so the two paths cannot disagree.

use std::sync::OnceLock;

use unicode_bidi::{BidiClass, BidiDataSource};

use super::super::bidi::FastClasses;
use super::super::breaks::{self, Lb};
use super::super::cluster::{char_width, is_space, simple_base, simple_mark};
use super::super::implicit;
use super::super::shape::{self, Joining};
use super::super::wrap::mirrored;

/// What one char is to this path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Not handled: the paragraph takes the general path.
    Other,
    /// Starts a cluster; one column wide, and so are its shaped forms.
    Base,
    /// Harakat, zero columns wide, kept in the cluster of the base before them.
    Mark,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Info {
    pub(super) kind: Kind,
    pub(super) class: BidiClass,
    pub(super) lb: Lb,
    pub(super) bits: u8,
}

// `Info::bits`
pub(super) const JOINS_PREV: u8 = 1;
pub(super) const JOINS_NEXT: u8 = 2;
pub(super) const FORMS: u8 = 4;
pub(super) const BRACKET: u8 = 8;
pub(super) const UNCOVERED: u8 = 16;
pub(super) const MIRRORS: u8 = 32;
pub(super) const IS_SPACE: u8 = 64;

pub(super) const OTHER: Info = Info {
    kind: Kind::Other,
    class: BidiClass::L,
    lb: Lb::Other,
    bits: 0,
};

/// The table covers U+0000–U+06FF, then these four typographic marks.
pub(super) const LOW_END: u32 = 0x700;
pub(super) const EXTRA: [char; 4] = ['\u{2013}', '\u{2014}', '\u{201C}', '\u{201D}'];

pub(super) fn table() -> &'static [Info] {
    static TABLE: OnceLock<Vec<Info>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..LOW_END)
            .filter_map(char::from_u32)
            .chain(EXTRA)
            .map(info_of)
            .collect()
    })
}

/// Everything the scan needs about `c`, derived from the general path's own functions.
pub(super) fn info_of(c: char) -> Info {
    let entry = shape::entry(c);
    let one_column =
        |x: u16| x == 0 || char::from_u32(x.into()).is_some_and(|f| char_width(f) == 1);
    let forms_fit = entry.is_none_or(|(_, f)| f.iter().all(|&x| one_column(x)));
    let kind = if simple_base(c) && char_width(c) == 1 && forms_fit {
        Kind::Base
    } else if simple_mark(c) && char_width(c) == 0 {
        Kind::Mark
    } else {
        return OTHER;
    };
    let data = FastClasses::new();
    let (jp, jn) = match entry.map(|e| e.0) {
        Some(Joining::D | Joining::C) => (true, true),
        Some(Joining::R) => (true, false),
        Some(Joining::L) => (false, true),
        _ => (false, false),
    };
    let mut bits = 0;
    for (on, bit) in [
        (jp, JOINS_PREV),
        (jn, JOINS_NEXT),
        (shape::entry_has_forms(entry), FORMS),
        (implicit::bracket(&data, c).is_some(), BRACKET),
        (breaks::uncovered(c), UNCOVERED),
        (mirrored(c) != c, MIRRORS),
        (is_space(c), IS_SPACE),
    ] {
        if on {
            bits |= bit;
        }
    }
    Info {
        kind,
        class: data.bidi_class(c),
        lb: breaks::class(c),
        bits,
    }
}

#[inline]
pub(super) fn lookup(table: &[Info], c: u32) -> Info {
    if c < LOW_END {
        return table[c as usize];
    }
    let extra = match c {
        0x2013 => 0,
        0x2014 => 1,
        0x201C => 2,
        0x201D => 3,
        _ => return OTHER,
    };
    table[(LOW_END + extra) as usize]
}

/// The char at `b[i..]` and its length, for chars of at most three bytes (all this path
/// handles); `None` otherwise. `b` is valid UTF-8 and `i` a char boundary.
#[inline]
pub(super) fn decode(b: &[u8], i: usize) -> Option<(u32, usize)> {
    match *b.get(i..)? {
        [b0, ..] if b0 < 0x80 => Some((u32::from(b0), 1)),
        [b0, b1, ..] if b0 < 0xE0 => {
            let u = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
            Some((u, 2))
        }
        [b0, b1, b2, ..] if b0 < 0xF0 => {
            let u =
                (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            Some((u, 3))
        }
        _ => None,
    }
}
