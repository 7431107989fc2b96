//! Words to terms: light stemming, stop words and the term hash of
//! [`super::terms`] (docs/stories.md, Method, step 1).
//!
//! Stemming is a light prefix/suffix stripper in the spirit of Larkey's "light10":
//! Arabic news writes the same name with و/ب/ل/ال glued on, which would otherwise split
//! one entity into several terms.

/// The term a folded word stands for, or `None` for stop words, single letters and
/// one-digit numbers.
pub fn term(word: &str) -> Option<&str> {
    let t = stem(word);
    term_hashed(word, t, hash(t))
}

/// [`term`] of a word whose stem `t` and its hash `h` are known (a number is its own
/// stem).
pub(super) fn term_hashed<'a>(word: &str, t: &'a str, h: u64) -> Option<&'a str> {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return (word.len() >= 2).then_some(t);
    }
    // A word is a stop word if it or its stem is listed (its stem is itself when
    // nothing was stripped).
    if t.chars().nth(1).is_none() || stop_hash(h) || (word.len() != t.len() && is_stop(word)) {
        return None;
    }
    Some(t)
}

/// Whether `w` is in [`STOP`]: a set of the words' hashes, since a binary search
/// over the strings was a tenth of `qarin stories`'s time (docs/stories.md, Speed).
fn is_stop(w: &str) -> bool {
    stop_hash(hash(w))
}

/// Whether the word of hash `h` is in [`STOP`].
fn stop_hash(h: u64) -> bool {
    static SET: std::sync::OnceLock<super::fastmap::FastMap<u64, ()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOP.iter().map(|s| (hash(s), ())).collect())
        .contains_key(&h)
}

/// Light stemming: one of the article/conjunction prefixes, then the common suffixes,
/// each only while a stem of at least two letters (three for و) is left.
pub fn stem(word: &str) -> &str {
    let mut w = word;
    // At least `n` letters: counts no further than `n` (a full count per affix tried
    // was a fifth of stemming).
    let at_least = |s: &str, n: usize| s.chars().nth(n - 1).is_some();
    if let Some(rest) = w.strip_prefix('و')
        && at_least(rest, 3)
    {
        w = rest;
    }
    for p in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        if let Some(rest) = w.strip_prefix(p)
            && at_least(rest, 2)
        {
            w = rest;
            break;
        }
    }
    for s in ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"] {
        if let Some(rest) = w.strip_suffix(s)
            && at_least(rest, 2)
        {
            w = rest;
        }
    }
    w
}

/// FNV-1a, 64 bits: stable across runs, platforms and versions (the index stores it).
pub fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Function words of news Arabic and English, folded and stemmed as [`term`] sees
/// them. They say nothing about which event a text is on.
static STOP: &[&str] = &[
    "about",
    "after",
    "also",
    "and",
    "are",
    "been",
    "but",
    "by",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "his",
    "in",
    "is",
    "it",
    "its",
    "of",
    "on",
    "or",
    "said",
    "that",
    "the",
    "their",
    "they",
    "this",
    "to",
    "was",
    "were",
    "which",
    "who",
    "will",
    "with",
    "اخر",
    "اكثر",
    "الا",
    "الت",
    "التي",
    "الذ",
    "الذي",
    "الذين",
    "الي",
    "اليوم",
    "اما",
    "امس",
    "ان",
    "او",
    "اي",
    "ايضا",
    "بان",
    "بعد",
    "بعض",
    "بين",
    "تم",
    "ثم",
    "حتي",
    "حول",
    "حيث",
    "خلال",
    "ذلك",
    "ضد",
    "عام",
    "عدد",
    "عل",
    "علي",
    "عن",
    "عند",
    "غير",
    "في",
    "فيه",
    "قال",
    "قبل",
    "قد",
    "كان",
    "كانت",
    "كل",
    "كم",
    "كما",
    "لا",
    "لم",
    "لن",
    "له",
    "ما",
    "مع",
    "من",
    "منذ",
    "هذا",
    "هذه",
    "هو",
    "هي",
    "واضاف",
    "وقال",
    "يتم",
    "يكون",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_found() {
        assert!(STOP.iter().all(|w| is_stop(w)));
        assert!(!is_stop("سفاره") && !is_stop("embassy"));
    }

    #[test]
    fn prefixes_and_suffixes_meet_on_one_stem() {
        assert_eq!(stem("والسفاره"), stem("سفاره"));
        assert_eq!(stem("بالسفاره"), stem("السفاره"));
        assert_eq!(stem("المتظاهرين"), stem("متظاهر"));
    }
}
