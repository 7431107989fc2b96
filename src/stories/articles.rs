//! Stories of articles already loaded (`qarin claims` on a folder): their terms come
//! from their first paragraphs, their time from a crawl's file name when it has one.

use super::fastmap::FastMap;
use super::terms::{LATIN, SHARED};
use super::{Input, Params, Story, Terms, Vectors, cluster, group, group_with, terms, time};
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
pub fn of_terms(articles: &mut [Article], terms: Vec<Terms>) -> Vec<Story> {
    lent(articles, terms, |inputs| group(inputs, &Params::default()))
}

/// [`of_terms`] for `n` articles, each one's terms read back when asked for (`terms(i)`,
/// twice an article: once for the document frequencies, once for its vector) rather
/// than held: during the clustering an article keeps its TF-IDF vector and the terms
/// shared across languages, not all its terms (docs/safety.md, "A folder of articles").
/// Its record is kept elsewhere too (`qarin claims` keeps it in its store): `article(i)`
/// gives each back once, after the vectors are made, for its path, title, outlet and
/// time. The stories are those of [`of_terms`].
pub fn of_stored_records<E>(
    n: usize,
    mut article: impl FnMut(usize) -> Result<Article, E>,
    terms: impl FnMut(usize) -> Result<Terms, E>,
) -> Result<Vec<Story>, E> {
    let p = Params::default();
    let (made, shared) = vectors_of_stored(n, terms, &p)?;
    let mut inputs = Vec::with_capacity(n);
    for (i, terms) in shared.into_iter().enumerate() {
        let a = article(i)?;
        inputs.push(Input {
            published: published(&a),
            path: a.path,
            title: a.title,
            outlet: a.outlet,
            terms,
        });
    }
    Ok(group_with(&inputs, &p, Some(made)))
}

/// The TF-IDF vectors of `n` articles whose terms are read back (`terms(i)`, twice an
/// article), and each one's terms shared across languages.
fn vectors_of_stored<E>(
    n: usize,
    mut terms: impl FnMut(usize) -> Result<Terms, E>,
    p: &Params,
) -> Result<(Vectors, Vec<Terms>), E> {
    let mut df: FastMap<u64, u32> = FastMap::default();
    for i in 0..n {
        for &(t, _) in &terms(i)?.0 {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    let idf = cluster::idf(&df, n, p);
    let mut vectors = Vec::with_capacity(n);
    let mut shared = Vec::with_capacity(n);
    for i in 0..n {
        let t = terms(i)?;
        vectors.push(cluster::tfidf_one(&t, &idf, p));
        let mut s: Vec<(u64, f32)> =
            t.0.into_iter()
                .filter(|&(h, _)| h & SHARED != 0 || h == LATIN)
                .collect();
        s.shrink_to_fit();
        shared.push(Terms(s));
    }
    drop(idf);
    // Past the vectors only the cross-language join reads frequencies, of shared terms.
    df.retain(|&t, _| t & SHARED != 0);
    df.shrink_to_fit();
    Ok((Vectors { df, vectors }, shared))
}

/// Each article's path, title and outlet are lent to the clustering and given back, not
/// copied: `qarin claims` on a folder holds every article's record while it clusters
/// (docs/safety.md, "A folder of articles").
fn lent(
    articles: &mut [Article],
    terms: Vec<Terms>,
    group: impl FnOnce(&[Input]) -> Vec<Story>,
) -> Vec<Story> {
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
    let stories = group(&inputs);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn article(name: &str, text: &str) -> Article {
        Article::from_text(&format!("t/{name}"), name, text.to_owned())
    }

    /// Two events in Arabic a day apart, each told by several outlets, and an English
    /// report of the first sharing its place and toll.
    fn folder() -> Vec<Article> {
        let blast = "انفجار أمام السفارة الأمريكية في أنقرة\n\nقتل 2 شخصا في انفجار انتحاري أمام السفارة الأمريكية في أنقرة وأصيب 3 آخرون.";
        let quake = "زلزال يضرب شمال إيران\n\nضرب زلزال بقوة 6 درجات شمال إيران وأدى إلى انهيار منازل في القرى.";
        let mut out = Vec::new();
        for (i, outlet) in ["a", "b", "c"].iter().enumerate() {
            out.push(article(
                &format!("2013-02-01 1{i}:00:00_{outlet}.txt"),
                blast,
            ));
            out.push(article(
                &format!("2013-02-02 1{i}:00:00_{outlet}q.txt"),
                quake,
            ));
        }
        out.push(article(
            "2013-02-01 15:00:00_en.txt",
            "Suicide bomber hits US embassy in Ankara\n\nA suicide bomber killed 2 people at the US embassy in Ankara; 3 were injured.",
        ));
        out
    }

    #[test]
    fn stories_of_stored_terms_are_those_of_held_terms() {
        let mut held = folder();
        let terms: Vec<Terms> = held.iter().map(terms_of).collect();
        let want = of_terms(&mut held, terms.clone());
        // The English report joins the Arabic ones (the cross-language terms are read).
        assert!(
            want.iter()
                .any(|s| s.articles.contains(&0) && s.articles.contains(&6)),
            "{want:?}"
        );
        let stored = folder();
        let mut asked = 0;
        let got = of_stored_records(
            stored.len(),
            |i| stored.get(i).cloned().ok_or(()),
            |i| {
                asked += 1;
                terms.get(i).cloned().ok_or(())
            },
        )
        .unwrap();
        assert_eq!(got, want);
        // Each article's terms are read twice: frequencies, then its vector.
        assert_eq!(asked, 2 * stored.len());
    }
}
