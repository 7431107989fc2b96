//! The claims engine on the real seed files: the four groups of design.md §4, and every
//! other numeric claim with a sensible topic; no year, date or article number as a claim.

use std::path::PathBuf;

use qarin::claims::{Analysis, Claim, Group, Lexicon, Verdict, analyze};
use qarin::corpus::{LoadOptions, load_paths};

fn seeds_from_disk() -> (Vec<qarin::corpus::Article>, Analysis) {
    let articles = load_paths(&[PathBuf::from("seeds")], &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(articles.len(), 5);
    let a = analyze(&articles, &Lexicon::builtin(), false);
    (articles, a)
}

fn group<'a>(a: &'a Analysis, topic: &str, year: Option<i32>, scope: Option<&str>) -> &'a Group {
    a.groups
        .iter()
        .find(|g| g.topic == topic && g.year == year && g.scope.as_deref() == scope)
        .unwrap_or_else(|| panic!("no group {topic} {year:?} {scope:?} in {:#?}", a.groups))
}

fn claims<'a>(a: &'a Analysis, g: &Group) -> Vec<&'a Claim> {
    g.claims.iter().map(|&i| &a.claims[i]).collect()
}

fn from<'a>(cs: &[&'a Claim], article: &str) -> Vec<&'a Claim> {
    cs.iter()
        .copied()
        .filter(|c| c.article == article)
        .collect()
}

#[test]
fn troops_conflict_2000_2500_2030() {
    let (_, a) = seeds_from_disk();
    let g = group(&a, "troops", None, None);
    assert_eq!(g.verdict, Verdict::Conflict);
    let cs = claims(&a, g);
    assert_eq!(cs.len(), 3, "{cs:#?}");
    let c000 = from(&cs, "000")[0];
    assert_eq!(c000.text, "أكثر من 2000 جندي");
    assert_eq!(
        (c000.qualifier.as_str(), c000.low, c000.high),
        ("above", Some(2000.0), None)
    );
    assert!(!c000.low_inclusive);
    let c003 = from(&cs, "003")[0];
    assert_eq!(
        (c003.value, c003.qualifier.as_str(), c003.hedged),
        (2500.0, "exact", true)
    );
    assert_eq!(c003.text, "2500 جندي");
    assert_eq!(c003.unit.as_deref(), Some("soldier"));
    let c004 = from(&cs, "004")[0];
    assert_eq!(
        (c004.value, c004.qualifier.as_str(), c004.hedged),
        (2030.0, "exact", false)
    );
    // 2500 and 2030 are the disjoint pair; both lie above 2000.
    assert_eq!(g.conflicts, vec![(c003.id, c004.id)]);
}

#[test]
fn arrested_compatible_about_8000_and_7939() {
    let (_, a) = seeds_from_disk();
    let g = group(&a, "arrested", None, None);
    assert_eq!(g.verdict, Verdict::Compatible);
    let cs = claims(&a, g);
    assert_eq!(cs.len(), 2);
    let c003 = from(&cs, "003")[0];
    assert_eq!((c003.value, c003.qualifier.as_str()), (8000.0, "about"));
    assert!(c003.text.contains("نحو ثمانية آلاف"));
    assert_eq!(
        c003.attribution.as_deref(),
        Some("وفق ما أعلنته وزارة الداخلية")
    );
    let c004 = from(&cs, "004")[0];
    assert_eq!((c004.value, c004.qualifier.as_str()), (7939.0, "exact"));
    assert_eq!(c004.date.as_deref(), Some("10 يناير"));
}

#[test]
fn border_length_compatible_in_metres() {
    let (_, a) = seeds_from_disk();
    let g = group(&a, "border_length", None, None);
    assert_eq!(g.verdict, Verdict::Compatible);
    let cs = claims(&a, g);
    let c001 = from(&cs, "001")[0];
    assert_eq!(
        (c001.value, c001.qualifier.as_str()),
        (7_000_000.0, "about")
    );
    assert_eq!(c001.unit.as_deref(), Some("metre"));
    let c003 = from(&cs, "003")[0];
    assert_eq!(
        (c003.value, c003.qualifier.as_str()),
        (6_846_000.0, "exact")
    );
    assert_eq!(c003.text, "6846 كيلومترا");
}

#[test]
fn killed_split_by_scope() {
    let (_, a) = seeds_from_disk();
    // The unrest itself: 164 (000) against «العشرات» (001): 164 is not «tens».
    let g = group(&a, "killed", None, None);
    let cs = claims(&a, g);
    assert_eq!(from(&cs, "000")[0].value, 164.0);
    let tens = from(&cs, "001")[0];
    assert_eq!(
        (tens.qualifier.as_str(), tens.low, tens.high),
        ("vague", Some(20.0), Some(100.0))
    );
    assert_eq!(cs.len(), 2);
    assert_eq!(g.verdict, Verdict::Conflict);
    // Security forces (004) are their own scope.
    let g = group(&a, "killed", None, Some("security_forces"));
    let cs = claims(&a, g);
    assert_eq!(
        (cs.len(), cs[0].article.as_str(), cs[0].value),
        (1, "004", 16.0)
    );
    assert_eq!(g.verdict, Verdict::Single);
    // The 1986 unrest is another event.
    let g = group(&a, "killed", Some(1986), Some("civilians"));
    let cs = claims(&a, g);
    assert_eq!((cs[0].value, cs[0].qualifier.as_str()), (200.0, "about"));
}

#[test]
fn every_claim_has_a_sensible_topic_and_no_year_date_or_article_number() {
    let (articles, a) = seeds_from_disk();
    let got: Vec<(String, usize, f64, String)> = a
        .claims
        .iter()
        .map(|c| {
            (
                c.article.clone(),
                c.paragraph,
                c.value,
                c.topic.as_deref().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    // Every numeric claim of the seeds, read by hand (values in base units).
    let want: Vec<(&str, usize, f64, &str)> = vec![
        ("000", 13, 2000.0, "troops"),
        ("000", 13, 250.0, "equipment"),
        ("000", 13, 164.0, "killed"),
        ("000", 13, 8000.0, "injured"),
        ("000", 15, 200.0, "killed"),
        ("000", 15, 1000.0, "injured"),
        ("001", 4, 2.7e12, "area"),
        ("001", 4, 7e6, "border_length"),
        ("001", 5, 20.0, "killed"),
        ("003", 12, 6_846_000.0, "border_length"),
        ("003", 16, 2500.0, "troops"),
        ("003", 21, 8000.0, "arrested"),
        ("004", 6, 6.0, "attacks"),
        ("004", 6, 20000.0, "militants"),
        ("004", 11, 7939.0, "arrested"),
        ("004", 12, 5.0, "duration"),
        ("004", 13, 2030.0, "troops"),
        ("004", 13, 250.0, "equipment"),
        ("004", 14, 16.0, "killed"),
        ("004", 15, 1300.0, "damaged"),
        ("004", 15, 100.0, "targeted"),
        ("004", 15, 500.0, "burned"),
        ("004", 15, 2.5e9, "money"),
    ];
    let want: Vec<(String, usize, f64, String)> = want
        .into_iter()
        .map(|(a, p, v, t)| (a.to_owned(), p, v, t.to_owned()))
        .collect();
    assert_eq!(got, want);
    // With --all nothing else appears: the years (1986, 2005, 2019, 2036, 1445...),
    // dates (10 يناير، 7 مايو), the time 05:53 and «المادتين 2 و4» are not quantities
    // that make claims.
    let all = analyze(&articles, &Lexicon::builtin(), true);
    assert_eq!(
        all.claims.len(),
        a.claims.len(),
        "{:#?}",
        &all.claims[a.claims.len().min(all.claims.len())..]
    );
    for c in &all.claims {
        assert!(c.topic.is_some(), "{c:?}");
    }
    // Every claim's offsets point at its text.
    for c in &a.claims {
        let art = articles
            .iter()
            .find(|x| x.id == c.article)
            .unwrap_or_else(|| panic!("{c:?}"));
        assert_eq!(&art.paragraphs[c.paragraph - 1][c.start..c.end], c.text);
    }
}

#[test]
fn money_is_a_range_in_dollars() {
    let (_, a) = seeds_from_disk();
    let g = group(&a, "money", None, None);
    let c = claims(&a, g)[0];
    assert_eq!(
        (c.qualifier.as_str(), c.low, c.high),
        ("range", Some(2e9), Some(3e9))
    );
    assert_eq!(c.unit.as_deref(), Some("usd"));
    let g = group(&a, "equipment", None, None);
    assert_eq!(g.verdict, Verdict::Agree);
}
