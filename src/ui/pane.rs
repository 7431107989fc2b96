//! A scrolling view of one article's laid-out text: the position arithmetic shared by
//! the reader and the compare panes. Positions are (block, line in block), so moving
//! never needs the layout of text off screen. A block is a paragraph, or a slice of one
//! over `BLOCK` bytes, so that even a single 100 MB paragraph is laid out a screen at a
//! time.

use std::rc::Rc;

use crate::corpus::Article;
use crate::layout::Line;

use super::text::TextCache;

pub use super::blocks::{BLOCK, Block, Blocks, blocks};

/// Where a pane is scrolled to, and its passage cursor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// First shown line: (block, line within it).
    pub top: (usize, usize),
    /// The current passage (paragraph index).
    pub cursor: usize,
}

/// One article seen through a text area of `width` × `height`.
pub struct Pane<'a> {
    pub ai: usize,
    pub article: &'a Article,
    pub blocks: &'a Blocks,
    pub cache: &'a TextCache,
    pub width: usize,
    pub height: usize,
}

impl Pane<'_> {
    fn paras(&self) -> usize {
        self.blocks.len()
    }

    /// The laid-out lines of block `b`.
    pub fn lines(&self, b: usize) -> Rc<[Line]> {
        match self.blocks.get(b) {
            Some(block) => self
                .cache
                .block(self.ai, self.article, b, &block, self.width),
            None => Rc::from(Vec::new()),
        }
    }

    pub fn lines_in(&self, b: usize) -> usize {
        self.lines(b).len().max(1)
    }

    /// The paragraph block `b` belongs to.
    pub fn para_of(&self, b: usize) -> usize {
        self.blocks.get(b).map_or(0, |bl| bl.para)
    }

    /// The block holding byte `byte` of paragraph `para`.
    pub fn block_at(&self, para: usize, byte: usize) -> usize {
        self.blocks.block_at(para, byte)
    }

    /// The position `n` lines after `pos`, stopping at the last line.
    pub fn forward(&self, pos: (usize, usize), mut n: usize) -> (usize, usize) {
        let (mut p, mut l) = pos;
        if self.paras() == 0 {
            return (0, 0);
        }
        while n > 0 {
            if l + 1 < self.lines_in(p) {
                l += 1;
            } else if p + 1 < self.paras() {
                p += 1;
                l = 0;
            } else {
                break;
            }
            n -= 1;
        }
        (p, l)
    }

    /// The position `n` lines before `pos`, stopping at the first line.
    pub fn back(&self, pos: (usize, usize), mut n: usize) -> (usize, usize) {
        let (mut p, mut l) = pos;
        while n > 0 {
            if l > 0 {
                l -= 1;
            } else if p > 0 {
                p -= 1;
                l = self.lines_in(p) - 1;
            } else {
                break;
            }
            n -= 1;
        }
        (p, l)
    }

    /// The last line of the article.
    pub fn end(&self) -> (usize, usize) {
        match self.paras() {
            0 => (0, 0),
            n => (n - 1, self.lines_in(n - 1) - 1),
        }
    }

    /// The furthest `top` can go: the last line at the bottom of the area.
    pub fn max_top(&self) -> (usize, usize) {
        self.back(self.end(), self.height.saturating_sub(1))
    }

    /// A valid top: inside the article, not past `max_top`.
    pub fn clamp_top(&self, top: (usize, usize)) -> (usize, usize) {
        if self.paras() == 0 {
            return (0, 0);
        }
        let p = top.0.min(self.paras() - 1);
        let l = top.1.min(self.lines_in(p) - 1);
        (p, l).min(self.max_top())
    }

    /// The (paragraph, line) shown on each row, top to bottom.
    pub fn visible(&self, top: (usize, usize)) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(self.height);
        if self.paras() == 0 || top.0 >= self.paras() {
            return out;
        }
        let mut pos = top;
        while out.len() < self.height {
            out.push(pos);
            let next = self.forward(pos, 1);
            if next == pos {
                break;
            }
            pos = next;
        }
        out
    }

    /// Whether the last line of the article is on screen.
    pub fn at_end(&self, top: (usize, usize)) -> bool {
        self.visible(top).last().is_none_or(|&p| p == self.end())
    }

    fn blank(&self, para: usize) -> bool {
        // A paragraph long enough to be split is not blank.
        if self
            .article
            .paragraphs
            .get(para)
            .is_some_and(|p| p.len() > BLOCK)
        {
            return false;
        }
        self.article
            .paragraphs
            .get(para)
            .is_none_or(|p| p.trim().is_empty())
    }

    /// Keeps the cursor on a non-empty passage that is on screen.
    pub fn fix_cursor(&self, s: &mut Scroll) {
        let vis = self.visible(s.top);
        let (Some(first), Some(last)) = (vis.first(), vis.last()) else {
            return;
        };
        let (first, last) = (self.para_of(first.0), self.para_of(last.0));
        if s.cursor >= first && s.cursor <= last && !self.blank(s.cursor) {
            return;
        }
        let candidates: Vec<usize> = vis
            .iter()
            .map(|v| self.para_of(v.0))
            .filter(|&p| !self.blank(p))
            .collect();
        let pick = if s.cursor > last {
            candidates.last()
        } else {
            candidates.first()
        };
        s.cursor = pick.copied().unwrap_or(first);
    }

    /// Scrolls by `delta` lines (negative: up) and keeps the cursor on screen.
    pub fn scroll(&self, s: &mut Scroll, delta: isize) {
        s.top = if delta >= 0 {
            self.clamp_top(self.forward(s.top, delta.unsigned_abs()))
        } else {
            self.back(s.top, delta.unsigned_abs())
        };
        self.fix_cursor(s);
    }

    pub fn to_start(&self, s: &mut Scroll) {
        s.top = (0, 0);
        s.cursor = 0;
        self.fix_cursor(s);
    }

    pub fn to_end(&self, s: &mut Scroll) {
        s.top = self.max_top();
        s.cursor = self.article.paragraphs.len().saturating_sub(1);
        self.fix_cursor(s);
    }

    /// Moves the cursor to the next (`forward`) or previous non-empty passage.
    pub fn step_cursor(&self, s: &mut Scroll, forward: bool) {
        let n = self.article.paragraphs.len();
        let mut p = s.cursor;
        loop {
            if forward {
                if p + 1 >= n {
                    return;
                }
                p += 1;
            } else {
                if p == 0 {
                    return;
                }
                p -= 1;
            }
            if !self.blank(p) {
                break;
            }
        }
        self.show(s, p, 0);
    }

    /// Puts the cursor on `para` and scrolls so that the line holding its byte `byte`
    /// is on screen.
    pub fn show(&self, s: &mut Scroll, para: usize, byte: usize) {
        if self.paras() == 0 {
            return;
        }
        let para = para.min(self.article.paragraphs.len().saturating_sub(1));
        s.cursor = para;
        let b = self.block_at(para, byte);
        let line = self
            .lines(b)
            .iter()
            .position(|l| l.source.contains(&byte))
            .unwrap_or(0);
        if self.visible(s.top).contains(&(b, line)) {
            return;
        }
        // The passage from its start when that line fits on screen, else the line
        // with one line of context above.
        let starts_para = self.blocks.get(b).is_some_and(|bl| bl.range.start == 0);
        s.top = if starts_para && line < self.height {
            (b, 0)
        } else {
            self.back((b, line), 1)
        };
        s.top = self.clamp_top(s.top);
    }

    /// The line of block `b` that holds byte `byte` of its paragraph.
    fn line_of(&self, b: usize, byte: usize) -> usize {
        self.lines(b)
            .iter()
            .position(|l| l.source.contains(&byte))
            .unwrap_or(0)
    }

    /// Puts the line holding `byte` of `para` on row `context` (or as near as the
    /// article's start and end allow), the cursor on that passage; returns its row.
    pub fn place(&self, s: &mut Scroll, para: usize, byte: usize, context: usize) -> usize {
        if self.paras() == 0 {
            return 0;
        }
        let para = para.min(self.article.paragraphs.len().saturating_sub(1));
        s.cursor = para;
        let b = self.block_at(para, byte);
        let at = (b, self.line_of(b, byte));
        s.top = self.clamp_top(self.back(at, context));
        self.visible(s.top)
            .iter()
            .position(|&p| p == at)
            .unwrap_or(0)
    }

    /// A jump (a conflict, a bookmark, a passage opened from elsewhere): the passage
    /// near the top of the screen, wherever it was — from its start when the line sought
    /// is in its upper half, else that line with one line of context above.
    pub fn jump(&self, s: &mut Scroll, para: usize, byte: usize) {
        if self.paras() == 0 {
            return;
        }
        let para = para.min(self.article.paragraphs.len().saturating_sub(1));
        let b = self.block_at(para, byte);
        let line = self.line_of(b, byte);
        let starts_para = self.blocks.get(b).is_some_and(|bl| bl.range.start == 0);
        let context = if starts_para && line < self.height / 2 {
            line
        } else {
            1
        };
        self.place(s, para, byte, context);
    }

    /// Clamps after a change of size.
    pub fn refit(&self, s: &mut Scroll) {
        s.top = self.clamp_top(s.top);
        self.fix_cursor(s);
    }
}

#[cfg(test)]
#[path = "pane_tests.rs"]
mod tests;
