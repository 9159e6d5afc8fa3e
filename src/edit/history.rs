//! Undo/redo stacks over [`Edit`]s, and the saved-state marker they move.

use super::{Edit, EditError, apply};
use crate::model::Project;

#[derive(Debug, Clone)]
struct Step {
    name: String,
    redo: Edit,
    undo: Edit,
}

/// The project's edit history. `saved_at` is the undo depth at the last save (`None` when that
/// state is no longer reachable), so undoing back to the saved state clears the unsaved marker.
#[derive(Debug, Clone)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    saved_at: Option<usize>,
    /// Bumped on every change, so caches and autosave can tell the project moved on.
    generation: u64,
}

impl Default for History {
    fn default() -> Self {
        History { done: Vec::new(), undone: Vec::new(), saved_at: Some(0), generation: 0 }
    }
}

impl History {
    /// Applies an edit as one undoable step named `name` ("Accept", "Merge entities"), with the
    /// analyst at work named on what it creates or reviews ([`super::stamp`]) and what the
    /// decision teaches remembered with it ([`super::learn`]).
    pub fn apply(&mut self, project: &mut Project, name: impl Into<String>, edit: Edit) -> Result<(), EditError> {
        let edit = super::learn(project, super::stamp(project, edit));
        let undo = apply(project, edit.clone())?;
        if self.saved_at.is_some_and(|s| s > self.done.len()) {
            self.saved_at = None;
        }
        self.undone.clear();
        self.done.push(Step { name: name.into(), redo: edit, undo });
        self.generation += 1;
        Ok(())
    }

    /// Undoes the last step; returns its name.
    pub fn undo(&mut self, project: &mut Project) -> Option<String> {
        let step = self.done.pop()?;
        // The inverse of an applied edit always applies.
        let _ = apply(project, step.undo.clone());
        let name = step.name.clone();
        self.undone.push(step);
        self.generation += 1;
        Some(name)
    }

    /// Redoes the last undone step; returns its name.
    pub fn redo(&mut self, project: &mut Project) -> Option<String> {
        let step = self.undone.pop()?;
        let _ = apply(project, step.redo.clone());
        let name = step.name.clone();
        self.done.push(step);
        self.generation += 1;
        Some(name)
    }

    pub fn undo_name(&self) -> Option<&str> {
        self.done.last().map(|s| s.name.as_str())
    }

    pub fn redo_name(&self) -> Option<&str> {
        self.undone.last().map(|s| s.name.as_str())
    }

    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.done.len());
    }

    /// The project in memory no longer matches any saved file (work restored from a recovery
    /// file, say), whatever is undone.
    pub fn mark_unsaved(&mut self) {
        self.saved_at = None;
        self.generation += 1;
    }

    /// Forgets every step after the project was replaced or changed outside the history (work
    /// restored from a recovery file, spans re-anchored): it matches no saved file. The
    /// generation keeps counting, so nothing keyed on it takes the new state for an old one.
    pub fn restart(&mut self) {
        self.done.clear();
        self.undone.clear();
        self.mark_unsaved();
    }

    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.done.len())
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }
}
