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

use super::lexicon::{Lexicon, Target};
use super::numbers::Number;
use super::tokens::{Kind, Tokens, stems};

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
    for i in 0..tokens.len() {
        if tokens.toks[i].kind != Kind::Word || inside_number(numbers, i) {
            continue;
        }
        let word = tokens.norm(i);
        if !set.may_be(word) {
            continue;
        }
        let mut found: Option<(usize, usize, f64, Implicit)> = None; // (first, end, value, how)
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
                    if !any {
                        break;
                    }
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

/// A negation among the `reach` words before `i`, in the same clause.
fn negated_before(
    tokens: &Tokens,
    set: &super::lexicon::ImplicitWords,
    i: usize,
    reach: usize,
) -> bool {
    let mut j = i;
    let mut words = 0;
    while j > 0 && words < reach {
        j -= 1;
        match tokens.toks[j].kind {
            Kind::Word => {
                words += 1;
                if stems(tokens.norm(j)).any(|(s, _)| set.is_negation(s)) {
                    return true;
                }
            }
            Kind::Mark(_) => {}
            _ => return false,
        }
    }
    false
}
