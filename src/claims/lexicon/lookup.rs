//! Lookups of lexicon phrases at a token: every phrase, or the longest unit.

use super::{Kind, Lexicon, Target, Tokens, stems};

impl Lexicon {
    /// Calls `f(target, tokens_matched)` for every lexicon phrase starting at token `i`.
    pub fn matches_at(&self, tokens: &Tokens, i: usize, mut f: impl FnMut(Target, usize)) {
        if !matches!(tokens.toks.get(i).map(|t| t.kind), Some(Kind::Word)) {
            return;
        }
        let word = tokens.norm(i);
        let try_pattern = |pi: usize, article: bool, f: &mut dyn FnMut(Target, usize)| {
            let p = &self.patterns[pi];
            // «حق التظاهر»: a verb of the lexicon with the article after a noun of its act.
            if article && p.verb && self.act_noun_before(tokens, i) {
                return;
            }
            if let Some(len) = match_rest(tokens, i, &p.words) {
                f(p.target, len);
            }
        };
        for (stem, article) in stems(word) {
            if !self.starts.may_start(stem) {
                continue;
            }
            if self.exact_shapes.may_be(stem)
                && let Some(list) = self.exact.get(stem)
            {
                for &pi in list {
                    try_pattern(pi, article, &mut f);
                }
            }
            if !self.prefixed_starts.may_start(stem) {
                continue;
            }
            if let Some(list) = first_two(stem).and_then(|k| self.prefixed.get(&k)) {
                for &pi in list {
                    try_pattern(pi, article, &mut f);
                }
            }
        }
    }
}

impl Lexicon {
    /// The word before token `i` is one of the `act_nouns` («حق»، «تنظيم»), maybe with a
    /// proclitic («لتنظيم»).
    fn act_noun_before(&self, tokens: &Tokens, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|p| {
            tokens.toks[p].kind == Kind::Word
                && stems(tokens.norm(p)).any(|(s, al)| !al && self.act_nouns.contains(s))
        })
    }

    /// The normalised word (a stem) is a one-word phrase of this kind as written:
    /// «قام» is a `doers` word.
    pub fn is_word(&self, stem: &str, target: Target) -> bool {
        self.exact.get(stem).is_some_and(|list| {
            list.iter().any(|&pi| {
                let p = &self.patterns[pi];
                p.target == target && p.words.len() == 1
            })
        })
    }

    /// A lexicon phrase starts with this normalised word as written, without stripping a
    /// proclitic: the و of «وفيات»، «وفاة» is a root letter, not «and».
    pub fn knows(&self, word: &str) -> bool {
        self.exact.contains_key(word)
            || first_two(word)
                .and_then(|k| self.prefixed.get(&k))
                .is_some_and(|list| {
                    list.iter().any(|&pi| {
                        self.patterns[pi]
                            .words
                            .first()
                            .is_some_and(|(w, _)| word.starts_with(w.as_str()))
                    })
                })
    }

    /// The longest unit phrase at token `i` as (unit, tokens matched), its first word read
    /// without a preposition glued to it: in «أصيب 18 بتفجير» the 18 are hurt *by* a
    /// bombing, they are not 18 bombings; «و»/«ف» and «ال» may still be stripped.
    pub fn unit_at(&self, tokens: &Tokens, i: usize) -> Option<(usize, usize)> {
        if !matches!(tokens.toks.get(i).map(|t| t.kind), Some(Kind::Word)) {
            return None;
        }
        let word = tokens.norm(i);
        let base = word
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.chars().nth(1).is_some())
            .unwrap_or(word);
        let mut best: Option<(usize, usize)> = None;
        for (stem, _) in stems(word) {
            let glued = base.strip_suffix(stem).unwrap_or("");
            if glued.starts_with(['ب', 'ل', 'ك']) {
                continue;
            }
            // The gates of `matches_at`: a stem they reject starts no phrase.
            if !self.starts.may_start(stem) {
                continue;
            }
            let exact = self
                .exact_shapes
                .may_be(stem)
                .then(|| self.exact.get(stem))
                .flatten()
                .into_iter()
                .flatten();
            let prefixed = self
                .prefixed_starts
                .may_start(stem)
                .then(|| first_two(stem).and_then(|k| self.prefixed.get(&k)))
                .flatten()
                .into_iter()
                .flatten();
            for &pi in exact.chain(prefixed) {
                let p = &self.patterns[pi];
                if let Target::Unit(u) = p.target
                    && let Some(len) = match_rest(tokens, i, &p.words)
                    && best.is_none_or(|(_, l)| len > l)
                {
                    best = Some((u, len));
                }
            }
        }
        best
    }
}

/// Matches a pattern's words at tokens `i..`, skipping quote marks between words.
/// Returns how many tokens it spans.
fn match_rest(tokens: &Tokens, i: usize, words: &[(String, bool)]) -> Option<usize> {
    let mut j = i;
    for (k, (w, prefix)) in words.iter().enumerate() {
        if k > 0 {
            j += 1;
            while matches!(tokens.toks.get(j).map(|t| t.kind), Some(Kind::Mark(_))) {
                j += 1;
            }
        }
        let tok = tokens.toks.get(j)?;
        if tok.kind != Kind::Word {
            return None;
        }
        let norm = tokens.norm(j);
        let ok = stems(norm).any(|(s, _)| {
            if *prefix {
                s.starts_with(w.as_str())
            } else {
                s == w
            }
        });
        if !ok {
            return None;
        }
    }
    Some(j + 1 - i)
}

pub(super) fn first_two(s: &str) -> Option<(char, char)> {
    let mut c = s.chars();
    Some((c.next()?, c.next()?))
}
