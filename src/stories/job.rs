//! Long work (reading and grouping a corpus) on a worker thread, with a progress counter
//! the caller reads while it runs: the reader's screen stays live and says how far it is.
//! No terminal types: the reader polls [`Job::poll`] and shows [`Progress::text`].

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

/// The steps of opening a corpus, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Phase {
    /// Listing the files under the paths.
    Walking = 0,
    /// Reading the files the index does not hold fresh (`done` of `total` files).
    Reading = 1,
    /// Clustering the articles into stories.
    Grouping = 2,
    /// Counting each story's conflicts (`done` of `total` stories).
    Conflicts = 3,
}

impl Phase {
    fn from_u8(v: u8) -> Phase {
        match v {
            1 => Phase::Reading,
            2 => Phase::Grouping,
            3 => Phase::Conflicts,
            _ => Phase::Walking,
        }
    }
}

/// Where a job is: shared between the worker (which counts) and the caller (which shows
/// it and may cancel).
#[derive(Debug, Default)]
pub struct Progress {
    phase: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
    cancel: AtomicBool,
}

/// What [`Progress::snapshot`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// Starts a phase of `total` steps (0 when it has no count).
    pub fn start(&self, phase: Phase, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.phase.store(phase as u8, Ordering::Relaxed);
    }

    /// One step of the current phase done.
    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> Seen {
        let total = self.total.load(Ordering::Relaxed);
        Seen {
            phase: Phase::from_u8(self.phase.load(Ordering::Relaxed)),
            done: self.done.load(Ordering::Relaxed).min(total),
            total,
        }
    }

    /// Asks the worker to stop; it checks [`Progress::cancelled`] between steps.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// «reading 1200 of 6842 articles» (for a status bar).
    pub fn text(&self) -> String {
        let s = self.snapshot();
        match s.phase {
            Phase::Walking => "listing the files".to_owned(),
            Phase::Reading => format!("reading {} of {} articles", s.done, s.total),
            Phase::Grouping => "grouping the articles into stories".to_owned(),
            Phase::Conflicts => format!("comparing claims: {} of {} stories", s.done, s.total),
        }
    }
}

/// What [`Job::poll`] found.
#[derive(Debug)]
pub enum Polled<T> {
    Running,
    Done(T),
    /// The worker is gone without a result (it panicked).
    Failed,
}

/// Work running on its own thread. Dropping the job cancels it.
pub struct Job<T> {
    rx: Receiver<T>,
    pub progress: Arc<Progress>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread; `None` if no thread can be had.
    pub fn spawn(name: &str, work: impl FnOnce(&Progress) -> T + Send + 'static) -> Option<Job<T>> {
        let (tx, rx) = std::sync::mpsc::channel();
        let progress = Arc::new(Progress::default());
        let p = progress.clone();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let out = work(&p);
                // The caller may be gone (quit, another corpus): nobody needs the result.
                let _ = tx.send(out);
            })
            .ok()?;
        Some(Job { rx, progress })
    }

    pub fn poll(&self) -> Polled<T> {
        match self.rx.try_recv() {
            Ok(t) => Polled::Done(t),
            Err(TryRecvError::Empty) => Polled::Running,
            Err(TryRecvError::Disconnected) => Polled::Failed,
        }
    }

    /// Waits for the result; `None` if the worker panicked.
    pub fn wait(self) -> Option<T> {
        self.rx.recv().ok()
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        self.progress.cancel();
    }
}

impl<T> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Job({})", self.progress.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn progress_is_seen_while_the_work_runs_and_the_result_after() {
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let (at_tx, at_rx) = mpsc::channel::<()>();
        let job = Job::spawn("test", move |p| {
            p.start(Phase::Reading, 10);
            for _ in 0..4 {
                p.tick();
            }
            at_tx.send(()).unwrap();
            go_rx.recv().unwrap();
            p.start(Phase::Conflicts, 2);
            42
        })
        .unwrap();
        at_rx.recv().unwrap();
        assert!(matches!(job.poll(), Polled::Running));
        assert_eq!(
            job.progress.snapshot(),
            Seen {
                phase: Phase::Reading,
                done: 4,
                total: 10
            }
        );
        assert_eq!(job.progress.text(), "reading 4 of 10 articles");
        go_tx.send(()).unwrap();
        assert_eq!(job.wait(), Some(42));
    }

    #[test]
    fn dropping_the_job_cancels_the_work() {
        let (tx, rx) = mpsc::channel();
        let job = Job::spawn("test", move |p| {
            while !p.cancelled() {
                std::thread::yield_now();
            }
            tx.send("stopped").unwrap();
        })
        .unwrap();
        drop(job);
        assert_eq!(
            rx.recv_timeout(std::time::Duration::from_secs(10)),
            Ok("stopped")
        );
    }

    #[test]
    fn a_panicking_worker_is_reported_not_waited_for_forever() {
        let job: Job<u8> = Job::spawn("test", |_| panic!("boom")).unwrap();
        assert_eq!(job.wait(), None);
    }
}
