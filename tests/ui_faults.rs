//! Faults a real terminal brings (issue 16, items 2, 4 and 10), tried in tmux with the
//! real binary: a paste with a newline, a burst of 5,000 keys sent at once, and
//! suspending with SIGTSTP or Ctrl-Z then `fg`. tmux is required (CI installs it): these
//! tests fail without it rather than pass.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const QARIN: &str = env!("CARGO_BIN_EXE_qarin");
/// How long to wait for a screen: a debug build on a busy machine.
const WAIT: Duration = Duration::from_secs(20);

/// A tmux server of our own with one 100×30 pane running `sh`, a config and data dir
/// of our own.
struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    fn start(name: &str) -> Tmux {
        assert!(
            Command::new("tmux")
                .arg("-V")
                .output()
                .is_ok_and(|o| o.status.success()),
            "tmux is required for this test"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let t = Tmux {
            socket: format!("qarin-faults-{name}-{}", std::process::id()),
            dir,
        };
        let env = [
            format!("-eXDG_CONFIG_HOME={}", t.dir.path().display()),
            format!("-eQARIN_DATA_DIR={}", t.dir.path().display()),
            "-eTERM=xterm-256color".to_owned(),
        ];
        let mut cmd = vec![
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
        ];
        cmd.extend(env.iter().map(String::as_str));
        cmd.push("sh");
        let out = t.tmux(&cmd);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        t.wait_for("the shell", |t| !t.capture().trim().is_empty());
        t.type_line("PS1='READY$ '");
        t.wait_for("shell prompt", |t| t.capture().contains("READY$"));
        t
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    fn display(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "0", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend(keys);
        assert!(self.tmux(&args).status.success());
    }

    fn type_line(&self, line: &str) {
        self.send(&["-l", line]);
        self.send(&["Enter"]);
    }

    fn wait_for(&self, what: &str, ok: impl Fn(&Tmux) -> bool) {
        let start = Instant::now();
        while !ok(self) {
            if start.elapsed() > WAIT {
                panic!("timed out waiting for {what}; screen:\n{}", self.capture());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts the reader on the seeds and waits for its first full frame.
    fn open_reader(&self) {
        self.type_line(&format!("{QARIN}; echo EXIT=$?"));
        self.wait_for("the reader", |t| {
            let s = t.capture();
            s.contains("1/5") && s.contains("? help")
        });
    }

    fn qarin_pid(&self) -> Option<u32> {
        let shell = self.display("#{pane_pid}");
        let children =
            std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).ok()?;
        children.split_whitespace().find_map(|p| {
            let pid: u32 = p.parse().ok()?;
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok()?;
            (exe == Path::new(QARIN)).then_some(pid)
        })
    }

    /// Pastes `text` as a terminal does when the application asked for bracketed paste
    /// (and as raw typing when it did not).
    fn paste(&self, text: &str) {
        assert!(
            self.tmux(&["set-buffer", "-b", "p", "--", text])
                .status
                .success()
        );
        assert!(
            self.tmux(&["paste-buffer", "-p", "-r", "-b", "p", "-t", "0"])
                .status
                .success()
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// Item 2: a pasted newline is text, never Enter. Pasting "تحقق\nq" into the search
/// prompt used to close the prompt at the newline and then quit on `q`.
#[test]
fn a_paste_with_a_newline_stays_text_in_the_prompt() {
    let t = Tmux::start("paste");
    t.open_reader();
    t.send(&["/"]);
    t.wait_for("the search prompt", |t| t.capture().contains("matches in"));
    t.paste("abc\nq\r\nd");
    t.wait_for("the pasted text in the prompt", |t| {
        t.capture().contains("abc q d")
    });
    std::thread::sleep(Duration::from_millis(300));
    let screen = t.capture();
    assert!(
        !screen.contains("EXIT="),
        "the paste ran commands:\n{screen}"
    );
    assert!(screen.contains("0 matches"), "{screen}");
    // Still the prompt: Escape cancels it, q quits.
    t.send(&["Escape"]);
    t.wait_for("the prompt to close", |t| {
        !t.capture().contains("matches in")
    });
    // Outside a prompt a paste does nothing (no command runs).
    t.paste("qqq\n");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!t.capture().contains("EXIT="), "{}", t.capture());
    t.send(&["q"]);
    t.wait_for("qarin to quit", |t| t.capture().contains("EXIT=0"));
}

/// Item 4: 5,000 `j` then `q` written at once are all read: qarin quits without
/// waiting for another key (it used to stall with ~3 KB unread in `epoll_wait`).
#[test]
fn a_burst_of_keys_is_read_to_the_end() {
    let t = Tmux::start("burst");
    t.open_reader();
    let mut burst = "j".repeat(5000);
    burst.push('q');
    t.send(&["-l", &burst]);
    t.wait_for("qarin to quit after the burst", |t| {
        t.capture().contains("EXIT=0")
    });
}

fn check_suspend(how: &str) {
    let t = Tmux::start(how);
    t.open_reader();
    assert_eq!(t.display("#{alternate_on}"), "1");
    let pid = t.qarin_pid().expect("qarin runs");
    match how {
        "sigtstp" => {
            let ok = Command::new("kill")
                .args(["-TSTP", &pid.to_string()])
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok);
        }
        _ => t.send(&["C-z"]),
    }
    // Suspended: the shell is back on the main screen, cursor shown, mouse off.
    t.wait_for("the shell after suspending", |t| {
        t.display("#{alternate_on}") == "0" && t.capture().contains("READY$")
    });
    assert_eq!(t.display("#{cursor_flag}"), "1", "cursor hidden");
    assert_eq!(
        t.display("#{mouse_any_flag}"),
        "0",
        "mouse reporting left on"
    );
    assert_eq!(
        t.display("#{mouse_all_flag}"),
        "0",
        "mouse reporting left on"
    );
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    assert!(stat.contains(") T "), "qarin is not stopped: {stat}");
    // `fg`: the reader comes back drawn, in raw mode (keys work at once). The shell
    // already ran the `echo` after qarin stopped; `fg` gets its own.
    t.type_line("fg; echo AFTER=$?");
    t.wait_for("the reader after fg", |t| {
        let s = t.capture();
        t.display("#{alternate_on}") == "1" && s.contains("1/5") && s.contains("? help")
    });
    assert_eq!(
        t.display("#{cursor_flag}"),
        "0",
        "cursor shown over the reader"
    );
    t.send(&["Tab"]);
    t.wait_for("Tab after resuming", |t| t.capture().contains("2/5"));
    t.send(&["q"]);
    t.wait_for("qarin to quit", |t| t.capture().contains("AFTER=0"));
    assert_eq!(t.display("#{alternate_on}"), "0");
}

/// Item 10: `kill -TSTP` restores the terminal; `fg` re-enters and redraws.
#[test]
fn sigtstp_restores_the_terminal_and_fg_redraws() {
    check_suspend("sigtstp");
}

/// Ctrl-Z suspends like in other terminal programs (raw mode makes it a key).
#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    check_suspend("ctrl-z");
}
