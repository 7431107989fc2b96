//! Words of ASCII letters found eight bytes at a time: most of English text.

/// The end of a word of ASCII letters only starting at byte `i`, when what follows it
/// (an ASCII space, punctuation, or the end) ends the token: most words of English text.
/// A letter, digit or non-ASCII character after it is left to the general run.
#[inline(always)]
pub(super) fn plain_ascii_word(b: &[u8], i: usize) -> Option<usize> {
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    // Eight bytes at a time while eight are left, then byte by byte.
    let mut end = i + 1;
    while let Some(chunk) = b
        .get(end..end + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        // The first byte that is no letter (8: all are).
        let letters = (ascii_letter_bits(chunk) ^ 0xFF | 0x100).trailing_zeros() as usize;
        end += letters;
        if letters < 8 {
            break;
        }
    }
    if b.len() < end + 8 {
        end += b[end..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    }
    match b.get(end) {
        Some(c) if !c.is_ascii() || c.is_ascii_digit() => None,
        _ => Some(end),
    }
}

/// Bit `j` (of the low eight) set when byte `j` of `chunk` is an ASCII
/// letter: the eight tests in one `u64` and no branch (finding words is most of the work
/// on English text; docs/claims.md, "Performance").
#[inline(always)]
pub(crate) fn ascii_letter_bits(chunk: [u8; 8]) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(chunk);
    // Each byte's low seven bits, lowercased: adding 0x1F carries into its high bit from
    // 'a' (0x61) up, adding 0x05 from past 'z' (0x7A); no byte overflows into the next.
    let l = (x | 0x2020_2020_2020_2020) & !HIGH;
    let letters = (l + 0x1F1F_1F1F_1F1F_1F1F) & !(l + 0x0505_0505_0505_0505) & !x & HIGH;
    // Byte j's bit (bit 8j once shifted down) lands on bit 56 + j, and nothing else does.
    (letters >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

#[cfg(test)]
mod tests {
    use super::{ascii_letter_bits, plain_ascii_word};

    /// The word end as the byte loop found it.
    fn reference(b: &[u8], i: usize) -> Option<usize> {
        if !b.get(i)?.is_ascii_alphabetic() {
            return None;
        }
        let end = i + b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        match b.get(end) {
            Some(c) if !c.is_ascii() || c.is_ascii_digit() => None,
            _ => Some(end),
        }
    }

    #[test]
    fn word_ends_are_those_of_the_byte_loop() {
        let texts = [
            "",
            "a",
            "abcdefgh",
            "abcdefghi",
            "Seventeen protesters, including 9 officers; internationalisation-of",
            "word\u{e9}t\u{0645}x 3rd abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP[`{@Z",
        ];
        for t in texts {
            let b = t.as_bytes();
            for i in 0..=b.len() {
                assert_eq!(plain_ascii_word(b, i), reference(b, i), "{t:?} {i}");
            }
        }
    }

    #[test]
    fn letter_bits_are_the_byte_test() {
        // Every byte value at every place, among letters and the bytes next to them.
        let fill = *b"a@Z[`{z\xc1";
        for at in 0..8 {
            for x in 0..=255u8 {
                let mut b = fill;
                b[at] = x;
                let want = b.iter().enumerate().fold(0u64, |m, (j, c)| {
                    m | u64::from(c.is_ascii_alphabetic()) << j
                });
                assert_eq!(ascii_letter_bits(b), want, "{at} {x}");
            }
        }
    }
}
