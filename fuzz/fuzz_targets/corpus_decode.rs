//! Article decoding and paragraph splitting over arbitrary bytes, strict and lossy.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use qarin::corpus::{CorpusError, LoadOptions, decode, split_paragraphs};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.txt");
    let strict = decode(path, data, &LoadOptions::default());
    let lossy = decode(path, data, &LoadOptions { lossy: true, ..Default::default() });
    match (&strict, &lossy) {
        // Lossy reading only differs on invalid UTF-8.
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(CorpusError::InvalidUtf8 { offset, .. }), Ok(_)) => assert!(*offset < data.len()),
        // Not valid in the encoding found (UTF-16 with a lone surrogate, a declared
        // charset): lossy reading replaces.
        (Err(CorpusError::BadEncoding { .. }), Ok(_)) => {}
        (Err(_), Err(_)) => {}
        (a, b) => panic!("strict {a:?} but lossy {b:?}"),
    }
    if let Ok(text) = lossy {
        let paras = split_paragraphs(&text);
        let kept: usize = paras.iter().map(String::len).sum();
        for p in &paras {
            assert!(!p.contains(['\n', '\r']), "line ending inside a paragraph");
        }
        // Only line endings are dropped: at most two bytes per paragraph.
        assert!(kept <= text.len() && text.len() <= kept + 2 * paras.len());
    }
});
