use super::*;

fn split(text: &str) -> Vec<String> {
    Paragraphs::new(text.to_owned())
        .iter()
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_line_ending_ends_a_paragraph() {
    assert_eq!(split("a\r\nb\rc\n\nd\n"), ["a", "b", "c", "", "d"]);
    assert_eq!(split("\r\r\n\n\r"), ["", "", "", ""]);
    assert_eq!(split("x\r"), ["x"]);
    assert!(split("").is_empty());
    assert_eq!(split(" "), [" "]);
}

#[test]
fn a_byte_order_mark_is_no_paragraph() {
    let p = Paragraphs::new("\u{feff}first\r\n\r\nlast".to_owned());
    assert_eq!(p, ["first", "", "last"][..]);
    assert_eq!(Paragraphs::new("\u{feff}".to_owned()).len(), 0);
}

#[test]
fn access_by_index_get_last_and_both_ends() {
    let p = Paragraphs::new("دور روسيا\nب\n\nج".to_owned());
    assert_eq!(&p[0], "دور روسيا");
    assert_eq!(p.get(3), Some("ج"));
    assert_eq!(p.get(4), None);
    assert_eq!(p.last(), Some("ج"));
    assert_eq!(p.iter().next_back(), Some("ج"));
    assert_eq!(p.iter().len(), 4);
    assert_eq!(p.lens().collect::<Vec<_>>(), [17, 2, 0, 2]);
    assert_eq!(Paragraphs::default().last(), None);
}

#[test]
fn built_from_lines_equals_split_from_text() {
    let lines = vec!["a".to_owned(), String::new(), "ب ت".to_owned()];
    let built = Paragraphs::from(lines.clone());
    assert_eq!(built, Paragraphs::new("a\r\n\r\nب ت".to_owned()));
    assert_eq!(built, lines[..]);
}

#[test]
fn indexing_buffer_by_buffer_finds_the_same_spans() {
    let text = "أ\r\nب\rج\n\nد\r\r\nهـ".repeat(50);
    let whole = Paragraphs::new(text.clone());
    for size in [1, 2, 3, 7, 64] {
        let mut ix = Indexer::new(0, text.len());
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let mut end = (at + size).min(bytes.len());
            // The caller's rule: never end a buffer on a `\r` before the last byte.
            while end < bytes.len() && bytes[end - 1] == b'\r' {
                end += 1;
            }
            ix.scan(&bytes[at..end], at, end == bytes.len());
            at = end;
        }
        assert_eq!(ix.spans, whole.inner.spans, "buffers of {size}");
    }
}

#[test]
fn chunks_hold_whole_paragraphs_of_about_a_megabyte() {
    let line = "ك".repeat(100_000); // 200 kB
    let text = format!("{line}\n").repeat(12);
    let mut ix = Indexer::new(0, text.len());
    ix.scan(text.as_bytes(), 0, true);
    assert_eq!(ix.spans.len(), 12);
    // 200 kB paragraphs: five fit under 1 MiB, the sixth starts a chunk.
    assert_eq!(ix.firsts, [0, 5, 10]);
}
