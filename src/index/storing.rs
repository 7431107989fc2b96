//! A run's stories being stored in the index on another thread while the caller goes
//! on (`qarin stories` writes its output meanwhile: docs/stories.md, Speed).

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use serde::Serialize;

use super::Grouped;
use super::store::Store;

/// The storing of a run, if it goes on: waited for by [`Storing::wait`] or when
/// dropped, so that the process does not end before the index is written.
#[derive(Debug, Default)]
#[must_use = "the index is written until this is waited for or dropped"]
pub struct Storing(Option<JoinHandle<()>>);

/// A run to store: the fingerprint of its files, its stories, and per file in the walk's
/// order its outlet, title and publication time (read back as `super::warm::Run`).
pub(super) struct Run {
    pub(super) key: String,
    pub(super) stories: Vec<Grouped>,
    pub(super) entries: Vec<(String, String, Option<i64>)>,
}

/// [`Run`] as written.
#[derive(Serialize)]
struct RunRef<'a> {
    stories: &'a [Grouped],
    entries: Vec<(&'a str, &'a str, Option<i64>)>,
}

impl Storing {
    /// Stores `run` in `store`, then frees `rest` (what the caller held until then):
    /// on another thread when `in_background`, else before returning.
    pub(super) fn start<R: Send + 'static>(
        mut store: Store,
        run: Run,
        rest: R,
        in_background: bool,
    ) -> Storing {
        let work = move || {
            let r = RunRef {
                stories: &run.stories,
                entries: run
                    .entries
                    .iter()
                    .map(|(o, t, p)| (o.as_str(), t.as_str(), *p))
                    .collect(),
            };
            if let Ok(blob) = serde_json::to_vec(&r)
                && let Err(e) = store.put_run(&run.key, &blob)
            {
                eprintln!("qarin: warning: {e}");
            }
            drop((rest, store));
        };
        if in_background {
            Storing::spawn(work)
        } else {
            work();
            Storing::default()
        }
    }

    /// `store` on its own thread; run here if no thread can be started.
    fn spawn<F: FnOnce() + Send + 'static>(store: F) -> Storing {
        let work = Arc::new(Mutex::new(Some(store)));
        let theirs = Arc::clone(&work);
        let spawned = std::thread::Builder::new()
            .name("qarin-store".into())
            .spawn(move || take(&theirs).map_or((), |f| f()));
        match spawned {
            Ok(h) => Storing(Some(h)),
            Err(_) => {
                if let Some(f) = take(&work) {
                    f();
                }
                Storing(None)
            }
        }
    }

    /// Waits until the run is stored.
    pub fn wait(mut self) {
        self.join();
    }

    fn join(&mut self) {
        if let Some(h) = self.0.take() {
            // A panic there only leaves the index without this run (a cache).
            let _ = h.join();
        }
    }
}

impl Drop for Storing {
    fn drop(&mut self) {
        self.join();
    }
}

/// The work, unless taken already.
fn take<F>(work: &Mutex<Option<F>>) -> Option<F> {
    work.lock().ok().and_then(|mut w| w.take())
}
