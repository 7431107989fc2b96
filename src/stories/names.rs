//! Names of people across scripts, without a gazetteer entry: «حمادة صابر» and
//! "Hamada Saber" give the same term (docs/stories.md, "Names across scripts").
//!
//! A word's *skeleton* is its consonants mapped to classes that Arabic letters and
//! their usual Latin spellings share (ح ه h → H, ق ك q k → K, ج j g → J, خ kh → X,
//! ش sh → C...); vowels, alif, hamza and ʿayn, which English spellings write as any
//! vowel or not at all, are dropped, as are و ي w y inside a word (they are vowels as
//! often as consonants). A *name* is a run of words starting with a given name of
//! [`GIVEN_SOURCE`]: in Arabic the listed word itself (Arabic has no capitals), in
//! Latin script a capitalised word whose skeleton is a listed name's, followed by
//! capitalised words. Each two neighbouring words of a name give a term, the hash of
//! their two skeletons: a pair of words, not one, because a skeleton of two or three
//! consonants alone matches many words.

use std::sync::OnceLock;

use super::fastmap::FastMap;

/// Common Arabic given names, one per line (`#` comments).
pub const GIVEN_SOURCE: &str = include_str!("../../assets/given_names.txt");

/// Most words of a name after its given name: "Mohamed Hussein El-Korani" is 3.
const MAX_PARTS: usize = 3;

/// Fewest consonants of a given name's skeleton: «علي» (L) would match "All", "Eli".
const MIN_GIVEN: u32 = 2;

/// A consonant class, 1 to 31 (0: dropped).
type Class = u8;

const B: Class = 1;
const T: Class = 2;
const J: Class = 3;
const H: Class = 4;
const X: Class = 5;
const D: Class = 6;
const Z: Class = 7;
const R: Class = 8;
const S: Class = 9;
const C: Class = 10;
const G: Class = 11;
const F: Class = 12;
const K: Class = 13;
const L: Class = 14;
const M: Class = 15;
const N: Class = 16;
const W: Class = 17;
const Y: Class = 18;

/// The class of a folded Arabic letter; `None` for one that is not an Arabic letter.
fn arabic(c: char, first: bool, last: bool) -> Option<Class> {
    Some(match c {
        'ب' => B,
        'ت' | 'ث' | 'ط' => T,
        'ج' => J,
        'ح' => H,
        // Final ه is ة folded (a vowel: «حمادة» "Hamada").
        'ه' => {
            if last {
                0
            } else {
                H
            }
        }
        'خ' => X,
        'د' | 'ض' => D,
        'ذ' | 'ز' | 'ظ' => Z,
        'ر' => R,
        'س' | 'ص' => S,
        'ش' => C,
        'غ' => G,
        'ف' => F,
        'ق' | 'ك' => K,
        'ل' => L,
        'م' => M,
        'ن' => N,
        'و' => {
            if first {
                W
            } else {
                0
            }
        }
        'ي' => {
            if first {
                Y
            } else {
                0
            }
        }
        'ا' | 'ء' | 'ئ' | 'ؤ' | 'ع' => 0,
        _ => return None,
    })
}

/// Skeleton of a folded word (Arabic letters, or lower-case ASCII letters), packed 5
/// bits a class, at most 12 classes; 0 if it has none or is not a word of one script.
/// A class repeated with nothing between is one («حسين» and "Hussein" are H S N).
pub fn skeleton(word: &str) -> u64 {
    let mut out: u64 = 0;
    let mut n = 0;
    // The last class pushed, and whether it was the letter just before.
    let mut prev: Class = 0;
    let mut push = |c: Class, adjacent: bool| {
        if c == 0 || (adjacent && c == prev) || n >= 12 {
            return;
        }
        out = out << 5 | u64::from(c);
        n += 1;
        prev = c;
    };
    let b = word.as_bytes();
    if b.first().is_some_and(u8::is_ascii_lowercase) {
        let mut i = 0;
        let mut last_kept = false;
        while i < b.len() {
            let next = b.get(i + 1).copied();
            let first = i == 0;
            let (c, len) = match (b[i], next) {
                (b's' | b'c', Some(b'h')) => (C, 2),
                (b'k', Some(b'h')) => (X, 2),
                (b'g', Some(b'h')) => (G, 2),
                (b't', Some(b'h')) => (T, 2),
                (b'd', Some(b'h')) => (Z, 2),
                (b'b' | b'p', _) => (B, 1),
                (b't', _) => (T, 1),
                (b'j' | b'g', _) => (J, 1),
                // Final h after a vowel is the vowel's ("Abdallah", "Hamadah").
                (b'h', None) if !last_kept => (0, 1),
                (b'h', _) => (H, 1),
                (b'd', _) => (D, 1),
                (b'z', _) => (Z, 1),
                (b'r', _) => (R, 1),
                (b's', _) => (S, 1),
                (b'c' | b'k' | b'q', _) => (K, 1),
                (b'f' | b'v', _) => (F, 1),
                (b'l', _) => (L, 1),
                (b'm', _) => (M, 1),
                (b'n', _) => (N, 1),
                (b'w', _) if first => (W, 1),
                (b'y', _) if first => (Y, 1),
                (b'a' | b'e' | b'i' | b'o' | b'u' | b'w' | b'y', _) => (0, 1),
                (b'x', _) => {
                    push(K, last_kept);
                    (S, 1)
                }
                _ => return 0,
            };
            push(c, last_kept);
            last_kept = c != 0;
            i += len;
        }
    } else {
        let mut chars = word.chars().peekable();
        let mut first = true;
        let mut last_kept = false;
        while let Some(ch) = chars.next() {
            let Some(c) = arabic(ch, first, chars.peek().is_none()) else {
                return 0;
            };
            push(c, last_kept);
            last_kept = c != 0;
            first = false;
        }
    }
    out
}

/// Number of classes in a skeleton.
fn classes(sk: u64) -> u32 {
    (64 - sk.leading_zeros()).div_ceil(5)
}

/// The given names: their folded Arabic forms and their skeletons.
pub struct Given {
    arabic: FastMap<u64, ()>,
    skeletons: FastMap<u64, ()>,
}

/// The given names of [`GIVEN_SOURCE`], read once.
pub fn given() -> &'static Given {
    static GIVEN: OnceLock<Given> = OnceLock::new();
    GIVEN.get_or_init(|| {
        let mut g = Given {
            arabic: FastMap::default(),
            skeletons: FastMap::default(),
        };
        for line in GIVEN_SOURCE.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let w: String = line.chars().filter_map(super::terms::fold).collect();
            g.arabic.insert(super::terms::hash(&w), ());
            let sk = skeleton(&w);
            if classes(sk) >= MIN_GIVEN {
                g.skeletons.insert(sk, ());
            }
        }
        g
    })
}

impl Given {
    /// Whether the folded Arabic word (of hash `h`) is a listed given name.
    pub fn is_arabic(&self, h: u64) -> bool {
        self.arabic.contains_key(&h)
    }

    /// Whether the skeleton is a listed given name's.
    pub fn has_skeleton(&self, sk: u64) -> bool {
        self.skeletons.contains_key(&sk)
    }
}

/// A word of the text as names are found in it.
#[derive(Clone, Copy)]
pub struct Word<'a> {
    /// Folded (lower case, Arabic letters folded).
    pub text: &'a str,
    /// Written with a capital first letter.
    pub capital: bool,
    /// Part of a gazetteer entity's name (such names are terms already).
    pub entity: bool,
}

/// The terms of the names in `words` (see the module's comment), each passed to `f`
/// as a 64-bit hash of two skeletons (the caller tags it).
pub fn find<'a>(n: usize, words: impl Fn(usize) -> Word<'a>, mut f: impl FnMut(u64)) {
    let given = given();
    let mut k = 0;
    while k < n {
        let Some((first, latin, glued)) = given_at(given, &words(k)) else {
            k += 1;
            continue;
        };
        let mut prev = first;
        let mut parts = 0;
        if let Some(g) = glued {
            f(pair(prev, g));
            prev = g;
            parts = 1;
        }
        let mut j = k + 1;
        while j < n && parts < MAX_PARTS {
            let w = &words(j);
            if w.entity {
                break;
            }
            if latin {
                // "el"/"al" of "Abdel-Rahman El-Korani" is «ال», which Arabic glues on.
                if matches!(w.text, "el" | "al") {
                    j += 1;
                    continue;
                }
                if !w.capital {
                    break;
                }
            }
            let sk = skeleton(part(w.text, latin));
            if sk == 0 {
                break;
            }
            f(pair(prev, sk));
            prev = sk;
            parts += 1;
            j += 1;
        }
        k = j.max(k + 1);
    }
}

/// The skeleton of a name's given name at `w`, whether it is in Latin script, and the
/// skeleton of the name glued to it («عبدالرحمن», "Abdelrahman": «عبد» and «رحمن»).
fn given_at(given: &Given, w: &Word) -> Option<(u64, bool, Option<u64>)> {
    if w.entity {
        return None;
    }
    if w.text
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_lowercase)
    {
        if !w.capital {
            return None;
        }
        let (word, glued) = split_abd(w.text, &["abdel", "abdul", "abdal"], "abd");
        let sk = skeleton(word);
        return given
            .has_skeleton(sk)
            .then(|| (sk, true, glued.map(skeleton).filter(|&g| g != 0)));
    }
    // Given names are 2 to 12 letters (2 bytes each): most words are passed over here.
    if !(4..=24).contains(&w.text.len()) {
        return None;
    }
    // «ومحمد», «لحمادة»: one conjunction or preposition glued on.
    let word = if given.is_arabic(super::terms::hash(w.text)) {
        w.text
    } else {
        w.text
            .strip_prefix(['و', 'ب', 'ل', 'ف'])
            .filter(|r| given.is_arabic(super::terms::hash(r)))?
    };
    let (word, glued) = split_abd(word, &["عبدال"], "عبد");
    Some((
        skeleton(word),
        false,
        glued.map(skeleton).filter(|&g| g != 0),
    ))
}

/// `w` as «عبد» (`abd`) and the rest when it starts with one of `glued` and three
/// letters or more follow; else `w` alone.
fn split_abd<'a>(w: &'a str, glued: &[&str], abd: &'a str) -> (&'a str, Option<&'a str>) {
    for g in glued {
        if let Some(rest) = w.strip_prefix(g)
            && rest.chars().nth(2).is_some()
        {
            return (abd, Some(rest));
        }
    }
    (w, None)
}

/// "Abdel", "Abdul", "Abdal" are «عبد» and the «ال» of the next word.
fn latin_given(w: &str) -> &str {
    match w {
        "abdel" | "abdul" | "abdal" | "abdol" | "abdoul" | "abdil" => "abd",
        _ => w,
    }
}

/// A name's later word as its skeleton is taken: «القرني» is «قرني» ("El-Korani" is
/// two words, "el" and "korani").
fn part(w: &str, latin: bool) -> &str {
    if latin {
        return latin_given(w);
    }
    match w.strip_prefix("ال") {
        Some(rest) if rest.chars().nth(1).is_some() => rest,
        _ => w,
    }
}

/// The hash of two neighbouring words' skeletons (FNV-1a over their bytes).
fn pair(a: u64, b: u64) -> u64 {
    a.to_le_bytes()
        .iter()
        .chain(&[0xff])
        .chain(&b.to_le_bytes())
        .fold(0xcbf2_9ce4_8422_2325, |h, &x| {
            (h ^ u64::from(x)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
