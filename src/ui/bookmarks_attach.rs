//! Attaching the user's bookmark store to the reader, and the reading positions it
//! restores on opening and saves on quitting, and re-finding bookmarked passages in the
//! open articles (on a worker thread in the interactive reader).

use crate::bookmarks::display::safe_line;
use crate::bookmarks::{Left, ReadingState, Session, article_key};

use crate::corpus::Article;

use super::pane::Scroll;
use super::state::State;

/// Uses `session` and `positions` for `state`, and reopens each article where it was
/// left. A bookmarks file that cannot be read is reported in the status bar.
pub fn attach(state: &mut State, session: Session, positions: Option<ReadingState>) {
    if let Some(reason) = session.read_only() {
        state.status = Some(format!("bookmarks read-only: {}", safe_line(reason)));
    }
    let background = state.model.bookmarks.background;
    state.model.bookmarks = crate::ui::model::Bookmarks::new(session, positions);
    state.model.bookmarks.background = background;
    state.refresh_bookmarks();
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

/// Reopens each article where it was left. An article not stored by its path may have
/// moved: it is looked up by its hash, which in the `background` mode is computed on the
/// worker thread (a 1 GB article takes seconds to hash), so the first screen does not
/// wait; such articles are reopened when the hash is known ([`poll`]).
pub fn restore_positions(state: &mut State) {
    state.model.bookmarks.opened_at = vec![0; state.model.len()];
    // Indices of another set of articles (a story swapped in) mean nothing now.
    state.model.bookmarks.awaiting_positions.clear();
    let all: Vec<usize> = (0..state.model.len()).collect();
    restore_positions_of(state, &all);
}

fn restore_positions_of(state: &mut State, which: &[usize]) {
    let Some(ps) = &state.model.bookmarks.positions else {
        return;
    };
    let keys: Vec<String> = which
        .iter()
        .map(|&ai| article_key(&state.model.open[ai].article))
        .collect();
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let stamps: Vec<_> = which
        .iter()
        .map(|&ai| stamp(&state.model.open[ai].article))
        .collect();
    let articles = &state.model.open;
    let background = state.model.bookmarks.background;
    let hash = |i: usize| {
        let a = &articles[which[i]].article;
        if background {
            a.hash_if_known()
        } else {
            Some(a.hash())
        }
    };
    // An unreadable state file only means starting at the top.
    let Ok(found) = ps.positions_stamped(&refs, &stamps, hash) else {
        return;
    };
    for (&ai, found) in which.iter().zip(found) {
        let Some(found) = found else { continue };
        if found.pending {
            state.model.bookmarks.awaiting_positions.push(ai);
            continue;
        }
        let last = state.model.open[ai]
            .article
            .paragraphs
            .len()
            .saturating_sub(1);
        let p = found.paragraph.saturating_sub(1).min(last);
        let top = (state.model.first_block(ai, p), 0);
        if let Some(s) = state.model.open.get_mut(ai).map(|o| &mut o.reader) {
            s.top = top;
            s.cursor = p;
        }
        if let Some(o) = state.model.bookmarks.opened_at.get_mut(ai) {
            *o = p;
        }
    }
    state.with_reader(|p, s| p.refit(s));
}

/// Takes in what the worker thread found (bookmarks, hashes), and reopens where they
/// were left the articles whose hash was awaited, unless the reader moved in them
/// meanwhile. True if the screen needs drawing again.
pub fn poll(state: &mut State) -> bool {
    if !state.model.bookmarks.poll_refind(&state.model.open) {
        return false;
    }
    let awaiting = std::mem::take(&mut state.model.bookmarks.awaiting_positions);
    let ready: Vec<usize> = awaiting
        .into_iter()
        .filter(|&ai| state.model.open.get(ai).map(|o| o.reader) == Some(Scroll::default()))
        .collect();
    restore_positions_of(state, &ready);
    true
}

/// The size and mtime of an article's file; `None` for what is no file of its own.
fn stamp(a: &Article) -> Option<crate::bookmarks::Stamp> {
    if a.path == "-" || a.origin.item.is_some() {
        return None;
    }
    crate::bookmarks::stamp_of_file(std::path::Path::new(&a.path))
}

/// Up to this size an article read is hashed to save its position (so that it is found
/// again after a move); a larger one only if its hash is known already.
const HASH_TO_SAVE: u64 = 4 << 20;

/// Remembers where the articles read were left (on quit, and before another story
/// opens): only those whose position moved, keyed by path and stamped with size and
/// mtime, so that quitting a corpus of thousands writes a few entries and hashes no
/// large file. Articles from standard input have no identity to reopen by. A failure
/// is kept in `bookmarks.unsaved`: quitting goes on, and the reader says what was not
/// saved once the terminal is back.
pub fn save_positions(state: &mut State) {
    let Some(ps) = &state.model.bookmarks.positions else {
        return;
    };
    let opened = &state.model.bookmarks.opened_at;
    let left: Vec<Left> = state
        .model
        .open
        .iter()
        .map(|o| (&o.article, &o.reader))
        .enumerate()
        .filter(|(ai, (a, s))| a.path != "-" && s.cursor != opened.get(*ai).copied().unwrap_or(0))
        .map(|(_, (a, s))| {
            let stamp = stamp(a);
            let hash = match (a.hash_if_known(), stamp) {
                (Some(h), _) => h.to_owned(),
                (None, Some((size, _))) if size <= HASH_TO_SAVE => a.hash().to_owned(),
                _ => String::new(),
            };
            Left {
                key: article_key(a),
                paragraph: s.cursor + 1,
                hash,
                stamp,
            }
        })
        .collect();
    if let Err(e) = ps.remember_left(&left) {
        state.model.bookmarks.unsaved = Some(format!("reading positions not saved: {e}"));
        return;
    }
    // Saved: these are now where the articles opened.
    for (ai, o) in state.model.open.iter().enumerate() {
        if let Some(at) = state.model.bookmarks.opened_at.get_mut(ai) {
            *at = o.reader.cursor;
        }
    }
}
