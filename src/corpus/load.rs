//! The loader behind every command: paths (files, folders, `-`) to articles, through
//! the formats, with metadata merged from every source that knows it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::extsort::Sorter;
use super::ids::unique_ids;
use super::load_file::{FileArticles, from_bytes, load_file, load_url, piped_stdin, read_stdin};
use super::meta::Meta;
use super::sidecar::{self, Sidecar};
use super::sources::{Source, Sources};
use super::walk;
use super::{Article, CorpusError, LoadOptions, io_error};

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

/// A folder given.
pub(super) struct Root {
    pub(super) path: PathBuf,
    /// Its own name: a layout is tried with it too, so that `corpus/bbcarabicnews`
    /// fits `{outlet}/**/…` as `corpus` does.
    pub(super) name: Option<String>,
}

impl Root {
    /// The components of `path`, found under this folder, below it (as `walk` found
    /// them).
    pub(super) fn rel(&self, path: &Path) -> Vec<String> {
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
    unique_ids(&mut articles).map_err(|e| io_error(Path::new("(a temporary file)"), e))?;
    Ok(Loaded { articles, warnings })
}

/// [`load`] for a pass over a large input that keeps no [`Article`]: each article is
/// handed to `each` as soon as its file is read (in parallel, on the rayon pool), and
/// what `each` returns is handed to `take` in the articles' order, with the number of
/// files to read in all (a hint for its room: a file may hold several articles or
/// none). Files are read a chunk at a time, so what is held is a chunk's files and
/// results, not the input's (docs/safety.md, a folder's memory). Returns the warnings.
/// Ids are not made unique: the caller does ([`super::ids::Unique`]), since it alone
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
    let mut sources = Sources::default();
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
                path: path.clone(),
                root: None,
            });
            continue;
        }
        // A file keeps its folder's number, not its own copy of the folder's path
        // components and name: `Root::rel` finds them again when it is read. Its path
        // is kept below the folder, in one buffer (docs/safety.md, a folder).
        let root = u32::try_from(roots.len()).unwrap_or(u32::MAX);
        let before = sources.len();
        let mut failed = None;
        warnings.extend(walk::walk_each(path, &mut |f| {
            if let Err(e) = sources.push_walked(path, root, f) {
                failed.get_or_insert(e);
            }
        }));
        if let Some(e) = failed {
            return Err(io_error(path, e));
        }
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
    let mut dups = duplicates(&sources)?.into_iter().peekable();
    let mut unmatched = 0usize;
    for start in (0..files).step_by(CHUNK) {
        // This chunk's sources, their paths made whole.
        let chunk: Vec<Source> = (start..files.min(start + CHUNK))
            .filter_map(|i| sources.get(i))
            .collect();
        let loaded: Vec<Result<(FileArticles, Vec<T>), CorpusError>> = chunk
            .par_iter()
            .map(|s| {
                let mut f = match s {
                    Source::Stdin => read_stdin(opts).and_then(|bytes| {
                        Ok(FileArticles {
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
            let i = start + j;
            let (f, k) = r?;
            if let Some((_, first)) = dups.next_if(|&(d, _)| d == i) {
                warnings.push(format!(
                    "{} is the same file as {}: read once",
                    name_of(sources.get(i)),
                    name_of(sources.get(first))
                ));
                continue;
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

fn name_of(s: Option<Source>) -> String {
    match s {
        Some(Source::Stdin) | None => "-".into(),
        Some(Source::Url(u)) => u,
        Some(Source::File { path, .. }) => path.display().to_string(),
    }
}

/// The files that are one read before (the same device and inode: a file given twice,
/// hard linked or reached through a symbolic link), each as (its number, the first's),
/// in order: found by sorting every file's (device, inode, number) in bounded memory
/// ([`Sorter`]) rather than by a map of every file read, 24 bytes and more a file
/// (docs/safety.md, a folder). What is held grows with the files read twice only, as
/// their warnings do. A file that cannot be looked at is left to its reading to fail.
fn duplicates(sources: &Sources) -> Result<Vec<(usize, usize)>, CorpusError> {
    use std::os::unix::fs::MetadataExt;
    let fail = |e| io_error(Path::new("(a temporary file)"), e);
    let mut sorter = Sorter::default();
    for (i, s) in sources.iter().enumerate() {
        if let Source::File { path, .. } = s
            && let Ok(md) = std::fs::metadata(&path)
        {
            let mut rec = [0u8; 24];
            rec[..8].copy_from_slice(&md.dev().to_be_bytes());
            rec[8..16].copy_from_slice(&md.ino().to_be_bytes());
            rec[16..].copy_from_slice(&(i as u64).to_be_bytes());
            sorter.push(&rec).map_err(fail)?;
        }
    }
    let mut dups = Vec::new();
    let mut last: Option<([u8; 16], u64)> = None;
    sorter
        .finish(&mut |rec| {
            let (Some(key), Some(n)) = (rec.get(..16), rec.get(16..24)) else {
                return;
            };
            let mut n8 = [0u8; 8];
            n8.copy_from_slice(n);
            let n = u64::from_be_bytes(n8);
            match last {
                Some((k, first)) if k == key => dups.push((n as usize, first as usize)),
                _ => {
                    let mut k = [0u8; 16];
                    k.copy_from_slice(key);
                    last = Some((k, n));
                }
            }
        })
        .map_err(fail)?;
    dups.sort_unstable();
    Ok(dups)
}

/// The sidecar of every folder a file is in.
fn sidecars(sources: &Sources) -> Result<HashMap<PathBuf, Option<Sidecar>>, CorpusError> {
    let mut out = HashMap::new();
    for s in sources.iter() {
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

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
