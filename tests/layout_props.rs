//! Property tests of the layout engine on random mixes of Arabic, Latin, digits,
//! harakat, brackets, spaces and controls, at widths 1–200.

use proptest::prelude::*;
use qarin::layout::{self, BidiMode, Direction, Line, Options, PLACEHOLDER};
use unicode_width::UnicodeWidthStr;

const PIECES: &[&str] = &[
    // Arabic letters, lam-alef pairs, tatweel, Arabic-Indic digits, Arabic comma.
    "ب", "ت", "ل", "ا", "م", "ي", "ء", "ة", "ى", "ه", "لا", "لأ", "لآ", "ـ", "٣", "٠", "،",
    // Harakat (also lone, after controls or spaces).
    "\u{064B}", "\u{064E}", "\u{0650}", "\u{0651}", "\u{0652}", "\u{0670}",
    // Latin, digits, punctuation, Hebrew, a wide CJK char and an emoji.
    "a", "Z", "q", "1", "9", "2.5", ".", ",", "-", "%", "א", "ש", "漢", "😀",
    // Brackets and quotes.
    "(", ")", "[", "]", "«", "»", "{", "}", "\u{201C}", "\u{201D}", // Spaces.
    " ", " ", " ", "  ", "\t", "\u{00A0}",
    // Controls: ESC, BEL, DEL, C1 (NEL, CSI), and bidi controls.
    "\u{1b}", "\u{7}", "\u{7f}", "\u{85}", "\u{9b}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}",
    "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}",
    "\u{200C}", "\u{200D}", "\u{2029}",
];

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = Options> {
    (
        1usize..=200,
        any::<bool>(),
        any::<bool>(),
        prop::option::of(prop_oneof![Just(Direction::Ltr), Just(Direction::Rtl)]),
    )
        .prop_map(|(width, shape, app, direction)| Options {
            width,
            shape,
            bidi: if app {
                BidiMode::App
            } else {
                BidiMode::Terminal
            },
            direction,
        })
}

fn mirror(c: char) -> char {
    unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c)
}

/// Checks one cell of `line` against the paragraph bytes it claims to show.
fn check_cell(text: &str, line: &Line, i: usize, opts: &Options) -> Result<(), TestCaseError> {
    let cell = &line.cells[i];
    let shown = line.cell_text(i);
    let src = &text[cell.source.clone()];
    prop_assert_eq!(shown.width(), cell.width, "cell {:?} of {:?}", shown, src);
    prop_assert!(
        !shown.chars().any(layout::is_dropped),
        "control printed: {:?}",
        shown
    );
    prop_assert!(!shown.contains('\u{FDF2}'), "Allah ligature in {:?}", shown);
    if shown.is_empty() {
        // Documented drops: controls, and a whitespace cluster hanging past a line end.
        prop_assert!(
            src.chars().all(layout::is_dropped) || src.starts_with(char::is_whitespace),
            "{:?} vanished",
            src
        );
        return Ok(());
    }
    if shown == PLACEHOLDER.to_string() && src.width() > opts.width {
        return Ok(());
    }
    let mut s = src.chars();
    let mut d = shown.chars();
    let (first, head) = (s.next(), d.next());
    if opts.shape {
        // The head may be a presentation form; everything after it is the cluster's
        // marks, in logical order (lam-alef: the lam's marks, then the alef's).
        let rest: String = src
            .chars()
            .skip(1)
            .filter(|c| !"اأآإ".contains(*c))
            .collect();
        prop_assert_eq!(d.collect::<String>(), rest, "marks of {:?}", src);
    } else {
        prop_assert_eq!(
            d.collect::<String>(),
            s.collect::<String>(),
            "cell of {:?}",
            src
        );
        let ok = head == first
            || head.zip(first).is_some_and(|(h, f)| h == mirror(f))
            || (first == Some('\t') && head == Some(' '));
        prop_assert!(ok, "{:?} shown as {:?}", src, shown);
    }
    // Harakat never precede their letter: a mark opens a cell only if its cluster
    // had no letter (a lone mark after a control).
    if head.is_some_and(is_mark) {
        prop_assert!(
            first.is_some_and(is_mark),
            "mark moved before its letter: {:?}",
            shown
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 400,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn lines_fit_tile_the_paragraph_and_show_every_char(text in paragraph(), opts in options()) {
        let lines = layout::layout_paragraph(&text, &opts);
        prop_assert!(!lines.is_empty());
        let mut at = 0;
        for line in &lines {
            prop_assert!(line.width <= opts.width, "{} > {}", line.width, opts.width);
            // (Per cell: unicode-width counts lam + alef as one column at string level.)
            prop_assert_eq!(line.width, line.cells.iter().map(|c| c.width).sum::<usize>());
            prop_assert_eq!(line.source.start, at, "lines out of order");
            at = line.source.end;
            // The line's cells cover its source range, each byte once.
            let mut srcs: Vec<_> = line.cells.iter().map(|c| c.source.clone()).collect();
            srcs.sort_by_key(|r| r.start);
            let mut b = line.source.start;
            for r in &srcs {
                prop_assert_eq!(r.start, b, "cells do not tile the line");
                b = r.end;
            }
            prop_assert_eq!(b, line.source.end);
            let mut t = 0;
            for (i, c) in line.cells.iter().enumerate() {
                prop_assert_eq!(c.text.start, t);
                t = c.text.end;
                check_cell(&text, line, i, &opts)?;
            }
            prop_assert_eq!(t, line.text.len());
        }
        prop_assert_eq!(at, text.len());
    }

    #[test]
    fn terminal_mode_breaks_where_app_mode_does(text in paragraph(), opts in options()) {
        let app = layout::layout_paragraph(&text, &opts.with_bidi(BidiMode::App));
        let term = layout::layout_paragraph(&text, &opts.with_bidi(BidiMode::Terminal));
        let a: Vec<_> = app.iter().map(|l| l.source.clone()).collect();
        let t: Vec<_> = term.iter().map(|l| l.source.clone()).collect();
        prop_assert_eq!(a, t);
        for l in &term {
            // Logical order: sources ascend left to right.
            prop_assert!(l.cells.windows(2).all(|w| w[0].source.end <= w[1].source.start));
        }
    }
}
