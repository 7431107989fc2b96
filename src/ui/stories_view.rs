//! The story library (`qarin DIR`): a corpus's stories with their outlets, articles and
//! conflicts, sorted (`o`) and filtered by outlet (`O`) and text (`/`); `Enter` opens a
//! story, whose articles the reader, compare and claims table then hold. Single-outlet
//! stories (the other articles) are listed with `a`.

use chrono::DateTime;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::{Action, Scope};
use super::draw::{self, Align};
use super::keymap::Key;
use super::layers::{self, Input, LayerOps};
use super::screen;
use super::state::{State, View};
use crate::corpus::{Article, Published};

/// The story library view.
pub struct StoriesView;

impl super::views::ViewOps for StoriesView {
    fn handle(&self, state: &mut State, action: Action) {
        handle(state, action)
    }
    fn draw(&self, state: &State, buf: &mut Buffer) {
        draw(state, buf)
    }
    fn mouse(&self, state: &mut State, _x: u16, y: u16, delta: isize) {
        if delta != 0 {
            return super::views::list_wheel(state, delta);
        }
        let rows = list_rows(state);
        if let (Some(row), Some(lib)) = (
            super::views::list_row(state, y),
            state.model.stories.as_mut(),
        ) {
            let first = super::draw::first_row(lib.sel, rows);
            lib.sel = (first + row).min(lib.rows().len().saturating_sub(1));
        }
    }
    fn filters(&self) -> bool {
        true
    }
    fn scope(&self) -> Scope {
        Scope::STORIES
    }
    fn hints(&self) -> &'static [Action] {
        &[
            Action::Help,
            Action::Open,
            Action::Sort,
            Action::FilterOutlet,
            Action::Search,
            Action::AllStories,
            Action::Quit,
        ]
    }
}

/// Rows of stories that fit under the header row.
fn list_rows(state: &State) -> usize {
    screen::body(state.size).height.saturating_sub(1) as usize
}

/// `S`: back to the library, on the open story.
pub fn show(state: &mut State) {
    let Some(lib) = state.model.stories.as_mut() else {
        state.status =
            Some("no story library: it lists the stories of a folder (qarin DIR)".into());
        return;
    };
    if let Some(row) = lib
        .open
        .and_then(|o| lib.rows().iter().position(|&r| r == o))
    {
        lib.sel = row;
    }
    state.go(View::Stories);
}

/// The filter prompt is open: keys are text.
pub fn takes_text(state: &State) -> bool {
    state.view == View::Stories && state.model.stories.as_ref().is_some_and(|l| l.filtering)
}

/// The filter prompt as a layer: typing filters at once; `Enter` keeps the filter,
/// `Esc` clears it.
pub struct FilterLayer;

impl LayerOps for FilterLayer {
    fn key(&self, state: &mut State, key: Key) {
        let Some(input) = layers::prompt_input(state, key) else {
            return;
        };
        let Some(lib) = state.model.stories.as_mut() else {
            return;
        };
        match input {
            Input::Text(c) => lib.filter.push(c),
            Input::Act(Action::Accept) => lib.filtering = false,
            Input::Act(Action::Cancel) => {
                lib.filtering = false;
                lib.filter.clear();
            }
            Input::Act(a) => {
                if !layers::edit_at_end(&mut lib.filter, a) {
                    return;
                }
            }
        }
        lib.refresh();
    }

    /// Pasted text goes into the filter as typed.
    fn paste(&self, state: &mut State, line: &str) {
        if let Some(lib) = state.model.stories.as_mut() {
            lib.filter.push_str(line);
            lib.refresh();
        }
    }

    fn draw(&self, state: &State, buf: &mut Buffer) {
        draw_prompt(state, buf);
    }

    fn owns_status_row(&self) -> bool {
        true
    }
}

fn handle(state: &mut State, action: Action) {
    let rows = list_rows(state);
    let Some(lib) = state.model.stories.as_mut() else {
        return;
    };
    let last = lib.rows().len().saturating_sub(1);
    let motion = match action {
        Action::NextArticle => Action::LineDown,
        Action::PrevArticle => Action::LineUp,
        a => a,
    };
    if let Some(sel) = super::list::motion(lib.sel, last + 1, rows, motion) {
        lib.sel = sel;
        return;
    }
    match action {
        Action::Sort => {
            lib.cycle_sort();
            state.status = Some(format!("stories: {}", lib.sort.label()));
        }
        Action::FilterOutlet => {
            lib.cycle_outlet();
            let msg = match lib.outlet_name() {
                Some(o) => format!("stories of {o} ({} listed)", lib.rows().len()),
                None => "stories of every outlet".to_owned(),
            };
            state.status = Some(msg);
        }
        Action::AllStories => {
            lib.toggle_all();
            state.status = Some(if lib.all {
                "listing every story, single-outlet ones too".to_owned()
            } else {
                "listing stories reported by two outlets or more".to_owned()
            });
        }
        Action::Search => lib.filtering = true,
        Action::Open => match lib.selected() {
            Some(k) => {
                if open_story(state, k) {
                    state.go(View::Reader);
                }
            }
            None => state.status = Some("no story listed (Esc clears the filter)".into()),
        },
        _ => {}
    }
}

/// Opens story `k`: its articles, oldest first, become the open articles. A file that
/// cannot be read any more is reported and nothing changes. True if it opened.
pub fn open_story(state: &mut State, k: usize) -> bool {
    let Some(lib) = state.model.stories.as_ref() else {
        return false;
    };
    let entries: Vec<crate::index::Entry> = lib.articles_of(k).into_iter().cloned().collect();
    let paths: Vec<std::path::PathBuf> = entries.iter().map(|e| e.path.clone().into()).collect();
    let loaded = match crate::corpus::load(&paths, &lib.load) {
        Ok(l) => l,
        Err(e) => {
            state.status = Some(format!("story not opened: {e}"));
            return false;
        }
    };
    let mut articles = loaded.articles;
    for a in &mut articles {
        if let Some(e) = entries.iter().find(|e| e.path == a.path) {
            with_entry_meta(a, e);
        }
    }
    state.set_articles(articles);
    if let Some(lib) = state.model.stories.as_mut() {
        lib.open = Some(k);
    }
    if let Some(w) = loaded.warnings.first() {
        state.status = Some(format!("warning: {w}"));
    }
    true
}

/// What the index knows of a file (the crawl's outlet and time) where the file itself
/// said nothing.
fn with_entry_meta(a: &mut Article, e: &crate::index::Entry) {
    if a.outlet.is_empty() && !e.outlet.is_empty() {
        if a.short == a.id {
            a.short = e.outlet.clone();
        }
        a.outlet = e.outlet.clone();
    }
    if a.published.is_none_or(|p| p.guess)
        && let Some(t) = e.published.and_then(|t| DateTime::from_timestamp(t, 0))
    {
        a.published = Some(Published::known(t.fixed_offset()));
    }
}

fn time_text(t: Option<i64>) -> String {
    t.and_then(|t| DateTime::from_timestamp(t, 0))
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

pub fn draw(state: &State, buf: &mut Buffer) {
    let Some(lib) = state.model.stories.as_ref() else {
        return;
    };
    let size = state.size;
    let theme = state.theme();
    let bar = Rect::new(size.x, size.y, size.width, 1);
    draw::fill(buf, bar, theme.bar());
    let mut title = format!(" stories: {} listed", lib.rows().len());
    if !lib.all {
        title.push_str(" (2+ outlets)");
    }
    title.push_str(&format!(" · {}", lib.sort.label()));
    if let Some(o) = lib.outlet_name() {
        title.push_str(&format!(" · outlet {o}"));
    }
    if !lib.filter.is_empty() && !lib.filtering {
        title.push_str(&format!(" · {}", super::text::quoted(&lib.filter)));
    }
    let others = lib.other_articles();
    if !lib.all && others > 0 {
        let key = state.hint(Action::AllStories);
        let s = if others == 1 { "" } else { "s" };
        title.push_str(&format!(" · {others} other article{s} ({key} lists them)"));
    }
    title.push(' ');
    draw::text(state, buf, bar, &title, theme.bar(), Align::Left);

    let body = screen::body(size);
    let w = body.width;
    // Columns, first on the right as Arabic is read: #, title, outlets, articles,
    // conflicts, latest publication.
    // Room for the largest number (a corpus can hold thousands of stories).
    let num = (lib.rows().len().max(1).to_string().len() as u16 + 2).max(5);
    let counts = if w >= 60 { 8 } else { 0 };
    let date = if w >= 90 { 18 } else { 0 };
    let rest = w.saturating_sub(num + 2 * counts + date);
    let outlets = if w >= 70 { rest / 3 } else { 0 };
    let widths = [num, rest - outlets, outlets, counts, counts, date];
    let cols = |y: u16| screen::columns(Rect::new(body.x, y, w, 1), &widths, true);
    let labels = if state.settings.english {
        ["#", "story", "outlets", "articles", "conflicts", "latest"]
    } else {
        ["#", "القصة", "المصادر", "مقالات", "تعارض", "آخر نشر"]
    };
    for (r, l) in cols(body.y).iter().zip(labels) {
        draw::text(state, buf, draw::inset(*r), l, theme.header(), Align::Right);
    }
    let rows = list_rows(state);
    if lib.rows().is_empty() {
        let y = body.y + 1;
        if y < body.bottom() {
            let msg = match super::story_grouping::progress(state) {
                Some(p) => format!(" {p}…"),
                None => " no story matches (Esc clears the filter, O cycles outlets)".into(),
            };
            draw::text(
                state,
                buf,
                Rect::new(body.x, y, w, 1),
                &msg,
                theme.dim(),
                Align::Left,
            );
        }
    }
    let first = super::draw::first_row(lib.sel, rows);
    for (row, (i, &k)) in lib
        .rows()
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = body.y + 1 + row as u16;
        let st = if i == lib.sel {
            theme.selected()
        } else {
            theme.plain()
        };
        draw::fill(buf, Rect::new(body.x, y, w, 1), st);
        let g = &lib.stories[k];
        let mark = if lib.open == Some(k) { "▸" } else { "" };
        let cells = [
            format!("{mark}{}", i + 1),
            g.story.title.clone(),
            g.story.outlets.join("، "),
            g.story.articles.len().to_string(),
            g.conflicts.to_string(),
            time_text(g.story.last.or(g.story.first)),
        ];
        for (c, (r, t)) in cols(y).iter().zip(cells.iter()).enumerate() {
            let mut r = draw::inset(*r);
            if c == OUTLETS && r.width > COUNT + 1 {
                // The outlets' count in a sub-cell of its own at the cell's right edge (read
                // first in Arabic), so counts line up whatever the names' length.
                let n = Rect::new(r.right() - COUNT, y, COUNT, 1);
                let count = g.story.outlets.len().to_string();
                draw::text(state, buf, n, &count, st, Align::Right);
                r.width -= COUNT + 1;
            }
            draw::text(state, buf, r, t, st, Align::Right);
        }
    }
}

/// The outlets column (its index in the row's cells) and the width of its count.
const OUTLETS: usize = 2;
const COUNT: u16 = 3;

/// The filter prompt in the status bar, while it is open.
fn draw_prompt(state: &State, buf: &mut Buffer) -> bool {
    if !takes_text(state) {
        return false;
    }
    let Some(lib) = state.model.stories.as_ref() else {
        return false;
    };
    let size = state.size;
    let row = Rect::new(size.x, size.bottom().saturating_sub(1), size.width, 1);
    let text = format!(
        "filter: {}▏ {} stories (Enter done, Esc clears)",
        super::note_prompt::shown_tail(&lib.filter, usize::from(size.width / 2)),
        lib.rows().len()
    );
    draw::fill(buf, row, state.theme().plain());
    draw::text(state, buf, row, &text, state.theme().dim(), Align::Left);
    true
}
