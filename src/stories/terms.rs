//! Article text to weighted terms: folded Arabic (and Latin) tokens, lightly stemmed,
//! stop words dropped, numbers kept. Pure; the same input always gives the same terms.
//!
//! Folding is the one search uses (harakat and tatweel dropped, أ إ آ ٱ → ا, ى → ي,
//! ة → ه, ASCII lower case), so a story and a search see the same words. Stemming is a
//! light prefix/suffix stripper in the spirit of Larkey's "light10": Arabic news
//! writes the same name with و/ب/ل/ال glued on, which would otherwise split one entity
//! into several terms.

use super::gazetteer::Gazetteer;
use super::stem::term_hashed;
pub use super::stem::{hash, stem, term};

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

/// The top bit of a term's hash marks terms that do not depend on the language of the
/// text (gazetteer entities, numbers): they are what an English report can share with
/// an Arabic one.
pub const SHARED: u64 = 1 << 63;

/// A pseudo-term holding the share of Latin letters among the letters of the article
/// (its weight, 0 to 1): which language it is written in, kept with its terms so the
/// index needs no other column. Not a term for similarity.
pub const LATIN: u64 = SHARED - 1;

impl Terms {
    /// The terms of an article with the gazetteer loaded for this process
    /// ([`super::gazetteer::active`]).
    pub fn of(title: &str, body: &str) -> Terms {
        Terms::with(title, body, super::gazetteer::active())
    }

    /// The terms of an article: its title counts [`TITLE_WEIGHT`] times, the first
    /// [`BODY_LIMIT`] bytes of the body once; weights are sub-linear (1 + ln count);
    /// names of the gazetteer add their entity's term.
    pub fn with(title: &str, body: &str, gaz: &Gazetteer) -> Terms {
        // The buffers of the last article made on this thread, reused: a folder's
        // articles are made one after another on each core (docs/stories.md, Speed).
        thread_local! {
            static BUFFERS: std::cell::RefCell<(Scan, Vec<(u64, u32)>)> =
                std::cell::RefCell::default();
        }
        BUFFERS.with(|b| match b.try_borrow_mut() {
            Ok(mut b) => {
                let (scan, counts) = &mut *b;
                Terms::with_buffers(title, body, gaz, scan, counts)
            }
            // Not reentrant, but if it ever were: buffers of its own.
            Err(_) => Terms::with_buffers(title, body, gaz, &mut Scan::default(), &mut Vec::new()),
        })
    }

    fn with_buffers(
        title: &str,
        body: &str,
        gaz: &Gazetteer,
        scan: &mut Scan,
        counts: &mut Vec<(u64, u32)>,
    ) -> Terms {
        counts.clear();
        scan.letters = 0;
        scan.latin = 0;
        scan.run(title, gaz, |h| counts.push((h, TITLE_WEIGHT)));
        let body = cut(body, BODY_LIMIT);
        scan.run(body, gaz, |h| counts.push((h, 1)));
        counts.sort_unstable_by_key(|&(h, _)| h);
        // Room for each distinct term and the script's pseudo-term, no more: a folder
        // keeps every article's terms.
        let distinct = 1 + counts.windows(2).filter(|w| w[0].0 != w[1].0).count();
        let mut out: Vec<(u64, f32)> = Vec::with_capacity(distinct + 1);
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
        if scan.letters > 0 {
            out.push((LATIN, scan.latin as f32 / scan.letters as f32));
            out.sort_unstable_by_key(|x| x.0);
        }
        out.shrink_to_fit();
        Terms(out)
    }

    /// The share of Latin letters in the article (0 when it had no letters).
    pub fn latin_share(&self) -> f32 {
        self.0
            .binary_search_by_key(&LATIN, |x| x.0)
            .map_or(0.0, |i| self.0[i].1)
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

/// `Some(is a letter)` for a character of a word (letter or digit), `None` for a
/// separator: `char::is_alphanumeric` and `is_alphabetic`, with Arabic letters and ASCII
/// answered first (std's table search was a quarter of `qarin stories`'s time).
#[inline]
pub fn word_char(c: char) -> Option<bool> {
    match c {
        'a'..='z' | 'A'..='Z' => Some(true),
        '0'..='9' => Some(false),
        '\0'..='\x7f' => None,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => Some(true),
        // Arabic comma, semicolon, question mark, percent and separators, full stop.
        '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' => None,
        _ if c.is_alphanumeric() => Some(c.is_alphabetic()),
        _ => None,
    }
}

/// Whether a term is a gazetteer entity (shared, not a number, not a name).
pub fn is_entity(h: u64) -> bool {
    h & (SHARED | ENTITY_TAG | NAME_TAG) == SHARED | ENTITY_TAG
}

/// Whether a term is a person's name found by [`super::names`] (two words' skeletons):
/// shared across scripts, but only the cross-language join reads it (in the vectors of
/// one language the words themselves are terms already).
pub fn is_name(h: u64) -> bool {
    h & (SHARED | ENTITY_TAG | NAME_TAG) == SHARED | ENTITY_TAG | NAME_TAG
}

/// Second-highest bit, set on entity and name terms (numbers are shared terms without
/// it).
const ENTITY_TAG: u64 = 1 << 62;

/// Third-highest bit: with [`ENTITY_TAG`], a name's term; without, an entity's.
const NAME_TAG: u64 = 1 << 61;

/// The term of gazetteer entity `id`.
pub fn entity_term(id: &str) -> u64 {
    (hash(id) & !(SHARED | ENTITY_TAG | NAME_TAG)) | SHARED | ENTITY_TAG
}

/// The term of a name, from the hash of its skeletons ([`super::names::find`]).
pub fn name_term(h: u64) -> u64 {
    h | SHARED | ENTITY_TAG | NAME_TAG
}

/// The term of a number (digits, `.` for a decimal point).
pub fn number_term(n: &str) -> u64 {
    (hash(n) & !(SHARED | ENTITY_TAG)) | SHARED
}

/// The term of a word.
pub fn word_term(w: &str) -> u64 {
    hash(w) & !(SHARED | ENTITY_TAG)
}

/// Splits text into folded words and emits their terms; buffers reused across calls.
#[derive(Default)]
struct Scan {
    /// Folded words of the current text, end to end, and where each ends.
    text: String,
    ends: Vec<usize>,
    /// Each word's stem, as a range of `text`, and its hash (stemmed and hashed once,
    /// read by the term and by the gazetteer's match of every name starting there).
    stems: Vec<(usize, usize, u64)>,
    /// Each word: written with a capital first letter; part of an entity's name.
    capital: Vec<bool>,
    entity: Vec<bool>,
    letters: usize,
    latin: usize,
}

impl Scan {
    fn run(&mut self, text: &str, gaz: &Gazetteer, mut f: impl FnMut(u64)) {
        self.text.clear();
        self.ends.clear();
        self.capital.clear();
        let mut chars = text.chars().peekable();
        let mut in_word = false;
        while let Some(raw) = chars.next() {
            let Some(c) = fold(raw) else { continue };
            if let Some(letter) = word_char(c) {
                if !in_word {
                    self.capital.push(raw.is_uppercase());
                }
                if letter {
                    self.letters += 1;
                    self.latin += usize::from(c.is_ascii_alphabetic());
                }
                self.text.push(c);
                in_word = true;
                continue;
            }
            // A separator between digits stays in the number: «13.6», "1,500", «1٫78».
            let last_digit = in_word && self.text.ends_with(|d: char| d.is_ascii_digit());
            if last_digit && matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}') {
                let next = chars.peek().copied().and_then(fold);
                if next.is_some_and(|d| d.is_ascii_digit()) {
                    self.text.push(c);
                    continue;
                }
            }
            if in_word {
                self.ends.push(self.text.len());
                in_word = false;
            }
        }
        if in_word {
            self.ends.push(self.text.len());
        }
        self.stems.clear();
        let mut start = 0;
        for &end in &self.ends {
            let word = &self.text[start..end];
            let st = stem(word);
            // A stem is a slice of its word: its offset within it.
            let off = st.as_ptr() as usize - word.as_ptr() as usize;
            self.stems
                .push((start + off, start + off + st.len(), hash(st)));
            start = end;
        }
        self.entity.clear();
        self.entity.resize(self.ends.len(), false);
        let mut start = 0;
        let mut skip_until = 0;
        for k in 0..self.ends.len() {
            let word = &self.text[start..self.ends[k]];
            start = self.ends[k];
            if word.starts_with(|c: char| c.is_ascii_digit())
                && !word.bytes().all(|b| b.is_ascii_digit())
            {
                number_terms(word, &mut f);
                continue;
            }
            let (a, b, h) = self.stems[k];
            if let Some(t) = term_hashed(word, &self.text[a..b], h) {
                // As `number_term` and `word_term` of `t`, from its hash.
                if t.bytes().all(|b| b.is_ascii_digit()) {
                    f((h & !(SHARED | ENTITY_TAG)) | SHARED);
                } else {
                    f(h & !(SHARED | ENTITY_TAG));
                }
            }
            // Entities: the longest name starting here, names not overlapping.
            if k >= skip_until && gaz.may_start(h) {
                let words = self.words_from(k);
                if let Some((id, n)) = gaz.longest(words) {
                    f(entity_term(id));
                    skip_until = k + n;
                    self.entity[k..k + n].fill(true);
                }
            }
        }
        let word = |k: usize| super::names::Word {
            text: &self.text[if k == 0 { 0 } else { self.ends[k - 1] }..self.ends[k]],
            capital: self.capital[k],
            entity: self.entity[k],
        };
        super::names::find(self.ends.len(), word, |h| f(name_term(h)));
    }

    /// The stemmed words from the `k`-th on.
    fn words_from(&self, k: usize) -> impl Iterator<Item = &str> {
        self.stems[k..]
            .iter()
            .map(move |&(a, b, _)| &self.text[a..b])
    }
}

/// The terms of a number written with separators: `,` or `٬` before exactly three
/// digits groups thousands ("1,500" is 1500), any other separator is a decimal point
/// ("13.6", «1,78»). The number is a term, and so is its integer part when it has two
/// digits or more (the «13» of «13.6 مليار»).
fn number_terms(word: &str, f: &mut impl FnMut(u64)) {
    let mut n = String::with_capacity(word.len());
    let mut rest = word;
    while let Some(i) = rest.find(|c: char| !c.is_ascii_digit()) {
        n.push_str(&rest[..i]);
        let sep = rest[i..].chars().next().unwrap_or('.');
        let after = &rest[i + sep.len_utf8()..];
        let digits = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        let thousands = matches!(sep, ',' | '\u{066C}') && digits == 3;
        if !thousands {
            n.push('.');
        }
        rest = after;
    }
    n.push_str(rest);
    // Only the first decimal point is one: "1.2.3" is not a number, keep its digits.
    let int = n.split('.').next().unwrap_or("");
    if n.contains('.') {
        let mut parts = n.splitn(2, '.');
        let whole = parts.next().unwrap_or("");
        let frac = parts.next().unwrap_or("").replace('.', "");
        f(number_term(&format!("{whole}.{frac}")));
    }
    if int.len() >= 2 {
        f(number_term(int));
    }
}

#[cfg(test)]
#[path = "terms_tests.rs"]
mod tests;
