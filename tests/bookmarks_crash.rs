//! A writer killed with SIGKILL at random moments never leaves a broken file and never
//! loses a bookmark whose `add` had reported success.
//!
//! Set QARIN_CRASH_SEED to replay a run; the seed in use is printed on failure.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use qarin::bookmarks::Store;

const KILLS: usize = 250;

/// xorshift64*: enough randomness for kill timing, without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn add_command(data: &Path, article: &Path, i: usize) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_qarin"));
    c.env("QARIN_DATA_DIR", data)
        .args(["bookmarks", "add"])
        .arg(article)
        .args(["--paragraph", "5", "--note", &format!("run {i}")])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    c
}

#[test]
fn sigkill_at_random_moments_never_corrupts_or_loses_a_confirmed_add() {
    let seed = std::env::var("QARIN_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    let mut rng = Rng(seed);
    let data = tempfile::tempdir().unwrap();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_c88c08537d50a92a.txt");
    let store = Store::in_dir(data.path());

    // Kill moments are spread over a little more than a whole uninterrupted add, so they
    // land in start-up, reading, writing the temporary, fsync, rename and exit alike.
    let timed = Instant::now();
    for i in 0..3 {
        let s = add_command(data.path(), &article, i)
            .status()
            .expect("spawn");
        assert!(s.success());
    }
    let span = (timed.elapsed() / 3).as_micros().max(1000) as u64 * 3 / 2;

    let mut confirmed = BTreeSet::from([1, 2, 3]);
    let (mut killed, mut finished, mut mid_write) = (0, 0, 0);
    let mut strays = BTreeSet::new();
    for i in 3..3 + KILLS {
        let mut child = add_command(data.path(), &article, i)
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.next() % span));
        let _ = child.kill(); // SIGKILL on Unix; fails only if it already exited
        let out = child.wait_with_output().expect("wait");
        if out.status.success() {
            finished += 1;
            let id: u64 = String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("seed {seed}: success without an id"));
            confirmed.insert(id);
        } else {
            killed += 1;
            // A new temporary left behind: this kill landed between creating it and the rename.
            let now = temporaries(data.path());
            mid_write += usize::from(!now.is_subset(&strays));
            strays = now;
        }
        let file = store
            .load()
            .unwrap_or_else(|e| panic!("seed {seed}, kill {i}: {e}"));
        let ids: BTreeSet<u64> = file.bookmarks.iter().map(|b| b.id).collect();
        assert_eq!(
            ids.len(),
            file.bookmarks.len(),
            "seed {seed}: duplicate ids"
        );
        let lost: Vec<_> = confirmed.difference(&ids).collect();
        assert!(lost.is_empty(), "seed {seed}, kill {i}: lost {lost:?}");
    }
    // Both outcomes happened, so kills really did interrupt writers part-way.
    assert!(
        killed >= 20 && finished >= 1,
        "seed {seed}: {killed} killed, {finished} finished"
    );

    // The next writer cleans up temporaries left by killed ones.
    assert!(
        add_command(data.path(), &article, 0)
            .status()
            .unwrap()
            .success()
    );
    assert_eq!(temporaries(data.path()), BTreeSet::new());
    eprintln!(
        "seed {seed}: {killed} killed ({mid_write} while writing), {finished} finished in {KILLS} runs"
    );
}

fn temporaries(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}
