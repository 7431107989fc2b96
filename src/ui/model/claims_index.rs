//! Claims by where they are: which claims a paragraph holds, which group and article a
//! claim belongs to, which claims are in a conflict. Built once per analysis.

use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};

use crate::claims::{Analysis, Verdict};
use crate::corpus::Article;

/// Claims by where they are, built once after analysis.
#[derive(Debug, Clone, Default)]
pub struct ClaimIndex {
    /// (article index, paragraph index) → claim ids.
    pub by_para: HashMap<(usize, usize), Vec<usize>>,
    /// claim id → group index.
    pub group_of: HashMap<usize, usize>,
    /// claim id → article index.
    pub article_of: HashMap<usize, usize>,
    /// Claims in a conflict (a group with verdict conflict, in one of its disjoint
    /// pairs when the engine lists them). Built once: groups can hold many pairs.
    pub conflicting: HashSet<usize>,
}

/// The claim index of an analysis over `articles`.
pub fn build_index<A: Borrow<Article>>(articles: &[A], analysis: &Analysis) -> ClaimIndex {
    let mut ix = ClaimIndex::default();
    let by_id: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .rev()
        .map(|(i, a)| (a.borrow().id.as_str(), i))
        .collect();
    for c in &analysis.claims {
        let Some(&ai) = by_id.get(c.article.as_str()) else {
            continue;
        };
        ix.article_of.insert(c.id, ai);
        ix.by_para
            .entry((ai, c.paragraph.saturating_sub(1)))
            .or_default()
            .push(c.id);
    }
    for (g, group) in analysis.groups.iter().enumerate() {
        for c in &group.claims {
            ix.group_of.insert(*c, g);
        }
        if group.verdict == Verdict::Conflict {
            if group.conflicts.is_empty() {
                ix.conflicting.extend(group.claims.iter().copied());
            } else {
                for (a, b) in &group.conflicts {
                    ix.conflicting.insert(*a);
                    ix.conflicting.insert(*b);
                }
            }
        }
    }
    ix
}
