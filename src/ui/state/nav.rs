//! Moving around: switching views with history, scrolling panes, jumping to topics,
//! conflicts and search matches.

use super::{State, View};
use crate::ui::pane::{Pane, Scroll};

impl State {
    // ---- navigation ---------------------------------------------------------------

    /// Switches view, remembering where we were for `Esc`.
    pub fn go(&mut self, view: View) {
        if self.view != view {
            self.history.push(self.view);
            if self.history.len() > 64 {
                self.history.remove(0);
            }
            self.view = view;
        }
    }

    pub(crate) fn back(&mut self) {
        if self.help.take().is_some() {
            return;
        }
        if !self.search.matches.is_empty() && self.view == View::Reader {
            self.search.matches.clear();
            self.search.query.clear();
            self.search.recall = None;
            return;
        }
        if let Some(v) = self.history.pop() {
            self.view = v;
        }
    }

    /// Applies `f` to the reader's scroll of the current article.
    pub fn with_reader(&mut self, f: impl FnOnce(&Pane, &mut Scroll)) {
        let ai = self.current;
        let Some(pane) = self.reader_pane() else {
            return;
        };
        let mut s = self.model.reader(ai);
        f(&pane, &mut s);
        self.model.set_reader(ai, s);
    }

    /// Applies `f` to the compare scroll of article `ai`.
    pub fn with_compare(&mut self, ai: usize, f: impl FnOnce(&Pane, &mut Scroll)) {
        let Some(pane) = self.compare_pane(ai) else {
            return;
        };
        let mut s = self.model.compare(ai);
        f(&pane, &mut s);
        self.model.set_compare(ai, s);
    }

    /// Selects a topic group in compare and scrolls every pane to its claim.
    pub fn select_group(&mut self, g: usize) {
        if self.compare.group != Some(g) {
            // A new topic shows its sources first.
            self.compare.skip = 0;
        }
        self.compare.group = Some(g);
        let Some(group) = self.model.analysis.groups.get(g).cloned() else {
            return;
        };
        // Each pane's claim on the topic, as (paragraph, byte); a pane without one
        // goes back to its start, so it shows nothing of the previous topic.
        let targets: Vec<(usize, Option<(usize, usize)>)> = self
            .compare_articles()
            .into_iter()
            .map(|ai| {
                let at = group
                    .claims
                    .iter()
                    .filter_map(|c| self.model.claim(*c))
                    .find(|c| self.model.index.article_of.get(&c.id) == Some(&ai))
                    .map(|c| (c.paragraph.saturating_sub(1), c.start));
                (ai, at)
            })
            .collect();
        // The claims are lined up on one row, one line below the top, unless an
        // article's end holds one lower: then the others come down to it.
        let mut row = 1;
        for &(ai, at) in &targets {
            if let Some((para, byte)) = at {
                let mut r = 0;
                self.with_compare(ai, |pane, s| r = pane.place(s, para, byte, 1));
                row = row.max(r);
            }
        }
        for (ai, at) in targets {
            match at {
                Some((para, byte)) => {
                    self.with_compare(ai, |pane, s| {
                        pane.place(s, para, byte, row);
                    });
                }
                None => self.with_compare(ai, |pane, s| pane.to_start(s)),
            }
        }
    }

    /// Moves to the next (or previous) conflict group.
    pub(crate) fn step_conflict(&mut self, forward: bool) {
        let list = self.model.conflict_groups();
        if list.is_empty() {
            self.status = Some("no conflicting claims found".into());
            return;
        }
        let next = match self
            .compare
            .group
            .and_then(|g| list.iter().position(|x| *x == g))
        {
            Some(i) if forward => list[(i + 1) % list.len()],
            Some(i) => list[(i + list.len() - 1) % list.len()],
            None if forward => list[0],
            None => list[list.len() - 1],
        };
        self.go(View::Compare);
        self.select_group(next);
    }

    pub(crate) fn step_topic(&mut self, forward: bool) {
        let n = self.model.analysis.groups.len();
        if n == 0 {
            self.status = Some("no claims found".into());
            return;
        }
        let next = match self.compare.group {
            Some(g) if forward => (g + 1) % n,
            Some(g) => (g + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        };
        self.select_group(next);
    }

    /// In the reader: the cursor to the next claim of the article that is in conflict.
    pub(crate) fn reader_conflict(&mut self, forward: bool) {
        let ai = self.current;
        let cursor = self.model.reader(ai).cursor;
        let mut paras: Vec<usize> = self
            .model
            .index
            .by_para
            .iter()
            .filter(|((a, _), ids)| *a == ai && ids.iter().any(|id| self.model.in_conflict(*id)))
            .map(|((_, p), _)| *p)
            .collect();
        paras.sort_unstable();
        let target = if forward {
            paras.iter().find(|p| **p > cursor).or(paras.first())
        } else {
            paras.iter().rev().find(|p| **p < cursor).or(paras.last())
        };
        match target.copied() {
            Some(p) => self.with_reader(|pane, s| pane.jump(s, p, 0)),
            None => self.step_conflict(forward),
        }
    }

    pub(crate) fn open_search(&mut self, all: bool) {
        if !all {
            if let Some(ai) = self.focused_in_view() {
                self.current = ai;
            }
            self.go(View::Reader);
        }
        self.search.editing = true;
        self.search.all = all;
        self.search.query.clear();
        self.search.matches.clear();
        self.search.origin = Some((self.current, self.model.reader(self.current)));
    }

    /// The article the current view is about.
    pub(crate) fn focused_in_view(&self) -> Option<usize> {
        crate::ui::views::of(self.view).article(self)
    }

    pub(crate) fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.status = Some("no search: press / to search".into());
            return;
        }
        self.search.selected = if forward {
            (self.search.selected + 1) % n
        } else {
            (self.search.selected + n - 1) % n
        };
        if self.view == View::Reader {
            self.show_match();
        }
    }
}
