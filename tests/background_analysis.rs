//! No size limit on claims analysis: beyond what is analysed before the first screen,
//! the reader analyses on a worker thread, shows its progress, answers keys meanwhile,
//! and ends with the same analysis as `qarin claims`.

mod ui_common;

use std::time::{Duration, Instant};

use qarin::corpus::{self, Article};
use ui_common::tmux::{QARIN, Tmux};

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
    let d = tempfile::tempdir().unwrap();
    // 40 MB: seconds of analysis even in a release build, so keys come while it runs.
    let file = d.path().join("big.txt");
    std::fs::write(&file, big_text(40 << 20)).unwrap();
    let command = format!(
        "env XDG_STATE_HOME={dd} NO_COLOR= {QARIN} {}; echo EXIT=$?; sleep 60",
        file.display(),
        dd = d.path().join("data").display(),
    );
    let tmux = Tmux::script("bg", 100, 20, &command);
    tmux.wait_for("the progress", |s| {
        s.contains("analysing claims:") && s.contains("0% 1/1")
    });
    // `G` goes to the end while the analysis still runs: both show on one screen.
    tmux.send(&["G"]);
    let s = tmux.wait_for("the end of the article", |s| s.contains("End 1/1"));
    assert!(
        s.contains("analysing claims:"),
        "the key was answered only after the analysis:\n{s}"
    );
    // Then the analysis ends and its result shows.
    tmux.wait_for_within("the analysis", Duration::from_secs(300), |s| {
        s.contains("claims analysed:")
    });
    tmux.send(&["q"]);
    tmux.wait_for("exit", |s| s.contains("EXIT=0"));
}
