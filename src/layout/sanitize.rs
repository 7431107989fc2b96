//! What may reach the terminal: control characters are dropped (a tab becomes one
//! space), bidi controls steer the algorithm but are never printed.

/// Bidi formatting characters (embeddings, overrides, isolates, marks). They take part
/// in level resolution and are then dropped from the output.
pub use crate::text::safe::is_bidi_control;

/// Characters never printed: C0 and C1 controls, ESC and DEL (general category Cc),
/// bidi controls, and the line and paragraph separators U+2028 / U+2029.
/// This is the complete list of documented drops (a tab is shown as a space). It is
/// the set `text::safe` shows as `<U+XXXX>` in names, notes and messages: article text
/// and everything else printed are escaped by one rule.
pub fn is_dropped(c: char) -> bool {
    c != '\t' && crate::text::safe::is_unsafe(c)
}

/// How a grapheme cluster is shown, decided by its first character. Controls always
/// form clusters of their own (UAX #29 GB4/GB5), except CR LF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treat {
    /// Printed as it is (possibly shaped or mirrored).
    Show,
    /// A tab: one space.
    Space,
    /// Not printed at all; kept as a zero-width cell for mapping.
    Drop,
}

pub fn treat(first: char) -> Treat {
    if first == '\t' {
        Treat::Space
    } else if is_dropped(first) {
        Treat::Drop
    } else {
        Treat::Show
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_dropped_and_tab_becomes_space() {
        for c in [
            '\u{1b}', '\u{0}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202E}', '\u{2067}',
        ] {
            assert_eq!(treat(c), Treat::Drop, "{:?}", c);
        }
        assert_eq!(treat('\t'), Treat::Space);
        for c in ['a', 'ب', '\u{064E}', '\u{200D}', ' '] {
            assert_eq!(treat(c), Treat::Show, "{:?}", c);
        }
    }
}
