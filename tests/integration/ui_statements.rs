//! The same statement in two reports, in the window: the inspector shows the other version with
//! its differing words, the analyst confirms, compares side by side, splits and joins — by mouse,
//! each step undone with Ctrl+Z.

use crate::ui_support::harness;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sayso::app::{AppCommand, SaysoApp};
use sayso::model::{AnnId, DocId, Status};
use sayso::session::Session;

/// The seed's Sputnik and TASS reports opened as two documents of one project.
fn two_reports(dir: &std::path::Path) -> Harness<'static, SaysoApp> {
    let seed = include_str!("../fixtures/aleppo-lavrov.txt");
    let tass = seed.find("Russia, US military experts").unwrap();
    let (a, b) = (dir.join("sputnik.txt"), dir.join("tass.txt"));
    std::fs::write(&a, &seed[..tass]).unwrap();
    std::fs::write(&b, &seed[tass..]).unwrap();
    let mut h = harness(Session::open(&a).unwrap());
    h.state_mut().send(AppCommand::AddPaths(vec![b]));
    h.run();
    h
}

/// The TASS version of the Geneva statement (the group of two).
fn geneva_in_tass(h: &Harness<'static, SaysoApp>) -> AnnId {
    let p = &h.state().session.project;
    let s = p.statements.iter().find(|s| p.versions_of(s.id).count() == 2).expect("the Geneva statement");
    p.versions_of(s.id).find(|a| a.doc == DocId(2)).unwrap().id
}

fn undo(h: &mut Harness<'static, SaysoApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

#[test]
fn a_statement_group_is_confirmed_compared_split_and_joined_in_the_inspector() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_reports(dir.path());
    assert_eq!(h.state().session.project.statements.len(), 2, "the two reports share two statements");
    let quote = geneva_in_tass(&h);
    h.state_mut().send(AppCommand::Select(quote));
    h.run();
    h.get_by_label("Same statement elsewhere");
    h.get_by_label("Syrian Army Suspends Combat Operations in Aleppo");
    h.get_by_label_contains("that Russian and US experts will discuss");
    let statement =
        |h: &Harness<'static, SaysoApp>| h.state().session.project.annotation(quote).unwrap().links.statement;
    let id = statement(&h).unwrap();

    h.get_by_label("Confirm").click();
    h.run();
    assert_eq!(h.state().session.project.statement(id).unwrap().status, Status::Accepted);
    assert!(h.query_by_label("Confirm").is_none(), "confirmed once");

    h.get_by_label("Side by side").click();
    h.run();
    h.get_by_label("Same statement, side by side");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Same statement, side by side").is_none(), "Esc closes the window");

    h.get_by_label("Not the same").click();
    h.run();
    assert_eq!(statement(&h), None);
    assert!(h.state().session.project.statement(id).is_none(), "a group of one is no group");
    undo(&mut h);
    assert_eq!(statement(&h), Some(id), "Ctrl+Z puts the group back");
    undo(&mut h);
    assert_eq!(h.state().session.project.statement(id).unwrap().status, Status::Suggested);

    // Joined by hand: the quotation goes into the group of one of the speaker's other quotations.
    h.get_by_label("Not the same").click();
    h.run();
    h.get_by_label_contains("Same as…").click();
    h.run();
    // The inspector scrolls to the list of candidates, as an analyst would.
    h.get_by_label_contains("that Russian and US experts will discuss").scroll_to_me();
    let _ = h.try_run();
    h.get_by_label_contains("that Russian and US experts will discuss").click();
    h.run();
    let joined = statement(&h).expect("joined");
    assert_eq!(h.state().session.project.statement(joined).unwrap().status, Status::Accepted);
    assert_eq!(h.state().session.project.versions_of(joined).count(), 2);
}

#[test]
fn go_shows_the_other_version_in_its_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_reports(dir.path());
    let quote = geneva_in_tass(&h);
    h.state_mut().send(AppCommand::Select(quote));
    h.run();
    h.get_by_label("Go to the version in Syrian Army Suspends Combat Operations in Aleppo").click();
    // The article scrolls to the version: let it get there.
    let _ = h.try_run();
    let app = h.state();
    let selected = app.review.selected.and_then(|id| app.session.project.annotation(id)).unwrap();
    assert_eq!((app.session.doc, selected.doc), (DocId(1), DocId(1)));
    assert_eq!(selected.links.statement, app.session.project.annotation(quote).unwrap().links.statement);
}
