//! Documents added, removed and described as single undoable steps.

use crate::common;

use sayso::edit::{Edit, actions, apply};
use sayso::model::{DocId, Document, Layer, Status};

const SECOND: &str = "Talks end in Geneva\n\n“We are done here,” Foreign Minister Sergei Lavrov said on Friday. \
Lavrov added that the talks “achieved nothing”.";

#[test]
fn adding_articles_brings_their_suggestions_and_one_undo_takes_them_back() {
    let original = common::project();
    let mut p = original.clone();
    let docs = vec![Document::new(DocId(99), "Talks end", SECOND), Document::new(DocId(99), "Empty", "Nothing said.")];
    let edit = actions::add_documents(&p, docs).unwrap();
    let undo = apply(&mut p, edit).unwrap();
    let ids: Vec<DocId> = p.documents.iter().map(|d| d.id).collect();
    assert_eq!(ids, vec![DocId(1), DocId(2), DocId(3)], "new ids after the project's");
    let quotes: Vec<_> = p.annotations_of(DocId(2)).filter(|a| a.layer == Layer::Quote).collect();
    assert!(!quotes.is_empty(), "detection ran on the added article");
    assert!(quotes.iter().all(|q| q.status == Status::Suggested));
    let first_new = original.annotations.last().unwrap().id.0 + 1;
    assert!(p.annotations_of(DocId(2)).all(|a| a.id.0 >= first_new), "ids continue after the project's");
    for q in &quotes {
        let speaker = p.annotation(q.links.speaker.expect("a speaker")).unwrap();
        assert_eq!(speaker.doc, DocId(2), "links point into the same new document");
    }
    let lavrov = p.entities.iter().filter(|e| e.name == "Sergei Lavrov").count();
    assert_eq!(lavrov, 1, "Lavrov stays one entity across documents: {:?}", p.entities);
    apply(&mut p, undo).unwrap();
    assert_eq!(p, original);
}

#[test]
fn removing_a_document_takes_its_annotations_and_own_entities_and_undo_restores_all() {
    let mut p = common::project();
    p = {
        let other = "Markets\n\n“Prices will rise,” economist Jane Doe said on Monday.";
        let edit = actions::add_documents(&p, vec![Document::new(DocId(1), "Markets", other)]).unwrap();
        let mut q = p.clone();
        apply(&mut q, edit).unwrap();
        q
    };
    let before = p.clone();
    let remove = actions::remove_document(&p, DocId(1)).unwrap();
    let undo = apply(&mut p, remove).unwrap();
    assert_eq!(p.documents.len(), 1);
    assert!(p.annotations.iter().all(|a| a.doc == DocId(2)));
    assert!(p.entity(sayso::model::EntityId(1)).is_none(), "Lavrov was named only in the removed document");
    assert!(p.entity(sayso::model::EntityId(2)).is_none(), "so was Geneva");
    assert!(p.entities.iter().any(|e| e.name == "Jane Doe"), "the other document's entities stay");
    apply(&mut p, undo).unwrap();
    assert_eq!(p, before);
    assert!(apply(&mut p, Edit::RemoveDocument(DocId(1))).is_err(), "never with annotations still in it");
}

#[test]
fn metadata_changes_but_the_text_never_does() {
    let mut p = common::project();
    let edit = actions::set_document_meta(&p, DocId(1), |d| {
        d.source = "TASS".into();
        d.date = "2016-11-24".into();
        d.text = "changed".into();
    })
    .unwrap();
    let undo = apply(&mut p, edit).unwrap();
    let d = p.document(DocId(1)).unwrap();
    assert_eq!((d.source.as_str(), d.date.as_str()), ("TASS", "2016-11-24"));
    assert_eq!(d.text, common::TEXT);
    apply(&mut p, undo).unwrap();
    assert_eq!(p, common::project());
    let mut other = p.document(DocId(1)).unwrap().clone();
    other.text.push('!');
    assert!(apply(&mut p, Edit::PutDocument(Box::new(other))).is_err());
    assert!(actions::set_document_meta(&p, DocId(1), |_| {}).is_none(), "no change, no edit");
}
