//! The rules of issue 10, each on short sentences written for this test (not from the
//! corpus): parts of totals, units that fit a topic, counts without digits, superseded
//! figures and headlines, money topics and currencies, time order and rising tolls, and
//! number words read as one number.

mod common;

use common::{article, claims_of, group, run, values};
use qarin::claims::{Claim, Lexicon, Verdict, analyze, analyze_at};

// 1. Totals and their parts.

#[test]
fn parts_point_to_their_total_and_group_apart() {
    let a = run(&[
        (
            "a",
            "أسفر انهيار الجسر عن مصرع 19 سائحا، منهم 9 من اليابان و4 فرنسيين.",
        ),
        ("b", "لقي 20 سائحا مصرعهم، بينهم 9 من اليابان."),
    ]);
    let total = group(&a, "killed", None);
    assert_eq!(values(&a, total), [19.0, 20.0]);
    assert_eq!(total.verdict, Verdict::Conflict);
    assert!(!total.part);
    let japan = a
        .groups
        .iter()
        .find(|g| g.part && g.topic == "killed" && values(&a, g) == [9.0, 9.0])
        .unwrap_or_else(|| panic!("no part group of 9 and 9: {:#?}", a.groups));
    assert_eq!(japan.verdict, Verdict::Agree);
    let nine = &a.claims[japan.claims[0]];
    assert_eq!(nine.part_of, Some(total.claims[0]));
    assert!(nine.scope.is_some());
    // «و4 فرنسيين» continues the list of parts.
    let four = a.claims.iter().find(|c| c.value == 4.0).expect("4");
    assert_eq!(four.part_of, Some(total.claims[0]));
    assert_ne!(four.scope, nine.scope);
}

#[test]
fn a_part_without_a_total_in_view_is_not_a_total() {
    let a = run(&[("a", "ومن بينهم 12 طفلا.")]);
    assert!(claims_of(&a, "killed").is_empty(), "{:#?}", a.claims);
}

// 2. A claim's unit must fit its topic.

#[test]
fn cars_ages_floors_and_percentages_are_not_people() {
    let a = run(&[(
        "a",
        "قتل 3 أشخاص. ونقلت 15 سيارة إسعاف الجرحى. وكان القتيل يبلغ من العمر 40 عاما. \
         وانهار مبنى من 7 طوابق على المصابين. وقتل نحو 20 في المئة من الركاب.",
    )]);
    let killed: Vec<f64> = claims_of(&a, "killed").iter().map(|c| c.value).collect();
    assert_eq!(killed, [3.0], "{:#?}", a.claims);
    assert!(claims_of(&a, "injured").is_empty(), "{:#?}", a.claims);
}

#[test]
fn trains_fields_ministries_rulings_and_knives_are_not_people() {
    // Each sentence has a people verb near a count of things.
    let a = run(&[(
        "a",
        "وأصيب الركاب بعد تعطل 10 قطارات في بني سويف. وقتل الحريق الماشية وأتى على 40 فدانا. \
         واعتقلت الشرطة المتهمين في 4 وزارات. واعتقل الأمن منفذي 4125 حكما قضائيا. \
         وقبض على عامل بحوزته 60 مطواة و18 لفافة هيروين و2 فرد خرطوش.",
    )]);
    let people: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.topic.as_deref().is_some_and(|t| t != "area"))
        .map(|c| (c.topic.clone(), c.value))
        .collect();
    assert!(people.is_empty(), "{people:?}: {:#?}", a.claims);
    // Feddans are an area (4,200 m² each).
    let area: Vec<f64> = claims_of(&a, "area").iter().map(|c| c.value).collect();
    assert_eq!(area, [168_000.0], "{:#?}", a.claims);
}

#[test]
fn letters_glued_to_digits_are_read_as_their_own_word() {
    // «33سنة» is an age, «25يناير» a date, «17مصابا» seventeen injured.
    let a = run(&[(
        "a",
        "وإصابة كل من أحمد حسين 33سنة وفاطمة بدر 20سنة. وقتل 25يناير ثلاثة متظاهرين. \
         وأعلنت الوزارة 17مصابا حصيلة المواجهات.",
    )]);
    assert_eq!(values_of(&a, "injured"), [17.0], "{:#?}", a.claims);
    assert!(
        claims_of(&a, "killed").iter().all(|c| c.value == 3.0),
        "{:#?}",
        a.claims
    );
}

#[test]
fn dead_and_hurt_counted_together_are_casualties() {
    let a = run(&[("a", "وارتفع عدد الضحايا إلى 75 قتيلا ومصابا من الجانبين.")]);
    assert_eq!(values_of(&a, "casualties"), [75.0], "{:#?}", a.claims);
    assert!(claims_of(&a, "killed").is_empty(), "{:#?}", a.claims);
}

#[test]
fn case_and_plate_numbers_are_not_counts() {
    let a = run(&[(
        "a",
        "وأصيب السائق وتحرر المحضر 6189 /2013 جنح المركز. \
         واصطدمت بها سيارة نقل برقم (ف ب د 6975) فأصيب قائدها.",
    )]);
    let counts: Vec<f64> = a.claims.iter().map(|c| c.value).collect();
    assert!(
        !counts
            .iter()
            .any(|&v| v == 6189.0 || v == 2013.0 || v == 6975.0),
        "{:#?}",
        a.claims
    );
}

#[test]
fn any_counts_no_one_unless_people_follow_it() {
    // «لا تترك أي مساحة للإرهابيين»: no space, not zero militants.
    let a = run(&[(
        "a",
        "وقالت إنها ستواصل العمليات حتى لا تترك أي مساحة للإرهابيين في البلد.",
    )]);
    assert!(a.claims.is_empty(), "{:#?}", a.claims);
    let a = run(&[("a", "ولم يصب أي من المتظاهرين في الاشتباكات.")]);
    assert_eq!(values_of(&a, "protesters"), [0.0], "{:#?}", a.claims);
}

#[test]
fn a_semicolon_ends_the_search_for_a_topic() {
    // The arrest is the previous sentence's; the 14 are victims of another act.
    let a = run(&[(
        "a",
        "أعلنت مصادر أمنية أنها اعتقلت شابا؛ قام باغتصاب 14 طفلة في المدينة.",
    )]);
    assert!(
        claims_of(&a, "arrested").iter().all(|c| c.value != 14.0),
        "{:#?}",
        a.claims
    );
}

#[test]
fn ages_in_police_reports_are_not_spans_of_time() {
    // Each person's age after their name is no duration; a sentence or a term still is.
    let a = run(&[(
        "a",
        "وأصيب خالد عطية، 39 سنة، عاطل، ومحمود إبراهيم 25 سنة طالب، وفوزية (50 عاما- فلاحة). \
         وشاب عمره 30 عاما. وقضت المحكمة بالسجن المشدد لمدة 15 عاما، وحبسه 4 أيام. \
         وتحدد الدستور مدة الرئاسة بـ 4 سنوات، وسيتم التقسيط على 10 أو 20 عاما، للمستفيدين.",
    )]);
    let spans = values_of(&a, "duration");
    assert_eq!(spans, [15.0, 4.0, 4.0, 15.0], "{:#?}", a.claims);
}

fn values_of(a: &qarin::claims::Analysis, topic: &str) -> Vec<f64> {
    claims_of(a, topic).iter().map(|c| c.value).collect()
}

// 3. Counts without digits.

#[test]
fn singular_dual_and_negated_counts() {
    let cases: &[(&str, &str, f64, &str)] = &[
        ("وأصيب مواطن في الانفجار.", "injured", 1.0, "implicit"),
        ("وقتل حارسان عند البوابة.", "killed", 2.0, "implicit"),
        (
            "وأعلنت الوزارة سقوط قتيل في الاشتباكات.",
            "killed",
            1.0,
            "implicit",
        ),
        ("وسجلت المستشفيات حالتي وفاة.", "killed", 2.0, "implicit"),
        ("وقالت إن حالة وفاة واحدة وقعت.", "killed", 1.0, "exact"),
        ("ولم يسفر الحادث عن أي إصابات.", "injured", 0.0, "none"),
        (
            "ولم تعلن الشرطة عن أي عملية اعتقال.",
            "arrested",
            0.0,
            "none",
        ),
        ("ولقي شخص مصرعه في الحريق.", "killed", 1.0, "implicit"),
    ];
    for (text, topic, value, qualifier) in cases {
        let a = run(&[("a", text)]);
        let cs = claims_of(&a, topic);
        assert_eq!(cs.len(), 1, "{text}: {:#?}", a.claims);
        assert_eq!(cs[0].value, *value, "{text}");
        assert_eq!(cs[0].qualifier, *qualifier, "{text}");
    }
}

#[test]
fn nouns_counted_by_a_number_definite_or_another_are_not_implicit() {
    for text in [
        "وقتل 30 قتيلا في الهجوم.",
        "ونقل القتيل إلى المشرحة.",
        "وسقط 115 شخصا بين قتيل وجريح.",
        "وسقط قتيل آخر مساء أمس.",
    ] {
        let a = run(&[("a", text)]);
        assert!(
            a.claims.iter().all(|c| c.qualifier != "implicit"),
            "{text}: {:#?}",
            a.claims
        );
    }
}

// 4. One headline per source.

#[test]
fn a_later_update_supersedes_and_the_headline_is_compared() {
    let a = run(&[
        (
            "a",
            "قتل 30 شخصا في التفجير صباحا. وفي المساء ارتفع عدد القتلى إلى 39 بحسب مصادر طبية.",
        ),
        ("b", "أسفر التفجير عن مقتل 39 شخصا."),
    ]);
    let g = group(&a, "killed", None);
    assert_eq!(values(&a, g), [30.0, 39.0, 39.0]);
    let c: Vec<&Claim> = g.claims.iter().map(|&i| &a.claims[i]).collect();
    assert!(c[0].superseded && !c[0].headline);
    assert!(!c[1].superseded && c[1].headline);
    assert!(c[2].headline);
    assert_eq!(g.verdict, Verdict::Agree, "{g:#?}");
}

#[test]
fn the_headline_is_the_most_explicit_figure() {
    let a = run(&[
        (
            "a",
            "وسقط العشرات من الجرحى. وقالت الوزارة إن 62 شخصا أصيبوا.",
        ),
        ("b", "وأصيب 62 شخصا."),
    ]);
    let g = group(&a, "injured", None);
    let heads: Vec<f64> = g
        .claims
        .iter()
        .map(|&i| &a.claims[i])
        .filter(|c| c.headline)
        .map(|c| c.value)
        .collect();
    assert_eq!(heads, [62.0, 62.0]);
    assert_eq!(g.verdict, Verdict::Agree);
}

#[test]
fn a_vague_count_beside_its_articles_figure_is_not_compared() {
    let a = run(&[
        (
            "a",
            "وأصيب العشرات في الاشتباكات أمام المحكمة. وأعلنت الوزارة إصابة 37 شخصا.",
        ),
        ("b", "وأصيب 41 شخصا في الاشتباكات أمام المحكمة."),
        ("c", "وسقط عشرات الجرحى في الاشتباكات."),
    ]);
    let g = group(&a, "injured", None);
    // a's «العشرات» is colour around its 37; c's «عشرات» is all c says, and stays.
    let texts: Vec<&str> = g
        .claims
        .iter()
        .map(|&i| a.claims[i].text.as_str())
        .collect();
    assert_eq!(values(&a, g), [37.0, 41.0, 20.0], "{texts:?}");
    assert!(
        a.claims
            .iter()
            .any(|c| c.text == "العشرات" && a.group_of(c.id).is_none()),
        "the vague count is still a claim: {:#?}",
        a.claims
    );
    assert_eq!(g.verdict, Verdict::Conflict);
}

// 5. Finer money topics and currencies.

#[test]
fn money_topics_changes_and_earlier_values_stay_apart() {
    let a = run(&[(
        "a",
        "تراجع احتياطي النقد الأجنبي بنحو 1.4 مليار دولار ليصل إلى 13.6 مليار دولار مقابل \
         15 مليار دولار في الشهر السابق. وحصلت الحكومة على قرض بقيمة 4.8 مليار دولار.",
    )]);
    let level = group(&a, "reserves", None);
    assert_eq!(values(&a, level), [13.6e9]);
    assert_eq!(values(&a, group(&a, "reserves", Some("change"))), [1.4e9]);
    assert_eq!(values(&a, group(&a, "reserves", Some("previous"))), [15e9]);
    assert_eq!(values(&a, group(&a, "loan", None)), [4.8e9]);
}

#[test]
fn currencies_are_not_compared_as_bare_numbers() {
    let a = run(&[
        ("a", "وتبلغ فاتورة الواردات 5 مليارات جنيه شهريا."),
        ("b", "وتبلغ فاتورة الواردات 5 مليارات دولار شهريا."),
    ]);
    let g = group(&a, "imports", None);
    assert_eq!(values(&a, g), [5e9, 5e9]);
    assert_eq!(g.verdict, Verdict::Conflict);
    let units: Vec<_> = g.claims.iter().map(|&i| a.claims[i].unit.clone()).collect();
    assert_eq!(units, [Some("egp".into()), Some("usd".into())]);
}

#[test]
fn decimals_before_a_scale_are_rounded_figures() {
    let a = run(&[
        ("a", "بلغ الاحتياطي 13.6 مليار دولار."),
        ("b", "بلغ الاحتياطي 13.61 مليار دولار."),
        ("c", "بلغ الاحتياطي 13.613 مليار دولار."),
    ]);
    let g = group(&a, "reserves", None);
    assert_eq!(g.verdict, Verdict::Compatible);
    assert_eq!(a.claims[g.claims[0]].qualifier, "rounded");
    let b = run(&[
        ("a", "بلغ الاحتياطي 13.6 مليار دولار."),
        ("b", "بلغ الاحتياطي 13.8 مليار دولار."),
    ]);
    assert_eq!(group(&b, "reserves", None).verdict, Verdict::Conflict);
}

#[test]
fn a_percentage_belongs_to_what_it_is_a_rate_of() {
    let a = run(&[(
        "a",
        "وانخفض احتياطي النقد الأجنبي بنسبة 9.3% خلال الشهر الماضي، وفقد المسافرون 5 حقائب.",
    )]);
    let pct: Vec<&Claim> = a.claims.iter().filter(|c| c.kind == "percent").collect();
    assert_eq!(pct.len(), 1);
    assert_eq!(pct[0].topic.as_deref(), Some("reserves"));
}

// 6. Time order and rising tolls.

#[test]
fn tolls_that_only_rise_with_time_are_marked() {
    let articles = vec![
        article("late", "قتل 33 شخصا في الهجوم."),
        article("early", "قتل 16 شخصا في الهجوم."),
        article("mid", "قتل 30 شخصا في الهجوم."),
    ];
    let time = |id: &str| match id {
        "early" => Some(100),
        "mid" => Some(200),
        "late" => Some(300),
        _ => None,
    };
    let a = analyze_at(&articles, &Lexicon::builtin(), false, &time);
    let g = group(&a, "killed", None);
    assert_eq!(values(&a, g), [16.0, 30.0, 33.0], "sources in time order");
    assert_eq!(g.trend, Some(qarin::claims::Trend::Rising));
    assert_eq!(g.verdict, Verdict::Conflict, "verdicts stay as defined");

    let falling = |id: &str| match id {
        "early" => Some(300),
        "mid" => Some(200),
        "late" => Some(100),
        _ => None,
    };
    let a = analyze_at(&articles, &Lexicon::builtin(), false, &falling);
    assert_eq!(group(&a, "killed", None).trend, None);
    // Without times, no order is claimed and no trend.
    let a = analyze(&articles, &Lexicon::builtin(), false);
    assert_eq!(group(&a, "killed", None).trend, None);
}

// Number words as one number.

#[test]
fn spaced_waw_digit_hundreds_and_grouped_digits_are_one_number() {
    let cases: &[(&str, f64)] = &[
        ("قتل مائة و ستة عشر شخصا.", 116.0),
        ("قتل اثنان و خمسون شخصا.", 52.0),
        ("وأصيب ألفين و مائتان شخص.", 2200.0),
        ("واعتقل ٣ مئة شخص.", 300.0),
        ("وأصيب 40 000 شخص.", 40000.0),
        ("ووصلت الديون إلى واحد و عشرين تريليون دولار.", 21e12),
        ("ووصل الاحتياطي إلى 6ر13 مليار دولار.", 13.6e9),
    ];
    for (text, value) in cases {
        let a = analyze(&[article("a", text)], &Lexicon::builtin(), true);
        let vals: Vec<f64> = a.claims.iter().map(|c| c.value).collect();
        assert_eq!(vals, [*value], "{text}: {:#?}", a.claims);
    }
}

// Readings of numbers (session 18).

/// The claims of a one-paragraph Arabic article, with `--all` (topic-less ones too).
fn all_claims(text: &str) -> Vec<Claim> {
    analyze(&[article("a", text)], &Lexicon::builtin(), true).claims
}

#[test]
fn a_dot_before_three_digits_groups_thousands_in_a_count() {
    // A count or an amount with no scale word: the dot groups thousands, also at the end
    // of a range.
    let a = all_claims(
        "وضبطت الشرطة بحوزة المتهم مبلغ 25.000 جنيه. ولقي حوالي 12.000 شخص حتفهم في الحرب. \
         وأرسلت الحكومة ما بين 3000 إلى 8.000 جندي إلى الحدود.",
    );
    let values: Vec<f64> = a.iter().map(|c| c.value).collect();
    assert_eq!(values, [25000.0, 12000.0, 5500.0], "{a:#?}");
    assert_eq!(a[2].high, Some(8000.0), "{a:#?}");
    // Before a scale word, a measure written to decimals, a percentage, a rate, a figure
    // that counts nothing, and one or two decimals: a decimal point.
    let b = all_claims(
        "وبلغت الصادرات 1.250 مليار دولار. وضبطت الحملة 2.750 طن دقيق و13.555 كيلو جرام من \
         البانجو. وارتفع عدد السكان إلى 2.5 مليون نسمة، وسجل المؤشر 6.45 نقطة. وبلغ العائد \
         14.475%، وسعر الدولار 6.715 جنيه للشراء، وصعد الين إلى 93.135 أمس.",
    );
    let values: Vec<f64> = b.iter().map(|c| c.value).collect();
    assert_eq!(
        values,
        [
            1_250_000_000.0,
            2750.0,
            13.555,
            2_500_000.0,
            6.45,
            14.475,
            6.715,
            93.135
        ],
        "{b:#?}"
    );
}

#[test]
fn a_number_of_years_under_or_over_is_an_age_bracket() {
    // «تحت 17 سنة»، «فوق 15سنة» (glued) name an age group, not a span of time; a span
    // after «لمدة» is still a duration.
    let a = all_claims(
        "وتأهل منتخب الناشئين تحت 17 سنة إلى النهائي، وفاز لاعبو المستوى العام فوق 15سنة \
         بالمركز الأول. وقضت المحكمة بسجنه لمدة 15 سنة.",
    );
    let spans: Vec<f64> = a
        .iter()
        .filter(|c| c.topic.as_deref() == Some("duration"))
        .map(|c| c.value)
        .collect();
    assert_eq!(spans, [15.0], "{a:#?}");
}

#[test]
fn a_proclitic_and_a_number_word_that_make_a_common_word_are_no_number() {
    // «لست» is «I am not», not «ل» + «ست» (six); «لستة» is still for six.
    let a = all_claims("وقال المتحدث: ولست مع العنف، فلست أرى فيه حلا. وسافر لستة أيام.");
    let values: Vec<f64> = a.iter().map(|c| c.value).collect();
    assert_eq!(values, [6.0], "{a:#?}");
    assert_eq!(a[0].text, "لستة أيام", "{a:#?}");
}
