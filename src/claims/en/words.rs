//! English number words («two», «fifteen», «hundred», «million», «dozens»…): what each
//! means to the compound parser in `numbers`.

use crate::claims::lexicon::word_shape;

/// What one (lowercased) English number word means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    /// 1–9.
    Unit(u8),
    /// 10–19.
    Teen(u8),
    /// 20–90.
    Tens(u8),
    Hundred,
    /// thousand, million, billion, trillion (and bn, mn, tn).
    Scale(f64),
    /// A dozen is twelve of what came before («two dozen», «a dozen»).
    Dozen,
    /// «a», «an»: one, only before a scale, a dozen or a vague word («a hundred»).
    Article,
    Half,
    /// A vague count: dozens, scores [20, 100); hundreds [200, 1000)… `lo..hi`;
    /// `of_scale`: may take «of» + a plural scale («tens of thousands»).
    Vague {
        lo: f64,
        hi: f64,
        of_scale: bool,
    },
    /// thousands, millions, billions: a scale in the plural; vague on its own, a
    /// multiplier after a vague word.
    Plural(f64),
    /// several, a few, a handful: [3, 10) (×1000 in «several thousand»).
    Few {
        lo: f64,
    },
}

/// Every number word and what it means (lowercased).
const WORDS: &[(&str, Word)] = {
    use Word::*;
    const DOZENS: Word = Vague {
        lo: 20.0,
        hi: 100.0,
        of_scale: true,
    };
    &[
        ("one", Unit(1)),
        ("two", Unit(2)),
        ("three", Unit(3)),
        ("four", Unit(4)),
        ("five", Unit(5)),
        ("six", Unit(6)),
        ("seven", Unit(7)),
        ("eight", Unit(8)),
        ("nine", Unit(9)),
        ("ten", Teen(10)),
        ("eleven", Teen(11)),
        ("twelve", Teen(12)),
        ("thirteen", Teen(13)),
        ("fourteen", Teen(14)),
        ("fifteen", Teen(15)),
        ("sixteen", Teen(16)),
        ("seventeen", Teen(17)),
        ("eighteen", Teen(18)),
        ("nineteen", Teen(19)),
        ("twenty", Tens(20)),
        ("thirty", Tens(30)),
        ("forty", Tens(40)),
        ("fourty", Tens(40)),
        ("fifty", Tens(50)),
        ("sixty", Tens(60)),
        ("seventy", Tens(70)),
        ("eighty", Tens(80)),
        ("ninety", Tens(90)),
        ("hundred", Hundred),
        ("thousand", Scale(1e3)),
        ("million", Scale(1e6)),
        ("mn", Scale(1e6)),
        ("mln", Scale(1e6)),
        ("billion", Scale(1e9)),
        ("bn", Scale(1e9)),
        ("bln", Scale(1e9)),
        ("trillion", Scale(1e12)),
        ("tn", Scale(1e12)),
        ("dozen", Dozen),
        ("a", Article),
        ("an", Article),
        ("half", Half),
        ("dozens", DOZENS),
        ("scores", DOZENS),
        ("tens", DOZENS),
        (
            "hundreds",
            Vague {
                lo: 200.0,
                hi: 1000.0,
                of_scale: true,
            },
        ),
        ("thousands", Plural(1e3)),
        ("millions", Plural(1e6)),
        ("billions", Plural(1e9)),
        ("several", Few { lo: 3.0 }),
        ("few", Few { lo: 3.0 }),
        ("handful", Few { lo: 3.0 }),
    ]
};

/// The shapes of [`WORDS`] (`lexicon::word_shape`): a word whose bit is not set is no
/// number word. Every word of a paragraph is asked (by the pre-filter, the number parser and the implicit
/// counts): most are rejected here, without comparing strings (docs/claims.md, "Speed").
static GATE: [u64; 256] = {
    let mut bits = [0u64; 256];
    let mut k = 0;
    while k < WORDS.len() {
        let b = word_shape(WORDS[k].0.as_bytes());
        bits[b / 64] |= 1 << (b % 64);
        k += 1;
    }
    bits
};

/// The number word `w` (lowercased) is, if any.
pub fn word(w: &str) -> Option<Word> {
    let b = word_shape(w.as_bytes());
    if GATE[b / 64] >> (b % 64) & 1 == 0 {
        return None;
    }
    WORDS.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// Every number word (lowercased).
pub fn keys() -> impl Iterator<Item = &'static str> {
    WORDS.iter().map(|(w, _)| *w)
}

/// The longest number word looked up on raw bytes (letters): «seventeen», «thousands».
pub const LONGEST: usize = 12;

#[cfg(test)]
mod tests {
    use super::{WORDS, Word, word};

    #[test]
    fn the_gate_lets_every_number_word_through_and_stops_others() {
        for &(w, v) in WORDS {
            assert_eq!(word(w), Some(v), "{w}");
        }
        assert_eq!(word("twenty"), Some(Word::Tens(20)));
        for w in [
            "the",
            "of",
            "and",
            "to",
            "tenth",
            "onet",
            "thirtyish",
            "",
            "ones",
            "as",
        ] {
            assert_eq!(word(w), None, "{w}");
        }
    }
}
