//! Word tests of the context rules: conjunctions, function words, event verbs, «كان»
//! clauses and attribution spans.

use std::ops::Range;

use super::scan::Hits;
use crate::claims::lexicon::{Lexicon, Target};
use crate::claims::tokens::{Kind, Tokens};

pub(super) fn starts_with_waw(tokens: &Tokens, i: usize) -> bool {
    tokens.toks[i].kind == Kind::Word
        && (tokens.norm(i).starts_with('و') || crate::claims::en::is_conjunction(tokens.norm(i)))
}

/// A «و…» conjunct (or English "and"), not a word whose own first letter is و: «وفيات»
/// (deaths) is a lexicon word as written.
pub(super) fn is_conjunct(tokens: &Tokens, lexicon: &Lexicon, i: usize) -> bool {
    starts_with_waw(tokens, i) && !lexicon.knows(tokens.norm(i))
}

pub(super) fn is_function_word(tokens: &Tokens, i: usize) -> bool {
    const F: &[&str] = &[
        "من",
        "في",
        "الي",
        "علي",
        "عن",
        "حتي",
        "بين",
        "خلال",
        "منذ",
        "مع",
        "او",
        "ثم",
        "قد",
        "التي",
        "الذي",
        "الذين",
        "ان",
        "انه",
        "كما",
        "بعد",
        "قبل",
        "حين",
        "منهم",
        "منهن",
        "منها",
        "منهما",
    ];
    F.contains(&tokens.norm(i)) || crate::claims::en::is_function_word(tokens.norm(i))
}

/// The Arabic word right after a number names what is counted (its tamyiz, indefinite:
/// «404 قرص»، «9 هواتف»، «14 عنصرا») and the lexicon does not know it as a person: not
/// a definite word, a verb («90 أصيبوا»), a sound masculine plural or a nisba, which
/// mostly name people («5 مزارعين»، «40 ألف إسلامي»), or an adverb («20 تقريبا»).
pub(super) fn names_unknown_thing(tokens: &Tokens, i: usize) -> bool {
    // Adverbs and adjectives, and «حالة» (case), which counts the injured and the dead
    // of health reports («بلغت الإصابات 62 حالة»).
    const NOT_NOUNS: &[&str] = &[
        "تقريبا",
        "فقط",
        "اخري",
        "اخر",
        "اخرا",
        "اضافيا",
        "اضافيه",
        "حاله",
        "حالات",
    ];
    if tokens.toks.get(i).is_none_or(|t| t.kind != Kind::Word) {
        return false;
    }
    let w = tokens.norm(i);
    w.chars()
        .next()
        .is_some_and(|c| ('\u{0620}'..='\u{064A}').contains(&c))
        && w.chars().count() >= 3
        // «بمحيط»، «لمحكمة»: a preposition on a noun of place or instrument.
        && !["ال", "بال", "لل", "فال", "كال", "بم", "لم"]
            .iter()
            .any(|p| w.starts_with(p))
        && !["وا", "ين", "ون", "ي"].iter().any(|s| w.ends_with(s))
        && !NOT_NOUNS.contains(&w)
}

/// A word that says what happened (a verb) and is not also a counted noun.
pub(super) fn is_event(hits: &mut Hits, lexicon: &Lexicon, tokens: &Tokens, i: usize) -> bool {
    let (mut event, mut noun) = (false, false);
    hits.matches_at(lexicon, tokens, i, |t, _| match t {
        Target::Event(_) => event = true,
        Target::Noun(_) | Target::Unit(_) => noun = true,
        _ => {}
    });
    event && !noun
}

/// Keeps the best-scoring topic candidate: (score, topic, decided by an event).
pub(super) fn consider(
    best: &mut Option<(i32, usize, bool)>,
    score: i32,
    topic: usize,
    event: bool,
) {
    if best.is_none_or(|(s, _, _)| score > s) {
        *best = Some((score, topic, event));
    }
}

/// The clause before the number opens with «كان» (its sisters too) and no «قد» follows
/// it: «وكان الاحتياطي 36 مليارا»، not «وكان البنك قد أعلن».
pub(super) fn past_state(tokens: &Tokens, clause_start: usize, first: usize) -> bool {
    for j in (clause_start..first).rev() {
        if matches!(tokens.toks[j].kind, Kind::Digits(_)) {
            return false;
        }
        if tokens.toks[j].kind != Kind::Word {
            continue;
        }
        match tokens.norm(j) {
            // «كان … قد أعلن» is a past perfect; «كانت هناك» (there were) is existential.
            "قد" | "وقد" | "لقد" | "هناك" | "هنالك" => return false,
            "كان" | "كانت" | "وكان" | "وكانت" | "فكان" | "فكانت" | "كانوا" | "وكانوا" =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// The word before token `i` is one of `words` (normalised).
pub(super) fn prev_word_is(tokens: &Tokens, i: usize, words: &[&str]) -> bool {
    prev_word(tokens, i).is_some_and(|j| words.contains(&tokens.norm(j)))
}

/// The last word token before token `i`.
pub(super) fn prev_word(tokens: &Tokens, i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| tokens.toks[j].kind == Kind::Word)
}

/// The words of an attribution: from the verb to the clause end (at most six words), or,
/// when the verb ends its clause («… قد أعلنت:»), the few words before it.
pub(super) fn attribution_span(
    tokens: &Tokens,
    j: usize,
    first: usize,
    end: usize,
) -> Range<usize> {
    let mut k = j + 1;
    let mut words = 0;
    while k < end && words < 5 {
        match tokens.toks[k].kind {
            Kind::Stop(_) | Kind::Digits(_) => break,
            Kind::Mark(_) => break,
            _ => {}
        }
        words += 1;
        k += 1;
    }
    let mut a = j;
    if words == 0 {
        let mut back = 0;
        while a > first && back < 4 {
            if !matches!(tokens.toks[a - 1].kind, Kind::Word) {
                break;
            }
            a -= 1;
            back += 1;
        }
    }
    tokens.toks[a].span.start..tokens.toks[k - 1].span.end
}
