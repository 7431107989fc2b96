//! Key-sequence tests: keys go through the real keymap into the real state, and the
//! screen is checked as text (as `qarin snapshot` prints it).

mod ui_common;

use qarin::claims::Verdict;
use qarin::ui::keymap::Key;
use qarin::ui::state::{MouseInput, View};
use ui_common::*;

/// Presses `]` until the compare view shows the group on `topic`; its index.
fn jump_to_conflict(state: &mut qarin::ui::state::State, topic: &str) -> usize {
    let target = state
        .model
        .analysis
        .groups
        .iter()
        .position(|g| g.topic == topic && g.verdict == Verdict::Conflict)
        .unwrap_or_else(|| panic!("no {topic} conflict in {:#?}", state.model.analysis.groups));
    for _ in 0..=state.model.analysis.groups.len() {
        keys(state, "]");
        if state.compare.group == Some(target) {
            return target;
        }
    }
    panic!("] never reached the {topic} conflict");
}

fn assert_troops_on_one_screen(state: &mut qarin::ui::state::State) {
    keys(state, "s");
    assert_eq!(state.view, View::Compare);
    jump_to_conflict(state, "troops");
    let text = screen(state);
    for n in ["2000", "2030", "2500"] {
        assert!(text.contains(n), "{n} not on screen:\n{text}");
    }
    // Each number appears in its pane too, not only in the top bar.
    let body: String = text.lines().skip(2).collect::<Vec<_>>().join("\n");
    for n in ["2000", "2030", "2500"] {
        assert!(body.contains(n), "{n} not in a pane:\n{text}");
    }
}

#[test]
fn compare_jumps_to_the_troops_conflict_fixture() {
    let mut state = fixture_state(120, 40);
    assert_troops_on_one_screen(&mut state);
    let bar = screen(&state).lines().nth(1).unwrap_or("").to_owned();
    assert!(
        bar.contains('│'),
        "topic bar shows values side by side: {bar}"
    );
}

#[test]
fn compare_jumps_to_the_troops_conflict_real_engine() {
    let mut state = seeds_state(120, 40);
    assert_troops_on_one_screen(&mut state);
}

#[test]
fn search_lands_on_a_match() {
    let mut state = seeds_state(120, 40);
    keys(&mut state, "G");
    keys(&mut state, "/");
    type_text(&mut state, "توكاييف");
    assert!(state.search.editing);
    keys(&mut state, "Enter");
    assert!(!state.search.editing);
    let n = state.search.matches.len();
    assert!(n >= 4, "seed 000 names Tokayev four times, found {n}");
    let m = state.search.matches[state.search.selected].clone();
    assert_eq!(m.article, 0);
    let para = &state.model.open[0].article.paragraphs[m.para];
    assert_eq!(&para[m.range.clone()], "توكاييف");
    // The match is on screen.
    let pane = state.reader_pane().expect("reader pane");
    let scroll = state.model.open[0].reader;
    let vis = pane.visible(scroll.top);
    assert!(
        vis.iter().any(|(p, _)| *p == m.para),
        "match paragraph {} not visible",
        m.para
    );
    assert!(screen(&state).contains(&format!("match {}/{n}", state.search.selected + 1)));
    // n moves on, N comes back.
    let first = state.search.selected;
    keys(&mut state, "n");
    assert_eq!(state.search.selected, (first + 1) % n);
    keys(&mut state, "N");
    assert_eq!(state.search.selected, first);
}

#[test]
fn search_ignores_harakat_and_folds_letters() {
    let mut state = seeds_state(120, 40);
    keys(&mut state, "/");
    type_text(&mut state, "تُوكَايِيف");
    let with_marks = state.search.matches.len();
    keys(&mut state, "Esc");
    assert!(state.search.matches.is_empty(), "Esc cancels");
    keys(&mut state, "/");
    type_text(&mut state, "توكاييف");
    assert_eq!(state.search.matches.len(), with_marks);
    assert!(with_marks > 0);
}

#[test]
fn search_all_articles_lists_results_and_opens_one() {
    let mut state = seeds_state(120, 40);
    keys(&mut state, "F");
    type_text(&mut state, "توكاييف");
    keys(&mut state, "Enter");
    assert_eq!(state.view, View::SearchResults);
    let arts: std::collections::BTreeSet<usize> =
        state.search.matches.iter().map(|m| m.article).collect();
    assert_eq!(arts.len(), 5, "every seed names Tokayev");
    keys(&mut state, "G Enter");
    assert_eq!(state.view, View::Reader);
    assert_eq!(state.current, 4, "the last result is in the last article");
}

/// Every action has a description and appears, with it, in the help of some view;
/// each view's help lists only what applies there.
#[test]
fn help_lists_every_action_where_it_applies() {
    use qarin::ui::action::Action;
    let mut seen = std::collections::BTreeSet::new();
    for (view_keys, view) in [
        ("", View::Reader),
        ("s", View::Compare),
        ("c", View::Claims),
        ("l", View::Library),
        ("B", View::Bookmarks),
    ] {
        // Tall enough for the whole help of any view.
        let mut state = seeds_state(140, 120);
        keys(&mut state, view_keys);
        assert_eq!(state.view, view);
        keys(&mut state, "?");
        let text = screen(&state);
        for &action in Action::ALL {
            assert!(!action.description().is_empty(), "{action:?}");
            let shown = text.contains(action.description());
            if shown {
                assert!(text.contains(action.name()), "{action:?} name missing");
                seen.insert(action);
            }
        }
        if view != View::Compare {
            assert!(
                !text.contains(Action::FocusLeft.description()),
                "{view:?}:\n{text}"
            );
        }
        if view != View::Bookmarks {
            assert!(
                !text.contains(Action::EditNote.description()),
                "{view:?}:\n{text}"
            );
        }
        keys(&mut state, "Esc");
        assert!(state.help.is_none());
    }
    // The story library exists for a corpus; `S` is in help only there.
    let mut state = stories_state(140, 80);
    keys(&mut state, "?");
    let text = screen(&state);
    seen.extend(
        Action::ALL
            .iter()
            .filter(|a| text.contains(a.description())),
    );
    assert!(!text.contains(Action::FocusLeft.description()), "{text}");
    let mut state = seeds_state(140, 80);
    keys(&mut state, "?");
    assert!(!screen(&state).contains(Action::Stories.description()));
    // The results view is reached by a search over all articles.
    let mut state = seeds_state(140, 80);
    keys(&mut state, "F ت و ك ا ي ي ف Enter ?");
    assert_eq!(state.view, View::SearchResults);
    let text = screen(&state);
    seen.extend(
        Action::ALL
            .iter()
            .filter(|a| text.contains(a.description())),
    );
    // The prompts' keys are in help opened over a prompt (F1).
    let mut state = seeds_state(140, 80);
    keys(&mut state, "/ F1");
    let text = screen(&state);
    seen.extend(
        Action::ALL
            .iter()
            .filter(|a| text.contains(a.description())),
    );
    let missing: Vec<_> = Action::ALL.iter().filter(|a| !seen.contains(*a)).collect();
    assert!(missing.is_empty(), "never in help: {missing:?}");
}

/// After scrolling the help past its end, `k` scrolls up at once (the offset used to be
/// clamped only while drawing, so `k` first undid the extra `j`s).
#[test]
fn help_k_scrolls_up_at_once_after_scrolling_down() {
    let mut state = seeds_state(80, 12);
    keys(&mut state, "?");
    let top = screen(&state);
    keys(&mut state, &["j"; 60].join(" "));
    let bottom = screen(&state);
    assert_ne!(top, bottom);
    keys(&mut state, "k");
    assert_ne!(screen(&state), bottom, "k did nothing after scrolling down");
    keys(&mut state, "G");
    assert_eq!(screen(&state), bottom);
    keys(&mut state, "g");
    assert_eq!(screen(&state), top);
}

#[test]
fn tab_goes_through_articles_and_escape_goes_back() {
    let mut state = seeds_state(120, 40);
    let title = |s: &qarin::ui::state::State| screen(s).lines().next().unwrap_or("").to_owned();
    let first = title(&state);
    keys(&mut state, "Tab");
    assert_eq!(state.current, 1);
    assert_ne!(title(&state), first);
    keys(&mut state, "BackTab BackTab");
    assert_eq!(state.current, 4);
    keys(&mut state, "l");
    assert_eq!(state.view, View::Library);
    keys(&mut state, "k Enter");
    assert_eq!((state.view, state.current), (View::Reader, 3));
    keys(&mut state, "c Esc");
    assert_eq!(state.view, View::Reader);
}

#[test]
fn paging_moves_and_stops_at_the_ends() {
    let mut state = seeds_state(80, 24);
    keys(&mut state, "Space");
    let after_page = state.model.open[0].reader.top;
    assert!(after_page > (0, 0));
    keys(&mut state, "G");
    let end = state.model.open[0].reader.top;
    keys(&mut state, "j j PageDown");
    assert_eq!(
        state.model.open[0].reader.top, end,
        "no scrolling past the end"
    );
    assert!(screen(&state).lines().next().unwrap_or("").contains("End"));
    keys(&mut state, "g");
    assert_eq!(state.model.open[0].reader.top, (0, 0));
    keys(&mut state, "} }");
    let c = state.model.open[0].reader.cursor;
    assert!(!state.model.open[0].article.paragraphs[c].trim().is_empty());
    keys(&mut state, "{");
    assert!(state.model.open[0].reader.cursor < c);
}

#[test]
fn claims_table_enter_opens_compare_on_that_topic() {
    let mut state = fixture_state(120, 40);
    keys(&mut state, "c");
    assert_eq!(state.view, View::Claims);
    let text = screen(&state);
    assert!(text.contains("2030") && text.contains("7939"), "{text}");
    let rows = state.table_rows();
    let troops = rows
        .iter()
        .position(|g| state.model.analysis.groups[*g].topic == "troops")
        .expect("troops row");
    for _ in 0..troops {
        keys(&mut state, "j");
    }
    keys(&mut state, "Enter");
    assert_eq!(state.view, View::Compare);
    assert_eq!(
        state
            .compare
            .group
            .map(|g| state.model.analysis.groups[g].topic.to_string()),
        Some("troops".to_owned())
    );
    // Sorting by verdict puts the conflict first.
    keys(&mut state, "Esc o");
    let first = state.table_rows()[0];
    assert_eq!(
        state.model.analysis.groups[first].verdict,
        Verdict::Conflict
    );
}

#[test]
fn panes_without_a_claim_say_so() {
    let mut state = fixture_state(120, 40);
    keys(&mut state, "s");
    jump_to_conflict(&mut state, "troops");
    let text = screen(&state);
    // Seeds 001 and 002 say nothing of troop numbers.
    assert_eq!(text.matches("(no claim)").count(), 2, "{text}");
}

#[test]
fn flipping_puts_the_first_source_on_the_left() {
    let mut state = fixture_state(120, 40);
    keys(&mut state, "s");
    let (first_right, _) = state.compare_layout().last().copied().expect("panes");
    assert_eq!(first_right, 0);
    keys(&mut state, "f");
    let (first_left, _) = state.compare_layout()[0];
    assert_eq!(first_left, 0);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut state = fixture_state(120, 40);
    keys(&mut state, "s");
    let layout = state.compare_layout();
    let (ai, pa) = layout[1];
    let before: Vec<_> = state.model.open.iter().map(|o| o.compare.top).collect();
    state.mouse(MouseInput::WheelDown {
        x: pa.area.text.x + 1,
        y: pa.area.text.y + 1,
    });
    for (i, s) in state.model.open.iter().map(|o| o.compare).enumerate() {
        if i == ai {
            assert!(s.top > before[i], "pane under the pointer scrolled");
        } else {
            assert_eq!(s.top, before[i], "other panes stay");
        }
    }
    state.mouse(MouseInput::Click {
        x: pa.area.text.x + 1,
        y: pa.area.text.y,
    });
    assert_eq!(state.focused_article(), Some(ai));
}

#[test]
fn unbound_keys_say_so_and_change_nothing() {
    let mut state = seeds_state(80, 24);
    let before = state.model.open[0].reader;
    // (C-z used to be the example; it now suspends, as in other terminal programs.)
    state.key(Key::Ctrl('y'));
    assert_eq!(state.model.open[0].reader, before);
    assert!(screen(&state).contains("C-y: not bound"));
}

#[test]
fn enter_on_a_passage_with_a_claim_compares_its_topic() {
    let mut state = fixture_state(120, 40);
    keys(&mut state, "Enter");
    assert_eq!(state.view, View::Reader, "the first passage has no claim");
    // Seed 000's troops claim: walk the cursor to its passage.
    let para = state.model.analysis.claims[0].paragraph - 1;
    while state.model.open[0].reader.cursor < para {
        keys(&mut state, "}");
    }
    keys(&mut state, "Enter");
    assert_eq!(state.view, View::Compare);
    let g = state.compare.group.expect("a topic is chosen");
    assert_eq!(state.model.analysis.groups[g].topic, "troops");
}

#[test]
fn bidi_terminal_mode_keeps_logical_order_with_the_same_breaks() {
    use qarin::layout::BidiMode;
    use qarin::ui::keymap::Keymap;
    use qarin::ui::state::{Settings, State};
    let make = |bidi| {
        let s = Settings {
            bidi,
            ..Settings::default()
        };
        State::new(qarin::corpus::seeds(), Keymap::defaults(), s, 80, 24)
    };
    let app = screen(&make(BidiMode::App));
    let term = screen(&make(BidiMode::Terminal));
    assert_ne!(app, term);
    // Row by row the same cells, only the order differs.
    for (a, t) in app.lines().zip(term.lines()).skip(1) {
        let mut a: Vec<char> = a.chars().filter(|c| !c.is_whitespace()).collect();
        let mut t: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
        a.sort_unstable();
        t.sort_unstable();
        assert_eq!(a, t);
    }
}

#[test]
fn typing_a_query_searches_once_when_the_state_settles() {
    let mut state = seeds_state(120, 40);
    keys(&mut state, "/");
    // Keys as they arrive, before the app draws: the query grows, no search runs yet.
    for c in "توكاييف".chars() {
        state.key(Key::Char(c));
    }
    assert_eq!(state.search.query, "توكاييف");
    assert!(state.search.matches.is_empty());
    state.settle();
    let n = state.search.matches.len();
    assert!(n >= 4, "found {n}");
    // Enter settles by itself: the prompt closes on up-to-date matches.
    keys(&mut state, "Esc /");
    for c in "توكاييف".chars() {
        state.key(Key::Char(c));
    }
    state.key(Key::Enter);
    assert_eq!(state.search.matches.len(), n);
    assert!(!state.search.editing);
}

/// The search prompt lays the query out on its own: `/` + «روسيا» reads
/// `/▏ﺎﻴﺳﻭﺭ N matches…`, not `/N ▏ﺎﻴﺳﻭﺭ matches…` (one bidi paragraph for the line).
#[test]
fn the_search_prompt_keeps_query_and_count_apart() {
    let mut state = seeds_state(120, 40);
    keys(&mut state, "/ ر و س ي ا");
    state.settle();
    let n = state.search.matches.len();
    assert!(n > 0);
    let text = screen(&state);
    let last = text.lines().last().unwrap_or("");
    assert!(last.starts_with("/▏ﺎﻴﺳﻭﺭ "), "{last}");
    assert!(
        last.contains(&format!(" {n} matches in this article")),
        "{last}"
    );
}

/// Pasted text goes into the search prompt as one line; outside a prompt it runs no
/// command (a pasted `q` does not quit).
#[test]
fn a_paste_is_text_in_the_prompt_and_nothing_elsewhere() {
    let mut state = seeds_state(120, 40);
    state.paste("q\nq");
    assert!(!state.quit);
    assert_eq!(state.view, View::Reader);
    keys(&mut state, "/");
    state.paste("روسيا\nq");
    assert!(state.search.editing, "the newline closed the prompt");
    assert_eq!(state.search.query, "روسيا q");
    assert!(!state.quit);
}

/// Ctrl-Z asks the event loop to suspend (the terminal part is tested in ui_faults).
#[test]
fn ctrl_z_requests_a_suspend() {
    let mut state = seeds_state(120, 40);
    keys(&mut state, "C-z");
    assert!(state.suspend);
    assert!(!state.quit);
}

/// Ctrl-C quits even when the user's keymap gave it to nothing (it used to say "not
/// bound" and nothing quit).
#[test]
fn ctrl_c_always_quits() {
    let km = qarin::ui::keymap::Keymap::from_toml(
        "[keys]\nquit = [\"x\"]\n",
        std::path::Path::new("c.toml"),
        Some(qarin::ui::keymap::Keymap::defaults()),
    )
    .expect("valid config");
    let mut state = qarin::ui::state::State::new(
        qarin::corpus::seeds(),
        km,
        qarin::ui::state::Settings::default(),
        80,
        24,
    );
    state.key(Key::Ctrl('c'));
    assert!(state.quit);
}
