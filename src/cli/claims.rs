//! `qarin claims`: the numeric claims of articles, grouped across sources, with verdicts.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use serde::Serialize;

use crate::bookmarks::display::{escape_json, safe_line};
use crate::claims::{self, Analysis, Claim, Group, Lexicon, table};
use crate::corpus::{self, Article};
use crate::layout;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Groups by topic, one column per source, for a terminal.
    Table,
    /// Articles, claims and groups as JSON.
    Json,
    /// The table as Markdown.
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Also list quantities with no topic.
    #[arg(long)]
    pub all: bool,
    /// A lexicon file (TOML, same format as assets/lexicon.toml) merged into the
    /// built-in one.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Read files that are not valid UTF-8, replacing bad bytes.
    #[arg(long)]
    pub lossy: bool,
    /// Articles: files, directories, or `-` for standard input. None: the bundled seeds.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub load: crate::cli::input::LoadArgs,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    outlet: &'a str,
    /// RFC 3339, or null when unknown.
    published: Option<String>,
    /// True when `published` is only the file's modification time.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    published_guess: bool,
    url: Option<&'a str>,
    lang: Option<&'a str>,
    origin: &'a corpus::Origin,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    articles: Vec<JsonArticle<'a>>,
    claims: &'a [Claim],
    groups: &'a [Group],
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut lexicon = Lexicon::builtin();
    for path in &args.lexicon {
        lexicon.merge(Lexicon::from_file(path)?);
    }
    let articles = corpus::load_paths(&args.paths, &args.load.options(args.lossy)?)?;
    let analysis = claims::analyze(&articles, &lexicon, args.all);
    let text = match args.format {
        Format::Json => json(&articles, &analysis)?,
        // Article text may hold escapes and bidi controls: never print them raw.
        Format::Markdown => table::render_markdown(&analysis, &articles, &lexicon)
            .lines()
            .map(|l| safe_line(l) + "\n")
            .collect(),
        Format::Table => {
            let width = terminal_width();
            let mut lines = table::render_lines(
                &analysis,
                &articles,
                &lexicon,
                width,
                &layout::Options::default(),
            );
            if args.all {
                lines.extend(untopical(&analysis));
            }
            lines.iter().map(|l| safe_line(l) + "\n").collect()
        }
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`qarin claims | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("writing to standard output"),
    }
}

/// The JSON document of design.md §4.
pub fn json(articles: &[Article], analysis: &Analysis) -> anyhow::Result<String> {
    let doc = JsonOut {
        articles: articles
            .iter()
            .map(|a| JsonArticle {
                id: &a.id,
                path: &a.path,
                title: &a.title,
                outlet: &a.outlet,
                published: a.published.map(|p| p.rfc3339()),
                published_guess: a.published.is_some_and(|p| p.guess),
                url: a.url.as_deref(),
                lang: a.lang.as_deref(),
                origin: &a.origin,
            })
            .collect(),
        claims: &analysis.claims,
        groups: &analysis.groups,
    };
    // Pretty for people; compact when a huge input yields tens of thousands of claims.
    let s = if analysis.claims.len() <= 5000 {
        serde_json::to_string_pretty(&doc)
    } else {
        serde_json::to_string(&doc)
    }
    .context("serialising claims")?;
    // Bidi and C1 controls inside strings become \uXXXX escapes (same JSON value).
    // DEL is ASCII, so escape_json leaves it; serde_json writes it raw.
    let mut s = escape_json(&s).replace('\u{7f}', "\\u007f");
    s.push('\n');
    Ok(s)
}

/// With `--all`: the quantities no topic claimed, one per line.
fn untopical(analysis: &Analysis) -> Vec<String> {
    let rest: Vec<String> = analysis
        .claims
        .iter()
        .filter(|c| c.topic.is_none())
        .map(|c| format!("  {} ¶{}: {}", c.article, c.paragraph, c.text))
        .collect();
    if rest.is_empty() {
        return rest;
    }
    std::iter::once(String::new())
        .chain(std::iter::once("no topic:".to_owned()))
        .chain(rest)
        .collect()
}

fn terminal_width() -> usize {
    if let Some(w) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return w;
    }
    match crossterm::terminal::size() {
        Ok((w, _)) if w > 0 => usize::from(w),
        _ => 100,
    }
}
