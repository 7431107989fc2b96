//! Making untrusted text (notes, file names, error messages) harmless to print: a
//! terminal must never receive its escape sequences or bidi overrides. Article text is
//! handled by `layout`, which drops the same characters; here they are shown as visible
//! `<U+XXXX>` tags, so a name or a note still says what it holds.

use std::path::Path;

/// Bidi formatting characters that would reorder the text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Characters shown as a visible `<U+XXXX>` instead of themselves: C0 and C1 controls
/// (ESC among them), DEL, bidi controls, and line/paragraph separators.
pub fn is_unsafe(c: char) -> bool {
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

/// A message of one or more lines safe for a terminal (errors on stderr): each line as
/// [`safe_line`] makes it, the line breaks between them kept.
pub fn safe_lines(s: &str) -> String {
    s.split('\n').map(safe_line).collect::<Vec<_>>().join("\n")
}

/// A path safe to print: invalid UTF-8 becomes U+FFFD, controls become tags.
pub fn safe_path(p: &Path) -> String {
    safe_line(&p.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_become_visible_tags() {
        let s = safe_line("b\u{1b}]0;X\u{7}\u{1b}[2J\u{9b}\u{202E}ok\tz\n");
        assert!(!s.chars().any(is_unsafe), "{s}");
        assert!(s.contains("<U+001B>") && s.contains("<U+202E>") && s.contains("<U+009B>"));
        assert!(s.ends_with("ok z "));
    }

    #[test]
    fn messages_keep_their_lines_but_no_control() {
        let m = safe_lines("a\u{1b}[2J: bad\ncaused by: \u{9b}x\u{202E}\r");
        assert_eq!(m, "a<U+001B>[2J: bad\ncaused by: <U+009B>x<U+202E> ");
    }

    #[test]
    fn invalid_utf8_in_a_path_is_replaced() {
        use std::os::unix::ffi::OsStrExt;
        let p = Path::new(std::ffi::OsStr::from_bytes(b"a\xff\x1b.txt"));
        assert_eq!(safe_path(p), "a\u{FFFD}<U+001B>.txt");
    }
}
