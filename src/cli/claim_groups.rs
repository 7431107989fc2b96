//! How `qarin claims` groups the claims of a folder it read: story by story, or the
//! folder as one a group key at a time, reading back from the claim store
//! (`cli::claim_store`) only the runs being grouped (docs/safety.md, "A folder").

use std::borrow::Borrow;
use std::collections::HashMap;

use crate::claims::{self, Group, OneGroup, Runs};
use crate::cli::claim_records::Record;
use crate::cli::claim_store::{Kept, Store};

/// The groups of the claims, story by story, and the order of the claims.
pub struct Grouping {
    /// (article index, id of its first claim) in claim order: articles as given, text
    /// order within each.
    pub order: Vec<(usize, usize)>,
    pub groups: Vec<Group>,
    /// Each group's story.
    pub stories: Vec<Option<String>>,
}

/// Claims are compared only inside a story (docs/stories.md): a group never mixes two.
/// Claims are numbered in input order, whatever the stories; an article in no story
/// (there is none today) has its claims left out. No stories: the folder is compared as
/// one.
pub fn grouping(
    records: &[Record],
    store: &Store,
    kept: &[Kept],
    stories: Option<&[(Option<String>, Vec<usize>)]>,
) -> std::io::Result<Grouping> {
    let Some(stories) = stories else {
        let order = numbered(kept, |_| true);
        let groups = groups_by_key(store, records, kept, &order)?;
        return Ok(Grouping {
            order,
            stories: vec![None; groups.len()],
            groups,
        });
    };
    let mut included = vec![false; records.len()];
    for (_, members) in stories {
        for &i in members {
            if let Some(x) = included.get_mut(i) {
                *x = true;
            }
        }
    }
    let order = numbered(kept, |i| included.get(i).copied().unwrap_or(false));
    let mut groups = Vec::new();
    let mut story_of = Vec::new();
    // One story at a time: its articles' runs are read back, grouped and dropped, so
    // memory holds the largest story's, not the folder's (docs/safety.md).
    for (story, members) in stories {
        let mut runs = Vec::with_capacity(members.len());
        // Publication times by id (`claims::publication_times`), of this story's
        // articles only.
        let mut times = HashMap::new();
        for &i in members {
            if let (Some(a), Some(k), Some(first)) =
                (records.get(i), kept.get(i), first_of(&order, i))
            {
                runs.push((first, &*a.id, k.runs(store)?));
                if let Some(t) = a.time {
                    times.insert(&*a.id, t);
                }
            }
        }
        let gs = group_read(&runs, &|id| times.get(id).copied());
        story_of.extend(std::iter::repeat_n(story.clone(), gs.len()));
        groups.extend(gs);
    }
    Ok(Grouping {
        order,
        groups,
        stories: story_of,
    })
}

/// (article index, id of its first claim) of the articles `included`, in order.
fn numbered(kept: &[Kept], included: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut order = Vec::with_capacity(kept.len());
    let mut next = 0;
    for (i, k) in kept.iter().enumerate() {
        if included(i) {
            order.push((i, next));
            next += k.count;
        }
    }
    order
}

/// The id of the first claim of the article `i`, if it is in `order`.
fn first_of(order: &[(usize, usize)], i: usize) -> Option<usize> {
    let at = order.binary_search_by_key(&i, |&(a, _)| a).ok()?;
    order.get(at).map(|&(_, first)| first)
}

/// The whole folder compared as one (`--stories off`): its groups a key at a time, in
/// key order, each built a source at a time from its runs read back from the store one
/// by one ([`OneGroup`]). What is held is the largest group's headlines and ids and 4
/// bytes an article's key, not every article's runs (docs/safety.md). The groups are
/// those of `claims::groups` over all the runs at once: it lists groups in key order,
/// each with its members in order.
fn groups_by_key(
    store: &Store,
    records: &[Record],
    kept: &[Kept],
    order: &[(usize, usize)],
) -> std::io::Result<Vec<Group>> {
    let keys = store.take_keys();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); keys.len()];
    for &(i, _) in order {
        for key in kept.get(i).into_iter().flat_map(Kept::keys) {
            if let (Some(p), Ok(i)) = (postings.get_mut(key as usize), u32::try_from(i)) {
                p.push(i);
            }
        }
    }
    let mut by_key: Vec<u32> = (0..keys.len())
        .filter_map(|k| u32::try_from(k).ok())
        .collect();
    by_key.sort_by(|&a, &b| keys.get(a as usize).cmp(&keys.get(b as usize)));
    let mut groups = Vec::new();
    for key in by_key {
        let at = std::mem::take(&mut postings[key as usize]);
        let mut group = OneGroup::default();
        for i in at.into_iter().map(|i| i as usize) {
            if let (Some(r), Some(k), Some(first)) =
                (records.get(i), kept.get(i), first_of(order, i))
                && let Some(run) = k.run_of_key(store, key)?
            {
                group.push(first, &r.id, r.time, &run);
            }
        }
        if let Some(g) = keys.get(key as usize).and_then(|k| group.finish(k)) {
            groups.push(g);
        }
    }
    Ok(groups)
}

/// `claims::groups` of runs read back from the store, each as (id of its article's
/// first claim, article id, its runs).
fn group_read<R: Borrow<Runs>>(
    runs: &[(usize, &str, R)],
    time: &dyn Fn(&str) -> Option<i64>,
) -> Vec<Group> {
    let members: Vec<claims::Member> = runs
        .iter()
        .map(|(first, article, runs)| claims::Member {
            first: *first,
            article,
            runs: runs.borrow(),
        })
        .collect();
    claims::groups(&members, time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Lexicon;
    use crate::cli::claim_store::{RunsTo, keep};
    use crate::corpus::Article;

    #[test]
    fn a_folder_grouped_a_key_at_a_time_has_the_groups_of_all_its_runs_at_once() {
        let texts = [
            "انفجار في السوق\n\nقتل 12 شخصا وأصيب 30 آخرون في انفجار، وخسائر بقيمة 2 مليون دولار.",
            "حصيلة الانفجار\n\nقتل 15 شخصا وأصيب 40 آخرون في الانفجار.",
            "الانفجار\n\nأصيب 30 شخصا وقتل 14 في الانفجار، وخسائر بقيمة 3 مليون دولار.",
        ];
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let name = format!("{i}.txt");
                Article::from_text(&format!("d/{name}"), &name, (*t).into())
            })
            .collect();
        let lexicon = Lexicon::builtin();
        let groups_with = |runs_to: RunsTo| {
            let store = Store::default();
            let kept: Vec<Kept> = articles
                .iter()
                .map(|a| keep(&store, a, &lexicon, false, runs_to))
                .collect();
            let records: Vec<Record> = articles.iter().map(|a| Record::keep(&store, a)).collect();
            let all = [(None, (0..articles.len()).collect())];
            let stories = (runs_to != RunsTo::Keyed).then_some(&all[..]);
            let g = grouping(&records, &store, &kept, stories).unwrap();
            format!("{:?}", g.groups)
        };
        let at_once = groups_with(RunsTo::Memory);
        assert_eq!(groups_with(RunsTo::Keyed), at_once);
        assert_eq!(groups_with(RunsTo::Store), at_once);
        let analysed = crate::claims::analyze(&articles, &lexicon, false);
        assert!(analysed.groups.len() >= 2, "{:?}", analysed.groups);
        assert_eq!(format!("{:?}", analysed.groups), at_once);
    }
}
