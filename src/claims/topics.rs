//! Context of a quantity: its unit, topic, subject scope, hedge, attribution, and the
//! year or date the sentence puts it in.
//!
//! The topic comes from lexicon words near the number: what happened (events) outweighs
//! what is counted (nouns); nearer outweighs farther; a word before the number (مقتل 164)
//! outweighs one after it, except for the counted noun, which follows the number.

use std::ops::Range;

use super::lexicon::{Lexicon, Target};
use super::quantities::{QKind, Quantity};
use super::tokens::{Kind, Tokens};

/// Words looked at before the number (from its qualifier) and after it.
const BEFORE_WINDOW: usize = 5;
const AFTER_WINDOW: usize = 6;
/// Tokens of the sentence looked at on either side of the number (attribution, hedges,
/// year, the sentence shown). Real sentences are far shorter; the bound keeps a
/// paragraph with no full stop and thousands of numbers (a hostile one-line article)
/// linear instead of quadratic in time and in the size of the `sentence` fields.
const SENTENCE_WINDOW: usize = 64;

/// Everything known about one claim in its paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub topic: Option<usize>,
    pub unit: Option<usize>,
    pub scope: Option<usize>,
    pub hedged: bool,
    /// Byte range of the attribution phrase in the paragraph.
    pub attribution: Option<Range<usize>>,
    pub year: Option<i32>,
    /// Byte range of a date the clause gives («حتى 10 يناير»).
    pub date: Option<Range<usize>>,
    /// Byte range of the claim's words (qualifier, number, unit or counted noun).
    pub text: Range<usize>,
    /// Byte range of the sentence.
    pub sentence: Range<usize>,
}

/// Sentence index of every token; sentences end at . ! ? ؟ and the like.
pub fn sentences(tokens: &Tokens, out: &mut Vec<u32>) {
    out.clear();
    let mut s = 0u32;
    for t in &tokens.toks {
        out.push(s);
        if matches!(
            t.kind,
            Kind::Stop('.' | '!' | '?' | '\u{061F}' | '\u{2026}' | '\u{06D4}')
        ) {
            s += 1;
        }
    }
}

fn starts_with_waw(tokens: &Tokens, i: usize) -> bool {
    tokens.toks[i].kind == Kind::Word && tokens.norm(i).starts_with('و')
}

fn is_function_word(tokens: &Tokens, i: usize) -> bool {
    const F: &[&str] = &[
        "من",
        "في",
        "الي",
        "علي",
        "عن",
        "حتي",
        "بين",
        "خلال",
        "منذ",
        "مع",
        "او",
        "ثم",
        "قد",
        "التي",
        "الذي",
        "الذين",
        "ان",
        "انه",
        "كما",
        "بعد",
        "قبل",
        "حين",
    ];
    F.contains(&tokens.norm(i))
}

/// A word that says what happened (a verb) and is not also a counted noun.
fn is_event(lexicon: &Lexicon, tokens: &Tokens, i: usize) -> bool {
    let (mut event, mut noun) = (false, false);
    lexicon.matches_at(tokens, i, |t, _| match t {
        Target::Event(_) => event = true,
        Target::Noun(_) | Target::Unit(_) => noun = true,
        _ => {}
    });
    event && !noun
}

/// Keeps the best-scoring topic candidate: (score, topic, decided by an event).
fn consider(best: &mut Option<(i32, usize, bool)>, score: i32, topic: usize, event: bool) {
    if best.is_none_or(|(s, _, _)| score > s) {
        *best = Some((score, topic, event));
    }
}

/// Lexicon matches of a paragraph by starting token, found once: the contexts of
/// neighbouring numbers look at the same words again, and a paragraph of thousands of
/// numbers (a hostile one-line article) would otherwise take quadratic time.
#[derive(Debug, Default)]
pub struct Matches {
    /// `found[starts[j]..starts[j + 1]]`: the matches starting at token `j`.
    starts: Vec<usize>,
    found: Vec<(Target, usize)>,
    /// Tokens where an attribution verb starts, in order.
    attributions: Vec<usize>,
    /// Tokens where a hedge starts, in order.
    hedges: Vec<usize>,
}

impl Matches {
    /// Finds every match in `tokens`, replacing the previous paragraph's.
    pub fn find(&mut self, lexicon: &Lexicon, tokens: &Tokens) {
        self.starts.clear();
        self.found.clear();
        self.attributions.clear();
        self.hedges.clear();
        for j in 0..tokens.len() {
            let start = self.found.len();
            self.starts.push(start);
            let found = &mut self.found;
            lexicon.matches_at(tokens, j, |t, len| found.push((t, len)));
            let here = &self.found[start..];
            if here.iter().any(|&(t, _)| t == Target::Attribution) {
                self.attributions.push(j);
            }
            if here.iter().any(|&(t, _)| t == Target::Hedge) {
                self.hedges.push(j);
            }
        }
        self.starts.push(self.found.len());
    }

    /// The matches starting at token `j` (none past the end).
    fn at(&self, j: usize) -> &[(Target, usize)] {
        match (self.starts.get(j), self.starts.get(j + 1)) {
            (Some(&a), Some(&b)) => &self.found[a..b],
            _ => &[],
        }
    }
}

/// The positions of sorted `list` that fall in `range`.
fn within(list: &[usize], range: Range<usize>) -> &[usize] {
    let a = list.partition_point(|&p| p < range.start);
    let b = list.partition_point(|&p| p < range.end).max(a);
    &list[a..b]
}

/// Finds the context of quantity `qi` among `quants` (all quantities of the paragraph).
pub fn context(
    tokens: &Tokens,
    sents: &[u32],
    quants: &[Quantity],
    qi: usize,
    lexicon: &Lexicon,
    matches: &Matches,
) -> Context {
    let q = &quants[qi];
    let sent = sents.get(q.num_first).copied().unwrap_or(0);
    // The sentence, cut to SENTENCE_WINDOW tokens on each side of the number.
    let lo = q.first.min(q.num_first).saturating_sub(SENTENCE_WINDOW);
    let hi = (q.end.max(q.num_first) + SENTENCE_WINDOW).min(tokens.len());
    let in_sent = |j: usize| sents.get(j) == Some(&sent);
    let sent_first = (lo..q.num_first)
        .rev()
        .find(|&j| !in_sent(j))
        .map_or(lo, |j| j + 1);
    let sent_end = (q.num_first..hi).find(|&j| !in_sent(j)).unwrap_or(hi);
    let prev_limit = quants[..qi]
        .iter()
        .rev()
        .find(|p| p.end <= q.first)
        .map_or(sent_first, |p| p.end.max(sent_first));
    let next_limit = quants
        .get(qi + 1)
        .map_or(sent_end, |n| n.first.min(sent_end))
        .max(q.end);

    // The unit (or currency) right after the number.
    let mut unit = None;
    let mut unit_len = 0;
    for &(t, len) in matches.at(q.end) {
        if let Target::Unit(u) = t
            && len > unit_len
        {
            unit = Some(u);
            unit_len = len;
        }
    }
    let noun_end = if unit_len > 0 {
        q.end + unit_len
    } else if q.end < next_limit
        && tokens.toks[q.end].kind == Kind::Word
        && !starts_with_waw(tokens, q.end)
        && !is_function_word(tokens, q.end)
        && !is_event(lexicon, tokens, q.end)
    {
        q.end + 1
    } else {
        q.end
    };

    // Topic candidates: (score, topic, decided by an event).
    let mut best: Option<(i32, usize, bool)> = None;
    let unit_ok = |topic: usize| {
        lexicon.topic_def(topic).is_some_and(|t| {
            t.requires_unit.is_empty()
                || unit
                    .and_then(|u| lexicon.unit_def(u))
                    .is_some_and(|u| t.requires_unit.contains(&u.key))
        })
    };
    // After the number: up to the next clause, number, or «و…» conjunct.
    let mut d: i32 = 0;
    let mut j = q.end;
    let mut after_end = q.end;
    while j < next_limit && d < AFTER_WINDOW as i32 {
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
        if j == q.end && starts_with_waw(tokens, j) {
            break;
        }
        d += 1;
        for &(t, _) in matches.at(j) {
            match t {
                Target::Event(k) if unit_ok(k) => consider(&mut best, 90 - d, k, true),
                Target::Noun(k) if unit_ok(k) => consider(&mut best, 60 - d, k, false),
                _ => {}
            }
        }
        j += 1;
        after_end = j;
    }
    // Before the number (from its qualifier), back to the clause start or the previous
    // number.
    let mut d: i32 = 0;
    let mut j = q.first;
    let mut before_start = q.first;
    while j > prev_limit && d < BEFORE_WINDOW as i32 {
        j -= 1;
        match tokens.toks[j].kind {
            Kind::Stop(_) | Kind::Digits(_) => break,
            Kind::Mark(_) => continue,
            _ => {}
        }
        d += 1;
        for &(t, _) in matches.at(j) {
            match t {
                Target::Event(k) if unit_ok(k) => consider(&mut best, 100 - d, k, true),
                Target::Noun(k) if unit_ok(k) => consider(&mut best, 40 - d, k, false),
                _ => {}
            }
        }
        before_start = j;
    }
    // A unit can imply the topic (square metres → area, dollars → money).
    if let Some(u) = unit.and_then(|u| lexicon.unit_def(u)) {
        for (k, t) in lexicon.topics().iter().enumerate() {
            if t.units.contains(&u.key) {
                consider(&mut best, 50, k, false);
            }
        }
    }
    // Last resort for a bare count of people: the nearest topic word earlier in the
    // sentence («… الإرهابيين …، وبلغ عددهم 20 ألف شخص»).
    let generic = unit
        .and_then(|u| lexicon.unit_def(u))
        .is_none_or(|u| u.key == "person");
    let is_generic = |b: &Option<(i32, usize, bool)>| {
        b.is_some_and(|(_, t, e)| !e && lexicon.topic_def(t).is_some_and(|d| d.generic))
    };
    if generic && (best.is_none() || is_generic(&best)) {
        let mut found = None;
        let mut j = before_start;
        while j > sent_first && found.is_none() {
            j -= 1;
            for &(t, _) in matches.at(j) {
                match t {
                    Target::Event(k) | Target::Noun(k)
                        if unit_ok(k) && lexicon.topic_def(k).is_some_and(|d| !d.generic) =>
                    {
                        consider(&mut found, 10, k, false)
                    }
                    _ => {}
                }
            }
        }
        if found.is_some() {
            best = found;
        }
    }
    let topic = best.map(|(_, t, _)| t);
    let by_event = best.is_some_and(|(_, _, e)| e);

    // Subject scope of a count of people, from the words after the number (words before
    // it name the actor: «قوات الأمن اعتقلت 7939 شخصا»): «16 من أفراد قوات الأمن قتلوا»,
    // «مقتل 200 مدني».
    let mut scope = None;
    let people = unit
        .and_then(|u| lexicon.unit_def(u))
        .is_none_or(|u| u.key == "person" || u.key == "soldier");
    if by_event && people {
        for j in q.end..after_end {
            for &(t, _) in matches.at(j) {
                if let Target::Scope(s) = t {
                    scope.get_or_insert(s);
                }
            }
            if scope.is_some() {
                break;
            }
        }
    }

    // Hedges: from the start of the number's clause to the next number in the sentence
    // («ويُعتقد أنه تم إرسال 2500 جندي», «قتل 30 شخصا، بحسب تقديرات»), so a hedge on
    // one figure does not spill onto the next clause's figure.
    let clause_start = (sent_first..q.first)
        .rev()
        .find(|&j| matches!(tokens.toks[j].kind, Kind::Stop(_)))
        .map_or(sent_first, |j| j + 1);
    let hedged = !within(&matches.hedges, clause_start..next_limit.max(q.end)).is_empty();
    // Attribution: the nearest attribution verb in the sentence, before the number first.
    let mut attribution: Option<(usize, usize)> = None; // (distance, token)
    for &j in within(&matches.attributions, sent_first..sent_end) {
        let dist = if j < q.first {
            q.first - j
        } else {
            (j - q.end) * 2
        };
        if attribution.is_none_or(|(d, _)| dist < d) {
            attribution = Some((dist, j));
        }
    }
    let attribution = attribution.map(|(_, j)| attribution_span(tokens, j, sent_first, sent_end));

    // Year scope: the nearest year in the sentence, before the number first.
    let year_of = |p: &Quantity| (p.kind == QKind::Year).then_some(p.value as i32);
    // Quantities are in text order: stop at the window's edge, not the paragraph's.
    let in_window = |p: &&Quantity| (sent_first..sent_end).contains(&p.num_first);
    let year = quants[..qi]
        .iter()
        .rev()
        .take_while(|p| p.num_first >= sent_first)
        .filter(in_window)
        .find_map(year_of)
        .or_else(|| {
            quants[qi + 1..]
                .iter()
                .take_while(|p| p.num_first < sent_end)
                .filter(in_window)
                .find_map(year_of)
        });
    // Date scope: a date right after the claim in the same clause («حتى 10 يناير»):
    // the first date of the sentence after the claim, if it is that close.
    let date = quants[qi + 1..]
        .iter()
        .take_while(|p| sents.get(p.num_first) == Some(&sent) && p.first <= after_end + 3)
        .find(|p| p.kind == QKind::Date)
        .map(|p| {
            let end = (p.end + 1).min(tokens.len());
            tokens.toks[p.first].span.start..tokens.toks[end - 1].span.end
        });

    let span = |a: usize, b: usize| {
        let a = a.min(tokens.len().saturating_sub(1));
        let b = b.clamp(a + 1, tokens.len());
        tokens.toks[a].span.start..tokens.toks[b - 1].span.end
    };
    let mut text = span(q.first, noun_end);
    // The proclitic glued to the number is not part of the claim: «و250 قطعة»,
    // «وستة وستين جريحا».
    match tokens.toks[q.first].kind {
        Kind::Digits(d) => text.start = (text.start + d.prefix_len as usize).min(text.end),
        Kind::Word if q.first == q.num_first && q.connector => {
            let w = &tokens.toks[q.first];
            let first_len = w.span.len().min(2); // و and ف are two bytes
            text.start = (text.start + first_len).min(text.end);
        }
        _ => {}
    }
    Context {
        topic,
        unit,
        scope,
        hedged,
        attribution,
        year,
        date,
        text,
        sentence: span(sent_first, sent_end),
    }
}

/// The words of an attribution: from the verb to the clause end (at most six words), or,
/// when the verb ends its clause («… قد أعلنت:»), the few words before it.
fn attribution_span(tokens: &Tokens, j: usize, first: usize, end: usize) -> Range<usize> {
    let mut k = j + 1;
    let mut words = 0;
    while k < end && words < 5 {
        match tokens.toks[k].kind {
            Kind::Stop(_) | Kind::Digits(_) => break,
            Kind::Mark(_) => break,
            _ => {}
        }
        words += 1;
        k += 1;
    }
    let mut a = j;
    if words == 0 {
        let mut back = 0;
        while a > first && back < 4 {
            if !matches!(tokens.toks[a - 1].kind, Kind::Word) {
                break;
            }
            a -= 1;
            back += 1;
        }
    }
    tokens.toks[a].span.start..tokens.toks[k - 1].span.end
}
