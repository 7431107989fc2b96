//! `qarin claims`: the numeric claims of articles, grouped across sources, with verdicts.
//! Formats and fields: docs/contracts.md ("claims").

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::claims::{Lexicon, table};
use crate::cli::claim_articles::Articles;
use crate::cli::claim_groups::grouping;
use crate::cli::claim_read::Claims;
use crate::cli::claim_records::{Record, Records};
use crate::cli::claim_store::{self, RunsTo, Store};
use crate::cli::claims_out::{self, Analysed};
use crate::cli::claims_text::{Untopical, model_lines, styled_line};
use crate::cli::output::{self, TextArgs};
use crate::corpus::{self, Article};

pub use crate::cli::claims_out::{CSV_HEADER, json};
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
    // keeps nothing of an article once read (`cli::claim_articles`, docs/safety.md).
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
    // kept in the store with its claims until the clustering reads them back. Nothing
    // else of an article stays in memory (`cli::claim_articles`).
    let store = Store::default();
    let mut articles = Articles::default();
    let mut terms = Vec::new();
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
        // Without stories there are no terms: nothing is kept for them.
        if grouped {
            terms.reserve(files.saturating_sub(terms.len()));
            terms.push(t);
        }
        articles.push(&store, k, r);
    };
    let warnings = corpus::load_taking(&args.paths, &args.load.options(args.lossy)?, each, take)?;
    for w in &warnings {
        eprintln!("qarin: warning: {w}");
    }
    articles.unique(&store)?;
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
            Ok(articles.get(&store, i)?.record.article(&store)?)
        };
        let stories = crate::stories::articles::of_stored_records(articles.len(), article, read)?;
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
    let grouping = grouping(&mut articles, &store, stories.as_deref())?;
    drop(stories);
    let records = Records {
        store: &store,
        articles: &articles,
    };
    let claims = Claims::new(&store, &articles);
    let mut out = output::stdout();
    let written = write(
        &mut out,
        &args,
        (records, &claims, &grouping.groups),
        &grouping.stories,
        &lexicon,
    );
    output::finish(&mut out, written)?;
    Ok(if args.exit_code && grouping.groups.conflict() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write(
    out: &mut impl Write,
    args: &Args,
    (articles, claims, groups): Analysed,
    stories: &[Option<String>],
    lexicon: &Lexicon,
) -> anyhow::Result<()> {
    match args.format {
        Format::Json => claims_out::document(out, (articles, claims, groups), stories)?,
        Format::Jsonl => claims_out::jsonl(out, (articles, claims, groups), stories)?,
        Format::Csv => claims_out::csv(out, (articles, claims, groups), stories)?,
        // The table lists a bounded number of claims a cell (`table::CELL_CLAIMS`):
        // it reads the claims back once and keeps only those (docs/safety.md).
        Format::Markdown | Format::Table => {
            let headlines = claims.headlines()?;
            // A claim's article is read from the table (`cli::claim_articles`); the
            // first error doing so is reported once the table is made.
            let failed = std::cell::RefCell::new(None);
            let article_of = |c| {
                claims.article_of(c).unwrap_or_else(|e| {
                    failed.borrow_mut().get_or_insert(e);
                    None
                })
            };
            let source = table::Source {
                article_of: &article_of,
                headline: &|c| headlines.contains(&c),
            };
            let lang = args.lang.lang();
            let articles = articles.all()?;
            let groups = groups.all()?;
            let (columns, rows) =
                table::model_of(&groups, &articles, &source, claims.iter(), lexicon, lang)?;
            if let Some(e) = failed.into_inner() {
                return Err(e.into());
            }
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
