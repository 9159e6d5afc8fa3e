//! Disagreements between two analysts' versions of one annotation, kept in a merged project
//! until someone settles them. Nothing either analyst did is lost: each conflict holds both
//! versions whole, and who made them.

use super::{AnnId, Annotation, DocId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ConflictId(pub u64);

impl std::fmt::Display for ConflictId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "c{}", self.0)
    }
}

/// One analyst's version: the annotation as they left it, or `None` when they do not have it
/// (they never marked it, or deleted it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub analyst: String,
    #[serde(default)]
    pub annotation: Option<Annotation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub id: ConflictId,
    pub doc: DocId,
    /// The annotation that stands in the project for the disputed one until it is settled: the
    /// first version, or the second when the first analyst has none. Both versions carry this id,
    /// and links point at it, so settling it never leaves a link dangling.
    pub ann: AnnId,
    /// What the versions disagree on ("label", "status", "span", …).
    pub fields: Vec<String>,
    pub first: Version,
    pub second: Version,
}

impl Conflict {
    /// Both versions, first then second.
    pub fn versions(&self) -> [&Version; 2] {
        [&self.first, &self.second]
    }
}
