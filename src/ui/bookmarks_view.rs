//! Bookmarks in the interactive reader: `b` bookmarks the passage under the cursor after
//! asking for an optional note (Arabic is shown right-to-left as it is typed); `B` lists
//! the bookmarks — Enter jumps to the passage, `e` edits its note, `d` deletes, `u`
//! undoes, `/` filters; bookmarked passages carry a `*` in the margin of the reader and
//! compare views; each article reopens where it was left.
//!
//! The store and its rules are in `crate::bookmarks`; this file maps keys to its calls
//! and draws from `&State`.

use std::collections::{BTreeSet, HashMap};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthStr;

use crate::bookmarks::display::safe_line;
use crate::bookmarks::session::{Undo, matches};
use crate::bookmarks::{Anchor, Bookmark, NewBookmark, ReadingState, Session, article_key};
use crate::corpus::Article;

use super::action::Action;
use super::draw::{self, Align, Theme};
use super::keymap::Key;
use super::screen;
use super::state::{State, View};

/// The bookmarks part of the state.
#[derive(Debug)]
pub struct BookmarksUi {
    pub session: Session,
    positions: Option<ReadingState>,
    /// Selected row of the list (index into `visible()`).
    pub sel: usize,
    pub filter: String,
    /// The filter prompt is open: keys are text.
    pub filtering: bool,
    /// The note prompt is open: keys are text.
    pub prompt: Option<NotePrompt>,
    /// Bookmark id → (article index, where its passage is now), for open articles.
    anchors: HashMap<u64, (usize, Anchor)>,
    /// Per article, the 0-based paragraphs holding a bookmarked passage.
    marks: Vec<BTreeSet<usize>>,
}

/// The one-line note prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePrompt {
    pub target: NoteTarget,
    pub text: String,
    /// Said with the outcome, e.g. that a selection was cut to one paragraph.
    pub notice: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    /// A passage to bookmark once the note is given.
    New(Box<NewBookmark>),
    /// An existing bookmark's note.
    Edit(u64),
}

impl BookmarksUi {
    /// No store: what tests and benchmarks get unless they attach one.
    pub fn detached() -> Self {
        BookmarksUi::new(Session::detached("no bookmark store in this session"), None)
    }

    pub fn new(session: Session, positions: Option<ReadingState>) -> Self {
        BookmarksUi {
            session,
            positions,
            sel: 0,
            filter: String::new(),
            filtering: false,
            prompt: None,
            anchors: HashMap::new(),
            marks: Vec::new(),
        }
    }

    /// Whether keys go to a prompt rather than the keymap.
    pub fn takes_text(&self) -> bool {
        self.prompt.is_some() || self.filtering
    }

    /// Whether paragraph `para` (0-based) of article `ai` holds a bookmarked passage.
    pub fn is_marked(&self, ai: usize, para: usize) -> bool {
        self.marks.get(ai).is_some_and(|m| m.contains(&para))
    }

    /// How many bookmarks point into article `ai`.
    pub fn count(&self, ai: usize) -> usize {
        self.anchors.values().filter(|(a, _)| *a == ai).count()
    }

    /// Re-finds every bookmark's passage in the open articles (after any change).
    pub fn refresh(&mut self, articles: &[Article]) {
        self.anchors.clear();
        self.marks = vec![BTreeSet::new(); articles.len()];
        for (ai, a) in articles.iter().enumerate() {
            for (bm, anchor) in self.session.of_article(a) {
                self.anchors.entry(bm.id).or_insert((ai, anchor));
                if let Some(l) = anchor.location() {
                    self.marks[ai].insert(l.paragraph.saturating_sub(1));
                }
            }
        }
        self.clamp();
    }

    /// The listed bookmarks (those matching the filter), newest first.
    pub fn visible(&self) -> Vec<&Bookmark> {
        self.session
            .bookmarks()
            .iter()
            .rev()
            .filter(|b| matches(b, &self.filter))
            .collect()
    }

    fn selected(&self) -> Option<Bookmark> {
        self.visible().get(self.sel).map(|b| (*b).clone())
    }

    fn clamp(&mut self) {
        self.sel = self.sel.min(self.visible().len().saturating_sub(1));
    }
}

/// Uses `session` and `positions` for `state`, and reopens each article where it was
/// left. A bookmarks file that cannot be read is reported in the status bar.
pub fn attach(state: &mut State, session: Session, positions: Option<ReadingState>) {
    if let Some(reason) = session.read_only() {
        state.status = Some(format!("bookmarks read-only: {}", safe_line(reason)));
    }
    state.bookmarks = BookmarksUi::new(session, positions);
    state.bookmarks.refresh(&state.articles);
    restore_positions(state);
}

/// `attach` with the store of `$QARIN_DATA_DIR` or the platform data directory.
pub fn attach_default(state: &mut State) {
    attach(
        state,
        Session::open_default(),
        ReadingState::open_default().ok(),
    );
}

fn restore_positions(state: &mut State) {
    let Some(ps) = &state.bookmarks.positions else {
        return;
    };
    let keys: Vec<String> = state.articles.iter().map(article_key).collect();
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    // An unreadable state file only means starting at the top.
    let articles = &state.articles;
    let Ok(found) = ps.positions(&refs, |i| articles[i].hash()) else {
        return;
    };
    for (ai, para) in found.into_iter().enumerate() {
        let Some(para) = para else { continue };
        let last = state.articles[ai].paragraphs.len().saturating_sub(1);
        let p = para.saturating_sub(1).min(last);
        let top = (state.first_block(ai, p), 0);
        if let Some(s) = state.reader.get_mut(ai) {
            s.top = top;
            s.cursor = p;
        }
    }
    state.with_reader(|p, s| p.refit(s));
}

/// Remembers where each article was left (on quit). Articles from standard input have
/// no identity to reopen by.
pub fn save_positions(state: &State) {
    let Some(ps) = &state.bookmarks.positions else {
        return;
    };
    let keys: Vec<(String, &str, usize)> = state
        .articles
        .iter()
        .zip(&state.reader)
        .filter(|(a, _)| a.path != "-")
        .map(|(a, s)| (article_key(a), a.hash(), s.cursor + 1))
        .collect();
    let refs: Vec<(&str, &str, usize)> =
        keys.iter().map(|(k, h, p)| (k.as_str(), *h, *p)).collect();
    // Quitting must not fail over a position; the bookmarks themselves are saved already.
    let _ = ps.remember_positions(&refs);
}

// ---- actions --------------------------------------------------------------------

/// `b`: asks for a note for the passage under the cursor (reader) or in the focused pane
/// (compare).
pub fn bookmark_here(state: &mut State) {
    if let Some(reason) = state.bookmarks.session.read_only() {
        state.status = Some(format!("bookmarks read-only: {}", safe_line(reason)));
        return;
    }
    let (ai, para) = match state.view {
        View::Compare => match state.focused_article() {
            Some(ai) => (ai, state.compare.scroll.get(ai).map_or(0, |s| s.cursor)),
            None => return,
        },
        View::Reader => (
            state.current,
            state.reader.get(state.current).map_or(0, |s| s.cursor),
        ),
        _ => {
            state.status = Some("b bookmarks a passage in the reader or compare view".into());
            return;
        }
    };
    let Some(article) = state.articles.get(ai) else {
        return;
    };
    match NewBookmark::paragraph(article, article_key(article), para + 1) {
        Some(nb) if !nb.text.trim().is_empty() => {
            state.bookmarks.prompt = Some(NotePrompt {
                target: NoteTarget::New(Box::new(nb)),
                text: String::new(),
                notice: None,
            });
        }
        _ => state.status = Some("nothing to bookmark here".into()),
    }
}

/// `b` on a visual selection: asks for a note for bytes `bytes` of paragraph `para`
/// (0-based) of article `ai`.
pub fn bookmark_range(
    state: &mut State,
    ai: usize,
    para: usize,
    bytes: std::ops::Range<usize>,
    notice: Option<String>,
) {
    if let Some(reason) = state.bookmarks.session.read_only() {
        state.status = Some(format!("bookmarks read-only: {}", safe_line(reason)));
        return;
    }
    let Some(article) = state.articles.get(ai) else {
        return;
    };
    match NewBookmark::range(
        article,
        article_key(article),
        para + 1,
        bytes.start,
        bytes.end,
    ) {
        Some(nb) => {
            state.bookmarks.prompt = Some(NotePrompt {
                target: NoteTarget::New(Box::new(nb)),
                text: String::new(),
                notice,
            })
        }
        None => state.status = Some("nothing to bookmark in the selection".into()),
    }
}

/// `B`: the bookmarks list.
pub fn open_list(state: &mut State) {
    state.bookmarks.session.reload();
    state.bookmarks.refresh(&state.articles);
    state.go(View::Bookmarks);
}

/// `u`: takes back the last bookmark change of this session.
pub fn undo(state: &mut State) {
    let result = state.bookmarks.session.undo();
    state.status = Some(match result {
        Ok(Some(Undo::Added(id))) => format!("undone: bookmark {id} removed again"),
        Ok(Some(Undo::Removed(b))) => format!("undone: bookmark {} restored", b.id),
        Ok(Some(Undo::Note { id, .. })) => format!("undone: note of bookmark {id} restored"),
        Ok(None) => "nothing to undo".into(),
        Err(e) => safe_line(&e.to_string()),
    });
    state.bookmarks.refresh(&state.articles);
}

/// Keys of the bookmarks list.
pub fn handle(state: &mut State, action: Action) {
    let n = state.bookmarks.visible().len();
    let last = n.saturating_sub(1);
    let b = &mut state.bookmarks;
    match action {
        Action::LineDown | Action::NextParagraph => b.sel = (b.sel + 1).min(last),
        Action::LineUp | Action::PrevParagraph => b.sel = b.sel.saturating_sub(1),
        Action::PageDown => b.sel = (b.sel + 10).min(last),
        Action::PageUp => b.sel = b.sel.saturating_sub(10),
        Action::Top => b.sel = 0,
        Action::Bottom => b.sel = last,
        Action::Search => b.filtering = true,
        Action::Open => jump(state),
        Action::EditNote => match b.selected() {
            Some(bm) => {
                b.prompt = Some(NotePrompt {
                    target: NoteTarget::Edit(bm.id),
                    text: bm.note.unwrap_or_default(),
                    notice: None,
                })
            }
            None => state.status = Some("no bookmark selected".into()),
        },
        Action::Delete => match b.selected() {
            Some(bm) => {
                let result = b.session.remove(bm.id);
                state.status = Some(match result {
                    Ok(_) => format!("bookmark {} deleted (u undoes)", bm.id),
                    Err(e) => safe_line(&e.to_string()),
                });
                state.bookmarks.refresh(&state.articles);
            }
            None => state.status = Some("no bookmark selected".into()),
        },
        _ => {}
    }
}

/// The article a bookmark points to, from its file (else the bundled seed of that
/// path), or a message naming the file and what is wrong.
fn load_article(r: &crate::bookmarks::ArticleRef) -> Result<Article, String> {
    let path = std::path::Path::new(&r.path);
    if !path.is_file()
        && let Some(a) = crate::corpus::seeds()
            .into_iter()
            .find(|a| a.path == r.path)
    {
        return Ok(a);
    }
    let loaded = crate::corpus::load_paths(&[path.to_path_buf()], &Default::default())
        .map_err(|e| format!("cannot open the bookmark's article: {e}"))?;
    loaded
        .into_iter()
        .next()
        .ok_or_else(|| format!("cannot open the bookmark's article: {}: no text", r.path))
}

/// A click on row `row` of the list (0 = first row under the header).
pub fn click_row(state: &mut State, row: usize) {
    let rows = screen::body(state.size).height.saturating_sub(1) as usize;
    let b = &mut state.bookmarks;
    let first = b.sel.saturating_sub(rows.saturating_sub(1));
    b.sel = (first + row).min(b.visible().len().saturating_sub(1));
}

/// Enter: the reader at the selected bookmark's passage, where it is now.
fn jump(state: &mut State) {
    let Some(bm) = state.bookmarks.selected() else {
        return;
    };
    if !state.bookmarks.anchors.contains_key(&bm.id) {
        match load_article(&bm.article) {
            Ok(article) => {
                state.add_article(article);
                state.bookmarks.refresh(&state.articles);
            }
            Err(e) => {
                state.status = Some(safe_line(&e));
                return;
            }
        }
    }
    let Some(&(ai, anchor)) = state.bookmarks.anchors.get(&bm.id) else {
        state.status = Some(format!(
            "{}: opened, but the bookmark does not match it",
            safe_line(&bm.article.path)
        ));
        return;
    };
    let para = match anchor.location() {
        Some(l) => l.paragraph.saturating_sub(1),
        None => {
            state.status =
                Some("the article changed and the passage is gone: showing where it was".into());
            bm.paragraph.saturating_sub(1)
        }
    };
    let para = para.min(state.articles[ai].paragraphs.len().saturating_sub(1));
    state.current = ai;
    state.go(View::Reader);
    state.with_reader(|p, s| p.show(s, para, 0));
    if matches!(anchor, Anchor::Found(..)) && anchor.flagged() {
        state.status = Some(
            "the article changed: this paragraph holds most of the passage's words, check it"
                .into(),
        );
    }
}

// ---- typed text -----------------------------------------------------------------

/// A key while the note or filter prompt is open.
pub fn text_key(state: &mut State, key: Key) {
    state.status = None;
    if state.bookmarks.prompt.is_some() {
        note_key(state, key);
    } else {
        filter_key(state, key);
    }
}

fn note_key(state: &mut State, key: Key) {
    let Some(prompt) = state.bookmarks.prompt.as_mut() else {
        return;
    };
    match key {
        Key::Char(c) => prompt.text.push(c),
        Key::Backspace => {
            prompt.text.pop();
        }
        Key::Ctrl('u') => prompt.text.clear(),
        Key::Esc | Key::Ctrl('c') | Key::Ctrl('g') => state.bookmarks.prompt = None,
        Key::Enter => {
            if let Some(p) = state.bookmarks.prompt.take() {
                save_note(state, p);
            }
        }
        _ => {}
    }
}

fn save_note(state: &mut State, p: NotePrompt) {
    let note = Some(p.text).filter(|t| !t.trim().is_empty());
    let b = &mut state.bookmarks;
    let result = match p.target {
        NoteTarget::New(mut nb) => {
            nb.note = note;
            b.session.add(*nb).map(|bm| {
                format!(
                    "bookmarked ¶{} as {} (B lists, u undoes)",
                    bm.paragraph, bm.id
                )
            })
        }
        NoteTarget::Edit(id) => b
            .session
            .set_note(id, note)
            .map(|_| format!("note of bookmark {id} saved (u undoes)")),
    };
    state.status = Some(match (result, p.notice) {
        (Ok(msg), Some(n)) => format!("{msg}; {n}"),
        (Ok(msg), None) => msg,
        (Err(e), _) => safe_line(&e.to_string()),
    });
    state.bookmarks.refresh(&state.articles);
}

fn filter_key(state: &mut State, key: Key) {
    let b = &mut state.bookmarks;
    match key {
        Key::Char(c) => b.filter.push(c),
        Key::Backspace => {
            b.filter.pop();
        }
        Key::Enter => b.filtering = false,
        Key::Esc | Key::Ctrl('c') | Key::Ctrl('g') => {
            b.filtering = false;
            b.filter.clear();
        }
        _ => {}
    }
    b.sel = 0;
}

// ---- drawing --------------------------------------------------------------------

/// The margin mark of a bookmarked passage.
pub const MARK: &str = "*";

pub fn mark_style(theme: Theme) -> Style {
    if theme.color {
        Style::default()
            .fg(Color::Green)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::default().add_modifier(Modifier::BOLD)
    }
}

/// Widths of the list's columns, first on the right as Arabic is read: article,
/// passage, note, date.
fn widths(w: u16) -> [u16; 4] {
    let date = if w >= 70 { 12 } else { 0 };
    let article = (w / 5).clamp(6, 24).min(w);
    let rest = w.saturating_sub(date + article);
    let note = if w >= 50 { rest * 2 / 5 } else { 0 };
    [article, rest - note, note, date]
}

pub fn draw(state: &State, buf: &mut Buffer) {
    let size = state.size;
    let theme = state.theme();
    let b = &state.bookmarks;
    let bar = Rect::new(size.x, size.y, size.width, 1);
    draw::fill(buf, bar, theme.bar());
    let k = |a| state.keymap.hint(a);
    let shown = b.visible();
    let mut title = format!(" bookmarks: {}", shown.len());
    if !b.filter.is_empty() {
        title.push_str(&format!(" matching «{}»", safe_line(&b.filter)));
    }
    title.push_str(&format!(
        " · {} jump · {} note · {} delete · {} undo · {} filter ",
        k(Action::Open),
        k(Action::EditNote),
        k(Action::Delete),
        k(Action::Undo),
        k(Action::Search)
    ));
    draw::text(state, buf, bar, &title, theme.bar(), Align::Left);
    let body = screen::body(size);
    if body.height == 0 {
        return;
    }
    if shown.is_empty() {
        let msg = match b.session.read_only() {
            Some(reason) => format!("bookmarks read-only: {}", safe_line(reason)),
            None if !b.filter.is_empty() => "no bookmark matches the filter".into(),
            None => format!(
                "no bookmarks yet: {} in the reader bookmarks a passage",
                k(Action::Bookmark)
            ),
        };
        let row = Rect::new(body.x, body.y + body.height / 2, body.width, 1);
        draw::text(state, buf, row, &msg, theme.dim(), Align::Center);
        return;
    }
    let w = widths(body.width);
    let cols = |y: u16| screen::columns(Rect::new(body.x, y, body.width, 1), &w, true);
    let labels = ["المقال", "المقطع", "الملاحظة", "التاريخ"];
    for (r, l) in cols(body.y).iter().zip(labels) {
        draw::text(state, buf, draw::inset(*r), l, theme.header(), Align::Right);
    }
    let rows = body.height.saturating_sub(1) as usize;
    let first = b.sel.saturating_sub(rows.saturating_sub(1));
    for (row, (i, bm)) in shown.iter().enumerate().skip(first).take(rows).enumerate() {
        let y = body.y + 1 + row as u16;
        let st = if i == b.sel {
            theme.selected()
        } else {
            theme.plain()
        };
        draw::fill(buf, Rect::new(body.x, y, body.width, 1), st);
        let flag = match b.anchors.get(&bm.id) {
            Some((_, a)) if a.flagged() => "? ",
            None => "– ",
            Some(_) => "",
        };
        let article = if bm.article.title.trim().is_empty() {
            &bm.article.id
        } else {
            &bm.article.title
        };
        let cells = [
            format!("{flag}{}", safe_line(article)),
            safe_line(bm.text.trim()),
            bm.note.as_deref().map(safe_line).unwrap_or_default(),
            bm.created.chars().take(10).collect(),
        ];
        for (r, t) in cols(y).iter().zip(cells.iter()) {
            draw::text(state, buf, draw::inset(*r), t, st, Align::Right);
        }
    }
}

/// The note or filter prompt over the status bar, the typed text laid out (so Arabic
/// reads right-to-left) after its label.
pub fn draw_prompt(state: &State, buf: &mut Buffer) {
    let b = &state.bookmarks;
    let (label, text) = match (&b.prompt, b.filtering) {
        (Some(p), _) => {
            let label = match &p.target {
                NoteTarget::New(nb) if p.notice.is_some() => format!(
                    " note for ¶{} (selection cut at its end; Enter saves, Esc cancels): ",
                    nb.paragraph
                ),
                NoteTarget::New(nb) => {
                    format!(" note for ¶{} (Enter saves, Esc cancels): ", nb.paragraph)
                }
                NoteTarget::Edit(id) => {
                    format!(" note of bookmark {id} (Enter saves, Esc cancels): ")
                }
            };
            (label, p.text.as_str())
        }
        (None, true) => (
            " filter bookmarks (Enter done, Esc clears): ".to_owned(),
            b.filter.as_str(),
        ),
        (None, false) => return,
    };
    let size = buf.area;
    let theme = state.theme();
    let row = Rect::new(size.x, size.bottom().saturating_sub(1), size.width, 1);
    draw::fill(buf, row, theme.bar());
    for x in row.left()..row.right() {
        draw::put(buf, x, row.y, " ", theme.bar());
    }
    let lw = (label.chars().count() as u16).min(row.width);
    draw::text(
        state,
        buf,
        Rect::new(row.x, row.y, lw, 1),
        &label,
        theme.bar(),
        Align::Left,
    );
    // The end of what is typed carries the cursor; in right-to-left text that end is
    // on the left, where the layout puts a trailing neutral.
    let area = Rect::new(row.x + lw, row.y, row.width.saturating_sub(lw + 1), 1);
    let shown = format!("{}▏", tail(&safe_line(text), area.width as usize));
    draw::text(state, buf, area, &shown, theme.bar(), Align::Auto);
}

/// The end of `s` that fits in `width` columns less one for the cursor: a long note
/// keeps what is being typed in view.
fn tail(s: &str, width: usize) -> &str {
    let room = width.saturating_sub(1);
    let mut start = 0;
    while UnicodeWidthStr::width(&s[start..]) > room {
        match s[start..].chars().next() {
            Some(c) => start += c.len_utf8(),
            None => break,
        }
    }
    &s[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_notes_show_their_end() {
        assert_eq!(tail("abcdef", 4), "def");
        assert_eq!(tail("ملاحظة طويلة", 6), "طويلة");
        assert_eq!(tail("ab", 10), "ab");
        assert_eq!(tail("ab", 0), "");
    }

    #[test]
    fn columns_fit_the_width() {
        for w in [20u16, 49, 50, 69, 70, 120] {
            let ws = widths(w);
            assert!(ws.iter().sum::<u16>() <= w, "{w}: {ws:?}");
            assert!(ws[1] > 0, "{w}: the passage always shows");
        }
    }
}
