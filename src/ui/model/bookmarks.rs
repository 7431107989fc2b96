//! The bookmarks session of the model: the store, the reading positions, and where each
//! bookmark's passage is in the open articles (re-found on a worker thread in the
//! interactive reader). The list and its prompts are UI (`ui::bookmarks_view`).

use std::borrow::Borrow;
use std::collections::{BTreeSet, HashMap};
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::bookmarks::{Anchor, Bookmark, ReadingState, Session, article_key};
use crate::corpus::Article;

/// The bookmarks part of the model.
#[derive(Debug)]
pub struct Bookmarks {
    pub session: Session,
    pub(crate) positions: Option<ReadingState>,
    /// Bookmark id → (article index, where its passage is now), for open articles.
    pub(crate) anchors: HashMap<u64, (usize, Anchor)>,
    /// Per article, the 0-based paragraphs holding a bookmarked passage.
    pub(crate) marks: Vec<BTreeSet<usize>>,
    /// What could not be saved on quit (reading positions), to say once the screen is
    /// restored instead of exiting 0 as if it had been.
    pub unsaved: Option<String>,
    /// Re-find passages on a worker thread instead of in `refresh` itself: set by the
    /// interactive reader, so that a long search never freezes the screen. Tests and
    /// `qarin snapshot` leave it off and see every result at once.
    pub background: bool,
    /// The worker re-finding passages, and the keys of the articles it searches.
    pub(crate) refinding: Option<(Receiver<()>, Vec<String>)>,
    /// Articles to reopen where they were left once the worker has hashed them.
    pub(crate) awaiting_positions: Vec<usize>,
    /// Per open article, the 0-based paragraph it opened at: an article whose reader
    /// left it there was not read, and its position is not saved.
    pub(crate) opened_at: Vec<usize>,
}

impl Bookmarks {
    /// No store: what tests and benchmarks get unless they attach one.
    pub fn detached() -> Self {
        Bookmarks::new(Session::detached("no bookmark store in this session"), None)
    }

    pub fn new(session: Session, positions: Option<ReadingState>) -> Self {
        Bookmarks {
            session,
            positions,
            anchors: HashMap::new(),
            marks: Vec::new(),
            unsaved: None,
            background: false,
            refinding: None,
            awaiting_positions: Vec::new(),
            opened_at: Vec::new(),
        }
    }

    /// Whether paragraph `para` (0-based) of article `ai` holds a bookmarked passage.
    pub fn is_marked(&self, ai: usize, para: usize) -> bool {
        self.marks.get(ai).is_some_and(|m| m.contains(&para))
    }

    /// How many bookmarks point into article `ai`.
    pub fn count(&self, ai: usize) -> usize {
        self.anchors.values().filter(|(a, _)| *a == ai).count()
    }
}

/// Re-finding passages, here or on a worker thread.
impl Bookmarks {
    /// Re-finds every bookmark's passage in the open articles (after any change). In the
    /// `background`, an article whose passages need a search keeps what was known of it
    /// until the worker is done ([`Bookmarks::poll_refind`]); each article version is
    /// searched once.
    pub fn refresh<A: Borrow<Article>>(&mut self, articles: &[A]) {
        let old = std::mem::take(&mut self.anchors);
        let old_marks = std::mem::take(&mut self.marks);
        self.marks = vec![BTreeSet::new(); articles.len()];
        let mut pending = Vec::new();
        for (ai, a) in articles.iter().map(Borrow::borrow).enumerate() {
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
                    self.refresh(articles);
                }
            }
        }
    }

    /// Takes in the worker's results once it is done; true if there were some (the
    /// screen then needs drawing again).
    pub fn poll_refind<A: Borrow<Article>>(&mut self, articles: &[A]) -> bool {
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
