//! The subcommands. Each module has its clap `Args` and a `run` returning the exit code.

pub mod bookmarks;
pub mod claims;
pub mod fetch;
pub mod input;
pub mod read;
pub mod render;
pub mod snapshot;
