//! The article files under the paths given: directories walked recursively.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::corpus::{CorpusError, io_error};

/// One article file found, with the folder it was found under (its outlet is the first
/// folder below that root, for crawls laid out as `OUTLET/.../FILE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub root: Option<PathBuf>,
    /// Size and modification time (ns) as the walk saw them: the index is keyed by
    /// them, and a second `stat` per file was a third of a warm reopen.
    pub stamp: Option<(i64, i64)>,
}

/// Every `.txt` and `.md` file in `paths` (directories walked recursively, hidden
/// entries skipped), each once, in path order within each argument.
pub fn walk(paths: &[PathBuf]) -> Result<Vec<Found>, CorpusError> {
    let mut out = Vec::new();
    for p in paths {
        let md = std::fs::metadata(p).map_err(|e| io_error(p, e))?;
        if md.is_dir() {
            let start = out.len();
            // In path order already: each folder's entries are taken by name.
            walk_dir(p, p, &mut out)?;
            if out.len() == start {
                return Err(CorpusError::EmptyDir { path: p.clone() });
            }
        } else {
            out.push(Found {
                path: p.clone(),
                root: None,
                stamp: Some(stamp(&md)),
            });
        }
    }
    // One argument walks each file once; only several can name one file twice.
    if paths.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        out.retain(|f| seen.insert(f.path.clone()));
    }
    Ok(out)
}

/// Whether `paths` hold at least `n` article files, each folder among them at least
/// one (as [`walk`] would find): the walk stops as soon as that is known, so deciding
/// how to open a corpus of 39,279 files does not list them all (the grouping's
/// [`walk`] does, on its own thread).
pub fn at_least(paths: &[PathBuf], n: usize) -> bool {
    let mut args: Vec<&PathBuf> = Vec::new();
    for p in paths {
        if !args.contains(&p) {
            args.push(p);
        }
    }
    let mut total = 0;
    for p in args {
        match std::fs::metadata(p) {
            Ok(md) if md.is_dir() => {
                let found = count_dir(p, n.saturating_sub(total).max(1));
                if found == 0 {
                    return false;
                }
                total += found;
            }
            Ok(_) => total += 1,
            Err(_) => return false,
        }
    }
    total >= n
}

/// The article files under `dir`, counted up to `limit`.
fn count_dir(dir: &Path, limit: usize) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut n = 0;
    for e in entries.flatten() {
        if n >= limit {
            break;
        }
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        let Ok(md) = std::fs::metadata(&path) else {
            continue;
        };
        if md.is_dir() {
            n += count_dir(&path, limit - n);
        } else if md.is_file() && is_article(&path) {
            n += 1;
        }
    }
    n
}

impl Found {
    /// Its path's components below the folder it was found under.
    pub fn rel(&self) -> Option<Vec<String>> {
        let root = self.root.as_ref()?;
        let rel = self.path.strip_prefix(root).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect(),
        )
    }
}

fn walk_dir(root: &Path, dir: &Path, out: &mut Vec<Found>) -> Result<(), CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut named = Vec::new();
    for e in entries {
        let e = e.map_err(|e| io_error(dir, e))?;
        let name = e.file_name();
        if !name.as_encoded_bytes().starts_with(b".") {
            named.push((name, e.path()));
        }
    }
    // By name within the folder, the walk depth first: the files come out in path
    // order (component by component, as `Path`'s `Ord`) without sorting 39k full
    // paths, whose component-wise comparison was a sixth of a warm reopen.
    named.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let paths: Vec<PathBuf> = named.into_iter().map(|(_, p)| p).collect();
    // One `stat` per entry (following symlinks, like opening the file would), on
    // every core: on a folder of symlinks it was a tenth of a cold `qarin stories`.
    let seen: Vec<Result<Vec<Found>, CorpusError>> = paths
        .into_par_iter()
        .map(|path| {
            let Ok(md) = std::fs::metadata(&path) else {
                return Ok(Vec::new());
            };
            let mut found = Vec::new();
            if md.is_dir() {
                walk_dir(root, &path, &mut found)?;
            } else if md.is_file() && is_article(&path) {
                found.push(Found {
                    path,
                    root: Some(root.to_path_buf()),
                    stamp: Some(stamp(&md)),
                });
            }
            Ok(found)
        })
        .collect();
    for r in seen {
        out.extend(r?);
    }
    Ok(())
}

/// Size and modification time in nanoseconds (0 when the platform has none).
pub fn stamp(md: &std::fs::Metadata) -> (i64, i64) {
    let mtime = md
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    (i64::try_from(md.len()).unwrap_or(i64::MAX), mtime)
}

fn is_article(p: &Path) -> bool {
    matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "md"))
}

/// Outlet and publication time read from a crawl's layout: the outlet is the first
/// folder under the root (`txt/OUTLET/...` trees name it after `txt`), the time the
/// `YYYY-MM-DD HH:MM:SS` a file name starts with. A file named alone, or lying in the
/// folder given itself, has an outlet only when its whole path fits the crawl layout
/// (`…/txt/OUTLET/…/FILE`): its parent folder is no outlet (in the development corpus it
/// is a page number such as `1/`).
pub fn path_meta(f: &Found) -> (String, Option<i64>) {
    let name = f
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let published = name
        .get(..19)
        .and_then(crate::stories::time::parse)
        .or_else(|| name.get(..10).and_then(crate::stories::time::parse));
    let under_root = f
        .root
        .as_ref()
        .and_then(|r| f.path.strip_prefix(r).ok())
        .map(|rel| rel.components().collect::<Vec<_>>())
        .filter(|parts| parts.len() > 1)
        .map(|parts| {
            // `txt/OUTLET/...`: the folder after `txt`.
            let i = after_txt(&parts).unwrap_or(0);
            parts[i].as_os_str().to_string_lossy().into_owned()
        });
    let outlet = under_root
        .or_else(|| {
            // Named alone or in the root: only a crawl's own layout names the outlet.
            let abs = std::path::absolute(&f.path).unwrap_or_else(|_| f.path.clone());
            let parts: Vec<_> = abs.components().collect();
            after_txt(&parts).map(|i| parts[i].as_os_str().to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    (outlet, published)
}

/// The index of the component after the last `txt` folder, when at least one folder
/// and the file follow it (`txt/OUTLET/FILE`, `txt/OUTLET/1/FILE`).
fn after_txt(parts: &[std::path::Component]) -> Option<usize> {
    parts
        .iter()
        .rposition(|c| c.as_os_str() == "txt")
        .filter(|&i| i + 2 < parts.len())
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crawl_layout_gives_outlet_and_time() {
        let f = Found {
            path: "/c/txt/bbcarabicnews/11/2013-02-02 10:49:35#be76.txt".into(),
            root: Some("/c".into()),
            stamp: None,
        };
        let (o, t) = path_meta(&f);
        assert_eq!(o, "bbcarabicnews");
        assert_eq!(t, crate::stories::time::parse("2013-02-02 10:49:35"));
        let g = Found {
            path: "/c/shorouk/politics/a.txt".into(),
            root: Some("/c".into()),
            stamp: None,
        };
        assert_eq!(path_meta(&g), ("shorouk".into(), None));
    }

    #[test]
    fn a_file_named_alone_takes_no_outlet_from_its_folder() {
        // The development corpus's page folders (`1/`) are no outlets.
        let alone = Found {
            path: "/d/bbc/1/2013-02-02 10:49:35#be76.txt".into(),
            root: None,
            stamp: None,
        };
        let (o, t) = path_meta(&alone);
        assert_eq!(o, "");
        assert_eq!(t, crate::stories::time::parse("2013-02-02 10:49:35"));
        // Named alone inside a crawl laid out as txt/OUTLET/…: the layout matches.
        let crawl = Found {
            path: "/c/txt/bbcarabicnews/1/2013-02-02 10:49:35#be76.txt".into(),
            root: None,
            stamp: None,
        };
        assert_eq!(path_meta(&crawl).0, "bbcarabicnews");
        // A folder of files given itself (`qarin stories txt/bbc/1`): no outlet from `1`
        // unless the crawl layout shows one.
        let in_root = Found {
            path: "/d/pages/1/a.txt".into(),
            root: Some("/d/pages/1".into()),
            stamp: None,
        };
        assert_eq!(path_meta(&in_root).0, "");
        let in_crawl_root = Found {
            path: "/c/txt/almasryalyoum/1/a.txt".into(),
            root: Some("/c/txt/almasryalyoum/1".into()),
            stamp: None,
        };
        assert_eq!(path_meta(&in_crawl_root).0, "almasryalyoum");
    }

    #[test]
    fn at_least_agrees_with_the_walk() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join("a/b")).expect("mkdir");
        std::fs::create_dir_all(root.join("empty")).expect("mkdir");
        for (i, f) in [
            "a/1.txt",
            "a/b/2.md",
            "a/b/3.txt",
            "a/.hidden.txt",
            "a/4.pdf",
        ]
        .iter()
        .enumerate()
        {
            std::fs::write(root.join(f), format!("title {i}\n")).expect("write");
        }
        let a = vec![root.join("a")];
        assert_eq!(walk(&a).expect("walk").len(), 3);
        assert!(at_least(&a, 3));
        assert!(!at_least(&a, 4));
        // The same folder twice is one folder, as the walk sees it.
        assert!(!at_least(&[root.join("a"), root.join("a")], 4));
        // A folder without articles makes the walk fail: not a corpus either.
        let with_empty = vec![root.join("a"), root.join("empty")];
        assert!(walk(&with_empty).is_err());
        assert!(!at_least(&with_empty, 1));
        assert!(!at_least(&[root.join("missing")], 1));
    }
}
