//! `qarin fetch URL...` downloads pages and feeds into the cache; `qarin update`
//! refreshes every URL of the feeds file, with a progress bar.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::input::{CorpusConfig, NetArgs};
use crate::cli::output;
use crate::corpus::fetch::{self, FetchOptions, How};
use crate::corpus::meta::clean_text;

#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// Pages or feeds (http:// or https://).
    #[arg(required = true)]
    pub urls: Vec<String>,
    #[command(flatten)]
    pub net: NetArgs,
}

#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    /// The feeds file: one URL a line, optional tags after it [default: `feeds` in the
    /// config's [corpus], else $XDG_CONFIG_HOME/qarin/urls].
    #[arg(long, value_name = "FILE")]
    pub feeds: Option<PathBuf>,
    /// Only the URLs with this tag.
    #[arg(long)]
    pub tag: Option<String>,
    #[command(flatten)]
    pub net: NetArgs,
}

/// One line for the user about one URL.
fn report(url: &str, r: &Result<fetch::Fetched, fetch::FetchError>) -> (bool, String) {
    let url = clean_text(url);
    match r {
        Ok(f) => {
            let kb = f.bytes.len() as f64 / 1024.0;
            let what = match &f.how {
                How::Downloaded => format!("downloaded, {kb:.1} KB"),
                How::NotModified => format!("not modified, {kb:.1} KB in the cache"),
                How::Cached => format!("in the cache, {kb:.1} KB"),
                How::Stale(why) => format!("failed ({}); the cached copy is kept", clean_text(why)),
            };
            (!matches!(f.how, How::Stale(_)), format!("{url}: {what}"))
        }
        Err(e) => (false, clean_text(&e.to_string())),
    }
}

fn fetch_all(
    urls: &[String],
    opts: &FetchOptions,
    bar: Option<&indicatif::ProgressBar>,
) -> (usize, Vec<String>) {
    let mut failed = 0;
    let mut lines = Vec::new();
    for url in urls {
        if let Some(b) = bar {
            b.set_message(clean_text(url));
        }
        let r = fetch::fetch(url, opts);
        let (ok, line) = report(url, &r);
        failed += usize::from(!ok);
        match bar {
            Some(b) => {
                b.println(line);
                b.inc(1);
            }
            None => lines.push(line),
        }
    }
    (failed, lines)
}

pub fn run_fetch(args: FetchArgs) -> anyhow::Result<ExitCode> {
    let opts = args.net.options()?;
    for u in &args.urls {
        if !fetch::is_url(u) {
            anyhow::bail!("{u}: not an http:// or https:// URL");
        }
    }
    let (failed, lines) = fetch_all(&args.urls, &opts, None);
    finish(&lines, failed, args.urls.len())
}

/// Prints a line per URL (a closed pipe is no error) and the exit status.
fn finish(lines: &[String], failed: usize, total: usize) -> anyhow::Result<ExitCode> {
    let mut out = output::stdout();
    let written = lines
        .iter()
        .try_for_each(|l| writeln!(out, "{l}"))
        .map_err(anyhow::Error::from);
    output::finish(&mut out, written)?;
    if failed > 0 {
        eprintln!("qarin: {failed} of {total} URLs failed");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// `$XDG_CONFIG_HOME/qarin/urls`, else `~/.config/qarin/urls`.
fn default_feeds_file() -> Option<PathBuf> {
    crate::ui::keymap::Keymap::user_config_path().map(|p| p.with_file_name("urls"))
}

pub fn run_update(args: UpdateArgs) -> anyhow::Result<ExitCode> {
    let opts = args.net.options()?;
    let path = match args.feeds {
        Some(p) => p,
        None => CorpusConfig::load_user()
            .context("in the config file")?
            .feeds
            .or_else(default_feeds_file)
            .context("no feeds file: give one with --feeds FILE")?,
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("{}: cannot read the feeds file", path.display()))?;
    let feeds =
        fetch::parse_feeds_file(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let urls: Vec<String> = feeds
        .into_iter()
        .filter(|(_, tags)| args.tag.as_ref().is_none_or(|t| tags.contains(t)))
        .map(|(u, _)| u)
        .collect();
    if urls.is_empty() {
        anyhow::bail!(
            "{}: no URLs{}",
            path.display(),
            args.tag
                .map(|t| format!(" tagged {t:?}"))
                .unwrap_or_default()
        );
    }
    // The bar goes to standard error, and only when that is a terminal.
    use std::io::IsTerminal;
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(urls.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let (failed, lines) = fetch_all(&urls, &opts, bar.as_ref());
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    finish(&lines, failed, urls.len())
}
