//! The RTL text layout engine (pure, no terminal types).
//!
//! A paragraph (one source line) goes through: levels resolved on the whole paragraph
//! (unicode-bidi, `bidi`) → grapheme clusters sanitized and shaped in logical order
//! (`cluster`, `sanitize`, `shape`) → greedy wrapping in logical order at UAX #14
//! opportunities by display width → each line reordered on its own, L1/L2 over clusters,
//! mirroring at odd levels (`wrap`). Every cell remembers its logical byte range.
//! See docs/layout.md for the choices made.

mod bidi;
mod breaks;
mod cluster;
mod fast;
mod implicit;
mod plain;
mod sanitize;
mod shape;
mod shape_table;
mod wrap;

pub use sanitize::is_dropped;
pub use wrap::PLACEHOLDER;

use std::ops::Range;

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

impl Options {
    /// The same options at another width.
    pub fn with_width(self, width: usize) -> Self {
        Options { width, ..self }
    }

    /// The same options with another reordering mode.
    pub fn with_bidi(self, bidi: BidiMode) -> Self {
        Options { bidi, ..self }
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
/// one empty line. The lines' `source` ranges tile the paragraph in order.
pub fn layout_paragraph(text: &str, opts: &Options) -> Vec<Line> {
    let mut lines = Vec::new();
    layout_paragraph_with(text, opts, |line| lines.push(line.clone()));
    lines
}

/// Like [`layout_paragraph`], but hands each line to `f` as soon as it is made, reusing
/// one buffer: memory stays bounded however long the paragraph.
pub fn layout_paragraph_with(text: &str, opts: &Options, mut f: impl FnMut(&Line)) {
    wrap::layout_with(text, opts, true, &mut f);
}

/// Like [`layout_paragraph_with`], but the lines' `cells` are left empty: for printers
/// that need only each line's text, width and direction (`qarin render`).
pub fn layout_paragraph_text(text: &str, opts: &Options, mut f: impl FnMut(&Line)) {
    wrap::layout_with(text, opts, false, &mut f);
}

/// Prints paragraphs as text, the way `qarin render` does: each display line of
/// [`layout_paragraph_text`] followed by `\n`, right-to-left lines right-aligned to the
/// width with spaces when `align`. Plain paragraphs (news text) take a lean path that
/// writes their bytes directly; buffers are reused from one paragraph to the next.
#[derive(Debug)]
pub struct TextWriter {
    opts: Options,
    align: bool,
    scratch: plain::Scratch,
}

impl TextWriter {
    pub fn new(opts: Options, align: bool) -> Self {
        TextWriter {
            opts,
            align,
            scratch: plain::Scratch::default(),
        }
    }

    /// Appends the lines of paragraph `text` to `out`.
    pub fn write(&mut self, text: &str, out: &mut Vec<u8>) {
        if plain::write(&mut self.scratch, text, &self.opts, self.align, out) {
            return;
        }
        let (opts, align) = (&self.opts, self.align);
        layout_paragraph_text(text, opts, |line| {
            let indent = if align { line.indent(opts.width) } else { 0 };
            out.resize(out.len() + indent, b' ');
            out.extend_from_slice(line.text.as_bytes());
            out.push(b'\n');
        });
    }
}

/// The resolved embedding level of every char of `text` laid out as one line (rules
/// P2–I2 by unicode-bidi, then qarin's L1), `None` for the chars rule X9 removes
/// (explicit embeddings and boundary neutrals). Used by the conformance test.
pub fn resolved_levels(text: &str, direction: Option<Direction>) -> Vec<Option<u8>> {
    let levels = bidi::Levels::new(text, direction);
    let (mut lv, classes): (Vec<u8>, Vec<_>) = text
        .char_indices()
        .enumerate()
        .map(|(ci, (i, _))| levels.char_at(i, ci))
        .unzip();
    bidi::apply_l1(&mut lv, &classes, levels.para_level(0));
    use unicode_bidi::BidiClass::*;
    classes
        .iter()
        .zip(lv)
        .map(|(c, l)| (!matches!(c, LRE | RLE | LRO | RLO | PDF | BN)).then_some(l))
        .collect()
}

impl Line {
    /// Spaces to print before the line to right-align an RTL line in `width` columns.
    pub fn indent(&self, width: usize) -> usize {
        match self.direction {
            Direction::Rtl => width.saturating_sub(self.width),
            Direction::Ltr => 0,
        }
    }

    /// The cell showing logical byte `byte` of the paragraph, if this line shows it.
    pub fn cell_at(&self, byte: usize) -> Option<usize> {
        self.cells.iter().position(|c| c.source.contains(&byte))
    }

    /// The first column of cell `i`, counted from the line's left edge (no indent).
    pub fn column_of(&self, i: usize) -> usize {
        self.cells[..i.min(self.cells.len())]
            .iter()
            .map(|c| c.width)
            .sum()
    }

    /// The columns (left to right, no indent) of the cells showing any byte of the
    /// logical range `range`. A logical range may fall apart on screen in mixed text.
    pub fn columns(&self, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        let mut col = 0;
        for c in &self.cells {
            let hit = c.source.start < range.end && range.start < c.source.end;
            if hit && c.width > 0 {
                match out.last_mut() {
                    Some(last) if last.end == col => last.end = col + c.width,
                    _ => out.push(col..col + c.width),
                }
            }
            col += c.width;
        }
        out
    }

    /// The cell at display column `col` (no indent), for mouse clicks.
    pub fn cell_at_column(&self, col: usize) -> Option<usize> {
        let mut x = 0;
        for (i, c) in self.cells.iter().enumerate() {
            if c.width > 0 && (x..x + c.width).contains(&col) {
                return Some(i);
            }
            x += c.width;
        }
        None
    }
}

/// Where logical byte `byte` of a paragraph is on screen: (line index, column from the
/// line's left edge, no indent). `None` if no printed cell shows it.
pub fn locate(lines: &[Line], byte: usize) -> Option<(usize, usize)> {
    lines.iter().enumerate().find_map(|(n, line)| {
        let i = line.cell_at(byte)?;
        Some((n, line.column_of(i)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(width: usize) -> Options {
        Options {
            width,
            shape: false,
            ..Options::default()
        }
    }

    fn texts(text: &str, o: &Options) -> Vec<String> {
        layout_paragraph(text, o)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn rtl_lines_stay_in_reading_order_top_to_bottom() {
        // Hebrew keeps the test free of shaping: אבג דהו זחט, width 7.
        assert_eq!(texts("אבג דהו זחט", &opts(7)), ["והד גבא", "טחז"]);
    }

    #[test]
    fn numbers_stay_left_to_right_and_brackets_mirror() {
        let lines = texts("جندي (2500) «نحو»", &opts(80));
        assert_eq!(lines, ["«وحن» (2500) يدنج"]);
    }

    #[test]
    fn harakat_follow_their_letter_on_screen() {
        let text = "بَيت";
        let line = &layout_paragraph(text, &opts(10))[0];
        assert_eq!(line.text, "تيبَ");
        let last = line.cells.len() - 1;
        assert_eq!(line.cell_text(last), "بَ");
        assert_eq!(line.cells[last].source, 0..4);
    }

    #[test]
    fn long_words_break_between_graphemes_and_width_holds() {
        let lines = layout_paragraph("abcdefg hi", &opts(3));
        let t: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(t, ["abc", "def", "g ", "hi"]);
        assert!(lines.iter().all(|l| l.width <= 3));
    }

    #[test]
    fn wide_char_at_width_one_becomes_a_placeholder() {
        let lines = layout_paragraph("a漢b", &opts(1));
        let t: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(t, ["a", "?", "b"]);
        assert_eq!(lines[1].cells[0].source, 1..4);
    }

    #[test]
    fn line_sources_tile_the_paragraph() {
        let text = "كازاخستان تشهد اضطرابات سياسية تعيد تسليط الضوء";
        for w in [1, 5, 13, 80] {
            let lines = layout_paragraph(text, &Options::default().with_width(w));
            let mut at = 0;
            for l in &lines {
                assert_eq!(l.source.start, at);
                at = l.source.end;
                assert!(l.width <= w);
            }
            assert_eq!(at, text.len());
        }
    }

    #[test]
    fn text_only_layout_prints_the_same_lines() {
        let text = "أرسلت روسيا (أكثر من 2000 جندي) «نحو» abc def";
        for w in [1, 9, 30] {
            let full = layout_paragraph(text, &Options::default().with_width(w));
            let mut lean = Vec::new();
            layout_paragraph_text(text, &Options::default().with_width(w), |l| {
                assert!(l.cells.is_empty());
                lean.push((l.text.clone(), l.width, l.source.clone()));
            });
            let full: Vec<_> = full
                .into_iter()
                .map(|l| (l.text, l.width, l.source))
                .collect();
            assert_eq!(full, lean);
        }
    }

    #[test]
    fn empty_paragraph_is_one_empty_line() {
        let lines = layout_paragraph("", &Options::default());
        assert_eq!(lines.len(), 1);
        assert!(lines[0].text.is_empty() && lines[0].cells.is_empty());
    }

    #[test]
    fn controls_never_reach_the_text() {
        let text = "a\u{1b}[31mb\u{202e}c\u{9b}d\u{7f}\te";
        let lines = layout_paragraph(text, &opts(80));
        assert_eq!(lines[0].text, "a[31mbdc e");
        assert!(!lines[0].text.chars().any(is_dropped));
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        let text = format!(
            "{}abc אבג{}",
            "\u{202B}".repeat(130),
            "\u{202C}".repeat(130)
        );
        let lines = layout_paragraph(&text, &opts(5));
        assert!(lines.iter().all(|l| l.width <= 5));
        let iso = format!("{}abc{}", "\u{2067}".repeat(130), "\u{2069}".repeat(130));
        assert!(!layout_paragraph(&iso, &opts(2)).is_empty());
    }

    #[test]
    fn terminal_mode_keeps_logical_order_and_the_same_breaks() {
        let text = "أكثر من 2000 جندي (تقريبا)";
        let app = layout_paragraph(text, &opts(12));
        let term = layout_paragraph(text, &opts(12).with_bidi(BidiMode::Terminal));
        let src = |ls: &[Line]| ls.iter().map(|l| l.source.clone()).collect::<Vec<_>>();
        assert_eq!(src(&app), src(&term));
        assert_eq!(term[0].text, "أكثر من 2000");
        assert_eq!(term[0].source, 0..19);
    }

    #[test]
    fn locate_maps_bytes_to_screen() {
        let text = "abc אבג";
        let lines = layout_paragraph(text, &opts(80));
        // 'א' (byte 4) is shown rightmost.
        assert_eq!(locate(&lines, 4), Some((0, 6)));
        assert_eq!(lines[0].columns(4..6), vec![6..7]);
        assert_eq!(
            lines[0]
                .cell_at_column(6)
                .map(|i| lines[0].cells[i].source.clone()),
            Some(4..6)
        );
        assert_eq!(lines[0].indent(10), 0);
    }

    #[test]
    fn levels_follow_l1() {
        let lv = resolved_levels("אב ab ", None);
        assert_eq!(lv, [Some(1), Some(1), Some(1), Some(2), Some(2), Some(1)]);
        assert_eq!(resolved_levels("a\u{202B}b", None)[1], None);
    }
}
