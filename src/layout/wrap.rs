//! Greedy line breaking in logical order at UAX #14 opportunities, then each line
//! reordered on its own (L1, L2 over units) into a [`Line`].

use unicode_bidi::BidiClass;
use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::bidi::{self, Levels};
use super::cluster::{Unit, Units};
use super::fast::{self, FastUnits};
use super::{BidiMode, Cell, Direction, Line, Options};

/// Shown for a cluster wider than the whole line (a wide character at width 1).
pub const PLACEHOLDER: char = '?';

/// Lays `text` out, handing each finished line to `f` (the same `Line` buffer is
/// reused, so nothing is kept per line unless the caller clones it).
/// With `cells` false the lines carry only their text, width, direction and source
/// (`cells` stays empty): what a printer needs, for less work.
pub fn layout_with(text: &str, opts: &Options, cells: bool, f: &mut dyn FnMut(&Line)) {
    let levels = Levels::new(text, opts.direction);
    let mut b = Builder::new(text, &levels, opts);
    b.cells = cells;
    match fast::check(text) {
        Some(true) => fill_plain(&mut b, FastUnits::new(text, opts.shape), f),
        Some(false) => fill(&mut b, FastUnits::new(text, opts.shape), f),
        None => fill(&mut b, Units::new(text, opts.shape), f),
    }
    if !b.units.is_empty() || !b.emitted {
        b.emit_all(text.len(), f);
    }
}

/// Fills lines from `units` at unicode-linebreak's opportunities.
fn fill(b: &mut Builder, units: impl Iterator<Item = Unit>, f: &mut dyn FnMut(&Line)) {
    let mut opps = linebreaks(b.text).peekable();
    for unit in units {
        let s = unit.src.start;
        // Opportunities inside a unit (never between a letter and its marks) are skipped.
        while opps.peek().is_some_and(|&(p, _)| p < s) {
            opps.next();
        }
        if s > 0 {
            match opps.peek() {
                Some(&(p, BreakOpportunity::Mandatory)) if p == s => b.emit_all(s, f),
                Some(&(p, BreakOpportunity::Allowed)) if p == s => {
                    b.last_break = Some(b.units.len())
                }
                _ => {}
            }
        }
        b.push(unit, f);
    }
}

/// Fills lines from the units of a plain paragraph, finding break opportunities on the
/// way (same as unicode-linebreak's, see `breaks`); plain text has no mandatory break.
fn fill_plain(b: &mut Builder, mut units: FastUnits, f: &mut dyn FnMut(&Line)) {
    while let Some((unit, brk)) = units.next_with_break() {
        if brk {
            b.last_break = Some(b.units.len());
        }
        b.push(unit, f);
    }
}

struct Builder<'t, 'l> {
    text: &'t str,
    levels: &'l Levels<'t>,
    width: usize,
    app: bool,
    cells: bool,
    direction: Option<Direction>,
    /// Units of the line being filled, in logical order.
    units: Vec<Unit>,
    used: usize,
    /// A break is allowed before `units[k]`.
    last_break: Option<usize>,
    line_start: usize,
    emitted: bool,
    lv: Vec<u8>,
    classes: Vec<BidiClass>,
    order: Vec<usize>,
    line: Line,
}

impl<'t, 'l> Builder<'t, 'l> {
    fn new(text: &'t str, levels: &'l Levels<'t>, opts: &Options) -> Self {
        Builder {
            text,
            levels,
            width: opts.width.max(1),
            app: opts.bidi == BidiMode::App,
            cells: true,
            direction: opts.direction,
            units: Vec::new(),
            used: 0,
            last_break: None,
            line_start: 0,
            emitted: false,
            lv: Vec::new(),
            classes: Vec::new(),
            order: Vec::new(),
            line: Line {
                text: String::new(),
                cells: Vec::new(),
                width: 0,
                direction: Direction::Ltr,
                source: 0..0,
            },
        }
    }

    fn push(&mut self, mut u: Unit, f: &mut dyn FnMut(&Line)) {
        if u.width > self.width {
            u.head = Some(PLACEHOLDER);
            u.tails = [0..0, 0..0];
            u.width = 1;
        }
        if self.used + u.width <= self.width {
            self.used += u.width;
            self.units.push(u);
            return;
        }
        if u.hang {
            u.hide();
            self.units.push(u);
            return;
        }
        let start = u.src.start;
        match self.last_break {
            Some(k) if k > 0 => {
                let end = self.units.get(k).map_or(start, |x| x.src.start);
                self.emit(k, end, f);
                if self.used + u.width <= self.width {
                    self.used += u.width;
                    self.units.push(u);
                    return;
                }
                // The word is longer than the line: break it between graphemes.
                self.emit_all(start, f);
            }
            _ => self.emit_all(start, f),
        }
        self.used = u.width;
        self.units.push(u);
    }

    fn emit_all(&mut self, end: usize, f: &mut dyn FnMut(&Line)) {
        self.emit(self.units.len(), end, f);
    }

    /// Prints `units[..k]` as one line covering `line_start..end`, and keeps the rest.
    fn emit(&mut self, k: usize, end: usize, f: &mut dyn FnMut(&Line)) {
        let para = self.levels.para_level(self.line_start);
        let line = &mut self.line;
        line.text.clear();
        line.cells.clear();
        line.source = self.line_start..end;
        line.direction = match self.direction {
            Some(d) if self.levels.is_plain() => d,
            _ if para % 2 == 1 => Direction::Rtl,
            _ => Direction::Ltr,
        };
        let units = &self.units[..k];
        line.width = units.iter().map(|u| u.width).sum();
        if self.app && !self.levels.is_plain() {
            self.lv.clear();
            self.classes.clear();
            for u in units {
                let (level, class) = self.levels.unit_at(self.text, u);
                self.lv.push(level);
                self.classes.push(class);
            }
            bidi::apply_l1(&mut self.lv, &self.classes, para);
            bidi::reorder(&self.lv, &mut self.order);
            for &i in &self.order {
                push_cell(line, self.text, &units[i], self.lv[i] % 2 == 1, self.cells);
            }
        } else {
            for u in units {
                push_cell(line, self.text, u, false, self.cells);
            }
        }
        f(line);
        self.emitted = true;
        self.units.drain(..k);
        self.used = self.units.iter().map(|u| u.width).sum();
        self.last_break = None;
        self.line_start = end;
    }
}

#[inline]
fn push_cell(line: &mut Line, text: &str, u: &Unit, mirror: bool, cells: bool) {
    let start = line.text.len();
    if let Some(head) = u.head {
        line.text.push(if mirror { mirrored(head) } else { head });
        for r in &u.tails {
            if !r.is_empty() {
                line.text.push_str(&text[r.clone()]);
            }
        }
    }
    if !cells {
        return;
    }
    line.cells.push(Cell {
        text: start..line.text.len(),
        width: u.width,
        source: u.src.clone(),
    });
}

/// Rule L4: the mirrored glyph of a Bidi_Mirrored char at an odd level.
#[inline]
pub fn mirrored(c: char) -> char {
    // Arabic letters and presentation forms, the bulk of RTL text, never mirror: skip the
    // table search for them.
    if c.is_ascii() {
        return match c {
            '(' => ')',
            ')' => '(',
            '<' => '>',
            '>' => '<',
            '[' => ']',
            ']' => '[',
            '{' => '}',
            '}' => '{',
            _ => c,
        };
    }
    if matches!(c, '\u{0600}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}') {
        return c;
    }
    unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c)
}
