//! English claims (issue 15): number words, qualifiers, hedges, parts and non-counts on
//! sentences written for this test, cases of Microsoft Recognizers-Text's English number
//! specs (Specs/Number/English/NumberModel.json, MIT), and English and Arabic reports of
//! one event compared in one group.

use qarin::claims::{Analysis, Claim, Lexicon, Verdict, analyze};
use qarin::corpus::Article;

fn article(id: &str, title: &str, text: &str) -> Article {
    let name = format!("{id}.txt");
    Article::from_text(&name, &name, format!("{title}\n{text}"))
}

fn run_all(texts: &[(&str, &str)], all: bool) -> Analysis {
    let articles: Vec<Article> = texts
        .iter()
        .map(|(id, t)| {
            let title = if t.chars().any(|c| c.is_ascii_alphabetic()) {
                "A report"
            } else {
                "تقرير"
            };
            article(id, title, t)
        })
        .collect();
    analyze(&articles, &Lexicon::builtin(), all)
}

fn run(texts: &[(&str, &str)]) -> Analysis {
    run_all(texts, false)
}

/// The one claim of a one-sentence English article (with `--all`, so topic-less numbers
/// show too).
fn one(text: &str) -> Claim {
    let a = run_all(&[("a", text)], true);
    assert_eq!(a.claims.len(), 1, "{text}: {:#?}", a.claims);
    a.claims[0].clone()
}

fn topic_of(text: &str) -> Option<String> {
    one(text).topic.map(|t| t.to_string())
}

/// Every claim value of an English text (with `--all`).
fn values(text: &str) -> Vec<f64> {
    run_all(&[("a", text)], true)
        .claims
        .iter()
        .map(|c| c.value)
        .collect()
}

// 1. Numbers: digits with separators, words, scales, vague words.

#[test]
fn digits_and_words_read_as_one_number() {
    for (text, value) in [
        ("Police said 2,500 people were arrested.", 2500.0),
        ("Police said 1,234,567 people were counted.", 1_234_567.0),
        ("Twenty-five people were killed.", 25.0),
        (
            "Officials said three hundred and twelve people were injured.",
            312.0,
        ),
        (
            "Officials said two thousand and two hundred people fled.",
            2200.0,
        ),
        ("A dozen people were arrested.", 12.0),
        ("Half a million people fled the fighting.", 500_000.0),
        ("The clashes displaced 1.5 million people.", 1_500_000.0),
        (
            "The clashes displaced one and a half million people.",
            1_500_000.0,
        ),
        ("Reserves stood at $13.6 billion.", 13_600_000_000.0),
        ("Reserves stood at $13.6bn.", 13_600_000_000.0),
        ("Reserves stood at US$ 15 billion.", 15_000_000_000.0),
    ] {
        assert_eq!(one(text).value, value, "{text}");
    }
}

/// Cardinal cases of Recognizers-Text's English NumberModel spec (fractions and
/// exponents are not counts and are left out), each inside a sentence of ours.
#[test]
fn recognizers_text_english_number_cases() {
    for (words, value) in [
        ("one hundred and sixteen", 116.0),
        ("one hundred and six", 106.0),
        ("one hundred and sixty-one", 161.0),
        ("half a  dozen", 6.0),
        ("3 dozens", 36.0),
        ("a dozen", 12.0),
        ("three dozens", 36.0),
        ("three hundred and two dozens", 324.0),
        ("1,234,567", 1_234_567.0),
        ("three", 3.0),
        ("2 million", 2_000_000.0),
        ("1 trillion", 1e12),
        ("one trillion", 1e12),
        ("twenty-one trillion", 21e12),
        ("twenty-one trillion three hundred", 21_000_000_000_300.0),
        (
            "twenty-one trillion and three hundred",
            21_000_000_000_300.0,
        ),
        ("fifty - two", 52.0),
        ("fifty   two", 52.0),
        ("Three hundred  and  thirty one", 331.0),
        ("two hundred and two thousand", 202_000.0),
        ("two  thousand  and  two hundred", 2200.0),
        ("322 hundred", 32_200.0),
        ("seventy", 70.0),
        ("fifty-two", 52.0),
        ("1.2b", 1.2e9),
    ] {
        let text = format!("Police arrested {words} people.");
        assert_eq!(values(&text), [value], "{words}");
    }
    // «1, 234, 567» is three numbers.
    assert_eq!(
        values("They arrested 1, 234, 567 people."),
        [1.0, 234.0, 567.0]
    );
    // «a», «an» alone are not numbers (after an event, «arrested a man» is a count
    // without digits: tests/claims_en_implicit.rs).
    assert!(values("An officer met a man in a room.").is_empty());
}

#[test]
fn vague_words_are_intervals() {
    let c = one("Tens of thousands of protesters took to the streets.");
    assert_eq!(c.qualifier, "vague");
    assert_eq!((c.low, c.high), (Some(20_000.0), Some(100_000.0)));
    assert!(!c.high_inclusive);
    assert_eq!(c.topic.as_deref(), Some("protesters"));
    let c = one("Dozens of people were injured.");
    assert_eq!((c.low, c.high), (Some(20.0), Some(100.0)));
    assert_eq!(c.topic.as_deref(), Some("injured"));
    let c = one("Hundreds were arrested.");
    assert_eq!((c.low, c.high), (Some(200.0), Some(1000.0)));
    let c = one("Several hundred people were arrested.");
    assert_eq!((c.low, c.high), (Some(300.0), Some(1000.0)));
    let c = one("Hundreds of thousands fled.");
    assert_eq!((c.low, c.high), (Some(200_000.0), Some(1_000_000.0)));
}

// 2. Qualifiers.

#[test]
fn qualifiers_are_intervals() {
    let c = one("More than 2,000 troops were deployed.");
    assert_eq!(
        (c.qualifier.as_str(), c.low, c.high),
        ("above", Some(2000.0), None)
    );
    assert!(!c.low_inclusive);
    assert_eq!(c.topic.as_deref(), Some("troops"));
    assert_eq!(c.text, "More than 2,000 troops");
    let c = one("At least 33 people were killed.");
    assert_eq!(
        (c.qualifier.as_str(), c.low, c.high),
        ("at_least", Some(33.0), None)
    );
    let c = one("About 2,500 troops were deployed.");
    assert_eq!(
        (c.qualifier.as_str(), c.low, c.high),
        ("about", Some(2250.0), Some(2750.0))
    );
    let c = one("Nearly 100 people were injured.");
    assert_eq!(c.qualifier, "about");
    let c = one("Up to 50 people were arrested.");
    assert_eq!(
        (c.qualifier.as_str(), c.low, c.high),
        ("at_most", None, Some(50.0))
    );
    let c = one("Between 10 and 15 people were killed.");
    assert_eq!(
        (c.qualifier.as_str(), c.low, c.high),
        ("range", Some(10.0), Some(15.0))
    );
    let c = one("Fewer than 20 people were arrested.");
    assert_eq!(
        (c.qualifier.as_str(), c.low, c.high),
        ("below", None, Some(20.0))
    );
    let c = one("Two or three people were killed.");
    assert_eq!((c.low, c.high), (Some(2.0), Some(3.0)));
    let c = one("Police arrested 40 people or more.");
    assert_eq!(c.qualifier, "at_least");
    // A decimal before a scale is a rounded figure.
    let c = one("Reserves fell to $13.6 billion.");
    assert_eq!(c.qualifier, "rounded");
    assert_eq!((c.low, c.high), (Some(13.55e9), Some(13.65e9)));
}

#[test]
fn hedges_mark_claims() {
    for text in [
        "Reportedly 30 people were killed.",
        "An estimated 2,500 troops were deployed.",
        "30 people were killed, according to unconfirmed reports.",
        "Some 40 people are believed to have been killed.",
    ] {
        assert!(one(text).hedged, "{text}");
    }
    assert!(!one("Police said 30 people were killed.").hedged);
}

#[test]
fn attribution_is_the_reporting_phrase() {
    let c = one("At least 33 people were killed, police sources said.");
    assert_eq!(c.attribution.as_deref(), Some("sources said"));
    let c = one("According to the Health Ministry, 30 people were injured.");
    assert!(
        c.attribution
            .as_deref()
            .is_some_and(|a| a.starts_with("According to")),
        "{c:#?}"
    );
}

// 3. Parts of a total.

#[test]
fn parts_are_not_totals() {
    let a = run(&[(
        "a",
        "The blast killed 19 tourists, including 9 Japanese and 4 French nationals.",
    )]);
    let total = a.claims.iter().find(|c| c.value == 19.0).expect("total");
    assert_eq!(total.part_of, None);
    let parts: Vec<&Claim> = a
        .claims
        .iter()
        .filter(|c| c.part_of == Some(total.id))
        .collect();
    assert_eq!(parts.len(), 2, "{:#?}", a.claims);
    assert_eq!(parts[0].scope.as_deref(), Some("japanese"));
    let a = run(&[(
        "a",
        "The number of injured reached 30, at least 24 of whom were wounded outside the palace.",
    )]);
    let total = a.claims.iter().find(|c| c.value == 30.0).expect("total");
    let part = a.claims.iter().find(|c| c.value == 24.0).expect("part");
    assert_eq!(part.part_of, Some(total.id));
    let a = run(&[("a", "Police arrested 50 people, among them 12 students.")]);
    assert!(
        a.claims
            .iter()
            .any(|c| c.value == 12.0 && c.part_of.is_some())
    );
}

// 4. Not counts: ages, years, dates, times, references.

#[test]
fn ages_years_dates_and_times_are_not_counts() {
    for text in [
        "A 23-year-old protester was killed.",
        "The protester, aged 23, was killed.",
        "The protester was 23 years old when he was killed.",
        "In 2008, an attack killed people outside the consulate.",
        "Protesters were killed on February 1 outside the palace.",
        "Protesters were killed on 1 February outside the palace.",
        "By 9pm, protesters had been killed.",
        "At 9:30pm protesters were injured.",
        "At 9 a.m. police arrested protesters.",
        "Resolution 2085 says troops were deployed.",
        "An F-16 was shot down and its pilot killed.",
        "It was the 21st protester killed.",
    ] {
        let a = run_all(&[("a", text)], true);
        assert!(a.claims.is_empty(), "{text}: {:#?}", a.claims);
    }
    // A four-digit number before what it counts is a count.
    assert_eq!(
        one("Officials said 2000 troops were deployed.").value,
        2000.0
    );
}

#[test]
fn percentages_and_money_have_their_kind_and_unit() {
    let c = one("Inflation rose to 8.2 percent in January.");
    assert_eq!(
        (c.kind.as_str(), c.unit.as_deref()),
        ("percent", Some("percent"))
    );
    assert_eq!(c.topic.as_deref(), Some("inflation"));
    let c = one("The IMF is discussing a $4.8 billion loan.");
    assert_eq!(c.topic.as_deref(), Some("loan"));
    assert_eq!(c.unit.as_deref(), Some("usd"));
    assert_eq!(c.value, 4.8e9);
    let c = one("The government pays roughly LE5 billion per month on imports.");
    assert_eq!(c.unit.as_deref(), Some("egp"));
    assert_eq!((c.qualifier.as_str(), c.value), ("about", 5e9));
    let c = one("Reserves dropped by $1.4 billion in January.");
    assert_eq!(c.scope.as_deref(), Some("change"));
    assert_eq!(c.topic.as_deref(), Some("reserves"));
    // "down X": the amount of a fall, not the level; "up to X" stays a bound.
    let a = run(&[(
        "a",
        "Foreign reserves stood at $9.2 billion, down $300 million on the month before.",
    )]);
    let scopes: Vec<_> = a
        .claims
        .iter()
        .map(|c| (c.value, c.scope.clone()))
        .collect();
    assert_eq!(
        scopes,
        [(9.2e9, None), (3e8, Some("change".to_owned()))],
        "{:#?}",
        a.claims
    );
    let c = one("Qatar may lend up to $2 billion to the central bank.");
    assert_ne!(c.scope.as_deref(), Some("change"));
}

// 5. Topics and scopes.

#[test]
fn topics_come_from_english_words() {
    assert_eq!(
        topic_of("At least 33 killed in suicide attack.").as_deref(),
        Some("killed")
    );
    assert_eq!(
        topic_of("Two people died in the blast.").as_deref(),
        Some("killed")
    );
    assert_eq!(
        topic_of("The attack left 70 wounded.").as_deref(),
        Some("injured")
    );
    assert_eq!(
        topic_of("Police detained 45 protesters.").as_deref(),
        Some("arrested")
    );
    assert_eq!(
        topic_of("Russia sent 2,500 troops.").as_deref(),
        Some("troops")
    );
    assert_eq!(
        topic_of("The border is 7,000 kilometres long.").as_deref(),
        Some("border_length")
    );
    let c = one("Three policemen were killed in the attack.");
    assert_eq!(c.topic.as_deref(), Some("killed"));
    assert_eq!(c.scope.as_deref(), Some("security_forces"));
    // «and» ends the clause of a number: each figure has its own event.
    let a = run(&[("a", "The attack killed 33 people and wounded 70.")]);
    let topics: Vec<_> = a
        .claims
        .iter()
        .map(|c| (c.value, c.topic.clone()))
        .collect();
    assert_eq!(
        topics,
        [
            (33.0, Some("killed".into())),
            (70.0, Some("injured".into()))
        ]
    );
}

// 6. Both languages in one comparison.

#[test]
fn english_and_arabic_claims_share_groups() {
    let a = run(&[
        (
            "ar1",
            "قالت الشرطة إن 33 شخصا قتلوا في الهجوم على مقر الشرطة في كركوك.",
        ),
        ("ar2", "أسفر الهجوم عن مقتل 36 شخصا على الأقل."),
        (
            "en",
            "At least 33 people were killed when a suicide bomber attacked police headquarters in Kirkuk.",
        ),
    ]);
    let g = a
        .groups
        .iter()
        .find(|g| g.topic == "killed")
        .unwrap_or_else(|| panic!("{:#?}", a.groups));
    let articles: Vec<&str> = g
        .claims
        .iter()
        .map(|&i| a.claims[i].article.as_str())
        .collect();
    assert_eq!(articles, ["ar1", "ar2", "en"]);
    // 33 (exact) and «at least 36» are disjoint; the English «at least 33» fits both.
    assert_eq!(g.verdict, Verdict::Conflict);
    assert_eq!(g.conflicts, [(g.claims[0], g.claims[1])]);
}

#[test]
fn metadata_language_wins_over_script() {
    // An article tagged `en` whose text is mostly an Arabic quote is read by the English
    // rules: «thirty» is a number word only there.
    let text = "Thirty people were killed, police said: «قالت الشرطة إن الهجوم وقع قرب مقر الشرطة في المدينة القديمة»";
    let mut a = article("x", "t", text);
    let r = analyze(&[a.clone()], &Lexicon::builtin(), false);
    assert!(r.claims.is_empty(), "{:#?}", r.claims);
    a.lang = Some("en-GB".into());
    let r = analyze(&[a], &Lexicon::builtin(), false);
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    assert_eq!(
        (r.claims[0].value, r.claims[0].topic.as_deref()),
        (30.0, Some("killed"))
    );
}

// 7. English labels (`--lang en`).

#[test]
fn lang_en_labels_topics_and_scopes_in_english() {
    let run = |lang: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
            .args(["claims", "--format", "markdown"])
            .args(lang)
            .output()
            .expect("qarin runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let en = run(&["--lang", "en"]);
    assert!(en.contains("| troops sent |"), "{en}");
    assert!(en.contains("people killed · security forces"), "{en}");
    assert!(!en.contains("القوات"), "{en}");
    let ar = run(&[]);
    assert!(ar.contains("| القوات |"), "{ar}");
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(["claims", "--lang", "fr"])
        .output()
        .expect("qarin runs");
    assert_eq!(bad.status.code(), Some(2));
}

// 8. The reader: an English pane beside an Arabic one, and an English cell.

fn snapshot(keys: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/en");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(["snapshot", "--size", "90x10", "--keys", keys])
        .arg(format!("{dir}/kirkuk_ar.txt"))
        .arg(format!("{dir}/kirkuk_en.txt"))
        .env("HOME", std::env::temp_dir())
        .output()
        .expect("qarin runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn compare_lays_english_left_and_arabic_right() {
    let s = snapshot("s");
    // The English pane is on the left (panes run right to left from the first source);
    // its lines start at the pane's left edge, the Arabic ones end at its right edge.
    let line = s
        .lines()
        .find(|l| l.contains("At least 33 people"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(line.starts_with(" At least 33 people"), "{s}");
    let (_, arabic) = line.split_once('│').unwrap_or_else(|| panic!("{s}"));
    assert!(
        !arabic.trim().is_empty() && !arabic.ends_with(' ')
            || arabic.trim_end().len() + 2 >= arabic.len(),
        "{s}"
    );
}

#[test]
fn claims_table_shows_the_english_cell_in_english() {
    let s = snapshot("c");
    let row = s
        .lines()
        .find(|l| l.contains("at least 33"))
        .unwrap_or_else(|| panic!("{s}"));
    // Same row as the Arabic source's 33 and the topic label.
    assert!(row.matches("33").count() >= 2, "{s}");
}

#[test]
fn library_shows_each_article_language() {
    let s = snapshot("l");
    let ar = s
        .lines()
        .find(|l| l.contains("33"))
        .unwrap_or_else(|| panic!("{s}"));
    let en = s
        .lines()
        .find(|l| l.contains("A title"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(ar.contains(" ar "), "{s}");
    assert!(en.contains(" en "), "{s}");
}

// Two figures of one sentence joined by «and»: each keeps its own verb and qualifier.

#[test]
fn coordinated_figures_keep_their_own_verb_and_qualifier() {
    for text in [
        "Police said 30 people were killed and at least 25 injured in the fire.",
        "Thirty people were killed and at least 25 injured in the fire.",
        "The fire killed 30 people and at least 25 were injured.",
    ] {
        let a = run_all(&[("a", text)], true);
        let got: Vec<(f64, Option<String>, String)> = a
            .claims
            .iter()
            .map(|c| {
                (
                    c.value,
                    c.topic.as_ref().map(|t| t.to_string()),
                    c.qualifier.as_str().to_string(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (30.0, Some("killed".into()), "exact".into()),
                (25.0, Some("injured".into()), "at_least".into()),
            ],
            "{text}"
        );
    }
}
