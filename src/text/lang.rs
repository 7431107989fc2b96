//! The language of a text, for choosing the claims rules and the layout direction.
//!
//! qarin knows two languages' rules: Arabic (right to left) and English (left to right).
//! An article's metadata (`lang`, a BCP 47 tag) decides when it names one of them;
//! otherwise the script does: the share of Arabic letters against Latin letters in the
//! title and the first few kilobytes.

/// A language qarin has claims rules for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Arabic,
    English,
}

/// How many bytes of an article the script count looks at: enough for a few
/// paragraphs, and a 100 MB article is not read through.
const SAMPLE_BYTES: usize = 4096;

impl Lang {
    /// The BCP 47 tag (`ar`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Arabic => "ar",
            Lang::English => "en",
        }
    }

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Arabic
    }

    /// The language a BCP 47 tag names, if qarin has rules for it (`en-GB` → English).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ar" => Some(Lang::Arabic),
            "en" => Some(Lang::English),
            _ => None,
        }
    }

    /// The language of a text by its script: English when Latin letters outnumber Arabic
    /// ones, else Arabic (also for text with no letters at all).
    pub fn detect(text: &str) -> Lang {
        let (arabic, latin) = script_counts(text);
        Lang::by_counts(arabic, latin)
    }

    fn by_counts(arabic: usize, latin: usize) -> Lang {
        if latin > arabic {
            Lang::English
        } else {
            Lang::Arabic
        }
    }

    /// The language of an article: its metadata when that names a known language,
    /// else the script of its title and first paragraphs.
    pub fn of_article(article: &crate::corpus::Article) -> Lang {
        if let Some(l) = article.lang.as_deref().and_then(Lang::from_tag) {
            return l;
        }
        // The counts of the sample (title, then a space and each paragraph's first
        // `SAMPLE_BYTES`, until the sample holds that many), taken piece by piece: the
        // claims engine asks this of every article, and copying the sample cost more
        // than counting it.
        let (mut arabic, mut latin) = script_counts(&article.title);
        let mut len = article.title.len();
        for p in article.paragraphs.iter() {
            if len >= SAMPLE_BYTES {
                break;
            }
            let mut end = p.len().min(SAMPLE_BYTES);
            while !p.is_char_boundary(end) {
                end -= 1;
            }
            let (a, l) = script_counts(&p[..end]);
            arabic += a;
            latin += l;
            len += 1 + end;
        }
        Lang::by_counts(arabic, latin)
    }
}

/// Arabic letters (U+0620..U+064A, U+0671..U+06D3, U+FB50..U+FEFC) and Latin letters
/// (a-z, A-Z) of a text, counted on its bytes: a character is counted at its last
/// byte, from the bytes before it (in UTF-8 a lead byte is never a continuation byte,
/// so each pattern below is exactly one range of characters). Passes without branches
/// over the bytes, which the compiler turns into vector code; counts are summed in
/// bytes over blocks of 255 (a byte cannot overflow there), 32 lanes a vector instead
/// of 4 with `usize` sums: the claims engine asks this of every article
/// (docs/claims.md, "Speed").
fn script_counts(text: &str) -> (usize, usize) {
    const BLOCK: usize = 255;
    let b = text.as_bytes();
    let count = |f: &dyn Fn(usize) -> bool| (0..b.len()).filter(|&i| f(i)).count();
    let latin: usize = b
        .chunks(BLOCK)
        .map(|c| {
            let n = c.iter().fold(0u8, |n, &x| {
                n.wrapping_add(u8::from((x | 0x20).wrapping_sub(b'a') < 26))
            });
            usize::from(n)
        })
        .sum();
    // Two-byte letters: a lead D8..DB and its continuation.
    let (leads, conts) = (b, b.get(1..).unwrap_or_default());
    let two: usize = leads
        .chunks(BLOCK)
        .zip(conts.chunks(BLOCK))
        .map(|(ps, cs)| {
            let n = ps.iter().zip(cs).fold(0u8, |n, (&p, &c)| {
                n.wrapping_add(u8::from(
                    (p == 0xD8 && c >= 0xA0)
                        | (p == 0xD9 && (c <= 0x8A || c >= 0xB1))
                        | (p == 0xDA)
                        | (p == 0xDB && c <= 0x93),
                ))
            });
            usize::from(n)
        })
        .sum();
    // Presentation forms (EF AD 90 ..= EF BB BC) are rare: counted only when an EF
    // lead is there at all.
    let three = if b.contains(&0xEF) {
        count(&|i| {
            i >= 2 && b[i - 2] == 0xEF && {
                let (p, c) = (b[i - 1], b[i]);
                (0xAD..=0xBB).contains(&p) && (p != 0xAD || c >= 0x90) && (p != 0xBB || c <= 0xBC)
            }
        })
    } else {
        0
    };
    (two + three, latin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_decides_without_metadata() {
        assert_eq!(Lang::detect("At least 33 killed in Kirkuk"), Lang::English);
        assert_eq!(Lang::detect("مقتل 33 شخصا في كركوك"), Lang::Arabic);
        // A few Latin words (names, acronyms) in Arabic text do not make it English.
        assert_eq!(
            Lang::detect("قالت وكالة AP إن 33 شخصا قتلوا في كركوك"),
            Lang::Arabic
        );
        assert_eq!(Lang::detect("123 456"), Lang::Arabic);
    }

    /// The definition: the characters counted one by one.
    fn reference(text: &str) -> (usize, usize) {
        let (mut arabic, mut latin) = (0, 0);
        for c in text.chars() {
            match c {
                'a'..='z' | 'A'..='Z' => latin += 1,
                '\u{0620}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{FB50}'..='\u{FEFC}' => {
                    arabic += 1
                }
                _ => {}
            }
        }
        (arabic, latin)
    }

    #[test]
    fn byte_counts_are_the_character_counts() {
        // Every character of the blocks around the ranges' ends, and ASCII.
        let blocks = [0..0x80, 0x5F0..0x700, 0xFB00..0xFF00, 0x10000..0x10010];
        let all: String = blocks
            .into_iter()
            .flatten()
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(script_counts(&all), reference(&all));
        for c in all.chars() {
            let s = format!("x{c}\u{FEFC}{c}");
            assert_eq!(script_counts(&s), reference(&s), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_counts_agree_on_any_text(s in "\\PC{0,60}") {
            proptest::prop_assert_eq!(script_counts(&s), reference(&s));
        }

        /// Long texts: counts summed over blocks of 255 bytes, a two-byte letter split
        /// across two blocks.
        #[test]
        fn byte_counts_agree_across_blocks(s in "[a-zA-Z \u{0620}-\u{06FF}\u{FB50}-\u{FEFC}]{200,900}") {
            proptest::prop_assert_eq!(script_counts(&s), reference(&s));
        }
    }

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::English));
        assert_eq!(Lang::from_tag("AR_eg"), Some(Lang::Arabic));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::English.tag(), "en");
        assert!(Lang::Arabic.is_rtl() && !Lang::English.is_rtl());
    }
}
