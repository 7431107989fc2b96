//! `qarin claims`: the numeric claims of articles, grouped across sources, with verdicts.
//! Formats and fields: docs/contracts.md ("claims").

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use serde::Serialize;

use crate::claims::{self, Analysis, Claim, Group, Lexicon, Verdict, table};
use crate::cli::output::{self, Csv, Jsonl, Table, TextArgs, TextStyle};
use crate::corpus::{self, Article};

/// The language of display labels (`--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LabelLang {
    Ar,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Groups by topic, one column per source, wrapped to the width.
    Table,
    /// The table as Markdown.
    Markdown,
    /// One document: version, articles, claims and groups.
    Json,
    /// One JSON object per line: a header, then articles, claims and groups.
    Jsonl,
    /// One row per claim, with its group and verdict.
    Csv,
}

pub const AFTER_HELP: &str = "\
Examples:
  qarin claims articles/                      the table of every article in a folder
  qarin claims --format csv a.txt b.txt > claims.csv
  qarin claims --exit-code articles/ || echo \"the sources disagree\"

Exit status: 0 no error; 1 with --exit-code when some sources conflict; 2 usage error or
bad input.";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Also list quantities with no topic.
    #[arg(long)]
    pub all: bool,
    /// A lexicon file (TOML) merged into the built-in one; `qarin claims --help` and
    /// docs/claims.md describe its tables. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Read files that are not valid UTF-8, replacing bad bytes.
    #[arg(long)]
    pub lossy: bool,
    /// Exit with status 1 when some sources conflict (like `diff`).
    #[arg(long)]
    pub exit_code: bool,
    /// Language of topic and scope labels in the table and Markdown.
    #[arg(long, value_enum, default_value_t = LabelLang::Ar)]
    pub lang: LabelLang,
    #[command(flatten)]
    pub text: TextArgs,
    /// Articles: files, directories, or `-` for standard input. None: the bundled seeds.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub load: crate::cli::input::LoadArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut lexicon = Lexicon::builtin();
    for path in &args.lexicon {
        lexicon.merge(Lexicon::from_file(path)?);
    }
    if args.lang == LabelLang::En {
        lexicon.set_label_lang(crate::text::lang::Lang::English);
    }
    // One pass: each article's claims are found as soon as it is read and its text is
    // dropped, so memory follows the largest article, not the input. Grouping needs
    // every claim, and those (small) are all kept.
    let (loaded, found) = corpus::load_each(&args.paths, &args.load.options(args.lossy)?, |a| {
        claims::find(a, &lexicon, args.all)
    })?;
    for w in &loaded.warnings {
        eprintln!("qarin: warning: {w}");
    }
    let articles = loaded.articles;
    let times = claims::publication_times(&articles);
    let analysis = claims::assemble(
        articles.iter().map(|a| a.id.as_str()).zip(found),
        &lexicon,
        &|id| times.get(id).copied(),
    );
    let mut out = output::stdout();
    let written = write(&mut out, &args, &articles, &analysis, &lexicon);
    output::finish(&mut out, written).context("writing to standard output")?;
    let conflict = analysis
        .groups
        .iter()
        .any(|g| g.verdict == Verdict::Conflict);
    Ok(if args.exit_code && conflict {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write(
    out: &mut impl Write,
    args: &Args,
    articles: &[Article],
    analysis: &Analysis,
    lexicon: &Lexicon,
) -> anyhow::Result<()> {
    match args.format {
        Format::Json => output::json_document(out, &document(articles, analysis))?,
        Format::Jsonl => jsonl(out, articles, analysis)?,
        Format::Csv => csv(out, articles, analysis)?,
        Format::Markdown => {
            let style = args.text.style();
            for line in table::render_markdown(analysis, articles, lexicon).lines() {
                writeln!(out, "{}", styled_line(line, &style))?;
            }
        }
        Format::Table => {
            let style = args.text.style();
            for line in table_lines(analysis, articles, lexicon, &style) {
                writeln!(out, "{line}")?;
            }
            if args.all {
                for line in untopical(analysis, &style) {
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    Ok(())
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

impl<'a> From<&'a Article> for JsonArticle<'a> {
    fn from(a: &'a Article) -> Self {
        JsonArticle {
            id: &a.id,
            path: &a.path,
            title: &a.title,
            outlet: &a.outlet,
            published: a.published.map(|p| p.rfc3339()),
            published_guess: a.published.is_some_and(|p| p.guess),
            url: a.url.as_deref(),
            lang: a.lang.as_deref(),
            origin: &a.origin,
        }
    }
}

#[derive(Serialize)]
struct JsonOut<'a> {
    articles: Vec<JsonArticle<'a>>,
    claims: &'a [Claim],
    groups: &'a [Group],
}

fn document<'a>(articles: &'a [Article], analysis: &'a Analysis) -> JsonOut<'a> {
    JsonOut {
        articles: articles.iter().map(JsonArticle::from).collect(),
        claims: &analysis.claims,
        groups: &analysis.groups,
    }
}

/// The JSON document (`{"version": 1, "articles", "claims", "groups"}`) as a string.
pub fn json(articles: &[Article], analysis: &Analysis) -> anyhow::Result<String> {
    let mut out = Vec::new();
    output::json_document(&mut out, &document(articles, analysis))?;
    String::from_utf8(out).context("serialising claims")
}

/// Records in dependency order: articles, then claims, then groups (which name claims).
fn jsonl(out: &mut impl Write, articles: &[Article], analysis: &Analysis) -> std::io::Result<()> {
    let mut j = Jsonl::new(out, "claims")?;
    for a in articles {
        j.record("article", &JsonArticle::from(a))?;
    }
    for c in &analysis.claims {
        j.record("claim", c)?;
    }
    for (i, g) in analysis.groups.iter().enumerate() {
        #[derive(Serialize)]
        struct Indexed<'a> {
            id: usize,
            #[serde(flatten)]
            group: &'a Group,
        }
        j.record("group", &Indexed { id: i, group: g })?;
    }
    Ok(())
}

/// Columns of `--format csv`, one row per claim.
pub const CSV_HEADER: &[&str] = &[
    "claim",
    "article",
    "outlet",
    "paragraph",
    "topic",
    "scope",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "kind",
    "hedged",
    "attribution",
    "year",
    "date",
    "group",
    "verdict",
    "text",
    "sentence",
];

fn csv(out: &mut impl Write, articles: &[Article], analysis: &Analysis) -> std::io::Result<()> {
    let outlets: HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.outlet.as_str()))
        .collect();
    let mut group_of = vec![None; analysis.claims.len()];
    for (i, g) in analysis.groups.iter().enumerate() {
        for &c in &g.claims {
            if let Some(slot) = group_of.get_mut(c) {
                *slot = Some((i, g.verdict));
            }
        }
    }
    let opt = |v: Option<String>| v.unwrap_or_default();
    let mut w = Csv::new(out, CSV_HEADER)?;
    for (c, group) in analysis.claims.iter().zip(&group_of) {
        w.row([
            c.id.to_string(),
            c.article.clone(),
            outlets
                .get(c.article.as_str())
                .copied()
                .unwrap_or("")
                .into(),
            c.paragraph.to_string(),
            opt(c.topic.clone()),
            opt(c.scope.clone()),
            c.value.to_string(),
            opt(c.low.map(|v| v.to_string())),
            opt(c.high.map(|v| v.to_string())),
            c.qualifier.clone(),
            opt(c.unit.clone()),
            c.kind.clone(),
            c.hedged.to_string(),
            opt(c.attribution.clone()),
            opt(c.year.map(|y| y.to_string())),
            opt(c.date.clone()),
            opt(group.map(|(i, _)| i.to_string())),
            opt(group.map(|(_, v)| v.as_str().to_owned())),
            c.text.clone(),
            c.sentence.clone(),
        ])?;
    }
    w.finish()?;
    Ok(())
}

/// The claims table: topics down, sources across, wrapped to the width (rows become
/// blocks when the sources cannot fit side by side).
pub fn table_lines(
    analysis: &Analysis,
    articles: &[Article],
    lexicon: &Lexicon,
    style: &TextStyle,
) -> Vec<String> {
    let (columns, rows) = table::model(analysis, articles, lexicon);
    if rows.is_empty() {
        return vec!["no claims found".to_owned()];
    }
    let verdict = columns.len() + 1;
    let t = Table {
        keep: vec![verdict],
        headers: std::iter::once("topic".to_owned())
            .chain(columns.into_iter().map(|c| c.label))
            .chain(std::iter::once("verdict".to_owned()))
            .collect(),
        rows: rows
            .into_iter()
            .map(|r| {
                std::iter::once(r.label)
                    .chain(r.cells)
                    .chain(std::iter::once(table::verdict_mark(r.verdict).to_owned()))
                    .collect()
            })
            .collect(),
    };
    output::table_lines(&t, style)
}

/// One line in the style (Markdown is logical unless `--bidi app` asks otherwise).
fn styled_line(line: &str, style: &TextStyle) -> String {
    let safe = crate::bookmarks::display::safe_line(line);
    if style.bidi == crate::layout::BidiMode::Terminal && !style.shape {
        return safe;
    }
    let width = unicode_width::UnicodeWidthStr::width(safe.as_str()).max(1);
    crate::layout::layout_paragraph(&safe, &style.layout(width))
        .into_iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// With `--all`: the quantities no topic claimed, each wrapped to the width.
fn untopical(analysis: &Analysis, style: &TextStyle) -> Vec<String> {
    let mut lines = Vec::new();
    for c in analysis.claims.iter().filter(|c| c.topic.is_none()) {
        if lines.is_empty() {
            lines.push(String::new());
            lines.push("no topic:".to_owned());
        }
        let text = crate::bookmarks::display::safe_line(&format!(
            "{} ¶{}: {}",
            c.article, c.paragraph, c.text
        ));
        let width = style.width.saturating_sub(2).max(1);
        for l in output::table::cell_lines(&text, width, style) {
            lines.push(format!("  {}", l.trim_end()));
        }
    }
    lines
}
