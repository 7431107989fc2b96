//! The claims table of a story with many sources (67 articles): value columns for as
//! many sources as fit, «N of M sources» in the title, `>`/`<` to scroll them — it used
//! to show no value column at all, only the plot.

mod ui_common;

use qarin::corpus::Article;
use ui_common::{keys, screen};

/// 67 outlets each reporting a number of troops sent, all different.
fn story() -> Vec<Article> {
    (0..67)
        .map(|i| {
            let name = format!("{i:03}_outlet{i}.txt");
            let text = format!(
                "خبر {i}\nأرسلت الحكومة {} جندي إلى المدينة أمس.\n",
                2000 + i * 10
            );
            Article::from_text(&format!("story/{name}"), &name, text)
        })
        .collect()
}

#[test]
fn many_sources_show_value_columns_n_of_m_and_scroll() {
    let mut state = qarin::ui::test_state(story(), 120, 30);
    keys(&mut state, "c");
    assert!(
        !state.model.analysis.groups.is_empty(),
        "the troops are found"
    );
    let text = screen(&state);
    let title = text.lines().next().unwrap_or_default();
    assert!(title.contains(" of 67 sources"), "{title}");
    // The values of the first sources are in their columns.
    assert!(text.contains("2000"), "{text}");
    assert!(text.contains("2010"), "{text}");
    insta::assert_snapshot!("claims_67_sources", text);
    // `>` brings the next source into view, `<` back. (The plot's scale shows the
    // lowest and highest values, 2000 and 2660, whatever the columns.)
    let count = |s: &str, v: &str| s.matches(v).count();
    keys(&mut state, ">");
    let next = screen(&state);
    assert_eq!(count(&next, "2000") + 1, count(&text, "2000"), "{next}");
    assert!(next.contains("2010"), "{next}");
    keys(&mut state, "<");
    assert_eq!(screen(&state), text);
    // Scrolling stops at the last sources, which it reaches.
    assert!(!text.contains("2650"), "{text}");
    keys(&mut state, &["> "; 80].concat());
    let end = screen(&state);
    assert!(
        end.contains("2650"),
        "the last sources are reachable:\n{end}"
    );
    assert!(!end.contains("2010"), "{end}");
}

/// Outlets named as in a corpus folder, two of them sharing a prefix, and counts given
/// in words («أي حالات وفاة»: none). The heads used to read «59 …» and the cells
/// «… أي»: a reader could not tell the sources apart nor see what was compared.
fn outlets_story() -> Vec<Article> {
    let reports = [
        (
            "englishAhram",
            "أعلنت وزارة الصحة مقتل 3 أشخاص في اشتباكات طنطا أمس.",
        ),
        (
            "englishFjp",
            "قالت مصادر إن 5 أشخاص قتلوا في اشتباكات طنطا أمس.",
        ),
        (
            "shorouknews",
            "قال مصدر أمني إنه لم تحدث أي حالات وفاة في اشتباكات طنطا.",
        ),
        (
            "officialyoum77",
            "أعلنت وزارة الصحة مقتل 3 أشخاص في اشتباكات طنطا أمس.",
        ),
        ("Tahrir.News.Official", "قتل 4 أشخاص في اشتباكات طنطا أمس."),
    ];
    reports
        .iter()
        .enumerate()
        .map(|(i, (outlet, text))| {
            let name = format!("{i}_{outlet}.txt");
            let mut a = Article::from_text(&name, &name, format!("خبر {i}\n{text}\n"));
            a.outlet = (*outlet).to_owned();
            a.short = (*outlet).to_owned();
            a
        })
        .collect()
}

#[test]
fn heads_tell_outlets_apart_and_cells_lead_with_the_number() {
    let mut state = qarin::ui::test_state(outlets_story(), 100, 12);
    keys(&mut state, "c");
    let text = screen(&state);
    let head = text.lines().nth(1).unwrap_or_default();
    // The library's number and the outlet, whole when it fits, else cut where the
    // outlets differ — never «N …»; fewer columns fit, each readable.
    assert!(text.contains("· 4 of 5 sources"), "{text}");
    for h in ["1 englishA…", "2 englishFjp", "3 shorouknews", "4 offic…"] {
        assert!(head.contains(h), "{h} in {head}\n{text}");
    }
    keys(&mut state, ">");
    let next = screen(&state);
    let head2 = next.lines().nth(1).unwrap_or_default();
    assert!(
        head2.contains("5 Tahri…") && !head2.contains("1 english"),
        "{next}"
    );
    // The first row under the head is the topic's (shaped: the screen holds
    // presentation forms).
    let killed = text.lines().nth(2).unwrap_or_default();
    assert!(killed.contains("ﻱﺃ 0"), "{killed}\n{text}");
    insta::assert_snapshot!("claims_outlets", text);
}
