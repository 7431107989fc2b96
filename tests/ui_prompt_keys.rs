//! The prompts as layers over the view, with their keys from `[prompt]`: editing keys
//! in every prompt, the user's bindings, help over an open prompt listing the prompt's
//! keys, and the view drawn under the prompt.

mod ui_common;

use std::path::Path;

use qarin::bookmarks::{Session, Store};
use qarin::ui::action::Action;
use qarin::ui::bookmarks_view::attach;
use qarin::ui::keymap::Keymap;
use qarin::ui::layers::{self, Layer};
use qarin::ui::state::{Settings, State, View};
use ui_common::{keys, screen, seeds_state};

fn with_config(text: &str) -> State {
    let map = Keymap::from_toml(text, Path::new("c.toml"), Some(Keymap::defaults()))
        .expect("the config parses");
    State::new(qarin::corpus::seeds(), map, Settings::default(), 120, 40)
}

#[test]
fn the_search_prompt_edits_with_the_prompt_keys() {
    let mut s = seeds_state(120, 40);
    keys(&mut s, "/ ق و ا ت Space أ م ن");
    assert_eq!(s.search.query, "قوات أمن");
    // C-w deletes the word before the cursor, C-u the whole query.
    keys(&mut s, "C-w");
    assert_eq!(s.search.query, "قوات ");
    keys(&mut s, "C-u");
    assert_eq!(s.search.query, "");
    // `q` and `j` are text in a prompt, not commands.
    keys(&mut s, "q j");
    assert_eq!(s.search.query, "qj");
    assert!(!s.quit && s.search.editing);
    // C-c cancels the prompt (it does not quit from a prompt).
    keys(&mut s, "C-c");
    assert!(!s.search.editing && !s.quit);
}

#[test]
fn prompt_keys_follow_the_users_prompt_table() {
    let mut s = with_config("[prompt]\nolder = [\"C-p\"]\naccept = [\"C-j\"]\n");
    keys(&mut s, "/ ج ي ش C-j");
    assert!(!s.search.editing, "C-j accepts");
    keys(&mut s, "/ C-p");
    assert_eq!(s.search.query, "جيش", "C-p brings back the last query");
    // Enter is no longer bound in the prompt: it does nothing, the prompt stays.
    keys(&mut s, "Enter");
    assert!(s.search.editing);
    // Up is no longer bound either: the query stays as it was.
    keys(&mut s, "C-u Up");
    assert_eq!(s.search.query, "");
}

#[test]
fn the_filters_and_note_take_the_prompt_keys_too() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let mut s = seeds_state(120, 40);
    attach(&mut s, Session::open(Store::in_dir(data.path())), None);
    // The note editor: `b` opens it over the reader.
    keys(&mut s, "} b");
    assert_eq!(layers::top(&s), Some(Layer::Note));
    keys(&mut s, "a b c Space d e f C-w");
    assert_eq!(
        s.bookmark_list.prompt.as_ref().map(|p| p.text.as_str()),
        Some("abc ")
    );
    keys(&mut s, "Home x End C-k");
    assert_eq!(
        s.bookmark_list.prompt.as_ref().map(|p| p.text.as_str()),
        Some("xabc ")
    );
    keys(&mut s, "Esc");
    assert_eq!(layers::top(&s), None);
    // The bookmarks filter: typed text, C-u clears it, Enter keeps it.
    keys(&mut s, "B /");
    assert_eq!(layers::top(&s), Some(Layer::BookmarkFilter));
    keys(&mut s, "x y C-u z Enter");
    assert_eq!(s.bookmark_list.filter, "z");
    assert_eq!(layers::top(&s), None);
}

#[test]
fn help_over_a_prompt_lists_the_prompt_keys_and_closes_back_to_it() {
    let mut s = seeds_state(140, 60);
    keys(&mut s, "/ ا F1");
    assert_eq!(layers::stack(&s), vec![Layer::Search, Layer::Help]);
    let text = screen(&s);
    for a in [
        Action::Accept,
        Action::Cancel,
        Action::Older,
        Action::KillWord,
    ] {
        assert!(text.contains(a.description()), "{a:?}:\n{text}");
        assert!(text.contains(a.name()), "{a:?}:\n{text}");
    }
    // The view's keys are not the prompt's.
    assert!(!text.contains(Action::Compare.description()), "{text}");
    // Keys move help while it is on top; Esc closes it and the prompt is back.
    keys(&mut s, "j k Esc");
    assert_eq!(layers::stack(&s), vec![Layer::Search]);
    assert_eq!(s.search.query, "ا");
    // Without a prompt, help lists the view's keys and not the prompt's.
    keys(&mut s, "Esc ?");
    let text = screen(&s);
    assert!(text.contains(Action::Compare.description()), "{text}");
    assert!(!text.contains(Action::KillWord.description()), "{text}");
}

#[test]
fn layers_draw_over_the_view_bottom_up() {
    let mut s = seeds_state(100, 30);
    keys(&mut s, "/ ا");
    let with_prompt = screen(&s);
    let last = with_prompt.lines().last().unwrap_or_default().to_owned();
    assert!(
        last.starts_with('/'),
        "the prompt is on the bottom row: {last}"
    );
    // The reader is drawn under it: its title bar is on the top row.
    keys(&mut s, "F1");
    let with_help = screen(&s);
    assert_eq!(
        with_help.lines().next(),
        with_prompt.lines().next(),
        "the view under both layers"
    );
    assert!(with_help.contains(" help: keys "), "{with_help}");
    assert_eq!(
        with_help.lines().last(),
        Some(last.as_str()),
        "the prompt under the help box"
    );
    assert_eq!(s.view, View::Reader);
}
