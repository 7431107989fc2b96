//! Topic rules (issues 10 and 15, docs/claims.md "Rules"): an English relative clause's verb
//! names what its noun's number counts, troops are people (vehicles are not troops) and an
//! English troop count names its troops, and
//! an Arabic ordinal of a victim is a toll of at least that many.
//! Sentences written for this test.

use qarin::claims::{Claim, Lexicon, analyze};
use qarin::corpus::Article;

/// The claims of a one-paragraph English article, with `--all` (topic-less ones too).
fn claims(text: &str) -> Vec<Claim> {
    let a = Article::from_text("a.txt", "a.txt", format!("A report\n{text}"));
    analyze(&[a], &Lexicon::builtin(), true).claims
}

fn topic_of(text: &str, value: f64) -> Option<String> {
    let all = claims(text);
    let c = all
        .iter()
        .find(|c| c.value == value)
        .unwrap_or_else(|| panic!("{text}: no claim of {value}: {all:#?}"));
    c.topic.as_ref().map(|t| t.to_string())
}

#[test]
fn a_relative_clause_verb_beyond_the_window_names_the_topic() {
    // The verb is the 8th word after the number; the auxiliaries, raising verbs and
    // adverbs of the clause after «who» do not use up the window.
    for text in [
        "Rescuers pulled out at least one man who appeared to have been badly injured in the blast.",
        "Medics said three women who had reportedly been seriously wounded were flown to Cairo.",
        "Two guards who seemed to have been critically hurt were taken to hospital.",
    ] {
        let value = claims(text)
            .iter()
            .find(|c| c.topic.is_some())
            .map(|c| c.value);
        assert!(value.is_some(), "{text}: {:#?}", claims(text));
        assert_eq!(
            topic_of(text, value.unwrap_or(0.0)).as_deref(),
            Some("injured"),
            "{text}"
        );
    }
}

#[test]
fn a_relative_clause_ends_at_a_conjunction() {
    // «and» closes the relative clause: the verb after it is another clause's.
    let text =
        "Police questioned two men who had been seen near the gate and a guard was later injured.";
    let two = topic_of(text, 2.0);
    assert_ne!(two.as_deref(), Some("injured"), "{:#?}", claims(text));
}

/// Fails when any claim of `text` is filed under troops.
fn assert_no_troops(text: &str) {
    let all = claims(text);
    assert!(
        all.iter()
            .all(|c| c.topic.as_ref().is_none_or(|t| t.as_str() != "troops")),
        "{text}: {all:#?}"
    );
}

#[test]
fn vehicles_sent_are_not_troops() {
    for text in [
        "Several ambulances were dispatched to the area.",
        "The governor sent 40 buses to carry the pilgrims home.",
    ] {
        assert_no_troops(text);
    }
    // Soldiers sent are still troops.
    let text = "The army dispatched 2,500 soldiers to the border.";
    assert_eq!(topic_of(text, 2500.0).as_deref(), Some("troops"));
}

#[test]
fn english_troop_counts_name_their_troops() {
    // "send" and "sent" are any sending in English (a player sent off, fans sent home,
    // flour sent to camps), and "forces" after an adjective are often parties: a
    // count of troops names its troops.
    for text in [
        "The striker was sent off after two bookings in the second half.",
        "The late goal sent the 40,000 fans home happy.",
        "The agency plans to send a man into space within five years.",
        "The mayor said they would send one name to the council by Monday.",
        "Several opposition forces called for a march on Friday.",
        "Three political forces signed the statement on Sunday.",
    ] {
        assert_no_troops(text);
    }
    for (text, value) in [
        ("France has sent about 4,000 troops to the region.", 4000.0),
        (
            "Some 1,800 Chadian soldiers were deployed in the north.",
            1800.0,
        ),
        (
            "The planes carried more than 600 personnel and their kit.",
            600.0,
        ),
        (
            "Hundreds of NATO soldiers are stationed near the border.",
            200.0,
        ),
    ] {
        assert_eq!(topic_of(text, value).as_deref(), Some("troops"), "{text}");
    }
}

/// The claims of a one-paragraph Arabic article (topic-less ones too).
fn claims_ar(text: &str) -> Vec<Claim> {
    let a = Article::from_text("a.txt", "a.txt", format!("تقرير\n{text}"));
    analyze(&[a], &Lexicon::builtin(), true).claims
}

#[test]
fn arabic_ordinals_of_a_victim_are_a_toll_of_at_least_that_many() {
    for (text, value, topic) in [
        (
            "وأعلنت الوزارة وفاة ثاني ضحية للانفجار صباح اليوم.",
            2.0,
            "killed",
        ),
        ("وشيعت القرية أمس الضحية الثالثة للحادث.", 3.0, "killed"),
        (
            "وتوفي القتيل الثالث متأثرا بجراحه في المستشفى.",
            3.0,
            "killed",
        ),
        ("ونقل المصاب الرابع إلى مستشفى الجامعة.", 4.0, "injured"),
    ] {
        let all = claims_ar(text);
        let c = all
            .iter()
            .find(|c| c.value == value)
            .unwrap_or_else(|| panic!("{text}: {all:#?}"));
        assert_eq!(c.topic.as_ref().map(|t| t.as_str()), Some(topic), "{text}");
        assert_eq!(c.qualifier.as_str(), "at_least", "{text}");
        assert_eq!(c.low, Some(value), "{text}");
        // One count, not also the noun's own «قتيل».
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
    }
    // An ordinal of something else, or a first victim, is no toll.
    for text in [
        "وفي اليوم الثالث للاعتصام أغلق المحتجون الطريق.",
        "وكان الضحية الأول طالبا في كلية الهندسة.",
    ] {
        let all = claims_ar(text);
        assert!(all.iter().all(|c| c.topic.is_none()), "{text}: {all:#?}");
    }
}

#[test]
fn a_negated_people_verb_before_any_names_the_zero_count() {
    // «لم يقتل أي عسكري»: no one was killed; the soldier says who, not what happened.
    let all = claims_ar("وأوضح المتحدث أن القتلى مدنيون ولم يقتل أي عسكري في الحادث.");
    let zero = all
        .iter()
        .find(|c| c.value == 0.0)
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(zero.topic.as_ref().map(|t| t.as_str()), Some("killed"));
    assert!(zero.text.contains("عسكري"), "{zero:#?}");
}

#[test]
fn a_year_dates_the_singular_noun_after_it() {
    // A count above one takes a plural; a four-digit number before a singular noun
    // dates it, and one after «July 7,» is the year of that date.
    for (text, value) in [
        (
            "Tensions rose after a 2011 revolution that killed protesters.",
            2011.0,
        ),
        (
            "The settlement was evacuated during Israel's 2005 pullout.",
            2005.0,
        ),
        (
            "The activist was arrested on 7 July, 2012 under a detention law.",
            2012.0,
        ),
        (
            "The activist was arrested on July 7, 2012 under a detention law.",
            2012.0,
        ),
    ] {
        let all = claims(text);
        let c = all.iter().find(|c| c.value == value);
        assert!(
            c.is_none_or(|c| c.topic.is_none()),
            "{text}: {value} is a year: {all:#?}"
        );
    }
    for (text, value, topic) in [
        (
            "Officials said 2000 troops were deployed.",
            2000.0,
            "troops",
        ),
        ("Medics said 1500 people were injured.", 1500.0, "injured"),
        ("Police arrested 1200 men in the raids.", 1200.0, "arrested"),
        (
            "Officials said 1500 Egyptian soldiers were deployed.",
            1500.0,
            "troops",
        ),
    ] {
        assert_eq!(topic_of(text, value).as_deref(), Some(topic), "{text}");
    }
}

#[test]
fn places_bodies_and_results_are_not_head_counts() {
    for (text, value) in [
        (
            "Hundreds of police staged protests in ten governorates across Egypt.",
            10.0,
        ),
        (
            "Two committees bringing together peacekeepers met in Bamako.",
            2.0,
        ),
        (
            "The striker, injured in the first half, had scored two goals.",
            2.0,
        ),
        (
            "Protesters set up several tents and 12 checkpoints in the square.",
            12.0,
        ),
    ] {
        assert_eq!(topic_of(text, value), None, "{text}");
    }
}

#[test]
fn the_verb_after_an_english_list_of_subjects_is_every_figures() {
    // "Two soldiers and four civilians have been killed": the soldiers were killed too;
    // each figure keeps its own noun.
    let text = "Two Malian soldiers and four civilians have already been killed by mines.";
    assert_eq!(topic_of(text, 2.0).as_deref(), Some("killed"), "{text}");
    assert_eq!(topic_of(text, 4.0).as_deref(), Some("killed"), "{text}");
    let all = claims(text);
    let units: Vec<Option<&str>> = all.iter().map(|c| c.unit.as_deref()).collect();
    assert_eq!(units, [Some("soldier"), Some("person")], "{all:#?}");
    // A verb of the figure's own clause still names it.
    let text = "Three soldiers were wounded and five civilians were killed in the blast.";
    assert_eq!(topic_of(text, 3.0).as_deref(), Some("injured"), "{text}");
    assert_eq!(topic_of(text, 5.0).as_deref(), Some("killed"), "{text}");
}

#[test]
fn english_personnel_are_troops_only_when_sent_or_carried() {
    // "personnel" is any staff: troops only with a verb of sending or carrying in the
    // clause (the troops test above keeps "The planes carried more than 600 personnel").
    assert_no_troops("Hundreds of low-ranking personnel went on strike outside the directorate.");
    assert_no_troops("The hospital said 300 personnel would get a pay rise.");
    for text in [
        "Washington sent 120 personnel to guard the embassy.",
        "About 610 personnel were flown in on Sunday.",
    ] {
        let value = claims(text)
            .iter()
            .find(|c| c.topic.is_some())
            .map(|c| c.value)
            .unwrap_or(0.0);
        assert_eq!(topic_of(text, value).as_deref(), Some("troops"), "{text}");
    }
}
