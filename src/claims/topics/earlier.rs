//! The last resort for a bare count of people: the nearest topic word earlier in the
//! sentence («… الإرهابيين …، وبلغ عددهم 20 ألف شخص»). (Money is a catch-all for
//! currencies in the same way: «الاحتياطي … 13.6 مليار دولار» is reserves.)

use super::scan::Hits;
use super::words::{consider, en_part};
use crate::claims::lexicon::{Lexicon, Target, TopicDef};
use crate::claims::quantities::Quantity;
use crate::claims::tokens::{Kind, Tokens};

/// The nearest specific topic word that `accept` takes, from the number at `q` back to
/// `floor` (in an English paragraph when `english`): (score, topic, by an event).
pub(super) fn topic(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    q: &Quantity,
    (floor, english): (usize, bool),
    accept: impl Fn(usize, &TopicDef) -> bool,
) -> Option<(i32, usize, bool)> {
    // A semicolon joins two sentences: «اعتقلت شابا؛ قام باغتصاب 14 طفلة» is no
    // arrest of 14.
    let floor = (floor..q.first)
        .rev()
        .find(|&k| matches!(tokens.toks[k].kind, Kind::Stop(';' | '؛')))
        .map_or(floor, |k| k + 1);
    // An English count of people takes a people topic only in its own clause: a
    // comma or a bracket closes a relative or participle clause («The festival,
    // where a stampede killed 36, drew 30 million people», «died …, leaving him
    // with five brothers»); a colon opens a breakdown, and a part («among them 6
    // children», «three of them women») names its total's event.
    let people_floor = if english && !en_part(tokens, q) {
        (floor..q.first)
            .rev()
            .find(|&k| matches!(tokens.toks[k].kind, Kind::Stop(c) if c != ':'))
            .map_or(floor, |k| k + 1)
    } else {
        floor
    };
    let mut found = None;
    let mut j = q.first;
    while j > floor && found.is_none() {
        j -= 1;
        let in_clause = j >= people_floor;
        // «حكم عسكري»: an adjective names no one counted.
        let adjective = !english && super::words::is_nisba_adjective(tokens, lexicon, j);
        hits.matches_at(lexicon, tokens, j, |t, _| match t {
            Target::Noun(k) if adjective && lexicon.topic_def(k).is_some_and(|d| d.people) => {}
            Target::Event(k) | Target::Noun(k)
                if lexicon
                    .topic_def(k)
                    .is_some_and(|d| !d.generic && (in_clause || !d.people) && accept(k, d)) =>
            {
                consider(&mut found, 10, k, false)
            }
            _ => {}
        });
    }
    found
}
