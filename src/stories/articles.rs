//! Stories of articles already loaded (`qarin claims` on many files): their terms come
//! from their first paragraphs, their time from a crawl's file name when it has one.

use super::{Input, Params, Story, Terms, group, terms, time};
use crate::corpus::Article;

/// The stories of `articles` (indices into it), as `qarin stories` would group them.
pub fn of_articles(articles: &[Article]) -> Vec<Story> {
    let inputs: Vec<Input> = articles
        .iter()
        .map(|a| {
            let mut body = String::new();
            for p in a.paragraphs.iter().skip(1) {
                if body.len() >= terms::BODY_LIMIT {
                    break;
                }
                body.push_str(p);
                body.push('\n');
            }
            Input {
                path: a.path.clone(),
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                published: a
                    .published
                    .map(|p| p.time.timestamp())
                    .or_else(|| a.name.get(..19).and_then(time::parse)),
                terms: Terms::of(&a.title, &body),
            }
        })
        .collect();
    group(&inputs, &Params::default())
}
