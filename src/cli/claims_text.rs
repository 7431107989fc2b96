//! `qarin claims` as text: the table wrapped to the width, Markdown lines in the
//! style, and the `--all` list of quantities no topic claimed (docs/claims.md).

use crate::claims::{Claim, table};
use crate::cli::output::{self, Table, TextStyle};
use crate::text::lang::Lang;

/// The claims table: topics down, sources across, wrapped to the width (rows become
/// blocks when the sources cannot fit side by side).
pub(super) fn model_lines(
    columns: Vec<table::Column>,
    rows: Vec<table::Row>,
    lang: Lang,
    style: &TextStyle,
) -> Vec<String> {
    if rows.is_empty() {
        return vec!["no claims found".to_owned()];
    }
    let verdict = columns.len() + 1;
    let t = Table {
        keep: vec![verdict],
        headers: std::iter::once("topic".to_owned())
            .chain(columns.into_iter().map(|c| c.label))
            .chain(std::iter::once("verdict".to_owned()))
            .collect(),
        rows: rows
            .into_iter()
            .map(|r| {
                let verdict = r.verdict_text(lang);
                std::iter::once(r.label)
                    .chain(r.cells)
                    .chain(std::iter::once(verdict))
                    .collect()
            })
            .collect(),
    };
    output::table_lines(&t, style)
}

/// One line in the style (Markdown is logical unless `--bidi app` asks otherwise).
pub(super) fn styled_line(line: &str, style: &TextStyle) -> String {
    let safe = crate::bookmarks::display::safe_line(line);
    if style.bidi == crate::layout::BidiMode::Terminal && !style.shape {
        return safe;
    }
    let width = unicode_width::UnicodeWidthStr::width(safe.as_str()).max(1);
    crate::layout::layout_paragraph(&safe, &style.layout(width))
        .into_iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// With `--all`: the quantities no topic claimed, each wrapped to the width, printed
/// as the claims are read (after a heading before the first).
#[derive(Default)]
pub(super) struct Untopical {
    started: bool,
}

impl Untopical {
    pub(super) fn lines(&mut self, c: &Claim, style: &TextStyle) -> Vec<String> {
        let mut lines = Vec::new();
        if c.topic.is_some() {
            return lines;
        }
        if !self.started {
            self.started = true;
            lines.push(String::new());
            lines.push("no topic:".to_owned());
        }
        let text = crate::bookmarks::display::safe_line(&format!(
            "{} ¶{}: {}",
            c.article, c.paragraph, c.text
        ));
        let width = style.width.saturating_sub(2).max(1);
        for l in output::table::cell_lines(&text, width, style) {
            lines.push(format!("  {}", l.trim_end()));
        }
        lines
    }
}
