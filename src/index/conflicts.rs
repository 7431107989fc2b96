//! The claims of a story's articles and the number of its groups in conflict
//! (docs/stories.md): found per article while the grouping runs, counted per story.

use rayon::prelude::*;

use super::{Entry, Grouped};
use crate::claims::{self, Lexicon, Verdict};
use crate::corpus::{self, Article, LoadOptions};
use crate::stories::Story;
use crate::stories::job::{self, Phase};

/// One article's claims, with what grouping them with others needs of it.
#[derive(Debug)]
pub(super) struct ArticleClaims {
    id: String,
    /// Its publication time when its source gives one (`claims::publication_times`).
    time: Option<i64>,
    found: claims::Found,
}

impl ArticleClaims {
    /// The claims of the article `e` of text `text`, else read again (`None` if it
    /// cannot be read any more: it then adds no claim).
    pub(super) fn read(
        e: &Entry,
        text: Option<String>,
        load: &LoadOptions,
        lexicon: &Lexicon,
    ) -> Option<ArticleClaims> {
        let path = std::path::Path::new(&e.path);
        let text = match text {
            Some(t) => t,
            None => corpus::decode(path, &std::fs::read(path).ok()?, load).ok()?,
        };
        let name = path.file_name()?.to_string_lossy().into_owned();
        let article = Article::from_text(&e.path, &name, text);
        Some(ArticleClaims {
            id: article.id.clone(),
            time: article
                .published
                .as_ref()
                .filter(|p| !p.guess)
                .map(|p| p.time.timestamp()),
            found: claims::find(&article, lexicon, false),
        })
    }
}

/// The number of the claim groups in conflict among one story's articles' claims
/// (as `claims::analyze` on the story's articles, in the story's order, counts them).
pub(super) fn conflicts_of(all: Vec<ArticleClaims>, lexicon: &Lexicon) -> usize {
    let (ids, found): (Vec<(String, Option<i64>)>, Vec<claims::Found>) =
        all.into_iter().map(|c| ((c.id, c.time), c.found)).unzip();
    // As `claims::analyze` does: the last article of an id gives its time.
    let times: std::collections::HashMap<&str, i64> = ids
        .iter()
        .filter_map(|(id, t)| Some((id.as_str(), (*t)?)))
        .collect();
    let time = |id: &str| times.get(id).copied();
    claims::assemble(
        ids.iter().map(|(id, _)| id.as_str()).zip(found),
        lexicon,
        &time,
    )
    .groups
    .iter()
    .filter(|g| g.verdict == Verdict::Conflict)
    .count()
}

/// Each story with its number of groups in conflict: a story takes its articles'
/// claims out of `claims` (an article is in one story only); what is left there (the
/// articles alone in their story) is the caller's to free.
pub(super) fn count_per_story(
    grouped: Vec<Story>,
    claims: &mut [Option<ArticleClaims>],
    lexicon: &Lexicon,
    seen: &job::Progress,
) -> Vec<Grouped> {
    seen.start(Phase::Conflicts, grouped.len());
    let mut per_story: Vec<Vec<ArticleClaims>> = grouped
        .iter()
        .map(|st| {
            st.articles
                .iter()
                .filter_map(|&a| claims.get_mut(a).and_then(Option::take))
                .collect()
        })
        .collect();
    grouped
        .into_par_iter()
        .zip(per_story.par_iter_mut())
        .map(|(story, claims)| {
            seen.tick();
            let conflicts = if story.articles.len() > 1 && !seen.cancelled() {
                conflicts_of(std::mem::take(claims), lexicon)
            } else {
                0
            };
            Grouped { story, conflicts }
        })
        .collect()
}
