//! Stories: articles about one event, from any outlets, within a time window.
//!
//! Pure: articles come in as [`Input`] (title, outlet, publication time, terms) and
//! stories come out; reading files and the on-disk index live in `crate::index`.
//! The method (TF-IDF over folded, lightly stemmed tokens, single-pass centroid
//! clustering in publication order) is described in docs/stories.md.

pub mod across;
pub mod articles;
mod assign;
pub mod cluster;
pub mod fastmap;
pub mod gazetteer;
pub mod job;
pub mod names;
pub mod pivot;
pub mod places;
mod split;
mod stem;
pub mod terms;
pub mod time;

use rayon::prelude::*;

pub use cluster::Params;
pub use terms::Terms;

/// One article as clustering sees it.
#[derive(Debug, Clone)]
pub struct Input {
    /// Its path: identity, canonical order, and the seed of story ids.
    pub path: String,
    pub title: String,
    pub outlet: String,
    /// Seconds since 1970 (see [`time`]), if known.
    pub published: Option<i64>,
    pub terms: Terms,
}

/// One story.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Story {
    /// `s` and 12 hex digits, from the path of its first article: the same input gives
    /// the same ids, and a story keeps its id while its first article stays in it.
    pub id: String,
    /// The title of the article closest to the story's centroid.
    pub title: String,
    pub first: Option<i64>,
    pub last: Option<i64>,
    /// Distinct outlets, in order of their first article in the story.
    pub outlets: Vec<String>,
    /// Indices into the input, by publication time (undated last), then path.
    pub articles: Vec<usize>,
}

/// Groups `inputs` into stories (every article in exactly one), in order of first
/// publication, then id. The result does not depend on the order of `inputs`.
pub fn group(inputs: &[Input], params: &Params) -> Vec<Story> {
    group_with(inputs, params, None)
}

/// The document frequencies of a folder and each input's TF-IDF vector, made before
/// grouping ([`cluster::cluster_vectors`]): the inputs then need only their terms
/// shared across languages.
pub struct Vectors {
    pub df: fastmap::FastMap<u64, u32>,
    /// Indexed like the inputs.
    pub vectors: Vec<Vec<(u64, f32)>>,
}

impl Vectors {
    /// The frequencies and vectors of articles whose terms are `terms` (indexed like the
    /// inputs), as [`cluster::cluster_with`] makes them; each article's terms are then
    /// cut to those shared across languages, all that grouping reads past its vector
    /// (`qarin stories` holds every article's terms otherwise: docs/safety.md, "A
    /// folder: where the memory goes").
    pub fn of_terms(terms: &mut [Terms], p: &Params) -> Vectors {
        let no_title = Terms::default();
        let items: Vec<cluster::Item> = terms
            .iter()
            .map(|t| cluster::Item {
                published: None,
                terms: t,
                title: &no_title,
            })
            .collect();
        let mut df = cluster::doc_freq(&items);
        let vectors = cluster::tfidf_with(&items, p, &df);
        drop(items);
        terms.par_iter_mut().for_each(|t| {
            t.0.retain(|&(h, _)| h & terms::SHARED != 0 || h == terms::LATIN);
            t.0.shrink_to_fit();
        });
        // Past the vectors only the cross-language join reads frequencies, of shared terms.
        df.retain(|&t, _| t & terms::SHARED != 0);
        df.shrink_to_fit();
        Vectors { df, vectors }
    }
}

/// [`group`], with the vectors already made when given.
pub fn group_with(inputs: &[Input], params: &Params, made: Option<Vectors>) -> Vec<Story> {
    group_telling(inputs, params, made, &|_| {})
}

/// [`group_with`], calling `joined(i)` as soon as input `i` is known to share its story
/// ([`cluster::cluster_with`]).
pub fn group_telling(
    inputs: &[Input],
    params: &Params,
    made: Option<Vectors>,
    joined: &(dyn Fn(usize) + Sync),
) -> Vec<Story> {
    // Canonical order: by path, so ties break the same way whatever the caller's order.
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by(|&a, &b| inputs[a].path.cmp(&inputs[b].path));
    // On every core: the grouping below is on one thread and the slowest step of a
    // cold `qarin stories` (docs/stories.md, Speed).
    let titles: Vec<Terms> = order
        .par_iter()
        .map(|&i| Terms::of(&inputs[i].title, ""))
        .collect();
    let items: Vec<cluster::Item> = order
        .iter()
        .zip(&titles)
        .map(|(&i, title)| cluster::Item {
            published: inputs[i].published,
            terms: &inputs[i].terms,
            title,
        })
        .collect();
    let joined = |k: usize| joined(order[k]);
    let found = match made {
        None => cluster::cluster_with(&items, params, &joined),
        Some(Vectors { df, mut vectors }) => {
            let vectors = order
                .iter()
                .map(|&i| vectors.get_mut(i).map(std::mem::take).unwrap_or_default())
                .collect();
            cluster::cluster_vectors(&items, params, &df, vectors, &joined)
        }
    };
    let mut stories: Vec<Story> = found
        .members
        .iter()
        .map(|members| {
            let mut arts: Vec<usize> = members.iter().map(|&k| order[k]).collect();
            arts.sort_by(|&a, &b| {
                let (x, y) = (&inputs[a], &inputs[b]);
                (x.published.is_none(), x.published, &x.path).cmp(&(
                    y.published.is_none(),
                    y.published,
                    &y.path,
                ))
            });
            let mut centre =
                cluster::centroid(members.iter().map(|&k| found.vectors[k].as_slice()));
            cluster::normalise(&mut centre);
            // Closest to the centroid; on a tie the earliest article.
            let rep = members
                .iter()
                .map(|&k| (order[k], cluster::cosine(&found.vectors[k], &centre)))
                .fold(None::<(usize, f32)>, |best, (i, c)| match best {
                    Some((_, bc)) if bc >= c => best,
                    _ => Some((i, c)),
                })
                .map_or(arts[0], |b| b.0);
            let mut outlets: Vec<String> = Vec::new();
            for &a in &arts {
                if !outlets.contains(&inputs[a].outlet) {
                    outlets.push(inputs[a].outlet.clone());
                }
            }
            let times = arts.iter().filter_map(|&a| inputs[a].published);
            Story {
                id: format!("s{:012x}", terms::hash(&inputs[arts[0]].path) >> 16),
                title: inputs[rep].title.clone(),
                first: times.clone().min(),
                last: times.max(),
                outlets,
                articles: arts,
            }
        })
        .collect();
    stories.sort_by(|a, b| {
        (a.first.is_none(), a.first, &a.id).cmp(&(b.first.is_none(), b.first, &b.id))
    });
    stories
}
