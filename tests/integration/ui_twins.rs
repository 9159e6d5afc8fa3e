//! A decision by key in the window carries over to the same words in the other documents, and
//! under "ask" a rejection offers to reject the rest.

use crate::ui_support::harness;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sayso::app::{AppCommand, SaysoApp};
use sayso::edit::actions::twins::RejectTwins;
use sayso::model::{AnnId, Layer, Origin, Project, Status};
use sayso::session::Session;

const GAME: &str = "Pacers beat Knicks in overtime\n\nThe Pacers won 112-108 in New York on Sunday. \
“We never stopped believing,” coach Rick Carlisle said. Fans of the Pacers celebrated in Indianapolis.";
const SIGNING: &str = "Guard joins Indiana\n\nThe Pacers signed a guard on Monday, the club said. \
“He fits the Pacers,” Rick Carlisle told reporters. The Pacers play the Knicks again on Friday.";

fn two_documents(dir: &std::path::Path) -> Harness<'static, SaysoApp> {
    let (a, b) = (dir.join("game.txt"), dir.join("signing.txt"));
    std::fs::write(&a, GAME).unwrap();
    std::fs::write(&b, SIGNING).unwrap();
    let mut h = harness(Session::open(&a).unwrap());
    h.state_mut().send(AppCommand::AddPaths(vec![b]));
    h.run();
    h
}

/// The suggested mentions of "Pacers", in every document.
fn pacers(p: &Project) -> Vec<AnnId> {
    let words = |a: &sayso::model::Annotation| p.document(a.doc).unwrap().slice(a.span).to_string();
    p.annotations
        .iter()
        .filter(|a| a.layer == Layer::Mention && a.status == Status::Suggested && words(a) == "Pacers")
        .map(|a| a.id)
        .collect()
}

#[test]
fn a_relabel_by_key_reaches_the_other_document_and_a_rejection_offers_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_documents(dir.path());
    let before = h.state().session.project.clone();
    let all = pacers(&before);
    let shown = h.state().session.doc;
    let source = *all.iter().find(|id| before.annotation(**id).unwrap().doc == shown).expect("a Pacers here");
    let (label, key) =
        if before.annotation(source).unwrap().label == "ORG" { ("PERSON", Key::P) } else { ("ORG", Key::O) };
    h.state_mut().send(AppCommand::Select(source));
    h.run();
    h.key_press(key);
    h.run();
    let p = &h.state().session.project;
    let elsewhere: Vec<AnnId> = all.iter().copied().filter(|id| p.annotation(*id).unwrap().doc != shown).collect();
    assert!(!elsewhere.is_empty());
    for id in &elsewhere {
        let t = p.annotation(*id).unwrap();
        assert_eq!((t.label.as_str(), t.status), (label, Status::Suggested), "relabelled in the other document");
        let Origin::Detector { reason, .. } = &t.origin else { panic!("{:?}", t.origin) };
        assert!(reason.starts_with("as you labelled \"Pacers\" in "), "{reason}");
    }
    h.get_by_label_contains(&format!("more suggestions like it as {label}"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project, before, "one Ctrl+Z takes back the relabel and its twins");

    // Asked (the default): X rejects the one selected and offers the rest.
    let twin = elsewhere[0];
    h.state_mut().send(AppCommand::Select(twin));
    h.run();
    h.key_press(Key::X);
    h.run();
    let rejected_one = h.state().session.project.clone();
    assert_eq!(rejected_one.annotation(twin).unwrap().status, Status::Rejected);
    let rest: Vec<AnnId> = sayso::edit::actions::twins::identical(&rejected_one, twin);
    assert!(
        !rest.is_empty() && rest.iter().all(|id| rejected_one.annotation(*id).unwrap().status == Status::Suggested)
    );
    h.get_by_label(&format!("Reject {} more like it", rest.len())).click();
    h.run();
    let p = &h.state().session.project;
    assert!(rest.iter().all(|id| p.annotation(*id).unwrap().status == Status::Rejected));
    assert!(h.query_by_label_contains("more like it").is_none(), "the offer is answered");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project, rejected_one, "the answer is a step of its own");
}

#[test]
fn with_the_edit_menu_set_to_apply_one_x_rejects_the_same_words_everywhere_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_documents(dir.path());
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Reject the same words everywhere").click();
    h.run();
    assert_eq!(h.state().prefs.reject_twins, RejectTwins::Apply);
    let before = h.state().session.project.clone();
    let all = pacers(&before);
    h.state_mut().send(AppCommand::Select(all[0]));
    h.run();
    h.key_press(Key::X);
    h.run();
    let p = &h.state().session.project;
    assert!(all.iter().all(|id| p.annotation(*id).unwrap().status == Status::Rejected), "in both documents");
    assert!(h.query_by_label_contains("more like it").is_none(), "nothing to ask");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project, before);
}
