//! What the analyst teaches is remembered with the project, undone with the decision, shared as a
//! file, and applied to the articles added after it: on the bundled sample article and real
//! detection.

use sayso::edit::History;
use sayso::edit::actions::{self, twins};
use sayso::model::{AnnId, DocId, Document, Layer, Memory, Origin, Project, Status};
use std::process::Command;

const SAMPLE: &str = include_str!("../../assets/sample-article.txt");
/// A later article that names the same places and bodies.
const LATER: &str = "Danube states meet again\n\nThe Danube Commission said on Friday that 140 vessels were \
still waiting at locks on the Danube between Regensburg and the Iron Gates, and that the Connecting Europe Facility would \
pay for dredging the Danube Delta. \
“Dredging destroys the river bed,” Environmental groups said. Officials will meet in Bratislava, the ICPDR said.";

fn sample() -> Project {
    sayso::session::project_from_article(Document::new(DocId(1), "Danube states agree emergency plan", SAMPLE))
}

fn words(p: &Project, id: AnnId) -> &str {
    let a = p.annotation(id).unwrap();
    p.document(a.doc).unwrap().slice(a.span)
}

/// The suggestions on `layer` whose words are `text`, in document `doc`.
fn found(p: &Project, doc: DocId, layer: Layer, text: &str) -> Vec<AnnId> {
    p.annotations.iter().filter(|a| a.doc == doc && a.layer == layer && words(p, a.id) == text).map(|a| a.id).collect()
}

fn add_later(p: &Project) -> (Project, DocId) {
    let mut after = p.clone();
    let doc = p.next_doc_id();
    let edit = actions::add_documents(p, vec![Document::new(DocId(0), "Danube states meet again", LATER)]).unwrap();
    sayso::edit::apply(&mut after, edit).unwrap();
    (after, doc)
}

/// The analyst's decisions on the sample: the "Iron Gates" are a place, not another kind of name; the "Connecting
/// Europe Facility", a fund, is not annotated as an organisation; the river "Danube" is not annotated once.
fn taught() -> (Project, History) {
    let mut p = sample();
    let mut h = History::default();
    let gates = found(&p, DocId(1), Layer::Mention, "Iron Gates")[0];
    assert_ne!(p.annotation(gates).unwrap().label, "LOC", "the detector's mistake the analyst corrects");
    let (edit, _) = twins::relabel(&p, gates, "LOC").unwrap();
    h.apply(&mut p, "Relabel", edit).unwrap();
    let facility = found(&p, DocId(1), Layer::Mention, "Connecting Europe Facility");
    assert_eq!(p.annotation(facility[0]).unwrap().label, "ORG");
    let edit = actions::set_status(&p, &facility, Status::Rejected).unwrap();
    h.apply(&mut p, "Reject", edit).unwrap();
    let danube = found(&p, DocId(1), Layer::Mention, "Danube");
    assert!(danube.len() > 1, "named again and again");
    let edit = twins::reject(&p, &danube[..1], twins::RejectTwins::Off).unwrap();
    h.apply(&mut p, "Reject", edit).unwrap();
    (p, h)
}

#[test]
fn decisions_are_remembered_and_one_undo_forgets_with_the_decision() {
    let before = sample();
    assert!(before.memory.is_empty());
    let (mut p, mut h) = taught();
    let m = &p.memory;
    assert_eq!(m.label_of("IRON GATES", &Layer::Mention).map(|l| l.label.as_str()), Some("LOC"));
    assert!(m.rejection_of("Connecting Europe Facility", &Layer::Mention, "ORG").is_some());
    assert!(m.rejection_of("Danube", &Layer::Mention, "LOC").is_some());
    assert_eq!(m.len(), 3);
    h.undo(&mut p);
    assert!(p.memory.rejection_of("Danube", &Layer::Mention, "LOC").is_none());
    assert_eq!(p.memory.len(), 2);
    while h.undo(&mut p).is_some() {}
    assert_eq!(p, before);
    // Accepting words once rejected takes the rejection back.
    let (mut p, mut h) = taught();
    let danube = found(&p, DocId(1), Layer::Mention, "Danube");
    let edit = actions::set_status(&p, &danube[1..2], Status::Accepted).unwrap();
    h.apply(&mut p, "Accept", edit).unwrap();
    assert!(p.memory.rejection_of("Danube", &Layer::Mention, "LOC").is_none());
}

#[test]
fn a_later_article_is_detected_with_what_was_taught() {
    let (without, doc) = add_later(&sample());
    let label = |p: &Project, id: AnnId| p.annotation(id).unwrap().label.clone();
    let status = |p: &Project, id: AnnId| p.annotation(id).unwrap().status;
    let gates = found(&without, doc, Layer::Mention, "Iron Gates");
    let danube = found(&without, doc, Layer::Mention, "Danube");
    assert_eq!(gates.len(), 1);
    assert_ne!(label(&without, gates[0]), "LOC", "the mistake again");
    assert!(!danube.is_empty() && danube.iter().all(|id| status(&without, *id) == Status::Suggested));

    let (p, _) = taught();
    let (with, doc) = add_later(&p);
    let gates = found(&with, doc, Layer::Mention, "Iron Gates");
    assert_eq!(gates.len(), 1);
    let a = with.annotation(gates[0]).unwrap();
    assert_eq!((a.label.as_str(), a.status), ("LOC", Status::Suggested));
    let Origin::Detector { reason, .. } = &a.origin else { panic!("{:?}", a.origin) };
    assert_eq!(reason, "as you labelled \"Iron Gates\"");
    let ids = found(&with, doc, Layer::Mention, "Danube");
    assert!(!ids.is_empty() && ids.iter().all(|id| status(&with, *id) == Status::Rejected), "rejected before");
    // Other suggestions arrive as the detector made them.
    let bratislava = found(&with, doc, Layer::Mention, "Bratislava");
    assert_eq!(
        bratislava.iter().map(|id| &with.annotation(*id).unwrap().label).collect::<Vec<_>>(),
        found(&without, doc, Layer::Mention, "Bratislava")
            .iter()
            .map(|id| &without.annotation(*id).unwrap().label)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_rejected_speaker_arrives_rejected_and_unlinked_from_its_quote() {
    let mut p = sample();
    let mut h = History::default();
    let speaker = found(&p, DocId(1), Layer::Speaker, "Environmental groups")[0];
    let edit = actions::set_status(&p, &[speaker], Status::Rejected).unwrap();
    h.apply(&mut p, "Reject", edit).unwrap();
    assert!(p.memory.rejection_of("environmental groups", &Layer::Speaker, "SPEAKER").is_some());
    let text = "Dredging plan criticised\n\n“Dredging destroys the river bed,” Environmental groups said on Friday.";
    let edit = actions::add_documents(&p, vec![Document::new(DocId(0), "Dredging plan criticised", text)]).unwrap();
    let doc = p.next_doc_id();
    sayso::edit::apply(&mut p, edit).unwrap();
    let speakers = found(&p, doc, Layer::Speaker, "Environmental groups");
    assert_eq!(speakers.len(), 1, "the detector names them again");
    assert_eq!(p.annotation(speakers[0]).unwrap().status, Status::Rejected);
    let quotes: Vec<_> = p.annotations.iter().filter(|a| a.doc == doc && a.layer == Layer::Quote).collect();
    assert!(!quotes.is_empty() && quotes.iter().all(|q| q.links.speaker.is_none()));
}

#[test]
fn names_grouped_under_a_canonical_entity_group_a_new_projects_articles() {
    let mut p = sample();
    let mut h = History::default();
    let entity_of = |p: &Project, text: &str| {
        p.annotation(found(p, DocId(1), Layer::Mention, text)[0]).unwrap().links.entity.unwrap()
    };
    // The detector already groups the name with its acronym in brackets; the analyst names the
    // entity.
    const FULL: &str = "International Commission for the Protection of the Danube River";
    let commission = entity_of(&p, FULL);
    assert_eq!(commission, entity_of(&p, "ICPDR"));
    let edit = actions::rename_entity(&p, commission, "ICPDR commission").unwrap();
    h.apply(&mut p, "Rename", edit).unwrap();
    let named = &p.memory.names;
    assert_eq!(named.len(), 1, "{named:?}");
    assert_eq!((named[0].name.as_str(), named[0].label.as_str()), ("ICPDR commission", "ORG"));
    assert!(named[0].aliases.contains(&"ICPDR".to_string()) && named[0].aliases.contains(&FULL.to_string()));

    // A project of other articles, with the team's memory.
    let fresh = |memory: Memory| Project { memory, ..Project::default() };
    let add = |p: &Project| {
        let mut after = p.clone();
        let edit = actions::add_documents(p, vec![Document::new(DocId(0), "Barges", LATER)]).unwrap();
        sayso::edit::apply(&mut after, edit).unwrap();
        after
    };
    let entity_named = |p: &Project| {
        let id = p.annotations.iter().find(|a| words(p, a.id) == "ICPDR").and_then(|a| a.links.entity).unwrap();
        p.entity(id).unwrap().name.clone()
    };
    assert_eq!(entity_named(&add(&fresh(Memory::default()))), "ICPDR");
    let with = add(&fresh(p.memory.clone()));
    assert_eq!(entity_named(&with), "ICPDR commission");
    assert!(
        with.entities.iter().all(|e| with.annotations.iter().any(|a| a.links.entity == Some(e.id))),
        "no entity without a mention"
    );
}

#[test]
fn the_memory_file_is_sorted_and_importing_it_relabels_suggestions_in_one_undoable_step() {
    let (p, _) = taught();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.memory.ron");
    sayso::store::memory::save(&p.memory, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("memory_format: 1") && text.contains("words: \"Iron Gates\""), "{text}");
    let mut shuffled = p.memory.clone();
    shuffled.rejected.reverse();
    assert_eq!(sayso::store::memory::to_ron(&shuffled), text, "the same lessons, the same bytes");
    let read = sayso::store::memory::load(&path).unwrap();
    assert_eq!(read, p.memory);

    // Another analyst's project of the later article takes the file in.
    let (mut other, doc) = add_later(&sample());
    let before = other.clone();
    let (edit, changed) = actions::memory::import(&other, &read).unwrap();
    let mut h = History::default();
    h.apply(&mut other, "Import memory", edit).unwrap();
    assert_eq!(other.memory, read);
    let gates = found(&other, doc, Layer::Mention, "Iron Gates");
    assert!(changed > gates.len() && gates.iter().all(|id| other.annotation(*id).unwrap().label == "LOC"));
    h.undo(&mut other);
    assert_eq!(other, before);

    // Forgetting an entry is a step of its own.
    let lesson = other.memory.lessons().next();
    assert!(lesson.is_none(), "undone: nothing remembered");
    let (mut p, mut h) = taught();
    let before = p.clone();
    let lesson = p.memory.lessons().next().unwrap();
    let edit = actions::memory::forget(&p, &lesson).unwrap();
    h.apply(&mut p, "Forget", edit).unwrap();
    assert_eq!(p.memory.len(), before.memory.len() - 1);
    h.undo(&mut p);
    assert_eq!(p, before);
}

/// `sayso memory export`, `sayso annotate --memory` and `sayso memory import`, as a team uses them.
#[test]
fn the_commands_share_a_memory_between_projects() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let sayso = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_sayso")).args(args).output().expect("sayso runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (taught, _) = taught();
    sayso::store::save(&taught, dir.path().join("taught.ron").as_path()).unwrap();
    let said = sayso(&["memory", "export", &path("taught.ron"), "--out", &path("team.memory.ron")]);
    assert!(said.contains("3 entries"), "{said}");
    std::fs::write(dir.path().join("later.txt"), LATER).unwrap();
    let gates_label = |project: &str| {
        let p = sayso::store::load(dir.path().join(project).as_path()).unwrap().project;
        let id =
            p.annotations.iter().find(|a| a.layer == Layer::Mention && words(&p, a.id) == "Iron Gates").unwrap().id;
        (p.annotation(id).unwrap().label.clone(), p.memory.len())
    };
    sayso(&["annotate", &path("later.txt"), "--out", &path("plain.ron")]);
    let (plain, remembered) = gates_label("plain.ron");
    assert!(plain != "LOC" && remembered == 0, "{plain}");
    sayso(&["annotate", &path("later.txt"), "--memory", &path("team.memory.ron"), "--out", &path("with.ron")]);
    assert_eq!(gates_label("with.ron"), ("LOC".to_string(), 3), "detected with the memory, which it keeps");
    let said = sayso(&["memory", "import", &path("team.memory.ron"), "--project", &path("plain.ron")]);
    assert!(said.contains("memory of 3 entries"), "{said}");
    assert_eq!(gates_label("plain.ron"), ("LOC".to_string(), 3));
}

#[test]
fn a_damaged_or_newer_memory_file_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.memory.ron");
    let (p, _) = taught();
    let good = sayso::store::memory::to_ron(&p.memory);
    std::fs::write(&path, good.replace("memory_format: 1", "memory_format: 2")).unwrap();
    let err = sayso::store::memory::load(&path).unwrap_err().to_string();
    assert!(err.contains("newer Sayso (memory format 2)"), "{err}");
    std::fs::write(&path, &good[..good.len() / 2]).unwrap();
    let err = sayso::store::memory::load(&path).unwrap_err().to_string();
    assert!(err.contains("team.memory.ron:"), "names the file and place: {err}");
    let missing = sayso::store::memory::load(&dir.path().join("none.ron")).unwrap_err().to_string();
    assert!(missing.contains("cannot read"), "{missing}");
}
