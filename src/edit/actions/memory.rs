//! The project's memory as the analyst changes it by hand: forgetting an entry, taking in a
//! file a team shares. (Decisions teach it on their own: [`crate::edit::learn`].)

use super::Edit;
use crate::model::{Lesson, Memory, Project};

/// Forgets one entry of the memory. Suggestions it already changed stay as they are.
pub fn forget(project: &Project, lesson: &Lesson) -> Option<Edit> {
    let mut memory = project.memory.clone();
    memory.forget(lesson).then(|| Edit::SetMemory(Box::new(memory)))
}

/// Takes `shared`'s lessons into the memory (they win over the project's on the same words) and
/// applies them to the suggestions already in the project, as one step. Also says how many
/// suggestions changed.
pub fn import(project: &Project, shared: &Memory) -> Option<(Edit, usize)> {
    let mut after = project.clone();
    after.memory.absorb(shared);
    let docs: Vec<_> = after.documents.iter().map(|d| d.id).collect();
    let changed = crate::recall::recall(&mut after, &docs);
    let (edit, counts) = crate::edit::diff::between(project, &after)?;
    (!counts.is_empty()).then_some((edit, changed))
}
