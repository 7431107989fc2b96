//! Replacing the open articles: a story opened from the story library becomes the set
//! every other view (reader, compare, claims table, library, search) works on.

use crate::corpus::Article;

use super::super::bookmarks_view;
use super::{
    ANALYZE_LIMIT, Analysis, CompareState, Scroll, SearchState, State, build_index, pane,
    para_offsets, text_size,
};

impl State {
    /// Opens `articles` in place of the current ones: positions of those closed are
    /// saved, claims are analysed over the new set only, bookmarks are found in it and
    /// each article reopens where it was left.
    pub fn set_articles(&mut self, articles: Vec<Article>) {
        bookmarks_view::save_positions(self);
        let n = articles.len();
        self.offsets = articles.iter().map(para_offsets).collect();
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
        let total = text_size(&articles);
        self.analysis = if total <= ANALYZE_LIMIT {
            crate::claims::analyze(&articles, &self.lexicon, false)
        } else {
            self.status = Some(format!(
                "claims not analysed: {:.1} MB of text is over the {} MB limit",
                total as f64 / f64::from(1 << 20),
                ANALYZE_LIMIT >> 20
            ));
            Analysis::default()
        };
        self.index = build_index(&articles, &self.analysis);
        self.articles = articles;
        self.bookmarks.refresh(&self.articles);
        bookmarks_view::restore_positions(self);
    }
}
