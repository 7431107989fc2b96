//! Drawing helpers: laid-out lines into a ratatui `Buffer` cell by cell (ratatui's own
//! `Paragraph` knows no bidi and drops zero-width clusters), and the colour theme.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use crate::layout::{Cell, Direction, Line};

use super::state::State;

/// Styles for the 16-colour palette, or for no colour at all (`NO_COLOR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

const TOPIC_COLORS: [Color; 6] = [
    Color::Cyan,
    Color::Green,
    Color::Magenta,
    Color::Yellow,
    Color::Blue,
    Color::LightRed,
];

impl Theme {
    pub fn plain(&self) -> Style {
        Style::default()
    }

    pub fn bar(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn header(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn cursor_mark(&self) -> Style {
        if self.color {
            Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }

    /// A claim's number: a colour per topic; in conflict also bold and underlined.
    /// A claim of `topic`: the lexicon's `colour` for it when it gives one, else a
    /// colour picked from the topic's name; bold and underlined in a conflict.
    pub fn claim(&self, topic: Option<&str>, colour: Option<Color>, conflict: bool) -> Style {
        let mut s = if let (true, Some(c)) = (self.color, colour) {
            Style::default().fg(c)
        } else if self.color {
            let h = topic
                .unwrap_or("")
                .bytes()
                .fold(7usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize));
            Style::default().fg(TOPIC_COLORS[h % TOPIC_COLORS.len()])
        } else {
            Style::default().add_modifier(Modifier::UNDERLINED)
        };
        if conflict {
            s = s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        }
        s
    }

    pub fn conflict_mark(&self) -> Style {
        if self.color {
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }

    /// The claim of the topic chosen in compare.
    pub fn focus_claim(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn search_match(&self, current: bool) -> Style {
        match (self.color, current) {
            (true, true) => Style::default().bg(Color::Yellow).fg(Color::Black),
            (true, false) => Style::default().bg(Color::Blue).fg(Color::White),
            (false, true) => Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (false, false) => Style::default().add_modifier(Modifier::REVERSED),
        }
    }

    /// The colour of source number `i` (claims table plot and headers).
    pub fn source(&self, i: usize) -> Style {
        if self.color {
            Style::default().fg(TOPIC_COLORS[i % TOPIC_COLORS.len()])
        } else {
            Style::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// RTL right, LTR left.
    Auto,
    Left,
    Right,
    Center,
}

/// The column where a line of `line_width` starts in `area` with `align`.
fn start_x(area: Rect, line: &Line, align: Align) -> u16 {
    let w = line.width.min(area.width as usize) as u16;
    let right = matches!(align, Align::Right)
        || (matches!(align, Align::Auto) && line.direction == Direction::Rtl);
    match align {
        Align::Center => area.x + (area.width - w) / 2,
        _ if right => area.x + area.width - w,
        _ => area.x,
    }
}

/// Draws one laid-out line on row `area.y`, cell by cell, styling each cell with
/// `style_of`. Zero-width clusters join the cell before them rather than vanish.
pub fn line(
    buf: &mut Buffer,
    area: Rect,
    line: &Line,
    align: Align,
    style_of: impl Fn(&Cell) -> Style,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let mut x = start_x(area, line, align);
    let mut prev: Option<(u16, u16)> = None;
    for (i, cell) in line.cells.iter().enumerate() {
        let sym = line.cell_text(i);
        if cell.width == 0 {
            if let (false, Some(c)) = (sym.is_empty(), prev.and_then(|p| buf.cell_mut(p))) {
                let joined = format!("{}{}", c.symbol(), sym);
                c.set_symbol(&joined);
            }
            continue;
        }
        if x + cell.width as u16 > area.right() {
            break;
        }
        if let Some(c) = buf.cell_mut((x, area.y)) {
            c.set_symbol(sym).set_style(style_of(cell));
        }
        // Cells under a wide character must not keep old symbols.
        for k in 1..cell.width as u16 {
            if let Some(c) = buf.cell_mut((x + k, area.y)) {
                c.reset();
                c.set_symbol("");
                c.set_style(style_of(cell));
            }
        }
        prev = Some((x, area.y));
        x += cell.width as u16;
    }
}

/// The start of `s`, enough to fill `width` columns: interface strings such as a title
/// can be a whole huge first paragraph, and only what fits is ever shown.
fn head(s: &str, width: u16) -> &str {
    let max = width as usize * 4 + 16;
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Interface text on one row: laid out (bidi, shaping) and cut to the width.
pub fn text(state: &State, buf: &mut Buffer, area: Rect, s: &str, style: Style, align: Align) {
    text_aligned(state, buf, area, s, style, align);
}

/// Like `text`, with the bytes `hit` of `s` in `hit_style`.
pub fn text_with_highlight(
    state: &State,
    buf: &mut Buffer,
    area: Rect,
    s: &str,
    hit: Range<usize>,
    style: Style,
    hit_style: Style,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lines = state
        .model
        .cache
        .string(head(s, area.width), area.width as usize, None);
    if let Some(first) = lines.first() {
        let align = Align::Auto;
        line(buf, area, first, align, |c| {
            if c.source.start < hit.end && hit.start < c.source.end {
                hit_style
            } else {
                style
            }
        });
    }
}

/// Like `text` with an explicit alignment.
pub fn text_aligned(
    state: &State,
    buf: &mut Buffer,
    area: Rect,
    s: &str,
    style: Style,
    align: Align,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    // Left-aligned interface text is English chrome that may quote Arabic: LTR.
    // Otherwise the first strong character decides («5.5 KB» stays LTR, titles RTL).
    let direction = match align {
        Align::Left => Some(Direction::Ltr),
        Align::Right | Align::Auto | Align::Center => None,
    };
    let w = area.width as usize;
    let lines = state.model.cache.string(head(s, area.width), w, direction);
    if lines.len() > 1 && w >= 2 {
        // It does not fit: one column less, and `…` where the text goes on (its
        // logical end: the left of a right-to-left line), so labels cut alike differ.
        let cut = state
            .model
            .cache
            .string(head(s, area.width), w - 1, direction);
        if let Some(first) = cut.first() {
            let rtl = first.direction == Direction::Rtl;
            let x = if rtl { area.x + 1 } else { area.x };
            let inner = Rect::new(x, area.y, area.width - 1, 1);
            line(buf, inner, first, align, |_| style);
            let x0 = start_x(inner, first, align);
            let mark = if rtl {
                x0.saturating_sub(1)
            } else {
                x0 + first.width as u16
            };
            put(buf, mark, area.y, "…", style);
            return;
        }
    }
    if let Some(first) = lines.first() {
        line(buf, area, first, align, |_| style);
    }
}

/// The first item shown by a list `rows` high whose selected item is `sel`: the list
/// scrolls only once the selection passes its last row. Drawing and click mapping both
/// use it, so a click lands on the row it was drawn on.
pub fn first_row(sel: usize, rows: usize) -> usize {
    sel.saturating_sub(rows.saturating_sub(1))
}

/// A table cell's area less one column of padding on each side.
pub fn inset(r: Rect) -> Rect {
    Rect::new(
        r.x + 1.min(r.width),
        r.y,
        r.width.saturating_sub(2),
        r.height,
    )
}

/// Fills a row with a style (bars).
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area, style);
}

/// Puts a single ASCII or box-drawing symbol.
pub fn put(buf: &mut Buffer, x: u16, y: u16, sym: &str, style: Style) {
    if let Some(c) = buf.cell_mut((x, y)) {
        c.set_symbol(sym).set_style(style);
    }
}

/// The screen as plain text, one row per line, trailing spaces trimmed: what
/// `qarin snapshot` prints.
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            let Some(c) = buf.cell((x, y)) else { continue };
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = c.symbol();
            row.push_str(if sym.is_empty() { " " } else { sym });
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_theme_uses_no_colours() {
        let t = Theme { color: false };
        let styles = [
            t.dim(),
            t.cursor_mark(),
            t.claim(Some("troops"), None, true),
            t.conflict_mark(),
            t.search_match(true),
            t.search_match(false),
            t.source(3),
        ];
        for s in styles {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
        // Matches still stand out without colour.
        assert_ne!(t.search_match(true), Style::default());
        let c = Theme { color: true };
        assert_ne!(c.claim(Some("troops"), None, false).fg, None);
    }

    #[test]
    fn interface_text_is_cut_before_layout() {
        let long = "ا".repeat(10_000);
        assert_eq!(head(&long, 10).chars().count(), 56);
        assert_eq!(head("short", 10), "short");
    }

    #[test]
    fn wide_and_zero_width_cells_are_placed_by_width() {
        let l = crate::layout::layout_paragraph("a\u{4E2D}b", &crate::layout::Options::default());
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        line(&mut buf, Rect::new(0, 0, 6, 1), &l[0], Align::Left, |_| {
            Style::default()
        });
        assert_eq!(buffer_text(&buf), "a\u{4E2D}b\n");
    }
}
