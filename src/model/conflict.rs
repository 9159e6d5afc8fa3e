//! Disagreements between two analysts' versions of one annotation or entity, kept in a merged
//! project until someone settles them. Nothing either analyst did is lost: each conflict holds
//! both versions whole, and who made them.

use super::{AnnId, Annotation, DocId, Entity, EntityId, Project};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ConflictId(pub u64);

impl std::fmt::Display for ConflictId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "c{}", self.0)
    }
}

/// One analyst's version: the annotation as they left it, or `None` when they do not have it
/// (they never marked it, or deleted it); in an entity's conflict, the entity as they left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub analyst: String,
    #[serde(default)]
    pub annotation: Option<Annotation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<Entity>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub id: ConflictId,
    pub doc: DocId,
    /// The annotation that stands in the project for the disputed one until it is settled: the
    /// first version, or the second when the first analyst has none. Both versions carry this id,
    /// and links point at it, so settling it never leaves a link dangling.
    pub ann: AnnId,
    /// What the versions disagree on ("label", "status", "span", …; "entity label", "entity
    /// name" for an entity).
    pub fields: Vec<String>,
    pub first: Version,
    pub second: Version,
    /// The entity disputed, when the analysts disagree on an entity rather than an annotation:
    /// its versions hold the entity, and `doc` and `ann` are the mention of it where the merge
    /// found it (the window shows it at whichever mention of it comes first, see
    /// [`Conflict::stands_at`], as mentions come and go while conflicts are settled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityId>,
}

impl Conflict {
    /// Both versions, first then second.
    pub fn versions(&self) -> [&Version; 2] {
        [&self.first, &self.second]
    }

    /// The annotation the window selects to show this conflict: the disputed annotation, or for
    /// an entity the first of its mentions in reading order (`None` when nothing mentions it).
    pub fn stands_at(&self, project: &Project) -> Option<AnnId> {
        let Some(entity) = self.entity else { return Some(self.ann) };
        let rank = project.document_ranks();
        let mentions = project.annotations.iter().filter(|a| a.links.entity == Some(entity));
        mentions.min_by_key(|a| (rank.get(&a.doc).copied(), a.span.start(), a.id)).map(|a| a.id)
    }
}
