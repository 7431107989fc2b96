//! Quantities: numbers with what kind they are (count, percentage, or a year, date,
//! time, article number... that is not a count) and their qualifier as an interval.
//!
//! Tolerances (see docs/claims.md for the reasoning and sources):
//! - «about N» (نحو، حوالي، قرابة...) is N ± 10 %.
//! - vague counts are half-open: العشرات [20, 100), المئات [200, 1000), الآلاف
//!   [2000, 10000), عشرات الآلاف [20000, 100000), بضعة [3, 10).

use super::numbers::{NotCount, Number};
use super::tokens::{Kind, Tokens, stems};

/// Relative tolerance of «about».
pub const ABOUT_TOLERANCE: f64 = 0.10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    Above,
    Below,
    About,
    AtLeast,
    AtMost,
    Vague,
    Range,
    /// A decimal before a scale word, read to its last digit: «13.6 مليار» is
    /// [13.55, 13.65] billion.
    Rounded,
    /// A count written without a number («وأصيب مواطن» is 1).
    Implicit,
    /// A negated count («لم تسفر عن أي إصابات» is 0).
    None,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Above => "above",
            Qualifier::Below => "below",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Vague => "vague",
            Qualifier::Range => "range",
            Qualifier::Rounded => "rounded",
            Qualifier::Implicit => "implicit",
            Qualifier::None => "none",
        }
    }
}

/// What a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QKind {
    Count,
    Percent,
    Year,
    Date,
    Time,
    /// Article, law, resolution or other reference numbers (المادة 2).
    Ref,
    Ordinal,
    Phone,
    Identifier,
    /// Someone's age («aged 23», «a 23-year-old»).
    Age,
}

/// A number in context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// Tokens of the whole expression (qualifier, number(s), percent sign).
    pub first: usize,
    pub end: usize,
    /// Tokens of the number itself (of the first number for a range).
    pub num_first: usize,
    pub num_end: usize,
    pub kind: QKind,
    pub qualifier: Qualifier,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    /// The first number word carries the conjunction و/ف («وستة وستين»).
    pub connector: bool,
    /// A count without digits: its topic is the one its words name.
    pub implicit: Option<super::implicit::Implicit>,
}

impl Quantity {
    pub fn is_claim(&self) -> bool {
        matches!(self.kind, QKind::Count | QKind::Percent)
    }

    /// Multiplies the value and bounds by a unit factor (kilometres → metres).
    pub fn scale(&mut self, f: f64) {
        self.value = tidy(self.value * f);
        self.low = self.low.map(|x| tidy(x * f));
        self.high = self.high.map(|x| tidy(x * f));
    }
}

const MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "جانفي",
    "فيفري",
    "افريل",
    "ماي",
    "جوان",
    "جويليه",
    "اوت",
    "محرم",
    "صفر",
    "ربيع",
    "جمادي",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو",
];
const YEAR_CUES: &[&str] = &["عام", "عامي", "اعوام", "سنه", "سنتي", "سنوات", "موسم"];
const YEAR_MARKS: &[&str] = &["ه", "هـ", "م", "ميلادي", "ميلاديه", "هجري", "هجريه"];
const REF_CUES: &[&str] = &[
    "ماده",
    "مادتين",
    "مادتان",
    "مواد",
    "بند",
    "بندين",
    "بنود",
    "فقره",
    "فقرتين",
    "قانون",
    "قرار",
    "رقم",
    "فصل",
    "صفحه",
    "مرسوم",
    "لايحه",
    "اصحاح",
    "ايه",
    "ايات",
    "طريق",
    "رحله",
];
/// Words after which a bare four-digit number reads as a year, not a count.
const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "الي",
    "حتي",
    "علي",
    "عن",
    "قبل",
    "بعد",
    "منذ",
    "حين",
    "حيث",
    "عندما",
    "او",
    "ثم",
    "لكن",
    "ان",
    "اذ",
    "بين",
    "مع",
    "خلال",
    "ضد",
    "الا",
    "لم",
    "لن",
    "قد",
    "كما",
    "وقد",
    "التي",
    "الذي",
    "وهو",
    "وهي",
    "عندما",
    "لما",
    "اثر",
    "عقب",
    "حتي",
    "مقابل",
];

fn word_in(tokens: &Tokens, i: usize, list: &[&str]) -> bool {
    matches!(tokens.toks.get(i).map(|t| t.kind), Some(Kind::Word))
        && stems(tokens.norm(i)).any(|(s, _)| list.contains(&s))
}

/// The previous token that is not a quote or other mark.
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

fn next_word(tokens: &Tokens, i: usize) -> Option<usize> {
    let mut j = i;
    while j < tokens.len() {
        match tokens.toks[j].kind {
            Kind::Mark(c) if c != '-' && c != '/' && c != '%' && c != '٪' => j += 1,
            _ => return Some(j),
        }
    }
    None
}

fn is_mark(tokens: &Tokens, i: usize, marks: &[char]) -> bool {
    matches!(tokens.toks.get(i).map(|t| t.kind), Some(Kind::Mark(c)) if marks.contains(&c))
}

/// Qualifier phrases before a number, longest first within each meaning.
const BEFORE: &[(&[&str], Qualifier)] = &[
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
const AFTER: &[(&[&str], Qualifier)] = &[
    (&["علي", "الاقل"], Qualifier::AtLeast),
    (&["علي", "اقل", "تقدير"], Qualifier::AtLeast),
    (&["او", "اكثر"], Qualifier::AtLeast),
    (&["فاكثر"], Qualifier::AtLeast),
    (&["علي", "الاكثر"], Qualifier::AtMost),
    (&["او", "اقل"], Qualifier::AtMost),
    (&["تقريبا"], Qualifier::About),
];

/// Matches `phrase` on words ending at token `end - 1` (backwards); returns its first token.
fn match_before(tokens: &Tokens, end: usize, phrase: &[&str]) -> Option<usize> {
    let mut j = end;
    for w in phrase.iter().rev() {
        j = prev_word(tokens, j)?;
        if !word_in(tokens, j, &[w]) {
            return None;
        }
    }
    Some(j)
}

/// Matches `phrase` on words starting at token `start`; returns the token after it.
fn match_after(tokens: &Tokens, start: usize, phrase: &[&str]) -> Option<usize> {
    let mut j = start;
    for w in phrase {
        j = next_word(tokens, j)?;
        if !word_in(tokens, j, &[w]) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

fn is_month(tokens: &Tokens, i: usize) -> bool {
    word_in(tokens, i, MONTHS)
}

/// Percent sign or words right after the number: 30%، 30 في المئة، 30 بالمئة.
fn percent_after(tokens: &Tokens, end: usize) -> Option<usize> {
    if is_mark(tokens, end, &['%', '٪']) {
        return Some(end + 1);
    }
    for phrase in [
        &["في", "الميه"][..],
        &["في", "المايه"],
        &["بالميه"],
        &["بالمايه"],
        &["الميه"],
    ] {
        if let Some(j) = match_after(tokens, end, phrase) {
            return Some(j);
        }
    }
    None
}

/// Classifies every number and attaches qualifiers and ranges.
pub fn quantities(tokens: &Tokens, numbers: &[Number], out: &mut Vec<Quantity>) {
    out.clear();
    let mut kinds: Vec<QKind> = Vec::with_capacity(numbers.len());
    for (k, n) in numbers.iter().enumerate() {
        let kind = classify(tokens, numbers, k, &kinds);
        kinds.push(kind);
        let _ = n;
    }
    let mut k = 0;
    while k < numbers.len() {
        let n = &numbers[k];
        let kind = kinds[k];
        let mut q = Quantity {
            first: n.first,
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
            connector: n.connector,
            implicit: n.implicit,
        };
        if let Some(im) = n.implicit {
            q.kind = QKind::Count;
            q.qualifier = if im.negated {
                Qualifier::None
            } else if im.exact {
                Qualifier::Exact
            } else {
                Qualifier::Implicit
            };
            out.push(q);
            k += 1;
            continue;
        }
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
        // Ranges: بين A و B، من A إلى B، A أو B، A-B.
        if let Some(m) = numbers.get(k + 1).filter(|_| kinds[k + 1] == kind)
            && let Some(first) = range_between(tokens, n, m)
        {
            let (lo, hi) = (n.value.min(m.value), n.value.max(m.value));
            q.first = first;
            q.end = m.end;
            q.qualifier = Qualifier::Range;
            q.value = (lo + hi) / 2.0;
            q.low = Some(lo);
            q.high = Some(hi);
            q.high_inclusive = true;
            if let Some(j) = percent_after(tokens, q.end).filter(|_| kind == QKind::Percent) {
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

fn qualify_before(tokens: &Tokens, q: &mut Quantity) {
    for (phrase, qual) in BEFORE {
        if let Some(first) = match_before(tokens, q.num_first, phrase) {
            set_qualifier(q, *qual);
            q.first = first;
            return;
        }
    }
}

fn qualify_after(tokens: &Tokens, q: &mut Quantity) {
    // Within the clause, a few words on: «6 موجات من الهجمات على الأقل».
    let mut j = q.num_end;
    let limit = (q.num_end + 10).min(tokens.len());
    while j < limit {
        if matches!(tokens.toks[j].kind, Kind::Stop(_) | Kind::Digits(_)) {
            return;
        }
        for (phrase, qual) in AFTER {
            if match_after(tokens, j, phrase).is_some() {
                set_qualifier(q, *qual);
                return;
            }
        }
        j += 1;
    }
}

pub(super) fn set_qualifier(q: &mut Quantity, qual: Qualifier) {
    let v = q.value;
    q.qualifier = qual;
    match qual {
        Qualifier::Above => {
            q.low = Some(v);
            q.low_inclusive = false;
            q.high = None;
        }
        Qualifier::Below => {
            q.low = None;
            q.high = Some(v);
            q.high_inclusive = false;
        }
        Qualifier::About => {
            q.low = Some(tidy(v - v * ABOUT_TOLERANCE));
            q.high = Some(tidy(v + v * ABOUT_TOLERANCE));
        }
        Qualifier::AtLeast => q.high = None,
        Qualifier::AtMost => q.low = None,
        _ => {}
    }
}

/// Rounds away binary noise (220.00000000000003 → 220).
pub(super) fn tidy(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() <= 1e-9 * x.abs().max(1.0) {
        r
    } else {
        x
    }
}

/// If numbers `n` and `m` form a range, the token where it starts.
fn range_between(tokens: &Tokens, n: &Number, m: &Number) -> Option<usize> {
    // بين A و B: B carries the و.
    if m.first == n.end && m.connector {
        let b = match_before(tokens, n.first, &["ما", "بين"])
            .or_else(|| match_before(tokens, n.first, &["بين"]))?;
        return Some(b);
    }
    // A إلى B, A حتى B, A أو B (after من / بين or not).
    if m.first == n.end + 1 && word_in(tokens, n.end, &["الي", "حتي", "او"]) {
        let or = word_in(tokens, n.end, &["او"]);
        let start = match_before(tokens, n.first, &["ما", "بين"])
            .or_else(|| match_before(tokens, n.first, &["بين"]))
            .or_else(|| match_before(tokens, n.first, &["من"]));
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
    if let Some(nc) = n.not_count {
        return match nc {
            NotCount::Time => QKind::Time,
            NotCount::Identifier => QKind::Identifier,
            NotCount::Ordinal => QKind::Ordinal,
            NotCount::Phone => QKind::Phone,
        };
    }
    let prev = prev_word(tokens, n.first);
    // Glued to a word by a hyphen or slash: COVID-19, 10/1/2022, 3/4.
    if let Some(p) = n.first.checked_sub(1) {
        let t = &tokens.toks[p];
        if matches!(t.kind, Kind::Mark('-' | '/'))
            && !tokens.toks[n.first].space_before
            && !t.space_before
        {
            if let Some(Kind::Word) = p.checked_sub(1).map(|x| tokens.toks[x].kind) {
                return QKind::Identifier;
            }
            if matches!(t.kind, Kind::Mark('/')) {
                return QKind::Date;
            }
        }
    }
    if is_mark(tokens, n.end, &['/']) && !tokens.toks.get(n.end).is_some_and(|t| t.space_before) {
        return QKind::Date;
    }
    // A list item continues the kind of the item before it: «عامي 2004 و2014»,
    // «المادتين 2 و4».
    if k > 0 && n.connector && numbers[k - 1].end == n.first {
        match done[k - 1] {
            QKind::Year | QKind::Ref | QKind::Date => return done[k - 1],
            _ => {}
        }
    }
    if prev.is_some_and(|p| word_in(tokens, p, REF_CUES)) {
        return QKind::Ref;
    }
    if prev.is_some_and(|p| word_in(tokens, p, &["الساعه"])) {
        return QKind::Time;
    }
    // Dates: a day number before a month, also through a list («بين 10 و13 يناير»).
    let mut last = k;
    while numbers
        .get(last + 1)
        .is_some_and(|m| m.first == numbers[last].end && m.connector)
    {
        last += 1;
    }
    let after = numbers[last].end;
    if n.value <= 31.0 && n.value >= 1.0 && n.plain_digits.is_some() {
        let after_word = next_word(tokens, after);
        if after_word.is_some_and(|a| is_month(tokens, a)) {
            return QKind::Date;
        }
    }
    if percent_after(tokens, n.end).is_some() {
        return QKind::Percent;
    }
    if let Some(d) = n.plain_digits {
        let next = next_word(tokens, n.end);
        let marked = next.is_some_and(|x| word_in(tokens, x, YEAR_MARKS));
        let cued = prev.is_some_and(|p| word_in(tokens, p, YEAR_CUES) || is_month(tokens, p));
        if (3..=4).contains(&d) && (marked || cued) {
            return QKind::Year;
        }
        if d == 4 && (1800.0..=2100.0).contains(&n.value) {
            // «حتى 2019» reads as a year; other qualifiers mean a count.
            let qualified = BEFORE
                .iter()
                .filter(|(p, _)| p != &["حتي"])
                .any(|(p, _)| match_before(tokens, n.first, p).is_some());
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

#[cfg(test)]
mod tests;
