//! The claims table, pure: a model (rows × sources) with its labels from
//! `claims::present`, and its Markdown rendering. `qarin claims` lays the model out for
//! the terminal (`cli::output::table`); the reader can draw the same model.

use crate::corpus::Article;
use crate::text::lang::Lang;

use super::{Analysis, Lexicon, Topic, Trend, Verdict, present};

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
    pub topic: Topic,
    /// Topic label with its scope and year («القتلى · قوات الأمن»).
    pub label: String,
    /// One cell per column: the claims' words, `؟` marking hedged ones.
    pub cells: Vec<String>,
    pub verdict: Verdict,
    /// The group's trend over publication time, if any.
    pub trend: Option<Trend>,
    /// Claim ids in each cell.
    pub claim_ids: Vec<Vec<usize>>,
}

impl Row {
    /// The verdict cell: sign and words, then the trend («✗ تعارض · ↗ متصاعد»).
    pub fn verdict_text(&self, lang: Lang) -> String {
        let mut s = present::verdict_mark(self.verdict, lang);
        if let Some(t) = self.trend {
            s.push_str(" · ");
            s.push_str(present::trend_label(t, lang));
        }
        s
    }
}

/// The table model of an analysis, labelled in `lang`.
pub fn model(
    analysis: &Analysis,
    articles: &[Article],
    lexicon: &Lexicon,
    lang: Lang,
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
            let label = present::group_label(lexicon, g, lang);
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
                    .map(present::claim_cell)
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
                trend: g.trend,
                claim_ids,
            }
        })
        .collect();
    (columns, rows)
}

/// One Markdown cell: pipes escaped, controls and bidi overrides shown as `<U+XXXX>`.
fn md_escape(s: &str) -> String {
    crate::bookmarks::display::safe_line(s).replace('|', "\\|")
}

/// The table as Markdown, labelled in `lang` (text in logical order; renderers do the
/// bidi).
pub fn render_markdown(
    analysis: &Analysis,
    articles: &[Article],
    lexicon: &Lexicon,
    lang: Lang,
) -> String {
    let (columns, rows) = model(analysis, articles, lexicon, lang);
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
        s.push_str(&format!(" {} |\n", md_escape(&r.verdict_text(lang))));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::analyze;

    #[test]
    fn seeds_table_has_a_row_per_group_in_both_languages() {
        let seeds = crate::corpus::seeds();
        let lex = Lexicon::builtin();
        let a = analyze(&seeds, &lex, false);
        let (columns, rows) = model(&a, &seeds, &lex, Lang::Arabic);
        assert_eq!(rows.len(), a.groups.len());
        assert!(rows.iter().all(|r| r.cells.len() == columns.len()));
        let troops = rows
            .iter()
            .find(|r| r.topic == "troops")
            .map(|r| r.label.clone());
        assert_eq!(troops.as_deref(), Some("القوات"));
        let md = render_markdown(&a, &seeds, &lex, Lang::Arabic);
        assert_eq!(md.lines().count(), a.groups.len() + 2);
        assert!(md.contains("| ✗ تعارض |"), "{md}");
        let md = render_markdown(&a, &seeds, &lex, Lang::English);
        assert!(
            md.contains("| troops sent |") && md.contains("| ✗ conflict |"),
            "{md}"
        );
        assert!(!md.contains("تعارض"), "{md}");
    }

    #[test]
    fn a_rising_toll_says_so_in_its_verdict_cell() {
        let row = Row {
            topic: Topic::from("killed"),
            label: String::new(),
            cells: vec![],
            verdict: Verdict::Conflict,
            trend: Some(Trend::Rising),
            claim_ids: vec![],
        };
        assert_eq!(row.verdict_text(Lang::English), "✗ conflict · ↗ rising");
        assert_eq!(row.verdict_text(Lang::Arabic), "✗ تعارض · ↗ متصاعد");
    }
}
