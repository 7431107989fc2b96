//! The grammar of counts without digits that needs no lexicon topic: the construct dual
//! («فردا شرطة») and the negation before «أي» (docs/claims.md, "Counts without digits").

use super::{NEGATION_REACH, next_word, people_topic, prev_word};
use crate::claims::lexicon::{ImplicitWords, Lexicon};
use crate::claims::tokens::{Kind, Tokens, stems};

/// «أصيب فردا شرطة»، «إصابة فردي أمن»: a person's dual in the construct state (its ن
/// dropped) before the noun it is annexed to counts two. Without that noun «فردا» is the
/// accusative singular (one) and «فردي» no count (0). `None`: not a construct form.
pub(super) fn construct_dual(
    tokens: &Tokens,
    set: &ImplicitWords,
    stem: &str,
    i: usize,
) -> Option<f64> {
    let (base, dual_only) = match (stem.strip_suffix('ا'), stem.strip_suffix('ي')) {
        (Some(b), _) => (b, false),
        (_, Some(b)) => (b, true),
        _ => return None,
    };
    if set.person(base) != Some(1.0) {
        return None;
    }
    // The annexed noun: a word with no preposition or conjunction glued to it, not an
    // accusative adjective («رجلا مسنا») and not a function word or a time.
    const NOT_ANNEXED: &[&str] = &[
        "من",
        "في",
        "علي",
        "الي",
        "عن",
        "مع",
        "بعد",
        "قبل",
        "اثناء",
        "خلال",
        "اثر",
        "عقب",
        "امس",
        "اليوم",
        "داخل",
        "امام",
        "حتي",
        "منذ",
    ];
    let annexed = next_word(tokens, i).is_some_and(|n| {
        let w = tokens.norm(n);
        !w.ends_with('ا')
            && !NOT_ANNEXED.contains(&w)
            && !w.starts_with(['ب', 'ل', 'ك', 'و', 'ف', 'ي'])
    });
    Some(match (annexed, dual_only) {
        (true, _) => 2.0,
        (false, false) => 1.0,
        (false, true) => 0.0,
    })
}

/// The people event between a negation and «أي» at `i` («لم يقتل أي»), if any.
pub(super) fn negated_event(
    tokens: &Tokens,
    lexicon: &Lexicon,
    set: &ImplicitWords,
    i: usize,
) -> Option<usize> {
    let mut j = i;
    for _ in 0..NEGATION_REACH {
        j = prev_word(tokens, j)?;
        if stems(tokens.norm(j)).any(|(s, _)| set.is_negation(s)) {
            return None;
        }
        if let Some(t) = people_topic(lexicon, tokens, j, true) {
            return Some(t);
        }
    }
    None
}

/// A negation among the `reach` words before `i`, in the same clause.
pub(super) fn negated_before(tokens: &Tokens, set: &ImplicitWords, i: usize, reach: usize) -> bool {
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
