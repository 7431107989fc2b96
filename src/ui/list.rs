//! A list's cursor: what the motion keys do to a selected row. Every list view (library,
//! stories, results, bookmarks) moves through here, so a page is the list's height on
//! this screen and the selection is clamped in the state, never while drawing.

use super::action::Action;
use super::screen;
use super::state::State;

/// Rows a list shows below its header row.
pub fn rows(state: &State) -> usize {
    (screen::body(state.size).height.saturating_sub(1) as usize).max(1)
}

/// The selection after `action` in a list of `len` items showing `rows` rows, or `None`
/// when `action` is not a motion. Lines and passages move one row, pages a screenful.
pub fn motion(sel: usize, len: usize, rows: usize, action: Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = rows.max(1);
    let sel = sel.min(last);
    Some(match action {
        Action::LineDown | Action::NextParagraph => (sel + 1).min(last),
        Action::LineUp | Action::PrevParagraph => sel.saturating_sub(1),
        Action::PageDown => (sel + page).min(last),
        Action::PageUp => sel.saturating_sub(page),
        Action::HalfPageDown => (sel + page.div_ceil(2)).min(last),
        Action::HalfPageUp => sel.saturating_sub(page.div_ceil(2)),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_the_lists_height_and_the_ends_clamp() {
        assert_eq!(motion(0, 100, 30, Action::PageDown), Some(30));
        assert_eq!(motion(95, 100, 30, Action::PageDown), Some(99));
        assert_eq!(motion(40, 100, 30, Action::PageUp), Some(10));
        assert_eq!(motion(40, 100, 30, Action::HalfPageDown), Some(55));
        assert_eq!(motion(3, 100, 30, Action::HalfPageUp), Some(0));
        assert_eq!(motion(5, 0, 30, Action::LineDown), Some(0));
        assert_eq!(
            motion(500, 10, 30, Action::LineUp),
            Some(8),
            "a stale row is clamped"
        );
        assert_eq!(motion(2, 10, 30, Action::Open), None);
    }
}
