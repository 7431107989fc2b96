//! The terminal is put back however the reader ends: an injected panic, SIGTERM, SIGHUP,
//! SIGINT and Ctrl-C. Checked for real in a tmux pane running a shell (so the pane
//! outlives qarin): afterwards the tty is in cooked mode (`stty -a` shows `icanon` and
//! `echo`), the main screen is back (tmux `alternate_on` is 0, the shell's output shows),
//! the cursor is visible (`cursor_flag`), and qarin's raw output, recorded with
//! `pipe-pane`, switched bidi back to implicit mode (`CSI 8 h`) after `CSI 8 l`.
//!
//! Fails when tmux is not installed (`.ci/run` installs it).

mod ui_common;

use std::path::{Path, PathBuf};
use std::process::Command;

use ui_common::tmux::{QARIN, Tmux};

/// Waits until qarin has drawn its first whole frame: the alternate screen is on and
/// the hint bar, the last line drawn, is on it. From then on the terminal is raw, the
/// signal handlers are in place and the event loop reads keys.
fn wait_for_first_frame(t: &Tmux) {
    t.wait_until("qarin's first frame", |t| {
        t.display("#{alternate_on}") == "1" && t.capture().contains("q quit")
    });
}

/// Where `pipe-pane` records qarin's raw output.
fn raw_log(t: &Tmux) -> PathBuf {
    t.dir().join("raw.log")
}

fn pane_pid(t: &Tmux) -> u32 {
    t.display("#{pane_pid}").parse().expect("pane pid")
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
    let name = format!("{how:?}")
        .to_lowercase()
        .replace(['(', ')', '"'], "");
    let t = Tmux::shell(&name, 100, 30);
    let raw = raw_log(&t);
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
        // The panic comes by itself after the first draw: wait for the status the shell
        // prints after it. (Waiting only for a bare `READY$` last line passed at once
        // when tmux had not yet shown the typed line's echo — a flaky failure under load:
        // "a panic exits with 101", with no EXIT line on the screen.)
        End::Panic => {
            t.wait_for("qarin's exit status", |s| {
                s.lines().any(|l| l.starts_with("EXIT="))
            });
        }
        End::Signal(sig) => {
            wait_for_first_frame(&t);
            let pid = qarin_pid(pane_pid(&t)).expect("qarin runs in the pane");
            let ok = Command::new("kill")
                .args([&format!("-{sig}"), &pid.to_string()])
                .status()
                .expect("kill");
            assert!(ok.success());
        }
        End::CtrlC => {
            // Only once a whole frame is drawn is the key loop certainly reading keys:
            // a C-c sent at the first sign of the alternate screen raced the setup.
            wait_for_first_frame(&t);
            t.send(&["C-c"]);
        }
    }
    // qarin gone and the prompt back. After SIGINT the shell drops the rest of the
    // command line (no EXIT= then), as shells do when a job dies of Ctrl-C.
    let shell = pane_pid(&t);
    t.wait_until("qarin to exit", |t| {
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
    t.wait_until("stty output", |t| {
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
    t.wait_until("CSI 8 h in the raw log", |_| {
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
