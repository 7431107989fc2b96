//! Screen geometry: where each view puts its parts. Pure arithmetic on the screen size,
//! shared by drawing and by the state (scroll heights, mouse clicks), so they agree.

use ratatui::layout::Rect;

/// Under this size the screen only shows a "too small" notice.
pub const MIN_COLS: u16 = 20;
pub const MIN_ROWS: u16 = 6;

pub fn too_small(size: Rect) -> bool {
    size.width < MIN_COLS || size.height < MIN_ROWS
}

/// Between the title bar (top row) and the status bar (bottom row).
pub fn body(size: Rect) -> Rect {
    Rect::new(
        size.x,
        size.y + 1,
        size.width,
        size.height.saturating_sub(2),
    )
}

/// A text area with a one-column margin each side (cursor and conflict marks go there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextArea {
    pub outer: Rect,
    pub text: Rect,
}

impl TextArea {
    fn new(outer: Rect) -> TextArea {
        let text = Rect::new(
            outer.x + 1,
            outer.y,
            outer.width.saturating_sub(2).max(1),
            outer.height,
        );
        TextArea { outer, text }
    }
}

/// The reader's text area.
pub fn reader(size: Rect) -> TextArea {
    TextArea::new(body(size))
}

/// One compare pane: its header row and its text area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneArea {
    pub header: Rect,
    pub area: TextArea,
}

/// Row 1 of the compare view: the values side by side.
pub fn topic_bar(size: Rect) -> Rect {
    let b = body(size);
    Rect::new(b.x, b.y, b.width, b.height.min(1))
}

/// `n` panes left to right, separated by one-column rules.
pub fn compare_panes(size: Rect, n: usize) -> Vec<PaneArea> {
    let b = body(size);
    let n16 = n.clamp(1, 16) as u16;
    let seps = n16 - 1;
    let each = b.width.saturating_sub(seps) / n16;
    let extra = b.width.saturating_sub(seps) % n16;
    let top = b.y + 1;
    let height = b.height.saturating_sub(1);
    let mut x = b.x;
    (0..n16)
        .map(|i| {
            // The last pane takes the columns left over by the division.
            let w = each + if i == n16 - 1 { extra } else { 0 };
            let header = Rect::new(x, top, w, height.min(1));
            let outer = Rect::new(x, top + 1, w, height.saturating_sub(1));
            x += w + 1;
            PaneArea {
                header,
                area: TextArea::new(outer),
            }
        })
        .collect()
}

/// Columns of the given widths left to right, or mirrored (first column on the right).
pub fn columns(area: Rect, widths: &[u16], rtl: bool) -> Vec<Rect> {
    let mut x = area.x;
    widths
        .iter()
        .map(|&w| {
            let w = w.min(area.right().saturating_sub(x));
            let r = Rect::new(x, area.y, w, area.height);
            x += w;
            if rtl {
                Rect::new(area.x + area.right() - r.right(), r.y, r.width, r.height)
            } else {
                r
            }
        })
        .collect()
}

pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fill_the_width_without_overlap() {
        let size = Rect::new(0, 0, 80, 24);
        let panes = compare_panes(size, 3);
        assert_eq!(panes.len(), 3);
        assert_eq!(panes[0].area.outer.x, 0);
        assert_eq!(panes[2].area.outer.right(), 80);
        assert!(panes[0].area.outer.right() < panes[1].area.outer.x);
        assert_eq!(panes[0].area.text.width, panes[0].area.outer.width - 2);
    }

    #[test]
    fn mirrored_columns_start_on_the_right() {
        let cols = columns(Rect::new(0, 0, 10, 1), &[3, 7], true);
        assert_eq!(cols[0], Rect::new(7, 0, 3, 1));
        assert_eq!(cols[1], Rect::new(0, 0, 7, 1));
        let tiny = compare_panes(Rect::new(0, 0, 1, 1), 5);
        assert_eq!(tiny.len(), 5);
    }
}
