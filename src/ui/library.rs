//! The library: the open articles with title, outlet, length, claim and bookmark counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::Action;
use super::draw::{self, Align};
use super::screen;
use super::state::{State, View};

/// The library view.
pub struct LibraryView;

impl super::views::ViewOps for LibraryView {
    fn handle(&self, state: &mut State, action: Action) {
        handle(state, action)
    }
    fn draw(&self, state: &State, buf: &mut Buffer) {
        draw(state, buf)
    }
    fn mouse(&self, state: &mut State, _x: u16, y: u16, delta: isize) {
        if delta != 0 {
            return super::views::list_wheel(state, delta);
        }
        let body = screen::body(state.size);
        if let Some(row) = super::views::list_row(state, y) {
            let first = state
                .library_sel
                .saturating_sub(body.height.saturating_sub(2) as usize);
            state.library_sel = (first + row).min(state.model.len().saturating_sub(1));
        }
    }
    fn scope(&self) -> super::action::Scope {
        super::action::Scope::LIBRARY
    }
    fn article(&self, state: &State) -> Option<usize> {
        Some(state.library_sel.min(state.model.len().saturating_sub(1)))
    }
}

fn handle(state: &mut State, action: Action) {
    let last = state.model.len().saturating_sub(1);
    let motion = match action {
        Action::NextArticle => Action::LineDown,
        Action::PrevArticle => Action::LineUp,
        a => a,
    };
    let (n, rows) = (state.model.len(), super::list::rows(state));
    if let Some(sel) = super::list::motion(state.library_sel, n, rows, motion) {
        state.library_sel = sel;
        return;
    }
    if action == Action::Open {
        state.current = state.library_sel.min(last);
        state.go(View::Reader);
        state.with_reader(|p, s| p.refit(s));
    }
}

fn size_text(bytes: usize) -> String {
    match bytes {
        b if b >= 10 << 20 => format!("{} MB", b >> 20),
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / f64::from(1 << 20)),
        b if b >= 1 << 10 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}

pub fn draw(state: &State, buf: &mut Buffer) {
    let size = state.size;
    let theme = state.theme();
    let bar = Rect::new(size.x, size.y, size.width, 1);
    draw::fill(buf, bar, theme.bar());
    let title = format!(" library: {} articles · Enter opens ", state.model.len());
    draw::text(state, buf, bar, &title, theme.bar(), Align::Left);
    let body = screen::body(size);
    let w = body.width;
    // Columns, first on the right as Arabic is read: #, language, title, outlet,
    // published, length, claims, bookmarks.
    // Room for the largest number (2,000 articles read «2000», not «20»).
    let num = (state.model.len().max(1).to_string().len() as u16 + 2).max(4);
    let lang = if w >= 60 { 5 } else { 0 };
    let counts = if w >= 60 { 9 } else { 0 };
    let len = if w >= 50 { 10 } else { 0 };
    // `2013-02-05 10:20`, `~` before a time that is only a file's mtime.
    // Shown only when some article has a time (the seeds have none).
    let dated = state.model.articles().any(|a| a.published.is_some());
    let date = if w >= 90 && dated { 18 } else { 0 };
    let rest = w.saturating_sub(num + lang + len + date + 2 * counts);
    let outlet = if w >= 70 { rest * 2 / 5 } else { 0 };
    let widths = [num, lang, rest - outlet, outlet, date, len, counts, counts];
    let cols = |y: u16| screen::columns(Rect::new(body.x, y, w, 1), &widths, true);
    let head = cols(body.y);
    let labels = if state.settings.english {
        [
            "#",
            "lang",
            "title",
            "outlet",
            "published",
            "length",
            "claims",
            "bookmarks",
        ]
    } else {
        [
            "#",
            "لغة",
            "العنوان",
            "المصدر",
            "النشر",
            "الطول",
            "ادعاءات",
            "علامات",
        ]
    };
    for (r, l) in head.iter().zip(labels) {
        draw::text(state, buf, draw::inset(*r), l, theme.header(), Align::Right);
    }
    let rows = body.height.saturating_sub(1) as usize;
    let first = super::draw::first_row(state.library_sel, rows);
    for (row, (i, a)) in state
        .model
        .articles()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = body.y + 1 + row as u16;
        let st = if i == state.library_sel {
            theme.selected()
        } else {
            theme.plain()
        };
        draw::fill(buf, Rect::new(body.x, y, w, 1), st);
        let bytes: usize = a.paragraphs.lens().map(|n| n + 1).sum();
        let claims = state
            .model
            .index
            .article_of
            .values()
            .filter(|x| **x == i)
            .count();
        let c = cols(y);
        let cells = [
            format!("{}", i + 1),
            crate::text::lang::Lang::of_article(a).tag().to_owned(),
            a.title.clone(),
            a.outlet.clone(),
            a.published.map(|p| p.short()).unwrap_or_default(),
            size_text(bytes),
            claims.to_string(),
            state.model.bookmarks.count(i).to_string(),
        ];
        for (r, t) in c.iter().zip(cells.iter()) {
            draw::text(state, buf, draw::inset(*r), t, st, Align::Right);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_naturally() {
        assert_eq!(super::size_text(900), "900 B");
        assert_eq!(super::size_text(5645), "5.5 KB");
        assert_eq!(super::size_text(100 << 20), "100 MB");
    }
}
