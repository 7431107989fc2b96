//! `qarin [PATH...]`: the interactive reader.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::corpus::{self, LoadOptions};
use crate::ui::keymap::Keymap;
use crate::ui::state::{Settings, State, View};
use crate::ui::story_grouping::Pending;
use crate::ui::story_lib::StoryLib;

/// Who reorders right-to-left text: the same choice as `render`'s, one enum for both.
pub use super::output::Bidi;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles: files, directories, or `-` for standard input.
    pub paths: Vec<PathBuf>,
    /// Who reorders right-to-left text: qarin (`app`) or the terminal.
    #[arg(long, value_enum, default_value_t = Bidi::App)]
    pub bidi: Bidi,
    /// Read files that are not valid UTF-8, replacing bad bytes.
    #[arg(long)]
    pub lossy: bool,
    /// Open a folder as a story library (`auto`: a folder of more than five articles).
    #[arg(long, value_enum, default_value_t = Stories::Auto)]
    pub stories: Stories,
    /// Labels (topics, verdicts, values, column heads) in Arabic or English (the
    /// lexicon's `en` labels); default: the config's `lang`, else Arabic.
    #[arg(long, value_enum)]
    pub lang: Option<crate::cli::claims::LabelLang>,
    #[command(flatten)]
    pub load: crate::cli::input::LoadArgs,
}

pub use super::claims::Stories;

/// A folder holding more articles than compare shows at once is opened as stories.
const LIBRARY_MIN: usize = crate::ui::state::MAX_PANES + 1;

/// Whether `paths` open as a story library: `on`, or `auto` with a folder among them
/// and more than five articles, all of them files on disk (not standard input or URLs).
fn as_stories(paths: &[PathBuf], mode: Stories) -> bool {
    let local = !paths.is_empty()
        && paths
            .iter()
            .all(|p| p.as_os_str() != "-" && std::fs::metadata(p).is_ok());
    match mode {
        Stories::Off => false,
        Stories::On => local,
        Stories::Auto => {
            local
                && paths.iter().any(|p| p.is_dir())
                && crate::index::walk::at_least(paths, LIBRARY_MIN)
        }
    }
}

/// Loads the articles and the user's keymap, as the reader and `snapshot` both need.
/// Every failure here is reported before any screen opens.
pub fn prepare(
    paths: &[PathBuf],
    load: &LoadOptions,
    stories: Stories,
    bidi: Bidi,
    lang: Option<crate::cli::claims::LabelLang>,
    (cols, rows): (u16, u16),
) -> anyhow::Result<State> {
    let library = if as_stories(paths, stories) {
        let opts = crate::index::Options {
            load: load.clone(),
            no_cache: false,
        };
        // A gazetteer that cannot be used is reported before any screen opens; the
        // files are read and grouped on a worker thread while the library shows it.
        crate::stories::gazetteer::init()?;
        let pending =
            Pending::start(paths.to_vec(), opts).context("no thread to group the stories on")?;
        Some(StoryLib::grouping(pending, load.clone()))
    } else {
        None
    };
    let articles = if library.is_some() {
        Vec::new()
    } else {
        corpus::load_paths(paths, load)?
    };
    let keymap =
        Keymap::load_user(Keymap::user_config_path().as_deref()).context("in the config file")?;
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // `--lang` wins over the config's `lang`.
    let english = match lang {
        Some(l) => l == crate::cli::claims::LabelLang::En,
        None => keymap.english,
    };
    let settings = Settings {
        bidi: bidi.into(),
        color,
        english,
    };
    let mut state = State::new(articles, keymap, settings, cols, rows);
    if let Some(lib) = library {
        state.stories = Some(lib);
        state.go(View::Stories);
    }
    Ok(state)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut state = prepare(
        &args.paths,
        &args.load.options(args.lossy)?,
        args.stories,
        args.bidi,
        args.lang,
        (80, 24),
    )?;
    // Interactive: bookmarks are re-found on a worker thread, the screen stays live.
    state.bookmarks.background = true;
    crate::ui::bookmarks_view::attach_default(&mut state);
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "standard output is not a terminal; use `qarin snapshot` for a text picture of the screen or `qarin render` for the text"
        );
    }
    // Too much text to analyse before the first screen: analyse it meanwhile.
    state.background = true;
    if state.unanalysed {
        state.analyse();
    }
    // The corpus's texts are indexed for `F` meanwhile, once it is grouped
    // (`ui::story_grouping`).
    crate::ui::app::run(state, args.bidi == Bidi::App)?;
    Ok(ExitCode::SUCCESS)
}
