//! Corpora as news data sets are shared: JSON Lines (one object a line) and CSV/TSV
//! (a header row), each record an article with text and metadata columns. Column names
//! are configurable (`--columns text=body,published=date`); common names are known.

use std::collections::BTreeMap;

use super::{Format, Input, Parsed};
use crate::corpus::CorpusError;
use crate::corpus::frontmatter::meta_from;
use crate::corpus::hardwrap::{self, ParagraphMode};

/// Names tried for the text column, in order, unless one is given.
const TEXT_COLUMNS: [&str; 7] = [
    "text", "content", "body", "article", "maintext", "story", "nm",
];

pub struct JsonLines;
pub struct Csv;

impl Format for JsonLines {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn sniff(&self, ext: Option<&str>, head: &str) -> bool {
        let first = head.trim_start_matches('\u{feff}').trim_start();
        first.starts_with('{')
            && (matches!(ext, Some("jsonl" | "ndjson" | "json"))
                || first.contains("\n{")
                || !first.contains('\n'))
    }

    fn parse(&self, input: &Input<'_>) -> Result<Vec<Parsed>, CorpusError> {
        let mut out = Vec::new();
        for (n, line) in input.text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| CorpusError::Format {
                    path: input.path.to_path_buf(),
                    problem: format!("line {}: not a JSON object: {e}", n + 1),
                })?;
            let Some(obj) = v.as_object() else {
                return Err(CorpusError::Format {
                    path: input.path.to_path_buf(),
                    problem: format!("line {}: not a JSON object", n + 1),
                });
            };
            let get = |k: &str| {
                obj.get(k).and_then(|v| match v {
                    serde_json::Value::String(s) => Some(s.clone()),
                    serde_json::Value::Number(x) => Some(x.to_string()),
                    serde_json::Value::Array(a) => {
                        a.first().and_then(|v| v.as_str()).map(str::to_owned)
                    }
                    _ => None,
                })
            };
            out.push(record(input, &format!("line {}", n + 1), get)?);
        }
        if out.is_empty() {
            return Err(CorpusError::Format {
                path: input.path.to_path_buf(),
                problem: "no records".into(),
            });
        }
        Ok(out)
    }
}

impl Format for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn sniff(&self, ext: Option<&str>, _head: &str) -> bool {
        matches!(ext, Some("csv" | "tsv"))
    }

    fn parse(&self, input: &Input<'_>) -> Result<Vec<Parsed>, CorpusError> {
        let bad = |problem: String| CorpusError::Format {
            path: input.path.to_path_buf(),
            problem,
        };
        let delim = if input.ext == Some("tsv") {
            b'\t'
        } else {
            b','
        };
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(delim)
            .flexible(true)
            .from_reader(input.text.trim_start_matches('\u{feff}').as_bytes());
        let headers: Vec<String> = rd
            .headers()
            .map_err(|e| bad(format!("header row: {e}")))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        let mut out = Vec::new();
        for (n, rec) in rd.records().enumerate() {
            let rec = rec.map_err(|e| bad(format!("record {}: {e}", n + 1)))?;
            let row: BTreeMap<&str, &str> =
                headers.iter().map(String::as_str).zip(rec.iter()).collect();
            let get = |k: &str| {
                row.get(k.to_ascii_lowercase().as_str())
                    .map(|s| s.to_string())
                    .filter(|s| !s.is_empty())
            };
            out.push(record(input, &format!("row {}", n + 2), get)?);
        }
        if out.is_empty() {
            return Err(bad("no records".into()));
        }
        Ok(out)
    }
}

/// One record's article; `at` says where it is for errors and is its item when it has
/// no id.
fn record(
    input: &Input<'_>,
    at: &str,
    get: impl Fn(&str) -> Option<String>,
) -> Result<Parsed, CorpusError> {
    let cols = &input.opts.columns;
    // A renamed field is looked up by its column name only.
    let get_field = |field: &str| match cols.get(field) {
        Some(col) => get(col),
        None => get(field),
    };
    let text = match cols.get("text") {
        Some(col) => get(col),
        None => TEXT_COLUMNS.iter().find_map(|c| get(c)),
    }
    .ok_or_else(|| CorpusError::Format {
        path: input.path.to_path_buf(),
        problem: format!(
            "{at}: no text column (tried {}; name it with --columns text=NAME)",
            cols.get("text")
                .map_or_else(|| TEXT_COLUMNS.join(", "), |c| c.clone())
        ),
    })?;
    let meta = meta_from(input.path, |k| {
        // The standard field names map through `--columns`; synonyms are tried as is.
        if cols.contains_key(k) {
            get_field(k)
        } else {
            get(k)
        }
    })
    .map_err(|e| CorpusError::Format {
        path: input.path.to_path_buf(),
        problem: format!(
            "{at}: {}",
            e.to_string()
                .split_once(": ")
                .map_or(String::new(), |(_, r)| r.to_owned())
        ),
    })?;
    let blank = match input.opts.paragraphs {
        ParagraphMode::Line => false,
        ParagraphMode::Blank => true,
        ParagraphMode::Auto => hardwrap::looks_hard_wrapped(&text),
    };
    let body = if blank {
        hardwrap::join_blocks(&text)
    } else {
        let mut t: String = text
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n");
        t.push('\n');
        t
    };
    let item = meta.id.clone().unwrap_or_else(|| at.to_owned());
    Ok(Parsed {
        item: Some(item),
        body: Some(body),
        meta,
    })
}
