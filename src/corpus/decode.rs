//! Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
//! mark, and the legacy Arabic encodings (Windows-1256, ISO-8859-6), declared by the page
//! or detected. Binary files and damaged UTF-8 are refused with the offset of the problem.

use std::borrow::Cow;
use std::path::Path;

use encoding_rs::{Encoding, ISO_8859_6, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

use super::{CorpusError, LoadOptions};

/// Checks and decodes an article's bytes: see [`decode_cow`].
pub fn decode(path: &Path, bytes: &[u8], opts: &LoadOptions) -> Result<String, CorpusError> {
    decode_cow(path, bytes, opts).map(Cow::into_owned)
}

/// Decodes an article's bytes without copying valid UTF-8 (a UTF-8 byte-order mark is
/// dropped). UTF-16 needs its byte-order mark; a NUL byte otherwise means a binary file.
/// Bytes that are not UTF-8 are read in the encoding the file declares (`charset=`,
/// `encoding=`), else in a legacy Arabic encoding when they look like one; else they are
/// refused with the offset of the first bad byte, unless `lossy`.
pub fn decode_cow<'a>(
    path: &Path,
    bytes: &'a [u8],
    opts: &LoadOptions,
) -> Result<Cow<'a, str>, CorpusError> {
    for (bom, enc) in [(&[0xFF, 0xFE], UTF_16LE), (&[0xFE, 0xFF], UTF_16BE)] {
        if let Some(body) = bytes.strip_prefix(bom) {
            return decode_strict(path, body, enc, opts);
        }
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(CorpusError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let body = &bytes[bom..];
    // The fast check only says yes or no; std finds the offset of a bad byte.
    if let Ok(s) = simdutf8::basic::from_utf8(body) {
        return Ok(Cow::Borrowed(s));
    }
    let offset = match std::str::from_utf8(body) {
        Ok(s) => return Ok(Cow::Borrowed(s)),
        Err(e) => bom + e.valid_up_to(),
    };
    if bom == 0
        && let Some(enc) = declared(bytes)
            .filter(|e| *e != UTF_8)
            .or_else(|| legacy_arabic(bytes))
    {
        return decode_strict(path, bytes, enc, opts);
    }
    if opts.lossy {
        return Ok(String::from_utf8_lossy(body));
    }
    Err(CorpusError::InvalidUtf8 {
        path: path.to_path_buf(),
        offset,
    })
}

/// `bytes` in `enc`, refused where they are not valid in it unless `lossy`.
fn decode_strict<'a>(
    path: &Path,
    bytes: &[u8],
    enc: &'static Encoding,
    opts: &LoadOptions,
) -> Result<Cow<'a, str>, CorpusError> {
    if let Some(s) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
        // A UTF-16 file may itself hold NULs: text has none.
        if let Some(offset) = s.find('\0') {
            return Err(CorpusError::Binary {
                path: path.to_path_buf(),
                offset,
            });
        }
        return Ok(Cow::Owned(s.into_owned()));
    }
    if opts.lossy {
        let (s, _) = enc.decode_without_bom_handling(bytes);
        return Ok(Cow::Owned(s.into_owned()));
    }
    Err(CorpusError::BadEncoding {
        path: path.to_path_buf(),
        encoding: enc.name(),
    })
}

/// The encoding a page or feed declares in its first kilobytes (`<meta charset=…>`,
/// `content="text/html; charset=…"`, `<?xml … encoding="…"?>`).
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let Some(at) = memchr::memmem::find(&lower, key) else {
            continue;
        };
        let rest = &head[at + key.len()..];
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
            .unwrap_or(rest.len());
        if let Some(enc) = Encoding::for_label(&rest[..end]) {
            return Some(enc);
        }
    }
    None
}

/// Windows-1256 or ISO-8859-6 when `bytes` look like Arabic text in one of them.
///
/// Damaged UTF-8 Arabic would decode as Windows-1256 too (as mojibake), so bytes whose
/// non-ASCII part is mostly valid UTF-8 are left to be refused as invalid UTF-8.
fn legacy_arabic(bytes: &[u8]) -> Option<&'static Encoding> {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().len() - chunk.valid().chars().filter(char::is_ascii).count();
        invalid += chunk.invalid().len();
    }
    if invalid == 0 || valid >= invalid {
        return None;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    if enc != WINDOWS_1256 && enc != ISO_8859_6 {
        return None;
    }
    // Mostly Arabic letters among the letters, as an article in that encoding is.
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let arabic = text
        .chars()
        .filter(|c| matches!(*c as u32, 0x0621..=0x064A))
        .count();
    (arabic >= 8 && arabic * 2 >= letters).then_some(enc)
}

/// `bytes` as a `String`, once `decode_cow` has found them valid UTF-8.
pub(crate) fn into_checked_string(bytes: Vec<u8>) -> String {
    debug_assert!(std::str::from_utf8(&bytes).is_ok());
    // SAFETY: the caller has validated `bytes` (simdutf8, or std on its slow path).
    // Validating again with std would cost about as much as the rest of opening a
    // large article.
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// Splits text into paragraphs: one per source line; `\r\n`, `\n` and a lone `\r` end a line.
/// A final line ending does not make an extra empty paragraph.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    lines(text).map(str::to_owned).collect()
}

/// The paragraphs of `text` as [`split_paragraphs`] finds them, borrowed.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // A byte search: both line endings are ASCII, so any hit is a char boundary;
        // memchr2 scans with SIMD, many times faster than a char pattern.
        let (para, next) = match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) => {
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], &rest[i + skip..])
            }
            None => (rest, ""),
        };
        rest = next;
        Some(para)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o() -> LoadOptions {
        LoadOptions::default()
    }

    #[test]
    fn bad_bytes_are_refused_with_offsets() {
        let p = Path::new("x.txt");
        match decode(p, b"abc\xffdef", &o()) {
            Err(CorpusError::InvalidUtf8 { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            decode(p, b"ab\0c", &o()),
            Err(CorpusError::Binary { offset: 2, .. })
        ));
        let lossy = LoadOptions { lossy: true, ..o() };
        assert_eq!(decode(p, b"a\xffb", &lossy).unwrap(), "a\u{fffd}b");
        let msg = decode(p, b"abc\xff", &o()).unwrap_err().to_string();
        assert!(
            msg.contains("x.txt") && msg.contains("byte offset 3"),
            "{msg}"
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let p = Path::new("x.txt");
        let text = "قتل 12\nسطر";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(p, &le, &o()).unwrap(), text);
        assert_eq!(decode(p, &be, &o()).unwrap(), text);
        // A lone surrogate is not text.
        assert!(matches!(
            decode(p, &[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], &o()),
            Err(CorpusError::BadEncoding { .. })
        ));
    }

    #[test]
    fn legacy_arabic_is_detected_and_damaged_utf8_is_not() {
        let p = Path::new("x.txt");
        let text = "قال مسؤولون إن أكثر من 2000 جندي وصلوا إلى المدينة يوم الجمعة.";
        for enc in [WINDOWS_1256, ISO_8859_6] {
            let (bytes, _, bad) = enc.encode(text);
            assert!(!bad);
            assert_eq!(decode(p, &bytes, &o()).unwrap(), text, "{}", enc.name());
        }
        let mut damaged = text.as_bytes().to_vec();
        damaged[5] = 0xFF;
        assert!(matches!(
            decode(p, &damaged, &o()),
            Err(CorpusError::InvalidUtf8 { offset: 4, .. })
        ));
        // Declared in the page: any encoding.
        let (page, _, _) = WINDOWS_1256.encode("<meta charset=\"windows-1256\"><p>نص</p>");
        assert!(decode(p, &page, &o()).unwrap().contains("<p>نص</p>"));
    }
}
