//! The reader: one article, laid out for the pane's width, claims highlighted, the
//! current passage marked in the margin. `draw_pane` is shared with the compare view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::layout::{Cell, Direction};

use super::action::Action;
use super::draw::{self, Align};
use super::pane::{Pane, Scroll};
use super::screen::{self, TextArea};
use super::state::State;

use super::views::ViewOps;

/// The reader view.
pub struct ReaderView;

impl ViewOps for ReaderView {
    fn handle(&self, state: &mut State, action: Action) {
        handle(state, action)
    }
    fn draw(&self, state: &State, buf: &mut Buffer) {
        draw(state, buf)
    }
    fn mouse(&self, state: &mut State, x: u16, y: u16, delta: isize) {
        let area = screen::reader(state.size);
        if screen::contains(area.outer, x, y) {
            state.pane_mouse(state.current, area.text, y, delta, false);
        }
    }
    fn scope(&self) -> super::action::Scope {
        super::action::Scope::READER
    }
    fn table(&self) -> super::keymap::Table {
        super::keymap::Table::Reader
    }
    fn passage(&self, state: &State) -> Option<(usize, usize)> {
        Some((state.current, state.model.reader(state.current).cursor))
    }
}

fn handle(state: &mut State, action: Action) {
    match action {
        Action::LineDown => state.with_reader(|p, s| p.scroll(s, 1)),
        Action::LineUp => state.with_reader(|p, s| p.scroll(s, -1)),
        Action::PageDown => state.with_reader(|p, s| p.scroll(s, page(p))),
        Action::PageUp => state.with_reader(|p, s| p.scroll(s, -page(p))),
        Action::HalfPageDown => state.with_reader(|p, s| p.scroll(s, half_page(p))),
        Action::HalfPageUp => state.with_reader(|p, s| p.scroll(s, -half_page(p))),
        Action::Top => state.with_reader(|p, s| p.to_start(s)),
        Action::Bottom => state.with_reader(|p, s| p.to_end(s)),
        Action::NextParagraph => state.with_reader(|p, s| p.step_cursor(s, true)),
        Action::PrevParagraph => state.with_reader(|p, s| p.step_cursor(s, false)),
        Action::NextArticle | Action::PrevArticle => {
            let n = state.model.len().max(1);
            state.current = if action == Action::NextArticle {
                (state.current + 1) % n
            } else {
                (state.current + n - 1) % n
            };
            // A search of the previous article does not apply to this one.
            state.search.matches.retain(|m| m.article == state.current);
            state.with_reader(|p, s| p.refit(s));
        }
        Action::Open => open_claim(state),
        _ => {}
    }
}

/// Enter on a passage with a claim: compare the sources on that claim's topic.
fn open_claim(state: &mut State) {
    let ai = state.current;
    let para = state.model.reader(ai).cursor;
    let group = state
        .model
        .index
        .by_para
        .get(&(ai, para))
        .and_then(|ids| ids.iter().find_map(|id| state.model.index.group_of.get(id)))
        .copied();
    match group {
        Some(g) => {
            state.go(super::state::View::Compare);
            state.select_group(g);
        }
        None => state.status = Some("no claim in this passage to compare".into()),
    }
}

/// A page: the pane's height less one line of context.
pub fn page(p: &Pane) -> isize {
    p.height.saturating_sub(1).max(1) as isize
}

/// Half the pane (Ctrl-D/Ctrl-U, as in less and vim).
pub fn half_page(p: &Pane) -> isize {
    p.height.div_ceil(2).max(1) as isize
}

pub fn draw(state: &State, buf: &mut Buffer) {
    let size = state.size;
    let theme = state.theme();
    let Some(article) = state.model.article(state.current) else {
        draw::text(
            state,
            buf,
            screen::body(size),
            "no article",
            theme.plain(),
            Align::Center,
        );
        return;
    };
    let scroll = state.model.reader(state.current);
    let area = screen::reader(size);
    // Title bar: position on the left, title — outlet on the right.
    let bar = Rect::new(size.x, size.y, size.width, 1);
    draw::fill(buf, bar, theme.bar());
    let pos = state
        .reader_pane()
        .map(|p| state.position(state.current, &scroll, &p))
        .map(|(pct, end)| {
            if end {
                "End".to_owned()
            } else {
                format!("{pct}%")
            }
        })
        .unwrap_or_default();
    let mode = if state.visual.is_some() {
        " VISUAL"
    } else {
        ""
    };
    // A large article is read from its file as it is shown: say so if the file changed.
    let changed = if article.paragraphs.changed_on_disk() {
        " CHANGED ON DISK"
    } else {
        ""
    };
    let left = format!(
        "{mode}{changed} {pos} {}/{} ",
        state.current + 1,
        state.model.len()
    );
    let lw = (left.len() as u16).min(bar.width);
    draw::text(
        state,
        buf,
        Rect::new(bar.x, bar.y, lw, 1),
        &left,
        theme.bar(),
        Align::Left,
    );
    let title = if article.outlet.is_empty() {
        article.title.clone()
    } else {
        format!("{} — {}", article.title, article.outlet)
    };
    let tw = bar.width.saturating_sub(lw + 1);
    draw::text(
        state,
        buf,
        Rect::new(bar.x + lw, bar.y, tw, 1),
        &title,
        theme.bar(),
        Align::Right,
    );
    draw_pane(state, buf, state.current, &scroll, area, true, None);
}

/// Draws article `ai` scrolled to `scroll` into `area`, with claim and search
/// highlights and the passage cursor in the margin; the claims of `group` (compare's
/// topic) are the ones marked.
pub fn draw_pane(
    state: &State,
    buf: &mut Buffer,
    ai: usize,
    scroll: &Scroll,
    area: TextArea,
    focused: bool,
    group: Option<usize>,
) {
    let theme = state.theme();
    let Some(pane) = state.pane(ai, area.text) else {
        return;
    };
    if area.text.height == 0 {
        return;
    }
    let focus_claims: Vec<usize> = group
        .and_then(|g| state.model.analysis.groups.get(g))
        .map(|g| g.claims.clone())
        .unwrap_or_default();
    let current_match = state.search.matches.get(state.search.selected);
    for (row, (b, l)) in pane.visible(scroll.top).into_iter().enumerate() {
        let y = area.text.y + row as u16;
        let p = pane.para_of(b);
        let lines = pane.lines(b);
        let Some(line) = lines.get(l) else { continue };
        let claims: Vec<&crate::claims::Claim> = state
            .model
            .index
            .by_para
            .get(&(ai, p))
            .map(|ids| ids.iter().filter_map(|id| state.model.claim(*id)).collect())
            .unwrap_or_default();
        let matches: Vec<&super::search::Match> = state
            .search
            .matches
            .iter()
            .filter(|m| m.article == ai && m.para == p)
            .collect();
        let overlaps = |c: &Cell, s: usize, e: usize| c.source.start < e && s < c.source.end;
        let style_of = |c: &Cell| -> Style {
            let mut st = theme.plain();
            for cl in &claims {
                if overlaps(c, cl.start, cl.end) {
                    st = state.claim_style(cl);
                    if focus_claims.contains(&cl.id) {
                        st = st.patch(theme.focus_claim());
                    }
                }
            }
            for m in &matches {
                if overlaps(c, m.range.start, m.range.end) {
                    st = theme.search_match(Some(*m) == current_match);
                }
            }
            st
        };
        let row_area = Rect::new(area.text.x, y, area.text.width, 1);
        // Selected lines are reversed over the whole row (reverse shows with NO_COLOR).
        let selected = state.view == super::state::View::Reader
            && state.visual.is_some_and(|v| v.contains(ai, (b, l)));
        if selected {
            draw::fill(buf, row_area, theme.selected());
            draw::line(buf, row_area, line, Align::Auto, |c| {
                style_of(c).patch(theme.selected())
            });
        } else {
            draw::line(buf, row_area, line, Align::Auto, style_of);
        }
        // Margins: the passage cursor at the start side of the line, conflict and
        // bookmark marks at the other side.
        let (start_x, end_x) = if line.direction == Direction::Rtl {
            (area.outer.right().saturating_sub(1), area.outer.x)
        } else {
            (area.outer.x, area.outer.right().saturating_sub(1))
        };
        if p == scroll.cursor && focused && area.outer.width >= 3 {
            draw::put(buf, start_x, y, "▌", theme.cursor_mark());
        }
        // A bookmarked passage: a mark on its first line, on the conflict side (a
        // conflict mark on that line wins).
        if l == 0 && state.model.bookmarks.is_marked(ai, p) && area.outer.width >= 3 {
            let style = super::bookmarks_view::mark_style(theme);
            draw::put(buf, end_x, y, super::bookmarks_view::MARK, style);
        }
        // With a topic chosen (compare), `!` marks only that topic's conflicting claims.
        let conflict_here = claims.iter().any(|cl| {
            state.model.in_conflict(cl.id)
                && (group.is_none() || focus_claims.contains(&cl.id))
                && cl.start < line.source.end.max(line.source.start + 1)
                && line.source.start < cl.end
        });
        if conflict_here && area.outer.width >= 3 {
            draw::put(buf, end_x, y, "!", theme.conflict_mark());
        }
    }
}
