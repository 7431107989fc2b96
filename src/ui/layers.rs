//! Overlays as a stack of layers over the view: the text prompts (search, a bookmark's
//! note, the bookmarks and story filters) and help. The top layer gets the keys, pastes
//! and the mouse first; the screen is drawn view, status bar, then the layers bottom-up.
//! [`of`] is the only `match` on a [`Layer`] (docs/architecture.md).
//!
//! A prompt's keys come from the keymap's `[prompt]` table (editing, history, accept,
//! cancel, `F1` for help over the prompt); other characters are text, and `C-c` always
//! cancels it.

use ratatui::buffer::Buffer;

use super::action::Action;
use super::keymap::{Key, Table};
use super::state::State;

/// A layer over the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The story library's filter (`/` in `S`).
    StoryFilter,
    /// The bookmarks list's filter (`/` in `B`).
    BookmarkFilter,
    /// A bookmark's note (`b`, `e`).
    Note,
    /// The search prompt (`/`, `F`).
    Search,
    /// The help overlay (`?`; `F1` in a prompt): over a prompt it lists the prompt's keys.
    Help,
}

/// What a layer does.
pub trait LayerOps: Sync {
    /// A key pressed while this layer is on top.
    fn key(&self, state: &mut State, key: Key);
    /// An action routed through `state::handle` while this layer is on top; `true` if
    /// the layer took it (else the view gets it).
    fn action(&self, _state: &mut State, _action: Action) -> bool {
        false
    }
    /// Pasted text, one line without control characters.
    fn paste(&self, state: &mut State, _line: &str) {
        state.status = Some("paste ignored: no prompt is open (/ searches)".into());
    }
    /// The wheel (`delta` lines, down > 0) or a click (0); `true` if the layer took it.
    fn mouse(&self, _state: &mut State, _delta: isize) -> bool {
        false
    }
    /// Draws the layer over what is below.
    fn draw(&self, state: &State, buf: &mut Buffer);
    /// Whether the layer draws the status bar's row itself (the status bar is then not
    /// drawn below it).
    fn owns_status_row(&self) -> bool {
        false
    }
    /// A text prompt: `[prompt]` keys apply, and help lists them.
    fn is_prompt(&self) -> bool {
        true
    }
}

/// The layers open, bottom first.
pub fn stack(state: &State) -> Vec<Layer> {
    let mut out = Vec::new();
    if super::stories_view::takes_text(state) {
        out.push(Layer::StoryFilter);
    }
    if state.bookmark_list.prompt.is_some() {
        out.push(Layer::Note);
    } else if state.bookmark_list.filtering {
        out.push(Layer::BookmarkFilter);
    }
    if state.search.editing {
        out.push(Layer::Search);
    }
    if state.help.is_some() {
        out.push(Layer::Help);
    }
    out
}

/// The layer on top, if any.
pub fn top(state: &State) -> Option<Layer> {
    stack(state).pop()
}

/// Whether a text prompt is open (under help, perhaps).
pub fn prompt_open(state: &State) -> bool {
    stack(state).iter().any(|l| of(*l).is_prompt())
}

/// The code of a layer: the only `match` on [`Layer`].
pub fn of(layer: Layer) -> &'static dyn LayerOps {
    match layer {
        Layer::StoryFilter => &super::stories_view::FilterLayer,
        Layer::BookmarkFilter | Layer::Note => &super::note_prompt::NoteLayer,
        Layer::Search => &super::search_prompt::SearchLayer,
        Layer::Help => &super::help::HelpLayer,
    }
}

/// What a key means in a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A `[prompt]` action.
    Act(Action),
    /// A character to type.
    Text(char),
}

/// A key in a prompt: `C-c` cancels, a `[prompt]` key acts (`help` opens help over the
/// prompt and gives `None`), another character is text; `None` for the rest.
pub fn prompt_input(state: &mut State, key: Key) -> Option<Input> {
    if key == Key::Ctrl('c') {
        return Some(Input::Act(Action::Cancel));
    }
    match (state.keymap.action_in(key, Table::Prompt), key) {
        (Some(Action::Help), _) => {
            state.help = Some(0);
            None
        }
        (Some(a), _) => Some(Input::Act(a)),
        (None, Key::Char(c)) => Some(Input::Text(c)),
        (None, _) => None,
    }
}

/// An editing action on text whose cursor is at its end (the search and filter
/// prompts); `true` if the text changed.
pub fn edit_at_end(text: &mut String, action: Action) -> bool {
    let before = text.len();
    let mut line = super::line_edit::LineEdit::from(std::mem::take(text));
    line.act(action);
    *text = line.into_string();
    text.len() != before
}
