//! Counts of a project's contents, for `sayso check`, the status bar and progress display.

use super::{Project, Status};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub suggested: usize,
    pub accepted: usize,
    pub rejected: usize,
}

impl StatusCounts {
    fn add(&mut self, status: Status) {
        match status {
            Status::Suggested => self.suggested += 1,
            Status::Accepted => self.accepted += 1,
            Status::Rejected => self.rejected += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.suggested + self.accepted + self.rejected
    }

    /// Accepted or rejected: decided by the analyst.
    pub fn reviewed(&self) -> usize {
        self.accepted + self.rejected
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub annotations: usize,
    pub by_status: StatusCounts,
    /// Per layer name, in name order.
    pub by_layer: BTreeMap<String, StatusCounts>,
    /// Disagreements a merge left to settle.
    pub conflicts: usize,
}

impl Summary {
    pub fn of(project: &Project) -> Summary {
        let mut s = Summary {
            documents: project.documents.len(),
            annotations: project.annotations.len(),
            conflicts: project.conflicts.len(),
            ..Summary::default()
        };
        for a in &project.annotations {
            s.by_status.add(a.status);
            s.by_layer.entry(a.layer.name().to_string()).or_default().add(a.status);
        }
        s
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let b = &self.by_status;
        write!(
            f,
            "{} document(s), {} annotation(s) ({} suggested, {} accepted, {} rejected)",
            self.documents, self.annotations, b.suggested, b.accepted, b.rejected
        )?;
        let layers: Vec<String> = self.by_layer.iter().map(|(name, c)| format!("{name} {}", c.total())).collect();
        if !layers.is_empty() {
            write!(f, "; {}", layers.join(", "))?;
        }
        if self.conflicts > 0 {
            write!(f, "; {} conflict(s) to settle", self.conflicts)?;
        }
        Ok(())
    }
}
