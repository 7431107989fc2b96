//! HTML pages: the readable article only (readability-style extraction by `dom_smoothie`,
//! so navigation, ads, scripts, comments and footers stay out), with the page's title,
//! site name, author, published time, canonical URL and language.

use dom_smoothie::{Config, Readability, TextMode};

use super::{Format, Input, Parsed};
use crate::corpus::CorpusError;
use crate::corpus::meta::{Meta, Published, clean_text};
use crate::corpus::template::parse_time;

pub struct Html;

impl Format for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn sniff(&self, ext: Option<&str>, head: &str) -> bool {
        let lower = head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            return true;
        }
        let tagged = ["<html", "<head", "<body", "<article", "<p>", "<div"]
            .iter()
            .any(|t| lower.contains(t));
        tagged && (matches!(ext, Some("html" | "htm" | "xhtml")) || lower.starts_with('<'))
    }

    fn parse(&self, input: &Input<'_>) -> Result<Vec<Parsed>, CorpusError> {
        let (paragraphs, meta) = extract(input.text).map_err(|problem| CorpusError::Format {
            path: input.path.to_path_buf(),
            problem,
        })?;
        Ok(vec![Parsed {
            item: None,
            body: Some(paragraphs.join("\n") + "\n"),
            meta,
        }])
    }
}

/// The readable article of a page: its paragraphs and metadata.
pub fn extract(html: &str) -> Result<(Vec<String>, Meta), String> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        // News briefs are short: do not give up on an article of a few lines.
        char_threshold: 100,
        ..Config::default()
    };
    let mut r = Readability::new(html, None, Some(cfg))
        .map_err(|e| format!("cannot read the page as HTML: {e}"))?;
    let canonical = r
        .doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.to_string());
    let html_lang = r.doc.select("html").attr("lang").map(|l| l.to_string());
    let article = r
        .parse()
        .map_err(|e| format!("no readable article in the page ({e})"))?;
    let paragraphs = paragraphs_of(&article.text_content);
    if paragraphs.is_empty() {
        return Err("no readable article in the page (no text found)".into());
    }
    let published = article
        .published_time
        .as_deref()
        .and_then(|t| parse_time(t.trim(), None, crate::corpus::frontmatter::utc()))
        .map(Published::known);
    let meta = Meta {
        title: Some(article.title),
        author: article.byline,
        site: article.site_name.clone(),
        outlet: article.site_name,
        published,
        url: canonical.or(article.url),
        lang: article.lang.or(html_lang),
        ..Meta::default()
    };
    Ok((paragraphs, meta.cleaned()))
}

/// Text with blank lines between blocks as paragraphs: each block's lines joined, white
/// space collapsed, control characters gone.
pub fn paragraphs_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in crate::corpus::hardwrap::join_blocks(text).lines() {
        let p = clean_text(block);
        if !p.is_empty() {
            out.push(p);
        }
    }
    out
}

/// The text of an HTML fragment (a feed entry's content), paragraph by paragraph,
/// without scripts, styles or comments.
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    let doc = dom_query::Document::fragment(html);
    doc.select("script, style, noscript, iframe, template")
        .remove();
    paragraphs_of(&doc.formatted_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_without_its_surroundings() {
        let page = r#"<!DOCTYPE html><html lang="ar"><head><title>مقتل 12 | موقع</title>
<meta property="og:title" content="مقتل 12 في انفجار">
<meta property="og:site_name" content="الموقع">
<meta property="article:published_time" content="2013-02-05T10:20:00+02:00">
<link rel="canonical" href="https://news.test/a/1">
<script>var x = 1; var killed = 99;</script></head>
<body><nav><a href="/">الرئيسية</a> <a href="/x">أخبار 24</a></nav>
<div class="ad">إعلان: خصم 50%</div>
<article><h1>مقتل 12 في انفجار</h1>
<p>قال مسؤولون إن 12 شخصا قتلوا في انفجار وقع صباح اليوم في وسط المدينة، وأصيب
أكثر من 30 آخرين بجروح نقلوا على إثرها إلى المستشفيات القريبة.</p>
<p>وأضاف المسؤولون أن فرق الإنقاذ ما زالت تبحث عن ناجين تحت الأنقاض، وأن عدد
الضحايا مرشح للارتفاع خلال الساعات المقبلة مع استمرار عمليات البحث.</p>
<!-- a comment with 77 numbers --></article>
<footer>جميع الحقوق محفوظة 2013</footer></body></html>"#;
        let (paras, meta) = extract(page).unwrap();
        let all = paras.join("\n");
        assert!(all.contains("أكثر من 30 آخرين"), "{all}");
        for gone in ["var x", "99", "إعلان", "الرئيسية", "77", "محفوظة"] {
            assert!(!all.contains(gone), "{gone} in {all}");
        }
        assert_eq!(meta.url.as_deref(), Some("https://news.test/a/1"));
        assert_eq!(meta.lang.as_deref(), Some("ar"));
        assert_eq!(meta.outlet.as_deref(), Some("الموقع"));
        assert_eq!(
            meta.published.unwrap().rfc3339(),
            "2013-02-05T10:20:00+02:00"
        );
    }
}
