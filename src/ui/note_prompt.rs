//! The text prompts of the bookmarks: the note editor (`b`, `e`) and the list filter
//! (`/` in `B`), their keys and their drawing on the bottom rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::bookmarks::display::safe_line;

use super::action::Action;
use super::bookmarks_view::*;
use super::draw::{self, Align};
use super::keymap::Key;
use super::layers::{self, Input, LayerOps};
use super::state::State;

// ---- typed text -----------------------------------------------------------------

/// The note and filter prompts as a layer.
pub struct NoteLayer;

impl LayerOps for NoteLayer {
    fn key(&self, state: &mut State, key: Key) {
        state.status = None;
        let Some(input) = layers::prompt_input(state, key) else {
            return;
        };
        if state.bookmark_list.prompt.is_some() {
            note_input(state, input);
        } else {
            filter_input(state, input);
        }
    }

    fn paste(&self, state: &mut State, line: &str) {
        let b = &mut state.bookmark_list;
        match b.prompt.as_mut() {
            Some(p) => p.text.insert(line),
            None if b.filtering => {
                b.filter.push_str(line);
                b.sel = 0;
            }
            None => {}
        }
    }

    fn draw(&self, state: &State, buf: &mut Buffer) {
        draw_prompt(state, buf);
    }
}

fn note_input(state: &mut State, input: Input) {
    let Some(prompt) = state.bookmark_list.prompt.as_mut() else {
        return;
    };
    match input {
        Input::Text(c) => prompt.text.insert(c.encode_utf8(&mut [0; 4])),
        Input::Act(Action::Cancel) => state.bookmark_list.prompt = None,
        Input::Act(Action::Accept) => {
            if let Some(p) = state.bookmark_list.prompt.take() {
                save_note(state, p);
            }
        }
        Input::Act(a) => {
            prompt.text.act(a);
        }
    }
}

fn save_note(state: &mut State, p: NotePrompt) {
    let note = Some(p.text.into_string()).filter(|t| !t.trim().is_empty());
    let b = &mut state.model.bookmarks;
    let result = match p.target {
        NoteTarget::New(mut nb) => {
            nb.note = note;
            b.session.add(*nb).map(|bm| {
                format!(
                    "bookmarked ¶{} as {} (B lists, u undoes)",
                    bm.paragraph, bm.id
                )
            })
        }
        NoteTarget::Edit(id) => b
            .session
            .set_note(id, note)
            .map(|_| format!("note of bookmark {id} saved (u undoes)")),
    };
    state.status = Some(match (result, p.notice) {
        (Ok(msg), Some(n)) => format!("{msg}; {n}"),
        (Ok(msg), None) => msg,
        (Err(e), _) => safe_line(&e.to_string()),
    });
    state.refresh_bookmarks();
}

fn filter_input(state: &mut State, input: Input) {
    let b = &mut state.bookmark_list;
    match input {
        Input::Text(c) => b.filter.push(c),
        Input::Act(Action::Accept) => b.filtering = false,
        Input::Act(Action::Cancel) => {
            b.filtering = false;
            b.filter.clear();
        }
        Input::Act(a) => {
            layers::edit_at_end(&mut b.filter, a);
        }
    }
    b.sel = 0;
}

/// The note or filter prompt over the status bar, the typed text laid out (so Arabic
/// reads right-to-left) after its label.
pub fn draw_prompt(state: &State, buf: &mut Buffer) {
    let b = &state.bookmark_list;
    // The typed text, and where its cursor is (the filter's is at its end).
    let (label, text, cursor) = match (&b.prompt, b.filtering) {
        (Some(p), _) => {
            let label = match &p.target {
                NoteTarget::New(nb) if p.notice.is_some() => format!(
                    " note for ¶{} (selection cut at its end; Enter saves, Esc cancels): ",
                    nb.paragraph
                ),
                NoteTarget::New(nb) => {
                    format!(" note for ¶{} (Enter saves, Esc cancels): ", nb.paragraph)
                }
                NoteTarget::Edit(id) => {
                    format!(" note of bookmark {id} (Enter saves, Esc cancels): ")
                }
            };
            (label, p.text.as_str(), p.text.cursor())
        }
        (None, true) => (
            " filter bookmarks (Enter done, Esc clears): ".to_owned(),
            b.filter.as_str(),
            b.filter.len(),
        ),
        (None, false) => return,
    };
    let size = buf.area;
    let theme = state.theme();
    let row = Rect::new(size.x, size.bottom().saturating_sub(1), size.width, 1);
    draw::fill(buf, row, theme.bar());
    for x in row.left()..row.right() {
        draw::put(buf, x, row.y, " ", theme.bar());
    }
    let lw = (label.chars().count() as u16).min(row.width);
    draw::text(
        state,
        buf,
        Rect::new(row.x, row.y, lw, 1),
        &label,
        theme.bar(),
        Align::Left,
    );
    // The cursor is a mark laid out with the text at its logical place, so it stands
    // between the right letters in either direction; what is before it shows its end.
    let area = Rect::new(row.x + lw, row.y, row.width.saturating_sub(lw + 1), 1);
    let (before, after) = text.split_at(cursor.min(text.len()));
    let after: String = safe_line(
        &after
            .chars()
            .take(usize::from(area.width) * 4)
            .collect::<String>(),
    );
    let shown = format!("{}▏{after}", shown_tail(before, area.width as usize));
    draw::text(state, buf, area, &shown, theme.bar(), Align::Auto);
}

/// The end of `s` that fits in `width` columns less one for the cursor: a long note
/// keeps what is being typed in view. Walks back from the end, so the cost is that of
/// what is shown (plus zero-width characters), whatever the length of `s`.
fn tail(s: &str, width: usize) -> &str {
    use unicode_width::UnicodeWidthChar;
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        used += c.width().unwrap_or(0);
        if used > room {
            break;
        }
        start = i;
    }
    &s[start..]
}

/// What a prompt shows of `text` in `width` columns: the end of it, made safe. Only
/// the end is escaped, so a 1 MB note draws as fast as a short one.
pub fn shown_tail(text: &str, width: usize) -> String {
    // Escaping only lengthens text, and harakat take no column: the last 4 × `width`
    // chars hold all that can show.
    let from = text
        .char_indices()
        .rev()
        .nth(width.saturating_mul(4))
        .map_or(0, |(i, c)| i + c.len_utf8());
    tail(&safe_line(&text[from..]), width).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_notes_show_their_end() {
        assert_eq!(tail("abcdef", 4), "def");
        assert_eq!(tail("ملاحظة طويلة", 6), "طويلة");
        assert_eq!(tail("ab", 10), "ab");
        assert_eq!(tail("ab", 0), "");
    }

    #[test]
    fn columns_fit_the_width() {
        for w in [20u16, 49, 50, 69, 70, 120] {
            let ws = crate::ui::bookmarks_draw::widths(w);
            assert!(ws.iter().sum::<u16>() <= w, "{w}: {ws:?}");
            assert!(ws[1] > 0, "{w}: the passage always shows");
        }
    }
}
