//! The claims table, pure: a model (rows × sources) and two renderings, plain terminal
//! lines (Arabic laid out by `crate::layout`) and Markdown. Used by `qarin claims` and
//! reusable by the TUI.

use crate::corpus::Article;
use crate::layout::{self, Direction};

use super::{Analysis, Lexicon, Verdict};

/// A source column: an article that has at least one grouped claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub article: String,
    /// Short label («000 زيادة»).
    pub label: String,
}

/// One group as a table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub topic: String,
    /// Topic label with its scope and year («القتلى · قوات الأمن»).
    pub label: String,
    /// One cell per column: the claims' words, `؟` marking hedged ones.
    pub cells: Vec<String>,
    pub verdict: Verdict,
    /// Claim ids in each cell.
    pub claim_ids: Vec<Vec<usize>>,
}

/// The table model of an analysis.
pub fn model(
    analysis: &Analysis,
    articles: &[Article],
    lexicon: &Lexicon,
) -> (Vec<Column>, Vec<Row>) {
    let columns: Vec<Column> = articles
        .iter()
        .filter(|a| {
            analysis
                .groups
                .iter()
                .flat_map(|g| &g.claims)
                .any(|&c| analysis.claims.get(c).is_some_and(|c| c.article == a.id))
        })
        .map(|a| Column {
            article: a.id.clone(),
            label: if a.short == a.id {
                a.id.clone()
            } else {
                format!("{} {}", a.id, a.short)
            },
        })
        .collect();
    let rows = analysis
        .groups
        .iter()
        .map(|g| {
            let mut label = lexicon.label(&g.topic).to_owned();
            if let Some(s) = &g.scope {
                label.push_str(" · ");
                label.push_str(lexicon.scope_label(s));
            }
            if let Some(y) = g.year {
                label.push_str(&format!(" ({y})"));
            }
            let mut cells = Vec::with_capacity(columns.len());
            let mut claim_ids = Vec::with_capacity(columns.len());
            for col in &columns {
                let ids: Vec<usize> = g
                    .claims
                    .iter()
                    .copied()
                    .filter(|&c| {
                        analysis
                            .claims
                            .get(c)
                            .is_some_and(|c| c.article == col.article)
                    })
                    .collect();
                let text = ids
                    .iter()
                    .filter_map(|&c| analysis.claims.get(c))
                    .map(|c| {
                        if c.hedged {
                            format!("{} ؟", c.text)
                        } else {
                            c.text.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" / ");
                cells.push(text);
                claim_ids.push(ids);
            }
            Row {
                topic: g.topic.clone(),
                label,
                cells,
                verdict: g.verdict,
                claim_ids,
            }
        })
        .collect();
    (columns, rows)
}

/// How a verdict is marked in the table.
pub fn verdict_mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "✗ conflict",
        Verdict::Compatible => "≈ compatible",
        Verdict::Agree => "= agree",
        Verdict::Single => "· single",
    }
}

const TOPIC_WIDTH: usize = 18;
const VERDICT_WIDTH: usize = 12;
const MIN_CELL: usize = 12;
const SEP: &str = " │ ";

/// Lays one cell out into lines of exactly `width` columns: RTL right-aligned.
fn cell_lines(text: &str, width: usize, opts: &layout::Options) -> Vec<String> {
    let o = layout::Options { width, ..*opts };
    layout::layout_paragraph(text, &o)
        .into_iter()
        .map(|l| {
            let pad = " ".repeat(width.saturating_sub(l.width));
            match l.direction {
                Direction::Rtl if opts.bidi == layout::BidiMode::App => format!("{pad}{}", l.text),
                _ => format!("{}{pad}", l.text),
            }
        })
        .collect()
}

/// The table as terminal lines for a total `width`; `opts` says how to lay Arabic out
/// (its width is ignored). Lines are at most `width` columns unless the sources need
/// more than their minimum cell width.
pub fn render_lines(
    analysis: &Analysis,
    articles: &[Article],
    lexicon: &Lexicon,
    width: usize,
    opts: &layout::Options,
) -> Vec<String> {
    let (columns, rows) = model(analysis, articles, lexicon);
    let mut out = Vec::new();
    if rows.is_empty() {
        out.push("no claims found".to_owned());
        return out;
    }
    let n = columns.len().max(1);
    let fixed = TOPIC_WIDTH + VERDICT_WIDTH + SEP.len() * (n + 1);
    let cell = (width.saturating_sub(fixed) / n).max(MIN_CELL);
    let widths: Vec<usize> = std::iter::once(TOPIC_WIDTH)
        .chain(std::iter::repeat_n(cell, columns.len()))
        .chain(std::iter::once(VERDICT_WIDTH))
        .collect();
    let rule = widths
        .iter()
        .map(|w| "─".repeat(*w))
        .collect::<Vec<_>>()
        .join("─┼─");
    let emit = |texts: Vec<String>, out: &mut Vec<String>| {
        let cells: Vec<Vec<String>> = texts
            .iter()
            .zip(&widths)
            .map(|(t, w)| cell_lines(t, *w, opts))
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for i in 0..height {
            let line = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| c.get(i).cloned().unwrap_or_else(|| " ".repeat(*w)))
                .collect::<Vec<_>>()
                .join(SEP);
            out.push(line.trim_end().to_owned());
        }
    };
    let header = std::iter::once("topic".to_owned())
        .chain(columns.iter().map(|c| c.label.clone()))
        .chain(std::iter::once("verdict".to_owned()))
        .collect();
    emit(header, &mut out);
    for row in rows {
        out.push(rule.clone());
        let texts = std::iter::once(row.label.clone())
            .chain(row.cells.iter().cloned())
            .chain(std::iter::once(verdict_mark(row.verdict).to_owned()))
            .collect();
        emit(texts, &mut out);
    }
    out
}

/// One Markdown cell: pipes escaped, controls and bidi overrides shown as `<U+XXXX>`.
fn md_escape(s: &str) -> String {
    crate::bookmarks::display::safe_line(s).replace('|', "\\|")
}

/// The table as Markdown (text in logical order; renderers do the bidi).
pub fn render_markdown(analysis: &Analysis, articles: &[Article], lexicon: &Lexicon) -> String {
    let (columns, rows) = model(analysis, articles, lexicon);
    let mut s = String::new();
    s.push_str("| topic |");
    for c in &columns {
        s.push_str(&format!(" {} |", md_escape(&c.label)));
    }
    s.push_str(" verdict |\n|---|");
    for _ in &columns {
        s.push_str("---|");
    }
    s.push_str("---|\n");
    for r in rows {
        s.push_str(&format!("| {} |", md_escape(&r.label)));
        for c in &r.cells {
            s.push_str(&format!(" {} |", md_escape(c)));
        }
        s.push_str(&format!(" {} |\n", r.verdict.as_str()));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::analyze;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn seeds_table_has_a_row_per_group_and_fits() {
        let seeds = crate::corpus::seeds();
        let lex = Lexicon::builtin();
        let a = analyze(&seeds, &lex, false);
        let lines = render_lines(&a, &seeds, &lex, 120, &layout::Options::default());
        assert!(lines[0].starts_with("topic"));
        assert!(lines.iter().any(|l| l.contains("✗ conflict")));
        for l in &lines {
            assert!(l.width() <= 120, "{l}");
        }
        let rules = lines.iter().filter(|l| l.starts_with('─')).count();
        assert_eq!(rules, a.groups.len());
        let md = render_markdown(&a, &seeds, &lex);
        assert_eq!(md.lines().count(), a.groups.len() + 2);
        assert!(md.contains("| conflict |"));
    }
}
