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
use crate::cli::sentences::{ClaimsOut, Filled, Sentences};
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
    // One pass: each article's claims are found as soon as it is read and its text is
    // dropped, so memory follows the largest article, not the input. Grouping needs
    // every claim, and those (small) are all kept.
    let grouped = match args.stories {
        Stories::On => true,
        Stories::Off => false,
        Stories::Auto => args.paths.iter().any(|p| p.is_dir()),
    };
    if grouped {
        // The user's gazetteer, if any, must be usable before articles are grouped.
        crate::stories::gazetteer::init()?;
    }
    // With stories, each article's terms are taken while its text is at hand too. The
    // claims' sentences go to a store (a temporary file once large) until printed.
    let sentences = Sentences::default();
    let (loaded, found) = corpus::load_each(&args.paths, &args.load.options(args.lossy)?, |a| {
        let terms = grouped.then(|| crate::stories::articles::terms_of(a));
        let mut taken = Vec::new();
        let found = claims::find_each(a, &lexicon, args.all, |c| sentences.take(c, &mut taken));
        ((found, taken), terms)
    })?;
    for w in &loaded.warnings {
        eprintln!("qarin: warning: {w}");
    }
    let articles = loaded.articles;
    let times = claims::publication_times(&articles);
    let (found, terms): (Vec<_>, Vec<Option<crate::stories::Terms>>) = found.into_iter().unzip();
    let (found, taken): (Vec<claims::Found>, Vec<_>) = found.into_iter().unzip();
    let (analysis, stories) = if grouped {
        let terms = terms.into_iter().map(Option::unwrap_or_default).collect();
        per_story(&articles, found, terms, &lexicon)
    } else {
        let ids = articles.iter().map(|a| a.id.as_str());
        (
            claims::assemble(ids.zip(found), &lexicon, &|id| times.get(id).copied()),
            Vec::new(),
        )
    };
    let filled = Filled::new(&sentences, taken, &articles, &analysis);
    let mut out = output::stdout();
    let written = write(
        &mut out,
        &args,
        (&articles, &analysis, &filled),
        &stories,
        &lexicon,
    );
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

/// The articles, their analysis and the claims' sentences.
type Analysed<'a> = (&'a [Article], &'a Analysis, &'a Filled<'a>);

fn write(
    out: &mut impl Write,
    args: &Args,
    (articles, analysis, filled): Analysed,
    stories: &[Option<String>],
    lexicon: &Lexicon,
) -> anyhow::Result<()> {
    match args.format {
        Format::Json => {
            output::json_document(out, &document(articles, analysis, stories, Some(filled)))?
        }
        Format::Jsonl => jsonl(out, (articles, analysis, filled), stories)?,
        Format::Csv => csv(out, (articles, analysis, filled), stories)?,
        Format::Markdown => {
            let style = args.text.style();
            for line in
                table::render_markdown(analysis, articles, lexicon, args.lang.lang()).lines()
            {
                writeln!(out, "{}", styled_line(line, &style))?;
            }
        }
        Format::Table => {
            let style = args.text.style();
            for line in table_lines(analysis, articles, lexicon, args.lang.lang(), &style) {
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

/// A group with the story it belongs to (claims are compared only inside a story).
#[derive(Serialize)]
struct JsonGroup<'a> {
    #[serde(flatten)]
    group: &'a Group,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    articles: Vec<JsonArticle<'a>>,
    claims: ClaimsOut<'a>,
    groups: Vec<JsonGroup<'a>>,
}

fn document<'a>(
    articles: &'a [Article],
    analysis: &'a Analysis,
    stories: &'a [Option<String>],
    filled: Option<&'a Filled<'a>>,
) -> JsonOut<'a> {
    JsonOut {
        articles: articles.iter().map(JsonArticle::from).collect(),
        claims: ClaimsOut {
            claims: &analysis.claims,
            filled,
        },
        groups: analysis
            .groups
            .iter()
            .enumerate()
            .map(|(i, group)| JsonGroup {
                group,
                story: stories.get(i).and_then(|s| s.as_deref()),
            })
            .collect(),
    }
}

/// Claims grouped story by story: the articles are first grouped into stories
/// (docs/stories.md) and a group never mixes two stories. `found` and `terms` are each
/// article's claims and terms. Returns the analysis (claims in input order, ids
/// renumbered) and each group's story id.
pub fn per_story(
    articles: &[Article],
    found: Vec<claims::Found>,
    terms: Vec<crate::stories::Terms>,
    lexicon: &Lexicon,
) -> (Analysis, Vec<Option<String>>) {
    let stories = crate::stories::articles::of_terms(articles, terms);
    let times = claims::publication_times(articles);
    let mut found: Vec<Option<claims::Found>> = found.into_iter().map(Some).collect();
    // Each claim with the input position of its article, so that the merged claims
    // keep the contract's order (articles as given, text order within each).
    let mut claims: Vec<(usize, Claim)> = Vec::new();
    let mut groups: Vec<(Group, Option<String>)> = Vec::new();
    for s in &stories {
        let members: Vec<(&str, claims::Found)> = s
            .articles
            .iter()
            .filter_map(|&i| Some((articles[i].id.as_str(), found.get_mut(i)?.take()?)))
            .collect();
        let a = claims::assemble(members, lexicon, &|id| times.get(id).copied());
        let base = claims.len();
        // Claims come out in member order: walk the members alongside them.
        let mut m = 0;
        for c in a.claims {
            while m + 1 < s.articles.len() && articles[s.articles[m]].id != c.article {
                m += 1;
            }
            claims.push((s.articles[m], c));
        }
        for mut g in a.groups {
            g.claims.iter_mut().for_each(|c| *c += base);
            g.conflicts.iter_mut().for_each(|(x, y)| {
                *x += base;
                *y += base;
            });
            groups.push((g, Some(s.id.clone())));
        }
        for (_, c) in &mut claims[base..] {
            c.id += base;
            c.part_of = c.part_of.map(|p| p + base);
        }
    }
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| claims[i].0); // stable: text order kept within an article
    let mut new_id = vec![0; claims.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new;
    }
    drop(order);
    // Put in order in place (swapping along each cycle of the permutation): the claims
    // of a large input are never held twice.
    let mut claims: Vec<Claim> = claims.into_iter().map(|(_, c)| c).collect();
    let mut dest = new_id.clone();
    for i in 0..claims.len() {
        while dest[i] != i {
            let j = dest[i];
            claims.swap(i, j);
            dest.swap(i, j);
        }
    }
    drop(dest);
    for (i, c) in claims.iter_mut().enumerate() {
        c.id = i;
        c.part_of = c.part_of.and_then(|p| new_id.get(p).copied());
    }
    let mut out = Analysis {
        claims,
        groups: Vec::new(),
    };
    let mut ids = Vec::with_capacity(groups.len());
    for (mut g, story) in groups {
        g.claims.iter_mut().for_each(|c| *c = new_id[*c]);
        g.conflicts.iter_mut().for_each(|(x, y)| {
            *x = new_id[*x];
            *y = new_id[*y];
        });
        out.groups.push(g);
        ids.push(story);
    }
    (out, ids)
}

/// The JSON document (`{"version": 1, "articles", "claims", "groups"}`) as a string.
pub fn json(articles: &[Article], analysis: &Analysis) -> anyhow::Result<String> {
    let mut out = Vec::new();
    output::json_document(&mut out, &document(articles, analysis, &[], None))?;
    String::from_utf8(out).context("serialising claims")
}

/// Records in dependency order: articles, then claims, then groups (which name claims).
fn jsonl(
    out: &mut impl Write,
    (articles, analysis, filled): Analysed,
    stories: &[Option<String>],
) -> std::io::Result<()> {
    let mut j = Jsonl::new(out, "claims")?;
    for a in articles {
        j.record("article", &JsonArticle::from(a))?;
    }
    for (i, c) in analysis.claims.iter().enumerate() {
        j.record("claim", &filled.claim(i, c))?;
    }
    for (i, g) in analysis.groups.iter().enumerate() {
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
    (articles, analysis, filled): Analysed,
    stories: &[Option<String>],
) -> std::io::Result<()> {
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
    for (i, (c, group)) in analysis.claims.iter().zip(&group_of).enumerate() {
        let c = filled.claim(i, c);
        w.row([
            c.id.to_string(),
            c.article.clone(),
            outlets
                .get(c.article.as_str())
                .copied()
                .unwrap_or("")
                .into(),
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

/// The claims table: topics down, sources across, wrapped to the width (rows become
/// blocks when the sources cannot fit side by side).
pub fn table_lines(
    analysis: &Analysis,
    articles: &[Article],
    lexicon: &Lexicon,
    lang: Lang,
    style: &TextStyle,
) -> Vec<String> {
    let (columns, rows) = table::model(analysis, articles, lexicon, lang);
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
                let verdict = r.verdict_text(lang);
                std::iter::once(r.label)
                    .chain(r.cells)
                    .chain(std::iter::once(verdict))
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
