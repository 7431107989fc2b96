//! English rules of sessions 15 and 16 (issue 15, docs/claims.md "The rules one by
//! one"): an exchange rate is no amount, an adjective may stand between a number and
//! its plural unit, a count of one names its person without scoping it; a topic stays
//! in its clause, an unknown plural takes no people topic from afar, scores and ages
//! are no counts, a percentage is no duration, "had reached" after a verb of saying is
//! the level said, and a decade is ten years.
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

#[test]
fn the_topic_of_a_count_stays_in_its_clause() {
    // The event of a relative or participle clause, or of the figure before, is not
    // what a later count of people counts.
    for (text, value) in [
        (
            "The gang, which had killed two guards in June, cheated 14 people in Giza.",
            14.0,
        ),
        (
            "The fair, where a fire killed 12 visitors in 2010, drew 80,000 people on Monday.",
            80_000.0,
        ),
        (
            "Her husband died last spring, leaving her with four daughters and a son.",
            4.0,
        ),
        (
            "The raid killed at least 40 people, and several foreign diplomats condemned it.",
            3.0,
        ),
    ] {
        let c = claim(text, value);
        assert_ne!(c.topic.as_deref(), Some("killed"), "{text}: {c:#?}");
    }
    // A noun before the verb is its subject, not what the number counts.
    let c = claim(
        "Armed settlers chased about 30 farmers off their land.",
        30.0,
    );
    assert_ne!(c.topic.as_deref(), Some("militants"), "{c:#?}");
    let c = claim(
        "Riot police dispersed some 200 villagers near the dam.",
        200.0,
    );
    assert_ne!(c.topic.as_deref(), Some("troops"), "{c:#?}");
    // Within its clause the event still counts: right before the number, through
    // function words, and for a part of a total.
    let c = claim("The blast killed 17 pilgrims near the shrine.", 17.0);
    assert_eq!(c.topic.as_deref(), Some("killed"), "{c:#?}");
    let c = claim("Police arrested our two youngest reporters on Friday.", 2.0);
    assert_eq!(c.topic.as_deref(), Some("arrested"), "{c:#?}");
    let c = claim(
        "Gunmen killed 11 people, including four Italians, in the desert.",
        4.0,
    );
    assert_eq!(c.topic.as_deref(), Some("killed"), "{c:#?}");
}

#[test]
fn scores_and_ages_are_no_counts() {
    for (text, values) in [
        (
            "Ismaily beat Enppi 3-1 in Cairo after their goalkeeper was injured.",
            &[3.0, 1.0][..],
        ),
        (
            "The injured striker watched the 2-2 draw from the bench.",
            &[2.0][..],
        ),
        (
            "The novelist, jailed twice, died at 87 on Monday.",
            &[87.0][..],
        ),
        (
            "The singer, who was wounded in 1973, died at the age of 79.",
            &[79.0][..],
        ),
    ] {
        let all = claims(text);
        for v in values {
            assert!(
                !all.iter()
                    .any(|c| c.value == *v && c.unit.as_deref() != Some("percent")),
                "{text}: {v} is no count: {all:#?}"
            );
        }
    }
    // A range still rises, and «at 3 pm» is a time, «at 5 hospitals» a count.
    let c = claim("Clashes left 10-15 people injured.", 12.5);
    assert_eq!(c.topic.as_deref(), Some("injured"), "{c:#?}");
    let c = claim(
        "Forty wounded protesters were treated at 5 hospitals after the march.",
        5.0,
    );
    assert_eq!(c.unit.as_deref(), Some("building"), "{c:#?}");
}

#[test]
fn a_percentage_is_no_duration_and_a_decade_is_ten_years() {
    let c = claim("Food prices rose 3 per cent month-on-month in March.", 3.0);
    assert_ne!(c.topic.as_deref(), Some("duration"), "{c:#?}");
    // A duration is still a duration, and decades count ten years each.
    let c = claim("The general ruled the province for three decades.", 30.0);
    assert_eq!(c.topic.as_deref(), Some("duration"), "{c:#?}");
    assert_eq!(c.unit.as_deref(), Some("year_span"), "{c:#?}");
}

#[test]
fn had_reached_after_a_verb_of_saying_is_the_level_said() {
    // Reported speech: "has reached" told in the past.
    let c = claim(
        "The agency announced on Sunday that the number of refugees had reached 75,000.",
        75_000.0,
    );
    assert_ne!(c.scope.as_deref(), Some("previous"), "{c:#?}");
    // Without a verb of saying, and "had stood at", it is an earlier value.
    let c = claim(
        "Reserves fell to $12.1 billion; they had stood at $14.3 billion in December.",
        14.3e9,
    );
    assert_eq!(c.scope.as_deref(), Some("previous"), "{c:#?}");
    let c = claim(
        "The bank said reserves fell to $12.1 billion after they had reached $14.3 billion.",
        14.3e9,
    );
    assert_eq!(c.scope.as_deref(), Some("previous"), "{c:#?}");
}

#[test]
fn a_hedge_after_the_figure_stays_in_its_clause() {
    // The belief of the saying after the comma is not the figure's hedge...
    let c = claim(
        "The forward, who spent 11 years playing in Europe, said he believed the coach was wrong.",
        11.0,
    );
    assert!(!c.hedged, "{c:#?}");
    // ...but a hedge in its clause or opening the next one is.
    for text in [
        "Police killed 12 people, reportedly in the north.",
        "Police killed 12 people, according to unconfirmed reports.",
        "Police reportedly killed 12 people in the north.",
    ] {
        assert!(claim(text, 12.0).hedged, "{text}");
    }
}

#[test]
fn what_a_figure_led_to_did_not_happen_to_it() {
    let c = claim(
        "A brawl involving 40 fans led to the deaths of two guards.",
        40.0,
    );
    assert_ne!(c.topic.as_deref(), Some("killed"), "{c:#?}");
    let c = claim(
        "A brawl involving 40 fans led to the deaths of two guards.",
        2.0,
    );
    assert_eq!(c.topic.as_deref(), Some("killed"), "{c:#?}");
}
