//! Word tests of the context rules: conjunctions, function words, event verbs, «كان»
//! clauses and attribution spans.

use std::ops::Range;

use super::scan::Hits;
use crate::claims::lexicon::{Lexicon, Target};
use crate::claims::quantities::Quantity;
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
        // «بحبس 13 لمدة 6 شهور»: the span belongs to the number after «لمدة».
        "لمده",
    ];
    F.contains(&tokens.norm(i)) || crate::claims::en::is_function_word(tokens.norm(i))
}

/// An Arabic nisba right after the noun it qualifies, with the article as that noun has
/// it or not: «حكم عسكري»، «الحكم العسكري» are a military verdict, not a count of
/// soldiers (docs/claims.md, "The rules one by one": nisba adjectives). A lexicon word
/// before it is read by the lexicon («مقتل عسكري» is the killing of a soldier). The
/// callers ask it of the nouns of people topics only («احتياطي النقد» is a reserve).
pub(super) fn is_nisba_adjective(tokens: &Tokens, lexicon: &Lexicon, j: usize) -> bool {
    let Some(p) = j.checked_sub(1) else {
        return false;
    };
    let word = |i: usize| tokens.toks.get(i).is_some_and(|t| t.kind == Kind::Word);
    if !word(j) || !word(p) {
        return false;
    }
    let (w, noun) = (tokens.norm(j), tokens.norm(p));
    let definite = |s: &str| crate::claims::tokens::stems(s).any(|(_, al)| al);
    crate::claims::tokens::starts_arabic(w)
        && crate::claims::tokens::starts_arabic(noun)
        && (w.ends_with('ي') || w.ends_with("يه"))
        && noun.chars().count() >= 3
        && !noun.ends_with("وا")
        && definite(w) == definite(noun)
        && !is_function_word(tokens, p)
        && !lexicon.knows(noun)
        && crate::claims::tokens::stems(noun).all(|(s, _)| !lexicon.knows(s))
}

/// Words before a part of a total («بينهم ثلاثة نواب»).
pub(super) const PART_WORDS: &[&str] =
    &["بينهم", "منهم", "بينهن", "منهن", "ومنهم", "وبينهم", "ضمنهم"];

/// «404 قرص»، «9 هواتف من الركاب»: the number (with no lexicon unit) counts a noun the
/// lexicon does not know as a person, so a people topic comes only from an event right
/// before it («بقتل 3 أطباء»), never from a noun or a farther event. A part of a total
/// («بينهم 3 حراس»، «(أربعة ضباط، …)») takes the total's topic whatever it counts.
/// In English the counted noun is a plural, maybe after one adjective: «20
/// Palestinians», «five brothers», «several Egyptian politicians».
pub(super) fn counts_unknown_noun(
    tokens: &Tokens,
    lexicon: &Lexicon,
    q: &Quantity,
    noun_end: usize,
    english: bool,
) -> bool {
    let part = q.first > 0
        && (super::members::opens_parenthesis(tokens, q)
            || prev_word_is(tokens, q.first, PART_WORDS)
            || english && en_part(tokens, q));
    if noun_end != q.end + 1 || part {
        return false;
    }
    if english {
        let plain = |i: usize| {
            tokens.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
                && tokens.norm(i).bytes().all(|b| b.is_ascii_alphabetic())
                && !lexicon.knows(tokens.norm(i))
                && !is_function_word(tokens, i)
        };
        let plural =
            |i: usize| plain(i) && crate::claims::en::quantities::may_be_plural(tokens.norm(i));
        return plural(q.end) || plain(q.end) && plural(q.end + 1);
    }
    !lexicon.knows(tokens.norm(q.end)) && names_unknown_thing(tokens, q.end)
}

/// An English part of a total: «including 9», «among them 6», «three of them», and
/// the figures that continue its list («including 9 Japanese and 4 French nationals»).
pub(super) fn en_part(tokens: &Tokens, q: &Quantity) -> bool {
    if prev_word_is(tokens, q.first, EN_PART_WORDS)
        || crate::claims::en::part_after(tokens, q.end)
        || crate::claims::en::part_in_place(tokens, q.end)
    {
        return true;
    }
    if !crate::claims::en::joined(tokens, q.first) {
        return false;
    }
    // Back through the list (words, figures, commas) to its part word, if any.
    (q.first.saturating_sub(24)..q.first)
        .rev()
        .take_while(|&k| !matches!(tokens.toks[k].kind, Kind::Stop(c) if c != ','))
        .any(|k| tokens.toks[k].kind == Kind::Word && EN_PART_WORDS.contains(&tokens.norm(k)))
}

/// English words before a part of a total («including three Americans»).
const EN_PART_WORDS: &[&str] = &["including", "them", "whom", "those"];

/// The Arabic word right after a number names what is counted (its tamyiz, indefinite:
/// «404 قرص»، «9 هواتف»، «14 عنصرا») and the lexicon does not know it as a person: not
/// a definite word, a verb («90 أصيبوا»), a sound masculine plural or a nisba, which
/// mostly name people («5 مزارعين»، «40 ألف إسلامي»), or an adverb («20 تقريبا»).
fn names_unknown_thing(tokens: &Tokens, i: usize) -> bool {
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

/// What a number at `end` (exclusive) counts: the lexicon unit right after it («5
/// قتلى», «13.6 مليار دولار», not «18 بتفجير») and where its words end, or else one
/// plain word that is not a conjunct, function word or (unless `events_too`: «4 وفيات»)
/// event word («30 متظاهرا»). Not past `limit`.
pub(super) fn counted_noun(
    tokens: &Tokens,
    hits: &mut Hits,
    lexicon: &Lexicon,
    (end, limit): (usize, usize),
    events_too: bool,
) -> (Option<usize>, usize) {
    if let Some((unit, len)) = hits.unit_at(lexicon, tokens, end) {
        (Some(unit), end + len)
    } else if end + 1 < limit
        && english_adjective(tokens, hits, lexicon, end)
        && let Some((unit, len)) = hits.unit_at(lexicon, tokens, end + 1)
        && crate::claims::en::quantities::may_be_plural(tokens.norm(end + len))
    {
        (Some(unit), end + 1 + len)
    } else if end < limit
        && tokens.toks[end].kind == Kind::Word
        && !is_conjunct(tokens, lexicon, end)
        && !is_function_word(tokens, end)
        && (events_too || !is_event(hits, lexicon, tokens, end))
    {
        (None, end + 1)
    } else {
        (None, end)
    }
}

/// «two secular parties», «1,800 Chadian soldiers», «three consecutive days»: an English
/// adjective may stand between a number and the plural unit it counts (an Arabic one
/// follows the noun; a singular unit there is a modifier: «one French helicopter
/// pilot»). A plain word of Latin letters that the lexicon does not know, that is no
/// function word or conjunct, and not a plural (adjectives take no -s): «arrested three
/// suspects hours later» counts suspects, not hours.
fn english_adjective(tokens: &Tokens, hits: &mut Hits, lexicon: &Lexicon, i: usize) -> bool {
    let w = tokens.norm(i);
    if tokens.toks[i].kind != Kind::Word || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous") {
        return false;
    }
    if is_conjunct(tokens, lexicon, i) || is_function_word(tokens, i) {
        return false;
    }
    let mut known = false;
    hits.matches_at(lexicon, tokens, i, |_, _| known = true);
    !known
}
