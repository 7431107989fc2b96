//! The panes of the model: the reader's and compare's, which articles compare shows
//! and where, and positions in an article.

use ratatui::layout::Rect;

use super::{MAX_PANES, State};
use crate::ui::pane::{Pane, Scroll};
use crate::ui::screen;

impl State {
    // ---- panes -------------------------------------------------------------------

    /// The reader's pane on the current article.
    pub fn reader_pane(&self) -> Option<Pane<'_>> {
        let area = screen::reader(self.size).text;
        self.pane(self.current, area)
    }

    pub fn pane(&self, ai: usize, area: Rect) -> Option<Pane<'_>> {
        Some(Pane {
            ai,
            article: &self.model.open.get(ai)?.article,
            blocks: &self.model.open.get(ai)?.blocks,
            cache: &self.model.cache,
            width: area.width.max(1) as usize,
            height: area.height.max(1) as usize,
        })
    }

    /// How many panes fit: about 24 columns each, two to five.
    pub fn max_panes(&self) -> usize {
        (self.size.width as usize / 24).clamp(2, MAX_PANES)
    }

    /// The articles shown in compare, in order of publication (undated ones in source
    /// order). With more articles than fit, those with a claim on the chosen topic come
    /// first, then the current article and those after it; `compare.skip` scrolls that
    /// list, so every source can be brought into view.
    pub fn compare_articles(&self) -> Vec<usize> {
        let n = self.model.len();
        let max = self.max_panes().min(n);
        let by_time = |out: &mut Vec<usize>| {
            out.sort_by_key(|&a| {
                let p = self.model.open[a]
                    .article
                    .published
                    .map(|p| p.time.timestamp());
                (p.is_none(), p, a)
            })
        };
        if n <= max {
            let mut out: Vec<usize> = (0..n).collect();
            by_time(&mut out);
            return out;
        }
        let mut order: Vec<usize> = self
            .compare
            .group
            .and_then(|g| self.model.analysis.groups.get(g))
            .map(|g| {
                g.claims
                    .iter()
                    .filter_map(|c| self.model.index.article_of.get(c).copied())
                    .collect()
            })
            .unwrap_or_default();
        order.extend((0..n).map(|i| (self.current + i) % n));
        let mut seen = vec![false; n];
        order.retain(|&a| a < n && !std::mem::replace(&mut seen[a], true));
        let skip = self.compare.skip.min(n - max);
        let mut out: Vec<usize> = order.into_iter().skip(skip).take(max).collect();
        by_time(&mut out);
        out
    }

    /// The compare panes in screen order, left to right: (article, its pane areas).
    pub fn compare_layout(&self) -> Vec<(usize, screen::PaneArea)> {
        let mut arts = self.compare_articles();
        if self.first_right {
            arts.reverse();
        }
        let areas = screen::compare_panes(self.size, arts.len());
        arts.into_iter().zip(areas).collect()
    }

    pub(crate) fn compare_pane(&self, ai: usize) -> Option<Pane<'_>> {
        let (_, pa) = self.compare_layout().into_iter().find(|(a, _)| *a == ai)?;
        self.pane(ai, pa.area.text)
    }

    /// The article of the focused compare pane.
    pub fn focused_article(&self) -> Option<usize> {
        let arts = self.compare_articles();
        arts.get(self.compare.focus.min(arts.len().saturating_sub(1)))
            .copied()
    }

    /// Position in the current article: 0–100 by bytes, and whether the end is shown.
    pub fn position(&self, ai: usize, s: &Scroll, pane: &Pane) -> (usize, bool) {
        let paragraphs = &self.model.open[ai].article.paragraphs;
        let total = paragraphs.text_bytes() + 1;
        let block = self.model.open.get(ai).and_then(|o| o.blocks.get(s.top.0));
        let at = block.map_or(0, |b| paragraphs.offset_of(b.para) + b.range.start);
        let end = pane.at_end(s.top);
        let pct = if end { 100 } else { at * 100 / total };
        (pct, end)
    }
}
