//! Verdicts and interval bounds of groups.

use super::*;
use crate::claims::Verdict;

fn claim(
    id: usize,
    article: &str,
    low: Option<f64>,
    high: Option<f64>,
    li: bool,
    hi: bool,
) -> Claim {
    Claim {
        id,
        value: low.or(high).unwrap_or(0.0),
        low,
        high,
        low_inclusive: li,
        high_inclusive: hi,
        ..Claim::test_count(article, "killed", "", 0.0)
    }
}

fn exact(id: usize, a: &str, v: f64) -> Claim {
    claim(id, a, Some(v), Some(v), true, true)
}

#[test]
fn verdicts() {
    let (a, b, c) = (
        exact(0, "x", 10.0),
        exact(1, "y", 10.0),
        exact(2, "y", 12.0),
    );
    assert_eq!(verdict(&[&a]).0, Verdict::Single);
    assert_eq!(verdict(&[&a, &c.clone()]).0, Verdict::Conflict);
    assert_eq!(verdict(&[&a, &b]).0, Verdict::Agree);
    let about = claim(3, "z", Some(9.0), Some(11.0), true, true);
    assert_eq!(verdict(&[&a, &about]).0, Verdict::Compatible);
    let (v, pairs) = verdict(&[&a, &b, &c]);
    assert_eq!(v, Verdict::Conflict);
    assert_eq!(pairs, [(0, 2)]);
    // Same-article disagreement alone is not a conflict between sources.
    let d = exact(4, "x", 99.0);
    assert_eq!(verdict(&[&a, &d]).0, Verdict::Single);
}

#[test]
fn open_and_half_open_bounds() {
    let above = claim(0, "x", Some(2000.0), None, false, true);
    assert!(disjoint(&above, &exact(1, "y", 2000.0)));
    assert!(!disjoint(&above, &exact(1, "y", 2030.0)));
    let tens = claim(2, "x", Some(20.0), Some(100.0), true, false);
    assert!(disjoint(&tens, &exact(3, "y", 100.0)));
    assert!(!disjoint(&tens, &exact(3, "y", 99.0)));
    let below = claim(4, "x", None, Some(5.0), true, false);
    assert!(disjoint(&below, &exact(5, "y", 5.0)));
    assert!(!disjoint(&below, &exact(5, "y", 4.0)));
}
