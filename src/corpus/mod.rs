//! Articles: loading files, directories, stdin and the bundled seeds into paragraphs.
//!
//! Pure of any terminal type. Every error names the file and what is wrong, so the
//! edges (`main`) can print it and exit with code 2.

mod paragraphs;
pub mod stream;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use paragraphs::{Indexer, READ_BUF};
pub use paragraphs::{Iter, Paragraphs};

use serde::Deserialize;
use sha2::{Digest, Sha256};

/// One article: a title, an outlet, and its source lines as paragraphs in logical order.
#[derive(Debug, Clone)]
pub struct Article {
    /// Short identity: the digits before `_` in the file name (`000`), else the file stem.
    pub id: String,
    /// The path as given (or `seeds/NAME` for bundled seeds, `-` for stdin).
    pub path: String,
    /// The file name, used in `==> NAME <==` headers.
    pub name: String,
    pub title: String,
    pub outlet: String,
    /// A few characters to label a column (compare view, claims table).
    pub short: String,
    /// One entry per source line (the line ending removed). Paragraph N is `paragraphs[N-1]`.
    pub paragraphs: Paragraphs,
    /// Hex SHA-256 of the file's bytes, computed when first asked for (bookmarks): the
    /// reader opens a 100 MB article without hashing it.
    hash: OnceLock<String>,
}

impl Article {
    /// An article made from text in memory (tests, generated text), with its id and title
    /// derived from `name` and the text as for a file of that name.
    pub fn from_text(path: &str, name: &str, text: String) -> Article {
        article_from_text(path, name, Paragraphs::new(text), OnceLock::new(), None)
    }

    /// Hex SHA-256 of the article's bytes, so bookmarks notice when an article changed.
    pub fn hash(&self) -> &str {
        // Unless the text was decoded lossily (the hash is then set at load), the text
        // is the file's bytes, byte-order mark and line endings included.
        self.hash.get_or_init(|| {
            let mut hasher = Sha256::new();
            // A file that cannot be read again any more hashes as far as it could be read:
            // a bookmark then sees the article as changed, which it is.
            let _ = self.paragraphs.source_bytes(|b| hasher.update(b));
            hex(&hasher.finalize())
        })
    }
}

impl PartialEq for Article {
    fn eq(&self, o: &Article) -> bool {
        (
            &self.id,
            &self.path,
            &self.name,
            &self.title,
            &self.outlet,
            &self.short,
        ) == (&o.id, &o.path, &o.name, &o.title, &o.outlet, &o.short)
            && self.paragraphs == o.paragraphs
            && self.hash() == o.hash()
    }
}

impl Eq for Article {}

/// Why an article could not be loaded. Callers branch on these (exit codes, messages).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: no such file or directory")]
    NotFound { path: PathBuf },
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: invalid UTF-8 at byte offset {offset} (use --lossy to read it anyway, replacing bad bytes)"
    )]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error(
        "{path}: looks like UTF-16 text (byte-order mark); convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)"
    )]
    Utf16 { path: PathBuf },
    #[error("{path}: binary file (NUL byte at offset {offset}), refusing to read it as an article")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: directory holds no .txt or .md articles")]
    EmptyDir { path: PathBuf },
    #[error(
        "{path}: more than {limit} bytes on standard input, stopped reading; save it to a file and open that, or raise QARIN_STDIN_LIMIT (bytes, or with K, M or G)"
    )]
    TooLong { path: PathBuf, limit: u64 },
    #[error("QARIN_STDIN_LIMIT is {value:?}: expected a size such as 1048576, 64K, 512M or 2G")]
    BadLimit { value: String },
}

/// How to treat bytes that are not UTF-8.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    pub lossy: bool,
}

#[derive(Debug, Default, Deserialize)]
struct MetaFile {
    #[serde(default)]
    articles: BTreeMap<String, Meta>,
}

#[derive(Debug, Default, Clone, Deserialize)]
struct Meta {
    title: Option<String>,
    outlet: Option<String>,
    short: Option<String>,
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

fn seed_meta() -> BTreeMap<String, Meta> {
    // The asset is compiled in and checked by a test; a parse failure would be our bug,
    // so fall back to no metadata rather than fail the user.
    toml::from_str::<MetaFile>(SEED_META)
        .map(|m| m.articles)
        .unwrap_or_default()
}

/// The five bundled seed articles, in name order.
pub fn seeds() -> Vec<Article> {
    let meta = seed_meta();
    SEEDS
        .iter()
        .map(|(name, text)| {
            article_from_text(
                &format!("seeds/{name}"),
                name,
                Paragraphs::new((*text).to_owned()),
                OnceLock::new(),
                meta.get(*name),
            )
        })
        .collect()
}

/// Loads the articles named on the command line. No paths: the bundled seeds.
/// `-` reads standard input; a directory gives its `.txt` and `.md` files in name order.
pub fn load_paths(paths: &[PathBuf], opts: LoadOptions) -> Result<Vec<Article>, CorpusError> {
    if paths.is_empty() {
        return Ok(seeds());
    }
    let meta = seed_meta();
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let limit = stream::stdin_limit()?;
            let bytes = stream::read_stream(path, std::io::stdin().lock(), opts, limit)?;
            out.push(article_from_bytes(path, "-", bytes, opts, None)?);
            continue;
        }
        let md = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if md.is_dir() {
            let files = dir_articles(path)?;
            if files.is_empty() {
                return Err(CorpusError::EmptyDir { path: path.clone() });
            }
            for file in files {
                out.push(load_file(&file, opts, &meta)?);
            }
        } else {
            out.push(load_file(path, opts, &meta)?);
        }
    }
    Ok(out)
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
            source: e,
        }
    }
}

/// A directory's `.txt` and `.md` files, in name order.
pub fn dir_articles(dir: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && matches!(
                    p.extension().and_then(|x| x.to_str()),
                    Some("txt") | Some("md")
                )
        })
        .collect();
    files.sort();
    Ok(files)
}

fn load_file(
    path: &Path,
    opts: LoadOptions,
    meta: &BTreeMap<String, Meta>,
) -> Result<Article, CorpusError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let file = stream::open_regular(path).map_err(|e| io_error(path, e))?;
    let size = file.metadata().map_or(0, |m| m.len());
    if size >= LAZY_MIN
        && let Some(index) = index_file(&file, usize::try_from(size).unwrap_or(usize::MAX))
            .map_err(|e| io_error(path, e))?
    {
        let paragraphs = Paragraphs::lazy(file, index);
        let p = path.display().to_string();
        return Ok(article_from_text(
            &p,
            &name,
            paragraphs,
            OnceLock::new(),
            None,
        ));
    }
    // Read the file already open (from its start: indexing may have read some of it).
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    (&file)
        .rewind()
        .and_then(|()| (&file).read_to_end(&mut bytes))
        .map_err(|e| io_error(path, e))?;
    // Seed metadata applies to a seed file opened from disk only if it is byte for byte
    // the bundled one: an edited copy may have another title.
    let m = SEEDS
        .iter()
        .find(|(n, t)| *n == name && t.as_bytes() == bytes.as_slice())
        .and_then(|(n, _)| meta.get(*n));
    article_from_bytes(path, &name, bytes, opts, m)
}

/// Files from this size are checked and indexed through a small buffer and read again
/// a chunk at a time when shown (see `paragraphs.rs`), not held in memory whole.
const LAZY_MIN: u64 = 4 << 20;

/// Checks a large file through small reused buffers and finds its paragraphs, without
/// keeping its text. `None` when the bytes need [`decode`]'s exact verdict (UTF-16, NUL,
/// invalid UTF-8): the caller then reads the whole file the ordinary way.
///
/// Reading, checking and scanning are most of what opening a large article costs, so
/// the file's two halves are indexed on two threads: the second half starts after the
/// first line ending past the middle, so both start a paragraph on a char boundary.
fn index_file(file: &std::fs::File, size: usize) -> std::io::Result<Option<Indexer>> {
    let Some(mid) = (size >= PARALLEL_MIN)
        .then(|| next_line_start(file, size / 2))
        .transpose()?
        .flatten()
    else {
        return index_range(file, 0..usize::MAX, size);
    };
    index_halves(file, mid, size)
}

/// Indexes the bytes before `mid` (a paragraph's start) and from `mid` on two threads.
fn index_halves(file: &std::fs::File, mid: usize, size: usize) -> std::io::Result<Option<Indexer>> {
    let (first, second) = rayon::join(
        || index_range(file, 0..mid, size),
        || index_range(file, mid..usize::MAX, size.saturating_sub(mid)),
    );
    Ok(first?.zip(second?).map(|(mut a, b)| {
        a.append(b);
        a
    }))
}

/// Files from this size are indexed by two threads.
const PARALLEL_MIN: usize = 16 << 20;

/// The offset just after the first line ending at or after `from`, if one comes within
/// a buffer's length (a paragraph longer than that is indexed by one thread).
fn next_line_start(file: &std::fs::File, from: usize) -> std::io::Result<Option<usize>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; READ_BUF];
    let n = file.read_at(&mut buf, from as u64)?;
    let buf = &buf[..n];
    Ok(memchr::memchr2(b'\n', b'\r', buf).and_then(|i| {
        match (buf[i], buf.get(i + 1)) {
            (b'\r', Some(b'\n')) => Some(from + i + 2),
            // A `\r` whose next byte is unknown: no safe place to cut.
            (b'\r', None) => None,
            _ => Some(from + i + 1),
        }
    }))
}

/// [`index_file`] for the bytes in `range` (to the end of the file at most), `size`
/// bytes expected. The range's start is a paragraph's start; the file's start decides
/// the encoding.
fn index_range(
    file: &std::fs::File,
    range: std::ops::Range<usize>,
    size: usize,
) -> std::io::Result<Option<Indexer>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; READ_BUF];
    // Bytes carried over at the front of `buf`, and the file offset of `buf[0]`.
    let (mut have, mut at) = (0, range.start);
    let mut index = (range.start > 0).then(|| Indexer::new(range.start, size));
    loop {
        let want = (READ_BUF - have).min(range.end.saturating_sub(at + have));
        let n = match file.read_at(&mut buf[have..have + want], (at + have) as u64) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            r => r?,
        };
        let (len, eof) = (have + n, n == 0);
        let ix = match &mut index {
            Some(ix) => ix,
            // The first bytes decide the encoding: wait for three of them.
            None if len < 3 && !eof => {
                have = len;
                continue;
            }
            None => {
                let head = &buf[..len];
                if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
                    return Ok(None);
                }
                let bom = if head.starts_with(b"\xEF\xBB\xBF") {
                    3
                } else {
                    0
                };
                index.insert(Indexer::new(bom, size))
            }
        };
        let cut = if eof { len } else { settled(&buf[..len]) };
        let part = &buf[..cut];
        if memchr::memchr(0, part).is_some() || simdutf8::basic::from_utf8(part).is_err() {
            return Ok(None);
        }
        ix.scan(part, at, eof);
        if eof {
            return Ok(index);
        }
        buf.copy_within(cut..len, 0);
        have = len - cut;
        at += cut;
    }
}

/// How much of `buf` can be checked before more bytes come: all but an incomplete UTF-8
/// sequence at the end, and but a final `\r` (a `\n` may follow it).
fn settled(buf: &[u8]) -> usize {
    let mut cut = buf.len();
    // The last byte that is not a continuation byte, among the last four.
    if let Some(j) = (buf.len().saturating_sub(4)..buf.len())
        .rev()
        .find(|&j| buf[j] & 0xC0 != 0x80)
    {
        let width = match buf[j] {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        if j + width > buf.len() {
            cut = j;
        }
    }
    if cut > 0 && buf[cut - 1] == b'\r' {
        cut -= 1;
    }
    cut
}

/// The article from a file's bytes: they become its text without a copy when they are
/// clean UTF-8.
fn article_from_bytes(
    path: &Path,
    name: &str,
    bytes: Vec<u8>,
    opts: LoadOptions,
    meta: Option<&Meta>,
) -> Result<Article, CorpusError> {
    let (text, hash) = match decode_cow(path, &bytes, opts)? {
        // Replaced bytes: the text is no longer the file, so hash the file now.
        Cow::Owned(text) => (text, OnceLock::from(sha256_hex(&bytes))),
        Cow::Borrowed(_) => (into_checked_string(bytes), OnceLock::new()),
    };
    Ok(article_from_text(
        &path.display().to_string(),
        name,
        Paragraphs::new(text),
        hash,
        meta,
    ))
}

/// `bytes` as a `String`, once `decode_cow` has found them valid UTF-8 (after any BOM,
/// which is valid UTF-8 itself).
fn into_checked_string(bytes: Vec<u8>) -> String {
    debug_assert!(std::str::from_utf8(&bytes).is_ok());
    // SAFETY: the caller has validated `bytes` (simdutf8, or std on its slow path).
    // Validating again with std would cost about as much as the rest of opening a
    // large article.
    unsafe { String::from_utf8_unchecked(bytes) }
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

/// Checks and decodes an article's bytes: UTF-16 and NUL bytes are refused as not text,
/// invalid UTF-8 is refused with its offset unless `lossy`.
pub fn decode(path: &Path, bytes: &[u8], opts: LoadOptions) -> Result<String, CorpusError> {
    decode_cow(path, bytes, opts).map(Cow::into_owned)
}

/// [`decode`] without copying valid text.
pub fn decode_cow<'a>(
    path: &Path,
    bytes: &'a [u8],
    opts: LoadOptions,
) -> Result<Cow<'a, str>, CorpusError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(CorpusError::Utf16 {
            path: path.to_path_buf(),
        });
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(CorpusError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    // A UTF-8 byte-order mark is not part of the first paragraph.
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let body = &bytes[bom..];
    // The fast check only says yes or no; std finds the offset of a bad byte.
    if let Ok(s) = simdutf8::basic::from_utf8(body) {
        return Ok(Cow::Borrowed(s));
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) if opts.lossy => Ok(String::from_utf8_lossy(body)),
        Err(e) => Err(CorpusError::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: bom + e.valid_up_to(),
        }),
    }
}

/// Splits text into paragraphs: one per source line; `\r\n`, `\n` and a lone `\r` end a line.
/// A final line ending does not make an extra empty paragraph.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    lines(text).map(str::to_owned).collect()
}

/// The paragraphs of `text` as [`split_paragraphs`] finds them, borrowed.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // A byte search: both line endings are ASCII, so any hit is a char boundary;
        // memchr2 scans with SIMD, many times faster than a char pattern.
        let (para, next) = match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) => {
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], &rest[i + skip..])
            }
            None => (rest, ""),
        };
        rest = next;
        Some(para)
    })
}

fn article_from_text(
    path: &str,
    name: &str,
    paragraphs: Paragraphs,
    hash: OnceLock<String>,
    meta: Option<&Meta>,
) -> Article {
    let stem = name
        .rsplit_once('.')
        .map(|(s, _)| s)
        .unwrap_or(name)
        .to_owned();
    let id = match stem.split_once('_') {
        Some((digits, _)) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.to_owned()
        }
        _ => stem.clone(),
    };
    let first_line = paragraphs
        .iter()
        .map(|p| p.trim())
        .find(|p| !p.is_empty())
        .unwrap_or("")
        .to_owned();
    let meta = meta.cloned().unwrap_or_default();
    let title = meta.title.unwrap_or(first_line);
    let outlet = meta.outlet.unwrap_or_default();
    let short = meta.short.unwrap_or_else(|| id.clone());
    Article {
        id,
        path: path.to_owned(),
        name: name.to_owned(),
        title,
        outlet,
        short,
        paragraphs,
        hash,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_metadata_parses_and_covers_every_seed() {
        let meta: MetaFile = toml::from_str(SEED_META).expect("assets/articles.toml parses");
        for (name, _) in SEEDS {
            assert!(meta.articles.contains_key(name), "{name} has metadata");
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

    #[test]
    fn loaded_text_splits_like_split_paragraphs_and_hashes_the_file() {
        let texts: [&[u8]; 6] = [
            b"a\r\nb\rc\n\nd\n",
            b"\xEF\xBB\xBFfirst\r\n\r\nlast",
            "دور روسيا\r\nالخ\r".as_bytes(),
            b"one long line without an ending at all",
            b"\r\r\n\n\r",
            b"",
        ];
        let (p, o) = (Path::new("x.txt"), LoadOptions::default());
        for text in texts {
            let whole = decode(p, text, o).unwrap();
            let a = article_from_bytes(p, "x.txt", text.to_vec(), o, None).unwrap();
            assert_eq!(a.paragraphs, split_paragraphs(&whole)[..], "{text:?}");
            assert_eq!(a.hash(), sha256_hex(text));
        }
    }

    #[test]
    fn a_lossy_article_hashes_the_bytes_not_the_replaced_text() {
        let bytes = b"ok\nbad \xff\n";
        let a = article_from_bytes(
            Path::new("x.txt"),
            "x.txt",
            bytes.to_vec(),
            LoadOptions { lossy: true },
            None,
        )
        .unwrap();
        assert_eq!(a.paragraphs, ["ok", "bad \u{fffd}"][..]);
        assert_eq!(a.hash(), sha256_hex(bytes));
    }

    proptest::proptest! {
        /// Whatever a read stops at, the settled part ends at a char boundary, not on a
        /// `\r` whose next byte is unknown, and leaves at most an incomplete char and a
        /// `\r` for the next read.
        #[test]
        fn a_read_is_settled_at_a_char_boundary(text in "[a\r\nب€𝄞 ]{0,40}", cut in 0usize..200) {
            let bytes = text.as_bytes();
            let k = cut.min(bytes.len());
            let s = settled(&bytes[..k]);
            proptest::prop_assert!(text.is_char_boundary(s));
            proptest::prop_assert!(s <= k && k - s <= 4);
            proptest::prop_assert!(s == 0 || s < k || bytes[s - 1] != b'\r');
            if k == bytes.len() && !text.ends_with('\r') {
                proptest::prop_assert_eq!(s, k);
            }
        }
    }

    #[test]
    fn a_file_indexed_in_two_halves_splits_like_the_whole() {
        let text = "أ\r\nب ج\rد\n\nهـ 12\r\r\nو«ز»\n".repeat(40) + "آخر";
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.txt");
        for bom in ["", "\u{feff}"] {
            let whole = format!("{bom}{text}");
            std::fs::write(&path, &whole).unwrap();
            let want = Paragraphs::new(whole.clone());
            let file = std::fs::File::open(&path).unwrap();
            let mut cuts = 0;
            for from in 0..whole.len() {
                let Some(mid) = next_line_start(&file, from).unwrap() else {
                    continue;
                };
                let index = index_halves(&file, mid, whole.len()).unwrap().unwrap();
                let file = std::fs::File::open(&path).unwrap();
                assert_eq!(Paragraphs::lazy(file, index), want, "cut at {mid}");
                cuts += 1;
            }
            assert!(cuts > 100);
        }
    }

    #[test]
    fn bad_bytes_are_refused_with_offsets() {
        let p = Path::new("x.txt");
        let o = LoadOptions::default();
        match decode(p, b"abc\xffdef", o) {
            Err(CorpusError::InvalidUtf8 { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            decode(p, b"ab\0c", o),
            Err(CorpusError::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            decode(p, b"\xff\xfea\0", o),
            Err(CorpusError::Utf16 { .. })
        ));
        assert_eq!(
            decode(p, b"a\xffb", LoadOptions { lossy: true }).unwrap(),
            "a\u{fffd}b"
        );
        let msg = decode(p, b"abc\xff", o).unwrap_err().to_string();
        assert!(
            msg.contains("x.txt") && msg.contains("byte offset 3"),
            "{msg}"
        );
    }
}
