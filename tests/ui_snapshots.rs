//! Whole-screen snapshots of every view on the seeds at three sizes, through the same
//! path as `qarin snapshot` (state, keys, render on ratatui's TestBackend).
//! Review changes with `cargo insta review` (or INSTA_UPDATE=always and `git diff`).

mod ui_common;

use ui_common::*;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

const VIEWS: [(&str, &str); 9] = [
    ("reader", ""),
    ("reader_paged", "Space }"),
    ("compare", "s"),
    ("compare_conflict", "s ]"),
    ("claims", "c"),
    ("library", "l"),
    ("search", "/ ت و ك ا ي ي ف Enter"),
    ("search_all", "F ت و ك ا ي ي ف Enter"),
    ("help", "?"),
];

#[test]
fn every_view_at_every_size() {
    for (cols, rows) in SIZES {
        for (name, keys_seq) in VIEWS {
            let mut state = seeds_state(cols, rows);
            keys(&mut state, keys_seq);
            let text = screen(&state);
            assert_eq!(text.lines().count(), rows as usize);
            insta::assert_snapshot!(format!("{name}_{cols}x{rows}"), text, keys_seq);
        }
    }
}

#[test]
fn too_small_screens_say_so() {
    for (cols, rows) in [(1, 1), (10, 3), (19, 40), (120, 5)] {
        let state = seeds_state(cols, rows);
        let text = screen(&state);
        assert_eq!(text.lines().count(), rows as usize);
        if cols >= 3 {
            assert!(text.contains("too"), "{cols}x{rows}: {text:?}");
        }
    }
    let state = seeds_state(20, 6);
    assert!(!screen(&state).contains("too small"));
}

/// Issue 13: labels cut to fit read alike («القتلى · …» on two rows at 80×24, one for
/// the security forces, one for civilians); a row under one of the same topic shows
/// its scope (and year), so no two rows of the table read the same.
#[test]
fn claims_rows_of_one_topic_read_apart() {
    let mut state = seeds_state(80, 24);
    keys(&mut state, "c");
    let text = screen(&state);
    let labels: Vec<String> = text
        .lines()
        .skip(2)
        .take(15)
        // The topic column: the last 10 of 80 cells (one char a cell here).
        .map(|l| format!("{l:<80}").chars().skip(70).collect::<String>())
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let alike = |a: &String| labels.iter().filter(|b| *b == a).count() > 1;
    assert!(!labels.iter().any(alike), "{labels:?}\n{text}");
    assert!(text.contains("ﺕﺍﻮﻗ ·"), "the security forces' row:\n{text}");
}
