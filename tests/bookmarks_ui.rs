//! The bookmarks in the interactive reader, driven key by key through the real keymap
//! and state, checked on the screen (as `qarin snapshot` prints it) and in the file.

use std::path::Path;

use qarin::bookmarks::{ReadingState, Session, Store};
use qarin::corpus;
use qarin::ui::bookmarks_view::attach;
use qarin::ui::keymap::Key;
use qarin::ui::state::{State, View};

/// The seeds on a 100×24 screen, bookmarks kept in `data`.
fn state_in(data: &Path) -> State {
    let mut s = qarin::ui::test_state(corpus::seeds(), 100, 24);
    attach(
        &mut s,
        Session::open(Store::in_dir(data)),
        Some(ReadingState::in_dir(data)),
    );
    s
}

/// Presses keys given as in `qarin snapshot --keys`.
fn keys(s: &mut State, seq: &str) {
    for k in Key::parse_seq(seq).expect("valid keys") {
        s.key(k);
    }
}

/// Types text into whatever prompt is open.
fn type_text(s: &mut State, text: &str) {
    for c in text.chars() {
        s.key(Key::Char(c));
    }
}

/// The screen as text, with bookmark dates (which change daily) replaced.
fn screen(s: &State) -> String {
    let mut text = qarin::ui::screen_text(s);
    for b in s.model.bookmarks.session.bookmarks() {
        text = text.replace(&b.created[..10], "YYYY-MM-DD");
    }
    text
}

fn stored(data: &Path) -> Vec<qarin::bookmarks::Bookmark> {
    Store::in_dir(data).load().expect("file parses").bookmarks
}

/// Moves the reader's cursor to the first passage at or after 0-based paragraph `p`.
fn cursor_to(s: &mut State, p: usize) {
    while s.model.open[s.current].reader.cursor < p {
        let before = s.model.open[s.current].reader.cursor;
        keys(s, "}");
        assert_ne!(
            s.model.open[s.current].reader.cursor, before,
            "cursor stuck"
        );
    }
}

#[test]
fn b_asks_for_a_note_shown_right_to_left_and_saves_the_passage() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    cursor_to(&mut s, 4);
    let para = s.model.open[0].reader.cursor;
    keys(&mut s, "b");
    type_text(&mut s, "عدد القوات");
    let prompt = screen(&s);
    let last = prompt.lines().last().unwrap_or("");
    assert!(last.contains(&format!("note for ¶{}", para + 1)), "{last}");
    // Laid out right to left: the cursor mark (typed last) is at the left end of the
    // note, and the note's first word is to the right of its second.
    let note_at = |w: &str| {
        let shaped = qarin::layout::layout_paragraph(w, &Default::default());
        let visual: String = shaped[0]
            .cells
            .iter()
            .enumerate()
            .map(|(i, _)| shaped[0].cell_text(i))
            .collect();
        last.find(&visual)
            .unwrap_or_else(|| panic!("{w} not in {last}"))
    };
    assert!(note_at("عدد") > note_at("القوات"), "{last}");
    assert!(last.find('▏').unwrap() < note_at("القوات"), "{last}");
    insta::assert_snapshot!("note_prompt", prompt);

    keys(&mut s, "Enter");
    let saved = stored(data.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].note.as_deref(), Some("عدد القوات"));
    assert_eq!(saved[0].paragraph, para + 1);
    assert_eq!(saved[0].text, corpus::seeds()[0].paragraphs[para]);
    // The passage now carries the mark in the margin, and the status says so.
    let text = screen(&s);
    assert!(
        text.contains(&format!("bookmarked ¶{} as 1", para + 1)),
        "{text}"
    );
    assert!(s.model.bookmarks.is_marked(0, para));
    assert_eq!(
        text.lines().filter(|l| l.starts_with('*')).count(),
        1,
        "{text}"
    );
    insta::assert_snapshot!("reader_with_mark", text);
}

#[test]
fn esc_cancels_the_note_prompt_and_saves_nothing() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    keys(&mut s, "b");
    type_text(&mut s, "لا");
    keys(&mut s, "Esc");
    assert!(s.bookmark_list.prompt.is_none());
    assert!(stored(data.path()).is_empty());
    assert!(!data.path().join("bookmarks.json").exists());
    // Keys are commands again.
    keys(&mut s, "B");
    assert_eq!(s.view, View::Bookmarks);
}

/// Two bookmarks: paragraph 5 of seed 003 (note «troops») and paragraph 7 of seed 000.
fn two_bookmarks(data: &Path) -> State {
    let mut s = state_in(data);
    keys(&mut s, "Tab Tab Tab");
    assert_eq!(s.current, 3);
    cursor_to(&mut s, 4);
    keys(&mut s, "b");
    type_text(&mut s, "troops");
    keys(&mut s, "Enter Tab Tab");
    assert_eq!(s.current, 0);
    cursor_to(&mut s, 6);
    keys(&mut s, "b Enter");
    assert_eq!(stored(data).len(), 2);
    s
}

#[test]
fn list_shows_article_excerpt_note_and_date_and_enter_jumps() {
    let data = tempfile::tempdir().unwrap();
    let mut s = two_bookmarks(data.path());
    keys(&mut s, "B");
    assert_eq!(s.view, View::Bookmarks);
    let text = screen(&s);
    assert!(text.contains("bookmarks: 2"), "{text}");
    assert!(
        text.contains("troops") && text.contains("YYYY-MM-DD"),
        "{text}"
    );
    insta::assert_snapshot!("list", text);

    // Newest first: the second row is the seed 003 bookmark.
    keys(&mut s, "j Enter");
    assert_eq!(s.view, View::Reader);
    assert_eq!(s.current, 3);
    let want = stored(data.path())[0].paragraph - 1;
    assert_eq!(s.model.open[3].reader.cursor, want);
    let first_row = s.model.open[3].reader.top;
    assert!(first_row.0 <= want, "passage on screen");
}

#[test]
fn e_edits_the_note_d_deletes_u_undoes() {
    let data = tempfile::tempdir().unwrap();
    let mut s = two_bookmarks(data.path());
    keys(&mut s, "B j e");
    assert_eq!(
        s.bookmark_list.prompt.as_ref().map(|p| p.text.as_str()),
        Some("troops"),
        "the prompt starts from the note"
    );
    keys(&mut s, "C-u");
    type_text(&mut s, "جنود");
    keys(&mut s, "Enter");
    let note = |d: &Path| {
        stored(d)
            .iter()
            .find(|b| b.id == 1)
            .and_then(|b| b.note.clone())
    };
    assert_eq!(note(data.path()).as_deref(), Some("جنود"));

    keys(&mut s, "d");
    assert_eq!(stored(data.path()).len(), 1);
    assert!(screen(&s).contains("bookmark 1 deleted (u undoes)"));
    insta::assert_snapshot!("after_delete", screen(&s));

    keys(&mut s, "u");
    let back = stored(data.path());
    assert_eq!(back.len(), 2);
    assert_eq!(note(data.path()).as_deref(), Some("جنود"));
    keys(&mut s, "u");
    assert_eq!(note(data.path()).as_deref(), Some("troops"));
    keys(&mut s, "u u");
    assert!(stored(data.path()).is_empty(), "both adds undone");
    keys(&mut s, "u");
    assert!(screen(&s).contains("nothing to undo"));
}

#[test]
fn slash_filters_the_list() {
    let data = tempfile::tempdir().unwrap();
    let mut s = two_bookmarks(data.path());
    keys(&mut s, "B /");
    type_text(&mut s, "TROOPS");
    keys(&mut s, "Enter");
    assert_eq!(s.bookmark_list.visible(&s.model.bookmarks).len(), 1);
    let text = screen(&s);
    assert!(text.contains("bookmarks: 1 matching «TROOPS»"), "{text}");
    // The filter narrows what `d` can hit: it deletes the one shown.
    keys(&mut s, "d");
    let left = stored(data.path());
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].note, None);
    keys(&mut s, "/ Esc");
    assert!(s.bookmark_list.filter.is_empty());
    assert_eq!(s.bookmark_list.visible(&s.model.bookmarks).len(), 1);
}

#[test]
fn notes_with_controls_are_stored_as_typed_and_drawn_safely() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    let note = "a\u{202E}bc\u{1b}[2Jd";
    keys(&mut s, "b");
    type_text(&mut s, note);
    keys(&mut s, "Enter B");
    assert_eq!(stored(data.path())[0].note.as_deref(), Some(note));
    let text = screen(&s);
    assert!(
        text.contains("<U+202E>") && text.contains("<U+001B>"),
        "{text}"
    );
    assert!(
        !text.contains('\u{202E}') && !text.contains('\u{1b}'),
        "{text}"
    );
}

#[test]
fn corrupt_file_makes_bookmarks_read_only_and_is_kept() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("bookmarks.json");
    std::fs::write(&file, "{\"version\": 1, \"bookm").unwrap();
    let mut s = state_in(data.path());
    let text = screen(&s);
    assert!(
        text.contains("bookmarks read-only") && text.contains("bookmarks.json"),
        "{text}"
    );
    keys(&mut s, "b");
    assert!(s.bookmark_list.prompt.is_none());
    assert!(screen(&s).contains("bookmarks read-only"));
    keys(&mut s, "B");
    assert!(screen(&s).contains("not a valid bookmarks file"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "{\"version\": 1, \"bookm"
    );
}

#[test]
fn articles_reopen_where_they_were_left() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    keys(&mut s, "Tab");
    cursor_to(&mut s, 8);
    let left_at = s.model.open[1].reader.cursor;
    keys(&mut s, "q");
    assert!(s.quit);
    let again = state_in(data.path());
    assert_eq!(again.model.open[1].reader.cursor, left_at);
    assert_eq!(again.model.open[1].reader.top.0, left_at);
    assert_eq!(again.model.open[0].reader.cursor, 0);
}

#[test]
fn marks_show_in_compare_panes() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    keys(&mut s, "b Enter s");
    assert_eq!(s.view, View::Compare);
    let text = screen(&s);
    assert!(text.lines().skip(2).any(|l| l.contains('*')), "{text}");
}

#[test]
fn b_in_compare_bookmarks_the_focused_pane() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    keys(&mut s, "s Right");
    let ai = s.focused_article().expect("a focused pane");
    let para = s.model.open[ai].compare.cursor;
    keys(&mut s, "b Enter");
    let saved = stored(data.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].article.id, s.model.open[ai].article.id);
    assert_eq!(saved[0].paragraph, para + 1);
}

#[test]
fn snapshot_command_uses_an_explicit_data_dir_only() {
    let data = tempfile::tempdir().unwrap();
    let run = |dir: Option<&Path>, keys: &str| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"));
        c.args(["snapshot", "--size", "100x24", "--keys", keys]);
        match dir {
            Some(d) => c.env("QARIN_DATA_DIR", d),
            None => c.env_remove("QARIN_DATA_DIR"),
        };
        let o = c.output().expect("run qarin");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let out = run(Some(data.path()), "} b Enter B");
    assert!(out.contains("bookmarks: 1"), "{out}");
    assert_eq!(stored(data.path()).len(), 1);
    // A second run sees the first one's bookmark.
    let out = run(Some(data.path()), "B");
    assert!(out.contains("bookmarks: 1"), "{out}");
    // Without QARIN_DATA_DIR a snapshot touches no store at all.
    let out = run(None, "b");
    assert!(
        out.contains("bookmarks read-only: no bookmark store"),
        "{out}"
    );
}

#[test]
fn a_click_selects_a_row_of_the_list() {
    let data = tempfile::tempdir().unwrap();
    let mut s = two_bookmarks(data.path());
    keys(&mut s, "B");
    assert_eq!(s.bookmark_list.sel, 0);
    // Row 0 is the title bar, row 1 the header, rows 2.. the bookmarks.
    s.mouse(qarin::ui::state::MouseInput::Click { x: 10, y: 3 });
    assert_eq!(s.bookmark_list.sel, 1);
    s.mouse(qarin::ui::state::MouseInput::Click { x: 10, y: 20 });
    assert_eq!(s.bookmark_list.sel, 1, "below the last row: the last row");
    s.mouse(qarin::ui::state::MouseInput::Click { x: 10, y: 2 });
    assert_eq!(s.bookmark_list.sel, 0);
}

#[test]
fn jump_finds_the_passage_in_an_edited_article() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("article.txt");
    std::fs::write(&file, corpus::SEEDS[3].1).unwrap();
    let open = |data: &Path| {
        let arts = corpus::load_paths(std::slice::from_ref(&file), &Default::default()).unwrap();
        let mut s = qarin::ui::test_state(arts, 100, 24);
        attach(&mut s, Session::open(Store::in_dir(data)), None);
        s
    };
    let mut s = open(data.path());
    cursor_to(&mut s, 4);
    let para = s.model.open[0].reader.cursor;
    keys(&mut s, "b Enter");

    // Two lines added on top: the passage moves down by two.
    std::fs::write(&file, format!("سطر\nسطر\n{}", corpus::SEEDS[3].1)).unwrap();
    let mut s = open(data.path());
    assert!(s.model.bookmarks.is_marked(0, para + 2));
    assert!(!s.model.bookmarks.is_marked(0, para));
    keys(&mut s, "B Enter");
    assert_eq!(s.model.open[0].reader.cursor, para + 2);

    // The passage deleted: the list flags it with `?`, Enter says so.
    let text = corpus::SEEDS[3]
        .1
        .replace(&corpus::seeds()[3].paragraphs[para], "");
    std::fs::write(&file, text).unwrap();
    let mut s = open(data.path());
    keys(&mut s, "B");
    let row = screen(&s).lines().nth(2).unwrap_or("").to_owned();
    // The flag leads the article column, which is read first: at the far right.
    assert!(row.trim_end().ends_with(" ?"), "{row}");
    keys(&mut s, "Enter");
    assert!(screen(&s).contains("the passage is gone"));
}

#[test]
fn no_articles_no_panic() {
    let data = tempfile::tempdir().unwrap();
    let mut s = qarin::ui::test_state(Vec::new(), 80, 24);
    attach(
        &mut s,
        Session::open(Store::in_dir(data.path())),
        Some(ReadingState::in_dir(data.path())),
    );
    keys(&mut s, "b Enter B e d u / x Enter Enter Esc s b q");
    assert!(s.quit);
    assert!(stored(data.path()).is_empty());
}

/// Issue 16 item 2: a paste into the note prompt is one line of text — the newline
/// does not save the note and the `ddd` after it deletes nothing.
#[test]
fn a_pasted_newline_in_a_note_is_text() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut s = state_in(data.path());
    keys(&mut s, "b");
    s.paste("see also the 2021 report\nddd");
    keys(&mut s, "Enter");
    let saved = stored(data.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(
        saved[0].note.as_deref(),
        Some("see also the 2021 report ddd")
    );
    // In the list, editing a note and pasting there deletes nothing either.
    keys(&mut s, "B e C-u");
    s.paste("x\nddd\n");
    keys(&mut s, "Enter");
    let saved = stored(data.path());
    assert_eq!(saved.len(), 1, "the paste ran commands");
    assert_eq!(saved[0].note.as_deref(), Some("x ddd"));
}

/// Issue 16 item 6: drawing the prompt costs what is shown, not the note's length: a
/// 1 MB note draws (it used to re-measure the text per dropped character and never
/// finish). The bound only catches a hang; speed figures are in benches/ui.rs.
#[test]
fn a_one_megabyte_note_draws() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut s = state_in(data.path());
    keys(&mut s, "b");
    s.paste(&"ملاحظة طويلة جدا ".repeat(1 << 16));
    // The state is not Send: a watchdog ends the test binary if drawing hangs.
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        if rx.recv_timeout(std::time::Duration::from_secs(60)).is_err() {
            eprintln!("the prompt with a 1 MB note did not draw within a minute");
            std::process::exit(101);
        }
    });
    let text = qarin::ui::screen_text(&s);
    let _ = tx.send(());
    let last = text.lines().last().unwrap_or("");
    assert!(last.contains("ﺍﺪﺟ"), "the end of the note shows: {last}");
}

/// The note editor has a cursor: ← → Home End move it (in Arabic ← goes on toward the
/// end of the text, as the text runs), typing goes in where it is, and the prompt shows
/// the cursor between the right letters.
#[test]
fn the_note_editor_moves_its_cursor_and_inserts_there() {
    let data = tempfile::tempdir().unwrap();
    let mut s = two_bookmarks(data.path());
    keys(&mut s, "B j e C-u");
    type_text(&mut s, "جنود كثر");
    // → goes back toward the start in Arabic: three letters, before «كثر».
    keys(&mut s, "Right Right Right");
    type_text(&mut s, "ال");
    assert_eq!(
        s.bookmark_list.prompt.as_ref().map(|p| p.text.as_str()),
        Some("جنود الكثر")
    );
    keys(&mut s, "Home");
    type_text(&mut s, "«");
    keys(&mut s, "End");
    type_text(&mut s, "»");
    assert_eq!(
        s.bookmark_list.prompt.as_ref().map(|p| p.text.as_str()),
        Some("«جنود الكثر»")
    );
    // ← at the end stays there; → then Backspace takes the letter before «»».
    keys(&mut s, "Left Right Backspace");
    assert_eq!(
        s.bookmark_list.prompt.as_ref().map(|p| p.text.as_str()),
        Some("«جنود الكث»")
    );
    let text = screen(&s);
    let last = text.lines().last().unwrap_or_default().to_owned();
    assert!(last.contains('▏'), "{last}");
    keys(&mut s, "Enter");
    let note = stored(data.path())
        .iter()
        .find(|b| b.id == 1)
        .and_then(|b| b.note.clone());
    assert_eq!(note.as_deref(), Some("«جنود الكث»"));
}

/// Standard input is read once and kept nowhere: `b` says so rather than store a
/// bookmark that would read "missing" at once.
#[test]
fn b_on_standard_input_says_why_it_cannot_bookmark() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    let stdin = corpus::Article::from_text("-", "stdin", "عنوان\nأرسلت روسيا 2000 جندي\n".into());
    let ai = s.add_article(stdin);
    s.current = ai;
    keys(&mut s, "r } b");
    assert!(s.bookmark_list.prompt.is_none());
    let text = screen(&s);
    assert!(text.contains("standard input is read once"), "{text}");
    keys(&mut s, "v b");
    assert!(s.bookmark_list.prompt.is_none());
    assert!(stored(data.path()).is_empty());
}
