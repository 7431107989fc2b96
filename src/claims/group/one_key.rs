//! One group built a source at a time. [`super::groups`] builds each of its groups this
//! way, and a folder compared as one (`cli::claim_groups`) builds its groups a key at a
//! time from runs read back one by one: a group holds, per source, its headline as the
//! verdict compares it and the ids it shows, not its run, so the largest group of a
//! folder costs about a hundred bytes a source (docs/safety.md, a folder).

use super::{Group, GroupKey, Key, Run, Sourced, verdict_of};
use crate::claims::Trend;

/// One article's run of one group key, without the key ([`super::Runs::by_key`]): what a
/// folder compared a key at a time stores of an article for each of its keys.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct KeyRun(pub(super) Run);

impl KeyRun {
    /// Whether the headline's numbers are finite, so the run survives a round trip
    /// through JSON (JSON has no infinity).
    pub fn finite(&self) -> bool {
        let h = &self.0.head;
        h.value.is_finite() && h.low.is_none_or(f64::is_finite) && h.high.is_none_or(f64::is_finite)
    }
}

/// A group of one key, fed its sources in claim order ([`OneGroup::push`]).
#[derive(Default)]
pub struct OneGroup {
    /// Each source's headline, with its publication time and where its shown ids are
    /// in `ids`.
    sources: Vec<(Sourced, Option<i64>, (usize, usize))>,
    ids: Vec<usize>,
}

impl OneGroup {
    /// The next source: its article's first claim id, its article's number (the same
    /// for every run of one article), its publication time when known, and its run of
    /// this group's key.
    pub fn push(&mut self, first: usize, article: usize, time: Option<i64>, run: &KeyRun) {
        self.push_run(first, article, time, &run.0);
    }

    pub(super) fn push_run(&mut self, first: usize, article: usize, time: Option<i64>, run: &Run) {
        let start = self.ids.len();
        self.ids.extend(run.shown().map(|i| first + i as usize));
        let head = Sourced {
            id: first + run.ids.get(run.best).copied().unwrap_or(0) as usize,
            article,
            head: run.head,
        };
        self.sources.push((head, time, (start, self.ids.len())));
    }

    /// The group of `key`, or `None` when no source was pushed.
    pub fn finish(self, key: &GroupKey) -> Option<Group> {
        self.finish_key(&key.0)
    }

    pub(super) fn finish_key(self, key: &Key) -> Option<Group> {
        let OneGroup {
            mut sources,
            mut ids,
        } = self;
        if sources.is_empty() {
            return None;
        }
        let timed = sources.iter().all(|s| s.1.is_some());
        if timed {
            // Each source's ids are one block, so ordering the blocks by time (ties in
            // claim order: the sort is stable) orders the ids by (time, id).
            sources.sort_by_key(|s| s.1);
            let mut ordered = Vec::with_capacity(ids.len());
            for &(_, _, (from, to)) in &sources {
                ordered.extend_from_slice(ids.get(from..to).unwrap_or_default());
            }
            ids = ordered;
        }
        let rising = timed
            && rising(
                sources
                    .iter()
                    .filter_map(|(h, t, _)| Some(((*t)?, h.head.value)))
                    .collect(),
            );
        let heads: Vec<Sourced> = sources.into_iter().map(|s| s.0).collect();
        let (verdict, conflicts) = verdict_of(&heads);
        let (_, topic, year, scope, _, part, _) = key;
        Some(Group {
            topic: topic.clone(),
            verdict,
            claims: ids,
            conflicts,
            year: *year,
            scope: scope.clone(),
            part: *part,
            trend: rising.then_some(Trend::Rising),
        })
    }
}

/// Headlines as (time, value) that, in time order, never fall and end higher than they
/// start.
fn rising(mut seq: Vec<(i64, f64)>) -> bool {
    seq.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    seq.len() >= 2
        && seq.windows(2).all(|w| w[1].1 >= w[0].1)
        && seq.last().map(|l| l.1) > seq.first().map(|f| f.1)
}
