//! A project's own entity model: retrained from the shipped weights and the analyst's reviewed
//! entity mentions ([`crate::detect::ner::fine_tune`]), saved beside the project as
//! `NAME.ner.bin` for `NAME.ron`, and used in place of the shipped model wherever that project's
//! articles are detected. No file beside the project: the shipped model, as before.

use crate::detect::ner::{self, Model, Reviewed};
use crate::model::{Layer, Project, Status};
use std::path::{Path, PathBuf};

/// Where a project's entity model lives: `news.ron` → `news.ner.bin`.
pub fn model_path(project: &Path) -> PathBuf {
    project.with_extension("ner.bin")
}

/// The model beside `project`: `Ok(None)` when there is none, an error when the file is there
/// but cannot be read or is not an entity model.
pub fn load_beside(project: &Path) -> Result<Option<Model>, String> {
    let path = model_path(project);
    match std::fs::read(&path) {
        Ok(bytes) => Model::from_bytes(&bytes).map(Some).ok_or(format!("{}: not an entity model", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// The model's type index of a project's entity label; `None` for labels that are not names
/// (NORP, dates, numbers …), whose words the model learns to leave outside.
fn type_of(label: &str) -> Option<usize> {
    match label {
        "PERSON" => Some(0),
        "ORG" => Some(1),
        "GPE" | "LOC" | "FAC" => Some(2),
        "MISC" | "EVENT" | "WORK_OF_ART" | "LAW" | "PRODUCT" | "LANGUAGE" => Some(3),
        _ => None,
    }
}

/// Whether `words` read as a name: a first word with a capital that is not a function word
/// ("He", "The minister" are mentions, not names).
fn name_like(words: &str) -> bool {
    words.split_whitespace().next().is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && !crate::detect::is_function_word(&w.to_lowercase())
    })
}

/// Every document of `project` with its entity decisions, for [`ner::fine_tune`]: accepted
/// names (made by hand, accepted or relabelled) with their type, rejected suggestions and
/// accepted mentions that are not names as no name, unreviewed suggestions as pending.
/// Documents without a decision are left out.
pub fn reviewed(project: &Project) -> Vec<Reviewed> {
    let mut out = Vec::new();
    for doc in &project.documents {
        let mut r = Reviewed { text: doc.text.clone(), ..Default::default() };
        for a in project.annotations_of(doc.id).filter(|a| a.layer == Layer::Mention) {
            let span = (a.span.start(), a.span.end());
            match (a.status, type_of(&a.label)) {
                (Status::Suggested, _) => r.pending.push(span),
                (Status::Accepted, Some(t)) if name_like(doc.slice(a.span)) => r.names.push((span.0, span.1, t)),
                (Status::Accepted | Status::Rejected, _) => r.not_names.push(span),
            }
        }
        if !r.names.is_empty() || !r.not_names.is_empty() {
            r.names.sort_unstable();
            r.not_names.sort_unstable();
            r.pending.sort_unstable();
            out.push(r);
        }
    }
    out
}

/// The shipped model trained further on the reviewed work of `projects`; `None` when the
/// binary carries no model to start from.
pub fn retrain(projects: &[&Project]) -> Option<Model> {
    let base = ner::shipped()?;
    let reviewed: Vec<Reviewed> = projects.iter().flat_map(|p| reviewed(p)).collect();
    Some(ner::fine_tune(base, &reviewed, ner::TUNE_EPOCHS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnId, Annotation, DocId, Document, Origin, Span};

    fn mention(project: &mut Project, start: usize, end: usize, label: &str, status: Status) {
        let id = AnnId(project.annotations.len() as u64 + 1);
        let span = Span::new(start, end).unwrap();
        project.put_annotation(Annotation::new(id, DocId(1), span, Layer::Mention, label, status, Origin::Analyst));
    }

    #[test]
    fn decisions_become_names_no_names_and_pending_spans() {
        let mut project = Project::default();
        project.put_document(Document::new(DocId(1), "t", "Acme hired Bo. He left Paris. The minister spoke."));
        mention(&mut project, 0, 4, "ORG", Status::Accepted);
        mention(&mut project, 11, 13, "GPE", Status::Rejected);
        mention(&mut project, 15, 17, "PERSON", Status::Accepted);
        mention(&mut project, 23, 28, "GPE", Status::Suggested);
        mention(&mut project, 30, 42, "PERSON", Status::Accepted);
        let r = reviewed(&project);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].names, vec![(0, 4, 1)]);
        assert_eq!(r[0].not_names, vec![(11, 13), (15, 17), (30, 42)]);
        assert_eq!(r[0].pending, vec![(23, 28)]);
    }

    #[test]
    fn the_model_file_sits_beside_the_project() {
        assert_eq!(model_path(Path::new("/w/news.ron")), Path::new("/w/news.ner.bin"));
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        assert!(matches!(load_beside(&project), Ok(None)));
        std::fs::write(model_path(&project), b"not a model").unwrap();
        assert!(load_beside(&project).is_err_and(|e| e.contains("not an entity model")));
    }
}
