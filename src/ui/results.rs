//! The results list of a search over all articles (`F`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::{Action, Scope};
use super::draw::{self, Align};
use super::screen;
use super::search::snippet;
use super::state::{State, View};
use super::views::ViewOps;

/// The search results view.
pub struct ResultsView;

impl ViewOps for ResultsView {
    fn handle(&self, state: &mut State, action: Action) {
        handle(state, action)
    }
    fn draw(&self, state: &State, buf: &mut Buffer) {
        let size = buf.area;
        let bar = Rect::new(size.x, size.y, size.width, 1);
        draw::fill(buf, bar, state.theme().bar());
        draw::text(
            state,
            buf,
            bar,
            " search results ",
            state.theme().bar(),
            Align::Left,
        );
        if super::corpus_search::active(state) {
            super::corpus_search::draw_hits(state, screen::body(size), buf);
        } else {
            draw_results(state, screen::body(size), buf);
        }
    }
    fn mouse(&self, state: &mut State, _x: u16, y: u16, delta: isize) {
        if delta != 0 {
            return super::views::list_wheel(state, delta);
        }
        let body = screen::body(state.size);
        if let Some(row) = super::views::list_row(state, y) {
            let rows = body.height.saturating_sub(1) as usize;
            let first = super::draw::first_row(state.search.selected, rows);
            state.search.selected = (first + row).min(count(state).saturating_sub(1));
        }
    }
    fn scope(&self) -> Scope {
        Scope::RESULTS
    }
}

/// Rows in the list: articles of the corpus, or matches in the open articles.
fn count(state: &State) -> usize {
    if super::corpus_search::active(state) {
        state.search.hits.len()
    } else {
        state.search.matches.len()
    }
}

fn handle(state: &mut State, action: Action) {
    let n = count(state);
    let rows = super::list::rows(state);
    let s = &mut state.search;
    if !matches!(action, Action::NextParagraph | Action::PrevParagraph)
        && let Some(sel) = super::list::motion(s.selected, n, rows, action)
    {
        s.selected = sel;
        return;
    }
    match action {
        Action::Open if n > 0 && super::corpus_search::active(state) => {
            super::corpus_search::open_hit(state)
        }
        Action::Open if n > 0 => {
            state.go(View::Reader);
            state.show_match();
        }
        _ => {}
    }
}

/// The results list of a search over all articles.
pub fn draw_results(state: &State, area: Rect, buf: &mut Buffer) {
    let theme = state.theme();
    let s = &state.search;
    let header = format!(
        "{} matches for {} in all articles — Enter opens, Esc goes back",
        s.matches.len(),
        super::text::quoted(&s.query)
    );
    draw::text(
        state,
        buf,
        Rect::new(area.x, area.y, area.width, 1),
        &header,
        theme.header(),
        Align::Left,
    );
    let rows = area.height.saturating_sub(1) as usize;
    if rows == 0 {
        return;
    }
    let sel = s.selected.min(s.matches.len().saturating_sub(1));
    let first = super::draw::first_row(sel, rows);
    for (row, (i, m)) in s
        .matches
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = area.y + 1 + row as u16;
        let Some(a) = state.model.article(m.article) else {
            continue;
        };
        let label = format!("{} ¶{}", a.short, m.para + 1);
        let label_w = (area.width / 4).clamp(1, 20);
        let style = if i == sel {
            theme.selected()
        } else {
            theme.plain()
        };
        let cols = super::screen::columns(
            Rect::new(area.x, y, area.width, 1),
            &[label_w, area.width.saturating_sub(label_w)],
            true,
        );
        draw::text(state, buf, cols[0], &label, style, Align::Right);
        let para = &a.paragraphs[m.para.min(a.paragraphs.len().saturating_sub(1))];
        let (snippet, hit) = snippet(para, &m.range, cols[1].width as usize);
        draw::text_with_highlight(
            state,
            buf,
            cols[1],
            &snippet,
            hit,
            style,
            theme.search_match(true),
        );
    }
}
