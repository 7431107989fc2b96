//! What can go wrong with the bookmark files. Every message names the file.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "no data directory: neither QARIN_DATA_DIR, the XDG variables nor a home directory is set"
    )]
    NoDataDir,
    #[error("{path}: cannot read {what}: {cause}")]
    Unreadable {
        path: PathBuf,
        what: &'static str,
        /// In the message, not in `source()`: `{:#}` would print it twice.
        cause: std::io::Error,
    },
    #[error(
        "{path}: not a valid {what} file ({reason}); it is left untouched — fix it or move it aside"
    )]
    Corrupt {
        path: PathBuf,
        what: &'static str,
        reason: String,
    },
    #[error(
        "{path}: written by a newer qarin (format version {found}; this one knows up to {supported}); it is left untouched"
    )]
    FutureVersion {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    #[error("{path}: cannot save {what}: {cause}; nothing was changed")]
    Write {
        path: PathBuf,
        what: &'static str,
        /// In the message, not in `source()`: `{:#}` would print it twice.
        cause: std::io::Error,
    },
    #[error(
        "{path}: no bookmark ids left (`next_id` or an id is at 18446744073709551615, the largest there is); nothing was added — renumber the file or start a new one"
    )]
    IdsExhausted { path: PathBuf },
    #[error("{path}: no bookmark with id {id}")]
    UnknownId { path: PathBuf, id: u64 },
    #[error("bookmarks are read-only in this session: {reason}")]
    ReadOnly { reason: String },
}
