//! Figures in a list and units of a scale (docs/claims.md, "Lists"): each figure of
//! «5 قتلى و3 جرحى» counts its own noun; a figure listed after another shares that
//! figure's event when its own words only say who is counted («قتل 5 جنود و3
//! مدنيين»); an earthquake's magnitude, aircraft and parties are never head counts.
//! Sentences written for this test.

use qarin::claims::{Claim, Lexicon, analyze};
use qarin::corpus::Article;

/// The claims of a one-paragraph article.
fn claims(text: &str) -> Vec<Claim> {
    let a = Article::from_text("a.txt", "a.txt", format!("عنوان\n{text}"));
    analyze(&[a], &Lexicon::builtin(), false).claims
}

/// (topic, scope) of the claim of `value`; panics when there is none.
fn topic_scope(text: &str, value: f64) -> (String, Option<String>) {
    let all = claims(text);
    let c = all
        .iter()
        .find(|c| c.value == value)
        .unwrap_or_else(|| panic!("{text}: no claim of {value}: {all:#?}"));
    (
        c.topic.as_ref().map(|t| t.to_string()).unwrap_or_default(),
        c.scope.clone(),
    )
}

#[test]
fn each_figure_of_a_list_counts_its_own_noun() {
    for (text, value, topic) in [
        ("وأسفر انفجار السيارة عن 4 قتلى و11 جريحا.", 11.0, "injured"),
        ("وأسفر انفجار السيارة عن 4 قتلى و11 جريحا.", 4.0, "killed"),
        ("خلف الحريق 7 مصابين و2 قتلى في المصنع.", 2.0, "killed"),
        ("خلف الحريق 7 مصابين و2 قتلى في المصنع.", 7.0, "injured"),
        ("قالت الممرضة لدينا ستة قتلى وتسعة جرحى.", 9.0, "injured"),
    ] {
        assert_eq!(topic_scope(text, value).0, topic, "{text}: {value}");
    }
}

#[test]
fn a_listed_figure_shares_the_event_of_the_figure_before_it() {
    for (text, value, scope) in [
        ("قتل 12 جنديا و4 مدنيين قرب الحدود.", 4.0, Some("civilians")),
        (
            "أسفر القصف عن مقتل 8 أشخاص و3 جنود.",
            3.0,
            Some("security_forces"),
        ),
        (
            "The raid killed 8 people and 3 soldiers near the border.",
            3.0,
            Some("security_forces"),
        ),
        // Through a figure of fighters that kept the event.
        (
            "أفاد المرصد بمقتل 17 مدنيا، و26 مسلحا، و6 جنود.",
            6.0,
            Some("security_forces"),
        ),
        (
            "أفاد المرصد بمقتل 17 مدنيا، و26 مسلحا، و6 جنود.",
            26.0,
            None,
        ),
    ] {
        let (topic, got_scope) = topic_scope(text, value);
        assert_eq!(topic, "killed", "{text}: {value}");
        assert_eq!(got_scope.as_deref(), scope, "{text}: {value}");
    }
    // Without a list (no «و»), the soldiers' own count stays a troop count.
    assert_eq!(
        topic_scope("أرسلت الحكومة 300 جندي إلى الحدود.", 300.0).0,
        "troops"
    );
}

#[test]
fn magnitudes_aircraft_and_parties_are_not_head_counts() {
    for (text, value) in [
        (
            "ضرب زلزال بلغت قوته 7 درجات الجزيرة ما أدى إلى مقتل ثلاثة أشخاص.",
            7.0,
        ),
        ("قتل 3 أشخاص في زلزال بقوة 6.8 درجة على مقياس ريختر.", 6.8),
        ("Three dead as 7.4 quake hits the coast.", 7.4),
        ("أرسلت الحكومة 900 جندي و40 طائرة إلى المنطقة.", 40.0),
        (
            "The army sent 900 troops and 40 helicopters to the area.",
            40.0,
        ),
        ("دعا 38 حزبا إلى التظاهر واعتقلت الشرطة 3 أشخاص.", 38.0),
        ("Planes flew in 900 troops and 310 tons of supplies.", 310.0),
    ] {
        let all = claims(text);
        assert!(
            all.iter().all(|c| c.value != value),
            "{text}: {value} has a topic: {all:#?}"
        );
        assert!(
            all.iter().any(|c| c.value == 3.0 || c.value == 900.0),
            "{text}: the real count is lost: {all:#?}"
        );
    }
}

#[test]
fn a_word_whose_waw_is_a_root_letter_is_the_counted_noun() {
    // «وفيات» is deaths, not «و» + «فيات»: the 4 counts them and the 30 its own injured.
    let text = "وأسفر الحادث عن 4 وفيات و30 مصابا.";
    assert_eq!(topic_scope(text, 4.0).0, "killed");
    assert_eq!(topic_scope(text, 30.0).0, "injured");
}

#[test]
fn event_topics_count_their_own_things() {
    // An attacks count counts attacks; the dead of an attack, the countries it spans and
    // people hurt *by* a bombing («بتفجير») are not attacks.
    assert_eq!(
        topic_scope("شنت الطائرات 14 غارة على المدينة.", 14.0).0,
        "attacks"
    );
    assert_eq!(topic_scope("أسفر الهجوم عن 27 قتيلا.", 27.0).0, "killed");
    assert_eq!(
        topic_scope("مقتل 6 وإصابة 19 بتفجير في السوق.", 19.0).0,
        "injured"
    );
    assert!(
        claims("خطط التنظيم لهجمات في أكثر من 20 بلدا.").is_empty(),
        "countries counted as attacks"
    );
    // Storming and burning count buildings and vehicles, not the people who did it.
    assert!(
        claims("حاول 40 شخصا اقتحام المبنى.")
            .iter()
            .all(|c| c.topic.as_ref().is_none_or(|t| *t != "targeted")),
        "people counted as sites targeted"
    );
    assert_eq!(
        topic_scope("أحرق المحتجون 7 سيارات للشرطة.", 7.0).0,
        "burned"
    );
}

#[test]
fn reference_numbers_are_not_counts() {
    for text in [
        "انقلب أتوبيس رقم (512) وأصيب 9 ركاب.",
        "قررت النيابة حبس 9 متهمين في القضية 743 لسنة 2013.",
    ] {
        let all = claims(text);
        assert!(
            all.iter().all(|c| c.value == 9.0),
            "{text}: a reference number is a claim: {all:#?}"
        );
        assert!(!all.is_empty(), "{text}: the count is lost");
    }
}
