//! The bookmark file format: plain serde types, a leading `version`.
//!
//! Fields this qarin does not know (written by a later qarin of the same format version)
//! are kept in `extra` and written back, so an older binary never drops them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::corpus::Article;

/// The format version this qarin reads and writes. A file with a higher one is refused.
pub const VERSION: u32 = 1;

/// The whole `bookmarks.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookmarkFile {
    /// Leads the file (serde writes fields in declaration order).
    pub version: u32,
    /// The id the next bookmark gets; ids are never reused, so `remove 7` can never hit
    /// a newer bookmark that took the place of an old 7.
    #[serde(default = "first_id")]
    pub next_id: u64,
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

fn first_id() -> u64 {
    1
}

impl Default for BookmarkFile {
    fn default() -> Self {
        BookmarkFile {
            version: VERSION,
            next_id: 1,
            bookmarks: Vec::new(),
            extra: BTreeMap::new(),
        }
    }
}

impl BookmarkFile {
    pub fn get(&self, id: u64) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| b.id == id)
    }
}

/// Which article a bookmark belongs to, and what it looked like when bookmarked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// Absolute path for files on disk; `seeds/NAME` for a bundled seed.
    pub path: String,
    /// Hex SHA-256 of the file's bytes when the bookmark was made.
    pub hash: String,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ArticleRef {
    /// `path` is the identity to store: callers pass a canonical path for files on disk.
    pub fn of(article: &Article, path: String) -> Self {
        let mut extra = BTreeMap::new();
        if let Some(size) = file_size(article) {
            extra.insert("size".to_owned(), Value::from(size));
        }
        ArticleRef {
            path,
            hash: article.hash().to_owned(),
            id: article.id.clone(),
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            extra,
        }
    }

    /// The file's size in bytes when the bookmark was made (bookmarks made before it
    /// was recorded have none).
    pub fn size(&self) -> Option<u64> {
        self.extra.get("size")?.as_u64()
    }
}

/// The size of the file an article is, when it is a whole file of its own (not an
/// entry of a feed or corpus file, not a seed or standard input): two articles with
/// the same hash have the same size, so a differing size rules a bookmark out without
/// hashing the article.
pub fn file_size(article: &Article) -> Option<u64> {
    if article.origin.item.is_some() || article.path == "-" {
        return None;
    }
    let md = std::fs::metadata(&article.path).ok()?;
    md.is_file().then_some(md.len())
}

/// One bookmarked passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    pub id: u64,
    pub article: ArticleRef,
    /// 1-based source line.
    pub paragraph: usize,
    /// Logical byte range of the passage in the paragraph.
    pub start: usize,
    pub end: usize,
    /// The passage itself, to find it again when the article changes.
    pub text: String,
    /// As typed: control and bidi characters are kept here and made harmless on display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// RFC 3339, UTC.
    pub created: String,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

#[cfg(test)]
impl Bookmark {
    /// The bookmark of `text` at byte `start` of `paragraph` in a test article "a.txt".
    pub(crate) fn passage(paragraph: usize, start: usize, text: &str) -> Self {
        Bookmark {
            id: 1,
            article: ArticleRef {
                path: "a.txt".into(),
                hash: String::new(),
                id: "a".into(),
                title: "a".into(),
                outlet: String::new(),
                extra: Default::default(),
            },
            paragraph,
            start,
            end: start + text.len(),
            text: text.into(),
            note: None,
            created: String::new(),
            extra: Default::default(),
        }
    }
}

/// A passage to bookmark: the store gives it an id and a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBookmark {
    pub article: ArticleRef,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub note: Option<String>,
}

impl NewBookmark {
    /// The whole of paragraph `paragraph` (1-based), or `None` when out of range.
    pub fn paragraph(article: &Article, path: String, paragraph: usize) -> Option<Self> {
        let text = article.paragraphs.get(paragraph.checked_sub(1)?)?;
        Some(NewBookmark {
            article: ArticleRef::of(article, path),
            paragraph,
            start: 0,
            end: text.len(),
            text: text.to_owned(),
            note: None,
        })
    }
}

impl NewBookmark {
    /// Bytes `start..end` of paragraph `paragraph` (1-based), e.g. a range of lines picked
    /// in the reader. `None` when out of range, empty, or not on char boundaries.
    pub fn range(
        article: &Article,
        path: String,
        paragraph: usize,
        start: usize,
        end: usize,
    ) -> Option<Self> {
        let para = article.paragraphs.get(paragraph.checked_sub(1)?)?;
        let text = para.get(start..end).filter(|t| !t.is_empty())?;
        Some(NewBookmark {
            article: ArticleRef::of(article, path),
            paragraph,
            start,
            end,
            text: text.to_owned(),
            note: None,
        })
    }
}

/// The reading state file (`state.json`): where each article was left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StateFile {
    pub version: u32,
    /// Keyed by article path (as stored in bookmarks).
    #[serde(default)]
    pub positions: BTreeMap<String, Position>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Default for StateFile {
    fn default() -> Self {
        StateFile {
            version: VERSION,
            positions: BTreeMap::new(),
            extra: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// 1-based paragraph at the top of the reader.
    pub paragraph: usize,
    /// The article's hash then; a changed article still opens near the old place.
    pub hash: String,
    pub updated: String,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Files in the data directory say which format version they are written in.
pub trait Versioned: Default + Clone + PartialEq + Serialize + serde::de::DeserializeOwned {
    /// What to call the file's contents in messages ("bookmarks").
    const WHAT: &'static str;
}

impl Versioned for BookmarkFile {
    const WHAT: &'static str = "bookmarks";
}

impl Versioned for StateFile {
    const WHAT: &'static str = "reading state";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Bookmark {
        Bookmark {
            id: 3,
            article: ArticleRef {
                path: "/a/b.txt".into(),
                hash: "ab".repeat(32),
                id: "b".into(),
                title: "عنوان".into(),
                outlet: "x".into(),
                extra: BTreeMap::new(),
            },
            paragraph: 2,
            start: 0,
            end: 4,
            text: "نصّ".into(),
            note: Some("a\u{202e}b\u{1b}[31m".into()),
            created: "2026-01-01T00:00:00Z".into(),
            extra: BTreeMap::new(),
        }
    }

    #[test]
    fn ranges_must_be_inside_one_paragraph_on_char_boundaries() {
        let art = &crate::corpus::seeds()[3];
        let p = &art.paragraphs[4];
        let end = p.char_indices().nth(5).map(|(i, _)| i).unwrap();
        let nb = NewBookmark::range(art, "k".into(), 5, 0, end).unwrap();
        assert_eq!(nb.text, p[..end]);
        assert_eq!((nb.start, nb.end), (0, end));
        assert!(NewBookmark::range(art, "k".into(), 5, 0, 1).is_none()); // inside a letter
        assert!(NewBookmark::range(art, "k".into(), 5, 3, 3).is_none()); // empty
        assert!(NewBookmark::range(art, "k".into(), 5, 0, p.len() + 1).is_none());
        assert!(NewBookmark::range(art, "k".into(), 0, 0, 1).is_none());
    }

    #[test]
    fn a_minimal_file_is_valid() {
        let f: BookmarkFile = serde_json::from_str(r#"{"version": 1}"#).unwrap();
        assert_eq!(f, BookmarkFile::default());
    }

    #[test]
    fn version_leads_the_file() {
        let json = serde_json::to_string_pretty(&BookmarkFile::default()).unwrap();
        assert!(json.starts_with("{\n  \"version\": 1,"), "{json}");
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let mut f = BookmarkFile::default();
        f.bookmarks.push(sample());
        let mut v = serde_json::to_value(&f).unwrap();
        v["colour"] = "blue".into();
        v["bookmarks"][0]["tags"] = serde_json::json!(["a"]);
        v["bookmarks"][0]["article"]["lang"] = "ar".into();
        let back: BookmarkFile = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(serde_json::to_value(&back).unwrap(), v);
    }

    #[test]
    fn notes_keep_controls_escaped_in_json() {
        let json = serde_json::to_string(&sample()).unwrap();
        assert!(json.contains(r"\u001b[31m"), "{json}");
        assert!(!json.contains('\u{1b}'));
        let back: Bookmark = serde_json::from_str(&json).unwrap();
        assert_eq!(back, sample());
    }
}
