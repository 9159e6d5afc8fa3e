//! The window's memory and review order: the Memory window lists what the analyst taught and
//! forgets an entry undoably, File imports and exports the team's file, and with "Review the
//! least certain first" Tab goes to the suggestion the entity model doubted most.

use crate::ui_support::harness;

use egui_kittest::kittest::{NodeT, Queryable};
use sayso::app::{AppCommand, SaysoApp};
use sayso::model::{AnnId, Layer, Status};
use sayso::review_order::{ReviewOrder, certainty};

/// The sample article's suggestion with `words` on `layer`.
fn suggestion(app: &SaysoApp, layer: Layer, words: &str) -> AnnId {
    let p = &app.session.project;
    let hit = p.annotations.iter().find(|a| a.layer == layer && p.document(a.doc).unwrap().slice(a.span) == words);
    hit.expect("in the sample").id
}

#[test]
fn with_least_certain_first_tab_goes_to_the_most_doubtful_name_and_the_list_follows() {
    let mut h = harness(SaysoApp::sample_session());
    h.key_press(egui::Key::Tab);
    h.run();
    let in_reading_order = h.state().review.selected.expect("Tab selects a suggestion");
    h.state_mut().send(AppCommand::ClearSelection);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Review the least certain first").click();
    h.run();
    assert_eq!(h.state().prefs.review_order, ReviewOrder::LeastCertainFirst);
    let p = h.state().session.project.clone();
    let suggested: Vec<_> = p.annotations.iter().filter(|a| a.status == Status::Suggested).collect();
    let least = suggested.iter().map(|a| certainty(a)).min().unwrap();
    assert!(least < 1000, "the sample has a name the model doubts: {least}");
    h.key_press(egui::Key::Tab);
    h.run();
    let first = h.state().review.selected.expect("Tab selects a suggestion");
    assert_ne!(first, in_reading_order);
    assert_eq!(certainty(p.annotation(first).unwrap()), least, "the least certain first");
    let mut seen = vec![first];
    for _ in 0..3 {
        h.key_press(egui::Key::Tab);
        h.run();
        seen.push(h.state().review.selected.unwrap());
    }
    let margins: Vec<u16> = seen.iter().map(|id| certainty(p.annotation(*id).unwrap())).collect();
    assert!(margins.is_sorted(), "then ever more certain: {margins:?}");
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    h.run();
    assert_eq!(h.state().review.selected, Some(seen[2]), "Shift+Tab goes back");
    // The Mentions list puts the same name first.
    h.get_by_label("Mentions").click();
    h.run();
    let words = p.document(p.annotation(first).unwrap().doc).unwrap().slice(p.annotation(first).unwrap().span);
    let rows: Vec<_> =
        h.get_all_by_role(egui::accesskit::Role::Button).filter_map(|n| n.accesskit_node().label()).collect();
    let first_mention = rows.iter().position(|l| l.as_str() == words);
    let first_certain = rows.iter().position(|l| l.as_str() == "VIENNA");
    assert!(first_mention.is_some() && first_mention < first_certain, "{rows:?}");
}

#[test]
fn the_memory_window_shows_what_was_taught_and_forgets_it_undoably() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(SaysoApp::sample_session());
    let gates = suggestion(h.state(), Layer::Mention, "Iron Gates");
    h.state_mut().send(AppCommand::Select(gates));
    h.state_mut().send(AppCommand::ApplyLabel("LOC".into()));
    h.run();
    assert_eq!(h.state().session.project.memory.len(), 1);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Memory…").click();
    h.run();
    h.get_by_label("\"Iron Gates\" is LOC (mention)");
    h.get_by_label("Forget").click();
    h.run();
    assert!(h.state().session.project.memory.is_empty());
    h.get_by_label_contains("Nothing yet");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.project.memory.len(), 1, "undo brings the entry back");

    // Shared with the team: exported, and taken into another analyst's copy of the sample.
    // The File menu offers the team's file.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export memory…").click();
    h.run();
    h.get_by_label("Export the memory (for the team) to");
    let path = dir.path().join("team.memory.ron");
    h.state_mut().send(AppCommand::ExportMemoryTo(path.clone()));
    h.run();
    let mut other = harness(SaysoApp::sample_session());
    other.state_mut().send(AppCommand::ImportMemoryFrom(path));
    other.run();
    let p = &other.state().session.project;
    assert_eq!(p.memory, h.state().session.project.memory);
    assert_eq!(p.annotation(suggestion(other.state(), Layer::Mention, "Iron Gates")).unwrap().label, "LOC");
    other.get_by_label_contains("Imported 1 entries; 1 suggestion(s) changed");
}
