//! The words of counts without digits (a topic's `one` nouns, persons, negations) in
//! every singular and dual form, for `claims::implicit`.

use std::collections::HashMap;

use super::{FastHash, LexiconFile};
use crate::claims::tokens::{normalize, stems};

/// A form of a topic's `one` noun: what it counts and the words after its first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OneForm {
    pub topic: usize,
    pub value: f64,
    /// How many words follow the first («حالة وفاة»: 1).
    pub rest: usize,
    rest_id: usize,
}

/// The words of counts without digits, in every form (see `claims::implicit`).
#[derive(Debug, Clone, Default)]
pub struct ImplicitWords {
    ones: HashMap<String, OneForm, FastHash>,
    rests: Vec<Vec<String>>,
    persons: HashMap<String, f64, FastHash>,
    /// English nouns of one person (`[lang.en] persons`), lowercased: no Arabic forms.
    en_persons: std::collections::HashSet<String, FastHash>,
    /// The first two bytes of `en_persons`: rejects most words before hashing (every
    /// word of a paragraph with no digit is asked; docs/claims.md, "Speed").
    en_starts: super::starts::Starts,
    /// `en_persons`, the English number words and ordinals: what the English pre-filter
    /// looks for (`en::may_hold_claim`), as word hashes.
    en_words: super::starts::WordHashes,
    negations: Vec<String>,
    filter: crate::claims::prefilter::WordSet,
}

/// Words that start a zero count after a negation.
const ZERO_WORDS: [&str; 3] = ["اي", "وقوع", "سقوط"];

impl ImplicitWords {
    pub(super) fn new(file: &LexiconFile) -> ImplicitWords {
        let mut w = ImplicitWords::default();
        for (topic, t) in file.topics.iter().enumerate() {
            for entry in &t.one {
                let (entry, sound) = match entry.strip_suffix('+') {
                    Some(e) => (e, true),
                    None => (entry.as_str(), false),
                };
                let norm = normalize(entry);
                let mut parts = norm.split(' ').filter(|x| !x.is_empty());
                let Some(first) = parts.next() else { continue };
                let rest: Vec<String> = parts.map(str::to_owned).collect();
                let rest_id = w.rests.len();
                let n = rest.len();
                w.rests.push(rest);
                for (form, value) in forms(first, sound, true) {
                    w.ones.entry(form).or_insert(OneForm {
                        topic,
                        value,
                        rest: n,
                        rest_id,
                    });
                }
            }
        }
        for entry in &file.persons {
            if entry.is_ascii() {
                let lower = entry.to_ascii_lowercase();
                w.en_starts.add(&lower);
                w.en_words.add(&lower);
                w.en_persons.insert(lower);
                continue;
            }
            let (entry, sound) = match entry.strip_suffix('+') {
                Some(e) => (e, true),
                None => (entry.as_str(), false),
            };
            // «فردي شرطة»: the construct dual too, read as one only before the noun it
            // is annexed to (`claims::implicit`).
            for (form, value) in forms(&normalize(entry), sound, !sound) {
                w.persons.entry(form).or_insert(value);
            }
        }
        w.negations = file.negations.iter().map(|n| normalize(n)).collect();
        let mut keys: Vec<&str> = w
            .ones
            .keys()
            .chain(w.persons.keys())
            .map(String::as_str)
            .chain(ZERO_WORDS)
            .collect();
        for o in crate::claims::implicit::ordinal_words() {
            keys.push(o);
        }
        w.filter = crate::claims::prefilter::WordSet::new(keys.into_iter());
        for word in crate::claims::en::prefilter_words() {
            w.en_words.add(word);
        }
        w
    }

    pub fn one(&self, stem: &str) -> Option<OneForm> {
        self.ones.get(stem).copied()
    }

    /// Word `k` after the first of a multi-word `one` noun.
    pub fn rest_word(&self, one: OneForm, k: usize) -> Option<&str> {
        self.rests.get(one.rest_id)?.get(k).map(String::as_str)
    }

    pub fn person(&self, stem: &str) -> Option<f64> {
        self.persons.get(stem).copied()
    }

    /// An English noun of one person («guard», «protester»), lowercased.
    pub fn en_person(&self, word: &str) -> bool {
        self.en_starts.may_start(word) && self.en_persons.contains(word)
    }

    /// Could the ASCII letters `b` (any case) be an English noun of one person, number
    /// word or ordinal? Never false for one of them.
    #[inline]
    pub fn may_be_en_word(&self, b: &[u8]) -> bool {
        self.en_words.may_hold(b)
    }

    pub fn is_negation(&self, stem: &str) -> bool {
        self.negations.iter().any(|n| n == stem)
    }

    /// Could this normalised word start a count without digits?
    pub fn may_be(&self, word: &str) -> bool {
        // The filter's trie rejects most words on their last letter, before hashing.
        self.filter.may_contain(word)
            && stems(word).any(|(s, _)| {
                ZERO_WORDS.contains(&s)
                    || self.ones.contains_key(s)
                    || self.persons.contains_key(s)
                    || crate::claims::implicit::ordinal_words().any(|o| o == s)
            })
    }

    /// Could this paragraph hold a count without digits (raw bytes, like the number
    /// pre-filter)?
    pub fn may_hold(&self, text: &str) -> bool {
        self.filter.may_hold(text)
    }

    /// Could this paragraph hold a number (digits or a number word) or a count without
    /// digits? One pass over its bytes.
    pub fn may_hold_or_number(&self, text: &str) -> bool {
        self.filter.may_hold_or_number(text)
    }
}

/// The singular and dual forms of a normalised noun with the count each means.
/// Singular: the noun, and its accusative in ا. Dual: ـان and ـين (unless the noun's
/// plural is the sound ـين), the construct ـي for topic nouns («لشهيدي»), and for a noun
/// in ة (here ه) the same on ت («حالتا»، «حالتين»).
fn forms(noun: &str, sound: bool, construct: bool) -> Vec<(String, f64)> {
    let mut out = vec![(noun.to_owned(), 1.0)];
    let feminine = noun.ends_with('ه');
    if !feminine && !noun.ends_with('ا') && !noun.ends_with('ي') {
        out.push((format!("{noun}ا"), 1.0));
    }
    if noun.ends_with('ي') && !feminine {
        // «جندي» → «جنديا» (accusative) is still one.
        out.push((format!("{noun}ا"), 1.0));
    }
    let base = match noun.strip_suffix('ه') {
        Some(b) => format!("{b}ت"),
        None => noun.to_owned(),
    };
    out.push((format!("{base}ان"), 2.0));
    if !sound {
        out.push((format!("{base}ين"), 2.0));
        if construct {
            out.push((format!("{base}ي"), 2.0));
        }
    }
    if feminine {
        out.push((format!("{base}ا"), 2.0));
    }
    out
}
