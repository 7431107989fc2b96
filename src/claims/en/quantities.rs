//! English quantities: what a number is (count, percentage, year, date, time, age,
//! reference…) and its qualifier as an interval, with the same tolerances as Arabic
//! (`quantities`): «about N» is N ± 10 %, vague words are half-open decades.

use super::super::lexicon::{Lexicon, Target};
use super::super::numbers::{NotCount, Number};
use super::super::quantities::{QKind, Qualifier, Quantity, set_qualifier, tidy};
use super::super::tokens::{Kind, Tokens};
use super::numbers::word_at;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words after which a number is a year («in 2003», «since 1986», «the 2012 budget»).
const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "of",
    "from",
    "until",
    "till",
    "by",
    "during",
    "before",
    "after",
    "year",
    "years",
    "early",
    "late",
    "mid",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fiscal",
    "the",
    "between",
    "around",
    "circa",
    "end",
    "beginning",
    "through",
    "throughout",
    "and",
];

/// Words before a number that make it a reference, not a count («Resolution 2085»).
const REF_CUES: &[&str] = &[
    "article",
    "articles",
    "resolution",
    "resolutions",
    "law",
    "decree",
    "flight",
    "route",
    "page",
    "pages",
    "chapter",
    "section",
    "paragraph",
    "clause",
    "item",
    "room",
    "platform",
    "gate",
    "highway",
    "verse",
    "number",
    "no",
    "nos",
    "code",
    "bus",
    "channel",
    "grade",
    "category",
    "phase",
    "stage",
    "case",
    "lot",
    "apartment",
    "block",
    "building",
    "street",
    "road",
    "district",
    "ward",
    "unit",
    "battalion",
    "brigade",
    "division",
    "squadron",
    "cell",
    "hall",
    "terminal",
    "hangar",
    "motorway",
    "exit",
    "amendment",
    "protocol",
];

/// Qualifier phrases before a number, the longest first.
const BEFORE: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["as", "few", "as"], Qualifier::AtLeast),
    (&["at", "least"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["at", "the", "most"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::Above),
    (&["upwards", "of"], Qualifier::Above),
    (&["more", "than"], Qualifier::Above),
    (&["greater", "than"], Qualifier::Above),
    (&["higher", "than"], Qualifier::Above),
    (&["exceeding"], Qualifier::Above),
    (&["exceeded"], Qualifier::Above),
    (&["exceeds"], Qualifier::Above),
    (&["over"], Qualifier::Above),
    (&["above"], Qualifier::Above),
    (&["fewer", "than"], Qualifier::Below),
    (&["less", "than"], Qualifier::Below),
    (&["lower", "than"], Qualifier::Below),
    (&["under"], Qualifier::Below),
    (&["below"], Qualifier::Below),
    (&["close", "to"], Qualifier::About),
    (&["in", "the", "region", "of"], Qualifier::About),
    (&["on", "the", "order", "of"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["nearly"], Qualifier::About),
    (&["almost"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["circa"], Qualifier::About),
];

/// Qualifier phrases after a number (and what it counts).
const AFTER: &[(&[&str], Qualifier)] = &[
    (&["at", "least"], Qualifier::AtLeast),
    (&["or", "more"], Qualifier::AtLeast),
    (&["or", "over"], Qualifier::AtLeast),
    (&["plus"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["or", "fewer"], Qualifier::AtMost),
    (&["or", "less"], Qualifier::AtMost),
    (&["or", "so"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
];

fn word_is(tokens: &Tokens, i: usize, list: &[&str]) -> bool {
    word_at(tokens, i).is_some_and(|w| list.contains(&w))
}

/// The previous token that is not a quote or other mark (nor a currency sign).
fn prev_word(tokens: &Tokens, i: usize) -> Option<usize> {
    let mut j = i;
    while j > 0 {
        j -= 1;
        match tokens.toks[j].kind {
            Kind::Mark(c) if c != '-' && c != '/' => continue,
            _ => return Some(j),
        }
    }
    None
}

/// The next token that is not a quote or other mark.
fn next_word(tokens: &Tokens, i: usize) -> Option<usize> {
    let mut j = i;
    while j < tokens.len() {
        match tokens.toks[j].kind {
            Kind::Mark(c) if !matches!(c, '-' | '/' | '%' | '–') => j += 1,
            _ => return Some(j),
        }
    }
    None
}

fn is_mark(tokens: &Tokens, i: usize, marks: &[char]) -> bool {
    matches!(tokens.toks.get(i).map(|t| t.kind), Some(Kind::Mark(c)) if marks.contains(&c))
}

/// `phrase` on the words ending right before token `end`: its first token.
fn match_before(tokens: &Tokens, end: usize, phrase: &[&str]) -> Option<usize> {
    let mut j = end;
    for w in phrase.iter().rev() {
        j = prev_word(tokens, j)?;
        if word_at(tokens, j) != Some(w) {
            return None;
        }
    }
    Some(j)
}

/// `phrase` on the words from token `start`: the token after it.
fn match_after(tokens: &Tokens, start: usize, phrase: &[&str]) -> Option<usize> {
    let mut j = start;
    for w in phrase {
        j = next_word(tokens, j)?;
        if word_at(tokens, j) != Some(w) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

fn is_month(tokens: &Tokens, i: usize) -> bool {
    word_is(tokens, i, MONTHS)
}

/// The end of a percent sign or word right after token `end` («30%», «30 per cent»).
fn percent_after(tokens: &Tokens, end: usize) -> Option<usize> {
    if is_mark(tokens, end, &['%']) {
        return Some(end + 1);
    }
    for phrase in [
        &["percent"][..],
        &["per", "cent"],
        &["pct"],
        &["percentage", "points"],
        &["percentage", "point"],
    ] {
        if let Some(j) = match_after(tokens, end, phrase) {
            return Some(j);
        }
    }
    None
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

/// Classifies every number of an English paragraph and attaches qualifiers and ranges.
pub fn quantities(tokens: &Tokens, numbers: &[Number], lexicon: &Lexicon, out: &mut Vec<Quantity>) {
    out.clear();
    let mut kinds: Vec<QKind> = Vec::with_capacity(numbers.len());
    for k in 0..numbers.len() {
        let kind = classify(tokens, numbers, k, &kinds);
        kinds.push(kind);
    }
    let mut k = 0;
    while k < numbers.len() {
        let n = &numbers[k];
        let kind = kinds[k];
        let first = currency_start(tokens, lexicon, n.first).unwrap_or(n.first);
        let mut q = Quantity {
            first,
            end: n.end,
            num_first: n.first,
            num_end: n.end,
            kind,
            qualifier: Qualifier::Exact,
            value: n.value,
            low: Some(n.value),
            high: Some(n.value),
            low_inclusive: true,
            high_inclusive: true,
            connector: false,
            implicit: None,
        };
        if !q.is_claim() {
            out.push(q);
            k += 1;
            continue;
        }
        if let Some((lo, hi)) = n.vague {
            q.qualifier = Qualifier::Vague;
            q.low = Some(lo);
            q.high = Some(hi);
            q.high_inclusive = false;
        }
        if n.vague.is_none()
            && let Some(m) = numbers.get(k + 1).filter(|m| {
                m.vague.is_none()
                    && (kinds[k + 1] == kind
                        || kind == QKind::Count && kinds[k + 1] == QKind::Percent)
            })
            && let Some(start) = range_between(tokens, lexicon, n, m)
        {
            let m_kind = kinds[k + 1];
            let lo_v = scaled_like(tokens, n, m);
            let (lo, hi) = (lo_v.min(m.value), lo_v.max(m.value));
            q.first = start.min(first);
            q.end = m.end;
            q.kind = m_kind;
            q.qualifier = Qualifier::Range;
            q.value = tidy((lo + hi) / 2.0);
            q.low = Some(lo);
            q.high = Some(hi);
            if m_kind == QKind::Percent
                && let Some(j) = percent_after(tokens, q.end)
            {
                q.end = j;
            }
            out.push(q);
            k += 2;
            continue;
        }
        if n.vague.is_none() {
            qualify_before(tokens, &mut q);
            if q.qualifier == Qualifier::Exact {
                qualify_after(tokens, &mut q);
            }
            if q.qualifier == Qualifier::Exact && n.rounding > 0.0 {
                q.qualifier = Qualifier::Rounded;
                q.low = Some(q.value - n.rounding);
                q.high = Some(q.value + n.rounding);
            }
        }
        if kind == QKind::Percent
            && let Some(j) = percent_after(tokens, q.end)
        {
            q.end = j;
        }
        out.push(q);
        k += 1;
    }
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

fn qualify_before(tokens: &Tokens, q: &mut Quantity) {
    for (phrase, qual) in BEFORE {
        if let Some(first) = match_before(tokens, q.first, phrase) {
            set_qualifier(q, *qual);
            q.first = first;
            return;
        }
    }
}

fn qualify_after(tokens: &Tokens, q: &mut Quantity) {
    let mut j = q.num_end;
    let limit = (q.num_end + 8).min(tokens.len());
    while j < limit {
        if matches!(tokens.toks[j].kind, Kind::Stop(_) | Kind::Digits(_)) {
            return;
        }
        for (phrase, qual) in AFTER {
            if match_after(tokens, j, phrase).is_some() {
                // «30-plus»: only glued by a hyphen or right after the number.
                if phrase == &["plus"] && j > q.num_end + 1 {
                    continue;
                }
                set_qualifier(q, *qual);
                return;
            }
        }
        j += 1;
    }
}

/// If numbers `n` and `m` form a range, the token where it starts.
fn range_between(tokens: &Tokens, lexicon: &Lexicon, n: &Number, m: &Number) -> Option<usize> {
    // The token right after the joiner is the second number, or its currency sign.
    let second_at =
        |j: usize| m.first == j || m.first == j + 1 && is_mark(tokens, j, &['$', '€', '£']);
    let joiner = n.end;
    if word_is(tokens, joiner, &["and"]) && second_at(joiner + 1) {
        return match_before(tokens, n.first, &["between"]);
    }
    if word_is(tokens, joiner, &["to", "or"]) && second_at(joiner + 1) {
        if let Some(from) = match_before(tokens, n.first, &["from"]) {
            // «fell from $15 billion to $13.6 billion» is a change, not a range.
            if changed_before(tokens, lexicon, from) {
                return None;
            }
            return Some(from);
        }
        if let Some(b) = match_before(tokens, n.first, &["between"]) {
            return Some(b);
        }
        // «two or three», «10 to 15 people»; but not «rose to 30 … to 40».
        return (m.value > n.value || word_is(tokens, joiner, &["or"])).then_some(n.first);
    }
    if is_mark(tokens, joiner, &['-', '–']) && second_at(joiner + 1) && n.value < m.value {
        return Some(match_before(tokens, n.first, &["between"]).unwrap_or(n.first));
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
    if let Some(nc) = n.not_count {
        return match nc {
            NotCount::Time => QKind::Time,
            NotCount::Identifier => QKind::Identifier,
            NotCount::Ordinal => QKind::Ordinal,
            NotCount::Phone => QKind::Phone,
        };
    }
    let first = &tokens.toks[n.first];
    // Glued to a word before by a hyphen or slash: «F-16», «COVID-19», «10/1/2022».
    if let Some(p) = n.first.checked_sub(1) {
        let t = &tokens.toks[p];
        if matches!(t.kind, Kind::Mark('-' | '/')) && !first.space_before && !t.space_before {
            if let Some(Kind::Word) = p.checked_sub(1).map(|x| tokens.toks[x].kind) {
                return QKind::Identifier;
            }
            if matches!(t.kind, Kind::Mark('/')) {
                return QKind::Date;
            }
        }
    }
    let glued_after = |c: char| {
        is_mark(tokens, n.end, &[c]) && !tokens.toks.get(n.end).is_some_and(|t| t.space_before)
    };
    if glued_after('/') {
        return QKind::Date;
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
    let prev = prev_word(tokens, n.first);
    // A list continues the kind before it: «in 2004 and 2014», «Articles 2 and 4».
    if k > 0 {
        let m = &numbers[k - 1];
        let joined = m.end + 1 == n.first
            && (word_is(tokens, m.end, &["and", "or", "to"])
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
        if word_is(tokens, p, REF_CUES) {
            return QKind::Ref;
        }
        // «No. 5».
        if matches!(tokens.toks[p].kind, Kind::Stop('.'))
            && p > 0
            && word_is(tokens, p - 1, &["no", "nos"])
        {
            return QKind::Ref;
        }
        if word_is(tokens, p, &["aged", "age", "ages"]) {
            return QKind::Age;
        }
    }
    if is_mark(tokens, n.first.wrapping_sub(1), &['#']) {
        return QKind::Ref;
    }
    let next = next_word(tokens, n.end);
    if next.is_some_and(|x| word_is(tokens, x, &["years", "year"]))
        && next.is_some_and(|x| word_is(tokens, x + 1, &["old"]))
    {
        return QKind::Age;
    }
    // Clock times: «9 pm», «9 a.m.», «10 o'clock», «1400 GMT».
    if let Some(x) = next {
        if word_is(tokens, x, &["am", "pm", "gmt", "utc", "hrs", "hours"])
            && n.plain_digits.is_some()
        {
            // «1400 hours» only for four digits («48 hours» is a duration).
            if !word_is(tokens, x, &["hours"]) || n.plain_digits == Some(4) {
                return QKind::Time;
            }
        }
        if word_is(tokens, x, &["a", "p"])
            && matches!(
                tokens.toks.get(x + 1).map(|t| t.kind),
                Some(Kind::Stop('.'))
            )
            && word_is(tokens, x + 2, &["m"])
        {
            return QKind::Time;
        }
        if word_is(tokens, x, &["o"]) && word_is(tokens, x + 2, &["clock"]) {
            return QKind::Time;
        }
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
                && (word_is(tokens, e, &["and", "to", "or"]) || is_mark(tokens, e, &['-', '–']));
            if !joined {
                break;
            }
            last += 1;
        }
        let after = numbers[last].end;
        let month_after = next_word(tokens, after).is_some_and(|a| {
            is_month(tokens, a) || word_is(tokens, a, &["of"]) && is_month(tokens, a + 1)
        });
        if month_before || month_after {
            return QKind::Date;
        }
    }
    if percent_after(tokens, n.end).is_some() {
        return QKind::Percent;
    }
    if let Some(d) = n.plain_digits {
        let marked = next.is_some_and(|x| word_is(tokens, x, &["ad", "bc", "ce", "bce"]));
        let month = prev.is_some_and(|p| is_month(tokens, p));
        if (3..=4).contains(&d) && (marked || month) {
            return QKind::Year;
        }
        if d == 4 && (1800.0..=2100.0).contains(&n.value) {
            let qualified = BEFORE
                .iter()
                .any(|(p, _)| match_before(tokens, n.first, p).is_some());
            let cued = prev.is_some_and(|p| word_is(tokens, p, YEAR_CUES));
            // A count is followed by what it counts («2000 troops»); a year by a
            // preposition, punctuation, or nothing.
            let followed_by_noun = next.is_some_and(|x| {
                tokens.toks[x].kind == Kind::Word && !super::is_function_word(tokens.norm(x))
            });
            if !qualified && (cued || !followed_by_noun) {
                return QKind::Year;
            }
        }
    }
    QKind::Count
}
