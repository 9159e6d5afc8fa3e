//! Review → "Retrain entity model from reviewed work" in the window: the model is saved beside
//! the project, the suggestions it now reads otherwise are retyped in one undoable step, and
//! articles added afterwards are detected with it.

use crate::ui_support::harness;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use sayso::app::AppCommand;
use sayso::model::{AnnId, DocId, Document, Layer, Project, Status};
use sayso::session::Session;

/// An organisation no word list or shipped model knows, three times.
const TEXT: &str = "Shares of Zorblax rose. Zorblax said profits grew. Analysts like Zorblax.";

fn zorblax(p: &Project) -> Vec<AnnId> {
    let words = |a: &sayso::model::Annotation| p.document(a.doc).unwrap().slice(a.span).to_string();
    p.annotations.iter().filter(|a| a.layer == Layer::Mention && words(a) == "Zorblax").map(|a| a.id).collect()
}

#[test]
fn retraining_from_the_menu_retypes_the_suggestions_it_learnt_from_and_undoes_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("markets.ron");
    let mut project = Project::default();
    project.put_document(Document::new(DocId(1), "Markets", TEXT));
    sayso::suggest::add_suggestions(&mut project, DocId(1), &sayso::detect::detect(TEXT));
    let ids = zorblax(&project);
    assert_eq!(ids.len(), 3);
    assert!(ids.iter().all(|id| project.annotation(*id).unwrap().label != "ORG"), "the built-in model knows it");
    // The analyst has made the first an organisation.
    let first = project.annotation_mut(ids[0]).unwrap();
    first.label = "ORG".into();
    first.status = Status::Accepted;
    sayso::store::save(&project, &path).unwrap();

    let mut h = harness(Session::open(&path).unwrap());
    let before = h.state().session.project.clone();
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label_contains("Retrain entity model from reviewed work").click();
    h.run();
    // The window keeps drawing while the model learns on its thread.
    for _ in 0..600 {
        if h.state().session.entity_model.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run();
    }
    assert!(h.state().session.entity_model.is_some(), "retraining finished");
    assert!(sayso::retrain::model_path(&path).exists(), "saved beside the project");
    let p = &h.state().session.project;
    for id in &ids[1..] {
        let a = p.annotation(*id).unwrap();
        assert_eq!((a.label.as_str(), a.status), ("ORG", Status::Suggested), "retyped, still a suggestion");
    }
    assert_eq!(p.annotation(ids[0]), before.annotation(ids[0]), "reviewed work untouched");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project, before, "one Ctrl+Z takes the retyping back");

    // An article added now is detected with the project's model.
    let added = dir.path().join("more.txt");
    std::fs::write(&added, "Later on\n\nYesterday Zorblax said it would hire.").unwrap();
    h.state_mut().send(AppCommand::AddPaths(vec![added]));
    h.run();
    let p = &h.state().session.project;
    let new_doc = p.documents.last().unwrap().id;
    let labels: Vec<&str> = zorblax(p)
        .into_iter()
        .filter_map(|id| p.annotation(id).filter(|a| a.doc == new_doc).map(|a| a.label.as_str()))
        .collect();
    assert_eq!(labels, ["ORG"]);

    // Opened again, the project finds its model.
    assert!(Session::open(&path).unwrap().entity_model.is_some());

    // Saved as another name, it takes its model along; saved over a project with a model of
    // its own, a project without one leaves none of the other's behind.
    let copy = dir.path().join("copy.ron");
    h.state_mut().send(AppCommand::SaveTo(copy.clone()));
    h.run();
    let model = std::fs::read(sayso::retrain::model_path(&path)).unwrap();
    assert_eq!(std::fs::read(sayso::retrain::model_path(&copy)).unwrap(), model);
    assert!(Session::open(&copy).unwrap().entity_model.is_some());
    let mut plain = Session::open(&path).unwrap();
    plain.entity_model = None;
    plain.save_to(&dir.path().join("other.ron")).unwrap();
    plain.save_to(&copy).unwrap();
    assert!(!sayso::retrain::model_path(&copy).exists(), "the other project's model went");
    assert!(Session::open(&copy).unwrap().entity_model.is_none());
}
