//! Tokenizer: one pass over a paragraph's bytes into words, digit runs and punctuation.
//!
//! Words are normalised into one reused arena (no allocation per token): harakat and
//! tatweel dropped, alef forms → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, so Egyptian and Gulf
//! spellings and missing hamzas compare equal.

use std::ops::Range;
use std::sync::OnceLock;

mod ascii;
mod run;
mod stems;

pub(crate) use ascii::ascii_letter_bits;
use ascii::plain_ascii_word;
use run::RunBuilder;
pub use stems::stems;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Letters only (possibly with digits glued after a prefix, see `Digits`).
    Word,
    /// A run of digits, maybe with an Arabic prefix glued before it (و250).
    Digits(DigitRun),
    /// Punctuation that ends a clause (. ، , ؛ ; : ! ? ؟ ( ) …).
    Stop(char),
    /// Punctuation that does not end a clause (quotes, dashes, %, /).
    Mark(char),
}

/// A digit run and how it was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DigitRun {
    pub value: f64,
    /// Number of digits (all groups).
    pub digits: u32,
    /// Only digits: no separator, decimal point or colon.
    pub plain: bool,
    /// Contains a colon between digits (05:53): a clock time or a score.
    pub colon: bool,
    /// Starts with a zero and has more digits (phone numbers, codes).
    pub leading_zero: bool,
    /// Letters glued after the digits or Latin letters anywhere: an identifier (F16).
    pub glued_latin: bool,
    /// Bytes of Arabic letters glued before the digits (و، ب، ال، الـ...), in the source.
    pub prefix_len: u32,
    /// The prefix is the article (ال / الـ): an ordinal («الـ5»).
    pub definite: bool,
    /// Prefix was و or ف: continues a list or a compound.
    pub connector: bool,
    /// Digits after the decimal point (13.61 → 2): how precisely it is written.
    pub frac_digits: u32,
    /// One to three digits, one ASCII dot, exactly three digits («10.000»، «1.500»): the
    /// dot may group thousands, as Arabic papers write them (`value` reads it as a
    /// decimal; see `numbers::dot_thousands`).
    pub dot_group: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte range in the paragraph.
    pub span: Range<usize>,
    pub kind: Kind,
    /// Normalised letters in `Tokens::arena` (empty for punctuation).
    pub norm: Range<usize>,
    /// Whitespace (or the paragraph start) directly before the token.
    pub space_before: bool,
}

/// A tokenised paragraph; reuse one value across paragraphs to keep allocations flat.
#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Token>,
    pub arena: String,
}

impl Tokens {
    pub fn norm(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map(|t| &self.arena[t.norm.clone()])
            .unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Tokenises `text`, replacing the previous content.
    pub fn scan(&mut self, text: &str) {
        self.toks.clear();
        self.arena.clear();
        let tables = char_tables();
        let mut i = 0;
        let mut space_before = true;
        while let Some((c, info)) = tables.at(text, i) {
            let len = usize::from(info.len);
            match info.class {
                Class::Space => {
                    space_before = true;
                    i += len;
                    continue;
                }
                Class::Word | Class::Digit => {
                    let start = i;
                    if let Some(end) = plain_ascii_word(text.as_bytes(), i) {
                        // What the run below makes of it, without its bookkeeping.
                        let norm_start = self.arena.len();
                        self.arena.push_str(&text[i..end]);
                        self.arena[norm_start..].make_ascii_lowercase();
                        self.toks.push(Token {
                            span: i..end,
                            kind: Kind::Word,
                            norm: norm_start..self.arena.len(),
                            space_before,
                        });
                        i = end;
                        // The space after the word, taken here as the loop would take it.
                        space_before = text.as_bytes().get(i) == Some(&b' ');
                        i += usize::from(space_before);
                        continue;
                    }
                    let norm_start = self.arena.len();
                    let mut run = RunBuilder::default();
                    run.push(c, info, &mut self.arena);
                    i += len;
                    loop {
                        // A run of ASCII letters (most of English text) in one step.
                        let letters = text.as_bytes()[i..]
                            .iter()
                            .take_while(|b| b.is_ascii_alphabetic())
                            .count();
                        if letters > 0 {
                            run.push_ascii_letters(&text[i..i + letters], &mut self.arena);
                            i += letters;
                        }
                        let Some((d, info)) = tables.at(text, i) else {
                            break;
                        };
                        match info.class {
                            // «33سنة»، «25يناير»: letters glued after digits are a word
                            // of their own (ASCII letters stay: F16 is an identifier).
                            Class::Word
                                if run
                                    .digits_end(d, tables.at(text, i + usize::from(info.len))) =>
                            {
                                break;
                            }
                            // «يناير2011»، «عام2010»: digits glued after a word that is
                            // not only clitics (و، ب، ال...) start a token of their own.
                            Class::Digit if run.word_before_digits(&self.arena[norm_start..]) => {
                                break;
                            }
                            Class::Word | Class::Digit => run.push(d, info, &mut self.arena),
                            // A joiner only counts when a digit follows it directly.
                            _ if run.last_digit && is_number_joiner(d) => {
                                let next = tables.at(text, i + usize::from(info.len));
                                if !next.is_some_and(|(_, n)| n.class == Class::Digit) {
                                    break;
                                }
                                run.joiner(d);
                            }
                            _ => break,
                        }
                        i += usize::from(info.len);
                    }
                    let kind = run.finish(&self.arena[norm_start..]);
                    self.toks.push(Token {
                        span: start..i,
                        kind,
                        norm: norm_start..self.arena.len(),
                        space_before,
                    });
                }
                Class::Stop | Class::Punct => {
                    let kind = if info.class == Class::Stop {
                        Kind::Stop(c)
                    } else {
                        Kind::Mark(c)
                    };
                    let n = self.arena.len();
                    self.toks.push(Token {
                        span: i..i + len,
                        kind,
                        norm: n..n,
                        space_before,
                    });
                    i += len;
                }
            }
            space_before = false;
        }
    }
}

/// What a character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Class {
    /// Whitespace or an invisible control: separates tokens.
    Space,
    /// A letter or mark.
    Word,
    Digit,
    /// Punctuation that ends a clause.
    Stop,
    /// Any other character.
    Punct,
}

/// A character's class, length, digit value and normalised form, looked up in tables
/// for ASCII, the Arabic block and general punctuation (the characters of nearly every
/// paragraph).
#[derive(Debug, Clone, Copy, PartialEq)]
struct CharInfo {
    class: Class,
    /// Bytes in UTF-8.
    len: u8,
    digit: u8,
    norm: Option<char>,
}

impl CharInfo {
    /// From the character functions; the tables hold exactly these values.
    fn of(c: char) -> CharInfo {
        let digit = digit_value(c);
        let class = if c.is_whitespace() || is_invisible(c) {
            Class::Space
        } else if is_word_char(c) {
            Class::Word
        } else if digit.is_some() {
            Class::Digit
        } else if is_stop(c) {
            Class::Stop
        } else {
            Class::Punct
        };
        CharInfo {
            class,
            len: c.len_utf8() as u8,
            digit: digit.map_or(0, |d| d as u8),
            norm: normalized_char(c),
        }
    }
}

struct CharTables {
    ascii: [CharInfo; 128],
    /// U+0600..U+06FF.
    arabic: [CharInfo; 256],
    /// U+2000..U+20FF: spaces, dashes, quotes, invisible controls.
    punctuation: [CharInfo; 256],
}

fn char_tables() -> &'static CharTables {
    static TABLES: OnceLock<CharTables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let block = |base: u32| {
            std::array::from_fn(|i| {
                char::from_u32(base + i as u32).map_or(CharInfo::of('\0'), CharInfo::of)
            })
        };
        CharTables {
            ascii: std::array::from_fn(|b| CharInfo::of(char::from(b as u8))),
            arabic: block(0x600),
            punctuation: block(0x2000),
        }
    })
}

impl CharTables {
    /// The character at byte `i` (a character boundary) of `text` and its info,
    /// decoding the UTF-8 of the tables' characters directly.
    #[inline(always)]
    fn at(&self, text: &str, i: usize) -> Option<(char, CharInfo)> {
        let b = text.as_bytes();
        let x = *b.get(i)?;
        if x < 0x80 {
            return Some((char::from(x), self.ascii[usize::from(x)]));
        }
        let y = b.get(i + 1).map_or(0, |&y| u32::from(y & 0x3F));
        if (0xD8..=0xDB).contains(&x) {
            // U+0600..U+06FF: the low 8 bits are the lead's two low bits and the
            // continuation's six.
            let low = u32::from(x & 3) << 6 | y;
            let c = char::from_u32(0x600 | low)?;
            return Some((c, self.arabic[low as usize]));
        }
        if x == 0xE2
            && y < 4
            && let Some(&z) = b.get(i + 2)
        {
            let low = y << 6 | u32::from(z & 0x3F);
            let c = char::from_u32(0x2000 | low)?;
            return Some((c, self.punctuation[low as usize]));
        }
        let c = text.get(i..)?.chars().next()?;
        Some((c, CharInfo::of(c)))
    }
}

/// The decimal value of a Western, Arabic-Indic or Extended Arabic-Indic digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn is_number_joiner(c: char) -> bool {
    matches!(c, ',' | '.' | ':' | '\u{066B}' | '\u{066C}')
}

// Marks and invisible characters are those of the one shared folding; the engine
// treats invisibles as word separators (see `CharInfo::of`) before folding.
pub use crate::text::fold::{is_invisible, is_mark};

/// The word starts with an Arabic letter (U+0620–U+064A): a noun or a nisba, not a
/// Latin word, a symbol or a digit.
pub fn starts_arabic(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| ('\u{0620}'..='\u{064A}').contains(&c))
}

/// Letters and marks. Arabic and ASCII are decided by range (this runs on every
/// character; the general Unicode lookup dominated the profile).
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        _ if c.is_ascii() => false,
        '\u{0621}'..='\u{065F}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}'..='\u{06ED}' => true,
        '\u{06FA}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphabetic() || is_mark(c),
    }
}

fn is_stop(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | '\u{060C}'
            | '\u{061B}'
            | ';'
            | ':'
            | '!'
            | '?'
            | '\u{061F}'
            | '('
            | ')'
            | '['
            | ']'
            | '\u{2026}'
            | '\u{06D4}'
    )
}

/// Appends the normalised form of one letter (nothing for marks).
pub fn push_normalized(c: char, out: &mut String) {
    if let Some(n) = normalized_char(c) {
        out.push(n);
    }
}

/// The normalised form of one letter; `None` for marks: the shared folding, so the
/// lexicon matches what search and the bookmarks filter match.
#[inline]
pub fn normalized_char(c: char) -> Option<char> {
    crate::text::fold::fold_char(c)
}

/// The normalised form of a whole string (used for lexicon entries, not per token).
pub fn normalize(s: &str) -> String {
    crate::text::fold::fold_words(s)
}

#[cfg(test)]
mod tests;
