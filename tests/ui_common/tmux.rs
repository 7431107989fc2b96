//! The one tmux driver of the end-to-end tests: a tmux server of our own (`-L`, so
//! parallel runs never meet), one pane of a given size, keys in, the screen out with
//! `capture-pane`. tmux is required: a missing tool fails the test, it never passes it.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The reader under test.
pub const QARIN: &str = env!("CARGO_BIN_EXE_qarin");

/// How long to wait for a screen: a debug build on a busy machine.
pub const WAIT: Duration = Duration::from_secs(30);

/// A private tmux server with one pane (target `0`), and a temporary directory that the
/// pane's config and data dirs (`XDG_CONFIG_HOME`, `QARIN_DATA_DIR`) point to.
pub struct Tmux {
    pub socket: String,
    pub dir: tempfile::TempDir,
}

impl Tmux {
    /// A `cols`×`rows` pane running `sh` with the prompt `READY$ `.
    pub fn shell(name: &str, cols: u16, rows: u16) -> Tmux {
        let t = Tmux::new(name, cols, rows, &["sh"]);
        t.wait_for("the shell", |s| !s.trim().is_empty());
        t.type_line("PS1='READY$ '");
        t.wait_for("shell prompt", |s| s.contains("READY$"));
        t
    }

    /// A `cols`×`rows` pane running `sh -c script`.
    pub fn script(name: &str, cols: u16, rows: u16, script: &str) -> Tmux {
        Tmux::new(name, cols, rows, &["sh", "-c", script])
    }

    fn new(name: &str, cols: u16, rows: u16, command: &[&str]) -> Tmux {
        assert!(
            Command::new("tmux")
                .arg("-V")
                .output()
                .is_ok_and(|o| o.status.success()),
            "tmux is not installed: the end-to-end tests need it (.ci/run installs it)"
        );
        let t = Tmux {
            socket: format!("qarin-{name}-{}", std::process::id()),
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let env = [
            format!("-eXDG_CONFIG_HOME={}", t.dir.path().display()),
            format!("-eQARIN_DATA_DIR={}", t.dir.path().display()),
            "-eTERM=xterm-256color".to_owned(),
        ];
        let (c, r) = (cols.to_string(), rows.to_string());
        let mut args = vec!["-f", "/dev/null", "new-session", "-d", "-x", &c, "-y", &r];
        args.extend(env.iter().map(String::as_str));
        args.extend(command);
        let out = t.tmux(&args);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        t
    }

    /// The config and data directory of the pane.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Runs a tmux command on this server.
    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// The pane as text, one line per row.
    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    /// A tmux format (`#{pane_pid}`) of the pane.
    pub fn display(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "0", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Sends keys as `tmux send-keys` names them (`Enter`, `C-l`, `-l text`).
    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend(keys);
        assert!(self.tmux(&args).status.success(), "send-keys {keys:?}");
    }

    /// Types `line` literally, then Enter.
    pub fn type_line(&self, line: &str) {
        self.send(&["-l", line]);
        self.send(&["Enter"]);
    }

    /// Waits until the screen satisfies `ok` and returns it; fails showing the screen.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_for_within(what, WAIT, ok)
    }

    /// [`Tmux::wait_for`] with a time limit of its own (long work in a debug build).
    pub fn wait_for_within(
        &self,
        what: &str,
        limit: Duration,
        ok: impl Fn(&str) -> bool,
    ) -> String {
        let mut screen = String::new();
        self.wait_until_within(what, limit, |t| {
            screen = t.capture();
            ok(&screen)
        });
        screen
    }

    /// Waits until `ok` holds of the terminal (its screen, its `display` flags); fails
    /// showing the screen.
    pub fn wait_until(&self, what: &str, ok: impl FnMut(&Tmux) -> bool) {
        self.wait_until_within(what, WAIT, ok)
    }

    fn wait_until_within(&self, what: &str, limit: Duration, mut ok: impl FnMut(&Tmux) -> bool) {
        let start = Instant::now();
        while !ok(self) {
            assert!(
                start.elapsed() < limit,
                "timed out waiting for {what}; screen:\n{}",
                self.capture()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts the reader on the seeds from the shell and waits for its first frame.
    pub fn open_reader(&self) {
        self.type_line(&format!("{QARIN}; echo EXIT=$?"));
        self.wait_for("the reader", |s| s.contains("1/5") && s.contains("? help"));
    }

    /// Pastes `text` as a terminal does (bracketed when the application asked for it).
    pub fn paste(&self, text: &str) {
        let set = self.tmux(&["set-buffer", "-b", "p", "--", text]);
        assert!(set.status.success(), "{set:?}");
        let paste = self.tmux(&["paste-buffer", "-p", "-r", "-b", "p", "-t", "0"]);
        assert!(paste.status.success(), "{paste:?}");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}
