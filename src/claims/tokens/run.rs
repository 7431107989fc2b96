//! One word-or-number run of the tokenizer: its letters normalised into the arena, its
//! digits into a value and how they were written (`DigitRun`).

use super::{CharInfo, Class, DigitRun, Kind};

/// Accumulates one word-or-number run.
#[derive(Default)]
pub(super) struct RunBuilder {
    has_digit: bool,
    pub(super) last_digit: bool,
    prefix_bytes: u32,
    latin: bool,
    int_part: f64,
    frac_part: f64,
    frac_scale: f64,
    in_frac: bool,
    digits: u32,
    first_digit: Option<u32>,
    group_len: u32,
    commas: u32,
    dots: u32,
    colon: bool,
    plain: bool,
    /// Bytes of normalised letters before the first digit, at the run's start in the arena.
    prefix_norm_len: usize,
    /// «6ر13»: the digits before a ر glued between digits (value, digit count), while
    /// the ر waits for a digit, and once one came.
    mena_pending: Option<(f64, u32)>,
    mena: Option<(f64, u32)>,
    /// Letters came after the first digit.
    letters_after: bool,
    /// Digits before the first joiner, and whether a joiner was the Arabic decimal
    /// separator «٫» (never a thousands separator).
    int_digits: Option<u32>,
    decimal_sign: bool,
}

impl RunBuilder {
    pub(super) fn push(&mut self, c: char, info: CharInfo, arena: &mut String) {
        if info.class == Class::Digit {
            let d = u32::from(info.digit);
            if !self.has_digit {
                self.plain = true;
            }
            self.has_digit = true;
            self.last_digit = true;
            self.digits += 1;
            self.group_len += 1;
            if self.first_digit.is_none() {
                self.first_digit = Some(d);
            }
            if let Some(m) = self.mena_pending.take() {
                self.mena = Some(m);
                self.int_part = 0.0;
            }
            if self.in_frac {
                self.frac_scale /= 10.0;
                self.frac_part += f64::from(d) * self.frac_scale;
            } else {
                self.int_part = self.int_part * 10.0 + f64::from(d);
            }
            return;
        }
        // The Middle East News Agency writes 13.6 as «6ر13» (the decimals first, then ر,
        // then the integer part); a ر between two digit runs is only that.
        self.mena_pending = None;
        if self.last_digit
            && c == 'ر'
            && !self.letters_after
            && !self.in_frac
            && self.mena.is_none()
        {
            let digits = self.digits;
            self.mena_pending = Some((self.int_part, digits));
        }
        if self.has_digit {
            self.letters_after = true;
        }
        self.last_digit = false;
        if c.is_ascii_alphabetic() {
            self.latin = true;
        }
        if let Some(n) = info.norm {
            arena.push(n);
            if !self.has_digit {
                self.prefix_norm_len += n.len_utf8();
            }
        }
        if !self.has_digit {
            self.prefix_bytes += u32::from(info.len);
        }
    }

    /// True when the non-digit `c` (followed by `next`) ends this run's digits: an
    /// Arabic letter right after a digit, unless it is the «ر» of «6ر13» before a digit.
    pub(super) fn digits_end(&self, c: char, next: Option<(char, CharInfo)>) -> bool {
        self.last_digit
            && !c.is_ascii()
            && !(c == 'ر' && next.is_some_and(|(_, n)| n.class == Class::Digit))
    }

    /// True when the letters so far (normalised `norm`, no digit yet) are a word of their
    /// own rather than proclitics glued to a number («و250»، «بـ30»، «الـ5»، «للـ3»).
    pub(super) fn word_before_digits(&self, norm: &str) -> bool {
        if self.has_digit || self.latin || norm.is_empty() {
            return false;
        }
        let s = norm.strip_prefix(['و', 'ف']).unwrap_or(norm);
        let s = s.strip_prefix(['ب', 'ل', 'ك']).unwrap_or(s);
        let s = s
            .strip_prefix("ال")
            .or_else(|| s.strip_prefix('ل'))
            .unwrap_or(s);
        // Two letters or fewer stay: units written with their power («كم2»، «م2»).
        s.chars().nth(2).is_some()
    }

    /// `push` of each letter of `letters` (ASCII letters only) at once: what `push` does
    /// for such a letter, which is never a digit nor the «ر» of a MENA decimal.
    pub(super) fn push_ascii_letters(&mut self, letters: &str, arena: &mut String) {
        self.mena_pending = None;
        if self.has_digit {
            self.letters_after = true;
        }
        self.last_digit = false;
        self.latin = true;
        let at = arena.len();
        arena.push_str(letters);
        arena[at..].make_ascii_lowercase();
        if !self.has_digit {
            self.prefix_norm_len += letters.len();
            self.prefix_bytes += letters.len() as u32;
        }
    }

    pub(super) fn joiner(&mut self, c: char) {
        self.plain = false;
        self.last_digit = false;
        if self.int_digits.is_none() {
            self.int_digits = Some(self.digits);
        }
        self.decimal_sign |= c == '\u{066B}';
        match c {
            ':' => self.colon = true,
            '.' | '\u{066B}' => {
                self.dots += 1;
                self.start_fraction();
            }
            ',' | '\u{066C}' => {
                // A thousands separator is followed by exactly three digits; checked at
                // the next joiner or the end. Until then assume thousands.
                self.commas += 1;
            }
            _ => {}
        }
        self.group_len = 0;
    }

    fn start_fraction(&mut self) {
        if !self.in_frac {
            self.in_frac = true;
            self.frac_scale = 1.0;
        } else {
            // A second dot: «1.000.000» uses dots as thousands separators.
            self.int_part += self.frac_part;
            self.int_part *= (1.0 / self.frac_scale).round();
            self.frac_part = 0.0;
            self.frac_scale = 1.0;
        }
    }

    /// `norm` is the run's normalised letters in the arena.
    pub(super) fn finish(self, norm: &str) -> Kind {
        if !self.has_digit {
            return Kind::Word;
        }
        let mut value = self.int_part + self.frac_part;
        let mut frac_digits = if self.dots == 1 && self.commas == 0 {
            self.group_len
        } else {
            0
        };
        // Dots as thousands separators: «1.000.000» (two dots, three-digit groups).
        if self.dots >= 2 && self.group_len == 3 {
            value = self.int_part * 1000.0 + (self.frac_part * 1000.0).round();
        }
        // A single comma not followed by three digits is a decimal comma («1,5»).
        if self.commas == 1 && self.dots == 0 && self.group_len != 3 {
            let frac_digits = self.group_len as i32;
            let all = self.int_part;
            let scale = 10f64.powi(frac_digits);
            value = (all / scale).trunc() + (all % scale) / scale;
        }
        let mut mena = false;
        if let Some((frac, n)) = self.mena
            && self.last_digit
            && self.dots == 0
            && self.commas == 0
        {
            value = self.int_part + frac / 10f64.powi(n as i32);
            frac_digits = n;
            mena = true;
        }
        let prefix = norm.get(..self.prefix_norm_len).unwrap_or("");
        let definite = matches!(prefix, "ال" | "وال" | "بال" | "لل");
        let connector = prefix.starts_with('و') || prefix.starts_with('ف');
        Kind::Digits(DigitRun {
            value,
            digits: self.digits,
            plain: self.plain && !mena,
            colon: self.colon,
            leading_zero: self.first_digit == Some(0) && self.digits > 1 && self.dots == 0 && !mena,
            glued_latin: self.latin,
            frac_digits: if self.dots <= 1 { frac_digits } else { 0 },
            dot_group: self.dots == 1
                && self.commas == 0
                && !self.colon
                && !self.decimal_sign
                && !mena
                && self.last_digit
                && self.group_len == 3
                && self.int_digits.is_some_and(|d| (1..=3).contains(&d)),
            prefix_len: self.prefix_bytes,
            definite,
            connector,
        })
    }
}
