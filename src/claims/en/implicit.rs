//! English counts without digits (docs/claims.md, "English reports"):
//! - an indefinite person after an event of a people topic counts one: «killed a Turkish
//!   security guard», «wounding an officer» (the Arabic rule «مقتل حارس» in English);
//! - an ordinal before a person or a topic noun is a toll of at least that many: «the
//!   second victim», «Second Egyptian protester dies» (the toll has reached two).
//!
//! The nouns are lexicon data (`[lang.en] persons`, the topics' events and nouns); the
//! articles, ordinals and the word order are English grammar, here.

use super::super::implicit::Implicit;
use super::super::lexicon::{ImplicitWords, Lexicon, Target};
use super::super::numbers::Number;
use super::super::tokens::{Kind, Tokens};

/// Ordinals from second on (a «first victim» says nothing about a toll).
const ORDINALS: &[(&str, f64)] = &[
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
];

/// Words (adjectives, nationalities, compounds) that may stand between the article or
/// ordinal and the noun: «a Turkish security guard».
const NOUN_REACH: usize = 3;
/// How far from an ordinal's noun the event of its toll may be («the second victim»
/// needs none; «the second protester to die» one, «Second protester dies» one).
const EVENT_REACH: usize = 4;

fn word(tokens: &Tokens, i: usize) -> Option<&str> {
    (tokens.toks.get(i)?.kind == Kind::Word).then(|| tokens.norm(i))
}

/// The longest word [`may_start`] takes (letters).
pub const LONGEST: usize = 14;

/// Could the (lowercased) word `w` start such a count: a noun of one person or an
/// ordinal? The pre-filter (`en::may_hold_claim`) asks this of every word of 3 to
/// [`LONGEST`] letters.
pub fn may_start(w: &str, set: &ImplicitWords) -> bool {
    (3..=LONGEST).contains(&w.len()) && (set.en_person(w) || ordinal(w).is_some())
}

/// The ordinals [`may_start`] takes.
pub fn ordinals() -> impl Iterator<Item = &'static str> {
    ORDINALS.iter().map(|(w, _)| *w)
}

/// The value of an ordinal of [`ORDINALS`]. Asked of every word: the ordinals have 5 to
/// 7 letters and start with one of five letters, which rejects most words before any
/// string is compared (docs/claims.md, "Speed").
fn ordinal(w: &str) -> Option<f64> {
    if !(5..=7).contains(&w.len()) || !matches!(w.as_bytes()[0], b's' | b't' | b'f' | b'e' | b'n') {
        return None;
    }
    ORDINALS.iter().find(|(o, _)| *o == w).map(|&(_, v)| v)
}

/// The people topic (not a catch-all) an event or noun at token `i` names.
fn people_topic(lexicon: &Lexicon, tokens: &Tokens, i: usize, nouns: bool) -> Option<usize> {
    let mut found = None;
    lexicon.matches_at(tokens, i, |t, _| match t {
        Target::Event(k) | Target::Noun(k)
            if found.is_none()
                && (nouns || matches!(t, Target::Event(_)))
                && lexicon.topic_def(k).is_some_and(|d| d.people && !d.generic) =>
        {
            found = Some(k)
        }
        _ => {}
    });
    found
}

/// The noun of one person (or, with `topic_nouns`, a people topic's noun) within
/// [`NOUN_REACH`] words after token `i`, in the same clause.
fn noun_after(lexicon: &Lexicon, tokens: &Tokens, i: usize, topic_nouns: bool) -> Option<usize> {
    let set = lexicon.implicit();
    (i + 1..i + 1 + NOUN_REACH)
        .take_while(|&j| word(tokens, j).is_some())
        .find(|&j| {
            word(tokens, j).is_some_and(|w| set.en_person(w))
                || topic_nouns && people_topic(lexicon, tokens, j, true).is_some()
        })
}

/// Appends the English implicit counts of a tokenised paragraph to `out` (numbers found
/// with digits or words are in `numbers`, in order; a word inside one is skipped).
pub fn find(tokens: &Tokens, lexicon: &Lexicon, numbers: &[Number], out: &mut Vec<Number>) {
    let inside = |i: usize| {
        let k = numbers.partition_point(|n| n.end <= i);
        numbers.get(k).is_some_and(|n| n.first <= i)
    };
    for i in 0..tokens.len() {
        let Some(w) = word(tokens, i) else { continue };
        let ord_value = ordinal(w);
        // Only an article or an ordinal starts one (tested before the search of the
        // numbers, which every word paid for).
        if !matches!(w, "a" | "an") && ord_value.is_none() || inside(i) {
            continue;
        }
        let found = if matches!(w, "a" | "an") {
            // «killed a Turkish security guard»: the event right before the article. The
            // noun (a set lookup) is tested first: «a» is frequent, lexicon matches are not
            // cheap.
            noun_after(lexicon, tokens, i, false).and_then(|n| {
                let t = i
                    .checked_sub(1)
                    .and_then(|p| word(tokens, p).map(|_| p))
                    .and_then(|p| people_topic(lexicon, tokens, p, false))?;
                Some((t, n, 1.0, false))
            })
        } else if let Some(value) = ord_value {
            // «Second Egyptian protester dies»: an event near the noun names the toll;
            // else the noun may name it itself («the second victim»).
            noun_after(lexicon, tokens, i, true).and_then(|n| {
                let lo = i.saturating_sub(EVENT_REACH);
                let topic = (n + 1..n + 1 + EVENT_REACH)
                    .chain((lo..i).rev())
                    .filter(|&j| word(tokens, j).is_some())
                    .find_map(|j| people_topic(lexicon, tokens, j, false))
                    .or_else(|| people_topic(lexicon, tokens, n, true))?;
                Some((topic, n, value, true))
            })
        } else {
            None
        };
        if let Some((topic, noun, value, at_least)) = found {
            let mut n = Number::at(i);
            n.end = noun + 1;
            n.value = value;
            n.words = true;
            n.implicit = Some(Implicit {
                topic,
                negated: false,
                exact: false,
                at_least,
            });
            out.push(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ORDINALS, ordinal};

    #[test]
    fn the_ordinal_gate_lets_every_ordinal_through() {
        for &(w, v) in ORDINALS {
            assert_eq!(ordinal(w), Some(v), "{w}");
        }
        for w in [
            "first", "seconds", "thirds", "the", "sixty", "", "tenths", "eighty",
        ] {
            assert_eq!(ordinal(w), None, "{w}");
        }
    }
}
