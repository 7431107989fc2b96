//! Front matter at the top of a `.md` or `.txt` file: YAML between `---` lines or TOML
//! between `+++` lines, as static site generators and note tools write it.

use std::path::Path;

use chrono::FixedOffset;

use super::CorpusError;
use super::meta::{Meta, Published};
use super::template::parse_time;

/// Whether `text` opens with a front matter fence.
pub fn starts(text: &str) -> bool {
    fence(text).is_some()
}

fn fence(text: &str) -> Option<&'static str> {
    let first = super::lines(text).next()?;
    ["---", "+++"].into_iter().find(|f| first.trim_end() == *f)
}

/// The metadata and the rest of the text, when `text` opens with front matter.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Option<(Meta, &'a str)>, CorpusError> {
    let Some(f) = fence(text) else {
        return Ok(None);
    };
    // Find the closing fence line.
    let mut at = 0;
    let mut body_start = None;
    let mut block_end = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if n > 0 && line.trim_end() == f {
            block_end = at;
            body_start = Some(at + line.len());
            break;
        }
        at += line.len();
    }
    let Some(body_start) = body_start else {
        // No closing fence: not front matter after all (a Markdown rule, say).
        return Ok(None);
    };
    let first_len = text.find('\n').map_or(text.len(), |i| i + 1);
    let block = &text[first_len..block_end];
    let meta = if f == "---" {
        yaml(path, block)
    } else {
        toml_meta(path, block)
    }
    .map_err(|e| match e {
        CorpusError::Metadata { path, problem } if !problem.starts_with("front matter") => {
            CorpusError::Metadata {
                path,
                problem: format!("front matter: {problem}"),
            }
        }
        e => e,
    })?;
    Ok(Some((meta, &text[body_start..])))
}

fn bad(path: &Path, kind: &str, msg: String) -> CorpusError {
    CorpusError::Metadata {
        path: path.to_path_buf(),
        problem: format!("front matter ({kind}): {msg}"),
    }
}

/// Field names as blogs and scrapers spell them, each with its synonyms.
const KEYS: [(&str, &[&str]); 7] = [
    ("title", &["title", "headline"]),
    ("outlet", &["outlet", "source", "publisher", "newspaper"]),
    (
        "published",
        &["published", "date", "pubdate", "published_at", "time"],
    ),
    ("url", &["url", "link", "canonical", "source_url"]),
    ("author", &["author", "byline", "by"]),
    ("lang", &["lang", "language"]),
    ("site", &["site", "site_name"]),
];

/// Metadata from a lookup of scalar values by key.
pub fn meta_from(path: &Path, get: impl Fn(&str) -> Option<String>) -> Result<Meta, CorpusError> {
    let pick = |field: &str| {
        KEYS.iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, keys)| keys.iter().find_map(|k| get(k)))
    };
    let published = match pick("published") {
        None => None,
        Some(t) => Some(Published::known(
            parse_time(t.trim(), None, utc()).ok_or_else(|| CorpusError::Metadata {
                path: path.to_path_buf(),
                problem: format!(
                    "date {t:?} is not a time (RFC 3339, `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD`)"
                ),
            })?,
        )),
    };
    Ok(Meta {
        title: pick("title"),
        outlet: pick("outlet"),
        published,
        url: pick("url"),
        author: pick("author"),
        lang: pick("lang"),
        site: pick("site"),
        short: get("short"),
        id: get("id"),
    }
    .cleaned())
}

pub fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!())
}

fn yaml(path: &Path, block: &str) -> Result<Meta, CorpusError> {
    use serde_yaml_ng::Value;
    let v: Value = serde_yaml_ng::from_str(block).map_err(|e| bad(path, "YAML", e.to_string()))?;
    let map = match v {
        Value::Mapping(m) => m,
        Value::Null => Default::default(),
        _ => return Err(bad(path, "YAML", "not a mapping of keys to values".into())),
    };
    meta_from(path, |k| {
        map.get(k).and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            // A list of authors: the first.
            Value::Sequence(s) => s.first().and_then(|v| v.as_str()).map(str::to_owned),
            _ => None,
        })
    })
}

fn toml_meta(path: &Path, block: &str) -> Result<Meta, CorpusError> {
    let t: toml::Table = toml::from_str(block).map_err(|e| bad(path, "TOML", e.to_string()))?;
    meta_from(path, |k| toml_scalar(t.get(k)?))
}

/// A TOML value as text (a datetime in RFC 3339), or the first of an array.
pub fn toml_scalar(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Array(a) => a.first().and_then(toml_scalar),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_toml_front_matter() {
        let p = Path::new("a.md");
        let y = "---\ntitle: عنوان\nsource: الشروق\ndate: 2013-02-05 10:20:00\nauthors: [x]\nlang: ar\n---\nنص\n";
        let (m, rest) = split(p, y).unwrap().unwrap();
        assert_eq!(m.title.as_deref(), Some("عنوان"));
        assert_eq!(m.outlet.as_deref(), Some("الشروق"));
        assert_eq!(m.published.unwrap().rfc3339(), "2013-02-05T10:20:00+00:00");
        assert_eq!(rest, "نص\n");
        let t = "+++\ntitle = \"t\"\ndate = 2013-02-05T10:20:00+02:00\n+++\nbody";
        let (m, rest) = split(p, t).unwrap().unwrap();
        assert_eq!(m.published.unwrap().rfc3339(), "2013-02-05T10:20:00+02:00");
        assert_eq!(rest, "body");
    }

    #[test]
    fn broken_front_matter_names_the_file_and_no_fence_is_no_front_matter() {
        let p = Path::new("a.md");
        let e = split(p, "---\ntitle: [\n---\n").unwrap_err().to_string();
        assert!(e.starts_with("a.md: front matter (YAML)"), "{e}");
        let e = split(p, "---\ndate: someday\n---\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"someday\" is not a time"), "{e}");
        assert!(split(p, "---\nno closing fence\n").unwrap().is_none());
        assert!(split(p, "text\n---\n").unwrap().is_none());
    }
}
