//! Machine formats, written as they are produced: CSV (RFC 4180, via `csv`), JSON Lines
//! (one object per line) and whole JSON documents, both carrying `"version"`.
//!
//! Text from articles may hold escape sequences or bidi overrides. CSV cells go through
//! `safe_line` (one line, controls as visible `<U+XXXX>`); JSON writes them as `\uXXXX`
//! escapes, which parse back to the same string but cannot act on a terminal.

use std::io::{self, Write};

use serde::Serialize;

use crate::bookmarks::display::{escape_json, safe_line};

/// The version of qarin's JSON and JSON Lines outputs. Fields are only ever added
/// within a version; a rename or removal bumps it.
pub const FORMAT_VERSION: u32 = 1;

/// Wraps a writer so non-ASCII control and bidi characters written into it (serde_json
/// writes them raw) come out as JSON `\uXXXX` escapes.
pub struct SafeJson<W: Write> {
    inner: W,
    /// The start of a UTF-8 sequence split across two writes.
    pending: Vec<u8>,
}

impl<W: Write> SafeJson<W> {
    pub fn new(inner: W) -> Self {
        SafeJson {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for SafeJson<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => return Err(io::Error::new(io::ErrorKind::InvalidData, "not UTF-8")),
        };
        // `valid` bytes were just checked.
        let text = std::str::from_utf8(&self.pending[..valid]).unwrap_or_default();
        // Most text has nothing to escape: then it is written as it is, not copied.
        if text
            .chars()
            .any(|c| (c == '\u{7f}' || !c.is_ascii()) && crate::text::safe::is_unsafe(c))
        {
            self.inner.write_all(escape_json(text).as_bytes())?;
        } else {
            self.inner.write_all(text.as_bytes())?;
        }
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes serde_json's output through [`SafeJson`] in one piece: streamed, serde_json
/// makes a write per token, and each cost a UTF-8 check and an escaped copy (a tenth
/// of a cold `qarin stories --format json`, docs/stories.md, Speed).
fn write_safe(out: &mut impl Write, json: &[u8]) -> io::Result<()> {
    SafeJson::new(out).write_all(json)
}

/// A JSON document: `{"version": N, ...body}`, pretty-printed, streamed to `out`.
pub fn json_document<T: Serialize>(out: &mut impl Write, body: &T) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(&Versioned {
        version: FORMAT_VERSION,
        body,
    })?;
    write_safe(out, &json)?;
    out.write_all(b"\n")
}

/// [`json_document`] written as serde_json makes it (through a buffer: [`SafeJson`]
/// then checks large pieces), for a body too large to hold (`bookmarks list`).
pub fn json_document_streamed<T: Serialize>(out: &mut impl Write, body: &T) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, SafeJson::new(&mut *out));
    serde_json::to_writer_pretty(
        &mut w,
        &Versioned {
            version: FORMAT_VERSION,
            body,
        },
    )?;
    w.flush()?;
    drop(w);
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct Versioned<'a, T> {
    version: u32,
    #[serde(flatten)]
    body: &'a T,
}

/// JSON Lines: one object per line. The first line is a header,
/// `{"type":"header","version":N,"command":...}`; every record has a `"type"`.
pub struct Jsonl<W: Write> {
    out: W,
}

impl<W: Write> Jsonl<W> {
    /// Starts the stream with its header line.
    pub fn new(out: W, command: &str) -> io::Result<Self> {
        Self::with_header(out, command, &serde_json::Map::new())
    }

    /// Starts the stream with a header that also carries the fields of `extra` (an
    /// object: `{"file": ...}`), after `command`, `type` and `version`.
    pub fn with_header<T: Serialize>(mut out: W, command: &str, extra: &T) -> io::Result<Self> {
        #[derive(Serialize)]
        // Keys in alphabetical order, as the header has always been written.
        struct Header<'a, T> {
            command: &'a str,
            #[serde(rename = "type")]
            kind: &'a str,
            version: u32,
            #[serde(flatten)]
            extra: &'a T,
        }
        let header = Header {
            kind: "header",
            version: FORMAT_VERSION,
            command,
            extra,
        };
        write_safe(&mut out, &serde_json::to_vec(&header)?)?;
        out.write_all(b"\n")?;
        Ok(Jsonl { out })
    }

    /// Writes `{"type": kind, ...record}` as one line.
    pub fn record<T: Serialize>(&mut self, kind: &str, record: &T) -> io::Result<()> {
        #[derive(Serialize)]
        struct Typed<'a, T> {
            #[serde(rename = "type")]
            kind: &'a str,
            #[serde(flatten)]
            record: &'a T,
        }
        write_safe(&mut self.out, &serde_json::to_vec(&Typed { kind, record })?)?;
        self.out.write_all(b"\n")
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

/// CSV with a header row; every cell one safe line.
pub struct Csv<W: Write> {
    out: csv::Writer<W>,
}

impl<W: Write> Csv<W> {
    pub fn new(out: W, header: &[&str]) -> io::Result<Self> {
        let mut out = csv::WriterBuilder::new().from_writer(out);
        out.write_record(header).map_err(io::Error::other)?;
        Ok(Csv { out })
    }

    pub fn row<I, S>(&mut self, cells: I) -> io::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells.into_iter().map(|c| safe_line(c.as_ref())).collect();
        self.out.write_record(&cells).map_err(csv_io)
    }

    pub fn finish(self) -> io::Result<W> {
        self.out.into_inner().map_err(|e| e.into_error())
    }
}

/// The I/O error inside a csv error (a closed pipe must stay recognisable).
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_document_has_version_and_no_raw_controls() {
        let mut out = Vec::new();
        json_document(&mut out, &serde_json::json!({"text": "a\u{202E}ب\u{1b}"})).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(!s.contains('\u{202E}') && !s.contains('\u{1b}'), "{s}");
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["version"], FORMAT_VERSION);
        assert_eq!(v["text"], "a\u{202E}ب\u{1b}");
    }

    #[test]
    fn split_utf8_writes_are_joined() {
        let mut out = Vec::new();
        let mut w = SafeJson::new(&mut out);
        let bytes = "ق\u{202E}".as_bytes();
        for b in bytes {
            w.write_all(std::slice::from_ref(b)).unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "ق\\u202e");
    }

    #[test]
    fn jsonl_lines_parse_one_by_one() {
        let mut j = Jsonl::new(Vec::new(), "claims").unwrap();
        j.record("claim", &serde_json::json!({"id": 0, "text": "2000\nجندي"}))
            .unwrap();
        let out = String::from_utf8(j.into_inner()).unwrap();
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["version"], FORMAT_VERSION);
        assert_eq!(lines[1]["type"], "claim");
        assert_eq!(lines[1]["text"], "2000\nجندي");
    }

    #[test]
    fn jsonl_header_carries_extra_fields_escaped() {
        let extra = serde_json::json!({"file": "/tmp/\u{202E}b.json"});
        let j = Jsonl::with_header(Vec::new(), "bookmarks list", &extra).unwrap();
        let out = String::from_utf8(j.into_inner()).unwrap();
        assert_eq!(
            out,
            "{\"command\":\"bookmarks list\",\"type\":\"header\",\"version\":1,\"file\":\"/tmp/\\u202eb.json\"}\n"
        );
    }

    #[test]
    fn csv_quotes_and_flattens_cells() {
        let mut c = Csv::new(Vec::new(), &["a", "b"]).unwrap();
        c.row(["x,\"y\"", "سطر\nثان\u{1b}"]).unwrap();
        let out = String::from_utf8(c.finish().unwrap()).unwrap();
        assert_eq!(out, "a,b\n\"x,\"\"y\"\"\",سطر ثان<U+001B>\n");
    }
}
