//! `qarin render`: lays articles out for a terminal and prints them, one display line
//! per output line (docs/contracts.md, "qarin render").
//!
//! Articles are loaded through `corpus` like everywhere else (clean UTF-8 used in place,
//! large files indexed and read a chunk at a time), and their paragraphs laid out in
//! parallel batches (in order, through `layout::TextWriter`) into one locked, buffered
//! stdout.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;

use crate::corpus::{self, Article};
use crate::layout::{self, BidiMode, Options, TextWriter};
use crate::text::safe::safe_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Bidi {
    /// qarin reorders: lines in visual order.
    App,
    /// The terminal reorders: the same lines and breaks, in logical order.
    Terminal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Switch {
    On,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Align {
    /// Right-align right-to-left paragraphs to the width with spaces.
    Auto,
    /// No padding.
    None,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Columns per line [default: $COLUMNS, else the terminal's width, else 80].
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub width: Option<u32>,
    /// Who reorders right-to-left text.
    #[arg(long, value_enum, default_value_t = Bidi::App)]
    pub bidi: Bidi,
    /// Arabic presentation forms and lam-alef ligatures.
    #[arg(long, value_enum, default_value_t = Switch::On)]
    pub shape: Switch,
    /// Alignment of right-to-left paragraphs (with `--bidi app`).
    #[arg(long, value_enum, default_value_t = Align::Auto)]
    pub align: Align,
    /// Read invalid UTF-8 anyway, replacing bad bytes with U+FFFD.
    #[arg(long)]
    pub lossy: bool,
    /// Articles: files, directories (their articles, recursively, in name order), or
    /// `-` for standard input. None: standard input when it is a pipe, else the bundled
    /// seed articles.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub load: crate::cli::input::LoadArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let load = args.load.options(args.lossy)?;
    // Loaded (and every path checked) before anything is printed.
    let articles = corpus::load_paths(&args.paths, &load)?;
    let stdout = io::stdout();
    let tty = stdout.is_terminal();
    let width = match args.width {
        Some(w) => w as usize,
        None => crate::cli::output::env_columns()
            .or_else(|| crate::cli::output::terminal_width(tty))
            .unwrap_or(crate::cli::output::DEFAULT_WIDTH),
    };
    let opts = Options {
        width,
        bidi: match args.bidi {
            Bidi::App => BidiMode::App,
            Bidi::Terminal => BidiMode::Terminal,
        },
        shape: args.shape == Switch::On,
        direction: None,
    };
    let align = args.align == Align::Auto && opts.bidi == BidiMode::App;
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    // A terminal that reorders by itself must not reverse our visual lines again: switch
    // it to explicit mode (BDSM) while we print, and back afterwards whatever happens.
    let bdsm = tty && opts.bidi == BidiMode::App;
    if bdsm {
        out.write_all(b"\x1b[8l")?;
    }
    let result = print_all(&mut out, &articles, &opts, align);
    if bdsm {
        let _ = out.write_all(b"\x1b[8h");
    }
    let flushed = out.flush();
    match result.and_then(|()| flushed.map_err(anyhow::Error::from)) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // The reader went away (`qarin render | head`): not an error.
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e),
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints every article, each after a `==> NAME <==` line when there are several.
fn print_all(
    out: &mut impl Write,
    articles: &[Article],
    opts: &Options,
    align: bool,
) -> anyhow::Result<()> {
    let headers = articles.len() > 1;
    for a in articles {
        // A file name may hold control characters and bidi overrides: shown as
        // `<U+XXXX>` by the rule that drops them from article text, never raw.
        let name = match &a.origin.item {
            Some(item) => safe_line(&format!("{} → {item}", a.name)),
            None => safe_line(&a.name),
        };
        if headers {
            writeln!(out, "==> {name} <==")?;
        }
        print_paragraphs(out, a.paragraphs.stream(), opts, align)
            .with_context(|| format!("writing {name}"))?;
        if a.paragraphs.changed_on_disk() {
            anyhow::bail!("{}: changed on disk while being read", a.path);
        }
    }
    Ok(())
}

/// Paragraphs laid out together in one parallel batch: enough work to share, small
/// enough that the batch's output stays a few megabytes. A chunk of a large file's
/// window (1 MB), so that a streamed article is held a window at a time.
fn batch_limit() -> usize {
    corpus::chunk_bytes()
}

/// Prints every paragraph of `text` (one per source line) in order.
pub fn print_text(out: &mut impl Write, text: &str, opts: &Options, align: bool) -> io::Result<()> {
    print_paragraphs(out, corpus::lines(text), opts, align)
}

/// Prints paragraphs in order, holding about a batch of them at a time.
pub fn print_paragraphs<P: AsRef<str> + Sync>(
    out: &mut impl Write,
    paragraphs: impl Iterator<Item = P>,
    opts: &Options,
    align: bool,
) -> io::Result<()> {
    let mut batch: Vec<P> = Vec::new();
    let mut batch_bytes = 0;
    for para in paragraphs {
        let len = para.as_ref().len();
        if len >= batch_limit() {
            // One huge paragraph: stream its lines straight out.
            flush_batch(out, &mut batch, opts, align)?;
            batch_bytes = 0;
            render_paragraph(out, para.as_ref(), opts, align)?;
            continue;
        }
        batch.push(para);
        batch_bytes += len;
        if batch_bytes >= batch_limit() {
            flush_batch(out, &mut batch, opts, align)?;
            batch_bytes = 0;
        }
    }
    flush_batch(out, &mut batch, opts, align)
}

fn flush_batch<P: AsRef<str> + Sync>(
    out: &mut impl Write,
    batch: &mut Vec<P>,
    opts: &Options,
    align: bool,
) -> io::Result<()> {
    const CHUNK: usize = 64;
    let parts: Vec<Vec<u8>> = batch
        .par_chunks(CHUNK)
        .map_init(
            || TextWriter::new(*opts, align),
            |writer, chunk| {
                let mut buf = Vec::with_capacity(chunk.iter().map(|p| p.as_ref().len() * 2).sum());
                for para in chunk {
                    writer.write(para.as_ref(), &mut buf);
                }
                buf
            },
        )
        .collect();
    for part in parts {
        out.write_all(&part)?;
    }
    batch.clear();
    Ok(())
}

fn render_paragraph(
    out: &mut impl Write,
    para: &str,
    opts: &Options,
    align: bool,
) -> io::Result<()> {
    let mut result = Ok(());
    layout::layout_paragraph_text(para, opts, |line| {
        if result.is_err() {
            return;
        }
        let indent = if align { line.indent(opts.width) } else { 0 };
        result = write_line(out, indent, &line.text);
    });
    result
}

fn write_line(out: &mut impl Write, indent: usize, text: &str) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 256];
    let mut left = indent;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.write_all(&SPACES[..n])?;
        left -= n;
    }
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_rtl_right_aligned_and_empty_lines() {
        let opts = Options {
            width: 10,
            ..Options::default()
        };
        let mut out = Vec::new();
        print_text(&mut out, "abc\n\nאבג\n", &opts, true).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "abc\n\n       גבא\n");
    }
}
