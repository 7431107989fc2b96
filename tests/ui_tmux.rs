//! End to end in a real terminal: tmux runs `qarin`, we send keys and read the screen
//! with `capture-pane`, checking what a person would see. Fails when tmux is not installed
//! (`.ci/run` installs it): a missing tool must not pass for a working reader.

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Waits until the screen satisfies `ok`, or fails showing the screen.
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_session_in_tmux() {
    assert!(
        tmux_available(),
        "tmux is not installed: this end-to-end test needs it (.ci/run installs it)"
    );
    let config = tempfile::tempdir().expect("tempdir");
    let tmux = Tmux {
        socket: format!("qarin-ui-test-{}", std::process::id()),
    };
    let command = format!(
        "env XDG_CONFIG_HOME={} NO_COLOR= {}; echo EXIT=$?; sleep 60",
        config.path().display(),
        env!("CARGO_BIN_EXE_qarin")
    );
    let out = tmux.cmd(&[
        "new-session",
        "-d",
        "-x",
        "120",
        "-y",
        "40",
        "-s",
        "t",
        &command,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The reader opens on the first seed: title bar with position, hints at the bottom.
    // Wait for the whole first frame: tmux may be captured while the frame is half drawn.
    let screen = tmux.wait_for("the reader", |s| s.contains("1/5") && s.contains("? help"));
    let first = screen.lines().next().unwrap_or("");
    assert!(first.contains("0% 1/5"), "{first}");
    assert!(screen.contains("? help"), "{screen}");
    // Right-aligned Arabic: text ends at the right margin, not the left.
    let line2 = screen.lines().nth(1).unwrap_or("");
    assert!(
        line2.starts_with("     "),
        "RTL lines are right-aligned: {line2:?}"
    );

    tmux.keys(&["Tab"]);
    tmux.wait_for("the second article", |s| s.contains("2/5"));

    tmux.keys(&["s"]);
    // Panes are separated; waiting for both avoids reading a half-drawn frame.
    tmux.wait_for("compare", |s| s.contains("compare:") && s.contains('│'));

    tmux.keys(&["?"]);
    // The whole overlay, generated from the keymap.
    tmux.wait_for("help", |s| {
        s.contains("help: keys") && s.contains("next_conflict") && s.contains("line_down")
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for("help to close", |s| !s.contains("help: keys"));

    tmux.keys(&["l"]);
    tmux.wait_for("the library", |s| s.contains("library: 5 articles"));
    // The library opens on the current article (the second); two down is the fourth.
    tmux.keys(&["j", "j", "Enter"]);
    tmux.wait_for("the fourth article", |s| s.contains("4/5"));

    tmux.keys(&["G"]);
    tmux.wait_for("the end", |s| {
        s.lines().next().unwrap_or("").contains("End")
    });

    // Shrinking to almost nothing shows a notice; growing back restores the reader.
    tmux.cmd(&["resize-window", "-t", "t", "-x", "15", "-y", "4"]);
    tmux.wait_for("the too-small notice", |s| s.contains("too small"));
    tmux.cmd(&["resize-window", "-t", "t", "-x", "100", "-y", "30"]);
    tmux.wait_for("the reader again", |s| s.contains("4/5"));

    tmux.keys(&["/"]);
    tmux.keys(&["-l", "توكاييف"]);
    tmux.wait_for("the search prompt", |s| {
        s.contains("matches in this article")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("the first match", |s| s.contains("match 1/"));

    tmux.keys(&["q"]);
    let screen = tmux.wait_for("exit", |s| s.contains("EXIT=0"));
    // The alternate screen is gone: the reader's bars no longer show.
    assert!(!screen.contains("? help"), "terminal restored:\n{screen}");
}
