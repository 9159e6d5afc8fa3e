//! The `sayso detect --json` object: one line per text, code-point offsets, end exclusive.
//!
//! Serialised straight from the detector's structures through borrowed views, with no JSON tree
//! in between, so writing the result costs a fraction of detecting it. Lines of a JSONL stream
//! carry the input's own fields (`id`, `url`, `outlet` …) first, then the same keys as a file's.

use super::{Detections, Entity, Mention, Quote, QuoteKind};
use crate::model::TextIndex;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::cell::{Cell, OnceCell};

/// A text's detections as JSON: `{…fields, "file"?, "chars", "quotes", "mentions", "entities"}`.
pub struct Json<'a> {
    /// Fields written first, as given (a stream's `id`, `url` …).
    pub fields: &'a [(&'a str, &'a serde_json::Value)],
    pub file: Option<&'a str>,
    pub text: &'a str,
    pub detections: &'a Detections,
}

/// Code point offsets into one text, sliced in order. Quotes and mentions come sorted, so a
/// cursor that walks forward from the last offset finds each in a few steps; a jump back or far
/// ahead asks a [`TextIndex`], built the first time one is needed.
struct Slicer<'a> {
    text: &'a str,
    /// The last offset found: (code point, byte).
    at: Cell<(usize, usize)>,
    index: OnceCell<TextIndex>,
}

/// Farthest the cursor walks forward before it asks the index instead.
const WALK: usize = 256;

impl<'a> Slicer<'a> {
    fn new(text: &'a str) -> Self {
        Slicer { text, at: Cell::new((0, 0)), index: OnceCell::new() }
    }

    fn byte_of(&self, char_offset: usize) -> usize {
        let (c, b) = self.at.get();
        let byte = if char_offset >= c && char_offset - c <= WALK {
            crate::model::advance(self.text, b, char_offset - c)
        } else {
            self.index.get_or_init(|| TextIndex::new(self.text)).byte_of(self.text, char_offset)
        };
        self.at.set((char_offset, byte));
        byte
    }

    fn span(&self, start: usize, end: usize) -> SpanOut<'a> {
        let from = self.byte_of(start);
        let to = self.byte_of(end.max(start));
        SpanOut { start, end, text: &self.text[from..to] }
    }
}

#[derive(serde::Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct QuoteOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: QuoteKind,
    #[serde(rename = "type")]
    attribution: &'static str,
    /// The parts of a quotation split around its attribution share the first part's index.
    quotation: usize,
    speaker: Option<SpanOut<'a>>,
    speaker_entity: Option<usize>,
    cue: Option<SpanOut<'a>>,
}

#[derive(serde::Serialize)]
struct MentionOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'a str,
    form: &'static str,
    entity: usize,
}

#[derive(serde::Serialize)]
struct EntityOut<'a> {
    id: usize,
    label: &'a str,
    name: &'a str,
}

/// A sequence serialised from an iterator made on demand, so no vector of views is built.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let slicer = Slicer::new(self.text);
        let d = self.detections;
        let mut map = serializer.serialize_map(None)?;
        for (key, value) in self.fields {
            map.serialize_entry(key, value)?;
        }
        if let Some(file) = self.file {
            map.serialize_entry("file", file)?;
        }
        map.serialize_entry("chars", &self.text.chars().count())?;
        let quote = |(i, q): (usize, &Quote)| QuoteOut {
            start: q.start,
            end: q.end,
            text: slicer.span(q.start, q.end).text,
            kind: q.kind,
            attribution: q.attribution.name(),
            quotation: q.part_of.unwrap_or(i),
            speaker: q.speaker.and_then(|m| d.mentions.get(m)).map(|m| slicer.span(m.start, m.end)),
            speaker_entity: q.speaker_entity,
            cue: q.cue.map(|(a, b)| slicer.span(a, b)),
        };
        map.serialize_entry("quotes", &Seq(|| d.quotes.iter().enumerate().map(quote)))?;
        let mention = |m: &'_ Mention| MentionOut {
            start: m.start,
            end: m.end,
            text: slicer.span(m.start, m.end).text,
            label: m.label,
            form: m.form.name(),
            entity: m.entity,
        };
        map.serialize_entry("mentions", &Seq(|| d.mentions.iter().map(mention)))?;
        map.serialize_entry("entities", &Seq(|| d.entities.iter().map(entity)))?;
        map.end()
    }
}

fn entity(e: &Entity) -> EntityOut<'_> {
    EntityOut { id: e.id, label: e.label, name: &e.name }
}

/// `{"file","chars","quotes":[…],"mentions":[…],"entities":[…]}` for one text, as a value.
pub fn to_json(file: &str, text: &str, d: &Detections) -> serde_json::Value {
    let json = Json { fields: &[], file: Some(file), text, detections: d };
    serde_json::to_value(&json).unwrap_or(serde_json::Value::Null)
}

/// Writes one text's detections as one line of JSON.
pub fn write_line(out: &mut (impl std::io::Write + ?Sized), json: &Json) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, json)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_agree_with_code_points_in_any_order() {
        let text = "Zoë said “ja” — 🙂 then Ώ, and ok.";
        let chars: Vec<char> = text.chars().collect();
        let slicer = Slicer::new(text);
        for (start, end) in [(0, 3), (4, 8), (9, 13), (2, 5), (16, 17), (0, chars.len()), (30, 31), (5, 5)] {
            let want: String = chars[start..end].iter().collect();
            assert_eq!(slicer.span(start, end).text, want, "{start}..{end}");
        }
        assert_eq!(crate::model::advance(text, 0, 99), text.len());
    }
}
