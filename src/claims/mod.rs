//! The claims engine (pure, no terminal types): numbers ► quantities ► claims ► groups.
//!
//! - `prefilter`: skips paragraphs with no digit and no number word on raw bytes.
//! - `tokens`: one pass over a paragraph into normalised words, digit runs, punctuation.
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

#[allow(clippy::too_many_arguments)]
fn paragraph_claims(
    lang: Lang,
    article: &str,
    paragraph: usize,
    text: &str,
    lexicon: &Lexicon,
    all: bool,
    s: &mut Scratch,
    found: &mut Found,
) {
    let base = found.base;
    let english = lang == Lang::English;
    let found_any = if english {
        english_quantities(text, lexicon, s)
    } else {
        arabic_quantities(text, lexicon, s)
    };
    if !found_any {
        return;
    }
    s.sents.scan(&s.tokens);
    s.hits.reset(&s.tokens);
    // The last part in this paragraph: (its end token, its total's id), so a list
    // «منهم 9 من هونج كونج و4 يابانيين» makes 4 a part too.
    let mut last_part: Option<(usize, usize)> = None;
    // The last figure with a setting (`reach` scope) in this paragraph: (its end token, its
    // scope), so «تم تحويل 4 حالات للقاهرة و6 لمستشفيات» sets the 6 too.
    let mut last_setting: Option<(usize, usize)> = None;
    // The last figure whose topic an event word named: (its end token, its topic), for
    // the figures listed after it («قتل 5 جنود و3 مدنيين»).
    let mut last_event: Option<(usize, usize)> = None;
    for qi in 0..s.quants.len() {
        let mut q = s.quants[qi];
        if !q.is_claim() {
            continue;
        }
        // A figure without a topic is dropped (unless `all`): its context stops at the
        // topic. A count without digits has its own topic.
        let needs_topic = !all && q.implicit.is_none();
        let joined = if english {
            en::joined(&s.tokens, q.first)
        } else {
            q.connector
        };
        let listed_under = last_event
            .filter(|&(end, _)| joined && parts::continues_list(&s.tokens, end, q.first))
            .map(|(_, t)| t);
        last_event = None;
        let Some(mut ctx) = topics::context(
            &s.tokens,
            &s.sents,
            &s.quants,
            qi,
            lexicon,
            &mut s.hits,
            topics::Ask {
                needs_topic,
                listed_under,
            },
        ) else {
            continue;
        };
        if english {
            // A glued currency code is part of the claim («LE5 billion»).
            let start = s.tokens.toks[q.first].span.start;
            ctx.text.start = start.min(ctx.text.end);
        }
        // A count without digits has the topic its own words name.
        let topic_at = q
            .implicit
            .map(|im| im.topic)
            .or(ctx.topic)
            .filter(|&t| lexicon.topic_def(t).is_some());
        let topic = topic_at
            .and_then(|t| lexicon.topic_def(t))
            .map(|t| Topic::from(t.key.as_str()));
        if topic.is_none() && !all {
            continue;
        }
        let unit_def = ctx.unit.and_then(|u| lexicon.unit_def(u));
        if let Some(u) = unit_def {
            q.scale(u.factor);
        }
        let percent = q.kind == quantities::QKind::Percent;
        let unit = if percent {
            Some(Unit::percent())
        } else {
            unit_def.map(|u| Unit::from(u.key.as_str()))
        };
        let kind = if percent { Kind::Percent } else { Kind::Count };
        // The list goes on through a figure that kept its topic: «بمقتل 19 مدنيا، و28
        // مسلحا، و8 جنود».
        if ctx.by_event || (listed_under.is_some() && topic_at == listed_under) {
            last_event = topic_at.map(|t| (ctx.noun_end, t));
        }
        let continues =
            last_part.filter(|&(end, _)| joined && parts::continues_list(&s.tokens, end, q.first));
        let en_part = english && en::part_after(&s.tokens, ctx_noun_end(&s.tokens, &q));
        // Only under a larger total of the article: «قتل 33 في كركوك و5 في بغداد» alone
        // names two tolls, not a breakdown.
        let under_total = found
            .total((topic_at, kind))
            .is_some_and(|(_, v)| v > q.value);
        // «20 إصابة في ميدان التحرير وثمانية في محافظة كفر الشيخ»: figures joined in a
        // list, each in a place of its own, are a breakdown of the total by place. The
        // place also names a part's scope; it is looked up only where it can matter
        // (a lexicon lookup for every figure is on the hot path).
        let place = if under_total || ctx.part || en_part {
            parts::place_after(&s.tokens, lexicon, &mut s.hits, q.end)
        } else {
            None
        };
        let by_place = place.is_some()
            && under_total
            && s.quants.get(qi + 1).is_some_and(|n| {
                let joined = if english {
                    en::joined(&s.tokens, n.first)
                } else {
                    n.connector
                };
                n.is_claim()
                    && joined
                    && parts::continues_list(&s.tokens, ctx.noun_end, n.first)
                    && parts::place_after(&s.tokens, lexicon, &mut s.hits, n.end).is_some()
            });
        let part = ctx.part || by_place || en_part;
        let part_of = if part {
            // The total is the nearest earlier figure of the article on the same topic.
            match found.total((topic_at, kind)) {
                Some((t, _)) => Some(t),
                // A part whose total we cannot see is still not a total.
                None if !all => continue,
                None => None,
            }
        } else {
            continues.map(|(_, total)| total)
        };
        last_part = part_of.map(|t| (q.end, t));
        let is_setting = |sc: usize| lexicon.scope_def(sc).is_some_and(|d| d.reach.is_some());
        let setting = ctx.scope.filter(|&sc| is_setting(sc)).or_else(|| {
            last_setting
                .filter(|&(end, _)| {
                    ctx.scope.is_none() && joined && parts::continues_list(&s.tokens, end, q.first)
                })
                .map(|(_, sc)| sc)
        });
        last_setting = setting.map(|sc| (q.end, sc));
        let mut scope = ctx
            .scope
            .or(setting)
            .and_then(|sc| lexicon.scope_def(sc))
            .map(|sc| sc.key.clone());
        if part_of.is_some() && scope.is_none() {
            let at = place.unwrap_or(q.end);
            scope = if english {
                en::scope_word(&s.tokens, at)
            } else {
                parts::scope_word(&s.tokens, at)
            };
        }
        if scope.is_none() {
            scope = ctx.measure.map(|m| m.key().to_owned());
        }
        let slice = |r: std::ops::Range<usize>| text.get(r).unwrap_or("").trim().to_owned();
        let id = base + found.claims.len();
        if part_of.is_none() {
            let total = (id, q.value);
            match found
                .totals
                .iter_mut()
                .find(|(k, _)| *k == (topic_at, kind))
            {
                Some((_, t)) => *t = total,
                None => found.totals.push(((topic_at, kind), total)),
            }
        }
        found.claims.push(Claim {
            id,
            article: article.to_owned(),
            paragraph,
            start: ctx.text.start,
            end: ctx.text.end,
            text: slice(ctx.text.clone()),
            sentence: slice(ctx.sentence.clone()),
            topic,
            value: q.value,
            low: q.low,
            high: q.high,
            low_inclusive: q.low_inclusive,
            high_inclusive: q.high_inclusive,
            qualifier: q.qualifier,
            unit,
            hedged: ctx.hedged,
            attribution: ctx.attribution.map(slice),
            year: ctx.year,
            kind,
            scope,
            date: ctx.date.map(slice),
            part_of,
            superseded: false,
            headline: false,
        });
        found.facts.push(group::Facts { update: ctx.update });
    }
}

/// Tokens, numbers and quantities of an Arabic paragraph; false if it has none.
fn arabic_quantities(text: &str, lexicon: &Lexicon, s: &mut Scratch) -> bool {
    if !lexicon.implicit().may_hold_or_number(text) {
        return false;
    }
    s.tokens.scan(text);
    numbers::find_numbers(&s.tokens, &mut s.numbers);
    s.implicit.clear();
    implicit::find(&s.tokens, lexicon, &s.numbers, &mut s.implicit);
    if !s.implicit.is_empty() {
        s.numbers.append(&mut s.implicit);
        s.numbers.sort_by_key(|n| n.first);
    }
    if s.numbers.is_empty() {
        return false;
    }
    quantities::quantities(&s.tokens, &s.numbers, &mut s.quants);
    true
}

/// Tokens, numbers and quantities of an English paragraph; false if it has none.
fn english_quantities(text: &str, lexicon: &Lexicon, s: &mut Scratch) -> bool {
    if !en::may_hold_claim(text, lexicon) {
        return false;
    }
    s.tokens.scan(text);
    en::numbers::find_numbers(&s.tokens, lexicon, &mut s.numbers);
    s.implicit.clear();
    en::implicit::find(&s.tokens, lexicon, &s.numbers, &mut s.implicit);
    if !s.implicit.is_empty() {
        s.numbers.append(&mut s.implicit);
        s.numbers.sort_by_key(|n| n.first);
    }
    if s.numbers.is_empty() {
        return false;
    }
    en::quantities::quantities(&s.tokens, &s.numbers, lexicon, &mut s.quants);
    true
}

/// The token after a quantity and the word it counts («24 of whom»: 24; «30 people
/// of whom»: people).
fn ctx_noun_end(tokens: &tokens::Tokens, q: &quantities::Quantity) -> usize {
    match tokens.toks.get(q.end) {
        Some(t) if t.kind == tokens::Kind::Word && !en::is_function_word(tokens.norm(q.end)) => {
            q.end + 1
        }
        _ => q.end,
    }
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
