//! The verdict of a group: do its sources' headlines share a point, and which pairs
//! conflict (docs/claims.md, "Verdicts").

use super::Claim;
use crate::claims::Verdict;

/// At most this many conflicting pairs are listed per group (a group of thousands of
/// claims could otherwise list millions); the verdict does not depend on it.
pub const MAX_CONFLICT_PAIRS: usize = 1000;

/// What the verdict compares of a claim: its value and interval (in US dollars when its
/// unit is a currency with a rate). Kept per source instead of a whole `Claim`, so
/// grouping copies no texts (docs/claims.md, "Speed").
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub(super) struct Head {
    pub(super) value: f64,
    pub(super) low: Option<f64>,
    pub(super) high: Option<f64>,
    pub(super) low_inclusive: bool,
    pub(super) high_inclusive: bool,
}

impl Head {
    pub(super) fn of(c: &Claim) -> Head {
        Head {
            value: c.value,
            low: c.low,
            high: c.high,
            low_inclusive: c.low_inclusive,
            high_inclusive: c.high_inclusive,
        }
    }

    /// Lower and upper bounds as comparable numbers: a missing bound is infinite.
    fn bounds(&self) -> (f64, bool, f64, bool) {
        (
            self.low.unwrap_or(f64::NEG_INFINITY),
            self.low_inclusive || self.low.is_none(),
            self.high.unwrap_or(f64::INFINITY),
            self.high_inclusive || self.high.is_none(),
        )
    }

    fn same_interval(&self, b: &Head) -> bool {
        self.low == b.low
            && self.high == b.high
            && self.low_inclusive == b.low_inclusive
            && self.high_inclusive == b.high_inclusive
    }
}

/// A source's headline in a group: its claim id, its article (a number: the verdict
/// only asks whether two are the same) and what is compared.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sourced {
    pub(super) id: usize,
    pub(super) article: usize,
    pub(super) head: Head,
}

/// True if the two claims' intervals have no point in common.
pub fn disjoint(a: &Claim, b: &Claim) -> bool {
    heads_disjoint(&Head::of(a), &Head::of(b))
}

fn heads_disjoint(a: &Head, b: &Head) -> bool {
    let (alo, alo_in, ahi, ahi_in) = a.bounds();
    let (blo, blo_in, bhi, bhi_in) = b.bounds();
    let below =
        |hi: f64, hi_in: bool, lo: f64, lo_in: bool| hi < lo || (hi == lo && !(hi_in && lo_in));
    below(ahi, ahi_in, blo, blo_in) || below(bhi, bhi_in, alo, alo_in)
}

/// True if all intervals share a point: the highest lower bound is not above the lowest
/// upper bound.
fn common_point(members: &[Sourced]) -> bool {
    let lo = members
        .iter()
        .map(|c| c.head.bounds())
        .fold((f64::NEG_INFINITY, true), |acc, b| {
            if b.0 > acc.0 || (b.0 == acc.0 && !b.1) {
                (b.0, b.1)
            } else {
                acc
            }
        });
    let hi = members
        .iter()
        .map(|c| c.head.bounds())
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
#[cfg(test)]
pub(super) fn verdict(members: &[&Claim]) -> (Verdict, Vec<(usize, usize)>) {
    let heads: Vec<Sourced> = members
        .iter()
        .map(|c| Sourced {
            id: c.id,
            article: members
                .iter()
                .position(|m| m.article == c.article)
                .unwrap_or(0),
            head: Head::of(c),
        })
        .collect();
    verdict_of(&heads)
}

/// The verdict on sources' headlines and their conflicting pairs (claims of different
/// articles only: qarin compares sources).
pub(super) fn verdict_of(members: &[Sourced]) -> (Verdict, Vec<(usize, usize)>) {
    let first = members.first().map(|c| c.article);
    if members.iter().all(|c| Some(c.article) == first) {
        return (Verdict::Single, Vec::new());
    }
    // Intervals on a line overlap pairwise iff they share a point (Helly), so the
    // common check is cheap; pairs are only listed when there is a conflict.
    let mut conflicts = Vec::new();
    let agree = || {
        members
            .windows(2)
            .all(|w| w[0].head.same_interval(&w[1].head))
    };
    if common_point(members) {
        let v = if agree() {
            Verdict::Agree
        } else {
            Verdict::Compatible
        };
        return (v, conflicts);
    }
    'outer: for (i, a) in members.iter().enumerate() {
        for b in &members[i + 1..] {
            if a.article != b.article && heads_disjoint(&a.head, &b.head) {
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
    if agree() {
        (Verdict::Agree, conflicts)
    } else {
        (Verdict::Compatible, conflicts)
    }
}
