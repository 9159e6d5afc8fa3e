//! The domain model: plain data that the rest of Sayso reads and the edit layer changes.
//!
//! Offsets everywhere are Unicode code points (Rust `char`s) into a document's text, end exclusive,
//! the convention of spaCy, doccano, brat and Python string indices. [`TextIndex`] maps them to
//! byte offsets in near-constant time.

mod annotation;
mod conflict;
mod document;
mod entity;
mod memory;
mod project;
mod queries;
mod schema;
mod span;
mod statement;
mod summary;
mod text_index;

pub use annotation::{AnnId, Annotation, AttributionFilter, AttributionType, Layer, Links, Origin, Status};
pub use conflict::{Conflict, ConflictId, Version};
pub use document::{DocId, Document, text_hash};
pub use entity::{Entity, EntityId};
pub use memory::{Labelled, Lesson, Memory, Named, Rejected, normalise};
pub use project::{FORMAT_VERSION, Project, analyst_tag};
pub use queries::{excerpt, mention_label, speaker_entity};
pub use schema::{Color, LabelDef, Schema};
pub use span::{Span, SpanError};
pub use statement::{Statement, StatementId};
pub use summary::{StatusCounts, Summary};
pub use text_index::{TextIndex, advance};
