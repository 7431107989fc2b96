//! Laid-out text on demand: paragraphs (blocks of huge ones) are laid out only when
//! shown or scrolled past, and cached by (article, block, width), so a 100 MB article opens as fast as a
//! small one and jumping to its end lays out only the last screen.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::corpus::Article;
use crate::layout::{self, BidiMode, Direction, Line, Options};

use super::pane::Block;

/// `«text»` as a bidi isolate (FSI … PDI), for user text quoted inside interface text:
/// without it, neutrals and numbers after an Arabic query join its run and the line
/// reads out of order («959 · «query» in an English title bar).
pub fn quoted(text: &str) -> String {
    format!("\u{2068}«{text}»\u{2069}")
}

/// Beyond this many cached paragraphs the cache starts afresh; a screen needs a few dozen.
const MAX_ENTRIES: usize = 50_000;

type Memo<K> = RefCell<HashMap<K, Rc<[Line]>>>;

/// A memo of layouts. Interior mutability keeps rendering a read of `&State`: filling a
/// cache changes no observable state.
#[derive(Debug, Default)]
pub struct TextCache {
    bidi: BidiMode,
    paragraphs: Memo<(usize, usize, usize)>,
    strings: Memo<(String, usize, Option<Direction>)>,
}

impl TextCache {
    pub fn new(bidi: BidiMode) -> TextCache {
        TextCache {
            bidi,
            ..TextCache::default()
        }
    }

    pub fn bidi(&self) -> BidiMode {
        self.bidi
    }

    fn options(&self, width: usize) -> Options {
        Options {
            width: width.max(1),
            bidi: self.bidi,
            ..Options::default()
        }
    }

    /// The display lines of block `bi` (see `pane::Block`) of article number `ai`, with
    /// source offsets relative to the whole paragraph.
    pub fn block(
        &self,
        ai: usize,
        article: &Article,
        bi: usize,
        block: &Block,
        width: usize,
    ) -> Rc<[Line]> {
        let key = (ai, bi, width.max(1));
        if let Some(l) = self.paragraphs.borrow().get(&key) {
            return Rc::clone(l);
        }
        let text = article
            .paragraphs
            .get(block.para)
            .and_then(|p| p.get(block.range.clone()))
            .unwrap_or("");
        let opts = Options {
            direction: block.direction,
            ..self.options(width)
        };
        let mut lines = layout::layout_paragraph(text, &opts);
        let shift = block.range.start;
        if shift > 0 {
            for line in &mut lines {
                line.source = line.source.start + shift..line.source.end + shift;
                for c in &mut line.cells {
                    c.source = c.source.start + shift..c.source.end + shift;
                }
            }
        }
        let lines: Rc<[Line]> = lines.into();
        let mut map = self.paragraphs.borrow_mut();
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        map.insert(key, Rc::clone(&lines));
        lines
    }

    /// Forgets the laid-out paragraphs: they are keyed by article number, which names
    /// other articles once the open set is replaced (a story opened).
    pub fn forget_articles(&self) {
        self.paragraphs.borrow_mut().clear();
    }

    /// Lines of a piece of interface text (titles, labels, the topic bar), with its
    /// base direction forced or (`None`) from its first strong character.
    pub fn string(&self, text: &str, width: usize, direction: Option<Direction>) -> Rc<[Line]> {
        let key = (text.to_owned(), width.max(1), direction);
        if let Some(l) = self.strings.borrow().get(&key) {
            return Rc::clone(l);
        }
        let opts = Options {
            direction,
            ..self.options(width)
        };
        let lines: Rc<[Line]> = layout::layout_paragraph(text, &opts).into();
        let mut map = self.strings.borrow_mut();
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        map.insert(key, Rc::clone(&lines));
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_arabic_query_keeps_the_numbers_after_it_in_place() {
        let cache = TextCache::new(BidiMode::default());
        let line = |s: &str| cache.string(s, 80, Some(Direction::Ltr))[0].text.clone();
        let quoted = line(&format!("stories · {} · 959 other", quoted("باص")));
        assert!(quoted.ends_with("» · 959 other"), "{quoted}");
        assert!(quoted.starts_with("stories · «"), "{quoted}");
        // Unquoted, the number joins the Arabic run: what the isolate prevents.
        let bare = line("stories · «باص» · 959 other");
        assert!(!bare.ends_with("» · 959 other"), "{bare}");
    }
}
