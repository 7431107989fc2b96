//! The application state and what actions do to it. No terminal types: the event loop
//! (`app.rs`) and `qarin snapshot` both feed keys in and render from `&State`.

use std::collections::HashMap;

use ratatui::layout::Rect;

use crate::claims::{Analysis, Claim, Lexicon, Verdict};
use crate::corpus::Article;
use crate::layout::BidiMode;

use super::action::Action;
use super::draw::Theme;
use super::keymap::{Key, Keymap, Side};
use super::pane::{self, Block, Pane, Scroll};
use super::screen;
use super::search::{self, Match};
use super::text::TextCache;

/// Above this much text, claims are not analysed before the first screen (it would delay
/// opening); the interactive reader analyses them in the background instead.
pub const ANALYZE_LIMIT: usize = 1 << 20;
/// The compare view shows at most this many sources.
pub const MAX_PANES: usize = 5;

/// The views. Adding one means a variant here, a `draw` and a `handle` in its module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Reader,
    Compare,
    Claims,
    Library,
    SearchResults,
    Bookmarks,
}

/// Start-up settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub bidi: BidiMode,
    /// `false` with `NO_COLOR`: styles use only bold, underline and reverse.
    pub color: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bidi: BidiMode::App,
            color: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// The order the claims engine gives.
    #[default]
    Topic,
    /// Conflicts first.
    Verdict,
    /// Widest disagreement (max/min of the values) first.
    Spread,
}

#[derive(Debug, Clone, Default)]
pub struct CompareState {
    /// The selected group (index in `analysis.groups`).
    pub group: Option<usize>,
    /// Focused pane (index into `State::compare_articles()`).
    pub focus: usize,
    /// Per article, its scroll in the compare panes.
    pub scroll: Vec<Scroll>,
}

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub query: String,
    /// The prompt is open: keys are text.
    pub editing: bool,
    /// Searching all articles (results list) rather than the current one.
    pub all: bool,
    pub matches: Vec<Match>,
    /// Current match (reader) / selected row (results).
    pub selected: usize,
    /// Where the reader was when the prompt opened, to go back on Esc.
    origin: Option<(usize, Scroll)>,
    /// The query changed since `matches` were found: [`State::settle`] searches again.
    /// Typing only marks it, so that a burst of keys (fast typing, a paste) costs one
    /// search of a large article, not one per key.
    stale: bool,
}

/// Claims by where they are, built once after analysis.
#[derive(Debug, Clone, Default)]
pub struct ClaimIndex {
    /// (article index, paragraph index) → claim ids.
    pub by_para: HashMap<(usize, usize), Vec<usize>>,
    /// claim id → group index.
    pub group_of: HashMap<usize, usize>,
    /// claim id → article index.
    pub article_of: HashMap<usize, usize>,
    /// Claims in a conflict (a group with verdict conflict, in one of its disjoint
    /// pairs when the engine lists them). Built once: groups can hold many pairs.
    pub conflicting: std::collections::HashSet<usize>,
}

/// Bytes of text in the articles.
pub fn text_size(articles: &[Article]) -> usize {
    articles
        .iter()
        .map(|a| a.paragraphs.lens().map(|n| n + 1).sum::<usize>())
        .sum()
}

pub struct State {
    pub articles: Vec<Article>,
    pub analysis: Analysis,
    pub lexicon: Lexicon,
    pub index: ClaimIndex,
    pub keymap: Keymap,
    pub settings: Settings,
    pub cache: TextCache,
    /// Screen size in cells.
    pub size: Rect,
    pub view: View,
    history: Vec<View>,
    /// The current article.
    pub current: usize,
    /// Per article, the reader's scroll.
    pub reader: Vec<Scroll>,
    pub compare: CompareState,
    /// Whether the first source goes in the rightmost column.
    pub first_right: bool,
    pub table_sel: usize,
    pub sort: SortKey,
    pub library_sel: usize,
    pub search: SearchState,
    /// The help overlay, with its scroll offset.
    pub help: Option<usize>,
    /// A one-line message in the status bar until the next key.
    pub status: Option<String>,
    pub quit: bool,
    /// Per article, byte offset where each paragraph starts (for the position %).
    offsets: Vec<Vec<usize>>,
    /// Per article, its units of layout.
    blocks: Vec<Vec<Block>>,
    /// The bookmark store, list and note prompt (`bookmarks_view`); detached until the
    /// reader attaches the user's store.
    pub bookmarks: super::bookmarks_view::BookmarksUi,
    /// The reader's visual selection of lines, while `v` is on.
    pub visual: Option<super::visual::Visual>,
}

impl State {
    /// A state over `articles` for a screen of `cols` × `rows`. Analyses claims unless
    /// the articles are very large.
    pub fn new(
        articles: Vec<Article>,
        keymap: Keymap,
        settings: Settings,
        cols: u16,
        rows: u16,
    ) -> State {
        let lexicon = Lexicon::builtin();
        let total = text_size(&articles);
        let (analysis, status) = if total <= ANALYZE_LIMIT {
            (crate::claims::analyze(&articles, &lexicon, false), None)
        } else {
            (
                Analysis::default(),
                Some(format!(
                    "claims not analysed: {:.1} MB of text is over the {} MB limit",
                    total as f64 / f64::from(1 << 20),
                    ANALYZE_LIMIT >> 20
                )),
            )
        };
        State::with_analysis(articles, analysis, keymap, settings, cols, rows, status)
    }

    /// A state with a given analysis (tests and benchmarks use this too).
    pub fn with_analysis(
        articles: Vec<Article>,
        analysis: Analysis,
        keymap: Keymap,
        settings: Settings,
        cols: u16,
        rows: u16,
        status: Option<String>,
    ) -> State {
        let index = build_index(&articles, &analysis);
        let offsets = articles.iter().map(para_offsets).collect();
        let n = articles.len();
        let blocks = articles.iter().map(pane::blocks).collect();
        State {
            first_right: keymap.first_source == Side::Right,
            articles,
            analysis,
            lexicon: Lexicon::builtin(),
            index,
            keymap,
            cache: TextCache::new(settings.bidi),
            settings,
            size: Rect::new(0, 0, cols, rows),
            view: View::Reader,
            history: Vec::new(),
            current: 0,
            reader: vec![Scroll::default(); n],
            compare: CompareState {
                scroll: vec![Scroll::default(); n],
                ..CompareState::default()
            },
            table_sel: 0,
            sort: SortKey::default(),
            library_sel: 0,
            search: SearchState::default(),
            help: None,
            status,
            quit: false,
            offsets,
            blocks,
            bookmarks: super::bookmarks_view::BookmarksUi::detached(),
            visual: None,
        }
    }

    /// Opens one more article (e.g. a bookmark's); returns its index. Claims are analysed
    /// again over all articles when the text is small enough to do it at once.
    pub fn add_article(&mut self, article: Article) -> usize {
        self.offsets.push(para_offsets(&article));
        self.blocks.push(pane::blocks(&article));
        self.reader.push(Scroll::default());
        self.compare.scroll.push(Scroll::default());
        self.articles.push(article);
        if text_size(&self.articles) <= ANALYZE_LIMIT {
            self.analysis = crate::claims::analyze(&self.articles, &self.lexicon, false);
            self.index = build_index(&self.articles, &self.analysis);
            // Group numbers change with a new analysis.
            self.compare.group = None;
        }
        self.articles.len() - 1
    }

    pub fn theme(&self) -> Theme {
        Theme {
            color: self.settings.color,
        }
    }

    // ---- panes -------------------------------------------------------------------

    /// The reader's pane on the current article.
    pub fn reader_pane(&self) -> Option<Pane<'_>> {
        let area = screen::reader(self.size).text;
        self.pane(self.current, area)
    }

    pub fn pane(&self, ai: usize, area: Rect) -> Option<Pane<'_>> {
        Some(Pane {
            ai,
            article: self.articles.get(ai)?,
            blocks: self.blocks.get(ai)?,
            cache: &self.cache,
            width: area.width.max(1) as usize,
            height: area.height.max(1) as usize,
        })
    }

    /// How many panes fit: about 24 columns each, two to five.
    pub fn max_panes(&self) -> usize {
        (self.size.width as usize / 24).clamp(2, MAX_PANES)
    }

    /// The articles shown in compare, in source order (first source first). With more
    /// articles than fit, those with a claim on the chosen topic come first, then the
    /// current article and those after it.
    pub fn compare_articles(&self) -> Vec<usize> {
        let n = self.articles.len();
        let max = self.max_panes().min(n);
        if n <= max {
            return (0..n).collect();
        }
        let mut order: Vec<usize> = self
            .compare
            .group
            .and_then(|g| self.analysis.groups.get(g))
            .map(|g| {
                g.claims
                    .iter()
                    .filter_map(|c| self.index.article_of.get(c).copied())
                    .collect()
            })
            .unwrap_or_default();
        order.extend((0..n).map(|i| (self.current + i) % n));
        let mut out = Vec::new();
        for a in order {
            if !out.contains(&a) && out.len() < max {
                out.push(a);
            }
        }
        out.sort_unstable();
        out
    }

    /// The first layout block of paragraph `para` of article `ai` (scroll positions
    /// count blocks; a block is a paragraph unless the paragraph is huge).
    pub fn first_block(&self, ai: usize, para: usize) -> usize {
        self.blocks
            .get(ai)
            .map_or(0, |b| b.partition_point(|bl| bl.para < para))
    }

    /// The compare panes in screen order, left to right: (article, its pane areas).
    pub fn compare_layout(&self) -> Vec<(usize, screen::PaneArea)> {
        let mut arts = self.compare_articles();
        if self.first_right {
            arts.reverse();
        }
        let areas = screen::compare_panes(self.size, arts.len());
        arts.into_iter().zip(areas).collect()
    }

    fn compare_pane(&self, ai: usize) -> Option<Pane<'_>> {
        let (_, pa) = self.compare_layout().into_iter().find(|(a, _)| *a == ai)?;
        self.pane(ai, pa.area.text)
    }

    /// The article of the focused compare pane.
    pub fn focused_article(&self) -> Option<usize> {
        let arts = self.compare_articles();
        arts.get(self.compare.focus.min(arts.len().saturating_sub(1)))
            .copied()
    }

    /// Position in the current article: 0–100 by bytes, and whether the end is shown.
    pub fn position(&self, ai: usize, s: &Scroll, pane: &Pane) -> (usize, bool) {
        let offs = &self.offsets[ai];
        let total = offs.last().map(|o| o + 1).unwrap_or(0).max(1)
            + self.articles[ai].paragraphs.lens().next_back().unwrap_or(0);
        let block = self.blocks[ai].get(s.top.0);
        let at = block.map_or(0, |b| {
            offs.get(b.para).copied().unwrap_or(0) + b.range.start
        });
        let end = pane.at_end(s.top);
        let pct = if end { 100 } else { at * 100 / total };
        (pct, end)
    }

    // ---- claims helpers -----------------------------------------------------------

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

    /// Installs an analysis made later (in the background), keeping everything else.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.index = build_index(&self.articles, &analysis);
        self.analysis = analysis;
        self.status = Some(format!(
            "claims analysed: {} claims, {} topics",
            self.analysis.claims.len(),
            self.analysis.groups.len()
        ));
    }

    /// A group's name: its topic's label, the scope and year when it has them
    /// («القتلى · قوات الأمن»).
    pub fn group_label(&self, g: &crate::claims::Group) -> String {
        let mut s = self.lexicon.label(&g.topic).to_owned();
        if let Some(scope) = &g.scope {
            s.push_str(" · ");
            s.push_str(self.lexicon.scope_label(scope));
        }
        if let Some(y) = g.year {
            s.push_str(&format!(" ({y})"));
        }
        s
    }

    /// Groups with verdict conflict, in analysis order.
    pub fn conflict_groups(&self) -> Vec<usize> {
        (0..self.analysis.groups.len())
            .filter(|&g| self.analysis.groups[g].verdict == Verdict::Conflict)
            .collect()
    }

    /// The claims table's rows (group indices) in the chosen order.
    pub fn table_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..self.analysis.groups.len()).collect();
        let rank = |v: Verdict| match v {
            Verdict::Conflict => 0,
            Verdict::Compatible => 1,
            Verdict::Agree => 2,
            Verdict::Single => 3,
        };
        match self.sort {
            SortKey::Topic => {}
            SortKey::Verdict => rows.sort_by_key(|&g| rank(self.analysis.groups[g].verdict)),
            SortKey::Spread => {
                let spread = |g: usize| -> f64 {
                    let vals: Vec<f64> = self.analysis.groups[g]
                        .claims
                        .iter()
                        .filter_map(|c| self.claim(*c))
                        .map(|c| c.value.abs())
                        .collect();
                    let max = vals.iter().cloned().fold(0.0, f64::max);
                    let min = vals.iter().cloned().fold(f64::INFINITY, f64::min);
                    if min > 0.0 && min.is_finite() {
                        max / min
                    } else {
                        0.0
                    }
                };
                rows.sort_by(|a, b| spread(*b).total_cmp(&spread(*a)));
            }
        }
        rows
    }

    // ---- input ----------------------------------------------------------------------

    /// A key press: text for the search prompt when it is open, else the keymap's action.
    pub fn key(&mut self, key: Key) {
        if self.search.editing {
            self.prompt_key(key);
            return;
        }
        if self.bookmarks.takes_text() {
            super::bookmarks_view::text_key(self, key);
            return;
        }
        match self.keymap.action(key) {
            Some(a) => handle(self, a),
            None => self.status = Some(format!("{key}: not bound (? lists the keys)")),
        }
    }

    /// Keys in the search prompt.
    fn prompt_key(&mut self, key: Key) {
        match key {
            Key::Char(c) => {
                self.search.query.push(c);
                self.search.stale = true;
            }
            Key::Backspace => {
                self.search.query.pop();
                self.search.stale = true;
            }
            Key::Enter => {
                self.settle();
                self.search.editing = false;
                if self.search.all && !self.search.query.is_empty() {
                    self.go(View::SearchResults);
                }
                if self.search.matches.is_empty() && !self.search.query.is_empty() {
                    self.status = Some(format!("no match for «{}»", self.search.query));
                }
            }
            Key::Esc | Key::Ctrl('c') | Key::Ctrl('g') => {
                self.search.stale = false;
                self.search.editing = false;
                self.search.query.clear();
                self.search.matches.clear();
                if let Some((ai, s)) = self.search.origin.take() {
                    self.current = ai;
                    self.reader[ai] = s;
                }
            }
            _ => {}
        }
    }

    /// Brings what typing deferred up to date (the search matches); the app calls it
    /// before drawing, once the keys already waiting are handled.
    pub fn settle(&mut self) {
        if std::mem::take(&mut self.search.stale) {
            self.run_search();
        }
    }

    /// Incremental search: recomputes matches and moves to the first one at or after
    /// the cursor.
    fn run_search(&mut self) {
        let arts: Vec<usize> = if self.search.all {
            (0..self.articles.len()).collect()
        } else {
            vec![self.current]
        };
        self.search.matches = search::search(self, &arts, &self.search.query);
        self.search.selected = 0;
        if self.search.all {
            return;
        }
        let from = self.search.origin.map(|(_, s)| s.cursor).unwrap_or(0);
        if let Some(i) = self.search.matches.iter().position(|m| m.para >= from) {
            self.search.selected = i;
        }
        self.show_match();
    }

    fn show_match(&mut self) {
        let Some(m) = self.search.matches.get(self.search.selected).cloned() else {
            return;
        };
        self.current = m.article;
        let Some(pane) = self.reader_pane() else {
            return;
        };
        let mut s = self.reader[m.article];
        pane.show(&mut s, m.para, m.range.start);
        self.reader[m.article] = s;
    }

    /// The mouse: wheel over a pane scrolls it, a click selects a passage, pane or row.
    pub fn mouse(&mut self, event: MouseInput) {
        self.settle();
        let (x, y) = match event {
            MouseInput::Click { x, y }
            | MouseInput::WheelUp { x, y }
            | MouseInput::WheelDown { x, y } => (x, y),
        };
        let delta = match event {
            MouseInput::WheelUp { .. } => -3,
            MouseInput::WheelDown { .. } => 3,
            MouseInput::Click { .. } => 0,
        };
        if self.help.is_some() {
            if delta != 0 {
                self.help = Some(self.help.unwrap_or(0).saturating_add_signed(delta));
            }
            return;
        }
        match self.view {
            View::Reader => {
                let area = screen::reader(self.size);
                if !screen::contains(area.outer, x, y) {
                    return;
                }
                self.pane_mouse(self.current, area.text, y, delta, false);
            }
            View::Compare => {
                let layout = self.compare_layout();
                let arts = self.compare_articles();
                for (ai, pa) in layout {
                    if screen::contains(pa.area.outer, x, y) || screen::contains(pa.header, x, y) {
                        if delta == 0 {
                            self.compare.focus = arts.iter().position(|a| *a == ai).unwrap_or(0);
                        }
                        self.pane_mouse(ai, pa.area.text, y, delta, true);
                    }
                }
            }
            View::Claims | View::Library | View::SearchResults | View::Bookmarks => {
                if delta != 0 {
                    let a = if delta > 0 {
                        Action::LineDown
                    } else {
                        Action::LineUp
                    };
                    handle(self, a);
                } else {
                    self.list_click(y);
                }
            }
        }
    }

    fn pane_mouse(&mut self, ai: usize, text: Rect, y: u16, delta: isize, compare: bool) {
        let Some(pane) = self.pane(ai, text) else {
            return;
        };
        let mut s = if compare {
            self.compare.scroll[ai]
        } else {
            self.reader[ai]
        };
        if delta != 0 {
            pane.scroll(&mut s, delta);
        } else if let Some((b, _)) = pane.visible(s.top).get(y.saturating_sub(text.y) as usize) {
            let p = pane.para_of(*b);
            if self.articles[ai]
                .paragraphs
                .get(p)
                .is_some_and(|t| !t.trim().is_empty())
            {
                s.cursor = p;
            }
        }
        if compare {
            self.compare.scroll[ai] = s;
        } else {
            self.reader[ai] = s;
        }
    }

    fn list_click(&mut self, y: u16) {
        let body = screen::body(self.size);
        let row = y.saturating_sub(body.y + 1) as usize;
        if y <= body.y || y >= body.bottom() {
            return;
        }
        match self.view {
            View::Library => {
                let first = self
                    .library_sel
                    .saturating_sub(body.height.saturating_sub(2) as usize);
                self.library_sel = (first + row).min(self.articles.len().saturating_sub(1));
            }
            View::SearchResults => {
                let rows = body.height.saturating_sub(1) as usize;
                let first = self.search.selected.saturating_sub(rows.saturating_sub(1));
                self.search.selected =
                    (first + row).min(self.search.matches.len().saturating_sub(1));
            }
            View::Claims => {
                if let Some(i) = super::claims_table::row_at(self, y) {
                    self.table_sel = i;
                }
            }
            View::Bookmarks => super::bookmarks_view::click_row(self, row),
            _ => {}
        }
    }

    /// The screen changed size: keep every position valid.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        if cols != self.size.width || rows != self.size.height {
            // Selected lines are positions at the old width.
            self.visual = None;
        }
        self.size = Rect::new(0, 0, cols, rows);
        if let Some(p) = self.reader_pane() {
            let mut s = self.reader[self.current];
            p.refit(&mut s);
            self.reader[self.current] = s;
        }
        for ai in self.compare_articles() {
            if let Some(p) = self.compare_pane(ai) {
                let mut s = self.compare.scroll[ai];
                p.refit(&mut s);
                self.compare.scroll[ai] = s;
            }
        }
    }

    // ---- navigation ---------------------------------------------------------------

    /// Switches view, remembering where we were for `Esc`.
    pub fn go(&mut self, view: View) {
        if self.view != view {
            self.history.push(self.view);
            if self.history.len() > 64 {
                self.history.remove(0);
            }
            self.view = view;
        }
    }

    fn back(&mut self) {
        if self.help.take().is_some() {
            return;
        }
        if !self.search.matches.is_empty() && self.view == View::Reader {
            self.search.matches.clear();
            self.search.query.clear();
            return;
        }
        if let Some(v) = self.history.pop() {
            self.view = v;
        }
    }

    /// Applies `f` to the reader's scroll of the current article.
    pub fn with_reader(&mut self, f: impl FnOnce(&Pane, &mut Scroll)) {
        let ai = self.current;
        let Some(pane) = self.reader_pane() else {
            return;
        };
        let mut s = self.reader[ai];
        f(&pane, &mut s);
        self.reader[ai] = s;
    }

    /// Applies `f` to the compare scroll of article `ai`.
    pub fn with_compare(&mut self, ai: usize, f: impl FnOnce(&Pane, &mut Scroll)) {
        let Some(pane) = self.compare_pane(ai) else {
            return;
        };
        let mut s = self.compare.scroll[ai];
        f(&pane, &mut s);
        self.compare.scroll[ai] = s;
    }

    /// Selects a topic group in compare and scrolls every pane to its claim.
    pub fn select_group(&mut self, g: usize) {
        self.compare.group = Some(g);
        let Some(group) = self.analysis.groups.get(g).cloned() else {
            return;
        };
        for ai in self.compare_articles() {
            let claim = group
                .claims
                .iter()
                .filter_map(|c| self.claim(*c))
                .find(|c| self.index.article_of.get(&c.id) == Some(&ai))
                .cloned();
            let Some(c) = claim else { continue };
            let para = c.paragraph.saturating_sub(1);
            self.with_compare(ai, |pane, s| pane.show(s, para, c.start));
        }
    }

    /// Moves to the next (or previous) conflict group.
    fn step_conflict(&mut self, forward: bool) {
        let list = self.conflict_groups();
        if list.is_empty() {
            self.status = Some("no conflicting claims found".into());
            return;
        }
        let next = match self
            .compare
            .group
            .and_then(|g| list.iter().position(|x| *x == g))
        {
            Some(i) if forward => list[(i + 1) % list.len()],
            Some(i) => list[(i + list.len() - 1) % list.len()],
            None if forward => list[0],
            None => list[list.len() - 1],
        };
        self.go(View::Compare);
        self.select_group(next);
    }

    fn step_topic(&mut self, forward: bool) {
        let n = self.analysis.groups.len();
        if n == 0 {
            self.status = Some("no claims found".into());
            return;
        }
        let next = match self.compare.group {
            Some(g) if forward => (g + 1) % n,
            Some(g) => (g + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        };
        self.select_group(next);
    }

    /// In the reader: the cursor to the next claim of the article that is in conflict.
    fn reader_conflict(&mut self, forward: bool) {
        let ai = self.current;
        let cursor = self.reader[ai].cursor;
        let mut paras: Vec<usize> = self
            .index
            .by_para
            .iter()
            .filter(|((a, _), ids)| *a == ai && ids.iter().any(|id| self.in_conflict(*id)))
            .map(|((_, p), _)| *p)
            .collect();
        paras.sort_unstable();
        let target = if forward {
            paras.iter().find(|p| **p > cursor).or(paras.first())
        } else {
            paras.iter().rev().find(|p| **p < cursor).or(paras.last())
        };
        match target.copied() {
            Some(p) => self.with_reader(|pane, s| pane.show(s, p, 0)),
            None => self.step_conflict(forward),
        }
    }

    fn open_search(&mut self, all: bool) {
        if !all {
            if let Some(ai) = self.focused_in_view() {
                self.current = ai;
            }
            self.go(View::Reader);
        }
        self.search.editing = true;
        self.search.all = all;
        self.search.query.clear();
        self.search.matches.clear();
        self.search.origin = Some((self.current, self.reader[self.current]));
    }

    /// The article the current view is about.
    fn focused_in_view(&self) -> Option<usize> {
        match self.view {
            View::Compare => self.focused_article(),
            View::Library => Some(self.library_sel.min(self.articles.len().saturating_sub(1))),
            _ => Some(self.current),
        }
    }

    fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.status = Some("no search: press / to search".into());
            return;
        }
        self.search.selected = if forward {
            (self.search.selected + 1) % n
        } else {
            (self.search.selected + n - 1) % n
        };
        if self.view == View::Reader {
            self.show_match();
        }
    }
}

/// A mouse event in screen cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseInput {
    Click { x: u16, y: u16 },
    WheelUp { x: u16, y: u16 },
    WheelDown { x: u16, y: u16 },
}

/// Byte offset where each paragraph of `a` starts.
fn para_offsets(a: &Article) -> Vec<usize> {
    let mut at = 0;
    a.paragraphs
        .lens()
        .map(|n| {
            let start = at;
            at += n + 1;
            start
        })
        .collect()
}

fn build_index(articles: &[Article], analysis: &Analysis) -> ClaimIndex {
    let mut ix = ClaimIndex::default();
    let by_id: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .rev()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    for c in &analysis.claims {
        let Some(&ai) = by_id.get(c.article.as_str()) else {
            continue;
        };
        ix.article_of.insert(c.id, ai);
        ix.by_para
            .entry((ai, c.paragraph.saturating_sub(1)))
            .or_default()
            .push(c.id);
    }
    for (g, group) in analysis.groups.iter().enumerate() {
        for c in &group.claims {
            ix.group_of.insert(*c, g);
        }
        if group.verdict == Verdict::Conflict {
            if group.conflicts.is_empty() {
                ix.conflicting.extend(group.claims.iter().copied());
            } else {
                for (a, b) in &group.conflicts {
                    ix.conflicting.insert(*a);
                    ix.conflicting.insert(*b);
                }
            }
        }
    }
    ix
}

/// What an action does. Global actions first; the rest go to the current view.
pub fn handle(state: &mut State, action: Action) {
    state.status = None;
    if state.help.is_some() {
        match action {
            Action::Help | Action::Back | Action::Quit => state.help = None,
            Action::LineDown | Action::NextParagraph => state.help = state.help.map(|h| h + 1),
            Action::LineUp | Action::PrevParagraph => {
                state.help = state.help.map(|h| h.saturating_sub(1))
            }
            Action::PageDown => state.help = state.help.map(|h| h + 10),
            Action::PageUp => state.help = state.help.map(|h| h.saturating_sub(10)),
            Action::Top => state.help = Some(0),
            _ => {}
        }
        return;
    }
    if super::visual::handle(state, action) {
        return;
    }
    match action {
        Action::Quit => {
            super::bookmarks_view::save_positions(state);
            state.quit = true
        }
        Action::Help => state.help = Some(0),
        Action::Back => state.back(),
        Action::Reader => {
            if let Some(ai) = state.focused_in_view() {
                state.current = ai;
            }
            state.go(View::Reader);
        }
        Action::Compare => {
            if state.articles.len() < 2 {
                state.status = Some("compare needs two or more articles".into());
            }
            let arts = state.compare_articles();
            state.compare.focus = arts.iter().position(|a| *a == state.current).unwrap_or(0);
            state.go(View::Compare);
            if let Some(g) = state.compare.group {
                state.select_group(g);
            }
        }
        Action::Claims => state.go(View::Claims),
        Action::Library => {
            state.library_sel = state.current;
            state.go(View::Library);
        }
        Action::Search if state.view == View::Bookmarks => {
            super::bookmarks_view::handle(state, action)
        }
        Action::Search => state.open_search(false),
        Action::SearchAll => state.open_search(true),
        Action::NextMatch => state.step_match(true),
        Action::PrevMatch => state.step_match(false),
        Action::FlipColumns => {
            state.first_right = !state.first_right;
            let side = if state.first_right { "right" } else { "left" };
            state.status = Some(format!("first source now on the {side}"));
            if let Some(g) = state.compare.group {
                state.select_group(g);
            }
        }
        Action::Bookmark => super::bookmarks_view::bookmark_here(state),
        Action::VisualSelect => super::visual::start(state),
        Action::Bookmarks => super::bookmarks_view::open_list(state),
        Action::Undo => super::bookmarks_view::undo(state),
        Action::EditNote | Action::Delete if state.view != View::Bookmarks => {
            let k = state.keymap.hint(Action::Bookmarks);
            state.status = Some(format!(
                "{k} opens the bookmarks list, where this key works"
            ));
        }
        Action::NextConflict | Action::PrevConflict => {
            let forward = action == Action::NextConflict;
            if state.view == View::Reader {
                state.reader_conflict(forward);
            } else {
                state.step_conflict(forward);
            }
        }
        Action::NextTopic | Action::PrevTopic => {
            if state.view == View::Compare {
                state.step_topic(action == Action::NextTopic);
            } else {
                state.status = Some("topics are chosen in the compare view (s)".into());
            }
        }
        _ => match state.view {
            View::Reader => super::reader::handle(state, action),
            View::Compare => super::compare::handle(state, action),
            View::Claims => super::claims_table::handle(state, action),
            View::Library => super::library::handle(state, action),
            View::SearchResults => results_handle(state, action),
            View::Bookmarks => super::bookmarks_view::handle(state, action),
        },
    }
}

fn results_handle(state: &mut State, action: Action) {
    let n = state.search.matches.len();
    let s = &mut state.search;
    match action {
        Action::LineDown => s.selected = (s.selected + 1).min(n.saturating_sub(1)),
        Action::LineUp => s.selected = s.selected.saturating_sub(1),
        Action::PageDown => s.selected = (s.selected + 10).min(n.saturating_sub(1)),
        Action::PageUp => s.selected = s.selected.saturating_sub(10),
        Action::Top => s.selected = 0,
        Action::Bottom => s.selected = n.saturating_sub(1),
        Action::Open if n > 0 => {
            state.go(View::Reader);
            state.show_match();
        }
        _ => {}
    }
}
