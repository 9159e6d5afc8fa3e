//! Consistency checks run on every load: each finding names the record it is about.

use crate::model::{AnnId, DocId, EntityId, Project};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The project cannot be trusted as it is; loading refuses it.
    Error,
    /// Worth telling the analyst; the project still loads.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tag = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{tag}: {}", self.message)
    }
}

fn error(message: String) -> Problem {
    Problem { severity: Severity::Error, message }
}

fn warning(message: String) -> Problem {
    Problem { severity: Severity::Warning, message }
}

/// Every problem in the project, errors first in record order.
pub fn validate(p: &Project) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut doc_len: HashMap<DocId, usize> = HashMap::new();
    for d in &p.documents {
        if doc_len.insert(d.id, d.len_chars()).is_some() {
            out.push(error(format!("document {} appears twice", d.id)));
        }
        if !d.hash_matches() {
            out.push(warning(format!(
                "document {} ({:?}): its text does not match its hash (edited outside Sayso?); spans may point at the wrong words",
                d.id, d.title
            )));
        }
    }
    let entities: HashSet<EntityId> = p.entities.iter().map(|e| e.id).collect();
    if entities.len() != p.entities.len() {
        out.extend(duplicates(p.entities.iter().map(|e| e.id)).map(|id| error(format!("entity {id} appears twice"))));
    }
    let anns: HashSet<AnnId> = p.annotations.iter().map(|a| a.id).collect();
    if anns.len() != p.annotations.len() {
        out.extend(
            duplicates(p.annotations.iter().map(|a| a.id)).map(|id| error(format!("annotation {id} appears twice"))),
        );
    }
    for a in &p.annotations {
        match doc_len.get(&a.doc) {
            None => out
                .push(error(format!("annotation {} refers to document {}, which is not in the project", a.id, a.doc))),
            Some(&len) => {
                if let Err(e) = a.span.check_within(len) {
                    out.push(error(format!("annotation {} ({}): {e}", a.id, a.label)));
                }
            }
        }
        let links = [("speaker", a.links.speaker), ("cue", a.links.cue), ("part_of", a.links.part_of)];
        for (name, target) in links {
            if let Some(t) = target.filter(|t| !anns.contains(t)) {
                out.push(error(format!("annotation {}: its {name} link points at {t}, which does not exist", a.id)));
            }
        }
        if let Some(e) = a.links.entity.filter(|e| !entities.contains(e)) {
            out.push(error(format!("annotation {}: its entity link points at {e}, which does not exist", a.id)));
        }
        if let Some(s) = a.links.statement.filter(|s| p.statement(*s).is_none()) {
            out.push(error(format!("annotation {}: its statement link points at {s}, which does not exist", a.id)));
        }
        if p.schema.label(&a.label).is_none() {
            out.push(warning(format!("annotation {} has label {:?}, which the schema does not define", a.id, a.label)));
        }
    }
    for s in &p.statements {
        let docs: HashSet<DocId> = p.versions_of(s.id).map(|v| v.doc).collect();
        if docs.len() < 2 {
            out.push(warning(format!("statement {} is reported in fewer than two documents", s.id)));
        }
    }
    out.sort_by_key(|p| p.severity != Severity::Error);
    out
}

fn duplicates<T: Ord + Copy>(ids: impl Iterator<Item = T>) -> impl Iterator<Item = T> {
    let mut v: Vec<T> = ids.collect();
    v.sort();
    let mut dups: Vec<T> = v.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).collect();
    dups.dedup();
    dups.into_iter()
}
