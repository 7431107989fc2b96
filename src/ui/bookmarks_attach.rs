//! Attaching the user's bookmark store to the reader, and the reading positions it
//! restores on opening and saves on quitting, and re-finding bookmarked passages in the
//! open articles (on a worker thread in the interactive reader).

use crate::bookmarks::display::safe_line;
use crate::bookmarks::{Left, ReadingState, Session, article_key};

use std::collections::BTreeSet;
use std::sync::mpsc::TryRecvError;

use crate::bookmarks::Bookmark;
use crate::corpus::Article;

use super::bookmarks_view::*;
use super::pane::Scroll;
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

/// Reopens each article where it was left. An article not stored by its path may have
/// moved: it is looked up by its hash, which in the `background` mode is computed on the
/// worker thread (a 1 GB article takes seconds to hash), so the first screen does not
/// wait; such articles are reopened when the hash is known ([`poll`]).
pub fn restore_positions(state: &mut State) {
    state.bookmarks.opened_at = vec![0; state.articles.len()];
    // Indices of another set of articles (a story swapped in) mean nothing now.
    state.bookmarks.awaiting_positions.clear();
    let all: Vec<usize> = (0..state.articles.len()).collect();
    restore_positions_of(state, &all);
}

fn restore_positions_of(state: &mut State, which: &[usize]) {
    let Some(ps) = &state.bookmarks.positions else {
        return;
    };
    let keys: Vec<String> = which
        .iter()
        .map(|&ai| article_key(&state.articles[ai]))
        .collect();
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let stamps: Vec<_> = which.iter().map(|&ai| stamp(&state.articles[ai])).collect();
    let articles = &state.articles;
    let background = state.bookmarks.background;
    let hash = |i: usize| {
        let a = &articles[which[i]];
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
            state.bookmarks.awaiting_positions.push(ai);
            continue;
        }
        let last = state.articles[ai].paragraphs.len().saturating_sub(1);
        let p = found.paragraph.saturating_sub(1).min(last);
        let top = (state.first_block(ai, p), 0);
        if let Some(s) = state.reader.get_mut(ai) {
            s.top = top;
            s.cursor = p;
        }
        if let Some(o) = state.bookmarks.opened_at.get_mut(ai) {
            *o = p;
        }
    }
    state.with_reader(|p, s| p.refit(s));
}

/// Takes in what the worker thread found (bookmarks, hashes), and reopens where they
/// were left the articles whose hash was awaited, unless the reader moved in them
/// meanwhile. True if the screen needs drawing again.
pub fn poll(state: &mut State) -> bool {
    if !state.bookmarks.poll_refind(&state.articles) {
        return false;
    }
    let awaiting = std::mem::take(&mut state.bookmarks.awaiting_positions);
    let ready: Vec<usize> = awaiting
        .into_iter()
        .filter(|&ai| state.reader.get(ai) == Some(&Scroll::default()))
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
    let Some(ps) = &state.bookmarks.positions else {
        return;
    };
    let opened = &state.bookmarks.opened_at;
    let left: Vec<Left> = state
        .articles
        .iter()
        .zip(&state.reader)
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
        state.bookmarks.unsaved = Some(format!("reading positions not saved: {e}"));
        return;
    }
    // Saved: these are now where the articles opened.
    for (ai, s) in state.reader.iter().enumerate() {
        if let Some(o) = state.bookmarks.opened_at.get_mut(ai) {
            *o = s.cursor;
        }
    }
}

/// Re-finding passages, here or on a worker thread.
impl BookmarksUi {
    /// Re-finds every bookmark's passage in the open articles (after any change). In the
    /// `background`, an article whose passages need a search keeps what was known of it
    /// until the worker is done ([`BookmarksUi::poll_refind`]); each article version is
    /// searched once.
    pub fn refresh(&mut self, articles: &[Article]) {
        let old = std::mem::take(&mut self.anchors);
        let old_marks = std::mem::take(&mut self.marks);
        self.marks = vec![BTreeSet::new(); articles.len()];
        let mut pending = Vec::new();
        for (ai, a) in articles.iter().enumerate() {
            let known = if self.background {
                self.session.of_article_known(a)
            } else {
                Some(self.session.of_article(a))
            };
            let Some(known) = known else {
                pending.push(a.clone());
                if old_marks.len() == articles.len() {
                    for (&id, &(i, anchor)) in &old {
                        if i == ai && self.session.get(id).is_some() {
                            self.anchors.insert(id, (i, anchor));
                        }
                    }
                    self.marks[ai] = old_marks[ai].clone();
                }
                continue;
            };
            for (bm, anchor) in known {
                self.anchors.entry(bm.id).or_insert((ai, anchor));
                if let Some(l) = anchor.location() {
                    self.marks[ai].insert(l.paragraph.saturating_sub(1));
                }
            }
        }
        if !pending.is_empty() && self.refinding.is_none() {
            let keys = pending.iter().map(article_key).collect();
            let job = self.session.refind_job(pending);
            let (tx, rx) = std::sync::mpsc::channel();
            let run = move || {
                job();
                let _ = tx.send(());
            };
            match std::thread::Builder::new()
                .name("qarin-refind".into())
                .spawn(run)
            {
                Ok(_) => self.refinding = Some((rx, keys)),
                Err(_) => {
                    // No thread to be had: search here and now.
                    self.background = false;
                    return self.refresh(articles);
                }
            }
        }
        self.clamp();
    }

    /// Takes in the worker's results once it is done; true if there were some (the
    /// screen then needs drawing again).
    pub fn poll_refind(&mut self, articles: &[Article]) -> bool {
        let Some((rx, _)) = &self.refinding else {
            return false;
        };
        match rx.try_recv() {
            Err(TryRecvError::Empty) => return false,
            Ok(()) => {}
            // The worker died (a bug): search here from now on rather than retry.
            Err(TryRecvError::Disconnected) => self.background = false,
        }
        self.refinding = None;
        self.refresh(articles);
        true
    }

    /// Whether the passage of `bm` is being searched for now.
    pub fn searching(&self, bm: &Bookmark) -> bool {
        !self.anchors.contains_key(&bm.id)
            && self
                .refinding
                .as_ref()
                .is_some_and(|(_, keys)| keys.contains(&bm.article.path))
    }
}
