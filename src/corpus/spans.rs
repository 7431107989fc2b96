//! Where each paragraph of a text is, in about four bytes a paragraph rather than
//! sixteen: a 1 GB article of four million paragraphs needs 17 MB of index, not 68.
//!
//! Paragraphs follow each other with one line ending between them (`\n`, `\r`, or the two
//! bytes `\r\n`), so a paragraph's start follows from the previous one's end. Paragraphs
//! are taken in groups of [`GROUP`]: each group keeps the byte offset of its first
//! paragraph's start, and each paragraph its end relative to that start, shifted left
//! by one, with the low bit set when a two-byte `\r\n` ends it. A group whose
//! paragraphs span more than 2 GB, or a gap that is no line ending (never made by the
//! indexer), turns the whole index into plain `(start, end)` pairs.

/// Paragraphs per group.
const GROUP: usize = 1024;

/// The most bytes from a group's start a packed end can say.
const PACKED_MAX: usize = (u32::MAX >> 1) as usize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Spans {
    Packed {
        /// Start of each group's first paragraph.
        bases: Vec<usize>,
        /// Per paragraph: `(end - base) << 1 | crlf`, where `crlf` says a `\r\n` follows.
        ends: Vec<u32>,
    },
    Wide(Vec<(usize, usize)>),
}

impl Default for Spans {
    fn default() -> Spans {
        Spans::with_capacity(0)
    }
}

impl Spans {
    /// Room for `n` paragraphs (never touched, capacity costs no memory until used).
    pub(crate) fn with_capacity(n: usize) -> Spans {
        Spans::Packed {
            bases: Vec::with_capacity(n / GROUP + 1),
            ends: Vec::with_capacity(n),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Spans::Packed { ends, .. } => ends.len(),
            Spans::Wide(v) => v.len(),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Start and end byte of paragraph `i`.
    pub(crate) fn get(&self, i: usize) -> Option<(usize, usize)> {
        match self {
            Spans::Wide(v) => v.get(i).copied(),
            Spans::Packed { bases, ends } => {
                let base = *bases.get(i / GROUP)?;
                let end = base + (*ends.get(i)? >> 1) as usize;
                let start = if i.is_multiple_of(GROUP) {
                    base
                } else {
                    let prev = ends[i - 1];
                    base + (prev >> 1) as usize + 1 + (prev & 1) as usize
                };
                Some((start, end))
            }
        }
    }

    /// The last paragraph's end, if any.
    fn last_end(&self) -> Option<usize> {
        self.len()
            .checked_sub(1)
            .and_then(|i| self.get(i))
            .map(|s| s.1)
    }

    /// Appends the paragraph `start..end`, which follows the last one after a line ending.
    pub(crate) fn push(&mut self, start: usize, end: usize) {
        let prev_end = self.last_end();
        if let Spans::Packed { bases, ends } = self {
            let i = ends.len();
            let gap = prev_end.map(|p| start.checked_sub(p));
            let packed = match gap {
                None | Some(Some(1 | 2)) => {
                    if let (Some(prev), Some(Some(2))) = (ends.last_mut(), gap) {
                        *prev |= 1;
                    }
                    if i.is_multiple_of(GROUP) {
                        bases.push(start);
                    }
                    let base = bases[i / GROUP];
                    (end - base <= PACKED_MAX).then(|| ((end - base) as u32) << 1)
                }
                _ => None,
            };
            match packed {
                Some(p) => {
                    ends.push(p);
                    return;
                }
                None => self.widen(),
            }
        }
        if let Spans::Wide(v) = self {
            v.push((start, end));
        }
    }

    /// Turns the index into plain pairs (a group too long to pack).
    fn widen(&mut self) {
        let wide: Vec<(usize, usize)> = self.iter().collect();
        *self = Spans::Wide(wide);
    }

    /// Appends `next`, the spans of the text that follows.
    pub(crate) fn extend(&mut self, next: &Spans) {
        for (s, e) in next.iter() {
            self.push(s, e);
        }
    }

    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = (usize, usize)> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Each paragraph's byte length, in order.
    pub(crate) fn lens(&self) -> impl DoubleEndedIterator<Item = usize> + ExactSizeIterator + '_ {
        (0..self.len()).map(|i| self.get(i).map_or(0, |(s, e)| e - s))
    }

    /// Bytes of memory the index holds.
    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        match self {
            Spans::Packed { bases, ends } => bases.len() * 8 + ends.len() * 4,
            Spans::Wide(v) => v.len() * 16,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pairs a text's line endings would make, starting at `from`.
    fn spans_of(text: &str, from: usize) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let (mut out, mut start, mut i) = (Vec::new(), from, from);
        while i < b.len() {
            match b[i] {
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    out.push((start, i));
                    i += 2;
                    start = i;
                }
                b'\r' | b'\n' => {
                    out.push((start, i));
                    i += 1;
                    start = i;
                }
                _ => i += 1,
            }
        }
        out
    }

    proptest::proptest! {
        /// Packed spans give back exactly the pairs pushed, across group boundaries.
        #[test]
        fn packed_spans_give_back_what_was_pushed(text in "[ab\r\n]{0,3000}", from in 0usize..3) {
            let want = spans_of(&text, from);
            let mut s = Spans::default();
            for &(a, e) in &want {
                s.push(a, e);
            }
            let packed = matches!(s, Spans::Packed { .. });
            proptest::prop_assert!(packed);
            proptest::prop_assert_eq!(s.iter().collect::<Vec<_>>(), want.clone());
            proptest::prop_assert_eq!(s.len(), want.len());
            let lens: Vec<usize> = want.iter().map(|(a, e)| e - a).collect();
            proptest::prop_assert_eq!(s.lens().collect::<Vec<_>>(), lens);
        }
    }

    #[test]
    fn four_bytes_a_paragraph() {
        let mut s = Spans::default();
        for i in 0..100_000 {
            s.push(i * 50, i * 50 + 48);
        }
        assert!(matches!(s, Spans::Packed { .. }));
        assert_eq!(s.get(99_999), Some((99_999 * 50, 99_999 * 50 + 48)));
        assert!(s.heap_bytes() <= 100_000 * 4 + 100 * 8);
    }

    #[test]
    fn a_group_over_two_gigabytes_or_a_strange_gap_widens_and_stays_right() {
        let mut s = Spans::default();
        s.push(0, 10);
        s.push(11, 3 << 30); // 3 GB paragraph in the first group
        s.push((3 << 30) + 2, (3 << 30) + 5);
        assert!(matches!(s, Spans::Wide(_)));
        let want = [(0, 10), (11, 3 << 30), ((3 << 30) + 2, (3 << 30) + 5)];
        assert_eq!(s.iter().collect::<Vec<_>>(), want);

        let mut s = Spans::default();
        s.push(3, 5);
        s.push(9, 12); // a gap of four bytes: no line ending
        assert_eq!(s.iter().collect::<Vec<_>>(), [(3, 5), (9, 12)]);
    }

    #[test]
    fn appending_the_spans_that_follow() {
        let text = "ab\r\ncd\ne\r\rf";
        let all = spans_of(text, 0);
        let mut first = Spans::default();
        let mut second = Spans::default();
        for &(a, e) in &all[..2] {
            first.push(a, e);
        }
        for &(a, e) in &all[2..] {
            second.push(a, e);
        }
        first.extend(&second);
        assert_eq!(first.iter().collect::<Vec<_>>(), all);
    }
}
