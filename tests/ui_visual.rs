//! Visual selection in the reader (`v`, motion keys, `b`, `Esc`) and jumping from the
//! bookmarks list to an article that is not open, driven key by key through the real
//! keymap and state and checked in the bookmark file and on the screen.

use std::path::Path;
use std::process::Command;

use qarin::bookmarks::{ReadingState, Session, Store};
use qarin::corpus;
use qarin::ui::bookmarks_view::attach;
use qarin::ui::keymap::Key;
use qarin::ui::state::{Settings, State, View};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

fn attached(mut s: State, data: &Path) -> State {
    attach(
        &mut s,
        Session::open(Store::in_dir(data)),
        Some(ReadingState::in_dir(data)),
    );
    s
}

/// The seeds on an 80×24 screen, bookmarks kept in `data`.
fn state_in(data: &Path) -> State {
    attached(qarin::ui::test_state(corpus::seeds(), 80, 24), data)
}

fn keys(s: &mut State, seq: &str) {
    for k in Key::parse_seq(seq).expect("valid keys") {
        s.key(k);
    }
}

fn stored(data: &Path) -> Vec<qarin::bookmarks::Bookmark> {
    Store::in_dir(data).load().expect("file parses").bookmarks
}

/// Moves the cursor to the first passage of at least `lines` display lines at or after
/// 0-based paragraph `from`, with that passage's first line at the top of the screen.
/// Returns the passage's source ranges of its display lines.
fn cursor_to_long(s: &mut State, from: usize, lines: usize) -> Vec<std::ops::Range<usize>> {
    loop {
        let ai = s.current;
        let p = s.model.open[ai].reader.cursor;
        let pane = s.reader_pane().expect("a pane");
        let b = s.model.first_block(ai, p);
        let ranges: Vec<_> = pane.lines(b).iter().map(|l| l.source.clone()).collect();
        if p >= from && ranges.len() >= lines && s.model.open[ai].reader.top == (b, 0) {
            return ranges;
        }
        let before = (p, s.model.open[ai].reader.top);
        if p >= from && ranges.len() >= lines {
            keys(s, "j");
        } else {
            keys(s, "}");
        }
        assert_ne!(
            (s.model.open[ai].reader.cursor, s.model.open[ai].reader.top),
            before,
            "stuck"
        );
    }
}

#[test]
fn v_j_j_b_bookmarks_exactly_the_three_selected_lines() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    let ranges = cursor_to_long(&mut s, 2, 4);
    let para = s.model.open[0].reader.cursor;
    keys(&mut s, "v j j");
    let v = s.visual.expect("selecting");
    let top = s.model.open[0].reader.top;
    assert_eq!(v.span(), (top, (top.0, 2)));
    let text = qarin::ui::screen_text(&s);
    assert!(
        text.lines().next().unwrap_or("").contains("VISUAL"),
        "{text}"
    );
    assert!(text.contains("-- VISUAL -- 3 lines"), "{text}");

    keys(&mut s, "b");
    assert!(s.visual.is_none(), "b ends the selection");
    for c in "ثلاثة أسطر".chars() {
        s.key(Key::Char(c));
    }
    keys(&mut s, "Enter");
    let saved = stored(data.path());
    assert_eq!(saved.len(), 1);
    let bm = &saved[0];
    let source = &corpus::seeds()[0].paragraphs[para];
    assert_eq!(bm.paragraph, para + 1);
    assert_eq!((bm.start, bm.end), (ranges[0].start, ranges[2].end));
    assert!(
        bm.end < source.len(),
        "three of more lines, not the whole passage"
    );
    assert_eq!(bm.text, source[ranges[0].start..ranges[2].end]);
    assert_eq!(bm.note.as_deref(), Some("ثلاثة أسطر"));
    assert!(s.model.bookmarks.is_marked(0, para));
}

#[test]
fn selecting_upwards_bookmarks_the_same_span_and_k_shrinks_it() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    let ranges = cursor_to_long(&mut s, 2, 4);
    let b = s.model.open[0].reader.top.0;
    // Scrolled to the passage's third line, `v` starts there; `k k` selects upwards
    // (scrolling back to show the head).
    keys(&mut s, "j j v k k");
    let v = s.visual.expect("selecting");
    assert_eq!((v.anchor, v.head), ((b, 2), (b, 0)));
    assert_eq!(s.model.open[0].reader.top, (b, 0));
    keys(&mut s, "b Enter");
    let bm = &stored(data.path())[0];
    assert_eq!((bm.start, bm.end), (ranges[0].start, ranges[2].end));
    // Down three, back one: two lines.
    keys(&mut s, "v j j k b Enter");
    let bm = &stored(data.path())[1];
    assert_eq!((bm.start, bm.end), (ranges[0].start, ranges[1].end));
}

#[test]
fn esc_cancels_the_selection_and_b_then_bookmarks_the_whole_passage() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    cursor_to_long(&mut s, 2, 4);
    let para = s.model.open[0].reader.cursor;
    keys(&mut s, "v j j Esc");
    assert!(s.visual.is_none());
    assert_eq!(s.view, View::Reader, "Esc did not leave the reader");
    let text = qarin::ui::screen_text(&s);
    assert!(text.contains("selection cancelled"), "{text}");
    assert!(!text.contains("VISUAL"), "{text}");
    keys(&mut s, "b Enter");
    let bm = &stored(data.path())[0];
    let source = &corpus::seeds()[0].paragraphs[para];
    assert_eq!((bm.start, bm.end), (0, source.len()));
}

#[test]
fn a_selection_across_passages_bookmarks_the_rest_of_the_first_and_says_so() {
    let data = tempfile::tempdir().unwrap();
    let mut s = state_in(data.path());
    let ranges = cursor_to_long(&mut s, 2, 3);
    let para = s.model.open[0].reader.cursor;
    // Start on the second line and go two lines past the passage's last one.
    keys(&mut s, "j");
    let top = s.model.open[0].reader.top;
    assert_eq!(top.1, 1);
    keys(&mut s, "v");
    for _ in 0..ranges.len() {
        keys(&mut s, "j");
    }
    let v = s.visual.expect("selecting");
    let pane = s.reader_pane().expect("pane");
    assert_ne!(
        pane.para_of(v.head.0),
        para,
        "the selection left the passage"
    );
    keys(&mut s, "b");
    let prompt = qarin::ui::screen_text(&s);
    assert!(prompt.contains("selection cut at its end"), "{prompt}");
    keys(&mut s, "Enter");
    let bm = &stored(data.path())[0];
    let source = &corpus::seeds()[0].paragraphs[para];
    assert_eq!(bm.paragraph, para + 1);
    assert_eq!((bm.start, bm.end), (ranges[1].start, source.len()));
    assert_eq!(bm.text, source[ranges[1].start..]);
    let status = s.status.clone().unwrap_or_default();
    assert!(
        status.contains(&format!(
            "covers ¶{} from the first selected line",
            para + 1
        )),
        "{status}"
    );
}

#[test]
fn other_keys_end_the_selection_and_do_their_job() {
    let mut s = qarin::ui::test_state(corpus::seeds(), 80, 24);
    keys(&mut s, "v j s");
    assert!(s.visual.is_none());
    assert_eq!(s.view, View::Compare);
    keys(&mut s, "v");
    assert!(s.visual.is_none(), "v works only in the reader");
    assert!(s.status.as_deref().unwrap_or("").contains("reader"));
    // A resize drops the selection (its positions are at the old width).
    keys(&mut s, "r v j");
    assert!(s.visual.is_some());
    s.resize(60, 20);
    assert!(s.visual.is_none());
}

/// The screen with a column on the left: `#` for rows drawn entirely in reverse video,
/// `~` for rows partly so, ` ` for the others.
fn reverse_map(s: &State) -> String {
    let mut buf = Buffer::empty(Rect::new(0, 0, s.size.width, s.size.height));
    qarin::ui::render(s, &mut buf);
    let text = qarin::ui::screen_text(s);
    text.lines()
        .enumerate()
        .map(|(y, line)| {
            let rev = (0..buf.area.width)
                .filter(|&x| {
                    buf[(x, y as u16)]
                        .style()
                        .add_modifier
                        .contains(Modifier::REVERSED)
                })
                .count();
            let m = match rev {
                0 => ' ',
                n if n == buf.area.width as usize => '#',
                _ => '~',
            };
            format!("{m}|{line}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn selected_lines_are_reversed_even_without_colour() {
    let mut s = State::new(
        corpus::seeds(),
        qarin::ui::keymap::Keymap::defaults(),
        Settings {
            color: false,
            ..Settings::default()
        },
        80,
        24,
    );
    cursor_to_long(&mut s, 2, 4);
    keys(&mut s, "v j j");
    let map = reverse_map(&s);
    let rows: Vec<&str> = map.lines().collect();
    // The title bar across the screen, the three selected lines across the text area
    // (the margins keep their marks), nothing else.
    let marked: Vec<usize> = (0..rows.len())
        .filter(|&y| !rows[y].starts_with(' '))
        .collect();
    assert_eq!(marked, [0, 1, 2, 3], "{map}");
    assert!(
        rows[0].starts_with('#') && rows[0].contains("VISUAL"),
        "{map}"
    );
    assert!(rows[23].contains("-- VISUAL -- 3 lines"), "{map}");
    insta::assert_snapshot!("visual_selection_80x24", map);
}

fn article_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("extra.txt");
    let paras = [
        "خبر إضافي عن كازاخستان",
        "",
        "قالت وكالة الأنباء إن عدد القتلى بلغ 225 شخصا في أعمال العنف.",
        "",
        "وأضافت أن السلطات اعتقلت نحو عشرة آلاف شخص خلال أسبوع.",
    ];
    std::fs::write(&path, paras.join("\n")).unwrap();
    path
}

/// `qarin bookmarks add PATH --paragraph N` with the data directory `data`.
fn add_with_cli(data: &Path, path: &Path, paragraph: usize) {
    let out = Command::new(env!("CARGO_BIN_EXE_qarin"))
        .env("QARIN_DATA_DIR", data)
        .args(["bookmarks", "add"])
        .arg(path)
        .args(["--paragraph", &paragraph.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn enter_on_a_bookmark_of_an_article_not_open_loads_it_and_jumps() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = article_file(files.path());
    add_with_cli(data.path(), &path, 5);
    let mut s = state_in(data.path());
    assert_eq!(s.model.len(), 5);
    keys(&mut s, "B Enter");
    assert_eq!(s.model.len(), 6, "{:?}", s.status);
    assert_eq!(s.current, 5);
    assert_eq!(s.view, View::Reader);
    assert_eq!(s.model.open[5].reader.cursor, 4);
    assert!(s.model.bookmarks.is_marked(5, 4));
    let text = qarin::ui::screen_text(&s);
    assert!(text.contains("6/6"), "{text}");
    // Opened once: a second Enter jumps without loading it again.
    keys(&mut s, "B Enter");
    assert_eq!(s.model.len(), 6);
    assert_eq!((s.current, s.model.open[5].reader.cursor), (5, 4));
}

#[test]
fn enter_on_a_bookmark_whose_file_is_gone_names_the_file() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = article_file(files.path());
    add_with_cli(data.path(), &path, 3);
    let stored_path = stored(data.path())[0].article.path.clone();
    std::fs::remove_file(&path).unwrap();
    let mut s = state_in(data.path());
    keys(&mut s, "B Enter");
    assert_eq!(s.model.len(), 5);
    assert_eq!(s.view, View::Bookmarks);
    let status = s.status.clone().unwrap_or_default();
    assert!(status.contains(&stored_path), "{status}");
    assert!(status.contains("no such file"), "{status}");
}
