//! An article's metadata, from wherever it was found: the page or feed itself, front
//! matter, a sidecar `articles.toml`, a path template, or the file's modification time.

use chrono::{DateTime, FixedOffset};

/// When an article was published, and whether that is only a guess (a file's mtime).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Published {
    pub time: DateTime<FixedOffset>,
    /// True when no source said so and the time is the file's modification time.
    pub guess: bool,
}

impl Published {
    pub fn known(time: DateTime<FixedOffset>) -> Published {
        Published { time, guess: false }
    }

    /// RFC 3339, as in the JSON outputs.
    pub fn rfc3339(&self) -> String {
        self.time.to_rfc3339()
    }

    /// `2013-02-26 14:05` for columns and headers, a `~` before a guess.
    pub fn short(&self) -> String {
        let t = self.time.format("%Y-%m-%d %H:%M");
        if self.guess {
            format!("~{t}")
        } else {
            t.to_string()
        }
    }
}

/// Metadata fields, each optional: sources are merged field by field, the first that
/// knows a field wins (see [`Meta::or`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// A few characters to label a column.
    pub short: Option<String>,
    pub published: Option<Published>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// BCP 47 language tag (`ar`, `en`…).
    pub lang: Option<String>,
    /// The site's own name (`og:site_name`), when it differs from the outlet.
    pub site: Option<String>,
    /// An identity given by the source (a template's `{id}`, a corpus's id column).
    pub id: Option<String>,
}

impl Meta {
    /// Fields of `self`, and those `self` lacks from `other`.
    pub fn or(self, other: Meta) -> Meta {
        Meta {
            title: self.title.or(other.title),
            outlet: self.outlet.or(other.outlet),
            short: self.short.or(other.short),
            published: self.published.or(other.published),
            url: self.url.or(other.url),
            author: self.author.or(other.author),
            lang: self.lang.or(other.lang),
            site: self.site.or(other.site),
            id: self.id.or(other.id),
        }
    }

    /// Empty strings count as unknown; text is stripped of control characters, so
    /// nothing from a page's metadata can reach the terminal as a control sequence.
    pub fn cleaned(self) -> Meta {
        let c = |s: Option<String>| s.map(|s| clean_text(&s)).filter(|s| !s.is_empty());
        Meta {
            title: c(self.title),
            outlet: c(self.outlet),
            short: c(self.short),
            published: self.published,
            url: c(self.url),
            author: c(self.author),
            lang: c(self.lang),
            site: c(self.site),
            id: c(self.id),
        }
    }
}

/// One line of text: control characters (C0, DEL, C1) become spaces, runs of white space
/// one space, ends trimmed.
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_bytes_never_survive_cleaning() {
        assert_eq!(clean_text(" a\x1b[31mb\u{9b}2J\n c\t"), "a [31mb 2J c");
        let m = Meta {
            title: Some("\x07".into()),
            ..Meta::default()
        };
        assert_eq!(m.cleaned().title, None);
    }

    #[test]
    fn the_first_source_that_knows_a_field_wins() {
        let a = Meta {
            title: Some("a".into()),
            ..Meta::default()
        };
        let b = Meta {
            title: Some("b".into()),
            outlet: Some("o".into()),
            ..Meta::default()
        };
        let m = a.or(b);
        assert_eq!(
            (m.title.as_deref(), m.outlet.as_deref()),
            (Some("a"), Some("o"))
        );
    }
}
