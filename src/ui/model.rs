//! The model: what the reader has open and knows about it — the open articles (each with
//! its layout blocks and scroll positions), the claims analysis and its index, the
//! lexicon, the bookmarks session and a corpus's stories. It imports no view: the views
//! and the rest of the UI state (`ui::state`) sit beside it and read it
//! (docs/architecture.md).

use std::borrow::Borrow;
use std::collections::HashMap;

use crate::claims::{self, Analysis, Claim, Lexicon, Verdict};
use crate::corpus::Article;

use super::background::{Job, Polled};
use super::pane::{self, Blocks, Scroll};
use super::text::TextCache;

pub mod bookmarks;
mod claims_index;

pub use bookmarks::Bookmarks;
pub use claims_index::{ClaimIndex, build_index};

/// Up to this much text, claims are analysed before the first screen; beyond it (there is
/// no upper limit) the interactive reader analyses them on a worker thread, showing its
/// progress, and the screen stays live.
pub const ANALYZE_LIMIT: usize = 1 << 20;

/// One open article and everything kept per article.
#[derive(Debug, Clone)]
pub struct OpenArticle {
    pub article: Article,
    /// Its units of layout.
    pub blocks: Blocks,
    /// Where the reader is in it.
    pub reader: Scroll,
    /// Where its compare pane is.
    pub compare: Scroll,
}

impl OpenArticle {
    pub fn new(article: Article) -> Self {
        OpenArticle {
            blocks: pane::blocks(&article),
            article,
            reader: Scroll::default(),
            compare: Scroll::default(),
        }
    }
}

impl Borrow<Article> for OpenArticle {
    fn borrow(&self) -> &Article {
        &self.article
    }
}

/// Bytes of text in the articles.
pub fn text_size<A: Borrow<Article>>(articles: &[A]) -> usize {
    articles
        .iter()
        .map(|a| a.borrow().paragraphs.lens().map(|n| n + 1).sum::<usize>())
        .sum()
}

/// What an analysis of the open articles came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analysed {
    /// Done before returning.
    Now,
    /// Too large: started on a worker thread.
    Started,
    /// Too large, and no worker may be started (a snapshot): not analysed.
    Deferred,
    /// Too large, and no worker thread could be had.
    NoThread,
}

pub struct Model {
    pub open: Vec<OpenArticle>,
    pub analysis: Analysis,
    pub index: ClaimIndex,
    pub lexicon: Lexicon,
    /// Laid-out lines per (article, paragraph, width).
    pub cache: TextCache,
    /// The bookmark store and where its passages are in the open articles; detached
    /// until the reader attaches the user's store.
    pub bookmarks: Bookmarks,
    /// A corpus opened as stories: `open` then holds the open story's articles.
    pub stories: Option<super::story_lib::StoryLib>,
    /// Claims being analysed on a worker thread.
    pub analysing: Option<Job>,
    /// Long work may go to worker threads (the interactive reader; a snapshot pictures
    /// the first screen and does not start it).
    pub background: bool,
    /// The open articles are too large to analyse before the first screen and no
    /// analysis was started: [`Model::analyse`] starts one once `background` is on.
    pub unanalysed: bool,
}

impl Model {
    pub fn new(
        articles: Vec<Article>,
        analysis: Analysis,
        lexicon: Lexicon,
        cache: TextCache,
    ) -> Model {
        let open: Vec<OpenArticle> = articles.into_iter().map(OpenArticle::new).collect();
        Model {
            index: build_index(&open, &analysis),
            open,
            analysis,
            lexicon,
            cache,
            bookmarks: Bookmarks::detached(),
            stories: None,
            analysing: None,
            background: false,
            unanalysed: false,
        }
    }

    /// Article `ai`, if open.
    pub fn article(&self, ai: usize) -> Option<&Article> {
        self.open.get(ai).map(|o| &o.article)
    }

    /// The open articles, in order.
    pub fn articles(&self) -> impl ExactSizeIterator<Item = &Article> + Clone {
        self.open.iter().map(|o| &o.article)
    }

    /// How many articles are open.
    pub fn len(&self) -> usize {
        self.open.len()
    }

    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    /// The reader's scroll in article `ai` (the start if it is not open).
    pub fn reader(&self, ai: usize) -> Scroll {
        self.open.get(ai).map(|o| o.reader).unwrap_or_default()
    }

    /// The compare pane's scroll in article `ai` (the start if it is not open).
    pub fn compare(&self, ai: usize) -> Scroll {
        self.open.get(ai).map(|o| o.compare).unwrap_or_default()
    }

    /// Sets the reader's scroll in article `ai` (nothing if it is not open).
    pub fn set_reader(&mut self, ai: usize, s: Scroll) {
        if let Some(o) = self.open.get_mut(ai) {
            o.reader = s;
        }
    }

    /// Sets the compare pane's scroll in article `ai` (nothing if it is not open).
    pub fn set_compare(&mut self, ai: usize, s: Scroll) {
        if let Some(o) = self.open.get_mut(ai) {
            o.compare = s;
        }
    }

    /// Opens one more article; returns its index. Claims are analysed again.
    pub fn add(&mut self, article: Article) -> (usize, Analysed) {
        self.open.push(OpenArticle::new(article));
        (self.open.len() - 1, self.analyse())
    }

    /// Opens `articles` in place of the current ones, analysing their claims.
    pub fn replace(&mut self, articles: Vec<Article>) -> Analysed {
        self.open = articles.into_iter().map(OpenArticle::new).collect();
        self.cache.forget_articles();
        self.analyse()
    }

    /// Bytes of text open.
    pub fn text_size(&self) -> usize {
        text_size(&self.open)
    }

    /// Analyses the claims of the open articles: before returning when they are small,
    /// else on a worker thread when `background` is on. An analysis under way for other
    /// articles is dropped.
    pub fn analyse(&mut self) -> Analysed {
        self.analysing = None;
        self.unanalysed = false;
        let total = self.text_size();
        if total <= ANALYZE_LIMIT {
            self.analysis = analyze(&self.open, &self.lexicon);
            self.index = build_index(&self.open, &self.analysis);
            return Analysed::Now;
        }
        self.analysis = Analysis::default();
        self.index = build_index(&self.open, &self.analysis);
        if !self.background {
            self.unanalysed = true;
            return Analysed::Deferred;
        }
        let articles = self.articles().cloned().collect();
        self.analysing = Job::start(articles, total);
        if self.analysing.is_some() {
            Analysed::Started
        } else {
            Analysed::NoThread
        }
    }

    /// Takes in a finished background analysis: `Some(true)` when it is in, `Some(false)`
    /// when the worker died, `None` while it runs (or none runs).
    pub fn poll_analysis(&mut self) -> Option<bool> {
        let job = self.analysing.as_ref()?;
        match job.poll() {
            Polled::Running => None,
            Polled::Done(a) => {
                self.analysing = None;
                self.set_analysis(a);
                Some(true)
            }
            Polled::Failed => {
                self.analysing = None;
                Some(false)
            }
        }
    }

    /// Installs an analysis made later (in the background).
    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.index = build_index(&self.open, &analysis);
        self.analysis = analysis;
    }

    pub fn claim(&self, id: usize) -> Option<&Claim> {
        self.analysis
            .claims
            .get(id)
            .filter(|c| c.id == id)
            .or_else(|| self.analysis.claims.iter().find(|c| c.id == id))
    }

    /// Whether claim `id` is part of a conflict.
    pub fn in_conflict(&self, id: usize) -> bool {
        self.index.conflicting.contains(&id)
    }

    /// Groups with verdict conflict, in analysis order.
    pub fn conflict_groups(&self) -> Vec<usize> {
        (0..self.analysis.groups.len())
            .filter(|&g| self.analysis.groups[g].verdict == Verdict::Conflict)
            .collect()
    }

    /// The first layout block of paragraph `para` of article `ai` (scroll positions
    /// count blocks; a block is a paragraph unless the paragraph is huge).
    pub fn first_block(&self, ai: usize, para: usize) -> usize {
        self.open.get(ai).map_or(0, |o| o.blocks.first_block(para))
    }

    /// Re-finds the bookmarks' passages in the open articles.
    pub fn refresh_bookmarks(&mut self) {
        self.bookmarks.refresh(&self.open);
    }
}

/// `claims::analyze` over the open articles (the same steps, without copying them).
pub fn analyze(open: &[OpenArticle], lexicon: &Lexicon) -> Analysis {
    let times: HashMap<&str, i64> = open
        .iter()
        .filter_map(|o| {
            let p = o.article.published.filter(|p| !p.guess)?;
            Some((o.article.id.as_str(), p.time.timestamp()))
        })
        .collect();
    let found = open.iter().map(|o| {
        (
            o.article.id.as_str(),
            claims::find(&o.article, lexicon, false),
        )
    });
    claims::assemble(found, lexicon, &|id| times.get(id).copied())
}
