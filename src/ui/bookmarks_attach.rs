//! Attaching the user's bookmark store to the reader, and the reading positions it
//! restores on opening and saves on quitting, and re-finding bookmarked passages in the
//! open articles (on a worker thread in the interactive reader).

use crate::bookmarks::display::safe_line;
use crate::bookmarks::{ReadingState, Session, article_key};

use std::collections::BTreeSet;
use std::sync::mpsc::TryRecvError;

use crate::bookmarks::Bookmark;
use crate::corpus::Article;

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

pub fn restore_positions(state: &mut State) {
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
