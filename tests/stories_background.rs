//! A folder opened in the reader is read and grouped on a worker thread: the library
//! shows the progress at once and answers keys meanwhile, then fills in. The grouping is
//! held (QARIN_TEST_HOLD_GROUPING) until the test lets it go, so "meanwhile" is certain.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const CORPUS: &str = "tests/data/stories";

struct Tmux(String);

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.0])
            .args(args)
            .output()
            .expect("tmux runs")
    }
    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.capture();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }
    /// Starts `qarin CORPUS` in a 100x16 window, grouping held until `hold` exists.
    fn start(name: &str, dir: &Path, corpus: &Path, hold: &Path) -> Tmux {
        let ok = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(ok, "tmux is not installed: this end-to-end test needs it");
        let tmux = Tmux(format!("st-{name}-{}", std::process::id()));
        let command = format!(
            "cd {} && env QARIN_TEST_HOLD_GROUPING={h} QARIN_CACHE_DIR={c} QARIN_DATA_DIR={dd} XDG_STATE_HOME={dd} XDG_CONFIG_HOME={dd} NO_COLOR= {} {corpus}; echo EXIT=$?; sleep 60",
            env!("CARGO_MANIFEST_DIR"),
            env!("CARGO_BIN_EXE_qarin"),
            h = hold.display(),
            c = dir.join("cache").display(),
            dd = dir.join("data").display(),
            corpus = corpus.display(),
        );
        let out = tmux.cmd(&[
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "16",
            "-s",
            "t",
            &command,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

#[test]
fn keys_are_answered_while_the_folder_is_grouped() {
    let d = tempfile::tempdir().unwrap();
    let hold = d.path().join("go");
    let tmux = Tmux::start("keys", d.path(), Path::new(CORPUS), &hold);
    // The first screen comes before the grouping: the library with its progress.
    let s = tmux.wait_for("the progress", |s| {
        s.contains("grouping the corpus: reading 0 of 10 articles")
    });
    assert!(s.contains("stories: 0 listed"), "{s}");
    // Keys work meanwhile: the help opens and closes, the sort changes.
    tmux.keys(&["?"]);
    let s = tmux.wait_for("the help", |s| s.contains("help: keys"));
    assert!(s.contains("grouping the corpus"), "{s}");
    tmux.keys(&["Escape"]);
    tmux.keys(&["o"]);
    let s = tmux.wait_for("the sort", |s| s.contains("most outlets first"));
    assert!(s.contains("grouping the corpus: reading 0 of 10"), "{s}");
    // Let it go: the library fills in, sorted as chosen meanwhile.
    std::fs::write(&hold, "").unwrap();
    let s = tmux.wait_for("the stories", |s| s.contains("stories: 3 listed"));
    assert!(s.contains("most outlets first"), "{s}");
    assert!(!s.contains("grouping the corpus"), "{s}");
    // And a story opens.
    tmux.keys(&["Enter"]);
    tmux.wait_for("a story's first article", |s| s.contains("1/3"));
    tmux.keys(&["q"]);
    tmux.wait_for("exit", |s| s.contains("EXIT=0"));
}

#[test]
fn a_file_that_cannot_be_read_quits_with_its_name_and_a_failure_status() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    for o in ["alpha", "beta"] {
        std::fs::create_dir_all(corpus.join(o)).unwrap();
    }
    for i in 0..6 {
        let f = corpus
            .join(["alpha", "beta"][i % 2])
            .join(format!("{i}.txt"));
        std::fs::write(f, format!("عنوان {i}\nنص الخبر رقم {i}.\n")).unwrap();
    }
    // Binary: a NUL byte.
    std::fs::write(corpus.join("beta/bad.txt"), b"title\n\0\0\x01 binary\n").unwrap();
    let hold = d.path().join("go");
    std::fs::write(&hold, "").unwrap();
    let tmux = Tmux::start("bad", d.path(), &corpus, &hold);
    let s = tmux.wait_for("the exit", |s| s.contains("EXIT="));
    assert!(!s.contains("EXIT=0"), "{s}");
    assert!(s.contains("bad.txt"), "the file is named:\n{s}");
}
