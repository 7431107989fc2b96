use super::*;

/// The definition: every word tested with the exact test.
fn reference(text: &str) -> bool {
    text.split(|c: char| !is_word_char(c))
        .any(is_number_word_raw)
}

#[test]
fn tables_hold_the_classes_of_their_characters() {
    let f = filter();
    for b in 0..128u8 {
        assert_eq!(f.ascii[usize::from(b)], class_of(char::from(b)));
    }
    for (base, table) in [(0x600, &f.arabic), (0x2000, &f.punctuation)] {
        for (i, &class) in table.iter().enumerate() {
            let c = char::from_u32(base + i as u32).unwrap_or('\0');
            assert_eq!(class, class_of(c), "{c:?}");
        }
    }
}

proptest::proptest! {
    #[test]
    fn agrees_with_testing_every_word_on_any_text(s in "\\PC{0,80}") {
        proptest::prop_assert_eq!(may_hold_number_word(&s), reference(&s));
    }

    #[test]
    fn agrees_on_arabic_soup(s in "[\u{0621}-\u{0655}\u{0671}\u{06A9}\u{06CC} ،«»“”\u{200C}-\u{200F}a]{0,40}") {
        proptest::prop_assert_eq!(may_hold_number_word(&s), reference(&s));
    }
}

fn set() -> WordSet {
    let words = ["قتيل", "قتيلان", "حارس", "اي", "وقوع"].map(normalize_word);
    WordSet::new(words.iter().map(String::as_str))
}

fn normalize_word(w: &str) -> String {
    crate::claims::tokens::normalize(w)
}

proptest::proptest! {
    #[test]
    fn one_pass_agrees_with_both_tests(s in "[\u{0621}-\u{064A}0-9 ،]{0,40}") {
        let set = set();
        proptest::prop_assert_eq!(
            set.may_hold_or_number(&s),
            may_hold_number(&s) || set.may_hold(&s)
        );
    }

    #[test]
    fn may_contain_never_rejects_a_word_of_the_set(
        prefix in "(و|ف|ب|ل|ك|ال|وال|بال|لل|فلل|وبال|)",
        word in "(قتيل|قتيلان|حارس|اي|وقوع|قتي|حارسة|[\u{0621}-\u{064A}]{1,6})",
    ) {
        let set = set();
        let w = normalize_word(&format!("{prefix}{word}"));
        let exact = crate::claims::tokens::stems(&w).any(|(s, _)| set.words.contains(s));
        proptest::prop_assert!(!exact || set.may_contain(&w), "{w}");
    }
}

#[test]
fn one_pass_finds_each_kind() {
    let set = set();
    assert!(set.may_hold_or_number("في 2019"));
    assert!(set.may_hold_or_number("نحو ثلاثة آلاف"));
    assert!(set.may_hold_or_number("سقوط قتيل"));
    assert!(set.may_hold_or_number("وللحارس"));
    assert!(!set.may_hold_or_number("لا شيء هنا"));
    assert!(set.may_contain("والقتيل") && !set.may_contain("المدرسه"));
}

#[test]
fn sees_digits_and_words() {
    assert!(may_hold_number("في 2019"));
    assert!(may_hold_number("في ٢٠١٩"));
    assert!(may_hold_number("في ۲۰۱۹"));
    assert!(may_hold_number("ثلاثة رجال"));
    assert!(may_hold_number("قتل العشرات"));
    assert!(may_hold_number("نحو ثمانية آلاف شخص"));
    assert!(may_hold_number("وبخمسمائة"));
    assert!(!may_hold_number("لا شيء هنا"));
    assert!(!may_hold_number("درست في المدرسة"));
    assert!(!may_hold_number(""));
}

#[test]
fn every_number_word_passes_the_word_filter() {
    let prefixes = [
        "", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "فلل", "وبال",
    ];
    for k in number_word_keys() {
        for p in prefixes {
            let w = format!("{p}{k}");
            assert!(may_be_number_word(&w), "{w}");
        }
    }
    // The same answer as decoding the letters.
    let decoded = |w: &str| {
        let letters: Option<Vec<u8>> = w
            .chars()
            .map(|c| letter_index(c).map(|i| i as u8))
            .collect();
        letters.is_some_and(|l| filter().ends_like_number_word(&l))
    };
    for a in crate::corpus::seeds() {
        for w in a.paragraphs.iter().flat_map(|p| p.split(' ')) {
            let w = crate::claims::tokens::normalize(w);
            assert_eq!(may_be_number_word(&w), decoded(&w), "{w}");
        }
    }
    for w in [
        "ثلاثa",
        "aثلاث",
        "ثلاث\u{0670}",
        "ء",
        "ثلاث۰",
        "ست",
        "وست",
        "ءست",
        "ٹست",
    ] {
        assert_eq!(may_be_number_word(w), decoded(w), "{w}");
    }
    assert!(!may_be_number_word("مدرسه"));
    assert!(!may_be_number_word("درست"));
    assert!(!may_be_number_word("xثلاث"));
    assert!(!may_be_number_word(""));
}

#[test]
fn finds_a_digit_anywhere() {
    // Every position across several vector blocks, each digit form, with Arabic
    // letters around whose bytes look like digits' (ا is D8 A7, ة is D8 A9).
    let filler = "اة ";
    for digit in ["7", "٧", "۷"] {
        for n in 0..70 {
            let text = format!("{}{digit}{}", filler.repeat(n), filler.repeat(3));
            assert!(has_digit(text.as_bytes()), "{n} {digit}");
        }
    }
    let no_digit = format!("{}ۺ ڠ ؠ", filler.repeat(100));
    assert!(!has_digit(no_digit.as_bytes()));
    assert!(!has_digit(b""));
    assert!(has_digit(b"1"));
    assert!(!has_digit("\u{06E7}\u{0620}".as_bytes()));
}

#[test]
fn agrees_with_testing_every_word() {
    let keys: Vec<&str> = number_word_keys().collect();
    assert!(keys.len() > 100);
    let prefixes = [
        "", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "فلل", "وبال", "وب", "س", "م",
    ];
    let suffixes = ["", "ا", "ه", "ين", "َ", "ـ", "x", "ٹ"];
    let mut n = 0;
    for k in &keys {
        for p in prefixes {
            for s in suffixes {
                for text in [
                    format!("{p}{k}{s}"),
                    format!("قال {p}{k}{s}، ثم"),
                    format!("«{p}{k}{s}»"),
                    format!("{p}ِ{k}{s}"),
                    format!("a{p}{k}{s}"),
                ] {
                    assert_eq!(may_hold_number_word(&text), reference(&text), "{text}");
                    n += 1;
                }
            }
        }
    }
    assert!(n > 10_000);
}

#[test]
fn agrees_on_the_seeds_and_edge_cases() {
    let mut texts: Vec<String> = crate::corpus::seeds()
        .iter()
        .flat_map(|a| {
            a.paragraphs
                .iter()
                .map(|p| p.to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    let long = "ث".repeat(30);
    let harakat = "ثَلَاثَةٌ ".repeat(3);
    texts.extend(
        [
            "ثلاثة",
            "ثَـلَاثَـةُ",
            "ثَّـٰلَاثَـةُ",
            "لِثلاث",
            "ثلاث\u{200C}ة",
            "ث",
            "ست",
            "ستة",
            "الست",
            "وَثلاثة",
            "ٱلف",
            "مىة",
            "مئة",
            long.as_str(),
            harakat.as_str(),
            "\u{FFFD}ثلاثة",
            "ثلاثة\u{FFFD}",
            "Ωثلاثة",
            "“ثلاثة”",
            "ثلا\u{200D}ثة",
            "ثلاثةⁿ",
            "ثلاثة\u{2028}ثلاثة",
            "\u{20AC}ثلاثة",
        ]
        .map(String::from),
    );
    let mut hits = 0;
    for t in &texts {
        let got = may_hold_number_word(t);
        assert_eq!(got, reference(t), "{t}");
        hits += usize::from(got);
    }
    assert!(hits > 10, "{hits}");
}
