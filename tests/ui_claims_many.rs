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
