//! `qarin bookmarks list|add|remove|export`: the bookmark store from scripts.
//!
//! Stored text (passages, notes) is printed through `display::safe_line` or escaped JSON,
//! so a note holding escape sequences or bidi overrides cannot reach the terminal raw.

mod export;
mod list;
mod rows;
mod stream;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Subcommand;

use crate::bookmarks::{NewBookmark, Store, article_key};
use crate::cli::output::{self, TextArgs};
use crate::corpus::{self, LoadOptions};

pub use export::ExportFormat;
pub use list::ListFormat;
pub use rows::CSV_HEADER;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List bookmarks, with whether each passage is still where it was.
    #[command(after_help = LIST_AFTER_HELP)]
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        #[command(flatten)]
        text: TextArgs,
    },
    /// Bookmark paragraph N of an article file; prints the new bookmark's id.
    #[command(after_help = ADD_AFTER_HELP)]
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
    #[command(after_help = REMOVE_AFTER_HELP)]
    Remove {
        /// The bookmark's id, as `qarin bookmarks list` shows it.
        id: u64,
    },
    /// Print every bookmark, ready to paste into a report (Markdown) or to keep (JSON).
    #[command(after_help = EXPORT_AFTER_HELP)]
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
    },
}

/// The end of every bookmarks help: where the file is and the exit codes.
macro_rules! files_and_exit {
    () => {
        "

Files: bookmarks.json in the data dir ($QARIN_DATA_DIR, else $XDG_DATA_HOME/qarin, else
~/.local/share/qarin; `qarin config path data` prints it).

Exit status: 0 success; 2 usage error, bad input, or a bookmarks file that cannot be
read or written (it is left as it was)."
    };
}

const LIST_AFTER_HELP: &str = concat!(
    "Examples:
  qarin bookmarks list                       the table, within the terminal's width
  qarin bookmarks list --format csv > bookmarks.csv

Into a pipe the table is logical, unshaped text (--bidi and --shape override); its width
is --width, else $COLUMNS, else the terminal's, else 80.",
    files_and_exit!()
);

const ADD_AFTER_HELP: &str = concat!(
    "Examples:
  qarin bookmarks add article.txt --paragraph 14
  qarin bookmarks add article.txt --paragraph 3 --note \"the figure differs\"",
    files_and_exit!()
);

const REMOVE_AFTER_HELP: &str = concat!(
    "Examples:
  qarin bookmarks remove 7
  qarin bookmarks list --format csv | awk -F, '$9 == \"missing\" { print $1 }' | xargs -n1 qarin bookmarks remove",
    files_and_exit!()
);

const EXPORT_AFTER_HELP: &str = concat!(
    "Examples:
  qarin bookmarks export > bookmarks.md          Markdown quotes, ready for a report
  qarin bookmarks export --format json > backup.json   the file itself, to keep or move",
    files_and_exit!()
);

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_default()?;
    let mut out = output::stdout();
    let written = match args.command {
        Command::List { format, text } => list::list(&mut out, &store, format, &text),
        Command::Add {
            path,
            paragraph,
            note,
        } => add(&store, path, paragraph, note)
            .and_then(|id| writeln!(out, "{id}").map_err(anyhow::Error::from)),
        Command::Remove { id } => store.remove(id).map(|_| ()).map_err(anyhow::Error::from),
        Command::Export { format } => export::export(&mut out, &store, format),
    };
    output::finish(&mut out, written)?;
    Ok(ExitCode::SUCCESS)
}

fn add(
    store: &Store,
    path: PathBuf,
    paragraph: usize,
    note: Option<String>,
) -> anyhow::Result<u64> {
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
    Ok(bm.id)
}
