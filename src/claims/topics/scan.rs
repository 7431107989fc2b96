//! Per-paragraph scans the context rules share: sentence bounds, and lexicon matches
//! looked up once per token.

use crate::claims::lexicon::{Lexicon, Target};
use crate::claims::tokens::{Kind, Tokens};

/// Sentences of a paragraph: the sentence of every token and each sentence's tokens.
/// Sentences end at . ! ? ؟ and the like.
#[derive(Debug, Default)]
pub struct Sentences {
    pub of_token: Vec<u32>,
    pub bounds: Vec<(usize, usize)>,
}

impl Sentences {
    pub fn scan(&mut self, tokens: &Tokens) {
        self.of_token.clear();
        self.bounds.clear();
        let mut start = 0;
        for (i, t) in tokens.toks.iter().enumerate() {
            self.of_token.push(self.bounds.len() as u32);
            if matches!(
                t.kind,
                Kind::Stop('.' | '!' | '?' | '\u{061F}' | '\u{2026}' | '\u{06D4}')
            ) {
                self.bounds.push((start, i + 1));
                start = i + 1;
            }
        }
        self.bounds.push((start, tokens.len()));
    }
}

/// Lexicon matches of a paragraph's tokens, each token looked up at most once (claims
/// close together look at the same words).
#[derive(Debug, Default)]
pub struct Hits {
    /// Per token: `hits` range, or `u32::MAX` if not looked up yet.
    at: Vec<(u32, u32)>,
    hits: Vec<(Target, usize)>,
    /// Per token: its `Lexicon::unit_at` as (unit, tokens), `NONE` for none, or
    /// `UNSEEN`: each figure's counted noun is looked up again by the next figure.
    units: Vec<(u32, u32)>,
}

const UNSEEN: u32 = u32::MAX;
const NONE: u32 = u32::MAX - 1;

impl Hits {
    pub fn reset(&mut self, tokens: &Tokens) {
        self.at.clear();
        self.at.resize(tokens.len(), (u32::MAX, 0));
        self.hits.clear();
        self.units.clear();
        self.units.resize(tokens.len(), (UNSEEN, 0));
    }

    /// `lexicon.unit_at(tokens, i)`, looked up once per token.
    pub fn unit_at(
        &mut self,
        lexicon: &Lexicon,
        tokens: &Tokens,
        i: usize,
    ) -> Option<(usize, usize)> {
        let Some(&(u, len)) = self.units.get(i) else {
            return lexicon.unit_at(tokens, i);
        };
        match u {
            UNSEEN => {
                let found = lexicon.unit_at(tokens, i);
                // Indices and lengths are far below `NONE` (a lexicon has few units).
                self.units[i] = found.map_or((NONE, 0), |(u, l)| (u as u32, l as u32));
                found
            }
            NONE => None,
            u => Some((u as usize, len as usize)),
        }
    }

    pub fn matches_at(
        &mut self,
        lexicon: &Lexicon,
        tokens: &Tokens,
        i: usize,
        mut f: impl FnMut(Target, usize),
    ) {
        let Some(&(a, b)) = self.at.get(i) else {
            return;
        };
        let (a, b) = if a == u32::MAX {
            let a = self.hits.len();
            let hits = &mut self.hits;
            lexicon.matches_at(tokens, i, |t, len| hits.push((t, len)));
            let r = (a as u32, self.hits.len() as u32);
            self.at[i] = r;
            r
        } else {
            (a, b)
        };
        for &(t, len) in &self.hits[a as usize..b as usize] {
            f(t, len);
        }
    }
}
