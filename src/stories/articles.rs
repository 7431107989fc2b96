//! Stories of articles already loaded (`qarin claims` on a folder): their terms come
//! from their first paragraphs, their time from a crawl's file name when it has one.

use super::{Input, Params, Story, Terms, group, terms, time};
use crate::corpus::Article;

/// An article's terms: its title and the first [`terms::BODY_LIMIT`] bytes of its body.
pub fn terms_of(a: &Article) -> Terms {
    let mut body = String::new();
    for p in a.paragraphs.iter().skip(1) {
        if body.len() >= terms::BODY_LIMIT {
            break;
        }
        body.push_str(p);
        body.push('\n');
    }
    Terms::of(&a.title, &body)
}

/// The stories of `articles` (indices into it), as `qarin stories` would group them.
pub fn of_articles(articles: &[Article]) -> Vec<Story> {
    let inputs: Vec<Input> = articles
        .iter()
        .map(|a| Input {
            path: a.path.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: published(a),
            terms: terms_of(a),
        })
        .collect();
    group(&inputs, &Params::default())
}

/// [`of_articles`] with each article's terms already taken (its text may be gone).
/// Each article's path, title and outlet are lent to the clustering and given back, not
/// copied: `qarin claims` on a folder holds every article's record while it clusters
/// (docs/safety.md, "A folder of articles").
pub fn of_terms(articles: &mut [Article], terms: Vec<Terms>) -> Vec<Story> {
    let inputs: Vec<Input> = articles
        .iter_mut()
        .zip(terms)
        .map(|(a, terms)| Input {
            published: published(a),
            path: std::mem::take(&mut a.path),
            title: std::mem::take(&mut a.title),
            outlet: std::mem::take(&mut a.outlet),
            terms,
        })
        .collect();
    let stories = group(&inputs, &Params::default());
    for (a, input) in articles.iter_mut().zip(inputs) {
        a.path = input.path;
        a.title = input.title;
        a.outlet = input.outlet;
    }
    stories
}

/// Its publication time, else one at the start of its file name (`YYYY-MM-DD HH:MM:SS`).
fn published(a: &Article) -> Option<i64> {
    a.published
        .map(|p| p.time.timestamp())
        .or_else(|| a.name.get(..19).and_then(time::parse))
}
