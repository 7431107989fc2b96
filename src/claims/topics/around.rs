//! What the sentence says around a claim: a hedge, the attribution, and the year and
//! date it puts the claim in (docs/claims.md, "Topics, scope, units, attribution").

use std::ops::Range;

use super::SENTENCE_REACH;
use super::scan::Hits;
use super::words::attribution_span;
use crate::claims::lexicon::{Lexicon, Target};
use crate::claims::quantities::{QKind, Quantity};
use crate::claims::tokens::Tokens;

/// A hedge among the tokens of `range` («ويُعتقد أنه تم إرسال 2500 جندي», «قتل 30
/// شخصا، بحسب تقديرات»).
pub(super) fn hedged(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    range: Range<usize>,
) -> bool {
    let mut hedged = false;
    for j in range {
        hits.matches_at(lexicon, tokens, j, |t, _| hedged |= t == Target::Hedge);
        if hedged {
            break;
        }
    }
    hedged
}

/// The nearest attribution verb in the sentence `sent_first..sent_end`, before the
/// number first. A word before the number is `d` tokens away, one after it counts twice
/// its gap; on a tie the word before wins. Searched outwards from the number, so the
/// nearest ends the search (a scan of the whole reach for every figure was a hot loop).
pub(super) fn attribution(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    q: &Quantity,
    (sent_first, sent_end): (usize, usize),
) -> Option<Range<usize>> {
    let lo = sent_first.max(q.first.saturating_sub(SENTENCE_REACH));
    let hi = sent_end.min(q.end + SENTENCE_REACH);
    let is_attribution = |hits: &mut Hits, j: usize| {
        let mut found = false;
        hits.matches_at(lexicon, tokens, j, |t, _| found |= t == Target::Attribution);
        found
    };
    let mut attribution = None;
    for d in 0.. {
        let before = (d > 0 && q.first >= lo + d).then(|| q.first - d);
        let after = (d % 2 == 0 && q.end + d / 2 < hi).then_some(q.end + d / 2);
        if before.is_none() && after.is_none() && q.first < lo + d && q.end + d / 2 >= hi {
            break;
        }
        if let Some(j) = before
            .into_iter()
            .chain(after)
            .find(|&j| is_attribution(hits, j))
        {
            attribution = Some(j);
            break;
        }
    }
    attribution.map(|j| attribution_span(tokens, j, sent_first, sent_end))
}

/// Year scope: the nearest year in the sentence `sent` of quantity `qi`, before the
/// number first.
pub(super) fn year(quants: &[Quantity], qi: usize, sents: &[u32], sent: u32) -> Option<i32> {
    let year_of = |p: &Quantity| (p.kind == QKind::Year).then_some(p.value as i32);
    let in_sentence = |p: &&Quantity| sents.get(p.num_first) == Some(&sent);
    quants[..qi]
        .iter()
        .rev()
        .take(SENTENCE_REACH)
        .take_while(in_sentence)
        .find_map(year_of)
        .or_else(|| {
            quants[qi + 1..]
                .iter()
                .take(SENTENCE_REACH)
                .take_while(in_sentence)
                .find_map(year_of)
        })
}

/// Date scope: a date right after the claim (its words end at `after_end`) in the same
/// clause («حتى 10 يناير»), as a byte range.
pub(super) fn date(
    tokens: &Tokens,
    quants: &[Quantity],
    qi: usize,
    (sents, sent): (&[u32], u32),
    after_end: usize,
) -> Option<Range<usize>> {
    quants[qi + 1..]
        .iter()
        .take(SENTENCE_REACH)
        .take_while(|p| sents.get(p.num_first) == Some(&sent))
        .find(|p| p.kind == QKind::Date)
        .filter(|p| p.first <= after_end + 3)
        .map(|p| {
            let end = (p.end + 1).min(tokens.len());
            tokens.toks[p.first].span.start..tokens.toks[end - 1].span.end
        })
}
