//! A folder opened as stories is read and grouped on a worker thread
//! (`crate::stories::job`): the library shows the progress and answers keys meanwhile,
//! and fills in when the grouping is done.

use super::state::State;
use super::story_lib::StoryLib;
use crate::index::{Corpus, Options};
use crate::stories::job::{Job, Polled};

/// A grouping under way.
#[derive(Debug)]
pub struct Pending {
    job: Job<anyhow::Result<Corpus>>,
    opts: Options,
}

impl Pending {
    /// Starts reading and grouping `paths`; `None` if no thread can be had.
    pub fn start(paths: Vec<std::path::PathBuf>, opts: Options) -> Option<Pending> {
        let o = opts.clone();
        let job = Job::spawn("qarin-stories", move |seen| {
            crate::index::open_with(&paths, o, seen)
        })?;
        Some(Pending { job, opts })
    }

    /// «grouping the corpus: reading 120 of 6842 articles» for the status bar.
    pub fn text(&self) -> String {
        format!("grouping the corpus: {}", self.job.progress.text())
    }
}

/// The status bar's progress text while a grouping runs.
pub fn progress(state: &State) -> Option<String> {
    state
        .model
        .stories
        .as_ref()
        .and_then(|l| l.pending.as_ref())
        .map(Pending::text)
}

/// Takes in a finished grouping; true when the screen should change. A failure quits
/// the reader, which then reports it (`failed`) like any bad input.
pub fn poll(state: &mut State) -> bool {
    let Some(p) = state
        .model
        .stories
        .as_ref()
        .and_then(|l| l.pending.as_ref())
    else {
        return false;
    };
    let done = match p.job.poll() {
        Polled::Running => return false,
        Polled::Done(r) => r,
        Polled::Failed => Err(anyhow::anyhow!("grouping the stories failed (a bug)")),
    };
    if let Some(p) = state.model.stories.as_mut().and_then(|l| l.pending.take()) {
        finish(state, p.opts, done);
    }
    true
}

/// Waits for the grouping (a snapshot) and takes it in; its error if it failed.
pub fn wait(state: &mut State) -> anyhow::Result<()> {
    let Some(p) = state.model.stories.as_mut().and_then(|l| l.pending.take()) else {
        return Ok(());
    };
    let opts = p.opts.clone();
    let done = p
        .job
        .wait()
        .unwrap_or_else(|| Err(anyhow::anyhow!("grouping the stories failed (a bug)")));
    finish(state, opts, done);
    match state.model.stories.as_mut().and_then(|l| l.failed.take()) {
        Some(e) => Err(anyhow::anyhow!(e)),
        None => Ok(()),
    }
}

fn finish(state: &mut State, opts: Options, done: anyhow::Result<Corpus>) {
    let Some(lib) = state.model.stories.as_mut() else {
        return;
    };
    let corpus = match done {
        Ok(c) => c,
        Err(e) => {
            lib.failed = Some(format!("{e:#}"));
            state.quit = true;
            return;
        }
    };
    let mut new = StoryLib::new(corpus.entries, corpus.stories, lib.load.clone());
    // What the reader chose while waiting stays.
    new.sort = lib.sort;
    new.filter = std::mem::take(&mut lib.filter);
    new.filtering = lib.filtering;
    new.refresh();
    let mut text = super::corpus_search::TextSearch::new(corpus.texts, opts);
    if state.model.background {
        text.start(true);
    }
    new.text = Some(text);
    let first = new.rows().first().copied();
    *lib = new;
    // Every view needs articles: the first story is loaded.
    if state.model.is_empty()
        && let Some(k) = first
    {
        super::stories_view::open_story(state, k);
    }
}
