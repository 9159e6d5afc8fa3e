//! The window, driven headlessly through egui_kittest: what an analyst sees and clicks.

use crate::common;

use crate::ui_support::{self, FakePicker};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sayso::app::{AppCommand, SaysoApp};
use sayso::model::{AnnId, Status};
use sayso::session::Session;
use std::path::PathBuf;
use std::sync::Arc;

fn fixture_file(dir: &tempfile::TempDir) -> PathBuf {
    ui_support::fixture_file(dir.path())
}

fn harness(session: Session, picker: Option<PathBuf>) -> Harness<'static, SaysoApp> {
    let app = SaysoApp::new(session, Arc::new(FakePicker(picker)));
    ui_support::harness_with(app, egui::vec2(1400.0, 900.0))
}

#[test]
fn shows_the_article_and_lists_its_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let h = harness(Session::open(&fixture_file(&dir)).unwrap(), None);
    // Article paragraphs are exposed by their text.
    h.get_by_label_contains("Foreign Minister Sergei Lavrov said on Thursday");
    h.get_by_label("Talks resume in Geneva");
    // The quotes list shows each quote's first words.
    h.get_by_label("“We will not accept this,”");
    h.get_by_label("“Zoë’s bakery stays open,”");
    assert_eq!(h.state().title(), "fixture.ron — Sayso");
}

#[test]
fn clicking_a_list_entry_selects_it_and_accept_key_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Session::open(&fixture_file(&dir)).unwrap(), None);
    h.get_by_label("“Zoë’s bakery stays open,”").click();
    h.run();
    assert_eq!(h.state().review.selected, Some(AnnId(8)));
    h.get_by_label_contains("Why");
    h.key_press(egui::Key::A);
    h.run();
    assert_eq!(h.state().session.project.annotation(AnnId(8)).unwrap().status, Status::Accepted);
    assert!(h.state().session.is_dirty());
    assert!(h.state().title().contains('●'));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.project.annotation(AnnId(8)).unwrap().status, Status::Suggested);
    assert!(!h.state().session.is_dirty(), "undo back to the saved state clears the marker");
}

#[test]
fn mentions_tab_lists_entities() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Session::open(&fixture_file(&dir)).unwrap(), None);
    h.get_by_label("Mentions").click();
    h.run();
    h.get_by_label("Sergei Lavrov");
    h.get_by_label("Geneva");
}

#[test]
fn opens_a_typed_path_and_saves_with_ctrl_s() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, "Headline\n\n“It works,” she said.\n").unwrap();
    let mut h = harness(SaysoApp::sample_session(), None);
    h.state_mut().send(AppCommand::OpenPath(article.clone()));
    h.run();
    // The sample was untouched, so no question is asked.
    h.get_by_label("“It works,” she said.");
    assert_eq!(h.state().title(), "story.txt (not saved as a project) — Sayso");
    // Work on it, then save: the project goes beside the article.
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(h.state().review.selected.is_some(), "Tab selects the first suggestion");
    h.key_press(egui::Key::A);
    h.run();
    assert!(h.state().title().contains('●'));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    // The save prompt proposes a project beside the article; accept it.
    let target = dir.path().join("story.ron");
    assert_eq!(h.get_by_label("Path").value().as_deref(), Some(target.display().to_string().as_str()));
    h.get_by_label("Save").click();
    h.run();
    assert!(target.exists());
    assert!(!h.state().session.is_dirty());
    assert_eq!(sayso::store::load(&target).unwrap().project, h.state().session.project);
}

#[test]
fn browse_uses_the_picker_off_the_ui_thread() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_file(&dir);
    let mut h = harness(SaysoApp::sample_session(), Some(project.clone()));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    h.get_by_label("Browse…").click();
    for _ in 0..50 {
        h.step();
        if h.state().session.path.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(h.state().session.path.as_deref(), Some(project.as_path()));
}

#[test]
fn no_picker_result_keeps_the_typed_path_option() {
    let mut h = harness(SaysoApp::sample_session(), None);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    h.get_by_label("Browse…").click();
    for _ in 0..50 {
        h.step();
        if h.query_by_label_contains("No file was chosen").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.get_by_label_contains("No file was chosen");
    h.get_by_label("Path");
}

#[test]
fn opening_another_file_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Session::open(&fixture_file(&dir)).unwrap(), None);
    h.state_mut().send(AppCommand::Select(AnnId(7)));
    h.run();
    h.key_press(egui::Key::X);
    h.run();
    assert!(h.state().session.is_dirty());
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Other story\n").unwrap();
    h.state_mut().send(AppCommand::OpenPath(other));
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().session.display_name(), "fixture.ron", "cancel keeps the project");
    assert_eq!(h.state().session.project.annotation(AnnId(7)).unwrap().status, Status::Rejected);
}

#[test]
fn a_bad_file_gives_a_notice_and_keeps_the_current_project() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("photo.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let mut h = harness(SaysoApp::sample_session(), None);
    h.state_mut().send(AppCommand::OpenPath(png));
    h.run();
    h.get_by_label_contains("looks like a binary file (a PNG image)");
    assert_eq!(h.state().session.display_name(), "sample-article.txt (not saved as a project)");
}

#[test]
fn file_export_writes_reviewed_work_where_the_prompt_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Session::open(&fixture_file(&dir)).unwrap(), None);
    h.state_mut().send(AppCommand::Export(sayso::export::Format::Csv));
    h.run();
    let target = dir.path().join("fixture.csv");
    assert_eq!(h.get_by_label("Path").value().as_deref(), Some(target.display().to_string().as_str()));
    h.get_by_label("Export").click();
    h.run();
    let csv = std::fs::read_to_string(&target).unwrap();
    assert!(csv.contains("We will not accept this"), "the accepted quote is exported: {csv}");
    assert!(csv.contains("Zoë’s bakery"), "analyst-made work counts as reviewed: {csv}");
    assert!(!csv.contains("remains open"), "suggestions stay out by default: {csv}");
    h.get_by_label_contains("Exported");
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancels_the_close() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Session::open(&fixture_file(&dir)).unwrap(), None);
    h.state_mut().send(AppCommand::Select(AnnId(7)));
    h.run();
    h.key_press(egui::Key::A);
    h.run();
    h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    h.step();
    let cancelled = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.iter().any(|c| matches!(c, egui::ViewportCommand::CancelClose)));
    assert!(cancelled, "the close is held back");
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label("Save").click();
    h.run();
    assert!(!h.state().session.is_dirty(), "Save in the dialog saves");
    let saved = sayso::store::load(&dir.path().join("fixture.ron")).unwrap().project;
    assert_eq!(saved.annotation(AnnId(7)).unwrap().status, Status::Accepted);
}

#[test]
fn a_hand_edited_project_opens_with_a_warning_that_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = common::project();
    project.documents[0].text = project.documents[0].text.replace("Thursday", "Friday!!");
    let path = dir.path().join("edited.ron");
    sayso::store::save(&project, &path).unwrap();
    let mut h = harness(Session::open(&path).unwrap(), None);
    h.run();
    h.get_by_label_contains("does not match its hash");
    h.state_mut().send(AppCommand::ZoomIn);
    h.run();
    h.get_by_label_contains("does not match its hash");
}
