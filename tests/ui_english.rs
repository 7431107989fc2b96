//! Issue 15: an English report beside an Arabic one of the same event
//! (tests/data/en-compare, written for these tests). Compare shows each pane in its own
//! direction — the English one left-aligned, left to right — and the claims table gives
//! the English source a column whose values read in English, in an RTL row.

mod ui_common;

use qarin::corpus::Article;
use ui_common::{keys, screen};

/// The Arabic report (a daily) and the English one (a wire), in that order.
fn reports() -> Vec<Article> {
    [("luxor_ar.txt", "daily"), ("luxor_en.txt", "wire")]
        .iter()
        .map(|(name, outlet)| {
            let path = format!("tests/data/en-compare/{name}");
            let text = std::fs::read_to_string(&path).expect("test data");
            let mut a = Article::from_text(&path, name, text);
            a.outlet = (*outlet).to_owned();
            a.short = (*outlet).to_owned();
            a
        })
        .collect()
}

/// Presses `t` until the compare bar shows `want` (topics come in the table's order).
fn topic_with(state: &mut qarin::ui::state::State, want: &str) -> String {
    for _ in 0..10 {
        let s = screen(state);
        if s.lines().nth(1).is_some_and(|l| l.contains(want)) {
            return s;
        }
        keys(state, "t");
    }
    panic!("no topic shows {want}:\n{}", screen(state))
}

#[test]
fn compare_shows_the_arabic_and_the_english_pane_each_in_its_direction() {
    let mut state = qarin::ui::test_state(reports(), 100, 16);
    keys(&mut state, "s");
    let s = topic_with(&mut state, "at least 25");
    // The bar, right to left: «الجرحى: أكثر من 20 │ at least 25 — متوافق» — the English
    // value reads left to right inside the Arabic row, in the English pane's place.
    let bar = s.lines().nth(1).unwrap_or_default();
    assert!(bar.contains("at least 25 │ 20 ﻦﻣ ﺮﺜﻛﺃ :ﻰﺣﺮﺠﻟﺍ"), "{bar}");
    // The English pane (on the left: the first source is on the right) starts its
    // lines and its title at its left edge; the Arabic one ends them at the right.
    let title = s.lines().nth(2).unwrap_or_default();
    assert!(title.starts_with("wire — Tour bus crash"), "{title}\n{s}");
    let body: Vec<&str> = s.lines().skip(3).take(5).collect();
    assert!(
        body.iter()
            .any(|l| l.starts_with(" Eighteen tourists were killed")),
        "{s}"
    );
    assert!(
        body.iter()
            .any(|l| l.trim_end().trim_end_matches('▌').ends_with("ﻲﻘﻟ")),
        "the Arabic paragraph starts on the right:\n{s}"
    );
    insta::assert_snapshot!("compare_ar_en", s);
}

#[test]
fn the_claims_table_gives_the_english_report_a_column_in_the_rtl_row() {
    let mut state = qarin::ui::test_state(reports(), 100, 12);
    keys(&mut state, "c");
    let s = screen(&state);
    // Columns run right to left: topic, the Arabic source, then the English one.
    let head = s.lines().nth(1).unwrap_or_default();
    let (daily, wire) = (head.find("1 daily"), head.find("2 wire"));
    assert!(wire.is_some() && daily.is_some() && wire < daily, "{head}");
    // The injured row: each value in its language and direction, the English left of
    // the Arabic, as its column is.
    let row = s
        .lines()
        .find(|l| l.contains("at least 25"))
        .unwrap_or_else(|| panic!("no English value:\n{s}"));
    let (en, ar) = (row.find("at least 25"), row.find("20 ﻦﻣ ﺮﺜﻛﺃ"));
    assert!(ar.is_some() && en < ar, "{row}");
    assert!(s.contains("about 40") && s.contains("40 ﻮﺤﻧ"), "{s}");
    insta::assert_snapshot!("claims_ar_en", s);
}
