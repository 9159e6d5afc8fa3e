//! Statements reported more than once: quotations in different articles that give one person's
//! one statement (a briefing carried by two wire services). Each quotation of such a group links
//! to it (`Links::statement`); the group itself holds whether the analyst confirmed it and why it
//! was proposed.

use super::Status;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StatementId(pub u64);

impl std::fmt::Display for StatementId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "s{}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub id: StatementId,
    /// Suggested by Sayso, or confirmed by the analyst (rejected groups are removed).
    pub status: Status,
    /// Why its versions were taken for one statement ("the same words", "shares “…”").
    pub reason: String,
}
