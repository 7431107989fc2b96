//! `articles.toml` beside the articles of a folder (the seeds' form): metadata keyed by
//! file name.
//!
//! ```toml
//! [articles."003_b61dba046c2e7809.txt"]
//! title = "…"
//! outlet = "…"
//! short = "…"
//! published = 2022-01-08T10:00:00+06:00
//! url = "https://…"
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use super::CorpusError;
use super::frontmatter::{meta_from, toml_scalar};
use super::meta::Meta;

/// The sidecar's file name.
pub const NAME: &str = "articles.toml";

/// Metadata by file name.
pub type Sidecar = BTreeMap<String, Meta>;

/// Parses a sidecar's text; `path` names it in errors.
pub fn parse(path: &Path, text: &str) -> Result<Sidecar, CorpusError> {
    let bad = |problem: String| CorpusError::Metadata {
        path: path.to_path_buf(),
        problem,
    };
    let t: toml::Table = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
    let mut out = Sidecar::new();
    let Some(articles) = t.get("articles") else {
        return Ok(out);
    };
    let articles = articles
        .as_table()
        .ok_or_else(|| bad("`articles` is not a table of file names".into()))?;
    for (name, entry) in articles {
        let entry = entry
            .as_table()
            .ok_or_else(|| bad(format!("articles.{name:?} is not a table")))?;
        let meta = meta_from(path, |k| entry.get(k).and_then(toml_scalar))?;
        out.insert(name.clone(), meta);
    }
    Ok(out)
}

/// The sidecar of folder `dir`, if it has one.
pub fn load(dir: &Path) -> Result<Option<Sidecar>, CorpusError> {
    let path = dir.join(NAME);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&path, &text).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(super::io_error(&path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_by_file_name_and_errors_naming_the_sidecar() {
        let p = Path::new("d/articles.toml");
        let s = parse(
            p,
            "[articles.\"a.txt\"]\ntitle = \"ت\"\noutlet = \"o\"\npublished = 2013-02-05T10:00:00Z\n",
        )
        .unwrap();
        let m = &s["a.txt"];
        assert_eq!(m.outlet.as_deref(), Some("o"));
        assert_eq!(m.published.unwrap().rfc3339(), "2013-02-05T10:00:00+00:00");
        let e = parse(p, "[articles\n").unwrap_err().to_string();
        assert!(e.starts_with("d/articles.toml: "), "{e}");
        let e = parse(p, "articles = 3").unwrap_err().to_string();
        assert!(e.contains("not a table"), "{e}");
    }
}
