//! English context words that reach past the figure's own words: the verb after a
//! list of subjects, and a verb of sending anywhere in the clause (docs/claims.md,
//! "Lists" and "The rules one by one").

use super::scan::Hits;
use super::{AFTER_WINDOW, SENTENCE_WORDS};
use crate::claims::lexicon::{Lexicon, Target};
use crate::claims::quantities::Quantity;
use crate::claims::tokens::{Kind, Tokens};

/// The first event in the words after the last figure of an English list of subjects
/// (`from..end`, its noun skipped): auxiliaries and adverbs («have already been killed»)
/// do not use up the window; a stop, a number or a conjunction ends it.
pub(super) fn list_event(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    (from, end): (usize, usize),
    unit_ok: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let mut d = 0;
    let mut j = from;
    while j < end && d < AFTER_WINDOW {
        match tokens.toks[j].kind {
            Kind::Stop(_) | Kind::Digits(_) => return None,
            Kind::Mark(_) => {
                j += 1;
                continue;
            }
            _ => {}
        }
        let w = tokens.norm(j);
        if crate::claims::en::is_conjunction(w) {
            return None;
        }
        if !crate::claims::en::is_verb_chain_filler(w) && w != "already" {
            d += 1;
        }
        let mut event = None;
        hits.matches_at(lexicon, tokens, j, |t, _| {
            if let Target::Event(k) = t
                && unit_ok(k)
            {
                event.get_or_insert(k);
            }
        });
        if event.is_some() {
            return event;
        }
        j += 1;
    }
    None
}

/// A `sending` word in the figure's clause, before it or after it (up to a stop, at
/// most `SENTENCE_WORDS` tokens away): "The planes carried more than 600 personnel",
/// "610 personnel were flown in".
pub(super) fn sending_in_clause(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    q: &Quantity,
    (first, end): (usize, usize),
) -> bool {
    let mut found = false;
    let stop = |k: usize| matches!(tokens.toks[k].kind, Kind::Stop(_));
    let before = (first.max(q.first.saturating_sub(SENTENCE_WORDS))..q.first).rev();
    for k in before.take_while(|&k| !stop(k)) {
        hits.matches_at(lexicon, tokens, k, |t, _| found |= t == Target::Sending);
    }
    let after = q.end..end.min(q.end + SENTENCE_WORDS);
    for k in after.take_while(|&k| !stop(k)) {
        hits.matches_at(lexicon, tokens, k, |t, _| found |= t == Target::Sending);
    }
    found
}
