//! What every subcommand prints through: the text style of a run (width, bidi, shaping,
//! chosen by flags, `COLUMNS` and whether stdout is a terminal), a buffered stdout that
//! treats a closed pipe as success, and the machine formats (`records`: CSV, JSON Lines,
//! JSON with `"version"`). `table` lays text tables out within the width.
//!
//! A command with text and machine outputs (`claims`, `bookmarks list`) uses it so:
//! - flatten [`TextArgs`] into its clap args (`--width`, `--bidi`, `--shape`); its
//!   `style()` is the width and text order for this stdout;
//! - a table: a [`Table`] of logical-order cells, printed as [`table_lines`] (never wider
//!   than the width); other text: `table::cell_lines` wraps one cell;
//! - JSON: [`json_document`]; JSON Lines: [`Jsonl::new`] (or [`Jsonl::with_header`] for
//!   header fields), then one `record` per item as it is produced; CSV: [`Csv::new`] with
//!   the column names, then one `row` per item;
//! - write to [`stdout()`] and end with [`finish`] (a closed pipe is success);
//! - add its fields to docs/contracts.md, which tests/contracts.rs checks.
//!
//! Contracts in docs/contracts.md.

pub mod records;
pub mod table;

use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

use crate::layout::{self, BidiMode};

pub use records::{Csv, FORMAT_VERSION, Jsonl, json_document, json_document_streamed};
pub use table::{Grid, Measure, Table, table_lines};

/// Who reorders right-to-left text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Bidi {
    /// qarin reorders: lines in visual order, for a terminal that does not.
    App,
    /// Lines stay in logical order: for a terminal that reorders by itself, and for
    /// files, pipes and `grep`.
    Terminal,
}

impl From<Bidi> for BidiMode {
    fn from(b: Bidi) -> BidiMode {
        match b {
            Bidi::App => BidiMode::App,
            Bidi::Terminal => BidiMode::Terminal,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Switch {
    On,
    Off,
}

/// The flags of every text output. Unset, they follow stdout: visual and shaped on a
/// terminal, logical and unshaped into a pipe or file (so `grep` finds Arabic words).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TextArgs {
    /// Columns per line [default: $COLUMNS, else the terminal's width, else 80].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub width: Option<u32>,
    /// Who reorders right-to-left text [default: app on a terminal, terminal otherwise].
    #[arg(long, value_enum)]
    pub bidi: Option<Bidi>,
    /// Arabic presentation forms and lam-alef ligatures [default: on on a terminal, off
    /// otherwise].
    #[arg(long, value_enum)]
    pub shape: Option<Switch>,
}

/// How one run prints text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStyle {
    /// Total columns per line.
    pub width: usize,
    pub bidi: BidiMode,
    pub shape: bool,
}

impl TextStyle {
    /// Layout options for text `width` columns wide in this style.
    pub fn layout(&self, width: usize) -> layout::Options {
        layout::Options {
            width: width.max(1),
            bidi: self.bidi,
            shape: self.shape,
            direction: None,
        }
    }
}

impl TextArgs {
    /// The style for stdout as it is in this process.
    pub fn style(&self) -> TextStyle {
        let tty = io::stdout().is_terminal();
        self.style_for(tty, env_columns(), || terminal_width(tty))
    }

    /// The style given whether stdout is a terminal, `$COLUMNS`, and the terminal's
    /// width (asked only when needed).
    pub fn style_for(
        &self,
        tty: bool,
        columns: Option<usize>,
        terminal: impl FnOnce() -> Option<usize>,
    ) -> TextStyle {
        let width = self
            .width
            .map(|w| w as usize)
            .or(columns)
            .or_else(terminal)
            .unwrap_or(DEFAULT_WIDTH);
        TextStyle {
            width,
            bidi: self
                .bidi
                .unwrap_or(if tty { Bidi::App } else { Bidi::Terminal })
                .into(),
            shape: self.shape.map_or(tty, |s| s == Switch::On),
        }
    }
}

/// Width when nothing says otherwise.
pub const DEFAULT_WIDTH: usize = 80;

/// `$COLUMNS` when it is a positive number.
pub fn env_columns() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
}

/// The terminal's width when stdout is one; a pipe's reader has no width.
pub fn terminal_width(tty: bool) -> Option<usize> {
    if !tty {
        return None;
    }
    match crossterm::terminal::size() {
        Ok((w, _)) if w > 0 => Some(usize::from(w)),
        _ => None,
    }
}

/// Buffered, locked stdout.
pub fn stdout() -> BufWriter<Stdout> {
    BufWriter::with_capacity(1 << 16, Stdout(io::stdout().lock()))
}

/// Standard output whose own errors are marked ([`StdoutFailed`]), so [`finish`] says
/// "writing to standard output" for them only, not for a file that could not be read
/// while writing (docs/safety.md, "Faults of a hostile week").
pub struct Stdout(StdoutLock<'static>);

/// An error of standard output itself: its message is the inner error's, once.
#[derive(Debug)]
struct StdoutFailed(io::Error);

impl std::fmt::Display for StdoutFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for StdoutFailed {}

fn marked(e: io::Error) -> io::Error {
    io::Error::new(e.kind(), StdoutFailed(e))
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(marked)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(marked)
    }
}

/// Flushes `out` and maps the outcome of a command: a closed pipe (`qarin … | head`)
/// is not an error; a failure of standard output itself is said to be one.
pub fn finish(out: &mut impl Write, result: anyhow::Result<()>) -> anyhow::Result<()> {
    let result = result.and_then(|()| out.flush().map_err(anyhow::Error::from));
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        Err(e) if of_stdout(&e) => Err(e.context("writing to standard output")),
        other => other,
    }
}

/// Whether an error is (caused by) a failure of [`Stdout`].
fn of_stdout(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.is::<StdoutFailed>()
            || c.downcast_ref::<io::Error>()
                .and_then(|e| e.get_ref())
                .is_some_and(|inner| inner.is::<StdoutFailed>())
    })
}

/// Whether an error is (caused by) a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_comes_from_flag_then_columns_then_terminal_then_80() {
        let none = TextArgs::default();
        let flag = TextArgs {
            width: Some(50),
            ..TextArgs::default()
        };
        assert_eq!(flag.style_for(true, Some(70), || Some(90)).width, 50);
        assert_eq!(none.style_for(true, Some(70), || Some(90)).width, 70);
        assert_eq!(none.style_for(true, None, || Some(90)).width, 90);
        assert_eq!(none.style_for(false, None, || None).width, 80);
    }

    #[test]
    fn pipes_get_logical_unshaped_text_unless_asked() {
        let none = TextArgs::default();
        let piped = none.style_for(false, None, || None);
        assert_eq!((piped.bidi, piped.shape), (BidiMode::Terminal, false));
        let tty = none.style_for(true, None, || None);
        assert_eq!((tty.bidi, tty.shape), (BidiMode::App, true));
        let asked = TextArgs {
            bidi: Some(Bidi::App),
            shape: Some(Switch::On),
            ..TextArgs::default()
        };
        let s = asked.style_for(false, None, || None);
        assert_eq!((s.bidi, s.shape), (BidiMode::App, true));
    }
}
