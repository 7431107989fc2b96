//! The `qarin` command line: parses arguments and hands each subcommand to `qarin::cli`.
//! Exit status: 0 success, 1 conflicts found with `claims --exit-code`, 2 usage error or
//! bad input (clap exits 2 on usage errors itself; every error from a command ends here).

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use qarin::cli::{self, help};

/// mimalloc, not glibc's malloc: per-article allocations on every core (docs/stories.md,
/// Speed).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// For `qarin claims`, mimalloc commits an arena's pages as they are used rather than
/// all at once (its `arena_eager_commit` 0; the default commits eagerly where the OS
/// overcommits): peak RSS then follows the heap (docs/safety.md, a folder's memory; same
/// binary): one small article 24 → 12 MB, `qarin claims` on 22,969 files 57 → 31 MB
/// without stories, 124 → 88 MB with them. The other commands keep eager commit: cold
/// `qarin stories` is 1.09× slower without it (845 vs 777 ms on 6,842 articles, more
/// page faults), and its target is speed. mimalloc reads its options from the
/// environment as the process loads, and Rust's runtime allocates before `main`, so this
/// is set from a constructor, before any allocation, unless
/// `MIMALLOC_ARENA_EAGER_COMMIT` is set. glibc passes the constructor the program's
/// arguments; elsewhere (no arguments passed) every command commits on use.
extern "C" fn allocator_options(
    argc: std::ffi::c_int,
    argv: *const *const std::ffi::c_char,
    _envp: *const *const std::ffi::c_char,
) {
    unsafe extern "C" {
        // mimalloc.h; the library is linked in by the `mimalloc` crate.
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // `mi_option_arena_eager_commit` in mimalloc.h (both mimalloc 2 and 3).
    const ARENA_EAGER_COMMIT: std::ffi::c_int = 4;
    // SAFETY: `getenv` with a NUL-terminated name, before any thread is started;
    // `mi_option_set` only stores the value of a known option.
    unsafe {
        if libc::getenv(c"MIMALLOC_ARENA_EAGER_COMMIT".as_ptr()).is_null()
            && (!cfg!(target_env = "gnu") || first_arg_is_claims(argc, argv))
        {
            mi_option_set(ARENA_EAGER_COMMIT, 0);
        }
    }
}

/// `argv[1]` is `claims`.
///
/// # Safety
/// `argv` holds `argc` valid NUL-terminated strings (what glibc passes a constructor).
unsafe fn first_arg_is_claims(argc: std::ffi::c_int, argv: *const *const std::ffi::c_char) -> bool {
    if argc < 2 || argv.is_null() {
        return false;
    }
    // SAFETY: argc ≥ 2, so argv[1] is a valid NUL-terminated string.
    let first = unsafe { *argv.add(1) };
    !first.is_null() && unsafe { std::ffi::CStr::from_ptr(first) } == c"claims"
}

/// Runs [`allocator_options`] as the process loads, before Rust's runtime allocates
/// and before mimalloc's own constructor reads the environment (ELF `.init_array`
/// entries run in priority order, those without one last). Elsewhere (macOS), mimalloc
/// keeps its default.
#[used]
#[cfg_attr(
    any(target_os = "linux", target_os = "android", target_os = "freebsd"),
    unsafe(link_section = ".init_array.00100")
)]
static ALLOCATOR_OPTIONS: extern "C" fn(
    std::ffi::c_int,
    *const *const std::ffi::c_char,
    *const *const std::ffi::c_char,
) = allocator_options;

/// A terminal reader for right-to-left news that puts the sources' conflicting
/// numeric claims side by side.
///
/// With no subcommand, opens the reader on PATHs (files, directories, `-` for stdin),
/// or on the bundled seed articles when none is given.
#[derive(Parser)]
#[command(
    name = "qarin",
    version,
    args_conflicts_with_subcommands = true,
    after_help = help::MAIN_AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    read: cli::read::Args,
}

#[derive(Subcommand)]
enum Command {
    /// Lay articles out for a terminal: wrapped, bidi-reordered, shaped.
    #[command(after_help = help::RENDER_AFTER_HELP)]
    Render(cli::render::Args),
    /// List the numeric claims of articles and where the sources disagree.
    #[command(after_help = cli::claims::AFTER_HELP)]
    Claims(cli::claims::Args),
    /// List, add, remove and export bookmarks of passages.
    #[command(after_help = help::BOOKMARKS_AFTER_HELP)]
    Bookmarks(cli::bookmarks::Args),
    /// Replay keys through the reader and print the final screen as text.
    #[command(after_help = help::SNAPSHOT_AFTER_HELP)]
    Snapshot(cli::snapshot::Args),
    /// Group articles into stories: one event across outlets, with its conflicts.
    #[command(after_help = cli::stories::AFTER_HELP)]
    Stories(cli::stories::Args),
    /// Print where the config is read, or the default config.
    #[command(after_help = help::CONFIG_AFTER_HELP)]
    Config(cli::config::Args),
    /// Print a shell completion script.
    #[command(after_help = help::COMPLETIONS_AFTER_HELP)]
    Completions(cli::generate::CompletionsArgs),
    /// Print the manual page (roff).
    #[command(after_help = help::MAN_AFTER_HELP)]
    Man,
    /// Download pages and feeds into the cache, for reading now or offline.
    #[command(after_help = help::FETCH_AFTER_HELP)]
    Fetch(cli::fetch::FetchArgs),
    /// Refresh every URL of the feeds file.
    #[command(after_help = help::UPDATE_AFTER_HELP)]
    Update(cli::fetch::UpdateArgs),
}

fn main() -> ExitCode {
    if let Some(code) = mistyped_subcommand() {
        return code;
    }
    let args = Cli::parse();
    let result = match args.command {
        None => cli::read::run(args.read),
        Some(Command::Render(a)) => cli::render::run(a),
        Some(Command::Claims(a)) => cli::claims::run(a),
        Some(Command::Bookmarks(a)) => cli::bookmarks::run(a),
        Some(Command::Snapshot(a)) => cli::snapshot::run(a),
        Some(Command::Stories(a)) => cli::stories::run(a),
        Some(Command::Config(a)) => cli::config::run(a),
        Some(Command::Completions(a)) => cli::generate::completions(Cli::command(), a),
        Some(Command::Man) => cli::generate::man(Cli::command()),
        Some(Command::Fetch(a)) => cli::fetch::run_fetch(a),
        Some(Command::Update(a)) => cli::fetch::run_update(a),
    };
    // Hidden, for tests and measurements: how much of large files was held at once.
    if std::env::var_os("QARIN_WINDOW_STATS").is_some() {
        let s = qarin::corpus::window_stats();
        eprintln!(
            "qarin: window: {} chunks read, peak {} bytes held",
            s.chunks_read, s.peak_bytes
        );
    }
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

/// `qarin claim` would otherwise open the reader on a file named `claim`: when the first
/// argument is no file but close to a subcommand's name, say which one was meant.
fn mistyped_subcommand() -> Option<ExitCode> {
    let first = std::env::args_os().nth(1)?;
    let word = first.to_str()?;
    if word.starts_with('-') || std::path::Path::new(word).exists() {
        return None;
    }
    let cmd = Cli::command();
    let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
    if names.contains(&word) {
        return None;
    }
    let meant = help::suggest(word, &names)?;
    eprintln!(
        "error: unrecognized subcommand '{word}' (and no file of that name)\n\n  \
         tip: a similar subcommand exists: '{meant}'\n\nUsage: qarin {meant} [OPTIONS]\n\n\
         For more information, try 'qarin --help'."
    );
    Some(ExitCode::from(2))
}
