//! What a key can do. Keys map to these through the keymap (`keymap.rs`); the help
//! overlay lists them with their descriptions, so help never drifts from the bindings.

use serde::{Deserialize, Serialize};

/// Every bindable action, declared once: variant, keymap name, hint-bar label, the
/// views where it applies (help and the hint bar show only those), and its line in the help overlay.
/// The enum, [`Action::ALL`], names and descriptions are all generated from this list,
/// so an action cannot be missing from help.
macro_rules! actions {
    ($($v:ident = $name:literal, $label:literal, $scope:expr, $desc:literal;)*) => {
        /// A bindable action. Names in the keymap files are the snake_case names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $($v,)*
        }

        impl Action {
            /// All actions, in the order the help overlay lists them.
            pub const ALL: &'static [Action] = &[$(Action::$v,)*];

            /// The keymap name (`line_down`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$v => $name,)*
                }
            }

            /// A word or two for the hint bar.
            pub fn hint_label(self) -> &'static str {
                match self {
                    $(Action::$v => $label,)*
                }
            }

            /// One line for the help overlay.
            pub fn description(self) -> &'static str {
                match self {
                    $(Action::$v => $desc,)*
                }
            }

            /// The views where the action does something.
            pub fn scope(self) -> Scope {
                match self {
                    $(Action::$v => $scope,)*
                }
            }

            /// The action named `name` in a keymap file.
            pub fn from_name(name: &str) -> Option<Action> {
                match name {
                    $($name => Some(Action::$v),)*
                    _ => None,
                }
            }
        }
    };
}

/// A set of views, as bits: where an action applies. `PROMPT` is no view: the actions
/// of a text prompt (a layer over the view, `ui::layers`), bound in `[prompt]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope(u16);

impl std::ops::BitOr for Scope {
    type Output = Scope;
    fn bitor(self, o: Scope) -> Scope {
        Scope(self.0 | o.0)
    }
}

impl Scope {
    pub const READER: Scope = Scope(1);
    pub const COMPARE: Scope = Scope(2);
    pub const CLAIMS: Scope = Scope(4);
    pub const LIBRARY: Scope = Scope(8);
    pub const RESULTS: Scope = Scope(16);
    pub const BOOKMARKS: Scope = Scope(32);
    /// The story library of a corpus.
    pub const STORIES: Scope = Scope(64);
    /// Views added later: scope their actions with their own bit.
    pub const OTHER: Scope = Scope(128);
    /// Every view (not the prompts).
    pub const ANY: Scope = Scope(0xff);
    /// An open text prompt: search, note, filters.
    pub const PROMPT: Scope = Scope(0x100);

    pub fn contains(self, o: Scope) -> bool {
        self.0 & o.0 == o.0
    }
}

use Scope as S;
const ANY: Scope = S::ANY;
const READER: Scope = S::READER;
const COMPARE: Scope = S::COMPARE;
const CLAIMS: Scope = S::CLAIMS;
const RESULTS: Scope = S::RESULTS;
const BOOKMARKS: Scope = S::BOOKMARKS;
const STORIES: Scope = S::STORIES;
const PROMPT: Scope = S::PROMPT;
/// Help opens over a prompt too.
const ANY_PROMPT: Scope = Scope(0x1ff);

actions! {
    Quit = "quit", "quit", ANY, "quit qarin";
    Help = "help", "help", ANY_PROMPT, "show or hide this help";
    Suspend = "suspend", "suspend", ANY, "suspend qarin to the shell (fg resumes)";
    Redraw = "redraw", "redraw", ANY, "redraw the whole screen";
    LineDown = "line_down", "down", ANY, "scroll down one line / next row";
    LineUp = "line_up", "up", ANY, "scroll up one line / previous row";
    PageDown = "page_down", "page", ANY, "scroll down one page";
    PageUp = "page_up", "page up", ANY, "scroll up one page";
    HalfPageDown = "half_page_down", "half page", ANY, "scroll down half a page";
    HalfPageUp = "half_page_up", "half page up", ANY, "scroll up half a page";
    Top = "top", "top", ANY, "go to the start";
    Bottom = "bottom", "bottom", ANY, "go to the end";
    NextParagraph = "next_paragraph", "next passage", ANY, "next passage (paragraph)";
    PrevParagraph = "prev_paragraph", "previous passage", ANY, "previous passage (paragraph)";
    NextArticle = "next_article", "next", ANY, "next article (compare: next pane)";
    PrevArticle = "prev_article", "previous", ANY, "previous article (compare: previous pane)";
    FocusLeft = "focus_left", "left", COMPARE, "compare: focus the pane on the left";
    FocusRight = "focus_right", "right", COMPARE, "compare: focus the pane on the right";
    Reader = "reader", "reader", ANY, "reader view of the current article";
    Compare = "compare", "compare", ANY, "compare the sources side by side";
    Claims = "claims", "claims", ANY, "claims table: topics × sources";
    Library = "library", "library", ANY, "library of open articles";
    NextConflict = "next_conflict", "conflict", ANY, "jump to the next conflicting claim";
    PrevConflict = "prev_conflict", "previous conflict", ANY, "jump to the previous conflicting claim";
    NextTopic = "next_topic", "topic", COMPARE, "compare: next topic";
    PrevTopic = "prev_topic", "previous topic", COMPARE, "compare: previous topic";
    FlipColumns = "flip_columns", "flip", COMPARE | CLAIMS, "put the first source on the other side";
    Sort = "sort", "sort", CLAIMS | STORIES, "claims table, story library: change the sort order";
    Search = "search", "search", ANY, "search the current article";
    SearchAll = "search_all", "search all", ANY, "search all articles (results list)";
    NextMatch = "next_match", "next match", READER | RESULTS, "next search match";
    PrevMatch = "prev_match", "previous match", READER | RESULTS, "previous search match";
    Open = "open", "open", ANY, "open the selected item / jump to it";
    Back = "back", "back", ANY, "back to the previous view, close overlay";
    Copy = "copy", "copy", READER | COMPARE, "copy the passage or selection (OSC 52)";
    Bookmark = "bookmark", "bookmark", ANY, "bookmark the current passage";
    VisualSelect = "visual_select", "select", READER, "reader: select lines (moves extend, b bookmarks)";
    Bookmarks = "bookmarks", "bookmarks", ANY, "list bookmarks";
    EditNote = "edit_note", "note", BOOKMARKS, "bookmarks list: edit the note";
    Delete = "delete", "delete", BOOKMARKS, "bookmarks list: delete the bookmark";
    Undo = "undo", "undo", ANY, "undo the last bookmark change";
    Stories = "stories", "stories", ANY, "story library of the corpus (qarin DIR)";
    FilterOutlet = "filter_outlet", "outlet", STORIES, "story library: one outlet's stories (cycles)";
    AllStories = "all_stories", "all", STORIES, "story library: list single-outlet stories too";
    NextSources = "next_sources", "more sources", COMPARE | CLAIMS, "bring the next source into view (N of M)";
    PrevSources = "prev_sources", "earlier sources", COMPARE | CLAIMS, "bring the previous source into view";
    Accept = "accept", "done", PROMPT, "prompt: done (search: keep the matches; note: save)";
    Cancel = "cancel", "cancel", PROMPT, "prompt: cancel (C-c cancels too)";
    Older = "older", "older", PROMPT, "search prompt: the previous query of this session";
    Newer = "newer", "newer", PROMPT, "search prompt: the next query of this session";
    CursorLeft = "cursor_left", "left", PROMPT, "note: cursor left (in Arabic, on toward the end)";
    CursorRight = "cursor_right", "right", PROMPT, "note: cursor right (in Arabic, back toward the start)";
    LineStart = "line_start", "start", PROMPT, "note: cursor to the start";
    LineEnd = "line_end", "end", PROMPT, "note: cursor to the end";
    DeleteBack = "delete_back", "delete", PROMPT, "delete the character before the cursor";
    KillToStart = "kill_to_start", "clear", PROMPT, "delete to the start (the whole query in search)";
    KillToEnd = "kill_to_end", "kill", PROMPT, "note: delete to the end";
    KillWord = "kill_word", "kill word", PROMPT, "delete the word before the cursor";
}

impl Action {
    /// Whether the action belongs to a text prompt (bound in `[prompt]` only).
    pub fn in_prompt(self) -> bool {
        self.scope() == Scope::PROMPT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde() {
        for &a in Action::ALL {
            let name = a.name().to_owned();
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name}"
            );
            let back: Action =
                serde_json::from_value(serde_json::Value::String(name.clone())).unwrap();
            assert_eq!(back, a);
            assert_eq!(Action::from_name(&name), Some(a));
            assert!(!a.description().is_empty(), "{name}");
        }
        assert_eq!(Action::LineDown.name(), "line_down");
    }

    #[test]
    fn all_lists_each_action_once() {
        let mut v = Action::ALL.to_vec();
        v.sort();
        v.dedup();
        assert_eq!(v.len(), Action::ALL.len());
    }
}
