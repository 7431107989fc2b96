//! Claims analysed on a worker thread while the reader stays live: any amount of text
//! (there is no size limit), with its progress in bytes for the status bar.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

use crate::claims::{self, Analysis, Lexicon};
use crate::corpus::Article;

/// An analysis under way.
pub struct Job {
    rx: Receiver<Analysis>,
    done: Arc<AtomicUsize>,
    /// Set when the job is dropped (another set of articles opened, or quit): the worker
    /// stops at its next article.
    cancel: Arc<AtomicBool>,
    pub total: usize,
    pub started: Instant,
}

/// What `poll` found.
pub enum Polled {
    Running,
    Done(Analysis),
    /// The worker is gone without a result (it panicked): nothing will come.
    Failed,
}

impl Job {
    /// Starts analysing `articles` (`total` bytes of text) on a worker thread; `None` if
    /// no thread can be had.
    pub fn start(articles: Vec<Article>, total: usize) -> Option<Job> {
        let (tx, rx) = std::sync::mpsc::channel();
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (d, c) = (done.clone(), cancel.clone());
        let run = move || {
            let lexicon = Lexicon::builtin();
            let mut found = Vec::with_capacity(articles.len());
            for a in &articles {
                if c.load(Ordering::Relaxed) {
                    return;
                }
                found.push((a.id.as_str(), claims::find_counting(a, &lexicon, false, &d)));
            }
            let times = claims::publication_times(&articles);
            let analysis = claims::assemble(found, &lexicon, &|id| times.get(id).copied());
            // The reader may have moved on; then nobody needs the result.
            let _ = tx.send(analysis);
        };
        std::thread::Builder::new()
            .name("qarin-claims".into())
            .spawn(run)
            .ok()?;
        Some(Job {
            rx,
            done,
            cancel,
            total,
            started: Instant::now(),
        })
    }

    pub fn poll(&self) -> Polled {
        match self.rx.try_recv() {
            Ok(a) => Polled::Done(a),
            Err(TryRecvError::Empty) => Polled::Running,
            Err(TryRecvError::Disconnected) => Polled::Failed,
        }
    }

    /// Waits for the result (tests, and a snapshot asked to).
    pub fn wait(self) -> Option<Analysis> {
        self.rx.recv().ok()
    }

    /// Bytes analysed so far.
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed).min(self.total)
    }

    /// «analysing claims: 45% of 27.0 MB, 3 s» for the status bar.
    pub fn progress_text(&self) -> String {
        let pct = self.done() * 100 / self.total.max(1);
        format!(
            "analysing claims: {pct}% of {:.1} MB, {} s (keys work meanwhile)",
            self.total as f64 / f64::from(1 << 20),
            self.started.elapsed().as_secs()
        )
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}
