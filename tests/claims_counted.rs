//! What a number counts (docs/claims.md, "Counted nouns"), on sentences written for this
//! test: a noun the lexicon does not know as a person is no count of people, whatever the
//! sentence says of troops or thieves; numbered gates, list items and date ranges are not
//! counts; a number in quotes keeps its unit; «كمية» is no hundred.

mod common;

use common::{claims_of, run};

const PEOPLE: &[&str] = &[
    "killed",
    "injured",
    "arrested",
    "troops",
    "protesters",
    "militants",
    "on_board",
    "people",
];

fn people_claims(text: &str) -> Vec<(String, f64)> {
    let a = run(&[("a", text)]);
    a.claims
        .iter()
        .filter_map(|c| {
            let t = c.topic.as_deref()?;
            PEOPLE.contains(&t).then(|| (t.to_string(), c.value))
        })
        .collect()
}

#[test]
fn unknown_counted_nouns_are_not_people() {
    // Pills, phones, violations, shells: the sentence's troops, thieves or arrests are
    // not what the number counts.
    for text in [
        "ونجحت قوات الأمن في ضبط تاجر وبحوزته 404 قرص مخدر.",
        "وقام اللصوص الملثمون بسرقة 9 هواتف محمولة من الركاب.",
        "وألقت الشرطة القبض على سائق وحررت 105 مخالفة مرورية.",
        "وداهمت القوات المنطقة وضبطت حفرة بداخلها 99 قذيفة مضادة للطائرات.",
    ] {
        assert_eq!(people_claims(text), [], "{text}");
    }
}

#[test]
fn known_people_and_cases_still_take_the_sentence_topic() {
    // A person the lexicon knows, a health report's «حالة», a part of a total, and a
    // noun listed under an event keep what the sentence says.
    let a = run(&[(
        "a",
        "وقالت الوزارة إن عدد الإصابات في محيط الميدان بلغت 62 حالة. \
         واعتقلت الشرطة 20 شخصا، بينهم 3 حراس. \
         وقام مجهولون بقتل 3 أطباء و9 ممرضات داخل عيادة. \
         وسقط 123 شهيدًا في المدينة.",
    )]);
    let injured: Vec<f64> = claims_of(&a, "injured").iter().map(|c| c.value).collect();
    assert_eq!(injured, [62.0], "{:#?}", a.claims);
    let arrested: Vec<f64> = claims_of(&a, "arrested").iter().map(|c| c.value).collect();
    assert_eq!(arrested, [20.0, 3.0], "{:#?}", a.claims);
    let killed: Vec<f64> = claims_of(&a, "killed").iter().map(|c| c.value).collect();
    assert_eq!(killed, [3.0, 9.0, 123.0], "{:#?}", a.claims);
}

#[test]
fn gates_list_items_and_date_ranges_are_not_counts() {
    for text in [
        "وتتمركز قوات الحرس أمام بوابة 5 بعدما انسحبت من أمام بوابات 3 و4.",
        "وطلبت النيابة تتبع هاتف المجند في الفترة من 25 إلى 31 يناير الماضي.",
        "وتبحث قوات الأمن عن المتهمين.\n\n7- في الوقت الذي نشرت فيه قوات الأمن بيانها.",
    ] {
        let a = run(&[("a", text)]);
        assert!(
            a.claims.iter().all(|c| c.topic.is_none()),
            "{text}: {:#?}",
            a.claims
        );
    }
}

#[test]
fn a_number_in_quotes_keeps_its_unit_and_kamiya_is_no_hundred() {
    let a = run(&[(
        "a",
        "عاينت النيابة مكان الواقعة بعد وقوعها بـ«4» أيام. \
         وضبطت قوات الأمن كمية من المواد البترولية.",
    )]);
    let days: Vec<f64> = claims_of(&a, "duration").iter().map(|c| c.value).collect();
    assert_eq!(days, [4.0], "{:#?}", a.claims);
    assert!(a.claims.iter().all(|c| c.value != 100.0), "{:#?}", a.claims);
}

#[test]
fn a_number_in_the_quoted_title_of_a_work_is_no_claim() {
    // A programme, a series, a film, a book: the number is part of its name.
    for text in [
        "وقال الوزير في مداخلة هاتفية ببرنامج \"90 دقيقة\" إن 30 شخصا أصيبوا.",
        "وتعرض القناة مسلسل «7 أرواح» بعد أن قتل 4 من أبطاله في الحلقة الأخيرة.",
        "وصدر للكاتب كتاب \"100 يوم في السجن\" عن اعتقال 40 ناشطا.",
    ] {
        // With `--all`: not even a figure without a topic.
        let a = qarin::claims::analyze(
            &[common::article("a", text)],
            &qarin::claims::Lexicon::builtin(),
            true,
        );
        let values: Vec<f64> = a.claims.iter().map(|c| c.value).collect();
        assert!(
            !values.iter().any(|v| [90.0, 7.0, 100.0].contains(v)),
            "{text}: {:#?}",
            a.claims
        );
        assert_eq!(values.len(), 1, "{text}: {:#?}", a.claims);
    }
}
