//! A person's age in Arabic reports (docs/claims.md, "Arabic ages"): police and accident
//! reports give each person's age after their name — «محمود 33 سنة طالب»، «خالد، 39 سنة،
//! عاطل»، «(13 عاما- طالب)»، «عمرها 86 عاما» — which is no span of time to compare.

use super::{G, word_in};
use crate::claims::numbers::Number;
use crate::claims::quantities::prev_word;
use crate::claims::tokens::{Kind, Tokens};

/// Year words after an age (normalised).
const YEARS: &[&str] = &["سنه", "عام", "عاما", "سنوات", "اعوام"];
/// Words just before an age. «فوق»، «تحت» bracket ages: «منتخب تحت 20 سنة» (an under-20
/// team), «المستوى العام فوق 15سنة» (over fifteen years of age), never a span of time.
const AGE_CUES: &[&str] = &[
    "فوق",
    "تحت",
    "عمر",
    "عمره",
    "عمرها",
    "عمري",
    "العمر",
    "البالغ",
    "البالغه",
    "يبلغ",
    "تبلغ",
];
/// Words before a span of time (a sentence, a term, a period): never an age.
const SPAN_CUES: &[&str] = &[
    "مده",
    "لمده",
    "خلال",
    "منذ",
    "بعد",
    "قبل",
    "عقب",
    "طوال",
    "طيله",
    "مرور",
    "مدار",
    "من",
    "الي",
    "حتي",
    "في",
    "نحو",
    "حوالي",
    "قرابه",
    "اكثر",
    "اقل",
    "سجن",
    "بالسجن",
    "السجن",
    "حبس",
    "بالحبس",
    "الحبس",
    "المشدد",
    "مشدد",
    "دام",
    "استمر",
    "امتد",
    "حكم",
    "عاش",
    "قضي",
    "قضاها",
    "اخر",
    "اول",
    "ال",
    "ب",
    "ل",
    "او",
    "عن",
    "علي",
    "مدي",
    "لمدي",
];
/// What follows a person's age in a report: their occupation or where they live.
const AFTER_AGE: &[&str] = &[
    "طالب",
    "طالبه",
    "عامل",
    "عامله",
    "عاطل",
    "سايق",
    "مزارع",
    "فلاح",
    "موظف",
    "موظفه",
    "ربه",
    "تاجر",
    "مهندس",
    "طبيب",
    "محام",
    "مدرس",
    "مدرسه",
    "مقيم",
    "مقيمه",
    "ومقيم",
    "ومقيمه",
    "نجار",
    "حداد",
    "سباك",
    "ميكانيكي",
    "صاحب",
    "بدون",
    // Positions: «عمرو القاضي 52 سنة عضو مجلس إدارة البنك».
    "عضو",
    "رييس",
    "مدير",
    "نايب",
    "وكيل",
    "مستشار",
    "محاسب",
    "رجل",
];

/// True when the digits `n` followed by a year word are a person's age.
pub(super) fn age(tokens: &Tokens, n: &Number) -> bool {
    let digits = match tokens.toks.get(n.first).map(|t| t.kind) {
        Some(Kind::Digits(d)) if n.end == n.first + 1 => d,
        _ => return false,
    };
    if !digits.plain || digits.prefix_len > 0 || !(1.0..=120.0).contains(&digits.value) {
        return false;
    }
    let Some(unit) = G
        .next_word(tokens, n.end)
        .filter(|&j| tokens.toks[j].kind == Kind::Word)
    else {
        return false;
    };
    if !word_in(tokens, unit, YEARS) {
        return false;
    }
    let prev = prev_word(tokens, n.first);
    if prev.is_some_and(|p| word_in(tokens, p, AGE_CUES)) {
        return true;
    }
    if prev.is_some_and(|p| word_in(tokens, p, SPAN_CUES)) {
        return false;
    }
    // Set off from the name («خالد، 39 سنة،»، «(27 سنة)»، «"40 سنة"») or followed by a
    // comma or the person's occupation («محمود 33 سنة طالب»).
    let set_off = n.first.checked_sub(1).is_some_and(|p| {
        matches!(
            tokens.toks[p].kind,
            Kind::Stop('،' | ',' | '(') | Kind::Mark('"' | '«' | '-' | '–')
        )
    });
    let after = unit + 1;
    let closed = tokens.toks.get(after).is_some_and(|t| {
        matches!(
            t.kind,
            Kind::Stop('،' | ',' | ')') | Kind::Mark('"' | '»' | '-' | '–')
        )
    }) || (tokens.toks.get(after).is_some_and(|t| t.kind == Kind::Word)
        && word_in(tokens, after, AFTER_AGE));
    set_off || closed
}
