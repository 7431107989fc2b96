//! Context of a quantity: its unit, topic, subject scope, hedge, attribution, and the
//! year or date the sentence puts it in.
//!
//! The topic comes from lexicon words near the number: what happened (events) outweighs
//! what is counted (nouns); nearer outweighs farther; a word before the number (مقتل 164)
//! outweighs one after it, except for the counted noun, which follows the number.

mod around;
mod cues;
mod earlier;
mod english;
mod members;
mod scan;
mod scope;
mod types;
mod words;

use super::lexicon::{Lexicon, Target, TopicDef};
use super::quantities::{QKind, Quantity};
use super::tokens::{Kind, Tokens};
use cues::{Cues, cues};
use english::{list_event, sending_in_clause};
pub use scan::{Hits, Sentences};
pub use types::{Ask, Context, Measure};
use words::{
    consider, counted_noun, counts_unknown_noun, is_conjunct, is_function_word, is_nisba_adjective,
    starts_with_waw,
};

/// Words looked at before the number (from its qualifier) and after it.
const BEFORE_WINDOW: usize = 5;
const AFTER_WINDOW: usize = 6;

/// A claim's `sentence` keeps at most this many tokens on each side of it (a line with no
/// full stop can be megabytes long).
const SENTENCE_WORDS: usize = 16;

/// How far (in tokens) attribution and topic fallbacks look from the number.
const SENTENCE_REACH: usize = 40;

/// Finds the context of quantity `qi` among `quants` (all quantities of the paragraph).
/// With `ask.needs_topic`, `None` as soon as the topic is known to be none: the caller drops
/// such a figure, and most figures of real news have no topic (docs/claims.md, "Speed").
pub fn context(
    tokens: &Tokens,
    sentences: &Sentences,
    quants: &[Quantity],
    qi: usize,
    lexicon: &Lexicon,
    hits: &mut Hits,
    ask: Ask,
) -> Option<Context> {
    let Ask {
        needs_topic,
        listed_under,
        english,
    } = ask;
    let q = &quants[qi];
    let sents = &sentences.of_token;
    let sent = sents.get(q.num_first).copied().unwrap_or(0);
    let (sent_first, sent_end) = sentences
        .bounds
        .get(sent as usize)
        .copied()
        .unwrap_or((0, tokens.len()));
    let next_limit = quants
        .get(qi + 1)
        .map_or(sent_end, |n| n.first.min(sent_end))
        .max(q.end);
    // The words before the number stop at the previous figure and its counted noun:
    // in «5 قتلى و3 جرحى» the 3 counts «جرحى», not the «قتلى» of the 5, and in «4
    // وفيات و30 مصابا» not the «وفيات».
    let prev_limit = quants[..qi]
        .iter()
        .rev()
        .find(|p| p.end <= q.first)
        .map_or(sent_first, |p| {
            let (_, noun_end) = counted_noun(tokens, hits, lexicon, (p.end, q.first), true);
            noun_end.max(sent_first)
        });

    // The unit (or currency) right after the number.
    // «بعد الواقعة بـ«4» أيام»: a number in quotes has its unit after the closing quote.
    let quote = |k: usize| {
        matches!(
            tokens.toks.get(k).map(|t| t.kind),
            Some(Kind::Mark('«' | '»' | '"' | '“' | '”'))
        )
    };
    // «(7) من المحكوم عليهم»: so has a figure alone in brackets.
    let bracketed = !english && members::bracketed(tokens, q);
    let quoted = q.num_first > 0 && (quote(q.num_first - 1) && quote(q.end) || bracketed);
    let (mut unit, noun_end) = quoted
        .then(|| counted_noun(tokens, hits, lexicon, (q.end + 1, next_limit), false))
        .filter(|(u, _)| u.is_some())
        .unwrap_or_else(|| counted_noun(tokens, hits, lexicon, (q.end, next_limit), false));
    let unit_len = if unit.is_some() { noun_end - q.end } else { 0 };
    // «404 قرص»: no people topic from the sentence (docs/claims.md, "Counted nouns").
    let counts_unknown =
        unit.is_none() && counts_unknown_noun(tokens, lexicon, q, noun_end, english);
    // «18 إخوانيا»، «العشرات من المجهولين»: who is counted is named; only an event
    // gives a people topic (docs/claims.md, "Members and governing words").
    // A figure continuing a list of parts («منهم 9 من اليابان و4 فرنسيين») is a part.
    let listed = q.connector
        && qi > 0
        && members::is_part(tokens, &quants[qi - 1])
        && crate::claims::parts::continues_list(tokens, quants[qi - 1].end, q.first);
    let members = !listed && members::names_members(tokens, lexicon, hits, q);
    let counts_unknown = counts_unknown && !members;
    let people_ok = !counts_unknown;
    let near_ok =
        |k: usize, near: bool| people_ok || near || lexicon.topic_def(k).is_some_and(|d| !d.people);
    // Or a currency sign or code before it («$13.6 billion», «LE5 billion»).
    if unit.is_none() {
        unit = super::en::currency_unit(tokens, lexicon, q.num_first);
    }

    // Topic candidates: (score, topic, decided by an event).
    let mut best: Option<(i32, usize, bool)> = None;
    // A count of people is never counted in cars, metres, years or per cent.
    let unit_key = unit
        .and_then(|u| lexicon.unit_def(u))
        .map(|u| u.key.as_str());
    let percent = q.kind == QKind::Percent;
    let person_unit = unit_key.is_none_or(|u| u == "person" || u == "soldier") && !percent;
    // A percentage is a rate of an amount, not a head count nor a span of time
    // («انخفض الاحتياطي 9.3%»; "2 per cent month-on-month" is no duration).
    let unit_ok = |topic: usize| {
        lexicon.topic_def(topic).is_some_and(|t| {
            if percent {
                return !t.people && t.percent;
            }
            (!t.people || person_unit)
                && (t.people || !members)
                && (t.requires_unit.is_empty()
                    || unit_key.is_some_and(|u| t.requires_unit.iter().any(|r| r == u)))
        })
    };
    // "carried more than 600 personnel": a `sending` word in the figure's clause makes
    // a topic's `sent_nouns` count it (docs/claims.md, "The rules one by one").
    let conveyed = english && sending_in_clause(tokens, lexicon, hits, q, (sent_first, sent_end));
    // After the number: up to the next clause, number, or «و…» conjunct.
    let mut d: i32 = 0;
    let mut j = q.end;
    let mut after_end = q.end;
    // «LE5 billion (roughly $746 million) per month on imports»: a parenthesis that
    // restates the amount is stepped over from either side, so both figures take the
    // words after it (numbers in digits still end the search).
    let stop_at = |k: usize, c: char| tokens.toks.get(k).is_some_and(|t| t.kind == Kind::Stop(c));
    let mut limit = next_limit;
    let unit_end = q.end + unit_len;
    if stop_at(unit_end, ')') && q.first > 0 && stop_at(q.first - 1, '(') {
        j = unit_end + 1;
        limit = sent_end;
    } else if stop_at(unit_end, '(')
        && let Some(p) = (unit_end + 1..(unit_end + 12).min(sent_end)).find(|&k| stop_at(k, ')'))
    {
        j = p + 1;
        limit = sent_end;
    }
    // «one woman who appeared to be seriously injured»: in an English relative clause
    // the auxiliaries, raising verbs and adverbs before its verb do not use up the window.
    let mut relative = false;
    let agent = !english && members::agent_of_light_verb(tokens, lexicon, q);
    while j < limit && d < AFTER_WINDOW as i32 {
        match tokens.toks[j].kind {
            Kind::Stop(_) | Kind::Digits(_) => break,
            Kind::Mark(_) => {
                j += 1;
                continue;
            }
            _ => {}
        }
        if j > q.end && starts_with_waw(tokens, j) {
            break;
        }
        // «4 وفيات» counts deaths: a lexicon word's own و is not «and».
        if j == q.end && is_conjunct(tokens, lexicon, j) {
            break;
        }
        if tokens.toks[j].kind == Kind::Word {
            let w = tokens.norm(j);
            if relative && crate::claims::en::is_verb_chain_filler(w) {
                j += 1;
                continue;
            }
            relative |= w == "who";
        }
        d += 1;
        // «6 أشخاص أدت إلى مصرع طفلة»: what a verb of causing leads to, and what the
        // doer of «قيام … بقتل» did, happened to another (docs/claims.md, "The rules one
        // by one": what a figure caused or did).
        let mut caused = false;
        let done_by = agent && {
            let w = tokens.norm(j);
            w.starts_with('ب') && !w.starts_with("بال")
        };
        hits.matches_at(lexicon, tokens, j, |t, len| match t {
            Target::Cause => caused = true,
            // A phrase right after the number says what it counts, over a word before
            // it («ارتفاع الضحايا إلى 115 بين قتيل وجريح»، «إلى 75 قتيلا ومصابا»).
            Target::Event(_) if done_by => {}
            Target::Event(k) if unit_ok(k) && d == 1 && len >= 2 => {
                consider(&mut best, 101, k, true)
            }
            Target::Event(k) if unit_ok(k) => consider(&mut best, 90 - d, k, true),
            Target::Noun(k) if unit_ok(k) && near_ok(k, false) && !(members && d == 1) => {
                consider(&mut best, 60 - d, k, false)
            }
            Target::SentNoun(k) if conveyed && unit_ok(k) && near_ok(k, false) => {
                consider(&mut best, 60 - d, k, false)
            }
            _ => {}
        });
        if caused {
            break;
        }
        j += 1;
        after_end = j;
    }
    // "Two Malian soldiers and four civilians have been killed": the English verb after
    // a list of subjects is every figure's. A figure whose own words only named what it
    // counts takes the event after the next figure of its list (docs/claims.md, "Lists").
    if english
        && !best.is_some_and(|(_, _, e)| e)
        && j < limit
        && tokens.toks[j].kind == Kind::Word
        && tokens.norm(j) == "and"
        && let Some(n) = quants.get(qi + 1).filter(|n| n.first == j + 1)
    {
        let (_, noun_end) = counted_noun(tokens, hits, lexicon, (n.end, sent_end), false);
        if let Some(k) = list_event(tokens, lexicon, hits, (noun_end, sent_end), &unit_ok) {
            consider(&mut best, 80, k, true);
        }
    }
    // Before the number (from its qualifier), back to the clause start or the previous
    // number.
    let mut d: i32 = 0;
    let mut j = q.first;
    let mut before_start = q.first;
    let mut tied_at: Option<usize> = None;
    // Only function words between the word looked at and the number: in English an
    // event is right before its count through them («killed our two commanders»).
    let mut clean = true;
    while j > prev_limit && d < BEFORE_WINDOW as i32 {
        j -= 1;
        match tokens.toks[j].kind {
            Kind::Stop(_) | Kind::Digits(_) => break,
            Kind::Mark(_) => continue,
            _ => {}
        }
        // «18 were killed and 25 injured»: an English conjunction before the number
        // closes the previous clause, whose verb is not this number's. (Arabic «و» is a
        // prefix and joins events that share the number: «مقتل وإصابة 32».)
        if tokens.toks[j].kind == Kind::Word && crate::claims::en::is_conjunction(tokens.norm(j)) {
            break;
        }
        d += 1;
        // «قرض بقيمة 4.8 مليار دولار للمساعدة في…»: the noun a «worth» word ties the
        // amount to outweighs a noun after it.
        let tied = tied_at == Some(j + 1);
        // «حكم عسكري»: a nisba qualifying the noun before it names no one counted.
        let adjective = !english && is_nisba_adjective(tokens, lexicon, j);
        let person = |k: usize| lexicon.topic_def(k).is_some_and(|d| d.people);
        hits.matches_at(lexicon, tokens, j, |t, len| match t {
            // «مصرع وإصابة 32»: a phrase ending at the number outweighs its last word.
            Target::Event(k) if unit_ok(k) && len >= 2 && j + len >= q.first => {
                consider(&mut best, 101, k, true)
            }
            Target::Event(k) if unit_ok(k) && near_ok(k, d == 1 || english && clean) => {
                consider(&mut best, 100 - d, k, true)
            }
            Target::Noun(k) if unit_ok(k) && tied => consider(&mut best, 95, k, false),
            Target::Noun(k) if adjective && person(k) => {}
            Target::Noun(k) if unit_ok(k) && near_ok(k, false) && !members => {
                consider(&mut best, 40 - d, k, false)
            }
            Target::SentNoun(k) if conveyed && unit_ok(k) && near_ok(k, false) && !members => {
                consider(&mut best, 40 - d, k, false)
            }
            Target::Worth if d == 1 => tied_at = Some(j),
            _ => {}
        });
        clean &= is_function_word(tokens, j);
        before_start = j;
    }
    // A unit can imply the topic (square metres → area, dollars → money).
    if let Some(u) = unit {
        // Not for a percentage («2 per cent month-on-month» is no duration).
        for &k in lexicon.topics_implied_by(u).iter().filter(|&&k| unit_ok(k)) {
            consider(&mut best, 50, k, false);
        }
    }
    // A count of people listed after a figure whose event named its topic shares that
    // event when its own words name only who is counted: «قتل 5 جنود و3 مدنيين» (killed,
    // not troops), but «5 قتلى و3 جرحى» keeps its own (docs/claims.md, "Lists").
    let actor_noun = |b: &Option<(i32, usize, bool)>, generic_too: bool| -> bool {
        b.is_some_and(|(_, t, e)| {
            !e && lexicon
                .topic_def(t)
                .is_some_and(|d| d.actors || (generic_too && d.generic))
        })
    };
    // An unknown noun listed under an event shares it: «بقتل 3 أطباء و9 ممرضات».
    let counts_persons =
        counts_unknown || members || unit_key.is_some_and(|u| u == "person" || u == "soldier");
    if let Some(k) = listed_under
        && unit_ok(k)
        && (actor_noun(&best, false)
            || (counts_persons && (best.is_none() || actor_noun(&best, true))))
    {
        best = Some((70, k, true));
    }
    // Last resort: the nearest topic word earlier in the sentence ([`earlier`]).
    let is_generic = |b: &Option<(i32, usize, bool)>| {
        b.is_some_and(|(_, t, e)| !e && lexicon.topic_def(t).is_some_and(|d| d.generic))
    };
    // «وتم ايقاف 5 أمناء»: a verbal noun governing the number names what happened.
    let governed = members::governed(tokens, lexicon, hits, q);
    // Members named by the number («4 من أبناء عمومتهم») are not whom an event of
    // another clause happened to.
    if (best.is_none() || is_generic(&best)) && !members {
        // From the number: a specific word inside the window loses to a unit-implied
        // catch-all otherwise («قرض بقيمة 4.8 مليار دولار»).
        let floor = sent_first.max(before_start.saturating_sub(SENTENCE_REACH));
        // With a unit of its own (dollars), only a topic made for that unit.
        let accept = |k: usize, d: &TopicDef| {
            unit_ok(k)
                && (!d.people || (people_ok && !governed))
                && (person_unit
                    || percent
                    || unit_key.is_some_and(|u| d.requires_unit.iter().any(|r| r == u)))
        };
        best = earlier::topic(tokens, lexicon, hits, q, (floor, english), accept).or(best);
    }
    let topic = best.map(|(_, t, _)| t);
    if needs_topic && topic.and_then(|t| lexicon.topic_def(t)).is_none() {
        return None;
    }
    let by_event = best.is_some_and(|(_, _, e)| e);

    // Hedges: from the start of the number's clause to the next number in the sentence
    // («ويُعتقد أنه تم إرسال 2500 جندي», «قتل 30 شخصا، بحسب تقديرات»), so a hedge on
    // one figure does not spill onto the next clause's figure.
    // With no stop within reach the clause starts at the reach's edge, not the
    // sentence's: a stop-less paragraph of thousands of numbers stays linear.
    let reach_start = sent_first.max(q.first.saturating_sub(SENTENCE_REACH));
    let clause_start = (reach_start..q.first)
        .rev()
        .find(|&j| matches!(tokens.toks[j].kind, Kind::Stop(_)))
        .map_or(reach_start, |j| j + 1);
    let Cues {
        update,
        part,
        measure,
    } = cues(tokens, lexicon, hits, q, clause_start, next_limit, unit);
    let subject = if by_event {
        // «one woman», «one policeman»: a count of one names its person, as «a woman»,
        // «إصابة امرأة» do (implicit counts, which take no scope); the scope is what
        // comes after its noun. A part keeps it: «including one police conscript».
        let one = q.value == 1.0 && q.implicit.is_none() && !part;
        let from = if one { noun_end } else { q.end };
        scope::subject(tokens, lexicon, hits, (from, after_end), unit)
    } else {
        None
    };
    let scope =
        subject.or_else(|| scope::party(tokens, lexicon, hits, q, topic, (clause_start, sent_end)));
    let mut hedge_end = next_limit.max(q.end).min(q.end + SENTENCE_REACH);
    if english {
        // An English hedge after the figure is in its clause or opens the next one
        // («…, reportedly»); «who spent 11 years …, said he believed» hedges the saying,
        // not the figure (docs/claims.md, "The rules one by one").
        if let Some(stop) =
            (q.end..hedge_end).find(|&j| matches!(tokens.toks[j].kind, Kind::Stop(_)))
        {
            hedge_end = hedge_end.min(stop + 2);
        }
    }
    let hedged = around::hedged(tokens, lexicon, hits, clause_start..hedge_end);
    let attribution = around::attribution(tokens, lexicon, hits, q, (sent_first, sent_end));

    let year = around::year(quants, qi, sents, sent);
    let date = around::date(tokens, quants, qi, (sents, sent), after_end);

    let span = |a: usize, b: usize| {
        let a = a.min(tokens.len().saturating_sub(1));
        let b = b.clamp(a + 1, tokens.len());
        tokens.toks[a].span.start..tokens.toks[b - 1].span.end
    };
    // «(5) أشخاص»: the brackets of a figure alone in them are quoted with it.
    let b = usize::from(bracketed);
    let mut text = span(q.first - b, noun_end.max(q.end + b));
    // The proclitic glued to the number is not part of the claim: «و250 قطعة»,
    // «وستة وستين جريحا».
    match tokens.toks[q.first].kind {
        _ if bracketed => {}
        Kind::Digits(d) => text.start = (text.start + d.prefix_len as usize).min(text.end),
        Kind::Word if q.first == q.num_first && q.connector => {
            let w = &tokens.toks[q.first];
            let first_len = w.span.len().min(2); // و and ف are two bytes
            text.start = (text.start + first_len).min(text.end);
        }
        _ => {}
    }
    Some(Context {
        topic,
        unit,
        scope,
        hedged,
        attribution,
        year,
        date,
        text,
        noun_end,
        // A sentence with no full stop can be a whole huge line: keep the words around.
        sentence: span(
            sent_first.max(q.first.saturating_sub(SENTENCE_WORDS)),
            sent_end.min(q.end + SENTENCE_WORDS),
        ),
        update,
        part,
        measure,
        by_event,
    })
}
