//! Drawing the bookmarks list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use crate::bookmarks::display::safe_line;

use super::action::Action;
use super::draw::{self, Align, Theme};
use super::screen;
use super::state::State;

// ---- drawing --------------------------------------------------------------------

/// The margin mark of a bookmarked passage.
pub const MARK: &str = "*";

pub fn mark_style(theme: Theme) -> Style {
    if theme.color {
        Style::default()
            .fg(Color::Green)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::default().add_modifier(Modifier::BOLD)
    }
}

/// Widths of the list's columns, first on the right as Arabic is read: article,
/// passage, note, date.
pub(crate) fn widths(w: u16) -> [u16; 4] {
    let date = if w >= 70 { 12 } else { 0 };
    let article = (w / 5).clamp(6, 24).min(w);
    let rest = w.saturating_sub(date + article);
    let note = if w >= 50 { rest * 2 / 5 } else { 0 };
    [article, rest - note, note, date]
}

pub fn draw(state: &State, buf: &mut Buffer) {
    let size = state.size;
    let theme = state.theme();
    let b = &state.bookmark_list;
    let bar = Rect::new(size.x, size.y, size.width, 1);
    draw::fill(buf, bar, theme.bar());
    let k = |a| state.hint(a);
    let shown = b.visible(&state.model.bookmarks);
    let mut title = format!(" bookmarks: {}", shown.len());
    if !b.filter.is_empty() {
        title.push_str(&format!(
            " matching {}",
            super::text::quoted(&safe_line(&b.filter))
        ));
    }
    title.push_str(&format!(
        " · {} jump · {} note · {} delete · {} undo · {} filter ",
        k(Action::Open),
        k(Action::EditNote),
        k(Action::Delete),
        k(Action::Undo),
        k(Action::Search)
    ));
    draw::text(state, buf, bar, &title, theme.bar(), Align::Left);
    let body = screen::body(size);
    if body.height == 0 {
        return;
    }
    if shown.is_empty() {
        let msg = match state.model.bookmarks.session.read_only() {
            Some(reason) => format!("bookmarks read-only: {}", safe_line(reason)),
            None if !b.filter.is_empty() => "no bookmark matches the filter".into(),
            None => format!(
                "no bookmarks yet: {} in the reader bookmarks a passage",
                k(Action::Bookmark)
            ),
        };
        let row = Rect::new(body.x, body.y + body.height / 2, body.width, 1);
        draw::text(state, buf, row, &msg, theme.dim(), Align::Center);
        return;
    }
    let w = widths(body.width);
    let cols = |y: u16| screen::columns(Rect::new(body.x, y, body.width, 1), &w, true);
    let labels = if state.settings.english {
        ["article", "passage", "note", "date"]
    } else {
        ["المقال", "المقطع", "الملاحظة", "التاريخ"]
    };
    for (r, l) in cols(body.y).iter().zip(labels) {
        draw::text(state, buf, draw::inset(*r), l, theme.header(), Align::Right);
    }
    let rows = body.height.saturating_sub(1) as usize;
    let first = super::draw::first_row(b.sel, rows);
    for (row, (i, bm)) in shown.iter().enumerate().skip(first).take(rows).enumerate() {
        let y = body.y + 1 + row as u16;
        let st = if i == b.sel {
            theme.selected()
        } else {
            theme.plain()
        };
        draw::fill(buf, Rect::new(body.x, y, body.width, 1), st);
        let flag = match state.model.bookmarks.anchors.get(&bm.id) {
            Some((_, a)) if a.flagged() => "? ",
            // Not `…`: that ends every label cut to fit.
            None if state.model.bookmarks.searching(bm) => "⋯ ",
            None => "– ",
            Some(_) => "",
        };
        let article = if bm.article.title.trim().is_empty() {
            &bm.article.id
        } else {
            &bm.article.title
        };
        let cells = [
            format!("{flag}{}", safe_line(article)),
            safe_line(bm.text.trim()),
            bm.note.as_deref().map(safe_line).unwrap_or_default(),
            bm.created.chars().take(10).collect(),
        ];
        for (r, t) in cols(y).iter().zip(cells.iter()) {
            draw::text(state, buf, draw::inset(*r), t, st, Align::Right);
        }
    }
}
