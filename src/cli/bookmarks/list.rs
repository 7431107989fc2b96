//! `qarin bookmarks list`: every bookmark with where its passage is now, as a table
//! (within the width, logical text into a pipe), JSON, JSON Lines or CSV.
//!
//! The bookmarks file is read a bookmark at a time ([`Source`]); articles are loaded
//! one at a time (their bookmarks re-found together) and dropped; only the small
//! per-bookmark results are kept, so memory is bounded by the largest article and
//! bookmark, and rows are written as they are formatted. Fields: docs/contracts.md.

use std::collections::HashMap;
use std::io::Write;

use clap::ValueEnum;
use serde::Serialize;

#[cfg(test)]
pub(super) use super::rows::table_lines;
use super::rows::{CSV_HEADER, TABLE_KEEP, csv_row, table_headers, table_row};
use super::stream::Source;
use crate::bookmarks::display::safe_line;
use crate::bookmarks::{Anchor, Bookmark, Location, Match, Store, load_article};
#[cfg(test)]
use crate::cli::output::TextStyle;
use crate::cli::output::{self, Csv, Jsonl, Measure};
use crate::text::safe::safe_path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One row per bookmark, wrapped to the width.
    Table,
    /// One document: version, file, bookmarks.
    Json,
    /// One JSON object per line: a header, then one bookmark per line.
    Jsonl,
    /// One row per bookmark, with a header row.
    Csv,
}

/// Where a bookmark's passage is now, or why its article cannot be searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    At(Anchor),
    /// The article file is gone.
    Missing,
    /// The file is there but no longer loads (index into the reasons).
    Unreadable(usize),
}

impl Found {
    /// Where `b` was saved: its article is unchanged (same hash), so no search is needed.
    fn unchanged(b: &Bookmark) -> Found {
        let here = Location {
            paragraph: b.paragraph,
            start: b.start,
            end: b.end,
        };
        Found::At(Anchor::Found(here, Match::Same))
    }

    pub(super) fn status(self) -> &'static str {
        match self {
            Found::At(a) => a.status(),
            Found::Missing => "missing",
            Found::Unreadable(_) => "unreadable",
        }
    }

    pub(super) fn anchor(self) -> Option<Anchor> {
        match self {
            Found::At(a) => Some(a),
            _ => None,
        }
    }

    pub(super) fn current(self) -> Option<Location> {
        self.anchor().and_then(|a| a.location())
    }
}

/// Each bookmark with where its passage is now, and the reasons unreadable articles
/// gave. Each article is loaded once, its bookmarks re-found together in one pass, and
/// dropped before the next is loaded.
pub(super) fn anchored(bookmarks: &[Bookmark]) -> (Vec<(&Bookmark, Found)>, Vec<String>) {
    let mut by_article: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, b) in bookmarks.iter().enumerate() {
        by_article
            .entry(b.article.path.as_str())
            .or_default()
            .push(i);
    }
    let mut found = vec![Found::Missing; bookmarks.len()];
    let mut reasons = Vec::new();
    for idx in by_article.values() {
        let article = match load_article(&bookmarks[idx[0]].article) {
            Ok(Some(a)) => a,
            Ok(None) => continue,
            Err(e) => {
                reasons.push(e.to_string());
                idx.iter()
                    .for_each(|&i| found[i] = Found::Unreadable(reasons.len() - 1));
                continue;
            }
        };
        // An unchanged file (same hash) needs no search at all.
        let (same, changed): (Vec<usize>, Vec<usize>) = idx
            .iter()
            .partition(|&&i| article.hash() == bookmarks[i].article.hash);
        for i in same {
            found[i] = Found::unchanged(&bookmarks[i]);
        }
        let refs: Vec<&Bookmark> = changed.iter().map(|&i| &bookmarks[i]).collect();
        for (i, a) in changed.iter().zip(crate::bookmarks::refind::reanchor_all(
            &refs,
            &article.paragraphs,
        )) {
            found[*i] = Found::At(a);
        }
    }
    (bookmarks.iter().zip(found).collect(), reasons)
}

/// A bookmark as `list --format json|jsonl` writes it.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    bookmark: &'a Bookmark,
    /// `same`, `moved`, `normalized`, `similar`, `lost`, `missing` (article not found)
    /// or `unreadable` (the file is there but no longer loads; `problem` says why).
    status: &'static str,
    /// Where the passage is in the article now.
    current: Option<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<&'a str>,
}

fn listed<'a>(b: &'a Bookmark, found: Found, reasons: &'a [String]) -> Listed<'a> {
    Listed {
        bookmark: b,
        status: found.status(),
        current: found.current(),
        problem: match found {
            Found::Unreadable(r) => reasons.get(r).map(String::as_str),
            _ => None,
        },
    }
}

#[derive(Serialize)]
struct ListJson<'a> {
    file: String,
    bookmarks: Streamed<'a>,
}

/// The `bookmarks` array of `list --format json`, serialized as the file is read.
struct Streamed<'a> {
    src: &'a Source,
    found: &'a [Found],
    reasons: &'a [String],
}

impl Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error as _, SerializeSeq as _};
        let mut seq = s.serialize_seq(None)?;
        let mut failed = None;
        let mut i = 0;
        let read = self.src.each(&mut |b| {
            let f = found_at(self.found, i);
            i += 1;
            seq.serialize_element(&listed(&b, f, self.reasons))
                .map_err(|e| {
                    failed = Some(e);
                    anyhow::anyhow!("not written")
                })
        });
        if let Some(e) = failed {
            return Err(e);
        }
        read.map_err(|e| S::Error::custom(format!("{e:#}")))?;
        seq.end()
    }
}

/// The anchor of the `i`th bookmark ([`anchor_all`]); every pass reads the same file,
/// so there is one.
fn found_at(found: &[Found], i: usize) -> Found {
    found.get(i).copied().unwrap_or(Found::Missing)
}

/// Writes the list in `format`; `text` styles the table. The bookmarks file is read a
/// bookmark at a time, once to find where each passage is now ([`anchor_all`]), once
/// more to write (twice for the table: widths, then rows): what is held is each
/// bookmark's anchor, not the file parsed (docs/safety.md, "A folder: where the memory
/// goes").
pub(super) fn list(
    out: &mut impl Write,
    store: &Store,
    format: ListFormat,
    text: &output::TextArgs,
) -> anyhow::Result<()> {
    let (src, (found, reasons, notes)) = Source::open(store, anchor_all)?;
    let mut i = 0;
    let mut next = || {
        i += 1;
        found_at(&found, i - 1)
    };
    match format {
        ListFormat::Json => {
            let doc = ListJson {
                file: store.path().display().to_string(),
                bookmarks: Streamed {
                    src: &src,
                    found: &found,
                    reasons: &reasons,
                },
            };
            output::json_document_streamed(out, &doc)?;
        }
        ListFormat::Jsonl => {
            let mut j = Jsonl::with_header(
                out,
                "bookmarks list",
                &serde_json::json!({ "file": store.path().display().to_string() }),
            )?;
            src.each(&mut |b| Ok(j.record("bookmark", &listed(&b, next(), &reasons))?))?;
        }
        ListFormat::Csv => {
            let mut w = Csv::new(out, CSV_HEADER)?;
            src.each(&mut |b| Ok(w.row(csv_row(&b, next(), &reasons))?))?;
            w.finish()?;
        }
        ListFormat::Table => {
            if found.is_empty() {
                // On stderr: a script reading the table still sees an empty one.
                eprintln!("no bookmarks in {}", safe_path(store.path()));
            }
            // Why an article no longer loads, once per article, on stderr.
            for r in &reasons {
                eprintln!("qarin: {}", safe_line(r));
            }
            if found.is_empty() {
                return Ok(());
            }
            let style = text.style();
            let headers = table_headers(notes);
            let mut measure = Measure::new(&headers, &style);
            src.each(&mut |b| {
                measure.add(&table_row(&b, next(), notes));
                Ok(())
            })?;
            let grid = measure.grid(TABLE_KEEP);
            let mut lines = Vec::new();
            grid.head(&mut lines);
            let mut r = 0;
            src.each(&mut |b| {
                grid.row(r, &table_row(&b, found_at(&found, r), notes), &mut lines);
                r += 1;
                for line in lines.drain(..) {
                    writeln!(out, "{line}")?;
                }
                Ok(())
            })?;
        }
    }
    Ok(())
}

/// Where each bookmark's passage is now, in the file's order; the reasons unreadable
/// articles gave; whether any bookmark has a note. Each article is loaded when its
/// first bookmark is met and only its hash kept, but for the last one loaded; the
/// bookmarks of an article that changed are kept until it is loaded again (the last
/// one loaded is not), to be re-found together as [`anchored`] does.
fn anchor_all(src: &Source) -> anyhow::Result<(Vec<Found>, Vec<String>, bool)> {
    enum Article {
        Gone,
        Unreadable(usize),
        Hash(String),
    }
    let mut by_path: HashMap<String, usize> = HashMap::new();
    let mut articles: Vec<Article> = Vec::new();
    let mut changed: Vec<Vec<(usize, Bookmark)>> = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    let mut reasons: Vec<String> = Vec::new();
    let mut notes = false;
    // The article loaded last: a changed article's bookmarks are re-found in it
    // without reading it again (often all of them are on one article).
    let mut last: Option<(usize, crate::corpus::Article)> = None;
    let unreadable = |reasons: &mut Vec<String>, e: crate::corpus::CorpusError| {
        reasons.push(e.to_string());
        reasons.len() - 1
    };
    src.each(&mut |b| {
        notes |= b.note.is_some();
        let k = match by_path.get(b.article.path.as_str()) {
            Some(&k) => k,
            None => {
                // One article held at a time: the last one is dropped first.
                last = None;
                articles.push(match load_article(&b.article) {
                    Ok(Some(a)) => {
                        let hash = a.hash().to_owned();
                        last = Some((articles.len(), a));
                        Article::Hash(hash)
                    }
                    Ok(None) => Article::Gone,
                    Err(e) => Article::Unreadable(unreadable(&mut reasons, e)),
                });
                changed.push(Vec::new());
                by_path.insert(b.article.path.clone(), articles.len() - 1);
                articles.len() - 1
            }
        };
        found.push(match &articles[k] {
            Article::Gone => Found::Missing,
            Article::Unreadable(r) => Found::Unreadable(*r),
            // An unchanged file (same hash) needs no search at all.
            Article::Hash(h) if *h == b.article.hash => Found::unchanged(&b),
            Article::Hash(_) => {
                changed[k].push((found.len(), b));
                Found::Missing
            }
        });
        Ok(())
    })?;
    for (k, group) in changed.iter().enumerate().filter(|(_, g)| !g.is_empty()) {
        let loaded = match last.take() {
            Some((at, a)) if at == k => Ok(Some(a)),
            other => {
                last = other;
                load_article(&group[0].1.article)
            }
        };
        let article = match loaded {
            Ok(Some(a)) => a,
            // Gone or changed again since: said as when first met.
            Ok(None) => continue,
            Err(e) => {
                let r = unreadable(&mut reasons, e);
                group
                    .iter()
                    .for_each(|(i, _)| found[*i] = Found::Unreadable(r));
                continue;
            }
        };
        let refs: Vec<&Bookmark> = group.iter().map(|(_, b)| b).collect();
        let anchors = crate::bookmarks::refind::reanchor_all(&refs, &article.paragraphs);
        for ((i, _), a) in group.iter().zip(anchors) {
            found[*i] = Found::At(a);
        }
    }
    Ok((found, reasons, notes))
}

#[cfg(test)]
#[path = "list_tests.rs"]
pub(super) mod tests;
