//! Plain text and Markdown: one paragraph per line, or per blank-line-separated block
//! for hard-wrapped text; YAML (`---`) or TOML (`+++`) front matter gives metadata.

use super::super::frontmatter;
use super::super::hardwrap::{self, ParagraphMode};
use super::{Format, Input, Parsed};
use crate::corpus::{CorpusError, LoadOptions};

pub struct Text;

impl Format for Text {
    fn name(&self) -> &'static str {
        "text"
    }

    fn sniff(&self, _ext: Option<&str>, _head: &str) -> bool {
        true
    }

    fn parse(&self, input: &Input<'_>) -> Result<Vec<Parsed>, CorpusError> {
        let (meta, body) = match frontmatter::split(input.path, input.text)? {
            Some((meta, rest)) => (meta, rest),
            None => (Default::default(), input.text),
        };
        let changed = body.len() != input.text.len();
        let blank = match input.opts.paragraphs {
            ParagraphMode::Line => false,
            ParagraphMode::Blank => true,
            ParagraphMode::Auto => hardwrap::looks_hard_wrapped(body),
        };
        let body = if blank {
            Some(hardwrap::join_blocks(body))
        } else if changed {
            Some(body.to_owned())
        } else {
            None
        };
        Ok(vec![Parsed {
            item: None,
            body,
            meta,
        }])
    }
}

/// Whether text starting with `head` is read exactly as it is, line by line.
pub fn as_is(head: &str, opts: &LoadOptions) -> bool {
    !frontmatter::starts(head)
        && match opts.paragraphs {
            ParagraphMode::Line => true,
            ParagraphMode::Blank => false,
            ParagraphMode::Auto => !hardwrap::looks_hard_wrapped(head),
        }
}
