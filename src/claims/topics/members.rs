//! Who a number counts when its own words name them (docs/claims.md, "Members and
//! governing words"): «18 إخوانيا»، «14 عنصرا إخوانيا»، «العشرات من المجهولين»، «4 من
//! أبناء عمومتهم» count members of a group or kin, so a people topic comes from what
//! happened to them (an event), never from another counted noun of the sentence
//! («ركاب»، «الجنود»، «مدرعة»); and «تم ايقاف 5»، «رسامة 15 شخصا»: a word that governs
//! the number names what happened to it, so the sentence's other events are not its topic.

use super::scan::Hits;
use super::words::{PART_WORDS, is_function_word, prev_word_is};
use crate::claims::lexicon::{Lexicon, Target};
use crate::claims::quantities::{QKind, Quantity};
use crate::claims::tokens::{Kind, Tokens, stems};

/// Adverbs and adjectives in «ـيا» that follow numbers and name no one (daily, officially,
/// personally...), normalised (ئ → ي).
const NOT_NISBA: &[&str] = &[
    "يوميا",
    "سنويا",
    "شهريا",
    "اسبوعيا",
    "حاليا",
    "رسميا",
    "نهاييا",
    "كليا",
    "جزييا",
    "فعليا",
    "دوليا",
    "محليا",
    "عالميا",
    "اجماليا",
    "تلقاييا",
    "مبدييا",
    "اضافيا",
    "شخصيا",
    "نسبيا",
    "مجانيا",
    "اضافي",
    "اضافيه",
    "اجمالي",
    "حالي",
    "حاليه",
    "فعلي",
    "يومي",
];

/// Nisbas of the security forces and of a field («أمني»، «عسكري»، «سياسي»، «نفسي»):
/// «14 عنصرا أمنيا» are still troops, «11 ناشطا سياسيا» activists of no group.
const NOT_GROUPS: &[&str] = &[
    "امن",
    "شرط",
    "عسكر",
    "جيش",
    "سياس",
    "نفس",
    "جسد",
    "اقتصاد",
    "اجتماع",
    "حقوق",
    "اعلام",
    "صح",
    "طب",
    "فن",
    "مدن",
    "محل",
    "دول",
];

/// A nisba at token `i` naming people by their group or origin, unknown to the lexicon:
/// as the counted noun (`adjective` false: «18 إخوانيا»، «5 سلفيين») or as the adjective
/// of «عنصر» («عنصرا إخوانيا»، «عناصر تكفيرية»، «عنصر إخواني»).
fn nisba(tokens: &Tokens, lexicon: &Lexicon, i: usize, adjective: bool) -> bool {
    if tokens.toks.get(i).is_none_or(|t| t.kind != Kind::Word) {
        return false;
    }
    let w = tokens.norm(i);
    let noun_ends: &[&str] = &["يا", "يين", "يون"];
    let adjective_ends: &[&str] = &["يا", "يين", "يون", "يه", "ي"];
    let ends = if adjective { adjective_ends } else { noun_ends };
    let Some((end, base)) = ends.iter().find_map(|e| w.strip_suffix(e).map(|b| (*e, b))) else {
        return false;
    };
    // «توطئة» (normalised «توطيه») is no nisba: a short stem needs the masculine ending.
    let min = if matches!(end, "يه" | "ي") { 4 } else { 3 };
    w.chars()
        .next()
        .is_some_and(|c| ('\u{0620}'..='\u{064A}').contains(&c))
        && !w.starts_with("ال")
        && base.chars().count() >= min
        && !NOT_NISBA.contains(&w)
        && !NOT_GROUPS.iter().any(|s| base.ends_with(s))
        && !lexicon.knows(w)
}

/// A part of a total («بينهم 3 …»، «17 منهم»، «(أربعة ضباط، …)») takes its total's topic
/// whatever it counts.
pub(super) fn is_part(tokens: &Tokens, q: &Quantity) -> bool {
    let after = tokens.toks.get(q.end).is_some_and(|t| t.kind == Kind::Word)
        && matches!(tokens.norm(q.end), "منهم" | "منهن" | "منها" | "منهما");
    after || opens_parenthesis(tokens, q) || prev_word_is(tokens, q.first, PART_WORDS)
}

/// The figure opens a parenthesis that goes on after it («(أربعة ضباط، …)»): a list of
/// parts. A figure alone in brackets («(7) من المحكوم عليهم») is only written so.
pub(super) fn opens_parenthesis(tokens: &Tokens, q: &Quantity) -> bool {
    q.first > 0 && matches!(tokens.toks[q.first - 1].kind, Kind::Stop('(')) && !bracketed(tokens, q)
}

/// The figure alone in brackets: «(7)».
pub(super) fn bracketed(tokens: &Tokens, q: &Quantity) -> bool {
    q.end == q.first + 1
        && matches!(tokens.toks[q.first].kind, Kind::Digits(_))
        && q.first > 0
        && matches!(tokens.toks[q.first - 1].kind, Kind::Stop('('))
        && tokens
            .toks
            .get(q.end)
            .is_some_and(|t| t.kind == Kind::Stop(')'))
}

/// Token `i` is a word the lexicon knows as what is counted or what happened, as written
/// or without a possessive («أفرادها»).
fn counts_known(tokens: &Tokens, lexicon: &Lexicon, hits: &mut Hits, i: usize) -> bool {
    if tokens.toks.get(i).is_none_or(|t| t.kind != Kind::Word) {
        return false;
    }
    let mut known = false;
    hits.matches_at(lexicon, tokens, i, |t, _| {
        known |= matches!(
            t,
            Target::Event(_) | Target::Noun(_) | Target::Unit(_) | Target::Part
        )
    });
    let w = tokens.norm(i);
    known
        || ["هم", "ها", "هن", "ه"]
            .iter()
            .filter_map(|s| w.strip_suffix(s))
            .any(|b| b.chars().count() >= 3 && lexicon.knows(b))
}

/// The number names the people it counts by a word the lexicon has no topic for: a
/// nisba («18 إخوانيا»), «عنصر» with a nisba after it («14 عنصرا إخوانيا»), or a
/// partitive «من» before an unknown noun («العشرات من المجهولين»، «4 من أبناء»). Not a
/// percentage, and not a part of a total.
pub(super) fn names_members(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    q: &Quantity,
) -> bool {
    // «(7) من المحكوم عليهم»: what the figure in brackets counts follows them.
    let e = if bracketed(tokens, q) {
        q.end + 1
    } else {
        q.end
    };
    if q.kind == QKind::Percent || is_part(tokens, q) {
        return false;
    }
    if nisba(tokens, lexicon, e, false) {
        return true;
    }
    let word = |i: usize| tokens.toks.get(i).is_some_and(|t| t.kind == Kind::Word);
    let element = word(e)
        && stems(tokens.norm(e)).any(|(s, _)| s.starts_with("عنصر") || s.starts_with("عناصر"));
    if element && nisba(tokens, lexicon, e + 1, true) {
        return true;
    }
    if word(e) && tokens.norm(e) == "من" && word(e + 1) {
        let w = tokens.norm(e + 1);
        let arabic = w
            .chars()
            .next()
            .is_some_and(|c| ('\u{0620}'..='\u{064A}').contains(&c));
        // «70 من عمداء الأسرى»: the noun annexed to it may say who they are.
        return arabic
            && w.chars().count() >= 4
            && !is_function_word(tokens, e + 1)
            && !counts_known(tokens, lexicon, hits, e + 1)
            && !counts_known(tokens, lexicon, hits, e + 2);
    }
    false
}

/// Passive and light verbs before a verbal noun that governs the number («تم ايقاف 5»).
const LIGHT_VERBS: &[&str] = &["تم", "يتم", "سيتم", "جري", "يجري", "قام", "قامت", "تمت"];

/// The word right before the figure (its qualifier included) is a verbal noun after «تم»
/// or «قام ب» that the lexicon does not know: «وتم ايقاف 5 أمناء» (suspended),
/// «قام برسامة 15 شخصا» (ordained). It says what happened to the number, so no event or
/// people topic farther back in the sentence is its topic. A part takes its total's.
pub(super) fn governed(tokens: &Tokens, lexicon: &Lexicon, hits: &mut Hits, q: &Quantity) -> bool {
    let first = q.first;
    if is_part(tokens, q) {
        return false;
    }
    let word = |i: usize| tokens.toks.get(i).is_some_and(|t| t.kind == Kind::Word);
    let Some(v) = first.checked_sub(1).filter(|&v| word(v)) else {
        return false;
    };
    // «تم ايقاف 5»، «قام (الأسقف) برسامة 15»: the light verb right before the verbal
    // noun, or a few words before it when the noun takes «ب».
    let reach = if tokens.norm(v).starts_with('ب') {
        3
    } else {
        1
    };
    let Some(light) = (v.saturating_sub(reach)..v)
        .rev()
        .find(|&l| word(l) && stems(tokens.norm(l)).any(|(s, al)| !al && LIGHT_VERBS.contains(&s)))
    else {
        return false;
    };
    // A lexicon phrase from the light verb on («تم تحويل»، «تم نقل»: a hospital setting)
    // or from the verbal noun («تم اعتقال») is read by the lexicon's rules.
    let mut known = false;
    for i in [light, v] {
        hits.matches_at(lexicon, tokens, i, |t, _| known |= t != Target::Doer);
    }
    !known && !is_function_word(tokens, v)
}

/// The figure is the doer of «قام/قيام … ب»: «قيام اثنين من أبناء المركز بقتل المأمور»
/// names who killed, so an event after it in «ب» without «ال» (a verbal noun annexed to
/// its object) is what it did to another, not what happened to it. With «ال» it has no
/// object: «قيام ثلاثة أشخاص بالفرار» fled, «قام العشرات بالتظاهر» protested. The forms
/// of «قام/قيام» are the lexicon's `doers`, as written (no article).
pub(super) fn agent_of_light_verb(tokens: &Tokens, lexicon: &Lexicon, q: &Quantity) -> bool {
    q.first.checked_sub(1).is_some_and(|v| {
        tokens.toks[v].kind == Kind::Word
            && stems(tokens.norm(v)).any(|(s, al)| !al && lexicon.is_word(s, Target::Doer))
    })
}
