//! No size limit on claims analysis: beyond what is analysed before the first screen,
//! the reader analyses on a worker thread, shows its progress, answers keys meanwhile,
//! and ends with the same analysis as `qarin claims`.

use std::process::Command;
use std::time::{Duration, Instant};

use qarin::corpus::{self, Article};

/// The seeds' bodies repeated to about `bytes` bytes, as one article with a title line.
fn big_text(bytes: usize) -> String {
    let body: String = corpus::seeds()
        .iter()
        .map(|a| a.paragraphs.iter().skip(1).collect::<Vec<_>>().join("\n") + "\n")
        .collect();
    let mut s = String::from("عنوان المقال الكبير\n");
    while s.len() < bytes {
        s.push_str(&body);
    }
    s
}

#[test]
fn a_large_text_is_analysed_in_the_background_with_the_same_result() {
    let text = big_text(3 << 20);
    let article = Article::from_text("big.txt", "big.txt", text);
    let expected = qarin::claims::analyze(
        std::slice::from_ref(&article),
        &qarin::claims::Lexicon::builtin(),
        false,
    );
    assert!(expected.claims.len() > 1000);
    // Not in the background (a snapshot): nothing analysed, and the status bar says why.
    let mut state = qarin::ui::test_state(vec![article.clone()], 100, 10);
    assert!(state.model.unanalysed && state.model.analysis.claims.is_empty());
    let screen = qarin::ui::screen_text(&state);
    assert!(
        screen.contains("analysed in the background by the reader"),
        "{screen}"
    );
    // In the reader: a worker thread, progress, then the whole analysis.
    state.model.background = true;
    state.analyse();
    assert!(state.model.analysing.is_some());
    assert!(qarin::ui::screen_text(&state).contains("analysing claims:"));
    let start = Instant::now();
    while !state.poll_analysis() {
        assert!(start.elapsed() < Duration::from_secs(120), "analysis hangs");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(state.model.analysing.is_none());
    assert_eq!(state.model.analysis.claims.len(), expected.claims.len());
    assert_eq!(state.model.analysis.groups.len(), expected.groups.len());
    assert!(qarin::ui::screen_text(&state).contains("claims analysed:"));
}

#[test]
fn tmux_keys_are_answered_while_progress_shows() {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(ok, "tmux is not installed: this end-to-end test needs it");
    let d = tempfile::tempdir().unwrap();
    // 40 MB: seconds of analysis even in a release build, so keys come while it runs.
    let file = d.path().join("big.txt");
    std::fs::write(&file, big_text(40 << 20)).unwrap();
    let socket = format!("qarin-bg-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("tmux runs")
    };
    let capture =
        || String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned();
    let wait_for = |what: &str, secs: u64, ok: &dyn Fn(&str) -> bool| {
        let start = Instant::now();
        loop {
            let s = capture();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(secs),
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    };
    let command = format!(
        "env QARIN_DATA_DIR={dd} XDG_STATE_HOME={dd} XDG_CONFIG_HOME={dd} NO_COLOR= {} {}; echo EXIT=$?; sleep 60",
        env!("CARGO_BIN_EXE_qarin"),
        file.display(),
        dd = d.path().join("data").display(),
    );
    let out = tmux(&[
        "new-session",
        "-d",
        "-x",
        "100",
        "-y",
        "20",
        "-s",
        "t",
        &command,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    struct Kill<'a>(&'a dyn Fn(&[&str]) -> std::process::Output);
    impl Drop for Kill<'_> {
        fn drop(&mut self) {
            (self.0)(&["kill-server"]);
        }
    }
    let _kill = Kill(&tmux);
    wait_for("the progress", 30, &|s| {
        s.contains("analysing claims:") && s.contains("0% 1/1")
    });
    // `G` goes to the end while the analysis still runs: both show on one screen.
    tmux(&["send-keys", "-t", "t", "G"]);
    let s = wait_for("the end of the article", 10, &|s| s.contains("End 1/1"));
    assert!(
        s.contains("analysing claims:"),
        "the key was answered only after the analysis:\n{s}"
    );
    // Then the analysis ends and its result shows.
    wait_for("the analysis", 300, &|s| s.contains("claims analysed:"));
    tmux(&["send-keys", "-t", "t", "q"]);
    wait_for("exit", 10, &|s| s.contains("EXIT=0"));
}
