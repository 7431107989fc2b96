//! The interactive reader (ratatui). `model` holds what is open and knows no view;
//! `state` holds the model and the UI around it (views, layers) and knows no terminal;
//! `render` draws a `&State` into a buffer; `app` runs the terminal event loop and
//! `snapshot` replays keys through the same state and rendering for tests and reports.

pub mod action;
pub mod app;
pub mod background;
pub mod blocks;
pub mod bookmarks_attach;
pub mod bookmarks_draw;
pub mod bookmarks_view;
pub mod claims_cells;
pub mod claims_columns;
pub mod claims_table;
pub mod compare;
pub mod copy;
pub mod corpus_search;
pub mod draw;
pub mod help;
pub mod keymap;
pub mod keymap_config;
pub mod layers;
pub mod library;
pub mod line_edit;
pub mod list;
pub mod model;
pub mod note_prompt;
pub mod pane;
pub mod range_plot;
pub mod reader;
pub mod results;
pub mod screen;
pub mod search;
pub mod search_prompt;
pub mod state;
pub mod stories_view;
pub mod story_grouping;
pub mod story_lib;
pub mod term;
pub mod text;
pub mod views;
pub mod visual;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::corpus::Article;
use action::Action;
use draw::Align;
use keymap::{Key, Keymap};
use state::{Settings, State, View};

/// Draws the whole screen for `state` into `buf` (whose area is the screen).
pub fn render(state: &State, buf: &mut Buffer) {
    let size = buf.area;
    if screen::too_small(size) {
        let msg = format!(
            "too small: {}×{} (needs {}×{})",
            size.width,
            size.height,
            screen::MIN_COLS,
            screen::MIN_ROWS
        );
        let y = size.y + size.height / 2;
        buf.set_stringn(size.x, y, &msg, size.width as usize, state.theme().plain());
        return;
    }
    views::of(state.view).draw(state, buf);
    status_bar(state, buf);
    for layer in layers::stack(state) {
        layers::of(layer).draw(state, buf);
    }
}

/// The bottom row: the search prompt, a message, or hints for the main keys.
fn status_bar(state: &State, buf: &mut Buffer) {
    let size = buf.area;
    let row = Rect::new(size.x, size.bottom().saturating_sub(1), size.width, 1);
    let theme = state.theme();
    let s = &state.search;
    if layers::stack(state)
        .iter()
        .any(|l| layers::of(*l).owns_status_row())
    {
        return;
    }
    let text = if let Some(msg) = &state.status {
        status_message(state, buf, msg);
        return;
    } else if let Some(v) = state.visual.filter(|_| state.view == View::Reader) {
        let (lo, hi) = v.span();
        let n = state.reader_pane().map_or(1, |p| {
            // Counting lays the lines out: stop counting a huge selection early.
            std::iter::successors(Some(lo), |&x| (x < hi).then(|| p.forward(x, 1)))
                .take(10_000)
                .count()
        });
        let n = if n >= 10_000 {
            "10000+".to_owned()
        } else {
            n.to_string()
        };
        format!(
            "-- VISUAL -- {n} line{} · {} bookmarks them · {} cancels",
            if n == "1" { "" } else { "s" },
            state.hint(Action::Bookmark),
            state.hint(Action::Back)
        )
    } else if !s.matches.is_empty() && state.view == View::Reader {
        format!(
            "{}: match {}/{} ({}/{} next/previous, Esc clears)",
            text::quoted(&s.query),
            s.selected + 1,
            s.matches.len(),
            state.hint(Action::NextMatch),
            state.hint(Action::PrevMatch)
        )
    } else if let Some(p) = story_grouping::progress(state) {
        format!(
            "{p} · keys work meanwhile ({} quits)",
            state.hint(Action::Quit)
        )
    } else if let Some(job) = &state.model.analysing {
        job.progress_text()
    } else if let Some((done, all)) = state
        .model
        .stories
        .as_ref()
        .and_then(|l| l.text.as_ref())
        .and_then(|t| t.progress())
    {
        let key = state.hint(Action::SearchAll);
        format!("indexing the texts for search ({key}): {done} of {all} articles")
    } else if state.model.unanalysed {
        format!(
            "claims of these {:.1} MB are analysed in the background by the reader",
            state::text_size(&state.model.open) as f64 / f64::from(1 << 20)
        )
    } else {
        hints(state)
    };
    draw::text(state, buf, row, &text, theme.dim(), Align::Left);
}

/// A message in the status bar: wrapped onto as many rows above the bottom one as it
/// needs (all but the title bar at most), so that the reason at the end of a long error
/// ("…: No such file or directory") is never cut off.
fn status_message(state: &State, buf: &mut Buffer, msg: &str) {
    let size = buf.area;
    let width = size.width as usize;
    let max_rows = size.height.saturating_sub(1).max(1) as usize;
    // What can be shown at most: a pasted megabyte quoted in a message is not laid out.
    let msg = match msg.char_indices().nth(max_rows * width * 4 + 16) {
        Some((i, _)) => &msg[..i],
        None => msg,
    };
    // English chrome that may quote Arabic: laid out left to right.
    let lines = state
        .model
        .cache
        .string(msg, width, Some(crate::layout::Direction::Ltr));
    let shown = &lines[..lines.len().min(max_rows)];
    let top = size.bottom().saturating_sub(shown.len().max(1) as u16);
    let style = state.theme().dim();
    for (k, l) in shown.iter().enumerate() {
        let row = Rect::new(size.x, top + k as u16, size.width, 1);
        // Rows taken from the view above are cleared first.
        buf.set_string(row.x, row.y, " ".repeat(width), style);
        draw::line(buf, row, l, Align::Left, |_| style);
    }
}

/// Parses `COLSxROWS`.
pub fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let err = || format!("bad size {s:?}: expected COLSxROWS, e.g. 120x40");
    let (c, r) = s.split_once(['x', 'X']).ok_or_else(err)?;
    let c: u16 = c.trim().parse().map_err(|_| err())?;
    let r: u16 = r.trim().parse().map_err(|_| err())?;
    if c == 0 || r == 0 {
        return Err(err());
    }
    Ok((c, r))
}

/// Replays `keys` on a fresh state and returns the final screen as text, one row per
/// line: the same state, actions and drawing as the interactive reader, on
/// ratatui's `TestBackend`.
pub fn snapshot(state: &mut State, keys: &[Key]) -> String {
    for k in keys {
        if state.quit {
            break;
        }
        state.key(*k);
    }
    state.settle();
    screen_text(state)
}

/// The current screen of `state` as text.
pub fn screen_text(state: &State) -> String {
    let backend = TestBackend::new(state.size.width, state.size.height);
    match Terminal::new(backend) {
        Ok(mut term) => {
            // TestBackend cannot fail to draw; were it to, an empty screen is the answer.
            let _ = term.draw(|f| render(state, f.buffer_mut()));
            draw::buffer_text(term.backend().buffer())
        }
        Err(_) => String::new(),
    }
}

/// A state over the articles at the given size with the default keys and colours,
/// as the tests and benchmarks use it.
pub fn test_state(articles: Vec<Article>, cols: u16, rows: u16) -> State {
    State::new(
        articles,
        Keymap::defaults(),
        Settings::default(),
        cols,
        rows,
    )
}

/// The hint bar: the current view's main actions with their first key («? help  s compare»).
fn hints(state: &State) -> String {
    let mut out = String::new();
    // In a corpus, the way back to its stories comes first.
    let stories =
        (state.model.stories.is_some() && state.view != View::Stories).then_some(Action::Stories);
    for &a in stories.iter().chain(views::of(state.view).hints()) {
        let key = state.hint(a);
        if key == "-" {
            continue;
        }
        if !out.is_empty() {
            out.push_str("  ");
        }
        out.push_str(&key);
        out.push(' ');
        out.push_str(a.hint_label());
    }
    out
}
