//! The claims table: topics × sources with values and verdict, and a small range plot
//! per topic (each claim's interval as a bar on one axis) so disagreement is seen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::claims::{Claim, Group};

use super::action::Action;
use super::compare::value_text_within;
use super::draw::{self, Align};
use super::screen;
use super::state::{SortKey, State, View};
use crate::claims::present;

/// The claims table view.
pub struct ClaimsView;

impl super::views::ViewOps for ClaimsView {
    fn handle(&self, state: &mut State, action: Action) {
        handle(state, action)
    }
    fn draw(&self, state: &State, buf: &mut Buffer) {
        draw(state, buf)
    }
    fn mouse(&self, state: &mut State, _x: u16, y: u16, delta: isize) {
        if delta != 0 {
            super::views::list_wheel(state, delta);
        } else if let Some(i) = row_at(state, y) {
            state.table_sel = i;
        }
    }
    fn scope(&self) -> super::action::Scope {
        super::action::Scope::CLAIMS
    }
}

fn handle(state: &mut State, action: Action) {
    let n = state.model.analysis.groups.len();
    let last = n.saturating_sub(1);
    match action {
        Action::LineDown | Action::NextParagraph => {
            state.table_sel = (state.table_sel + 1).min(last)
        }
        Action::LineUp | Action::PrevParagraph => {
            state.table_sel = state.table_sel.saturating_sub(1)
        }
        Action::PageDown => state.table_sel = (state.table_sel + page(state)).min(last),
        Action::PageUp => state.table_sel = state.table_sel.saturating_sub(page(state)),
        Action::HalfPageDown => {
            state.table_sel = (state.table_sel + page(state).div_ceil(2)).min(last)
        }
        Action::HalfPageUp => {
            state.table_sel = state.table_sel.saturating_sub(page(state).div_ceil(2))
        }
        Action::Top => state.table_sel = 0,
        Action::Bottom => state.table_sel = last,
        Action::NextSources | Action::PrevSources => {
            let (all, fit) = (sources(state).len(), fit(state));
            let max = all.saturating_sub(fit);
            state.table_skip = if action == Action::NextSources {
                (state.table_skip + 1).min(max)
            } else {
                state.table_skip.min(max).saturating_sub(1)
            };
            if max == 0 {
                state.status = Some(format!("all {all} sources are shown"));
            }
        }
        Action::Sort => {
            state.sort = match state.sort {
                SortKey::Topic => SortKey::Verdict,
                SortKey::Verdict => SortKey::Spread,
                SortKey::Spread => SortKey::Topic,
            };
        }
        Action::Open => {
            if let Some(g) = state.table_rows().get(state.table_sel).copied() {
                state.go(View::Compare);
                state.select_group(g);
            }
        }
        _ => {}
    }
}

fn sort_name(s: SortKey) -> &'static str {
    match s {
        SortKey::Topic => "topic",
        SortKey::Verdict => "verdict",
        SortKey::Spread => "spread",
    }
}

/// Column widths: topic, one per source, verdict, plot.
struct Columns {
    topic: u16,
    source: u16,
    verdict: u16,
    plot: u16,
}

/// A source's value column is at least this wide: with more sources than fit (a story
/// of 67 articles), as many as fit are shown and `>`/`<` scroll them, as in compare.
const MIN_SOURCE: u16 = 7;

/// The columns for `sources` sources, and how many of them fit.
fn columns(width: u16, sources: usize) -> (Columns, usize) {
    let topic = (width / 8).clamp(4, 14);
    let verdict = if width >= 70 { 11 } else { 2 };
    let plot = if width >= 60 { width / 5 } else { 0 };
    let rest = width.saturating_sub(topic + verdict + plot);
    let fit = sources.min(usize::from(rest / MIN_SOURCE).max(1));
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
fn sources(state: &State) -> Vec<usize> {
    (0..state.model.len())
        .filter(|ai| state.model.index.article_of.values().any(|a| a == ai))
        .collect()
}

/// How many source columns fit on the screen.
fn fit(state: &State) -> usize {
    let all = sources(state).len();
    columns(screen::body(state.size).width, all).1
}

/// The source columns shown, in order, and how many sources there are. When not all
/// fit, those with a claim on the selected topic come first, from `table_skip` on.
fn shown_sources(state: &State, fit: usize) -> (Vec<usize>, usize) {
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

fn claims_of<'a>(state: &'a State, g: &Group) -> Vec<&'a Claim> {
    g.claims
        .iter()
        .filter_map(|id| state.model.claim(*id))
        .collect()
}

/// Rows a group takes: one per claim (each gets its own plot bar).
fn height(state: &State, g: &Group) -> u16 {
    claims_of(state, g).len().clamp(1, 8) as u16
}

/// The last row of the body explains the plot's marks, when there is room for it and
/// the plot is shown (see `columns`).
fn has_legend(body: Rect) -> bool {
    body.height >= 6 && body.width >= 60
}

/// Screen rows for the topics: the body less its header and the legend.
fn visible_rows(body: Rect) -> u16 {
    body.height.saturating_sub(1 + u16::from(has_legend(body)))
}

/// The topics a page moves by: as many as fit on the screen from the selected one.
fn page(state: &State) -> usize {
    let mut room = visible_rows(screen::body(state.size));
    let rows = state.table_rows();
    let mut n = 0;
    for g in rows.iter().skip(state.table_sel) {
        let h = height(state, &state.model.analysis.groups[*g]);
        if h > room {
            break;
        }
        room -= h;
        n += 1;
    }
    n.max(1)
}

/// The first row shown, so that the selection is visible in `rows` screen rows.
fn first_row(state: &State, rows: &[usize], visible: u16) -> usize {
    let sel = state.table_sel.min(rows.len().saturating_sub(1));
    let mut first = 0;
    loop {
        let used: u16 = rows[first..=sel.max(first)]
            .iter()
            .map(|g| height(state, &state.model.analysis.groups[*g]))
            .sum();
        if used <= visible || first >= sel {
            return first;
        }
        first += 1;
    }
}

/// The table row (index into `table_rows`) at screen row `y`.
pub fn row_at(state: &State, y: u16) -> Option<usize> {
    let body = screen::body(state.size);
    let rows = state.table_rows();
    if rows.is_empty() {
        return None;
    }
    let visible = visible_rows(body);
    let mut at = body.y + 1;
    for (i, g) in rows
        .iter()
        .enumerate()
        .skip(first_row(state, &rows, visible))
    {
        let h = height(state, &state.model.analysis.groups[*g]);
        if y >= at && y < at + h {
            return Some(i);
        }
        at += h;
    }
    None
}

pub fn draw(state: &State, buf: &mut Buffer) {
    let size = state.size;
    let theme = state.theme();
    let bar = Rect::new(size.x, size.y, size.width, 1);
    draw::fill(buf, bar, theme.bar());
    let body = screen::body(size);
    let (c, fit) = columns(body.width, sources(state).len());
    let (sources, all) = shown_sources(state, fit);
    let mut title = format!(
        " claims: {} topics · sort: {} ({}) · Enter compares ",
        state.model.analysis.groups.len(),
        sort_name(state.sort),
        state.hint(Action::Sort)
    );
    if sources.len() < all {
        title.push_str(&format!(
            "· {} of {all} sources · {}/{} more ",
            sources.len(),
            state.hint(Action::PrevSources),
            state.hint(Action::NextSources)
        ));
    }
    draw::text(state, buf, bar, &title, theme.bar(), Align::Left);
    if state.model.analysis.groups.is_empty() {
        let msg = "no numeric claims with a topic were found in these articles";
        draw::text(
            state,
            buf,
            Rect::new(body.x, body.y + 1, body.width, 1),
            msg,
            theme.plain(),
            Align::Center,
        );
        return;
    }
    let n = sources.len();
    let mut widths = vec![c.topic];
    widths.extend(std::iter::repeat_n(c.source, n));
    widths.push(c.verdict);
    widths.push(c.plot);
    let cols = |y: u16, h: u16| {
        screen::columns(
            Rect::new(body.x, y, body.width, h),
            &widths,
            state.first_right,
        )
    };
    // Header.
    let head = cols(body.y, 1);
    let hs = theme.header();
    let en = state.settings.english;
    let (topic_head, verdict_head, align) = if en {
        ("topic", "verdict", Align::Left)
    } else {
        ("الموضوع", "الحكم", Align::Right)
    };
    draw::text(state, buf, inset(head[0]), topic_head, hs, align);
    for (k, ai) in sources.iter().enumerate() {
        let a = &state.model.open[*ai].article;
        // The outlet (or short label) and the day and time it published.
        let label = match a.published {
            Some(p) => format!("{} {} {}", ai + 1, a.short, p.time.format("%m-%d %H:%M")),
            None => format!("{} {}", ai + 1, a.short),
        };
        let st = hs.patch(theme.source(*ai));
        draw::text(state, buf, inset(head[1 + k]), &label, st, Align::Right);
    }
    draw::text(state, buf, inset(head[n + 1]), verdict_head, hs, align);
    let rows = state.table_rows();
    let legend = has_legend(body);
    let visible = visible_rows(body);
    if let Some(g) = rows
        .get(state.table_sel)
        .and_then(|g| state.model.analysis.groups.get(*g))
        && c.plot > 0
    {
        super::range_plot::scale(state, buf, head[n + 2], &claims_of(state, g));
    }
    if legend {
        let text = "plot: [ ] included ( ) excluded < > open ┃ one value · ؟ hedged";
        let row = Rect::new(body.x, body.bottom() - 1, body.width, 1);
        draw::text(state, buf, row, text, theme.dim(), Align::Left);
    }
    let last = body.y + 1 + visible;
    let mut y = body.y + 1;
    for (i, gi) in rows
        .iter()
        .enumerate()
        .skip(first_row(state, &rows, visible))
    {
        let g = &state.model.analysis.groups[*gi];
        let h = height(state, g).min(last.saturating_sub(y));
        if h == 0 {
            break;
        }
        let r = cols(y, h);
        let sel = i == state.table_sel;
        let tstyle = if sel { theme.selected() } else { theme.plain() };
        let trow = Rect::new(r[0].x, y, r[0].width, 1);
        draw::fill(buf, trow, tstyle);
        draw::text(state, buf, trow, &state.group_label(g), tstyle, align);
        let claims = claims_of(state, g);
        for (ai, col) in sources.iter().zip(&r[1..=n]) {
            let mine: Vec<&&Claim> = claims
                .iter()
                .filter(|c| state.model.index.article_of.get(&c.id) == Some(ai))
                .collect();
            for (k, cl) in mine.iter().take(h as usize).enumerate() {
                let cell = Rect::new(col.x, y + k as u16, col.width, 1);
                let st = state.claim_style(cl);
                let cell = inset(cell);
                // A hedged claim («قد يصل», «يُعتقد») carries `؟`, as in `qarin claims`.
                let text = if cl.hedged {
                    let v = value_text_within(cl, (cell.width as usize).saturating_sub(2), en);
                    format!("{v} {}", present::HEDGE_MARK)
                } else {
                    value_text_within(cl, cell.width as usize, en)
                };
                draw::text(state, buf, cell, &text, st, Align::Right);
            }
        }
        let verdict = if c.verdict >= 8 {
            present::verdict_label(g.verdict, super::compare::label_lang(state)).to_owned()
        } else {
            present::verdict_sign(g.verdict).to_owned()
        };
        let vcell = Rect::new(r[n + 1].x, y, r[n + 1].width, 1);
        let vstyle = if g.verdict == crate::claims::Verdict::Conflict {
            theme.conflict_mark()
        } else {
            theme.plain()
        };
        draw::text(state, buf, inset(vcell), &verdict, vstyle, align);
        if c.plot > 0 {
            super::range_plot::plot(state, buf, r[n + 2], &claims);
        }
        y += h;
    }
}

fn inset(r: Rect) -> Rect {
    Rect::new(r.x, r.y, r.width.saturating_sub(1), r.height)
}
