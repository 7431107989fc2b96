//! Who a number counts and what governs it (docs/claims.md, "Members and governing
//! words"), on sentences written for this test: members of a group or kin named by a
//! nisba or a partitive «من» take no topic from another counted noun of the sentence; a
//! verbal noun after «تم» names what happened; duals without a numeral, definite teens,
//! «راح ضحيتها», «لمدة» and a part's state.

mod common;

use common::{claims_of, run};

/// (topic, value) of every claim with a topic.
fn topics(text: &str) -> Vec<(String, f64)> {
    let a = run(&[("a", text)]);
    a.claims
        .iter()
        .filter_map(|c| Some((c.topic.as_deref()?.to_string(), c.value)))
        .collect()
}

#[test]
fn members_of_a_group_are_no_troops_or_equipment() {
    // A nisba as the counted noun, a known person with a nisba after it, and a
    // partitive «من» before a noun the lexicon does not know: the troops, passengers and
    // armoured car of the sentence are not what the number counts.
    for (text, not) in [
        (
            "وقال الشاهد إن حافلة نقلت 12 عنصرا سلفيا إلى مقر الكتيبة.",
            "troops",
        ),
        (
            "ووصلت مدرعة إلى المعسكر وكان بداخلها الجنود و17 سلفيا من أنصار الشيخ.",
            "equipment",
        ),
        (
            "ووقعت مشادات بين المئات من ركاب القطار، والعشرات من الملثمين على الرصيف.",
            "on_board",
        ),
    ] {
        let a = run(&[("a", text)]);
        // Claims with a topic only: the members have none, or people.
        let members: Vec<_> = a
            .claims
            .iter()
            .filter(|c| c.value == 12.0 || c.value == 17.0 || c.text.contains("العشرات"))
            .collect();
        assert!(
            members.iter().all(|c| c.topic.as_deref() == Some("people")),
            "{text}: {:#?}",
            a.claims
        );
        assert!(
            a.claims
                .iter()
                .all(|c| c.topic.as_deref() != Some(not) || c.value > 20.0)
        );
    }
    // What happened to them still names the topic, and security nisbas stay troops.
    assert_eq!(
        topics("واعتقلت الشرطة 7 سلفيين في المنيا."),
        [("arrested".to_string(), 7.0)]
    );
    assert_eq!(
        topics("وأرسلت الوزارة 300 عنصر أمني إلى المدينة."),
        [("troops".to_string(), 300.0)]
    );
}

#[test]
fn kin_named_after_a_partitive_are_not_the_injured() {
    // «4 من أقاربهم» fired the shots: the injured of the clause before are others.
    let a = run(&[(
        "a",
        "أصيب مزارع وشقيقه بطلقات نارية بعد أن أطلق عليهم 4 من أقاربهم النار بسبب خلاف.",
    )]);
    assert!(
        a.claims
            .iter()
            .all(|c| !(c.value == 4.0 && c.topic.as_deref() == Some("injured"))),
        "{:#?}",
        a.claims
    );
}

#[test]
fn a_verbal_noun_after_tamma_names_what_happened() {
    // Suspended and ordained, not the detention or the martyr named before.
    for text in [
        "وهددت الوزارة بالحبس والفصل كما حدث من قبل وتم ايقاف 6 ضباط عن العمل.",
        "وأقيم القداس على روح الشهيد، ثم قام الأسقف برسامة 12 شخصا في الكنيسة.",
    ] {
        let got = topics(text);
        assert!(
            got.iter()
                .all(|(t, v)| (*v != 6.0 && *v != 12.0) || t == "people"),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_dual_in_the_construct_state_counts_two() {
    let a = run(&[(
        "a",
        "وأصيب فردا أمن في الهجوم. \
         وأسفر الحادث عن إصابة فردي شرطة. \
         وأصيب شخصين في المشاجرة. \
         وقتل المسلحون رجلا مسنا.",
    )]);
    let injured: Vec<f64> = claims_of(&a, "injured").iter().map(|c| c.value).collect();
    assert_eq!(injured, [2.0, 2.0, 2.0], "{:#?}", a.claims);
}

#[test]
fn a_definite_teen_is_one_number() {
    // «الخمسة عشر شخصا» counts 15; «اللاعبين الأحد عشر» names a team, and neither
    // «عشر» is ten.
    let a = run(&[(
        "a",
        "وأفرجت النيابة عن الخمسة عشر شخصا الذين ألقي القبض عليهم. \
         واعتقلت الشرطة اللاعبين الأحد عشر في الفندق.",
    )]);
    let values: Vec<f64> = a.claims.iter().map(|c| c.value).collect();
    assert_eq!(values, [15.0], "{:#?}", a.claims);
}

#[test]
fn the_victims_of_it_are_dead() {
    assert_eq!(
        topics("وقعت المحرقة التي راح ضحيتها 11 شخصا في القرية."),
        [("killed".to_string(), 11.0)]
    );
    assert_eq!(
        topics("وأدت الحرب إلى تهجير أكثر من 500 ألف شخص."),
        [("evacuated".to_string(), 500_000.0)]
    );
}

#[test]
fn a_number_before_lmudda_is_not_counted_by_the_span() {
    let a = run(&[("a", "وقضت المحكمة بحبس 9 لمدة 3 شهور.")]);
    let nine = a.claims.iter().find(|c| c.value == 9.0).expect("9");
    assert_eq!(nine.text, "9", "{:#?}", a.claims);
    assert_eq!(nine.unit, None);
    assert_ne!(nine.topic.as_deref(), Some("troops"));
}

#[test]
fn a_part_of_whom_in_a_state_has_no_scope() {
    let a = run(&[("a", "واستقبل المستشفى 31 جريحا، خمسة منهم في حالة خطرة.")]);
    let injured = claims_of(&a, "injured");
    assert_eq!(injured.len(), 2, "{:#?}", a.claims);
    assert_eq!(injured[1].part_of, Some(injured[0].id));
    assert_eq!(injured[1].scope, None);
}

#[test]
fn ages_before_a_position_are_not_spans_of_time() {
    let a = run(&[(
        "a",
        "وأحال النائب العام سامي عبد الله 47 سنة عضو مجلس إدارة الشركة إلى المحاكمة.",
    )]);
    assert!(
        a.claims
            .iter()
            .all(|c| c.topic.as_deref() != Some("duration")),
        "{:#?}",
        a.claims
    );
}

#[test]
fn the_verbs_of_protesting_name_the_protesters() {
    assert_eq!(
        topics("تظاهر نحو مئتي شخص أمام السفارة في طنجة."),
        [("protesters".to_string(), 200.0)]
    );
    assert_eq!(
        topics("واعتصم 50 عاملا أمام مقر الشركة."),
        [("protesters".to_string(), 50.0)]
    );
}

#[test]
fn alif_madda_begins_no_article() {
    // «آلية» (a vehicle) folds to «اليه» but has no article «ال»: its stem is not
    // «يه», and «فيه» («in it») after a number names no equipment.
    let got = topics("وقال الشاهد إن عشرة فيه يحاولون إيقافهم.");
    assert!(got.iter().all(|(t, _)| t != "equipment"), "{got:?}");
    assert_eq!(
        topics("ودخلت 12 آلية إلى المدينة."),
        [("equipment".to_string(), 12.0)]
    );
}

#[test]
fn what_a_figure_caused_or_did_did_not_happen_to_it() {
    // «أدت إلى مصرع طفلة»: the death is the child's, not the brawlers'.
    let a = run(&[("a", "وقعت مشاجرة بين 4 أشقاء و6 أشخاص أدت إلى مصرع طفلة.")]);
    let killed: Vec<f64> = claims_of(&a, "killed").iter().map(|c| c.value).collect();
    assert_eq!(killed, [1.0], "{:#?}", a.claims);
    // «قيام اثنين … بقتل المأمور»: the two killed him.
    let got = topics("ويرجع أصل القضية إلى قيام اثنين من أبناء القرية بقتل المأمور.");
    assert!(got.iter().all(|(t, _)| t != "killed"), "{got:?}");
    // Its own noun still names it, and a verbal noun with «ال» has no object: the
    // doers fled.
    let got = topics("وقام 3 مسلحين بقتل الحارس.");
    assert!(got.contains(&("militants".to_string(), 3.0)), "{got:?}");
    assert_eq!(
        topics("وشاهدت الدورية قيام ثلاثة أشخاص بالفرار من المكان."),
        [("evacuated".to_string(), 3.0)]
    );
}

#[test]
fn a_nisba_after_the_noun_it_qualifies_counts_no_one() {
    // «حكم عسكري»، «الحكم العسكري»: a military verdict, not soldiers; and the span after
    // «لمدة» lends the 13 no noun and stays a duration.
    for text in [
        "واحتج الأهالي على حكم عسكري بسجن 13 لمدة 6 شهور.",
        "واحتج الأهالي على الحكم العسكري الصادر بحبس 9 متهمين لمدة 6 شهور.",
    ] {
        let a = run(&[("a", text)]);
        let got = topics(text);
        assert!(
            got.iter().all(|(t, _)| t != "troops"),
            "{text}: {:#?}",
            a.claims
        );
        let months: Vec<f64> = claims_of(&a, "duration").iter().map(|c| c.value).collect();
        assert_eq!(months, [6.0], "{text}: {:#?}", a.claims);
    }
    // A soldier named as what is counted is still one.
    assert_eq!(
        topics("وأرسل الجيش 40 عسكريا إلى المدينة."),
        [("troops".to_string(), 40.0)]
    );
}

#[test]
fn a_figure_alone_in_brackets_counts_what_follows_it() {
    // «(7) من المدانين» counts the convicts, as «7 من المدانين» does: no arrest of an
    // earlier clause is theirs. A parenthesis that goes on after the figure is still a
    // list of parts («(أربعة ضباط، …)»).
    let text = "وبعد حملة القبض على الهاربين تقدم (7) من المدانين بطلبات للعفو.";
    assert_eq!(topics(text), [], "{text}");
    let a = run(&[("a", "وقتل (5) أشخاص في الهجوم.")]);
    let killed: Vec<&str> = claims_of(&a, "killed")
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(killed, ["(5) أشخاص"], "{:#?}", a.claims);
}

#[test]
fn the_verbal_noun_of_protesting_counts_no_protesters() {
    // «حق التظاهر»، «تنظيم التظاهر»: after a noun of the act (lexicon `act_nouns`) the
    // verbal noun is the act, not who protested; the verb, and the verbal noun of what
    // the figure went to do, still count them.
    for text in [
        "وناقش 30 نائبا قانون تنظيم التظاهر.",
        "ويضم المشروع 40 بندا لتنظيم حق التظاهر السلمي.",
    ] {
        let got = topics(text);
        assert!(
            got.iter().all(|(t, _)| t != "protesters"),
            "{text}: {got:?}"
        );
    }
    assert_eq!(
        topics("وتظاهر نحو 300 شخص أمام المحكمة."),
        [("protesters".to_string(), 300.0)]
    );
    assert_eq!(
        topics("وتوافد 500 شخص للتظاهر أمام القصر."),
        [("protesters".to_string(), 500.0)]
    );
}

#[test]
fn the_doers_of_qama_are_lexicon_words() {
    // The forms of «قام/قيام» that make a figure the doer of what follows in «ب» are
    // the lexicon's `doers`: a merged lexicon adds one («تكفل … بقتل»).
    let text = "وتكفل 3 أشخاص بقتل الحارس.";
    assert_eq!(topics(text), [("killed".to_string(), 3.0)], "{text}");
    let mut lexicon = qarin::claims::Lexicon::builtin();
    let more = qarin::claims::Lexicon::from_toml(
        "doers = [\"تكفل\"]\n",
        std::path::Path::new("doers.toml"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    lexicon.merge(more);
    let a = qarin::claims::analyze(&[common::article("a", text)], &lexicon, false);
    assert!(
        a.claims
            .iter()
            .all(|c| c.topic.as_deref() != Some("killed")),
        "{:#?}",
        a.claims
    );
}
