//! Bookmarks and reading state that never lose data.
//!
//! Pure of any terminal type: the file format (`model`), atomic locked writes that merge
//! concurrent writers (`atomic`, `store`, `state`), finding a passage again in an edited
//! article (`anchor`), an in-memory session for the TUI (`session`, with where its
//! passages were found per article version in `found`), and making stored
//! text safe to print (`display`).

pub mod anchor;
pub mod atomic;
pub mod display;
pub mod error;
mod found;
pub mod model;
pub mod refind;
pub mod session;
pub mod state;
pub mod store;
pub mod time;

use std::path::{Path, PathBuf};

pub use anchor::{Anchor, Location, Match, reanchor};
pub use error::StoreError;
pub use model::{ArticleRef, Bookmark, BookmarkFile, NewBookmark, VERSION};
pub use session::Session;
pub use state::{Found as PositionFound, Left, ReadingState, Stamp, stamp_of_file};
pub use store::Store;

use crate::corpus::{self, Article, LoadOptions};

/// `$QARIN_DATA_DIR` if set and not empty, else `$XDG_DATA_HOME/qarin`, else the
/// platform data directory (`~/.local/share/qarin` on Linux); see `crate::dirs`.
pub fn data_dir() -> Result<PathBuf, StoreError> {
    crate::dirs::dir(crate::dirs::Kind::Data).ok_or(StoreError::NoDataDir)
}

/// Where reading positions live: the state directory (`$XDG_STATE_HOME/qarin`), the
/// file moved there from the data directory the first time.
pub fn state_dir() -> Result<PathBuf, StoreError> {
    use crate::dirs::{Kind, dir, migrate_state_file};
    let state = dir(Kind::State).ok_or(StoreError::NoDataDir)?;
    if let Some(data) = dir(Kind::Data) {
        // On failure the positions start afresh in the state dir; the old file stays.
        let _ = migrate_state_file(&data, &state, state::FILE_NAME);
    }
    Ok(state)
}

/// The identity an article's bookmarks and reading position are stored under: its
/// canonical path when it is a file on disk (so it is the same from any directory),
/// else its path as loaded (`seeds/NAME` for a bundled seed, `-` for stdin).
/// An entry of a feed or corpus file adds ` → ITEM` (its origin's entry), so each
/// entry has its own bookmarks.
pub fn article_key(article: &Article) -> String {
    if article.path == "-" {
        return article.path.clone();
    }
    let path = std::fs::canonicalize(&article.path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| article.path.clone());
    match &article.origin.item {
        Some(item) => format!("{path}{ITEM_SEP}{item}"),
        None => path,
    }
}

/// Between a file's path and the entry inside it in an article key.
const ITEM_SEP: &str = " → ";

/// The article a bookmark points to, as it is now: the file on disk, else the bundled
/// seed of that name. `None` when neither exists (or the file no longer loads).
pub fn resolve_article(r: &ArticleRef) -> Option<Article> {
    load_article(r).ok().flatten()
}

/// [`resolve_article`], telling a file that is gone (`Ok(None)`) from one that is there
/// but no longer loads (`Err`, with why: it no longer decodes, it became a FIFO…).
pub fn load_article(r: &ArticleRef) -> Result<Option<Article>, corpus::CorpusError> {
    let path = Path::new(&r.path);
    if path.exists() && !path.is_dir() {
        return Ok(
            corpus::load_paths(&[path.to_path_buf()], &LoadOptions::default())?
                .into_iter()
                .next(),
        );
    }
    // An entry of a feed or corpus file: the file, then the entry in it.
    for (at, _) in r.path.match_indices(ITEM_SEP) {
        let (file, item) = (&r.path[..at], &r.path[at + ITEM_SEP.len()..]);
        if Path::new(file).is_file() {
            return Ok(corpus::load_paths(&[file.into()], &LoadOptions::default())?
                .into_iter()
                .find(|a| a.origin.item.as_deref() == Some(item)));
        }
    }
    Ok(corpus::seeds().into_iter().find(|a| a.path == r.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_feed_entry_has_its_own_key_and_is_found_again() {
        let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/inputs/feed.rss");
        let arts = corpus::load_paths(&[feed], &LoadOptions::default()).unwrap();
        let keys: Vec<String> = arts.iter().map(article_key).collect();
        assert_eq!(keys.len(), 3);
        assert!(
            keys[1].ends_with("feed.rss → https://shorouk.example/news/2"),
            "{}",
            keys[1]
        );
        let r = ArticleRef::of(&arts[1], keys[1].clone());
        let found = resolve_article(&r).unwrap();
        assert_eq!(found.title, arts[1].title);
    }

    fn reference(path: &str) -> ArticleRef {
        ArticleRef {
            path: path.into(),
            hash: String::new(),
            id: String::new(),
            title: String::new(),
            outlet: String::new(),
            extra: Default::default(),
        }
    }

    #[test]
    fn bookmarks_of_bundled_seeds_resolve_from_any_directory() {
        // The file on disk from the crate root, the bundled copy elsewhere: same bytes.
        let r = reference("seeds/003_b61dba046c2e7809.txt");
        let found = resolve_article(&r).map(|a| a.hash().to_owned());
        assert_eq!(found, Some(corpus::seeds()[3].hash().to_owned()));
        assert!(resolve_article(&reference("seeds/999_missing.txt")).is_none());
        assert!(resolve_article(&reference("/no/such/article.txt")).is_none());
    }

    #[test]
    fn files_are_keyed_by_canonical_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "نص\n").unwrap();
        let via_dots = dir.path().join(".").join("a.txt");
        let arts = corpus::load_paths(&[via_dots], &LoadOptions::default()).unwrap();
        let key = article_key(&arts[0]);
        assert_eq!(Path::new(&key), std::fs::canonicalize(&file).unwrap());
        let seed = &corpus::seeds()[0];
        assert!(article_key(seed).ends_with("seeds/000_4af10400c2144222.txt"));
    }
}
