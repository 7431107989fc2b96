//! The first two bytes of every lexicon phrase's first word, as a bit set: most words of
//! a paragraph start no phrase, and this rejects them before hashing (docs/claims.md,
//! "Speed").

/// A set of two-byte starts (65,536 bits).
#[derive(Debug, Clone, Default)]
pub struct Starts(Vec<u64>);

/// The index of `s`'s first two bytes (a one-byte word pairs its byte with 0).
fn index(s: &str) -> usize {
    let b = s.as_bytes();
    usize::from(b.first().copied().unwrap_or(0)) << 8 | usize::from(b.get(1).copied().unwrap_or(0))
}

impl Starts {
    /// Adds the start of a word matched exactly, or of a prefix's first two letters.
    pub fn add(&mut self, word: &str) {
        if self.0.is_empty() {
            self.0 = vec![0; 1 << 10];
        }
        let i = index(word);
        self.0[i >> 6] |= 1 << (i & 63);
    }

    /// Could a phrase start with `stem`: some added word has its first two bytes (its
    /// only byte for a one-byte stem)? Exact words and prefixes of two letters or more
    /// share their first two bytes with every stem they match.
    pub fn may_start(&self, stem: &str) -> bool {
        let i = index(stem);
        self.0.get(i >> 6).is_some_and(|w| w >> (i & 63) & 1 == 1)
    }
}

/// A set of word shapes: five low bits of each of the first two bytes and the length in
/// bytes (15 for longer words), 16,384 bits. An exact word's shape rejects most words
/// that share its first two bytes («the» lets «them» and «there» by `Starts`, not here).
#[derive(Debug, Clone, Default)]
pub struct Shapes(Vec<u64>);

/// The shape of a word's bytes (see [`Shapes`]); `const` so that built-in word tables
/// (`en::words`) gate their lookups with the same shapes at compile time.
pub const fn shape(b: &[u8]) -> usize {
    let low0 = if b.is_empty() {
        0
    } else {
        (b[0] & 31) as usize
    };
    let low1 = if b.len() < 2 { 0 } else { (b[1] & 31) as usize };
    let len = if b.len() > 15 { 15 } else { b.len() };
    (low0 << 5 | low1) << 4 | len
}

impl Shapes {
    pub fn add(&mut self, word: &str) {
        if self.0.is_empty() {
            self.0 = vec![0; 1 << 8];
        }
        let i = shape(word.as_bytes());
        self.0[i >> 6] |= 1 << (i & 63);
    }

    /// Could `word` be one of the added words? (Never false for an added word.)
    pub fn may_be(&self, word: &str) -> bool {
        let i = shape(word.as_bytes());
        self.0.get(i >> 6).is_some_and(|w| w >> (i & 63) & 1 == 1)
    }
}

/// A set of ASCII words by a hash of their letters folded to lowercase (65,536 bits):
/// a word whose bit is clear is none of the added words, whatever its case. The English
/// pre-filter asks it of every word of a paragraph with no digit, before copying,
/// lowercasing or comparing the word (docs/claims.md, "Performance").
#[derive(Debug, Clone, Default)]
pub struct WordHashes(Vec<u64>);

/// FNV-1a of the bytes with the ASCII case bit set (letters lowercased; the same for
/// every spelling of a word in letters), its top 16 bits.
#[inline]
pub fn word_hash(b: &[u8]) -> usize {
    let h = b.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
        (h ^ u64::from(c | 0x20)).wrapping_mul(0x0100_0000_01b3)
    });
    (h >> 48) as usize
}

impl WordHashes {
    pub fn add(&mut self, word: &str) {
        if self.0.is_empty() {
            self.0 = vec![0; 1 << 10];
        }
        let i = word_hash(word.as_bytes());
        self.0[i >> 6] |= 1 << (i & 63);
    }

    /// Could the letters `b`, in any case, be one of the added words (lowercased)?
    #[inline]
    pub fn may_hold(&self, b: &[u8]) -> bool {
        let i = word_hash(b);
        self.0.get(i >> 6).is_some_and(|w| w >> (i & 63) & 1 == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::{Shapes, Starts, WordHashes};

    #[test]
    fn word_hashes_take_added_words_in_any_case() {
        let mut s = WordHashes::default();
        assert!(!s.may_hold(b"guard"));
        for w in ["guard", "second", "a"] {
            s.add(w);
        }
        for w in ["guard", "GUARD", "Guard", "second", "SeCoNd", "a", "A"] {
            assert!(s.may_hold(w.as_bytes()), "{w}");
        }
        // Other words: a 16-bit hash may let one through, not these.
        let others = ["guards", "secon", "the", "an", "officer"];
        assert!(
            others.iter().all(|w| !s.may_hold(w.as_bytes())),
            "{others:?}"
        );
    }

    #[test]
    fn shapes_take_added_words_and_reject_other_lengths() {
        let mut s = Shapes::default();
        assert!(!s.may_be("the"));
        for w in ["the", "killed", "قتلى", "a", "extraordinarily-long-word"] {
            s.add(w);
        }
        for w in ["the", "killed", "قتلى", "a", "extraordinarily-long-word"] {
            assert!(s.may_be(w), "{w}");
        }
        for w in ["them", "th", "kill", "an", "", "قتل"] {
            assert!(!s.may_be(w), "{w}");
        }
    }

    #[test]
    fn starts_are_the_first_two_bytes() {
        let mut s = Starts::default();
        assert!(!s.may_start("killed"));
        s.add("killed");
        s.add("a");
        s.add("قت");
        assert!(s.may_start("kidnapped"));
        assert!(s.may_start("a"));
        assert!(!s.may_start("an"));
        assert!(!s.may_start("k"));
        assert!(s.may_start("قتلى"));
        assert!(!s.may_start("جرحى"));
        assert!(!s.may_start(""));
    }
}
