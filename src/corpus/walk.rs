//! Folders, walked recursively in a stable order (by name at each level), following
//! symbolic links but never round a loop, skipping hidden entries, unreadable entries and
//! files that are not articles, each with a warning that names them.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

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

/// [`walk`], each file handed to `found` as it is met rather than collected: a folder's
/// list is then held once, by the caller (docs/safety.md, a folder). Returns the
/// warnings.
pub fn walk_each(root: &Path, found: &mut dyn FnMut(PathBuf)) -> Vec<String> {
    let mut out = Walked::default();
    // Hidden entries: how many, and the first three's paths (all the warning names).
    let hidden = std::cell::RefCell::new((0usize, Vec::new()));
    let mut other = 0usize;
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let keep = e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.');
            if !keep {
                let (count, first) = &mut *hidden.borrow_mut();
                *count += 1;
                if first.len() < 3 {
                    first.push(e.path().to_path_buf());
                }
            }
            keep
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.warnings.push(walk_error(&e));
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
        found(entry.into_path());
    }
    let (hidden, first) = hidden.into_inner();
    if hidden > 0 {
        let names: Vec<String> = first.iter().map(|p| p.display().to_string()).collect();
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
        let w = walk(r);
        let rels: Vec<String> = w.files.iter().map(|f| rel(r, &f.path).join("/")).collect();
        assert_eq!(rels, ["a/x.txt", "a/z/y.md", "b/x.txt", "c.html"]);
        let warn = w.warnings.join("\n");
        assert!(warn.contains("symbolic link loop"), "{warn}");
        assert!(
            warn.contains("2 hidden entries") && warn.contains(".git"),
            "{warn}"
        );
        assert!(warn.contains("skipped 1 file"), "{warn}");
    }
}
