//! The units of layout of an article: a paragraph, or a slice of one over [`BLOCK`]
//! bytes, so that even a single 100 MB paragraph is laid out a screen at a time.
//!
//! Only the slices of huge paragraphs are stored; every other block is its paragraph,
//! found by arithmetic. A 1 GB article of four million paragraphs used to keep 32 bytes
//! a block here; now it keeps nothing per ordinary paragraph.

use std::ops::Range;

use crate::corpus::{Article, Paragraphs};
use crate::layout::{self, Direction};

/// Paragraphs longer than this are laid out in slices of about this size, cut at a space.
pub const BLOCK: usize = 32 * 1024;

/// A unit of layout: paragraph `para`, bytes `range` of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub para: usize,
    pub range: Range<usize>,
    /// The whole paragraph's direction, for slices of a long one (a slice alone might
    /// start with a neutral or a letter of the other direction).
    pub direction: Option<Direction>,
}

/// The blocks of an article, in order.
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    paragraphs: Paragraphs,
    /// The paragraphs over `BLOCK` bytes, in order.
    splits: Vec<Split>,
}

#[derive(Debug, Clone)]
struct Split {
    para: usize,
    /// The number of its first block.
    first: usize,
    /// The end byte of each slice; the first starts at 0, each next where one ends.
    ends: Vec<usize>,
    direction: Direction,
}

impl Split {
    /// The block after its last.
    fn after(&self) -> usize {
        self.first + self.ends.len()
    }
}

/// The blocks of `article`. Only a huge paragraph's text is read here: the rest stay
/// unread until shown.
pub fn blocks(article: &Article) -> Blocks {
    let paragraphs = article.paragraphs.clone();
    let mut splits = Vec::new();
    let mut extra = 0;
    for (para, len) in paragraphs.lens().enumerate() {
        if len <= BLOCK {
            continue;
        }
        let text = &paragraphs[para];
        let ends = slice_ends(text);
        let first = para + extra;
        extra += ends.len() - 1;
        splits.push(Split {
            para,
            first,
            ends,
            direction: layout::paragraph_direction(text),
        });
    }
    Blocks { paragraphs, splits }
}

/// Where the slices of a long paragraph end: after a space near the limit, else at a
/// char boundary.
fn slice_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + BLOCK).min(text.len());
        if end < text.len() {
            let window = &text.as_bytes()[start + BLOCK / 2..end];
            end = match window.iter().rposition(|&b| b == b' ') {
                Some(i) => start + BLOCK / 2 + i + 1,
                None => (start + 1..=end)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(end),
            };
        }
        ends.push(end);
        start = end;
    }
    ends
}

impl Blocks {
    pub fn len(&self) -> usize {
        let extra: usize = self.splits.iter().map(|s| s.ends.len() - 1).sum();
        self.paragraphs.len() + extra
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// Block `b`.
    pub fn get(&self, b: usize) -> Option<Block> {
        let k = self.splits.partition_point(|s| s.first <= b);
        let para = match k.checked_sub(1).map(|k| &self.splits[k]) {
            Some(s) if b < s.after() => {
                let i = b - s.first;
                let start = i.checked_sub(1).map_or(0, |j| s.ends[j]);
                return Some(Block {
                    para: s.para,
                    range: start..s.ends[i],
                    direction: Some(s.direction),
                });
            }
            Some(s) => s.para + 1 + (b - s.after()),
            None => b,
        };
        (para < self.paragraphs.len()).then(|| Block {
            para,
            range: 0..self.paragraphs.len_of(para),
            direction: None,
        })
    }

    /// The first block of paragraph `para` (the number of blocks if there is none).
    pub fn first_block(&self, para: usize) -> usize {
        let k = self.splits.partition_point(|s| s.para < para);
        let b = match k.checked_sub(1).map(|k| &self.splits[k]) {
            Some(s) => s.after() + (para - s.para - 1),
            None => para,
        };
        b.min(self.len())
    }

    /// The block holding byte `byte` of paragraph `para` (the last block if `para` is
    /// past the end).
    pub fn block_at(&self, para: usize, byte: usize) -> usize {
        let b = self.first_block(para).min(self.len().saturating_sub(1));
        match self.splits.binary_search_by_key(&para, |s| s.para) {
            Ok(k) => {
                let ends = &self.splits[k].ends;
                b + ends[..ends.len() - 1].partition_point(|&e| e <= byte)
            }
            Err(_) => b,
        }
    }

    /// The blocks in order.
    pub fn iter(&self) -> impl Iterator<Item = Block> + '_ {
        (0..self.len()).filter_map(|b| self.get(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(paras: &[String]) -> Article {
        let mut a = Article::from_text("t", "t", String::new());
        a.paragraphs = paras.iter().collect();
        a
    }

    /// The blocks as a plain list, the way they were kept before.
    fn listed(a: &Article) -> Vec<Block> {
        let mut out = Vec::new();
        for (para, text) in a.paragraphs.iter().enumerate() {
            if text.len() <= BLOCK {
                out.push(Block {
                    para,
                    range: 0..text.len(),
                    direction: None,
                });
                continue;
            }
            let dir = Some(layout::paragraph_direction(text));
            let mut start = 0;
            for end in slice_ends(text) {
                out.push(Block {
                    para,
                    range: start..end,
                    direction: dir,
                });
                start = end;
            }
        }
        out
    }

    #[test]
    fn blocks_found_by_arithmetic_match_the_full_list() {
        let long = "كلمة ".repeat(3 * BLOCK / 5);
        let huge = "x".repeat(2 * BLOCK + 7);
        let paras: Vec<String> = ["a", &long, "", "b", &huge, &long, "c", "d", &long]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let a = article(&paras);
        let want = listed(&a);
        let bl = blocks(&a);
        assert_eq!(bl.len(), want.len());
        assert_eq!(bl.iter().collect::<Vec<_>>(), want);
        assert_eq!(bl.get(want.len()), None);
        for para in 0..paras.len() + 2 {
            let first = want
                .iter()
                .position(|b| b.para >= para)
                .unwrap_or(want.len());
            assert_eq!(bl.first_block(para), first, "para {para}");
        }
        for (b, block) in want.iter().enumerate() {
            assert_eq!(bl.block_at(block.para, block.range.start), b);
            assert_eq!(
                bl.block_at(
                    block.para,
                    block.range.end.saturating_sub(1).max(block.range.start)
                ),
                b
            );
        }
        assert_eq!(bl.block_at(99, 0), want.len() - 1);
        assert!(blocks(&article(&[])).is_empty());
        assert_eq!(blocks(&article(&[])).block_at(0, 0), 0);
    }
}
