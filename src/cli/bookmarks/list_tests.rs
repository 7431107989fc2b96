//! Tests of `bookmarks list` (`list.rs`).

use super::*;
use crate::bookmarks::ArticleRef;
use crate::layout::BidiMode;
use unicode_width::UnicodeWidthStr;

pub(in crate::cli::bookmarks) fn bm(note: &str) -> Bookmark {
    Bookmark {
        id: 4,
        article: ArticleRef {
            path: "/tmp/x`y.txt".into(),
            hash: "h".into(),
            id: "003".into(),
            title: "عنوان #1".into(),
            outlet: "جريدة".into(),
            extra: Default::default(),
        },
        paragraph: 14,
        start: 0,
        end: 10,
        text: "أرسلت روسيا *2500* جندي".into(),
        note: Some(note.into()),
        created: "2026-11-21T12:00:00Z".into(),
        extra: Default::default(),
    }
}

fn style(width: usize) -> TextStyle {
    TextStyle {
        width,
        bidi: BidiMode::Terminal,
        shape: false,
    }
}

#[test]
fn table_shows_status_and_safe_note() {
    let b = bm("a\u{2066}b");
    let lines = table_lines(&[(&b, Found::At(Anchor::Lost))], &style(120));
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(
        lines[0].starts_with("id │ article │ para │ created"),
        "{lines:#?}"
    );
    assert!(
        lines[2].contains(" 003 ")
            && lines[2].contains("2026-11-21 12:00")
            && lines[2].contains(" lost ")
            && lines[2].contains("أرسلت روسيا *2500* جندي")
            && lines[2].ends_with("a<U+2066>b"),
        "{lines:#?}"
    );
}

#[test]
fn table_fits_any_width() {
    let mut b = bm(&"ملاحظة طويلة ".repeat(20));
    b.text = "قتل 12 شخصا في الهجوم ".repeat(10);
    let rows = [(&b, Found::Missing), (&b, Found::At(Anchor::Lost))];
    for width in [20, 50, 80, 200] {
        let lines = table_lines(&rows, &style(width));
        for l in &lines {
            assert!(l.width() <= width, "{width}: {l:?}");
        }
        let text = lines.join("\n");
        assert!(text.contains("missing") && text.contains("lost"), "{text}");
    }
    // No note anywhere: no note column.
    let mut plain = bm("");
    plain.note = None;
    let lines = table_lines(&[(&plain, Found::Missing)], &style(200));
    assert!(!lines[0].contains("note"), "{lines:#?}");
}

#[test]
fn csv_rows_have_every_column() {
    let b = bm("n");
    let here = Location {
        paragraph: 15,
        start: 2,
        end: 12,
    };
    let row = csv_row(&b, Found::At(Anchor::Found(here, Match::Moved)), &[]);
    assert_eq!(row.len(), CSV_HEADER.len());
    assert_eq!(row[8], "moved");
    assert_eq!(&row[9..12], ["15", "2", "12"]);
    let row = csv_row(&b, Found::Unreadable(0), &["bad bytes".into()]);
    assert_eq!((row[8].as_str(), row[9].as_str()), ("unreadable", ""));
    assert_eq!(row[15], "bad bytes");
}
