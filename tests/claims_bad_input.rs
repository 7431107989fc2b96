//! Bad input never panics and gives sensible output: no numbers, huge numbers, endless
//! digit runs, mixed scripts, random bytes.

use proptest::prelude::*;
use qarin::claims::{Lexicon, analyze};
use qarin::corpus::{Article, LoadOptions, decode, split_paragraphs};

fn article(text: &str) -> Article {
    let mut a = Article::from_text("x.txt", "x.txt", text.to_owned());
    a.title = String::new();
    a
}

fn claims(text: &str, all: bool) -> Vec<qarin::claims::Claim> {
    analyze(&[article(text)], &Lexicon::builtin(), all).claims
}

/// Invariants every analysis keeps: offsets on char boundaries pointing at the text,
/// finite values, low ≤ value ≤ high where bounded, JSON serialisable.
fn check_invariants(text: &str, all: bool) {
    let a = analyze(&[article(text)], &Lexicon::builtin(), all);
    let paras = split_paragraphs(text);
    for c in &a.claims {
        let p = &paras[c.paragraph - 1];
        assert!(c.start <= c.end && c.end <= p.len());
        assert!(p.is_char_boundary(c.start) && p.is_char_boundary(c.end));
        assert_eq!(p[c.start..c.end].trim(), c.text);
        assert!(c.value.is_finite(), "{c:?}");
        if let Some(lo) = c.low {
            assert!(lo.is_finite() && lo <= c.value, "{c:?}");
        }
        if let Some(hi) = c.high {
            assert!(hi.is_finite() && hi >= c.value, "{c:?}");
        }
    }
    for g in &a.groups {
        assert!(!g.claims.is_empty());
    }
    assert!(serde_json::to_string(&a).is_ok());
}

#[test]
fn text_without_numbers_has_no_claims() {
    assert!(claims("", true).is_empty());
    assert!(claims("\n\n\n", true).is_empty());
    assert!(claims("لا أرقام في هذا النص على الإطلاق، فقط كلمات.", true).is_empty());
    assert!(claims("No numbers here at all.", true).is_empty());
}

#[test]
fn huge_numbers_are_not_counts() {
    // Beyond u64 and beyond f64's exact integers: an identifier, not a count.
    let c = claims("قتل 123456789012345678901234567890 شخصا", true);
    assert!(c.is_empty(), "{c:?}");
    // The biggest exact count still parses.
    let c = claims("قتل 123456789012345 شخصا", true);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].value, 123_456_789_012_345.0);
    // Scale words can overflow f64 only by absurd repetition; it stays finite or is dropped.
    check_invariants(&"ألف مليار ".repeat(200), true);
    check_invariants("999999999999999 تريليون دولار", true);
}

#[test]
fn ten_thousand_digits_in_a_row() {
    let digits = "9".repeat(10_000);
    let text = format!("أرسلت {digits} جندي و{digits}");
    assert!(claims(&text, true).is_empty());
    let arabic = "٩".repeat(10_000);
    assert!(claims(&format!("مقتل {arabic}"), true).is_empty());
    let separated = vec!["999"; 3_000].join(",");
    check_invariants(&format!("مقتل {separated} شخص"), true);
    check_invariants(&"1.".repeat(5_000), true);
    check_invariants(&"1:".repeat(5_000), true);
}

#[test]
fn mixed_scripts_and_controls() {
    let text = "قُتل 12 person في Almaty، и ещё 7 человек 受伤 ٣ آلاف \u{202E}32\u{202C} شخصا \u{200F}و15 جنديا";
    check_invariants(text, true);
    let c = claims(text, true);
    assert!(c.iter().any(|c| c.value == 3000.0));
    assert!(
        c.iter()
            .any(|c| c.value == 15.0 && c.topic.as_deref() == Some("troops"))
    );
    check_invariants("🙂 2000 🙂 جندي 🙂", true);
    check_invariants("\u{0}\u{1b}[31m 50 قتيلا \u{7f}", true);
    check_invariants(&"(".repeat(1000), true);
    check_invariants(&"و".repeat(10_000), true);
    check_invariants(&"بين 1 و".repeat(500), true);
}

#[test]
fn random_bytes_through_lossy_decoding() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut bytes = Vec::with_capacity(100_000);
    for _ in 0..100_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        bytes.push((x >> 24) as u8);
    }
    bytes.retain(|&b| b != 0);
    let text = decode(
        std::path::Path::new("r.bin"),
        &bytes,
        &LoadOptions {
            lossy: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    check_invariants(&text, true);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_string_keeps_invariants(s in "\\PC{0,200}") {
        check_invariants(&s, true);
    }

    #[test]
    fn arabic_number_soup_keeps_invariants(parts in proptest::collection::vec(
        prop_oneof![
            Just("ثلاثة"), Just("آلاف"), Just("و"), Just("مئة"), Just("عشرات"), Just("ألفين"),
            Just("أكثر من"), Just("نحو"), Just("بين"), Just("أو"), Just("مليار"), Just("جندي"),
            Just("قتل"), Just("،"), Just("."), Just("2022"), Just("٣٤٥"), Just("1,5"), Just("%"),
            Just("يناير"), Just("المادة"), Just("05:30"), Just("-"), Just("على الأقل"),
            Just("9999999999999999"), Just("0.0001"), Just("الـ"), Just("وستة"), Just("عشر"),
        ],
        0..40,
    )) {
        check_invariants(&parts.join(" "), true);
        check_invariants(&parts.concat(), true);
    }
}
