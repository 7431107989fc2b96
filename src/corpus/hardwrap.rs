//! Hard-wrapped text (from `w3m -dump`, `lynx -dump`, `pdftotext`, e-mail): lines cut at
//! a fixed width, paragraphs separated by blank lines. Read line by line, «أكثر | من 2000
//! جندي» would fall into two paragraphs and lose its qualifier.

/// How lines make paragraphs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ParagraphMode {
    /// `blank` when the lines are short and regular (hard-wrapped), else `line`.
    #[default]
    Auto,
    /// Every line is a paragraph.
    Line,
    /// Blank lines separate paragraphs; the lines between them are joined.
    Blank,
}

/// Lines looked at to decide.
const SAMPLE_LINES: usize = 400;
/// The widest wrap width taken for hard wrapping (w3m's default is 80, e-mail's 72–78).
const MAX_WIDTH: usize = 100;

/// Whether `text` looks hard-wrapped: enough lines, none wider than a terminal's usual
/// width, and most lines that go on into a next line filled close to one same width (a
/// paragraph per line has long lines of any length, a list has short ragged ones).
pub fn looks_hard_wrapped(text: &str) -> bool {
    let lines: Vec<usize> = super::lines(text)
        .take(SAMPLE_LINES)
        .map(|l| l.trim_end().chars().count())
        .collect();
    let nonblank = lines.iter().filter(|&&w| w > 0).count();
    if nonblank < 6 {
        return false;
    }
    let width = lines.iter().copied().max().unwrap_or(0);
    if !(20..=MAX_WIDTH).contains(&width) {
        return false;
    }
    // Lines followed by another non-blank line: the ones a wrap cut.
    let cut: Vec<usize> = lines
        .windows(2)
        .filter(|w| w[0] > 0 && w[1] > 0)
        .map(|w| w[0])
        .collect();
    if cut.len() * 3 < nonblank {
        return false;
    }
    let full = cut.iter().filter(|&&w| w * 10 >= width * 7).count();
    full * 4 >= cut.len() * 3
}

/// The paragraphs of hard-wrapped `text`, one per line: each run of non-blank lines
/// joined with single spaces.
pub fn join_blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open = false;
    for line in super::lines(text) {
        let line = line.trim();
        if line.is_empty() {
            if open {
                out.push('\n');
                open = false;
            }
            continue;
        }
        if open {
            out.push(' ');
        }
        out.push_str(line);
        open = true;
    }
    if open {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRAPPED: &str = "\
وقالت مصادر عسكرية إن روسيا أرسلت أكثر
من 2000 جندي و250 قطعة من المعدات العسكرية
إلى كازاخستان خلال الأيام الثلاثة الماضية.

وأضافت المصادر أن القوات ستبقى في البلاد
حتى تستقر الأوضاع الأمنية بالكامل في المدن
الكبرى، وفق ما نقلت وكالات الأنباء الرسمية.
";

    #[test]
    fn wrapped_text_is_recognised_and_joined() {
        assert!(looks_hard_wrapped(WRAPPED));
        let joined = join_blocks(WRAPPED);
        let paras: Vec<&str> = joined.lines().collect();
        assert_eq!(paras.len(), 2);
        assert!(paras[0].contains("أكثر من 2000 جندي"), "{}", paras[0]);
    }

    #[test]
    fn a_paragraph_per_line_is_not_wrapped() {
        let seeds = crate::corpus::seeds();
        for a in &seeds {
            let text: Vec<&str> = a.paragraphs.iter().collect();
            assert!(!looks_hard_wrapped(&text.join("\n")), "{}", a.name);
        }
        let list = "عنوان\nخبر أول قصير\nثان\nخبر ثالث أطول قليلا من غيره\nرابع\nخامس\nسادس\n";
        assert!(!looks_hard_wrapped(list));
        assert!(!looks_hard_wrapped("a\nb\n"));
    }
}
