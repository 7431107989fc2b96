//! The one place an action is routed: the top layer first (`layers::of`), then global
//! actions, then the current view (through `views::of`).

use super::super::action::Action;
use super::{State, View};

/// What an action does. Global actions first; the rest go to the current view.
pub fn handle(state: &mut State, action: Action) {
    state.status = None;
    // A layer on top (help) may take the action before the view.
    if let Some(layer) = crate::ui::layers::top(state)
        && crate::ui::layers::of(layer).action(state, action)
    {
        return;
    }
    if crate::ui::visual::handle(state, action) {
        return;
    }
    match action {
        Action::Quit => {
            crate::ui::bookmarks_view::save_positions(state);
            state.quit = true
        }
        Action::Help => state.help = Some(0),
        Action::Suspend => state.suspend = true,
        Action::Redraw => state.redraw = true,
        Action::Copy => crate::ui::copy::passage(state),
        Action::Back => state.back(),
        Action::Reader => {
            if let Some(ai) = state.focused_in_view() {
                state.current = ai;
            }
            state.go(View::Reader);
        }
        Action::Compare => {
            if state.model.len() < 2 {
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
        Action::Stories => crate::ui::stories_view::show(state),
        Action::Search if crate::ui::views::of(state.view).filters() => {
            crate::ui::views::of(state.view).handle(state, action)
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
        Action::Bookmark => crate::ui::bookmarks_view::bookmark_here(state),
        Action::VisualSelect => crate::ui::visual::start(state),
        Action::Bookmarks => crate::ui::bookmarks_view::open_list(state),
        Action::Undo => crate::ui::bookmarks_view::undo(state),
        Action::EditNote | Action::Delete if state.view != View::Bookmarks => {
            let k = state.hint(Action::Bookmarks);
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
        _ => crate::ui::views::of(state.view).handle(state, action),
    }
}
