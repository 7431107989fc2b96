//! The story library's model: a corpus's stories (from `crate::index`), the order and
//! filters the reader chose, and the rows they leave. No terminal types; the view is
//! `stories_view.rs`.

use crate::corpus::LoadOptions;
use crate::index::{Entry, Grouped};
use crate::text::fold::fold_words;
use rayon::prelude::*;

/// How the library is sorted (`o` cycles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StorySort {
    /// Newest first (by the story's last article).
    #[default]
    Time,
    /// Most outlets first.
    Outlets,
    /// Most conflicting claim groups first.
    Conflicts,
}

impl StorySort {
    pub fn next(self) -> StorySort {
        match self {
            StorySort::Time => StorySort::Outlets,
            StorySort::Outlets => StorySort::Conflicts,
            StorySort::Conflicts => StorySort::Time,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StorySort::Time => "newest first",
            StorySort::Outlets => "most outlets first",
            StorySort::Conflicts => "most conflicts first",
        }
    }
}

/// A corpus opened as stories.
#[derive(Debug)]
pub struct StoryLib {
    pub entries: Vec<Entry>,
    pub stories: Vec<Grouped>,
    /// How the story's files are read when it is opened (the user's options).
    pub load: LoadOptions,
    pub sort: StorySort,
    /// Only stories with this outlet (index into `outlets`).
    pub outlet: Option<usize>,
    /// Every outlet of the corpus, sorted.
    pub outlets: Vec<String>,
    /// The text filter (`/`), and whether its prompt is open.
    pub filter: String,
    pub filtering: bool,
    /// Single-outlet stories listed too (`a`): the articles no other outlet reported.
    pub all: bool,
    /// The selected row (index into `rows`).
    pub sel: usize,
    /// The story open in the other views (index into `stories`).
    pub open: Option<usize>,
    /// The stories listed, in order: indices into `stories`.
    rows: Vec<usize>,
    /// Per story, its title, outlets and articles' titles folded (what `/` matches).
    folded: Vec<String>,
    /// Per entry, its story.
    story_of: Vec<Option<usize>>,
    /// Search across the corpus's texts (`F`), when the index can serve it.
    pub text: Option<super::corpus_search::TextSearch>,
    /// The corpus being read and grouped on a worker thread: the library is empty
    /// until it is done.
    pub pending: Option<super::story_grouping::Pending>,
    /// Why the grouping failed: the reader quits and reports it.
    pub failed: Option<String>,
}

impl StoryLib {
    pub fn new(entries: Vec<Entry>, stories: Vec<Grouped>, load: LoadOptions) -> StoryLib {
        let mut outlets: Vec<String> = entries
            .iter()
            .map(|e| e.outlet.clone())
            .filter(|o| !o.is_empty())
            .collect();
        outlets.sort();
        outlets.dedup();
        // Every story's text for the filter, on every core: 39k titles folded one
        // after another were a tenth of a warm reopen of the corpus.
        let folded = stories
            .par_iter()
            .map(|g| {
                let mut s = fold_words(&g.story.title);
                for o in &g.story.outlets {
                    s.push('\n');
                    s.push_str(&fold_words(o));
                }
                for &a in &g.story.articles {
                    if let Some(e) = entries.get(a) {
                        s.push('\n');
                        s.push_str(&fold_words(&e.title));
                    }
                }
                s
            })
            .collect();
        let mut story_of = vec![None; entries.len()];
        for (k, g) in stories.iter().enumerate() {
            for &a in &g.story.articles {
                if let Some(s) = story_of.get_mut(a) {
                    *s = Some(k);
                }
            }
        }
        // A corpus of one outlet has no multi-outlet story: list everything then.
        let all = !stories.iter().any(|g| g.story.outlets.len() > 1);
        let mut lib = StoryLib {
            entries,
            stories,
            load,
            sort: StorySort::default(),
            outlet: None,
            outlets,
            filter: String::new(),
            filtering: false,
            all,
            sel: 0,
            open: None,
            rows: Vec::new(),
            folded,
            story_of,
            text: None,
            pending: None,
            failed: None,
        };
        lib.refresh();
        lib
    }

    /// An empty library while `pending` reads and groups the corpus.
    pub fn grouping(pending: super::story_grouping::Pending, load: LoadOptions) -> StoryLib {
        let mut lib = StoryLib::new(Vec::new(), Vec::new(), load);
        lib.all = false;
        lib.pending = Some(pending);
        lib
    }

    /// The story of an entry.
    pub fn story_of(&self, entry: usize) -> Option<usize> {
        self.story_of.get(entry).copied().flatten()
    }

    /// The listed stories, in order (indices into `stories`).
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// The story of the selected row.
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.sel).copied()
    }

    /// Articles in single-outlet stories: hidden until `a` lists them.
    pub fn other_articles(&self) -> usize {
        self.stories
            .iter()
            .filter(|g| g.story.outlets.len() <= 1)
            .map(|g| g.story.articles.len())
            .sum()
    }

    /// Stories with two outlets or more.
    pub fn multi_outlet(&self) -> usize {
        self.stories
            .iter()
            .filter(|g| g.story.outlets.len() > 1)
            .count()
    }

    pub fn outlet_name(&self) -> Option<&str> {
        self.outlet
            .and_then(|i| self.outlets.get(i))
            .map(String::as_str)
    }

    /// Recomputes the rows after a change of sort, filter or toggle; the selected story
    /// stays selected when it is still listed.
    pub fn refresh(&mut self) {
        let keep = self.selected();
        let query = fold_words(&self.filter);
        let outlet = self.outlet_name().map(str::to_owned);
        let mut rows: Vec<usize> = (0..self.stories.len())
            .filter(|&i| {
                let s = &self.stories[i].story;
                (self.all || s.outlets.len() > 1)
                    && outlet.as_ref().is_none_or(|o| s.outlets.contains(o))
                    && (query.is_empty() || self.folded[i].contains(&query))
            })
            .collect();
        let key = |i: usize| {
            let g = &self.stories[i];
            (
                g.story.last.or(g.story.first),
                g.story.outlets.len(),
                g.conflicts,
            )
        };
        // Stories come in order of first publication; every sort is stable over that.
        use std::cmp::Reverse;
        match self.sort {
            StorySort::Time => rows.sort_by_key(|&i| Reverse(key(i).0)),
            StorySort::Outlets => rows.sort_by_key(|&i| Reverse((key(i).1, key(i).2))),
            StorySort::Conflicts => rows.sort_by_key(|&i| Reverse((key(i).2, key(i).1))),
        }
        self.rows = rows;
        self.sel = keep
            .and_then(|k| self.rows.iter().position(|&r| r == k))
            .unwrap_or(0);
    }

    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        self.refresh();
    }

    /// Next outlet filter: none, then each outlet in turn, then none again.
    pub fn cycle_outlet(&mut self) {
        self.outlet = match self.outlet {
            None if !self.outlets.is_empty() => Some(0),
            Some(i) if i + 1 < self.outlets.len() => Some(i + 1),
            _ => None,
        };
        self.refresh();
    }

    pub fn toggle_all(&mut self) {
        self.all = !self.all;
        self.refresh();
    }

    /// The paths of a story's articles, oldest first, with their index entries.
    pub fn articles_of(&self, story: usize) -> Vec<&Entry> {
        self.stories.get(story).map_or(Vec::new(), |g| {
            g.story
                .articles
                .iter()
                .filter_map(|&a| self.entries.get(a))
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories::Story;

    fn lib() -> StoryLib {
        let e = |p: &str, o: &str, t: &str, at: i64| Entry {
            path: p.into(),
            outlet: o.into(),
            title: t.into(),
            published: Some(at),
        };
        let entries = vec![
            e("a1", "alpha", "حريق في مصنع", 100),
            e("b1", "beta", "حريق هائل", 110),
            e("c1", "gamma", "زلزال في هاتاي", 200),
            e("a2", "alpha", "زلزال قوي", 210),
            e("b2", "beta", "مباراة كرة قدم", 300),
        ];
        let g = |id: &str, title: &str, arts: Vec<usize>, conflicts| {
            let outlets: Vec<String> = arts.iter().fold(Vec::new(), |mut v, &a| {
                let o: &Entry = &entries[a];
                if !v.contains(&o.outlet) {
                    v.push(o.outlet.clone());
                }
                v
            });
            Grouped {
                story: Story {
                    id: id.into(),
                    title: title.into(),
                    first: arts.iter().map(|&a| entries[a].published.unwrap()).min(),
                    last: arts.iter().map(|&a| entries[a].published.unwrap()).max(),
                    outlets,
                    articles: arts,
                },
                conflicts,
            }
        };
        let stories = vec![
            g("s1", "حريق في مصنع", vec![0, 1], 0),
            g("s2", "زلزال في هاتاي", vec![2, 3], 2),
            g("s3", "مباراة كرة قدم", vec![4], 0),
        ];
        StoryLib::new(entries, stories, LoadOptions::default())
    }

    #[test]
    fn sorts_by_time_outlets_and_conflicts() {
        let mut l = lib();
        // Newest first; the single-outlet story is hidden until `a`.
        assert_eq!(l.rows(), &[1, 0]);
        assert_eq!(l.other_articles(), 1);
        l.cycle_sort();
        assert_eq!(l.sort, StorySort::Outlets);
        // Same outlet count: more conflicts first.
        assert_eq!(l.rows(), &[1, 0]);
        l.cycle_sort();
        assert_eq!(l.sort, StorySort::Conflicts);
        l.toggle_all();
        assert_eq!(l.rows(), &[1, 0, 2]);
        l.cycle_sort();
        assert_eq!(l.rows(), &[2, 1, 0]);
    }

    #[test]
    fn filters_by_outlet_and_text_keeping_the_selection() {
        let mut l = lib();
        l.toggle_all();
        l.sel = 2; // the fire story (oldest), listed last
        assert_eq!(l.selected(), Some(0));
        l.cycle_outlet(); // alpha
        assert_eq!(l.outlet_name(), Some("alpha"));
        assert_eq!(l.rows(), &[1, 0]);
        assert_eq!(l.selected(), Some(0), "the selection follows its story");
        l.cycle_outlet(); // beta
        assert_eq!(l.rows(), &[2, 0]);
        l.cycle_outlet(); // gamma
        assert_eq!(l.rows(), &[1]);
        l.cycle_outlet(); // none
        assert_eq!(l.outlet_name(), None);
        // Text: folded (هائل matches an article's title, not the story's), and outlets.
        l.filter = "هائل".into();
        l.refresh();
        assert_eq!(l.rows(), &[0]);
        l.filter = "GAMMA".into();
        l.refresh();
        assert_eq!(l.rows(), &[1]);
        l.filter = "لا شيء".into();
        l.refresh();
        assert!(l.rows().is_empty());
        assert_eq!(l.selected(), None);
    }

    #[test]
    fn one_outlet_corpus_lists_everything() {
        let mut l = lib();
        for e in &mut l.entries {
            e.outlet = "only".into();
        }
        for g in &mut l.stories {
            g.story.outlets = vec!["only".into()];
        }
        let l = StoryLib::new(l.entries, l.stories, LoadOptions::default());
        assert!(l.all);
        assert_eq!(l.rows().len(), 3);
    }
}
