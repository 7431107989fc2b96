//! The RTL text layout engine (pure, no terminal types).
//!
//! INTERFACE STUB: the types and signatures below are the contract the UI and the
//! subcommands code against. The implementation here is a naive placeholder (no bidi,
//! no shaping, char-wise wrapping) until the real engine lands.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

/// A paragraph's base direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

/// Who reorders: qarin (`App`, lines in visual order) or the terminal (`Terminal`,
/// the same lines and breaks left in logical order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BidiMode {
    #[default]
    App,
    Terminal,
}

/// How to lay a paragraph out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Options {
    /// Columns available; at least 1.
    pub width: usize,
    pub bidi: BidiMode,
    /// Arabic presentation forms and lam-alef ligatures.
    pub shape: bool,
    /// Force a base direction; `None` takes it from the first strong character (P2–P3).
    pub direction: Option<Direction>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 80,
            bidi: BidiMode::App,
            shape: true,
            direction: None,
        }
    }
}

/// One displayed cell group: a grapheme cluster as printed, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Byte range of the printed text in `Line::text`.
    pub text: Range<usize>,
    /// Display columns it takes (0 for a dropped control kept only for mapping).
    pub width: usize,
    /// Logical byte range in the paragraph it came from.
    pub source: Range<usize>,
}

/// One display line, in visual order (or logical order with `BidiMode::Terminal`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The printable text of the line, cells concatenated left to right. Never holds
    /// control characters.
    pub text: String,
    /// Cells left to right.
    pub cells: Vec<Cell>,
    /// Sum of the cells' widths; never more than `Options::width`.
    pub width: usize,
    /// The paragraph's base direction (RTL lines are right-aligned).
    pub direction: Direction,
    /// Logical byte range of the paragraph this line covers.
    pub source: Range<usize>,
}

impl Line {
    /// The printed text of cell `i`.
    pub fn cell_text(&self, i: usize) -> &str {
        &self.text[self.cells[i].text.clone()]
    }
}

/// The base direction of a paragraph from its first strong character; LTR if none.
pub fn paragraph_direction(text: &str) -> Direction {
    match unicode_bidi::get_base_direction(text) {
        unicode_bidi::Direction::Rtl => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

/// Lays out one paragraph (one source line) into display lines. An empty paragraph gives
/// one empty line.
pub fn layout_paragraph(text: &str, opts: &Options) -> Vec<Line> {
    // PLACEHOLDER: char-wise wrap, logical order, no shaping.
    let direction = opts.direction.unwrap_or_else(|| paragraph_direction(text));
    let width = opts.width.max(1);
    let mut lines = Vec::new();
    let mut cur = Line {
        text: String::new(),
        cells: Vec::new(),
        width: 0,
        direction,
        source: 0..0,
    };
    for (i, c) in text.char_indices() {
        if c.is_control() {
            continue;
        }
        let s = c.to_string();
        let w = s.width();
        if cur.width + w > width && !cur.cells.is_empty() {
            let end = i;
            cur.source.end = end;
            let next = Line {
                text: String::new(),
                cells: Vec::new(),
                width: 0,
                direction,
                source: end..end,
            };
            lines.push(std::mem::replace(&mut cur, next));
        }
        let at = cur.text.len();
        cur.text.push_str(&s);
        cur.cells.push(Cell {
            text: at..cur.text.len(),
            width: w,
            source: i..i + c.len_utf8(),
        });
        cur.width += w;
    }
    cur.source.end = text.len();
    lines.push(cur);
    lines
}
