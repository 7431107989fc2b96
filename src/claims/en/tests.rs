use super::super::lexicon::Lexicon;
use super::super::quantities::{QKind, Quantity};
use super::super::tokens::Tokens;
use super::{numbers, quantities};

/// The quantities of an English sentence: (kind, qualifier, value, low, high).
fn quants(text: &str) -> Vec<Quantity> {
    let lexicon = Lexicon::builtin();
    let mut tokens = Tokens::default();
    tokens.scan(text);
    let mut n = Vec::new();
    numbers::find_numbers(&tokens, &lexicon, &mut n);
    let mut q = Vec::new();
    quantities::quantities(&tokens, &n, &lexicon, &mut q);
    q
}

fn counts(text: &str) -> Vec<(f64, &'static str, Option<f64>, Option<f64>)> {
    quants(text)
        .into_iter()
        .filter(|q| q.is_claim())
        .map(|q| (q.value, q.qualifier.as_str(), q.low, q.high))
        .collect()
}

fn values(text: &str) -> Vec<f64> {
    counts(text).into_iter().map(|c| c.0).collect()
}

#[test]
fn number_words_and_digits() {
    assert_eq!(values("2,500 troops"), [2500.0]);
    assert_eq!(values("twenty-five people"), [25.0]);
    assert_eq!(values("two hundred and fifty thousand people"), [250_000.0]);
    assert_eq!(values("one hundred five people"), [105.0]);
    assert_eq!(values("a dozen people"), [12.0]);
    assert_eq!(values("two dozen people"), [24.0]);
    assert_eq!(values("half a million people"), [500_000.0]);
    assert_eq!(values("one and a half million people"), [1_500_000.0]);
    assert_eq!(values("1.5 million people"), [1_500_000.0]);
    assert_eq!(values("$13.6 billion"), [13_600_000_000.0]);
    assert_eq!(values("$13.6bn"), [13_600_000_000.0]);
    assert_eq!(values("LE5 billion"), [5_000_000_000.0]);
    assert_eq!(values("a hundred people"), [100.0]);
    assert_eq!(values("three thousand four hundred and twelve"), [3412.0]);
}

#[test]
fn vague_words_are_half_open_decades() {
    let c = counts("Tens of thousands of protesters");
    assert_eq!(c, [(20_000.0, "vague", Some(20_000.0), Some(100_000.0))]);
    assert_eq!(
        counts("dozens of people")[0].2..counts("dozens of people")[0].3,
        Some(20.0)..Some(100.0)
    );
    assert_eq!(counts("hundreds of thousands")[0].3, Some(1_000_000.0));
    assert_eq!(counts("several hundred people")[0].2, Some(300.0));
    assert_eq!(counts("a few thousand people")[0].2, Some(2000.0));
    assert_eq!(counts("thousands of people")[0].2, Some(2000.0));
    assert!(counts("tens of people").is_empty());
}

#[test]
fn not_counts() {
    let kinds = |t: &str| quants(t).into_iter().map(|q| q.kind).collect::<Vec<_>>();
    assert_eq!(kinds("In 2008, an attack"), [QKind::Year]);
    assert_eq!(kinds("on February 1"), [QKind::Date]);
    assert_eq!(kinds("on 1 February"), [QKind::Date]);
    assert_eq!(kinds("By 9pm, it"), [QKind::Time]);
    assert_eq!(kinds("at 9:30pm"), [QKind::Time]);
    assert_eq!(kinds("at 9 a.m. today"), [QKind::Time]);
    assert_eq!(kinds("a 23-year-old man"), [QKind::Age]);
    assert_eq!(kinds("aged 23"), [QKind::Age]);
    assert_eq!(kinds("he was 23 years old"), [QKind::Age]);
    assert_eq!(kinds("Resolution 2085"), [QKind::Ref]);
    assert_eq!(kinds("an F-16 jet"), [QKind::Identifier]);
    assert_eq!(kinds("the 21st century"), [QKind::Ordinal]);
    assert_eq!(kinds("2000 troops"), [QKind::Count]);
    assert_eq!(kinds("30 percent"), [QKind::Percent]);
}

#[test]
fn qualifiers() {
    assert_eq!(counts("at least 33 killed")[0].1, "at_least");
    assert_eq!(counts("more than 2,000 troops")[0].1, "above");
    assert_eq!(counts("up to 50 people")[0].1, "at_most");
    assert_eq!(counts("no more than 50 people")[0].1, "at_most");
    assert_eq!(counts("nearly 100 people")[0].1, "about");
    assert_eq!(
        counts("about 200 people")[0],
        (200.0, "about", Some(180.0), Some(220.0))
    );
    assert_eq!(
        counts("between 10 and 15 people")[0],
        (12.5, "range", Some(10.0), Some(15.0))
    );
    assert_eq!(
        counts("between 2 and 3 million people")[0].2,
        Some(2_000_000.0)
    );
    assert_eq!(counts("two or three people")[0].1, "range");
    assert_eq!(counts("33 people at least")[0].1, "at_least");
    assert_eq!(counts("$13.6 billion")[0].1, "rounded");
}

/// The pre-filter as it was written before it became one pass: a digit, a number word
/// (other than «a», «an», «half») of at most 12 letters, or a noun of one person or an
/// ordinal of 3 to 14 letters, among the runs of ASCII letters.
fn may_hold_reference(text: &str, lexicon: &Lexicon) -> bool {
    use super::words::{Word, word};
    let words = || {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
    };
    text.bytes().any(|b| b.is_ascii_digit())
        || words().any(|w| {
            w.len() <= 12 && word(&w).is_some_and(|x| !matches!(x, Word::Article | Word::Half))
        })
        || words().any(|w| {
            (3..=14).contains(&w.len())
                && (lexicon.implicit().en_person(&w)
                    || [
                        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                    ]
                    .iter()
                    .chain(&["ninth", "tenth"])
                    .any(|o| *o == w))
        })
}

#[test]
fn the_prefilter_passes_digits_number_words_persons_and_ordinals() {
    let lexicon = Lexicon::builtin();
    let yes = [
        "It cost 5 pounds.",
        "Several thousand gathered",
        "Dozens marched",
        "killed a GUARD",
        "the second victim",
        "a 3rd day",
        "\u{201c}Twenty\u{201d} said",
    ];
    let no = [
        "",
        "a half of the story",
        "The secondment ended",
        "Nothing here at all.",
        "مقتل ثلاثة",
        "internationalisation-of",
    ];
    for t in yes {
        assert!(super::may_hold_claim(t, &lexicon), "{t}");
    }
    for t in no {
        assert!(!super::may_hold_claim(t, &lexicon), "{t}");
    }
}

proptest::proptest! {
    // Words of the filter's lists, other words, long words, digits, non-ASCII letters and
    // punctuation in any order: one pass says what the two former passes said.
    #[test]
    fn the_prefilter_is_the_two_former_passes_in_one(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "two", "Thousands", "a", "an", "half", "man", "Woman", "guard", "second",
                "tenth", "seconds", "hello", "mn", "bn", "seventeen", "policewomanish",
                "protesterprotester", "abcdefghijklmno", "x", "9", " ", ",", "-", "é",
                "مقتل", "\u{201c}", "officer", "ordinal", "people",
            ]),
            0..12,
        )
    ) {
        let lexicon = Lexicon::builtin();
        let text: String = parts.concat();
        proptest::prop_assert_eq!(
            super::may_hold_claim(&text, &lexicon),
            may_hold_reference(&text, &lexicon)
        );
    }
}

#[test]
fn the_block_digit_test_finds_a_digit_anywhere() {
    // Every length around the 64-byte blocks, a digit (or none) at every place, and the
    // bytes next to the digits ('/' and ':') and non-ASCII bytes, which are no digits.
    for len in [0, 1, 63, 64, 65, 127, 128, 130] {
        let plain: Vec<u8> = (0..len).map(|i| b"a/:\xd8\xa7 z"[i % 7]).collect();
        assert!(!super::has_ascii_digit(&plain), "{len}");
        for at in 0..len {
            for d in [b'0', b'5', b'9'] {
                let mut b = plain.clone();
                b[at] = d;
                assert!(super::has_ascii_digit(&b), "{len} {at}");
            }
        }
    }
}

#[test]
fn letter_runs_are_found_across_block_edges() {
    // Runs of every length at every place around the 64-byte blocks, between
    // non-letters of every kind (ASCII, digits' neighbours, non-ASCII bytes).
    for len in [0usize, 1, 63, 64, 65, 127, 128, 129, 200] {
        for run in [1, 2, 5, 63, 64, 70] {
            for at in (0..len).step_by(7).chain([len.saturating_sub(1)]) {
                let mut b: Vec<u8> = (0..len).map(|i| b" ,\xd8\xa7@[`{"[i % 8]).collect();
                for (k, x) in b.iter_mut().skip(at).take(run).enumerate() {
                    *x = if k % 3 == 0 { b'Q' } else { b'z' };
                }
                let mut expected = Vec::new();
                let mut i = 0;
                while i < b.len() {
                    if b[i].is_ascii_alphabetic() {
                        let s = i;
                        while i < b.len() && b[i].is_ascii_alphabetic() {
                            i += 1;
                        }
                        expected.push((s, i));
                    } else {
                        i += 1;
                    }
                }
                let mut got = Vec::new();
                assert!(!super::any_letter_run(&b, |s, e| {
                    got.push((s, e));
                    false
                }));
                assert_eq!(got, expected, "len {len} run {run} at {at}");
                // Stops at the first run `f` accepts.
                if let Some(&first) = expected.first() {
                    let mut seen = 0;
                    assert!(super::any_letter_run(&b, |s, e| {
                        seen += 1;
                        (s, e) == first
                    }));
                    assert_eq!(seen, 1);
                }
            }
        }
    }
}

#[test]
fn the_prefilter_finds_a_word_at_every_place_of_a_long_paragraph() {
    let lexicon = Lexicon::builtin();
    for word in ["Two", "guard", "seventh", "thousands", "a", "secondment"] {
        for at in 0..140 {
            let mut text = "x ".repeat(at / 2);
            text.truncate(at);
            text.push(' ');
            text.push_str(word);
            text.push_str(", then nothing at all here for a while.");
            assert_eq!(
                super::may_hold_claim(&text, &lexicon),
                may_hold_reference(&text, &lexicon),
                "{text}"
            );
        }
    }
}

#[test]
fn the_letter_mask_is_the_byte_test() {
    // Every byte value at every place of blocks of lengths around the 8-byte steps and up
    // to 64, among letters and the bytes next to 'a', 'z', 'A' and 'Z' and non-ASCII.
    let letter = |c: u8| (c | 0x20).wrapping_sub(b'a') < 26;
    let fill = b"a@Z[`{zA\xc1\xe1 9";
    for len in (0..=17).chain(56..=64) {
        let base: Vec<u8> = (0..len).map(|i| fill[i % fill.len()]).collect();
        for at in 0..len {
            for x in 0..=255u8 {
                let mut b = base.clone();
                b[at] = x;
                let want = b
                    .iter()
                    .enumerate()
                    .fold(0u64, |m, (j, &c)| m | u64::from(letter(c)) << j);
                assert_eq!(super::letter_mask(&b), want, "{len} {at} {x}");
            }
        }
    }
}
