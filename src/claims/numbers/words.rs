//! The Arabic number words (واحد … مليار, عشرات, بضع) and a letter-pair filter that
//! rejects most other words before any hashing.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Word;
use crate::claims::tokens::{Kind, Tokens, is_mark, normalized_char, push_normalized, stems};

type Table = HashMap<String, Word, crate::claims::lexicon::FastHash>;

/// The number words, and a filter over (first letter, last letter) of every form: a word
/// whose letter pair is not in it cannot be a number word, so most words skip hashing.
pub(super) struct Words {
    pub(super) table: Table,
    pairs: [u64; 64],
    /// Letters some number word ends with.
    lasts: u64,
}

/// Index of a letter in U+0620..U+065F (the Arabic letters and marks).
pub fn letter_index(c: char) -> Option<usize> {
    let i = (c as u32).checked_sub(0x0620)?;
    (i < 64).then_some(i as usize)
}

impl Words {
    fn may_be(&self, stem: &str, last: usize) -> bool {
        stem.chars()
            .next()
            .and_then(letter_index)
            .is_some_and(|f| self.pairs[f] & (1 << last) != 0)
    }

    /// The letter-pair filter on a raw (unnormalised) word, for every way of stripping
    /// proclitics: most words are rejected without normalising them.
    pub(super) fn may_be_raw(&self, w: &str) -> bool {
        let letter = |c: char| normalized_char(c).and_then(letter_index);
        let Some(last) = w.chars().rev().find(|&c| !is_mark(c)).and_then(letter) else {
            return false;
        };
        if self.lasts & (1 << last) == 0 {
            return false;
        }
        let mut rest = w;
        for _ in 0..4 {
            let mut chars = rest.chars();
            let Some(first) = chars.next() else {
                return false;
            };
            if letter(first).is_some_and(|f| self.pairs[f] & (1 << last) != 0) {
                return true;
            }
            // Proclitics are one or two letters (و ف ب ل ك ال); try dropping one.
            if !matches!(first, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ا') {
                return false;
            }
            rest = chars.as_str();
        }
        false
    }

    /// Looks a normalised word up, trying its stems; with whether ال was stripped and
    /// whether a و/ف was.
    pub(super) fn get(&self, w: &str) -> Option<(Word, bool, bool)> {
        let last = w.chars().next_back().and_then(letter_index)?;
        if self.lasts & (1 << last) == 0 {
            return None;
        }
        if COMMON_WORDS.contains(&w.strip_prefix(['و', 'ف']).unwrap_or(w)) {
            return None;
        }
        for (stem, al) in stems(w) {
            // «كمية» is a quantity, not «ك» + «مية» (100) (but «كعشرين» is twenty).
            if !self.may_be(stem, last)
                || (stem == "ميه" && w[..w.len() - stem.len()].ends_with('ك'))
            {
                continue;
            }
            if let Some(word) = self.table.get(stem) {
                let connector = stem.len() < w.len() && w.starts_with(['و', 'ف']);
                return Some((*word, al, connector));
            }
        }
        None
    }
}

/// Common words spelt as a proclitic and a number word: «لست» (I am not, of «ليس») is no
/// «ل» + «ست» (six), «ولست مع التظاهر». (Normalised; «و»/«ف» before them too.)
const COMMON_WORDS: &[&str] = &["لست"];

pub(super) fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let table = build_table();
        let mut pairs = [0u64; 64];
        for k in table.keys() {
            let first = k.chars().next().and_then(letter_index);
            let last = k.chars().next_back().and_then(letter_index);
            if let (Some(f), Some(l)) = (first, last) {
                pairs[f] |= 1 << l;
            }
        }
        let lasts = pairs.iter().fold(0, |a, p| a | p);
        Words {
            table,
            pairs,
            lasts,
        }
    })
}

fn build_table() -> Table {
    use crate::claims::tokens::normalize;
    let mut t = Table::default();
    let mut add = |forms: &[&str], w: Word| {
        for f in forms {
            t.insert(normalize(f), w);
        }
    };
    let unit = |v| Word::Unit {
        v,
        teen_only: false,
    };
    add(&["واحد", "واحدة", "واحدا", "واحداً"], unit(1));
    add(
        &["أحد", "إحدى"],
        Word::Unit {
            v: 1,
            teen_only: true,
        },
    );
    add(
        &[
            "اثنان",
            "اثنين",
            "اثنتان",
            "اثنتين",
            "اثنا",
            "اثني",
            "اثنتا",
            "اثنتي",
            "إثنان",
            "إثنين",
            "اتنين",
            "ثنتين",
        ],
        unit(2),
    );
    add(&["ثلاث", "ثلاثة", "تلاتة", "تلات"], unit(3));
    add(&["أربع", "أربعة"], unit(4));
    add(&["خمس", "خمسة"], unit(5));
    add(&["ست", "ستة"], unit(6));
    add(&["سبع", "سبعة"], unit(7));
    add(&["ثمان", "ثماني", "ثمانية", "تمانية"], unit(8));
    add(&["تسع", "تسعة"], unit(9));
    add(&["عشر", "عشرة"], Word::Ten);
    let tens = [
        (20, "عشر"),
        (30, "ثلاث"),
        (40, "أربع"),
        (50, "خمس"),
        (60, "ست"),
        (70, "سبع"),
        (80, "ثمان"),
        (90, "تسع"),
    ];
    for (v, stem) in tens {
        add(&[&format!("{stem}ون"), &format!("{stem}ين")], Word::Tens(v));
    }
    let hundred = ["مئة", "مائة", "مية", "ميه", "مئه", "مائه"];
    add(&hundred, Word::Hundreds { v: 100, bare: true });
    add(
        &[
            "مئتان",
            "مئتين",
            "مئتا",
            "مئتي",
            "مائتان",
            "مائتين",
            "مائتا",
            "مائتي",
            "ميتين",
        ],
        Word::Hundreds {
            v: 200,
            bare: false,
        },
    );
    let units = [
        (3, "ثلاث"),
        (4, "أربع"),
        (5, "خمس"),
        (6, "ست"),
        (7, "سبع"),
        (8, "ثمان"),
        (8, "ثماني"),
        (9, "تسع"),
    ];
    for (u, stem) in units {
        for h in hundred {
            add(
                &[&format!("{stem}{h}")],
                Word::Hundreds {
                    v: u * 100,
                    bare: false,
                },
            );
        }
    }
    // (scale, singular forms, dual forms, plural forms)
    type Forms<'a> = (f64, &'a [&'a str], &'a [&'a str], &'a [&'a str]);
    let scales: [Forms; 5] = [
        (
            1e3,
            &["ألف", "ألفا", "ألفاً"],
            &["ألفان", "ألفين", "ألفي"],
            &["آلاف", "ألوف", "الاف"],
        ),
        (
            1e6,
            &["مليون", "مليونا", "مليوناً"],
            &["مليونان", "مليونين", "مليوني"],
            &["ملايين"],
        ),
        (
            1e9,
            &["مليار", "مليارا", "ملياراً", "بليون"],
            &["ملياران", "مليارين", "ملياري", "بليونين"],
            &["مليارات", "بلايين"],
        ),
        (
            1e12,
            &["تريليون", "ترليون"],
            &["تريليونين", "ترليونين"],
            &["تريليونات", "ترليونات"],
        ),
        (0.0, &[], &[], &[]),
    ];
    for (scale, one, two, many) in scales {
        if scale == 0.0 {
            continue;
        }
        add(one, Word::Scale { scale, count: 1 });
        add(two, Word::Scale { scale, count: 2 });
        add(many, Word::Scale { scale, count: 0 });
    }
    add(&["نصف"], Word::Half);
    add(
        &["عشرات"],
        Word::Vague {
            scale: 10.0,
            lo: 2.0,
        },
    );
    add(
        &["مئات", "مئات", "ميات"],
        Word::Vague {
            scale: 100.0,
            lo: 2.0,
        },
    );
    add(
        &["بضع", "بضعة"],
        Word::Vague {
            scale: 1.0,
            lo: 3.0,
        },
    );
    t
}

/// The number word a token is, with whether the article ال was stripped to find it.
/// «الـ15 مليار دولار»: digits with the article before a scale word are a definite
/// cardinal (the 15 billion), not an ordinal (الـ15 = the fifteenth, which never takes a
/// scale word).
pub(super) fn scale_follows(tokens: &Tokens, i: usize) -> bool {
    matches!(
        number_word(tokens, i + 1),
        Some((Word::Scale { .. }, false, false))
    )
}

pub fn number_word(tokens: &Tokens, i: usize) -> Option<(Word, bool, bool)> {
    let t = tokens.toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = tokens.norm(i);
    // Number words are short; this also skips long words cheaply.
    if w.len() > 24 || w.len() < 4 || !crate::claims::prefilter::may_be_number_word(w) {
        return None;
    }
    words().get(w)
}

/// The exact test of the paragraph pre-filter on one raw word (a run of word characters):
/// proclitics and all, after normalisation, is it a number word?
pub fn is_number_word_raw(w: &str) -> bool {
    let words = words();
    if w.len() < 4 || w.len() > 48 || !words.may_be_raw(w) {
        return false;
    }
    let mut buf = String::with_capacity(64);
    for c in w.chars() {
        push_normalized(c, &mut buf);
    }
    words.get(&buf).is_some()
}

/// Every number word, normalised.
pub fn number_word_keys() -> impl Iterator<Item = &'static str> {
    words().table.keys().map(String::as_str)
}
