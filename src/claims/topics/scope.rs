//! The scope of a claim from the words of its clause: the subject of a count of people
//! («مقتل 200 مدني»), or a party to an amount (a lender, a donor) (docs/claims.md,
//! "Topics, scope, units, attribution").

use super::SENTENCE_REACH;
use super::scan::Hits;
use super::words::starts_with_waw;
use crate::claims::lexicon::{Lexicon, Target};
use crate::claims::quantities::Quantity;
use crate::claims::tokens::{Kind, Tokens};

/// Subject scope of a count of people decided by an event, from the words after the
/// number up to `after_end` (words before it name the actor: «قوات الأمن اعتقلت 7939
/// شخصا»): «16 من أفراد قوات الأمن قتلوا», «مقتل 200 مدني».
pub(super) fn subject(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    (q_end, after_end): (usize, usize),
    unit: Option<usize>,
) -> Option<usize> {
    let people = unit
        .and_then(|u| lexicon.unit_def(u))
        .is_none_or(|u| u.key == "person" || u.key == "soldier");
    if !people {
        return None;
    }
    let is_party = |s: usize| lexicon.scope_def(s).is_some_and(|d| !d.topics.is_empty());
    let mut scope = None;
    for j in q_end..after_end {
        // «مقتل ستة أشخاص بينهم امرأة»: what follows «بينهم»/«منهم» names a part of
        // the total, not the total's subject.
        let mut part_follows = false;
        hits.matches_at(lexicon, tokens, j, |t, _| match t {
            Target::Scope(s) if !part_follows && !is_party(s) => {
                scope.get_or_insert(s);
            }
            Target::Part => part_follows = true,
            _ => {}
        });
        if scope.is_some() || part_follows {
            break;
        }
    }
    scope
}

/// A party to the amount of `topic` (a lender, a donor) named in the figure's clause,
/// nearest first, within the scope's reach and in the figure's own conjunct.
pub(super) fn party(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    q: &Quantity,
    topic: Option<usize>,
    (clause_start, sent_end): (usize, usize),
) -> Option<usize> {
    let key = &topic.and_then(|t| lexicon.topic_def(t))?.key;
    let clause_end = (q.end..sent_end.min(q.end + SENTENCE_REACH))
        .find(|&j| matches!(tokens.toks[j].kind, Kind::Stop(_)))
        .unwrap_or(sent_end.min(q.end + SENTENCE_REACH));
    let mut nearest: Option<(usize, usize)> = None;
    for j in clause_start..clause_end {
        hits.matches_at(lexicon, tokens, j, |t, _| {
            let dist = if j < q.first {
                q.first - j
            } else {
                j.saturating_sub(q.end)
            };
            if let Target::Scope(s) = t
                && lexicon.scope_def(s).is_some_and(|d| {
                    d.topics.iter().any(|k| k == key)
                        && d.reach.is_none_or(|r| {
                            // Within reach and in the figure's own conjunct: «نقلت
                            // لمشرحة مستشفى وأن 90 أصيبوا» does not set the 90.
                            let between = if j < q.first {
                                j + 1..q.first
                            } else {
                                q.end..j
                            };
                            dist <= r && !between.into_iter().any(|k| starts_with_waw(tokens, k))
                        })
                })
                && nearest.is_none_or(|(d, _)| dist < d)
            {
                nearest = Some((dist, s));
            }
        });
    }
    nearest.map(|(_, s)| s)
}
