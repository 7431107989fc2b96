//! The views behind one trait, and the one place that maps a [`View`] to its code.
//!
//! A view draws itself from `&State`, handles the actions that are not global, and
//! handles the mouse over its body. Everything else (switching views, overlays, the
//! status bar) is shared. Adding a view: a variant of [`View`], a unit struct that
//! implements [`ViewOps`] in its own module, one arm in [`of`], and a [`Scope`] bit for
//! its actions (see docs/architecture.md).

use ratatui::buffer::Buffer;

use super::action::{Action, Scope};
use super::keymap::Table;
use super::state::{State, View};

/// What a view does. `handle` and `mouse` may switch views through `State::go`.
pub trait ViewOps: Sync {
    /// The actions of this view (global ones are handled before).
    fn handle(&self, state: &mut State, action: Action);
    /// Draws the whole screen but the status bar and overlays.
    fn draw(&self, state: &State, buf: &mut Buffer);
    /// The mouse at cell (`x`, `y`): `delta` 0 is a click, else wheel lines (down > 0).
    fn mouse(&self, state: &mut State, x: u16, y: u16, delta: isize);
    /// Which actions apply here: help and the hint bar show only these.
    fn scope(&self) -> Scope;
    /// The keymap table whose keys win here (`[reader]`, `[compare]`, `[list]`).
    fn table(&self) -> Table {
        Table::List
    }
    /// The actions the hint bar offers first.
    fn hints(&self) -> &'static [Action] {
        &[
            Action::Help,
            Action::Compare,
            Action::Claims,
            Action::Library,
            Action::Search,
            Action::NextConflict,
            Action::Quit,
        ]
    }
    /// The article this view is about: `r` and `/` open it.
    fn article(&self, state: &State) -> Option<usize> {
        Some(state.current)
    }
    /// Whether `/` is this view's own (a filter of its list) rather than a search.
    fn filters(&self) -> bool {
        false
    }
    /// The passage `b` bookmarks: (article, paragraph), or `None` where `b` does not apply.
    fn passage(&self, _state: &State) -> Option<(usize, usize)> {
        None
    }
}

/// The code of a view: the only `match` on [`View`].
pub fn of(view: View) -> &'static dyn ViewOps {
    match view {
        View::Reader => &super::reader::ReaderView,
        View::Compare => &super::compare::CompareView,
        View::Claims => &super::claims_table::ClaimsView,
        View::Library => &super::library::LibraryView,
        View::SearchResults => &super::results::ResultsView,
        View::Bookmarks => &super::bookmarks_view::BookmarksView,
        View::Stories => &super::stories_view::StoriesView,
    }
}

/// The wheel over a list: one row per wheel step.
pub fn list_wheel(state: &mut State, delta: isize) {
    let a = if delta > 0 {
        Action::LineDown
    } else {
        Action::LineUp
    };
    of(state.view).handle(state, a);
}

/// The list row (0 = first shown) under screen row `y`, below the list's header row.
pub fn list_row(state: &State, y: u16) -> Option<usize> {
    let body = super::screen::body(state.size);
    (y > body.y && y < body.bottom()).then(|| (y - body.y - 1) as usize)
}
