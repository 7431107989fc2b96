//! How `qarin claims` groups the claims of a folder it read: story by story, or the
//! folder as one a group key at a time, reading back from the claim store
//! (`cli::claim_store`) only the runs being grouped (docs/safety.md, "A folder").

use std::borrow::Borrow;

use crate::claims::{self, Group, Runs};
use crate::cli::claim_records::{self, Record};
use crate::cli::claim_store::{Kept, Store};

/// The groups of the claims, story by story, and the order of the claims.
pub struct Grouping<'a> {
    /// (article index, id of its first claim, its id) in claim order: articles as
    /// given, text order within each.
    pub order: Vec<(usize, usize, &'a str)>,
    pub groups: Vec<Group>,
    /// Each group's story.
    pub stories: Vec<Option<String>>,
}

/// Claims are compared only inside a story (docs/stories.md): a group never mixes two.
/// Claims are numbered in input order, whatever the stories; an article in no story
/// (there is none today) has its claims left out.
pub fn grouping<'a>(
    records: &'a [Record],
    store: &Store,
    kept: &[Kept],
    stories: &[(Option<String>, Vec<usize>)],
    grouped: bool,
) -> std::io::Result<Grouping<'a>> {
    let times = claim_records::publication_times(records);
    let mut included = vec![false; records.len()];
    for (_, members) in stories {
        for &i in members {
            if let Some(x) = included.get_mut(i) {
                *x = true;
            }
        }
    }
    let mut first = vec![0; records.len()];
    let mut order = Vec::new();
    let mut next = 0;
    for (i, a) in records.iter().enumerate() {
        first[i] = next;
        if included[i] {
            order.push((i, next, &*a.id));
            next += kept.get(i).map_or(0, |k| k.count);
        }
    }
    let mut groups = Vec::new();
    let mut story_of = Vec::new();
    let time = |id: &str| times.get(id).copied();
    if let [(None, members)] = stories
        && !grouped
    {
        groups = groups_by_key(store, records, kept, (&first, members), &time)?;
        story_of = vec![None; groups.len()];
        return Ok(Grouping {
            order,
            groups,
            stories: story_of,
        });
    }
    // One story at a time: its articles' runs are read back, grouped and dropped, so
    // memory holds the largest story's, not the folder's (docs/safety.md).
    for (story, members) in stories {
        let mut runs = Vec::with_capacity(members.len());
        for &i in members {
            if let (Some(a), Some(k)) = (records.get(i), kept.get(i)) {
                runs.push((first[i], &*a.id, k.runs(store)?));
            }
        }
        let gs = group_read(&runs, &time);
        story_of.extend(std::iter::repeat_n(story.clone(), gs.len()));
        groups.extend(gs);
    }
    Ok(Grouping {
        order,
        groups,
        stories: story_of,
    })
}

/// The whole folder compared as one (`--stories off`): its groups a key at a time, in
/// key order, each made of that key's runs alone, read back from the store and dropped.
/// What is held is the largest group's runs and 4 bytes an article's key, not every
/// article's runs (docs/safety.md). The groups are those of `claims::groups` over all
/// the runs at once: it lists groups in key order, each with its members in order.
fn groups_by_key(
    store: &Store,
    records: &[Record],
    kept: &[Kept],
    (first, members): (&[usize], &[usize]),
    time: &dyn Fn(&str) -> Option<i64>,
) -> std::io::Result<Vec<Group>> {
    let keys = store.keys();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); keys.len()];
    for &i in members {
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
        let mut runs = Vec::with_capacity(at.len());
        for i in at.into_iter().map(|i| i as usize) {
            if let (Some(r), Some(k), Some(&first)) = (records.get(i), kept.get(i), first.get(i))
                && let Some(of_key) = k.runs_of_key(store, key)?
            {
                runs.push((first, &*r.id, of_key));
            }
        }
        groups.extend(group_read(&runs, time));
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
            let keyed = runs_to == RunsTo::Keyed;
            let g = grouping(&records, &store, &kept, &all, !keyed).unwrap();
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
