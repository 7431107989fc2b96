//! What `qarin claims` writes: the JSON document, JSON Lines and CSV, each record read
//! back from the claim store as it is written (docs/contracts.md, "claims";
//! docs/safety.md, a folder).

use std::io::{self, Write};

use anyhow::Context as _;
use serde::Serialize;

use crate::claims::{Analysis, Claim, Group, Verdict};
use crate::cli::claim_groups::Groups;
use crate::cli::claim_read::Claims;
use crate::cli::claim_records::Records;
use crate::cli::claim_table::{Table, word, words};
use crate::cli::output::{self, Csv, Jsonl};
use crate::corpus::{self, Article};

/// The articles, their claims and the groups, read back from the store.
pub type Analysed<'a> = (Records<'a>, &'a Claims<'a>, &'a Groups<'a>);

#[derive(Serialize)]
struct JsonArticle<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    outlet: &'a str,
    /// RFC 3339, or null when unknown.
    published: Option<String>,
    /// True when `published` is only the file's modification time.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    published_guess: bool,
    url: Option<&'a str>,
    lang: Option<&'a str>,
    origin: &'a corpus::Origin,
}

impl<'a> From<&'a Article> for JsonArticle<'a> {
    fn from(a: &'a Article) -> Self {
        JsonArticle {
            id: &a.id,
            path: &a.path,
            title: &a.title,
            outlet: &a.outlet,
            published: a.published.map(|p| p.rfc3339()),
            published_guess: a.published.is_some_and(|p| p.guess),
            url: a.url.as_deref(),
            lang: a.lang.as_deref(),
            origin: &a.origin,
        }
    }
}

/// A group with the story it belongs to (claims are compared only inside a story).
#[derive(Serialize)]
struct JsonGroup<'a> {
    #[serde(flatten)]
    group: &'a Group,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<&'a str>,
}

/// The claims of the JSON document: in memory, or read back from the store.
enum ClaimsOut<'a> {
    Memory(&'a [Claim]),
    Stored(&'a Claims<'a>),
}

impl Serialize for ClaimsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        match self {
            ClaimsOut::Memory(claims) => s.collect_seq(claims.iter()),
            ClaimsOut::Stored(claims) => {
                let mut seq = s.serialize_seq(Some(claims.count()))?;
                for c in claims.iter() {
                    seq.serialize_element(&c.map_err(S::Error::custom)?)?;
                }
                seq.end()
            }
        }
    }
}

/// The articles of the JSON document: in memory, or read back from the store.
enum ArticlesOut<'a> {
    Memory(&'a [Article]),
    Stored(Records<'a>),
}

impl Serialize for ArticlesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        match self {
            ArticlesOut::Memory(articles) => s.collect_seq(articles.iter().map(JsonArticle::from)),
            ArticlesOut::Stored(records) => {
                let mut seq = s.serialize_seq(Some(records.articles.len()))?;
                for a in records.iter() {
                    seq.serialize_element(&JsonArticle::from(&a.map_err(S::Error::custom)?))?;
                }
                seq.end()
            }
        }
    }
}

/// The groups of the JSON document, each with its story: in memory, or read back from
/// the store.
enum GroupsOut<'a> {
    Memory(&'a [Group]),
    Stored(&'a Groups<'a>, &'a [Option<String>]),
}

impl Serialize for GroupsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        match self {
            GroupsOut::Memory(groups) => {
                s.collect_seq(groups.iter().map(|group| JsonGroup { group, story: None }))
            }
            GroupsOut::Stored(groups, stories) => {
                let mut seq = s.serialize_seq(Some(groups.len()))?;
                for (i, g) in groups.iter().enumerate() {
                    let group = g.map_err(S::Error::custom)?;
                    seq.serialize_element(&JsonGroup {
                        group: &group,
                        story: stories.get(i).and_then(|s| s.as_deref()),
                    })?;
                }
                seq.end()
            }
        }
    }
}

#[derive(Serialize)]
struct JsonOut<'a> {
    articles: ArticlesOut<'a>,
    claims: ClaimsOut<'a>,
    groups: GroupsOut<'a>,
}

/// The JSON document of groups read back from the store.
pub fn document(
    out: &mut impl Write,
    (articles, claims, groups): Analysed,
    stories: &[Option<String>],
) -> anyhow::Result<()> {
    let doc = JsonOut {
        articles: ArticlesOut::Stored(articles),
        claims: ClaimsOut::Stored(claims),
        groups: GroupsOut::Stored(groups, stories),
    };
    // Written as made: the stored articles, claims and groups are read back one at a
    // time, so the document is never held (the same bytes as `json_document`;
    // docs/safety.md, a folder).
    Ok(output::json_document_streamed(out, &doc)?)
}

/// The JSON document (`{"version": 1, "articles", "claims", "groups"}`) as a string.
pub fn json(articles: &[Article], analysis: &Analysis) -> anyhow::Result<String> {
    let mut out = Vec::new();
    let doc = JsonOut {
        articles: ArticlesOut::Memory(articles),
        claims: ClaimsOut::Memory(&analysis.claims),
        groups: GroupsOut::Memory(&analysis.groups),
    };
    output::json_document(&mut out, &doc)?;
    String::from_utf8(out).context("serialising claims")
}

/// Records in dependency order: articles, then claims, then groups (which name claims).
pub fn jsonl(
    out: &mut impl Write,
    (articles, claims, groups): Analysed,
    stories: &[Option<String>],
) -> std::io::Result<()> {
    let mut j = Jsonl::new(out, "claims")?;
    for a in articles.iter() {
        j.record("article", &JsonArticle::from(&a?))?;
    }
    for c in claims.iter() {
        j.record("claim", &c?)?;
    }
    for (i, g) in groups.iter().enumerate() {
        let g = &g?;
        #[derive(Serialize)]
        struct Indexed<'a> {
            id: usize,
            #[serde(flatten)]
            group: JsonGroup<'a>,
        }
        let group = JsonGroup {
            group: g,
            story: stories.get(i).and_then(|s| s.as_deref()),
        };
        j.record("group", &Indexed { id: i, group })?;
    }
    Ok(())
}

/// Columns of `--format csv`, one row per claim.
pub const CSV_HEADER: &[&str] = &[
    "claim",
    "article",
    "outlet",
    "paragraph",
    "topic",
    "scope",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "kind",
    "hedged",
    "attribution",
    "year",
    "date",
    "group",
    "verdict",
    "text",
    "sentence",
    "story",
];

/// Each claim's group and the group's verdict, by claim id, in a table in a temporary
/// file (`cli::claim_table`): memory does not grow with the number of claims.
fn groups_of(claims: &Claims, groups: &Groups) -> io::Result<Table<8>> {
    let mut group_of = Table::default();
    for _ in 0..claims.count() {
        group_of.push(words(&[u64::MAX]));
    }
    for (i, g) in groups.iter().enumerate() {
        let g = g?;
        let verdict = VERDICTS.iter().position(|&v| v == g.verdict).unwrap_or(0);
        let value = (i as u64) << 2 | verdict as u64;
        for &c in &g.claims {
            if c < claims.count() {
                group_of.set(c, words(&[value]))?;
            }
        }
    }
    Ok(group_of)
}

pub fn csv(
    out: &mut impl Write,
    (articles, claims, groups): Analysed,
    stories: &[Option<String>],
) -> io::Result<()> {
    let group_of = groups_of(claims, groups)?;
    let opt = |v: Option<String>| v.unwrap_or_default();
    let mut w = Csv::new(out, CSV_HEADER)?;
    // Claims come article by article: each one's outlet is read back once.
    let mut outlet: Option<(usize, String)> = None;
    for c in claims.iter() {
        let c = c?;
        let at = claims.article_of(c.id)?;
        if outlet.as_ref().map(|o| o.0) != at {
            outlet = match at {
                Some(i) => {
                    let e = articles.articles.get(articles.store, i)?;
                    Some((i, e.record.outlet(articles.store)?))
                }
                None => None,
            };
        }
        let v = word(&group_of.get(c.id)?, 0);
        let group = (v != u64::MAX).then(|| ((v >> 2) as usize, VERDICTS[(v & 3) as usize]));
        w.row([
            c.id.to_string(),
            c.article.clone(),
            outlet.as_ref().map(|o| o.1.clone()).unwrap_or_default(),
            c.paragraph.to_string(),
            opt(c.topic.as_ref().map(|t| t.to_string())),
            opt(c.scope.clone()),
            c.value.to_string(),
            opt(c.low.map(|v| v.to_string())),
            opt(c.high.map(|v| v.to_string())),
            c.qualifier.to_string(),
            opt(c.unit.as_ref().map(|u| u.to_string())),
            c.kind.to_string(),
            c.hedged.to_string(),
            opt(c.attribution.clone()),
            opt(c.year.map(|y| y.to_string())),
            opt(c.date.clone()),
            opt(group.map(|(i, _)| i.to_string())),
            opt(group.map(|(_, v)| v.as_str().to_owned())),
            c.text.clone(),
            c.sentence.clone(),
            opt(group.and_then(|(i, _)| stories.get(i).cloned().flatten())),
        ])?;
    }
    w.finish()?;
    Ok(())
}

/// The verdicts, numbered in the CSV's group table.
const VERDICTS: [Verdict; 4] = [
    Verdict::Agree,
    Verdict::Compatible,
    Verdict::Conflict,
    Verdict::Single,
];
