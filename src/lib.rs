//! qarin: a terminal reader for right-to-left news with side-by-side source comparison.
//!
//! The pure cores (`corpus`, `layout`, `claims`, `bookmarks`) know nothing of the
//! terminal; `ui` draws them with ratatui; `cli` holds the subcommands.

pub mod bookmarks;
pub mod claims;
pub mod cli;
pub mod corpus;
pub mod dirs;
pub mod index;
pub mod layout;
pub mod stories;
pub mod text;
pub mod ui;
