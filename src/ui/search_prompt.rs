//! The search prompt (`/`, `F`): a layer over the view whose keys come from `[prompt]`;
//! typing searches as it goes (once the keys waiting are handled), ↑/↓ bring back this
//! session's earlier queries, Enter keeps the matches, Esc goes back to where the
//! reader was.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::Action;
use super::draw::{self, Align};
use super::keymap::Key;
use super::layers::{self, Input, LayerOps};
use super::state::{State, View};

/// Queries the search history keeps.
const HISTORY: usize = 100;

/// The search prompt as a layer.
pub struct SearchLayer;

impl LayerOps for SearchLayer {
    fn key(&self, state: &mut State, key: Key) {
        if let Some(input) = layers::prompt_input(state, key) {
            state.search_input(input);
        }
    }

    fn paste(&self, state: &mut State, line: &str) {
        state.search.query.push_str(line);
        state.search.stale = true;
    }

    fn draw(&self, state: &State, buf: &mut Buffer) {
        let size = buf.area;
        let row = Rect::new(size.x, size.bottom().saturating_sub(1), size.width, 1);
        draw_prompt(state, buf, row);
    }

    fn owns_status_row(&self) -> bool {
        true
    }
}

impl State {
    /// A key in the search prompt, as the prompt reads it.
    pub(crate) fn search_input(&mut self, input: Input) {
        match input {
            Input::Text(c) => {
                self.search.query.push(c);
                self.search.stale = true;
            }
            Input::Act(a @ (Action::Older | Action::Newer)) => self.recall(a == Action::Older),
            Input::Act(Action::Accept) => {
                self.settle();
                self.search.editing = false;
                self.search.recall = None;
                let q = self.search.query.trim();
                if !q.is_empty() && self.search.history.last().map(String::as_str) != Some(q) {
                    let q = q.to_owned();
                    self.search.history.retain(|h| *h != q);
                    self.search.history.push(q);
                    let over = self.search.history.len().saturating_sub(HISTORY);
                    self.search.history.drain(..over);
                }
                if self.search.all && !self.search.query.is_empty() {
                    self.go(View::SearchResults);
                }
                let none = self.search.matches.is_empty() && self.search.hits.is_empty();
                if none && !self.search.query.is_empty() {
                    self.status = Some(format!("no match for «{}»", self.search.query));
                }
            }
            Input::Act(Action::Cancel) => {
                self.search.recall = None;
                self.search.stale = false;
                self.search.editing = false;
                self.search.query.clear();
                self.search.matches.clear();
                self.search.hits.clear();
                if let Some((ai, s)) = self.search.origin.take() {
                    self.current = ai;
                    self.model.set_reader(ai, s);
                }
            }
            Input::Act(a) => {
                if layers::edit_at_end(&mut self.search.query, a) {
                    self.search.stale = true;
                }
            }
        }
    }

    /// ↑ (`older`) / ↓ in the search prompt: the previous / next query of the history;
    /// ↓ past the newest empties the prompt.
    fn recall(&mut self, older: bool) {
        let n = self.search.history.len();
        if n == 0 {
            self.status = Some("no earlier search in this session".into());
            return;
        }
        let next = match (self.search.recall, older) {
            (None, true) => Some(0),
            (None, false) => None,
            (Some(i), true) => Some((i + 1).min(n - 1)),
            (Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
        };
        self.search.recall = next;
        self.search.query = next
            .map(|i| self.search.history[n - 1 - i].clone())
            .unwrap_or_default();
        self.search.stale = true;
    }
}

/// The search prompt: `/`, then the query laid out on its own (so an Arabic query reads
/// right to left and does not pull the count into it), the cursor at its logical end,
/// then the count. A long query shows its end.
fn draw_prompt(state: &State, buf: &mut Buffer, row: Rect) {
    use unicode_width::UnicodeWidthStr;
    let theme = state.theme();
    let s = &state.search;
    let scope = if s.all {
        "all articles"
    } else {
        "this article"
    };
    let suffix = if super::corpus_search::active(state) {
        let n = state.model.stories.as_ref().map_or(0, |l| l.entries.len());
        format!(
            " {} of {n} articles in the corpus (Enter lists them, Esc cancel)",
            s.hits.len()
        )
    } else {
        format!(
            " {} matches in {scope} (Enter done, Esc cancel)",
            s.matches.len()
        )
    };
    draw::text(
        state,
        buf,
        Rect::new(row.x, row.y, 1, 1),
        "/",
        theme.dim(),
        Align::Left,
    );
    let room = row.width.saturating_sub(1);
    // The query keeps at least half the row; the count gives way first.
    let field_max = room
        .saturating_sub(suffix.width().min(usize::from(room / 2)) as u16)
        .max(1);
    let shown = format!(
        "{}▏",
        super::note_prompt::shown_tail(&s.query, usize::from(field_max))
    );
    let field = (shown.width() as u16).min(field_max);
    draw::text(
        state,
        buf,
        Rect::new(row.x + 1, row.y, field, 1),
        &shown,
        theme.dim(),
        Align::Auto,
    );
    let x = row.x + 1 + field;
    draw::text(
        state,
        buf,
        Rect::new(x, row.y, row.right().saturating_sub(x), 1),
        &suffix,
        theme.dim(),
        Align::Left,
    );
}
