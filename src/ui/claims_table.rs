//! The claims table: topics × sources with values and verdict, and a small range plot
//! per topic (each claim's interval as a bar on one axis) so disagreement is seen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::claims::{Claim, Group};

use super::action::Action;
use super::claims_cells;
use super::claims_columns::{layout, short_names, shown_sources, sources};
use super::compare::value_lang;
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

/// How many source columns fit on the screen.
fn fit(state: &State) -> usize {
    layout(state, screen::body(state.size).width).1
}

fn claims_of<'a>(state: &'a State, g: &Group) -> Vec<&'a Claim> {
    g.claims
        .iter()
        .filter_map(|id| state.model.claim(*id))
        .collect()
}

/// Rows a group takes at most: one per claim (each gets its own plot bar); a group
/// with more claims says how many are not drawn on its last row.
const MAX_ROWS: usize = 8;

/// Rows a group takes: one per claim, at most [`MAX_ROWS`].
fn height(state: &State, g: &Group) -> u16 {
    claims_of(state, g).len().clamp(1, MAX_ROWS) as u16
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
    let (c, fit) = layout(state, body.width);
    let (sources, all) = shown_sources(state, fit);
    let shorts = short_names(state, &sources);
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
    for (k, (ai, short)) in sources.iter().zip(&shorts).enumerate() {
        // The library's number and the outlet, then the time it published if it fits.
        let times: Vec<String> = state.model.open[*ai]
            .article
            .published
            .map(|p| {
                vec![
                    p.time.format("%m-%d %H:%M").to_string(),
                    p.time.format("%H:%M").to_string(),
                ]
            })
            .unwrap_or_default();
        let cell = inset(head[1 + k]);
        let name = &state.model.open[*ai].article.short;
        let label = claims_cells::head(ai + 1, name, short, &times, usize::from(cell.width));
        let st = hs.patch(theme.source(*ai));
        draw::text(state, buf, cell, &label, st, Align::Right);
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
    // The group drawn on the row above: the same topic again reads «· scope».
    let mut above: Option<&Group> = None;
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
        let label = row_label(state, g, above, usize::from(trow.width));
        draw::text(state, buf, trow, &label, tstyle, align);
        above = Some(g);
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
                let lang = value_lang(cl, en);
                let text = if cl.hedged {
                    let room = (cell.width as usize).saturating_sub(2);
                    let v = claims_cells::value(cl, room, lang);
                    format!("{v} {}", present::HEDGE_MARK)
                } else {
                    claims_cells::value(cl, cell.width as usize, lang)
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
            // The shown sources' bars first, so the bars match the value columns.
            let mut bars = claims.clone();
            bars.sort_by_key(|cl| {
                let ai = state.model.index.article_of.get(&cl.id);
                !ai.is_some_and(|ai| sources.contains(ai))
            });
            super::range_plot::plot(state, buf, r[n + 2], &bars);
        }
        y += h;
    }
}

/// A group's label in `cols` cells: the topic, scope and year; when that does not fit
/// and the row above has the same topic, «· scope (year)» only — cut alike, three rows
/// read «القتلى · …» and could not be told apart.
fn row_label(state: &State, g: &Group, above: Option<&Group>, cols: usize) -> String {
    let full = state.group_label(g);
    let repeated = above.is_some_and(|a| a.topic == g.topic);
    if !repeated || unicode_width::UnicodeWidthStr::width(full.as_str()) <= cols {
        return full;
    }
    let lang = super::compare::label_lang(state);
    let topic = present::topic_label(&state.model.lexicon, &g.topic, lang);
    match full.strip_prefix(topic).map(str::trim_start) {
        Some(rest) if !rest.is_empty() => {
            let scope = format!("· {}", rest.trim_start_matches('·').trim_start());
            // Whole words when a word fits, else the letters that do.
            match claims_cells::words_within(&scope, cols) {
                w if w == "·…" => claims_cells::letters_within(&scope, cols),
                w => w,
            }
        }
        _ => full,
    }
}

fn inset(r: Rect) -> Rect {
    Rect::new(r.x, r.y, r.width.saturating_sub(1), r.height)
}
