//! Text tables within a width. Columns get their natural width when it fits; otherwise
//! the widest shrink (cells wrap, Arabic laid out by `crate::layout`); when even narrow
//! columns cannot fit, each row is printed as a block of `header: value` lines instead.
//! No line is ever wider than the width (given at least 4 columns).

use super::TextStyle;
use crate::bookmarks::display::safe_line;
use crate::layout::{self, BidiMode, Direction};

/// Headers and rows of plain (logical-order) text.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns never narrower than their natural width (short labels such as a
    /// verdict read badly wrapped).
    pub keep: Vec<usize>,
}

const SEP: &str = " │ ";
const SEP_WIDTH: usize = 3;
/// A column is never squeezed below this (or its natural width, if smaller).
const MIN_COLUMN: usize = 8;

/// The table as lines of at most `style.width` columns, trailing spaces trimmed.
pub fn table_lines(table: &Table, style: &TextStyle) -> Vec<String> {
    let mut measure = Measure::new(&table.headers, style);
    for row in &table.rows {
        measure.add(row);
    }
    let grid = measure.grid(&table.keep);
    let mut out = Vec::new();
    grid.head(&mut out);
    for (r, row) in table.rows.iter().enumerate() {
        grid.row(r, row, &mut out);
    }
    out
}

/// The natural widths of a table's columns, its rows added one at a time: a table can
/// be laid out ([`Measure::grid`]) and written a row at a time ([`Grid::row`]) without
/// holding its rows (`bookmarks list`: docs/safety.md, "A folder: where the memory
/// goes").
pub struct Measure<'a> {
    headers: &'a [String],
    style: &'a TextStyle,
    natural: Vec<usize>,
}

impl<'a> Measure<'a> {
    pub fn new(headers: &'a [String], style: &'a TextStyle) -> Measure<'a> {
        let mut m = Measure {
            headers,
            style,
            natural: vec![0; headers.len()],
        };
        m.add(headers);
        m
    }

    pub fn add(&mut self, row: &[String]) {
        for (i, w) in self.natural.iter_mut().enumerate() {
            let cell = safe_line(row.get(i).map_or("", String::as_str));
            *w = (*w).max(text_width(&cell, self.style));
        }
    }

    /// The layout: `keep` columns are never narrower than their natural width.
    pub fn grid(self, keep: &[usize]) -> Grid<'a> {
        let Measure {
            headers,
            style,
            natural,
        } = self;
        let avail = style
            .width
            .saturating_sub(SEP_WIDTH * headers.len().saturating_sub(1));
        let mins: Vec<usize> = natural
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                if keep.contains(&i) {
                    w.max(1)
                } else {
                    w.clamp(1, MIN_COLUMN)
                }
            })
            .collect();
        let widths = (mins.iter().sum::<usize>() <= avail).then(|| fit(&natural, &mins, avail));
        let rule = widths.as_ref().map_or_else(String::new, |widths| {
            widths
                .iter()
                .map(|w| "─".repeat(*w))
                .collect::<Vec<_>>()
                .join("─┼─")
        });
        Grid {
            headers,
            style,
            widths,
            rule,
        }
    }
}

/// A table laid out ([`Measure::grid`]), written a row at a time.
pub struct Grid<'a> {
    headers: &'a [String],
    style: &'a TextStyle,
    /// The columns' widths; none when even narrow columns do not fit (stacked rows).
    widths: Option<Vec<usize>>,
    rule: String,
}

impl Grid<'_> {
    /// The header row (stacked rows have none).
    pub fn head(&self, out: &mut Vec<String>) {
        if self.headers.is_empty() {
            return;
        }
        if let Some(widths) = &self.widths {
            grid_row(self.headers, widths, self.style, out);
        }
    }

    /// Row number `r` (from 0), with the rule or separator before it.
    pub fn row(&self, r: usize, row: &[String], out: &mut Vec<String>) {
        if self.headers.is_empty() {
            return;
        }
        match &self.widths {
            Some(widths) => {
                out.push(self.rule.clone());
                grid_row(row, widths, self.style, out);
            }
            None => stacked_row(r, row, self.headers, self.style, out),
        }
    }
}

/// Columns `text` takes on one line in `style` (as the layout counts them: unshaped
/// lam-alef is two columns, where `unicode-width` counts its ligature as one).
fn text_width(text: &str, style: &TextStyle) -> usize {
    const UNWRAPPED: usize = 1 << 16;
    layout::layout_paragraph(text, &style.layout(UNWRAPPED))
        .iter()
        .map(|l| l.width)
        .max()
        .unwrap_or(0)
}

/// Column widths: natural ones capped at the largest cap that fits `avail`.
fn fit(natural: &[usize], mins: &[usize], avail: usize) -> Vec<usize> {
    let with_cap = |cap: usize| -> Vec<usize> {
        natural
            .iter()
            .zip(mins)
            .map(|(&n, &m)| n.min(cap.max(m)))
            .collect()
    };
    let (mut lo, mut hi) = (0, natural.iter().copied().max().unwrap_or(0));
    // The largest cap whose total fits; cap 0 gives the minimums, which fit.
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if with_cap(mid).iter().sum::<usize>() <= avail {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    with_cap(lo)
}

fn grid_row(row: &[String], widths: &[usize], style: &TextStyle, out: &mut Vec<String>) {
    let cells: Vec<Vec<String>> = widths
        .iter()
        .enumerate()
        .map(|(i, &w)| cell_lines(&safe_line(row.get(i).map_or("", String::as_str)), w, style))
        .collect();
    let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    for line in 0..height {
        let text = cells
            .iter()
            .zip(widths)
            .map(|(c, &w)| c.get(line).cloned().unwrap_or_else(|| " ".repeat(w)))
            .collect::<Vec<_>>()
            .join(SEP);
        out.push(text.trim_end().to_owned());
    }
}

/// One cell wrapped into lines of exactly `width` columns; right-to-left text is
/// right-aligned when qarin does the reordering.
pub fn cell_lines(text: &str, width: usize, style: &TextStyle) -> Vec<String> {
    layout::layout_paragraph(text, &style.layout(width))
        .into_iter()
        .map(|l| {
            let pad = " ".repeat(width.saturating_sub(l.width));
            match l.direction {
                Direction::Rtl if style.bidi == BidiMode::App => format!("{pad}{}", l.text),
                _ => format!("{}{pad}", l.text),
            }
        })
        .collect()
}

/// Too many columns for the width: one block per row, its first cell as a heading and
/// the others as indented `header: value` lines (empty cells left out); row `r` from 0.
fn stacked_row(
    r: usize,
    row: &[String],
    headers: &[String],
    style: &TextStyle,
    out: &mut Vec<String>,
) {
    let width = style.width.max(4);
    let indent = 2;
    if r > 0 {
        out.push("─".repeat(width));
    }
    let head = safe_line(row.first().map_or("", String::as_str));
    for l in cell_lines(&head, width, style) {
        out.push(l.trim_end().to_owned());
    }
    for (i, header) in headers.iter().enumerate().skip(1) {
        let value = safe_line(row.get(i).map_or("", String::as_str));
        if value.trim().is_empty() {
            continue;
        }
        let text = format!("{}: {value}", safe_line(header));
        for l in cell_lines(&text, width - indent, style) {
            out.push(format!("{}{}", " ".repeat(indent), l).trim_end().to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn style(width: usize, bidi: BidiMode) -> TextStyle {
        TextStyle {
            width,
            bidi,
            shape: false,
        }
    }

    fn sample(sources: usize) -> Table {
        let mut headers = vec!["topic".to_owned()];
        headers.extend((0..sources).map(|i| format!("00{i} مصدر")));
        headers.push("verdict".into());
        let mut row = vec!["القتلى · قوات الأمن".to_owned()];
        row.extend((0..sources).map(|i| format!("{} قتيلا على الأقل في المدينة", 100 + i)));
        row.push("conflict".into());
        Table {
            headers,
            rows: vec![row.clone(), row],
            keep: Vec::new(),
        }
    }

    #[test]
    fn lines_never_exceed_the_width_and_cells_wrap() {
        for sources in [1, 3, 12, 40] {
            for width in [20, 40, 80, 200] {
                for bidi in [BidiMode::App, BidiMode::Terminal] {
                    let lines = table_lines(&sample(sources), &style(width, bidi));
                    for l in &lines {
                        assert!(l.width() <= width, "{sources} sources, {width}: {l:?}");
                    }
                    let text = lines.join("\n");
                    assert!(text.contains("conflict"), "{text}");
                }
            }
        }
    }

    #[test]
    fn logical_cells_stay_greppable() {
        let lines = table_lines(&sample(2), &style(200, BidiMode::Terminal));
        assert!(
            lines.iter().any(|l| l.contains("القتلى · قوات الأمن")),
            "{lines:#?}"
        );
        assert!(lines[0].starts_with("topic"));
        // Wide enough: one line per row, rule lines between.
        assert_eq!(lines.len(), 5, "{lines:#?}");
    }

    #[test]
    fn too_many_columns_stack_rows() {
        let lines = table_lines(&sample(12), &style(60, BidiMode::Terminal));
        assert_eq!(lines[0], "القتلى · قوات الأمن");
        assert!(lines[1].starts_with("  000 مصدر: 100"), "{lines:#?}");
        assert!(lines.iter().any(|l| l == "  verdict: conflict"));
    }

    #[test]
    fn fit_shrinks_only_the_widest() {
        assert_eq!(fit(&[5, 50, 30], &[5, 8, 8], 60), vec![5, 27, 27]);
        assert_eq!(fit(&[5, 10], &[5, 8], 60), vec![5, 10]);
    }
}
