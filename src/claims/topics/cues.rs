//! Cues in the words just before a number, within its clause: an update («ارتفع إلى»),
//! a part («منهم»), a change («انخفض بمقدار») or an earlier value («مقابل»، «كان»).

use super::Measure;
use super::scan::Hits;
use super::words::{past_state, prev_word, prev_word_is};
use crate::claims::lexicon::{Lexicon, Target};
use crate::claims::quantities::{QKind, Quantity, is_month};
use crate::claims::tokens::{Kind, Tokens};

/// How far before the number (in words of its clause) update and change words count.
const CUE_WINDOW: usize = 5;
/// A change verb governs its clause further («تراجع صافي الاحتياطيات الدولية لمصر بنحو»).
const CHANGE_WINDOW: usize = 9;

/// What the cues make of a figure.
pub struct Cues {
    pub update: bool,
    pub part: bool,
    pub measure: Option<Measure>,
}

/// The cues of quantity `q` in its clause (`clause_start..`), with its unit.
pub fn cues(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    q: &Quantity,
    clause_start: usize,
    next_limit: usize,
    unit: Option<usize>,
) -> Cues {
    let percent = q.kind == QKind::Percent;
    let unit_key = unit
        .and_then(|u| lexicon.unit_def(u))
        .map(|u| u.key.as_str());
    // Cues in the words just before the number, within its clause.
    let (mut update, mut part, mut change, mut previous) = (false, false, false, false);
    let (mut forecast, mut earlier) = (false, false);
    let mut d = 0;
    let mut j = q.first;
    // «فقد نحو 9.3% من حجمه تعادل نحو 1.4 مليار»: an amount that restates the figure
    // before it measures what that figure measures, so the search goes on past it.
    let restating = restates(tokens, lexicon, hits, clause_start, q.first);
    let mut restated = restating;
    let mut crossed = false;
    let mut previous_at = 0;
    // "lost 8 percent in March, equivalent to $1.6 billion": a comma may stand between.
    let floor = if restating && is_comma(tokens, clause_start.wrapping_sub(1)) {
        (clause_start.saturating_sub(CLAUSE_REACH)..clause_start - 1)
            .rev()
            .find(|&k| matches!(tokens.toks[k].kind, Kind::Stop(_)))
            .map_or(clause_start.saturating_sub(CLAUSE_REACH), |k| k + 1)
    } else {
        clause_start
    };
    while j > floor && d < CHANGE_WINDOW {
        j -= 1;
        if matches!(tokens.toks[j].kind, Kind::Digits(_)) {
            if restated {
                (restated, crossed, d) = (false, true, 0);
                continue;
            }
            break;
        }
        if tokens.toks[j].kind != Kind::Word {
            continue;
        }
        d += 1;
        hits.matches_at(lexicon, tokens, j, |t, len| match t {
            Target::Update if d <= CUE_WINDOW && !crossed => update = true,
            // «منهم 9»، «من بينهم 10»: the marker is right before the number.
            Target::Part if j + len + 1 >= q.first => part = true,
            Target::Change => change = true,
            Target::Previous if d <= 3 && !crossed => {
                previous = true;
                previous_at = j;
            }
            Target::Forecast => forecast = true,
            Target::Background => earlier = true,
            _ => {}
        });
    }
    // "announced that the toll had reached 60,000": after a verb of saying, "had
    // reached" is reported speech (of "has reached"), the level said, not an earlier
    // one (as «وكان … قد أعلن» is no past state). "had stood at" stays an earlier level.
    if previous && tokens.norm(previous_at) == "had" && tokens.norm(previous_at + 1) == "reached" {
        // The verb of saying governs it when no other figure stands between them
        // ("said reserves fell to $12.1 billion after they had reached …" is earlier).
        let mut reported = false;
        for k in (clause_start..previous_at).rev() {
            if matches!(tokens.toks[k].kind, Kind::Digits(_)) {
                break;
            }
            hits.matches_at(lexicon, tokens, k, |t, _| {
                reported |= t == Target::Attribution
            });
        }
        previous = !reported;
    }
    // «ففي 16 كانون الثاني/يناير الماضي قتل 53»: a day of a past month is background.
    earlier |= past_day(tokens, clause_start, q.first);
    // «تم تحويل 5 منهم إلى المستشفى»: «منهم» right after the number makes it a part of
    // a total named before, as «منهم 5» does before it.
    if q.end < next_limit && matches!(tokens.norm(q.end), "منهم" | "منهن" | "منها" | "منهما")
    {
        part = true;
    }
    // «وكان الاحتياطي يصل إلى 36 مليارا»: «كان» with a present or a noun is a past
    // state, so its figure is an earlier value, not an update; «وكان … قد أعلن» (كان قد
    // + perfect) is the past perfect of a report and changes nothing.
    let past_state = past_state(tokens, clause_start, q.first);
    if past_state {
        update = false;
    }
    // «انخفض بمقدار 1.4 مليار»، «تراجع بنحو 1.4 مليار»: «by» an amount, after a change.
    let by = tokens.norm(q.first).starts_with('ب')
        || prev_word_is(tokens, q.first, &["بمقدار", "بقدر", "by"]);
    // «تراجع من 15 مليارا إلى 13.6»: after a change, «من» gives the earlier value.
    // A measure noun may stand between: «انخفض من مبلغ 15 مليار دولار».
    let before = prev_word(tokens, q.first)
        .filter(|&j| matches!(tokens.norm(j), "مبلغ" | "مستوي" | "حجم" | "قيمه"))
        .unwrap_or(q.first);
    let from =
        tokens.norm(q.first).starts_with("من") || prev_word_is(tokens, before, &["من", "from"]);
    // «تراجع إلى 13.6»، «ليصل إلى»: the level reached, not the change.
    // ("equivalent to" restates: it is no level reached.)
    let to = !restating
        && (tokens.norm(q.first).starts_with('ل')
            || prev_word_is(tokens, q.first, &["الي", "ل", "حتي", "مستوي", "to"]));
    // A change verb also takes its amount directly, without «ب» («يقل 1.4 مليار دولار»،
    // «تراجع الاحتياطي خلال يناير 1.4 مليار دولار»): an amount with a unit (not a head
    // count, where «ارتفع عدد القتلى 39» is rare and the level) after a change word and
    // not introduced as the level («إلى») or the start («من») is the change.
    let measured = unit_key.is_some_and(|u| u != "person" && u != "soldier");
    let direct = change && measured && !to && !from && !update;
    // Only a level (an amount of money) has an earlier value: «كانت هناك 6 موجات» is a
    // past event, not a past level.
    let money = unit
        .and_then(|u| lexicon.unit_def(u))
        .is_some_and(|u| u.rate.is_some());
    // «تراجعت إلى 13.6 مليار بنهاية يناير من 15.01 مليار»: the change verb stands before
    // the level reached, which ends the word window above; «من» still gives the start.
    let changed_in_clause = change || from && change_before(tokens, lexicon, hits, clause_start, q);
    let previous = previous || (changed_in_clause && from && !percent) || (past_state && money);
    // «وقتل أكثر من 4400 في العام الماضي»: the time may also follow the figure.
    let earlier = earlier || background_after(tokens, lexicon, hits, q, next_limit);
    let measure = if previous {
        Some(Measure::Previous)
    } else if earlier {
        Some(Measure::Earlier)
    } else if forecast {
        Some(Measure::Forecast)
    } else if change && (by || direct) && !percent {
        Some(Measure::Change)
    } else {
        None
    };
    Cues {
        update,
        part,
        measure,
    }
}

/// A change word in the clause before quantity `q`, past other numbers.
fn change_before(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    clause_start: usize,
    q: &Quantity,
) -> bool {
    let mut found = false;
    for j in clause_start..q.first {
        hits.matches_at(lexicon, tokens, j, |t, _| found |= t == Target::Change);
    }
    found
}

/// A restating word («تعادل»، «ما يعادل», "equivalent to") ends right before token
/// `first`, after some other number of the clause.
fn restates(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    clause_start: usize,
    first: usize,
) -> bool {
    // A currency sign may stand between («equivalent to $1.6 billion»).
    let mut end = first;
    while end > clause_start && matches!(tokens.toks[end - 1].kind, Kind::Mark(_)) {
        end -= 1;
    }
    let mut found = false;
    for j in end.saturating_sub(4).max(clause_start)..end {
        hits.matches_at(lexicon, tokens, j, |t, len| {
            found |= t == Target::Restate && j + len == end;
        });
    }
    found
}

/// How far back a restated figure's clause may start.
const CLAUSE_REACH: usize = 40;

fn is_comma(tokens: &Tokens, i: usize) -> bool {
    tokens
        .toks
        .get(i)
        .is_some_and(|t| matches!(t.kind, Kind::Stop(',' | '،')))
}

/// Words after a month that put it in the past («يناير الماضي»).
const PAST: &[&str] = &["الماضي", "الفايت", "المنصرم", "المنقضي"];

/// A date of a past month in the clause before `first`: a day number, its month and
/// «الماضي» («في 16 كانون الثاني/يناير الماضي»). A month alone («يناير الماضي») is
/// left out, as in the lexicon's `background` (a report on the month itself); a named
/// day of a month gone by is another day than the one the news is about, so its figures
/// are background (scope "earlier"). Arabic calls the current month «الجاري».
fn past_day(tokens: &Tokens, clause_start: usize, first: usize) -> bool {
    (clause_start..first).any(|j| {
        tokens.toks[j].kind == Kind::Word
            && PAST.contains(&tokens.norm(j))
            && prev_word(tokens, j).is_some_and(|m| m >= clause_start && is_month(tokens, m))
            // The day right before its month («16 كانون الثاني/يناير»), not an amount
            // further back («بـ15 مليار دولار بنهاية ديسمبر الماضي»).
            && (j.saturating_sub(6).max(clause_start)..j).any(|k| {
                matches!(tokens.toks[k].kind,
                    Kind::Digits(r) if r.plain && (1.0..=31.0).contains(&r.value))
                    && is_month(tokens, k + 1)
            })
    })
}

/// How many words after a figure a background time may stand («… في العام الماضي»).
const AFTER_WINDOW: usize = 5;

/// A background time in the few words after quantity `q`, within its clause.
fn background_after(
    tokens: &Tokens,
    lexicon: &Lexicon,
    hits: &mut Hits,
    q: &Quantity,
    next_limit: usize,
) -> bool {
    let mut found = false;
    let mut words = 0;
    let mut j = q.end;
    while j < next_limit.min(tokens.len()) && words < AFTER_WINDOW && !found {
        match tokens.toks[j].kind {
            Kind::Stop(_) | Kind::Digits(_) => break,
            Kind::Word => words += 1,
            _ => {}
        }
        hits.matches_at(lexicon, tokens, j, |t, _| found |= t == Target::Background);
        j += 1;
    }
    found
}
