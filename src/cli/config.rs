//! `qarin config path|default`: where qarin reads and writes, and the default config.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::output;
use crate::dirs::{self, Kind};

/// The default config: the built-in keymap, with its comments.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/keymap.toml");

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Print where the config file is read (or another directory of qarin's).
    #[command(after_help = crate::cli::help::CONFIG_PATH_AFTER_HELP)]
    Path {
        /// Which location: the config file, or the data, state or cache directory.
        #[arg(value_enum, default_value_t = Which::Config)]
        which: Which,
    },
    /// Print the default config with comments (a starting point for your own).
    #[command(after_help = crate::cli::help::CONFIG_DEFAULT_AFTER_HELP)]
    Default,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Which {
    /// The config file (`config.toml`).
    Config,
    /// Bookmarks.
    Data,
    /// Reading positions.
    State,
    Cache,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = match args.command {
        Command::Path { which } => {
            let path = match which {
                Which::Config => dirs::config_file(),
                Which::Data => dirs::dir(Kind::Data),
                Which::State => dirs::dir(Kind::State),
                Which::Cache => dirs::dir(Kind::Cache),
            }
            .context("no home directory and no XDG variable: cannot tell where")?;
            format!("{}\n", path.display())
        }
        Command::Default => DEFAULT_CONFIG.to_owned(),
    };
    let mut out = output::stdout();
    let written = out.write_all(text.as_bytes()).map_err(anyhow::Error::from);
    output::finish(&mut out, written)?;
    Ok(ExitCode::SUCCESS)
}
