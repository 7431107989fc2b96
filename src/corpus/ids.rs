//! Article ids unique among the articles loaded together.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use super::Article;

/// Makes ids unique: colliding ids are prefixed with as many of their folders as it
/// takes to tell them apart (`cairo/same`, `alex/same`), then numbered if that is not
/// enough (the same name in the same place: entries of two feeds given twice).
pub(crate) fn unique_ids(articles: &mut [Article]) {
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    let renamed = renames(&ids, |i| articles[i].origin.path.clone());
    for (i, new) in renamed {
        let a = &mut articles[i];
        if a.short == a.id {
            a.short = new.clone();
        }
        a.id = new;
    }
}

/// The renames [`unique_ids`] makes, as (index, new id), for articles whose records are
/// kept elsewhere (`qarin claims`): `ids` are their ids as read, `origin_path(i)` is
/// asked only of an article whose id collides.
pub fn renames(ids: &[&str], origin_path: impl Fn(usize) -> String) -> Vec<(usize, String)> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        groups.entry(id).or_default().push(i);
    }
    let mut taken: HashSet<String> = groups
        .iter()
        .filter(|(_, v)| v.len() == 1)
        .map(|(id, _)| (*id).to_owned())
        .collect();
    let mut out = Vec::new();
    for (id, members) in groups.into_iter().filter(|(_, v)| v.len() > 1) {
        let dirs: Vec<Vec<String>> = members
            .iter()
            .map(|&i| {
                Path::new(&origin_path(i))
                    .parent()
                    .map(|d| {
                        d.components()
                            .map(|c| c.as_os_str().to_string_lossy().into_owned())
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let deepest = dirs.iter().map(Vec::len).max().unwrap_or(0);
        let named = |k: usize| -> Vec<String> {
            dirs.iter()
                .map(|d| {
                    let tail = &d[d.len().saturating_sub(k)..];
                    if tail.is_empty() {
                        id.to_owned()
                    } else {
                        format!("{}/{id}", tail.join("/"))
                    }
                })
                .collect()
        };
        let mut names = named(deepest);
        for k in 1..=deepest {
            let n = named(k);
            if n.iter().collect::<HashSet<_>>().len() == n.len() {
                names = n;
                break;
            }
        }
        for (&i, base) in members.iter().zip(names) {
            let (mut new, mut n) = (base.clone(), 1);
            while !taken.insert(new.clone()) {
                n += 1;
                new = format!("{base}~{n}");
            }
            out.push((i, new));
        }
    }
    out
}
