//! Large files: checked and indexed through small reused buffers, on two threads from
//! 16 MB, and read again a chunk at a time when shown (see `paragraphs.rs`).

use super::paragraphs::{Indexer, READ_BUF};

/// Checks a large file through small reused buffers and finds its paragraphs, without
/// keeping its text. `None` when the bytes need `decode`'s exact verdict (UTF-16, NUL,
/// invalid UTF-8): the caller then reads the whole file the ordinary way.
///
/// Reading, checking and scanning are most of what opening a large article costs, so
/// the file's two halves are indexed on two threads: the second half starts after the
/// first line ending past the middle, so both start a paragraph on a char boundary.
pub(crate) fn index_file(file: &std::fs::File, size: usize) -> std::io::Result<Option<Indexer>> {
    let Some(mid) = (size >= PARALLEL_MIN)
        .then(|| next_line_start(file, size / 2))
        .transpose()?
        .flatten()
    else {
        return index_range(file, 0..usize::MAX, size);
    };
    index_halves(file, mid, size)
}

/// Indexes the bytes before `mid` (a paragraph's start) and from `mid` on two threads.
fn index_halves(file: &std::fs::File, mid: usize, size: usize) -> std::io::Result<Option<Indexer>> {
    let (first, second) = rayon::join(
        || index_range(file, 0..mid, size),
        || index_range(file, mid..usize::MAX, size.saturating_sub(mid)),
    );
    Ok(first?.zip(second?).map(|(mut a, b)| {
        a.append(b);
        a
    }))
}

/// Files from this size are indexed by two threads.
const PARALLEL_MIN: usize = 16 << 20;

/// The offset just after the first line ending at or after `from`, if one comes within
/// a buffer's length (a paragraph longer than that is indexed by one thread).
fn next_line_start(file: &std::fs::File, from: usize) -> std::io::Result<Option<usize>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; READ_BUF];
    let n = file.read_at(&mut buf, from as u64)?;
    let buf = &buf[..n];
    Ok(memchr::memchr2(b'\n', b'\r', buf).and_then(|i| {
        match (buf[i], buf.get(i + 1)) {
            (b'\r', Some(b'\n')) => Some(from + i + 2),
            // A `\r` whose next byte is unknown: no safe place to cut.
            (b'\r', None) => None,
            _ => Some(from + i + 1),
        }
    }))
}

/// [`index_file`] for the bytes in `range` (to the end of the file at most), `size`
/// bytes expected. The range's start is a paragraph's start; the file's start decides
/// the encoding.
fn index_range(
    file: &std::fs::File,
    range: std::ops::Range<usize>,
    size: usize,
) -> std::io::Result<Option<Indexer>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; READ_BUF];
    // Bytes carried over at the front of `buf`, and the file offset of `buf[0]`.
    let (mut have, mut at) = (0, range.start);
    let mut index = (range.start > 0).then(|| Indexer::new(range.start, size));
    loop {
        let want = (READ_BUF - have).min(range.end.saturating_sub(at + have));
        let n = match file.read_at(&mut buf[have..have + want], (at + have) as u64) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            r => r?,
        };
        let (len, eof) = (have + n, n == 0);
        let ix = match &mut index {
            Some(ix) => ix,
            // The first bytes decide the encoding: wait for three of them.
            None if len < 3 && !eof => {
                have = len;
                continue;
            }
            None => {
                let head = &buf[..len];
                if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
                    return Ok(None);
                }
                let bom = if head.starts_with(b"\xEF\xBB\xBF") {
                    3
                } else {
                    0
                };
                index.insert(Indexer::new(bom, size))
            }
        };
        let cut = if eof { len } else { settled(&buf[..len]) };
        let part = &buf[..cut];
        if memchr::memchr(0, part).is_some() || simdutf8::basic::from_utf8(part).is_err() {
            return Ok(None);
        }
        ix.scan(part, at, eof);
        if eof {
            return Ok(index);
        }
        buf.copy_within(cut..len, 0);
        have = len - cut;
        at += cut;
    }
}

/// How much of `buf` can be checked before more bytes come: all but an incomplete UTF-8
/// sequence at the end, and but a final `\r` (a `\n` may follow it).
pub(crate) fn settled(buf: &[u8]) -> usize {
    let mut cut = buf.len();
    // The last byte that is not a continuation byte, among the last four.
    if let Some(j) = (buf.len().saturating_sub(4)..buf.len())
        .rev()
        .find(|&j| buf[j] & 0xC0 != 0x80)
    {
        let width = match buf[j] {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        if j + width > buf.len() {
            cut = j;
        }
    }
    if cut > 0 && buf[cut - 1] == b'\r' {
        cut -= 1;
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Paragraphs;

    proptest::proptest! {
        /// Whatever a read stops at, the settled part ends at a char boundary, not on a
        /// `\r` whose next byte is unknown, and leaves at most an incomplete char and a
        /// `\r` for the next read.
        #[test]
        fn a_read_is_settled_at_a_char_boundary(text in "[a\r\nب€𝄞 ]{0,40}", cut in 0usize..200) {
            let bytes = text.as_bytes();
            let k = cut.min(bytes.len());
            let s = settled(&bytes[..k]);
            proptest::prop_assert!(text.is_char_boundary(s));
            proptest::prop_assert!(s <= k && k - s <= 4);
            proptest::prop_assert!(s == 0 || s < k || bytes[s - 1] != b'\r');
            if k == bytes.len() && !text.ends_with('\r') {
                proptest::prop_assert_eq!(s, k);
            }
        }
    }

    #[test]
    fn a_file_indexed_in_two_halves_splits_like_the_whole() {
        let text = "أ\r\nب ج\rد\n\nهـ 12\r\r\nو«ز»\n".repeat(40) + "آخر";
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.txt");
        for bom in ["", "\u{feff}"] {
            let whole = format!("{bom}{text}");
            std::fs::write(&path, &whole).unwrap();
            let want = Paragraphs::new(whole.clone());
            let file = std::fs::File::open(&path).unwrap();
            let mut cuts = 0;
            for from in 0..whole.len() {
                let Some(mid) = next_line_start(&file, from).unwrap() else {
                    continue;
                };
                let index = index_halves(&file, mid, whole.len()).unwrap().unwrap();
                let file = std::fs::File::open(&path).unwrap();
                assert_eq!(Paragraphs::lazy(file, index), want, "cut at {mid}");
                cuts += 1;
            }
            assert!(cuts > 100);
        }
    }
}
