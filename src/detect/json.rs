//! The `sayso detect --json` object: one line per file, code-point offsets, end exclusive.
//!
//! Built with `serde_json::json!` rather than derived, so the wire format stays exactly what the
//! issue specifies even as the internal structs grow fields.

use super::Detections;
use serde_json::{Value, json};

/// `{"file","chars","quotes":[…],"mentions":[…],"entities":[…]}` for one text.
pub fn to_json(file: &str, text: &str, d: &Detections) -> Value {
    let chars: Vec<char> = text.chars().collect();
    let s = |a: usize, b: usize| super::slice(&chars, a, b);
    let quotes: Vec<Value> = d
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let speaker = q
                .speaker
                .and_then(|i| d.mentions.get(i))
                .map(|m| json!({"start": m.start, "end": m.end, "text": s(m.start, m.end)}));
            let cue = q.cue.map(|(a, b)| json!({"start": a, "end": b, "text": s(a, b)}));
            json!({
                "start": q.start,
                "end": q.end,
                "text": s(q.start, q.end),
                "kind": q.kind,
                "type": q.attribution.name(),
                // The parts of a quotation split around its attribution share the first part's index.
                "quotation": q.part_of.unwrap_or(i),
                "speaker": speaker,
                "speaker_entity": q.speaker_entity,
                "cue": cue,
            })
        })
        .collect();
    let mentions: Vec<Value> = d.mentions.iter().map(|m| json!({"start": m.start, "end": m.end, "text": s(m.start, m.end), "label": m.label, "form": m.form.name(), "entity": m.entity})).collect();
    let entities: Vec<Value> =
        d.entities.iter().map(|e| json!({"id": e.id, "label": e.label, "name": e.name})).collect();
    json!({"file": file, "chars": chars.len(), "quotes": quotes, "mentions": mentions, "entities": entities})
}
