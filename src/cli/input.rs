//! Options for reading articles, shared by every command that reads them, and the
//! `[corpus]` section of the config file.

use std::path::Path;

use anyhow::Context;
use chrono::FixedOffset;

use crate::corpus::{LoadOptions, ParagraphMode, Template};
use crate::ui::keymap::Keymap;

#[derive(Debug, Clone, Default, clap::Args)]
pub struct LoadArgs {
    /// How lines make paragraphs in plain text: one per line, one per block between
    /// blank lines (hard-wrapped text), or chosen from the text.
    #[arg(long, value_enum, default_value_t = ParagraphMode::Auto)]
    pub paragraphs: ParagraphMode,
    /// Metadata from the paths of files under a folder, e.g.
    /// "{outlet}/**/{published:%Y-%m-%d %H:%M:%S}#{id}.txt"
    /// [default: `layout` in the config file's [corpus] section].
    #[arg(long, value_name = "TEMPLATE")]
    pub layout: Option<String>,
    /// Offset from UTC of layout times without a zone, e.g. +02:00 [default: `utc_offset`
    /// in [corpus], else +00:00].
    #[arg(long, value_name = "±HH:MM", allow_hyphen_values = true)]
    pub utc_offset: Option<String>,
    /// Column names of JSON Lines / CSV corpora where they are not the usual ones, e.g.
    /// `text=body,published=date_publish` (fields: text title outlet published url
    /// author lang site id short).
    #[arg(long, value_name = "FIELD=NAME,...", value_delimiter = ',')]
    pub columns: Vec<String>,
    #[command(flatten)]
    pub net: NetArgs,
}

/// How URLs are fetched.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct NetArgs {
    /// Read URLs from the cache only, never from the network.
    #[arg(long)]
    pub offline: bool,
    /// Give up on a URL after this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 20.0)]
    pub timeout: f64,
}

impl NetArgs {
    pub fn options(&self) -> anyhow::Result<crate::corpus::fetch::FetchOptions> {
        if !(self.timeout.is_finite() && self.timeout > 0.0 && self.timeout <= 86_400.0) {
            anyhow::bail!("--timeout {}: expected seconds, more than 0", self.timeout);
        }
        Ok(crate::corpus::fetch::FetchOptions {
            timeout: std::time::Duration::from_secs_f64(self.timeout),
            offline: self.offline,
            ..Default::default()
        })
    }
}

const COLUMN_FIELDS: [&str; 10] = [
    "text",
    "title",
    "outlet",
    "published",
    "url",
    "author",
    "lang",
    "site",
    "id",
    "short",
];

/// `field=name` pairs.
fn parse_columns(pairs: &[String]) -> anyhow::Result<std::collections::BTreeMap<String, String>> {
    let mut out = std::collections::BTreeMap::new();
    for p in pairs {
        let (f, n) = p
            .split_once('=')
            .filter(|(f, n)| !f.trim().is_empty() && !n.trim().is_empty())
            .ok_or_else(|| anyhow::anyhow!("--columns {p:?}: expected FIELD=NAME"))?;
        let f = f.trim().to_ascii_lowercase();
        if !COLUMN_FIELDS.contains(&f.as_str()) {
            anyhow::bail!(
                "--columns {p:?}: unknown field {f:?} (known: {})",
                COLUMN_FIELDS.join(" ")
            );
        }
        out.insert(f, n.trim().to_owned());
    }
    Ok(out)
}

/// The `[corpus]` section of `config.toml`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusConfig {
    pub layout: Option<String>,
    pub utc_offset: Option<String>,
    /// The feeds file `qarin update` reads.
    pub feeds: Option<std::path::PathBuf>,
}

impl CorpusConfig {
    /// The section from the user's config file (none: defaults).
    pub fn load_user() -> anyhow::Result<CorpusConfig> {
        match Keymap::user_config_path() {
            Some(p) => CorpusConfig::load(&p),
            None => Ok(CorpusConfig::default()),
        }
    }

    pub fn load(path: &Path) -> anyhow::Result<CorpusConfig> {
        #[derive(serde::Deserialize)]
        struct File {
            #[serde(default)]
            corpus: Option<CorpusConfig>,
        }
        // Read as the keymap reads it: no FIFO, bad UTF-8 reported at its line.
        let Some(text) = crate::ui::keymap::read_config(path)? else {
            return Ok(Default::default());
        };
        let f: File = toml::from_str(&text).map_err(|e| {
            let (line, col) = e.span().map_or((1, 1), |s| line_col(&text, s.start));
            anyhow::anyhow!("{}:{line}:{col}: {}", path.display(), e.message())
        })?;
        Ok(f.corpus.unwrap_or_default())
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

impl LoadArgs {
    /// The load options these flags and the config file ask for.
    pub fn options(&self, lossy: bool) -> anyhow::Result<LoadOptions> {
        let needs_config = self.layout.is_none() || self.utc_offset.is_none();
        let config = if needs_config {
            CorpusConfig::load_user().context("in the config file")?
        } else {
            CorpusConfig::default()
        };
        let offset = match self.utc_offset.as_ref().or(config.utc_offset.as_ref()) {
            Some(s) => parse_offset(s)?,
            None => FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!()),
        };
        let layout = self
            .layout
            .as_ref()
            .or(config.layout.as_ref())
            .map(|t| Template::parse(t, offset))
            .transpose()?;
        Ok(LoadOptions {
            lossy,
            paragraphs: self.paragraphs,
            layout,
            columns: parse_columns(&self.columns)?,
            fetch: self.net.options()?,
        })
    }
}

/// `+02:00`, `-0530`, `Z`.
pub fn parse_offset(s: &str) -> anyhow::Result<FixedOffset> {
    let bad = || anyhow::anyhow!("UTC offset {s:?}: expected ±HH:MM, e.g. +02:00");
    if s == "Z" || s == "z" {
        return FixedOffset::east_opt(0).ok_or_else(bad);
    }
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'+') => (1, &s[1..]),
        Some(b'-') => (-1, &s[1..]),
        _ => return Err(bad()),
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let h: i32 = digits[..2].parse().map_err(|_| bad())?;
    let m: i32 = digits[2..].parse().map_err(|_| bad())?;
    if h > 23 || m > 59 {
        return Err(bad());
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60)).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+02:00").unwrap().local_minus_utc(), 7200);
        assert_eq!(parse_offset("-0530").unwrap().local_minus_utc(), -19800);
        assert!(parse_offset("2").is_err() && parse_offset("+25:00").is_err());
    }

    #[test]
    fn the_corpus_section_is_read_and_errors_say_where() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("config.toml");
        std::fs::write(
            &p,
            "[keys]\nquit = [\"q\"]\n[corpus]\nlayout = \"{outlet}/{id}.txt\"\n",
        )
        .unwrap();
        let c = CorpusConfig::load(&p).unwrap();
        assert_eq!(c.layout.as_deref(), Some("{outlet}/{id}.txt"));
        std::fs::write(&p, "[corpus]\nlayot = 1\n").unwrap();
        let e = CorpusConfig::load(&p).unwrap_err().to_string();
        assert!(e.contains("config.toml:2:1") && e.contains("layot"), "{e}");
    }
}
