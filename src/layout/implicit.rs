//! A lean resolver for the common paragraph: no explicit embeddings, overrides or
//! isolates, no boundary neutrals and no paragraph separators. Such a paragraph is one
//! isolating run sequence at the paragraph level, so rules X1–X10 are trivial and only
//! W1–W7, N0–N2 and I1–I2 remain. Anything else goes to unicode-bidi's `BidiInfo`.
//!
//! Why: unicode-bidi spent a third of `qarin render`'s time on news text. Both paths
//! are checked against each other (property test below) and against Unicode's
//! BidiCharacterTest.txt (tests/layout_conformance.rs).

use unicode_bidi::{BidiClass, BidiDataSource};

use super::Direction;

/// Levels and original classes per char of the paragraph.
pub struct Resolved {
    pub para: u8,
    pub levels: Vec<u8>,
    pub classes: Vec<BidiClass>,
}

/// The opening bracket a bracket pairs with (its canonical one for U+2329/U+232A), and
/// whether it opens.
pub fn bracket(data: &impl BidiDataSource, c: char) -> Option<(char, bool)> {
    match c {
        '(' => Some(('(', true)),
        ')' => Some(('(', false)),
        '[' => Some(('[', true)),
        ']' => Some(('[', false)),
        '{' => Some(('{', true)),
        '}' => Some(('{', false)),
        // No paired bracket below U+0F3A but the ASCII ones, nor in U+2000–U+2044
        // (quotation marks): skip the table scan for them.
        _ if (c as u32) < 0x0F3A || ('\u{2000}'..'\u{2045}').contains(&c) => None,
        _ => data
            .bidi_matched_opening_bracket(c)
            .map(|b| (b.opening, b.is_open)),
    }
}

/// Resolves `text`, or `None` if it holds a character this path does not handle.
pub fn resolve(
    data: &impl BidiDataSource,
    text: &str,
    direction: Option<Direction>,
) -> Option<Resolved> {
    use BidiClass::*;
    let mut orig: Vec<BidiClass> = Vec::with_capacity(text.len());
    let mut brackets = false;
    for c in text.chars() {
        let class = data.bidi_class(c);
        match class {
            LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI | B | BN => return None,
            ON if !brackets => brackets = bracket(data, c).is_some(),
            _ => {}
        }
        orig.push(class);
    }
    let para: u8 = match direction {
        Some(Direction::Ltr) => 0,
        Some(Direction::Rtl) => 1,
        None => match orig.iter().find(|c| matches!(c, L | R | AL)) {
            Some(R | AL) => 1,
            _ => 0,
        },
    };
    let mut levels = Vec::new();
    resolve_classes(
        data,
        text.chars(),
        &orig,
        brackets,
        para,
        &mut Vec::new(),
        &mut levels,
    );
    Some(Resolved {
        para,
        levels,
        classes: orig,
    })
}

/// Rules W1–W7, N0–N2 and I1–I2 over one isolating run sequence at level `para`:
/// `orig[i]` is the class of `chars`' i-th item, `brackets` whether any may be a paired
/// bracket. `levels` gets one level per item; `t` is scratch space.
pub fn resolve_classes(
    data: &impl BidiDataSource,
    chars: impl Iterator<Item = char>,
    orig: &[BidiClass],
    brackets: bool,
    para: u8,
    t: &mut Vec<BidiClass>,
    levels: &mut Vec<u8>,
) {
    use BidiClass::*;
    let e = if para == 1 { R } else { L };
    t.clear();
    t.extend_from_slice(orig);
    let t = &mut t[..];
    let n = t.len();

    // W1–W3: marks take the type before them; EN after AL becomes AN; AL becomes R.
    let mut prev = e;
    let mut strong = e;
    let mut numbers = false;
    for x in t.iter_mut() {
        if *x == NSM {
            *x = prev;
        }
        match *x {
            L | R | AL => strong = *x,
            EN if strong == AL => *x = AN,
            _ => {}
        }
        numbers |= matches!(*x, EN | AN);
        // W1 sees the type before W3: a mark after AL is AL, then R.
        prev = *x;
        if *x == AL {
            *x = R;
        }
    }
    // W4: a single separator between two numbers of the same kind joins them.
    // (Without numbers W4, W5 and W7 change nothing.)
    for i in 1..if numbers { n.saturating_sub(1) } else { 0 } {
        if matches!(t[i], ES | CS) {
            t[i] = match (t[i - 1], t[i], t[i + 1]) {
                (EN, ES | CS, EN) => EN,
                (AN, CS, AN) => AN,
                (_, x, _) => x,
            };
        }
    }
    // W5: terminators next to a European number become numbers.
    let mut i = 0;
    while numbers && i < n {
        if t[i] != ET {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && t[i] == ET {
            i += 1;
        }
        if (start > 0 && t[start - 1] == EN) || (i < n && t[i] == EN) {
            t[start..i].fill(EN);
        }
    }
    // W6, W7.
    let mut strong = e;
    for x in t.iter_mut() {
        match *x {
            ES | ET | CS => *x = ON,
            L | R => strong = *x,
            EN if strong == L => *x = L,
            _ => {}
        }
    }

    if brackets {
        resolve_brackets(data, chars, orig, t, e);
    }

    // N1, N2: neutrals between two like directions take it, others the embedding's.
    let dir = |c: BidiClass| match c {
        L => Some(L),
        R | EN | AN => Some(R),
        _ => None,
    };
    let mut i = 0;
    while i < n {
        if dir(t[i]).is_some() {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && dir(t[i]).is_none() {
            i += 1;
        }
        let before = if start == 0 {
            e
        } else {
            dir(t[start - 1]).unwrap_or(e)
        };
        let after = if i == n { e } else { dir(t[i]).unwrap_or(e) };
        let fill = if before == after { before } else { e };
        t[start..i].fill(fill);
    }

    // I1, I2.
    levels.clear();
    levels.extend(t.iter().map(|x| match (para, x) {
        (0, R) => 1,
        (0, AN | EN) => 2,
        (1, L | EN | AN) => 2,
        _ => para,
    }));
}

/// Rule N0: paired brackets (BD16) take the direction of what they enclose, or of their
/// context when they enclose only the opposite direction.
fn resolve_brackets(
    data: &impl BidiDataSource,
    chars: impl Iterator<Item = char>,
    orig: &[BidiClass],
    t: &mut [BidiClass],
    e: BidiClass,
) {
    use BidiClass::*;
    const MAX_DEPTH: usize = 63;
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, c) in chars.enumerate() {
        if t[i] != ON {
            continue;
        }
        let Some((opening, is_open)) = bracket(data, c) else {
            continue;
        };
        if is_open {
            if stack.len() == MAX_DEPTH {
                break;
            }
            stack.push((opening, i));
        } else if let Some(k) = stack.iter().rposition(|&(o, _)| o == opening) {
            pairs.push((stack[k].1, i));
            stack.truncate(k);
        }
    }
    if pairs.is_empty() {
        return;
    }
    pairs.sort_unstable();
    let strong = |c: BidiClass| match c {
        L => Some(L),
        R | EN | AN => Some(R),
        _ => None,
    };
    let opposite = if e == L { R } else { L };
    for (open, close) in pairs {
        let mut has_e = false;
        let mut has_opp = false;
        for &x in &t[open + 1..close] {
            match strong(x) {
                Some(d) if d == e => {
                    has_e = true;
                    break;
                }
                Some(_) => has_opp = true,
                None => {}
            }
        }
        let d = if has_e {
            e
        } else if has_opp {
            let before = t[..open].iter().rev().find_map(|&x| strong(x)).unwrap_or(e);
            if before == opposite { opposite } else { e }
        } else {
            continue;
        };
        for at in [open, close] {
            t[at] = d;
            // Marks right after a bracket follow it.
            for j in at + 1..t.len() {
                if orig[j] != NSM {
                    break;
                }
                t[j] = d;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_bidi::{BidiInfo, HardcodedBidiData, Level};

    const CHARS: &[char] = &[
        'a', 'b', 'א', 'ב', 'ع', 'ب', '1', '2', '٣', '۴', '+', '-', '$', '%', '#', ',', '.', ':',
        '/', ' ', '\t', '(', ')', '[', ']', '{', '}', '«', '»', '\u{2329}', '\u{3009}', '\u{064E}',
        '\u{0301}', '!', '"', '\u{00A0}', '\u{0660}', '\u{066B}', '\u{2212}',
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None,
            ..ProptestConfig::default() })]

        /// The lean path resolves exactly the levels unicode-bidi does.
        #[test]
        fn matches_unicode_bidi(
            v in prop::collection::vec(prop::sample::select(CHARS), 0..40),
            dir in prop::option::of(prop_oneof![Just(Direction::Ltr), Just(Direction::Rtl)]),
        ) {
            let text: String = v.into_iter().collect();
            let ours = resolve(&HardcodedBidiData, &text, dir).expect("no explicit controls");
            let level = dir.map(|d| if d == Direction::Rtl { Level::rtl() } else { Level::ltr() });
            let info = BidiInfo::new(&text, level);
            let theirs: Vec<u8> = text.char_indices().map(|(i, _)| info.levels[i].number()).collect();
            prop_assert_eq!(&ours.levels, &theirs, "{:?}", text);
            if let Some(p) = info.paragraphs.first() {
                prop_assert_eq!(ours.para, p.level.number());
            }
        }
    }

    #[test]
    fn explicit_controls_take_the_full_path() {
        for c in ['\u{202B}', '\u{2067}', '\u{2069}', '\u{200D}', '\u{2029}'] {
            assert!(resolve(&HardcodedBidiData, &format!("a{c}b"), None).is_none());
        }
        assert!(resolve(&HardcodedBidiData, "abc \u{200F}", None).is_some());
    }
}
