//! Quitting the reader when the reading positions cannot be saved: it still quits, the
//! terminal is back, and it says what was not saved with a non-zero exit (it used to
//! exit 0 in silence). A real reader in a private tmux server.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

fn tmux(socket: &str, args: &[&str]) -> String {
    let o = Command::new("tmux")
        .arg("-L")
        .arg(socket)
        .args(args)
        .output()
        .expect("run tmux");
    String::from_utf8_lossy(&o.stdout).trim().to_owned()
}

fn wait_for(what: &str, ok: impl Fn() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < WAIT, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn unsaved_positions_are_reported_after_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("state.json")).unwrap(); // cannot be replaced
    let (err, status) = (dir.path().join("err.txt"), dir.path().join("status.txt"));
    let script = format!(
        "XDG_CONFIG_HOME='{d}' QARIN_DATA_DIR='{data}' '{q}' 2>'{err}'; echo $? > '{status}'",
        d = dir.path().display(),
        data = data.display(),
        q = env!("CARGO_BIN_EXE_qarin"),
        err = err.display(),
        status = status.display(),
    );
    let socket = format!("qarin-positions-{}", std::process::id());
    struct Kill<'a>(&'a str);
    impl Drop for Kill<'_> {
        fn drop(&mut self) {
            tmux(self.0, &["kill-server"]);
        }
    }
    let _kill = Kill(&socket);
    let size = ["-x", "100", "-y", "30"];
    let mut args = vec!["-f", "/dev/null", "new-session", "-d"];
    args.extend(size);
    args.extend(["-e", "TERM=xterm-256color", "sh", "-c", &script]);
    tmux(&socket, &args);
    wait_for("qarin's screen", || {
        tmux(
            &socket,
            &["display-message", "-p", "-t", "0", "#{alternate_on}"],
        ) == "1"
    });
    // Reading moves the position (an article left where it opened saves nothing).
    tmux(&socket, &["send-keys", "-t", "0", "}", "}", "q"]);
    wait_for("qarin to exit", || {
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
