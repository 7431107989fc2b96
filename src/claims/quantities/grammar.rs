//! The qualifier and percent rules every language shares, over the words and phrases a
//! language gives (`Grammar`).

use std::sync::OnceLock;

use super::{Qualifier, Quantity, set_qualifier};
use crate::claims::tokens::{Kind, Tokens};

/// A qualifier phrase (normalised words) and what it means.
pub type Phrase = (&'static [&'static str], Qualifier);

/// What a language gives the shared qualifier and percent rules: its word test and its
/// phrases.
pub struct Grammar {
    /// Is token `i` a word of `list` (Arabic: after stripping proclitics)?
    pub word_in: fn(&Tokens, usize, &[&str]) -> bool,
    /// Marks `next_word` stops at (others, such as quotes, are skipped).
    pub kept_marks: &'static [char],
    /// Qualifier phrases before a number, the longest first within each meaning.
    pub before: &'static [Phrase],
    /// Qualifier phrases after a number (and what it counts).
    pub after: &'static [Phrase],
    /// How many tokens after the number `after` phrases are looked for.
    pub after_reach: usize,
    /// One-word `after` phrases that count only right after the number («30-plus»).
    pub after_adjacent: &'static [&'static str],
    pub percent_marks: &'static [char],
    /// Percent words after the number («في المئة», «per cent»).
    pub percent_words: &'static [&'static [&'static str]],
    /// The words phrases start or end with, made once (see [`Edges`]).
    pub edges: Edges,
}

/// The last words of the `before` phrases and the first words of the `after` ones: a
/// word that is none of them starts or ends no phrase, so one `word_in` call rules out
/// every phrase at a position instead of one call a phrase (these tests ran for every
/// number; docs/claims.md, "Speed"). `None` when a phrase is empty (it matches
/// anywhere, and the shortcut would miss it).
#[derive(Default)]
pub struct Edges {
    before_last: OnceLock<Option<Vec<&'static str>>>,
    after_first: OnceLock<Option<Vec<&'static str>>>,
}

impl Edges {
    pub const fn new() -> Edges {
        Edges {
            before_last: OnceLock::new(),
            after_first: OnceLock::new(),
        }
    }
}

fn edge_words(
    phrases: &'static [Phrase],
    edge: fn(&'static [&'static str]) -> Option<&'static &'static str>,
) -> Option<Vec<&'static str>> {
    let mut words = phrases
        .iter()
        .map(|(p, _)| edge(p).copied())
        .collect::<Option<Vec<_>>>()?;
    words.sort_unstable();
    words.dedup();
    Some(words)
}

/// The previous token that is not a quote or other mark.
pub fn prev_word(tokens: &Tokens, i: usize) -> Option<usize> {
    let mut j = i;
    while j > 0 {
        j -= 1;
        match tokens.toks[j].kind {
            Kind::Mark(c) if c != '-' && c != '/' => continue,
            _ => return Some(j),
        }
    }
    None
}

pub fn is_mark(tokens: &Tokens, i: usize, marks: &[char]) -> bool {
    matches!(tokens.toks.get(i).map(|t| t.kind), Some(Kind::Mark(c)) if marks.contains(&c))
}

impl Grammar {
    fn before_last(&self) -> Option<&[&'static str]> {
        self.edges
            .before_last
            .get_or_init(|| edge_words(self.before, <[_]>::last))
            .as_deref()
    }

    fn after_first(&self) -> Option<&[&'static str]> {
        self.edges
            .after_first
            .get_or_init(|| edge_words(self.after, <[_]>::first))
            .as_deref()
    }

    /// Can some `before` phrase end right before token `end`? False only when none can.
    fn may_end_before(&self, tokens: &Tokens, end: usize) -> bool {
        match self.before_last() {
            Some(last) => prev_word(tokens, end).is_some_and(|j| self.word_in(tokens, j, last)),
            None => true,
        }
    }

    /// Can some `after` phrase start at token `start`? False only when none can.
    fn may_start_after(&self, tokens: &Tokens, start: usize) -> bool {
        match self.after_first() {
            Some(first) => self
                .next_word(tokens, start)
                .is_some_and(|j| self.word_in(tokens, j, first)),
            None => true,
        }
    }

    pub fn word_in(&self, tokens: &Tokens, i: usize, list: &[&str]) -> bool {
        (self.word_in)(tokens, i, list)
    }

    /// The next token that is not a quote or other mark.
    pub fn next_word(&self, tokens: &Tokens, i: usize) -> Option<usize> {
        let mut j = i;
        while j < tokens.len() {
            match tokens.toks[j].kind {
                Kind::Mark(c) if !self.kept_marks.contains(&c) => j += 1,
                _ => return Some(j),
            }
        }
        None
    }

    /// `phrase` on the words ending right before token `end`: its first token.
    pub fn match_before(&self, tokens: &Tokens, end: usize, phrase: &[&str]) -> Option<usize> {
        let mut j = end;
        for w in phrase.iter().rev() {
            j = prev_word(tokens, j)?;
            if !self.word_in(tokens, j, &[w]) {
                return None;
            }
        }
        Some(j)
    }

    /// `phrase` on the words from token `start`: the token after it.
    pub fn match_after(&self, tokens: &Tokens, start: usize, phrase: &[&str]) -> Option<usize> {
        let mut j = start;
        for w in phrase {
            j = self.next_word(tokens, j)?;
            if !self.word_in(tokens, j, &[w]) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The end of a percent sign or words right after token `end` (30%، 30 في المئة).
    pub fn percent_after(&self, tokens: &Tokens, end: usize) -> Option<usize> {
        if is_mark(tokens, end, self.percent_marks) {
            return Some(end + 1);
        }
        self.percent_words
            .iter()
            .find_map(|phrase| self.match_after(tokens, end, phrase))
    }

    /// Is the number at `first` qualified by a phrase before it (other than `except`)?
    pub fn qualified(&self, tokens: &Tokens, first: usize, except: &[&str]) -> bool {
        self.may_end_before(tokens, first)
            && self
                .before
                .iter()
                .filter(|(p, _)| *p != except)
                .any(|(p, _)| self.match_before(tokens, first, p).is_some())
    }

    pub(super) fn qualify_before(&self, tokens: &Tokens, q: &mut Quantity, at: usize) {
        if !self.may_end_before(tokens, at) {
            return;
        }
        for (phrase, qual) in self.before {
            if let Some(first) = self.match_before(tokens, at, phrase) {
                set_qualifier(q, *qual);
                q.first = first;
                return;
            }
        }
    }

    /// `next` is the first token of the paragraph's next number, if any.
    pub(super) fn qualify_after(&self, tokens: &Tokens, q: &mut Quantity, next: Option<usize>) {
        // Within the clause, a few words on: «6 موجات من الهجمات على الأقل».
        let mut j = q.num_end;
        let limit = (q.num_end + self.after_reach)
            .min(tokens.len())
            .min(next.unwrap_or(usize::MAX));
        while j < limit {
            if matches!(tokens.toks[j].kind, Kind::Stop(_) | Kind::Digits(_)) {
                return;
            }
            if !self.may_start_after(tokens, j) {
                j += 1;
                continue;
            }
            for (phrase, qual) in self.after {
                if let Some(end) = self.match_after(tokens, j, phrase) {
                    if phrase.len() == 1
                        && self.after_adjacent.contains(&phrase[0])
                        && j > q.num_end + 1
                    {
                        continue;
                    }
                    // «30 were killed and at least 25 injured»: a phrase leading into the
                    // next number, and one that qualifies a number from before it, is
                    // that number's qualifier, not this one's.
                    let leads_next = next.is_some_and(|n| self.next_word(tokens, end) == Some(n));
                    if leads_next && self.before.iter().any(|(b, _)| b == phrase) {
                        continue;
                    }
                    set_qualifier(q, *qual);
                    return;
                }
            }
            j += 1;
        }
    }
}
