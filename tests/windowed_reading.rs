//! A large article is read through a window, never held whole: `render`, `claims`,
//! `snapshot` and the reader's search (`/`) stream a lazily read file a chunk at a time.
//! The window is lowered with the hidden `QARIN_WINDOW` knob so a 1 MB file takes the
//! path a 1 GB one takes by default; `QARIN_WINDOW_STATS` makes qarin say how many chunks
//! it read and the most chunk bytes it held at once. Each command's output must equal
//! the output of the same command reading the file in memory (no knob: 1 MB is under
//! the default lazy threshold), and the bytes held must stay under 3× the largest
//! paragraph plus a fixed window, not grow with the file.

use std::path::Path;
use std::process::{Command, Output};

const QARIN: &str = env!("CARGO_BIN_EXE_qarin");
const WINDOW: usize = 16 << 10;

/// About 1 MB of news text: the seed articles' paragraphs over and over, numbered so no
/// two are alike, a rare word to search for now and then, and one 40 kB paragraph.
fn article() -> (String, usize) {
    let seeds = qarin::corpus::seeds();
    let paras: Vec<String> = seeds
        .iter()
        .flat_map(|a| {
            a.paragraphs
                .iter()
                .skip(1)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut text = String::from("مقال طويل جدا للاختبار\n");
    let mut i = 0;
    while text.len() < 1 << 20 {
        let p = &paras[i % paras.len()];
        text.push_str(&format!("{p} ({i})"));
        if i % 97 == 0 {
            text.push_str(" zqx");
        }
        text.push('\n');
        if i == 300 {
            let long = "قالت الوزارة إن 1200 جندي وصلوا إلى المدينة، ".repeat(500);
            text.push_str(&long);
            text.push('\n');
        }
        i += 1;
    }
    let largest = text.lines().map(str::len).max().unwrap_or(0);
    (text, largest)
}

fn run(args: &[&str], file: &Path, data: &Path, window: bool) -> Output {
    let mut cmd = Command::new(QARIN);
    cmd.args(args)
        .arg(file)
        .env("QARIN_DATA_DIR", data)
        .env("XDG_CONFIG_HOME", data)
        .env("QARIN_WINDOW_STATS", "1")
        .env_remove("QARIN_WINDOW");
    if window {
        cmd.env("QARIN_WINDOW", WINDOW.to_string());
    }
    cmd.output().expect("qarin runs")
}

/// (chunks read, peak bytes held) from the stats line on stderr.
fn stats(out: &Output) -> (usize, usize) {
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find_map(|l| l.strip_prefix("qarin: window: "))
        .unwrap_or_else(|| panic!("no window stats in stderr:\n{err}"));
    let nums: Vec<usize> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(nums.len(), 2, "{line}");
    (nums[0], nums[1])
}

#[test]
fn large_files_stream_through_a_window_and_print_what_memory_prints() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.txt");
    let (text, largest) = article();
    std::fs::write(&file, &text).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let chunks = text.len() / WINDOW;
    let bound = 3 * largest + 4 * WINDOW;
    let commands: [&[&str]; 5] = [
        &["render", "--width", "70"],
        &["claims", "--format", "json", "--all"],
        &["claims", "--format", "table", "--width", "100"],
        &["snapshot", "--size", "90x20", "--keys", "G"],
        &["snapshot", "--size", "90x20", "--keys", "/ z q x Enter n n"],
    ];
    for args in commands {
        let memory = run(args, &file, &data, false);
        let windowed = run(args, &file, &data, true);
        assert!(memory.status.success(), "{args:?}: {memory:?}");
        assert!(windowed.status.success(), "{args:?}: {windowed:?}");
        assert_eq!(
            stats(&memory).0,
            0,
            "{args:?}: read in memory without the knob"
        );
        assert!(
            windowed.stdout == memory.stdout,
            "{args:?}: the windowed output differs from the in-memory one"
        );
        let (read, peak) = stats(&windowed);
        // Passes over the whole article read every chunk; the snapshot of the last
        // screen reads only what it shows.
        let whole = !(args[0] == "snapshot" && args.contains(&"G"));
        if whole {
            assert!(
                read >= chunks / 2,
                "{args:?}: {read} chunks read of {chunks}"
            );
        }
        assert!(
            peak <= bound,
            "{args:?}: {peak} bytes held at once, bound {bound} (largest paragraph {largest})"
        );
        assert!(
            peak < text.len() / 4,
            "{args:?}: {peak} of {} bytes",
            text.len()
        );
    }
    // The search found its matches in the streamed text.
    let found = run(
        &["snapshot", "--size", "90x20", "--keys", "/ z q x Enter"],
        &file,
        &data,
        true,
    );
    let screen = String::from_utf8_lossy(&found.stdout);
    assert!(screen.contains("zqx"), "{screen}");
    assert!(screen.contains("match 1/"), "{screen}");
}

/// `claims` moves the claims' sentences out of memory (to a temporary file past a bound,
/// lowered here to nothing) while it reads and groups, and puts them back as it writes:
/// every format prints what it prints with the sentences kept in memory, for one large
/// file read through the window and for a folder of articles compared per story.
#[test]
fn claims_with_their_sentences_in_a_temporary_file_print_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.txt");
    let (text, _) = article();
    std::fs::write(&file, &text).unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir_all(&folder).unwrap();
    for (i, part) in text
        .split_inclusive('\n')
        .take(400)
        .collect::<Vec<_>>()
        .chunks(40)
        .enumerate()
    {
        std::fs::write(folder.join(format!("{i:03}_a.txt")), part.concat()).unwrap();
    }
    let data = dir.path().join("data");
    for input in [&file, &folder] {
        for format in ["jsonl", "csv", "json", "table", "markdown"] {
            let run = |spill: bool| {
                let mut cmd = Command::new(QARIN);
                cmd.args(["claims", "--format", format, "--width", "100"])
                    .arg(input)
                    .env("QARIN_DATA_DIR", &data)
                    .env("XDG_CONFIG_HOME", &data)
                    .env("XDG_CACHE_HOME", &data)
                    .env("QARIN_WINDOW", WINDOW.to_string());
                if spill {
                    cmd.env("QARIN_SENTENCES_IN_MEMORY", "0");
                }
                cmd.output().expect("qarin runs")
            };
            let (memory, spilled) = (run(false), run(true));
            assert!(memory.status.success(), "{format}: {memory:?}");
            assert!(spilled.status.success(), "{format}: {spilled:?}");
            assert!(
                memory.stdout == spilled.stdout,
                "{format} of {}: output differs with the sentences in a file",
                input.display()
            );
            if format == "jsonl" {
                let out = String::from_utf8_lossy(&spilled.stdout);
                let sentences = out
                    .lines()
                    .filter(|l| l.contains("\"type\":\"claim\""))
                    .filter(|l| !l.contains("\"sentence\":\"\""))
                    .count();
                assert!(sentences > 50, "claims with their sentences: {sentences}");
            }
        }
    }
}
