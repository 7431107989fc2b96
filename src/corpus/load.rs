//! The loader behind every command: paths (files, folders, `-`) to articles, through
//! the formats, with metadata merged from every source that knows it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Read, Seek};
use std::os::unix::fs::{FileExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::bigfile::index_file;
use super::decode::{decode_cow, into_checked_string};
use super::format::{self, Input};
use super::ids::unique_ids;
use super::meta::{Meta, Published};
use super::sidecar::{self, Sidecar};
use super::walk;
use super::window::lazy_min;
use super::{Article, CorpusError, LoadOptions, Origin, Paragraphs, SEEDS, io_error, seed_meta};

/// Articles loaded together, and what the user should hear about what was skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub warnings: Vec<String>,
}

/// [`load`], its warnings printed to standard error.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Result<Vec<Article>, CorpusError> {
    let loaded = load(paths, opts)?;
    for w in &loaded.warnings {
        eprintln!("qarin: warning: {w}");
    }
    Ok(loaded.articles)
}

/// One place articles come from.
enum Source {
    Stdin,
    Url(String),
    File {
        path: Box<Path>,
        /// The folder given it was found under ([`Root`]), by number; none for a file
        /// given itself.
        root: Option<u32>,
    },
}

/// A folder given.
struct Root {
    path: PathBuf,
    /// Its own name: a layout is tried with it too, so that `corpus/bbcarabicnews`
    /// fits `{outlet}/**/…` as `corpus` does.
    name: Option<String>,
}

impl Root {
    /// The components of `path`, found under this folder, below it (as `walk` found
    /// them).
    fn rel(&self, path: &Path) -> Vec<String> {
        walk::rel(&self.path, path)
    }
}

/// Loads the articles named on the command line. No paths: standard input when it is a
/// pipe or a file with something in it, else the bundled seeds. `-` reads standard
/// input; a folder gives its article files, recursively, in name order.
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Result<Loaded, CorpusError> {
    let mut articles = Vec::new();
    let warnings = load_with(paths, opts, &|a: Article| a, &mut |files, a| {
        articles.reserve(files.saturating_sub(articles.len()));
        articles.push(a);
    })?;
    unique_ids(&mut articles);
    Ok(Loaded { articles, warnings })
}

/// [`load`] for a pass over a large input that keeps no [`Article`]: each article is
/// handed to `each` as soon as its file is read (in parallel, on the rayon pool), and
/// what `each` returns is handed to `take` in the articles' order, with the number of
/// files to read in all (a hint for its room: a file may hold several articles or
/// none). Files are read a chunk at a time, so what is held is a chunk's files and
/// results, not the input's (docs/safety.md, a folder's memory). Returns the warnings.
/// Ids are not made unique: the caller does ([`super::ids::renames`]), since it alone
/// knows where it kept them.
pub fn load_taking<T: Send>(
    paths: &[PathBuf],
    opts: &LoadOptions,
    each: impl Fn(Article) -> T + Sync,
    mut take: impl FnMut(usize, T),
) -> Result<Vec<String>, CorpusError> {
    load_with(paths, opts, &each, &mut take)
}

/// Files read together before their results are handed over in order: enough to keep
/// every thread busy, few enough that waiting results stay small.
const CHUNK: usize = 512;

/// [`load_taking`], with its closures as trait objects. Ids are left as read.
fn load_with<T: Send>(
    paths: &[PathBuf],
    opts: &LoadOptions,
    each: &(dyn Fn(Article) -> T + Sync),
    take: &mut dyn FnMut(usize, T),
) -> Result<Vec<String>, CorpusError> {
    if paths.is_empty() {
        let articles = match piped_stdin(opts)? {
            Some(bytes) => from_bytes(Path::new("-"), "-", bytes, opts, Meta::default())?,
            None => super::seeds(),
        };
        let n = articles.len();
        articles.into_iter().for_each(|a| take(n, each(a)));
        return Ok(Vec::new());
    }
    let mut warnings = Vec::new();
    let mut sources = Vec::new();
    let mut roots = Vec::new();
    // Check every path first, so a missing one fails before any work.
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        if let Some(url) = path.to_str().filter(|p| super::fetch::is_url(p)) {
            sources.push(Source::Url(url.to_owned()));
            continue;
        }
        let md = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if !md.is_dir() {
            sources.push(Source::File {
                path: path.clone().into_boxed_path(),
                root: None,
            });
            continue;
        }
        // A file keeps its folder's number, not its own copy of the folder's path
        // components and name: `Root::rel` finds them again when it is read. Its path
        // is boxed to its length (docs/safety.md, a folder).
        let root = u32::try_from(roots.len()).unwrap_or(u32::MAX);
        let before = sources.len();
        warnings.extend(walk::walk_each(path, &mut |f| {
            sources.push(Source::File {
                path: f.into_boxed_path(),
                root: Some(root),
            })
        }));
        if sources.len() == before {
            return Err(CorpusError::EmptyDir { path: path.clone() });
        }
        let name = std::fs::canonicalize(path)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
        roots.push(Root {
            path: path.clone(),
            name,
        });
    }
    let sidecars = sidecars(&sources)?;
    let files = sources.len();
    let mut seen: HashMap<(u64, u64), usize> = HashMap::new();
    let mut unmatched = 0usize;
    for (c, chunk) in sources.chunks(CHUNK).enumerate() {
        let loaded: Vec<Result<(FileArticles, Vec<T>), CorpusError>> = chunk
            .par_iter()
            .map(|s| {
                let mut f = match s {
                    Source::Stdin => read_stdin(opts).and_then(|bytes| {
                        Ok(FileArticles {
                            key: None,
                            articles: from_bytes(
                                Path::new("-"),
                                "-",
                                bytes,
                                opts,
                                Meta::default(),
                            )?,
                            unmatched: false,
                            warning: None,
                        })
                    }),
                    Source::Url(url) => load_url(url, opts),
                    Source::File { path, root } => {
                        let side = path
                            .parent()
                            .and_then(|d| sidecars.get(d))
                            .and_then(|s| s.as_ref());
                        let root = root.and_then(|r| roots.get(r as usize));
                        load_file(path, root, opts, side)
                    }
                }?;
                let kept = std::mem::take(&mut f.articles)
                    .into_iter()
                    .map(each)
                    .collect();
                Ok((f, kept))
            })
            .collect();
        for (j, r) in loaded.into_iter().enumerate() {
            let i = c * CHUNK + j;
            let (f, k) = r?;
            if let Some(key) = f.key {
                if let Some(&first) = seen.get(&key) {
                    warnings.push(format!(
                        "{} is the same file as {}: read once",
                        name_of(&sources[i]),
                        name_of(&sources[first])
                    ));
                    continue;
                }
                seen.insert(key, i);
            }
            unmatched += usize::from(f.unmatched);
            warnings.extend(f.warning);
            k.into_iter().for_each(|t| take(files, t));
        }
    }
    if let (Some(t), true) = (&opts.layout, unmatched > 0) {
        warnings.push(format!(
            "{unmatched} file{} did not fit the layout {t}: outlet from the folder, time from the file's modification time",
            if unmatched == 1 { "" } else { "s" }
        ));
    }
    Ok(warnings)
}

fn name_of(s: &Source) -> String {
    match s {
        Source::Stdin => "-".into(),
        Source::Url(u) => u.clone(),
        Source::File { path, .. } => path.display().to_string(),
    }
}

/// The sidecar of every folder a file is in.
fn sidecars(sources: &[Source]) -> Result<HashMap<PathBuf, Option<Sidecar>>, CorpusError> {
    let mut out = HashMap::new();
    for s in sources {
        if let Source::File { path, .. } = s {
            let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
            if let std::collections::hash_map::Entry::Vacant(e) = out.entry(dir) {
                let dir = e.key();
                let side = sidecar::load(if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                })?;
                e.insert(side);
            }
        }
    }
    Ok(out)
}

/// Standard input's bytes when it is a pipe or a file with something in it.
fn piped_stdin(opts: &LoadOptions) -> Result<Option<Vec<u8>>, CorpusError> {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let stdin = std::io::stdin();
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return Ok(None);
    };
    let Ok(md) = std::fs::File::from(fd).metadata() else {
        return Ok(None);
    };
    let ft = md.file_type();
    if !(ft.is_fifo() || ft.is_file() || ft.is_socket()) {
        return Ok(None);
    }
    let bytes = read_stdin(opts)?;
    Ok((!bytes.is_empty()).then_some(bytes))
}

/// Standard input, bounded and checked as it arrives (see `stream`).
fn read_stdin(opts: &LoadOptions) -> Result<Vec<u8>, CorpusError> {
    let limit = super::stream::stdin_limit()?;
    super::stream::read_stream(Path::new("-"), std::io::stdin().lock(), opts, limit)
}

struct FileArticles {
    /// Device and inode: the same file reached twice is read once.
    key: Option<(u64, u64)>,
    articles: Vec<Article>,
    /// A layout was given and the file's path did not fit it.
    unmatched: bool,
    warning: Option<String>,
}

/// A page or feed from the web (or the cache).
fn load_url(url: &str, opts: &LoadOptions) -> Result<FileArticles, CorpusError> {
    use super::fetch::{How, fetch};
    let got = fetch(url, &opts.fetch)?;
    let warning = match &got.how {
        How::Stale(why) => Some(format!(
            "{why}; read the copy cached at {}",
            got.meta.fetched
        )),
        _ => None,
    };
    // The name: the URL's last path segment, else its host.
    let bare = url.split(['?', '#']).next().unwrap_or(url);
    let after_scheme = bare.split_once("://").map_or(bare, |(_, r)| r);
    let host = after_scheme.split('/').next().unwrap_or(after_scheme);
    let name = after_scheme
        .rsplit('/')
        .find(|s| !s.is_empty())
        .unwrap_or(host)
        .to_owned();
    let meta = Meta {
        url: Some(url.to_owned()),
        outlet: Some(host.to_owned()),
        ..Meta::default()
    };
    let articles = from_bytes(Path::new(url), &name, got.bytes, opts, meta)?;
    Ok(FileArticles {
        key: None,
        articles,
        unmatched: false,
        warning,
    })
}

fn load_file(
    path: &Path,
    root: Option<&Root>,
    opts: &LoadOptions,
    side: Option<&Sidecar>,
) -> Result<FileArticles, CorpusError> {
    let rel = root.map(|r| r.rel(path)).unwrap_or_default();
    let root = root.and_then(|r| r.name.as_deref());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let file = super::stream::open_regular(path).map_err(|e| io_error(path, e))?;
    let md = file.metadata().map_err(|e| io_error(path, e))?;
    let size = md.len();
    let key = Some((md.dev(), md.ino()));
    // Metadata from the path, most specific first: the sidecar, the layout, the folder.
    let mut meta = side.and_then(|s| s.get(&name)).cloned().unwrap_or_default();
    let mut unmatched = false;
    if let Some(t) = &opts.layout
        && !rel.is_empty()
    {
        let comps: Vec<&str> = rel.iter().map(String::as_str).collect();
        let with_root = || {
            let root = root?;
            let comps: Vec<&str> = std::iter::once(root).chain(comps.iter().copied()).collect();
            t.matches(&comps)
        };
        match t.matches(&comps).or_else(with_root) {
            Some(m) => meta = meta.or(m),
            None => unmatched = true,
        }
    }
    let fallback = Meta {
        outlet: (rel.len() > 1).then(|| rel[0].clone()),
        published: md.modified().ok().map(|t| Published {
            time: DateTime::<Utc>::from(t).fixed_offset(),
            guess: true,
        }),
        ..Meta::default()
    };
    let ext = ext_of(path);
    if size >= lazy_min()
        && let Some(articles) = lazy(
            &file,
            path,
            &name,
            ext.as_deref(),
            size,
            opts,
            &meta,
            &fallback,
        )?
    {
        return Ok(FileArticles {
            key,
            articles,
            unmatched,
            warning: None,
        });
    }
    // Read the file already open (from its start: sniffing may have read some of it).
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    (&file)
        .rewind()
        .and_then(|()| (&file).read_to_end(&mut bytes))
        .map_err(|e| io_error(path, e))?;
    // Seed metadata applies to a seed file opened from disk only if it is byte for byte
    // the bundled one: an edited copy may have another title.
    if let Some((n, _)) = SEEDS
        .iter()
        .find(|(n, t)| *n == name && t.as_bytes() == bytes.as_slice())
        && let Some(m) = seed_meta().get(*n)
    {
        meta = meta.or(m.clone());
    }
    let articles = from_bytes(path, &name, bytes, opts, meta.or(fallback))?;
    Ok(FileArticles {
        key,
        articles,
        unmatched,
        warning: None,
    })
}

/// A large plain text file, indexed without being held in memory, when it can be read
/// as it is: `None` sends it the ordinary way.
#[allow(clippy::too_many_arguments)]
fn lazy(
    file: &std::fs::File,
    path: &Path,
    name: &str,
    ext: Option<&str>,
    size: u64,
    opts: &LoadOptions,
    meta: &Meta,
    fallback: &Meta,
) -> Result<Option<Vec<Article>>, CorpusError> {
    let mut head = vec![0u8; format::SNIFF_BYTES * 16];
    let n = file.read_at(&mut head, 0).map_err(|e| io_error(path, e))?;
    head.truncate(n);
    // Cut at a char boundary: the head is only looked at.
    let text = match std::str::from_utf8(&head) {
        Ok(s) => s,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return Ok(None),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !format::plain_as_is(ext, format::head(text), opts) || !format::plain_as_is(ext, text, opts)
    {
        return Ok(None);
    }
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    let Some(index) = index_file(file, size).map_err(|e| io_error(path, e))? else {
        return Ok(None);
    };
    let file = file.try_clone().map_err(|e| io_error(path, e))?;
    let paragraphs = Paragraphs::lazy(file, index);
    let origin = Origin::file(path.display().to_string());
    Ok(Some(vec![Article::build(
        origin,
        name,
        paragraphs,
        OnceLock::new(),
        meta.clone().or(fallback.clone()),
    )]))
}

fn ext_of(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase)
}

/// The articles in a file's (or standard input's) bytes: decoded, sniffed, parsed, with
/// `meta` filling in what the content does not say.
pub(crate) fn from_bytes(
    path: &Path,
    name: &str,
    bytes: Vec<u8>,
    opts: &LoadOptions,
    meta: Meta,
) -> Result<Vec<Article>, CorpusError> {
    let ext = ext_of(path);
    let text = decode_cow(path, &bytes, opts)?;
    let fmt = format::pick(ext.as_deref(), format::head(&text));
    let parsed = fmt.parse(&Input {
        path,
        ext: ext.as_deref(),
        text: &text,
        opts,
    })?;
    let whole = parsed.len() == 1 && parsed[0].item.is_none() && parsed[0].body.is_none();
    // The file's own bytes: kept as the text when it is that, hashed now when not.
    let (same, hash) = match (&text, whole) {
        (Cow::Borrowed(_), true) => (true, OnceLock::new()),
        _ => (false, OnceLock::from(super::sha256_hex(&bytes))),
    };
    drop(text);
    let origin_path = path.display().to_string();
    let mut bytes = Some(bytes);
    let mut out = Vec::with_capacity(parsed.len());
    for (n, p) in parsed.into_iter().enumerate() {
        let body = match p.body {
            Some(b) => b,
            None if same => into_checked_string(bytes.take().unwrap_or_default()),
            // Decoded text: decode again (rare: legacy encodings, UTF-16).
            None => decode_cow(path, bytes.as_deref().unwrap_or_default(), opts)?.into_owned(),
        };
        let mut m = p.meta.cleaned().or(meta.clone());
        let origin = match p.item {
            Some(item) => {
                if m.id.is_none() {
                    m.id = Some(format!("{name}#{}", n + 1));
                }
                Origin::item(origin_path.clone(), item)
            }
            None => Origin::file(origin_path.clone()),
        };
        out.push(Article::build(
            origin,
            name,
            Paragraphs::new(body),
            hash.clone(),
            m,
        ));
    }
    Ok(out)
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
