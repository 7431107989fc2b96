//! `qarin stories`: the articles under the paths given, grouped into stories (one
//! event across outlets), as a table, JSON, JSON lines or CSV.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::bookmarks::display::{escape_json, safe_line};
use crate::index::{self, Corpus, Grouped, Options};
use crate::stories::time;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One story per line, for a terminal.
    Table,
    /// `{"version": 1, "stories": [...]}`.
    Json,
    /// One story object per line.
    Jsonl,
    /// One story per row, outlets joined by `;`.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// By first publication, oldest first.
    Time,
    /// Most outlets first.
    Outlets,
    /// Most conflicting claim groups first.
    Conflicts,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Only stories with an article published at or after TIME (`YYYY-MM-DD[ HH:MM[:SS]]`).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only stories with an article published at or before TIME (a date alone means
    /// the whole day).
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Only stories covered by at least N outlets.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_outlets: usize,
    /// Order of the stories.
    #[arg(long, value_enum, default_value_t = Sort::Time)]
    pub sort: Sort,
    /// Read files that are not valid UTF-8, replacing bad bytes.
    #[arg(long)]
    pub lossy: bool,
    /// Do not use or update the index in the cache directory.
    #[arg(long)]
    pub no_cache: bool,
    /// Articles: files or directories (walked recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub load: crate::cli::input::LoadArgs,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    path: &'a str,
    outlet: &'a str,
    published: Option<String>,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonStory<'a> {
    id: &'a str,
    title: &'a str,
    first: Option<String>,
    last: Option<String>,
    outlets: &'a [String],
    articles: Vec<JsonArticle<'a>>,
    conflicts: usize,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    version: u32,
    stories: Vec<JsonStory<'a>>,
}

/// RFC 3339, the form every qarin JSON output uses for times (zone-less times are UTC).
fn rfc3339(t: i64) -> String {
    time::format(t) + "+00:00"
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let since = bound(args.since.as_deref(), "--since", false)?;
    let until = bound(args.until.as_deref(), "--until", true)?;
    let corpus = index::open(
        &args.paths,
        Options {
            load: args.load.options(args.lossy)?,
            no_cache: args.no_cache,
        },
    )?;
    let mut chosen: Vec<&Grouped> = corpus
        .stories
        .iter()
        .filter(|g| g.story.outlets.len() >= args.min_outlets)
        .filter(|g| since.is_none_or(|s| g.story.last.is_some_and(|l| l >= s)))
        .filter(|g| until.is_none_or(|u| g.story.first.is_some_and(|f| f <= u)))
        .collect();
    match args.sort {
        Sort::Time => {}
        Sort::Outlets => chosen.sort_by_key(|g| std::cmp::Reverse(g.story.outlets.len())),
        Sort::Conflicts => chosen.sort_by_key(|g| std::cmp::Reverse(g.conflicts)),
    }
    let text = match args.format {
        Format::Json => {
            let doc = JsonDoc {
                version: 1,
                stories: chosen.iter().map(|g| json_story(&corpus, g)).collect(),
            };
            let s = serde_json::to_string_pretty(&doc).context("serialising stories")?;
            escape_json(&s).replace('\u{7f}', "\\u007f") + "\n"
        }
        Format::Jsonl => {
            let mut out = String::new();
            for g in &chosen {
                let s = serde_json::to_string(&json_story(&corpus, g))
                    .context("serialising stories")?;
                out.push_str(&escape_json(&s).replace('\u{7f}', "\\u007f"));
                out.push('\n');
            }
            out
        }
        Format::Csv => csv(&chosen),
        Format::Table => table(&corpus, &chosen),
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("writing to standard output"),
    }
}

/// A `--since`/`--until` value; a date alone ends at the end of its day for `--until`.
fn bound(v: Option<&str>, flag: &str, end_of_day: bool) -> anyhow::Result<Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    let Some(t) = time::parse(v) else {
        bail!(
            "{flag} {v:?}: not a time (expected YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS)"
        );
    };
    let date_only = v.trim().len() == 10;
    Ok(Some(if end_of_day && date_only {
        t + 86_399
    } else {
        t
    }))
}

fn json_story<'a>(c: &'a Corpus, g: &'a Grouped) -> JsonStory<'a> {
    let s = &g.story;
    JsonStory {
        id: &s.id,
        title: &s.title,
        first: s.first.map(rfc3339),
        last: s.last.map(rfc3339),
        outlets: &s.outlets,
        articles: s
            .articles
            .iter()
            .filter_map(|&a| c.entries.get(a))
            .map(|e| JsonArticle {
                path: &e.path,
                outlet: &e.outlet,
                published: e.published.map(rfc3339),
                title: &e.title,
            })
            .collect(),
        conflicts: g.conflicts,
    }
}

fn csv_field(s: &str) -> String {
    let s = safe_line(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv(chosen: &[&Grouped]) -> String {
    let mut out = String::from("id,first,last,outlets,articles,conflicts,title\n");
    for g in chosen {
        let s = &g.story;
        let row = [
            s.id.clone(),
            s.first.map(rfc3339).unwrap_or_default(),
            s.last.map(rfc3339).unwrap_or_default(),
            s.outlets.join(";"),
            s.articles.len().to_string(),
            g.conflicts.to_string(),
            s.title.clone(),
        ];
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

fn table(c: &Corpus, chosen: &[&Grouped]) -> String {
    let mut out = format!(
        "{} stories of {} articles ({} read, {} from the index)\n",
        chosen.len(),
        c.entries.len(),
        c.read,
        c.reused
    );
    out.push_str("id             first             outlets articles conflicts  title\n");
    for g in chosen {
        let s = &g.story;
        let first = s
            .first
            .map(|t| time::format(t).replace('T', " ")[..16].to_owned());
        out.push_str(&format!(
            "{:<14} {:<17} {:>7} {:>8} {:>9}  {}\n",
            s.id,
            first.unwrap_or_else(|| "-".into()),
            s.outlets.len(),
            s.articles.len(),
            g.conflicts,
            safe_line(&s.title)
        ));
    }
    out
}
