//! `qarin stories`: the articles under the paths given, grouped into stories (one
//! event across outlets), as a table, JSON, JSON lines or CSV.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use serde::Serialize;

use crate::cli::output::{self, Csv, Jsonl, Table, TextArgs, TextStyle};
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

pub const AFTER_HELP: &str = "\
Examples:
  qarin stories crawl/                          every story, oldest first
  qarin stories --min-outlets 3 --sort conflicts crawl/
  qarin stories --since 2013-02-01 --until 2013-02-02 --format json crawl/ > day.json

The index lives in the cache directory (`qarin config path cache`); --no-cache skips it.
Exit status: 0 no error; 2 usage error or bad input.";

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
    #[command(flatten)]
    pub text: TextArgs,
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
    stories: Vec<JsonStory<'a>>,
}

/// RFC 3339, the form every qarin JSON output uses for times (zone-less times are UTC).
fn rfc3339(t: i64) -> String {
    time::format(t) + "+00:00"
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let since = bound(args.since.as_deref(), "--since", false)?;
    let until = bound(args.until.as_deref(), "--until", true)?;
    // The run is stored in the index while the output is written (docs/stories.md, Speed).
    let (corpus, storing) = index::open_storing(
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
    let mut out = output::stdout();
    let written = write(&mut out, &args, &corpus, &chosen);
    output::finish(&mut out, written)?;
    storing.wait();
    Ok(ExitCode::SUCCESS)
}

fn write(
    out: &mut impl Write,
    args: &Args,
    corpus: &Corpus,
    chosen: &[&Grouped],
) -> anyhow::Result<()> {
    match args.format {
        Format::Json => {
            let doc = JsonDoc {
                stories: chosen.iter().map(|g| json_story(corpus, g)).collect(),
            };
            output::json_document(out, &doc)?;
        }
        Format::Jsonl => {
            let mut j = Jsonl::new(out, "stories")?;
            for g in chosen {
                j.record("story", &json_story(corpus, g))?;
            }
        }
        Format::Csv => {
            let mut w = Csv::new(out, CSV_HEADER)?;
            for g in chosen {
                let s = &g.story;
                w.row([
                    s.id.clone(),
                    s.first.map(rfc3339).unwrap_or_default(),
                    s.last.map(rfc3339).unwrap_or_default(),
                    s.outlets.join(";"),
                    s.articles.len().to_string(),
                    g.conflicts.to_string(),
                    s.title.clone(),
                ])?;
            }
            w.finish()?;
        }
        Format::Table => {
            let style = args.text.style();
            writeln!(
                out,
                "{} stories of {} articles ({} read, {} from the index)",
                chosen.len(),
                corpus.entries.len(),
                corpus.read,
                corpus.reused
            )?;
            for line in table_lines(chosen, &style) {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// Columns of `--format csv`, one row per story.
pub const CSV_HEADER: &[&str] = &[
    "id",
    "first",
    "last",
    "outlets",
    "articles",
    "conflicts",
    "title",
];

/// The stories as a table within the style's width (titles wrap).
pub fn table_lines(chosen: &[&Grouped], style: &TextStyle) -> Vec<String> {
    let t = Table {
        headers: ["id", "first", "outlets", "articles", "conflicts", "title"]
            .map(String::from)
            .to_vec(),
        keep: vec![0, 1],
        rows: chosen
            .iter()
            .map(|g| {
                let s = &g.story;
                vec![
                    s.id.clone(),
                    s.first
                        .map(|t| time::format(t).replace('T', " ").chars().take(16).collect())
                        .unwrap_or_else(|| "-".into()),
                    s.outlets.len().to_string(),
                    s.articles.len().to_string(),
                    g.conflicts.to_string(),
                    s.title.clone(),
                ]
            })
            .collect(),
    };
    output::table_lines(&t, style)
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
