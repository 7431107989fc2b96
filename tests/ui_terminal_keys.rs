//! Keys that talk to the terminal itself, tried in tmux with the real binary: `y` sends
//! the passage to the clipboard with OSC 52 (tmux keeps it as a paste buffer), as the
//! article's logical text; `C-l` draws every cell again after something else wrote on
//! the screen. tmux is required (CI installs it).

mod ui_common;

use ui_common::tmux::Tmux;

/// Arabic presentation forms: what shaped, reordered screen text is made of.
fn shaped(c: char) -> bool {
    ('\u{FB50}'..='\u{FDFF}').contains(&c) || ('\u{FE70}'..='\u{FEFF}').contains(&c)
}

#[test]
fn y_copies_the_passage_as_logical_text_through_osc_52() {
    let t = Tmux::shell("osc52", 100, 30);
    assert!(
        t.tmux(&["set-option", "-g", "set-clipboard", "on"])
            .status
            .success()
    );
    t.open_reader();
    t.send(&["}", "y"]);
    t.wait_for("the copy said", |s| s.contains("copied"));
    let buffer = wait_for_buffer(&t);
    assert!(!buffer.is_empty());
    assert!(
        !buffer.chars().any(shaped),
        "shaped glyphs copied: {buffer}"
    );
    let seeds = qarin::corpus::seeds();
    let found = seeds[0]
        .paragraphs
        .iter()
        .any(|p| p.trim() == buffer.trim());
    assert!(found, "not a passage of the first seed: {buffer}");
    t.send(&["q"]);
    t.wait_for("exit", |s| s.contains("EXIT=0"));
}

#[test]
fn ctrl_l_redraws_what_another_program_wrote_over() {
    let t = Tmux::shell("ctrl-l", 100, 30);
    t.open_reader();
    let tty = t.display("#{pane_tty}");
    std::fs::write(&tty, "\x1b[5;10HSTRAY-OUTPUT-XYZ").expect("write to the pane's tty");
    t.wait_for("the stray text", |s| s.contains("STRAY-OUTPUT-XYZ"));
    // A key that changes nothing there leaves it: only changed cells are drawn.
    t.send(&["C-l"]);
    // The whole frame comes back (the capture may catch it half drawn: wait for all).
    t.wait_for("a clean, whole screen", |s| {
        !s.contains("STRAY-OUTPUT-XYZ") && s.contains("1/5") && s.contains("? help")
    });
    t.send(&["q"]);
    t.wait_for("exit", |s| s.contains("EXIT=0"));
}

/// The newest paste buffer of `t`, once there is one.
fn wait_for_buffer(t: &Tmux) -> String {
    let start = std::time::Instant::now();
    loop {
        let out = t.tmux(&["show-buffer"]);
        if out.status.success() && !out.stdout.is_empty() {
            return String::from_utf8_lossy(&out.stdout).into_owned();
        }
        assert!(
            start.elapsed() < ui_common::tmux::WAIT,
            "no paste buffer: OSC 52 did not reach tmux"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
