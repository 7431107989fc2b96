//! Large articles are checked and indexed through a small buffer and read back a chunk
//! at a time: they must load exactly as a small article would, refuse the same bad
//! bytes, and survive the file changing on disk while open.

use std::path::PathBuf;

use qarin::corpus::{self, CorpusError, LoadOptions, decode, split_paragraphs};
use sha2::{Digest, Sha256};

/// Above corpus's threshold for reading lazily (4 MiB).
const BIG: usize = 5 << 20;

/// Lines of varied length and every line ending, Arabic and Latin, so that multi-byte
/// characters and `\r\n` pairs fall across the reader's buffer boundaries.
fn big_text(bom: bool) -> Vec<u8> {
    let mut out = lines(bom);
    // One paragraph over a megabyte (a chunk of its own), and no final line ending.
    out.extend_from_slice("ك".repeat(700_000).as_bytes());
    out
}

fn lines(bom: bool) -> Vec<u8> {
    let words = ["قوات", "2500", "جندي", "Tokayev", "«أكثر»", "مِنْ", "(ألفي)"];
    let ends = ["\n", "\r\n", "\r", "\n\n"];
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let mut i = 0usize;
    while out.len() < BIG {
        let n = 1 + (i * 7919) % 97;
        for k in 0..n {
            out.extend_from_slice(words[(i + k) % words.len()].as_bytes());
            out.push(b' ');
        }
        out.extend_from_slice(ends[i % ends.len()].as_bytes());
        i += 1;
    }
    out
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn load(p: &PathBuf) -> Result<corpus::Article, CorpusError> {
    corpus::load_paths(std::slice::from_ref(p), &LoadOptions::default()).map(|mut v| v.remove(0))
}

#[test]
fn a_large_article_loads_like_a_small_one() {
    let dir = tempfile::tempdir().unwrap();
    for bom in [false, true] {
        let bytes = big_text(bom);
        let p = write(&dir, "big.txt", &bytes);
        let a = load(&p).unwrap();
        let want = split_paragraphs(&decode(&p, &bytes, &LoadOptions::default()).unwrap());
        assert!(want.len() > 1000);
        assert_eq!(a.paragraphs.len(), want.len());
        // Out of order, as a reader jumping around would ask.
        for i in (0..want.len()).rev().step_by(97).chain([0, want.len() - 1]) {
            assert_eq!(&a.paragraphs[i], want[i], "paragraph {i}");
            assert_eq!(a.paragraphs.len_of(i), want[i].len());
        }
        assert_eq!(a.paragraphs, want[..]);
        assert_eq!(a.hash(), sha256_hex(&bytes));
        assert!(!a.paragraphs.changed_on_disk());
    }
}

#[test]
fn a_large_article_with_bad_bytes_is_refused_like_a_small_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = big_text(false);
    // Invalid UTF-8 far into the file, past the first buffers; then a NUL instead.
    let at = bytes.len() - 800_000;
    bytes[at] = 0xFF;
    let p = write(&dir, "bad.txt", &bytes);
    match load(&p) {
        Err(CorpusError::InvalidUtf8 { offset, .. }) => assert_eq!(offset, at),
        other => panic!("{other:?}"),
    }
    bytes[at] = 0;
    let p = write(&dir, "bin.txt", &bytes);
    assert!(matches!(load(&p), Err(CorpusError::Binary { offset, .. }) if offset == at));
    // A lead byte cut off by the end of the file.
    let mut cut = big_text(false);
    cut.extend_from_slice(&"ك".as_bytes()[..1]);
    let p = write(&dir, "cut.txt", &cut);
    assert!(matches!(load(&p), Err(CorpusError::InvalidUtf8 { .. })));
    // --lossy reads it anyway.
    let lossy = corpus::load_paths(
        &[p],
        &LoadOptions {
            lossy: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(lossy[0].paragraphs.last().unwrap().ends_with('\u{fffd}'));
}

#[test]
fn a_large_article_changed_on_disk_reads_empty_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = big_text(false);
    let p = write(&dir, "big.txt", &bytes);
    let a = load(&p).unwrap();
    let first = a.paragraphs[0].to_owned();
    // Truncated to a third while open: the chunks not read yet are gone.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&p)
        .unwrap()
        .set_len(bytes.len() as u64 / 3)
        .unwrap();
    let last = a.paragraphs.len() - 1;
    assert_eq!(&a.paragraphs[last], "");
    assert!(a.paragraphs.changed_on_disk());
    // What was read before stays readable.
    assert_eq!(a.paragraphs[0], first);
    // Every paragraph can still be asked for without a panic.
    assert_eq!(a.paragraphs.iter().count(), a.paragraphs.len());
}

#[test]
fn the_reader_says_when_a_large_article_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "big.txt", &lines(false));
    let mut state = qarin::ui::test_state(vec![load(&p).unwrap()], 80, 12);
    let before = qarin::ui::snapshot(&mut state, &[]);
    assert!(!before.contains("CHANGED ON DISK"), "{before}");
    // Open (indexed), but the end not shown yet: then the file is cut short.
    let mut state = qarin::ui::test_state(vec![load(&p).unwrap()], 80, 12);
    std::fs::write(&p, "short now\n").unwrap();
    qarin::ui::snapshot(&mut state, &[]);
    let screen = qarin::ui::snapshot(&mut state, &[]);
    assert!(screen.contains("CHANGED ON DISK"), "{screen}");
}
