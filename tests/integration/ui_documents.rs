//! A project of several articles in the window: the document list, moving between documents,
//! review that runs on from one document into the next, adding, removing and describing them.

use crate::ui_support::{self, harness};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sayso::app::{AppCommand, SaysoApp};
use sayso::model::{DocId, Status};
use sayso::session::Session;
use std::path::{Path, PathBuf};

const SPUTNIK: &str = "Syrian army halts Aleppo operations\n\n“Combat operations have been suspended,” \
Russian Foreign Minister Sergei Lavrov said on Thursday.";
const TASS: &str = "Lavrov: Aleppo evacuation under way\n\n“A column of about 8,000 people is leaving,” \
Sergey Lavrov told reporters. He said talks would go on.";

fn articles(dir: &Path) -> (PathBuf, PathBuf) {
    let (a, b) = (dir.join("sputnik.txt"), dir.join("tass.txt"));
    std::fs::write(&a, SPUTNIK).unwrap();
    std::fs::write(&b, TASS).unwrap();
    (a, b)
}

fn two_documents(dir: &Path) -> Harness<'static, SaysoApp> {
    let (a, b) = articles(dir);
    let mut h = harness(Session::open(&a).unwrap());
    h.state_mut().send(AppCommand::AddPaths(vec![b]));
    h.run();
    h
}

fn ctrl(h: &mut Harness<'static, SaysoApp>, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, key);
    h.run();
}

#[test]
fn added_articles_are_listed_shown_and_stepped_through() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_documents(dir.path());
    let p = &h.state().session.project;
    assert_eq!(p.documents.len(), 2);
    assert!(p.annotations.iter().any(|a| a.doc == DocId(2)), "the added article has suggestions");
    assert_eq!(h.state().session.doc, DocId(2), "the added article is shown");
    h.get_by_label_contains("Sergey Lavrov told reporters");
    h.get_by_label("Documents (2)").click();
    h.run();
    h.get_by_label("Syrian army halts Aleppo operations").click();
    h.run();
    assert_eq!(h.state().session.doc, DocId(1));
    h.get_by_label_contains("Lavrov said on Thursday");
    assert!(h.query_by_label_contains("Sergey Lavrov told reporters").is_none(), "one document at a time");
    ctrl(&mut h, Key::PageDown);
    assert_eq!(h.state().session.doc, DocId(2), "Ctrl+PgDn: next document");
    ctrl(&mut h, Key::PageDown);
    assert_eq!(h.state().session.doc, DocId(1), "round to the first");
    ctrl(&mut h, Key::PageUp);
    assert_eq!(h.state().session.doc, DocId(2), "Ctrl+PgUp: previous");
    h.get_by_label_contains("document 2 of 2");
    h.get_by_label("Entities").click();
    h.run();
    h.get_by_label("All documents").click();
    h.run();
    let row = h.get_by_label_contains("Sergei Lavrov (").accesskit_node().label().unwrap_or_default();
    assert!(row.contains("quoted") && row.ends_with("· 2 documents)"), "one person across both reports: {row}");
}

#[test]
fn tab_runs_on_from_the_end_of_one_document_into_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_documents(dir.path());
    let last_of_first = {
        let p = &h.state().session.project;
        let mut first: Vec<_> = p.annotations_of(DocId(1)).filter(|a| a.status == Status::Suggested).collect();
        first.sort_by_key(|a| (a.span.start(), a.span.end(), a.id));
        first.last().unwrap().id
    };
    h.state_mut().send(AppCommand::Select(last_of_first));
    h.run();
    assert_eq!(h.state().session.doc, DocId(1));
    h.key_press(Key::Tab);
    h.run();
    let next = h.state().review.selected.unwrap();
    assert_eq!(h.state().session.project.annotation(next).unwrap().doc, DocId(2));
    assert_eq!(h.state().session.doc, DocId(2), "the next document is shown");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert_eq!(h.state().review.selected, Some(last_of_first), "and Shift+Tab goes back into the first");
}

#[test]
fn adding_removing_and_describing_documents_are_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_documents(dir.path());
    h.state_mut().send(AppCommand::Undo);
    h.run();
    assert_eq!(h.state().session.project.documents.len(), 1, "undo takes the added article back");
    assert_eq!(h.state().session.doc, DocId(1));
    h.state_mut().send(AppCommand::Redo);
    h.run();
    h.state_mut().send(AppCommand::RemoveDocument(DocId(1)));
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.documents.iter().map(|d| d.id).collect::<Vec<_>>(), vec![DocId(2)]);
    assert!(p.annotations.iter().all(|a| a.doc == DocId(2)));
    assert_eq!(h.state().session.doc, DocId(2));
    h.state_mut().send(AppCommand::Undo);
    h.run();
    assert_eq!(h.state().session.project.documents.len(), 2);

    h.state_mut().send(AppCommand::ShowDocument(DocId(1)));
    h.run();
    h.get_by_label("Document Outlet").click();
    h.run();
    h.get_by_label("Document Outlet").type_text("Sputnik");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().session.project.document(DocId(1)).unwrap().source, "Sputnik");
    h.get_by_label("Documents (2)").click();
    h.run();
    h.get_by_label_contains("Sputnik · reviewed 0/");
    h.state_mut().send(AppCommand::Undo);
    h.run();
    assert_eq!(h.state().session.project.document(DocId(1)).unwrap().source, "");
}

/// A file dropped on the window, as the desktop hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_several_files_adds_them_and_a_folder_adds_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = articles(dir.path());
    let mut h = harness(SaysoApp::sample_session());
    for path in [a, b] {
        h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(path)));
    }
    h.run();
    assert_eq!(h.state().session.project.documents.len(), 3, "the sample and both dropped articles");
    let folder = dir.path().join("more");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("one.txt"), SPUTNIK).unwrap();
    std::fs::write(folder.join("two.md"), TASS).unwrap();
    std::fs::write(folder.join("photo.png"), b"\x89PNG\r\n").unwrap();
    h.state_mut().send(AppCommand::AddPaths(vec![folder]));
    h.run();
    let titles: Vec<String> = h.state().session.project.documents.iter().map(|d| d.title.clone()).collect();
    assert_eq!(titles.len(), 5, "a folder adds its text and Markdown articles only: {titles:?}");
}

#[test]
fn insights_chart_who_is_quoted_and_save_their_tables() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = two_documents(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    h.run();
    h.get_by_label("Who is quoted");
    assert_eq!(h.query_all_by_label_contains("Nothing to count yet").count(), 5, "one per table: nothing reviewed");
    h.get_by_label("Count suggestions too").click();
    h.run();
    assert!(h.query_by_label_contains("Nothing to count yet").is_none(), "suggestions counted");
    h.get_all_by_label_contains("Table (").next().expect("the speakers' table").click();
    h.run();
    h.get_by_label("Sergei Lavrov");
    h.get_by_label("Save the charts (PNG) and tables (CSV)…").click();
    h.run();
    let folder = dir.path().join("out");
    ui_support::retype(&mut h, &folder.display().to_string());
    h.key_press(Key::Enter);
    h.run();
    let speakers = std::fs::read_to_string(folder.join("speakers.csv")).unwrap();
    assert!(
        speakers.starts_with("speaker,type,quotes,articles\n") && speakers.contains("Sergei Lavrov,PERSON,"),
        "{speakers}"
    );
    let chart = std::fs::read(folder.join("speakers.png")).unwrap();
    assert!(chart.starts_with(b"\x89PNG\r\n\x1a\n"), "each chart is saved as PNG beside its table");
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().insights.open, "Esc closes the window");
}
