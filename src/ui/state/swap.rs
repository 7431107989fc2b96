//! Replacing the open articles: a story opened from the story library becomes the set
//! every other view (reader, compare, claims table, library, search) works on. And what
//! the status bar says of an analysis.

use crate::corpus::Article;
use crate::ui::model::Analysed;

use super::super::bookmarks_view;
use super::{CompareState, SearchState, State};

impl State {
    /// Opens `articles` in place of the current ones: positions of those closed are
    /// saved, claims are analysed over the new set only, bookmarks are found in it and
    /// each article reopens where it was left.
    pub fn set_articles(&mut self, articles: Vec<Article>) {
        bookmarks_view::save_positions(self);
        self.compare = CompareState::default();
        self.current = 0;
        self.library_sel = 0;
        self.table_sel = 0;
        self.table_skip = 0;
        self.search = SearchState::default();
        self.visual = None;
        let how = self.model.replace(articles);
        self.analysed(how);
        self.refresh_bookmarks();
        bookmarks_view::restore_positions(self);
    }

    /// Analyses the claims of the open articles: before returning when they are small,
    /// else on a worker thread (in the interactive reader) whose progress the status bar
    /// shows; a snapshot says the reader does it. An analysis under way for other
    /// articles is dropped.
    pub fn analyse(&mut self) {
        let how = self.model.analyse();
        self.analysed(how);
    }

    /// Says what needs saying of an analysis (the status bar shows the progress).
    pub(crate) fn analysed(&mut self, how: Analysed) {
        if how == Analysed::NoThread {
            self.status = Some("claims not analysed: no worker thread could be started".into());
        }
    }

    /// Takes in a finished background analysis; true if the screen changed.
    pub fn poll_analysis(&mut self) -> bool {
        match self.model.poll_analysis() {
            None => false,
            Some(true) => {
                self.said_analysis();
                // Group numbers are new.
                self.compare.group = None;
                true
            }
            Some(false) => {
                self.status = Some("claims analysis failed (a bug: please report it)".into());
                true
            }
        }
    }

    /// Installs an analysis made later (in the background), keeping everything else.
    pub fn set_analysis(&mut self, analysis: crate::claims::Analysis) {
        self.model.set_analysis(analysis);
        self.said_analysis();
    }

    fn said_analysis(&mut self) {
        self.status = Some(format!(
            "claims analysed: {} claims, {} topics",
            self.model.analysis.claims.len(),
            self.model.analysis.groups.len()
        ));
    }

    /// Re-finds the bookmarks' passages in the open articles and keeps the list's
    /// cursor on a row.
    pub fn refresh_bookmarks(&mut self) {
        self.model.refresh_bookmarks();
        self.bookmark_list.clamp(&self.model.bookmarks);
    }
}
