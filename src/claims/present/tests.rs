use super::*;
use crate::claims::Topic;

fn claim(
    text: &str,
    qualifier: Qualifier,
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
) -> Claim {
    Claim {
        low,
        high,
        low_inclusive: false,
        qualifier,
        ..Claim::test_count("a", "troops", text, value)
    }
}

#[test]
fn verdicts_in_both_languages_with_one_sign() {
    assert_eq!(verdict_mark(Verdict::Conflict, Lang::Arabic), "✗ تعارض");
    assert_eq!(verdict_mark(Verdict::Conflict, Lang::English), "✗ conflict");
    assert_eq!(verdict_label(Verdict::Single, Lang::Arabic), "مصدر واحد");
    assert_eq!(
        verdict_label(Verdict::Compatible, Lang::English),
        "compatible"
    );
    assert_eq!(verdict_colour(Verdict::Conflict), Some(Colour::Red));
    assert_eq!(verdict_colour(Verdict::Single), None);
}

#[test]
fn values_in_the_language_of_their_words() {
    let above = claim(
        "أكثر من 2000 جندي",
        Qualifier::Above,
        2000.0,
        Some(2000.0),
        None,
    );
    assert_eq!(value_text(&above, false), "أكثر من 2000");
    assert_eq!(value_text(&above, true), ">2000");
    let least = claim("6 على الأقل", Qualifier::AtLeast, 6.0, Some(6.0), None);
    assert_eq!(value_text(&least, false), "6 على الأقل");
    assert_eq!(value_text_within(&least, 3), "≥6");
    let en = claim(
        "more than 2.5 billion dollars",
        Qualifier::Above,
        2.5e9,
        Some(2.5e9),
        None,
    );
    assert_eq!(value_text(&en, false), "more than 2.5 billion");
    let mut km = claim(
        "نحو 7 آلاف كيلومتر",
        Qualifier::About,
        7e6,
        Some(6.3e6),
        Some(7.7e6),
    );
    km.unit = Some(crate::claims::Unit::from("metre"));
    assert_eq!(value_text(&km, false), "نحو 7000 كم");
    let vague = claim("العشرات", Qualifier::Vague, 20.0, Some(20.0), Some(100.0));
    assert_eq!(value_text(&vague, false), "العشرات");
}

#[test]
fn labels_and_colours_come_from_the_lexicon() {
    let lex = Lexicon::builtin();
    assert_eq!(topic_label(&lex, "troops", Lang::Arabic), "القوات");
    assert_eq!(topic_label(&lex, "troops", Lang::English), "troops sent");
    assert_eq!(
        topic_label(&lex, "no_such_topic", Lang::English),
        "no_such_topic"
    );
    assert_eq!(
        scope_label(&lex, "security_forces", Lang::English),
        "security forces"
    );
    assert_eq!(topic_colour(&lex, "killed"), Some(Colour::Red));
    let g = Group {
        topic: Topic::from("killed"),
        verdict: Verdict::Conflict,
        claims: vec![],
        conflicts: vec![],
        year: Some(2022),
        scope: Some("security_forces".into()),
        part: false,
        trend: None,
    };
    assert_eq!(
        group_label(&lex, &g, Lang::English),
        "people killed · security forces (2022)"
    );
    assert_eq!(
        group_label(&lex, &g, Lang::Arabic),
        "القتلى · قوات الأمن (2022)"
    );
}

#[test]
fn colour_names_are_forgiving_and_closed() {
    assert_eq!(Colour::parse("DarkGray"), Some(Colour::DarkGray));
    assert_eq!(Colour::parse("dark-grey"), Some(Colour::DarkGray));
    assert_eq!(Colour::parse("light_blue"), Some(Colour::LightBlue));
    assert_eq!(Colour::parse("chartreuse"), None);
    for c in Colour::ALL {
        assert_eq!(Colour::parse(c.name()), Some(c));
    }
}

#[test]
fn an_unknown_colour_in_a_lexicon_is_refused_with_its_topic() {
    let src = "[[topic]]\nkey = \"floods\"\nlabel = \"الفيضانات\"\ncolour = \"chartreuse\"\n";
    let err = Lexicon::from_toml(src, std::path::Path::new("my.toml"))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("my.toml") && err.contains("floods") && err.contains("chartreuse"),
        "{err}"
    );
}
