//! Grouping claims across articles by topic and scope, and the verdict of each group.

use std::collections::BTreeMap;

use super::{Claim, Group, Kind, Lexicon, Qualifier, Topic};

mod one_key;
mod verdict;
pub use one_key::{KeyRun, OneGroup};
#[cfg(test)]
use verdict::verdict;
use verdict::{Head, Sourced, verdict_of};
pub use verdict::{MAX_CONFLICT_PAIRS, disjoint};

/// Key of a group: topic, year scope, subject scope, whether it is a percentage, whether
/// its claims are parts of totals, and the unit's dimension (money, months...).
type Key = (
    usize,
    Topic,
    Option<i32>,
    Option<String>,
    bool,
    bool,
    Option<String>,
);

/// A group key, opaque ([`Runs::by_key`]): [`groups`] lists groups in the order of
/// their keys.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupKey(Key);

/// A group key borrowed from its claim: looked up without allocating, owned
/// ([`owned`]) only when a run is new.
type KeyRef<'a> = (
    usize,
    &'a str,
    Option<i32>,
    Option<&'a str>,
    bool,
    bool,
    Option<&'a str>,
);

/// The group key of a claim; `None` for a claim with no topic (never grouped).
fn key<'a>(c: &'a Claim, lexicon: &'a Lexicon) -> Option<KeyRef<'a>> {
    let topic = c.topic.as_deref()?;
    Some((
        lexicon.topic_order(topic),
        topic,
        c.year,
        c.scope.as_deref(),
        c.kind == Kind::Percent,
        c.part_of.is_some(),
        dimension(c, lexicon),
    ))
}

fn borrowed(k: &Key) -> KeyRef<'_> {
    (
        k.0,
        k.1.as_str(),
        k.2,
        k.3.as_deref(),
        k.4,
        k.5,
        k.6.as_deref(),
    )
}

fn owned(k: KeyRef) -> Key {
    (
        k.0,
        Topic::from(k.1),
        k.2,
        k.3.map(str::to_owned),
        k.4,
        k.5,
        k.6.map(str::to_owned),
    )
}

/// What a claim's unit measures, for grouping: every currency is `money` (amounts in
/// different currencies are compared through the lexicon's rates, never as bare
/// numbers); people, soldiers and bare counts are one dimension (`None`); other units
/// (months, metres...) are their own.
fn dimension<'a>(c: &'a Claim, lexicon: &Lexicon) -> Option<&'a str> {
    let unit = c.unit.as_deref()?;
    if unit == "percent" || unit == "person" || unit == "soldier" {
        return None;
    }
    match lexicon.unit(unit) {
        Some(u) if u.rate.is_some() => Some("money"),
        _ => Some(unit),
    }
}

/// Per-claim facts the grouping needs that are not part of the JSON contract.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts {
    /// Introduced as an update of an earlier figure («ارتفع العدد إلى»، «ليصل إلى»).
    pub update: bool,
}

/// One article's claims of one group, as grouping keeps them: their ids (counted from
/// the article's first claim) and the headline so far, not the claims.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Run {
    ids: Vec<u32>,
    /// Index in `ids` of the last update: the figures before it are superseded.
    live_from: usize,
    /// Index in `ids` of the headline: the most explicit live figure, the first on a tie.
    best: usize,
    /// The headline's [`explicitness`].
    rank: u8,
    /// The headline as the verdict compares it ([`compared`]).
    head: Head,
    /// Local ids of vague counts («العشرات»، "scores").
    vague: Vec<u32>,
    /// Some figure of the run is not vague.
    figure: bool,
}

impl Run {
    /// The ids the group shows and compares. A vague count of an article that also gives
    /// a figure for the same group is colour around that figure («أصيب العشرات ... وبلغ
    /// عدد المصابين 62»), not a second account of it: it leaves the group (it stays among
    /// the claims), so groups compare figures. A vague count that is its article's only
    /// word on the group stays: «العشرات» against «164» is a real disagreement.
    fn shown(&self) -> impl Iterator<Item = u32> + '_ {
        let head = self.ids.get(self.best).copied();
        self.ids
            .iter()
            .copied()
            .filter(move |&i| !(self.figure && Some(i) != head && self.vague.contains(&i)))
    }
}

/// What grouping keeps of one article's claims, fed one claim at a time in text order
/// ([`Runs::add`]): per group key, the claims' ids and the headline. A few bytes a claim,
/// so the claims themselves can be written out as they are found (`qarin claims` on a
/// 1 GB article). [`group`] is this over claims held in memory.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Runs {
    /// Sorted by key: an article has few groups, and a folder many articles.
    runs: Vec<(Key, Run)>,
    /// Claims added (the next local id).
    len: u32,
}

impl Runs {
    /// Adds the next claim of the article (its local id is the number added before it).
    pub fn add(&mut self, c: &Claim, facts: Facts, lexicon: &Lexicon) {
        let local = self.len;
        self.len = self.len.saturating_add(1);
        let Some(key) = key(c, lexicon) else { return };
        let at = match self.runs.binary_search_by(|(k, _)| borrowed(k).cmp(&key)) {
            Ok(at) => at,
            Err(at) => {
                let run = Run {
                    ids: Vec::new(),
                    live_from: 0,
                    best: 0,
                    rank: explicitness(c),
                    head: compared(c, lexicon),
                    vague: Vec::new(),
                    figure: false,
                };
                self.runs.insert(at, (owned(key), run));
                at
            }
        };
        let run = &mut self.runs[at].1;
        let n = run.ids.len();
        run.ids.push(local);
        if c.qualifier == Qualifier::Vague {
            run.vague.push(local);
        } else {
            run.figure = true;
        }
        if n == 0 {
            return;
        }
        // Within an article, a figure followed by a later update is superseded; the
        // headline is the most explicit figure no update replaces, the first one on a
        // tie (the lead states the total; later figures are more often recaps).
        let rank = explicitness(c);
        if facts.update || rank > run.rank {
            if facts.update {
                run.live_from = n;
            }
            run.best = n;
            run.rank = rank;
            run.head = compared(c, lexicon);
        }
    }

    /// Whether every headline's numbers are finite, so the runs survive a round trip
    /// through JSON (`cli::claim_store` keeps them there; JSON has no infinity).
    pub fn finite(&self) -> bool {
        self.runs.iter().all(|(_, r)| {
            let h = &r.head;
            h.value.is_finite()
                && h.low.is_none_or(f64::is_finite)
                && h.high.is_none_or(f64::is_finite)
        })
    }

    /// Gives back the room kept for more claims: an article's runs are kept to the end
    /// of a folder (`qarin claims`), and a vector grown by one claim holds four.
    pub fn shrink_to_fit(&mut self) {
        self.runs.shrink_to_fit();
        for (_, run) in &mut self.runs {
            run.ids.shrink_to_fit();
            run.vague.shrink_to_fit();
        }
    }

    /// The article's runs a group key at a time, in key order: [`OneGroup`] fed a key's
    /// runs gives that key's group, so a folder compared as one can be grouped a key at a
    /// time, in key order, with one run in memory at a time (`cli::claim_groups`,
    /// docs/safety.md).
    pub fn by_key(&self) -> impl Iterator<Item = (GroupKey, KeyRun)> + '_ {
        self.runs
            .iter()
            .map(|(k, r)| (GroupKey(k.clone()), KeyRun(r.clone())))
    }

    /// The local ids of the superseded figures and of the headlines.
    pub fn marks(&self) -> (Vec<u32>, Vec<u32>) {
        let mut superseded = Vec::new();
        let mut headlines = Vec::new();
        for (_, run) in &self.runs {
            superseded.extend_from_slice(&run.ids[..run.live_from]);
            headlines.extend(run.ids.get(run.best));
        }
        (superseded, headlines)
    }
}

/// What the verdict compares of a claim: its interval, in US dollars when its unit is a
/// currency with a rate (so egp and usd amounts compare as money, not as bare numbers).
fn compared(c: &Claim, lexicon: &Lexicon) -> Head {
    let mut h = Head::of(c);
    if let Some(rate) = c.unit.as_deref().and_then(|u| lexicon.unit(u)?.rate) {
        h.value *= rate;
        h.low = h.low.map(|x| x * rate);
        h.high = h.high.map(|x| x * rate);
    }
    h
}

/// One article's part in a grouping: the id its claims are numbered from, its final id
/// (`Article::id`) and its [`Runs`]. Listed in claim order.
pub struct Member<'a> {
    pub first: usize,
    pub article: &'a str,
    pub runs: &'a Runs,
}

/// Groups the claims of `members` by topic + scope, in lexicon order, with verdicts on
/// each source's headline. `time` gives an article's publication time (seconds), when
/// known: sources are then listed in time order and rising tolls are marked.
pub fn groups(members: &[Member], time: &dyn Fn(&str) -> Option<i64>) -> Vec<Group> {
    let mut map: BTreeMap<&Key, OneGroup> = BTreeMap::new();
    // Each article's number: its first member's place.
    let mut number: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (n, m) in members.iter().enumerate() {
        let t = time(m.article);
        let article = *number.entry(m.article).or_insert(n);
        for (key, run) in &m.runs.runs {
            map.entry(key)
                .or_default()
                .push_run(m.first, article, t, run);
        }
    }
    map.into_iter()
        .filter_map(|(key, g)| g.finish_key(key))
        .collect()
}

/// Groups claims with a topic by topic + scope, in lexicon order, marks superseded
/// figures and each source's headline, and gives verdicts on the headlines (see
/// [`groups`]). `claims` are numbered by position, each article's in one block.
pub fn group(
    claims: &mut [Claim],
    facts: &[Facts],
    lexicon: &Lexicon,
    time: &dyn Fn(&str) -> Option<i64>,
) -> Vec<Group> {
    let mut blocks: Vec<(usize, String, Runs)> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if blocks.last().is_none_or(|(_, a, _)| *a != c.article) {
            blocks.push((i, c.article.clone(), Runs::default()));
        }
        if let Some((_, _, runs)) = blocks.last_mut() {
            runs.add(c, facts.get(i).copied().unwrap_or_default(), lexicon);
        }
    }
    for (first, _, runs) in &blocks {
        let (superseded, headlines) = runs.marks();
        for i in superseded {
            if let Some(c) = claims.get_mut(first + i as usize) {
                c.superseded = true;
            }
        }
        for i in headlines {
            if let Some(c) = claims.get_mut(first + i as usize) {
                c.headline = true;
            }
        }
    }
    let members: Vec<Member> = blocks
        .iter()
        .map(|(first, article, runs)| Member {
            first: *first,
            article,
            runs,
        })
        .collect();
    groups(&members, time)
}

/// How explicit a figure is: a number beats a count without digits, which beats a
/// vague word («العشرات»).
fn explicitness(c: &Claim) -> u8 {
    match c.qualifier {
        Qualifier::Vague | Qualifier::None => 0,
        Qualifier::Implicit => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests;
