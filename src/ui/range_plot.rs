//! The claims table's range plot: one bar per claim on the topic's own axis, each
//! starting with its source's number, and the selected topic's scale over the column.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::claims::{Claim, present};

use super::draw::{self, Align};
use super::state::State;

/// One bar per claim on a shared axis: `[`/`]` closed ends, `(`/`)` open ends, `<`/`>`
/// unbounded, `┃` a single value; axis minimum on the left, maximum on the right.
pub fn plot(state: &State, buf: &mut Buffer, area: Rect, claims: &[&Claim]) {
    let theme = state.theme();
    // The source's number before each bar, as wide as the largest number.
    let lw = label_width(state);
    let w = area.width.saturating_sub(lw + 1);
    if w < 4 {
        return;
    }
    let Some((lo, hi)) = extent(claims) else {
        return;
    };
    let pad = ((hi - lo) * 0.1).max(hi.abs() * 0.02).max(1.0);
    let (lo, hi) = (lo - pad, hi + pad);
    let col = |v: f64| -> u16 {
        (((v - lo) / (hi - lo)) * f64::from(w - 1))
            .round()
            .clamp(0.0, f64::from(w - 1)) as u16
    };
    // More bars than rows: the last row says how many are not drawn.
    let rows = usize::from(area.height);
    let drawn = if claims.len() > rows {
        rows.saturating_sub(1)
    } else {
        rows
    };
    if drawn < claims.len() {
        let text = format!("+{} more claims", claims.len() - drawn);
        let y = area.y + drawn as u16;
        draw::text(
            state,
            buf,
            Rect::new(area.x, y, area.width, 1),
            &text,
            theme.dim(),
            Align::Left,
        );
    }
    for (k, c) in claims.iter().enumerate().take(drawn) {
        let y = area.y + k as u16;
        let ai = state
            .model
            .index
            .article_of
            .get(&c.id)
            .copied()
            .unwrap_or(0);
        let st = theme.source(ai);
        let x0 = area.x + lw;
        let a = c.low.map(col).unwrap_or(0);
        let b = c.high.map(col).unwrap_or(w - 1);
        for x in a..=b.max(a) {
            draw::put(buf, x0 + x, y, "━", st);
        }
        if a == b && c.low.is_some() && c.high.is_some() {
            draw::put(buf, x0 + a, y, "┃", st);
        } else {
            let left = match c.low {
                None => "<",
                Some(_) if c.low_inclusive => "[",
                Some(_) => "(",
            };
            let right = match c.high {
                None => ">",
                Some(_) if c.high_inclusive => "]",
                Some(_) => ")",
            };
            draw::put(buf, x0 + a, y, left, st);
            draw::put(buf, x0 + b.max(a), y, right, st);
        }
        // The source's number at the far left of the row says whose bar it is.
        let label = format!("{:>w$}", ai + 1, w = usize::from(lw));
        draw::text(
            state,
            buf,
            Rect::new(area.x, y, lw, 1),
            &label,
            st,
            Align::Left,
        );
    }
}

/// Columns for a source's number: the digits of the largest.
fn label_width(state: &State) -> u16 {
    state.model.len().max(1).to_string().len() as u16
}

/// The smallest and largest finite value of the claims' intervals.
fn extent(claims: &[&Claim]) -> Option<(f64, f64)> {
    let bounds: Vec<f64> = claims
        .iter()
        .flat_map(|c| [c.low, c.high, Some(c.value)])
        .flatten()
        .filter(|v| v.is_finite())
        .collect();
    let lo = bounds.iter().cloned().reduce(f64::min)?;
    let hi = bounds.iter().cloned().fold(lo, f64::max);
    Some((lo, hi))
}

/// The selected topic's scale over the plot column: its lowest value at the left end,
/// its highest at the right.
pub fn scale(state: &State, buf: &mut Buffer, head: Rect, claims: &[&Claim]) {
    let Some((lo, hi)) = extent(claims) else {
        return;
    };
    let lw = label_width(state);
    let area = Rect::new(head.x + lw, head.y, head.width.saturating_sub(lw + 1), 1);
    let lang = super::compare::label_lang(state);
    let (lo, hi) = (present::number(lo, lang), present::number(hi, lang));
    let st = state.theme().header();
    draw::text(state, buf, area, &lo, st, Align::Left);
    if hi != lo {
        let x = area.right().saturating_sub(hi.chars().count() as u16);
        let right = Rect::new(x.max(area.x), head.y, area.right() - x.max(area.x), 1);
        draw::text(state, buf, right, &hi, st, Align::Left);
    }
}
