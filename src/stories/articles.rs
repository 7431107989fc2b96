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
    of_terms(articles, articles.iter().map(terms_of).collect())
}

/// [`of_articles`] with each article's terms already taken (its text may be gone).
pub fn of_terms(articles: &[Article], terms: Vec<Terms>) -> Vec<Story> {
    let inputs: Vec<Input> = articles
        .iter()
        .zip(terms)
        .map(|(a, terms)| Input {
            path: a.path.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a
                .published
                .map(|p| p.time.timestamp())
                .or_else(|| a.name.get(..19).and_then(time::parse)),
            terms,
        })
        .collect();
    group(&inputs, &Params::default())
}
