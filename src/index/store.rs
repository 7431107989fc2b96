//! The on-disk index: one SQLite file in the cache directory holding, per article
//! file, what reading it again would give (metadata, terms, claims), keyed by its
//! absolute path and valid while its size and modification time are unchanged; and
//! the stories of recent runs, keyed by a fingerprint of every file they were made of.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

/// Bumped whenever what is stored, or how it is computed, changes: an index from
/// another version is dropped and rebuilt, never misread.
const SCHEMA: &str = "stories-4";

/// Stories results kept per index (older ones are dropped).
const RUNS_KEPT: i64 = 16;

/// One article's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub size: i64,
    pub mtime: i64,
    pub outlet: String,
    pub title: String,
    pub published: Option<i64>,
    pub terms: Vec<u8>,
    pub claims: Vec<u8>,
}

pub struct Store {
    pub(super) conn: Connection,
    pub path: Option<PathBuf>,
    /// The path as errors name it.
    pub(super) label: String,
}

/// Why the index could not be used.
#[derive(Debug, thiserror::Error)]
#[error("index {path}: {source}")]
pub struct StoreError {
    pub path: String,
    #[source]
    pub source: rusqlite::Error,
}

/// The index file: `$QARIN_CACHE_DIR/index.sqlite` if that is set, else in the
/// platform cache directory (`$XDG_CACHE_HOME/qarin`, `~/.cache/qarin`).
pub fn default_path() -> Option<PathBuf> {
    match std::env::var_os("QARIN_CACHE_DIR") {
        Some(d) if !d.is_empty() => Some(PathBuf::from(d)),
        _ => crate::dirs::dir(crate::dirs::Kind::Cache),
    }
    .map(|d| d.join("index.sqlite"))
}

impl Store {
    /// Opens (creating if needed) the index at `path`. An index qarin cannot read (an
    /// older schema, a damaged file) is rebuilt: it only caches what the files say.
    pub fn open(path: &Path, lexicon_key: &str) -> Result<Store, StoreError> {
        let err = |source| StoreError {
            path: path.display().to_string(),
            source,
        };
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        match Store::try_open(path, lexicon_key) {
            Ok(s) => Ok(s),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
                ) =>
            {
                let _ = std::fs::remove_file(path);
                Store::try_open(path, lexicon_key).map_err(err)
            }
            Err(e) => Err(err(e)),
        }
    }

    /// An index that lives only as long as the process (no cache directory).
    pub fn in_memory(lexicon_key: &str) -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError {
            path: ":memory:".into(),
            source,
        })?;
        let mut s = Store {
            conn,
            path: None,
            label: ":memory:".into(),
        };
        s.init(lexicon_key).map_err(|source| StoreError {
            path: ":memory:".into(),
            source,
        })?;
        Ok(s)
    }

    fn try_open(path: &Path, lexicon_key: &str) -> rusqlite::Result<Store> {
        let conn = Connection::open(path)?;
        // Another qarin may be writing: wait for it rather than fail.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // A cache that can be rebuilt, not a record: no `fsync` (a cold `qarin stories`
        // waited a fifth of a second for the one of the checkpoint). A file damaged by
        // a crash of the system is rebuilt (`Store::open`); docs/stories.md, The index.
        conn.pragma_update(None, "synchronous", "OFF")?;
        let mut s = Store {
            conn,
            path: Some(path.to_path_buf()),
            label: path.display().to_string(),
        };
        s.init(lexicon_key)?;
        Ok(s)
    }

    fn init(&mut self, lexicon_key: &str) -> rusqlite::Result<()> {
        let version = format!("{SCHEMA}/{lexicon_key}");
        let tx = self.conn.transaction()?;
        tx.execute_batch("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")?;
        let have: Option<String> = tx
            .query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| {
                r.get(0)
            })
            .optional()?;
        if have.as_deref() != Some(version.as_str()) {
            tx.execute_batch(
                "DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS runs;
                 DROP TABLE IF EXISTS texts_of; DROP TABLE IF EXISTS texts;
                 CREATE TABLE articles (path TEXT PRIMARY KEY, size INTEGER NOT NULL,
                   mtime INTEGER NOT NULL, outlet TEXT NOT NULL, title TEXT NOT NULL,
                   published INTEGER, terms BLOB NOT NULL, claims BLOB NOT NULL);
                 CREATE TABLE runs (id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL,
                   result BLOB NOT NULL);
                 CREATE TABLE texts_of (path TEXT PRIMARY KEY, size INTEGER NOT NULL,
                   mtime INTEGER NOT NULL, doc INTEGER NOT NULL);
                 CREATE VIRTUAL TABLE texts USING fts5(body, tokenize = 'trigram');",
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?1)",
                [&version],
            )?;
        }
        tx.commit()
    }

    pub(super) fn err(&self, source: rusqlite::Error) -> StoreError {
        wrap(&self.label)(source)
    }

    /// The rows of `paths` whose size and mtime still match (others are `None`).
    pub fn fresh_rows(
        &self,
        paths: &[(String, i64, i64)],
        with_data: bool,
    ) -> Result<Vec<Option<Row>>, StoreError> {
        let cols = if with_data {
            "path, size, mtime, outlet, title, published, terms, claims"
        } else {
            "path, size, mtime, outlet, title, published, x'', x''"
        };
        let row = |r: &rusqlite::Row| {
            Ok(Row {
                size: r.get(1)?,
                mtime: r.get(2)?,
                outlet: r.get(3)?,
                title: r.get(4)?,
                published: r.get(5)?,
                terms: r.get(6)?,
                claims: r.get(7)?,
            })
        };
        let fresh =
            |size: i64, mtime: i64, r: Row| (r.size == size && r.mtime == mtime).then_some(r);
        // Many files: one scan of the table beats a query per file (a warm reopen of
        // 39,279 articles spent a third of its time in single-row queries).
        if paths.len() >= 256 {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT {cols} FROM articles"))
                .map_err(|e| self.err(e))?;
            let mut all: std::collections::HashMap<String, Row> = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, row(r)?)))
                .map_err(|e| self.err(e))?
                .collect::<Result<_, _>>()
                .map_err(|e| self.err(e))?;
            return Ok(paths
                .iter()
                .map(|(p, size, mtime)| fresh(*size, *mtime, all.remove(p)?))
                .collect());
        }
        let sql = format!("SELECT {cols} FROM articles WHERE path = ?1");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(paths.len());
        for (p, size, mtime) in paths {
            let r = stmt
                .query_row([p], row)
                .optional()
                .map_err(|e| self.err(e))?;
            out.push(r.and_then(|r| fresh(*size, *mtime, r)));
        }
        Ok(out)
    }

    /// Stores (replacing) the rows of articles read again.
    pub fn put_rows(&mut self, rows: &[(&str, &Row)]) -> Result<(), StoreError> {
        let err = wrap(&self.label);
        let tx = self.conn.transaction().map_err(&err)?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO articles
                     (path, size, mtime, outlet, title, published, terms, claims)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(&err)?;
            for (p, r) in rows {
                stmt.execute(params![
                    p,
                    r.size,
                    r.mtime,
                    r.outlet,
                    r.title,
                    r.published,
                    r.terms,
                    r.claims
                ])
                .map_err(&err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// A stored result of a run with this fingerprint.
    pub fn run(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.conn
            .query_row("SELECT result FROM runs WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Stores a run's result, keeping only the latest [`RUNS_KEPT`].
    pub fn put_run(&mut self, key: &str, result: &[u8]) -> Result<(), StoreError> {
        let err = wrap(&self.label);
        let tx = self.conn.transaction().map_err(&err)?;
        let r = tx
            .execute(
                "INSERT OR REPLACE INTO runs (key, result) VALUES (?1, ?2)",
                params![key, result],
            )
            .and_then(|_| {
                tx.execute(
                    "DELETE FROM runs WHERE id <= (SELECT MAX(id) FROM runs) - ?1",
                    [RUNS_KEPT],
                )
            });
        match r {
            Ok(_) => tx.commit().map_err(err),
            Err(e) => Err(err(e)),
        }
    }
}

pub(super) fn wrap(label: &str) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| StoreError {
        path: label.to_owned(),
        source,
    }
}
