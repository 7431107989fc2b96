//! The trie the pre-filter reads words into backwards: number words (or a language's
//! claim words) by their last letters, over dense letter numbers.

use crate::claims::numbers::letter_index;

/// A trie over letter indices. The letters the keys use get dense numbers, and each node
/// has a row of child indices over them (0: no child; the root is never a child).
#[derive(Debug, Clone)]
pub(super) struct Trie {
    /// Dense number of each letter index, or `NONE` for a letter no key has.
    alphabet: [u8; 64],
    stride: usize,
    /// `stride` child indices per node.
    next: Vec<u16>,
    /// Some key ends at the node.
    pub(super) end: Vec<bool>,
}

const NONE: u8 = 0xFF;

impl Default for Trie {
    fn default() -> Trie {
        Trie::new(std::iter::empty())
    }
}

impl Trie {
    /// The keys' letters, last first.
    pub(super) fn new<'a>(keys: impl Iterator<Item = &'a str>) -> Trie {
        let keys: Vec<Vec<u8>> = keys
            .filter_map(|k| {
                k.chars()
                    .rev()
                    .map(|c| letter_index(c).map(|i| i as u8))
                    .collect()
            })
            .collect();
        let mut alphabet = [NONE; 64];
        let mut stride = 0;
        for &l in keys.iter().flatten() {
            if alphabet[usize::from(l)] == NONE {
                alphabet[usize::from(l)] = stride as u8;
                stride += 1;
            }
        }
        let mut trie = Trie {
            alphabet,
            stride,
            next: vec![0; stride],
            end: vec![false],
        };
        for key in &keys {
            let mut node = 0;
            for &l in key {
                let slot = node * stride + usize::from(alphabet[usize::from(l)]);
                node = match trie.next[slot] {
                    0 => {
                        let c = trie.end.len();
                        trie.next[slot] = c as u16;
                        trie.next.resize(trie.next.len() + stride, 0);
                        trie.end.push(false);
                        c
                    }
                    c => usize::from(c),
                };
            }
            trie.end[node] = true;
        }
        trie
    }

    #[inline]
    pub(super) fn child(&self, node: usize, letter: u8) -> Option<usize> {
        let a = *self.alphabet.get(usize::from(letter))?;
        if a == NONE {
            return None;
        }
        match self.next.get(node * self.stride + usize::from(a)) {
            Some(&c) if c != 0 => Some(usize::from(c)),
            _ => None,
        }
    }
}
