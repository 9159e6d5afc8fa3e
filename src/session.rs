//! An open project: the data, where it lives, and its edit history. No UI types, so headless
//! tests and the CLI drive it exactly as the window does.

use crate::edit::{Edit, EditError, History};
use crate::import::{self, ImportError};
use crate::model::{DocId, Project};
use crate::store::{self, Problem, Severity, StoreError};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub struct Session {
    pub project: Project,
    /// The project file, once saved or opened; `None` for an article not yet saved as a project.
    pub path: Option<PathBuf>,
    /// For a project made from an article: the article's path (or name, for the bundled
    /// sample), to title the window and propose where to save the project.
    pub source: Option<PathBuf>,
    pub history: History,
    /// The document on screen.
    pub doc: DocId,
    /// Problems found on load that did not stop it.
    pub warnings: Vec<Problem>,
    /// The project file's modification time when last read or written, to notice when another
    /// program moves, deletes or rewrites it.
    pub disk_stamp: Option<std::time::SystemTime>,
    /// The project's own entity model (`NAME.ner.bin` beside it, retrained from its reviewed
    /// work), used for the articles added to it; `None`: the built-in model.
    pub entity_model: Option<std::sync::Arc<crate::detect::ner::Model>>,
    /// Re-anchoring on offer: the article text was edited outside Sayso.
    pub reanchor: Option<store::Reanchor>,
}

impl Session {
    /// A session on a project already in memory (not yet saved anywhere).
    pub fn new(project: Project, source: Option<PathBuf>) -> Session {
        let doc = project.documents.first().map_or(DocId(1), |d| d.id);
        // A fresh import holds no analyst work yet, so nothing is lost by closing it: it starts clean.
        Session {
            project,
            path: None,
            source,
            history: History::default(),
            doc,
            warnings: Vec::new(),
            disk_stamp: None,
            reanchor: None,
            entity_model: None,
        }
    }

    /// Opens a project (`.ron`) or imports an article (anything else) into a new project.
    pub fn open(path: &Path) -> Result<Session, OpenError> {
        if path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
            let loaded = store::load(path)?;
            let mut session = Session::new(loaded.project, None);
            session.path = Some(path.to_path_buf());
            session.history.mark_saved();
            session.warnings = loaded.warnings;
            session.disk_stamp = modified(path);
            session.reanchor = loaded.reanchor;
            // A model file that cannot be read leaves the built-in model in charge, and says so.
            match crate::retrain::load_beside(path) {
                Ok(model) => session.entity_model = model.map(std::sync::Arc::new),
                Err(message) => session.warnings.push(Problem { severity: Severity::Warning, message }),
            }
            Ok(session)
        } else if import::is_jsonl(path) {
            // Many articles: one project of them, with their suggestions; lines that are not
            // articles are named on opening.
            let (docs, skipped) = import::read_jsonl(path)?;
            let mut project = Project::default();
            if let Some(edit) = crate::edit::actions::add_documents(&project, docs) {
                crate::edit::apply(&mut project, edit)
                    .map_err(|e| ImportError::Read { path: path.display().to_string(), message: e.to_string() })?;
            }
            let mut session = Session::new(project, Some(path.to_path_buf()));
            session.warnings = skipped
                .into_iter()
                .map(|message| store::Problem {
                    severity: store::Severity::Warning,
                    message: format!("{message} (skipped)"),
                })
                .collect();
            Ok(session)
        } else {
            let doc = import::import_file(path, DocId(1))?;
            Ok(Session::new(project_from_article(doc), Some(path.to_path_buf())))
        }
    }

    /// Imports article bytes held in memory (the bundled sample, dropped bytes).
    pub fn from_article_bytes(bytes: &[u8], name: &str) -> Result<Session, OpenError> {
        let stem = Path::new(name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let doc = import::import_bytes(bytes, name, &stem, import::TextKind::of_path(Path::new(name)), DocId(1))?;
        Ok(Session::new(project_from_article(doc), Some(PathBuf::from(name))))
    }

    pub fn apply(&mut self, name: &str, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.project, name, edit)
    }

    pub fn undo(&mut self) -> Option<String> {
        self.history.undo(&mut self.project)
    }

    pub fn redo(&mut self) -> Option<String> {
        self.history.redo(&mut self.project)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Saves to `path` (atomically) and makes it the session's file.
    pub fn save_to(&mut self, path: &Path) -> Result<(), StoreError> {
        store::save(&self.project, path)?;
        if self.path.as_deref() != Some(path) {
            self.move_model_to(path)?;
        }
        self.path = Some(path.to_path_buf());
        self.history.mark_saved();
        self.disk_stamp = modified(path);
        Ok(())
    }

    /// Saved under a new name, the project keeps its own entity model beside it, so it reopens
    /// with the model it was retrained to; a model left beside that name by another project is
    /// not this one's and goes.
    fn move_model_to(&self, path: &Path) -> Result<(), StoreError> {
        let beside = crate::retrain::model_path(path);
        let write_error = |source| StoreError::Write { path: beside.clone(), source };
        match &self.entity_model {
            Some(model) => store::atomic::write_bytes_atomic(&beside, &model.to_bytes()).map_err(write_error),
            None => match std::fs::remove_file(&beside) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(write_error(e)),
                _ => Ok(()),
            },
        }
    }

    /// Brings back work from a recovery file: one undoable step when only annotations, entities
    /// or labels differ (undoing it returns to the saved file); otherwise the recovered project
    /// replaces this one. Either way the result is unsaved.
    pub fn restore(&mut self, recovered: Project) {
        if let Some((edit, _)) = crate::edit::diff::between(&self.project, &recovered)
            && self.apply("Restore unsaved work", edit).is_ok()
        {
            return;
        }
        self.doc = recovered.documents.first().map_or(self.doc, |d| d.id);
        self.project = recovered;
        self.history.restart();
    }

    /// Moves spans back onto their words in a hand-edited text (see [`store::reanchor`]). Like
    /// a format upgrade it happens on opening, outside the undo history, and leaves the project
    /// unsaved: the file changes only when the analyst saves.
    pub fn reanchor(&mut self) -> Option<store::Reanchor> {
        let reanchor = self.reanchor.take()?;
        reanchor.apply(&mut self.project);
        self.warnings =
            store::validate(&self.project).into_iter().filter(|p| p.severity == Severity::Warning).collect();
        self.history.restart();
        Some(reanchor)
    }

    /// What happened to the project file on disk since it was last read or written here.
    pub fn disk_change(&self) -> DiskChange {
        let Some(path) = &self.path else { return DiskChange::None };
        match std::fs::metadata(path) {
            Err(_) => DiskChange::Gone,
            Ok(meta) if meta.modified().ok() != self.disk_stamp => DiskChange::Rewritten,
            Ok(_) => DiskChange::None,
        }
    }

    /// The name shown in the title bar.
    pub fn display_name(&self) -> String {
        let name =
            |p: &Path| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned());
        match (&self.path, &self.source) {
            (Some(p), _) => name(p),
            (None, Some(source)) => format!("{} (not saved as a project)", name(source)),
            (None, None) => "Untitled project".to_string(),
        }
    }

    /// Where Save should propose to write a project that has no file yet: beside its article.
    pub fn suggested_path(&self) -> PathBuf {
        match &self.source {
            Some(source) => source.with_extension("ron"),
            None => PathBuf::from("project.ron"),
        }
    }

    /// A path beside the project's file (or the one it would be saved as), its name the
    /// project's stem and `suffix`: `news.ron` → `news-brat`, `news.memory.ron`.
    pub fn beside_project(&self, suffix: &str) -> PathBuf {
        let base = self.path.clone().unwrap_or_else(|| self.suggested_path());
        let stem = base.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        base.with_file_name(format!("{stem}{suffix}"))
    }
}

/// See [`Session::disk_change`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskChange {
    None,
    /// Moved, deleted, or no longer readable.
    Gone,
    /// Written by something else.
    Rewritten,
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).ok()?.modified().ok()
}

/// A new project holding one imported article, with the detector's suggestions.
pub fn project_from_article(doc: crate::model::Document) -> Project {
    let mut project = Project::default();
    add_with_suggestions(&mut project, doc, &mut crate::suggest::EntityNames::default());
    project
}

/// Adds an imported article to a project and runs detection on it, so its quotes, speakers and
/// entities arrive as suggestions; `names` carries the project's entity names from one article
/// to the next.
pub fn add_with_suggestions(
    project: &mut Project,
    doc: crate::model::Document,
    names: &mut crate::suggest::EntityNames,
) {
    let found = crate::detect::detect(&doc.text);
    let id = doc.id;
    project.documents.push(doc);
    crate::suggest::add_suggestions_with(project, id, &found, names);
}
