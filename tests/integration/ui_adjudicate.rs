//! Settling a merged project's conflicts through the window: F8 steps to each, both versions
//! side by side, 1 / 2 / N keep one or neither, progress in the status bar, every choice undoable,
//! and the result saves as a normal project.

use crate::common;
use crate::ui_support;
use egui_kittest::kittest::Queryable;
use sayso::merge::{Sides, merge};
use sayso::model::{AnnId, EntityId, Status};
use sayso::session::Session;

/// Alice and Bob both changed the Geneva mention's label and the MIXED quote's status.
fn merged_file(dir: &std::path::Path) -> std::path::PathBuf {
    let base = common::project();
    let (mut alice, mut bob) = (base.clone(), base.clone());
    alice.annotation_mut(AnnId(7)).unwrap().label = "LOC".into();
    bob.annotation_mut(AnnId(7)).unwrap().label = "ORG".into();
    alice.annotation_mut(AnnId(5)).unwrap().status = Status::Accepted;
    bob.annotation_mut(AnnId(5)).unwrap().status = Status::Rejected;
    let sides = Sides { first: &alice, second: &bob, base: Some(&base), names: ["alice", "bob"] };
    let (merged, _) = merge(&sides, "carol");
    assert_eq!(merged.conflicts.len(), 2);
    let path = dir.join("merged.ron");
    sayso::store::save(&merged, &path).unwrap();
    path
}

#[test]
fn conflicts_are_stepped_through_and_settled_by_key_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = merged_file(dir.path());
    let mut h = ui_support::harness(Session::open(&path).unwrap());
    assert!(h.query_by_label("2 conflicts · F8 next").is_some(), "the status bar counts the conflicts");
    h.key_press(egui::Key::Num1);
    h.run();
    assert_eq!(h.state().session.project.conflicts.len(), 2, "1 settles nothing the analyst has not seen");
    assert_eq!(h.state().review.selected, Some(AnnId(7)), "it shows the first conflict");
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press(egui::Key::F8);
    h.run();
    assert_eq!(h.state().review.selected, Some(AnnId(7)), "F8 shows the first conflict in reading order");
    assert!(h.query_by_label("conflict 1 of 2 · 1 alice · 2 bob · N neither").is_some());
    assert!(h.query_by_label("Keep alice (1)").is_some() && h.query_by_label("Keep bob (2)").is_some());
    assert_eq!(h.state().view_selection(), None, "no text is marked: a label's key edits the disputed annotation");

    h.key_press(egui::Key::Num2);
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.annotation(AnnId(7)).unwrap().label, "ORG", "2 keeps bob's version");
    assert_eq!(p.conflicts.len(), 1);
    assert_eq!(h.state().review.selected, Some(AnnId(5)), "the next conflict is shown");
    assert!(h.query_by_label("conflict 1 of 1 · 1 alice · 2 bob · N neither").is_some());

    // Keys do not act behind the shortcut window, which lists them.
    h.key_press(egui::Key::F1);
    h.run();
    assert!(h.query_by_label("Keep neither version of the conflict").is_some());
    h.key_press(egui::Key::N);
    h.run();
    assert_eq!(h.state().session.project.conflicts.len(), 1, "N does nothing while help is open");
    h.key_press(egui::Key::Escape);
    h.run();

    h.key_press(egui::Key::N);
    h.run();
    let p = &h.state().session.project;
    assert!(p.annotation(AnnId(5)).is_none(), "N keeps neither");
    assert!(p.conflicts.is_empty());
    assert!(p.annotation(AnnId(1)).is_some());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let p = &h.state().session.project;
    assert_eq!((p.conflicts.len(), p.annotation(AnnId(5)).map(|a| a.status)), (1, Some(Status::Accepted)));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert!(h.state().session.project.conflicts.is_empty());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let saved = sayso::store::load(&path).unwrap();
    assert!(saved.project.conflicts.is_empty() && saved.warnings.is_empty());
    assert_eq!(saved.project.annotation(AnnId(7)).unwrap().label, "ORG");
    assert!(h.query_by_label("Conflicts (1)").is_none(), "the tab goes with the last conflict");
}

#[test]
fn the_inspector_buttons_settle_and_the_list_shows_every_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = merged_file(dir.path());
    let mut h = ui_support::harness(Session::open(&path).unwrap());
    h.get_by_label("Conflicts (2)").click();
    h.run();
    assert_eq!(h.query_all_by_label_contains("label: alice / bob").count(), 1);
    assert_eq!(h.query_all_by_label_contains("status: alice / bob").count(), 1);
    h.get_by_label("c2 · Geneva").click();
    h.run();
    assert_eq!(h.state().review.selected, Some(AnnId(7)));
    h.get_by_label("Keep alice (1)").click();
    h.run();
    assert_eq!(h.state().session.project.annotation(AnnId(7)).unwrap().label, "LOC");
    assert_eq!(h.state().session.project.conflicts.len(), 1);
}

#[test]
fn the_analyst_named_in_the_edit_menu_signs_what_they_review_and_allocates_in_their_range() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = ui_support::open_fixture(dir.path());
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Analyst").click();
    h.run();
    ui_support::type_keys(&mut h, "carol");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().prefs.analyst, "carol");
    assert_eq!(h.state().session.project.analyst, "carol");
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    let id = h.state().review.selected.expect("Tab selects a suggestion");
    h.key_press(egui::Key::A);
    h.run();
    assert_eq!(h.state().session.project.annotation(id).unwrap().analyst, "carol", "accepting signs it");
    let next = h.state().session.project.next_ann_id();
    assert_eq!(next.0 >> 32, u64::from(sayso::model::analyst_tag("carol")));
}

#[test]
fn settling_keys_do_nothing_while_a_dialog_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = merged_file(dir.path());
    let mut h = ui_support::harness(Session::open(&path).unwrap());
    h.key_press(egui::Key::F8);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::S);
    h.run();
    assert!(h.query_by_label("Save project as").is_some(), "the Save As dialog is open");
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(h.state().session.project.conflicts.len(), 2, "2 goes to the dialog, not to the conflict");
}

/// Alice and Bob both relabelled the Geneva entity (e2, mentioned by annotation 7): LOC and ORG.
/// With `mention_too`, each also relabelled the mention itself, as relabelling it in the window does.
fn entity_merged_file(dir: &std::path::Path, mention_too: bool) -> std::path::PathBuf {
    let base = common::project();
    let (mut alice, mut bob) = (base.clone(), base.clone());
    for (side, label) in [(&mut alice, "LOC"), (&mut bob, "ORG")] {
        side.entity_mut(EntityId(2)).unwrap().label = label.into();
        if mention_too {
            side.annotation_mut(AnnId(7)).unwrap().label = label.into();
        }
    }
    let sides = Sides { first: &alice, second: &bob, base: Some(&base), names: ["alice", "bob"] };
    let (merged, _) = merge(&sides, "carol");
    assert_eq!(merged.conflicts.len(), 1 + mention_too as usize);
    let path = dir.join("merged.ron");
    sayso::store::save(&merged, &path).unwrap();
    path
}

#[test]
fn an_entitys_conflict_is_shown_at_its_mention_and_settled_by_key_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = entity_merged_file(dir.path(), false);
    let mut h = ui_support::harness(Session::open(&path).unwrap());
    h.key_press(egui::Key::F8);
    h.run();
    assert_eq!(h.state().review.selected, Some(AnnId(7)), "F8 selects the entity's mention");
    assert!(h.query_by_label("conflict 1 of 1 · 1 alice · 2 bob · N neither").is_some());
    assert!(h.query_by_label("Conflict: entity label").is_some());
    assert!(h.query_by_label("entity label: LOC").is_some() && h.query_by_label("entity label: ORG").is_some());

    h.key_press(egui::Key::Num2);
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.entity(EntityId(2)).unwrap().label, "ORG", "2 keeps bob's label for the entity");
    assert!(p.conflicts.is_empty());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let p = &h.state().session.project;
    assert_eq!((p.conflicts.len(), p.entity(EntityId(2)).unwrap().label.as_str()), (1, "LOC"), "undone");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let saved = sayso::store::load(&path).unwrap();
    assert!(saved.project.conflicts.is_empty() && saved.warnings.is_empty());
    assert_eq!(saved.project.entity(EntityId(2)).unwrap().label, "ORG");
}

#[test]
fn a_mention_disputed_with_its_entity_shows_both_conflicts_one_after_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = entity_merged_file(dir.path(), true);
    let mut h = ui_support::harness(Session::open(&path).unwrap());
    h.get_by_label("Conflicts (2)").click();
    h.run();
    assert_eq!(h.query_all_by_label_contains("entity label: alice / bob").count(), 1, "the list names both");
    h.key_press(egui::Key::F8);
    h.run();
    assert!(h.query_by_label("conflict 1 of 2 · 1 alice · 2 bob · N neither").is_some());
    h.key_press(egui::Key::F8);
    h.run();
    assert!(h.query_by_label("conflict 2 of 2 · 1 alice · 2 bob · N neither").is_some(), "F8 moves on at one mention");
    assert_eq!(h.state().review.selected, Some(AnnId(7)));
    h.key_press(egui::Key::Num2);
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.entity(EntityId(2)).unwrap().label, "ORG");
    assert_eq!(p.annotation(AnnId(7)).unwrap().label, "LOC", "the mention's own conflict waits");
    assert_eq!(p.conflicts.len(), 1);
    assert!(h.query_by_label("conflict 1 of 1 · 1 alice · 2 bob · N neither").is_some(), "and is shown next");
    h.key_press(egui::Key::Num2);
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.annotation(AnnId(7)).unwrap().label, "ORG");
    assert!(p.conflicts.is_empty());
}

#[test]
fn an_entity_nothing_mentions_is_settled_with_nothing_selected() {
    let dir = tempfile::tempdir().unwrap();
    let mut base = common::project();
    base.annotation_mut(AnnId(7)).unwrap().links.entity = None;
    let (mut alice, mut bob) = (base.clone(), base.clone());
    alice.entity_mut(EntityId(2)).unwrap().label = "LOC".into();
    bob.entity_mut(EntityId(2)).unwrap().label = "ORG".into();
    let (merged, _) = merge(&Sides { first: &alice, second: &bob, base: Some(&base), names: ["alice", "bob"] }, "");
    let path = dir.path().join("merged.ron");
    sayso::store::save(&merged, &path).unwrap();
    let mut h = ui_support::harness(Session::open(&path).unwrap());
    h.key_press(egui::Key::F8);
    h.run();
    assert_eq!(h.state().review.selected, None);
    assert!(h.query_by_label("conflict 1 of 1 · 1 alice · 2 bob · N neither").is_some());
    assert!(h.query_by_label("entity label: ORG").is_some(), "the inspector shows both versions");
    h.get_by_label("Keep bob (2)").click();
    h.run();
    let p = &h.state().session.project;
    assert_eq!((p.conflicts.len(), p.entity(EntityId(2)).unwrap().label.as_str()), (0, "ORG"));
}
