use super::chars::{EXTRA, LOW_END};
use super::*;
use crate::layout::layout_paragraph_text;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// What `qarin render` printed before this path: the general path's lines.
fn general(text: &str, opts: &Options, align: bool) -> Vec<u8> {
    let mut out = Vec::new();
    layout_paragraph_text(text, opts, |line| {
        let indent = if align { line.indent(opts.width) } else { 0 };
        out.resize(out.len() + indent, b' ');
        out.extend_from_slice(line.text.as_bytes());
        out.push(b'\n');
    });
    out
}

fn plain(text: &str, opts: &Options, align: bool) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    write(&mut Scratch::default(), text, opts, align, &mut out).then_some(out)
}

fn plain_text() -> impl Strategy<Value = String> {
    // Harakat mostly come right after a letter, as in real text; a few stray ones
    // check the paragraphs this path must leave alone.
    let pieces = prop::sample::select(vec![
        "ب",
        "ل",
        "ا",
        "أ",
        "آ",
        "إ",
        "ء",
        "ة",
        "ى",
        "ي",
        "ـ",
        "ك",
        "و",
        "ر",
        "ٱ",
        "ۀ",
        "لا",
        "بَ",
        "لَّ",
        "لًا",
        "ل\u{064E}أ\u{0651}",
        "اً",
        "ٰ",
        "1\u{064E}",
        "(\u{0651}",
        "\u{065F}",
        " ",
        "  ",
        "   ",
        "a",
        "Z",
        "word",
        "1",
        "23",
        "٣",
        "٫",
        "٬",
        "(",
        ")",
        "[",
        "]",
        "{",
        "«",
        "»",
        "“",
        "”",
        "\"",
        "'",
        "،",
        "؛",
        "؟",
        "!",
        "?",
        ".",
        ",",
        ":",
        ";",
        "-",
        "–",
        "|",
        "#",
        "=",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None,
        ..ProptestConfig::default() })]

    #[test]
    fn prints_what_the_general_path_prints(
        text in plain_text(),
        width in 1usize..40,
        shape: bool,
        terminal: bool,
        align: bool,
        direction in prop::option::of(prop_oneof![Just(Direction::Ltr), Just(Direction::Rtl)]),
    ) {
        let opts = Options {
            width,
            shape,
            bidi: if terminal { BidiMode::Terminal } else { BidiMode::App },
            direction,
        };
        if let Some(ours) = plain(&text, &opts, align) {
            let theirs = general(&text, &opts, align);
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
    }
}

#[test]
fn takes_plain_paragraphs_and_leaves_the_rest() {
    let opts = Options::default();
    for text in ["", "abc", "بَيْتٌ كبير، «نعم» – a (b) 12.5-3", "لَا إله"]
    {
        assert_eq!(
            plain(text, &opts, true),
            Some(general(text, &opts, true)),
            "{text:?}"
        );
    }
    for text in [
        "\u{064E}ب",
        "a\tb",
        "אב",
        "10%",
        "a \u{064E}b",
        "1,\u{064E}2",
        "😀",
    ] {
        assert_eq!(plain(text, &opts, true), None, "{text:?}");
    }
}

#[test]
fn seed_paragraphs_take_this_path_and_print_the_same() {
    let mut taken = 0;
    for article in crate::corpus::seeds() {
        for para in &article.paragraphs {
            for width in [20, 80] {
                let opts = Options::default().with_width(width);
                if let Some(ours) = plain(para, &opts, true) {
                    assert_eq!(ours, general(para, &opts, true), "{para:?}");
                    taken += 1;
                }
            }
        }
    }
    assert!(
        taken > 40,
        "only {taken} seed paragraphs took the plain path"
    );
}

#[test]
fn a_base_with_harakat_is_one_column() {
    let table = table();
    let bases = (0..LOW_END).chain(EXTRA.map(u32::from));
    let marks: Vec<char> = (0..LOW_END)
        .filter(|&u| lookup(table, u).kind == Kind::Mark)
        .filter_map(char::from_u32)
        .collect();
    for b in bases.filter(|&u| lookup(table, u).kind == Kind::Base) {
        let b = char::from_u32(b).unwrap_or(' ');
        for &m in &marks {
            assert_eq!(format!("{b}{m}").width(), 1, "{b:?} {m:?}");
            assert_eq!(format!("{b}{m}{m}").width(), 1, "{b:?} {m:?}");
        }
    }
}
