//! Visual selection in the reader: `v` starts selecting display lines at the cursor,
//! the motion keys extend the selection, `b` bookmarks it and `Esc` cancels.
//!
//! Positions are the pane's (block, line) pairs, so they hold only for the width they
//! were made at: a resize cancels the selection.

use super::action::Action;
use super::pane::Pane;
use super::reader::page;
use super::state::{State, View};

/// A selection of display lines in article `ai`, from `anchor` (where `v` was pressed)
/// to `head` (which the motion keys move); either may come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visual {
    pub ai: usize,
    pub anchor: (usize, usize),
    pub head: (usize, usize),
}

impl Visual {
    /// First and last selected line, in reading order.
    pub fn span(&self) -> ((usize, usize), (usize, usize)) {
        (self.anchor.min(self.head), self.anchor.max(self.head))
    }

    /// Whether line `pos` of article `ai` is selected.
    pub fn contains(&self, ai: usize, pos: (usize, usize)) -> bool {
        let (lo, hi) = self.span();
        ai == self.ai && lo <= pos && pos <= hi
    }
}

/// `v` in the reader: selects the first line of the passage under the cursor that is on
/// screen.
pub fn start(state: &mut State) {
    if state.view != View::Reader {
        state.status = Some("v selects lines in the reader (r)".into());
        return;
    }
    let ai = state.current;
    let Some(pane) = state.reader_pane() else {
        return;
    };
    let s = state.model.reader(ai);
    let at = pane
        .visible(s.top)
        .into_iter()
        .find(|(b, _)| pane.para_of(*b) == s.cursor)
        .unwrap_or(s.top);
    state.visual = Some(Visual {
        ai,
        anchor: at,
        head: at,
    });
}

/// An action while selecting. Returns whether it was used up here; other actions
/// cancel the selection and go on as usual (help and quit keep it).
pub fn handle(state: &mut State, action: Action) -> bool {
    let Some(v) = state.visual else {
        return false;
    };
    if state.view != View::Reader || v.ai != state.current {
        state.visual = None;
        return false;
    }
    match action {
        Action::LineDown
        | Action::LineUp
        | Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::Top
        | Action::Bottom
        | Action::NextParagraph
        | Action::PrevParagraph => {
            extend(state, v, action);
            true
        }
        Action::Back | Action::VisualSelect => {
            state.visual = None;
            state.status = Some("selection cancelled".into());
            true
        }
        Action::Bookmark => {
            state.visual = None;
            bookmark(state, v);
            true
        }
        Action::Copy => {
            state.visual = None;
            super::copy::selection(state, v);
            true
        }
        Action::Help | Action::Quit => false,
        _ => {
            state.visual = None;
            false
        }
    }
}

/// Moves the selection's head and scrolls so that it stays on screen.
fn extend(state: &mut State, mut v: Visual, action: Action) {
    let ai = v.ai;
    let Some(pane) = state.reader_pane() else {
        return;
    };
    let h = v.head;
    v.head = match action {
        Action::LineDown => pane.forward(h, 1),
        Action::LineUp => pane.back(h, 1),
        Action::PageDown => pane.forward(h, page(&pane).unsigned_abs()),
        Action::PageUp => pane.back(h, page(&pane).unsigned_abs()),
        Action::HalfPageDown => pane.forward(h, super::reader::half_page(&pane).unsigned_abs()),
        Action::HalfPageUp => pane.back(h, super::reader::half_page(&pane).unsigned_abs()),
        Action::Top => (0, 0),
        Action::Bottom => pane.end(),
        // The first line of the next / this (or the previous) passage.
        Action::NextParagraph => next_block(&pane, h),
        Action::PrevParagraph if h.1 > 0 => (h.0, 0),
        Action::PrevParagraph => (h.0.saturating_sub(1), 0),
        _ => h,
    };
    let mut s = state.model.reader(ai);
    if v.head < s.top {
        s.top = v.head;
    } else if !pane.visible(s.top).contains(&v.head) {
        s.top = pane.clamp_top(pane.back(v.head, pane.height.saturating_sub(1)));
    }
    let para = pane.para_of(v.head.0);
    if pane
        .article
        .paragraphs
        .get(para)
        .is_some_and(|p| !p.trim().is_empty())
    {
        s.cursor = para;
    }
    state.model.set_reader(ai, s);
    state.visual = Some(v);
}

fn next_block(pane: &Pane, h: (usize, usize)) -> (usize, usize) {
    let next = pane.forward((h.0, pane.lines_in(h.0) - 1), 1);
    if next.0 > h.0 { next } else { pane.end() }
}

/// What a selection bookmarks: (0-based paragraph, byte range in it, whether the
/// selection went on past that paragraph). A bookmark holds one paragraph's range, so a
/// selection over several is cut at the end of its first non-blank paragraph.
pub fn range(pane: &Pane, v: &Visual) -> Option<(usize, std::ops::Range<usize>, bool)> {
    let (mut lo, hi) = v.span();
    loop {
        let para = pane.para_of(lo.0);
        let lines = pane.lines(lo.0);
        let start = lines.get(lo.1)?.source.start;
        let (hb, hl) = hi;
        let end = if pane.para_of(hb) == para {
            pane.lines(hb).get(hl)?.source.end
        } else {
            pane.article.paragraphs.get(para)?.len()
        };
        let text = pane.article.paragraphs.get(para)?.get(start..end)?;
        let more = pane.para_of(hb) != para;
        if !text.trim().is_empty() {
            return Some((para, start..end, more));
        }
        if !more {
            return None;
        }
        // A blank passage first: start at the next block.
        let next = next_block(pane, lo);
        if next <= lo || next > hi {
            return None;
        }
        lo = next;
    }
}

fn bookmark(state: &mut State, v: Visual) {
    let Some(found) = state.reader_pane().and_then(|p| range(&p, &v)) else {
        state.status = Some("nothing to bookmark in the selection".into());
        return;
    };
    let (para, bytes, more) = found;
    let notice = more.then(|| {
        format!(
            "the selection goes on past ¶{n}: the bookmark covers ¶{n} from the first selected line",
            n = para + 1
        )
    });
    super::bookmarks_view::bookmark_range(state, v.ai, para, bytes, notice);
}
