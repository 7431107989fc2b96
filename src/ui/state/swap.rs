//! Replacing the open articles: a story opened from the story library becomes the set
//! every other view (reader, compare, claims table, library, search) works on.

use crate::corpus::Article;

use super::super::background::{Job, Polled};

use super::super::bookmarks_view;
use super::{
    ANALYZE_LIMIT, Analysis, CompareState, Scroll, SearchState, State, build_index, pane, text_size,
};

impl State {
    /// Opens `articles` in place of the current ones: positions of those closed are
    /// saved, claims are analysed over the new set only, bookmarks are found in it and
    /// each article reopens where it was left.
    pub fn set_articles(&mut self, articles: Vec<Article>) {
        bookmarks_view::save_positions(self);
        let n = articles.len();
        self.blocks = articles.iter().map(pane::blocks).collect();
        self.reader = vec![Scroll::default(); n];
        self.compare = CompareState {
            scroll: vec![Scroll::default(); n],
            ..CompareState::default()
        };
        self.current = 0;
        self.library_sel = 0;
        self.table_sel = 0;
        self.search = SearchState::default();
        self.visual = None;
        self.articles = articles;
        self.cache.forget_articles();
        self.analyse();
        self.bookmarks.refresh(&self.articles);
        bookmarks_view::restore_positions(self);
    }

    /// Analyses the claims of the open articles: before returning when they are small,
    /// else on a worker thread (in the interactive reader) whose progress the status bar
    /// shows; a snapshot says the reader does it. An analysis under way for other
    /// articles is dropped.
    pub fn analyse(&mut self) {
        self.analysing = None;
        self.unanalysed = false;
        let total = text_size(&self.articles);
        if total <= ANALYZE_LIMIT {
            self.analysis = crate::claims::analyze(&self.articles, &self.lexicon, false);
            self.index = build_index(&self.articles, &self.analysis);
            return;
        }
        self.analysis = Analysis::default();
        self.index = build_index(&self.articles, &self.analysis);
        if !self.background {
            // The status bar says so (`ui::status_bar`).
            self.unanalysed = true;
            return;
        }
        self.analysing = Job::start(self.articles.clone(), total);
        if self.analysing.is_none() {
            self.status = Some("claims not analysed: no worker thread could be started".into());
        }
    }

    /// Takes in a finished background analysis; true if the screen changed.
    pub fn poll_analysis(&mut self) -> bool {
        let Some(job) = &self.analysing else {
            return false;
        };
        match job.poll() {
            Polled::Running => false,
            Polled::Done(a) => {
                self.analysing = None;
                self.set_analysis(a);
                // Group numbers are new.
                self.compare.group = None;
                true
            }
            Polled::Failed => {
                self.analysing = None;
                self.status = Some("claims analysis failed (a bug: please report it)".into());
                true
            }
        }
    }
}
