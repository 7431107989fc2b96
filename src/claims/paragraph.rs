//! The claims of one paragraph: its quantities (Arabic or English rules), each one's
//! context, and what the article's earlier figures make of it (totals, parts, lists).

use super::lexicon::{Lexicon, Target};
use super::model::{Claim, Kind, Topic, Unit};
use super::{Found, Scratch, en, group, implicit, numbers, parts, quantities, tokens, topics};
use crate::text::lang::Lang;

#[allow(clippy::too_many_arguments)]
pub(super) fn paragraph_claims(
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
                english,
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
    numbers::dot_thousands(&s.tokens, lexicon, &mut s.numbers);
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
    titles(&s.tokens, lexicon, &mut s.quants);
    true
}

/// «ببرنامج "90 دقيقة"»، «مسلسل "7 أرواح"»: a number in quotes right after a noun
/// naming a work or an outlet (the lexicon's `titles`) is part of a name, not a claim.
fn titles(tokens: &tokens::Tokens, lexicon: &Lexicon, quants: &mut [quantities::Quantity]) {
    for q in quants.iter_mut().filter(|q| q.is_claim()) {
        let quote = q
            .first
            .checked_sub(1)
            .filter(|&k| matches!(tokens.toks[k].kind, tokens::Kind::Mark('"' | '«' | '“')));
        let Some(name) = quote.and_then(|k| k.checked_sub(1)) else {
            continue;
        };
        let mut title = false;
        lexicon.matches_at(tokens, name, |t, len| {
            title |= t == Target::Title && len == 1
        });
        if title {
            q.kind = quantities::QKind::Ref;
        }
    }
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
