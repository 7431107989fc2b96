//! Highlights land on the right cells of the bidi-rendered screen: claim numbers (by
//! topic, conflicts bold and underlined) and search matches.

mod ui_common;

use qarin::ui::render;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ui_common::*;

fn buffer(state: &qarin::ui::state::State) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, state.size.width, state.size.height));
    render(state, &mut buf);
    buf
}

/// Cells (x, y) whose symbols spell `word` left to right on one row.
fn find(buf: &Buffer, word: &str) -> Vec<(u16, u16)> {
    let chars: Vec<String> = word.chars().map(|c| c.to_string()).collect();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width.saturating_sub(chars.len() as u16) {
            if chars
                .iter()
                .enumerate()
                .all(|(i, c)| buf[(x + i as u16, y)].symbol() == c)
            {
                return (0..chars.len() as u16).map(|i| (x + i, y)).collect();
            }
        }
    }
    Vec::new()
}

#[test]
fn conflicting_claim_numbers_are_marked_in_the_reader() {
    let mut state = fixture_state(100, 30);
    let para = state.model.analysis.claims[0].paragraph - 1;
    while state.model.open[0].reader.cursor < para {
        keys(&mut state, "}");
    }
    let buf = buffer(&state);
    let cells = find(&buf, "2000");
    assert_eq!(cells.len(), 4, "2000 on screen");
    for (x, y) in &cells {
        let st = buf[(*x, *y)].style();
        assert!(
            st.add_modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED),
            "{st:?}"
        );
        assert!(
            !matches!(st.fg, None | Some(Color::Reset)),
            "coloured by topic"
        );
    }
    // The conflict mark sits in the margin of that row.
    let row = cells[0].1;
    let marks: String = (0..buf.area.width)
        .map(|x| buf[(x, row)].symbol().to_owned())
        .collect();
    assert!(marks.contains('!'), "{marks}");
    // Text that is no claim is plain.
    let plain = find(&buf, "250");
    if let Some((x, y)) = plain.first() {
        let fg = buf[(*x, *y)].style().fg;
        assert!(matches!(fg, None | Some(Color::Reset)), "{fg:?}");
    }
}

#[test]
fn the_current_search_match_is_highlighted_where_it_is_drawn() {
    let mut state = seeds_state(100, 30);
    keys(&mut state, "/");
    type_text(&mut state, "2000");
    keys(&mut state, "Enter");
    assert!(!state.search.matches.is_empty());
    let buf = buffer(&state);
    let cells = find(&buf, "2000");
    assert_eq!(cells.len(), 4);
    for (x, y) in cells {
        assert_eq!(buf[(x, y)].style().bg, Some(Color::Yellow));
    }
}
