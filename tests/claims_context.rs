//! Rules of the words around a figure, each on short sentences written for this test
//! (not from the corpus): a part named after a total does not scope the total, change
//! verbs take their amount directly, «كان» gives an earlier value, parties to money split
//! it, and «الـ15 مليار» is a number.

mod common;

use common::{group, run, values};
use qarin::claims::Verdict;

#[test]
fn a_part_named_after_a_total_does_not_scope_the_total() {
    let a = run(&[
        ("a", "أسفر الحريق عن مقتل ثمانية أشخاص بينهم امرأة."),
        ("b", "قتل ثمانية أشخاص في الحريق."),
    ]);
    let g = group(&a, "killed", None);
    assert_eq!(values(&a, g), [8.0, 8.0]);
    assert_eq!(g.verdict, Verdict::Agree);
    // Named right after the number, the subject still scopes it.
    let a = run(&[("a", "قتل ثلاث نساء في الحريق.")]);
    assert_eq!(values(&a, group(&a, "killed", Some("women"))), [3.0]);
}

#[test]
fn a_change_verb_takes_its_amount_directly() {
    let a = run(&[(
        "a",
        "تراجعت احتياطيات البلاد خلال مارس 2 مليار دولار لتصل إلى 20 مليار دولار.",
    )]);
    assert_eq!(values(&a, group(&a, "reserves", Some("change"))), [2e9]);
    assert_eq!(values(&a, group(&a, "reserves", None)), [20e9]);
    // A head count after a change word stays the level: «ارتفع عدد القتلى إلى 12».
    let a = run(&[("a", "وارتفع عدد القتلى إلى 12 شخصا.")]);
    assert_eq!(values(&a, group(&a, "killed", None)), [12.0]);
}

#[test]
fn kana_gives_an_earlier_value_but_not_kana_qad() {
    let a = run(&[(
        "a",
        "بلغت الاحتياطيات 20 مليار دولار. وكانت الاحتياطيات تصل إلى 35 مليار دولار قبل الأزمة.",
    )]);
    let level = group(&a, "reserves", None);
    assert_eq!(values(&a, level), [20e9]);
    assert!(
        a.claims[level.claims[0]].headline,
        "not superseded by a past state"
    );
    assert_eq!(values(&a, group(&a, "reserves", Some("previous"))), [35e9]);
    // «كان … قد» is the past perfect of a report: the figure is the level.
    let a = run(&[("a", "وكان البنك قد أعلن أن الاحتياطيات بلغت 20 مليار دولار.")]);
    assert_eq!(values(&a, group(&a, "reserves", None)), [20e9]);
}

#[test]
fn loans_from_different_lenders_are_not_compared() {
    let a = run(&[
        (
            "a",
            "وتسعى الحكومة إلى قرض بقيمة 3 مليارات دولار من صندوق النقد الدولي.",
        ),
        (
            "b",
            "وتتفاوض الحكومة مع الاتحاد الأوروبي على قرض بقيمة 700 مليون دولار.",
        ),
        ("c", "وينتظر البلد قرض صندوق النقد البالغ 3 مليارات دولار."),
    ]);
    let imf = group(&a, "loan", Some("imf"));
    assert_eq!(values(&a, imf), [3e9, 3e9]);
    assert_eq!(imf.verdict, Verdict::Agree);
    assert_eq!(values(&a, group(&a, "loan", Some("eu"))), [7e8]);
}

#[test]
fn definite_digits_before_a_scale_word_are_a_number() {
    let a = run(&[(
        "a",
        "وحذر خبراء من أن هبوط الاحتياطي إلى ما دون الـ20 مليار دولار خطير.",
    )]);
    let c = &a.claims[group(&a, "reserves", None).claims[0]];
    assert_eq!(c.value, 20e9);
    // Without a scale word the article makes an ordinal: «الـ20» is the twentieth.
    let a = run(&[("a", "في الذكرى الـ20 لتأسيس البنك قتل 3 أشخاص.")]);
    assert_eq!(values(&a, group(&a, "killed", None)), [3.0]);
}

#[test]
fn from_a_level_through_a_measure_noun_is_the_earlier_value() {
    let a = run(&[(
        "a",
        "وانخفض الاحتياطي من مبلغ 30 مليار دولار ليصل إلى 25 مليار دولار.",
    )]);
    assert_eq!(values(&a, group(&a, "reserves", Some("previous"))), [30e9]);
    assert_eq!(values(&a, group(&a, "reserves", None)), [25e9]);
}

#[test]
fn a_worth_word_ties_the_amount_to_the_noun_before_it() {
    let a = run(&[(
        "a",
        "وتتفاوض الحكومة على قرض بقيمة 3 مليارات دولار للمساعدة في سد عجز الموازنة.",
    )]);
    assert_eq!(values(&a, group(&a, "loan", None)), [3e9]);
    let a = run(&[(
        "a",
        "The bank approved a loan worth $3 billion to help the budget.",
    )]);
    assert_eq!(values(&a, group(&a, "loan", None)), [3e9]);
}

#[test]
fn months_of_imports_are_a_duration() {
    let a = run(&[
        ("a", "Reserves now cover only 4 months of imports."),
        ("b", "ولا تكفي الاحتياطيات سوى 4 أشهر من الواردات."),
    ]);
    assert_eq!(values(&a, group(&a, "duration", None)), [4.0, 4.0]);
}

#[test]
fn a_parenthesis_restating_an_amount_does_not_break_its_topic() {
    let a = run(&[(
        "a",
        "The state spends about LE6 billion (about $900 million) a month on imports.",
    )]);
    let g = group(&a, "imports", None);
    assert_eq!(values(&a, g).len(), 2, "{:#?}", a.claims);
    let a = run(&[(
        "a",
        "وتنفق الدولة نحو 6 مليارات جنيه (نحو 900 مليون دولار) شهريا على الواردات.",
    )]);
    assert_eq!(values(&a, group(&a, "imports", None)).len(), 2);
}

#[test]
fn of_whom_scopes_the_part_by_what_follows_its_verb() {
    let a = run(&[(
        "a",
        "The toll of injured reached 40, at least 25 of whom were hurt outside the stadium.",
    )]);
    assert_eq!(values(&a, group(&a, "injured", Some("stadium"))), [25.0]);
    let a = run(&[(
        "a",
        "Officials said 12 people were killed, 5 of them children.",
    )]);
    assert_eq!(values(&a, group(&a, "killed", Some("children"))), [5.0]);
}
