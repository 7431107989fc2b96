//! Quitting the reader when the reading positions cannot be saved: it still quits, the
//! terminal is back, and it says what was not saved with a non-zero exit (it used to
//! exit 0 in silence). A real reader in a private tmux server.

mod ui_common;

use std::path::Path;

use ui_common::tmux::{QARIN, Tmux};

#[test]
fn unsaved_positions_are_reported_after_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("state.json")).unwrap(); // cannot be replaced
    let (err, status) = (dir.path().join("err.txt"), dir.path().join("status.txt"));
    let script = format!(
        "XDG_CONFIG_HOME='{d}' QARIN_DATA_DIR='{data}' '{QARIN}' 2>'{err}'; echo $? > '{status}'",
        d = dir.path().display(),
        data = data.display(),
        err = err.display(),
        status = status.display(),
    );
    let tmux = Tmux::script("positions", 100, 30, &script);
    tmux.wait_until("qarin's screen", |t| t.display("#{alternate_on}") == "1");
    // Reading moves the position (an article left where it opened saves nothing).
    tmux.send(&["}", "}", "q"]);
    tmux.wait_until("qarin to exit", |_| {
        Path::new(&status).exists() && !std::fs::read(&status).unwrap_or_default().is_empty()
    });
    let code = std::fs::read_to_string(&status).unwrap();
    let msg = std::fs::read_to_string(&err).unwrap();
    assert_eq!(code.trim(), "2", "{msg}");
    assert!(
        msg.contains("reading positions not saved") && msg.contains("state.json"),
        "{msg}"
    );
}
