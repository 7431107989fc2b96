//! Candidate stems of a normalised word (proclitics and the article stripped), for
//! lexicon and word-list lookups.

/// Candidate stems of a normalised word: itself, then with the proclitics و/ف, ب/ل/ك and
/// the article ال stripped in turn. Each comes with whether the article was removed.
/// At most five stems, none shorter than two letters.
pub fn stems(word: &str) -> Stems<'_> {
    let long = |s: &str| s.chars().nth(1).is_some();
    let mut out = Stems {
        out: [(word, false); 5],
        n: 1,
        next: 0,
    };
    // Every proclitic is an Arabic letter: an English word is its only stem (this runs
    // on every lexicon lookup).
    if word.as_bytes().first().is_none_or(u8::is_ascii) {
        return out;
    }
    let mut rest = word;
    if let Some(r) = rest.strip_prefix(['و', 'ف'])
        && long(r)
    {
        rest = r;
        out.push(rest, false);
    }
    // ل + ال with the alef dropped: للشرطة.
    if let Some(r) = rest.strip_prefix("لل")
        && long(r)
    {
        out.push(r, true);
        return out;
    }
    if let Some(r) = rest.strip_prefix(['ب', 'ل', 'ك'])
        && long(r)
    {
        rest = r;
        out.push(rest, false);
    }
    if let Some(r) = rest.strip_prefix("ال")
        && long(r)
    {
        out.push(r, true);
    }
    out
}

/// The stems of a word ([`stems`]), in a fixed array: an iterator over an array of
/// options cost more than the lookups it fed (docs/claims.md, "Speed").
#[derive(Debug, Clone)]
pub struct Stems<'a> {
    out: [(&'a str, bool); 5],
    n: u8,
    next: u8,
}

impl<'a> Stems<'a> {
    fn push(&mut self, stem: &'a str, article: bool) {
        self.out[usize::from(self.n)] = (stem, article);
        self.n += 1;
    }
}

impl<'a> Iterator for Stems<'a> {
    type Item = (&'a str, bool);

    #[inline]
    fn next(&mut self) -> Option<(&'a str, bool)> {
        if self.next >= self.n {
            return None;
        }
        let s = self.out[usize::from(self.next)];
        self.next += 1;
        Some(s)
    }
}
