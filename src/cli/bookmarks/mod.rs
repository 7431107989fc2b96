//! `qarin bookmarks list|add|remove|export`: the bookmark store from scripts.
//!
//! Stored text (passages, notes) is printed through `display::safe_line` or escaped JSON,
//! so a note holding escape sequences or bidi overrides cannot reach the terminal raw.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Subcommand, ValueEnum};
use serde::Serialize;

use crate::bookmarks::display::{escape_json, safe_line};
use crate::bookmarks::{Anchor, Bookmark, Location, NewBookmark, Store, article_key, load_article};
use crate::corpus::{self, LoadOptions};
use crate::text::safe::safe_path;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List bookmarks, with whether each passage is still where it was.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Bookmark paragraph N of an article file; prints the new bookmark's id.
    Add {
        /// The article file.
        path: PathBuf,
        /// The 1-based source line.
        #[arg(long, value_name = "N")]
        paragraph: usize,
        /// A note to keep with the passage.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Remove the bookmark with this id.
    Remove {
        /// The bookmark's id, as `qarin bookmarks list` shows it.
        id: u64,
    },
    /// Print every bookmark, ready to paste into a report (Markdown) or to keep (JSON).
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_default()?;
    let out = match args.command {
        Command::List { format } => list(&store, format)?,
        Command::Add {
            path,
            paragraph,
            note,
        } => add(&store, path, paragraph, note)?,
        Command::Remove { id } => {
            store.remove(id)?;
            String::new()
        }
        Command::Export { format } => export(&store, format)?,
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn add(
    store: &Store,
    path: PathBuf,
    paragraph: usize,
    note: Option<String>,
) -> anyhow::Result<String> {
    if path.as_os_str() == "-" {
        bail!("cannot bookmark standard input: save the article to a file first");
    }
    if path.is_dir() {
        bail!(
            "{}: is a directory; bookmarks point into one article file",
            path.display()
        );
    }
    let article = corpus::load_paths(std::slice::from_ref(&path), &LoadOptions::default())?
        .into_iter()
        .next()
        .with_context(|| format!("{}: no article found", path.display()))?;
    let count = article.paragraphs.len();
    let Some(mut new) = NewBookmark::paragraph(&article, article_key(&article), paragraph) else {
        bail!(
            "{}: paragraph {paragraph} is out of range (the article has {count} paragraphs, numbered from 1)",
            path.display()
        );
    };
    if new.text.trim().is_empty() {
        bail!(
            "{}: paragraph {paragraph} is empty; nothing to bookmark",
            path.display()
        );
    }
    new.note = note.filter(|n| !n.is_empty());
    let bm = store.add(new)?;
    Ok(format!("{}\n", bm.id))
}

/// Where a bookmark's passage is now, or why its article cannot be searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    At(Anchor),
    /// The article file is gone.
    Missing,
    /// The file is there but no longer loads (index into the reasons).
    Unreadable(usize),
}

/// Each bookmark with where its passage is now, and the reasons unreadable articles
/// gave. Each article is loaded once and its bookmarks re-found together in one pass.
fn anchored(bookmarks: &[Bookmark]) -> (Vec<(&Bookmark, Found)>, Vec<String>) {
    let mut by_article: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, b) in bookmarks.iter().enumerate() {
        by_article
            .entry(b.article.path.as_str())
            .or_default()
            .push(i);
    }
    let mut found = vec![Found::Missing; bookmarks.len()];
    let mut reasons = Vec::new();
    for idx in by_article.values() {
        let article = match load_article(&bookmarks[idx[0]].article) {
            Ok(Some(a)) => a,
            Ok(None) => continue,
            Err(e) => {
                reasons.push(e.to_string());
                idx.iter()
                    .for_each(|&i| found[i] = Found::Unreadable(reasons.len() - 1));
                continue;
            }
        };
        // An unchanged file (same hash) needs no search at all.
        let (same, changed): (Vec<usize>, Vec<usize>) = idx
            .iter()
            .partition(|&&i| article.hash() == bookmarks[i].article.hash);
        for i in same {
            let b = &bookmarks[i];
            let here = Location {
                paragraph: b.paragraph,
                start: b.start,
                end: b.end,
            };
            found[i] = Found::At(Anchor::Found(here, crate::bookmarks::Match::Same));
        }
        let refs: Vec<&Bookmark> = changed.iter().map(|&i| &bookmarks[i]).collect();
        for (i, a) in changed.iter().zip(crate::bookmarks::refind::reanchor_all(
            &refs,
            &article.paragraphs,
        )) {
            found[*i] = Found::At(a);
        }
    }
    (bookmarks.iter().zip(found).collect(), reasons)
}

fn status(found: Found) -> &'static str {
    match found {
        Found::At(a) => a.status(),
        Found::Missing => "missing",
        Found::Unreadable(_) => "unreadable",
    }
}

fn anchor(found: Found) -> Option<Anchor> {
    match found {
        Found::At(a) => Some(a),
        _ => None,
    }
}

#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    bookmark: &'a Bookmark,
    /// `same`, `moved`, `normalized`, `similar`, `lost`, `missing` (article not found)
    /// or `unreadable` (the file is there but no longer loads; `problem` says why).
    status: &'static str,
    /// Where the passage is in the article now.
    current: Option<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<&'a str>,
}

#[derive(Serialize)]
struct ListJson<'a> {
    file: String,
    bookmarks: Vec<Listed<'a>>,
}

fn list(store: &Store, format: ListFormat) -> anyhow::Result<String> {
    let file = store.load()?;
    let (rows, reasons) = anchored(&file.bookmarks);
    match format {
        ListFormat::Json => {
            let doc = ListJson {
                file: store.path().display().to_string(),
                bookmarks: rows
                    .iter()
                    .map(|(b, a)| Listed {
                        bookmark: b,
                        status: status(*a),
                        current: anchor(*a).and_then(|a| a.location()),
                        problem: match a {
                            Found::Unreadable(r) => reasons.get(*r).map(String::as_str),
                            _ => None,
                        },
                    })
                    .collect(),
            };
            let mut out = Vec::new();
            crate::cli::output::json_document(&mut out, &doc)?;
            Ok(String::from_utf8(out)?)
        }
        ListFormat::Table => {
            if rows.is_empty() {
                // On stderr: a script reading the table still sees an empty one.
                eprintln!("no bookmarks in {}", safe_path(store.path()));
            }
            // Why an article no longer loads, once per article, on stderr.
            for r in &reasons {
                eprintln!("qarin: {}", crate::text::safe::safe_line(r));
            }
            Ok(table(&rows))
        }
    }
}

/// Longest passage excerpt in a table row, in chars.
const EXCERPT: usize = 48;

fn excerpt(text: &str) -> String {
    let line = safe_line(text.trim());
    let mut chars = line.chars();
    let head: String = chars.by_ref().take(EXCERPT).collect();
    if chars.next().is_some() {
        head + "…"
    } else {
        head
    }
}

fn table(rows: &[(&Bookmark, Found)]) -> String {
    let mut out = String::new();
    if rows.is_empty() {
        return out;
    }
    let id_w = rows
        .iter()
        .map(|(b, _)| b.id.to_string().len())
        .max()
        .unwrap_or(2)
        .max(2);
    let art_w = rows
        .iter()
        .map(|(b, _)| safe_line(&b.article.id).chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    let _ = writeln!(
        out,
        "{:>id_w$}  {:<art_w$}  {:>4}  {:<16}  {:<10}  PASSAGE",
        "ID", "ARTICLE", "PARA", "CREATED", "STATUS"
    );
    for (b, a) in rows {
        let para = anchor(*a)
            .and_then(|a| a.location())
            .map_or(b.paragraph, |l| l.paragraph);
        let created = b.created.replacen('T', " ", 1);
        let created: String = created.chars().take(16).collect();
        let _ = writeln!(
            out,
            "{:>id_w$}  {:<art_w$}  {:>4}  {:<16}  {:<10}  {}",
            b.id,
            safe_line(&b.article.id),
            para,
            created,
            status(*a),
            excerpt(&b.text)
        );
        if let Some(note) = &b.note {
            let _ = writeln!(out, "{:>id_w$}  note: {}", "", safe_line(note));
        }
    }
    out
}

fn export(store: &Store, format: ExportFormat) -> anyhow::Result<String> {
    let file = store.load()?;
    match format {
        ExportFormat::Json => Ok(escape_json(&serde_json::to_string_pretty(&file)?) + "\n"),
        ExportFormat::Markdown => {
            let (rows, reasons) = anchored(&file.bookmarks);
            Ok(markdown(&rows, &reasons))
        }
    }
}

/// Markdown-safe single line: controls made visible, then markup characters escaped so
/// a passage cannot turn into a heading, a link or emphasis.
fn md(s: &str) -> String {
    let mut out = String::new();
    for c in safe_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(rows: &[(&Bookmark, Found)], reasons: &[String]) -> String {
    let mut out = String::from("# Bookmarks\n");
    for (b, a) in rows {
        let title = if b.article.title.trim().is_empty() {
            md(&b.article.id)
        } else {
            md(&b.article.title)
        };
        let _ = writeln!(out, "\n## {}. {title}\n", b.id);
        let _ = writeln!(out, "> {}\n", md(b.text.trim()));
        let mut source = format!("— *{title}*");
        if !b.article.outlet.trim().is_empty() {
            let _ = write!(source, ", {}", md(&b.article.outlet));
        }
        let date: String = b.created.chars().take(10).collect();
        let _ = write!(
            source,
            " · `{}`, paragraph {} · {}",
            safe_line(&b.article.path).replace('`', "'"),
            b.paragraph,
            md(&date)
        );
        let _ = writeln!(out, "{source}");
        match anchor(*a) {
            Some(Anchor::Found(l, m)) if l.paragraph != b.paragraph => {
                let _ = writeln!(
                    out,
                    "\n*The article has changed; the passage is now in paragraph {} ({}).*",
                    l.paragraph,
                    Anchor::Found(l, m).status()
                );
            }
            Some(Anchor::Lost) => {
                let _ = writeln!(
                    out,
                    "\n*The article has changed and this passage is no longer in it.*"
                );
            }
            None => match a {
                Found::Unreadable(r) => {
                    let why = reasons.get(*r).map_or("", String::as_str);
                    let _ = writeln!(out, "\n*The article file no longer loads: {}*", md(why));
                }
                _ => {
                    let _ = writeln!(out, "\n*The article file is no longer there.*");
                }
            },
            Some(_) => {}
        }
        if let Some(note) = &b.note {
            let _ = writeln!(out, "\n**Note:** {}", md(note));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::ArticleRef;

    fn bm(note: &str) -> Bookmark {
        Bookmark {
            id: 4,
            article: ArticleRef {
                path: "/tmp/x`y.txt".into(),
                hash: "h".into(),
                id: "003".into(),
                title: "عنوان #1".into(),
                outlet: "جريدة".into(),
                extra: Default::default(),
            },
            paragraph: 14,
            start: 0,
            end: 10,
            text: "أرسلت روسيا *2500* جندي".into(),
            note: Some(note.into()),
            created: "2026-11-21T12:00:00Z".into(),
            extra: Default::default(),
        }
    }

    #[test]
    fn markdown_quotes_passage_source_and_note_safely() {
        let b = bm("انظر\u{202E}هنا\u{1b}[2J\nسطر");
        let md = markdown(&[(&b, Found::Missing)], &[]);
        assert!(md.contains("\n## 4. عنوان \\#1\n"), "{md}");
        assert!(md.contains("\n> أرسلت روسيا \\*2500\\* جندي\n"), "{md}");
        assert!(
            md.contains("— *عنوان \\#1*, جريدة · `/tmp/x'y.txt`, paragraph 14 · 2026-11-21"),
            "{md}"
        );
        // The visible tags are escaped too, so Markdown shows them rather than taking HTML.
        assert!(
            md.contains(r"**Note:** انظر\<U+202E\>هنا\<U+001B\>\[2J سطر"),
            "{md}"
        );
        assert!(md.contains("no longer there"), "{md}");
        assert!(!md.contains('\u{1b}') && !md.contains('\u{202E}'));
    }

    #[test]
    fn table_shows_status_and_safe_note() {
        let b = bm("a\u{2066}b");
        let t = table(&[(&b, Found::At(Anchor::Lost))]);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3, "{t}");
        assert!(lines[0].starts_with("ID  ARTICLE  PARA  CREATED"), "{t}");
        assert!(
            lines[1].contains(" 003 ")
                && lines[1].contains("2026-11-21 12:00")
                && lines[1].contains(" lost "),
            "{t}"
        );
        assert!(lines[2].ends_with("note: a<U+2066>b"), "{t}");
    }
}
