//! `qarin snapshot`: replays keys through the reader and prints the final screen.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::read::{Bidi, prepare};
use crate::ui::{self, keymap::Key};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles: files, directories, or `-` for standard input.
    pub paths: Vec<PathBuf>,
    /// Screen size as COLSxROWS, each at most 1000.
    #[arg(long, default_value = "120x40", value_parser = screen_size)]
    pub size: (u16, u16),
    /// Keys to replay, space-separated: a character, `C-x`, or Enter Esc Tab BackTab Up
    /// Down Left Right PageUp PageDown Home End Space.
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    pub keys: String,
    /// Who reorders right-to-left text: qarin (`app`) or the terminal.
    #[arg(long, value_enum, default_value_t = Bidi::App)]
    pub bidi: Bidi,
    /// Read files that are not valid UTF-8, replacing bad bytes.
    #[arg(long)]
    pub lossy: bool,
    /// Open a folder as a story library (`auto`: a folder of more than five articles).
    #[arg(long, value_enum, default_value_t = crate::cli::read::Stories::Auto)]
    pub stories: crate::cli::read::Stories,
    /// Labels (topics, verdicts, values, column heads) in Arabic or English (the
    /// lexicon's `en` labels); default: the config's `lang`, else Arabic.
    #[arg(long, value_enum)]
    pub lang: Option<crate::cli::claims::LabelLang>,
    #[command(flatten)]
    pub load: crate::cli::input::LoadArgs,
}

/// The largest screen side: a 1000x1000 screen is about 50 MB of cells; 65535x65535
/// would be 200 GB and abort the allocation.
const MAX_SIDE: u16 = 1000;

/// `COLSxROWS` as `ui::parse_size` reads it, each side at most [`MAX_SIDE`].
fn screen_size(s: &str) -> Result<(u16, u16), String> {
    let (c, r) = ui::parse_size(s)?;
    if c > MAX_SIDE || r > MAX_SIDE {
        return Err(format!(
            "size {c}x{r} is too large: at most {MAX_SIDE} columns and {MAX_SIDE} rows"
        ));
    }
    Ok((c, r))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (cols, rows) = args.size;
    let keys = Key::parse_seq(&args.keys).map_err(|e| anyhow::anyhow!("--keys: {e}"))?;
    let mut state = prepare(
        &args.paths,
        &args.load.options(args.lossy)?,
        args.stories,
        args.bidi,
        args.lang,
        (cols, rows),
    )?;
    // A picture of the library once grouped: deterministic.
    crate::ui::story_grouping::wait(&mut state)?;
    // Only an explicit data directory: a snapshot must not depend on, or change, the
    // user's own bookmarks.
    if std::env::var_os("QARIN_DATA_DIR").is_some_and(|d| !d.is_empty()) {
        crate::ui::bookmarks_view::attach_default(&mut state);
    }
    let screen = ui::snapshot(&mut state, &keys);
    print!("{screen}");
    // Freeing a large article paragraph by paragraph takes longer than the process exit
    // that reclaims it anyway.
    std::mem::forget(state);
    Ok(ExitCode::SUCCESS)
}
