//! The event loop: terminal events in, actions on the state, a redraw when something
//! changed. All decisions are in `State`; this file only translates events.

use std::io;
use std::time::Duration;

use crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::keymap::Key;
use super::state::{MouseInput, State};
use super::term;

/// The keys a crossterm key event stands for. qarin binds no Alt keys: an Alt key is
/// how a terminal's `Esc` followed at once by a key reads when both bytes come in one
/// read (`Esc` then `o` on a busy machine, or over a slow link), so it is both keys —
/// taken as the key alone, the `Esc` was lost (help stayed open and took the `o`).
pub fn keys_of(ev: &KeyEvent) -> Vec<Key> {
    let Some(key) = key_of(ev) else {
        return Vec::new();
    };
    if ev.modifiers.contains(KeyModifiers::ALT) {
        vec![Key::Esc, key]
    } else {
        vec![key]
    }
}

/// A crossterm key as a qarin `Key` (modifiers other than Ctrl and Shift ignored);
/// `None` for keys qarin does not use.
pub fn key_of(ev: &KeyEvent) -> Option<Key> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    Some(match ev.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    })
}

/// Runs the reader until the user quits. The terminal is restored on return, on error
/// and on panic.
pub fn run(mut state: State, explicit_bidi: bool) -> anyhow::Result<()> {
    term::enter(explicit_bidi, state.keymap.mouse)?;
    let _guard = term::Guard;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    state.resize(size.width, size.height);
    let mut dirty = true;
    while !state.quit {
        if state.suspend {
            state.suspend = false;
            term::suspend();
        }
        if let Some(text) = state.clipboard.take() {
            use std::io::Write;
            let mut out = io::stdout();
            out.write_all(super::copy::osc52(&text).as_bytes())?;
            out.flush()?;
        }
        if std::mem::take(&mut state.redraw) {
            terminal.clear()?;
            dirty = true;
        }
        if term::take_resumed() {
            // The terminal was set up again: draw every cell, not a diff.
            terminal.clear()?;
            dirty = true;
        }
        // Bookmarks re-found (and articles hashed) on the worker thread are shown when
        // they are ready.
        dirty |= super::bookmarks_attach::poll(&mut state);
        // A folder grouped into stories on its worker thread fills the library.
        dirty |= super::story_grouping::poll(&mut state);
        // Keys already waiting (fast typing, a paste) are handled before the next frame:
        // one search and one draw for the lot.
        if dirty && !event::poll(Duration::ZERO)? {
            state.settle();
            terminal.draw(|f| super::render(&state, f.buffer_mut()))?;
            test_panic_after_draw();
            dirty = false;
        }
        // While claims are analysed or texts indexed in the background, wake up now and
        // then: for the result, and to show the progress.
        let texts = state.model.stories.as_mut().and_then(|l| l.text.as_mut());
        let indexing = texts.as_ref().is_some_and(|t| t.progress().is_some());
        if let Some(t) = texts
            && t.poll()
        {
            dirty = true;
        }
        let grouping = super::story_grouping::progress(&state).is_some();
        if state.model.analysing.is_some() || indexing || grouping {
            if state.poll_analysis() {
                dirty = true;
                continue;
            }
            if !event::poll(Duration::from_millis(250))? {
                dirty = true;
                continue;
            }
        }
        // Idle: wake now and then to notice a resume after a suspend (SIGCONT).
        if !dirty && !event::poll(Duration::from_millis(200))? {
            continue;
        }
        // Only events that reach the state cause a redraw.
        dirty |= match event::read()? {
            Event::Paste(text) => {
                state.paste(&text);
                true
            }
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let keys = keys_of(&k);
                for key in &keys {
                    state.key(*key);
                }
                !keys.is_empty()
            }
            Event::Mouse(m) => {
                let (x, y) = (m.column, m.row);
                let input = match m.kind {
                    MouseEventKind::ScrollUp => Some(MouseInput::WheelUp { x, y }),
                    MouseEventKind::ScrollDown => Some(MouseInput::WheelDown { x, y }),
                    MouseEventKind::Down(MouseButton::Left) => Some(MouseInput::Click { x, y }),
                    _ => None,
                };
                match input {
                    Some(i) => {
                        state.mouse(i);
                        true
                    }
                    None => false,
                }
            }
            Event::Resize(w, h) => {
                state.resize(w, h);
                terminal.autoresize()?;
                true
            }
            _ => false,
        };
    }
    // Quitting went on; the terminal is restored (the guard) before this is printed.
    if let Some(e) = state.model.stories.as_mut().and_then(|l| l.failed.take()) {
        anyhow::bail!(e);
    }
    if let Some(unsaved) = state.model.bookmarks.unsaved.take() {
        anyhow::bail!(unsaved);
    }
    Ok(())
}

/// TEST ONLY: `QARIN_TEST_PANIC=after-draw` panics once a screen is drawn, so that
/// tests/terminal_restore.rs can check that a panic leaves the terminal as it found it.
fn test_panic_after_draw() {
    if std::env::var_os("QARIN_TEST_PANIC").is_some_and(|v| v == "after-draw") {
        panic!("QARIN_TEST_PANIC=after-draw: panic injected for a test");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alt_key_is_esc_then_the_key() {
        let alt_o = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::ALT);
        assert_eq!(keys_of(&alt_o), [Key::Esc, Key::Char('o')]);
        let o = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::NONE);
        assert_eq!(keys_of(&o), [Key::Char('o')]);
        let esc_c_c = KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::ALT | KeyModifiers::CONTROL,
        );
        assert_eq!(keys_of(&esc_c_c), [Key::Esc, Key::Ctrl('c')]);
        let esc_esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::ALT);
        assert_eq!(keys_of(&esc_esc), [Key::Esc, Key::Esc]);
        let unused = KeyEvent::new(KeyCode::Insert, KeyModifiers::ALT);
        assert!(keys_of(&unused).is_empty());
    }
}
