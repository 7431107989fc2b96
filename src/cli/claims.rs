//! `qarin claims`: the numeric claims of articles, grouped across sources, with verdicts.
//! Formats and fields: docs/contracts.md ("claims").

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use serde::Serialize;

use crate::claims::{Analysis, Claim, Group, Lexicon, Verdict, table};
use crate::cli::claim_groups::grouping;
use crate::cli::claim_read::Claims;
use crate::cli::claim_records::{self, Record, Records};
use crate::cli::claim_store::{self, RunsTo, Store};
use crate::cli::claims_text::{Untopical, model_lines, styled_line};
use crate::cli::output::{self, Csv, Jsonl, TextArgs};
use crate::corpus::{self, Article};
use crate::text::lang::Lang;

/// The language of display labels (`--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LabelLang {
    Ar,
    En,
}

impl LabelLang {
    pub fn lang(self) -> Lang {
        match self {
            LabelLang::Ar => Lang::Arabic,
            LabelLang::En => Lang::English,
        }
    }
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

/// Whether claims are compared per story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Stories {
    /// Per story when a directory is among the paths.
    Auto,
    On,
    Off,
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
    /// Group the articles into stories first and compare claims only inside each:
    /// `auto` does when a directory is given (files named one by one are taken as one
    /// event: you picked them).
    #[arg(long, value_enum, default_value_t = Stories::Auto)]
    pub stories: Stories,
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
    // One pass: each article's claims are found as soon as it is read and written out
    // (cli::claim_store) as each paragraph is analysed; its text is dropped. Memory
    // keeps what grouping needs of each claim, a few bytes (docs/safety.md).
    let grouped = match args.stories {
        Stories::On => true,
        Stories::Off => false,
        Stories::Auto => args.paths.iter().any(|p| p.is_dir()),
    };
    if grouped {
        // The user's gazetteer, if any, must be usable before articles are grouped.
        crate::stories::gazetteer::init()?;
    }
    // With stories, each article's terms are taken while its text is at hand too, and
    // kept in the store with its claims until the clustering reads them back. Of the
    // article itself only its id and time stay in memory (`cli::claim_records`).
    let store = Store::default();
    // What is kept of each article goes straight to its place, in order, sized once
    // by the number of files (the loader holds nothing of the folder: docs/safety.md).
    let mut kept = Vec::new();
    let mut terms = Vec::new();
    let mut records = Vec::new();
    let each = |a: Article| {
        let terms = grouped.then(|| {
            let terms = crate::stories::articles::terms_of(&a);
            store.put_bytes(&terms.to_bytes())
        });
        // Runs go to the store: whole, read back a story at a time, or without
        // stories a group key at a time, read back a key at a time.
        let runs_to = if grouped {
            RunsTo::Store
        } else {
            RunsTo::Keyed
        };
        let k = claim_store::keep(&store, &a, &lexicon, args.all, runs_to);
        (k, terms, Record::keep(&store, &a))
    };
    let take = |files: usize, (k, t, r)| {
        if kept.is_empty() {
            kept.reserve(files);
            if grouped {
                terms.reserve(files);
            }
            records.reserve(files);
        }
        kept.push(k);
        // Without stories there are no terms: nothing is kept for them.
        if grouped {
            terms.push(t);
        }
        records.push(r);
    };
    let warnings = corpus::load_taking(&args.paths, &args.load.options(args.lossy)?, each, take)?;
    for w in &warnings {
        eprintln!("qarin: warning: {w}");
    }
    claim_records::unique(&mut records, &store)?;
    // Without stories the folder is compared as one (`None`): no list of its articles.
    let stories: Option<Vec<(Option<String>, Vec<usize>)>> = if grouped {
        let mut buf = Vec::new();
        let read = |i: usize| -> anyhow::Result<crate::stories::Terms> {
            let Some(&Some(at)) = terms.get(i) else {
                return Ok(crate::stories::Terms::default());
            };
            store.get_bytes(at, &mut buf)?;
            crate::stories::Terms::from_bytes(&buf).context("stored terms are damaged")
        };
        let article = |i: usize| -> anyhow::Result<Article> {
            let r = records.get(i).context("an article's record is missing")?;
            Ok(r.article(&store)?)
        };
        let stories = crate::stories::articles::of_stored_records(records.len(), article, read)?;
        Some(
            stories
                .into_iter()
                .map(|s| (Some(s.id), s.articles))
                .collect(),
        )
    } else {
        None
    };
    drop(terms);
    let articles = Records {
        store: &store,
        records: &records,
    };
    let grouping = grouping(&records, &store, &kept, stories.as_deref())?;
    drop(stories);
    let claims = Claims {
        store: &store,
        kept: &kept,
        records: &records,
        order: grouping.order,
    };
    let mut out = output::stdout();
    let written = write(
        &mut out,
        &args,
        (articles, &claims, &grouping.groups),
        &grouping.stories,
        &lexicon,
    );
    output::finish(&mut out, written)?;
    let conflict = grouping
        .groups
        .iter()
        .any(|g| g.verdict == Verdict::Conflict);
    Ok(if args.exit_code && conflict {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The articles, their claims (read back from the store) and the groups.
type Analysed<'a> = (Records<'a>, &'a Claims<'a>, &'a [Group]);

fn write(
    out: &mut impl Write,
    args: &Args,
    (articles, claims, groups): Analysed,
    stories: &[Option<String>],
    lexicon: &Lexicon,
) -> anyhow::Result<()> {
    match args.format {
        Format::Json => output::json_document(
            out,
            &document(
                ArticlesOut::Stored(articles),
                ClaimsOut::Stored(claims),
                groups,
                stories,
            ),
        )?,
        Format::Jsonl => jsonl(out, (articles, claims, groups), stories)?,
        Format::Csv => csv(out, (articles, claims, groups), stories)?,
        // The table lists a bounded number of claims a cell (`table::CELL_CLAIMS`):
        // it reads the claims back once and keeps only those (docs/safety.md).
        Format::Markdown | Format::Table => {
            let headlines = claims.headlines();
            let source = table::Source {
                article_of: &|c| claims.article_of(c),
                headline: &|c| headlines.contains(&c),
            };
            let lang = args.lang.lang();
            let articles = articles.all()?;
            let (columns, rows) =
                table::model_of(groups, &articles, &source, claims.iter(), lexicon, lang)?;
            let style = args.text.style();
            if args.format == Format::Markdown {
                for line in table::markdown(&columns, &rows, lang).lines() {
                    writeln!(out, "{}", styled_line(line, &style))?;
                }
                return Ok(());
            }
            for line in model_lines(columns, rows, lang, &style) {
                writeln!(out, "{line}")?;
            }
            if args.all {
                let mut untopical = Untopical::default();
                for c in claims.iter() {
                    for line in untopical.lines(&c?, &style) {
                        writeln!(out, "{line}")?;
                    }
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

/// A group with the story it belongs to (claims are compared only inside a story).
#[derive(Serialize)]
struct JsonGroup<'a> {
    #[serde(flatten)]
    group: &'a Group,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<&'a str>,
}

/// The claims of the JSON document: in memory, or read back from the store.
enum ClaimsOut<'a> {
    Memory(&'a [Claim]),
    Stored(&'a Claims<'a>),
}

impl Serialize for ClaimsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        match self {
            ClaimsOut::Memory(claims) => s.collect_seq(claims.iter()),
            ClaimsOut::Stored(claims) => {
                let mut seq = s.serialize_seq(Some(claims.count()))?;
                for c in claims.iter() {
                    seq.serialize_element(&c.map_err(S::Error::custom)?)?;
                }
                seq.end()
            }
        }
    }
}

/// The articles of the JSON document: in memory, or read back from the store.
enum ArticlesOut<'a> {
    Memory(&'a [Article]),
    Stored(Records<'a>),
}

impl Serialize for ArticlesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        match self {
            ArticlesOut::Memory(articles) => s.collect_seq(articles.iter().map(JsonArticle::from)),
            ArticlesOut::Stored(records) => {
                let mut seq = s.serialize_seq(Some(records.records.len()))?;
                for a in records.iter() {
                    seq.serialize_element(&JsonArticle::from(&a.map_err(S::Error::custom)?))?;
                }
                seq.end()
            }
        }
    }
}

#[derive(Serialize)]
struct JsonOut<'a> {
    articles: ArticlesOut<'a>,
    claims: ClaimsOut<'a>,
    groups: Vec<JsonGroup<'a>>,
}

fn document<'a>(
    articles: ArticlesOut<'a>,
    claims: ClaimsOut<'a>,
    groups: &'a [Group],
    stories: &'a [Option<String>],
) -> JsonOut<'a> {
    JsonOut {
        articles,
        claims,
        groups: groups
            .iter()
            .enumerate()
            .map(|(i, group)| JsonGroup {
                group,
                story: stories.get(i).and_then(|s| s.as_deref()),
            })
            .collect(),
    }
}

/// The JSON document (`{"version": 1, "articles", "claims", "groups"}`) as a string.
pub fn json(articles: &[Article], analysis: &Analysis) -> anyhow::Result<String> {
    let mut out = Vec::new();
    let claims = ClaimsOut::Memory(&analysis.claims);
    let articles = ArticlesOut::Memory(articles);
    output::json_document(&mut out, &document(articles, claims, &analysis.groups, &[]))?;
    String::from_utf8(out).context("serialising claims")
}

/// Records in dependency order: articles, then claims, then groups (which name claims).
fn jsonl(
    out: &mut impl Write,
    (articles, claims, groups): Analysed,
    stories: &[Option<String>],
) -> std::io::Result<()> {
    let mut j = Jsonl::new(out, "claims")?;
    for a in articles.iter() {
        j.record("article", &JsonArticle::from(&a?))?;
    }
    for c in claims.iter() {
        j.record("claim", &c?)?;
    }
    for (i, g) in groups.iter().enumerate() {
        #[derive(Serialize)]
        struct Indexed<'a> {
            id: usize,
            #[serde(flatten)]
            group: JsonGroup<'a>,
        }
        let group = JsonGroup {
            group: g,
            story: stories.get(i).and_then(|s| s.as_deref()),
        };
        j.record("group", &Indexed { id: i, group })?;
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
    "story",
];

fn csv(
    out: &mut impl Write,
    (articles, claims, groups): Analysed,
    stories: &[Option<String>],
) -> std::io::Result<()> {
    // Each claim's group, 4 bytes a claim (`u32::MAX`: none).
    let mut group_of = vec![u32::MAX; claims.count()];
    for (i, g) in groups.iter().enumerate() {
        for &c in &g.claims {
            if let Some(slot) = group_of.get_mut(c) {
                *slot = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
    }
    let opt = |v: Option<String>| v.unwrap_or_default();
    let mut w = Csv::new(out, CSV_HEADER)?;
    // Claims come article by article: each one's outlet is read back once.
    let mut outlet: Option<(usize, String)> = None;
    for c in claims.iter() {
        let c = c?;
        let at = claims.article_of(c.id);
        if outlet.as_ref().map(|o| o.0) != at {
            let record = at.and_then(|i| Some((i, articles.records.get(i)?)));
            outlet = match record {
                Some((i, r)) => Some((i, r.outlet(articles.store)?)),
                None => None,
            };
        }
        let group = group_of
            .get(c.id)
            .and_then(|&i| Some((i as usize, groups.get(i as usize)?.verdict)));
        w.row([
            c.id.to_string(),
            c.article.clone(),
            outlet.as_ref().map(|o| o.1.clone()).unwrap_or_default(),
            c.paragraph.to_string(),
            opt(c.topic.as_ref().map(|t| t.to_string())),
            opt(c.scope.clone()),
            c.value.to_string(),
            opt(c.low.map(|v| v.to_string())),
            opt(c.high.map(|v| v.to_string())),
            c.qualifier.to_string(),
            opt(c.unit.as_ref().map(|u| u.to_string())),
            c.kind.to_string(),
            c.hedged.to_string(),
            opt(c.attribution.clone()),
            opt(c.year.map(|y| y.to_string())),
            opt(c.date.clone()),
            opt(group.map(|(i, _)| i.to_string())),
            opt(group.map(|(_, v)| v.as_str().to_owned())),
            c.text.clone(),
            c.sentence.clone(),
            opt(group.and_then(|(i, _)| stories.get(i).cloned().flatten())),
        ])?;
    }
    w.finish()?;
    Ok(())
}
