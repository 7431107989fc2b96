//! Quantities: numbers with what kind they are (count, percentage, or a year, date,
//! time, article number... that is not a count) and their qualifier as an interval.
//!
//! The rules shared by every language live here (`Grammar`, `Rules`, `build`); each
//! language gives its words and its own classification (`arabic`, `en::quantities`).
//!
//! Tolerances (see docs/claims.md for the reasoning and sources):
//! - «about N» (نحو، حوالي، قرابة...) is N ± 10 %.
//! - vague counts are half-open: العشرات [20, 100), المئات [200, 1000), الآلاف
//!   [2000, 10000), عشرات الآلاف [20000, 100000), بضعة [3, 10).

mod arabic;
mod grammar;

use super::numbers::{NotCount, Number};
use super::tokens::{Kind, Tokens};

pub use arabic::{is_month, percent_after, quantities};
pub use grammar::{Edges, Grammar, Phrase, is_mark, prev_word};

/// Relative tolerance of «about».
pub const ABOUT_TOLERANCE: f64 = 0.10;

/// How a figure is qualified («أكثر من»، «نحو»...): its interval follows from it. The
/// serde names are the JSON contract (`at_least`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// Two numbers read as one range.
pub struct Range {
    /// The token where the range starts («بين», «from», the first number).
    pub first: usize,
    pub low: f64,
    pub high: f64,
    pub value: f64,
    pub kind: QKind,
}

/// What a language adds to the shared loop of `build`.
pub trait Rules {
    fn grammar(&self) -> &Grammar;
    /// What number `k` is, given the kinds of the numbers before it.
    fn classify(&self, tokens: &Tokens, numbers: &[Number], k: usize, done: &[QKind]) -> QKind;
    /// Where the expression starts before the number (a currency sign).
    fn start(&self, _tokens: &Tokens, n: &Number) -> usize {
        n.first
    }
    /// Numbers `k` and `k + 1` as one range.
    fn range(
        &self,
        tokens: &Tokens,
        numbers: &[Number],
        kinds: &[QKind],
        k: usize,
    ) -> Option<Range>;
    /// The token before which qualifier phrases are looked for.
    fn qualifier_at(&self, q: &Quantity) -> usize;
}

/// The kind a digit run has by its form alone, or glued to a word or a slash:
/// «COVID-19» is an identifier, «10/1/2022» a date.
pub fn form_kind(tokens: &Tokens, n: &Number) -> Option<QKind> {
    if let Some(nc) = n.not_count {
        return Some(match nc {
            NotCount::Time => QKind::Time,
            NotCount::Identifier => QKind::Identifier,
            NotCount::Ordinal => QKind::Ordinal,
            NotCount::Phone => QKind::Phone,
        });
    }
    if let Some(p) = n.first.checked_sub(1) {
        let t = &tokens.toks[p];
        if matches!(t.kind, Kind::Mark('-' | '/'))
            && !tokens.toks[n.first].space_before
            && !t.space_before
        {
            if let Some(Kind::Word) = p.checked_sub(1).map(|x| tokens.toks[x].kind) {
                return Some(QKind::Identifier);
            }
            if matches!(t.kind, Kind::Mark('/')) {
                return Some(QKind::Date);
            }
        }
    }
    if is_mark(tokens, n.end, &['/']) && !tokens.toks.get(n.end).is_some_and(|t| t.space_before) {
        return Some(QKind::Date);
    }
    None
}

/// Classifies every number and attaches qualifiers and ranges, by a language's rules.
pub fn build(rules: &impl Rules, tokens: &Tokens, numbers: &[Number], out: &mut Vec<Quantity>) {
    let g = rules.grammar();
    out.clear();
    let mut kinds: Vec<QKind> = Vec::with_capacity(numbers.len());
    for k in 0..numbers.len() {
        let kind = rules.classify(tokens, numbers, k, &kinds);
        kinds.push(kind);
    }
    let mut k = 0;
    while k < numbers.len() {
        let n = &numbers[k];
        let kind = kinds[k];
        let mut q = Quantity {
            first: rules.start(tokens, n),
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
            } else if im.at_least {
                q.high = None;
                Qualifier::AtLeast
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
        if let Some(r) = rules.range(tokens, numbers, &kinds, k) {
            q.first = r.first;
            q.end = numbers[k + 1].end;
            q.kind = r.kind;
            q.qualifier = Qualifier::Range;
            q.value = r.value;
            q.low = Some(r.low);
            q.high = Some(r.high);
            q.high_inclusive = true;
            if r.kind == QKind::Percent
                && let Some(j) = g.percent_after(tokens, q.end)
            {
                q.end = j;
            }
            out.push(q);
            k += 2;
            continue;
        }
        if n.vague.is_none() {
            let at = rules.qualifier_at(&q);
            g.qualify_before(tokens, &mut q, at);
            if q.qualifier == Qualifier::Exact {
                g.qualify_after(tokens, &mut q, numbers.get(k + 1).map(|m| m.first));
            }
            if q.qualifier == Qualifier::Exact && n.rounding > 0.0 {
                q.qualifier = Qualifier::Rounded;
                q.low = Some(q.value - n.rounding);
                q.high = Some(q.value + n.rounding);
            }
        }
        if kind == QKind::Percent
            && let Some(j) = g.percent_after(tokens, q.end)
        {
            q.end = j;
        }
        out.push(q);
        k += 1;
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

#[cfg(test)]
mod tests;
