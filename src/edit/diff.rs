//! The edit that turns one project into another: how recovered work is restored as one undoable
//! step, and how the analyst is told what a recovery file would change before choosing.

use super::Edit;
use crate::model::Project;
use std::collections::BTreeMap;

/// How many records an edit from one project to another adds, changes and removes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub annotations_added: usize,
    pub annotations_changed: usize,
    pub annotations_removed: usize,
    pub entities_changed: usize,
    pub documents_changed: usize,
    pub statements_changed: usize,
    pub conflicts_changed: usize,
    pub schema_changed: bool,
    pub memory_changed: bool,
}

impl Counts {
    pub fn is_empty(&self) -> bool {
        *self == Counts::default()
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_empty() {
            return write!(f, "no differences");
        }
        let mut parts = Vec::new();
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        for (n, what) in [
            (self.annotations_added, "added"),
            (self.annotations_changed, "changed"),
            (self.annotations_removed, "removed"),
        ] {
            if n > 0 {
                parts.push(format!("{} {what}", plural(n, "annotation", "annotations")));
            }
        }
        if self.entities_changed > 0 {
            parts.push(format!("{} added, changed or removed", plural(self.entities_changed, "entity", "entities")));
        }
        if self.documents_changed > 0 {
            parts
                .push(format!("{} added, changed or removed", plural(self.documents_changed, "document", "documents")));
        }
        if self.statements_changed > 0 {
            let groups = plural(self.statements_changed, "statement group", "statement groups");
            parts.push(format!("{groups} added, changed or removed"));
        }
        if self.conflicts_changed > 0 {
            let conflicts = plural(self.conflicts_changed, "conflict", "conflicts");
            parts.push(format!("{conflicts} added, settled or changed"));
        }
        if self.schema_changed {
            parts.push("labels changed".to_string());
        }
        if self.memory_changed {
            parts.push("what the project remembers changed".to_string());
        }
        write!(f, "{}", parts.join(", "))
    }
}

/// The edit from `from` to `to`, or `None` when a document's text differs (edits never change
/// article text, so such a change cannot be one undoable step).
pub fn between(from: &Project, to: &Project) -> Option<(Edit, Counts)> {
    let old_docs: BTreeMap<_, _> = from.documents.iter().map(|d| (d.id, d)).collect();
    if to.documents.iter().any(|d| old_docs.get(&d.id).is_some_and(|o| o.text != d.text)) {
        return None;
    }
    let mut edits = Vec::new();
    let mut counts = Counts::default();
    // Documents first (annotations point into them), removed ones last.
    for d in &to.documents {
        if old_docs.get(&d.id) != Some(&d) {
            counts.documents_changed += 1;
            edits.push(Edit::PutDocument(Box::new(d.clone())));
        }
    }
    let old: BTreeMap<_, _> = from.annotations.iter().map(|a| (a.id, a)).collect();
    let new: BTreeMap<_, _> = to.annotations.iter().map(|a| (a.id, a)).collect();
    // Links must point at existing records after every primitive step: entities first, then
    // annotations put, then annotations and entities removed.
    let old_entities: BTreeMap<_, _> = from.entities.iter().map(|e| (e.id, e)).collect();
    for e in &to.entities {
        if old_entities.get(&e.id) != Some(&e) {
            counts.entities_changed += 1;
            edits.push(Edit::PutEntity(e.clone()));
        }
    }
    for (id, a) in &new {
        match old.get(id) {
            None => counts.annotations_added += 1,
            Some(o) if o != a => counts.annotations_changed += 1,
            Some(_) => continue,
        }
        edits.push(Edit::PutAnnotation(Box::new((*a).clone())));
    }
    for id in old.keys().filter(|id| !new.contains_key(id)) {
        counts.annotations_removed += 1;
        edits.push(Edit::RemoveAnnotation(*id));
    }
    let new_entities: BTreeMap<_, _> = to.entities.iter().map(|e| (e.id, e)).collect();
    for id in old_entities.keys().filter(|id| !new_entities.contains_key(id)) {
        counts.entities_changed += 1;
        edits.push(Edit::RemoveEntity(*id));
    }
    let new_docs: BTreeMap<_, _> = to.documents.iter().map(|d| (d.id, d)).collect();
    for id in old_docs.keys().filter(|id| !new_docs.contains_key(id)) {
        counts.documents_changed += 1;
        edits.push(Edit::RemoveDocument(*id));
    }
    let old_statements: BTreeMap<_, _> = from.statements.iter().map(|s| (s.id, s)).collect();
    let new_statements: BTreeMap<_, _> = to.statements.iter().map(|s| (s.id, s)).collect();
    for s in &to.statements {
        if old_statements.get(&s.id) != Some(&s) {
            counts.statements_changed += 1;
            edits.push(Edit::PutStatement(s.clone()));
        }
    }
    for id in old_statements.keys().filter(|id| !new_statements.contains_key(id)) {
        counts.statements_changed += 1;
        edits.push(Edit::RemoveStatement(*id));
    }
    let old_conflicts: BTreeMap<_, _> = from.conflicts.iter().map(|c| (c.id, c)).collect();
    let new_conflicts: BTreeMap<_, _> = to.conflicts.iter().map(|c| (c.id, c)).collect();
    for c in &to.conflicts {
        if old_conflicts.get(&c.id) != Some(&c) {
            counts.conflicts_changed += 1;
            edits.push(Edit::PutConflict(Box::new(c.clone())));
        }
    }
    for id in old_conflicts.keys().filter(|id| !new_conflicts.contains_key(id)) {
        counts.conflicts_changed += 1;
        edits.push(Edit::RemoveConflict(*id));
    }
    if from.schema != to.schema {
        counts.schema_changed = true;
        edits.push(Edit::SetSchema(Box::new(to.schema.clone())));
    }
    if from.memory != to.memory {
        counts.memory_changed = true;
        edits.push(Edit::SetMemory(Box::new(to.memory.clone())));
    }
    Some((Edit::Batch(edits), counts))
}
