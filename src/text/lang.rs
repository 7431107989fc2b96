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
        let (mut arabic, mut latin) = (0usize, 0usize);
        for c in text.chars() {
            match c {
                'a'..='z' | 'A'..='Z' => latin += 1,
                '\u{0620}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{FB50}'..='\u{FEFC}' => {
                    arabic += 1
                }
                _ => {}
            }
        }
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
        let mut sample = String::with_capacity(SAMPLE_BYTES + 256);
        sample.push_str(&article.title);
        for p in article.paragraphs.iter() {
            if sample.len() >= SAMPLE_BYTES {
                break;
            }
            let mut end = p.len().min(SAMPLE_BYTES);
            while !p.is_char_boundary(end) {
                end -= 1;
            }
            sample.push(' ');
            sample.push_str(&p[..end]);
        }
        Lang::detect(&sample)
    }
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
