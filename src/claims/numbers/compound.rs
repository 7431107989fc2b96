//! Compounds of number words and digits: the parser state and the rules for what may
//! follow what («ثلاثة آلاف وخمسمئة»، «3 آلاف و500»، «40 000»).

use super::{Word, number_word};
use crate::claims::tokens::{Kind, Tokens};

/// Parser state for one compound.
#[derive(Clone, Copy)]
pub(super) struct Acc {
    pub(super) total: f64,
    pub(super) cur: f64,
    /// The last scale applied (1 before any).
    pub(super) last_scale: f64,
    /// What the last part was, to check what may follow.
    pub(super) last: Last,
    pub(super) vague: Option<(f64, f64)>,
    pub(super) words: bool,
    /// The digits so far can take a space-separated group of three («40 000»).
    pub(super) groupable: bool,
}

/// What the last part of a compound number was, to check what may follow it.
#[derive(Clone, Copy, PartialEq)]
pub enum Last {
    Unit,
    Teen,
    Tens,
    Hundreds,
    Scale,
    Digits,
    Vague,
}

/// The first word of a compound.
pub(super) fn start(acc: &mut Acc, w: Word) -> bool {
    acc.words = true;
    match w {
        Word::Unit {
            teen_only: true, ..
        } => {
            acc.cur = 1.0;
            acc.last = Last::Unit;
            // Only valid if عشر follows; checked by the caller through `Last::Unit` and
            // the value 1 (a lone أحد is dropped like a lone واحد).
        }
        Word::Unit { v, .. } => {
            acc.cur = f64::from(v);
            acc.last = Last::Unit;
        }
        Word::Ten => {
            acc.cur = 10.0;
            acc.last = Last::Teen;
        }
        Word::Tens(v) => {
            acc.cur = f64::from(v);
            acc.last = Last::Tens;
        }
        Word::Hundreds { v, .. } => {
            acc.cur = f64::from(v);
            acc.last = Last::Hundreds;
        }
        Word::Scale { scale, count } => {
            if count == 0 {
                // «آلاف» alone: thousands, a vague count.
                acc.vague = Some((2.0 * scale, 10.0 * scale));
                acc.last = Last::Vague;
            } else {
                acc.total = f64::from(count) * scale;
                acc.last_scale = scale;
                acc.last = Last::Scale;
            }
        }
        Word::Vague { scale, lo } => {
            acc.vague = Some((lo * scale, 10.0 * scale));
            acc.last = Last::Vague;
        }
        Word::Half => return false,
    }
    true
}

/// Tries to extend the compound with token `j`; false ends it.
pub(super) fn continue_with(tokens: &Tokens, j: usize, acc: &mut Acc, spaced_waw: bool) -> bool {
    let tok = &tokens.toks[j];
    if let Kind::Digits(d) = tok.kind {
        // «40 000»: digits grouped by thousands with a space (as Recognizers-Text reads
        // them): a run of at most three digits, then runs of exactly three.
        if !spaced_waw
            && acc.last == Last::Digits
            && acc.groupable
            && acc.total == 0.0
            && d.plain
            && d.digits == 3
            && d.prefix_len == 0
            && tok.space_before
        {
            acc.cur = acc.cur * 1000.0 + d.value;
            return true;
        }
        // «3 آلاف و500»: digits after a scale, joined by و and smaller than it.
        let ok = (d.connector || spaced_waw)
            && d.prefix_len <= 2
            && acc.vague.is_none()
            && acc.last == Last::Scale
            && acc.cur == 0.0
            && d.value < acc.last_scale
            && !d.colon
            && !d.glued_latin;
        if ok {
            acc.cur = d.value;
            acc.last = Last::Digits;
        }
        return ok;
    }
    let Some((w, al, connector)) = number_word(tokens, j) else {
        return false;
    };
    let connector = connector || spaced_waw;
    if let Some((lo, hi)) = acc.vague {
        // «عشرات الآلاف», «بضعة آلاف», «مئات الملايين»: a scale multiplies the interval.
        return match w {
            Word::Scale { scale, .. } | Word::Vague { scale, .. } if !connector => {
                acc.vague = Some((lo * scale, hi * scale));
                true
            }
            _ => false,
        };
    }
    if al {
        return false;
    }
    match (w, connector) {
        // Teens: «خمسة عشر», «إحدى عشرة».
        (Word::Ten, false) if acc.last == Last::Unit && acc.cur % 100.0 < 10.0 => {
            acc.cur += 10.0;
            acc.last = Last::Teen;
            true
        }
        // «ثلاث مئة»، «٣ مئة»: a bare hundred multiplies a unit, in words or a digit.
        (Word::Hundreds { v: 100, bare: true }, false)
            if (acc.last == Last::Unit || acc.last == Last::Digits)
                && acc.cur < 10.0
                && acc.cur >= 1.0
                && acc.cur.fract() == 0.0
                && acc.total == 0.0 =>
        {
            acc.cur *= 100.0;
            acc.last = Last::Hundreds;
            true
        }
        // «خمسة وعشرون»: unit then tens.
        (Word::Tens(v), true) if acc.last == Last::Unit && acc.cur % 100.0 < 10.0 => {
            acc.cur += f64::from(v);
            acc.last = Last::Tens;
            true
        }
        // «مئة وخمسون», «مئة وخمسة», «مئتان وخمسة عشر».
        (Word::Tens(v), true) if acc.last == Last::Hundreds => {
            acc.cur += f64::from(v);
            acc.last = Last::Tens;
            true
        }
        (Word::Unit { v, .. }, true) if acc.last == Last::Hundreds => {
            acc.cur += f64::from(v);
            acc.last = Last::Unit;
            true
        }
        (Word::Ten, true) if acc.last == Last::Hundreds => {
            acc.cur += 10.0;
            acc.last = Last::Teen;
            true
        }
        // After a scale: «ألفين وخمسمئة», «مليون وثلاثمئة ألف».
        (Word::Unit { v, .. }, true) if acc.last == Last::Scale && acc.cur == 0.0 => {
            acc.cur = f64::from(v);
            acc.last = Last::Unit;
            true
        }
        (Word::Ten, true) if acc.last == Last::Scale && acc.cur == 0.0 => {
            acc.cur = 10.0;
            acc.last = Last::Teen;
            true
        }
        (Word::Tens(v), true) if acc.last == Last::Scale && acc.cur == 0.0 => {
            acc.cur = f64::from(v);
            acc.last = Last::Tens;
            true
        }
        (Word::Hundreds { v, .. }, true) if acc.last == Last::Scale && acc.cur == 0.0 => {
            acc.cur = f64::from(v);
            acc.last = Last::Hundreds;
            true
        }
        (Word::Scale { scale, count }, true)
            if acc.last == Last::Scale && acc.cur == 0.0 && scale < acc.last_scale && count > 0 =>
        {
            acc.total += f64::from(count) * scale;
            acc.last_scale = scale;
            true
        }
        (Word::Half, true) if acc.last == Last::Scale && acc.cur == 0.0 => {
            acc.total += 0.5 * acc.last_scale;
            acc.last = Last::Digits;
            true
        }
        // A scale after a count: «7 آلاف», «ثلاثة آلاف», «عشرين ألفا», «2.7 مليون».
        (Word::Scale { scale, count }, false)
            if acc.cur > 0.0 && acc.last != Last::Scale && scale < acc.last_scale =>
        {
            // Dual forms do not take a count before them («ثلاثة ألفين» is not Arabic).
            if count == 2 {
                return false;
            }
            acc.total += acc.cur * scale;
            acc.cur = 0.0;
            acc.last_scale = scale;
            acc.last = Last::Scale;
            acc.words = true;
            true
        }
        // «ألف مليار»: a larger scale right after a scale multiplies the whole.
        (Word::Scale { scale, count: 1 }, false)
            if acc.last == Last::Scale && acc.cur == 0.0 && scale > acc.last_scale =>
        {
            acc.total *= scale;
            acc.last_scale = scale;
            true
        }
        _ => false,
    }
}
