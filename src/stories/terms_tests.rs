use super::*;

#[test]
fn word_char_agrees_with_std_on_every_character() {
    for c in (0..=0x2FFFFu32).filter_map(char::from_u32) {
        let std = c.is_alphanumeric().then(|| c.is_alphabetic());
        assert_eq!(word_char(c), std, "{c:?} U+{:04X}", c as u32);
    }
}

#[test]
fn folding_and_digits() {
    let a = Terms::of("انفجار في أنقرة", "قتل ٢ شخص");
    let b = Terms::of("انفجار فى انقره", "قتل 2 شخص");
    assert_eq!(a, b);
    // One-digit numbers and stop words are not terms.
    assert_eq!(term("2"), None);
    assert_eq!(term("في"), None);
    assert_eq!(term("2013"), Some("2013"));
}

#[test]
fn title_weighs_more_and_bytes_round_trip() {
    let t = Terms::of("كركوك", "كركوك شرطة");
    let k =
        t.0.iter()
            .find(|(h, _)| *h == word_term("كركوك"))
            .map(|p| p.1);
    let s =
        t.0.iter()
            .find(|(h, _)| *h == word_term(stem("شرطه")))
            .map(|p| p.1);
    assert!(k > s, "{k:?} {s:?}");
    assert_eq!(Terms::from_bytes(&t.to_bytes()), Some(t));
    assert_eq!(Terms::from_bytes(&[1, 2, 3]), None);
}

fn has(t: &Terms, h: u64) -> bool {
    t.0.iter().any(|x| x.0 == h)
}

#[test]
fn numbers_with_separators() {
    let t = Terms::of("", "1,500 and 13.6 billion, «1٫78» and 2013.");
    for n in ["1500", "13.6", "13", "1.78", "2013"] {
        assert!(has(&t, number_term(n)), "{n}");
    }
    assert!(!has(&t, number_term("1.500")));
    assert!(!has(&t, number_term("1")), "one digit is no term");
    // The thousands comma of English and the plain digits of Arabic meet.
    let ar = Terms::of("", "مقتل 1500 شخص");
    assert!(has(&ar, number_term("1500")));
}

#[test]
fn entities_are_shared_across_languages() {
    let en = Terms::of("Blast in Port Said", "The Interior Ministry said");
    let ar = Terms::of("انفجار في بور سعيد", "وقالت وزارة الداخلية");
    for id in ["port_said", "interior_ministry"] {
        assert!(
            has(&en, entity_term(id)) && has(&ar, entity_term(id)),
            "{id}"
        );
    }
    assert!(en.latin_share() > 0.99 && ar.latin_share() < 0.01);
    assert!(is_entity(entity_term("port_said")) && !is_entity(number_term("23")));
    assert!(!is_entity(word_term("port")));
}
