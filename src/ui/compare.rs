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

/// The compare view.
pub struct CompareView;

impl super::views::ViewOps for CompareView {
    fn handle(&self, state: &mut State, action: Action) {
        handle(state, action)
    }
    fn draw(&self, state: &State, buf: &mut Buffer) {
        draw(state, buf)
    }
    fn mouse(&self, state: &mut State, x: u16, y: u16, delta: isize) {
        let arts = state.compare_articles();
        for (ai, pa) in state.compare_layout() {
            if screen::contains(pa.area.outer, x, y) || screen::contains(pa.header, x, y) {
                if delta == 0 {
                    state.compare.focus = arts.iter().position(|a| *a == ai).unwrap_or(0);
                }
                state.pane_mouse(ai, pa.area.text, y, delta, true);
            }
        }
    }
    fn scope(&self) -> super::action::Scope {
        super::action::Scope::COMPARE
    }
    fn table(&self) -> super::keymap::Table {
        super::keymap::Table::Compare
    }
    fn article(&self, state: &State) -> Option<usize> {
        state.focused_article()
    }
    fn passage(&self, state: &State) -> Option<(usize, usize)> {
        let ai = state.focused_article()?;
        Some((ai, state.compare.scroll.get(ai).map_or(0, |s| s.cursor)))
    }
}

fn handle(state: &mut State, action: Action) {
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
        Action::HalfPageDown => state.with_compare(ai, |p, s| p.scroll(s, reader::half_page(p))),
        Action::HalfPageUp => state.with_compare(ai, |p, s| p.scroll(s, -reader::half_page(p))),
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
        Action::NextSources | Action::PrevSources => {
            let total = state.articles.len();
            let room = total.saturating_sub(n);
            if room == 0 {
                state.status = Some(format!("all {total} sources are shown"));
                return;
            }
            let skip = state.compare.skip.min(room);
            state.compare.skip = if action == Action::NextSources {
                (skip + 1).min(room)
            } else {
                skip.saturating_sub(1)
            };
            // The focus stays on the same article when it is still shown.
            let now = state.compare_articles();
            state.compare.focus = now.iter().position(|&a| a == ai).unwrap_or(0);
            if let Some(g) = state.compare.group {
                state.select_group(g);
            }
        }
        Action::Open => {
            state.current = ai;
            let cursor = state.compare.scroll[ai].cursor;
            state.go(View::Reader);
            state.with_reader(|p, s| p.jump(s, cursor, 0));
        }
        _ => {}
    }
}

/// A number as people write it: no fraction when whole; millions and billions in
/// words («2.7 مليون», «3 مليار») so that a table cell can hold them.
pub fn number(v: f64) -> String {
    let a = v.abs();
    if (1e9..1e15).contains(&a) {
        format!("{} مليار", decimals(v / 1e9))
    } else if (1e6..1e15).contains(&a) {
        format!("{} مليون", decimals(v / 1e6))
    } else if v.fract() == 0.0 && a < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Up to three decimals, without trailing zeros: 2.7, 1.234, 3.
fn decimals(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The claims engine normalises lengths to metres and areas to square metres; a reader
/// wrote (and reads) kilometres. The factor and unit to show a claim's values in.
fn display_unit(c: &Claim) -> (f64, &'static str) {
    let smallest = [Some(c.value), c.low, c.high]
        .into_iter()
        .flatten()
        .fold(f64::INFINITY, |m, v| m.min(v.abs()));
    match c.unit.as_deref() {
        Some("metre") if smallest >= 1000.0 => (1e3, " كم"),
        Some("square_metre") if smallest >= 1e6 => (1e6, " كم²"),
        _ => (1.0, ""),
    }
}

/// A claim's value with its qualifier, in Arabic («أكثر من 2000», «نحو 7000 كم»).
pub fn value_text(c: &Claim) -> String {
    value_with(c, false, false)
}

/// [`value_text`] in the reader's label language (English with `--lang en`).
pub fn value_label(state: &State, c: &Claim) -> String {
    value_with(c, false, state.settings.english)
}

/// [`value_text`], or a shorter form with signs (> < ~ ≥ ≤) when that does not fit in
/// `cols` columns (a claims table cell).
pub fn value_text_within(c: &Claim, cols: usize, english: bool) -> String {
    let full = value_with(c, false, english);
    if unicode_width::UnicodeWidthStr::width(full.as_str()) <= cols {
        full
    } else {
        value_with(c, true, english)
    }
}

fn value_with(c: &Claim, short: bool, english: bool) -> String {
    // A claim of an English report is shown in English, left to right in its cell.
    let english =
        english || crate::text::lang::Lang::detect(&c.text) == crate::text::lang::Lang::English;
    let (scale, unit) = display_unit(c);
    let unit = match (english, unit) {
        (true, " كم") => " km",
        (true, " كم²") => " km²",
        (_, u) => u,
    };
    let num = |x: f64| number(x / scale);
    let v = num(c.value);
    let lo = c.low.map(num).unwrap_or_else(|| v.clone());
    let hi = c.high.map(num).unwrap_or_else(|| v.clone());
    let text = match (c.qualifier.as_str(), short) {
        ("exact", _) => v,
        ("above", false) if english => format!("more than {lo}"),
        ("below", false) if english => format!("less than {hi}"),
        ("about", false) if english => format!("about {v}"),
        ("at_least", false) if english => format!("at least {lo}"),
        ("at_most", false) if english => format!("at most {hi}"),
        ("above", false) => format!("أكثر من {lo}"),
        ("below", false) => format!("أقل من {hi}"),
        ("about", false) => format!("نحو {v}"),
        ("at_least", false) => format!("{lo} على الأقل"),
        ("at_most", false) => format!("{hi} على الأكثر"),
        ("above", true) => format!(">{lo}"),
        ("below", true) => format!("<{hi}"),
        ("about", true) => format!("~{v}"),
        ("at_least", true) => format!("≥{lo}"),
        ("at_most", true) => format!("≤{hi}"),
        ("range", _) => format!("{lo}–{hi}"),
        _ => return c.text.clone(),
    };
    format!("{text}{unit}")
}

/// A verdict in words, in Arabic or (`english`) English.
pub fn verdict_text(v: Verdict, english: bool) -> &'static str {
    match (v, english) {
        (Verdict::Conflict, false) => "تعارض",
        (Verdict::Compatible, false) => "متوافق",
        (Verdict::Agree, false) => "اتفاق",
        (Verdict::Single, false) => "مصدر واحد",
        (Verdict::Conflict, true) => "conflict",
        (Verdict::Compatible, true) => "compatible",
        (Verdict::Agree, true) => "agree",
        (Verdict::Single, true) => "one source",
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
            state.hint(Action::NextConflict),
            state.hint(Action::NextTopic),
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
                .map(|c| value_label(state, c))
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
    // An English bar reads left to right: the first value then goes on the left.
    // Each value is isolated there, so an Arabic value and a number beside it do not
    // run together and swap places.
    let ordered: Vec<String> = if state.first_right != state.settings.english {
        values
    } else {
        values.into_iter().rev().collect()
    };
    let ordered: Vec<String> = if state.settings.english {
        ordered
            .into_iter()
            .map(|v| format!("\u{2068}{v}\u{2069}"))
            .collect()
    } else {
        ordered
    };
    format!(
        "{}: {} — {}",
        state.group_label(g),
        ordered.join(" │ "),
        verdict_text(g.verdict, state.settings.english)
    )
}

pub fn draw(state: &State, buf: &mut Buffer) {
    let size = state.size;
    let theme = state.theme();
    let bar = Rect::new(size.x, size.y, size.width, 1);
    draw::fill(buf, bar, theme.bar());
    let (shown, all) = (state.compare_articles().len(), state.articles.len());
    let title = if shown < all {
        format!(
            " compare: {shown} of {all} sources · {}/{} more ",
            state.hint(Action::PrevSources),
            state.hint(Action::NextSources)
        )
    } else {
        format!(" compare: {shown} sources ")
    };
    draw::text(state, buf, bar, &title, theme.bar(), Align::Left);
    let tb = screen::topic_bar(size);
    // With a topic chosen the bar is Arabic: right to left, whatever the label.
    let align = if state.compare.group.is_some() && !state.settings.english {
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
        // Outlet (or short label) and date tell apart panes whose titles look alike.
        let label = match article.published {
            Some(p) => format!("{} · {} — {}", article.short, p.short(), article.title),
            None => format!("{} — {}", article.short, article.title),
        };
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
        reader::draw_pane(
            state,
            buf,
            *ai,
            &state.compare.scroll[*ai],
            area,
            is_focus,
            state.compare.group,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Lexicon, analyze};

    /// The seeds' claim whose text is `text`.
    fn seed_claim(text: &str) -> Claim {
        let a = analyze(&crate::corpus::seeds(), &Lexicon::builtin(), true);
        a.claims
            .into_iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("no claim «{text}» in the seeds"))
    }

    #[test]
    fn values_read_as_written_in_kilometres_millions_and_billions() {
        assert_eq!(value_text(&seed_claim("نحو 7 آلاف كيلومتر")), "نحو 7000 كم");
        assert_eq!(value_text(&seed_claim("6846 كيلومترا")), "6846 كم");
        assert_eq!(
            value_text(&seed_claim("تزيد على 2.7 مليون كيلومتر مربع")),
            "أكثر من 2.7 مليون كم²"
        );
        assert_eq!(
            value_text(&seed_claim("ملياري أو 3 مليارات دولار")),
            "2 مليار–3 مليار"
        );
        assert_eq!(value_text(&seed_claim("أكثر من 2000 جندي")), "أكثر من 2000");
        assert_eq!(number(1_234_567.0), "1.235 مليون");
        assert_eq!(number(20_000.0), "20000");
        assert_eq!(number(2.5), "2.5");
    }

    #[test]
    fn a_narrow_cell_gets_signs_instead_of_words() {
        let c = seed_claim("أكثر من 2000 جندي");
        assert_eq!(value_text_within(&c, 20, false), "أكثر من 2000");
        assert_eq!(value_text_within(&c, 20, true), "more than 2000");
        assert_eq!(value_text_within(&c, 8, false), ">2000");
        let c = seed_claim("نحو ثمانية آلاف شخص");
        assert_eq!(value_text_within(&c, 6, false), "~8000");
        let c = seed_claim("6 موجات");
        assert_eq!(value_text_within(&c, 4, false), "≥6");
    }
}
