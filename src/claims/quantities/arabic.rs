//! Arabic quantities: the words that make a number a year, a date, a reference or a
//! time, the qualifier phrases, and ranges (بين A و B، من A إلى B، A أو B).

use super::{
    Edges, Grammar, Phrase, QKind, Qualifier, Quantity, Range, Rules, build, form_kind, is_mark,
    prev_word,
};
use crate::claims::numbers::Number;
use crate::claims::tokens::{Kind, Tokens, stems};

mod age;
mod words;

use words::{FUNCTION_WORDS, MONTHS, REF_CUES, YEAR_CUES, YEAR_MARKS};

/// Qualifier phrases before a number, longest first within each meaning.
const BEFORE: &[Phrase] = &[
    (&["ما", "لا", "يقل", "عن"], Qualifier::AtLeast),
    (&["ما", "لا", "يقل", "علي"], Qualifier::AtLeast),
    (&["لا", "يقل", "عن"], Qualifier::AtLeast),
    (&["لا", "تقل", "عن"], Qualifier::AtLeast),
    (&["علي", "الاقل"], Qualifier::AtLeast),
    (&["ما", "لا", "يزيد", "علي"], Qualifier::AtMost),
    (&["ما", "لا", "يزيد", "عن"], Qualifier::AtMost),
    (&["لا", "يزيد", "عن"], Qualifier::AtMost),
    (&["لا", "يزيد", "علي"], Qualifier::AtMost),
    (&["لا", "يتجاوز"], Qualifier::AtMost),
    (&["لا", "تتجاوز"], Qualifier::AtMost),
    (&["علي", "الاكثر"], Qualifier::AtMost),
    (&["حتي"], Qualifier::AtMost),
    (&["ما", "يزيد", "علي"], Qualifier::Above),
    (&["ما", "يزيد", "عن"], Qualifier::Above),
    (&["يزيد", "علي"], Qualifier::Above),
    (&["يزيد", "عن"], Qualifier::Above),
    (&["تزيد", "علي"], Qualifier::Above),
    (&["تزيد", "عن"], Qualifier::Above),
    (&["ما", "يفوق"], Qualifier::Above),
    (&["ما", "يتجاوز"], Qualifier::Above),
    (&["اكثر", "من"], Qualifier::Above),
    (&["ازيد", "من"], Qualifier::Above),
    (&["يتجاوز"], Qualifier::Above),
    (&["تتجاوز"], Qualifier::Above),
    (&["تجاوز"], Qualifier::Above),
    (&["يفوق"], Qualifier::Above),
    (&["تفوق"], Qualifier::Above),
    (&["اقل", "من"], Qualifier::Below),
    (&["ادني", "من"], Qualifier::Below),
    (&["ما", "دون"], Qualifier::Below),
    (&["دون"], Qualifier::Below),
    (&["ما", "يقرب", "من"], Qualifier::About),
    (&["ما", "يقارب"], Qualifier::About),
    (&["ما", "يناهز"], Qualifier::About),
    (&["يقارب"], Qualifier::About),
    (&["تقارب"], Qualifier::About),
    (&["يناهز"], Qualifier::About),
    (&["نحو"], Qualifier::About),
    (&["حوالي"], Qualifier::About),
    (&["قرابه"], Qualifier::About),
    (&["زهاء"], Qualifier::About),
    (&["تقريبا"], Qualifier::About),
];

/// Qualifier phrases after a number (and its counted noun).
const AFTER: &[Phrase] = &[
    (&["علي", "الاقل"], Qualifier::AtLeast),
    (&["علي", "اقل", "تقدير"], Qualifier::AtLeast),
    (&["او", "اكثر"], Qualifier::AtLeast),
    (&["فاكثر"], Qualifier::AtLeast),
    (&["علي", "الاكثر"], Qualifier::AtMost),
    (&["او", "اقل"], Qualifier::AtMost),
    (&["تقريبا"], Qualifier::About),
];

/// «سيارة برقم (ف ب د 6975)»: a number after the letters of a plate, in a parenthesis
/// opened after a reference cue.
fn plate(tokens: &Tokens, first: usize) -> bool {
    let mut j = first;
    for _ in 0..6 {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        j = p;
        match tokens.toks[j].kind {
            Kind::Stop('(') => {
                return prev_word(tokens, j).is_some_and(|w| word_in(tokens, w, REF_CUES));
            }
            Kind::Word if tokens.norm(j).chars().count() <= 2 => {}
            _ => return false,
        }
    }
    false
}

fn word_in(tokens: &Tokens, i: usize, list: &[&str]) -> bool {
    matches!(tokens.toks.get(i).map(|t| t.kind), Some(Kind::Word))
        && stems(tokens.norm(i)).any(|(s, _)| list.contains(&s))
}

static G: Grammar = Grammar {
    word_in,
    kept_marks: &['-', '/', '%', '٪'],
    before: BEFORE,
    after: AFTER,
    after_reach: 10,
    after_adjacent: &[],
    percent_marks: &['%', '٪'],
    percent_words: &[
        &["في", "الميه"],
        &["في", "المايه"],
        &["بالميه"],
        &["بالمايه"],
        &["الميه"],
    ],
    edges: Edges::new(),
};

struct Arabic;

impl Rules for Arabic {
    fn grammar(&self) -> &Grammar {
        &G
    }

    fn classify(&self, tokens: &Tokens, numbers: &[Number], k: usize, done: &[QKind]) -> QKind {
        classify(tokens, numbers, k, done)
    }

    fn range(
        &self,
        tokens: &Tokens,
        numbers: &[Number],
        kinds: &[QKind],
        k: usize,
    ) -> Option<Range> {
        // Ranges: بين A و B، من A إلى B، A أو B، A-B; the ends of one kind.
        let n = &numbers[k];
        let m = numbers.get(k + 1).filter(|_| kinds[k + 1] == kinds[k])?;
        let first = range_between(tokens, n, m)?;
        let (low, high) = (n.value.min(m.value), n.value.max(m.value));
        Some(Range {
            first,
            low,
            high,
            value: (low + high) / 2.0,
            kind: kinds[k],
        })
    }

    fn qualifier_at(&self, q: &Quantity) -> usize {
        q.num_first
    }
}

/// Classifies every number and attaches qualifiers and ranges.
pub fn quantities(tokens: &Tokens, numbers: &[Number], out: &mut Vec<Quantity>) {
    build(&Arabic, tokens, numbers, out);
}

/// A percent sign or words («في المئة») right after token `end`.
pub fn percent_after(tokens: &Tokens, end: usize) -> bool {
    G.percent_after(tokens, end).is_some()
}

/// Token `i` is an Arabic month name (Gregorian, Levantine, Maghrebi or Hijri).
pub fn is_month(tokens: &Tokens, i: usize) -> bool {
    word_in(tokens, i, MONTHS)
}

/// If numbers `n` and `m` form a range, the token where it starts.
fn range_between(tokens: &Tokens, n: &Number, m: &Number) -> Option<usize> {
    // بين A و B: B carries the و.
    if m.first == n.end && m.connector {
        let b = G
            .match_before(tokens, n.first, &["ما", "بين"])
            .or_else(|| G.match_before(tokens, n.first, &["بين"]))?;
        return Some(b);
    }
    // A إلى B, A حتى B, A أو B (after من / بين or not).
    if m.first == n.end + 1 && word_in(tokens, n.end, &["الي", "حتي", "او"]) {
        let or = word_in(tokens, n.end, &["او"]);
        let start = G
            .match_before(tokens, n.first, &["ما", "بين"])
            .or_else(|| G.match_before(tokens, n.first, &["بين"]))
            .or_else(|| G.match_before(tokens, n.first, &["من"]));
        // «من 1989 حتى 2019» needs من; «ملياري أو 3 مليارات» does not.
        return match start {
            Some(s) => Some(s),
            None if or => Some(n.first),
            None => None,
        };
    }
    // A-B
    if m.first == n.end + 1 && is_mark(tokens, n.end, &['-', '–']) && n.value < m.value {
        return Some(n.first);
    }
    None
}

fn classify(tokens: &Tokens, numbers: &[Number], k: usize, done: &[QKind]) -> QKind {
    let n = &numbers[k];
    if n.implicit.is_some() {
        return QKind::Count;
    }
    if let Some(kind) = form_kind(tokens, n) {
        return kind;
    }
    let prev = prev_word(tokens, n.first);
    // A list item continues the kind of the item before it: «عامي 2004 و2014»,
    // «المادتين 2 و4».
    if k > 0 && n.connector && numbers[k - 1].end == n.first {
        match done[k - 1] {
            QKind::Year | QKind::Ref | QKind::Date => return done[k - 1],
            _ => {}
        }
    }
    // «أتوبيس رقم (284)»: the cue may stand before an opening parenthesis.
    let cue = prev.and_then(|p| match tokens.toks[p].kind {
        Kind::Stop('(') => prev_word(tokens, p),
        _ => Some(p),
    });
    // «7- في الوقت الذي…»: a number opening its paragraph before a dash, a parenthesis
    // or a full stop numbers a list item.
    if prev.is_none()
        && is_mark(tokens, n.end, &['-', '–', ')', '.'])
        && tokens
            .toks
            .get(n.end + 1)
            .is_none_or(|t| !matches!(t.kind, Kind::Digits(_)))
    {
        return QKind::Ref;
    }
    if age::age(tokens, n) {
        return QKind::Age;
    }
    if cue.is_some_and(|p| word_in(tokens, p, REF_CUES)) || plate(tokens, n.first) {
        return QKind::Ref;
    }
    // «المحضر 6189 /2013 جنح»: a number over a year is that year's series number.
    let year_at = |i: usize| {
        tokens.toks.get(i).is_some_and(|t| {
            matches!(t.kind, Kind::Digits(d) if d.digits == 4 && (1900.0..=2100.0).contains(&d.value))
        })
    };
    if is_mark(tokens, n.end, &['/']) && year_at(n.end + 1) {
        return QKind::Ref;
    }
    if year_at(n.first)
        && k > 0
        && numbers[k - 1].end + 1 == n.first
        && is_mark(tokens, n.first - 1, &['/'])
    {
        return QKind::Year;
    }
    // «القرار 549 لسنة 1998», «القضية 143 لسنة 2013»: a number of that year's series.
    if let Some(w) = G.next_word(tokens, n.end)
        && word_in(tokens, w, &["لسنه", "لعام"])
        && G.next_word(tokens, w + 1)
            .is_some_and(|y| matches!(tokens.toks[y].kind, Kind::Digits(_)))
    {
        return QKind::Ref;
    }
    if prev.is_some_and(|p| word_in(tokens, p, &["الساعه"])) {
        return QKind::Time;
    }
    // Dates: a day number before a month, also through a list («بين 10 و13 يناير»).
    // and through a range («من 25 إلى 31 يناير»، «25-31 يناير»).
    let mut last = k;
    while numbers.get(last + 1).is_some_and(|m| {
        let end = numbers[last].end;
        (m.first == end && m.connector)
            || (m.first == end + 1
                && (word_in(tokens, end, &["الي", "حتي"]) || is_mark(tokens, end, &['-', '–'])))
    }) {
        last += 1;
    }
    let after = numbers[last].end;
    if n.value <= 31.0 && n.value >= 1.0 && n.plain_digits.is_some() {
        let after_word = G.next_word(tokens, after);
        if after_word.is_some_and(|a| is_month(tokens, a)) {
            return QKind::Date;
        }
    }
    if G.percent_after(tokens, n.end).is_some() {
        return QKind::Percent;
    }
    if let Some(d) = n.plain_digits {
        let next = G.next_word(tokens, n.end);
        let marked = next.is_some_and(|x| word_in(tokens, x, YEAR_MARKS));
        let cued = prev.is_some_and(|p| word_in(tokens, p, YEAR_CUES) || is_month(tokens, p));
        if (3..=4).contains(&d) && (marked || cued) {
            return QKind::Year;
        }
        if d == 4 && (1800.0..=2100.0).contains(&n.value) {
            // «حتى 2019» reads as a year; other qualifiers mean a count.
            let qualified = G.qualified(tokens, n.first, &["حتي"]);
            // A count is followed by what it counts («2030 جنديا»); a year by a
            // preposition, punctuation, or nothing.
            let followed_by_noun = next.is_some_and(|x| {
                matches!(tokens.toks[x].kind, Kind::Word) && !word_in(tokens, x, FUNCTION_WORDS)
            });
            if !qualified && !followed_by_noun {
                return QKind::Year;
            }
        }
    }
    QKind::Count
}
