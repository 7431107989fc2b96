//! Making stored text harmless to print: notes are kept as typed, but a terminal must
//! never receive their escape sequences or bidi overrides.

use crate::text::safe::is_unsafe;
pub use crate::text::safe::{is_bidi_control, safe_line};

/// Serialized JSON with every unsafe non-ASCII character written as a `\uXXXX` escape.
/// serde_json escapes C0 controls in strings itself (the newlines left are layout) but
/// writes DEL, C1 and bidi controls raw; JSON structure is printable ASCII, so such
/// characters can only sit inside strings, where the escape means the same.
pub fn escape_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if (c == '\u{7f}' || !c.is_ascii()) && is_unsafe(c) {
            // Everything `is_unsafe` accepts is in the Basic Multilingual Plane.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_json_leaves_no_control_raw() {
        let json = serde_json::to_string("a\u{7f}\u{9b}\u{202e}\u{1b}b\u{2069}ق").unwrap();
        let out = escape_json(&json);
        assert_eq!(out, r#""a\u007f\u009b\u202e\u001bb\u2069ق""#);
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "a\u{7f}\u{9b}\u{202e}\u{1b}b\u{2069}ق");
    }

    #[test]
    fn lines_lose_controls_but_keep_arabic() {
        let note = "ملاحظة\u{202E}evil\u{1b}[2J\tx\ny\u{85}";
        assert_eq!(safe_line(note), "ملاحظة<U+202E>evil<U+001B>[2J x y<U+0085>");
        assert_eq!(safe_line("كلمة (أ) 12"), "كلمة (أ) 12");
    }

    #[test]
    fn json_escapes_stay_valid_and_mean_the_same() {
        let s = "a\u{202E}b\u{1b}c\u{85}d\u{2066}";
        let json = serde_json::to_string_pretty(&[s]).unwrap();
        let escaped = escape_json(&json);
        assert!(escaped.is_ascii(), "{escaped}");
        let back: Vec<String> = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, [s]);
    }
}
