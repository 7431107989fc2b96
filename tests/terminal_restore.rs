//! The terminal is put back however the reader ends: an injected panic, SIGTERM, SIGHUP,
//! SIGINT and Ctrl-C. Checked for real in a tmux pane running a shell (so the pane
//! outlives qarin): afterwards the tty is in cooked mode (`stty -a` shows `icanon` and
//! `echo`), the main screen is back (tmux `alternate_on` is 0, the shell's output shows),
//! the cursor is visible (`cursor_flag`), and qarin's raw output, recorded with
//! `pipe-pane`, switched bidi back to implicit mode (`CSI 8 h`) after `CSI 8 l`.
//!
//! Fails when tmux is not installed (`.ci/run` installs it).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const QARIN: &str = env!("CARGO_BIN_EXE_qarin");
/// How long to wait for a screen or a prompt: a debug build on a busy machine.
const WAIT: Duration = Duration::from_secs(20);

/// A tmux server of our own (its own socket) with one 100×30 pane running `sh`.
struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    fn start(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            panic!(
                "tmux is not installed: the terminal restore tests need it (.ci/run installs it)"
            );
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let socket = format!("qarin-{name}-{}", std::process::id());
        let t = Tmux { socket, dir };
        // A plain shell with a known prompt, and a config and data dir of our own.
        let env = [
            format!("XDG_CONFIG_HOME={}", t.dir.path().display()),
            format!("QARIN_DATA_DIR={}", t.dir.path().display()),
            "TERM=xterm-256color".to_owned(),
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
        let env_args: Vec<String> = env.iter().map(|e| format!("-e{e}")).collect();
        cmd.extend(env_args.iter().map(String::as_str));
        cmd.extend(["sh"]);
        let out = t.tmux(&cmd);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        // dash sets its own prompt for root whatever the environment says.
        t.wait_for("the shell", |t| !t.capture().trim().is_empty());
        t.type_line("PS1='READY$ '");
        t.wait_for("shell prompt", |t| t.capture().contains("READY$"));
        Some(t)
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
        String::from_utf8_lossy(
            &self
                .tmux(&["display-message", "-p", "-t", "0", format])
                .stdout,
        )
        .trim()
        .to_owned()
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

    /// Waits until qarin has drawn its first whole frame: the alternate screen is on and
    /// the hint bar, the last line drawn, is on it. From then on the terminal is raw, the
    /// signal handlers are in place and the event loop reads keys.
    fn wait_for_first_frame(&self) {
        self.wait_for("qarin's first frame", |t| {
            t.display("#{alternate_on}") == "1" && t.capture().contains("q quit")
        });
    }

    fn raw_log(&self) -> PathBuf {
        self.dir.path().join("raw.log")
    }

    fn pane_pid(&self) -> u32 {
        self.display("#{pane_pid}").parse().expect("pane pid")
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// The pid of qarin: the child of the pane's shell.
fn qarin_pid(shell: u32) -> Option<u32> {
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).ok()?;
    children.split_whitespace().find_map(|p| {
        let pid: u32 = p.parse().ok()?;
        let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok()?;
        (exe == Path::new(QARIN)).then_some(pid)
    })
}

/// How qarin is made to stop.
#[derive(Debug, Clone, Copy)]
enum End {
    Panic,
    Signal(&'static str),
    CtrlC,
}

/// Starts qarin in the pane, ends it as `how`, and checks the terminal is restored.
fn check_restored(how: End) {
    let Some(t) = Tmux::start(
        &format!("{how:?}")
            .to_lowercase()
            .replace(['(', ')', '"'], ""),
    ) else {
        return;
    };
    let raw = t.raw_log();
    let pipe = format!("cat >> '{}'", raw.display());
    assert!(
        t.tmux(&["pipe-pane", "-o", "-t", "0", &pipe])
            .status
            .success()
    );
    let env = match how {
        End::Panic => "QARIN_TEST_PANIC=after-draw ",
        _ => "",
    };
    // `EX""IT`, `ST""TY`: a typed line must not match what its output is awaited by.
    t.type_line(&format!("{env}{QARIN}; echo \"EX\"\"IT=$?\""));
    match how {
        // The panic comes by itself after the first draw.
        End::Panic => {}
        End::Signal(sig) => {
            t.wait_for_first_frame();
            let pid = qarin_pid(t.pane_pid()).expect("qarin runs in the pane");
            let ok = Command::new("kill")
                .args([&format!("-{sig}"), &pid.to_string()])
                .status()
                .expect("kill");
            assert!(ok.success());
        }
        End::CtrlC => {
            // Only once a whole frame is drawn is the key loop certainly reading keys:
            // a C-c sent at the first sign of the alternate screen raced the setup.
            t.wait_for_first_frame();
            t.send(&["C-c"]);
        }
    }
    // qarin gone and the prompt back. After SIGINT the shell drops the rest of the
    // command line (no EXIT= then), as shells do when a job dies of Ctrl-C.
    let shell = t.pane_pid();
    t.wait_for("qarin to exit", |t| {
        let screen = t.capture();
        let last = screen.lines().rev().find(|l| !l.trim().is_empty());
        qarin_pid(shell).is_none() && last.is_some_and(|l| l.trim_end() == "READY$")
    });
    let screen = t.capture();
    assert_eq!(
        t.display("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(t.display("#{cursor_flag}"), "1", "cursor hidden");
    assert_eq!(
        t.display("#{mouse_any_flag}"),
        "0",
        "mouse reporting left on"
    );
    assert!(
        screen.contains("READY$"),
        "shell prompt not visible:\n{screen}"
    );
    let code = screen
        .lines()
        .find_map(|l| l.strip_prefix("EXIT="))
        .map(|c| c.trim().to_owned())
        .unwrap_or_default();
    match how {
        End::Panic => {
            assert_eq!(code, "101", "a panic exits with 101:\n{screen}");
            assert!(
                screen.contains("QARIN_TEST_PANIC"),
                "panic message not shown:\n{screen}"
            );
        }
        End::CtrlC => assert_eq!(code, "0", "Ctrl-C quits cleanly:\n{screen}"),
        // Dies of the signal itself once the terminal is restored: status 128 + number.
        End::Signal(sig) => {
            let status = match sig {
                "HUP" => "129",
                "INT" => "130",
                _ => "143",
            };
            assert!(
                code == status || (sig == "INT" && code.is_empty()),
                "SIG{sig}: exit status {code:?}, expected {status}:\n{screen}"
            );
        }
    }

    // Cooked mode: canonical input and echo back on.
    t.type_line(
        "stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo ST\"\"TY",
    );
    t.wait_for("stty output", |t| {
        t.capture().lines().any(|l| l.trim_end().ends_with("STTY"))
    });
    let screen = t.capture();
    let stty = screen
        .lines()
        .rev()
        .find(|l| l.contains("icanon") && l.trim_end().ends_with("STTY"))
        .unwrap_or_else(|| panic!("no stty line:\n{screen}"));
    let flags: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        flags.contains(&"icanon") && flags.contains(&"echo"),
        "tty not restored: {stty}"
    );

    // The raw bytes: bidi mode switched to explicit on start and back on exit. The
    // `pipe-pane` reader writes the log on its own time: wait for what it must hold.
    t.wait_for("CSI 8 h in the raw log", |_| {
        std::fs::read(&raw).is_ok_and(|b| rfind(&b, b"\x1b[8h").is_some())
    });
    let _ = t.tmux(&["pipe-pane", "-t", "0"]);
    let bytes = std::fs::read(&raw).expect("raw log");
    let explicit = find(&bytes, b"\x1b[8l").expect("CSI 8 l sent on start");
    let implicit = rfind(&bytes, b"\x1b[8h").expect("CSI 8 h sent on exit");
    assert!(implicit > explicit, "CSI 8 h before CSI 8 l");
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn restored_after_injected_panic() {
    check_restored(End::Panic);
}

#[test]
fn restored_after_sigterm() {
    check_restored(End::Signal("TERM"));
}

#[test]
fn restored_after_sighup() {
    check_restored(End::Signal("HUP"));
}

#[test]
fn restored_after_sigint() {
    check_restored(End::Signal("INT"));
}

#[test]
fn restored_after_ctrl_c() {
    check_restored(End::CtrlC);
}
