//! English quantities: what a number is (count, percentage, year, date, time, age,
//! reference…) and its qualifier as an interval, with the same tolerances as Arabic
//! (`quantities`): «about N» is N ± 10 %, vague words are half-open decades.

use super::super::lexicon::{Lexicon, Target};
use super::super::numbers::Number;
use super::super::quantities::{
    Edges, Grammar, QKind, Quantity, Range, Rules, build, form_kind, is_mark, prev_word, tidy,
};
use super::super::tokens::{Kind, Tokens};
use super::numbers::word_at;
use super::quantity_words::{AFTER, BEFORE, MONTHS, REF_CUES, YEAR_CUES};

/// Asked of the words around every number, with lists of up to thirty words: the
/// first byte is compared before the whole word (a string comparison is a call).
fn word_in(tokens: &Tokens, i: usize, list: &[&str]) -> bool {
    word_at(tokens, i).is_some_and(|w| {
        let first = w.as_bytes().first();
        list.iter()
            .any(|x| x.as_bytes().first() == first && *x == w)
    })
}

/// Verbs after which «at N» is an age («died at 93», «retired at 60»).
const AGE_VERBS: &[&str] = &[
    "died", "dies", "dead", "away", "retired", "retires", "married",
];

static G: Grammar = Grammar {
    word_in,
    kept_marks: &['-', '/', '%', '–'],
    before: BEFORE,
    after: AFTER,
    after_reach: 8,
    // «30-plus»: only glued by a hyphen or right after the number.
    after_adjacent: &["plus"],
    percent_marks: &['%'],
    percent_words: &[
        &["percent"],
        &["per", "cent"],
        &["pct"],
        &["percentage", "points"],
        &["percentage", "point"],
    ],
    edges: Edges::new(),
};

fn is_month(tokens: &Tokens, i: usize) -> bool {
    word_in(tokens, i, MONTHS)
}

/// A currency sign or code before the number at token `num_first` («$», «US$», «LE»
/// spaced): the token where it starts.
pub fn currency_start(tokens: &Tokens, lexicon: &Lexicon, num_first: usize) -> Option<usize> {
    let j = num_first.checked_sub(1)?;
    let t = &tokens.toks[j];
    let is_symbol = |i: usize| {
        let t = &tokens.toks[i];
        match t.kind {
            Kind::Mark(c) => {
                let mut b = [0u8; 4];
                lexicon.unit_symbol(c.encode_utf8(&mut b)).is_some()
            }
            Kind::Word => lexicon.unit_symbol(tokens.norm(i)).is_some(),
            _ => false,
        }
    };
    if !is_symbol(j) {
        return None;
    }
    // «US$»: a code glued before the sign.
    if j > 0
        && !t.space_before
        && tokens.toks[j - 1].kind == Kind::Word
        && matches!(t.kind, Kind::Mark(_))
    {
        return Some(j - 1);
    }
    Some(j)
}

struct English<'a> {
    lexicon: &'a Lexicon,
}

impl Rules for English<'_> {
    fn grammar(&self) -> &Grammar {
        &G
    }

    fn classify(&self, tokens: &Tokens, numbers: &[Number], k: usize, done: &[QKind]) -> QKind {
        classify(tokens, numbers, k, done)
    }

    fn start(&self, tokens: &Tokens, n: &Number) -> usize {
        currency_start(tokens, self.lexicon, n.first).unwrap_or(n.first)
    }

    fn range(
        &self,
        tokens: &Tokens,
        numbers: &[Number],
        kinds: &[QKind],
        k: usize,
    ) -> Option<Range> {
        let (n, kind) = (&numbers[k], kinds[k]);
        if n.vague.is_some() {
            return None;
        }
        let m = numbers.get(k + 1).filter(|m| {
            m.vague.is_none()
                && (kinds[k + 1] == kind || kind == QKind::Count && kinds[k + 1] == QKind::Percent)
        })?;
        let start = range_between(tokens, self.lexicon, n, m)?;
        let lo_v = scaled_like(tokens, n, m);
        let (low, high) = (lo_v.min(m.value), lo_v.max(m.value));
        Some(Range {
            first: start.min(self.start(tokens, n)),
            low,
            high,
            value: tidy((low + high) / 2.0),
            kind: kinds[k + 1],
        })
    }

    fn qualifier_at(&self, q: &Quantity) -> usize {
        q.first
    }
}

/// Classifies every number of an English paragraph and attaches qualifiers and ranges.
pub fn quantities(tokens: &Tokens, numbers: &[Number], lexicon: &Lexicon, out: &mut Vec<Quantity>) {
    build(&English { lexicon }, tokens, numbers, out);
}

/// «between 2 and 3 million»: the first end of a range takes the scale word of the
/// second when it has none of its own.
fn scaled_like(tokens: &Tokens, n: &Number, m: &Number) -> f64 {
    if n.end != n.first + 1 || m.end == m.first + 1 || n.words {
        return n.value;
    }
    let Some(Kind::Digits(d)) = tokens.toks.get(m.first).map(|t| t.kind) else {
        return n.value;
    };
    if d.value <= 0.0 || m.value <= d.value {
        return n.value;
    }
    let scale = m.value / d.value;
    if n.value * scale <= m.value {
        tidy(n.value * scale)
    } else {
        n.value
    }
}

/// If numbers `n` and `m` form a range, the token where it starts.
fn range_between(tokens: &Tokens, lexicon: &Lexicon, n: &Number, m: &Number) -> Option<usize> {
    // The token right after the joiner is the second number, or its currency sign.
    let second_at =
        |j: usize| m.first == j || m.first == j + 1 && is_mark(tokens, j, &['$', '€', '£']);
    let joiner = n.end;
    if word_in(tokens, joiner, &["and"]) && second_at(joiner + 1) {
        return G.match_before(tokens, n.first, &["between"]);
    }
    if word_in(tokens, joiner, &["to", "or"]) && second_at(joiner + 1) {
        if let Some(from) = G.match_before(tokens, n.first, &["from"]) {
            // «fell from $15 billion to $13.6 billion» is a change, not a range.
            if changed_before(tokens, lexicon, from) {
                return None;
            }
            return Some(from);
        }
        if let Some(b) = G.match_before(tokens, n.first, &["between"]) {
            return Some(b);
        }
        // «two or three», «10 to 15 people»; but not «rose to 30 … to 40».
        return (m.value > n.value || word_in(tokens, joiner, &["or"])).then_some(n.first);
    }
    if is_mark(tokens, joiner, &['-', '–']) && second_at(joiner + 1) && n.value < m.value {
        return Some(
            G.match_before(tokens, n.first, &["between"])
                .unwrap_or(n.first),
        );
    }
    None
}

/// A change word in the few words before token `i` («fell from»).
fn changed_before(tokens: &Tokens, lexicon: &Lexicon, i: usize) -> bool {
    let mut found = false;
    for j in i.saturating_sub(4)..i {
        lexicon.matches_at(tokens, j, |t, _| found |= t == Target::Change);
    }
    found
}

fn classify(tokens: &Tokens, numbers: &[Number], k: usize, done: &[QKind]) -> QKind {
    let n = &numbers[k];
    if let Some(kind) = form_kind(tokens, n) {
        return kind;
    }
    let glued_after = |c: char| {
        is_mark(tokens, n.end, &[c]) && !tokens.toks.get(n.end).is_some_and(|t| t.space_before)
    };
    // «beat Sunderland 1-0», «a 2-2 draw»: two small numbers glued by a hyphen, the
    // second not above the first, are a score (a range rises: «10-15 people»).
    let score = |a: &Number, b: &Number| {
        b.first == a.end + 1
            && is_mark(tokens, a.end, &['-', '–'])
            && !tokens.toks[a.end].space_before
            && !tokens.toks[b.first].space_before
            && b.value <= a.value
            && a.plain_digits.is_some_and(|d| d <= 2)
            && b.plain_digits.is_some_and(|d| d <= 2)
    };
    if numbers.get(k + 1).is_some_and(|m| score(n, m)) || k > 0 && score(&numbers[k - 1], n) {
        return QKind::Identifier;
    }
    // «a 23-year-old», «a two-day visit», «a 9-mm pistol»: a compound adjective.
    if glued_after('-')
        && let Some(t) = tokens.toks.get(n.end + 1)
        && t.kind == Kind::Word
        && !t.space_before
    {
        let w = tokens.norm(n.end + 1);
        if w != "plus" {
            let old = (w == "year" || w == "years") && tokens.norm(n.end + 3) == "old";
            return if old { QKind::Age } else { QKind::Identifier };
        }
    }
    // «($1 = 0.7474 euros)»: the two sides of an exchange rate are no amount anyone
    // paid (a currency sign or code may stand between the «=» and the number).
    let eq = |i: usize| is_mark(tokens, i, &['=']);
    let eq_before = n.first.checked_sub(1).is_some_and(|p| {
        eq(p)
            || p.checked_sub(1)
                .is_some_and(|pp| eq(pp) && !tokens.toks[n.first].space_before)
    });
    // «$1 = …», «1 dollar = …».
    let eq_after =
        eq(n.end) || tokens.toks.get(n.end).is_some_and(|t| t.kind == Kind::Word) && eq(n.end + 1);
    if eq_after || eq_before {
        return QKind::Identifier;
    }
    let prev = prev_word(tokens, n.first);
    // A list continues the kind before it: «in 2004 and 2014», «Articles 2 and 4».
    if k > 0 {
        let m = &numbers[k - 1];
        let joined = m.end + 1 == n.first
            && (word_in(tokens, m.end, &["and", "or", "to"])
                || matches!(tokens.toks[m.end].kind, Kind::Stop(',')));
        if joined
            && matches!(
                done[k - 1],
                QKind::Year | QKind::Ref | QKind::Date | QKind::Age
            )
        {
            return done[k - 1];
        }
    }
    if let Some(p) = prev {
        if word_in(tokens, p, REF_CUES) {
            return QKind::Ref;
        }
        // «No. 5».
        if matches!(tokens.toks[p].kind, Kind::Stop('.'))
            && p > 0
            && word_in(tokens, p - 1, &["no", "nos"])
        {
            return QKind::Ref;
        }
        if word_in(tokens, p, &["aged", "age", "ages"]) {
            return QKind::Age;
        }
    }
    if is_mark(tokens, n.first.wrapping_sub(1), &['#']) {
        return QKind::Ref;
    }
    let next = G.next_word(tokens, n.end);
    if next.is_some_and(|x| word_in(tokens, x, &["years", "year"]))
        && next.is_some_and(|x| word_in(tokens, x + 1, &["old"]))
    {
        return QKind::Age;
    }
    // Clock times: «9 pm», «9 a.m.», «10 o'clock», «1400 GMT».
    if let Some(x) = next {
        if word_in(tokens, x, &["am", "pm", "gmt", "utc", "hrs", "hours"])
            && n.plain_digits.is_some()
        {
            // «1400 hours» only for four digits («48 hours» is a duration).
            if !word_in(tokens, x, &["hours"]) || n.plain_digits == Some(4) {
                return QKind::Time;
            }
        }
        if word_in(tokens, x, &["a", "p"])
            && matches!(
                tokens.toks.get(x + 1).map(|t| t.kind),
                Some(Kind::Stop('.'))
            )
            && word_in(tokens, x + 2, &["m"])
        {
            return QKind::Time;
        }
        if word_in(tokens, x, &["o"]) && word_in(tokens, x + 2, &["clock"]) {
            return QKind::Time;
        }
    }
    // «died at 93», «at the age of 93»: an age, when no noun follows («died at 3 pm»
    // is a time, above; «died at 3 hospitals» counts).
    if let Some(p) = prev
        && (word_in(tokens, p, &["at"])
            && prev_word(tokens, p).is_some_and(|v| word_in(tokens, v, AGE_VERBS))
            || word_in(tokens, p, &["of"])
                && prev_word(tokens, p).is_some_and(|v| word_in(tokens, v, &["age"])))
        && next.is_none_or(|x| {
            tokens.toks[x].kind != Kind::Word || super::is_function_word(tokens.norm(x))
        })
    {
        return QKind::Age;
    }
    // Dates: a day next to a month («February 1», «1 February», «Feb. 1»), also through a
    // list («between 10 and 13 January»).
    let is_day = n.value >= 1.0 && n.value <= 31.0 && n.plain_digits.is_some_and(|d| d <= 2);
    if is_day {
        let month_before = prev.is_some_and(|p| {
            is_month(tokens, p)
                || matches!(tokens.toks[p].kind, Kind::Stop('.'))
                    && p > 0
                    && is_month(tokens, p - 1)
        });
        let mut last = k;
        while let Some(m) = numbers.get(last + 1) {
            let e = numbers[last].end;
            let joined = m.first == e + 1
                && (word_in(tokens, e, &["and", "to", "or"]) || is_mark(tokens, e, &['-', '–']));
            if !joined {
                break;
            }
            last += 1;
        }
        let after = numbers[last].end;
        let month_after = G.next_word(tokens, after).is_some_and(|a| {
            is_month(tokens, a) || word_in(tokens, a, &["of"]) && is_month(tokens, a + 1)
        });
        if month_before || month_after {
            return QKind::Date;
        }
    }
    if G.percent_after(tokens, n.end).is_some() {
        return QKind::Percent;
    }
    if let Some(d) = n.plain_digits {
        let marked = next.is_some_and(|x| word_in(tokens, x, &["ad", "bc", "ce", "bce"]));
        let month = prev.is_some_and(|p| is_month(tokens, p))
            || d == 4 && (1800.0..=2100.0).contains(&n.value) && after_dated_comma(tokens, n.first);
        if (3..=4).contains(&d) && (marked || month) {
            return QKind::Year;
        }
        if d == 4 && (1800.0..=2100.0).contains(&n.value) {
            let qualified = G.qualified(tokens, n.first, &[]);
            let cued = prev.is_some_and(|p| word_in(tokens, p, YEAR_CUES));
            // A count is followed by what it counts («2000 troops»); a year by a
            // preposition, punctuation, nothing, or the singular noun it dates («a 2011
            // revolution», «Israel's 2005 pullout»): a count above one takes a plural,
            // maybe after one adjective («1500 Egyptian soldiers»).
            let content = |x: usize| {
                tokens.toks.get(x).is_some_and(|t| t.kind == Kind::Word)
                    && !super::is_function_word(tokens.norm(x))
            };
            let plural_at = |x: usize| content(x) && may_be_plural(tokens.norm(x));
            let followed_by_plural =
                next.is_some_and(|x| plural_at(x) || content(x) && plural_at(x + 1));
            if !qualified && (cued || !followed_by_plural) {
                return QKind::Year;
            }
        }
    }
    QKind::Count
}

/// A year after a month and a comma: «July 7, 2012», «7 July, 2012».
fn after_dated_comma(tokens: &Tokens, first: usize) -> bool {
    first >= 2
        && matches!(tokens.toks[first - 1].kind, Kind::Stop(','))
        && (is_month(tokens, first - 2)
            || matches!(tokens.toks[first - 2].kind, Kind::Digits(_))
                && first >= 3
                && is_month(tokens, first - 3))
}

/// Could `w` be a plural noun (what a count above one is followed by)? Regular plurals
/// end in «s»; the irregular and invariable ones of counted people and things are listed.
pub fn may_be_plural(w: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "people",
        "men",
        "women",
        "children",
        "police",
        "personnel",
        "staff",
        "feet",
        "aircraft",
        "militia",
        "youth",
        "cattle",
        "sheep",
        "livestock",
        "crew",
        "km",
        "kg",
        "mw",
        "bn",
        "mln",
    ];
    (w.ends_with('s') && !w.ends_with("ss")) || IRREGULAR.contains(&w)
}
