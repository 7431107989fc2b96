//! Raw-byte pre-filter: can a paragraph hold a number at all?
//!
//! Three quarters of the prose in news has no digit, and such a paragraph is only worth
//! tokenising if one of its words is a number word. This decides that in one pass over
//! the bytes, without normalising or allocating: each word's normalised letters go into a
//! small buffer, and a trie of the number words read backwards rejects almost every word
//! by its last letter or two. The few words that end like a number word are then checked
//! by `numbers::is_number_word_raw`, the exact test, so the answer is the same as testing
//! every word.

mod trie;

use std::sync::OnceLock;

use super::numbers::{is_number_word_raw, letter_index, number_word_keys};
use super::tokens::{is_word_char, normalized_char};
use trie::Trie;

/// True if a paragraph may hold a number: a digit, or a number word. (The engine asks
/// `WordSet::may_hold_or_number`, which the tests check against this.)
#[cfg(test)]
pub fn may_hold_number(text: &str) -> bool {
    has_digit(text.as_bytes()) || may_hold_number_word(text)
}

/// A Western digit, or an Arabic-Indic (D9 A0..A9) or Extended Arabic-Indic (DB B0..B9)
/// one. Each byte is tested with the byte before it (a lead byte is never a continuation
/// byte, so the pairs are exactly the digits), in blocks without early exit, which the
/// compiler turns into vector code.
fn has_digit(b: &[u8]) -> bool {
    const BLOCK: usize = 64;
    let digit = |p: u8, x: u8| {
        u8::from(x.wrapping_sub(b'0') < 10)
            | u8::from(x.wrapping_sub(0xA0) < 10) & u8::from(p == 0xD9)
            | u8::from(x.wrapping_sub(0xB0) < 10) & u8::from(p == 0xDB)
    };
    let Some(&first) = b.first() else {
        return false;
    };
    if first.is_ascii_digit() {
        return true;
    }
    // Pairs (b[i - 1], b[i]) for i ≥ 1.
    let (prev, cur) = (&b[..b.len() - 1], &b[1..]);
    let mut blocks = prev.chunks(BLOCK).zip(cur.chunks(BLOCK));
    blocks.any(|(p, c)| p.iter().zip(c).fold(0, |acc, (&p, &x)| acc | digit(p, x)) != 0)
}

/// Character classes (values below 64 are the letter index of the normalised letter).
/// Not a word character: ends a word.
const SEP: u8 = 0xFF;
/// A mark (harakat, tatweel): part of the word, no letter.
const MARK: u8 = 0xFE;
/// A word character no number word holds (Latin, other scripts, other Arabic letters).
const OTHER: u8 = 0xFD;

/// Words at most this long in bytes are tested (the bound of the exact test).
const MAX_WORD_BYTES: usize = 48;

struct Filter {
    /// Class of each ASCII byte.
    ascii: [u8; 128],
    /// Class of U+0600..U+06FF, indexed by the low 8 bits.
    arabic: [u8; 256],
    /// Class of U+2000..U+20FF (quotes, dashes, invisible controls), by the low 8 bits.
    punctuation: [u8; 256],
    /// The number words reversed (last letter at the root).
    trie: Trie,
    /// Letters that a proclitic prefix (و ف ب ل ك ال) is made of.
    proclitic: u64,
}

fn class_of(c: char) -> u8 {
    if !is_word_char(c) {
        return SEP;
    }
    match normalized_char(c) {
        None => MARK,
        Some(n) => letter_index(n).map_or(OTHER, |i| i as u8),
    }
}

/// `class_at` outside the tables (or past the end: a 1-byte separator).
#[cold]
fn class_elsewhere(text: &str, i: usize) -> (u8, usize) {
    match text.get(i..).and_then(|s| s.chars().next()) {
        Some(c) => (class_of(c), c.len_utf8()),
        None => (SEP, 1),
    }
}

fn filter() -> &'static Filter {
    static FILTER: OnceLock<Filter> = OnceLock::new();
    FILTER.get_or_init(|| {
        let mut ascii = [SEP; 128];
        for (b, class) in ascii.iter_mut().enumerate() {
            *class = class_of(char::from(b as u8));
        }
        let block = |base: u32| -> [u8; 256] {
            std::array::from_fn(|i| char::from_u32(base + i as u32).map_or(SEP, class_of))
        };
        let proclitic = "وفبلكا"
            .chars()
            .filter_map(letter_index)
            .fold(0, |m, i| m | 1 << i);
        Filter {
            ascii,
            arabic: block(0x600),
            punctuation: block(0x2000),
            trie: Trie::new(number_word_keys()),
            proclitic,
        }
    })
}

impl Filter {
    /// The class of the character at byte `i` (a character boundary) and its length.
    #[inline(always)]
    fn class_at(&self, text: &str, i: usize) -> (u8, usize) {
        let b = text.as_bytes();
        match b.get(i) {
            Some(&x) if x < 0x80 => (self.ascii[usize::from(x)], 1),
            // Lead bytes of U+0600..U+06FF: the code point's low 8 bits are the lead's
            // two low bits and the continuation's six.
            Some(&x @ 0xD8..=0xDB) => {
                let y = b.get(i + 1).copied().unwrap_or(0);
                (self.arabic[usize::from((x & 3) << 6 | (y & 0x3F))], 2)
            }
            // U+2000..U+20FF: E2, then 80..83 and a continuation.
            Some(0xE2) => match (b.get(i + 1), b.get(i + 2)) {
                (Some(&y @ 0x80..=0x83), Some(&z)) => {
                    (self.punctuation[usize::from((y & 3) << 6 | (z & 0x3F))], 3)
                }
                _ => class_elsewhere(text, i),
            },
            _ => class_elsewhere(text, i),
        }
    }

    /// A necessary condition for a word (its normalised letters) to be a number word:
    /// it ends with one, and what comes before could be proclitics (at most four
    /// letters, all of و ف ب ل ك ا).
    #[inline]
    #[cfg(test)]
    fn ends_like_number_word(&self, letters: &[u8]) -> bool {
        self.ends_like(&self.trie, letters)
    }

    /// `ends_like_number_word` for the keys of any trie.
    #[inline]
    fn ends_like(&self, trie: &Trie, letters: &[u8]) -> bool {
        let mut node = 0;
        for (k, &l) in letters.iter().enumerate().rev() {
            let Some(c) = trie.child(node, l) else {
                return false;
            };
            node = c;
            if k <= 4
                && trie.end[node]
                && letters[..k].iter().all(|&p| self.proclitic & (1 << p) != 0)
            {
                return true;
            }
        }
        false
    }
}

/// A necessary condition for a normalised word to be a number word (see
/// `Filter::ends_like_number_word`), much cheaper than looking it up. Works on the bytes:
/// a word all of whose characters are letters of U+0620..U+065F is pairs of a D8 or D9
/// lead and a continuation; any other character fails the condition anyway.
pub fn may_be_number_word(norm: &str) -> bool {
    norm_ends_like(&filter().trie, norm)
}

/// `Filter::ends_like` on a normalised word's bytes (see `may_be_number_word`).
fn norm_ends_like(trie: &Trie, norm: &str) -> bool {
    let b = norm.as_bytes();
    if !b.len().is_multiple_of(2) {
        return false;
    }
    let letter = |k: usize| match (b.get(2 * k), b.get(2 * k + 1)) {
        (Some(0xD8), Some(&y)) if y >= 0xA0 => Some(y - 0xA0),
        (Some(0xD9), Some(&y)) if y < 0xA0 => Some(y - 0x60),
        _ => None,
    };
    let f = filter();
    let mut node = 0;
    for k in (0..b.len() / 2).rev() {
        let Some(c) = letter(k).and_then(|l| trie.child(node, l)) else {
            return false;
        };
        node = c;
        if k <= 4
            && trie.end[node]
            && (0..k).all(|p| letter(p).is_some_and(|l| f.proclitic & (1 << l) != 0))
        {
            return true;
        }
    }
    false
}

/// True if some word of `text` is a number word: the same answer as splitting the text
/// on non-word characters and testing every word with `is_number_word_raw`.
pub fn may_hold_number_word(text: &str) -> bool {
    let f = filter();
    any_word(text, &f.trie, is_number_word_raw)
}

/// A set of normalised words with the same raw-byte pre-filter: does a paragraph hold
/// one of them (after proclitics)? The lexicon keeps one for the words of counts
/// without digits («قتيل»، «حارسان»).
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    trie: Trie,
    words: std::collections::HashSet<String, super::lexicon::FastHash>,
    /// Every word is in the trie (all its letters are Arabic letters the trie indexes):
    /// only then may the trie reject a word on its own.
    complete: bool,
}

impl WordSet {
    /// `words` are normalised (see `tokens::normalize`).
    pub fn new<'a>(words: impl Iterator<Item = &'a str>) -> WordSet {
        let words: std::collections::HashSet<String, super::lexicon::FastHash> =
            words.map(str::to_owned).collect();
        let complete = words
            .iter()
            .all(|w| w.chars().all(|c| letter_index(c).is_some()));
        WordSet {
            trie: Trie::new(words.iter().map(String::as_str)),
            words,
            complete,
        }
    }

    /// A necessary condition for a normalised word to be in the set once its
    /// proclitics are stripped (`tokens::stems`): it ends with a word of the set after
    /// at most four proclitic letters. Most words fail it on their last letter, before
    /// any hashing.
    pub fn may_contain(&self, norm: &str) -> bool {
        !self.complete || norm_ends_like(&self.trie, norm)
    }

    /// The exact test on a raw word: some stem of its normalised form is in the set.
    fn holds_raw(&self, w: &str) -> bool {
        let mut buf = String::with_capacity(w.len());
        for c in w.chars() {
            super::tokens::push_normalized(c, &mut buf);
        }
        super::tokens::stems(&buf).any(|(s, _)| self.words.contains(s))
    }

    /// True if some word of `text` is in the set: the same answer as testing every
    /// word, its proclitics stripped.
    pub fn may_hold(&self, text: &str) -> bool {
        if self.words.is_empty() {
            return false;
        }
        any_word(text, &self.trie, |w| self.holds_raw(w))
    }

    /// `may_hold_number(text) || self.may_hold(text)` in one pass over the words: a
    /// paragraph without a digit is read once, not once per test.
    pub fn may_hold_or_number(&self, text: &str) -> bool {
        if has_digit(text.as_bytes()) {
            return true;
        }
        if self.words.is_empty() {
            return may_hold_number_word(text);
        }
        let f = filter();
        any_word_of(
            text,
            &[
                (&f.trie, &is_number_word_raw),
                (&self.trie, &|w: &str| self.holds_raw(w)),
            ],
        )
    }
}

/// True if some word of `text` ends like a key of `trie` after at most four proclitic
/// letters and passes `exact`.
fn any_word(text: &str, trie: &Trie, exact: impl Fn(&str) -> bool) -> bool {
    any_word_of(text, &[(trie, &exact)])
}

/// A trie of word endings and the exact test of the words that pass it.
type WordTest<'a> = (&'a Trie, &'a dyn Fn(&str) -> bool);

/// `any_word` for several tries and their exact tests at once: true if some word
/// passes one of them.
fn any_word_of(text: &str, tests: &[WordTest]) -> bool {
    let f = filter();
    let b = text.as_bytes();
    let mut letters = [0u8; MAX_WORD_BYTES / 2];
    let mut i = 0;
    while i < b.len() {
        let (class, len) = f.class_at(text, i);
        i += len;
        if class == SEP {
            continue;
        }
        // A word: its normalised letters into the buffer (past its end the word is
        // longer than MAX_WORD_BYTES anyway), any foreign letter noted.
        let start = i - len;
        let mut n = 0;
        let mut other = false;
        let mut class = class;
        loop {
            if class < 64 {
                if let Some(slot) = letters.get_mut(n) {
                    *slot = class;
                }
                n += 1;
            } else {
                other |= class == OTHER;
            }
            if i >= b.len() {
                break;
            }
            let (c, len) = f.class_at(text, i);
            if c == SEP {
                break;
            }
            class = c;
            i += len;
        }
        if (4..=MAX_WORD_BYTES).contains(&(i - start)) && !other && n >= 2 {
            let letters = letters.get(..n).unwrap_or(&[]);
            for (trie, exact) in tests {
                if f.ends_like(trie, letters) && text.get(start..i).is_some_and(exact) {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests;
