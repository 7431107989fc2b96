//! A JSON file in the data directory that is never half-written and never loses a
//! concurrent writer's change.
//!
//! Every change runs as: take an advisory lock on `NAME.lock` beside the real file (a
//! symlinked `NAME` is followed first, so every data dir linking to one file shares one
//! lock) → re-read the file →
//! apply the change to what is on disk now → write a temporary file in the same
//! directory → `sync_all` → rename over the file → fsync the directory. A reader (who
//! takes no lock) sees the old file or the new one, never a mix; a writer killed at any
//! moment leaves the old file and at worst a stray temporary, which the next writer
//! removes. A file that does not parse, or has a newer `version`, is refused, never
//! rewritten.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::display::escape_json;
use super::error::StoreError;
use super::model::{VERSION, Versioned};
use crate::corpus::stream::open_regular;

/// One versioned JSON file, e.g. `bookmarks.json`.
#[derive(Debug, Clone)]
pub struct JsonFile<T> {
    path: PathBuf,
    _contents: PhantomData<T>,
}

impl<T: Versioned> JsonFile<T> {
    pub fn new(path: PathBuf) -> Self {
        JsonFile {
            path,
            _contents: PhantomData,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the file as it is now. A missing file is an empty one. Anything but a
    /// regular file (a FIFO would block, `/dev/zero` never end) is refused.
    pub fn load(&self) -> Result<T, StoreError> {
        let read = open_regular(&self.path).and_then(|mut f| {
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).map(|_| bytes)
        });
        let bytes = match read {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(T::default()),
            Err(cause) => {
                return Err(StoreError::Unreadable {
                    path: self.path.clone(),
                    what: T::WHAT,
                    cause,
                });
            }
        };
        parse(&self.path, &bytes)
    }

    /// Applies `change` to the file's current contents under the lock and saves the result
    /// atomically. If `change` fails, or changes nothing, nothing is written.
    pub fn update<R>(
        &self,
        change: impl FnOnce(&mut T) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        // The lock and the temporaries go beside the file really written: two data dirs
        // whose files link to one file must exclude each other, and a writer must never
        // take another's temporary (beside the link) for crash debris.
        let target = self.target()?;
        let target_dir = parent(&target);
        fs::create_dir_all(&target_dir).map_err(|source| self.write_error(&target_dir, source))?;
        let _lock = self.lock(&target)?;
        let mut contents = self.load()?;
        let before = contents.clone();
        let result = change(&mut contents)?;
        if contents != before {
            self.remove_stray_temporaries(&target_dir, &target);
            self.write(&target_dir, &target, &contents)?;
        }
        Ok(result)
    }

    /// The file to replace: a symlinked store (dotfiles kept elsewhere) is written
    /// through to where the link points, and the link is kept. The link's chain is
    /// followed by hand so a link to a file not made yet still names where to make it.
    fn target(&self) -> Result<PathBuf, StoreError> {
        let mut path = self.path.clone();
        // As many hops as the kernel follows before ELOOP.
        for _ in 0..40 {
            match fs::symlink_metadata(&path) {
                Ok(md) if md.file_type().is_symlink() => {
                    let to =
                        fs::read_link(&path).map_err(|source| self.write_error(&path, source))?;
                    path = parent(&path).join(to);
                }
                _ => return Ok(path),
            }
        }
        Err(self.write_error(
            &self.path,
            std::io::Error::other("too many levels of symbolic links"),
        ))
    }

    fn file_name(path: &Path) -> String {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    fn write_error(&self, path: &Path, cause: std::io::Error) -> StoreError {
        StoreError::Write {
            path: path.to_path_buf(),
            what: T::WHAT,
            cause,
        }
    }

    /// Blocks until no other qarin holds the lock; released when the file is dropped
    /// (or the process dies, however it dies).
    fn lock(&self, target: &Path) -> Result<File, StoreError> {
        let mut lock_path = target.as_os_str().to_owned();
        lock_path.push(".lock");
        let lock_path = PathBuf::from(lock_path);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(|source| self.write_error(&lock_path, source))?;
        file.lock()
            .map_err(|source| self.write_error(&lock_path, source))?;
        Ok(file)
    }

    fn temp_prefix(target: &Path) -> String {
        format!(".{}.", Self::file_name(target))
    }

    /// Temporaries left by writers that died; only a lock holder writes one, so any
    /// found while we hold the lock is stale. Failing to remove one is harmless.
    fn remove_stray_temporaries(&self, dir: &Path, target: &Path) {
        let prefix = Self::temp_prefix(target);
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(&prefix) && name.ends_with(".tmp") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    fn write(&self, dir: &Path, target: &Path, contents: &T) -> Result<(), StoreError> {
        let json = serde_json::to_string_pretty(contents)
            .map_err(|e| self.write_error(target, std::io::Error::other(e.to_string())))?;
        let text = escape_json(&json) + "\n";
        let mut tmp = tempfile::Builder::new()
            .prefix(&Self::temp_prefix(target))
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|source| self.write_error(dir, source))?;
        // Keep the permissions the user gave the file (the temporary starts as 0600).
        if let Ok(md) = fs::metadata(target) {
            tmp.as_file()
                .set_permissions(md.permissions())
                .map_err(|source| self.write_error(tmp.path(), source))?;
        }
        tmp.write_all(text.as_bytes())
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|source| self.write_error(tmp.path(), source))?;
        tmp.persist(target)
            .map_err(|e| self.write_error(target, e.error))?;
        // The rename is durable only once the directory entry is on disk.
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|source| self.write_error(dir, source))
    }
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Only the version, read before the rest so a newer format is refused by name rather
/// than reported as garbage.
#[derive(Deserialize)]
struct Probe {
    version: Option<serde_json::Value>,
}

fn parse<T: Versioned>(path: &Path, bytes: &[u8]) -> Result<T, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        what: T::WHAT,
        reason,
    };
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))?;
    let version = match probe.version {
        None => return Err(corrupt("no `version` field".into())),
        Some(v) => v
            .as_u64()
            .filter(|&n| n >= 1)
            .ok_or_else(|| corrupt(format!("`version` is {v}, not a positive integer")))?,
    };
    if version > u64::from(VERSION) {
        return Err(StoreError::FutureVersion {
            path: path.to_path_buf(),
            found: version,
            supported: VERSION,
        });
    }
    serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::super::model::BookmarkFile;
    use super::*;

    fn file(dir: &Path) -> JsonFile<BookmarkFile> {
        JsonFile::new(dir.join("bookmarks.json"))
    }

    #[test]
    fn missing_file_is_empty_and_first_write_creates_it() {
        let dir = tempfile::tempdir().unwrap();
        let f = file(&dir.path().join("sub"));
        assert_eq!(f.load().unwrap(), BookmarkFile::default());
        f.update(|c| {
            c.next_id = 5;
            Ok(())
        })
        .unwrap();
        assert_eq!(f.load().unwrap().next_id, 5);
        let text = fs::read_to_string(f.path()).unwrap();
        assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");
    }

    #[test]
    fn corrupt_and_future_files_are_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let f = file(dir.path());
        for (bytes, want) in [
            (&b"{\"version\": 1, \"next_id\": "[..], "EOF while parsing"),
            (b"", "EOF while parsing"),
            (b"[]", "expected struct"),
            (b"{\"next_id\": 1, \"bookmarks\": []}", "no `version` field"),
            (b"{\"version\": \"one\"}", "not a positive integer"),
            (b"{\"version\": 1, \"bookmarks\": 3}", "invalid type"),
            (b"{\"version\": 99, \"whatever\": true}", "newer qarin"),
        ] {
            fs::write(f.path(), bytes).unwrap();
            let err = f.load().unwrap_err().to_string();
            assert!(err.contains(want), "{err}");
            assert!(err.contains("bookmarks.json"), "{err}");
            let err = f.update(|_| Ok(())).unwrap_err().to_string();
            assert!(err.contains(want), "{err}");
            assert_eq!(fs::read(f.path()).unwrap(), bytes, "file untouched");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_store_is_written_through_and_keeps_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let real = elsewhere.path().join("real.json");
        fs::write(&real, "{\"version\": 1}").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("bookmarks.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let f = file(dir.path());
        f.update(|c| {
            c.next_id = 4;
            Ok(())
        })
        .unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(f.load().unwrap().next_id, 4);
        let md = fs::metadata(&real).unwrap();
        assert_eq!(md.permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn failed_change_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let f = file(dir.path());
        let r: Result<(), _> = f.update(|c| {
            c.next_id = 9;
            Err(StoreError::UnknownId {
                path: PathBuf::new(),
                id: 1,
            })
        });
        assert!(r.is_err());
        assert!(!f.path().exists());
    }

    #[test]
    fn stray_temporaries_are_cleaned_by_the_next_writer() {
        let dir = tempfile::tempdir().unwrap();
        let f = file(dir.path());
        let stray = dir.path().join(".bookmarks.json.abc123.tmp");
        fs::write(&stray, "half a fi").unwrap();
        f.update(|c| {
            c.next_id = 2;
            Ok(())
        })
        .unwrap();
        assert!(!stray.exists());
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let mut names = names;
        names.sort();
        assert_eq!(names, ["bookmarks.json", "bookmarks.json.lock"]);
    }
}
