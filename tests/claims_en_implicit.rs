//! English counts without digits, on sentences written for this test (not from the
//! corpus): an indefinite person after an event counts one, an ordinal before a person
//! or a victim is a toll of at least that many.

mod common;

use common::{claims_of, group, run, values};
use qarin::claims::Qualifier;

#[test]
fn an_indefinite_person_after_an_event_counts_one() {
    let a = run(&[
        (
            "a",
            "A gunman killed a Dutch security guard outside the bank on Monday.",
        ),
        ("b", "Two guards were killed outside the bank."),
    ]);
    let killed = claims_of(&a, "killed");
    assert_eq!(killed.len(), 2, "{:#?}", a.claims);
    let one = killed.iter().find(|c| c.value == 1.0).expect("one guard");
    assert_eq!(one.value, 1.0);
    assert_eq!(one.qualifier, Qualifier::Implicit);
    assert!(one.text.starts_with("a Dutch security guard"), "{one:#?}");
    assert_eq!(values(&a, group(&a, "killed", None)), [1.0, 2.0]);
}

#[test]
fn an_article_without_an_event_or_a_person_is_no_count() {
    let a = run(&[(
        "a",
        "A man walked into a shop. Police arrested a suspect's brother. Rain killed a crop.",
    )]);
    // «walked» is no event; «arrested a suspect's» names no person of the lexicon;
    // a crop is no person.
    assert!(a.claims.is_empty(), "{:#?}", a.claims);
}

#[test]
fn an_ordinal_before_a_person_or_a_victim_is_a_toll_of_at_least_that_many() {
    let a = run(&[
        ("a", "Second Dutch protester dies of his wounds."),
        ("b", "The student was the third victim of the unrest."),
        ("c", "Police fired a second round of tear gas."),
    ]);
    let killed = claims_of(&a, "killed");
    assert_eq!(killed.len(), 2, "{:#?}", a.claims);
    for (c, v) in killed.iter().zip([2.0, 3.0]) {
        assert_eq!(c.value, v);
        assert_eq!(c.qualifier, Qualifier::AtLeast);
        assert_eq!((c.low, c.high), (Some(v), None));
    }
}
