//! Counts written without a number: «وأصيب مواطن تركي» (1), «قتل حارسان» (2), «سقوط
//! قتيل» (1), «حالتا وفاة» (2), «لم تسفر عن أي إصابات» (0).
//!
//! The words are lexicon data (a topic's `one` nouns, the `persons` nouns, the
//! `negations`); the rules here are Arabic morphology and syntax:
//! - An indefinite singular counts one; its dual («ـان»، «ـين»، «ـتا» for a noun in ة, and
//!   the construct «ـي» as in «لشهيدي الاشتباكات») counts two. A definite noun («القتيل»)
//!   names someone already counted, so it is not a count.
//! - A topic's own noun (قتيل، شهيد، حالة وفاة) counts wherever it stands, unless a
//!   number counts it already («30 قتيلا»), it is «another» («قتيل آخر» adds to a toll
//!   given elsewhere), or it names a category («بين قتيل وجريح»).
//! - A noun of a person counts after an event of a people topic («مقتل حارس»، «أصيبت
//!   صحفية»), or before «مصرعه/حتفه» after «لقي» («لقي شخص مصرعه»).
//! - «أي» after a negation in the same clause, followed by an event or noun of a people
//!   topic, is a count of zero («لم تجر السلطات أي عملية اعتقال»), as is «وقوع/سقوط»
//!   + such a word right after a negation («دون وقوع إصابات»).

mod grammar;

use super::lexicon::{Lexicon, Target};
use super::numbers::Number;
use super::tokens::{Kind, Tokens, stems};
use grammar::{construct_dual, negated_before, negated_event};

/// A count without digits: its topic (lexicon index) and how it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Implicit {
    pub topic: usize,
    /// A negated count (zero).
    pub negated: bool,
    /// Spelt out with «واحد/واحدة» after the noun («حالة وفاة واحدة»): exact.
    pub exact: bool,
    /// An ordinal («the second victim»): the toll is at least the value.
    pub at_least: bool,
}

/// Ordinals from the second on, masculine and feminine, normalised (ة → ه): «ثاني ضحية»
/// or «الضحية الثالثة» says the toll has reached that many («الأول» says nothing).
const ORDINALS: &[(&str, f64)] = &[
    ("ثاني", 2.0),
    ("ثانيه", 2.0),
    ("ثالث", 3.0),
    ("ثالثه", 3.0),
    ("رابع", 4.0),
    ("رابعه", 4.0),
    ("خامس", 5.0),
    ("خامسه", 5.0),
    ("سادس", 6.0),
    ("سادسه", 6.0),
    ("سابع", 7.0),
    ("سابعه", 7.0),
    ("ثامن", 8.0),
    ("ثامنه", 8.0),
    ("تاسع", 9.0),
    ("تاسعه", 9.0),
    ("عاشر", 10.0),
    ("عاشره", 10.0),
];

/// The ordinal's words, for the pre-filter (`lexicon::ImplicitWords`).
pub fn ordinal_words() -> impl Iterator<Item = &'static str> {
    ORDINALS.iter().map(|(w, _)| *w)
}

/// The value of an ordinal word and whether it has the article («الثالثة»).
fn ordinal(word: &str) -> Option<(f64, bool)> {
    stems(word).find_map(|(s, al)| {
        ORDINALS
            .iter()
            .find(|(o, _)| *o == s)
            .map(|&(_, v)| (v, al))
    })
}

/// «ثاني ضحية»، «ثالث قتيل» (an ordinal before its noun) or «الضحية الثالثة»، «القتيل
/// الثالث» (a definite noun, then the definite ordinal): an implicit count of at least
/// the ordinal of the noun's people topic. (first, end, value, topic)
fn ordinal_count(
    tokens: &Tokens,
    lexicon: &Lexicon,
    numbers: &[Number],
    i: usize,
) -> Option<(usize, usize, f64, usize)> {
    let (value, definite) = ordinal(tokens.norm(i))?;
    let noun = if definite {
        prev_word(tokens, i).filter(|&p| stems(tokens.norm(p)).any(|(_, al)| al))?
    } else {
        next_word(tokens, i)?
    };
    if counted_by_number(numbers, noun.min(i)) || inside_number(numbers, noun) {
        return None;
    }
    // A victim's noun: its topic counts singular nouns (killed, injured, missing), so
    // «العنصر الثاني» (the second point) is no toll of troops.
    let topic = people_topic(lexicon, tokens, noun, false)
        .filter(|&t| lexicon.topic_def(t).is_some_and(|d| !d.one.is_empty()))?;
    let (first, end) = if definite {
        (noun, i + 1)
    } else {
        (i, noun + 1)
    };
    Some((first, end, value, topic))
}

/// How many words before «أي» a negation may stand («لم يثبت لديها حتى الآن وقوع أي»).
const NEGATION_REACH: usize = 8;

/// The word before `i` (skipping quote marks), if any.
fn prev_word(tokens: &Tokens, i: usize) -> Option<usize> {
    let mut j = i;
    while j > 0 {
        j -= 1;
        match tokens.toks[j].kind {
            Kind::Word => return Some(j),
            Kind::Mark(_) => continue,
            _ => return None,
        }
    }
    None
}

/// The word after `i` (skipping quote marks), if any.
fn next_word(tokens: &Tokens, i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < tokens.len() {
        match tokens.toks[j].kind {
            Kind::Word => return Some(j),
            Kind::Mark(_) => j += 1,
            _ => return None,
        }
    }
    None
}

/// The people topic an event or noun at token `i` names, if any.
/// Words that may stand between «أي» and the people it counts (normalised).
const ANY_THROUGH: [&str; 7] = ["من", "بين", "حالات", "حاله", "خساير", "عمليه", "عمليات"];

fn people_topic(lexicon: &Lexicon, tokens: &Tokens, i: usize, events_only: bool) -> Option<usize> {
    let mut found = None;
    lexicon.matches_at(tokens, i, |t, _| match t {
        Target::Event(k) | Target::Noun(k)
            if found.is_none()
                && (!events_only || matches!(t, Target::Event(_)))
                && lexicon.topic_def(k).is_some_and(|d| d.people && !d.generic) =>
        {
            found = Some(k)
        }
        _ => {}
    });
    found
}

/// A number ends at `i` or one word before it («30 قتيلا»، «ثلاثة من قتيل» is not
/// Arabic, but «30 شخصا قتيلا» is not an implicit count either).
/// (Numbers are in text order and do not overlap, so both tests are binary searches: a
/// line of thousands of numbers stays n log n.)
fn counted_by_number(numbers: &[Number], i: usize) -> bool {
    let k = numbers.partition_point(|n| n.end <= i);
    k > 0 && numbers[k - 1].end + 2 > i
}

fn inside_number(numbers: &[Number], i: usize) -> bool {
    let k = numbers.partition_point(|n| n.end <= i);
    numbers.get(k).is_some_and(|n| n.first <= i)
}

/// A number starts in `(i, j]`.
fn number_between(numbers: &[Number], i: usize, j: usize) -> bool {
    let k = numbers.partition_point(|n| n.first <= i);
    numbers.get(k).is_some_and(|n| n.first <= j)
}

/// Appends the implicit counts of a tokenised paragraph to `out` (numbers found with
/// digits or number words are in `numbers`, in order).
pub fn find(tokens: &Tokens, lexicon: &Lexicon, numbers: &[Number], out: &mut Vec<Number>) {
    let set = lexicon.implicit();
    // The end of the last count found: «ثالث قتيل» is one count, not also «قتيل».
    let mut covered = 0;
    for i in 0..tokens.len() {
        if tokens.toks[i].kind != Kind::Word || inside_number(numbers, i) || i < covered {
            continue;
        }
        let word = tokens.norm(i);
        if !set.may_be(word) {
            continue;
        }
        let mut found: Option<(usize, usize, f64, Implicit)> = None; // (first, end, value, how)
        if let Some((first, end, value, topic)) = ordinal_count(tokens, lexicon, numbers, i) {
            found = Some((
                first,
                end,
                value,
                Implicit {
                    topic,
                    negated: false,
                    exact: false,
                    at_least: true,
                },
            ));
        }
        for (stem, al) in stems(word) {
            if al || found.is_some() {
                continue;
            }
            // A topic's own noun: «سقوط قتيل»، «حالتا وفاة».
            if let Some(one) = set.one(stem) {
                let end = i + 1 + one.rest;
                let rest_ok = (0..one.rest).all(|k| {
                    set.rest_word(one, k).is_some_and(|w| {
                        tokens
                            .toks
                            .get(i + 1 + k)
                            .is_some_and(|t| t.kind == Kind::Word)
                            && tokens.norm(i + 1 + k) == w
                    })
                });
                if !rest_ok || counted_by_number(numbers, i) {
                    continue;
                }
                // «بين قتيل وجريح»: both nouns name categories of a total.
                let before = prev_word(tokens, i);
                let before2 = before.and_then(|p| prev_word(tokens, p));
                if [before, before2]
                    .iter()
                    .flatten()
                    .any(|&p| matches!(tokens.norm(p), "بين" | "وبين"))
                {
                    continue;
                }
                let after = next_word(tokens, end - 1);
                let after_norm = after.map(|a| tokens.norm(a));
                if after_norm.is_some_and(|a| a.starts_with("اخر") || a.starts_with("واخر"))
                {
                    continue;
                }
                let one_word =
                    after_norm.is_some_and(|a| matches!(a, "واحد" | "واحده")) && one.value == 1.0;
                let end = if one_word {
                    after.map_or(end, |a| a + 1)
                } else {
                    end
                };
                found = Some((
                    i,
                    end,
                    one.value,
                    Implicit {
                        topic: one.topic,
                        negated: false,
                        exact: one_word,
                        at_least: false,
                    },
                ));
                continue;
            }
            // A person after an event: «مقتل حارس»، «وأصيبت صحفية».
            if let Some(value) = set.person(stem) {
                if counted_by_number(numbers, i) {
                    continue;
                }
                let Some(value) = construct_dual(tokens, set, stem, i)
                    .or(Some(value))
                    .filter(|&v| v > 0.0)
                else {
                    continue;
                };
                let topic = prev_word(tokens, i)
                    .and_then(|p| people_topic(lexicon, tokens, p, true))
                    .or_else(|| {
                        // «لقي شخص مصرعه»: the event after the person, in the singular.
                        let p = prev_word(tokens, i)?;
                        let n = next_word(tokens, i)?;
                        (tokens
                            .norm(p)
                            .trim_start_matches(['و', 'ف'])
                            .starts_with("لقي")
                            && tokens.norm(n).ends_with('ه'))
                        .then(|| people_topic(lexicon, tokens, n, true))?
                    });
                if let Some(topic) = topic {
                    found = Some((
                        i,
                        i + 1,
                        value,
                        Implicit {
                            topic,
                            negated: false,
                            exact: false,
                            at_least: false,
                        },
                    ));
                }
                continue;
            }
            // Zero: «لم … أي إصابات»، «دون وقوع إصابات».
            let any = stem == "اي";
            let occurred = matches!(stem, "وقوع" | "سقوط");
            if (any || occurred)
                && negated_before(tokens, set, i, if any { NEGATION_REACH } else { 1 })
            {
                let mut j = i;
                let mut topic = None;
                for _ in 0..3 {
                    let Some(n) = next_word(tokens, j) else { break };
                    j = n;
                    if let Some(t) = people_topic(lexicon, tokens, j, false) {
                        topic = Some(t);
                        break;
                    }
                    // «أي من المتظاهرين»، «أي عملية اعتقال»: only «من» or a noun of cases
                    // stands between «أي» and whom it counts; «لا تترك أي مساحة
                    // للإرهابيين» counts no one.
                    if !any || !ANY_THROUGH.contains(&tokens.norm(j)) {
                        break;
                    }
                }
                // «ولم يقتل أي عسكري»: the negated verb names what did not happen; the
                // noun after «أي» only says to whom.
                if topic.is_some()
                    && let Some(t) = negated_event(tokens, lexicon, set, i)
                {
                    topic = Some(t);
                }
                if let Some(topic) = topic
                    && !number_between(numbers, i, j)
                {
                    found = Some((
                        i,
                        j + 1,
                        0.0,
                        Implicit {
                            topic,
                            negated: true,
                            exact: false,
                            at_least: false,
                        },
                    ));
                }
            }
        }
        if let Some((first, end, value, how)) = found
            && !(first..end).any(|k| inside_number(numbers, k))
        {
            if how.at_least {
                covered = end;
            }
            out.push(Number {
                first,
                end,
                value,
                vague: None,
                words: true,
                plain_digits: None,
                connector: false,
                not_count: None,
                rounding: 0.0,
                implicit: Some(how),
            });
        }
    }
}
