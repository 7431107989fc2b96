//! The rows of `qarin bookmarks list`: a bookmark as a CSV record and as a table row
//! (an excerpt of its passage, where it is now). Columns: docs/contracts.md.

use super::list::Found;
use crate::bookmarks::display::safe_line;
use crate::bookmarks::{Bookmark, Location};
#[cfg(test)]
use crate::cli::output::{self, Table, TextStyle};

/// Columns of `bookmarks list --format csv`, one row per bookmark.
pub const CSV_HEADER: &[&str] = &[
    "id",
    "article",
    "title",
    "outlet",
    "path",
    "paragraph",
    "start",
    "end",
    "status",
    "current_paragraph",
    "current_start",
    "current_end",
    "created",
    "note",
    "text",
    "problem",
];

pub(super) fn csv_row(b: &Bookmark, found: Found, reasons: &[String]) -> Vec<String> {
    let current = found.current();
    let at = |f: fn(&Location) -> usize| current.as_ref().map(f).map(|n| n.to_string());
    vec![
        b.id.to_string(),
        b.article.id.clone(),
        b.article.title.clone(),
        b.article.outlet.clone(),
        b.article.path.clone(),
        b.paragraph.to_string(),
        b.start.to_string(),
        b.end.to_string(),
        found.status().to_owned(),
        at(|l| l.paragraph).unwrap_or_default(),
        at(|l| l.start).unwrap_or_default(),
        at(|l| l.end).unwrap_or_default(),
        b.created.clone(),
        b.note.clone().unwrap_or_default(),
        b.text.clone(),
        match found {
            Found::Unreadable(r) => reasons.get(r).cloned().unwrap_or_default(),
            _ => String::new(),
        },
    ]
}

/// Longest passage excerpt in a table row, in chars (the whole passage is in the other
/// formats).
const EXCERPT: usize = 80;

fn excerpt(text: &str) -> String {
    let line = safe_line(text.trim());
    let mut chars = line.chars();
    let head: String = chars.by_ref().take(EXCERPT).collect();
    if chars.next().is_some() {
        head + "…"
    } else {
        head
    }
}

/// Columns never wrapped: ids, numbers, dates and statuses read badly wrapped.
pub(super) const TABLE_KEEP: &[usize] = &[0, 2, 3, 4];

/// The table's headers: a `note` column only when some bookmark has a note.
pub(super) fn table_headers(notes: bool) -> Vec<String> {
    let mut headers: Vec<String> = ["id", "article", "para", "created", "status", "passage"]
        .map(String::from)
        .to_vec();
    if notes {
        headers.push("note".into());
    }
    headers
}

/// One bookmark's table row: the paragraph where the passage is now, its status.
pub(super) fn table_row(b: &Bookmark, f: Found, notes: bool) -> Vec<String> {
    let para = f.current().map_or(b.paragraph, |l| l.paragraph);
    let created: String = b.created.replacen('T', " ", 1).chars().take(16).collect();
    let mut row = vec![
        b.id.to_string(),
        b.article.id.clone(),
        para.to_string(),
        created,
        f.status().to_owned(),
        excerpt(&b.text),
    ];
    if notes {
        row.push(b.note.clone().unwrap_or_default());
    }
    row
}

/// The table of `rows` held in memory (what `list` writes a row at a time).
#[cfg(test)]
pub(super) fn table_lines(rows: &[(&Bookmark, Found)], style: &TextStyle) -> Vec<String> {
    if rows.is_empty() {
        return Vec::new();
    }
    let notes = rows.iter().any(|(b, _)| b.note.is_some());
    let t = Table {
        headers: table_headers(notes),
        rows: rows.iter().map(|&(b, f)| table_row(b, f, notes)).collect(),
        keep: TABLE_KEEP.to_vec(),
    };
    output::table_lines(&t, style)
}
