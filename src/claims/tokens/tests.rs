use super::*;

/// The tokenizer as it was written before the lookup tables: decodes every
/// character and classifies it with the character functions.
fn scan_reference(text: &str) -> Tokens {
    let mut t = Tokens::default();
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() || is_invisible(c) {
            space_before = true;
            continue;
        }
        if is_word_char(c) || digit_value(c).is_some() {
            let norm_start = t.arena.len();
            let mut end = i + c.len_utf8();
            let mut run = RunBuilder::default();
            run.push(c, CharInfo::of(c), &mut t.arena);
            while let Some(&(j, d)) = chars.peek() {
                let letter = is_word_char(d);
                let next = text[j + d.len_utf8()..].chars().next();
                let split = if letter {
                    run.digits_end(d, next.map(|n| (n, CharInfo::of(n))))
                } else {
                    digit_value(d).is_some() && run.word_before_digits(&t.arena[norm_start..])
                };
                if split {
                    break;
                } else if letter || digit_value(d).is_some() {
                    run.push(d, CharInfo::of(d), &mut t.arena);
                } else if is_number_joiner(d) && run.last_digit {
                    let mut ahead = text[j + d.len_utf8()..].chars();
                    if ahead.next().and_then(digit_value).is_none() {
                        break;
                    }
                    run.joiner(d);
                } else {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let kind = run.finish(&t.arena[norm_start..]);
            let norm = norm_start..t.arena.len();
            t.toks.push(Token {
                span: i..end,
                kind,
                norm,
                space_before,
            });
        } else {
            let kind = if is_stop(c) {
                Kind::Stop(c)
            } else {
                Kind::Mark(c)
            };
            let n = t.arena.len();
            t.toks.push(Token {
                span: i..i + c.len_utf8(),
                kind,
                norm: n..n,
                space_before,
            });
        }
        space_before = false;
    }
    t
}

fn same_as_reference(text: &str) {
    let mut t = Tokens::default();
    t.scan(text);
    let r = scan_reference(text);
    assert_eq!(t.toks, r.toks, "{text:?}");
    assert_eq!(t.arena, r.arena, "{text:?}");
}

#[test]
fn tables_agree_with_the_character_functions() {
    let tables = char_tables();
    for b in 0..128u8 {
        assert_eq!(tables.ascii[usize::from(b)], CharInfo::of(char::from(b)));
    }
    for (base, table) in [(0x600, &tables.arabic), (0x2000, &tables.punctuation)] {
        for (i, info) in table.iter().enumerate() {
            let c = char::from_u32(base + i as u32).unwrap_or('\0');
            assert_eq!(*info, CharInfo::of(c), "{c:?}");
        }
    }
}

#[test]
fn scan_agrees_with_the_reference_on_the_seeds() {
    for a in crate::corpus::seeds() {
        for p in a.paragraphs.iter() {
            same_as_reference(p);
        }
    }
    for text in [
        "",
        " ",
        "1",
        "1,",
        "1,5",
        "1,,5",
        "5.",
        "٢٫٥٪",
        "F16 و250 الـ5",
        "12:30:",
        "\u{200F}٣",
        "«٤٢» ۱۲۳ — “100” ‏ ﻻ Ωmega ñ",
        "ـ",
        "a\u{0301}b",
        "\u{FEFF}x",
        "\u{061C}٣",
    ] {
        same_as_reference(text);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 512,
        ..proptest::prelude::ProptestConfig::default()
    })]

    #[test]
    fn scan_agrees_with_the_reference(s in "[\u{0600}-\u{06FF}0-9a-zA-Z ,.:%«»—\u{2000}-\u{20FF}\u{00A0}\u{0100}-\u{0180}\u{2066}\u{FEFF}\u{1F600}]{0,60}") {
        same_as_reference(&s);
    }

    #[test]
    fn scan_agrees_with_the_reference_on_any_text(s in "\\PC{0,80}") {
        same_as_reference(&s);
    }
}

fn kinds(text: &str) -> Vec<(String, Kind)> {
    let mut t = Tokens::default();
    t.scan(text);
    t.toks
        .iter()
        .map(|k| (text[k.span.clone()].to_owned(), k.kind))
        .collect()
}

fn digits(text: &str) -> DigitRun {
    match kinds(text)[0].1 {
        Kind::Digits(d) => d,
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn words_are_normalised() {
    let mut t = Tokens::default();
    t.scan("ويُعتقد أنّ مائة، إلى");
    assert_eq!(t.norm(0), "ويعتقد");
    assert_eq!(t.norm(1), "ان");
    assert_eq!(t.norm(2), "مايه");
    assert!(matches!(t.toks[3].kind, Kind::Stop('،')));
    assert_eq!(t.norm(4), "الي");
}

#[test]
fn digit_runs_with_separators() {
    assert_eq!(digits("8,000").value, 8000.0);
    assert_eq!(digits("1,234,567").value, 1234567.0);
    assert_eq!(digits("٨٬٠٠٠").value, 8000.0);
    assert_eq!(digits("2.7").value, 2.7);
    assert_eq!(digits("٢٫٥").value, 2.5);
    assert_eq!(digits("1.000.000").value, 1_000_000.0);
    assert_eq!(digits("1,5").value, 1.5);
    assert!(digits("05:53").colon);
    let d = digits("و250");
    assert_eq!(d.value, 250.0);
    assert!(d.connector);
    assert!(digits("الـ5").definite);
    assert!(digits("F16").glued_latin);
}

#[test]
fn trailing_comma_is_punctuation() {
    let k = kinds("2000، و");
    assert!(matches!(k[0].1, Kind::Digits(d) if d.value == 2000.0 && d.plain));
    assert!(matches!(k[1].1, Kind::Stop('،')));
    let k = kinds("2019.");
    assert!(matches!(k[1].1, Kind::Stop('.')));
}

#[test]
fn stems_strip_proclitics() {
    let s: Vec<_> = stems("وبالالاف").collect();
    assert_eq!(
        s,
        [
            ("وبالالاف", false),
            ("بالالاف", false),
            ("الالاف", false),
            ("الاف", true)
        ]
    );
    let s: Vec<_> = stems("للشرطه").collect();
    assert_eq!(s.last(), Some(&("شرطه", true)));
}

#[test]
fn arabic_letters_glued_after_digits_are_a_word() {
    // «محمود 33سنة»: the age's unit; «25يناير»: a date's month.
    let k = kinds("33سنة 25يناير سعد5سنوات");
    let texts: Vec<&str> = k.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["33", "سنة", "25", "يناير", "سعد", "5", "سنوات"]);
    assert!(matches!(k[0].1, Kind::Digits(d) if d.value == 33.0 && d.plain));
    assert_eq!(k[1].1, Kind::Word);
    // The MENA decimal «6ر13» and Latin identifiers stay one token.
    assert_eq!(kinds("6ر13").len(), 1);
    assert_eq!(digits("6ر13").value, 13.6);
    assert_eq!(kinds("F16s").len(), 1);
    // Digits glued after a word are a token of their own; after proclitics they are not.
    let k = kinds("يناير2011 و250 بـ30 الـ5 للـ3 كم2");
    let texts: Vec<&str> = k.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["يناير", "2011", "و250", "بـ30", "الـ5", "للـ3", "كم2"]
    );
}
