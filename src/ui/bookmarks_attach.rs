//! Attaching the user's bookmark store to the reader, and the reading positions it
//! restores on opening and saves on quitting.

use crate::bookmarks::display::safe_line;
use crate::bookmarks::{ReadingState, Session, article_key};

use super::bookmarks_view::*;
use super::state::State;

/// Uses `session` and `positions` for `state`, and reopens each article where it was
/// left. A bookmarks file that cannot be read is reported in the status bar.
pub fn attach(state: &mut State, session: Session, positions: Option<ReadingState>) {
    if let Some(reason) = session.read_only() {
        state.status = Some(format!("bookmarks read-only: {}", safe_line(reason)));
    }
    let background = state.bookmarks.background;
    state.bookmarks = BookmarksUi::new(session, positions);
    state.bookmarks.background = background;
    state.bookmarks.refresh(&state.articles);
    restore_positions(state);
}

/// `attach` with the store of `$QARIN_DATA_DIR` or the platform data directory.
pub fn attach_default(state: &mut State) {
    attach(
        state,
        Session::open_default(),
        ReadingState::open_default().ok(),
    );
}

fn restore_positions(state: &mut State) {
    let Some(ps) = &state.bookmarks.positions else {
        return;
    };
    let keys: Vec<String> = state.articles.iter().map(article_key).collect();
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    // An unreadable state file only means starting at the top.
    let articles = &state.articles;
    let Ok(found) = ps.positions(&refs, |i| articles[i].hash()) else {
        return;
    };
    for (ai, para) in found.into_iter().enumerate() {
        let Some(para) = para else { continue };
        let last = state.articles[ai].paragraphs.len().saturating_sub(1);
        let p = para.saturating_sub(1).min(last);
        let top = (state.first_block(ai, p), 0);
        if let Some(s) = state.reader.get_mut(ai) {
            s.top = top;
            s.cursor = p;
        }
    }
    state.with_reader(|p, s| p.refit(s));
}

/// Remembers where each article was left (on quit). Articles from standard input have
/// no identity to reopen by. A failure is kept in `bookmarks.unsaved`: quitting goes on,
/// and the reader says what was not saved once the terminal is back.
pub fn save_positions(state: &mut State) {
    let Some(ps) = &state.bookmarks.positions else {
        return;
    };
    let keys: Vec<(String, &str, usize)> = state
        .articles
        .iter()
        .zip(&state.reader)
        .filter(|(a, _)| a.path != "-")
        .map(|(a, s)| (article_key(a), a.hash(), s.cursor + 1))
        .collect();
    let refs: Vec<(&str, &str, usize)> =
        keys.iter().map(|(k, h, p)| (k.as_str(), *h, *p)).collect();
    let saved = ps.remember_positions(&refs);
    if let Err(e) = saved {
        state.bookmarks.unsaved = Some(format!("reading positions not saved: {e}"));
    }
}
