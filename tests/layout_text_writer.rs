//! `layout::TextWriter` (what `qarin render` prints) must print exactly the lines of
//! `layout_paragraph_text`, padded as `Line::indent` says, for plain paragraphs (its lean
//! path) and for everything else (the general path): seeds, every adversarial file, and
//! mixed paragraphs, at several widths and in every mode.

use qarin::layout::{BidiMode, Direction, Options, TextWriter, layout_paragraph_text};

/// The reference: each line of the general path, indented when `align`.
fn reference(paragraphs: &[&str], opts: &Options, align: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for para in paragraphs {
        layout_paragraph_text(para, opts, |line| {
            let indent = if align { line.indent(opts.width) } else { 0 };
            out.resize(out.len() + indent, b' ');
            out.extend_from_slice(line.text.as_bytes());
            out.push(b'\n');
        });
    }
    out
}

fn written(paragraphs: &[&str], opts: &Options, align: bool) -> Vec<u8> {
    let mut writer = TextWriter::new(*opts, align);
    let mut out = Vec::new();
    for para in paragraphs {
        writer.write(para, &mut out);
    }
    out
}

fn check(name: &str, text: &str, widths: &[usize]) {
    let paragraphs: Vec<&str> = text.lines().collect();
    for &width in widths {
        for shape in [true, false] {
            for bidi in [BidiMode::App, BidiMode::Terminal] {
                for direction in [None, Some(Direction::Rtl)] {
                    let opts = Options {
                        width,
                        bidi,
                        shape,
                        direction,
                    };
                    let align = bidi == BidiMode::App;
                    let ours = written(&paragraphs, &opts, align);
                    let theirs = reference(&paragraphs, &opts, align);
                    assert!(
                        ours == theirs,
                        "{name}: width {width}, shape {shape}, {bidi:?}, {direction:?}:\n{}\n---\n{}",
                        String::from_utf8_lossy(&ours),
                        String::from_utf8_lossy(&theirs)
                    );
                }
            }
        }
    }
}

#[test]
fn seeds_print_as_the_general_path_prints_them() {
    for (name, text) in qarin::corpus::SEEDS {
        check(name, text, &[1, 7, 20, 40, 80]);
    }
}

#[test]
fn adversarial_files_print_as_the_general_path_prints_them() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/adversarial");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("adversarial dir") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        // Files that are not UTF-8 are refused before layout.
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        check(&path.display().to_string(), &text, &[1, 13, 80]);
        checked += 1;
    }
    assert!(checked > 20, "only {checked} adversarial files");
}

#[test]
fn mixed_paragraphs_switch_paths_and_keep_the_bytes() {
    let text = "كازاخستان تشهد اضطرابات (2022) «نحو» – a b\n\
                \u{202B}نص مضمن\u{202C} and \tabs\n\
                10% من السكان/المدن\n\
                \n\
                plain ascii only, nothing to reorder\n\
                لَا إِلَهَ ١٢٣٫٤ مَعَ 1,5 [x]";
    check("mixed", text, &[1, 3, 9, 25, 80]);
}
