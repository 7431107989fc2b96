//! The `qarin` command line: parses arguments and hands each subcommand to `qarin::cli`.
//! Every error ends here: printed with its file and cause, exit code 2.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use qarin::cli;

/// A terminal reader for right-to-left news that puts the sources' conflicting
/// numeric claims side by side.
///
/// With no subcommand, opens the reader on PATHs (files, directories, `-` for stdin),
/// or on the bundled seed articles when none is given.
#[derive(Parser)]
#[command(name = "qarin", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    read: cli::read::Args,
}

#[derive(Subcommand)]
enum Command {
    /// Lay articles out for a terminal: wrapped, bidi-reordered, shaped.
    Render(cli::render::Args),
    /// List the numeric claims of articles and where the sources disagree.
    Claims(cli::claims::Args),
    /// List, add, remove and export bookmarks of passages.
    Bookmarks(cli::bookmarks::Args),
    /// Replay keys through the reader and print the final screen as text.
    Snapshot(cli::snapshot::Args),
    /// Download pages and feeds into the cache, for reading now or offline.
    Fetch(cli::fetch::FetchArgs),
    /// Refresh every URL of the feeds file.
    Update(cli::fetch::UpdateArgs),
}

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match args.command {
        None => cli::read::run(args.read),
        Some(Command::Render(a)) => cli::render::run(a),
        Some(Command::Claims(a)) => cli::claims::run(a),
        Some(Command::Bookmarks(a)) => cli::bookmarks::run(a),
        Some(Command::Snapshot(a)) => cli::snapshot::run(a),
        Some(Command::Fetch(a)) => cli::fetch::run_fetch(a),
        Some(Command::Update(a)) => cli::fetch::run_update(a),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            // Messages quote file names and file contents: escaped as article text is, so
            // a name cannot retitle or clear the terminal.
            eprintln!(
                "qarin: {}",
                qarin::text::safe::safe_lines(&format!("{err:#}"))
            );
            ExitCode::from(2)
        }
    }
}
