//! The subcommands. Each module has its clap `Args` and a `run` returning the exit code;
//! `output` is what they print through, `help` their help texts.

pub mod bookmarks;
pub mod claim_articles;
pub mod claim_groups;
pub mod claim_kept;
pub mod claim_read;
pub mod claim_records;
pub mod claim_store;
pub mod claim_table;
pub mod claims;
mod claims_out;
mod claims_text;
pub mod config;
pub mod fetch;
pub mod generate;
pub mod help;
pub mod input;
pub mod output;
pub mod read;
pub mod render;
pub mod snapshot;
pub mod stories;
