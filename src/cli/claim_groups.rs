//! How `qarin claims` groups the claims of a folder it read: story by story, or the
//! folder as one a group key at a time, reading back from the claim store
//! (`cli::claim_store`) only the runs being grouped (docs/safety.md, "A folder").

use std::collections::HashMap;
use std::io;

use crate::claims::{self, Group, OneGroup, Runs, Verdict};
use crate::cli::claim_articles::Articles;
use crate::cli::claim_store::{Store, Stored};
use crate::corpus::extsort::Sorter;

/// The groups of the claims, story by story.
pub struct Grouping<'a> {
    pub groups: Groups<'a>,
    /// Each group's story (empty without stories).
    pub stories: Vec<Option<String>>,
}

/// The groups, each written to the store as it is made and read back one at a time
/// for the output: memory keeps 24 bytes a group, not its claim ids and conflicting
/// pairs (docs/safety.md, a folder).
pub struct Groups<'a> {
    store: &'a Store,
    list: Vec<(Stored, Verdict)>,
}

impl<'a> Groups<'a> {
    pub fn new(store: &'a Store) -> Groups<'a> {
        Groups {
            store,
            list: Vec::new(),
        }
    }

    fn put(&mut self, g: &Group) -> io::Result<()> {
        let bytes = serde_json::to_vec(g).map_err(io::Error::other)?;
        self.list.push((self.store.put_bytes(&bytes), g.verdict));
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Whether some group is a conflict.
    pub fn conflict(&self) -> bool {
        self.list.iter().any(|(_, v)| *v == Verdict::Conflict)
    }

    /// Every group, read back one at a time.
    pub fn iter(&self) -> impl Iterator<Item = io::Result<Group>> + '_ {
        let mut buf = Vec::new();
        self.list.iter().map(move |&(at, _)| {
            self.store.get_bytes(at, &mut buf)?;
            serde_json::from_slice(&buf)
                .map_err(|e| io::Error::other(format!("a stored group: {e}")))
        })
    }

    /// Every group at once (the table, which lays all out before printing).
    pub fn all(&self) -> io::Result<Vec<Group>> {
        self.iter().collect()
    }
}

/// Claims are compared only inside a story (docs/stories.md): a group never mixes two.
/// Claims are numbered in input order, whatever the stories; an article in no story
/// (there is none today) has its claims left out. No stories: the folder is compared as
/// one.
pub fn grouping<'a>(
    articles: &mut Articles,
    store: &'a Store,
    stories: Option<&[(Option<String>, Vec<usize>)]>,
) -> io::Result<Grouping<'a>> {
    let mut groups = Groups::new(store);
    let Some(stories) = stories else {
        groups_by_key(store, articles, &mut groups)?;
        return Ok(Grouping {
            groups,
            stories: Vec::new(),
        });
    };
    let mut included = vec![false; articles.len()];
    for (_, members) in stories {
        for &i in members {
            if let Some(x) = included.get_mut(i) {
                *x = true;
            }
        }
    }
    articles.number(|i| included.get(i).copied().unwrap_or(false))?;
    let mut story_of = Vec::new();
    // One story at a time: its articles' runs are read back, grouped and dropped, so
    // memory holds the largest story's, not the folder's (docs/safety.md).
    for (story, members) in stories {
        let mut runs = Vec::with_capacity(members.len());
        // Publication times by id (`claims::publication_times`), of this story's
        // articles only.
        let mut times = HashMap::new();
        for &i in members.iter().filter(|&&i| i < articles.len()) {
            let e = articles.get(store, i)?;
            if let Some(first) = e.first {
                let id = e.record.id;
                if let Some(t) = e.record.time {
                    times.insert(id.clone(), t);
                }
                runs.push((first, id, e.kept.runs(store)?.into_owned()));
            }
        }
        for g in group_read(&runs, &|id| times.get(id).copied()) {
            groups.put(&g)?;
            story_of.push(story.clone());
        }
    }
    Ok(Grouping {
        groups,
        stories: story_of,
    })
}

/// The whole folder compared as one (`--stories off`): its groups a key at a time, in
/// key order, each built a source at a time from its runs read back from the store one
/// by one ([`OneGroup`]) and written to the store when made. Which articles have a key
/// is found by sorting (key's place in key order, article) pairs in bounded memory
/// (`corpus::extsort`), not by a list a key (4 bytes a pair and its room): what is held
/// is the keys, the largest group's headlines and ids, and a sort's runs
/// (docs/safety.md). The groups are those of `claims::groups` over all the runs at once:
/// it lists groups in key order, each with its members in order.
fn groups_by_key(store: &Store, articles: &Articles, groups: &mut Groups) -> io::Result<()> {
    let keys = store.take_keys();
    let mut by_key: Vec<u32> = (0..keys.len())
        .filter_map(|k| u32::try_from(k).ok())
        .collect();
    by_key.sort_by(|&a, &b| keys.get(a as usize).cmp(&keys.get(b as usize)));
    let mut place = vec![0u32; keys.len()];
    for (p, &k) in by_key.iter().enumerate() {
        if let (Some(x), Ok(p)) = (place.get_mut(k as usize), u32::try_from(p)) {
            *x = p;
        }
    }
    let mut pairs = Sorter::default();
    for i in 0..articles.len() {
        let (kept, first, _) = articles.kept(store, i)?;
        let Ok(i) = u32::try_from(i) else { break };
        for key in kept.keys().filter(|_| first.is_some()) {
            if let Some(&p) = place.get(key as usize) {
                let mut pair = [0u8; 8];
                pair[..4].copy_from_slice(&p.to_be_bytes());
                pair[4..].copy_from_slice(&i.to_be_bytes());
                pairs.push(&pair)?;
            }
        }
    }
    drop(place);
    // The group being built: its key's place and what it holds.
    let mut building: Option<(u32, OneGroup)> = None;
    let mut failed = None;
    let finish = |b: Option<(u32, OneGroup)>, groups: &mut Groups| -> io::Result<()> {
        if let Some((p, group)) = b
            && let Some(key) = by_key.get(p as usize).and_then(|&k| keys.get(k as usize))
            && let Some(g) = group.finish(key)
        {
            groups.put(&g)?;
        }
        Ok(())
    };
    pairs.finish(&mut |pair| {
        let (Some(p), Some(i)) = (pair.get(..4), pair.get(4..8)) else {
            return;
        };
        let p = u32::from_be_bytes([p[0], p[1], p[2], p[3]]);
        let i = u32::from_be_bytes([i[0], i[1], i[2], i[3]]) as usize;
        let mut step = || -> io::Result<()> {
            if building.as_ref().is_none_or(|(q, _)| *q != p) {
                finish(building.replace((p, OneGroup::default())), groups)?;
            }
            let key = by_key.get(p as usize).copied().unwrap_or(u32::MAX);
            let (kept, first, time) = articles.kept(store, i)?;
            if let Some(first) = first
                && let Some(run) = kept.run_of_key(store, key)?
                && let Some((_, group)) = building.as_mut()
            {
                group.push(first, i, time, &run);
            }
            Ok(())
        };
        if failed.is_none()
            && let Err(e) = step()
        {
            failed = Some(e);
        }
    })?;
    if let Some(e) = failed {
        return Err(e);
    }
    finish(building.take(), groups)
}

/// `claims::groups` of runs read back from the store, each as (id of its article's
/// first claim, article id, its runs).
fn group_read(runs: &[(usize, Box<str>, Runs)], time: &dyn Fn(&str) -> Option<i64>) -> Vec<Group> {
    let members: Vec<claims::Member> = runs
        .iter()
        .map(|(first, article, runs)| claims::Member {
            first: *first,
            article,
            runs,
        })
        .collect();
    claims::groups(&members, time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Lexicon;
    use crate::cli::claim_records::Record;
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
            let mut kept = Articles::default();
            for a in &articles {
                let k = keep(&store, a, &lexicon, false, runs_to);
                kept.push(&store, k, Record::keep(&store, a));
            }
            let all = [(None, (0..articles.len()).collect())];
            let stories = (runs_to != RunsTo::Keyed).then_some(&all[..]);
            let g = grouping(&mut kept, &store, stories).unwrap();
            format!("{:?}", g.groups.all().unwrap())
        };
        let at_once = groups_with(RunsTo::Memory);
        assert_eq!(groups_with(RunsTo::Keyed), at_once);
        assert_eq!(groups_with(RunsTo::Store), at_once);
        let analysed = crate::claims::analyze(&articles, &lexicon, false);
        assert!(analysed.groups.len() >= 2, "{:?}", analysed.groups);
        assert_eq!(format!("{:?}", analysed.groups), at_once);
    }
}
