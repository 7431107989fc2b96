//! A scrolling view of one article's laid-out text: the position arithmetic shared by
//! the reader and the compare panes. Positions are (paragraph, line in paragraph), so
//! moving never needs the layout of paragraphs off screen.

use crate::corpus::Article;

use super::text::TextCache;

/// Where a pane is scrolled to, and its passage cursor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// First shown line: (paragraph, line within it).
    pub top: (usize, usize),
    /// The current passage (paragraph index).
    pub cursor: usize,
}

/// One article seen through a text area of `width` × `height`.
pub struct Pane<'a> {
    pub ai: usize,
    pub article: &'a Article,
    pub cache: &'a TextCache,
    pub width: usize,
    pub height: usize,
}

impl Pane<'_> {
    fn paras(&self) -> usize {
        self.article.paragraphs.len()
    }

    pub fn lines_in(&self, para: usize) -> usize {
        self.cache
            .paragraph(self.ai, self.article, para, self.width)
            .len()
            .max(1)
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
        if s.cursor >= first.0 && s.cursor <= last.0 && !self.blank(s.cursor) {
            return;
        }
        let candidates: Vec<usize> = vis
            .iter()
            .map(|v| v.0)
            .filter(|&p| !self.blank(p))
            .collect();
        let pick = if s.cursor > last.0 {
            candidates.last()
        } else {
            candidates.first()
        };
        if let Some(&p) = pick {
            s.cursor = p;
        } else {
            s.cursor = first.0;
        }
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
        s.cursor = self.paras().saturating_sub(1);
        self.fix_cursor(s);
    }

    /// Moves the cursor to the next (`forward`) or previous non-empty passage.
    pub fn step_cursor(&self, s: &mut Scroll, forward: bool) {
        let n = self.paras();
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

    /// Puts the cursor on `para` and scrolls so that its line `line` is on screen; when
    /// it has to scroll, it brings the passage's start to the top.
    pub fn show(&self, s: &mut Scroll, para: usize, line: usize) {
        if self.paras() == 0 {
            return;
        }
        let para = para.min(self.paras() - 1);
        s.cursor = para;
        let vis = self.visible(s.top);
        let line = line.min(self.lines_in(para) - 1);
        let start_shown = vis.contains(&(para, 0));
        let target_shown = vis.contains(&(para, line));
        let end_shown = vis.contains(&(para, self.lines_in(para) - 1));
        if target_shown && (start_shown || end_shown || line > 0) {
            return;
        }
        s.top = if line < self.height {
            (para, 0)
        } else {
            self.back((para, line), 1)
        };
        s.top = self.clamp_top(s.top);
    }

    /// Clamps after a change of size.
    pub fn refit(&self, s: &mut Scroll) {
        s.top = self.clamp_top(s.top);
        self.fix_cursor(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(paras: &[&str]) -> Article {
        Article {
            id: "t".into(),
            path: "t".into(),
            name: "t".into(),
            title: "t".into(),
            outlet: String::new(),
            short: "t".into(),
            paragraphs: paras.iter().map(|s| s.to_string()).collect(),
            hash: String::new(),
        }
    }

    #[test]
    fn scrolling_stops_at_both_ends_and_keeps_the_cursor_visible() {
        let a = article(&["aaaa bbbb cccc", "", "dddd", "", "eeee ffff"]);
        let cache = TextCache::default();
        let pane = Pane {
            ai: 0,
            article: &a,
            cache: &cache,
            width: 5,
            height: 3,
        };
        let mut s = Scroll::default();
        pane.scroll(&mut s, -4);
        assert_eq!(s.top, (0, 0));
        pane.scroll(&mut s, 100);
        assert_eq!(s.top, pane.max_top());
        assert!(pane.at_end(s.top));
        assert_eq!(pane.visible(s.top).len(), 3);
        assert_eq!(s.cursor, 4, "cursor follows the last visible passage");
        pane.to_start(&mut s);
        pane.step_cursor(&mut s, true);
        assert_eq!(s.cursor, 2, "blank paragraphs are skipped");
        pane.step_cursor(&mut s, true);
        assert_eq!(s.cursor, 4);
        assert!(pane.visible(s.top).contains(&(4, 0)));
        pane.step_cursor(&mut s, true);
        assert_eq!(s.cursor, 4, "no passage after the last");
    }

    #[test]
    fn empty_article_is_harmless() {
        let a = article(&[]);
        let cache = TextCache::default();
        let pane = Pane {
            ai: 0,
            article: &a,
            cache: &cache,
            width: 1,
            height: 1,
        };
        let mut s = Scroll::default();
        pane.scroll(&mut s, 3);
        pane.to_end(&mut s);
        pane.step_cursor(&mut s, true);
        pane.show(&mut s, 9, 9);
        assert!(pane.visible(s.top).is_empty());
    }
}
