//! Entities: the real-world things that mentions refer to, so "Lavrov" and "Sergey Lavrov" are one.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityId(pub u64);

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "e{}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// Its type, a mention label from the schema ("PERSON", "ORG", …).
    pub label: String,
    /// The name shown for it ("Sergei Lavrov").
    pub name: String,
    /// Other names it goes by, sorted and unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}
