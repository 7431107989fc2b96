//! Making stored text harmless to print: notes are kept as typed, but a terminal must
//! never receive their escape sequences or bidi overrides.

/// Bidi formatting characters that would reorder the text around them (design §2.9).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Characters shown as a visible `<U+XXXX>` instead of themselves: C0 and C1 controls
/// (ESC among them), DEL, bidi controls, and line/paragraph separators.
fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// One line of text safe for a terminal, a table cell or a Markdown line: tabs and line
/// breaks become spaces, other controls become visible `<U+XXXX>` tags.
pub fn safe_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if is_unsafe(c) => out.push_str(&format!("<U+{:04X}>", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Serialized JSON with every unsafe non-ASCII character written as a `\uXXXX` escape.
/// serde_json escapes C0 controls in strings itself (the newlines left are layout) but
/// writes C1 and bidi controls raw; JSON structure is ASCII, so such characters can only
/// sit inside strings, where the escape means the same.
pub fn escape_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if !c.is_ascii() && is_unsafe(c) {
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
