//! What `qarin claims` keeps of an article once it is read: its id and publication time
//! (in the table of `cli::claim_articles`), the rest of its record (path, title,
//! outlet, time…) in the claim store (`cli::claim_store`), read back one article at a
//! time when the output or the clustering needs it (docs/safety.md, "A folder").

use std::io;
use std::sync::OnceLock;

use chrono::{FixedOffset, TimeZone as _};
use serde::{Deserialize, Serialize};

use crate::cli::claim_articles::Articles;
use crate::cli::claim_store::{Store, Stored};
use crate::corpus::{Article, Meta, Origin, Paragraphs, Published};

/// One article as `qarin claims` holds it.
#[derive(Debug)]
pub struct Record {
    /// `Article::id`, made unique over the folder ([`unique`]).
    pub id: Box<str>,
    /// Seconds since 1970 when a source gave the time (not a file's modification time):
    /// grouping orders sources by it (`claims::publication_times`).
    pub time: Option<i64>,
    stored: Stored,
}

/// The fields of an `Article` that `qarin claims` shows, as kept in the store.
#[derive(Serialize, Deserialize)]
struct Fields {
    origin: String,
    item: Option<String>,
    /// `Article::path` when it is not the origin's path.
    path: Option<String>,
    name: String,
    title: String,
    outlet: String,
    /// `Article::short` when it is not the id.
    short: Option<String>,
    /// Seconds, nanoseconds, offset east of UTC in seconds, whether a guess.
    published: Option<(i64, u32, i32, bool)>,
    url: Option<String>,
    lang: Option<String>,
}

impl Record {
    /// Keeps `a`'s record in `store`.
    pub fn keep(store: &Store, a: &Article) -> Record {
        let fields = Fields {
            origin: a.origin.path.clone(),
            item: a.origin.item.clone(),
            path: (a.path != a.origin.path).then(|| a.path.clone()),
            name: a.name.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            short: (a.short != a.id).then(|| a.short.clone()),
            published: a.published.map(|p| {
                (
                    p.time.timestamp(),
                    p.time.timestamp_subsec_nanos(),
                    p.time.offset().local_minus_utc(),
                    p.guess,
                )
            }),
            url: a.url.clone(),
            lang: a.lang.clone(),
        };
        // `Fields` always serialises (strings and integers).
        let bytes = serde_json::to_vec(&fields).unwrap_or_default();
        Record {
            id: a.id.as_str().into(),
            time: a.published.filter(|p| !p.guess).map(|p| p.time.timestamp()),
            stored: store.put_bytes(&bytes),
        }
    }

    /// A record of `id` and `time` whose fields are at `stored` (`cli::claim_articles`).
    pub fn from_parts(id: Box<str>, time: Option<i64>, stored: Stored) -> Record {
        Record { id, time, stored }
    }

    /// Where its fields are in the store.
    pub fn stored(&self) -> Stored {
        self.stored
    }

    /// The path of its origin (the file it came from).
    pub fn origin(&self, store: &Store) -> io::Result<String> {
        Ok(self.fields(store, &mut Vec::new())?.origin)
    }

    fn fields(&self, store: &Store, buf: &mut Vec<u8>) -> io::Result<Fields> {
        store.get_bytes(self.stored, buf)?;
        serde_json::from_slice(buf).map_err(|e| io::Error::other(format!("a stored article: {e}")))
    }

    /// The article as it was loaded, with its text gone (an `Article` whose paragraphs
    /// were dropped).
    pub fn article(&self, store: &Store) -> io::Result<Article> {
        let f = self.fields(store, &mut Vec::new())?;
        let published = match f.published {
            Some((secs, nanos, offset, guess)) => {
                let time = FixedOffset::east_opt(offset)
                    .and_then(|o| o.timestamp_opt(secs, nanos).single())
                    .ok_or_else(|| io::Error::other("a stored article's time is damaged"))?;
                Some(Published { time, guess })
            }
            None => None,
        };
        let origin = Origin {
            path: f.origin,
            item: f.item,
        };
        let meta = Meta {
            title: Some(f.title),
            outlet: Some(f.outlet),
            short: Some(f.short.unwrap_or_else(|| self.id.to_string())),
            published,
            url: f.url,
            lang: f.lang,
            id: Some(self.id.to_string()),
            ..Meta::default()
        };
        let mut a = Article::build(origin, &f.name, Paragraphs::empty(), OnceLock::new(), meta);
        if let Some(path) = f.path {
            a.path = path;
        }
        Ok(a)
    }

    /// The article's outlet (empty when unknown).
    pub fn outlet(&self, store: &Store) -> io::Result<String> {
        Ok(self.fields(store, &mut Vec::new())?.outlet)
    }
}

/// The records of a folder with the store that holds them.
#[derive(Clone, Copy)]
pub struct Records<'a> {
    pub store: &'a Store,
    pub articles: &'a Articles,
}

impl Records<'_> {
    /// Every article, read back one at a time.
    pub fn iter(&self) -> impl Iterator<Item = io::Result<Article>> + '_ {
        (0..self.articles.len())
            .map(|i| self.articles.get(self.store, i)?.record.article(self.store))
    }

    /// Every article at once (the table, which lays all out before printing).
    pub fn all(&self) -> io::Result<Vec<Article>> {
        self.iter().collect()
    }
}
