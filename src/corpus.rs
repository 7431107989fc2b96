//! Articles: loading files, directories, stdin and the bundled seeds into paragraphs.
//!
//! Pure of any terminal type. Every error names the file and what is wrong, so the
//! edges (`main`) can print it and exit with code 2.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

/// One article: a title, an outlet, and its source lines as paragraphs in logical order.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    pub paragraphs: Vec<String>,
    /// Hex SHA-256 of the file's bytes, so bookmarks notice when an article changed.
    pub hash: String,
}

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

const SEED_META: &str = include_str!("../assets/articles.toml");

/// The bundled seed articles, built into the binary so `qarin` works from any directory.
pub const SEEDS: [(&str, &str); 5] = [
    (
        "000_4af10400c2144222.txt",
        include_str!("../seeds/000_4af10400c2144222.txt"),
    ),
    (
        "001_e0453aed4e23fb67.txt",
        include_str!("../seeds/001_e0453aed4e23fb67.txt"),
    ),
    (
        "002_c88c08537d50a92a.txt",
        include_str!("../seeds/002_c88c08537d50a92a.txt"),
    ),
    (
        "003_b61dba046c2e7809.txt",
        include_str!("../seeds/003_b61dba046c2e7809.txt"),
    ),
    (
        "004_1c2d873f9148815f.txt",
        include_str!("../seeds/004_1c2d873f9148815f.txt"),
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
                split_paragraphs(text),
                sha256_hex(text.as_bytes()),
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
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| CorpusError::Unreadable {
                    path: path.clone(),
                    source,
                })?;
            out.push(article_from_bytes(path, "-", &bytes, opts, None)?);
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
    let len = std::fs::metadata(path).map_or(0, |m| m.len());
    if len >= STREAM_MIN && !SEEDS.iter().any(|(n, _)| *n == name) {
        let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
        let streamed = stream_clean(file, STREAM_CHUNK).map_err(|e| io_error(path, e))?;
        if let Some((paragraphs, hash)) = streamed {
            let p = path.display().to_string();
            return Ok(article_from_text(&p, &name, paragraphs, hash, None));
        }
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    // Seed metadata applies to a seed file opened from disk only if it is byte for byte
    // the bundled one: an edited copy may have another title.
    let m = SEEDS
        .iter()
        .find(|(n, t)| *n == name && t.as_bytes() == bytes.as_slice())
        .and_then(|(n, _)| meta.get(*n));
    article_from_bytes(path, &name, &bytes, opts, m)
}

/// Files this large are read in chunks of `STREAM_CHUNK` bytes: the whole file is never in
/// memory besides its paragraphs, which saves a copy and its page faults.
const STREAM_MIN: u64 = 4 << 20;
const STREAM_CHUNK: usize = 2 << 20;

/// Reads a clean UTF-8 article chunk by chunk, hashing each chunk on a second thread while
/// it is checked and split. `None` when the bytes need [`decode`]'s exact verdict (UTF-16,
/// NUL, invalid UTF-8): the caller then reads the whole file the ordinary way.
fn stream_clean<R: Read>(
    mut reader: R,
    chunk: usize,
) -> std::io::Result<Option<(Vec<String>, String)>> {
    let mut buf: Vec<u8> = Vec::with_capacity(chunk);
    let mut hasher = Sha256::new();
    let mut paragraphs = Vec::new();
    let mut first = true;
    // How much of `buf` the hasher has seen.
    let mut hashed_len = 0;
    loop {
        let carry = buf.len();
        // Grow geometrically while one line outgrows the buffer, so a huge line stays linear.
        let eof = fill(&mut reader, &mut buf, carry + chunk.max(carry))?;
        let bom = if first {
            if buf.starts_with(&[0xFF, 0xFE]) || buf.starts_with(&[0xFE, 0xFF]) {
                return Ok(None);
            }
            if buf.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            }
        } else {
            0
        };
        // Only whole lines are split; the rest is carried into the next round.
        let cut = if eof {
            buf.len()
        } else {
            bom + complete_lines(&buf[bom..])
        };
        if first && cut == 0 && !eof {
            // Not even the BOM is settled yet: read more before deciding anything.
            continue;
        }
        first = false;
        let (new, lines) = (&buf[hashed_len..], &buf[bom..cut]);
        let (hashed, clean) = std::thread::scope(|s| {
            let hashed = std::thread::Builder::new()
                .spawn_scoped(s, || hasher.update(new))
                .is_ok();
            let clean = memchr::memchr(0, lines).is_none()
                && match simdutf8::basic::from_utf8(lines) {
                    Ok(text) => {
                        paragraphs.extend(split_paragraphs(text));
                        true
                    }
                    Err(_) => false,
                };
            (hashed, clean)
        });
        if !hashed {
            hasher.update(new);
        }
        if !clean {
            return Ok(None);
        }
        if eof {
            return Ok(Some((paragraphs, hex(&hasher.finalize()))));
        }
        buf.drain(..cut);
        hashed_len = buf.len();
    }
}

/// Reads until `buf` holds `target` bytes or the reader ends; true at the end.
fn fill<R: Read>(reader: &mut R, buf: &mut Vec<u8>, target: usize) -> std::io::Result<bool> {
    let want = target.saturating_sub(buf.len());
    let got = reader.take(want as u64).read_to_end(buf)?;
    Ok(got < want)
}

/// Length of the prefix of `buf` made of whole lines: up to and including its last line
/// ending, except that a `\r` at the very end may be the first half of `\r\n`.
fn complete_lines(buf: &[u8]) -> usize {
    let search = buf.strip_suffix(b"\r").unwrap_or(buf);
    memchr::memrchr2(b'\n', b'\r', search).map_or(0, |i| i + 1)
}

/// Above this size the hash is computed on a second thread while the text is checked and
/// split; below it a thread costs more than it saves.
const PARALLEL_HASH_MIN: usize = 1 << 20;

fn article_from_bytes(
    path: &Path,
    name: &str,
    bytes: &[u8],
    opts: LoadOptions,
    meta: Option<&Meta>,
) -> Result<Article, CorpusError> {
    let load = || -> Result<Vec<String>, CorpusError> {
        // Paragraphs are copied straight from the checked bytes: no owned copy of the text.
        Ok(split_paragraphs(&decode_cow(path, bytes, opts)?))
    };
    let (paragraphs, hash) = if bytes.len() < PARALLEL_HASH_MIN {
        (load()?, sha256_hex(bytes))
    } else {
        std::thread::scope(|s| {
            let hasher = std::thread::Builder::new().spawn_scoped(s, || sha256_hex(bytes));
            let paragraphs = load();
            // No thread (resources exhausted) or a panicked one: hash here instead.
            let hash = hasher
                .ok()
                .and_then(|h| h.join().ok())
                .unwrap_or_else(|| sha256_hex(bytes));
            paragraphs.map(|p| (p, hash))
        })?
    };
    Ok(article_from_text(
        &path.display().to_string(),
        name,
        paragraphs,
        hash,
        meta,
    ))
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
fn decode_cow<'a>(
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
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        // A byte search: both line endings are ASCII, so any hit is a char boundary;
        // memchr2 scans with SIMD, many times faster than a char pattern.
        match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) => {
                out.push(rest[..i].to_owned());
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
            }
            None => {
                out.push(rest.to_owned());
                rest = "";
            }
        }
    }
    out
}

fn article_from_text(
    path: &str,
    name: &str,
    paragraphs: Vec<String>,
    hash: String,
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
        assert_eq!(s[0].hash.len(), 64);
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
    fn streaming_in_chunks_matches_splitting_the_whole_text() {
        let texts: [&[u8]; 6] = [
            b"a\r\nb\rc\n\nd\n",
            b"\xEF\xBB\xBFfirst\r\n\r\nlast",
            "دور روسيا\r\nالخ\r".as_bytes(),
            b"one long line without an ending at all",
            b"\r\r\n\n\r",
            b"",
        ];
        for text in texts {
            let whole = decode(Path::new("x"), text, LoadOptions::default()).unwrap();
            let want = split_paragraphs(&whole);
            for chunk in 1..8 {
                let (paras, hash) = stream_clean(text, chunk).unwrap().unwrap();
                assert_eq!(paras, want, "{text:?} in chunks of {chunk}");
                assert_eq!(hash, sha256_hex(text));
            }
        }
    }

    #[test]
    fn streaming_leaves_bad_bytes_to_decode() {
        for text in [
            &b"ok\nbad \xff\n"[..],
            b"a\n\0",
            b"\xff\xfea\0b\0",
            b"x\n\xd8",
        ] {
            for chunk in 1..5 {
                assert!(stream_clean(text, chunk).unwrap().is_none(), "{text:?}");
            }
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
