//! English rules of session 15 (issue 15, docs/claims.md "The rules one by one"): an
//! exchange rate is no amount, an adjective may stand between a number and its plural
//! unit, and a count of one names its person without scoping it.
//! Sentences written for this test.

use qarin::claims::{Claim, Lexicon, analyze};
use qarin::corpus::Article;

/// The claims of a one-paragraph English article, with `--all` (topic-less ones too).
fn claims(text: &str) -> Vec<Claim> {
    let a = Article::from_text("a.txt", "a.txt", format!("A report\n{text}"));
    analyze(&[a], &Lexicon::builtin(), true).claims
}

/// The claim of `value` in `text`; fails when there is none.
fn claim(text: &str, value: f64) -> Claim {
    let all = claims(text);
    all.iter()
        .find(|c| c.value == value)
        .cloned()
        .unwrap_or_else(|| panic!("{text}: no claim of {value}: {all:#?}"))
}

#[test]
fn an_exchange_rate_is_no_amount() {
    for (text, rates) in [
        (
            "Egypt received $2 billion from Qatar last month. ($1 = 0.7474 euros)",
            &[1.0, 0.7474][..],
        ),
        (
            "The bank set the rate at 1 dollar = 6.7 Egyptian pounds and sold $40 million.",
            &[1.0, 6.7][..],
        ),
        (
            "Ghana raised $750 million (£1 = $1.55) in bonds.",
            &[1.0, 1.55][..],
        ),
    ] {
        let all = claims(text);
        for rate in rates {
            assert!(
                !all.iter().any(|c| (c.value - rate).abs() < 1e-9),
                "{text}: {rate} is a rate: {all:#?}"
            );
        }
        // The amount beside the rate is still a claim.
        assert!(
            all.iter()
                .any(|c| c.topic.as_deref() == Some("money") && c.value >= 4e7),
            "{text}: {all:#?}"
        );
    }
}

#[test]
fn an_adjective_between_a_number_and_its_plural_unit() {
    // What the unit names decides: parties and towns are no head count, days a span.
    let c = claim(
        "Gunmen killed an activist who had led protests by two secular parties.",
        2.0,
    );
    assert_eq!(c.unit.as_deref(), Some("body"), "{c:#?}");
    assert_ne!(c.topic.as_deref(), Some("killed"), "{c:#?}");
    let c = claim(
        "The strike over the killing lasted three consecutive days.",
        3.0,
    );
    assert_eq!(c.unit.as_deref(), Some("day"), "{c:#?}");
    assert_ne!(c.topic.as_deref(), Some("killed"), "{c:#?}");
    // Soldiers and passengers stay people, and the claim's words take in the noun.
    let c = claim("Chad deployed 1,800 Chadian soldiers to Kidal.", 1800.0);
    assert_eq!(c.unit.as_deref(), Some("soldier"), "{c:#?}");
    assert_eq!(c.topic.as_deref(), Some("troops"), "{c:#?}");
    assert_eq!(c.text, "1,800 Chadian soldiers");
    // A plural before the unit is the counted noun itself (suspects, not hours), and a
    // singular unit after an adjective is a modifier (a helicopter pilot, no aircraft).
    let c = claim(
        "Police arrested three suspects hours after the bombing.",
        3.0,
    );
    assert_eq!(c.topic.as_deref(), Some("arrested"), "{c:#?}");
    let c = claim("One French helicopter pilot was killed on Friday.", 1.0);
    assert_eq!(c.topic.as_deref(), Some("killed"), "{c:#?}");
    assert_ne!(c.unit.as_deref(), Some("aircraft"), "{c:#?}");
}

#[test]
fn a_count_of_one_names_its_person_without_a_scope() {
    // «one woman» is «a woman»: the one person counted is not a group of the toll.
    for (text, topic) in [
        (
            "A reporter saw at least one woman who was injured being carried away.",
            "injured",
        ),
        (
            "Officials said one policeman was killed in the attack.",
            "killed",
        ),
    ] {
        let c = claim(text, 1.0);
        assert_eq!(c.topic.as_deref(), Some(topic), "{c:#?}");
        assert_eq!(c.scope, None, "{c:#?}");
    }
    // A part keeps the scope that tells it apart from its total.
    let c = claim(
        "In Suez nine people — including one police conscript — were killed on Friday.",
        1.0,
    );
    assert_eq!(c.scope.as_deref(), Some("security_forces"), "{c:#?}");
    // A count of more than one is still split by who is counted.
    let c = claim("Three women were injured in the attack.", 3.0);
    assert_eq!(c.topic.as_deref(), Some("injured"), "{c:#?}");
    assert_eq!(c.scope.as_deref(), Some("women"), "{c:#?}");
}
