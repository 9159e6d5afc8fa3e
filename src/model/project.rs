//! The project: everything an analyst saves. Annotations and entities are kept sorted by id, so
//! lookups are binary searches and the saved file lists them in a stable order.
//!
//! New ids are allocated within the range of the analyst at work ([`analyst_tag`]): two analysts
//! who each add records to a copy of one project never hand out the same id, so their copies
//! merge (with git, or `sayso merge`) without two different records claiming one id.

use super::{
    AnnId, Annotation, Conflict, ConflictId, DocId, Document, Entity, EntityId, Memory, Schema, Statement, StatementId,
};
use serde::{Deserialize, Serialize};

/// The project file format this build writes. Older files are migrated on load; newer ones refused.
pub const FORMAT_VERSION: u32 = 6;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub format_version: u32,
    pub documents: Vec<Document>,
    pub schema: Schema,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// Statements reported in several documents, by id; their quotations link to them.
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// Disagreements left by merging two analysts' projects, by id, until they are settled.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// What the analyst taught: labels of names, rejected words, entities' names and aliases.
    #[serde(default)]
    pub memory: Memory,
    /// Who is working on the project now (not saved: each analyst's copy names its own). Their
    /// new records get ids in their range, and what they create or review carries their name.
    #[serde(skip)]
    pub analyst: String,
}

/// The 32-bit tag of an analyst's id range: ids they allocate start at `tag << 32` (documents,
/// with 32-bit ids, at `tag16 << 16`). An analyst without a name works in range 0, where
/// projects made before named analysts have all their ids.
pub fn analyst_tag(name: &str) -> u32 {
    let name = name.trim();
    if name.is_empty() {
        return 0;
    }
    // FNV-1a: stable across versions and platforms, unlike the standard library's hasher.
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    hash.max(1)
}

/// The next id after the highest of `records` (sorted by `id`) within `[base, base + width)`:
/// a binary search, as detection allocates an id per suggestion.
fn next_in_range<T>(records: &[T], id: impl Fn(&T) -> u64, base: u64, width: u64) -> u64 {
    let end = base.saturating_add(width);
    let i = records.partition_point(|r| id(r) < end);
    match i.checked_sub(1).map(|i| id(&records[i])) {
        Some(last) if last >= base => last + 1,
        _ => base + 1,
    }
}

impl Default for Project {
    fn default() -> Self {
        Project {
            format_version: FORMAT_VERSION,
            documents: Vec::new(),
            schema: Schema::default(),
            entities: Vec::new(),
            annotations: Vec::new(),
            statements: Vec::new(),
            conflicts: Vec::new(),
            memory: Memory::default(),
            analyst: String::new(),
        }
    }
}

impl Project {
    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// Inserts or replaces a document, keeping the id order.
    pub fn put_document(&mut self, document: Document) {
        match self.documents.iter().position(|d| d.id >= document.id) {
            Some(i) if self.documents[i].id == document.id => self.documents[i] = document,
            Some(i) => self.documents.insert(i, document),
            None => self.documents.push(document),
        }
    }

    pub fn remove_document(&mut self, id: DocId) -> Option<Document> {
        let i = self.documents.iter().position(|d| d.id == id)?;
        Some(self.documents.remove(i))
    }

    pub fn annotation(&self, id: AnnId) -> Option<&Annotation> {
        self.annotations.binary_search_by_key(&id, |a| a.id).ok().map(|i| &self.annotations[i])
    }

    pub fn annotation_mut(&mut self, id: AnnId) -> Option<&mut Annotation> {
        self.annotations.binary_search_by_key(&id, |a| a.id).ok().map(|i| &mut self.annotations[i])
    }

    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.binary_search_by_key(&id, |e| e.id).ok().map(|i| &self.entities[i])
    }

    pub fn entity_mut(&mut self, id: EntityId) -> Option<&mut Entity> {
        self.entities.binary_search_by_key(&id, |e| e.id).ok().map(|i| &mut self.entities[i])
    }

    /// The analyst's range of 64-bit ids starts here.
    fn range_base(&self) -> u64 {
        u64::from(analyst_tag(&self.analyst)) << 32
    }

    /// The next document id in the analyst's range (16 bits of tag, 16 of counter).
    pub fn next_doc_id(&self) -> DocId {
        let tag = analyst_tag(&self.analyst);
        let base = u64::from((tag >> 16) ^ (tag & 0xffff)) << 16;
        let end = base + (1 << 16);
        let ids = self.documents.iter().map(|d| u64::from(d.id.0)).filter(|id| (base..end).contains(id));
        DocId(u32::try_from(ids.max().unwrap_or(base) + 1).unwrap_or(u32::MAX))
    }

    pub fn next_ann_id(&self) -> AnnId {
        AnnId(next_in_range(&self.annotations, |a| a.id.0, self.range_base(), 1 << 32))
    }

    pub fn next_entity_id(&self) -> EntityId {
        EntityId(next_in_range(&self.entities, |e| e.id.0, self.range_base(), 1 << 32))
    }

    /// Inserts or replaces an annotation, keeping the id order.
    pub fn put_annotation(&mut self, annotation: Annotation) {
        match self.annotations.binary_search_by_key(&annotation.id, |a| a.id) {
            Ok(i) => self.annotations[i] = annotation,
            Err(i) => self.annotations.insert(i, annotation),
        }
    }

    pub fn remove_annotation(&mut self, id: AnnId) -> Option<Annotation> {
        let i = self.annotations.binary_search_by_key(&id, |a| a.id).ok()?;
        Some(self.annotations.remove(i))
    }

    /// Inserts or replaces an entity, keeping the id order.
    pub fn put_entity(&mut self, entity: Entity) {
        match self.entities.binary_search_by_key(&entity.id, |e| e.id) {
            Ok(i) => self.entities[i] = entity,
            Err(i) => self.entities.insert(i, entity),
        }
    }

    pub fn remove_entity(&mut self, id: EntityId) -> Option<Entity> {
        let i = self.entities.binary_search_by_key(&id, |e| e.id).ok()?;
        Some(self.entities.remove(i))
    }

    pub fn statement(&self, id: StatementId) -> Option<&Statement> {
        self.statements.binary_search_by_key(&id, |s| s.id).ok().map(|i| &self.statements[i])
    }

    pub fn next_statement_id(&self) -> StatementId {
        StatementId(next_in_range(&self.statements, |s| s.id.0, self.range_base(), 1 << 32))
    }

    pub fn conflict(&self, id: ConflictId) -> Option<&Conflict> {
        self.conflicts.binary_search_by_key(&id, |c| c.id).ok().map(|i| &self.conflicts[i])
    }

    /// Inserts or replaces a conflict, keeping the id order.
    pub fn put_conflict(&mut self, conflict: Conflict) {
        match self.conflicts.binary_search_by_key(&conflict.id, |c| c.id) {
            Ok(i) => self.conflicts[i] = conflict,
            Err(i) => self.conflicts.insert(i, conflict),
        }
    }

    pub fn remove_conflict(&mut self, id: ConflictId) -> Option<Conflict> {
        let i = self.conflicts.binary_search_by_key(&id, |c| c.id).ok()?;
        Some(self.conflicts.remove(i))
    }

    /// The conflict an annotation stands for, if it is disputed (not an entity's it mentions).
    pub fn conflict_of(&self, ann: AnnId) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| c.ann == ann && c.entity.is_none())
    }

    /// Inserts or replaces a statement, keeping the id order.
    pub fn put_statement(&mut self, statement: Statement) {
        match self.statements.binary_search_by_key(&statement.id, |s| s.id) {
            Ok(i) => self.statements[i] = statement,
            Err(i) => self.statements.insert(i, statement),
        }
    }

    pub fn remove_statement(&mut self, id: StatementId) -> Option<Statement> {
        let i = self.statements.binary_search_by_key(&id, |s| s.id).ok()?;
        Some(self.statements.remove(i))
    }

    /// The quotations that report statement `id`, in id order.
    pub fn versions_of(&self, id: StatementId) -> impl Iterator<Item = &Annotation> {
        self.annotations.iter().filter(move |a| a.links.statement == Some(id))
    }

    /// Each document's place in the project: the order the window lists and steps through them.
    pub fn document_ranks(&self) -> std::collections::HashMap<DocId, usize> {
        self.documents.iter().enumerate().map(|(i, d)| (d.id, i)).collect()
    }

    /// Annotations of one document, in id order.
    pub fn annotations_of(&self, doc: DocId) -> impl Iterator<Item = &Annotation> {
        self.annotations.iter().filter(move |a| a.doc == doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysts_allocate_in_ranges_of_their_own() {
        let mut p = Project::default();
        assert_eq!(p.next_ann_id(), AnnId(1), "no name: the old numbering");
        p.analyst = "alice".into();
        let alice = p.next_ann_id();
        p.analyst = "bob".into();
        let bob = p.next_ann_id();
        assert_ne!(alice, bob);
        assert_eq!(alice.0 >> 32, u64::from(analyst_tag("alice")));
        assert_eq!(alice.0 & 0xffff_ffff, 1);
        let mut a = Annotation::new(
            alice,
            DocId(1),
            crate::model::Span::new(0, 1).unwrap(),
            crate::model::Layer::Quote,
            "DIRECT",
            crate::model::Status::Accepted,
            crate::model::Origin::Analyst,
        );
        p.put_annotation(a.clone());
        a.id = AnnId(7);
        p.put_annotation(a);
        assert_eq!(p.next_ann_id(), bob, "another analyst's ids do not move bob's counter");
        p.analyst = "alice".into();
        assert_eq!(p.next_ann_id(), AnnId(alice.0 + 1));
        p.analyst.clear();
        assert_eq!(p.next_ann_id(), AnnId(8));
        assert_ne!(Project { analyst: "alice".into(), ..Project::default() }.next_doc_id(), DocId(1));
    }
}
