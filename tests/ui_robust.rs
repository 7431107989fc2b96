//! Bad input and abuse: errors before any screen opens (exit code 2), and random keys,
//! clicks and resizes that must never panic.

mod ui_common;

use std::path::Path;

use assert_cmd::Command;
use qarin::ui::keymap::Key;
use qarin::ui::state::MouseInput;
use ui_common::*;

fn qarin(config_home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("qarin").expect("binary");
    cmd.env("XDG_CONFIG_HOME", config_home)
        .env_remove("NO_COLOR");
    cmd
}

/// Runs both the reader and `snapshot` with `args`; both must fail with code 2 and a
/// message containing `expect`, printing nothing on stdout.
fn assert_refused(config_home: &Path, args: &[&str], expect: &str) {
    for sub in [&[][..], &["snapshot"][..]] {
        let out = qarin(config_home)
            .args(sub)
            .args(args)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{sub:?} {args:?}: {err}");
        assert!(err.contains(expect), "{sub:?} {args:?}: {err}");
        assert!(out.stdout.is_empty(), "no screen was drawn");
    }
}

#[test]
fn missing_unreadable_and_empty_inputs_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope.txt");
    assert_refused(
        dir.path(),
        &[missing.to_str().unwrap()],
        "no such file or directory",
    );

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_refused(
        dir.path(),
        &[empty.to_str().unwrap()],
        "holds no .txt or .md articles",
    );

    // A symlink loop cannot be read, even by root.
    let looped = dir.path().join("loop.txt");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    assert_refused(dir.path(), &[looped.to_str().unwrap()], "cannot read");

    let binary = dir.path().join("bin.txt");
    std::fs::write(&binary, b"abc\0def").unwrap();
    assert_refused(dir.path(), &[binary.to_str().unwrap()], "binary file");
}

#[test]
fn permission_denied_is_refused_when_not_root() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("secret.txt");
    std::fs::write(&f, "نص").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&f).is_ok() {
        eprintln!(
            "running as root: permissions do not stop reads; covered by the symlink loop case"
        );
        return;
    }
    assert_refused(dir.path(), &[f.to_str().unwrap()], "cannot read");
}

#[test]
fn broken_config_names_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("qarin");
    std::fs::create_dir(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        "[keys]\nquit = [\"q\"]\nhelp = [\"F13\"]\n",
    )
    .unwrap();
    assert_refused(dir.path(), &[], "config.toml:3:9: unknown key \"F13\"");
    std::fs::write(cfg.join("config.toml"), "[keys\n").unwrap();
    assert_refused(dir.path(), &[], "config.toml:1:");
}

#[test]
fn snapshot_rejects_bad_sizes_and_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [&["--size", "0x10"][..], &["--size", "wide"][..]] {
        let out = qarin(dir.path())
            .arg("snapshot")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("COLSxROWS"));
    }
    let out = qarin(dir.path())
        .args(["snapshot", "--keys", "j Hyper"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"Hyper\""));
}

#[test]
fn reader_refuses_a_non_terminal_before_drawing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = qarin(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a terminal"));
}

#[test]
fn snapshot_prints_the_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = qarin(dir.path())
        .args(["snapshot", "--size", "60x10", "--keys", "l"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 10);
    assert!(text.lines().next().unwrap().contains("library: 5 articles"));
}

/// A small deterministic generator (xorshift), so a failure replays exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[test]
fn random_keys_clicks_and_resizes_never_panic() {
    let names = [
        "Enter",
        "Esc",
        "Tab",
        "BackTab",
        "Up",
        "Down",
        "Left",
        "Right",
        "PageUp",
        "PageDown",
        "Home",
        "End",
        "Space",
        "Backspace",
        "C-x",
    ];
    let chars: Vec<char> = "qjkgG{}sclb B[]/nNtTfo?rFhaب ت".chars().collect();
    for seed in [1u64, 0x9E37_79B9_7F4A_7C15] {
        let mut rng = Rng(seed);
        let mut state = fixture_state(80, 24);
        for step in 0..500 {
            let key = if rng.below(3) == 0 {
                Key::parse(names[rng.below(names.len() as u64) as usize]).unwrap()
            } else {
                Key::Char(chars[rng.below(chars.len() as u64) as usize])
            };
            // Quitting would end the session; keep the monkey inside.
            if state.keymap.action(key) == Some(qarin::ui::action::Action::Quit)
                && !state.search.editing
            {
                continue;
            }
            state.key(key);
            if step % 25 == 0 {
                let (w, h) = (rng.below(140) as u16 + 1, rng.below(50) as u16 + 1);
                state.resize(w, h);
            }
            if step % 7 == 0 {
                let (x, y) = (rng.below(150) as u16, rng.below(60) as u16);
                let m = match rng.below(3) {
                    0 => MouseInput::Click { x, y },
                    1 => MouseInput::WheelUp { x, y },
                    _ => MouseInput::WheelDown { x, y },
                };
                state.mouse(m);
            }
            let text = screen(&state);
            assert_eq!(
                text.lines().count(),
                state.size.height as usize,
                "seed {seed} step {step}"
            );
        }
    }
}
