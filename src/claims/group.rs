//! Grouping claims across articles by topic and scope, and the verdict of each group.

use std::collections::BTreeMap;

use super::{Claim, Group, Lexicon, Verdict};

/// At most this many conflicting pairs are listed per group (a group of thousands of
/// claims could otherwise list millions); the verdict does not depend on it.
pub const MAX_CONFLICT_PAIRS: usize = 1000;

/// Lower and upper bounds as comparable numbers: a missing bound is infinite.
fn bounds(c: &Claim) -> (f64, bool, f64, bool) {
    (
        c.low.unwrap_or(f64::NEG_INFINITY),
        c.low_inclusive || c.low.is_none(),
        c.high.unwrap_or(f64::INFINITY),
        c.high_inclusive || c.high.is_none(),
    )
}

/// True if the two claims' intervals have no point in common.
pub fn disjoint(a: &Claim, b: &Claim) -> bool {
    let (alo, alo_in, ahi, ahi_in) = bounds(a);
    let (blo, blo_in, bhi, bhi_in) = bounds(b);
    let below =
        |hi: f64, hi_in: bool, lo: f64, lo_in: bool| hi < lo || (hi == lo && !(hi_in && lo_in));
    below(ahi, ahi_in, blo, blo_in) || below(bhi, bhi_in, alo, alo_in)
}

fn same_interval(a: &Claim, b: &Claim) -> bool {
    a.low == b.low
        && a.high == b.high
        && a.low_inclusive == b.low_inclusive
        && a.high_inclusive == b.high_inclusive
}

/// Key of a group: topic, year scope, subject scope, and whether it is a percentage.
type Key = (usize, String, Option<i32>, Option<String>, bool);

/// Groups claims with a topic by topic + scope, in lexicon order, and gives verdicts.
pub fn group(claims: &[Claim], lexicon: &Lexicon) -> Vec<Group> {
    let mut map: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for c in claims {
        let Some(topic) = &c.topic else { continue };
        let key = (
            lexicon.topic_order(topic),
            topic.clone(),
            c.year,
            c.scope.clone(),
            c.kind == "percent",
        );
        map.entry(key).or_default().push(c.id);
    }
    map.into_iter()
        .map(|((_, topic, year, scope, _), ids)| {
            let members: Vec<&Claim> = ids.iter().filter_map(|&i| claims.get(i)).collect();
            let (verdict, conflicts) = verdict(&members);
            Group {
                topic,
                verdict,
                claims: ids,
                conflicts,
                year,
                scope,
            }
        })
        .collect()
}

/// True if all intervals share a point: the highest lower bound is not above the lowest
/// upper bound.
fn common_point(members: &[&Claim]) -> bool {
    let lo = members
        .iter()
        .map(|c| bounds(c))
        .fold((f64::NEG_INFINITY, true), |acc, b| {
            if b.0 > acc.0 || (b.0 == acc.0 && !b.1) {
                (b.0, b.1)
            } else {
                acc
            }
        });
    let hi = members
        .iter()
        .map(|c| bounds(c))
        .fold((f64::INFINITY, true), |acc, b| {
            if b.2 < acc.0 || (b.2 == acc.0 && !b.3) {
                (b.2, b.3)
            } else {
                acc
            }
        });
    lo.0 < hi.0 || (lo.0 == hi.0 && lo.1 && hi.1)
}

/// The verdict of a group and its conflicting pairs (claims of different articles only:
/// qarin compares sources).
pub fn verdict(members: &[&Claim]) -> (Verdict, Vec<(usize, usize)>) {
    let first = members.first().map(|c| c.article.as_str());
    if members.iter().all(|c| Some(c.article.as_str()) == first) {
        return (Verdict::Single, Vec::new());
    }
    // Intervals on a line overlap pairwise iff they share a point (Helly), so the
    // common check is cheap; pairs are only listed when there is a conflict.
    let mut conflicts = Vec::new();
    if common_point(members) {
        let agree = members.windows(2).all(|w| same_interval(w[0], w[1]));
        let v = if agree {
            Verdict::Agree
        } else {
            Verdict::Compatible
        };
        return (v, conflicts);
    }
    'outer: for (i, a) in members.iter().enumerate() {
        for b in &members[i + 1..] {
            if a.article != b.article && disjoint(a, b) {
                conflicts.push((a.id, b.id));
                if conflicts.len() >= MAX_CONFLICT_PAIRS {
                    break 'outer;
                }
            }
        }
    }
    if !conflicts.is_empty() {
        return (Verdict::Conflict, conflicts);
    }
    let agree = members.windows(2).all(|w| same_interval(w[0], w[1]));
    if agree {
        (Verdict::Agree, conflicts)
    } else {
        (Verdict::Compatible, conflicts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            article: article.into(),
            paragraph: 1,
            start: 0,
            end: 0,
            text: String::new(),
            sentence: String::new(),
            topic: Some("killed".into()),
            value: low.or(high).unwrap_or(0.0),
            low,
            high,
            low_inclusive: li,
            high_inclusive: hi,
            qualifier: "exact".into(),
            unit: None,
            hedged: false,
            attribution: None,
            year: None,
            kind: "count".into(),
            scope: None,
            date: None,
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
}
