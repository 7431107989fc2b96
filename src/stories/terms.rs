//! Article text to weighted terms: folded Arabic (and Latin) tokens, lightly stemmed,
//! stop words dropped, numbers kept. Pure; the same input always gives the same terms.
//!
//! Folding is the one search uses (harakat and tatweel dropped, أ إ آ ٱ → ا, ى → ي,
//! ة → ه, ASCII lower case), so a story and a search see the same words. Stemming is a
//! light prefix/suffix stripper in the spirit of Larkey's "light10": Arabic news
//! writes the same name with و/ب/ل/ال glued on, which would otherwise split one entity
//! into several terms.

/// Terms of one article: `(term hash, weight)` sorted by hash, each hash once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms(pub Vec<(u64, f32)>);

/// How much more a word of the title counts than one of the body: titles name the
/// event («انفجار أمام السفارة الأمريكية في أنقرة»), bodies wander into background.
const TITLE_WEIGHT: u32 = 3;

/// The body is read only this far (in bytes, cut on a char boundary): the first
/// paragraphs say what happened; a 100 MB article would otherwise cost as much as a
/// corpus and still be one article.
pub const BODY_LIMIT: usize = 16 << 10;

impl Terms {
    /// The terms of an article: its title counts [`TITLE_WEIGHT`] times, the first
    /// [`BODY_LIMIT`] bytes of the body once; weights are sub-linear (1 + ln count).
    pub fn of(title: &str, body: &str) -> Terms {
        let mut counts: Vec<(u64, u32)> = Vec::new();
        let mut word = String::new();
        for_each_term(title, &mut word, |h| counts.push((h, TITLE_WEIGHT)));
        let body = cut(body, BODY_LIMIT);
        for_each_term(body, &mut word, |h| counts.push((h, 1)));
        counts.sort_unstable_by_key(|&(h, _)| h);
        let mut out: Vec<(u64, f32)> = Vec::with_capacity(counts.len());
        let mut i = 0;
        while i < counts.len() {
            let h = counts[i].0;
            let mut n = 0;
            while i < counts.len() && counts[i].0 == h {
                n += counts[i].1;
                i += 1;
            }
            out.push((h, 1.0 + (n as f32).ln()));
        }
        Terms(out)
    }

    /// Packs the terms for the on-disk index: 12 bytes each, little endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(self.0.len() * 12);
        for &(h, w) in &self.0 {
            b.extend_from_slice(&h.to_le_bytes());
            b.extend_from_slice(&w.to_le_bytes());
        }
        b
    }

    /// The inverse of [`Terms::to_bytes`]; `None` if the bytes are not such a packing.
    pub fn from_bytes(b: &[u8]) -> Option<Terms> {
        if !b.len().is_multiple_of(12) {
            return None;
        }
        let v = b
            .chunks_exact(12)
            .map(|c| {
                let (h, w) = c.split_at(8);
                Some((
                    u64::from_le_bytes(h.try_into().ok()?),
                    f32::from_le_bytes(w.try_into().ok()?),
                ))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Terms(v))
    }
}

/// `s` cut to at most `max` bytes, on a char boundary.
fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The folded form of `c` (search's folding, `crate::text::fold`), `None` for marks
/// that are dropped. Arabic-Indic and Eastern Arabic-Indic digits become ASCII digits.
pub fn fold(c: char) -> Option<char> {
    match c {
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + u32::from(b'0')),
        '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + u32::from(b'0')),
        c => crate::text::fold::fold_char(c),
    }
}

/// Calls `f` with the hash of every term of `text`, in order. `word` is a reused buffer.
fn for_each_term(text: &str, word: &mut String, mut f: impl FnMut(u64)) {
    word.clear();
    let mut emit = |w: &mut String| {
        if !w.is_empty() {
            if let Some(t) = term(w) {
                f(hash(t));
            }
            w.clear();
        }
    };
    for c in text.chars() {
        let Some(c) = fold(c) else { continue };
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            emit(word);
        }
    }
    emit(word);
}

/// The term a folded word stands for, or `None` for stop words, single letters and
/// one-digit numbers.
pub fn term(word: &str) -> Option<&str> {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return (word.len() >= 2).then_some(word);
    }
    let t = stem(word);
    if t.chars().count() < 2 || STOP.binary_search(&t).is_ok() || STOP.binary_search(&word).is_ok()
    {
        return None;
    }
    Some(t)
}

/// Light stemming: one of the article/conjunction prefixes, then the common suffixes,
/// each only while a stem of at least two letters (three for و) is left.
pub fn stem(word: &str) -> &str {
    let mut w = word;
    let len = |s: &str| s.chars().count();
    if let Some(rest) = w.strip_prefix('و')
        && len(rest) >= 3
    {
        w = rest;
    }
    for p in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        if let Some(rest) = w.strip_prefix(p)
            && len(rest) >= 2
        {
            w = rest;
            break;
        }
    }
    for s in ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"] {
        if let Some(rest) = w.strip_suffix(s)
            && len(rest) >= 2
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
/// them, sorted (binary search). They say nothing about which event a text is on.
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
    fn stop_list_is_sorted() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]), "STOP must be sorted");
    }

    #[test]
    fn prefixes_and_suffixes_meet_on_one_stem() {
        assert_eq!(stem("والسفاره"), stem("سفاره"));
        assert_eq!(stem("بالسفاره"), stem("السفاره"));
        assert_eq!(stem("المتظاهرين"), stem("متظاهر"));
    }

    #[test]
    fn folding_and_digits() {
        let a = Terms::of("انفجار في أنقرة", "قتل ٢ شخص");
        let b = Terms::of("انفجار فى انقره", "قتل 2 شخص");
        assert_eq!(a, b);
        // One-digit numbers and stop words are not terms.
        assert_eq!(term("2"), None);
        assert_eq!(term("في"), None);
        assert_eq!(term("2013"), Some("2013"));
    }

    #[test]
    fn title_weighs_more_and_bytes_round_trip() {
        let t = Terms::of("كركوك", "كركوك شرطة");
        let k = t.0.iter().find(|(h, _)| *h == hash("كركوك")).map(|p| p.1);
        let s =
            t.0.iter()
                .find(|(h, _)| *h == hash(stem("شرطه")))
                .map(|p| p.1);
        assert!(k > s, "{k:?} {s:?}");
        assert_eq!(Terms::from_bytes(&t.to_bytes()), Some(t));
        assert_eq!(Terms::from_bytes(&[1, 2, 3]), None);
    }
}
