//! Compare: two to five sources side by side (the first on the right by default), a
//! topic bar with the values of the chosen topic, each pane scrolled to its passage.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::claims::{Claim, Verdict};

use super::action::Action;
use super::draw::{self, Align};
use super::reader;
use super::screen;
use super::state::{State, View};

pub fn handle(state: &mut State, action: Action) {
    let arts = state.compare_articles();
    let n = arts.len().max(1);
    let focus = state.compare.focus.min(n - 1);
    // Screen order may be reversed (first source on the right): Left/Right follow the screen.
    let left_is_next = state.first_right;
    let Some(ai) = arts.get(focus).copied() else {
        return;
    };
    match action {
        Action::LineDown => state.with_compare(ai, |p, s| p.scroll(s, 1)),
        Action::LineUp => state.with_compare(ai, |p, s| p.scroll(s, -1)),
        Action::PageDown => state.with_compare(ai, |p, s| p.scroll(s, reader::page(p))),
        Action::PageUp => state.with_compare(ai, |p, s| p.scroll(s, -reader::page(p))),
        Action::Top => state.with_compare(ai, |p, s| p.to_start(s)),
        Action::Bottom => state.with_compare(ai, |p, s| p.to_end(s)),
        Action::NextParagraph => state.with_compare(ai, |p, s| p.step_cursor(s, true)),
        Action::PrevParagraph => state.with_compare(ai, |p, s| p.step_cursor(s, false)),
        Action::NextArticle => state.compare.focus = (focus + 1) % n,
        Action::PrevArticle => state.compare.focus = (focus + n - 1) % n,
        Action::FocusLeft | Action::FocusRight => {
            let next = (action == Action::FocusLeft) == left_is_next;
            state.compare.focus = if next {
                (focus + 1).min(n - 1)
            } else {
                focus.saturating_sub(1)
            };
        }
        Action::Open => {
            state.current = ai;
            let cursor = state.compare.scroll[ai].cursor;
            state.go(View::Reader);
            state.with_reader(|p, s| p.show(s, cursor, 0));
        }
        _ => {}
    }
}

/// A number as people write it: no fraction when whole.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A claim's value with its qualifier, in Arabic («أكثر من 2000»).
pub fn value_text(c: &Claim) -> String {
    let v = number(c.value);
    let lo = c.low.map(number).unwrap_or_else(|| v.clone());
    let hi = c.high.map(number).unwrap_or_else(|| v.clone());
    match c.qualifier.as_str() {
        "exact" => v,
        "above" => format!("أكثر من {lo}"),
        "below" => format!("أقل من {hi}"),
        "about" => format!("نحو {v}"),
        "at_least" => format!("{lo} على الأقل"),
        "at_most" => format!("{hi} على الأكثر"),
        "range" => format!("{lo}–{hi}"),
        _ => c.text.clone(),
    }
}

pub fn verdict_text(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "تعارض",
        Verdict::Compatible => "متوافق",
        Verdict::Agree => "اتفاق",
        Verdict::Single => "مصدر واحد",
    }
}

/// The topic bar: «القوات: أكثر من 2000 │ 2030 │ 2500 — تعارض», values in pane order.
pub fn topic_bar_text(state: &State) -> String {
    let Some(g) = state
        .compare
        .group
        .and_then(|g| state.analysis.groups.get(g))
    else {
        let (next, topic) = (
            state.keymap.hint(Action::NextConflict),
            state.keymap.hint(Action::NextTopic),
        );
        return if state.analysis.groups.is_empty() {
            "no claims to compare".into()
        } else {
            format!("choose a topic: {next} next conflict, {topic} next topic")
        };
    };
    let values: Vec<String> = state
        .compare_articles()
        .into_iter()
        .map(|ai| {
            let vals: Vec<String> = g
                .claims
                .iter()
                .filter_map(|id| state.claim(*id))
                .filter(|c| state.index.article_of.get(&c.id) == Some(&ai))
                .map(value_text)
                .collect();
            if vals.is_empty() {
                "·".into()
            } else {
                vals.join("، ")
            }
        })
        .collect();
    // The bar is RTL text: the first value is read first, on the right, above the first
    // source's pane. When the first source is on the left, list them the other way.
    let ordered: Vec<String> = if state.first_right {
        values
    } else {
        values.into_iter().rev().collect()
    };
    format!(
        "{}: {} — {}",
        state.group_label(g),
        ordered.join(" │ "),
        verdict_text(g.verdict)
    )
}

pub fn draw(state: &State, buf: &mut Buffer) {
    let size = state.size;
    let theme = state.theme();
    let bar = Rect::new(size.x, size.y, size.width, 1);
    draw::fill(buf, bar, theme.bar());
    let title = format!(" compare: {} sources ", state.compare_articles().len());
    draw::text(state, buf, bar, &title, theme.bar(), Align::Left);
    let tb = screen::topic_bar(size);
    // With a topic chosen the bar is Arabic: right to left, whatever the label.
    let align = if state.compare.group.is_some() {
        Align::Right
    } else {
        Align::Center
    };
    draw::text(
        state,
        buf,
        tb,
        &topic_bar_text(state),
        theme.header(),
        align,
    );
    let focused = state.focused_article();
    let group = state
        .compare
        .group
        .and_then(|g| state.analysis.groups.get(g));
    let layout = state.compare_layout();
    for (i, (ai, pa)) in layout.iter().enumerate() {
        let Some(article) = state.articles.get(*ai) else {
            continue;
        };
        let is_focus = Some(*ai) == focused;
        let hstyle = if is_focus {
            theme.selected()
        } else {
            theme.header()
        };
        draw::fill(buf, pa.header, hstyle);
        let label = format!("{} — {}", article.short, article.title);
        draw::text(state, buf, pa.header, &label, hstyle, Align::Right);
        if i + 1 < layout.len() {
            let x = pa.header.right();
            for y in pa.header.y..pa.area.outer.bottom() {
                draw::put(buf, x, y, "│", theme.dim());
            }
        }
        let has_claim = group.is_none_or(|g| {
            g.claims
                .iter()
                .any(|id| state.index.article_of.get(id) == Some(ai))
        });
        let mut area = pa.area;
        if !has_claim && area.text.height > 1 {
            let note = Rect::new(area.text.x, area.text.y, area.text.width, 1);
            draw::text(state, buf, note, "(no claim)", theme.dim(), Align::Center);
            area.outer.y += 1;
            area.outer.height -= 1;
            area.text.y += 1;
            area.text.height -= 1;
        }
        reader::draw_pane(state, buf, *ai, &state.compare.scroll[*ai], area, is_focus);
    }
}
