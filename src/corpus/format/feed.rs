//! RSS and Atom feeds (`feed-rs`): one article per entry, the feed's title as outlet.

use super::html::{fragment_paragraphs, paragraphs_of};
use super::{Format, Input, Parsed};
use crate::corpus::CorpusError;
use crate::corpus::meta::{Meta, Published};

pub struct Feed;

impl Format for Feed {
    fn name(&self) -> &'static str {
        "rss/atom"
    }

    fn sniff(&self, _ext: Option<&str>, head: &str) -> bool {
        let lower = head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        // After an XML declaration and comments: the root element names the feed.
        lower.starts_with('<')
            && ["<rss", "<feed", "<rdf:rdf"]
                .iter()
                .any(|t| lower.contains(t))
            && !lower.contains("<html")
    }

    fn parse(&self, input: &Input<'_>) -> Result<Vec<Parsed>, CorpusError> {
        let bad = |problem: String| CorpusError::Format {
            path: input.path.to_path_buf(),
            problem,
        };
        // The text is UTF-8 by now, whatever the declaration said.
        let xml = utf8_declaration(input.text);
        let feed = feed_rs::parser::parse(xml.as_bytes())
            .map_err(|e| bad(format!("not a valid RSS or Atom feed: {e}")))?;
        let outlet = feed.title.as_ref().map(|t| t.content.clone());
        let lang = feed.language.clone();
        let mut out = Vec::new();
        for (n, entry) in feed.entries.into_iter().enumerate() {
            let body = entry
                .content
                .as_ref()
                .and_then(|c| c.body.as_deref())
                .map(fragment_paragraphs)
                .filter(|p| !p.is_empty())
                .or_else(|| {
                    entry.summary.as_ref().map(|s| {
                        if s.content_type.to_string().contains("html") || s.content.contains('<') {
                            fragment_paragraphs(&s.content)
                        } else {
                            paragraphs_of(&s.content)
                        }
                    })
                })
                .unwrap_or_default();
            let link = entry.links.first().map(|l| l.href.clone());
            let item = if entry.id.is_empty() {
                link.clone().unwrap_or_else(|| (n + 1).to_string())
            } else {
                entry.id.clone()
            };
            let meta = Meta {
                title: entry.title.map(|t| t.content),
                outlet: outlet.clone(),
                published: entry
                    .published
                    .or(entry.updated)
                    .map(|t| Published::known(t.fixed_offset())),
                url: link,
                author: entry.authors.first().and_then(|a| a.name.clone()),
                lang: entry.language.or_else(|| lang.clone()),
                ..Meta::default()
            };
            out.push(Parsed {
                item: Some(item),
                body: Some(body.join("\n") + "\n"),
                meta,
            });
        }
        if out.is_empty() {
            return Err(bad("the feed has no entries".into()));
        }
        Ok(out)
    }
}

/// `text` with its XML declaration's encoding, if any, said to be UTF-8.
fn utf8_declaration(text: &str) -> std::borrow::Cow<'_, str> {
    let t = text.trim_start_matches('\u{feff}');
    if let Some(end) = t.starts_with("<?xml").then(|| t.find("?>")).flatten()
        && t[..end].contains("encoding")
    {
        return format!("<?xml version=\"1.0\" encoding=\"UTF-8\"{}", &t[end..]).into();
    }
    t.into()
}
