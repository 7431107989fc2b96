//! Number expressions: digit runs, number words and their compounds, over tokens.
//!
//! «ثلاثة آلاف وخمسمئة» → 3500, «7 آلاف» → 7000, «2.7 مليون» → 2 700 000,
//! «ملياري» → 2 000 000 000, «العشرات» → the vague interval [20, 100).

mod compound;
mod words;

use super::lexicon::Lexicon;
use super::tokens::{Kind, Tokens};
pub use compound::Last;
use compound::{Acc, continue_with, start};
use words::scale_follows;
pub use words::{is_number_word_raw, letter_index, number_word, number_word_keys};

/// What one number word means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    /// 1–10 (واحد ... عشرة). `teen_only`: أحد/إحدى, a number only before عشر.
    Unit { v: u8, teen_only: bool },
    /// عشر/عشرة after a unit: a teen (خمسة عشر).
    Ten,
    /// 20–90.
    Tens(u8),
    /// 100–900; `bare`: مئة alone, which multiplies a preceding unit (ثلاث مئة).
    Hundreds { v: u16, bare: bool },
    /// ألف, مليون, مليار...: `count` is 1 (singular), 2 (dual) or 0 (plural: needs a
    /// preceding count, else vague).
    Scale { scale: f64, count: u8 },
    /// نصف after a scale: «مليون ونصف» is one and a half million.
    Half,
    /// A vague count of a scale: عشرات (×10), مئات (×100); بضع (3..10 of what follows).
    Vague { scale: f64, lo: f64 },
}

/// A number expression found in the tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// Token range `first..last+1`.
    pub first: usize,
    pub end: usize,
    pub value: f64,
    /// Vague counts: `[low, high)`.
    pub vague: Option<(f64, f64)>,
    /// Written with words (at least partly).
    pub words: bool,
    /// Only a plain digit run (candidate year, article number...).
    pub plain_digits: Option<u32>,
    /// Starts with the connector و/ف (a list item or range end).
    pub connector: bool,
    /// The single digit run is not a count (time, identifier, ordinal, phone).
    pub not_count: Option<NotCount>,
    /// Half a unit of the last written digit when a decimal is scaled by a word
    /// («13.6 مليار» → 0.05 billion): how far the figure is rounded. 0: exact.
    pub rounding: f64,
    /// A count without digits or number words («قتيل»، «حارسان»، «أي إصابات»).
    pub implicit: Option<super::implicit::Implicit>,
}

impl Number {
    /// A one-token number at token `i`, of value 0 until parsed.
    pub fn at(i: usize) -> Number {
        Number {
            first: i,
            end: i + 1,
            value: 0.0,
            vague: None,
            words: false,
            plain_digits: None,
            connector: false,
            not_count: None,
            rounding: 0.0,
            implicit: None,
        }
    }
}

/// Why a digit run is not a count by its form alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotCount {
    Time,
    Identifier,
    Ordinal,
    Phone,
}

/// «10.000 جنيه»، «16.000 شخص»: Arabic papers group thousands with a dot. A digit run
/// of one to three digits, one dot and exactly three digits (`DigitRun::dot_group`) that
/// counts something is read as thousands: what follows it (past a closing quote, or
/// after the range it opens: «7.000 إلى 8.000 جنيه») is a lexicon unit that is not
/// written to decimals (people, currencies, things) or an indefinite noun the lexicon
/// does not know («92.243 مشاهدة»). A scale word («1.500 مليار» is 1.5 billion), a
/// percentage («15.184%»), a measure (`decimals` units: «1.600 طن»، «الكيلو 26.500»), a
/// rate or a price per unit («6.715 جنيه للشراء»، «8.306 دولار للطن»),
/// and a figure with no noun («ارتفع إلى 94.465 ين»، «عند 79.864») keep the decimal
/// point; so do one or two decimals («2.5»). (docs/claims.md, "How it reads numbers".)
pub fn dot_thousands(tokens: &Tokens, lexicon: &Lexicon, numbers: &mut [Number]) {
    let word = |i: usize| tokens.toks.get(i).is_some_and(|t| t.kind == Kind::Word);
    let unit = |i: usize| {
        lexicon
            .unit_at(tokens, i)
            .and_then(|(u, _)| lexicon.unit_def(u))
    };
    // What the figure ending before token `end` counts: Some(true) a count, Some(false)
    // a measure, None nothing said.
    let counts = |end: usize| {
        let quote = matches!(
            tokens.toks.get(end).map(|t| t.kind),
            Some(Kind::Mark('"' | '»' | '”'))
        );
        let i = end + usize::from(quote);
        if let Some((u, len)) = lexicon.unit_at(tokens, i)
            && let Some(u) = lexicon.unit_def(u)
        {
            // «6.715 جنيه للشراء»، «8.306 دولار للطن»: a rate or a price per unit.
            let per = u.rate.is_some() && word(i + len) && tokens.norm(i + len).starts_with("لل");
            return Some(!u.decimals && !per);
        }
        let w = tokens.norm(i);
        let noun = word(i)
            && w.chars().count() >= 4
            && crate::claims::tokens::starts_arabic(w)
            && !w.starts_with("ال")
            && !lexicon.knows(w);
        noun.then_some(true)
    };
    for k in 0..numbers.len() {
        let n = numbers[k];
        let Some(Kind::Digits(d)) = tokens.toks.get(n.first).map(|t| t.kind) else {
            continue;
        };
        if !d.dot_group || n.end != n.first + 1 || n.not_count.is_some() || n.words {
            continue;
        }
        if crate::claims::quantities::percent_after(tokens, n.end) {
            continue;
        }
        // «كوبري الكيلو 26.500»: a measure named before the figure.
        if n.first > 0 && unit(n.first - 1).is_some_and(|u| u.decimals) {
            continue;
        }
        // The unit after a range («7.000 إلى 8.000 جنيه») is both ends'.
        let range_end = numbers
            .get(k + 1)
            .filter(|m| {
                (m.first == n.end + 1
                    && (word(n.end) && matches!(tokens.norm(n.end), "الي" | "حتي" | "او")
                        || matches!(tokens.toks[n.end].kind, Kind::Mark('-' | '–'))))
                    || (m.first == n.end && m.connector)
            })
            .map(|m| m.end);
        let count = counts(n.end).or_else(|| range_end.and_then(counts));
        if count == Some(true) {
            numbers[k].value = (d.value * 1000.0).round();
        }
    }
}

/// Finds every number expression in a tokenised paragraph, left to right.
pub fn find_numbers(tokens: &Tokens, out: &mut Vec<Number>) {
    scan(tokens, out, |i| parse_at(tokens, i));
}

/// Every number `parse` finds from each token on, left to right, without overlaps.
pub fn scan(
    tokens: &Tokens,
    out: &mut Vec<Number>,
    mut parse: impl FnMut(usize) -> Option<Number>,
) {
    out.clear();
    let mut i = 0;
    while i < tokens.len() {
        match parse(i) {
            Some(n) => {
                i = n.end.max(i + 1);
                out.push(n);
            }
            None => i += 1,
        }
    }
}

fn parse_at(tokens: &Tokens, i: usize) -> Option<Number> {
    let tok = &tokens.toks[i];
    let mut acc = Acc {
        total: 0.0,
        cur: 0.0,
        last_scale: f64::INFINITY,
        last: Last::Unit,
        vague: None,
        words: false,
        groupable: false,
    };
    let mut number = Number::at(i);
    let mut frac_digits = 0;
    let mut digit_value = 0.0;
    match tok.kind {
        Kind::Digits(d) => {
            number.connector = d.connector;
            number.not_count = if d.glued_latin || d.digits > 15 || !d.value.is_finite() {
                Some(NotCount::Identifier)
            } else if d.colon {
                Some(NotCount::Time)
            } else if d.definite && !scale_follows(tokens, i) {
                Some(NotCount::Ordinal)
            } else if d.leading_zero && d.plain && d.digits >= 7 {
                Some(NotCount::Phone)
            } else {
                None
            };
            if d.plain {
                number.plain_digits = Some(d.digits);
            }
            if number.not_count.is_some() {
                number.value = d.value;
                return Some(number);
            }
            acc.cur = d.value;
            acc.last = Last::Digits;
            acc.groupable = d.plain && d.digits <= 3 && d.value > 0.0;
            frac_digits = d.frac_digits;
            digit_value = d.value;
        }
        Kind::Word => {
            let (w, al, connector) = number_word(tokens, i)?;
            // Definite cardinals are adjectives or names (الاثنين is Monday, في المئة is
            // percent); only vague plurals keep the article (العشرات، الآلاف).
            let vague_plural = matches!(w, Word::Vague { .. } | Word::Scale { count: 0, .. });
            if al && !vague_plural {
                return definite_teen(tokens, i, w);
            }
            number.connector = connector;
            if !start(&mut acc, w) {
                return None;
            }
        }
        _ => return None,
    }
    let mut j = i + 1;
    while j < tokens.len() {
        // A spaced «و» joins the parts as the glued one does («مائة و ستة عشر»).
        if tokens.toks[j].kind == Kind::Word && tokens.norm(j) == "و" && j + 1 < tokens.len() {
            let before = acc;
            if continue_with(tokens, j + 1, &mut acc, true) {
                j += 2;
                continue;
            }
            acc = before;
            break;
        }
        if !continue_with(tokens, j, &mut acc, false) {
            break;
        }
        j += 1;
    }
    number.end = j;
    number.words = acc.words;
    if number.end > i + 1 {
        number.plain_digits = None;
    }
    if let Some((lo, hi)) = acc.vague {
        number.vague = Some((lo, hi));
        number.value = lo;
    } else {
        number.value = acc.total + acc.cur;
        if !number.value.is_finite() {
            number.not_count = Some(NotCount::Identifier);
        }
        // «13.6 مليار»: a decimal scaled by a word states its last digit, no more.
        if frac_digits > 0 && number.end > i + 1 && digit_value > 0.0 {
            let scale = number.value / digit_value;
            number.rounding = 0.5 * scale / 10f64.powi(frac_digits as i32);
        }
    }
    // A lone واحد is «one», as in «خلال أسبوع واحد», not a count worth reporting.
    if number.words && number.end == i + 1 && number.value == 1.0 && number.vague.is_none() {
        return None;
    }
    Some(number)
}

/// «التسعة عشر شخصا»: a definite teen is one number, and its «عشر» is no ten. With an
/// indefinite accusative noun after it (what 11–99 count: «شخصا») it is a count; else
/// an adjective or a name («اللاعبين الأحد عشر»), not a count.
fn definite_teen(tokens: &Tokens, i: usize, w: Word) -> Option<Number> {
    let Word::Unit { v, .. } = w else {
        return None;
    };
    let ten = i + 1;
    if !matches!(number_word(tokens, ten), Some((Word::Ten, false, false))) {
        return None;
    }
    let mut number = Number::at(i);
    number.end = ten + 1;
    number.value = f64::from(v) + 10.0;
    number.words = true;
    let counted = tokens.toks.get(ten + 1).is_some_and(|t| {
        let w = tokens.norm(ten + 1);
        t.kind == Kind::Word && w.ends_with('ا') && !w.starts_with("ال")
    });
    if !counted {
        number.not_count = Some(NotCount::Ordinal);
    }
    Some(number)
}

#[cfg(test)]
mod tests;
