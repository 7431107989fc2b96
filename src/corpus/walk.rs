//! Folders, walked recursively in a stable order (by name at each level), following
//! symbolic links but never round a loop, skipping hidden entries, unreadable entries and
//! files that are not articles, each with a warning that names them.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::extsort::Sorter;

/// Extensions of the files a folder's articles are read from.
pub const ARTICLE_EXTS: [&str; 14] = [
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "xml", "rss", "atom", "jsonl",
    "ndjson", "csv", "tsv",
];

/// An article file under a folder given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The folder given joined with the file's path below it ([`rel`] splits it).
    pub path: PathBuf,
}

/// What walking a folder found.
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<Found>,
    /// Entries skipped, with why: for the user, one line each.
    pub warnings: Vec<String>,
}

/// Whether a file name's extension is an article's.
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| ARTICLE_EXTS.iter().any(|a| a.eq_ignore_ascii_case(x)))
}

/// The article files under `root`, in name order level by level.
pub fn walk(root: &Path) -> Walked {
    let mut files = Vec::new();
    let warnings = walk_each(root, &mut |path| files.push(Found { path }));
    Walked { files, warnings }
}

/// [`walk`], each file handed to `found` in order rather than collected: a folder's
/// list is then held once, by the caller (docs/safety.md, a folder). Returns the
/// warnings.
///
/// Name order level by level is the order of the files' paths below `root` compared
/// component by component, so the folder is walked as the file system lists it
/// (walkdir without sorting holds only an open listing a level) and its files' paths
/// are sorted after, by [`Sorter`] in bounded memory: walkdir's sorted walk held every
/// entry of a folder, ~130 bytes a file, to sort them (docs/safety.md, a folder). The
/// few entries warned about are sorted the same way, in memory.
pub fn walk_each(root: &Path, found: &mut dyn FnMut(PathBuf)) -> Vec<String> {
    let mut out = Walked::default();
    // Hidden entries: how many, and the first three's paths in walk order (all the
    // warning names).
    let hidden = std::cell::RefCell::new((0usize, Vec::<(Vec<u8>, PathBuf)>::new()));
    let mut other = 0usize;
    let mut errors: Vec<(Vec<u8>, String)> = Vec::new();
    let mut sorter = Sorter::default();
    let mut failed = None;
    let walker = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            let keep = e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.');
            if !keep {
                let (count, first) = &mut *hidden.borrow_mut();
                *count += 1;
                first.push((order_key(root, e.path()), e.path().to_path_buf()));
                first.sort();
                first.truncate(3);
            }
            keep
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let key = e.path().map(|p| order_key(root, p)).unwrap_or_default();
                errors.push((key, walk_error(&e)));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        if !is_article(entry.path()) {
            if entry.file_name() != super::sidecar::NAME {
                other += 1;
            }
            continue;
        }
        if let Err(e) = sorter.push(&order_key(root, entry.path())) {
            failed.get_or_insert(e);
        }
    }
    let sorted = match failed {
        Some(e) => Err(e),
        None => sorter.finish(&mut |key| found(path_of(root, key))),
    };
    if let Err(e) = sorted {
        out.warnings.push(format!(
            "skipped the files under {}: cannot list them: {e}",
            root.display()
        ));
    }
    // Stable: errors of one entry keep their order.
    errors.sort_by(|a, b| a.0.cmp(&b.0));
    out.warnings.extend(errors.into_iter().map(|(_, e)| e));
    let (hidden, first) = hidden.into_inner();
    if hidden > 0 {
        let names: Vec<String> = first.iter().map(|(_, p)| p.display().to_string()).collect();
        let more = if hidden > 3 { ", …" } else { "" };
        out.warnings.push(format!(
            "skipped {hidden} hidden entr{} under {}: {}{more}",
            if hidden == 1 { "y" } else { "ies" },
            root.display(),
            names.join(", ")
        ));
    }
    if other > 0 {
        out.warnings.push(format!(
            "skipped {other} file{} under {} that {} not articles (by extension: {})",
            if other == 1 { "" } else { "s" },
            root.display(),
            if other == 1 { "is" } else { "are" },
            ARTICLE_EXTS.join(" ")
        ));
    }
    out.warnings
}

/// The components of `path`, found under `root`, below it.
pub fn rel(root: &Path, path: &Path) -> Vec<String> {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect()
}

/// A path's place in the walk's order: its components below `root` joined by a zero
/// byte, which no name holds and which sorts before every byte a name does, so byte
/// order is name order level by level. A path not below `root` (walkdir gives none)
/// is kept whole after a marker that puts it last.
fn order_key(root: &Path, path: &Path) -> Vec<u8> {
    let mut key = Vec::new();
    let Ok(rest) = path.strip_prefix(root) else {
        key.push(0xff);
        key.extend_from_slice(path.as_os_str().as_bytes());
        return key;
    };
    for (i, c) in rest.components().enumerate() {
        if i > 0 {
            key.push(0);
        }
        key.extend_from_slice(c.as_os_str().as_bytes());
    }
    key
}

/// The path of an [`order_key`]: `root` joined with each component, as walkdir joins
/// a folder's path and an entry's name.
fn path_of(root: &Path, key: &[u8]) -> PathBuf {
    if let Some(whole) = key.strip_prefix(&[0xff]) {
        return PathBuf::from(OsStr::from_bytes(whole));
    }
    let mut path = root.to_path_buf();
    for c in key.split(|&b| b == 0) {
        path.push(OsStr::from_bytes(c));
    }
    path
}

fn walk_error(e: &walkdir::Error) -> String {
    let at = e
        .path()
        .map_or_else(|| "?".to_owned(), |p| p.display().to_string());
    if let Some(anc) = e.loop_ancestor() {
        return format!(
            "skipped {at}: a symbolic link loop (back to {})",
            anc.display()
        );
    }
    match e.io_error() {
        Some(io) => format!("skipped {at}: cannot read: {io}"),
        None => format!("skipped {at}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_hidden_loops_and_order() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        for f in [
            "b/x.txt",
            "a/x.txt",
            "a/z/y.md",
            ".git/h.txt",
            "a/.hid.txt",
            "img.png",
            "c.html",
        ] {
            let p = r.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "t").unwrap();
        }
        std::os::unix::fs::symlink(r, r.join("a/loop")).unwrap();
        // Name order level by level: `a/…` before `a-b/…` before `a.txt`, though a
        // path's bytes sort `a-b/` and `a.txt` first.
        for f in ["a.txt", "a-b/c.txt"] {
            let p = r.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "t").unwrap();
        }
        let w = walk(r);
        let rels: Vec<String> = w.files.iter().map(|f| rel(r, &f.path).join("/")).collect();
        assert_eq!(
            rels,
            [
                "a/x.txt",
                "a/z/y.md",
                "a-b/c.txt",
                "a.txt",
                "b/x.txt",
                "c.html"
            ]
        );
        let warn = w.warnings.join("\n");
        assert!(warn.contains("symbolic link loop"), "{warn}");
        assert!(
            warn.contains("2 hidden entries") && warn.contains(".git"),
            "{warn}"
        );
        assert!(warn.contains("skipped 1 file"), "{warn}");
    }

    /// A folder too large to sort in one run comes out in walkdir's sorted order, the
    /// paths byte for byte.
    #[test]
    fn a_large_folder_is_walked_in_walkdirs_sorted_order() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        for i in 0..4_000u32 {
            let n = i.wrapping_mul(2_654_435_761) % 100_000;
            let name = match i % 3 {
                0 => format!("{n}.txt"),
                1 => format!("{n}-x/{i}.md"),
                _ => format!("{n}/{i}/a.txt"),
            };
            let p = r.join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "t").unwrap();
        }
        let want: Vec<PathBuf> = WalkDir::new(r)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        let got: Vec<PathBuf> = walk(r).files.into_iter().map(|f| f.path).collect();
        assert_eq!(got.len(), 4_000);
        assert_eq!(got, want);
    }
}
