//! English number expressions over tokens: digits («2,500», «1.5», «$13.6bn»), words
//! («twenty-five», «two hundred and fifty thousand», «a dozen», «half a million») and
//! vague counts («dozens», «tens of thousands», «several hundred»).

use super::super::lexicon::Lexicon;
use super::super::numbers::{Last, NotCount, Number, scan};
use super::super::tokens::{Kind, Tokens};
use super::words::{Word, word};

/// The lowercased word at token `i`, if it is a word.
pub fn word_at(tokens: &Tokens, i: usize) -> Option<&str> {
    (tokens.toks.get(i)?.kind == Kind::Word).then(|| tokens.norm(i))
}

fn number_word_at(tokens: &Tokens, i: usize) -> Option<Word> {
    word_at(tokens, i).and_then(word)
}

/// Finds every number expression of an English paragraph, left to right.
pub fn find_numbers(tokens: &Tokens, lexicon: &Lexicon, out: &mut Vec<Number>) {
    scan(tokens, out, |i| parse_at(tokens, lexicon, i));
}

/// Parser state for one compound: `total` of the scales done, `cur` below the last scale.
#[derive(Clone, Copy)]
struct Acc {
    total: f64,
    cur: f64,
    last_scale: f64,
    last: Last,
    vague: Option<(f64, f64)>,
    /// The vague word may take «of» + a plural scale («tens of thousands»).
    of_scale: bool,
}

/// What letters glued to digits make of them: a scale («13.6bn»), an ordinal («21st»),
/// a time («9pm»)…
enum Glued {
    Scale(f64),
    NotCount(NotCount),
}

fn glued_suffix(suffix: &str, currency: bool) -> Glued {
    match suffix {
        "bn" | "b" | "bln" | "billion" => Glued::Scale(1e9),
        "mn" | "mln" | "million" => Glued::Scale(1e6),
        // «$5m» is five million dollars; «100m» without a currency is a distance.
        "m" if currency => Glued::Scale(1e6),
        "k" if currency => Glued::Scale(1e3),
        "tn" | "trillion" => Glued::Scale(1e12),
        "st" | "nd" | "rd" | "th" => Glued::NotCount(NotCount::Ordinal),
        "am" | "pm" | "h" | "hrs" | "gmt" => Glued::NotCount(NotCount::Time),
        _ => Glued::NotCount(NotCount::Identifier),
    }
}

fn parse_at(tokens: &Tokens, lexicon: &Lexicon, i: usize) -> Option<Number> {
    let tok = &tokens.toks[i];
    let mut number = Number::at(i);
    let mut acc = Acc {
        total: 0.0,
        cur: 0.0,
        last_scale: f64::INFINITY,
        last: Last::Unit,
        vague: None,
        of_scale: false,
    };
    let mut frac_digits = 0;
    let mut digit_value = 0.0;
    let mut j = i + 1;
    match tok.kind {
        Kind::Digits(d) => {
            number.value = d.value;
            if d.plain {
                number.plain_digits = Some(d.digits);
            }
            let norm = tokens.norm(i);
            let prefix = norm.get(..d.prefix_len as usize).unwrap_or("");
            let suffix = norm.get(d.prefix_len as usize..).unwrap_or("");
            // A currency code glued before the digits: «LE5», «US$5» is split at «$».
            let currency = !prefix.is_empty() && lexicon.unit_symbol(prefix).is_some()
                || currency_sign_before(tokens, i);
            let mut scale = 1.0;
            let unknown_prefix = !prefix.is_empty() && lexicon.unit_symbol(prefix).is_none();
            number.not_count = if d.digits > 15 || !d.value.is_finite() || unknown_prefix {
                Some(NotCount::Identifier)
            } else if !suffix.is_empty() {
                match glued_suffix(suffix, currency) {
                    Glued::Scale(s) => {
                        scale = s;
                        None
                    }
                    Glued::NotCount(nc) => Some(nc),
                }
            } else if d.colon {
                Some(NotCount::Time)
            } else if d.leading_zero && d.plain && d.digits >= 7 {
                Some(NotCount::Phone)
            } else {
                None
            };
            if number.not_count.is_some() {
                return Some(number);
            }
            if scale > 1.0 {
                // «13.6bn»: one token, a rounded figure like «13.6 billion».
                number.plain_digits = None;
                number.value = d.value * scale;
                if d.frac_digits > 0 {
                    number.rounding = 0.5 * scale / 10f64.powi(d.frac_digits as i32);
                }
                return Some(number);
            }
            acc.cur = d.value;
            acc.last = Last::Digits;
            frac_digits = d.frac_digits;
            digit_value = d.value;
        }
        Kind::Word => {
            let w = number_word_at(tokens, i)?;
            number.words = true;
            match w {
                Word::Unit(v) | Word::Teen(v) | Word::Tens(v) => {
                    acc.cur = f64::from(v);
                    acc.last = match w {
                        Word::Unit(_) => Last::Unit,
                        Word::Teen(_) => Last::Teen,
                        _ => Last::Tens,
                    };
                }
                // «a hundred», «a dozen», «a few», «a handful of».
                Word::Article => match number_word_at(tokens, i + 1)? {
                    Word::Hundred | Word::Scale(_) | Word::Dozen => {
                        acc.cur = 1.0;
                        acc.last = Last::Unit;
                    }
                    Word::Few { .. } => {
                        // «a few» may be two; «several» is three or more.
                        let lo = if word_at(tokens, i + 1) == Some("few") {
                            2.0
                        } else {
                            3.0
                        };
                        acc.vague = Some((lo, 10.0));
                        acc.last = Last::Vague;
                        j = i + 2;
                    }
                    _ => return None,
                },
                // «half a million».
                Word::Half => {
                    if word_at(tokens, i + 1) != Some("a") {
                        return None;
                    }
                    match number_word_at(tokens, i + 2)? {
                        Word::Scale(s) => {
                            acc.total = 0.5 * s;
                            acc.last_scale = s;
                            acc.last = Last::Scale;
                        }
                        Word::Dozen => {
                            acc.cur = 6.0;
                            acc.last = Last::Digits;
                        }
                        _ => return None,
                    }
                    j = i + 3;
                }
                Word::Vague { lo, hi, of_scale } => {
                    // «tens» alone is not a count; «tens of thousands» is.
                    if word_at(tokens, i) == Some("tens")
                        && plural_scale_after_of(tokens, i + 1).is_none()
                    {
                        return None;
                    }
                    acc.vague = Some((lo, hi));
                    acc.of_scale = of_scale;
                    acc.last = Last::Vague;
                }
                Word::Plural(s) => {
                    acc.vague = Some((2.0 * s, 10.0 * s));
                    acc.of_scale = true;
                    acc.last = Last::Vague;
                }
                Word::Few { lo } if word_at(tokens, i) != Some("few") => {
                    // «several», «handful» (the latter only after «a»).
                    if word_at(tokens, i) == Some("handful") {
                        return None;
                    }
                    acc.vague = Some((lo, 10.0));
                    acc.last = Last::Vague;
                }
                _ => return None,
            }
        }
        _ => return None,
    }
    // Continue the compound.
    while j < tokens.len() {
        // «twenty-five»: a hyphen glued between two number words.
        // («fifty - two» too, as Recognizers-Text reads it).
        if matches!(tokens.toks[j].kind, Kind::Mark('-'))
            && acc.last == Last::Tens
            && acc.vague.is_none()
            && matches!(number_word_at(tokens, j + 1), Some(Word::Unit(_)))
        {
            j += 1;
            continue;
        }
        // «two hundred and fifty», «one and a half million».
        if word_at(tokens, j) == Some("and") {
            if let Some(k) = and_a_half(tokens, j)
                && acc.vague.is_none()
            {
                match acc.last {
                    Last::Scale if acc.cur == 0.0 => acc.total += 0.5 * acc.last_scale,
                    Last::Unit | Last::Teen | Last::Tens | Last::Digits => acc.cur += 0.5,
                    _ => break,
                }
                acc.last = Last::Digits;
                j = k;
                continue;
            }
            let next = number_word_at(tokens, j + 1);
            let ok = matches!(acc.last, Last::Hundreds | Last::Scale)
                && matches!(next, Some(Word::Unit(_) | Word::Teen(_) | Word::Tens(_)));
            if !ok {
                break;
            }
            j += 1;
            continue;
        }
        // «tens of thousands», «hundreds of millions».
        if word_at(tokens, j) == Some("of")
            && acc.of_scale
            && let Some(s) = plural_scale_after_of(tokens, j)
            && let Some((lo, hi)) = acc.vague
        {
            acc.vague = Some((lo * s, hi * s));
            acc.of_scale = false;
            j += 2;
            continue;
        }
        if !continue_with(tokens, j, &mut acc) {
            break;
        }
        j += 1;
    }
    number.end = j;
    if number.end > i + 1 {
        number.plain_digits = None;
        number.words = true;
    }
    if let Some((lo, hi)) = acc.vague {
        number.vague = Some((lo, hi));
        number.value = lo;
    } else {
        number.value = acc.total + acc.cur;
        if frac_digits > 0 && number.end > i + 1 && digit_value > 0.0 {
            // «13.6 billion» states its last digit, no more.
            let scale = number.value / digit_value;
            number.rounding = 0.5 * scale / 10f64.powi(frac_digits as i32);
        }
    }
    if number.words && number.end == i + 1 && number.value == 1.0 && !lone_one_counts(tokens, i) {
        return None;
    }
    Some(number)
}

/// Tries to extend the compound with the word at `j`.
fn continue_with(tokens: &Tokens, j: usize, acc: &mut Acc) -> bool {
    let Some(w) = number_word_at(tokens, j) else {
        return false;
    };
    if let Some((lo, hi)) = acc.vague {
        // «several hundred», «a few thousand», «hundreds of thousands» (done by the caller).
        return match w {
            Word::Hundred if acc.last == Last::Vague && hi <= 10.0 => {
                acc.vague = Some((lo * 100.0, hi * 100.0));
                acc.last = Last::Hundreds;
                true
            }
            Word::Scale(s) if hi <= 10.0 || acc.last == Last::Hundreds => {
                acc.vague = Some((lo * s, hi * s));
                acc.last = Last::Scale;
                true
            }
            _ => false,
        };
    }
    match w {
        Word::Unit(v) => match acc.last {
            Last::Tens | Last::Hundreds | Last::Scale if acc.cur % 10.0 == 0.0 => {
                acc.cur += f64::from(v);
                acc.last = Last::Unit;
                true
            }
            _ => false,
        },
        Word::Teen(v) | Word::Tens(v) => match acc.last {
            Last::Hundreds | Last::Scale if acc.cur % 100.0 == 0.0 => {
                acc.cur += f64::from(v);
                acc.last = if v < 20 { Last::Teen } else { Last::Tens };
                true
            }
            _ => false,
        },
        // «three hundred»; «322 hundred» (digits times a hundred).
        Word::Hundred => {
            let digits = acc.last == Last::Digits && acc.total == 0.0;
            if acc.cur >= 1.0 && (acc.cur < 100.0 || digits) && acc.cur.fract() == 0.0 {
                acc.cur *= 100.0;
                acc.last = Last::Hundreds;
                true
            } else {
                false
            }
        }
        Word::Scale(s) if acc.cur > 0.0 && s < acc.last_scale => {
            acc.total += acc.cur * s;
            acc.cur = 0.0;
            acc.last_scale = s;
            acc.last = Last::Scale;
            true
        }
        // «two dozen», «3 dozens», «three hundred and two dozens» (Recognizers-Text).
        Word::Dozen => times_dozen(acc),
        Word::Vague { .. } if word_at(tokens, j) == Some("dozens") => times_dozen(acc),
        _ => false,
    }
}

fn times_dozen(acc: &mut Acc) -> bool {
    // Only what follows the hundreds: «three hundred and two dozens» is 300 + 24.
    let tail = acc.cur % 100.0;
    if !(tail >= 1.0 && tail.fract() == 0.0) {
        return false;
    }
    acc.cur += tail * 11.0;
    acc.last = Last::Digits;
    true
}

/// «… and a half»: the token after it.
fn and_a_half(tokens: &Tokens, j: usize) -> Option<usize> {
    (word_at(tokens, j + 1) == Some("a") && word_at(tokens, j + 2) == Some("half")).then_some(j + 3)
}

/// The plural scale after «of» at token `j` («of thousands» → 1000).
fn plural_scale_after_of(tokens: &Tokens, j: usize) -> Option<f64> {
    if word_at(tokens, j) != Some("of") {
        return None;
    }
    match number_word_at(tokens, j + 1)? {
        Word::Plural(s) => Some(s),
        Word::Vague { .. } if word_at(tokens, j + 1) == Some("hundreds") => Some(100.0),
        _ => None,
    }
}

/// A currency sign right before token `i` («$13.6bn»).
fn currency_sign_before(tokens: &Tokens, i: usize) -> bool {
    i > 0 && matches!(tokens.toks[i - 1].kind, Kind::Mark('$' | '€' | '£'))
}

/// A lone «one» is a count only where it counts something: not «one of», «one
/// another», «no one», «the one», «at one point».
fn lone_one_counts(tokens: &Tokens, i: usize) -> bool {
    let next = word_at(tokens, i + 1);
    if matches!(
        next,
        None | Some(
            "of" | "another"
                | "other"
                | "more"
                | "point"
                | "side"
                | "hand"
                | "way"
                | "thing"
                | "time"
                | "day"
                | "such"
                | "or"
                | "and"
                | "who"
                | "which"
                | "that"
                | "by"
        )
    ) {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|p| word_at(tokens, p));
    !matches!(
        prev,
        Some("no" | "the" | "this" | "that" | "every" | "any" | "each" | "which" | "such" | "at")
    )
}
