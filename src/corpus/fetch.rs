//! Pages and feeds over HTTP(S) (`ureq`), kept in a local cache so that reading them
//! again works offline. A cached copy is revalidated with `If-None-Match` /
//! `If-Modified-Since`; when the network fails, the cached copy is read with a warning.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

/// How to fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// For the whole request, connection to last byte.
    pub timeout: Duration,
    /// Never touch the network: the cached copy or an error.
    pub offline: bool,
    /// Where pages are kept.
    pub cache_dir: PathBuf,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            timeout: Duration::from_secs(20),
            offline: false,
            cache_dir: default_cache_dir(),
        }
    }
}

/// `$QARIN_CACHE_DIR`, else `$XDG_CACHE_HOME/qarin/pages` (`~/.cache/qarin/pages`).
pub fn default_cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("QARIN_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("qarin").join("pages")
}

/// Pages larger than this are refused: no news article or feed is.
const MAX_BODY: u64 = 64 << 20;

/// Whether a command-line argument is a URL rather than a path.
pub fn is_url(s: &str) -> bool {
    let l = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

/// Why a URL could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: HTTP {status}{}", reason(*.status))]
    Status { url: String, status: u16 },
    #[error("{url}: {problem}")]
    Network { url: String, problem: String },
    #[error("{url}: not in the cache, and offline")]
    NotCached { url: String },
    #[error("{url}: cache {path}: {source}")]
    Cache {
        url: String,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn reason(status: u16) -> String {
    let r = match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return String::new(),
    };
    format!(" {r}")
}

/// What the cache keeps beside a page's bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CacheMeta {
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub content_type: Option<String>,
    /// RFC 3339.
    pub fetched: String,
}

/// A page's bytes and how they were got.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub meta: CacheMeta,
    pub how: How,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// Downloaded now.
    Downloaded,
    /// The server said the cached copy is current (304).
    NotModified,
    /// Read from the cache without asking (offline).
    Cached,
    /// The network failed; the cached copy was read instead. Holds why.
    Stale(String),
}

fn key(url: &str) -> String {
    Sha256::digest(url.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn paths(dir: &Path, url: &str) -> (PathBuf, PathBuf) {
    let k = key(url);
    (dir.join(format!("{k}.body")), dir.join(format!("{k}.json")))
}

/// The cached copy of `url`, if there is a whole one.
pub fn cached(dir: &Path, url: &str) -> Option<(Vec<u8>, CacheMeta)> {
    let (body, meta) = paths(dir, url);
    let meta: CacheMeta = serde_json::from_slice(&std::fs::read(meta).ok()?).ok()?;
    (meta.url == url).then_some(())?;
    Some((std::fs::read(body).ok()?, meta))
}

fn store(dir: &Path, url: &str, bytes: &[u8], meta: &CacheMeta) -> Result<(), FetchError> {
    let err = |path: &Path, source| FetchError::Cache {
        url: url.to_owned(),
        path: path.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(|e| err(dir, e))?;
    let (body, m) = paths(dir, url);
    // Body first, then the metadata that vouches for it: a crash leaves no metadata
    // pointing at a half-written body.
    for (path, data) in [
        (&body, bytes.to_vec()),
        (&m, serde_json::to_vec_pretty(meta).unwrap_or_default()),
    ] {
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| err(dir, e))?;
        std::io::Write::write_all(&mut tmp, &data).map_err(|e| err(path, e))?;
        tmp.persist(path).map_err(|e| err(path, e.error))?;
    }
    Ok(())
}

/// Fetches `url` (or reads it from the cache, see the module's doc).
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Fetched, FetchError> {
    let cache = cached(&opts.cache_dir, url);
    if opts.offline {
        return cache
            .map(|(bytes, meta)| Fetched {
                bytes,
                meta,
                how: How::Cached,
            })
            .ok_or_else(|| FetchError::NotCached {
                url: url.to_owned(),
            });
    }
    match download(url, opts, cache.as_ref().map(|(_, m)| m)) {
        Ok(Some((bytes, meta))) => {
            store(&opts.cache_dir, url, &bytes, &meta)?;
            Ok(Fetched {
                bytes,
                meta,
                how: How::Downloaded,
            })
        }
        Ok(None) => match cache {
            Some((bytes, meta)) => Ok(Fetched {
                bytes,
                meta,
                how: How::NotModified,
            }),
            None => Err(FetchError::Network {
                url: url.to_owned(),
                problem: "304 Not Modified for a page not in the cache".into(),
            }),
        },
        // The server answered with an error: the page is gone or refused, say so.
        Err(e @ FetchError::Status { .. }) => Err(e),
        Err(e) => match cache {
            Some((bytes, meta)) => Ok(Fetched {
                bytes,
                meta,
                how: How::Stale(e.to_string()),
            }),
            None => Err(e),
        },
    }
}

/// The page's bytes and cache metadata, or `None` for 304 Not Modified.
fn download(
    url: &str,
    opts: &FetchOptions,
    cached: Option<&CacheMeta>,
) -> Result<Option<(Vec<u8>, CacheMeta)>, FetchError> {
    let net = |e: ureq::Error| FetchError::Network {
        url: url.to_owned(),
        problem: match e {
            ureq::Error::Timeout(_) => format!("timed out after {} s", opts.timeout.as_secs_f32()),
            ureq::Error::TooManyRedirects => "too many redirects (a redirect loop?)".into(),
            ureq::Error::BodyExceedsLimit(n) => format!("larger than {n} bytes"),
            e => e.to_string(),
        },
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(8)
        .http_status_as_error(false)
        .user_agent(concat!("qarin/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut req = agent.get(url);
    if let Some(m) = cached {
        if let Some(e) = &m.etag {
            req = req.header("If-None-Match", e);
        }
        if let Some(l) = &m.last_modified {
            req = req.header("If-Modified-Since", l);
        }
    }
    let mut resp = req.call().map_err(net)?;
    let status = resp.status().as_u16();
    if status == 304 {
        return Ok(None);
    }
    if !(200..300).contains(&status) {
        return Err(FetchError::Status {
            url: url.to_owned(),
            status,
        });
    }
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let meta = CacheMeta {
        url: url.to_owned(),
        etag: header("etag"),
        last_modified: header("last-modified"),
        content_type: header("content-type"),
        fetched: chrono::Utc::now().to_rfc3339(),
    };
    let bytes = resp
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()
        .map_err(net)?;
    Ok(Some((bytes, meta)))
}

/// A feeds file, like newsboat's `urls`: one URL a line, then optional tags (a tag with
/// spaces in double quotes); blank lines and `#` comments ignored.
pub fn parse_feeds_file(text: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = split_words(line).into_iter();
        let url = words.next().unwrap_or_default();
        if !is_url(&url) {
            return Err(format!("line {}: {url:?} is not an http(s) URL", n + 1));
        }
        out.push((url, words.collect()));
    }
    Ok(out)
}

fn split_words(line: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted) = (Vec::new(), String::new(), false);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_files_with_tags_and_comments() {
        let f = parse_feeds_file(
            "# news\nhttps://a.test/rss ar \"breaking news\"\n\n  http://b.test/atom\n",
        )
        .unwrap();
        assert_eq!(f[0].0, "https://a.test/rss");
        assert_eq!(f[0].1, ["ar", "breaking news"]);
        assert_eq!(f[1], ("http://b.test/atom".into(), vec![]));
        let e = parse_feeds_file("ftp://x\n").unwrap_err();
        assert!(e.starts_with("line 1:"), "{e}");
    }

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://x.test/a") && is_url("HTTP://x"));
        assert!(!is_url("http.txt") && !is_url("./https://"));
    }
}
