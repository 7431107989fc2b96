//! English claims: the same pipeline as Arabic (tokens ► numbers ► quantities ► topics ►
//! groups) with English number words, qualifiers and non-counts. Topic, scope, unit,
//! hedge and attribution words are lexicon data (`[lang.en]` in `assets/lexicon.toml`);
//! this module holds what is grammar, not vocabulary.

pub mod implicit;
pub mod numbers;
pub mod quantities;
mod quantity_words;
pub mod words;

use super::lexicon::Lexicon;
use super::tokens::{Kind, Tokens, ascii_letter_bits};

/// Could an English paragraph hold a claim: a digit, a number word, or a count without
/// digits (a noun of one person, an ordinal: `implicit`)? On raw bytes, the digits first,
/// then each word (a run of ASCII letters) once for both word tests: this pre-filter
/// reads every paragraph, so one pass instead of two (docs/claims.md, "Speed").
pub fn may_hold_claim(text: &str, lexicon: &Lexicon) -> bool {
    let b = text.as_bytes();
    if has_ascii_digit(b) {
        return true;
    }
    let set = lexicon.implicit();
    let mut buf = [0u8; implicit::LONGEST];
    any_letter_run(b, |start, end| {
        let n = end - start;
        if n > buf.len() {
            return false;
        }
        let word = &b[start..end];
        // Most words are none of the words looked for: one hash rejects them.
        if !set.may_be_en_word(word) {
            return false;
        }
        // A lowercase word is looked up in place; only a capitalised one is copied.
        let w = if word.iter().any(u8::is_ascii_uppercase) {
            buf[..n].copy_from_slice(word);
            buf[..n].make_ascii_lowercase();
            // Only ASCII letters went in: always UTF-8.
            std::str::from_utf8(&buf[..n]).unwrap_or("")
        } else {
            text.get(start..end).unwrap_or("")
        };
        n <= words::LONGEST
            && words::word(w)
                .is_some_and(|x| !matches!(x, words::Word::Article | words::Word::Half))
            || implicit::may_start(w, set)
    })
}

/// The words [`may_hold_claim`] looks for besides the nouns of one person: the number
/// words and the ordinals (lowercased).
pub fn prefilter_words() -> impl Iterator<Item = &'static str> {
    words::keys().chain(implicit::ordinals())
}

/// Calls `f(start, end)` for each maximal run of ASCII letters of `b`, in order, until it
/// returns true; whether it did. The letters of each 64-byte block make a bit mask
/// without a branch per byte, and the runs' edges are found with bit scans: a branch
/// per word, not per letter (the byte loop's word ends were the pre-filter's cost,
/// docs/claims.md, "Speed").
fn any_letter_run(b: &[u8], mut f: impl FnMut(usize, usize) -> bool) -> bool {
    // The start of a run that reaches the end of the block before.
    let mut open: Option<usize> = None;
    for (k, block) in b.chunks(64).enumerate() {
        let base = k * 64;
        let m = letter_mask(block);
        let carry = u64::from(open.is_some());
        let prev = m << 1 | carry;
        let starts = m & !prev;
        // A non-letter right after a letter; bits past a short last block are no bytes.
        let valid = if block.len() == 64 {
            u64::MAX
        } else {
            (1u64 << block.len()) - 1
        };
        let ends = !m & prev & valid;
        let mut events = starts | ends;
        while events != 0 {
            let j = events.trailing_zeros() as usize;
            if starts >> j & 1 == 1 {
                open = Some(base + j);
            } else if let Some(s) = open.take()
                && f(s, base + j)
            {
                return true;
            }
            events &= events - 1;
        }
    }
    open.is_some_and(|s| f(s, b.len()))
}

/// Bit `j` set when byte `j` of `block` (at most 64 bytes) is an ASCII letter, eight
/// bytes at a time (`tokens::ascii_letter_bits`): a bit per byte cost five
/// instructions a byte.
fn letter_mask(block: &[u8]) -> u64 {
    let mut m = 0u64;
    let mut chunks = block.chunks_exact(8);
    for (k, c) in (&mut chunks).enumerate() {
        if let Ok(c) = <[u8; 8]>::try_from(c) {
            m |= ascii_letter_bits(c) << (8 * k);
        }
    }
    // The last bytes padded with zeros, no letter: one test of what a letter is.
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut c = [0u8; 8];
        c[..rest.len()].copy_from_slice(rest);
        m |= ascii_letter_bits(c) << (block.len() - rest.len());
    }
    m
}

/// Does `b` hold an ASCII digit? Blocks of 64 bytes are tested without a branch per
/// byte, which the compiler vectorises: 70 % of English news is in paragraphs with no
/// digit, read to their end here (docs/claims.md, "Speed").
fn has_ascii_digit(b: &[u8]) -> bool {
    let digit = |c: &u8| c.wrapping_sub(b'0') < 10;
    let mut blocks = b.chunks_exact(64);
    for block in &mut blocks {
        if block.iter().fold(false, |seen, c| seen | digit(c)) {
            return true;
        }
    }
    blocks.remainder().iter().any(digit)
}

/// The currency a sign or code before the number at token `num_first` names: «$13.6»,
/// «US$ 5», «LE5» (glued), «LE 5».
pub fn currency_unit(tokens: &Tokens, lexicon: &Lexicon, num_first: usize) -> Option<usize> {
    if let Some(Kind::Digits(d)) = tokens.toks.get(num_first).map(|t| t.kind)
        && d.prefix_len > 0
    {
        let prefix = tokens.norm(num_first).get(..d.prefix_len as usize)?;
        return lexicon.unit_symbol(prefix);
    }
    let start = quantities::currency_start(tokens, lexicon, num_first)?;
    (start..num_first)
        .rev()
        .find_map(|j| match tokens.toks[j].kind {
            Kind::Mark(c) => {
                let mut b = [0u8; 4];
                lexicon.unit_symbol(c.encode_utf8(&mut b))
            }
            Kind::Word => lexicon.unit_symbol(tokens.norm(j)),
            _ => None,
        })
}

/// Function words: not what a number counts («30 of the …», «killed in …»).
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "on"
            | "at"
            | "to"
            | "from"
            | "by"
            | "for"
            | "with"
            | "and"
            | "or"
            | "but"
            | "the"
            | "a"
            | "an"
            | "that"
            | "who"
            | "which"
            | "as"
            | "after"
            | "before"
            | "since"
            | "during"
            | "into"
            | "than"
            | "were"
            | "was"
            | "are"
            | "is"
            | "had"
            | "have"
            | "has"
            | "been"
            | "be"
            | "more"
            | "over"
            | "last"
            | "this"
            | "its"
            | "our"
            | "their"
            | "his"
            | "her"
            | "when"
            | "while"
            | "per"
    )
}

/// Words of a relative clause's verb chain before its verb («who *had reportedly been*
/// wounded», «who *appeared to be seriously* injured»): auxiliaries, raising verbs and
/// adverbs of manner or hedging. They say nothing of what was counted.
pub fn is_verb_chain_filler(w: &str) -> bool {
    matches!(
        w,
        "had"
            | "has"
            | "have"
            | "having"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "being"
            | "appear"
            | "appears"
            | "appeared"
            | "seem"
            | "seems"
            | "seemed"
            | "to"
            | "reportedly"
            | "allegedly"
            | "apparently"
            | "seriously"
            | "critically"
            | "badly"
            | "severely"
            | "slightly"
            | "lightly"
            | "gravely"
            | "fatally"
            | "mortally"
            | "later"
            | "also"
    )
}

/// «and» and «or» join clauses the way a glued «و» does in Arabic.
pub fn is_conjunction(w: &str) -> bool {
    matches!(w, "and" | "or" | "but")
}

/// «30 injured, 24 of whom …»: a part marker right after the number (and what it counts).
pub fn part_after(tokens: &Tokens, end: usize) -> bool {
    let w = |i: usize| (tokens.toks.get(i)?.kind == Kind::Word).then(|| tokens.norm(i));
    w(end) == Some("of") && matches!(w(end + 1), Some("whom" | "them" | "which"))
}

/// A figure followed by «in» and a place is a breakdown of a total by place («At least
/// 40 people were injured, 25 in Tahrir Square and 15 in Suez»): a part, which takes its
/// total's event across the comma (docs/claims.md, parts by place).
pub fn part_in_place(tokens: &Tokens, end: usize) -> bool {
    tokens.toks.get(end).is_some_and(|t| t.kind == Kind::Word) && tokens.norm(end) == "in"
}

/// Words between «of whom» and what names the part: auxiliaries, the event's verb,
/// places' prepositions and articles.
fn is_part_filler(w: &str) -> bool {
    matches!(
        w,
        "had"
            | "have"
            | "has"
            | "been"
            | "were"
            | "was"
            | "are"
            | "is"
            | "be"
            | "being"
            | "wounded"
            | "injured"
            | "killed"
            | "dead"
            | "died"
            | "hurt"
            | "arrested"
            | "detained"
            | "outside"
            | "inside"
            | "at"
            | "near"
            | "on"
            | "a"
            | "an"
            | "reportedly"
    )
}

/// The number at token `first` continues a list after «and» or a comma («including 9
/// Japanese, 4 French and 2 Britons»).
pub fn joined(tokens: &Tokens, first: usize) -> bool {
    let Some(p) = first.checked_sub(1) else {
        return false;
    };
    match tokens.toks[p].kind {
        Kind::Stop(',') => true,
        Kind::Word => tokens.norm(p) == "and",
        _ => false,
    }
}

/// The scope of a part the lexicon has no word for: the word naming it after the number
/// («9 Japanese» → japanese, «4 from Hong Kong» → hong), singular.
pub fn scope_word(tokens: &Tokens, end: usize) -> Option<String> {
    let mut j = end;
    // «24 of whom had been wounded outside the palace» → palace, «6 of them children» →
    // children: past the marker, its verb and its preposition.
    let after_marker = part_after(tokens, end);
    if after_marker {
        j += 2;
    }
    while j < tokens.len() {
        match tokens.toks[j].kind {
            Kind::Word if matches!(tokens.norm(j), "from" | "of" | "in" | "the") => j += 1,
            Kind::Word if after_marker && is_part_filler(tokens.norm(j)) => j += 1,
            Kind::Mark(_) => j += 1,
            Kind::Word => break,
            _ => return None,
        }
    }
    if j >= tokens.len() || tokens.toks[j].kind != Kind::Word {
        return None;
    }
    let w = tokens.norm(j);
    let stem = w
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| {
            w.strip_suffix('s')
                .filter(|s| s.len() >= 3 && !s.ends_with('s'))
                .map(str::to_owned)
        })
        .unwrap_or_else(|| w.to_owned());
    Some(stem)
}

#[cfg(test)]
mod tests;
