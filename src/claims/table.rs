//! The claims table, pure: a model (rows × sources) with its labels from
//! `claims::present`, and its Markdown rendering. `qarin claims` lays the model out for
//! the terminal (`cli::output::table`); the reader can draw the same model.

use std::borrow::Borrow;
use std::collections::HashMap;

use crate::corpus::Article;
use crate::text::lang::Lang;

use super::{Analysis, Claim, Group, Lexicon, Topic, Trend, Verdict, present};

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
    /// The ids of the claims each cell lists (at most [`CELL_CLAIMS`]).
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

/// A cell lists at most this many claims: past it, the first `CELL_CLAIMS - 1` and the
/// headline, then «… +N أخرى» ("… +N more"). A cell of hundreds of figures cannot be
/// read, and the cap is what lets `qarin claims` build the table of a 1 GB article from
/// a bounded number of claims per cell, not from all of them (docs/safety.md, "A 1 GB
/// article").
pub const CELL_CLAIMS: usize = 10;

/// The table model of an analysis, labelled in `lang`.
pub fn model(
    analysis: &Analysis,
    articles: &[Article],
    lexicon: &Lexicon,
    lang: Lang,
) -> (Vec<Column>, Vec<Row>) {
    let index: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let claims = &analysis.claims;
    let source = Source {
        article_of: &|c| {
            claims
                .get(c)
                .and_then(|c| index.get(c.article.as_str()).copied())
        },
        headline: &|c| claims.get(c).is_some_and(|c| c.headline),
    };
    let all = claims.iter().map(Ok::<_, std::convert::Infallible>);
    match model_of(&analysis.groups, articles, &source, all, lexicon, lang) {
        Ok(model) => model,
        Err(never) => match never {},
    }
}

/// What the table needs to know of a claim by its id before reading it.
pub struct Source<'a> {
    /// The index in `articles` of the claim's article.
    pub article_of: &'a dyn Fn(usize) -> Option<usize>,
    /// Whether the claim is its article's headline in its group.
    pub headline: &'a dyn Fn(usize) -> bool,
}

/// The table model from the groups and the claims read once in id order (`claims`
/// may be read back from a store): memory holds at most [`CELL_CLAIMS`] claims' words a
/// cell, whatever the number of claims.
pub fn model_of<E, C: Borrow<Claim>>(
    groups: &[Group],
    articles: &[Article],
    source: &Source,
    claims: impl Iterator<Item = Result<C, E>>,
    lexicon: &Lexicon,
    lang: Lang,
) -> Result<(Vec<Column>, Vec<Row>), E> {
    let mut used = vec![false; articles.len()];
    for &c in groups.iter().flat_map(|g| &g.claims) {
        if let Some(u) = (source.article_of)(c).and_then(|a| used.get_mut(a)) {
            *u = true;
        }
    }
    let mut column_of = vec![None; articles.len()];
    let mut columns = Vec::new();
    for (i, a) in articles.iter().enumerate().filter(|&(i, _)| used[i]) {
        column_of[i] = Some(columns.len());
        columns.push(Column {
            article: a.id.clone(),
            label: if a.short == a.id {
                a.id.clone()
            } else {
                format!("{} {}", a.id, a.short)
            },
        });
    }
    // Which claims each cell lists, by id; then their words, read in one pass.
    let plans: Vec<Vec<Plan>> = groups
        .iter()
        .map(|g| {
            let column = |c| (source.article_of)(c).and_then(|a| column_of.get(a).copied()?);
            plan_row(g, &column, source)
        })
        .collect();
    let mut wanted: Vec<(usize, u32, u32, u8)> = Vec::new();
    for (r, row) in plans.iter().enumerate() {
        for (p, plan) in row.iter().enumerate() {
            for (slot, &c) in plan.shown.iter().enumerate() {
                wanted.push((c, r as u32, p as u32, slot as u8));
            }
        }
    }
    wanted.sort_unstable();
    let mut words: Vec<Vec<Vec<String>>> = plans
        .iter()
        .map(|row| {
            row.iter()
                .map(|p| vec![String::new(); p.shown.len()])
                .collect()
        })
        .collect();
    let mut next = 0;
    for c in claims {
        let c = c?;
        let c = c.borrow();
        while let Some(&(id, r, p, slot)) = wanted.get(next).filter(|w| w.0 <= c.id) {
            next += 1;
            if id == c.id
                && let Some(w) = words
                    .get_mut(r as usize)
                    .and_then(|row| row.get_mut(p as usize))
                    .and_then(|cell| cell.get_mut(slot as usize))
            {
                *w = present::claim_cell(c);
            }
        }
        if next == wanted.len() {
            break;
        }
    }
    let rows = groups
        .iter()
        .zip(plans)
        .zip(words)
        .map(|((g, plans), words)| {
            let mut cells = vec![String::new(); columns.len()];
            let mut claim_ids = vec![Vec::new(); columns.len()];
            for (plan, words) in plans.into_iter().zip(words) {
                let mut text = words.join(" / ");
                if plan.total > plan.shown.len() {
                    let more = plan.total - plan.shown.len();
                    text.push_str(&format!(" / … +{more} {}", more_word(lang)));
                }
                cells[plan.column] = text;
                claim_ids[plan.column] = plan.shown;
            }
            Row {
                topic: g.topic.clone(),
                label: present::group_label(lexicon, g, lang),
                cells,
                verdict: g.verdict,
                trend: g.trend,
                claim_ids,
            }
        })
        .collect();
    Ok((columns, rows))
}

/// The word after the count of claims a full cell leaves out.
fn more_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Arabic => "أخرى",
        Lang::English => "more",
    }
}

/// The claims one cell lists: its column, the ids shown, and how many it has.
struct Plan {
    column: usize,
    shown: Vec<usize>,
    total: usize,
}

/// The cells of a group's row that have claims, in column order, each listing the
/// first [`CELL_CLAIMS`] claims in the group's order, or past that the first
/// `CELL_CLAIMS - 1` and the headline.
fn plan_row(g: &Group, column: &dyn Fn(usize) -> Option<usize>, source: &Source) -> Vec<Plan> {
    // (column, ids, headline beyond the first CELL_CLAIMS - 1)
    let mut cells: Vec<(Plan, Option<usize>)> = Vec::new();
    for &c in &g.claims {
        let Some(col) = column(c) else { continue };
        let at = match cells.binary_search_by_key(&col, |(p, _)| p.column) {
            Ok(at) => at,
            Err(at) => {
                let plan = Plan {
                    column: col,
                    shown: Vec::new(),
                    total: 0,
                };
                cells.insert(at, (plan, None));
                at
            }
        };
        let (plan, head) = &mut cells[at];
        plan.total += 1;
        if plan.shown.len() < CELL_CLAIMS {
            plan.shown.push(c);
        }
        if plan.total >= CELL_CLAIMS && head.is_none() && (source.headline)(c) {
            *head = Some(c);
        }
    }
    cells
        .into_iter()
        .map(|(mut plan, head)| {
            if plan.total > CELL_CLAIMS
                && let (Some(h), Some(last)) = (head, plan.shown.last_mut())
            {
                *last = h;
            }
            plan
        })
        .collect()
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
    markdown(&columns, &rows, lang)
}

/// A table model as Markdown.
pub fn markdown(columns: &[Column], rows: &[Row], lang: Lang) -> String {
    let mut s = String::new();
    s.push_str("| topic |");
    for c in columns {
        s.push_str(&format!(" {} |", md_escape(&c.label)));
    }
    s.push_str(" verdict |\n|---|");
    for _ in columns {
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
