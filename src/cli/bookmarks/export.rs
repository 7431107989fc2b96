//! `qarin bookmarks export`: every bookmark as Markdown quotes for a report, or the
//! bookmarks file itself as JSON.

use std::fmt::Write as _;
use std::io;

use clap::ValueEnum;

use super::list::{Found, anchored};
use crate::bookmarks::display::{escape_json, safe_line};
use crate::bookmarks::{Anchor, Bookmark, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Each passage quoted, with its source and note.
    Markdown,
    /// The bookmarks file as it is stored.
    Json,
}

pub(super) fn export(
    out: &mut impl io::Write,
    store: &Store,
    format: ExportFormat,
) -> anyhow::Result<()> {
    let file = store.load()?;
    let text = match format {
        ExportFormat::Json => escape_json(&serde_json::to_string_pretty(&file)?) + "\n",
        ExportFormat::Markdown => {
            let (rows, reasons) = anchored(&file.bookmarks);
            markdown(&rows, &reasons)
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Markdown-safe single line: controls made visible, then markup characters escaped so
/// a passage cannot turn into a heading, a link or emphasis.
fn md(s: &str) -> String {
    let mut out = String::new();
    for c in safe_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(rows: &[(&Bookmark, Found)], reasons: &[String]) -> String {
    let mut out = String::from("# Bookmarks\n");
    for (b, a) in rows {
        let title = if b.article.title.trim().is_empty() {
            md(&b.article.id)
        } else {
            md(&b.article.title)
        };
        let _ = writeln!(out, "\n## {}. {title}\n", b.id);
        let _ = writeln!(out, "> {}\n", md(b.text.trim()));
        let mut source = format!("— *{title}*");
        if !b.article.outlet.trim().is_empty() {
            let _ = write!(source, ", {}", md(&b.article.outlet));
        }
        let date: String = b.created.chars().take(10).collect();
        let _ = write!(
            source,
            " · `{}`, paragraph {} · {}",
            safe_line(&b.article.path).replace('`', "'"),
            b.paragraph,
            md(&date)
        );
        let _ = writeln!(out, "{source}");
        match a.anchor() {
            Some(Anchor::Found(l, m)) if l.paragraph != b.paragraph => {
                let _ = writeln!(
                    out,
                    "\n*The article has changed; the passage is now in paragraph {} ({}).*",
                    l.paragraph,
                    Anchor::Found(l, m).status()
                );
            }
            Some(Anchor::Lost) => {
                let _ = writeln!(
                    out,
                    "\n*The article has changed and this passage is no longer in it.*"
                );
            }
            None => match a {
                Found::Unreadable(r) => {
                    let why = reasons.get(*r).map_or("", String::as_str);
                    let _ = writeln!(out, "\n*The article file no longer loads: {}*", md(why));
                }
                _ => {
                    let _ = writeln!(out, "\n*The article file is no longer there.*");
                }
            },
            Some(_) => {}
        }
        if let Some(note) = &b.note {
            let _ = writeln!(out, "\n**Note:** {}", md(note));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::bookmarks::list::tests::bm;

    #[test]
    fn markdown_quotes_passage_source_and_note_safely() {
        let b = bm("انظر\u{202E}هنا\u{1b}[2J\nسطر");
        let md = markdown(&[(&b, Found::Missing)], &[]);
        assert!(md.contains("\n## 4. عنوان \\#1\n"), "{md}");
        assert!(md.contains("\n> أرسلت روسيا \\*2500\\* جندي\n"), "{md}");
        assert!(
            md.contains("— *عنوان \\#1*, جريدة · `/tmp/x'y.txt`, paragraph 14 · 2026-11-21"),
            "{md}"
        );
        // The visible tags are escaped too, so Markdown shows them rather than taking HTML.
        assert!(
            md.contains(r"**Note:** انظر\<U+202E\>هنا\<U+001B\>\[2J سطر"),
            "{md}"
        );
        assert!(md.contains("no longer there"), "{md}");
        assert!(!md.contains('\u{1b}') && !md.contains('\u{202E}'));
    }
}
