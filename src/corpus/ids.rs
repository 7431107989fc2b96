//! Article ids unique among the articles loaded together.

use std::collections::HashSet;
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
    renames_of(
        ids.len(),
        |i| ids.get(i).copied().unwrap_or(""),
        origin_path,
    )
}

/// [`renames`] of `n` articles whose ids `id_of` gives.
pub fn renames_of<'a>(
    n: usize,
    id_of: impl Fn(usize) -> &'a str,
    origin_path: impl Fn(usize) -> String,
) -> Vec<(usize, String)> {
    // The indices sorted by id (stable: members in input order), 4 bytes an
    // article: a folder's ids are neither copied nor mapped (docs/safety.md, a folder).
    let mut sorted: Vec<u32> = (0..n).filter_map(|i| u32::try_from(i).ok()).collect();
    sorted.sort_by(|&a, &b| id_of(a as usize).cmp(id_of(b as usize)));
    let id_of = |i: u32| id_of(i as usize);
    // An id is taken when exactly one article has it, or when a rename made it.
    let once = |name: &str| {
        let from = sorted.partition_point(|&i| id_of(i) < name);
        let to = sorted.partition_point(|&i| id_of(i) <= name);
        to - from == 1
    };
    let mut made: HashSet<String> = HashSet::new();
    let mut take = |name: &str| !once(name) && made.insert(name.to_owned());
    let mut out = Vec::new();
    let runs = sorted.chunk_by(|&a, &b| id_of(a) == id_of(b));
    for members in runs.filter(|m| m.len() > 1) {
        let id = members.first().map_or("", |&i| id_of(i));
        let dirs: Vec<Vec<String>> = members
            .iter()
            .map(|&i| {
                Path::new(&origin_path(i as usize))
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
            while !take(&new) {
                n += 1;
                new = format!("{base}~{n}");
            }
            out.push((i as usize, new));
        }
    }
    out
}
