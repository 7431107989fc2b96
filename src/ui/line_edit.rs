//! A line of typed text with a cursor: the note editor's. Pure (no terminal types).
//! Left and Right move the way the text runs on screen: in right-to-left text (its
//! first strong letter Arabic) Left goes on toward the end, as in an Arabic editor.

use super::action::Action;

/// Typed text and a cursor (a byte offset on a char boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    cursor: usize,
}

/// Text to edit, the cursor at its end.
impl From<String> for LineEdit {
    fn from(text: String) -> LineEdit {
        LineEdit {
            cursor: text.len(),
            text,
        }
    }
}

impl LineEdit {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn into_string(self) -> String {
        self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Inserts `s` at the cursor (a paste, a typed character).
    pub fn insert(&mut self, s: &str) {
        self.text.insert_str(self.cursor, s);
        self.cursor += s.len();
    }

    /// An editing action of the prompt (`[prompt]` keys: Backspace, Left/Right,
    /// Home/End, C-u to the start, C-k to the end, C-w the word before). `false` for
    /// the others.
    pub fn act(&mut self, action: Action) -> bool {
        let rtl = first_strong_is_rtl(&self.text);
        match action {
            Action::DeleteBack => {
                let p = self.prev();
                self.text.replace_range(p..self.cursor, "");
                self.cursor = p;
            }
            Action::CursorLeft if rtl => self.cursor = self.next(),
            Action::CursorLeft => self.cursor = self.prev(),
            Action::CursorRight if rtl => self.cursor = self.prev(),
            Action::CursorRight => self.cursor = self.next(),
            Action::LineStart => self.cursor = 0,
            Action::LineEnd => self.cursor = self.text.len(),
            Action::KillToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Action::KillToEnd => self.text.truncate(self.cursor),
            Action::KillWord => {
                let before = &self.text[..self.cursor];
                let start = before
                    .trim_end()
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + 1);
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            _ => return false,
        }
        true
    }

    fn prev(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }
}

/// Whether the text's first strong letter is right-to-left (Arabic, Hebrew…).
fn first_strong_is_rtl(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keymap::{Key, Keymap, Table};

    /// A key as the prompt takes it with the default keys.
    trait Press {
        fn key(&mut self, key: Key) -> bool;
    }

    impl Press for LineEdit {
        fn key(&mut self, key: Key) -> bool {
            match (Keymap::defaults().action_in(key, Table::Prompt), key) {
                (Some(a), _) => self.act(a),
                (None, Key::Char(c)) => {
                    self.insert(c.encode_utf8(&mut [0; 4]));
                    true
                }
                _ => false,
            }
        }
    }

    fn typed(s: &str) -> LineEdit {
        let mut e = LineEdit::default();
        e.insert(s);
        e
    }

    #[test]
    fn the_cursor_moves_and_text_goes_in_where_it_is() {
        let mut e = typed("abd");
        e.key(Key::Left);
        e.key(Key::Char('c'));
        assert_eq!(e.as_str(), "abcd");
        e.key(Key::Home);
        e.key(Key::Char('>'));
        e.key(Key::End);
        e.key(Key::Backspace);
        assert_eq!(e.as_str(), ">abc");
        e.key(Key::Left);
        e.key(Key::Ctrl('k'));
        assert_eq!(e.as_str(), ">ab");
        e.key(Key::Ctrl('w'));
        assert_eq!((e.as_str(), e.cursor()), ("", 0));
        assert!(!e.key(Key::Enter), "Enter is no edit");
    }

    #[test]
    fn in_arabic_left_goes_on_toward_the_end() {
        let mut e = typed("سلام");
        e.key(Key::Right);
        e.key(Key::Right);
        assert_eq!(e.cursor(), "سل".len());
        e.key(Key::Char('ا'));
        assert_eq!(e.as_str(), "سلاام");
        e.key(Key::Left);
        assert_eq!(e.cursor(), "سلاا".len());
        e.key(Key::Ctrl('u'));
        assert_eq!(e.as_str(), "م");
        // Movement stops at both ends, on char boundaries.
        for _ in 0..5 {
            e.key(Key::Left);
            e.key(Key::Backspace);
        }
        assert_eq!(e.as_str(), "");
    }
}
