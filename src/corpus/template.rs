//! Path templates for folders laid out by a crawler, such as the development corpus's
//! `{outlet}/**/{published:%Y-%m-%d %H:%M:%S}#{id}.txt`: each file's path under the folder
//! given is matched against the template and its fields become the article's metadata.
//!
//! A template is `/`-separated segments. `**` stands for any number of folders, `*`
//! for any text inside a segment, `{FIELD}` for a field's text and
//! `{published:FORMAT}` for a time in chrono's strftime syntax. A time without a zone
//! is taken as UTC unless an offset is given.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

use super::meta::{Meta, Published};

/// A parsed path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    source: String,
    segments: Vec<Segment>,
    offset: FixedOffset,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    /// `**`: zero or more folders.
    Any,
    Parts(Vec<Part>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Lit(String),
    Star,
    Field(Field, Option<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Outlet,
    Published,
    Id,
    Title,
    Author,
    Lang,
    Site,
}

const FIELDS: [(&str, Field); 7] = [
    ("outlet", Field::Outlet),
    ("published", Field::Published),
    ("id", Field::Id),
    ("title", Field::Title),
    ("author", Field::Author),
    ("lang", Field::Lang),
    ("site", Field::Site),
];

/// Why a template could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("layout template {template:?}: {problem}")]
pub struct TemplateError {
    pub template: String,
    pub problem: String,
}

impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl Template {
    /// Parses a template; times without a zone are taken at `offset` from UTC.
    pub fn parse(source: &str, offset: FixedOffset) -> Result<Template, TemplateError> {
        let err = |problem: String| TemplateError {
            template: source.to_owned(),
            problem,
        };
        if source.trim().is_empty() {
            return Err(err("empty template".into()));
        }
        let mut segments = Vec::new();
        for seg in source.trim_matches('/').split('/') {
            if seg == "**" {
                segments.push(Segment::Any);
                continue;
            }
            if seg.is_empty() {
                return Err(err("empty segment (`//`)".into()));
            }
            segments.push(Segment::Parts(parse_segment(seg).map_err(err)?));
        }
        Ok(Template {
            source: source.to_owned(),
            segments,
            offset,
        })
    }

    /// The metadata a path (relative to the folder given, `/`-separated components)
    /// carries, or `None` when the path does not fit the template.
    pub fn matches(&self, components: &[&str]) -> Option<Meta> {
        let mut caps = Vec::new();
        if !match_path(&self.segments, components, &mut caps, self.offset) {
            return None;
        }
        let mut meta = Meta::default();
        for (field, text, fmt) in caps {
            let text = text.to_owned();
            match field {
                Field::Outlet => meta.outlet = Some(text),
                Field::Id => meta.id = Some(text),
                Field::Title => meta.title = Some(text),
                Field::Author => meta.author = Some(text),
                Field::Lang => meta.lang = Some(text),
                Field::Site => meta.site = Some(text),
                Field::Published => {
                    meta.published =
                        parse_time(&text, fmt.as_deref(), self.offset).map(Published::known)
                }
            }
        }
        Some(meta)
    }
}

fn parse_segment(seg: &str) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut rest = seg;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' => {
                let end = rest
                    .find('}')
                    .ok_or_else(|| format!("unclosed `{{` in {seg:?}"))?;
                let inner = &rest[1..end];
                let (name, fmt) = match inner.split_once(':') {
                    Some((n, f)) => (n, Some(f.to_owned())),
                    None => (inner, None),
                };
                let field = FIELDS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, f)| *f)
                    .ok_or_else(|| {
                        let known: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
                        format!("unknown field {name:?} (known: {})", known.join(", "))
                    })?;
                if fmt.is_some() && field != Field::Published {
                    return Err(format!("only `published` takes a format, not {name:?}"));
                }
                if let Some(f) = &fmt {
                    check_format(f)?;
                }
                if matches!(parts.last(), Some(Part::Field(..)) | Some(Part::Star))
                    && lit.is_empty()
                {
                    return Err(format!("two fields with nothing between them in {seg:?}"));
                }
                if !lit.is_empty() {
                    parts.push(Part::Lit(std::mem::take(&mut lit)));
                }
                parts.push(Part::Field(field, fmt));
                rest = &rest[end + 1..];
            }
            '*' => {
                if !lit.is_empty() {
                    parts.push(Part::Lit(std::mem::take(&mut lit)));
                }
                parts.push(Part::Star);
                rest = &rest[1..];
            }
            '}' => return Err(format!("`}}` without `{{` in {seg:?}")),
            c => {
                lit.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !lit.is_empty() {
        parts.push(Part::Lit(lit));
    }
    Ok(parts)
}

/// A strftime format chrono understands.
fn check_format(f: &str) -> Result<(), String> {
    use chrono::format::{Item, StrftimeItems};
    if StrftimeItems::new(f).any(|i| matches!(i, Item::Error)) {
        return Err(format!("bad time format {f:?}"));
    }
    Ok(())
}

/// A time as `fmt` writes it (RFC 3339 without a format), with or without a zone, or a
/// date alone (midnight).
pub fn parse_time(
    text: &str,
    fmt: Option<&str>,
    offset: FixedOffset,
) -> Option<DateTime<FixedOffset>> {
    let Some(fmt) = fmt else {
        return DateTime::parse_from_rfc3339(text).ok().or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
                .ok()
                .or_else(|| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").ok())
                .or_else(|| {
                    NaiveDate::parse_from_str(text, "%Y-%m-%d")
                        .ok()
                        .and_then(|d| d.and_hms_opt(0, 0, 0))
                })
                .and_then(|n| offset.from_local_datetime(&n).single())
        });
    };
    DateTime::parse_from_str(text, fmt)
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, fmt)
                .ok()
                .and_then(|n| offset.from_local_datetime(&n).single())
        })
        .or_else(|| {
            NaiveDate::parse_from_str(text, fmt)
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .and_then(|n| offset.from_local_datetime(&n).single())
        })
}

type Caps<'a> = Vec<(Field, &'a str, Option<String>)>;

fn match_path<'a>(
    segs: &[Segment],
    comps: &[&'a str],
    caps: &mut Caps<'a>,
    off: FixedOffset,
) -> bool {
    match segs.split_first() {
        None => comps.is_empty(),
        Some((Segment::Any, rest)) => (0..=comps.len()).any(|skip| {
            let mark = caps.len();
            match_path(rest, &comps[skip..], caps, off) || {
                caps.truncate(mark);
                false
            }
        }),
        Some((Segment::Parts(parts), rest)) => {
            let Some((comp, more)) = comps.split_first() else {
                return false;
            };
            let mark = caps.len();
            if match_parts(parts, comp, caps, off) && match_path(rest, more, caps, off) {
                return true;
            }
            caps.truncate(mark);
            false
        }
    }
}

fn match_parts<'a>(parts: &[Part], s: &'a str, caps: &mut Caps<'a>, off: FixedOffset) -> bool {
    match parts.split_first() {
        None => s.is_empty(),
        Some((Part::Lit(l), rest)) => s
            .strip_prefix(l.as_str())
            .is_some_and(|t| match_parts(rest, t, caps, off)),
        Some((Part::Star, rest)) => ends(s).any(|i| match_parts(rest, &s[i..], caps, off)),
        Some((Part::Field(field, fmt), rest)) => ends(s).skip(1).any(|i| {
            let text = &s[..i];
            if *field == Field::Published && parse_time(text, fmt.as_deref(), off).is_none() {
                return false;
            }
            let mark = caps.len();
            caps.push((*field, text, fmt.clone()));
            match_parts(rest, &s[i..], caps, off) || {
                caps.truncate(mark);
                false
            }
        }),
    }
}

/// Every char boundary of `s`, `0` and `s.len()` included.
fn ends(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEV: &str = "{outlet}/**/{published:%Y-%m-%d %H:%M:%S}#{id}.txt";

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    #[test]
    fn the_dev_corpus_layout_gives_outlet_time_and_id() {
        let t = Template::parse(DEV, utc()).unwrap();
        for comps in [
            &[
                "cnnarabic",
                "mideast",
                "3",
                "2013-02-05 10:20:00#aaf72b60-d4.txt",
            ][..],
            &["cnnarabic", "2013-02-05 10:20:00#aaf72b60-d4.txt"][..],
        ] {
            let m = t.matches(comps).expect("matches");
            assert_eq!(m.outlet.as_deref(), Some("cnnarabic"));
            assert_eq!(m.id.as_deref(), Some("aaf72b60-d4"));
            let p = m.published.unwrap();
            assert_eq!(p.rfc3339(), "2013-02-05T10:20:00+00:00");
            assert!(!p.guess);
        }
        assert!(t.matches(&["cnnarabic", "x", "notatime#id.txt"]).is_none());
        assert!(t.matches(&["2013-02-05 10:20:00#a.txt"]).is_none());
        assert!(t.matches(&["o", "2013-02-05 10:20:00#a.md"]).is_none());
    }

    #[test]
    fn offsets_dates_stars_and_other_fields() {
        let cairo = FixedOffset::east_opt(2 * 3600).unwrap();
        let t = Template::parse("{lang}/{outlet}-*/{published:%Y%m%d}_{title}.md", cairo).unwrap();
        let m = t
            .matches(&["ar", "ahram-web", "20130205_عنوان.md"])
            .unwrap();
        assert_eq!(m.lang.as_deref(), Some("ar"));
        assert_eq!(m.outlet.as_deref(), Some("ahram"));
        assert_eq!(m.title.as_deref(), Some("عنوان"));
        assert_eq!(m.published.unwrap().rfc3339(), "2013-02-05T00:00:00+02:00");
    }

    #[test]
    fn bad_templates_say_what_is_wrong() {
        for (t, want) in [
            ("{outlet", "unclosed"),
            ("{who}/x", "unknown field \"who\""),
            ("{outlet:%Y}", "only `published`"),
            ("{outlet}{id}", "nothing between"),
            ("a//b", "empty segment"),
            ("", "empty template"),
        ] {
            let e = Template::parse(t, utc()).unwrap_err().to_string();
            assert!(e.contains(want), "{t}: {e}");
        }
    }
}
