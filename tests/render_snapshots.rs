//! Golden output of `qarin render` on the five bundled seeds, at widths 40 and 80, with
//! shaping on and off. Reviewed by eye (tmux, side by side with fribidi) before being
//! accepted; a change in layout shows up as a snapshot diff.

use qarin::cli::render::print_text;
use qarin::layout::Options;

fn render(text: &str, width: usize, shape: bool) -> String {
    let opts = Options {
        width,
        shape,
        ..Options::default()
    };
    let mut out = Vec::new();
    print_text(&mut out, text, &opts, true).expect("writing to a Vec");
    String::from_utf8(out).expect("layout output is UTF-8")
}

#[test]
fn seeds_at_40_and_80_columns() {
    for (name, text) in qarin::corpus::SEEDS {
        let id = &name[..3];
        for width in [40, 80] {
            for shape in [true, false] {
                let out = render(text, width, shape);
                let snap = format!(
                    "seed_{id}_w{width}_shape_{}",
                    if shape { "on" } else { "off" }
                );
                insta::assert_snapshot!(snap, out);
            }
        }
    }
}
