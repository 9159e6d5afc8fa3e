//! CSV of quotes for spreadsheets: one row per exported quote (each part of a split quote is its
//! own row), with the columns `document, quote text, kind, type, speaker, speaker mention, cue,
//! start, end, status, tags, note, statement`. `type` is the attribution type: statement, belief,
//! evidence or question. `statement` names the statement a quote reports when other documents
//! report it too (`s1`, `s2` …: rows with one name are versions of one statement, across
//! documents); it is empty otherwise.
//!
//! `speaker` is the canonical name of the entity the speaker mention refers to; `speaker mention`
//! and `cue` are the texts of the linked annotations (a later part of a split quote takes them from
//! the first part when it has none of its own). `tags` are joined with "; ". Fields holding commas,
//! quotes or line breaks are quoted the RFC 4180 way by the `csv` crate.
//!
//! **Offsets:** `start` and `end` are Unicode code points, end exclusive (Python string indices).
//! The file is UTF-8 and starts with a BOM so that spreadsheet programs recognise the encoding
//! (read it in Python with `encoding="utf-8-sig"`).
//!
//! **Cannot hold:** annotations that are not quotes, except as the speaker and cue columns of a
//! quote: the report counts the others (mentions, unlinked speakers and cues, custom layers). Not
//! importable.

use super::{DocSel, Error, LeftOut, Relation, Selection, status_name, write_file};
use crate::model::{Annotation, Layer};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

const HEADER: [&str; 13] = [
    "document",
    "quote text",
    "kind",
    "type",
    "speaker",
    "speaker mention",
    "cue",
    "start",
    "end",
    "status",
    "tags",
    "note",
    "statement",
];

/// The exported target of a relation from `a`, or from the first part of its split quote.
fn linked<'p>(selection: &Selection<'p>, a: &'p Annotation, wanted: Relation) -> Option<&'p Annotation> {
    let own = selection.relations(a).find(|(r, _, _)| *r == wanted).map(|x| x.2);
    own.or_else(|| {
        let first = selection.relations(a).find(|(r, _, _)| *r == Relation::PartOf)?.2;
        selection.relations(first).find(|(r, _, _)| *r == wanted).map(|x| x.2)
    })
}

fn write_doc<W: Write>(selection: &Selection, d: &DocSel, out: &mut ::csv::Writer<W>) -> ::csv::Result<()> {
    for &a in d.anns.iter().filter(|a| a.layer == Layer::Quote) {
        let speaker = linked(selection, a, Relation::SpokenBy);
        let entity = speaker.and_then(|s| s.links.entity).and_then(|id| selection.project.entity(id));
        let cue = linked(selection, a, Relation::CuedBy);
        let (start, end) = (a.span.start().to_string(), a.span.end().to_string());
        let statement = a.links.statement.map(|s| s.to_string()).unwrap_or_default();
        out.write_record([
            d.doc.title.as_str(),
            d.text_of(a),
            &a.label,
            a.attribution_type().name(),
            entity.map_or("", |e| e.name.as_str()),
            speaker.map_or("", |s| d.text_of(s)),
            cue.map_or("", |c| d.text_of(c)),
            &start,
            &end,
            status_name(a),
            &a.tags.join("; "),
            &a.note,
            &statement,
        ])?;
    }
    Ok(())
}

pub(crate) fn write(selection: &Selection, out: &Path, left_out: &mut LeftOut) -> Result<Vec<PathBuf>, Error> {
    let mut shown: HashSet<usize> = HashSet::new();
    let mut others = 0;
    for d in &selection.docs {
        shown.clear();
        for &a in d.anns.iter().filter(|a| a.layer == Layer::Quote) {
            for r in [Relation::SpokenBy, Relation::CuedBy] {
                if let Some(t) = linked(selection, a, r) {
                    shown.insert(selection.local(t));
                }
            }
        }
        others += d.anns.iter().filter(|a| a.layer != Layer::Quote && !shown.contains(&selection.local(a))).count();
    }
    left_out.add(
        others,
        "annotation that is neither a quote nor a quote's speaker or cue (CSV lists quotes)",
        "annotations that are neither quotes nor a quote's speaker or cue (CSV lists quotes)",
    );
    left_out.dangling(selection);
    let file = write_file(out, |w| {
        w.write_all("\u{feff}".as_bytes())?;
        let mut writer = ::csv::Writer::from_writer(w);
        writer.write_record(HEADER)?;
        for d in &selection.docs {
            write_doc(selection, d, &mut writer)?;
        }
        writer.flush()
    })?;
    Ok(vec![file])
}
