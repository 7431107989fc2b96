//! `qarin claims --stories off` on a folder keeps nothing of an article in memory once
//! it is read, nor of a file while it walks the folder (docs/safety.md, "A folder"):
//! what one more article costs at the peak is a few bytes (what its group holds of a
//! source, ~80 bytes, when it shares a group with every other), not the ~400 bytes of
//! the lists of records and kept claims there were (~500 bytes with this folder), nor
//! the ~230 bytes of the walk's sorted listing and the loader's list of files and map
//! of files read (measured with this folder before `corpus::extsort`). Measured as the
//! peak resident memory of the process (`wait4`), at two folder sizes. The files are
//! all in one folder: the walk's listing of a folder was the largest part left.

use std::path::Path;
use std::process::{Command, Stdio};

const QARIN: &str = env!("CARGO_BIN_EXE_qarin");

/// A folder of `n` short articles: each gives a toll of its own group key (its year and
/// its topic vary) and one shared by all, so groups grow with the folder as in news.
fn folder(root: &Path, n: usize) {
    let topics = ["قتل", "أصيب", "اعتقل"];
    for i in 0..n {
        let text = format!(
            "خبر رقم {i}\n\n{} {} شخصا في عام {} وقتل {} آخرون في المدينة.\n",
            topics[i % 3],
            10 + i % 50,
            1900 + i % 120,
            5 + i % 7
        );
        std::fs::create_dir_all(root).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join(format!("{i:06}_a.txt")), text).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Peak resident memory (bytes) of `qarin claims --format FORMAT --stories off DIR`,
/// its output read and dropped.
#[allow(
    clippy::zombie_processes,
    reason = "waited for with wait4, which also gives its peak memory"
)]
fn peak(dir: &Path, format: &str) -> u64 {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(QARIN)
        .args(["claims", "--format", format, "--stories", "off"])
        .arg(dir)
        .env("XDG_CONFIG_HOME", home.path())
        .env("QARIN_DATA_DIR", home.path())
        .env_remove("QARIN_SENTENCES_IN_MEMORY")
        .env_remove("MIMALLOC_ARENA_EAGER_COMMIT")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("qarin: {e}"));
    let mut out = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let bytes = std::io::copy(&mut out, &mut std::io::sink()).unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes > 0);
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data written by the kernel; the child is ours and not
    // waited for elsewhere (std's `Child` is dropped without waiting).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4: {}", std::io::Error::last_os_error());
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
    // Kilobytes on Linux.
    usage.ru_maxrss as u64 * 1024
}

#[test]
fn one_more_article_costs_a_few_bytes_at_the_peak() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (small, large) = (1_000, 9_000);
    folder(&tmp.path().join("small"), small);
    folder(&tmp.path().join("large"), large);
    for format in ["jsonl", "csv"] {
        let a = peak(&tmp.path().join("small"), format);
        let b = peak(&tmp.path().join("large"), format);
        let per_article = b.saturating_sub(a) / (large - small) as u64;
        // ~30 bytes measured; ~230 before the walk and the file list were sorted and
        // kept out of memory (corpus::extsort), ~500 before the articles' table
        // (cli::claim_articles).
        assert!(
            per_article < 100,
            "{format}: peak {a} bytes at {small} files, {b} at {large}: {per_article} bytes an article"
        );
    }
}
