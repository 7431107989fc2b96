//! The reader's key replay (`qarin snapshot`): arbitrary keys, mouse events and
//! resizes on two seed articles plus, optionally, an arbitrary one, drawing the screen after
//! every event as the interactive loop does.
//!
//! Input: `cols rows` then event bytes up to the first NUL, then (optionally) the text
//! of an extra article. Each event byte picks a key from `KEYS` (the bound keys first);
//! 0xF0-0xF3 are wheel up/down, click and resize, taking two more bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qarin::corpus::{self, Article};
use qarin::ui::keymap::Key;
use qarin::ui::state::MouseInput;
use qarin::ui::{screen_text, test_state};

const KEYS: &[Key] = &[
    Key::Char('j'), Key::Char('k'), Key::Char(' '), Key::Char('g'), Key::Char('G'),
    Key::Char('}'), Key::Char('{'), Key::Tab, Key::BackTab, Key::Left, Key::Right,
    Key::Char('h'), Key::Char('r'), Key::Char('s'), Key::Char('c'), Key::Char('l'),
    Key::Char(']'), Key::Char('['), Key::Char('t'), Key::Char('T'), Key::Char('f'),
    Key::Char('o'), Key::Char('/'), Key::Char('F'), Key::Char('n'), Key::Char('N'),
    Key::Enter, Key::Esc, Key::Char('b'), Key::Char('B'), Key::Char('?'), Key::Up,
    Key::Down, Key::PageUp, Key::PageDown, Key::Home, Key::End, Key::Backspace,
    Key::Char('ق'), Key::Char('ا'), Key::Char('2'), Key::Char('0'), Key::Char('\u{202e}'),
    Key::Char('\u{1b}'), Key::Char('\u{64e}'), Key::Ctrl('u'), Key::Ctrl('d'), Key::Ctrl('c'),
];

fuzz_target!(|data: &[u8]| {
    // Bookmark keys must not write into the user's data directory.
    // SAFETY: set once before anything reads the environment (single-threaded start).
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(|| unsafe {
        let dir = std::env::temp_dir().join("qarin-fuzz-data");
        std::env::set_var("QARIN_DATA_DIR", &dir);
        std::env::set_var("XDG_CONFIG_HOME", &dir);
    });
    let [cols, rows, rest @ ..] = data else { return };
    let (events, text) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    // Two seeds that disagree (a conflict group for the claims views), kept few: the
    // state lays out and analyses every article on each run.
    let mut articles: Vec<Article> = corpus::seeds().into_iter().skip(3).collect();
    if let Some(text) = text {
        let text = String::from_utf8_lossy(text);
        let mut a: Article = articles[0].clone();
        a.id = "999".into();
        a.name = "999_fuzz.txt".into();
        a.path = "fuzz/999_fuzz.txt".into();
        a.paragraphs = corpus::split_paragraphs(&text).into();
        articles.insert(0, a);
    }
    let mut state = test_state(articles, u16::from(*cols % 200) + 1, u16::from(*rows % 60) + 1);
    let mut events = events.iter().take(64);
    while let Some(&b) = events.next() {
        if state.quit {
            break;
        }
        let mut next = || u16::from(events.next().copied().unwrap_or(0));
        match b {
            0xF0 => state.mouse(MouseInput::WheelUp { x: next(), y: next() }),
            0xF1 => state.mouse(MouseInput::WheelDown { x: next(), y: next() }),
            0xF2 => state.mouse(MouseInput::Click { x: next(), y: next() }),
            0xF3 => state.resize(next() % 200 + 1, next() % 60 + 1),
            _ => state.key(KEYS[usize::from(b) % KEYS.len()]),
        }
        state.settle();
        let screen = screen_text(&state);
        assert!(
            !screen.chars().any(|c| c.is_control() && c != '\n'),
            "control character on screen"
        );
        assert!(
            !screen.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "bidi control on screen"
        );
    }
});
