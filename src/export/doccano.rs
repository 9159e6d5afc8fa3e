//! doccano JSONL, in both shapes doccano 1.8 imports (see `formats.md`):
//!
//! - `OUT` (sequence labelling): `{"text", "label": [[start, end, "LABEL"], …], "doc_id", "title"}`;
//! - `OUT-STEM.relations.jsonl` beside it ("JSONL (Relation)"): `{"text", "entities": [{"id",
//!   "start_offset", "end_offset", "label", "attribution"}], "relations": [{"id", "from_id", "to_id", "type"}],
//!   "doc_id", "title"}`. Entity and relation ids run across the whole file.
//!
//! A quotation's entity in the relation file carries its attribution type (`"attribution":
//! "statement"`, also `belief`, `evidence`, `question`) and, when other versions of its statement
//! are exported, the statement's name (`"statement": "s3"`), which import reads back.
//!
//! doccano keeps unknown top-level keys (`doc_id`, `title`) as the example's metadata.
//!
//! **Offsets:** Unicode code points, end exclusive. Files are plain UTF-8 without BOM; in doccano
//! pick the UTF-8 encoding explicitly (its "Auto" detection misreads UTF-8 with emoji).
//!
//! **Cannot hold:** statuses (with `--include-suggestions` suggested spans are indistinguishable
//! from reviewed ones; the report says how many), tags, notes, entity links and layers. Overlapping
//! spans are written, but doccano drops them unless the project allows overlapping spans.
//! Relations exist only in the relation file. `crate::import::from_tool` reads either shape.

use super::{DocSel, Error, LeftOut, Selection, attribution_name, statement_name, write_file};
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Serialize)]
struct SpansLine<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    doc_id: u32,
    title: &'a str,
}

#[derive(Serialize)]
struct RelationsLine<'a> {
    text: &'a str,
    entities: Vec<EntityOut<'a>>,
    relations: Vec<RelationOut>,
    doc_id: u32,
    title: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: usize,
    start_offset: usize,
    end_offset: usize,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    statement: Option<String>,
}

#[derive(Serialize)]
struct RelationOut {
    id: usize,
    from_id: usize,
    to_id: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// The relation file's name: `x.jsonl` → `x.relations.jsonl`.
pub fn relations_path(out: &Path) -> PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "doccano".into());
    out.with_file_name(format!("{stem}.relations.jsonl"))
}

fn spans_line<'a>(d: &DocSel<'a>) -> SpansLine<'a> {
    SpansLine {
        text: &d.doc.text,
        label: d.anns.iter().map(|a| (a.span.start(), a.span.end(), a.label.as_str())).collect(),
        doc_id: d.doc.id.0,
        title: &d.doc.title,
    }
}

/// `first_entity` and `first_relation` are the ids before this line's first ones.
fn relations_line<'a>(
    selection: &Selection<'a>,
    d: &DocSel<'a>,
    first_entity: usize,
    first_relation: &mut usize,
) -> RelationsLine<'a> {
    let entities = d
        .anns
        .iter()
        .map(|a| EntityOut {
            id: first_entity + selection.local(a),
            start_offset: a.span.start(),
            end_offset: a.span.end(),
            label: &a.label,
            attribution: attribution_name(a),
            statement: statement_name(a),
        })
        .collect();
    let mut relations = Vec::new();
    for &a in &d.anns {
        for (relation, to, _) in selection.relations(a) {
            *first_relation += 1;
            relations.push(RelationOut {
                id: *first_relation,
                from_id: first_entity + selection.local(a),
                to_id: first_entity + to,
                kind: relation.name(),
            });
        }
    }
    RelationsLine { text: &d.doc.text, entities, relations, doc_id: d.doc.id.0, title: &d.doc.title }
}

pub(crate) fn write(selection: &Selection, out: &Path, left_out: &mut LeftOut) -> Result<Vec<PathBuf>, Error> {
    let all = || selection.docs.iter().flat_map(|d| d.anns.iter());
    let suggested = all().filter(|a| !a.is_reviewed()).count();
    left_out.add(
        suggested,
        "suggestion written without its status (doccano has no status)",
        "suggestions written without their status (doccano has no status)",
    );
    left_out.add(all().filter(|a| !a.tags.is_empty()).count(), "annotation's tags", "annotations' tags");
    left_out.add(all().filter(|a| !a.note.is_empty()).count(), "note", "notes");
    left_out.add(all().filter(|a| a.links.entity.is_some()).count(), "entity link", "entity links");
    left_out.dangling(selection);
    let spans = write_file(out, |w| {
        for d in &selection.docs {
            serde_json::to_writer(&mut *w, &spans_line(d))?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })?;
    let relations = write_file(&relations_path(out), |w| {
        let (mut entity, mut relation) = (0, 0);
        for d in &selection.docs {
            serde_json::to_writer(&mut *w, &relations_line(selection, d, entity, &mut relation))?;
            w.write_all(b"\n")?;
            entity += d.anns.len();
        }
        Ok(())
    })?;
    Ok(vec![spans, relations])
}
