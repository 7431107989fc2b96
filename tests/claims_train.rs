//! The engine beyond the seeds: four short wire reports of a train crash written in the
//! styles of different outlets (digits and words, Egyptian ى spelling, hedges).

use std::path::PathBuf;

use qarin::claims::{Analysis, Group, Lexicon, Verdict, analyze};
use qarin::corpus::{LoadOptions, load_paths};

fn crash() -> Analysis {
    let articles = load_paths(
        &[PathBuf::from("tests/data/claims")],
        &LoadOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(articles.len(), 4);
    analyze(&articles, &Lexicon::builtin(), false)
}

fn group<'a>(a: &'a Analysis, topic: &str, year: Option<i32>) -> &'a Group {
    a.groups
        .iter()
        .find(|g| g.topic == topic && g.year == year && g.scope.is_none())
        .unwrap_or_else(|| panic!("no group {topic} {year:?} in {:#?}", a.groups))
}

fn values(a: &Analysis, g: &Group, article: &str) -> Vec<(f64, String, bool)> {
    g.claims
        .iter()
        .map(|&i| &a.claims[i])
        .filter(|c| c.article == article)
        .map(|c| (c.value, c.qualifier.to_string(), c.hedged))
        .collect()
}

#[test]
fn killed_conflict_32_against_hedged_45() {
    let a = crash();
    let g = group(&a, "killed", None);
    assert_eq!(g.verdict, Verdict::Conflict);
    assert_eq!(
        values(&a, g, "a_wire").last(),
        Some(&(32.0, "at_least".into(), false))
    );
    assert_eq!(
        values(&a, g, "b_egypt_daily"),
        vec![(32.0, "exact".into(), false); 2]
    );
    assert_eq!(
        values(&a, g, "c_gulf_site"),
        vec![(32.0, "exact".into(), false)]
    );
    assert_eq!(
        values(&a, g, "d_online"),
        vec![(45.0, "exact".into(), true); 2]
    );
    // «at least 32» is compatible with 45; the exact 32s are not: every conflicting
    // pair is an exact 32 against a 45.
    assert!(!g.conflicts.is_empty());
    for &(x, y) in &g.conflicts {
        let mut v = [a.claims[x].value, a.claims[y].value];
        v.sort_by(f64::total_cmp);
        assert_eq!(v, [32.0, 45.0]);
        assert!([x, y].iter().any(|&i| a.claims[i].article == "d_online"));
        assert!([x, y].iter().all(|&i| a.claims[i].qualifier == "exact"));
    }
}

#[test]
fn an_older_disaster_is_its_own_group() {
    let a = crash();
    let g = group(&a, "killed", Some(2002));
    assert_eq!(g.verdict, Verdict::Single);
    assert_eq!(
        values(&a, g, "a_wire"),
        vec![(361.0, "exact".into(), false)]
    );
}

#[test]
fn injured_compatible_66_in_digits_and_words_and_dozens() {
    let a = crash();
    let g = group(&a, "injured", None);
    assert_eq!(g.verdict, Verdict::Compatible);
    for art in ["a_wire", "b_egypt_daily", "c_gulf_site"] {
        assert!(values(&a, g, art).iter().all(|v| v.0 == 66.0), "{art}");
    }
    assert_eq!(
        values(&a, g, "d_online"),
        vec![(20.0, "vague".into(), false)]
    );
}

#[test]
fn on_board_compatible_about_400() {
    let a = crash();
    let g = group(&a, "on_board", None);
    assert_eq!(g.verdict, Verdict::Compatible);
    assert_eq!(
        values(&a, g, "a_wire"),
        vec![(400.0, "about".into(), false)]
    );
    assert_eq!(
        values(&a, g, "b_egypt_daily"),
        vec![(400.0, "about".into(), false)]
    );
    assert_eq!(
        values(&a, g, "c_gulf_site"),
        vec![(400.0, "exact".into(), false)]
    );
    assert_eq!(
        values(&a, g, "d_online"),
        vec![(350.0, "above".into(), false)]
    );
}

#[test]
fn derailed_carriages_agree_and_non_counts_stay_out() {
    let a = crash();
    let g = group(&a, "derailed", None);
    assert_eq!(g.verdict, Verdict::Agree);
    assert_eq!(g.claims.len(), 3);
    // 11:40 (a time), 4 مارس (a date), 2002 (a year), المادة 116 (an article number)
    // are not claims, and the percentage has no topic so needs --all.
    for c in &a.claims {
        assert!(
            ![11.0, 4.0, 2002.0, 116.0, 40.0].contains(&c.value),
            "{c:?}"
        );
    }
    let articles = load_paths(
        &[PathBuf::from("tests/data/claims")],
        &LoadOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let all = analyze(&articles, &Lexicon::builtin(), true);
    let pct: Vec<_> = all.claims.iter().filter(|c| c.kind == "percent").collect();
    assert_eq!(pct.len(), 1);
    assert_eq!(
        (pct[0].value, pct[0].unit.as_deref()),
        (40.0, Some("percent"))
    );
    assert!(
        all.claims
            .iter()
            .all(|c| c.value != 116.0 && c.value != 11.0)
    );
}
