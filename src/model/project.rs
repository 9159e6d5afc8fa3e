//! The project: everything an analyst saves. Annotations and entities are kept sorted by id, so
//! lookups are binary searches and the saved file lists them in a stable order.

use super::{AnnId, Annotation, DocId, Document, Entity, EntityId, Schema, Statement, StatementId};
use serde::{Deserialize, Serialize};

/// The project file format this build writes. Older files are migrated on load; newer ones refused.
pub const FORMAT_VERSION: u32 = 4;

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

    pub fn next_doc_id(&self) -> DocId {
        DocId(self.documents.iter().map(|d| d.id.0 + 1).max().unwrap_or(1))
    }

    pub fn next_ann_id(&self) -> AnnId {
        AnnId(self.annotations.last().map_or(1, |a| a.id.0 + 1))
    }

    pub fn next_entity_id(&self) -> EntityId {
        EntityId(self.entities.last().map_or(1, |e| e.id.0 + 1))
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
        StatementId(self.statements.last().map_or(1, |s| s.id.0 + 1))
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

    /// Annotations of one document, in id order.
    pub fn annotations_of(&self, doc: DocId) -> impl Iterator<Item = &Annotation> {
        self.annotations.iter().filter(move |a| a.doc == doc)
    }
}
