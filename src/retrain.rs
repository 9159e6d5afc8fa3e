//! A project's own entity model: retrained from the shipped weights and the analyst's reviewed
//! entity mentions ([`crate::detect::ner::fine_tune`]), saved beside the project as
//! `NAME.ner.bin` for `NAME.ron`, and used in place of the shipped model wherever that project's
//! articles are detected. No file beside the project: the shipped model, as before.

use crate::detect::ner::{self, Model, Reviewed};
use crate::detect::{Explain, MentionForm};
use crate::edit::Edit;
use crate::model::{AnnId, Annotation, Layer, Origin, Project, Status};
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
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        read => parse(&path, read).map(Some),
    }
}

/// The entity model in the file at `path` (`sayso train ner` writes them).
pub fn load(path: &Path) -> Result<Model, String> {
    parse(path, std::fs::read(path))
}

fn parse(path: &Path, read: std::io::Result<Vec<u8>>) -> Result<Model, String> {
    let bytes = read.map_err(|e| format!("{}: {e}", path.display()))?;
    Model::from_bytes(&bytes).ok_or(format!("{}: not an entity model", path.display()))
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

/// Where the name in `words` starts (in code points), past leading function words ("the Pacers"
/// → "Pacers"); `None` when no capitalised word that is not a function word follows ("He", "the
/// minister" are mentions, not names).
fn name_start(words: &str) -> Option<usize> {
    let mut word = String::new();
    for (i, c) in words.chars().chain(std::iter::once(' ')).enumerate() {
        if !c.is_whitespace() {
            word.push(c);
            continue;
        }
        if !word.is_empty() && !crate::detect::is_function_word(&word.to_lowercase()) {
            return word.starts_with(char::is_uppercase).then(|| i - word.chars().count());
        }
        word.clear();
    }
    None
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
                (Status::Accepted, Some(t)) => match name_start(doc.slice(a.span)) {
                    Some(skip) => r.names.push((span.0 + skip, span.1, t)),
                    None => r.not_names.push(span),
                },
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

/// The name labels a retrained model may change a suggestion between.
const NAME_LABELS: [&str; 5] = ["PERSON", "ORG", "GPE", "LOC", "MISC"];

/// A suggestion the project's model reads otherwise: its new label and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Retype {
    pub id: AnnId,
    /// The label it had when detection ran (it is changed only if it still has it).
    pub was: String,
    pub label: &'static str,
    pub reason: String,
}

/// Detects `project`'s documents again with `model` and lists the unreviewed name suggestions
/// whose words it now names with another label. Reviewed work, and suggestions relabelled after
/// the analyst's own label, are not looked at. Slow on a large project: meant for a thread.
pub fn retypes(project: &Project, model: &Model) -> Vec<Retype> {
    let mut out = Vec::new();
    for doc in &project.documents {
        let open: Vec<&Annotation> = project
            .annotations_of(doc.id)
            .filter(|a| a.layer == Layer::Mention && a.status == Status::Suggested)
            .filter(|a| NAME_LABELS.contains(&a.label.as_str()))
            .filter(|a| matches!(&a.origin, Origin::Detector { rule, .. } if rule != crate::edit::actions::twins::RULE))
            .collect();
        if open.is_empty() {
            continue;
        }
        let found = crate::detect::detect_with(&doc.text, Explain::Names, Some(model));
        let chars: Vec<char> = doc.text.chars().collect();
        for a in open {
            let same = found
                .mentions
                .iter()
                .position(|m| m.start == a.span.start() && m.end == a.span.end() && m.form == MentionForm::Name);
            let Some(k) = same else { continue };
            let m = &found.mentions[k];
            if m.label != a.label && NAME_LABELS.contains(&m.label) && project.schema.label(m.label).is_some() {
                let reason = format!("retrained on this project: {}", found.mention_reason(&chars, k));
                out.push(Retype { id: a.id, was: a.label.clone(), label: m.label, reason });
            }
        }
    }
    out
}

/// The one edit that gives `retypes` their labels, as suggestions still, skipping any the
/// analyst has reviewed or relabelled since; `None` when nothing changes.
pub fn retype_edit(project: &Project, retypes: &[Retype]) -> Option<Edit> {
    let edits: Vec<Edit> = retypes
        .iter()
        .filter_map(|r| {
            let a = project.annotation(r.id).filter(|a| a.status == Status::Suggested && a.label == r.was)?;
            let rule = format!("mention.{}", r.label.to_lowercase());
            let origin = Origin::Detector { rule, reason: r.reason.clone() };
            Some(Edit::PutAnnotation(Box::new(Annotation { label: r.label.to_string(), origin, ..a.clone() })))
        })
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
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
    fn a_retrained_model_retypes_unreviewed_suggestions_and_nothing_reviewed() {
        let Some(base) = ner::shipped() else { return };
        let text = "Shares of Zorblax rose. Zorblax said profits grew. Analysts like Zorblax.";
        let mut project = Project::default();
        project.put_document(Document::new(DocId(1), "t", text));
        crate::suggest::add_suggestions(&mut project, DocId(1), &crate::detect::detect(text));
        let zorblax: Vec<AnnId> = project
            .annotations
            .iter()
            .filter(|a| a.layer == Layer::Mention && project.documents[0].slice(a.span) == "Zorblax")
            .map(|a| a.id)
            .collect();
        assert_eq!(zorblax.len(), 3, "{:?}", project.annotations);
        assert!(zorblax.iter().all(|&id| project.annotation(id).unwrap().label != "ORG"), "already ORG");
        // The analyst makes the first an organisation and rejects nothing else.
        let first = project.annotation_mut(zorblax[0]).unwrap();
        first.label = "ORG".into();
        first.status = Status::Accepted;
        let model = retrain(&[&project]).unwrap();
        assert_eq!(model.to_bytes(), retrain(&[&project]).unwrap().to_bytes(), "deterministic");
        assert_ne!(model.to_bytes(), base.to_bytes());
        let retypes = retypes(&project, &model);
        assert_eq!(retypes.iter().map(|r| r.id).collect::<Vec<_>>(), zorblax[1..].to_vec(), "{retypes:?}");
        assert!(retypes.iter().all(|r| r.label == "ORG" && r.reason.starts_with("retrained on this project")));
        let mut after = project.clone();
        let undo = crate::edit::apply(&mut after, retype_edit(&project, &retypes).unwrap()).unwrap();
        assert!(zorblax.iter().all(|&id| after.annotation(id).unwrap().label == "ORG"));
        assert_eq!(after.annotation(zorblax[1]).unwrap().status, Status::Suggested);
        crate::edit::apply(&mut after, undo).unwrap();
        assert_eq!(after, project, "one undo takes it back");
    }

    #[test]
    fn a_name_starts_past_its_article_and_a_pronoun_or_description_is_none() {
        assert_eq!(name_start("Acme Corp"), Some(0));
        assert_eq!(name_start("the Pacers"), Some(4));
        assert_eq!(name_start("the\n Pacers"), Some(5));
        assert_eq!(name_start("The minister"), None);
        assert_eq!(name_start("He"), None);
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
