//! A text-only line path for plain paragraphs (the ones `fast` handles, with break
//! opportunities `breaks` covers): every seed paragraph, almost all news text.
//!
//! One scan over the bytes, with one table lookup per char (bidi class, line-break class,
//! joining), gives the paragraph's units as two flat arrays of 8 and 1 bytes per unit:
//! where each starts, its shaped head char and flags; its bidi class. Levels are resolved
//! per unit (a letter and its harakat, or a lam-alef, share a level), lines are filled
//! greedily exactly as `wrap::Builder` does, and each line's bytes go straight into the
//! output buffer: no `cluster::Unit`, `Cell` or `Line` is built. Everything else returns `false` and takes the
//! general path. A property test checks the output equals the general path's.

use unicode_bidi::BidiClass;

use super::bidi::{self, FastClasses};
use super::breaks::Breaks;
use super::implicit;
use super::shape::{self, Entry};
use super::wrap::mirrored;
use super::{BidiMode, Direction, Options};

mod chars;
use chars::{
    BRACKET, FORMS, IS_SPACE, JOINS_NEXT, JOINS_PREV, Kind, MIRRORS, UNCOVERED, decode, lookup,
    table,
};

// Unit flags.
/// A line may break before the unit.
const BRK: u8 = 1;
/// Whitespace that may hang past the line end.
const SPACE: u8 = 2;
/// Hanging past the line end: prints nothing, takes no room.
const HIDDEN: u8 = 4;
/// A lam-alef ligature (its bytes hold the lam, its marks, the alef, its marks).
const LIG: u8 = 8;
/// Harakat follow the base.
const MARKS: u8 = 16;
/// The base char's length in bytes, in bits 5 and 6.
const LEN_SHIFT: u32 = 5;
const LEN_MASK: u8 = 3 << LEN_SHIFT;
/// Bidi_Mirrored (never a shaped letter).
const MIRROR: u8 = 128;

/// One display unit of a plain paragraph: a base, its harakat, or a lam-alef ligature.
#[derive(Debug, Clone, Copy)]
struct Unit {
    /// First byte in the paragraph.
    start: u32,
    /// The printed head char (shaped), all in the BMP.
    head: u16,
    flags: u8,
}

/// A letter whose presentation form waits for the next base.
struct Pending {
    unit: usize,
    base: char,
    entry: Option<Entry>,
    joined_prev: bool,
    joins_next: bool,
}

/// Buffers reused from one paragraph to the next.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Per unit, in logical order: where it starts, what it prints, its flags; and its
    /// bidi class (apart, for the resolver).
    units: Vec<Unit>,
    classes: Vec<BidiClass>,
    /// Resolved level per unit.
    levels: Vec<u8>,
    t: Vec<BidiClass>,
    /// One line's levels after L1, and its visual order.
    lv: Vec<u8>,
    order: Vec<usize>,
}

/// Appends the display lines of `text` to `out`, each ending in `\n`, right-to-left ones
/// right-aligned to the width with spaces when `align`: the same bytes as printing
/// `layout_paragraph_text`'s lines. `false` (nothing written) if `text` is not plain.
pub fn write(s: &mut Scratch, text: &str, opts: &Options, align: bool, out: &mut Vec<u8>) -> bool {
    if u32::try_from(text.len()).is_err() {
        return false;
    }
    let Some(scan) = s.scan(text, opts.shape) else {
        return false;
    };
    let para = match opts.direction {
        Some(Direction::Ltr) => 0,
        Some(Direction::Rtl) => 1,
        None => match s
            .classes
            .iter()
            .find(|c| matches!(c, BidiClass::L | BidiClass::R | BidiClass::AL))
        {
            Some(BidiClass::R | BidiClass::AL) => 1,
            _ => 0,
        },
    };
    // Pure ASCII left-to-right text has nothing to reorder (as `Levels::Plain`).
    let reorder = opts.bidi == BidiMode::App && !(scan.ascii && para == 0);
    if reorder {
        implicit::resolve_classes(
            &FastClasses::new(),
            s.units
                .iter()
                .map(|u| char::from_u32(u.head.into()).unwrap_or(' ')),
            &s.classes,
            scan.brackets,
            para,
            &mut s.t,
            &mut s.levels,
        );
    }
    let mut lines = Lines {
        s,
        text: text.as_bytes(),
        width: opts.width.max(1),
        indent_to: if align && para == 1 {
            Some(opts.width)
        } else {
            None
        },
        para,
        reorder,
        out,
    };
    lines.fill();
    true
}

/// What the scan learnt about the whole paragraph.
struct Scan {
    ascii: bool,
    brackets: bool,
}

impl Scratch {
    /// Reads `text`'s units, shaped when `shape`; `None` if it is not plain.
    fn scan(&mut self, text: &str, shape: bool) -> Option<Scan> {
        let table = table();
        let b = text.as_bytes();
        self.units.clear();
        self.classes.clear();
        let mut breaks = Breaks::default();
        let ascii = text.is_ascii();
        let mut brackets = false;
        let mut after_space = false;
        let mut pending: Option<Pending> = None;
        let mut prev_joins_next = false;
        let mut i = 0;
        while i < b.len() {
            let (u, len) = decode(b, i)?;
            let info = lookup(table, u);
            match info.kind {
                Kind::Other => return None,
                Kind::Mark => {
                    // A mark opening the paragraph is a cluster of its own; after a space
                    // `breaks` does not cover it; on a separator (CS, ES) it would change
                    // rule W4, which then must see it.
                    let last = &mut self.units.last_mut()?.flags;
                    if after_space
                        || matches!(self.classes.last(), Some(BidiClass::CS | BidiClass::ES))
                    {
                        return None;
                    }
                    *last |= MARKS;
                    i += len;
                    continue;
                }
                Kind::Base => {}
            }
            if info.bits & UNCOVERED != 0 {
                return None;
            }
            let c = char::from_u32(u)?;
            after_space = c == ' ';
            if shape {
                let joins_prev = info.bits & JOINS_PREV != 0;
                if let Some(p) = pending.take() {
                    if let Some(lig) = shape::lam_alef(p.base, c, p.joined_prev) {
                        // The alef joins the lam's unit (its break class is the lam's).
                        self.units[p.unit].head = lig as u16;
                        self.units[p.unit].flags |= LIG;
                        prev_joins_next = info.bits & JOINS_NEXT != 0;
                        i += len;
                        continue;
                    }
                    let form =
                        shape::form_in(p.entry, p.base, p.joined_prev, p.joins_next && joins_prev);
                    self.units[p.unit].head = form as u16;
                }
                let joined_prev = joins_prev && prev_joins_next;
                prev_joins_next = info.bits & JOINS_NEXT != 0;
                if info.bits & FORMS != 0 {
                    pending = Some(Pending {
                        unit: self.units.len(),
                        base: c,
                        entry: shape::entry(c),
                        joined_prev,
                        joins_next: prev_joins_next,
                    });
                }
            }
            brackets |= info.bits & BRACKET != 0;
            let mut flags = (len as u8) << LEN_SHIFT;
            if breaks.before_class(info.lb) {
                flags |= BRK;
            }
            if info.bits & IS_SPACE != 0 {
                flags |= SPACE;
            }
            if info.bits & MIRRORS != 0 {
                flags |= MIRROR;
            }
            self.units.push(Unit {
                start: i as u32,
                head: c as u16,
                flags,
            });
            self.classes.push(info.class);
            i += len;
        }
        if let Some(p) = pending {
            self.units[p.unit].head = shape::form_in(p.entry, p.base, p.joined_prev, false) as u16;
        }
        Some(Scan { ascii, brackets })
    }
}

/// Greedy line filling over the scanned units, as `wrap::Builder` does it.
struct Lines<'a> {
    s: &'a mut Scratch,
    text: &'a [u8],
    width: usize,
    /// Right-align lines to this width.
    indent_to: Option<usize>,
    para: u8,
    reorder: bool,
    out: &'a mut Vec<u8>,
}

impl Lines<'_> {
    fn fill(&mut self) {
        let n = self.s.units.len();
        // The line being filled is units `a..i`; `used` columns.
        let mut a = 0;
        let mut used = 0;
        let mut last_break: Option<usize> = None;
        let mut emitted = false;
        for i in 0..n {
            let f = self.s.units[i].flags;
            if f & BRK != 0 {
                last_break = Some(i);
            }
            if used < self.width {
                used += 1;
                continue;
            }
            if f & SPACE != 0 {
                self.s.units[i].flags |= HIDDEN;
                continue;
            }
            match last_break {
                Some(k) if k > a => {
                    self.emit(a, k);
                    emitted = true;
                    a = k;
                    last_break = None;
                    used = self.s.units[k..i]
                        .iter()
                        .filter(|u| u.flags & HIDDEN == 0)
                        .count();
                    if used < self.width {
                        used += 1;
                        continue;
                    }
                    self.emit(a, i);
                }
                _ => {
                    self.emit(a, i);
                    last_break = None;
                }
            }
            emitted = true;
            a = i;
            used = 1;
        }
        if a < n || !emitted {
            self.emit(a, n);
        }
    }

    /// Writes units `a..k` as one line.
    fn emit(&mut self, a: usize, k: usize) {
        let s = &mut *self.s;
        let out = &mut *self.out;
        if let Some(width) = self.indent_to {
            let shown = s.units[a..k]
                .iter()
                .filter(|u| u.flags & HIDDEN == 0)
                .count();
            out.resize(out.len() + width.saturating_sub(shown), b' ');
        }
        if self.reorder {
            s.lv.clear();
            s.lv.extend_from_slice(&s.levels[a..k]);
            bidi::apply_l1(&mut s.lv, &s.classes[a..k], self.para);
            if s.lv.iter().all(|&l| l <= 2) {
                put_visual(s, self.text, a, out);
            } else {
                bidi::reorder(&s.lv, &mut s.order);
                for &j in &s.order {
                    put(s, self.text, a + j, s.lv[j] % 2 == 1, out);
                }
            }
        } else {
            for j in a..k {
                put(s, self.text, j, false, out);
            }
        }
        out.push(b'\n');
    }
}

/// Writes the line of units `a..` whose levels (0, 1 or 2) are `s.lv`, in visual order
/// (rule L2 without building the order): runs at level 1 or more read right to left,
/// and runs at level 2 inside them left to right again.
fn put_visual(s: &Scratch, text: &[u8], a: usize, out: &mut Vec<u8>) {
    let lv = &s.lv;
    let mut i = 0;
    while i < lv.len() {
        if lv[i] == 0 {
            put(s, text, a + i, false, out);
            i += 1;
            continue;
        }
        let end = i + lv[i..].iter().position(|&l| l == 0).unwrap_or(lv.len() - i);
        let mut j = end;
        while j > i {
            if lv[j - 1] == 1 {
                j -= 1;
                put(s, text, a + j, true, out);
                continue;
            }
            let run = j - lv[i..j].iter().rev().position(|&l| l != 2).unwrap_or(j - i);
            for x in run..j {
                put(s, text, a + x, false, out);
            }
            j = run;
        }
        i = end;
    }
}

/// Writes unit `j`: its head (mirrored if `mirror`), then its marks.
#[inline(always)]
fn put(s: &Scratch, text: &[u8], j: usize, mirror: bool, out: &mut Vec<u8>) {
    let Unit {
        start,
        head,
        flags: f,
    } = s.units[j];
    if f & HIDDEN != 0 {
        return;
    }
    if mirror && f & MIRROR != 0 {
        let c = mirrored(char::from_u32(head.into()).unwrap_or(' '));
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    } else if head < 0x80 {
        out.push(head as u8);
    } else if head < 0x800 {
        out.extend_from_slice(&[0xC0 | (head >> 6) as u8, 0x80 | (head & 0x3F) as u8]);
    } else {
        out.extend_from_slice(&[
            0xE0 | (head >> 12) as u8,
            0x80 | ((head >> 6) & 0x3F) as u8,
            0x80 | (head & 0x3F) as u8,
        ]);
    }
    if f & MARKS == 0 {
        return;
    }
    let start = start as usize + usize::from((f & LEN_MASK) >> LEN_SHIFT);
    let end = s.units.get(j + 1).map_or(text.len(), |u| u.start as usize);
    let marks = text.get(start..end).unwrap_or_default();
    if f & LIG == 0 {
        out.extend_from_slice(marks);
        return;
    }
    // The lam's marks, the alef (two bytes, lead byte D8; harakat lead with D9), the
    // alef's marks: print the marks only.
    for pair in marks.chunks(2) {
        if pair[0] != 0xD8 {
            out.extend_from_slice(pair);
        }
    }
}

#[cfg(test)]
mod tests;
