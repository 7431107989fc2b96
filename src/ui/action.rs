//! What a key can do. Keys map to these through the keymap (`keymap.rs`); the help
//! overlay lists them with their descriptions, so help never drifts from the bindings.

use serde::{Deserialize, Serialize};

/// Every bindable action. Names in the keymap files are the snake_case variant names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextParagraph,
    PrevParagraph,
    NextArticle,
    PrevArticle,
    FocusLeft,
    FocusRight,
    Reader,
    Compare,
    Claims,
    Library,
    NextConflict,
    PrevConflict,
    NextTopic,
    PrevTopic,
    FlipColumns,
    Sort,
    Search,
    SearchAll,
    NextMatch,
    PrevMatch,
    Open,
    Back,
    Bookmark,
    VisualSelect,
    Bookmarks,
    EditNote,
    Delete,
    Undo,
}

impl Action {
    /// All actions, in the order the help overlay lists them.
    pub const ALL: [Action; 36] = [
        Action::Quit,
        Action::Help,
        Action::LineDown,
        Action::LineUp,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::NextParagraph,
        Action::PrevParagraph,
        Action::NextArticle,
        Action::PrevArticle,
        Action::FocusLeft,
        Action::FocusRight,
        Action::Reader,
        Action::Compare,
        Action::Claims,
        Action::Library,
        Action::NextConflict,
        Action::PrevConflict,
        Action::NextTopic,
        Action::PrevTopic,
        Action::FlipColumns,
        Action::Sort,
        Action::Search,
        Action::SearchAll,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Open,
        Action::Back,
        Action::Bookmark,
        Action::VisualSelect,
        Action::Bookmarks,
        Action::EditNote,
        Action::Delete,
        Action::Undo,
    ];

    /// The keymap name (`line_down`).
    pub fn name(self) -> String {
        // serde_json gives the exact name the keymap files use; it cannot fail for a
        // unit variant, the fallback only keeps this total.
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| format!("{self:?}"))
    }

    /// One line for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "quit qarin",
            Action::Help => "show or hide this help",
            Action::LineDown => "scroll down one line / next row",
            Action::LineUp => "scroll up one line / previous row",
            Action::PageDown => "scroll down one page",
            Action::PageUp => "scroll up one page",
            Action::Top => "go to the start",
            Action::Bottom => "go to the end",
            Action::NextParagraph => "next passage (paragraph)",
            Action::PrevParagraph => "previous passage (paragraph)",
            Action::NextArticle => "next article (compare: next pane)",
            Action::PrevArticle => "previous article (compare: previous pane)",
            Action::FocusLeft => "compare: focus the pane on the left",
            Action::FocusRight => "compare: focus the pane on the right",
            Action::Reader => "reader view of the current article",
            Action::Compare => "compare the sources side by side",
            Action::Claims => "claims table: topics × sources",
            Action::Library => "library of open articles",
            Action::NextConflict => "jump to the next conflicting claim",
            Action::PrevConflict => "jump to the previous conflicting claim",
            Action::NextTopic => "compare: next topic",
            Action::PrevTopic => "compare: previous topic",
            Action::FlipColumns => "put the first source on the other side",
            Action::Sort => "claims table: change the sort order",
            Action::Search => "search the current article",
            Action::SearchAll => "search all articles (results list)",
            Action::NextMatch => "next search match",
            Action::PrevMatch => "previous search match",
            Action::Open => "open the selected item / jump to it",
            Action::Back => "back to the previous view, close overlay",
            Action::Bookmark => "bookmark the current passage",
            Action::VisualSelect => "reader: select lines (motion keys extend, b bookmarks)",
            Action::Bookmarks => "list bookmarks",
            Action::EditNote => "bookmarks list: edit the note",
            Action::Delete => "bookmarks list: delete the bookmark",
            Action::Undo => "undo the last bookmark change",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde() {
        for a in Action::ALL {
            let name = a.name();
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name}"
            );
            let back: Action = serde_json::from_value(serde_json::Value::String(name)).unwrap();
            assert_eq!(back, a);
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
