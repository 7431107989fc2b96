//! Parts of totals: «مصرع 19 سائحا، منهم 9 من هونج كونج و4 يابانيين». The marker
//! (منهم، من بينهم...) is lexicon data; this module holds the two rules about lists
//! and the scope of a part that the lexicon has no word for.

use super::tokens::{Kind, Tokens, stems};

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

/// The scope of a part the lexicon has no scope word for: the word that names it after
/// the number («9 من هونج كونج» → هونج، «4 يابانيين» → ياباني), reduced to a stem so
/// that sources writing «يابانيا» and «يابانيين» meet.
pub fn scope_word(tokens: &Tokens, end: usize) -> Option<String> {
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
