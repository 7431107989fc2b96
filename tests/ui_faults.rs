//! Faults a real terminal brings (issue 16, items 2, 4 and 10), tried in tmux with the
//! real binary: a paste with a newline, a burst of 5,000 keys sent at once, and
//! suspending with SIGTSTP or Ctrl-Z then `fg`. tmux is required (CI installs it): these
//! tests fail without it rather than pass.

mod ui_common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use ui_common::tmux::{QARIN, Tmux};

/// The pid of the qarin the pane's shell runs.
fn qarin_pid(t: &Tmux) -> Option<u32> {
    let shell = t.display("#{pane_pid}");
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).ok()?;
    children.split_whitespace().find_map(|p| {
        let pid: u32 = p.parse().ok()?;
        let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok()?;
        (exe == Path::new(QARIN)).then_some(pid)
    })
}

/// Item 2: a pasted newline is text, never Enter. Pasting "تحقق\nq" into the search
/// prompt used to close the prompt at the newline and then quit on `q`.
#[test]
fn a_paste_with_a_newline_stays_text_in_the_prompt() {
    let t = Tmux::shell("paste", 100, 30);
    t.open_reader();
    t.send(&["/"]);
    t.wait_until("the search prompt", |t| t.capture().contains("matches in"));
    t.paste("abc\nq\r\nd");
    t.wait_until("the pasted text in the prompt", |t| {
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
    t.wait_until("the prompt to close", |t| {
        !t.capture().contains("matches in")
    });
    // Outside a prompt a paste does nothing (no command runs).
    t.paste("qqq\n");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!t.capture().contains("EXIT="), "{}", t.capture());
    t.send(&["q"]);
    t.wait_until("qarin to quit", |t| t.capture().contains("EXIT=0"));
}

/// Item 4: 5,000 `j` then `q` written at once are all read: qarin quits without
/// waiting for another key (it used to stall with ~3 KB unread in `epoll_wait`).
#[test]
fn a_burst_of_keys_is_read_to_the_end() {
    let t = Tmux::shell("burst", 100, 30);
    t.open_reader();
    let mut burst = "j".repeat(5000);
    burst.push('q');
    t.send(&["-l", &burst]);
    t.wait_until("qarin to quit after the burst", |t| {
        t.capture().contains("EXIT=0")
    });
}

fn check_suspend(how: &str) {
    let t = Tmux::shell(how, 100, 30);
    t.open_reader();
    assert_eq!(t.display("#{alternate_on}"), "1");
    let pid = qarin_pid(&t).expect("qarin runs");
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
    t.wait_until("the shell after suspending", |t| {
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
    t.wait_until("the reader after fg", |t| {
        let s = t.capture();
        t.display("#{alternate_on}") == "1" && s.contains("1/5") && s.contains("? help")
    });
    assert_eq!(
        t.display("#{cursor_flag}"),
        "0",
        "cursor shown over the reader"
    );
    t.send(&["Tab"]);
    t.wait_until("Tab after resuming", |t| t.capture().contains("2/5"));
    t.send(&["q"]);
    t.wait_until("qarin to quit", |t| t.capture().contains("AFTER=0"));
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
