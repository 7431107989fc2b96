//! UAX #14 line-break opportunities for plain paragraphs, computed while their units are
//! read instead of by a separate pass of unicode-linebreak.
//!
//! Only the classes of the plain character set that occur in running text are handled
//! (AL, NU, SP, IS, EX, QU, OP, CP, HY, BA; harakat are CM after their base, rule LB9),
//! so only a few rules apply: LB7, LB13, LB14, LB15, LB18, LB19, LB21, LB23, LB25
//! (pair form), LB28, LB29, LB30 and LB31. A paragraph with any other class (PR, PO, SY,
//! CL, B2) or with harakat after a space (LB10) is left to unicode-linebreak; see
//! [`fast::check`](super::fast::check). Tests check equality with unicode-linebreak.

/// Line-break class of a plain character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Lb {
    /// Start of text (no character yet).
    Sot,
    Al,
    Nu,
    Sp,
    Is,
    Ex,
    Qu,
    Op,
    Cp,
    Hy,
    Ba,
    /// A class these rules do not cover.
    Other,
}

/// The class of `c`, for a char accepted by `cluster::simple_base`.
#[inline]
pub fn class(c: char) -> Lb {
    // Arabic letters first: most of the text.
    if ('\u{0621}'..='\u{064A}').contains(&c) {
        return Lb::Al;
    }
    match c {
        ' ' => Lb::Sp,
        '!' | '?' | '\u{061B}' | '\u{061F}' => Lb::Ex,
        '"' | '\'' | '\u{00AB}' | '\u{00BB}' | '\u{201C}' | '\u{201D}' => Lb::Qu,
        '(' | '[' | '{' => Lb::Op,
        ')' | ']' => Lb::Cp,
        ',' | '.' | ':' | ';' | '\u{060C}' => Lb::Is,
        '-' => Lb::Hy,
        '|' | '\u{2013}' => Lb::Ba,
        '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{066B}' | '\u{066C}' => Lb::Nu,
        '$' | '+' | '\\' | '%' | '\u{066A}' | '/' | '}' | '\u{2014}' => Lb::Other,
        _ => Lb::Al,
    }
}

/// A plain char whose class these rules do not cover (PR, PO, SY, CL, B2).
#[inline]
pub fn uncovered(c: char) -> bool {
    matches!(
        c,
        '$' | '+' | '\\' | '%' | '\u{066A}' | '/' | '}' | '\u{2014}'
    )
}

/// Break state after the clusters seen so far: the last class other than SP, and
/// whether spaces followed it.
#[derive(Debug, Clone, Copy)]
pub struct Breaks {
    prev: Lb,
    spaces: bool,
}

impl Default for Breaks {
    fn default() -> Self {
        Breaks {
            prev: Lb::Sot,
            spaces: false,
        }
    }
}

impl Breaks {
    /// Whether a line may break before the cluster whose base is `c` (never at the start
    /// of text); then moves past it.
    #[inline]
    pub fn before(&mut self, c: char) -> bool {
        self.before_class(class(c))
    }

    /// [`before`](Self::before) for a char of class `cur`.
    #[inline]
    pub fn before_class(&mut self, cur: Lb) -> bool {
        if cur == Lb::Sp {
            self.spaces = true;
            return false; // LB7
        }
        let allowed = PAIRS[self.prev as usize][cur as usize] >> u8::from(self.spaces) & 1 != 0;
        self.prev = cur;
        self.spaces = false;
        allowed
    }
}

/// Every class, in declaration order (`ALL[c as usize] == c`).
const ALL: [Lb; 12] = {
    use Lb::*;
    [Sot, Al, Nu, Sp, Is, Ex, Qu, Op, Cp, Hy, Ba, Other]
};

/// [`allowed`] for every pair of classes: bit 0 with no space between, bit 1 with.
const PAIRS: [[u8; 12]; 12] = {
    let mut t = [[0; 12]; 12];
    let mut p = 0;
    while p < 12 {
        let mut c = 0;
        while c < 12 {
            t[p][c] =
                allowed(ALL[p], false, ALL[c]) as u8 | (allowed(ALL[p], true, ALL[c]) as u8) << 1;
            c += 1;
        }
        p += 1;
    }
    t
};

const fn allowed(prev: Lb, spaces: bool, cur: Lb) -> bool {
    use Lb::*;
    if matches!(prev, Sot) && !spaces {
        return false; // LB2
    }
    if matches!(cur, Cp | Ex | Is) {
        return false; // LB13
    }
    if matches!(prev, Op) || (matches!(prev, Qu) && matches!(cur, Op)) {
        return false; // LB14, LB15 (spaces between or not)
    }
    if spaces {
        return true; // LB18
    }
    if matches!(prev, Qu) || matches!(cur, Qu | Ba | Hy) {
        return false; // LB19, LB21
    }
    !matches!(
        (prev, cur),
        (Al, Nu) | (Nu, Al) // LB23
            | (Nu | Is | Hy, Nu) // LB25
            | (Al, Al) // LB28
            | (Is, Al) // LB29
            | (Al | Nu, Op) | (Cp, Al | Nu) // LB30
    )
}

#[cfg(test)]
mod tests {
    use super::super::cluster::{simple_base, simple_mark};
    use super::super::fast::check;
    use super::*;
    use proptest::prelude::*;
    use unicode_linebreak::{BreakClass, BreakOpportunity, break_property, linebreaks};

    /// Allowed opportunities from [`Breaks`] at cluster starts (a base char).
    fn fast(text: &str) -> Vec<usize> {
        let mut b = Breaks::default();
        text.char_indices()
            .filter(|&(_, c)| !simple_mark(c))
            .filter(|&(_, c)| b.before(c))
            .map(|(i, _)| i)
            .collect()
    }

    /// unicode-linebreak's opportunities at cluster starts, except the end of text.
    fn reference(text: &str) -> Vec<usize> {
        linebreaks(text)
            .filter(|&(i, _)| text[i..].chars().next().is_some_and(|c| !simple_mark(c)))
            .map(|(i, o)| {
                assert_eq!(o, BreakOpportunity::Allowed, "{text:?} at {i}");
                i
            })
            .collect()
    }

    #[test]
    fn classes_match_unicode_linebreak() {
        for c in (' '..='\u{2100}').filter(|&c| simple_base(c)) {
            let expected = match break_property(c as u32) {
                BreakClass::Alphabetic => Lb::Al,
                BreakClass::Numeric => Lb::Nu,
                BreakClass::Space => Lb::Sp,
                BreakClass::InfixSeparator => Lb::Is,
                BreakClass::Exclamation => Lb::Ex,
                BreakClass::Quotation => Lb::Qu,
                BreakClass::OpenPunctuation => Lb::Op,
                BreakClass::CloseParenthesis => Lb::Cp,
                BreakClass::Hyphen => Lb::Hy,
                BreakClass::After => Lb::Ba,
                _ => Lb::Other,
            };
            assert_eq!(class(c), expected, "{c:?}");
        }
    }

    #[test]
    fn pair_table_is_indexed_by_class() {
        for (i, &c) in ALL.iter().enumerate() {
            assert_eq!(c as usize, i);
        }
    }

    #[test]
    fn unsupported_text_is_refused() {
        assert_eq!(check("بَيْتٌ كبير، «نعم» – a (b) 12.5-3"), Some(true));
        assert_eq!(check("10%"), Some(false));
        assert_eq!(check("a/b"), Some(false));
        assert_eq!(check("a — b"), Some(false));
        assert_eq!(check("a \u{064E}b"), Some(false));
        assert_eq!(check("a\tb"), None);
    }

    #[test]
    fn seed_paragraphs_match_unicode_linebreak() {
        let mut checked = 0;
        for article in crate::corpus::seeds() {
            for para in &article.paragraphs {
                if check(para) == Some(true) {
                    assert_eq!(fast(para), reference(para), "{para:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 20, "only {checked} seed paragraphs checked");
    }

    fn plain_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "ب", "ل", "ا", "ك", " ", "  ", "a", "Z", "#", "1", "٣", "٫", "٬", "(", ")", "[", "]",
            "«", "»", "“", "”", "\"", "'", "،", "؛", "؟", "!", "?", ".", ",", ":", ";", "-", "–",
            "|", "\u{064E}", "\u{0651}", "\u{0670}",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None,
            ..ProptestConfig::default() })]

        #[test]
        fn breaks_equal_unicode_linebreak(text in plain_text()) {
            if check(&text) == Some(true) {
                prop_assert_eq!(fast(&text), reference(&text));
            }
        }
    }
}
