//! What a reader meets in an hour (issue 13): compare panes lined up on a topic, jumps
//! near the top, numbers and labels never cut silently, the plot explained, and the
//! keys people expect from less and vim (Ctrl-D/U/F/B, counts, Ctrl-L, `y`).
//! Keys go through the real keymap and state; screens are checked as text.

mod ui_common;

use qarin::corpus::Article;
use qarin::ui::keymap::Keymap;
use qarin::ui::state::View;
use ui_common::*;

/// The screen rows (0 = top) holding `mark`.
fn rows_with(text: &str, mark: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(mark))
        .map(|(i, _)| i)
        .collect()
}

/// `n` small articles, each with a line of its own.
fn many(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| Article::from_text(&format!("a{i}.txt"), "t", format!("عنوان {i}\nنص {i}\n")))
        .collect()
}

#[test]
fn compare_lines_up_the_topics_claims_and_clears_panes_without_one() {
    let mut state = seeds_state(100, 30);
    keys(&mut state, "s ]");
    assert_eq!(state.view, View::Compare);
    // Each `!` marks this topic's conflicting claim in a pane: all on one row, near the top.
    for _ in 0..4 {
        let text = screen(&state);
        let rows = rows_with(&text, "!");
        assert!(!rows.is_empty(), "{text}");
        assert!(
            rows.iter().all(|r| *r == rows[0]),
            "not lined up: {rows:?}\n{text}"
        );
        assert!(rows[0] <= 5, "claims far from the top: {rows:?}\n{text}");
        keys(&mut state, "]");
    }
    // A topic some sources do not report: their panes go back to their start and
    // show no mark of another topic.
    keys(&mut state, "t t");
    let g = state.compare.group.expect("a topic");
    let group = state.model.analysis.groups[g].clone();
    let mut empty = 0;
    for ai in state.compare_articles() {
        let has = group
            .claims
            .iter()
            .any(|id| state.model.index.article_of.get(id) == Some(&ai));
        if !has {
            empty += 1;
            assert_eq!(
                state.model.open[ai].compare.top,
                (0, 0),
                "pane {ai} kept its place"
            );
        }
    }
    assert!(empty > 0, "pick a topic that some sources miss");
    let text = screen(&state);
    assert!(text.contains("(no claim)"), "{text}");
    assert!(
        !text.contains('!'),
        "a mark of another topic in a pane:\n{text}"
    );
}

#[test]
fn a_jump_puts_the_passage_near_the_top_even_when_it_was_on_screen() {
    let mut state = seeds_state(80, 40);
    let before = rows_with(&screen(&state), "!");
    assert!(
        before.first().is_some_and(|r| *r > 10),
        "the conflict starts low on the first screen: {before:?}"
    );
    keys(&mut state, "]");
    let text = screen(&state);
    let cursor = rows_with(&text, "▌");
    assert!(
        cursor.first().is_some_and(|r| *r <= 2),
        "{cursor:?}\n{text}"
    );
}

#[test]
fn plot_numbers_sources_in_full_and_explains_its_marks() {
    // Ten articles without claims first: the seeds are sources 11 to 15.
    let mut articles = many(10);
    articles.extend(qarin::corpus::seeds());
    let mut state = qarin::ui::test_state(articles, 160, 60);
    keys(&mut state, "c");
    let text = screen(&state);
    let labels: Vec<&str> = text
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert!(!labels.is_empty(), "{text}");
    assert!(
        labels
            .iter()
            .all(|l| (11..=15).contains(&l.parse::<usize>().unwrap_or(0))),
        "a number cut to its last digit: {labels:?}\n{text}"
    );
    assert!(text.contains("؟ hedged"), "{text}");
    assert!(text.contains("( ) excluded"), "{text}");
    // The selected topic's scale over the plot: its lowest and highest value.
    let g = &state.model.analysis.groups[state.table_rows()[0]];
    let values: Vec<f64> = g
        .claims
        .iter()
        .filter_map(|id| state.model.claim(*id))
        .flat_map(|c| [c.low, c.high, Some(c.value)])
        .flatten()
        .collect();
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let header = text.lines().nth(1).unwrap_or_default();
    for v in [lo, hi] {
        let n = qarin::claims::present::number(v, qarin::text::lang::Lang::Arabic);
        assert!(header.contains(&n), "scale {n} missing: {header}");
    }
}

#[test]
fn cut_labels_end_in_an_ellipsis() {
    let mut state = seeds_state(40, 12);
    keys(&mut state, "l");
    let text = screen(&state);
    assert!(text.contains('…'), "{text}");
    // A label that fits is not marked.
    let mut wide = seeds_state(200, 12);
    keys(&mut wide, "l");
    let text = screen(&wide);
    let body: Vec<&str> = text.lines().skip(2).take(5).collect();
    assert!(body.iter().all(|l| !l.contains('…')), "{body:?}");
}

#[test]
fn the_library_shows_whole_numbers_and_pages_by_the_screen() {
    let mut state = qarin::ui::test_state(many(1200), 80, 24);
    keys(&mut state, "l G");
    let text = screen(&state);
    assert!(text.contains("1200"), "{text}");
    // A page is the list's height on this screen (21 rows under its header), not 10.
    keys(&mut state, "g Space");
    assert_eq!(state.library_sel, 21);
    keys(&mut state, "C-d");
    assert_eq!(state.library_sel, 32);
    keys(&mut state, "C-b C-u");
    assert_eq!(state.library_sel, 0);
}

#[test]
fn ctrl_d_u_f_b_and_counts_move_as_in_less_and_vim() {
    let mut a = seeds_state(80, 24);
    let mut b = seeds_state(80, 24);
    keys(&mut a, "C-f");
    keys(&mut b, "Space");
    assert_eq!(a.model.open[0].reader.top, b.model.open[0].reader.top);
    keys(&mut a, "C-b");
    assert_eq!(a.model.open[0].reader.top, (0, 0));
    // Half a page of the 22-line text area: 11 lines.
    keys(&mut a, "C-d");
    let mut c = seeds_state(80, 24);
    keys(&mut c, "j j j j j j j j j j j");
    assert_eq!(a.model.open[0].reader.top, c.model.open[0].reader.top);
    keys(&mut a, "C-u");
    assert_eq!(a.model.open[0].reader.top, (0, 0));
    // A count repeats a move: `5 j` is five lines, `1 2 j` twelve.
    let mut d = seeds_state(80, 24);
    keys(&mut d, "5 j");
    let mut e = seeds_state(80, 24);
    keys(&mut e, "j j j j j");
    assert_eq!(d.model.open[0].reader.top, e.model.open[0].reader.top);
    assert_ne!(d.model.open[0].reader.top, (0, 0));
    keys(&mut d, "1 2 k");
    assert_eq!(d.model.open[0].reader.top, (0, 0));
    assert!(d.count.is_none());
    // The count shows while it is typed; `0` alone is no count.
    keys(&mut d, "3");
    assert!(screen(&d).contains("3 (a count"), "{}", screen(&d));
    keys(&mut d, "Esc");
    assert!(d.count.is_none());
    keys(&mut d, "0");
    assert!(d.count.is_none());
    // A count does not repeat what is not a move: `3 l` opens the library once.
    keys(&mut d, "3 l Esc");
    assert_eq!(d.view, View::Reader);
}

#[test]
fn ctrl_l_asks_for_a_full_redraw_and_y_copies_logical_text() {
    let mut state = seeds_state(80, 24);
    keys(&mut state, "C-l");
    assert!(state.redraw);
    keys(&mut state, "} y");
    let (ai, para) = (state.current, state.model.open[state.current].reader.cursor);
    let expected = state.model.open[ai]
        .article
        .paragraphs
        .get(para)
        .unwrap()
        .trim()
        .to_owned();
    assert_eq!(state.clipboard.as_deref(), Some(expected.as_str()));
    // Logical order: the text as written, not the screen's shaped glyphs.
    assert!(
        expected
            .chars()
            .any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
    );
    assert!(screen(&state).contains("copied"), "{}", screen(&state));
    // A visual selection copies its lines.
    state.clipboard = None;
    keys(&mut state, "v j y");
    let copied = state.clipboard.clone().expect("copied");
    assert!(expected.starts_with(copied.lines().next().unwrap_or("x")));
    assert!(state.visual.is_none());
    assert!(
        qarin::ui::copy::osc52(&copied).starts_with("\x1b]52;c;"),
        "OSC 52"
    );
}

#[test]
fn ctrl_c_always_quits_and_key_conflicts_are_reported() {
    use std::path::Path;
    let base = || Some(Keymap::defaults());
    let e =
        Keymap::from_toml("[keys]\nhelp = [\"C-c\"]\n", Path::new("c.toml"), base()).unwrap_err();
    assert!(e.to_string().contains("C-c always quits"), "{e}");
    assert_eq!((e.line, e.column), (2, 9), "{e}");
    let e = Keymap::from_toml(
        "[keys]\nhelp = [\"x\"]\nlibrary = [\"x\"]\n",
        Path::new("c.toml"),
        base(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("x is given to both"), "{e}");
    // Moving a key from a default action works, and the reader is told when qarin opens.
    let map = Keymap::from_toml(
        "[keys]\nnext_conflict = [\"n\"]\n",
        Path::new("c.toml"),
        base(),
    )
    .unwrap();
    assert_eq!(map.warnings.len(), 1, "{:?}", map.warnings);
    assert!(
        map.warnings[0].contains("n was next_match's key"),
        "{:?}",
        map.warnings
    );
    assert!(
        map.warnings[0].contains("next_match has no key now"),
        "{:?}",
        map.warnings
    );
    let map = Keymap::from_toml(
        "[keys]\nnext_conflict = [\"]\", \"n\"]\nhelp = [\"?\"]\n",
        Path::new("c.toml"),
        base(),
    )
    .unwrap();
    assert_eq!(map.warnings.len(), 1, "{:?}", map.warnings);
    let mut state = qarin::ui::state::State::with_analysis(
        qarin::corpus::seeds(),
        Default::default(),
        map,
        Default::default(),
        120,
        30,
        None,
    );
    assert!(
        screen(&state).contains("n was next_match"),
        "{}",
        screen(&state)
    );
    // Ctrl-C quits even when the keymap has moved everything else around.
    keys(&mut state, "C-c");
    assert!(state.quit);
}

#[test]
fn help_pages_by_its_height() {
    let mut state = seeds_state(80, 24);
    keys(&mut state, "? C-d");
    let half = state.help.expect("help open");
    assert!(half >= 5, "{half}");
    keys(&mut state, "C-u");
    assert_eq!(state.help, Some(0));
    keys(&mut state, "Space");
    assert!(state.help.is_some_and(|h| h > half), "{:?}", state.help);
}

#[test]
fn search_remembers_its_queries() {
    let mut state = seeds_state(80, 24);
    keys(&mut state, "/");
    type_text(&mut state, "روسيا");
    keys(&mut state, "Enter /");
    type_text(&mut state, "جندي");
    keys(&mut state, "Enter /");
    assert_eq!(state.search.query, "");
    keys(&mut state, "Up");
    assert_eq!(state.search.query, "جندي");
    keys(&mut state, "Up Up");
    assert_eq!(state.search.query, "روسيا", "stops at the oldest");
    keys(&mut state, "Down");
    assert_eq!(state.search.query, "جندي");
    keys(&mut state, "Down");
    assert_eq!(state.search.query, "", "past the newest: empty again");
    // A recalled query searches as typed.
    keys(&mut state, "Up Enter");
    assert!(!state.search.matches.is_empty());
    assert_eq!(state.search.history, ["روسيا", "جندي"]);
    // Esc keeps the history.
    keys(&mut state, "/ Up Esc");
    assert_eq!(state.search.history.len(), 2);
}

#[test]
fn english_labels_with_lang_en() {
    use qarin::ui::state::{Settings, State};
    let english = Settings {
        english: true,
        ..Settings::default()
    };
    let articles = qarin::corpus::seeds();
    let analysis = qarin::claims::analyze(&articles, &qarin::claims::Lexicon::builtin(), false);
    let mut state = State::with_analysis(
        articles,
        analysis,
        Keymap::defaults(),
        english,
        120,
        30,
        None,
    );
    keys(&mut state, "c");
    let text = screen(&state);
    for word in [
        "topic",
        "verdict",
        "conflict",
        "troops sent",
        "more than 2000",
    ] {
        assert!(text.contains(word), "{word} missing:\n{text}");
    }
    assert!(!text.contains("ﺽﺭﺎﻌﺗ"), "an Arabic verdict:\n{text}");
    keys(&mut state, "l");
    assert!(screen(&state).contains("title"), "{}", screen(&state));
    // Compare's bar, the first source's value on the right as its pane is.
    let mut state = State::with_analysis(
        qarin::corpus::seeds(),
        state.model.analysis.clone(),
        Keymap::defaults(),
        english,
        120,
        30,
        None,
    );
    let troops = state
        .model
        .analysis
        .groups
        .iter()
        .position(|g| g.topic == "troops")
        .expect("the troops group");
    keys(&mut state, "s");
    state.select_group(troops);
    let bar = screen(&state).lines().nth(1).unwrap_or_default().to_owned();
    assert!(bar.contains("troops sent: "), "{bar}");
    assert!(
        bar.trim_end().ends_with("more than 2000 — conflict"),
        "{bar}"
    );
    // The config's `lang = "en"` says the same (`--lang` overrides it in the CLI).
    let map = Keymap::from_toml(
        "lang = \"en\"\n[keys]\nquit = [\"q\"]\n",
        std::path::Path::new("c.toml"),
        Some(Keymap::defaults()),
    )
    .unwrap();
    assert!(map.english);
    assert!(!Keymap::defaults().english);
}

#[test]
fn claims_take_their_topics_colour_from_the_lexicon() {
    let state = seeds_state(120, 30);
    let mut checked = 0;
    for c in &state.model.analysis.claims {
        let Some(topic) = c.topic.as_deref() else {
            continue;
        };
        if let Some(name) = state.model.lexicon.colour(topic) {
            let want: ratatui::style::Color = name.parse().expect("a colour name");
            assert_eq!(state.claim_style(c).fg, Some(want), "{topic}");
            checked += 1;
        }
    }
    assert!(checked > 0, "no seed claim has a topic with a colour");
}

#[test]
fn view_tables_bind_keys_where_they_apply_with_their_own_description() {
    let text = "[keys]\nquit = [\"q\"]\n\
                [compare]\nfirst_source = \"left\"\n\
                next_topic = { keys = [\"n\"], desc = \"the next topic, n as in next\" }\n\
                [list]\nline_down = [\"J\"]\n";
    let map = Keymap::from_toml(
        text,
        std::path::Path::new("c.toml"),
        Some(Keymap::defaults()),
    )
    .unwrap();
    use qarin::ui::action::Action;
    use qarin::ui::keymap::{Key, Table};
    assert_eq!(
        map.action_in(Key::Char('n'), Table::Compare),
        Some(Action::NextTopic)
    );
    assert_eq!(
        map.action_in(Key::Char('n'), Table::Reader),
        Some(Action::NextMatch)
    );
    assert_eq!(
        map.action_in(Key::Char('J'), Table::List),
        Some(Action::LineDown)
    );
    assert_eq!(map.action_in(Key::Char('J'), Table::Reader), None);
    assert_eq!(map.first_source, qarin::ui::keymap::Side::Left);
    let mut state = qarin::ui::state::State::with_analysis(
        qarin::corpus::seeds(),
        Default::default(),
        map,
        Default::default(),
        120,
        60,
        None,
    );
    let fresh = qarin::ui::model::analyze(&state.model.open, &state.model.lexicon);
    state.set_analysis(fresh);
    keys(&mut state, "s ] n");
    assert_eq!(state.view, View::Compare);
    let g = state.compare.group.expect("a topic");
    keys(&mut state, "n");
    assert_ne!(state.compare.group, Some(g), "n moved on to another topic");
    // Help in compare lists n with the user's words; the reader's n still searches.
    keys(&mut state, "?");
    let help = screen(&state);
    assert!(help.contains("the next topic, n as in next"), "{help}");
    keys(&mut state, "Esc r ?");
    let help = screen(&state);
    let next_match = help
        .lines()
        .find(|l| l.contains("next_match"))
        .unwrap_or_default()
        .to_owned();
    assert!(next_match.contains('n'), "{help}");
    assert!(!help.contains("the next topic, n as in next"), "{help}");
    // A list table's key works in lists only.
    keys(&mut state, "Esc l J");
    assert_eq!(state.library_sel, 1);
    // Mistakes in a view table name their place.
    let e = Keymap::from_toml(
        "[reader]\nline_down = [\"j\", \"Nope\"]\n",
        std::path::Path::new("c.toml"),
        Some(Keymap::defaults()),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (2, 19), "{e}");
    let e = Keymap::from_toml(
        "[list]\nline_down = { keys = [\"J\"], what = 1 }\n",
        std::path::Path::new("c.toml"),
        Some(Keymap::defaults()),
    )
    .unwrap_err();
    assert!(e.message.contains("unknown field \"what\""), "{e}");
}
