//! Rules of the setting of a figure, each on short sentences written for this test (not
//! from the corpus): how many injured are in hospital or were taken there, totals of the
//! whole country, forecasts, and the start of a change named after the level it reached.

mod common;

use common::{group, run, values};
use qarin::claims::Verdict;

#[test]
fn hospital_tallies_are_not_the_toll() {
    let a = run(&[
        (
            "a",
            "أصيب 40 شخصا في انهيار المبنى، وتم نقل 12 مصابا إلى مستشفى المدينة.",
        ),
        (
            "b",
            "أصيب 40 شخصا في الانهيار، وما زال 9 مصابين في المستشفيات.",
        ),
        (
            "c",
            "أسفر الانهيار عن إصابة 40 شخصا تم نقلهم جميعا إلى المستشفى.",
        ),
    ]);
    // «تم نقلهم جميعا» describes all of them: the toll stays one group, in agreement.
    let toll = group(&a, "injured", None);
    assert_eq!(values(&a, toll), [40.0, 40.0, 40.0]);
    assert_eq!(toll.verdict, Verdict::Agree);
    assert_eq!(
        values(&a, group(&a, "injured", Some("hospital"))),
        [12.0, 9.0]
    );
}

#[test]
fn a_hospital_in_another_conjunct_does_not_set_the_figure() {
    let a = run(&[(
        "a",
        "وقال مسؤول إن 5 جثث نقلت إلى مستشفى البلدة وأن أكثر من 30 أصيبوا.",
    )]);
    assert_eq!(values(&a, group(&a, "injured", None)), [30.0]);
}

#[test]
fn totals_of_the_whole_country_are_apart() {
    let a = run(&[
        ("a", "أصيب 25 شخصا في اشتباكات الميدان."),
        ("b", "بلغ عدد المصابين 70 مصابا بالعاصمة والمحافظات."),
    ]);
    assert_eq!(values(&a, group(&a, "injured", None)), [25.0]);
    assert_eq!(values(&a, group(&a, "injured", Some("nationwide"))), [70.0]);
}

#[test]
fn forecasts_are_not_reports() {
    let a = run(&[
        ("a", "تراجعت الاحتياطيات إلى 18 مليار دولار."),
        ("b", "ويتوقع خبراء أن تهبط الاحتياطيات إلى 16 مليار دولار."),
    ]);
    assert_eq!(values(&a, group(&a, "reserves", None)), [18e9]);
    assert_eq!(values(&a, group(&a, "reserves", Some("forecast"))), [16e9]);
    let a = run(&[(
        "a",
        "Analysts expect reserves to fall to $16 billion. Reserves stood at $18 billion.",
    )]);
    assert_eq!(values(&a, group(&a, "reserves", Some("forecast"))), [16e9]);
}

#[test]
fn the_start_of_a_change_after_the_level_reached_is_earlier() {
    let a = run(&[(
        "a",
        "وتراجعت الاحتياطيات إلى 18 مليار دولار بنهاية مارس من 20 مليار دولار في نهاية فبراير.",
    )]);
    assert_eq!(values(&a, group(&a, "reserves", None)), [18e9]);
    assert_eq!(values(&a, group(&a, "reserves", Some("previous"))), [20e9]);
    let a = run(&[(
        "a",
        "Reserves had stood at $20 billion at the end of February.",
    )]);
    assert_eq!(values(&a, group(&a, "reserves", Some("previous"))), [20e9]);
}

#[test]
fn a_list_after_a_hospital_tally_is_in_hospital_too() {
    let a = run(&[(
        "a",
        "أصيب 20 شخصا في الحادث، وتم تحويل 5 حالات للعاصمة و8 لمستشفيات المدينة.",
    )]);
    assert_eq!(values(&a, group(&a, "injured", None)), [20.0]);
    assert_eq!(
        values(&a, group(&a, "injured", Some("hospital"))),
        [5.0, 8.0]
    );
}

#[test]
fn earlier_events_told_as_background_are_apart() {
    let a = run(&[(
        "a",
        "قتل 12 شخصا في تفجير اليوم. وقبل أيام قتل مسلح 9 أشخاص في هجوم آخر، وقتل أكثر من 3000 في العام الماضي.",
    )]);
    assert_eq!(values(&a, group(&a, "killed", None)), [12.0]);
    assert_eq!(
        values(&a, group(&a, "killed", Some("earlier"))),
        [9.0, 3000.0]
    );
    let a = run(&[("a", "More than 3,000 people were killed last year.")]);
    assert_eq!(values(&a, group(&a, "killed", Some("earlier"))), [3000.0]);
}

#[test]
fn killed_and_injured_together_are_casualties() {
    let a = run(&[
        ("a", "مصرع وإصابة 15 شخصا في حادث تصادم."),
        ("b", "أصيب 11 شخصا في حادث التصادم."),
    ]);
    assert_eq!(values(&a, group(&a, "casualties", None)), [15.0]);
    assert_eq!(values(&a, group(&a, "injured", None)), [11.0]);
}

#[test]
fn a_named_day_of_a_past_month_is_background() {
    let a = run(&[(
        "a",
        "قتل 7 أشخاص في انفجار اليوم. وتشهد المدينة هجمات متكررة، ففي 12 آذار/مارس الماضي قتل 40 وأصيب 90 آخرون.",
    )]);
    assert_eq!(values(&a, group(&a, "killed", None)), [7.0]);
    assert_eq!(values(&a, group(&a, "killed", Some("earlier"))), [40.0]);
    assert_eq!(values(&a, group(&a, "injured", Some("earlier"))), [90.0]);
    // A month alone is a report on that month, and an amount before a month is no day.
    let a = run(&[(
        "a",
        "وبلغ عدد القتلى خلال مارس الماضي 40 قتيلا. وتراجعت الاحتياطيات مقارنة بـ20 مليار دولار بنهاية فبراير الماضي بنسبة 5%.",
    )]);
    assert_eq!(values(&a, group(&a, "killed", None)), [40.0]);
    let pct = a.claims.iter().find(|c| c.value == 5.0).expect("5%");
    assert_eq!(pct.scope, None, "{pct:#?}");
}

#[test]
fn an_amount_restating_a_change_is_a_change() {
    let a = run(&[(
        "a",
        "وفقدت الاحتياطيات نحو 8% من قيمتها خلال مارس تعادل نحو 1.6 مليار دولار، لتصل إلى 18 مليار دولار.",
    )]);
    assert_eq!(values(&a, group(&a, "reserves", Some("change"))), [1.6e9]);
    assert_eq!(values(&a, group(&a, "reserves", None)), [18e9]);
    let a = run(&[(
        "a",
        "Reserves lost 8 percent in March, equivalent to $1.6 billion. Reserves stood at $18 billion.",
    )]);
    assert_eq!(values(&a, group(&a, "reserves", Some("change"))), [1.6e9]);
    assert_eq!(values(&a, group(&a, "reserves", None)), [18e9]);
}

#[test]
fn a_list_of_figures_by_place_is_parts_of_the_total() {
    let a = run(&[
        (
            "a",
            "أصيب 50 شخصا في الاشتباكات، وسجلت 30 إصابة في ميدان النصر و12 في محافظة الساحل.",
        ),
        ("b", "وأصيب 45 شخصا في ميدان النصر."),
    ]);
    // One place named for one figure is where the event was: still the toll.
    let toll = group(&a, "injured", None);
    assert_eq!(values(&a, toll), [50.0, 45.0]);
    let part = |v: f64| a.claims.iter().find(|c| c.value == v).expect("part");
    assert_eq!(part(30.0).part_of, Some(toll.claims[0]));
    assert_eq!(part(30.0).scope.as_deref(), Some("نصر"));
    assert_eq!(part(12.0).part_of, Some(toll.claims[0]));
    assert_eq!(part(12.0).scope.as_deref(), Some("ساحل"));
    let a = run(&[(
        "a",
        "At least 40 people were injured, 25 in Tahrir Square and 15 in the city of Suez.",
    )]);
    assert_eq!(values(&a, group(&a, "injured", None)), [40.0]);
    let suez = a.claims.iter().find(|c| c.value == 15.0).expect("15");
    assert_eq!(suez.scope.as_deref(), Some("suez"));
    assert!(suez.part_of.is_some());
}
