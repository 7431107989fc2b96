//! Input: keys (the top layer first — a prompt, help — then the keymap), the mouse, and
//! the work typing defers until the keys waiting are handled.

use ratatui::layout::Rect;

use super::super::action::Action;
use super::super::keymap::Key;
use super::super::search;
use super::State;
use super::{MouseInput, handle};

/// The largest count: more than any screen scrolls, little enough to stay instant.
const MAX_COUNT: usize = 9999;

/// Actions a count repeats: moves. Others (open, bookmark, quit…) happen once.
fn repeats(a: Action) -> bool {
    use Action::*;
    matches!(
        a,
        LineDown
            | LineUp
            | PageDown
            | PageUp
            | HalfPageDown
            | HalfPageUp
            | NextParagraph
            | PrevParagraph
            | NextArticle
            | PrevArticle
            | NextConflict
            | PrevConflict
            | NextTopic
            | PrevTopic
            | NextMatch
            | PrevMatch
            | NextSources
            | PrevSources
    )
}

impl State {
    // ---- input ----------------------------------------------------------------------

    /// A key press: the top layer's (a prompt, help) if one is open, else the keymap's
    /// action in the current view.
    pub fn key(&mut self, key: Key) {
        match crate::ui::layers::top(self) {
            Some(layer) => crate::ui::layers::of(layer).key(self, key),
            None => self.command_key(key),
        }
    }

    /// A key as a command: the keymap's action in the current view (a count typed
    /// before it repeats a move).
    pub(crate) fn command_key(&mut self, key: Key) {
        // Ctrl-C always quits, whatever the keymap says.
        let action = match key {
            Key::Ctrl('c') => Some(Action::Quit),
            _ => self
                .keymap
                .action_in(key, crate::ui::views::of(self.view).table()),
        };
        // A count before a key (`5j`, as in less and vim): digits no key is bound to.
        if let (None, Key::Char(c @ '0'..='9')) = (action, key)
            && (c != '0' || self.count.is_some())
        {
            let n = self.count.unwrap_or(0) * 10 + c as usize - '0' as usize;
            self.count = Some(n.min(MAX_COUNT));
            self.status = Some(format!(
                "{} (a count: the next key repeats)",
                n.min(MAX_COUNT)
            ));
            return;
        }
        let times = self.count.take().unwrap_or(1);
        match action {
            Some(a) if repeats(a) => {
                for _ in 0..times {
                    handle(self, a);
                }
            }
            Some(a) => handle(self, a),
            None => self.status = Some(format!("{key}: not bound (? lists the keys)")),
        }
    }

    /// Pasted text (bracketed paste): typed into the open prompt as one line — a pasted
    /// newline is a space, never Enter — and ignored where no prompt is open, so a
    /// paste never runs commands.
    pub fn paste(&mut self, text: &str) {
        let line: String = text
            .split(['\r', '\n'])
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .filter(|c| !c.is_control())
            .collect();
        match crate::ui::layers::top(self) {
            Some(layer) => crate::ui::layers::of(layer).paste(self, &line),
            None => self.status = Some("paste ignored: no prompt is open (/ searches)".into()),
        }
    }

    /// Brings what typing deferred up to date (the search matches); the app calls it
    /// before drawing, once the keys already waiting are handled.
    pub fn settle(&mut self) {
        if std::mem::take(&mut self.search.stale) {
            self.run_search();
        }
    }

    /// Incremental search: recomputes matches and moves to the first one at or after
    /// the cursor.
    pub(crate) fn run_search(&mut self) {
        if crate::ui::corpus_search::active(self) {
            return crate::ui::corpus_search::run(self);
        }
        let arts: Vec<usize> = if self.search.all {
            (0..self.model.len()).collect()
        } else {
            vec![self.current]
        };
        self.search.matches = search::search(self, &arts, &self.search.query);
        self.search.selected = 0;
        if self.search.all {
            return;
        }
        let from = self.search.origin.map(|(_, s)| s.cursor).unwrap_or(0);
        if let Some(i) = self.search.matches.iter().position(|m| m.para >= from) {
            self.search.selected = i;
        }
        self.show_match();
    }

    pub(crate) fn show_match(&mut self) {
        let Some(m) = self.search.matches.get(self.search.selected).cloned() else {
            return;
        };
        self.current = m.article;
        let Some(pane) = self.reader_pane() else {
            return;
        };
        let mut s = self.model.reader(m.article);
        pane.show(&mut s, m.para, m.range.start);
        self.model.set_reader(m.article, s);
    }

    /// The mouse: wheel over a pane scrolls it, a click selects a passage, pane or row.
    pub fn mouse(&mut self, event: MouseInput) {
        self.settle();
        let (x, y) = match event {
            MouseInput::Click { x, y }
            | MouseInput::WheelUp { x, y }
            | MouseInput::WheelDown { x, y } => (x, y),
        };
        let delta = match event {
            MouseInput::WheelUp { .. } => -3,
            MouseInput::WheelDown { .. } => 3,
            MouseInput::Click { .. } => 0,
        };
        if let Some(layer) = crate::ui::layers::top(self)
            && crate::ui::layers::of(layer).mouse(self, delta)
        {
            return;
        }
        crate::ui::views::of(self.view).mouse(self, x, y, delta);
    }

    pub(crate) fn pane_mouse(
        &mut self,
        ai: usize,
        text: Rect,
        y: u16,
        delta: isize,
        compare: bool,
    ) {
        let Some(pane) = self.pane(ai, text) else {
            return;
        };
        let mut s = if compare {
            self.model.compare(ai)
        } else {
            self.model.reader(ai)
        };
        if delta != 0 {
            pane.scroll(&mut s, delta);
        } else if let Some((b, _)) = pane.visible(s.top).get(y.saturating_sub(text.y) as usize) {
            let p = pane.para_of(*b);
            if self.model.open[ai]
                .article
                .paragraphs
                .get(p)
                .is_some_and(|t| !t.trim().is_empty())
            {
                s.cursor = p;
            }
        }
        if compare {
            self.model.set_compare(ai, s);
        } else {
            self.model.set_reader(ai, s);
        }
    }

    /// The screen changed size: keep every position valid.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        if cols != self.size.width || rows != self.size.height {
            // Selected lines are positions at the old width.
            self.visual = None;
        }
        self.size = Rect::new(0, 0, cols, rows);
        if let Some(h) = self.help {
            self.help = Some(h.min(crate::ui::help::max_offset(self)));
        }
        if let Some(p) = self.reader_pane() {
            let mut s = self.model.reader(self.current);
            p.refit(&mut s);
            self.model.set_reader(self.current, s);
        }
        for ai in self.compare_articles() {
            if let Some(p) = self.compare_pane(ai) {
                let mut s = self.model.compare(ai);
                p.refit(&mut s);
                self.model.set_compare(ai, s);
            }
        }
    }
}
