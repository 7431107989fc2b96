//! `y`: the current passage, or the visual selection, to the terminal's clipboard with
//! OSC 52 — as logical text (what the article says, in reading order), never the
//! screen's reordered, shaped glyphs. The event loop writes the escape sequence; a
//! snapshot only says what was copied.

use super::state::State;
use super::visual::Visual;

/// Copies the passage of the current view (`y`).
pub fn passage(state: &mut State) {
    let Some((ai, para)) = super::views::of(state.view).passage(state) else {
        state.status =
            Some("nothing to copy here: y copies a passage in the reader or compare".into());
        return;
    };
    let text = state
        .model
        .article(ai)
        .and_then(|a| a.paragraphs.get(para))
        .map(|p| p.trim().to_owned())
        .unwrap_or_default();
    put(state, text);
}

/// Copies the lines of a visual selection: their source text, paragraphs on lines of
/// their own.
pub fn selection(state: &mut State, v: Visual) {
    let Some(pane) = state.reader_pane() else {
        return;
    };
    let (lo, hi) = v.span();
    let mut parts: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut pos = lo;
    loop {
        let para = pane.para_of(pos.0);
        if let Some(line) = pane.lines(pos.0).get(pos.1) {
            let r = line.source.clone();
            match parts.last_mut() {
                Some((p, range)) if *p == para => range.end = range.end.max(r.end),
                _ => parts.push((para, r)),
            }
        }
        let next = pane.forward(pos, 1);
        if pos >= hi || next == pos {
            break;
        }
        pos = next;
    }
    let text = parts
        .iter()
        .filter_map(|(p, r)| pane.article.paragraphs.get(*p)?.get(r.clone()))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    put(state, text);
}

fn put(state: &mut State, text: String) {
    if text.is_empty() {
        state.status = Some("nothing to copy: the passage is empty".into());
        return;
    }
    state.status = Some(format!(
        "copied {} characters to the clipboard (OSC 52; your terminal must allow it)",
        text.chars().count()
    ));
    state.clipboard = Some(text);
}

/// The OSC 52 sequence that sets the clipboard to `text`.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648): a dozen lines rather than a dependency.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
        assert_eq!(osc52("سلام"), "\x1b]52;c;2LPZhNin2YU=\x07");
    }
}
