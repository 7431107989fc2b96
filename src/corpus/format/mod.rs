//! Input formats behind one trait: each says whether decoded text looks like it
//! ([`Format::sniff`], from the content first, the extension only as a hint) and turns
//! it into articles ([`Format::parse`]).

mod feed;
pub mod html;
mod table;
mod text;

use std::path::Path;

use super::meta::Meta;
use super::{CorpusError, LoadOptions};

/// What a format is given: the decoded text of one file (or page, or standard input).
pub struct Input<'a> {
    /// Named in errors.
    pub path: &'a Path,
    /// The file name's extension, lower case (`None` for stdin and URLs without one).
    pub ext: Option<&'a str>,
    pub text: &'a str,
    pub opts: &'a LoadOptions,
}

/// One article a format found.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The entry inside the file (feeds and corpora), part of the article's origin.
    pub item: Option<String>,
    /// The article's paragraphs, one per line; `None`: the input's text as it is (one
    /// paragraph per line), which is then used without a copy.
    pub body: Option<String>,
    pub meta: Meta,
}

/// An input format.
pub trait Format: Sync {
    /// A short name for messages (`html`, `rss/atom`…).
    fn name(&self) -> &'static str;
    /// Whether `head` (the first few kilobytes of the decoded text) is in this format.
    fn sniff(&self, ext: Option<&str>, head: &str) -> bool;
    /// The articles in `input`.
    fn parse(&self, input: &Input<'_>) -> Result<Vec<Parsed>, CorpusError>;
}

/// Every format, most specific first; plain text takes whatever the others do not.
static FORMATS: &[&dyn Format] = &[
    &feed::Feed,
    &html::Html,
    &table::JsonLines,
    &table::Csv,
    &text::Text,
];

/// How much of a text the formats look at to recognise it.
pub const SNIFF_BYTES: usize = 4096;

/// The format of a text whose first bytes are `head`.
pub fn pick(ext: Option<&str>, head: &str) -> &'static dyn Format {
    FORMATS
        .iter()
        .copied()
        .find(|f| f.sniff(ext, head))
        .unwrap_or(&text::Text)
}

/// The first `SNIFF_BYTES` of `text` or so, cut at a char boundary.
pub fn head(text: &str) -> &str {
    let mut end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether a plain text file of this extension and head can be read lazily, line by line,
/// exactly as it is: no other format, no front matter, no hard-wrapped paragraphs.
pub fn plain_as_is(ext: Option<&str>, head: &str, opts: &LoadOptions) -> bool {
    std::ptr::eq(
        pick(ext, head) as *const dyn Format as *const (),
        &text::Text as *const text::Text as *const (),
    ) && text::as_is(head, opts)
}
