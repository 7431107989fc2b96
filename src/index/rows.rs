//! Reading the corpus's files into index rows: their keys in the index (absolute
//! paths), each file's row and entry, a run's fingerprint, and the reading's progress
//! on standard error.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use sha2::{Digest, Sha256};

use super::store::Row;
use super::walk::{self, Found};
use super::{Entry, text};
use crate::corpus::{self, LoadOptions};
use crate::stories::{Params, Terms};

pub(super) fn text_keys(found: &[Found], keys: &[(String, i64, i64)]) -> Vec<text::TextKey> {
    found
        .iter()
        .zip(keys)
        .map(|(f, (k, size, mtime))| text::TextKey {
            key: k.clone(),
            path: path_string(&f.path),
            size: *size,
            mtime: *mtime,
        })
        .collect()
}

/// `p` as text: a valid UTF-8 path as it is (`Path::display` formats, and checks every
/// byte the slow way: a tenth of a warm reopen over 39k paths), else lossily.
pub(super) fn path_string(p: &std::path::Path) -> String {
    p.to_str()
        .map_or_else(|| p.to_string_lossy().into_owned(), str::to_owned)
}

/// The index's keys: absolute paths. A file under a folder given is keyed as that
/// folder made absolute once and the rest of its path (which the walk joined, already
/// normal): `std::path::absolute` on each of 39k files re-parsed every component.
#[derive(Default)]
pub(super) struct AbsRoots(Vec<(PathBuf, Option<String>)>);

impl AbsRoots {
    pub(super) fn key(&mut self, f: &Found) -> String {
        if let Some(root) = &f.root
            && let Some(rest) = f
                .path
                .as_os_str()
                .as_encoded_bytes()
                .strip_prefix(root.as_os_str().as_encoded_bytes())
            && let Ok(rest) = std::str::from_utf8(rest)
        {
            let i = match self
                .0
                .iter()
                .position(|(r, _)| r.as_os_str() == root.as_os_str())
            {
                Some(i) => i,
                None => {
                    let abs = std::path::absolute(root)
                        .ok()
                        .and_then(|a| a.to_str().map(|s| s.trim_end_matches('/').to_owned()));
                    self.0.push((root.clone(), abs));
                    self.0.len() - 1
                }
            };
            if let Some(abs) = &self.0[i].1 {
                return format!("{abs}/{}", rest.trim_start_matches('/'));
            }
        }
        let abs = std::path::absolute(&f.path).unwrap_or_else(|_| f.path.clone());
        abs.to_string_lossy().into_owned()
    }
}

/// The entry of the file `f` of row `r`, whose strings it takes unless the row is to
/// be stored (`persist`).
pub(super) fn entry(f: &Found, r: &mut Row, persist: bool) -> Entry {
    let (outlet, title) = if persist {
        (r.outlet.clone(), r.title.clone())
    } else {
        (std::mem::take(&mut r.outlet), std::mem::take(&mut r.title))
    };
    Entry {
        path: path_string(&f.path),
        outlet,
        title,
        published: r.published,
    }
}

/// Reads one file into its index row (metadata, and terms as bytes when it is to be
/// stored: `persist`); gives its terms and text too.
pub(super) fn read_row(
    f: &Found,
    size: i64,
    mtime: i64,
    load: &LoadOptions,
    persist: bool,
) -> anyhow::Result<(Row, Terms, String)> {
    let bytes = std::fs::read(&f.path).map_err(|e| corpus::io_error(&f.path, e))?;
    let text = corpus::decode(&f.path, &bytes, load)?;
    drop(bytes);
    let (mut outlet, mut published) = walk::path_meta(f);
    // A layout template given (`--layout`, config) knows better than the crawl guess.
    if let (Some(t), Some(rel)) = (&load.layout, f.rel())
        && let Some(m) = t.matches(&rel.iter().map(String::as_str).collect::<Vec<_>>())
    {
        outlet = m.outlet.unwrap_or(outlet);
        published = m.published.map(|p| p.time.timestamp()).or(published);
    }
    let title = corpus::lines(&text)
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_owned();
    let body_start = text.find(&title).map_or(0, |i| i + title.len());
    let terms = Terms::of(&title, text.get(body_start..).unwrap_or(""));
    let row = Row {
        size,
        mtime,
        outlet,
        title: crate::bookmarks::display::safe_line(&title),
        published,
        terms: if persist {
            terms.to_bytes()
        } else {
            Vec::new()
        },
        claims: Vec::new(),
    };
    Ok((row, terms, text))
}

/// Identifies one run: the method's parameters and every file's key, size and mtime.
pub(super) fn fingerprint(keys: &[(String, i64, i64)], p: &Params) -> String {
    let mut h = Sha256::new();
    h.update(format!("{p:?}\n").as_bytes());
    for (k, s, m) in keys {
        h.update(k.as_bytes());
        h.update(b"\0");
        h.update(s.to_le_bytes());
        h.update(m.to_le_bytes());
    }
    hex(&h.finalize())
}

pub(super) fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// "indexing N/M" on standard error while files are read, when it is a terminal.
pub(super) struct Progress {
    total: usize,
    done: AtomicUsize,
    show: bool,
}

impl Progress {
    pub(super) fn new(total: usize, on_stderr: bool) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            show: on_stderr && total >= 500 && std::io::stderr().is_terminal(),
        }
    }

    pub(super) fn tick(&self) {
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.show && n.is_multiple_of(250) {
            eprint!("\rqarin: indexing {n}/{} articles", self.total);
        }
    }

    pub(super) fn done(&self) {
        if self.show {
            eprint!("\r\x1b[K");
        }
    }
}
