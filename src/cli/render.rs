//! `qarin render` (not built yet).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles: files, directories, or `-` for standard input.
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`render` is not implemented yet")
}
