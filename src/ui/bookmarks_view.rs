//! Bookmarks in the interactive reader: `b` bookmarks the passage under the cursor after
//! asking for an optional note (Arabic is shown right-to-left as it is typed); `B` lists
//! the bookmarks — Enter jumps to the passage, `e` edits its note, `d` deletes, `u`
//! undoes, `/` filters; bookmarked passages carry a `*` in the margin of the reader and
//! compare views; each article reopens where it was left.
//!
//! The store and its rules are in `crate::bookmarks`; this file maps keys to its calls
//! and draws from `&State`.

use ratatui::buffer::Buffer;

use crate::bookmarks::display::safe_line;
use crate::bookmarks::session::{Undo, matches};
use crate::bookmarks::{Anchor, Bookmark, NewBookmark, article_key};
use crate::corpus::Article;

use super::action::Action;
use super::model::Bookmarks;
use super::screen;
use super::state::{State, View};

pub use super::bookmarks_attach::{attach, attach_default, restore_positions, save_positions};
pub use super::bookmarks_draw::{MARK, draw, mark_style};

/// The bookmarks list of the UI: its cursor, filter and note prompt (the session is
/// the model's: `Model::bookmarks`).
#[derive(Debug, Default)]
pub struct BookmarkList {
    /// Selected row of the list (index into `visible()`).
    pub sel: usize,
    pub filter: String,
    /// The filter prompt is open: keys are text.
    pub filtering: bool,
    /// The note prompt is open: keys are text.
    pub prompt: Option<NotePrompt>,
}

/// The one-line note prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePrompt {
    pub target: NoteTarget,
    /// The note as typed, with its cursor.
    pub text: super::line_edit::LineEdit,
    /// Said with the outcome, e.g. that a selection was cut to one paragraph.
    pub notice: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    /// A passage to bookmark once the note is given.
    New(Box<NewBookmark>),
    /// An existing bookmark's note.
    Edit(u64),
}

impl BookmarkList {
    /// Whether keys go to a prompt rather than the keymap.
    pub fn takes_text(&self) -> bool {
        self.prompt.is_some() || self.filtering
    }

    /// The listed bookmarks (those matching the filter), newest first.
    pub fn visible<'a>(&self, marks: &'a Bookmarks) -> Vec<&'a Bookmark> {
        marks
            .session
            .bookmarks()
            .iter()
            .rev()
            .filter(|b| matches(b, &self.filter))
            .collect()
    }

    fn selected(&self, marks: &Bookmarks) -> Option<Bookmark> {
        self.visible(marks).get(self.sel).map(|b| (*b).clone())
    }

    pub(crate) fn clamp(&mut self, marks: &Bookmarks) {
        self.sel = self.sel.min(self.visible(marks).len().saturating_sub(1));
    }
}

// ---- actions --------------------------------------------------------------------

/// `b`: asks for a note for the passage under the cursor (reader) or in the focused pane
/// (compare).
/// Why `b` does nothing on standard input: a bookmark names where its article is, and
/// standard input is read once and kept nowhere (its bookmark would read "missing" at
/// once).
const STDIN_NOT_KEPT: &str =
    "standard input is read once and kept nowhere: save it to a file and open that to bookmark it";

fn refuse_stdin(article: &crate::corpus::Article) -> bool {
    article.path == "-" && article.origin.item.is_none()
}

pub fn bookmark_here(state: &mut State) {
    if let Some(reason) = state.model.bookmarks.session.read_only() {
        state.status = Some(format!("bookmarks read-only: {}", safe_line(reason)));
        return;
    }
    let Some((ai, para)) = super::views::of(state.view).passage(state) else {
        state.status = Some("b bookmarks a passage in the reader or compare view".into());
        return;
    };
    let Some(article) = state.model.article(ai) else {
        return;
    };
    if refuse_stdin(article) {
        state.status = Some(STDIN_NOT_KEPT.into());
        return;
    }
    match NewBookmark::paragraph(article, article_key(article), para + 1) {
        Some(nb) if !nb.text.trim().is_empty() => {
            state.bookmark_list.prompt = Some(NotePrompt {
                target: NoteTarget::New(Box::new(nb)),
                text: Default::default(),
                notice: None,
            });
        }
        _ => state.status = Some("nothing to bookmark here".into()),
    }
}

/// `b` on a visual selection: asks for a note for bytes `bytes` of paragraph `para`
/// (0-based) of article `ai`.
pub fn bookmark_range(
    state: &mut State,
    ai: usize,
    para: usize,
    bytes: std::ops::Range<usize>,
    notice: Option<String>,
) {
    if let Some(reason) = state.model.bookmarks.session.read_only() {
        state.status = Some(format!("bookmarks read-only: {}", safe_line(reason)));
        return;
    }
    let Some(article) = state.model.article(ai) else {
        return;
    };
    if refuse_stdin(article) {
        state.status = Some(STDIN_NOT_KEPT.into());
        return;
    }
    match NewBookmark::range(
        article,
        article_key(article),
        para + 1,
        bytes.start,
        bytes.end,
    ) {
        Some(nb) => {
            state.bookmark_list.prompt = Some(NotePrompt {
                target: NoteTarget::New(Box::new(nb)),
                text: Default::default(),
                notice,
            })
        }
        None => state.status = Some("nothing to bookmark in the selection".into()),
    }
}

/// `B`: the bookmarks list.
pub fn open_list(state: &mut State) {
    state.model.bookmarks.session.reload();
    state.refresh_bookmarks();
    state.go(View::Bookmarks);
}

/// `u`: takes back the last bookmark change of this session.
pub fn undo(state: &mut State) {
    let result = state.model.bookmarks.session.undo();
    state.status = Some(match result {
        Ok(Some(Undo::Added(id))) => format!("undone: bookmark {id} removed again"),
        Ok(Some(Undo::Removed(b))) => format!("undone: bookmark {} restored", b.id),
        Ok(Some(Undo::Note { id, .. })) => format!("undone: note of bookmark {id} restored"),
        Ok(None) => "nothing to undo".into(),
        Err(e) => safe_line(&e.to_string()),
    });
    state.refresh_bookmarks();
}

/// The bookmarks list view.
pub struct BookmarksView;

impl super::views::ViewOps for BookmarksView {
    fn handle(&self, state: &mut State, action: Action) {
        handle(state, action)
    }
    fn draw(&self, state: &State, buf: &mut Buffer) {
        draw(state, buf)
    }
    fn mouse(&self, state: &mut State, _x: u16, y: u16, delta: isize) {
        if delta != 0 {
            super::views::list_wheel(state, delta);
        } else if let Some(row) = super::views::list_row(state, y) {
            click_row(state, row);
        }
    }
    fn filters(&self) -> bool {
        true
    }
    fn scope(&self) -> super::action::Scope {
        super::action::Scope::BOOKMARKS
    }
}

fn handle(state: &mut State, action: Action) {
    let n = state.bookmark_list.visible(&state.model.bookmarks).len();
    let rows = super::list::rows(state);
    let marks = &mut state.model.bookmarks;
    let b = &mut state.bookmark_list;
    if let Some(sel) = super::list::motion(b.sel, n, rows, action) {
        b.sel = sel;
        return;
    }
    match action {
        Action::Search => b.filtering = true,
        Action::Open => jump(state),
        Action::EditNote => match b.selected(marks) {
            Some(bm) => {
                b.prompt = Some(NotePrompt {
                    target: NoteTarget::Edit(bm.id),
                    text: bm.note.unwrap_or_default().into(),
                    notice: None,
                })
            }
            None => state.status = Some("no bookmark selected".into()),
        },
        Action::Delete => match b.selected(marks) {
            Some(bm) => {
                let result = marks.session.remove(bm.id);
                state.status = Some(match result {
                    Ok(_) => format!("bookmark {} deleted (u undoes)", bm.id),
                    Err(e) => safe_line(&e.to_string()),
                });
                state.refresh_bookmarks();
            }
            None => state.status = Some("no bookmark selected".into()),
        },
        _ => {}
    }
}

/// The article a bookmark points to (its file, the entry inside a feed or corpus file,
/// else the bundled seed of that path), or a message naming it and what is wrong; the one
/// rule for this is `bookmarks::load_article`.
fn load_article(r: &crate::bookmarks::ArticleRef) -> Result<Article, String> {
    match crate::bookmarks::load_article(r) {
        Ok(Some(a)) => Ok(a),
        Ok(None) => Err(format!(
            "cannot open the bookmark's article: {}: no such file or entry",
            crate::text::safe::safe_line(&r.path)
        )),
        Err(e) => Err(format!("cannot open the bookmark's article: {e}")),
    }
}

/// A click on row `row` of the list (0 = first row under the header).
pub fn click_row(state: &mut State, row: usize) {
    let rows = screen::body(state.size).height.saturating_sub(1) as usize;
    let b = &mut state.bookmark_list;
    let first = super::draw::first_row(b.sel, rows);
    b.sel = (first + row).min(b.visible(&state.model.bookmarks).len().saturating_sub(1));
}

/// Enter: the reader at the selected bookmark's passage, where it is now.
fn jump(state: &mut State) {
    let Some(bm) = state.bookmark_list.selected(&state.model.bookmarks) else {
        return;
    };
    if state.model.bookmarks.searching(&bm) {
        state.status = Some(
            "still looking for this passage in the changed article: Enter again in a moment".into(),
        );
        return;
    }
    if !state.model.bookmarks.anchors.contains_key(&bm.id) {
        match load_article(&bm.article) {
            Ok(article) => {
                state.add_article(article);
                // Asked for by name: found here and now, even in the background mode.
                let background = std::mem::replace(&mut state.model.bookmarks.background, false);
                state.refresh_bookmarks();
                state.model.bookmarks.background = background;
            }
            Err(e) => {
                state.status = Some(safe_line(&e));
                return;
            }
        }
    }
    let Some(&(ai, anchor)) = state.model.bookmarks.anchors.get(&bm.id) else {
        state.status = Some(format!(
            "{}: opened, but the bookmark does not match it",
            safe_line(&bm.article.path)
        ));
        return;
    };
    let para = match anchor.location() {
        Some(l) => l.paragraph.saturating_sub(1),
        None => {
            state.status =
                Some("the article changed and the passage is gone: showing where it was".into());
            bm.paragraph.saturating_sub(1)
        }
    };
    let para = para.min(
        state.model.open[ai]
            .article
            .paragraphs
            .len()
            .saturating_sub(1),
    );
    state.current = ai;
    state.go(View::Reader);
    state.with_reader(|p, s| p.jump(s, para, 0));
    if matches!(anchor, Anchor::Found(..)) && anchor.flagged() {
        state.status = Some(
            "the article changed: this paragraph holds most of the passage's words, check it"
                .into(),
        );
    }
}
