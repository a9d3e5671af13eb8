//! One document: decode its bytes, segment it, render its output records.

use super::input::{InputFormat, Origin, RawDoc};
use super::BadInput;
use anyhow::Result;
use newsseg::records;
use newsseg::{Segmentation, Segmenter};
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;

/// How documents are decoded and rendered.
pub struct Options {
    /// JSONL field holding the dump.
    pub text_field: String,
    /// JSONL field holding the document id.
    pub id_field: String,
    /// Replace invalid UTF-8 instead of failing.
    pub lossy: bool,
    /// One record per article instead of one per document.
    pub split: bool,
}

/// The output of one document.
pub struct Rendered {
    /// The records, each a JSON line ending in `\n`.
    pub buf: Vec<u8>,
    /// End offset in `buf` of each record.
    pub record_ends: Vec<usize>,
    /// Number of articles found.
    pub articles: usize,
    /// The dump held no text.
    pub empty: bool,
    /// Invalid UTF-8 was replaced.
    pub lossy: bool,
}

impl Rendered {
    /// The records, each with its final newline.
    pub fn records(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.record_ends.iter().copied());
        starts
            .zip(&self.record_ends)
            .map(|(start, &end)| &self.buf[start..end])
    }
}

/// A decoded document.
struct Doc<'a> {
    id: Value,
    text: Cow<'a, str>,
    lossy: bool,
}

/// Segments one raw document; bad input is an error wrapping [`BadInput`].
pub fn process(raw: &RawDoc, segmenter: &Segmenter, opts: &Options) -> Result<Rendered> {
    let doc = match raw.format {
        InputFormat::Jsonl => decode_jsonl(raw, opts)?,
        _ => decode_text(raw, opts)?,
    };
    let seg = segmenter.segment(&doc.text);
    let mut out = Rendered {
        buf: Vec::new(),
        record_ends: Vec::new(),
        articles: seg.articles.len(),
        empty: newsseg::text::trim_blank(&doc.text).is_empty(),
        lossy: doc.lossy,
    };
    if opts.split {
        for record in records::split(&doc.text, &seg) {
            out.push(&SplitLine {
                id: &doc.id,
                record: &record,
            })?;
        }
    } else {
        out.push(&DocLine {
            id: &doc.id,
            segmentation: &seg,
        })?;
    }
    Ok(out)
}

impl Rendered {
    fn push(&mut self, record: &impl Serialize) -> Result<()> {
        serde_json::to_writer(&mut self.buf, record)?;
        self.buf.push(b'\n');
        self.record_ends.push(self.buf.len());
        Ok(())
    }
}

/// The output record of one document.
#[derive(Serialize)]
struct DocLine<'a> {
    id: &'a Value,
    #[serde(flatten)]
    segmentation: &'a Segmentation,
}

/// The output record of one article in `--split` mode.
#[derive(Serialize)]
struct SplitLine<'a> {
    id: &'a Value,
    #[serde(flatten)]
    record: &'a records::ArticleRecord,
}

fn decode_text<'a>(raw: &'a RawDoc, opts: &Options) -> Result<Doc<'a>, BadInput> {
    let (text, lossy) = utf8(raw, &raw.bytes, opts.lossy)?;
    Ok(Doc {
        id: Value::String(raw.origin.file.to_string()),
        text,
        lossy,
    })
}

fn decode_jsonl(raw: &RawDoc, opts: &Options) -> Result<Doc<'static>, BadInput> {
    let bad = |reason: String| BadInput::new(place(&raw.origin), reason);
    let malformed = |e: serde_json::Error| bad(format!("malformed JSON ({e})"));
    // A line checked as UTF-8 at once (SIMD) is parsed as text, which serde_json reads
    // without checking each string again; only a line that fails is looked at again,
    // and its invalid UTF-8 is reported by its byte offset (or replaced with `--lossy`)
    // like a text dump's.
    let (value, lossy): (Value, bool) = match utf8_fast(&raw.bytes) {
        Some(line) => (serde_json::from_str(line).map_err(malformed)?, false),
        None => {
            let (line, lossy) = utf8(raw, &raw.bytes, opts.lossy)?;
            (serde_json::from_str(&line).map_err(malformed)?, lossy)
        }
    };
    let Value::Object(mut record) = value else {
        return Err(bad("the record is not a JSON object".into()));
    };
    let id = record
        .remove(&opts.id_field)
        .ok_or_else(|| bad(format!("missing field {:?}", opts.id_field)))?;
    let text = match record.remove(&opts.text_field) {
        Some(Value::String(text)) => text,
        Some(_) => return Err(bad(format!("field {:?} is not a string", opts.text_field))),
        None => return Err(bad(format!("missing field {:?}", opts.text_field))),
    };
    Ok(Doc {
        id,
        text: Cow::Owned(text),
        lossy,
    })
}

/// The bytes as text when they are valid UTF-8, checked with SIMD instructions (several
/// times faster on Chinese text than the standard library's check).
fn utf8_fast(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// The bytes as text: invalid UTF-8 is replaced (`lossy`) or a [`BadInput`] naming the
/// byte offset in the input.
fn utf8<'a>(raw: &RawDoc, bytes: &'a [u8], lossy: bool) -> Result<(Cow<'a, str>, bool), BadInput> {
    if let Some(text) = utf8_fast(bytes) {
        return Ok((Cow::Borrowed(text), false));
    }
    // The standard library's check tells where the invalid byte is.
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), false)),
        Err(_) if lossy => Ok((String::from_utf8_lossy(bytes), true)),
        Err(e) => {
            let at = e.valid_up_to();
            let offset = raw.origin.offset + at as u64;
            let line = match raw.origin.line {
                Some(line) => line,
                None => bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1,
            };
            Err(BadInput::new(
                format!("{}:{line}", raw.origin.file),
                format!("invalid UTF-8 at byte {offset}"),
            ))
        }
    }
}

/// `FILE:LINE` of a JSONL record, `FILE` of a whole dump.
fn place(origin: &Origin) -> String {
    match origin.line {
        Some(line) => format!("{}:{line}", origin.file),
        None => origin.file.to_string(),
    }
}
