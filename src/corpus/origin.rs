//! Where an article comes from: its identity in claims, bookmarks, reading positions and
//! the library.

use std::fmt;

/// A file (or URL, or `-` for standard input) and, for a feed or a corpus file that holds
/// many articles, the entry inside it. Two articles never share an origin.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Origin {
    /// The path as given on the command line (or under a folder given), the URL of a
    /// fetched page, `-` for standard input, `seeds/NAME` for a bundled seed.
    pub path: String,
    /// The entry inside `path`: a feed entry's id or link, a corpus row's id or number.
    pub item: Option<String>,
}

impl Origin {
    /// A whole file.
    pub fn file(path: impl Into<String>) -> Origin {
        Origin {
            path: path.into(),
            item: None,
        }
    }

    /// An entry inside a file.
    pub fn item(path: impl Into<String>, item: impl Into<String>) -> Origin {
        Origin {
            path: path.into(),
            item: Some(item.into()),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            // `#` is common in crawled file names, so the entry is set off with ` → `.
            Some(item) => write!(f, "{} → {}", self.path, item),
            None => f.write_str(&self.path),
        }
    }
}
