//! One source's articles for the loader (`corpus::load`): standard input, a URL (page or
//! feed), or a file, read whole or lazily by windows when it is large (docs/safety.md).

use std::borrow::Cow;
use std::io::{Read, Seek};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};

use super::bigfile::index_file;
use super::decode::{decode_cow, into_checked_string};
use super::format::{self, Input};
use super::load::Root;
use super::meta::{Meta, Published};
use super::sidecar::Sidecar;
use super::window::lazy_min;
use super::{Article, CorpusError, LoadOptions, Origin, Paragraphs, SEEDS, io_error, seed_meta};

/// Standard input's bytes when it is a pipe or a file with something in it.
pub(super) fn piped_stdin(opts: &LoadOptions) -> Result<Option<Vec<u8>>, CorpusError> {
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
pub(super) fn read_stdin(opts: &LoadOptions) -> Result<Vec<u8>, CorpusError> {
    let limit = super::stream::stdin_limit()?;
    super::stream::read_stream(Path::new("-"), std::io::stdin().lock(), opts, limit)
}

pub(super) struct FileArticles {
    pub(super) articles: Vec<Article>,
    /// A layout was given and the file's path did not fit it.
    pub(super) unmatched: bool,
    pub(super) warning: Option<String>,
}

/// A page or feed from the web (or the cache).
pub(super) fn load_url(url: &str, opts: &LoadOptions) -> Result<FileArticles, CorpusError> {
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
        articles,
        unmatched: false,
        warning,
    })
}

pub(super) fn load_file(
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
