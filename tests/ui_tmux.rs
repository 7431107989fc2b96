//! End to end in a real terminal: tmux runs `qarin`, we send keys and read the screen
//! with `capture-pane`, checking what a person would see. Fails when tmux is not installed
//! (`.ci/run` installs it): a missing tool must not pass for a working reader.

mod ui_common;

use ui_common::tmux::{QARIN, Tmux};

#[test]
fn a_session_in_tmux() {
    let command = format!("env NO_COLOR= {QARIN}; echo EXIT=$?; sleep 60");
    let tmux = Tmux::script("ui-test", 120, 40, &command);

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

    tmux.send(&["Tab"]);
    tmux.wait_for("the second article", |s| s.contains("2/5"));

    tmux.send(&["s"]);
    // Panes are separated; waiting for both avoids reading a half-drawn frame.
    tmux.wait_for("compare", |s| s.contains("compare:") && s.contains('│'));

    tmux.send(&["?"]);
    // The whole overlay, generated from the keymap.
    tmux.wait_for("help", |s| {
        s.contains("help: keys") && s.contains("next_conflict") && s.contains("line_down")
    });
    tmux.send(&["Escape"]);
    tmux.wait_for("help to close", |s| !s.contains("help: keys"));

    tmux.send(&["l"]);
    tmux.wait_for("the library", |s| s.contains("library: 5 articles"));
    // The library opens on the current article (the second); two down is the fourth.
    tmux.send(&["j", "j", "Enter"]);
    tmux.wait_for("the fourth article", |s| s.contains("4/5"));

    tmux.send(&["G"]);
    tmux.wait_for("the end", |s| {
        s.lines().next().unwrap_or("").contains("End")
    });

    // Shrinking to almost nothing shows a notice; growing back restores the reader.
    tmux.tmux(&["resize-window", "-t", "0", "-x", "15", "-y", "4"]);
    tmux.wait_for("the too-small notice", |s| s.contains("too small"));
    tmux.tmux(&["resize-window", "-t", "0", "-x", "100", "-y", "30"]);
    tmux.wait_for("the reader again", |s| s.contains("4/5"));

    tmux.send(&["/"]);
    tmux.send(&["-l", "توكاييف"]);
    tmux.wait_for("the search prompt", |s| {
        s.contains("matches in this article")
    });
    tmux.send(&["Enter"]);
    tmux.wait_for("the first match", |s| s.contains("match 1/"));

    tmux.send(&["q"]);
    let screen = tmux.wait_for("exit", |s| s.contains("EXIT=0"));
    // The alternate screen is gone: the reader's bars no longer show.
    assert!(!screen.contains("? help"), "terminal restored:\n{screen}");
}
