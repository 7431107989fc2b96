//! Articles: loading files, folders, standard input and the bundled seeds, in any of the
//! input formats (`format`), with their origin and metadata.
//!
//! Pure of any terminal type. Every error names the file and what is wrong, so the
//! edges (`main`) can print it and exit with code 2.

mod bigfile;
mod decode;
pub(crate) mod extsort;
pub mod fetch;
pub mod format;
pub(crate) mod frontmatter;
pub mod hardwrap;
mod ids;
mod load;
mod load_file;
pub mod meta;
pub mod origin;
mod paragraphs;
pub mod sidecar;
mod sources;
mod spans;
mod spill;
pub mod stream;
pub mod template;
pub mod walk;
mod window;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use decode::{decode, decode_cow, lines, split_paragraphs};
pub use hardwrap::ParagraphMode;
pub use ids::Unique;
pub use load::{Loaded, load, load_paths, load_taking};
pub use meta::{Meta, Published};
pub use origin::Origin;
pub use paragraphs::{Iter, Paragraphs, Stream};
pub use template::Template;
pub(crate) use window::chunk_bytes;
pub use window::{Para, WindowStats, window_stats};

use sha2::{Digest, Sha256};

/// One article: its origin, metadata, and paragraphs in logical order.
#[derive(Debug, Clone)]
pub struct Article {
    /// Short identity, unique among the articles loaded together: the digits before `_`
    /// in the file name (`000`), a template's `{id}`, else the file stem (with the entry's
    /// number for feeds and corpora); lengthened with the folder path when two collide.
    pub id: String,
    /// Where the article comes from; its identity for bookmarks and positions.
    pub origin: Origin,
    /// The path as given (or `seeds/NAME` for bundled seeds, `-` for stdin, the URL).
    pub path: String,
    /// The file name, used in `==> NAME <==` headers.
    pub name: String,
    pub title: String,
    /// Empty when unknown.
    pub outlet: String,
    /// A few characters to label a column (compare view, claims table).
    pub short: String,
    pub published: Option<Published>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// BCP 47 language tag (`ar`, `en`…), when the source says.
    pub lang: Option<String>,
    /// The site's own name, when the source gives one.
    pub site: Option<String>,
    /// One entry per paragraph. Paragraph N is `paragraphs[N-1]`.
    pub paragraphs: Paragraphs,
    /// Hex SHA-256 of the file's bytes, computed when first asked for (bookmarks): the
    /// reader opens a 100 MB article without hashing it.
    /// Shared by clones, so a hash computed on a worker thread serves the reader too.
    hash: std::sync::Arc<OnceLock<String>>,
}

impl Article {
    /// An article made from text in memory (tests, generated text), with its id and title
    /// derived from `name` and the text as for a file of that name.
    pub fn from_text(path: &str, name: &str, text: String) -> Article {
        Article::build(
            Origin::file(path),
            name,
            Paragraphs::new(text),
            OnceLock::new(),
            Meta::default(),
        )
    }

    /// An article from its parts; `meta` fills in what the file name and text do not say.
    pub fn build(
        origin: Origin,
        name: &str,
        paragraphs: Paragraphs,
        hash: OnceLock<String>,
        meta: Meta,
    ) -> Article {
        let id = meta.id.clone().unwrap_or_else(|| id_from_name(name));
        let title = meta.title.unwrap_or_else(|| {
            let first = paragraphs
                .iter()
                .map(str::trim)
                .find(|p| !p.is_empty())
                .unwrap_or("");
            meta::clean_text(first)
        });
        let outlet = meta.outlet.unwrap_or_default();
        let short = meta.short.unwrap_or_else(|| {
            if outlet.is_empty() {
                id.clone()
            } else {
                outlet.clone()
            }
        });
        Article {
            id,
            path: origin.path.clone(),
            origin,
            name: name.to_owned(),
            title,
            outlet,
            short,
            published: meta.published,
            url: meta.url,
            author: meta.author,
            lang: meta.lang,
            site: meta.site,
            paragraphs,
            hash: std::sync::Arc::new(hash),
        }
    }

    /// The hash if it was computed already (reading it again costs nothing then).
    pub fn hash_if_known(&self) -> Option<&str> {
        self.hash.get().map(String::as_str)
    }

    /// Hex SHA-256 of the article's bytes, so bookmarks notice when an article changed.
    pub fn hash(&self) -> &str {
        // Unless the text was transformed (decoded, extracted; the hash is then set at
        // load), the text is the file's bytes, byte-order mark and line endings included.
        self.hash.get_or_init(|| {
            test_hash_delay();
            let mut hasher = Sha256::new();
            // A file that cannot be read again any more hashes as far as it could be read:
            // a bookmark then sees the article as changed, which it is.
            let _ = self.paragraphs.source_bytes(|b| hasher.update(b));
            hex(&hasher.finalize())
        })
    }
}

/// TEST ONLY: `QARIN_TEST_HASH_DELAY=MS` makes hashing an article take that much
/// longer, as a large one does, so a test can check that the first screen does not wait.
fn test_hash_delay() {
    test_delay("QARIN_TEST_HASH_DELAY");
}

/// TEST ONLY: sleeps the milliseconds the environment variable `var` gives, if any, so
/// a test can make slow work slower (hashing, searching for bookmarks).
pub(crate) fn test_delay(var: &str) {
    let ms = std::env::var(var).ok().and_then(|v| v.parse::<u64>().ok());
    if let Some(ms) = ms {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// The digits before `_` in a file name (`000_4af1….txt` → `000`), else its stem.
fn id_from_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name);
    match stem.split_once('_') {
        Some((digits, _)) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.to_owned()
        }
        _ => stem.to_owned(),
    }
}

impl PartialEq for Article {
    fn eq(&self, o: &Article) -> bool {
        (
            &self.id,
            &self.origin,
            &self.name,
            &self.title,
            &self.outlet,
            &self.short,
            (
                &self.published,
                &self.url,
                &self.author,
                &self.lang,
                &self.site,
            ),
        ) == (
            &o.id,
            &o.origin,
            &o.name,
            &o.title,
            &o.outlet,
            &o.short,
            (&o.published, &o.url, &o.author, &o.lang, &o.site),
        ) && self.paragraphs == o.paragraphs
            && self.hash() == o.hash()
    }
}

impl Eq for Article {}

/// Why an article could not be loaded. Callers branch on these (exit codes, messages).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: no such file or directory")]
    NotFound { path: PathBuf },
    #[error("{path}: cannot read: {cause}")]
    Unreadable {
        path: PathBuf,
        /// In the message, not in `source()`: `{:#}` would print it twice.
        cause: std::io::Error,
    },
    #[error(
        "{path}: invalid UTF-8 at byte offset {offset}, and not Arabic text in Windows-1256 or ISO-8859-6 either (use --lossy to read it anyway, replacing bad bytes)"
    )]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error(
        "{path}: not valid {encoding} text (use --lossy to read it anyway, replacing bad bytes)"
    )]
    BadEncoding {
        path: PathBuf,
        encoding: &'static str,
    },
    #[error("{path}: binary file (NUL byte at offset {offset}), refusing to read it as an article")]
    Binary { path: PathBuf, offset: usize },
    #[error(
        "{path}: directory holds no .txt or .md articles (nor .html, .xml, .jsonl, .csv), in it or below"
    )]
    EmptyDir { path: PathBuf },
    #[error(
        "{path}: more than {limit} bytes on standard input, stopped reading; save it to a file and open that, or raise QARIN_STDIN_LIMIT (bytes, or with K, M or G)"
    )]
    TooLong { path: PathBuf, limit: u64 },
    #[error("QARIN_STDIN_LIMIT is {value:?}: expected a size such as 1048576, 64K, 512M or 2G")]
    BadLimit { value: String },
    #[error("{path}: {problem}")]
    Metadata { path: PathBuf, problem: String },
    #[error("{path}: {problem}")]
    Format { path: PathBuf, problem: String },
    #[error(transparent)]
    Fetch(#[from] fetch::FetchError),
}

/// How to read articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Replace invalid bytes with U+FFFD instead of refusing the file.
    pub lossy: bool,
    /// How lines make paragraphs in plain text.
    pub paragraphs: ParagraphMode,
    /// Metadata from the paths of files under a folder given.
    pub layout: Option<Template>,
    /// Column names of JSON Lines and CSV corpora, by field (`text`, `title`,
    /// `published`…), where they differ from the usual ones.
    pub columns: std::collections::BTreeMap<String, String>,
    /// How URLs are fetched and cached.
    pub fetch: fetch::FetchOptions,
}

/// The error for an I/O failure on `path`: `NotFound` or `Unreadable`.
pub fn io_error(path: &Path, e: std::io::Error) -> CorpusError {
    if e.kind() == std::io::ErrorKind::NotFound {
        CorpusError::NotFound {
            path: path.to_path_buf(),
        }
    } else {
        CorpusError::Unreadable {
            path: path.to_path_buf(),
            cause: e,
        }
    }
}

const SEED_META: &str = include_str!("../../assets/articles.toml");

/// The bundled seed articles, built into the binary so `qarin` works from any directory.
pub const SEEDS: [(&str, &str); 5] = [
    (
        "000_4af10400c2144222.txt",
        include_str!("../../seeds/000_4af10400c2144222.txt"),
    ),
    (
        "001_e0453aed4e23fb67.txt",
        include_str!("../../seeds/001_e0453aed4e23fb67.txt"),
    ),
    (
        "002_c88c08537d50a92a.txt",
        include_str!("../../seeds/002_c88c08537d50a92a.txt"),
    ),
    (
        "003_b61dba046c2e7809.txt",
        include_str!("../../seeds/003_b61dba046c2e7809.txt"),
    ),
    (
        "004_1c2d873f9148815f.txt",
        include_str!("../../seeds/004_1c2d873f9148815f.txt"),
    ),
];

fn seed_meta() -> sidecar::Sidecar {
    // The asset is compiled in and checked by a test; a parse failure would be our bug,
    // so fall back to no metadata rather than fail the user.
    sidecar::parse(Path::new("assets/articles.toml"), SEED_META).unwrap_or_default()
}

/// The five bundled seed articles, in name order.
pub fn seeds() -> Vec<Article> {
    let meta = seed_meta();
    SEEDS
        .iter()
        .map(|(name, text)| {
            Article::build(
                Origin::file(format!("seeds/{name}")),
                name,
                Paragraphs::new((*text).to_owned()),
                OnceLock::new(),
                meta.get(*name).cloned().unwrap_or_default(),
            )
        })
        .collect()
}

/// Hex SHA-256 (sha2 uses the CPU's SHA extensions when it has them).
fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        use fmt::Write;
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_metadata_parses_and_covers_every_seed() {
        let meta = sidecar::parse(Path::new("a"), SEED_META).expect("assets/articles.toml parses");
        for (name, _) in SEEDS {
            assert!(meta.contains_key(name), "{name} has metadata");
        }
    }

    #[test]
    fn seeds_load_with_ids_and_titles() {
        let s = seeds();
        assert_eq!(s.len(), 5);
        assert_eq!(s[0].id, "000");
        assert_eq!(s[3].id, "003");
        assert!(s[0].title.starts_with("دور روسيا"));
        assert_eq!(s[0].path, "seeds/000_4af10400c2144222.txt");
        assert_eq!(s[0].origin, Origin::file("seeds/000_4af10400c2144222.txt"));
        assert_eq!(s[0].hash().len(), 64);
        assert_eq!(s[0].hash(), sha256_hex(SEEDS[0].1.as_bytes()));
    }

    #[test]
    fn borrowed_lines_split_as_the_article_index_does() {
        for text in ["a\r\nb\rc\n\nd\n", "", " ", "x\n\n", "\r\r\n"] {
            let ours: Vec<&str> = lines(text).collect();
            assert_eq!(Paragraphs::new(text.to_owned()), ours[..], "{text:?}");
        }
    }

    #[test]
    fn paragraphs_split_on_every_line_ending() {
        assert_eq!(
            split_paragraphs("a\r\nb\rc\n\nd\n"),
            ["a", "b", "c", "", "d"]
        );
        assert!(split_paragraphs("").is_empty());
        assert_eq!(split_paragraphs(" "), [" "]);
    }
}
