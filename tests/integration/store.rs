//! Project files: round trips, byte stability, and every kind of bad file.

use crate::common;

use proptest::prelude::*;
use sayso::model::*;
use sayso::store::{self, StoreError};
use std::path::Path;

fn reload(text: &str) -> Result<store::Loaded, StoreError> {
    store::from_ron(text, Path::new("test.ron"))
}

#[test]
fn round_trip_is_equal_and_byte_stable() {
    let project = common::project();
    let text = store::to_ron(&project);
    let loaded = reload(&text).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.project, project);
    assert_eq!(store::to_ron(&loaded.project), text);
}

#[test]
fn order_of_records_does_not_change_the_bytes() {
    let project = common::project();
    let mut shuffled = project.clone();
    shuffled.annotations.reverse();
    shuffled.entities.reverse();
    shuffled.annotations[0].tags.reverse();
    assert_eq!(store::to_ron(&shuffled), store::to_ron(&project));
}

#[test]
fn file_is_readable_ron() {
    let text = store::to_ron(&common::project());
    assert!(text.starts_with("// Sayso project."));
    assert!(text.contains("format_version: 6,"));
    let quote = common::project().annotation(AnnId(1)).unwrap().span;
    let compact = format!("span: ({}, {}),", quote.start(), quote.end());
    assert!(text.lines().any(|l| l.trim() == compact), "spans are compact tuples on a line of their own: {compact}");
    assert!(text.contains("status: Accepted"));
    // One annotation's change touches few lines: the format is line-oriented.
    let mut p = common::project();
    p.annotation_mut(AnnId(3)).unwrap().status = Status::Accepted;
    let changed = store::to_ron(&p);
    let diff = text.lines().zip(changed.lines()).filter(|(a, b)| a != b).count();
    assert_eq!(diff, 1);
}

/// Format 5 writes annotations in text order, so an analyst's addition lands beside the words it
/// marks (where git can merge it), whatever its id; a format 4 file, in id order, loads as it is.
#[test]
fn annotations_are_written_in_text_order_and_format_4_loads_as_it_is() {
    let mut p = common::project();
    p.analyst = "alice".into();
    let id = p.next_ann_id();
    let edit = sayso::edit::actions::create(&p, DocId(1), Span::new(0, 5).unwrap(), Layer::Mention, "ORG");
    let mut history = sayso::edit::History::default();
    history.apply(&mut p, "Create", edit).unwrap();
    assert_eq!(p.annotation(id).unwrap().analyst, "alice", "what an analyst makes carries their name");
    let text = store::to_ron(&p);
    let annotations = &text[text.find("annotations: [").unwrap()..];
    let at = |id: AnnId| annotations.find(&format!("id: ({}),", id.0)).unwrap();
    let mut by_start: Vec<&Annotation> = p.annotations.iter().collect();
    by_start.sort_by_key(|a| (a.span.start(), a.span.end(), a.id));
    let written: Vec<AnnId> = by_start.iter().map(|a| a.id).collect();
    let mut in_file = written.clone();
    in_file.sort_by_key(|id| at(*id));
    assert_eq!(in_file, written);
    assert_eq!(in_file[0], id, "the new “Talks” comes first, though its id is the largest");
    assert!(text.contains("analyst: \"alice\","));

    let v4 = store::to_ron(&common::project()).replace("format_version: 6,", "format_version: 4,");
    let mut remembered = common::project();
    remembered.memory.teach_rejection("Russia", &Layer::Mention, "GPE");
    assert_eq!(reload(&v4).unwrap().project, remembered, "the one rejected mention is remembered");
}

/// Format 6 keeps what the analyst taught; a format 5 file's memory is filled from the decisions
/// it records: rejected speakers and mentions, and mentions accepted under another label than
/// the rule that found them gave.
#[test]
fn format_5_decisions_fill_the_memory_and_format_6_keeps_it_sorted() {
    let mut p = common::project();
    let relabelled = p.annotation_mut(AnnId(7)).unwrap();
    relabelled.status = Status::Accepted;
    relabelled.label = "ORG".into();
    relabelled.origin = Origin::Detector { rule: "mention.gpe".into(), reason: "gazetteer".into() };
    let kept = p.annotation_mut(AnnId(3)).unwrap();
    kept.status = Status::Accepted;
    kept.origin = Origin::Detector { rule: "mention.person".into(), reason: "name".into() };
    let v5 = store::to_ron(&p).replace("format_version: 6,", "format_version: 5,");
    let loaded = reload(&v5).unwrap().project;
    let m = &loaded.memory;
    assert_eq!(m.label_of("Geneva", &Layer::Mention).map(|l| l.label.as_str()), Some("ORG"));
    assert!(m.rejection_of("Russia", &Layer::Mention, "GPE").is_some());
    assert_eq!(m.len(), 2, "an accepted mention with the rule's own label teaches nothing: {m:?}");
    let v6 = store::to_ron(&loaded);
    assert!(v6.contains("format_version: 6,") && v6.contains("memory: ("));
    let at = |needle: &str| v6.find(needle).unwrap();
    assert!(at("labels: [") < at("rejected: [") && at("rejected: [") < at("words: \"Russia\""));
    let again = reload(&v6).unwrap().project;
    assert_eq!(again, loaded);
    assert_eq!(store::to_ron(&again), v6);
}

#[test]
fn save_and_load_through_the_file_system() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let project = common::project();
    store::save(&project, &path).unwrap();
    assert_eq!(store::load(&path).unwrap().project, project);
}

#[test]
fn future_version_is_refused_naming_both_versions() {
    let text = store::to_ron(&common::project()).replace("format_version: 6,", "format_version: 7,");
    let err = reload(&text).unwrap_err();
    assert!(matches!(err, StoreError::FutureVersion { found: 7, supported: 6, .. }));
    let msg = err.to_string();
    assert!(msg.contains("format 7") && msg.contains("up to 6"), "{msg}");
}

#[test]
fn future_version_with_unknown_fields_still_names_the_version() {
    let text = "(format_version: 9, documents: [], schema: (labels: []), hologram: Some(3))";
    assert!(matches!(reload(text), Err(StoreError::FutureVersion { found: 9, .. })));
}

#[test]
fn damaged_file_reports_line_and_column() {
    let text = store::to_ron(&common::project()).replacen("status: Accepted", "status: Acepted", 1);
    let err = reload(&text).unwrap_err();
    let StoreError::Syntax { line, col, ref message, .. } = err else { panic!("{err}") };
    let expected_line = text.lines().position(|l| l.contains("Acepted")).unwrap() + 1;
    assert_eq!(line, expected_line);
    assert!(col > 1);
    assert!(message.contains("Acepted"), "{message}");
    assert!(err.to_string().starts_with(&format!("test.ron:{line}:{col}:")));
}

#[test]
fn truncated_files_are_errors_not_panics() {
    let text = store::to_ron(&common::project());
    let mut cuts = 0;
    for cut in (40..text.len() - 2).step_by(97).filter(|&c| text.is_char_boundary(c)) {
        let message = reload(&text[..cut]).expect_err("a truncated project does not load").to_string();
        assert!(message.contains("the file ends early"), "truncated at {cut}: {message}");
        cuts += 1;
    }
    assert!(cuts > 10);
    // Damage in the middle is named as what it is, not as an early end.
    let damaged = text.replacen("status: Accepted", "status: Acepted)", 1);
    let message = reload(&damaged).unwrap_err().to_string();
    assert!(!message.contains("ends early"), "{message}");
}

#[test]
fn not_utf8_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.ron");
    std::fs::write(&path, b"(format_version: 1, \xff\xfe)").unwrap();
    assert!(matches!(store::load(&path), Err(StoreError::NotText { .. })));
}

#[test]
fn spans_outside_the_text_duplicates_and_dangling_links_are_reported() {
    let mut p = common::project();
    let len = p.documents[0].len_chars();
    p.annotation_mut(AnnId(7)).unwrap().span = Span::new(len - 2, len + 5).unwrap();
    p.annotation_mut(AnnId(1)).unwrap().links.speaker = Some(AnnId(99));
    p.annotation_mut(AnnId(3)).unwrap().links.entity = Some(EntityId(42));
    let dup = p.annotation(AnnId(4)).unwrap().clone();
    p.annotations.push(dup);
    let err = reload(&store::to_ron(&p)).unwrap_err();
    let StoreError::Invalid { problems, .. } = &err else { panic!("{err}") };
    let all = err.to_string();
    assert_eq!(problems.len(), 4, "{all}");
    assert!(all.contains("annotation a7") && all.contains("runs past the end"), "{all}");
    assert!(all.contains("a99") && all.contains("e42") && all.contains("a4 appears twice"), "{all}");
}

#[test]
fn empty_or_reversed_span_in_a_file_is_a_clear_error() {
    let text = store::to_ron(&common::project()).replacen("span: (", "span: (50, 10), old_span: (", 1);
    let err = reload(&text).unwrap_err().to_string();
    assert!(err.contains("empty or reversed"), "{err}");
}

#[test]
fn hand_edited_text_is_a_warning() {
    let mut p = common::project();
    p.documents[0].text = p.documents[0].text.replace("Thursday", "Friday!!");
    let loaded = reload(&store::to_ron(&p)).unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].message.contains("does not match its hash"));
}

fn arb_project() -> impl Strategy<Value = Project> {
    let text = "[a-zé“”’📰 .,\n]{1,200}";
    (text, prop::collection::vec((0usize..400, 1usize..40, 0u8..3, any::<bool>(), "[a-z ]{0,8}"), 0..30)).prop_map(
        |(text, anns)| {
            let mut p = Project::default();
            let len = text.chars().count();
            p.documents.push(Document::new(DocId(1), "generated", text));
            p.put_entity(Entity { id: EntityId(1), label: "PERSON".into(), name: "X".into(), aliases: vec![] });
            for (i, (start, width, status, link, note)) in anns.into_iter().enumerate() {
                let start = start % len;
                let end = (start + width).min(len);
                let Ok(span) = Span::new(start, end) else { continue };
                let status = [Status::Suggested, Status::Accepted, Status::Rejected][status as usize];
                let mut a = Annotation::new(
                    AnnId(i as u64 + 1),
                    DocId(1),
                    span,
                    Layer::Mention,
                    "PERSON",
                    status,
                    Origin::Detector { rule: "r".into(), reason: note.clone() },
                );
                a.note = note;
                if link {
                    a.links.entity = Some(EntityId(1));
                    a.margin = Some((width * 25) as u16);
                }
                // What the analyst taught, on the annotation's words (any script, line breaks).
                let words = p.documents[0].slice(span).to_string();
                match status {
                    Status::Accepted => p.memory.teach_label(&words, &Layer::Mention, "ORG"),
                    Status::Rejected => p.memory.teach_rejection(&words, &Layer::Speaker, "SPEAKER"),
                    Status::Suggested if link => p.memory.teach_name("PERSON", &words, &[a.note.clone()]),
                    Status::Suggested => {}
                }
                p.put_annotation(a);
            }
            p
        },
    )
}

proptest! {
    #[test]
    fn any_project_round_trips(project in arb_project()) {
        let text = store::to_ron(&project);
        let loaded = reload(&text).unwrap();
        prop_assert_eq!(&loaded.project, &project);
        prop_assert_eq!(store::to_ron(&loaded.project), text);
    }
}

#[test]
fn format_2_quotations_get_their_type_from_their_cue_or_are_statements() {
    let mut project = common::project();
    let text = project.documents[0].text.clone();
    // Quotes 1 and 5 have the cue "said"; quote 8 has none.
    project.annotation_mut(AnnId(5)).unwrap().links.cue = Some(AnnId(4));
    let v4 = store::to_ron(&project);
    assert!(!v4.contains("attribution:"), "no types stored yet");
    let v2 = v4.replace("format_version: 6,", "format_version: 2,");
    let loaded = reload(&v2).expect("a format 2 file loads").project;
    let ty = |id| loaded.annotation(AnnId(id)).unwrap().attribution;
    assert_eq!(ty(1), Some(AttributionType::Statement));
    assert_eq!(ty(5), Some(AttributionType::Statement));
    assert_eq!(ty(8), Some(AttributionType::Statement));
    assert_eq!(ty(4), None, "only quotations are typed");
    // A cue the lexicon types otherwise gives its type (the article's "said" edited to "fear").
    let mut doc_text = project.documents[0].text.clone();
    doc_text.replace_range(text.find("said").unwrap()..text.find("said").unwrap() + 4, "fear");
    let v2_fear = v2.replace(&ron::to_string(&text).unwrap(), &ron::to_string(&doc_text).unwrap());
    let fear = reload(&v2_fear).expect("loads").project;
    assert_eq!(fear.annotation(AnnId(5)).unwrap().attribution, Some(AttributionType::Belief));
    // Written back in the current format with the types, and read back the same.
    let again = store::to_ron(&fear);
    assert!(again.contains("format_version: 6,") && again.contains("attribution: Some(Belief)"));
    assert_eq!(reload(&again).unwrap().project, fear);
}
