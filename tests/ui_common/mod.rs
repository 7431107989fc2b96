//! Shared by the ui_* tests: states over the seeds, with the real claims engine or
//! with a small hand-made analysis (so view behaviour is tested whatever the engine finds).

#![allow(dead_code)]

pub mod tmux;

use qarin::claims::{Analysis, Claim, Group, Verdict};
use qarin::corpus::{self, Article};
use qarin::ui::keymap::{Key, Keymap};
use qarin::ui::state::{Settings, State};

/// The seeds with the real claims engine.
pub fn seeds_state(cols: u16, rows: u16) -> State {
    qarin::ui::test_state(corpus::seeds(), cols, rows)
}

/// The story library of tests/data/stories (no index on disk), on its first story.
pub fn stories_state(cols: u16, rows: u16) -> State {
    let paths = [std::path::PathBuf::from("tests/data/stories")];
    let opts = qarin::index::Options {
        no_cache: true,
        ..Default::default()
    };
    let corpus = qarin::index::open(&paths, opts).expect("the test corpus opens");
    let mut state = qarin::ui::test_state(Vec::new(), cols, rows);
    state.model.stories = Some(qarin::ui::story_lib::StoryLib::new(
        corpus.entries,
        corpus.stories,
        Default::default(),
    ));
    assert!(qarin::ui::stories_view::open_story(&mut state, 0));
    state.go(qarin::ui::state::View::Stories);
    state
}

/// The seeds with a hand-made analysis: the troops conflict and the arrests, located
/// by their words in the seed texts.
pub fn fixture_state(cols: u16, rows: u16) -> State {
    let articles = corpus::seeds();
    let analysis = fixture_analysis(&articles);
    State::with_analysis(
        articles,
        analysis,
        Keymap::defaults(),
        Settings::default(),
        cols,
        rows,
        None,
    )
}

fn claim(
    articles: &[Article],
    id: usize,
    art: usize,
    words: &str,
    topic: &str,
    (value, low, high): (f64, Option<f64>, Option<f64>),
    qualifier: &str,
) -> Claim {
    let a = &articles[art];
    let (pi, start) = a
        .paragraphs
        .iter()
        .enumerate()
        .find_map(|(i, p)| p.find(words).map(|s| (i, s)))
        .unwrap_or_else(|| panic!("{words} not in seed {art}"));
    Claim {
        id,
        article: a.id.clone(),
        paragraph: pi + 1,
        start,
        end: start + words.len(),
        text: words.to_owned(),
        sentence: String::new(),
        topic: Some(topic.into()),
        value,
        low,
        high,
        low_inclusive: qualifier != "above",
        high_inclusive: true,
        qualifier: qualifier.parse().expect("a qualifier name"),
        unit: None,
        hedged: false,
        attribution: None,
        year: None,
        kind: Default::default(),
        scope: None,
        date: None,
        part_of: None,
        superseded: false,
        headline: true,
    }
}

pub fn fixture_analysis(articles: &[Article]) -> Analysis {
    let claims = vec![
        claim(
            articles,
            0,
            0,
            "أكثر من 2000 جندي",
            "troops",
            (2000.0, Some(2000.0), None),
            "above",
        ),
        claim(
            articles,
            1,
            3,
            "2500 جندي",
            "troops",
            (2500.0, Some(2500.0), Some(2500.0)),
            "exact",
        ),
        claim(
            articles,
            2,
            4,
            "2030 جنديا",
            "troops",
            (2030.0, Some(2030.0), Some(2030.0)),
            "exact",
        ),
        claim(
            articles,
            3,
            3,
            "نحو ثمانية آلاف شخص",
            "arrested",
            (8000.0, Some(7200.0), Some(8800.0)),
            "about",
        ),
        claim(
            articles,
            4,
            4,
            "7939 شخصًا",
            "arrested",
            (7939.0, Some(7939.0), Some(7939.0)),
            "exact",
        ),
    ];
    let groups = vec![
        Group {
            topic: "arrested".into(),
            verdict: Verdict::Compatible,
            claims: vec![3, 4],
            conflicts: vec![],
            year: None,
            scope: None,
            part: false,
            trend: None,
        },
        Group {
            topic: "troops".into(),
            verdict: Verdict::Conflict,
            claims: vec![0, 1, 2],
            conflicts: vec![(1, 2), (0, 2)],
            year: None,
            scope: None,
            part: false,
            trend: None,
        },
    ];
    Analysis { claims, groups }
}

/// Presses keys, then settles the state as the app does before it draws.
pub fn keys(state: &mut State, seq: &str) {
    for k in Key::parse_seq(seq).expect("test keys parse") {
        state.key(k);
    }
    state.settle();
}

/// Types text into the search prompt, char by char, then settles the state as the app
/// does before it draws.
pub fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        state.key(Key::Char(c));
    }
    state.settle();
}

pub fn screen(state: &State) -> String {
    qarin::ui::screen_text(state)
}
