//! Autosave and crash recovery through the window: recovery files appear a moment after a
//! change, go away with a clean save, and are offered back (restore, keep both, discard) when
//! the project opens again.

use crate::common;

use crate::ui_support::{self, FakePicker};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sayso::app::{AppCommand, SaysoApp};
use sayso::model::{AnnId, Project, Status};
use sayso::session::Session;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

fn harness(session: Session, data_dir: &Path) -> Harness<'static, SaysoApp> {
    let mut app = SaysoApp::new(session, Arc::new(FakePicker(None)));
    app.set_recovery_dir(Some(data_dir.to_path_buf()));
    app.set_autosave_delay(0.0);
    app.check_recovery();
    ui_support::harness_with(app, egui::vec2(1400.0, 900.0))
}

/// Runs a few frames and waits for the autosave thread.
fn settle(h: &mut Harness<'static, SaysoApp>) {
    h.run();
    h.state().flush_autosave();
}

fn saved_fixture(dir: &Path) -> PathBuf {
    let path = dir.join("fixture.ron");
    sayso::store::save(&common::project(), &path).unwrap();
    path
}

/// The saved fixture open, with annotation 7 reviewed by `key` and the autosave written.
fn reviewed_one(dir: &Path, key: egui::Key) -> (Harness<'static, SaysoApp>, PathBuf) {
    let path = saved_fixture(dir);
    let mut h = harness(Session::open(&path).unwrap(), dir);
    h.state_mut().send(AppCommand::Select(AnnId(7)));
    h.run();
    h.key_press(key);
    settle(&mut h);
    (h, path)
}

fn recovery_of(project: &Path) -> PathBuf {
    project.with_file_name(format!("{}.recovery", project.file_name().unwrap().to_string_lossy()))
}

/// Leaves a recovery file as a crashed session would: the fixture with annotation 8 accepted,
/// written after the project file.
fn crashed_session(project: &Path) -> PathBuf {
    let mut p: Project = common::project();
    p.annotation_mut(AnnId(8)).unwrap().status = Status::Accepted;
    let recovery = recovery_of(project);
    sayso::recovery::write(&recovery, &p, &project.display().to_string()).unwrap();
    let earlier = SystemTime::now() - Duration::from_secs(120);
    std::fs::File::options().write(true).open(project).unwrap().set_modified(earlier).unwrap();
    recovery
}

fn status(h: &Harness<'static, SaysoApp>, id: u64) -> Status {
    h.state().session.project.annotation(AnnId(id)).unwrap().status
}

#[test]
fn a_change_is_autosaved_beside_the_project_and_a_clean_save_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = reviewed_one(dir.path(), egui::Key::A);
    let recovery = recovery_of(&path);
    let recovered = sayso::store::load(&recovery).expect("the recovery file is a readable project").project;
    assert_eq!(recovered.annotation(AnnId(7)).unwrap().status, Status::Accepted);
    assert_eq!(sayso::store::load(&path).unwrap().project, common::project(), "the project file is untouched");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    assert!(!recovery.exists(), "a clean save removes the recovery file");
    assert!(!h.state().session.is_dirty());
}

#[test]
fn undoing_back_to_the_saved_state_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = reviewed_one(dir.path(), egui::Key::X);
    assert!(recovery_of(&path).exists());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert!(!recovery_of(&path).exists());
}

#[test]
fn reopening_offers_recovered_work_and_restore_is_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_fixture(dir.path());
    let recovery = crashed_session(&path);
    let mut h = harness(Session::open(&path).unwrap(), dir.path());
    h.get_by_label("Unsaved work found");
    h.get_by_label_contains("1 annotation changed");
    assert_eq!(status(&h, 8), Status::Suggested, "nothing changes before the analyst chooses");
    h.get_by_label("Restore").click();
    settle(&mut h);
    assert_eq!(status(&h, 8), Status::Accepted);
    assert!(h.state().session.is_dirty(), "restored work is unsaved until saved");
    assert!(recovery.exists(), "restored work stays recoverable until it is saved");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(status(&h, 8), Status::Suggested);
    assert!(!h.state().session.is_dirty(), "undoing the restore returns to the saved file");
}

#[test]
fn keep_both_writes_the_recovered_work_as_its_own_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_fixture(dir.path());
    let recovery = crashed_session(&path);
    let mut h = harness(Session::open(&path).unwrap(), dir.path());
    h.get_by_label("Keep both").click();
    settle(&mut h);
    let copy = dir.path().join("fixture.recovered.ron");
    let kept = sayso::store::load(&copy).expect("the recovered copy is a project").project;
    assert_eq!(kept.annotation(AnnId(8)).unwrap().status, Status::Accepted);
    assert_eq!(status(&h, 8), Status::Suggested, "the open project is the saved one");
    assert!(!recovery.exists());
    h.get_by_label_contains("fixture.recovered.ron");
}

#[test]
fn discard_by_key_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_fixture(dir.path());
    let recovery = crashed_session(&path);
    let mut h = harness(Session::open(&path).unwrap(), dir.path());
    h.key_press(egui::Key::D);
    settle(&mut h);
    assert!(!recovery.exists());
    assert_eq!(status(&h, 8), Status::Suggested);
    assert!(h.query_by_label("Unsaved work found").is_none());
}

#[test]
fn a_recovery_file_older_than_the_project_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_fixture(dir.path());
    let recovery = crashed_session(&path);
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(SystemTime::now()).unwrap();
    let h = harness(Session::open(&path).unwrap(), dir.path());
    assert!(h.query_by_label("Unsaved work found").is_none());
    assert!(recovery.exists(), "an overtaken recovery file is left alone, not deleted");
}

#[test]
fn a_damaged_recovery_file_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_fixture(dir.path());
    let recovery = crashed_session(&path);
    let text = std::fs::read_to_string(&recovery).unwrap();
    std::fs::write(&recovery, &text[..text.len() / 2]).unwrap();
    let h = harness(Session::open(&path).unwrap(), dir.path());
    h.get_by_label_contains("cannot be read");
    assert!(recovery.exists());
}

#[test]
fn a_never_saved_article_recovers_from_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let article = dir.path().join("story.txt");
    std::fs::write(&article, "Talks resume\n\n“We will not accept this,” Sergei Lavrov said on Thursday.\n").unwrap();
    let mut h = harness(Session::open(&article).unwrap(), &data);
    let first = h.state().session.project.annotations[0].id;
    h.state_mut().send(AppCommand::Select(first));
    h.run();
    h.key_press(egui::Key::X);
    settle(&mut h);
    let files: Vec<_> = std::fs::read_dir(&data).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].to_string_lossy().starts_with("story-"), "{files:?}");
    drop(h);

    let mut h = harness(Session::open(&article).unwrap(), &data);
    h.get_by_label_contains("1 annotation changed");
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(status(&h, first.0), Status::Rejected);
}

#[test]
fn a_project_file_deleted_mid_session_is_noticed_and_save_writes_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_fixture(dir.path());
    let mut h = harness(Session::open(&path).unwrap(), dir.path());
    std::fs::remove_file(&path).unwrap();
    for _ in 0..150 {
        h.step();
    }
    h.get_by_label_contains("was moved, deleted or made unreadable on disk");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(sayso::store::load(&path).unwrap().project, common::project());
}

#[test]
fn closing_without_saving_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = reviewed_one(dir.path(), egui::Key::A);
    assert!(recovery_of(&path).exists());
    h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("Don't save").click();
    settle(&mut h);
    assert!(!recovery_of(&path).exists());
    assert_eq!(sayso::store::load(&path).unwrap().project, common::project());
}
