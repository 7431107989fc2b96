//! Which sources get a column in the claims table and how wide the columns are
//! (docs/ui.md, Claims table): each source column is as wide as its head needs to be
//! read («59 shoro…»), and with more sources than fit, the selected topic's come first
//! and `>`/`<` scroll them.

use super::claims_cells;
use super::state::State;

/// Column widths: topic, one per source, verdict, plot.
pub struct Columns {
    pub topic: u16,
    pub source: u16,
    pub verdict: u16,
    pub plot: u16,
}

/// A source's value column is at least this wide: a value in signs («>2000 ؟»).
const MIN_SOURCE: u16 = 7;

/// The columns for `sources` sources whose heads need `need` cells, and how many of
/// them fit: fewer, wider columns rather than heads nobody can read.
pub fn columns(width: u16, sources: usize, need: u16) -> (Columns, usize) {
    let topic = (width / 8).clamp(4, 14);
    let verdict = if width >= 70 { 11 } else { 2 };
    let plot = if width >= 60 { width / 5 } else { 0 };
    let rest = width.saturating_sub(topic + verdict + plot);
    let fit = sources.min(usize::from(rest / need.max(MIN_SOURCE)).max(1));
    let source = rest / (fit.max(1) as u16);
    let c = Columns {
        topic,
        source,
        verdict,
        plot,
    };
    (c, fit)
}

/// The sources with a claim, in order: only they get a column.
pub fn sources(state: &State) -> Vec<usize> {
    (0..state.model.len())
        .filter(|ai| state.model.index.article_of.values().any(|a| a == ai))
        .collect()
}

/// The short name in the head of each of `shown`, cut where the table's outlets
/// differ (all of them, so a name reads the same whichever columns are shown).
pub fn short_names(state: &State, shown: &[usize]) -> Vec<String> {
    let all = sources(state);
    let names: Vec<&str> = all
        .iter()
        .map(|ai| state.model.open[*ai].article.short.as_str())
        .collect();
    let cut = claims_cells::abbreviations(&names);
    shown
        .iter()
        .map(|ai| match all.binary_search(ai) {
            Ok(k) => cut[k].clone(),
            Err(_) => state.model.open[*ai].article.short.clone(),
        })
        .collect()
}

/// The cells the widest of these heads needs.
pub fn head_need(sources: &[usize], shorts: &[String]) -> u16 {
    sources
        .iter()
        .zip(shorts)
        .map(|(ai, s)| claims_cells::head_width(ai + 1, s))
        .max()
        .unwrap_or(0)
}

/// The columns in a body `width` wide for the table's sources, and how many fit.
pub fn layout(state: &State, width: u16) -> (Columns, usize) {
    let all = sources(state);
    let need = head_need(&all, &short_names(state, &all));
    columns(width, all.len(), need)
}

/// The source columns shown, in order, and how many sources there are. When not all
/// fit, those with a claim on the selected topic come first, from `table_skip` on.
pub fn shown_sources(state: &State, fit: usize) -> (Vec<usize>, usize) {
    let mut all = sources(state);
    let n = all.len();
    if n <= fit {
        return (all, n);
    }
    if let Some(g) = state
        .table_rows()
        .get(state.table_sel)
        .and_then(|g| state.model.analysis.groups.get(*g))
    {
        let on_topic = |ai: &usize| {
            g.claims
                .iter()
                .any(|c| state.model.index.article_of.get(c) == Some(ai))
        };
        // Stable: each part keeps the sources' order.
        all.sort_by_key(|ai| !on_topic(ai));
    }
    let skip = state.table_skip.min(n - fit);
    let mut shown: Vec<usize> = all.into_iter().skip(skip).take(fit).collect();
    shown.sort_unstable();
    (shown, n)
}
