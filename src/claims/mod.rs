//! The claims engine (pure, no terminal types): numbers ► quantities ► claims ► groups.
//!
//! - `prefilter`: skips paragraphs with no digit and no number word on raw bytes.
//! - `tokens`: one pass over a paragraph into normalised words, digit runs, punctuation.
//! - `paragraph`: the claims of one paragraph, from its quantities and their context.
//! - `numbers`: digits and number words into values («ثلاثة آلاف» → 3000).
//! - `quantities`: what a number is (count, percentage, year, date...) and its qualifier
//!   as an interval.
//! - `lexicon` + `topics`: what it counts, scope, unit, hedge, attribution.
//! - `group`: claims on the same topic and scope across articles, and verdicts.
//! - `table`: the claims table as plain lines and as Markdown, for `qarin claims` and
//!   the TUI.

mod en;
mod group;
mod implicit;
mod lexicon;
mod model;
mod numbers;
mod paragraph;
mod parts;
mod prefilter;
pub mod present;
mod quantities;
pub mod table;
mod tokens;
mod topics;

use std::collections::HashMap;

use crate::corpus::Article;
use crate::text::lang::Lang;
use paragraph::paragraph_claims;

pub use group::{
    Facts, GroupKey, KeyRun, MAX_CONFLICT_PAIRS, Member, OneGroup, Runs, disjoint, groups,
};
pub use lexicon::{Lexicon, LexiconError, ScopeDef, TopicDef, UnitDef};
pub use model::{Analysis, Claim, Group, Kind, Qualifier, Topic, Trend, Unit, Verdict};
pub use quantities::ABOUT_TOLERANCE;

/// The claims of one article, found on their own and numbered from 0, with the facts
/// grouping needs about each. [`assemble`] numbers them across articles and groups them.
/// Small next to the article's text: a pass over a large input keeps these and drops
/// the texts.
#[derive(Debug, Default)]
pub struct Found {
    claims: Vec<Claim>,
    facts: Vec<group::Facts>,
    /// Claims already handed out by [`find_streaming`]: the id of `claims[0]`.
    base: usize,
    /// The id of the last claim that is not a part, by topic (its lexicon index) and
    /// kind: the total a later part belongs to («مصرع 19 سائحا، منهم 9...»), even once
    /// handed out. Its value rides along: a breakdown by place needs a total above its
    /// parts. An article names few topics: a list, searched without hashing or copying
    /// the topic's key.
    totals: Vec<(TotalKey, (usize, f64))>,
}

/// A total's topic (lexicon index) and kind.
type TotalKey = (Option<usize>, Kind);

impl Found {
    fn total(&self, key: TotalKey) -> Option<(usize, f64)> {
        self.totals.iter().find(|(k, _)| *k == key).map(|&(_, t)| t)
    }
}

impl Found {
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }
}

/// Reusable buffers for one paragraph at a time.
#[derive(Default)]
struct Scratch {
    tokens: tokens::Tokens,
    numbers: Vec<numbers::Number>,
    implicit: Vec<numbers::Number>,
    quants: Vec<quantities::Quantity>,
    sents: topics::Sentences,
    hits: topics::Hits,
}

/// Finds the claims of every article and groups them across articles. `all` keeps
/// quantities with no topic too. Articles whose publication time is known (not a file's
/// modification time, which says when it was copied) are ordered by it in each group.
pub fn analyze(articles: &[Article], lexicon: &Lexicon, all: bool) -> Analysis {
    let times = publication_times(articles);
    analyze_at(articles, lexicon, all, &|id| times.get(id).copied())
}

/// Each article's publication time (seconds since the epoch) by `Article::id`, when a
/// source gave it: a file's modification time only says when it was copied.
pub fn publication_times(articles: &[Article]) -> HashMap<&str, i64> {
    articles
        .iter()
        .filter_map(|a| {
            let p = a.published.filter(|p| !p.guess)?;
            Some((a.id.as_str(), p.time.timestamp()))
        })
        .collect()
}

/// `analyze` with each article's publication time (seconds since the epoch) when known
/// (`time` takes an `Article::id`): groups then list sources in time order and mark
/// tolls that only rise.
pub fn analyze_at(
    articles: &[Article],
    lexicon: &Lexicon,
    all: bool,
    time: &dyn Fn(&str) -> Option<i64>,
) -> Analysis {
    let mut scratch = Scratch::default();
    // [`assemble`] over [`find`], with one article's buffers reused for every article:
    // its claims move straight into the analysis' list (docs/claims.md, "Speed").
    let mut found = Found::default();
    let mut claims: Vec<Claim> = Vec::new();
    let mut facts = Vec::new();
    for a in articles {
        found.totals.clear();
        find_into(a, lexicon, all, &mut scratch, &mut found, |_| {});
        let offset = claims.len();
        claims.extend(found.claims.drain(..).map(|mut c| {
            c.id += offset;
            c.part_of = c.part_of.map(|p| p + offset);
            c
        }));
        facts.append(&mut found.facts);
    }
    let groups = group::group(&mut claims, &facts, lexicon, time);
    Analysis { claims, groups }
}

/// The claims of one article (see [`Found`]). Articles are independent: they can be
/// searched in any order, on any thread, and their texts dropped afterwards.
pub fn find(article: &Article, lexicon: &Lexicon, all: bool) -> Found {
    find_in(article, lexicon, all, &mut Scratch::default())
}

/// [`find`], adding each paragraph's bytes (and its line ending) to `done` as it goes:
/// the reader shows how far a background analysis has come.
pub fn find_counting(
    article: &Article,
    lexicon: &Lexicon,
    all: bool,
    done: &std::sync::atomic::AtomicUsize,
) -> Found {
    let mut found = Found::default();
    let mut scratch = Scratch::default();
    let lang = Lang::of_article(article);
    for (i, p) in article.paragraphs.stream().enumerate() {
        paragraph_claims(
            lang,
            &article.id,
            i + 1,
            &p,
            lexicon,
            all,
            &mut scratch,
            &mut found,
        );
        done.fetch_add(p.len() + 1, std::sync::atomic::Ordering::Relaxed);
    }
    found
}

fn find_in(article: &Article, lexicon: &Lexicon, all: bool, scratch: &mut Scratch) -> Found {
    let mut found = Found::default();
    find_into(article, lexicon, all, scratch, &mut found, |_| {});
    found
}

/// [`find`], handing each claim (numbered from 0 in the article) and its facts to
/// `each` as soon as its paragraph is analysed and keeping none: `qarin claims` writes
/// them out, so a 1 GB article's claims are never all in memory. Returns how many.
pub fn find_streaming(
    article: &Article,
    lexicon: &Lexicon,
    all: bool,
    mut each: impl FnMut(Claim, Facts),
) -> usize {
    let mut found = Found::default();
    find_into(
        article,
        lexicon,
        all,
        &mut Scratch::default(),
        &mut found,
        |f| {
            f.base += f.claims.len();
            for (c, facts) in f.claims.drain(..).zip(f.facts.drain(..)) {
                each(c, facts);
            }
        },
    );
    found.base + found.claims.len()
}

/// Adds the claims of `article` to `found` (numbered from `found.base` plus the claims it
/// holds), handing `found` to `each` after every paragraph that gave claims.
fn find_into(
    article: &Article,
    lexicon: &Lexicon,
    all: bool,
    scratch: &mut Scratch,
    found: &mut Found,
    mut each: impl FnMut(&mut Found),
) {
    let lang = Lang::of_article(article);
    // A stream: a 1 GB article is analysed a chunk at a time, never held whole.
    for (i, p) in article.paragraphs.stream().enumerate() {
        let before = found.claims.len();
        paragraph_claims(lang, &article.id, i + 1, &p, lexicon, all, scratch, found);
        if found.claims.len() > before {
            each(found);
        }
    }
}

/// The claims of articles in order, each with its article's (final, unique) id:
/// numbered across articles, then grouped (see [`analyze_at`] for `time`). The same
/// analysis as [`analyze_at`] on those articles.
pub fn assemble<'a>(
    found: impl IntoIterator<Item = (&'a str, Found)>,
    lexicon: &Lexicon,
    time: &dyn Fn(&str) -> Option<i64>,
) -> Analysis {
    let mut claims: Vec<Claim> = Vec::new();
    let mut facts = Vec::new();
    for (article, mut f) in found {
        let offset = claims.len();
        for c in &mut f.claims {
            c.id += offset;
            c.part_of = c.part_of.map(|p| p + offset);
            if c.article != article {
                c.article = article.to_owned();
            }
        }
        // The first article's claims are kept where they are, not copied: one large
        // article's claims are then never held twice.
        if claims.is_empty() {
            claims = f.claims;
        } else {
            claims.append(&mut f.claims);
        }
        facts.extend(f.facts);
    }
    let groups = group::group(&mut claims, &facts, lexicon, time);
    Analysis { claims, groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Article {
        let name = format!("{id}.txt");
        let mut a = Article::from_text(&name, &name, text.to_owned());
        a.title = String::new();
        a
    }

    #[test]
    fn a_claim_has_its_context() {
        let a = article(
            "a",
            "وقالت الشرطة إن 16 من أفراد قوات الأمن قتلوا في عام 2022.",
        );
        let r = analyze(&[a], &Lexicon::builtin(), false);
        assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
        let c = &r.claims[0];
        assert_eq!(c.topic.as_deref(), Some("killed"));
        assert_eq!(c.scope.as_deref(), Some("security_forces"));
        assert_eq!(c.year, Some(2022));
        assert_eq!(c.value, 16.0);
        assert_eq!(c.attribution.as_deref(), Some("وقالت الشرطة إن"));
        let p = "وقالت الشرطة إن 16 من أفراد قوات الأمن قتلوا في عام 2022.";
        assert_eq!(&p[c.start..c.end], c.text);
    }
}
