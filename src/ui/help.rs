//! The help overlay, generated from the active keymap: it lists what is bound, so it
//! cannot drift from the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::{Action, Scope};
use super::draw::{self, Align};
use super::keymap::{Key, Table};
use super::layers::LayerOps;
use super::state::State;

/// Help as a layer: on top of the view or of a prompt; keys move it (the keymap's
/// actions, with counts), `?`/`Esc` close it.
pub struct HelpLayer;

impl LayerOps for HelpLayer {
    fn key(&self, state: &mut State, key: Key) {
        // Actions come back through `state::handle` to `action` below.
        state.command_key(key);
    }

    fn action(&self, state: &mut State, action: Action) -> bool {
        act(state, action);
        true
    }

    fn mouse(&self, state: &mut State, delta: isize) -> bool {
        if let Some(h) = state.help {
            state.help = Some(h.saturating_add_signed(delta).min(max_offset(state)));
        }
        true
    }

    fn draw(&self, state: &State, buf: &mut Buffer) {
        if let Some(offset) = state.help {
            draw(state, buf, offset);
        }
    }

    fn is_prompt(&self) -> bool {
        false
    }
}

/// What an action does to the open overlay: scroll it, or close it.
fn act(state: &mut State, action: Action) {
    match action {
        Action::Help | Action::Back | Action::Quit => state.help = None,
        Action::LineDown | Action::NextParagraph => state.help = state.help.map(|h| h + 1),
        Action::LineUp | Action::PrevParagraph => {
            state.help = state.help.map(|h| h.saturating_sub(1))
        }
        Action::PageDown | Action::HalfPageDown => {
            let page = page(state, action == Action::HalfPageDown);
            state.help = state.help.map(|h| h.saturating_add(page))
        }
        Action::PageUp | Action::HalfPageUp => {
            let page = page(state, action == Action::HalfPageUp);
            state.help = state.help.map(|h| h.saturating_sub(page))
        }
        Action::Top => state.help = Some(0),
        Action::Bottom => state.help = Some(usize::MAX),
        _ => {}
    }
    let max = max_offset(state);
    state.help = state.help.map(|h| h.min(max));
}

/// The help rows for the current view: keys, action name, description of every bound
/// action that applies there. Over a text prompt they are the prompt's keys (`[prompt]`).
pub fn rows(state: &State) -> Vec<(String, String, &str)> {
    let view = super::views::of(state.view);
    let (scope, table) = if super::layers::prompt_open(state) {
        (Scope::PROMPT, Table::Prompt)
    } else {
        (view.scope(), view.table())
    };
    state
        .keymap
        .help_entries(table)
        .into_iter()
        .filter(|(a, _)| a.scope().contains(scope))
        // The story library exists only for a corpus (`qarin DIR`).
        .filter(|(a, _)| *a != Action::Stories || state.model.stories.is_some())
        .map(|(a, keys)| {
            let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            (
                keys.join(" "),
                a.name().to_owned(),
                state.keymap.description(a),
            )
        })
        .collect()
}

/// The overlay's frame for `n` rows on the current screen.
fn area(state: &State, n: usize) -> Rect {
    let size = state.size;
    let w = size.width.saturating_sub(4).min(86);
    let h = (n.min(usize::from(u16::MAX - 2)) as u16 + 2).min(size.height.saturating_sub(2));
    Rect::new(
        size.x + (size.width - w) / 2,
        size.y + (size.height - h) / 2,
        w,
        h,
    )
}

/// Rows a page (or half a page) of the overlay scrolls.
pub fn page(state: &State, half: bool) -> usize {
    let visible = area(state, rows(state).len()).height.saturating_sub(2) as usize;
    if half {
        visible.div_ceil(2).max(1)
    } else {
        visible.saturating_sub(1).max(1)
    }
}

/// The largest useful scroll offset: the last row at the bottom. The state clamps to
/// it on every key, so `k` moves up at once after scrolling past the end.
pub fn max_offset(state: &State) -> usize {
    let rows = rows(state).len();
    let visible = area(state, rows).height.saturating_sub(2) as usize;
    rows.saturating_sub(visible)
}

pub fn draw(state: &State, buf: &mut Buffer, offset: usize) {
    let theme = state.theme();
    let rows = rows(state);
    let area = area(state, rows.len());
    // Clear what is under the overlay, then a frame.
    for y in area.y..area.bottom() {
        for x in area.x..area.right() {
            draw::put(buf, x, y, " ", theme.plain());
        }
    }
    let inner = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    frame(buf, area, state);
    let title = " help: keys (Esc or ? closes, j/k scroll) ";
    draw::text(
        state,
        buf,
        Rect::new(area.x + 2, area.y, area.width.saturating_sub(4), 1),
        title,
        theme.header(),
        Align::Left,
    );
    let visible = inner.height as usize;
    let offset = offset.min(rows.len().saturating_sub(visible));
    let widest = |f: &dyn Fn(&(String, String, &str)) -> usize| {
        rows.iter().map(f).max().unwrap_or(0) as u16 + 1
    };
    let kw = widest(&|r| r.0.chars().count()).min(inner.width / 3);
    let nw = widest(&|r| r.1.len()).min(inner.width / 3);
    for (i, (keys, name, desc)) in rows.iter().skip(offset).take(visible).enumerate() {
        let y = inner.y + i as u16;
        draw::text(
            state,
            buf,
            Rect::new(inner.x, y, kw.saturating_sub(1), 1),
            keys,
            theme.header(),
            Align::Left,
        );
        draw::text(
            state,
            buf,
            Rect::new(inner.x + kw, y, nw.saturating_sub(1), 1),
            name,
            theme.plain(),
            Align::Left,
        );
        let dx = kw + nw;
        draw::text(
            state,
            buf,
            Rect::new(inner.x + dx, y, inner.width.saturating_sub(dx), 1),
            desc,
            theme.dim(),
            Align::Left,
        );
    }
}

fn frame(buf: &mut Buffer, r: Rect, state: &State) {
    let st = state.theme().header();
    if r.width < 2 || r.height < 2 {
        return;
    }
    for x in r.x..r.right() {
        draw::put(buf, x, r.y, "─", st);
        draw::put(buf, x, r.bottom() - 1, "─", st);
    }
    for y in r.y..r.bottom() {
        draw::put(buf, r.x, y, "│", st);
        draw::put(buf, r.right() - 1, y, "│", st);
    }
    draw::put(buf, r.x, r.y, "┌", st);
    draw::put(buf, r.right() - 1, r.y, "┐", st);
    draw::put(buf, r.x, r.bottom() - 1, "└", st);
    draw::put(buf, r.right() - 1, r.bottom() - 1, "┘", st);
}
