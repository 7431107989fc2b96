//! The application state and what actions do to it. No terminal types: the event loop
//! (`app.rs`) and `qarin snapshot` both feed keys in and render from `&State`.

use ratatui::layout::Rect;

use crate::claims::{Analysis, Lexicon};
use crate::corpus::Article;
use crate::layout::BidiMode;

use super::draw::Theme;
use super::keymap::{Keymap, Side};
use super::pane::Scroll;
use super::search::Match;
use super::text::TextCache;

pub use super::model::{ANALYZE_LIMIT, ClaimIndex, Model, OpenArticle, text_size};
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
    /// The story library of a corpus (`qarin DIR`).
    Stories,
}

/// Start-up settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub bidi: BidiMode,
    /// `false` with `NO_COLOR`: styles use only bold, underline and reverse.
    pub color: bool,
    /// Labels (topics, scopes, verdicts, values, column heads) in English from the
    /// lexicon's `en` labels (`--lang en`, config `lang = "en"`); Arabic otherwise.
    pub english: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bidi: BidiMode::App,
            color: true,
            english: false,
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
    /// Sources scrolled past (`>`/`<`) when more sources than fit are open.
    pub skip: usize,
}

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub query: String,
    /// The prompt is open: keys are text.
    pub editing: bool,
    /// Searching all articles (results list) rather than the current one.
    pub all: bool,
    pub matches: Vec<Match>,
    /// Across a corpus (`F` in a story library): (entry, snippet) of each article found.
    pub hits: Vec<(usize, String)>,
    /// Current match (reader) / selected row (results).
    pub selected: usize,
    /// Where the reader was when the prompt opened, to go back on Esc.
    pub(crate) origin: Option<(usize, Scroll)>,
    /// Queries searched this session, oldest first: ↑/↓ in the prompt bring them back.
    pub history: Vec<String>,
    /// The history entry the prompt shows (↑ pressed), counted from the newest.
    pub(crate) recall: Option<usize>,
    /// The query changed since `matches` were found: [`State::settle`] searches again.
    /// Typing only marks it, so that a burst of keys (fast typing, a paste) costs one
    /// search of a large article, not one per key.
    pub(crate) stale: bool,
}

/// The UI state: the model (what is open and known about it, `ui::model`) and, beside
/// it, what the views need — the view and its history, cursors and selections, prompts,
/// the status line.
pub struct State {
    pub model: Model,
    pub keymap: Keymap,
    pub settings: Settings,
    /// Screen size in cells.
    pub size: Rect,
    pub view: View,
    history: Vec<View>,
    /// The current article.
    pub current: usize,
    pub compare: CompareState,
    /// Whether the first source goes in the rightmost column.
    pub first_right: bool,
    pub table_sel: usize,
    /// Source columns of the claims table scrolled past (`>`/`<`) when more than fit.
    pub table_skip: usize,
    pub sort: SortKey,
    pub library_sel: usize,
    pub search: SearchState,
    /// The help overlay, with its scroll offset.
    pub help: Option<usize>,
    /// A one-line message in the status bar until the next key.
    pub status: Option<String>,
    pub quit: bool,
    /// Ctrl-Z was pressed: the event loop suspends qarin (a snapshot ignores it).
    pub suspend: bool,
    /// Ctrl-L was pressed: the event loop draws every cell again, not a diff.
    pub redraw: bool,
    /// Text for the terminal's clipboard (`y`): the event loop sends it as OSC 52.
    pub clipboard: Option<String>,
    /// A count typed before a key (`5j`), while it is being typed.
    pub count: Option<usize>,
    /// The bookmarks list: cursor, filter, note prompt.
    pub bookmark_list: super::bookmarks_view::BookmarkList,
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
        let small = text_size(&articles) <= ANALYZE_LIMIT;
        let analysis = if small {
            crate::claims::analyze(&articles, &lexicon, false)
        } else {
            Analysis::default()
        };
        let mut state =
            State::with_analysis(articles, analysis, keymap, settings, cols, rows, None);
        if !small {
            state.analyse();
        }
        state
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
        // What the user's config changed is said when qarin opens.
        let status = status.or_else(|| match keymap.warnings.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [first, rest @ ..] => Some(format!("{first} (and {} more)", rest.len())),
        });
        let mut lexicon = Lexicon::builtin();
        if settings.english {
            lexicon.set_label_lang(crate::text::lang::Lang::English);
        }
        let cache = TextCache::new(settings.bidi);
        State {
            first_right: keymap.first_source == Side::Right,
            model: Model::new(articles, analysis, lexicon, cache),
            keymap,
            settings,
            size: Rect::new(0, 0, cols, rows),
            view: View::Reader,
            history: Vec::new(),
            current: 0,
            compare: CompareState::default(),
            table_sel: 0,
            table_skip: 0,
            sort: SortKey::default(),
            library_sel: 0,
            search: SearchState::default(),
            help: None,
            status,
            quit: false,
            suspend: false,
            redraw: false,
            clipboard: None,
            count: None,
            bookmark_list: Default::default(),
            visual: None,
        }
    }

    /// Opens one more article (e.g. a bookmark's); returns its index. Claims are analysed
    /// again over all articles when the text is small enough to do it at once.
    pub fn add_article(&mut self, article: Article) -> usize {
        let (ai, how) = self.model.add(article);
        self.analysed(how);
        // Group numbers change with a new analysis.
        self.compare.group = None;
        ai
    }

    /// The first key of `action` in the current view, for hints («? help»).
    pub fn hint(&self, action: super::action::Action) -> String {
        self.keymap
            .hint_in(action, super::views::of(self.view).table())
    }

    pub fn theme(&self) -> Theme {
        Theme {
            color: self.settings.color,
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

mod claims_index;
mod dispatch;
mod input;
mod nav;
mod panes;
mod swap;
pub use dispatch::handle;
