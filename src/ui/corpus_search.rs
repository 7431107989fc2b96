//! `F` in a corpus: search every article of the corpus, not only the open story,
//! answered from the index's text table (`crate::index::text`). The table is filled on
//! a worker thread while the reader runs (progress in the status bar); a result opens
//! its story at the match.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{self, Align};
use super::state::{State, View};
use crate::index::Options;
use crate::index::store::Store;
use crate::index::text::{self, TextKey};

/// The corpus's text search: a connection for queries and the filling of the table.
pub struct TextSearch {
    opts: Options,
    keys: Vec<TextKey>,
    /// Index key → entry.
    by_key: HashMap<String, usize>,
    store: Option<Store>,
    started: bool,
    job: Option<Fill>,
    /// Why search cannot answer (the index could not be opened or filled).
    pub error: Option<String>,
}

struct Fill {
    done: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    rx: Receiver<Result<(), String>>,
}

impl Drop for Fill {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl std::fmt::Debug for TextSearch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextSearch")
            .field("files", &self.keys.len())
            .field("started", &self.started)
            .finish()
    }
}

impl TextSearch {
    /// A search over the files of `keys` (one per entry, in entry order), not started.
    pub fn new(keys: Vec<TextKey>, opts: Options) -> TextSearch {
        let by_key = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.key.clone(), i))
            .collect();
        TextSearch {
            opts,
            keys,
            by_key,
            store: None,
            started: false,
            job: None,
            error: None,
        }
    }

    /// Fills the text table: on a worker thread when `background` and the index is a
    /// file (another connection can then query it), else here and now.
    pub fn start(&mut self, background: bool) {
        if self.started {
            return;
        }
        self.started = true;
        let mut store = match crate::index::open_store(&self.opts) {
            Ok(s) => s,
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        if background && store.path.is_some() {
            let done = Arc::new(AtomicUsize::new(0));
            let stop = Arc::new(AtomicBool::new(false));
            let (tx, rx) = std::sync::mpsc::channel();
            let (d, s) = (done.clone(), stop.clone());
            let (keys, opts) = (self.keys.clone(), self.opts.clone());
            let run = move || {
                let r = crate::index::open_store(&opts).and_then(|mut st| {
                    text::fill(&mut st, &keys, &opts.load, &d, &|| {
                        s.load(Ordering::Relaxed)
                    })
                });
                let _ = tx.send(r.map_err(|e| e.to_string()));
            };
            if std::thread::Builder::new()
                .name("qarin-texts".into())
                .spawn(run)
                .is_ok()
            {
                self.job = Some(Fill { done, stop, rx });
                self.store = Some(store);
                return;
            }
        }
        let done = AtomicUsize::new(0);
        if let Err(e) = text::fill(&mut store, &self.keys, &self.opts.load, &done, &|| false) {
            self.error = Some(e.to_string());
        }
        self.store = Some(store);
    }

    /// Takes in the end of the filling; true when the screen should change.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.job else {
            return false;
        };
        match job.rx.try_recv() {
            Err(TryRecvError::Empty) => false,
            Ok(r) => {
                self.error = r.err();
                self.job = None;
                true
            }
            Err(TryRecvError::Disconnected) => {
                self.error = Some("the text index worker stopped".into());
                self.job = None;
                true
            }
        }
    }

    /// Files indexed so far and in all, while the table is being filled.
    pub fn progress(&self) -> Option<(usize, usize)> {
        let job = self.job.as_ref()?;
        Some((
            job.done.load(Ordering::Relaxed).min(self.keys.len()),
            self.keys.len(),
        ))
    }

    /// Entries whose text holds `query`, with a snippet around the match.
    pub fn search(&self, query: &str) -> Result<Vec<(usize, String)>, String> {
        let Some(store) = &self.store else {
            return Err(self
                .error
                .clone()
                .unwrap_or_else(|| "the text index is not open".into()));
        };
        let hits = store.search_texts(query).map_err(|e| e.to_string())?;
        Ok(hits
            .into_iter()
            .filter_map(|h| Some((*self.by_key.get(&h.key)?, h.snippet)))
            .collect())
    }
}

/// Whether `F` searches the corpus (a story library is open) rather than the open
/// articles.
pub fn active(state: &State) -> bool {
    state.search.all && state.model.stories.is_some()
}

/// The search of what was typed, over the corpus.
pub fn run(state: &mut State) {
    let background = state.model.background;
    let query = state.search.query.clone();
    state.search.selected = 0;
    state.search.matches.clear();
    let Some(ts) = state.model.stories.as_mut().and_then(|l| l.text.as_mut()) else {
        state.search.hits.clear();
        return;
    };
    ts.start(background);
    match ts.search(&query) {
        Ok(h) => state.search.hits = h,
        Err(e) => {
            state.search.hits.clear();
            state.status = Some(format!("search: {e}"));
        }
    }
}

/// Opens the selected hit: its story, its article, the first match in it.
pub fn open_hit(state: &mut State) {
    let Some(&(entry, _)) = state.search.hits.get(state.search.selected) else {
        return;
    };
    let Some(lib) = state.model.stories.as_ref() else {
        return;
    };
    let Some(k) = lib.story_of(entry) else {
        return;
    };
    let path = lib.entries[entry].path.clone();
    let query = state.search.query.clone();
    if lib.open != Some(k) && !super::stories_view::open_story(state, k) {
        return;
    }
    state.current = state
        .model
        .articles()
        .position(|a| a.path == path)
        .unwrap_or(0);
    state.go(View::Reader);
    // The match in the article, as `/` would find it.
    state.search.all = false;
    state.search.query = query;
    state.run_search();
}

/// The list of hits: outlet and time, title, snippet.
pub fn draw_hits(state: &State, area: Rect, buf: &mut Buffer) {
    let theme = state.theme();
    let s = &state.search;
    let Some(lib) = state.model.stories.as_ref() else {
        return;
    };
    let more = if s.hits.len() >= text::MAX_HITS {
        " (the first)"
    } else {
        ""
    };
    let header = format!(
        "{} articles{more} of {} in the corpus hold {} — Enter opens, Esc goes back",
        s.hits.len(),
        lib.entries.len(),
        super::text::quoted(&s.query)
    );
    draw::text(
        state,
        buf,
        Rect::new(area.x, area.y, area.width, 1),
        &header,
        theme.header(),
        Align::Left,
    );
    let rows = area.height.saturating_sub(1) as usize;
    let sel = s.selected.min(s.hits.len().saturating_sub(1));
    let first = super::draw::first_row(sel, rows);
    for (row, (i, (entry, snippet))) in s.hits.iter().enumerate().skip(first).take(rows).enumerate()
    {
        let y = area.y + 1 + row as u16;
        let Some(e) = lib.entries.get(*entry) else {
            continue;
        };
        let style = if i == sel {
            theme.selected()
        } else {
            theme.plain()
        };
        draw::fill(buf, Rect::new(area.x, y, area.width, 1), style);
        let label_w = (area.width / 4).clamp(1, 24);
        let cols = super::screen::columns(
            Rect::new(area.x, y, area.width, 1),
            &[label_w, area.width.saturating_sub(label_w)],
            true,
        );
        draw::text(state, buf, cols[0], &e.outlet, style, Align::Right);
        let line = format!("{} — {}", e.title, snippet.replace(['\n', '\r'], " "));
        draw::text(state, buf, draw::inset(cols[1]), &line, style, Align::Right);
    }
}
