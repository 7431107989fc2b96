//! Compare: two to five sources side by side (the first on the right by default), a
//! topic bar with the values of the chosen topic, each pane scrolled to its passage.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::claims::{Claim, present};
use crate::text::lang::Lang;

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
        Some((ai, state.model.compare(ai).cursor))
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
            let total = state.model.len();
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
            let cursor = state.model.compare(ai).cursor;
            state.go(View::Reader);
            state.with_reader(|p, s| p.jump(s, cursor, 0));
        }
        _ => {}
    }
}

/// The language labels are shown in: English with `--lang en`, else Arabic.
pub fn label_lang(state: &State) -> Lang {
    if state.settings.english {
        Lang::English
    } else {
        Lang::Arabic
    }
}

/// The language a claim's value is written in: the reader's with `--lang en`, else the
/// claim's own (an English report's values read in English).
pub fn value_lang(c: &Claim, english: bool) -> Lang {
    if english {
        Lang::English
    } else {
        Lang::detect(&c.text)
    }
}

/// A claim's value with its qualifier («أكثر من 2000», «نحو 7000 كم»), from
/// `claims::present` in the reader's label language.
pub fn value_label(state: &State, c: &Claim) -> String {
    present::value_text_in(c, false, value_lang(c, state.settings.english))
}

/// [`value_label`], or a shorter form with signs (> < ~ ≥ ≤) when that does not fit in
/// `cols` columns (a claims table cell).
pub fn value_text_within(c: &Claim, cols: usize, english: bool) -> String {
    let lang = value_lang(c, english);
    let full = present::value_text_in(c, false, lang);
    if unicode_width::UnicodeWidthStr::width(full.as_str()) <= cols {
        full
    } else {
        present::value_text_in(c, true, lang)
    }
}

/// The topic bar: «القوات: أكثر من 2000 │ 2030 │ 2500 — تعارض», values in pane order.
pub fn topic_bar_text(state: &State) -> String {
    let Some(g) = state
        .compare
        .group
        .and_then(|g| state.model.analysis.groups.get(g))
    else {
        let (next, topic) = (
            state.hint(Action::NextConflict),
            state.hint(Action::NextTopic),
        );
        return if state.model.analysis.groups.is_empty() {
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
                .filter_map(|id| state.model.claim(*id))
                .filter(|c| state.model.index.article_of.get(&c.id) == Some(&ai))
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
        present::verdict_label(g.verdict, label_lang(state))
    )
}

pub fn draw(state: &State, buf: &mut Buffer) {
    let size = state.size;
    let theme = state.theme();
    let bar = Rect::new(size.x, size.y, size.width, 1);
    draw::fill(buf, bar, theme.bar());
    let (shown, all) = (state.compare_articles().len(), state.model.len());
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
        .and_then(|g| state.model.analysis.groups.get(g));
    let layout = state.compare_layout();
    for (i, (ai, pa)) in layout.iter().enumerate() {
        let Some(article) = state.model.article(*ai) else {
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
        // Each pane in its own direction: an English title starts on the left.
        let title_align = match Lang::detect(&article.title) {
            Lang::English => Align::Left,
            Lang::Arabic => Align::Right,
        };
        draw::text(state, buf, pa.header, &label, hstyle, title_align);
        if i + 1 < layout.len() {
            let x = pa.header.right();
            for y in pa.header.y..pa.area.outer.bottom() {
                draw::put(buf, x, y, "│", theme.dim());
            }
        }
        let has_claim = group.is_none_or(|g| {
            g.claims
                .iter()
                .any(|id| state.model.index.article_of.get(id) == Some(ai))
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
            &state.model.compare(*ai),
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
        assert_eq!(
            value_text_within(&seed_claim("نحو 7 آلاف كيلومتر"), 40, false),
            "نحو 7000 كم"
        );
        assert_eq!(
            value_text_within(&seed_claim("6846 كيلومترا"), 40, false),
            "6846 كم"
        );
        assert_eq!(
            value_text_within(&seed_claim("تزيد على 2.7 مليون كيلومتر مربع"), 40, false),
            "أكثر من 2.7 مليون كم²"
        );
        assert_eq!(
            value_text_within(&seed_claim("ملياري أو 3 مليارات دولار"), 40, false),
            "2 مليار–3 مليار"
        );
        assert_eq!(
            value_text_within(&seed_claim("أكثر من 2000 جندي"), 40, false),
            "أكثر من 2000"
        );
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
