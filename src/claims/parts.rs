//! Parts of totals: «مصرع 19 سائحا، منهم 9 من هونج كونج و4 يابانيين». The marker
//! (منهم، من بينهم...) is lexicon data; this module holds the two rules about lists
//! and the scope of a part that the lexicon has no word for.

use super::lexicon::{Lexicon, Target};
use super::tokens::{Kind, Tokens, stems};
use super::topics::Hits;

/// At most this many tokens between one list item's number and the next («9 من هونج
/// كونج و4»): a list item names its scope in a few words.
const LIST_GAP: usize = 5;

/// True if the number at `next` continues the list whose previous item ended at token
/// `end`: close behind it, and no full stop between (commas separate items).
pub fn continues_list(tokens: &Tokens, end: usize, next: usize) -> bool {
    next >= end
        && next - end <= LIST_GAP
        && tokens.toks[end..next].iter().all(|t| {
            !matches!(
                t.kind,
                Kind::Stop('.' | '!' | '?' | '\u{061F}' | '؛' | ';' | ':') | Kind::Digits(_)
            )
        })
}

/// A state, not a place or a person: «ثلاثة منهم في حالة حرجة».
fn is_state(word: &str) -> bool {
    stems(word).any(|(s, _)| matches!(s, "حاله" | "حالات" | "حال" | "وضع"))
}

/// The scope of a part the lexicon has no scope word for: the word that names it after
/// the number («9 من هونج كونج» → هونج، «4 يابانيين» → ياباني), reduced to a stem so
/// that sources writing «يابانيا» and «يابانيين» meet. «ثلاثة منهم في حالة حرجة» names
/// no one: what follows «منهم» is said of them.
pub fn scope_word(tokens: &Tokens, end: usize) -> Option<String> {
    // «خمسة منهم يحملون الجنسية»: after «منهم» (of whom) comes what is said of them.
    let of_whom = |j: usize| matches!(tokens.norm(j), "منهم" | "منهن" | "منها" | "منهما");
    if end < tokens.len() && tokens.toks[end].kind == Kind::Word && of_whom(end) {
        return None;
    }
    let mut j = end;
    // Skip «من» (of/from) and marks.
    while j < tokens.len() {
        match tokens.toks[j].kind {
            Kind::Word if matches!(tokens.norm(j), "من" | "في") => j += 1,
            Kind::Mark(_) => j += 1,
            Kind::Word => break,
            _ => return None,
        }
    }
    if j >= tokens.len() || tokens.toks[j].kind != Kind::Word {
        return None;
    }
    let word = tokens.norm(j);
    if is_state(word) {
        return None;
    }
    // The stem without the article; plural and accusative endings dropped.
    let stem = stems(word).find(|(_, al)| *al).map_or(word, |(s, _)| s);
    // Nisba plurals and accusatives keep their ي («يابانيين»، «يابانيا» → ياباني).
    for (suffix, keep) in [
        ("يين", "ي"),
        ("يون", "ي"),
        ("يا", "ي"),
        ("ين", ""),
        ("ون", ""),
        ("ات", ""),
        ("ا", ""),
        ("ه", ""),
    ] {
        if let Some(x) = stem.strip_suffix(suffix)
            && x.chars().count() >= 2
        {
            return Some(format!("{x}{keep}"));
        }
    }
    Some(stem.to_owned())
}

/// The place named right after a figure ending at token `end`, or after the word it
/// counts («20 إصابة في ميدان التحرير»): see [`place_at`].
pub fn place_after(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    end: usize,
) -> Option<usize> {
    place_at(tokens, lexicon, hits, end).or_else(|| place_at(tokens, lexicon, hits, end + 1))
}

/// The place named right at token `at` (after a figure and its noun): «في» or "in"
/// before a word, or a place noun with its preposition glued («بميدان التحرير»).
/// Returns the token of the place's name, past the preposition and the place noun
/// (ميدان، محافظة, "city of"), which is what names the part's scope.
pub fn place_at(tokens: &Tokens, lexicon: &Lexicon, hits: &mut Hits, at: usize) -> Option<usize> {
    let word = |i: usize| tokens.toks.get(i).is_some_and(|t| t.kind == Kind::Word);
    if !word(at) {
        return None;
    }
    let place_noun = |hits: &mut Hits, i: usize| {
        let mut len = 0;
        hits.matches_at(lexicon, tokens, i, |t, l| {
            if t == Target::Place {
                len = len.max(l);
            }
        });
        len
    };
    let mut j = at;
    if matches!(tokens.norm(at), "في" | "in") {
        j += 1;
        if j < tokens.len() && tokens.norm(j) == "the" {
            j += 1;
        }
    } else if !tokens.norm(at).starts_with('ب') || place_noun(hits, at) == 0 {
        return None;
    }
    if !word(j) || is_state(tokens.norm(j)) {
        return None;
    }
    let len = place_noun(hits, j);
    // A place noun with no name after it names the place itself («في المدينة»).
    Some(if len > 0 && word(j + len) { j + len } else { j })
}
