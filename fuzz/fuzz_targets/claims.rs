//! Numbers and claims parser over arbitrary text. NUL bytes split the input into up to
//! four articles so that grouping across sources is exercised too. Checks the JSON
//! contract: offsets on char boundaries inside their paragraph, ids consistent,
//! intervals ordered, output serialisable.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use qarin::claims::{Lexicon, analyze};
use qarin::corpus::Article;

fuzz_target!(|data: &[u8]| {
    let articles: Vec<Article> = data
        .split(|&b| b == 0)
        .take(4)
        .enumerate()
        .map(|(i, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            let mut a = Article::from_text(
                &format!("fuzz/{i:03}.txt"),
                &format!("{i:03}.txt"),
                text.into_owned(),
            );
            a.short = format!("{i}");
            a
        })
        .collect();
    // Built once: parsing the lexicon is not what is under test here.
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    let lexicon = LEXICON.get_or_init(Lexicon::builtin);
    for all in [false, true] {
        let analysis = analyze(&articles, lexicon, all);
        for (i, c) in analysis.claims.iter().enumerate() {
            assert_eq!(c.id, i, "claim id is not its index");
            let art = articles.iter().find(|a| a.id == c.article).expect("claim names a known article");
            assert!(c.paragraph >= 1 && c.paragraph <= art.paragraphs.len(), "paragraph out of range");
            let para = &art.paragraphs[c.paragraph - 1];
            assert!(c.start <= c.end && c.end <= para.len(), "offsets out of the paragraph");
            assert!(para.is_char_boundary(c.start) && para.is_char_boundary(c.end));
            if let (Some(lo), Some(hi)) = (c.low, c.high) {
                assert!(lo <= hi, "interval {lo}..{hi} reversed");
            }
            assert!(all || c.topic.is_some(), "topic-less claim without --all");
        }
        for g in &analysis.groups {
            for id in &g.claims {
                assert!(*id < analysis.claims.len(), "group names an unknown claim");
            }
        }
        serde_json::to_string(&analysis).expect("analysis serialises");
    }
});
