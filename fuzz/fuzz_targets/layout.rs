//! Layout engine: arbitrary text, width and modes. Besides "no panic, no hang", checks
//! the `Line` contract: no control or bidi character printed, width respected, cells
//! tile the text, sources inside the paragraph, same breaks in both bidi modes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qarin::layout::{
    BidiMode, Direction, Line, Options, TextWriter, layout_paragraph, layout_paragraph_text,
};

fuzz_target!(|data: &[u8]| {
    let [w, flags, rest @ ..] = data else { return };
    let text = String::from_utf8_lossy(rest);
    let direction = match (flags >> 2) & 3 {
        1 => Some(Direction::Ltr),
        2 => Some(Direction::Rtl),
        _ => None,
    };
    let opts = Options {
        width: usize::from(*w % 160) + 1,
        bidi: if flags & 1 == 0 { BidiMode::App } else { BidiMode::Terminal },
        shape: flags & 2 == 0,
        direction,
    };
    let lines = layout_paragraph(&text, &opts);
    assert!(!lines.is_empty(), "a paragraph gives at least one line");
    for line in &lines {
        check_line(line, &text, opts.width);
    }
    // `--bidi terminal` gives the same lines and breaks as `--bidi app`.
    let other = Options {
        bidi: match opts.bidi {
            BidiMode::App => BidiMode::Terminal,
            BidiMode::Terminal => BidiMode::App,
        },
        ..opts
    };
    let other_lines = layout_paragraph(&text, &other);
    let breaks = |ls: &[Line]| ls.iter().map(|l| l.source.clone()).collect::<Vec<_>>();
    assert_eq!(breaks(&lines), breaks(&other_lines), "bidi modes break differently");
    // `qarin render`'s writer (a lean path for plain paragraphs) prints what the general
    // path prints.
    let align = flags & 16 != 0;
    let mut fast = Vec::new();
    TextWriter::new(opts, align).write(&text, &mut fast);
    let mut general = Vec::new();
    layout_paragraph_text(&text, &opts, |line| {
        let indent = if align { line.indent(opts.width) } else { 0 };
        general.resize(general.len() + indent, b' ');
        general.extend_from_slice(line.text.as_bytes());
        general.push(b'\n');
    });
    assert_eq!(fast, general, "TextWriter differs from the general path");
});

fn check_line(line: &Line, para: &str, width: usize) {
    for c in line.text.chars() {
        assert!(!c.is_control(), "control {c:?} in {:?}", line.text);
        assert!(!is_bidi_control(c), "bidi control {c:?} in {:?}", line.text);
        assert!(c != '\u{FDF2}', "one-cell Allah ligature printed");
    }
    let mut at = 0;
    let mut sum = 0;
    for cell in &line.cells {
        assert_eq!(cell.text.start, at, "cells do not tile the text");
        assert!(line.text.is_char_boundary(cell.text.end));
        at = cell.text.end;
        sum += cell.width;
        assert!(cell.source.start <= cell.source.end && cell.source.end <= para.len());
        assert!(para.is_char_boundary(cell.source.start) && para.is_char_boundary(cell.source.end));
    }
    assert_eq!(at, line.text.len(), "cells do not cover the text");
    assert_eq!(sum, line.width, "line width is not the sum of its cells");
    // A single cluster wider than the whole width (a CJK char at width 1) cannot fit.
    assert!(line.width <= width || line.cells.len() == 1, "line of {} columns at width {width}", line.width);
    assert!(line.source.start <= line.source.end && line.source.end <= para.len());
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}
