//! Import, and export → import → export giving identical files.

use crate::export_fixture;

use export_fixture::fixture;
use proptest::prelude::*;
use sayso::export::{self, Format, Options};
use sayso::model::{AnnId, Annotation, DocId, Document, Layer, Origin, Project, Span, Status, TextIndex};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const DEFAULT: Options = Options { include_suggestions: false };

/// Every file an export wrote, by name (brat's `.conf` files list the schema, not the data).
fn files(report: &export::Report) -> BTreeMap<String, Vec<u8>> {
    report
        .files
        .iter()
        .filter(|p| p.extension().is_none_or(|e| e != "conf"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap()))
        .collect()
}

fn out_path(dir: &Path, format: Format) -> PathBuf {
    if format.writes_folder() { dir.join("brat") } else { dir.join(format!("out.{}", format.extension())) }
}

/// Exports, imports what was written, exports again; returns the imported project.
fn round_trip(project: &Project, format: Format, import_from: impl Fn(&export::Report) -> PathBuf) -> Project {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let first = export::export(project, format, &out_path(a.path(), format), &DEFAULT).unwrap();
    let from = import_from(&first);
    let imported = sayso::import::from_tool(&from, format).unwrap();
    let second = export::export(&imported, format, &out_path(b.path(), format), &DEFAULT).unwrap();
    assert_eq!(first.exported, second.exported, "{format}");
    // A folder (brat) is compared whole; of doccano's two files, the one imported.
    let read = |r: &export::Report| {
        let mut all = files(r);
        if !from.is_dir() {
            all.retain(|name, _| from.file_name().is_some_and(|f| f.to_string_lossy() == *name));
        }
        all
    };
    let (one, two) = (read(&first), read(&second));
    assert!(!one.is_empty());
    assert_eq!(one.keys().collect::<Vec<_>>(), two.keys().collect::<Vec<_>>(), "{format}");
    for (name, bytes) in &one {
        assert!(
            *bytes == two[name],
            "{format}: {name} differs\n--- first\n{}\n--- second\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&two[name])
        );
    }
    imported
}

fn check_imported(imported: &Project, format: Format) {
    assert!(!imported.annotations.is_empty());
    for a in &imported.annotations {
        assert_eq!(a.status, Status::Accepted);
        assert_eq!(a.origin, Origin::Imported { format: format.name().into() });
        let doc = imported.document(a.doc).unwrap();
        a.span.check_within(doc.len_chars()).unwrap();
    }
    assert!(imported.documents.iter().all(|d| d.hash_matches()));
}

#[test]
fn spacy_round_trips_and_keeps_links_entities_tags_and_notes() {
    let project = fixture();
    let imported = round_trip(&project, Format::Spacy, |r| r.files[0].clone());
    check_imported(&imported, Format::Spacy);
    let quote = imported.annotations.iter().find(|a| a.tags == ["front-page", "promise"]).unwrap();
    let speaker = imported.annotation(quote.links.speaker.unwrap()).unwrap();
    assert_eq!(speaker.label, "SPEAKER");
    assert_eq!(imported.entity(speaker.links.entity.unwrap()).unwrap().aliases, ["Adams", "the mayor"]);
    let claim = imported.annotations.iter().find(|a| a.label == "CLAIM").unwrap();
    assert_eq!(claim.layer, Layer::Custom("claim".into()));
    assert!(imported.annotations.iter().any(|a| a.links.part_of.is_some()));
    assert_eq!(imported.documents[1].title, project.documents[1].title);
}

#[test]
fn doccano_round_trips_in_both_shapes() {
    let project = fixture();
    let imported = round_trip(&project, Format::Doccano, |r| r.files[0].clone());
    check_imported(&imported, Format::Doccano);
    assert!(imported.annotations.iter().all(|a| a.links.is_empty()));
    let imported = round_trip(&project, Format::Doccano, |r| r.files[1].clone());
    let quote = imported.annotations.iter().find(|a| a.label == "DIRECT").unwrap();
    assert!(quote.links.speaker.is_some() && quote.links.cue.is_some());
}

#[test]
fn brat_round_trips_from_a_folder_and_from_one_pair() {
    let project = fixture();
    let imported = round_trip(&project, Format::Brat, |r| r.files[0].parent().unwrap().to_path_buf());
    check_imported(&imported, Format::Brat);
    assert_eq!(imported.documents.len(), project.documents.len());
    let quote = imported.annotations.iter().find(|a| a.tags == ["front-page", "promise"]).unwrap();
    assert_eq!(quote.note, "Checked against the council minutes, p. 3");
    let speaker = imported.annotation(quote.links.speaker.unwrap()).unwrap();
    assert_eq!(imported.entity(speaker.links.entity.unwrap()).unwrap().name, "Zoë Adams");
    // One pair, named by its .ann or its .txt.
    let dir = tempfile::tempdir().unwrap();
    let report = export::export(&project, Format::Brat, &dir.path().join("b"), &DEFAULT).unwrap();
    let ann = report.files.iter().find(|p| p.ends_with("d2-lavrov-strategy-is-simple-crlf.ann")).unwrap();
    for path in [ann.clone(), ann.with_extension("txt")] {
        let one = sayso::import::from_tool(&path, Format::Brat).unwrap();
        assert_eq!(one.documents.len(), 1);
        assert_eq!(one.documents[0].id, DocId(2));
        assert_eq!(one.documents[0].text, project.documents[1].text);
    }
}

#[test]
fn brat_import_normalises_crlf_and_shifts_offsets() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "\u{feff}One said:\r\n“Two.”\r\nThree 📰 Zoe\u{308}\r\n").unwrap();
    std::fs::write(dir.path().join("a.ann"), "T1\tDIRECT 12 18\t“Two.”\nT2\tPERSON 28 32\tZoe\u{308}\n").unwrap();
    let project = sayso::import::from_tool(dir.path(), Format::Brat).unwrap();
    let doc = &project.documents[0];
    assert_eq!(doc.text, "One said:\n“Two.”\nThree 📰 Zoe\u{308}\n");
    assert_eq!(doc.title, "a");
    let index = TextIndex::new(&doc.text);
    let texts: Vec<&str> =
        project.annotations.iter().map(|a| index.slice(&doc.text, a.span.start(), a.span.end())).collect();
    assert_eq!(texts, ["“Two.”", "Zoe\u{308}"]);
}

#[test]
fn import_errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.txt"), "Zoë Adams spoke.").unwrap();
    std::fs::write(dir.path().join("bad.ann"), "T1\tPERSON 0 9\tZoë Adams\nT2\tPERSON 1 9\tZoë Adams\n").unwrap();
    let err = sayso::import::from_tool(dir.path(), Format::Brat).unwrap_err().to_string();
    assert!(err.contains("bad.ann:2:") && err.contains("oë Adams"), "{err}");

    let jsonl = dir.path().join("d.jsonl");
    std::fs::write(
        &jsonl,
        "{\"text\": \"abc\", \"label\": [[0, 2, \"ORG\"]]}\n{\"text\": \"abc\", \"label\": [[0, 9, \"ORG\"]]}\n",
    )
    .unwrap();
    let err = sayso::import::from_tool(&jsonl, Format::Doccano).unwrap_err().to_string();
    assert!(err.contains("d.jsonl:2:") && err.contains("past the end"), "{err}");
    std::fs::write(
        &jsonl,
        "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"X\", \"text\": \"b\"}]}\n",
    )
    .unwrap();
    let err = sayso::import::from_tool(&jsonl, Format::Spacy).unwrap_err().to_string();
    assert!(err.contains("d.jsonl:1:") && err.contains("\"b\""), "{err}");
    std::fs::write(&jsonl, "not json\n").unwrap();
    assert!(sayso::import::from_tool(&jsonl, Format::Spacy).unwrap_err().to_string().contains("d.jsonl:1:"));
    let err = sayso::import::from_tool(&dir.path().join("missing.jsonl"), Format::Doccano).unwrap_err().to_string();
    assert!(err.contains("missing.jsonl"), "{err}");
    let empty = tempfile::tempdir().unwrap();
    assert!(sayso::import::from_tool(empty.path(), Format::Brat).unwrap_err().to_string().contains("no .ann"));
}

#[test]
fn doccano_import_reads_files_doccano_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("admin.jsonl");
    std::fs::write(
        &path,
        "{\"id\": 7, \"text\": \"Mayor Zoë said it.\", \"entities\": [{\"id\": 31, \"label\": \"SPEAKER\", \"start_offset\": 0, \"end_offset\": 9}, {\"id\": 32, \"label\": \"CUE\", \"start_offset\": 10, \"end_offset\": 14}], \"relations\": [{\"id\": 4, \"from_id\": 32, \"to_id\": 31, \"type\": \"speaker-of\"}], \"Comments\": []}\n",
    )
    .unwrap();
    let project = sayso::import::from_tool(&path, Format::Doccano).unwrap();
    assert_eq!(project.annotations.len(), 2);
    assert_eq!(project.annotations[0].layer, Layer::Speaker);
    assert_eq!(project.documents[0].title, "line 1");
}

fn arb_project() -> impl Strategy<Value = Project> {
    let text = proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("é"),
            Just("e\u{301}"),
            Just("📰"),
            Just(" "),
            Just("\n"),
            Just("“"),
            Just(","),
            Just("\t")
        ],
        1..60,
    )
    .prop_map(|parts| parts.concat());
    (text, proptest::collection::vec((0usize..80, 1usize..12, 0usize..4), 0..12)).prop_map(|(text, spans)| {
        let mut project = Project::default();
        project.documents.push(Document::new(DocId(1), "Random \"text\"", text.clone()));
        let len = text.chars().count();
        let labels = ["DIRECT", "SPEAKER", "PERSON", "ORG"];
        for (start, width, label) in spans {
            let start = start % len;
            let Ok(span) = Span::new(start, (start + width).min(len)) else { continue };
            // brat cannot hold line breaks at a span's edges (they are trimmed and reported).
            let index = TextIndex::new(&text);
            let covered = index.slice(&text, span.start(), span.end());
            if covered.starts_with('\n') || covered.ends_with('\n') {
                continue;
            }
            let id = project.next_ann_id();
            let layer = [Layer::Quote, Layer::Speaker, Layer::Mention, Layer::Mention][label].clone();
            let mut a = Annotation::new(id, DocId(1), span, layer, labels[label], Status::Accepted, Origin::Analyst);
            if id.0 > 1 && label == 0 {
                a.links.speaker = Some(AnnId(id.0 - 1));
            }
            project.put_annotation(a);
        }
        project
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_texts_round_trip_in_every_importable_format(project in arb_project()) {
        for format in Format::ALL.into_iter().filter(|f| f.can_import()) {
            let imported = round_trip(&project, format, |r| {
                if format.writes_folder() { r.files[0].parent().unwrap().to_path_buf() } else { r.files[0].clone() }
            });
            prop_assert_eq!(imported.annotations.len(), project.annotations.len());
            for (a, b) in imported.annotations.iter().zip(&project.annotations) {
                prop_assert_eq!(a.span, b.span);
            }
        }
    }
}
