//! Properties of re-anchoring: a passage is found again wherever edits elsewhere move it,
//! and what is found is always a valid slice holding the passage's words.

use proptest::prelude::*;

use qarin::bookmarks::{Anchor, ArticleRef, Bookmark, Match, reanchor};
use qarin::corpus::Paragraphs;

fn bookmark(paragraph: usize, start: usize, text: &str) -> Bookmark {
    Bookmark {
        id: 1,
        article: ArticleRef {
            path: "a.txt".into(),
            hash: String::new(),
            id: "a".into(),
            title: String::new(),
            outlet: String::new(),
            extra: Default::default(),
        },
        paragraph,
        start,
        end: start + text.len(),
        text: text.into(),
        note: None,
        created: String::new(),
        extra: Default::default(),
    }
}

/// Arabic words with harakat, digits and punctuation: the seeds' alphabet.
fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(
        "[ابتثجحخدذرسشصضطظعغفقكلمنهوي\u{064B}-\u{0652}0-9،.]{1,8}",
        1..12,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn unchanged_article_gives_the_same_place(
        paras in prop::collection::vec(paragraph(), 1..8),
        pick in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let pi = pick.index(paras.len());
        let p = &paras[pi];
        let bounds: Vec<usize> = p.char_indices().map(|(i, _)| i).chain([p.len()]).collect();
        let start = bounds[cut.index(bounds.len() - 1)];
        let text = &p[start..];
        let b = bookmark(pi + 1, start, text);
        prop_assert_eq!(
            reanchor(&b, &Paragraphs::from(paras.clone())),
            Anchor::Found(qarin::bookmarks::Location { paragraph: pi + 1, start, end: p.len() }, Match::Same)
        );
    }

    #[test]
    fn paragraphs_added_before_move_the_passage_not_lose_it(
        paras in prop::collection::vec(paragraph(), 1..8),
        added in prop::collection::vec(paragraph(), 1..4),
        pick in any::<prop::sample::Index>(),
    ) {
        let pi = pick.index(paras.len());
        let b = bookmark(pi + 1, 0, &paras[pi]);
        let mut edited = added.clone();
        edited.extend(paras.iter().cloned());
        let a = reanchor(&b, &Paragraphs::from(edited.clone()));
        let loc = a.location();
        prop_assert!(loc.is_some(), "lost: {:?}", a);
        let loc = loc.unwrap();
        prop_assert_eq!(&edited[loc.paragraph - 1][loc.start..loc.end], paras[pi].as_str());
        prop_assert!(!a.flagged());
    }

    #[test]
    fn whatever_is_found_is_a_valid_slice(
        paras in prop::collection::vec(paragraph(), 1..8),
        text in paragraph(),
        para in 0usize..10,
        start in 0usize..40,
    ) {
        let b = bookmark(para, start, &text);
        if let Some(l) = reanchor(&b, &Paragraphs::from(paras.clone())).location() {
            let p = &paras[l.paragraph - 1];
            prop_assert!(l.start <= l.end && l.end <= p.len());
            prop_assert!(p.is_char_boundary(l.start) && p.is_char_boundary(l.end));
        }
    }
}
