//! Review → "Retrain entity model from reviewed work": the model learns from the project's
//! reviewed entities on a thread, is saved beside the project (`NAME.ner.bin`), and the
//! unreviewed name suggestions it reads otherwise are retyped, as one undoable step. The window
//! keeps drawing meanwhile; the work is a copy of the project, and a suggestion the analyst
//! reviews before the result comes back is left as the analyst left it.

use super::{NoticeLevel, SaysoApp};
use crate::detect::ner::Model;
use crate::retrain::Retype;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What a finished retraining hands back to the window.
struct Retrained {
    model: Model,
    retypes: Vec<Retype>,
    saved: PathBuf,
    documents: usize,
}

/// The retraining under way, if any.
#[derive(Default)]
pub struct Retraining {
    rx: Option<Receiver<Result<Retrained, String>>>,
}

impl Retraining {
    pub fn running(&self) -> bool {
        self.rx.is_some()
    }
}

/// Retrains from `project`'s reviewed work, saves the model beside `path`, and finds the
/// suggestions it reads otherwise (the slow part, on the thread).
fn retrain(project: &crate::model::Project, path: &std::path::Path) -> Result<Retrained, String> {
    let documents = crate::retrain::reviewed(project).len();
    if documents == 0 {
        return Err("Nothing reviewed yet: accept, reject or label some names first.".into());
    }
    let model = crate::retrain::retrain(&[project]).ok_or("This build carries no entity model to retrain.")?;
    let saved = crate::retrain::model_path(path);
    crate::store::atomic::write_bytes_atomic(&saved, &model.to_bytes())
        .map_err(|e| format!("Cannot save {}: {e}", saved.display()))?;
    let retypes = crate::retrain::retypes(project, &model);
    Ok(Retrained { model, retypes, saved, documents })
}

impl SaysoApp {
    pub(super) fn start_retraining(&mut self, ctx: &egui::Context) {
        if self.retraining.running() {
            self.notify(NoticeLevel::Info, "The entity model is already being retrained.");
            return;
        }
        let Some(path) = self.session.path.clone() else {
            self.notify(NoticeLevel::Error, "Save the project first: its entity model is saved beside it.");
            return;
        };
        let project = self.session.project.clone();
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The receiver lives as long as the app; if it is gone the app has closed.
            let _ = tx.send(retrain(&project, &path));
            ctx.request_repaint();
        });
        self.retraining.rx = Some(rx);
        self.notify(NoticeLevel::Info, "Retraining the entity model from the reviewed work…");
    }

    /// Takes a finished retraining's result: the model for articles added from now on, the
    /// retyped suggestions as one step.
    pub(super) fn poll_retraining(&mut self) {
        let Some(rx) = &self.retraining.rx else { return };
        let result = match rx.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err("Retraining stopped before it finished.".into()),
        };
        self.retraining.rx = None;
        let done = match result {
            Ok(done) => done,
            Err(e) => return self.notify(NoticeLevel::Error, e),
        };
        self.session.entity_model = Some(std::sync::Arc::new(done.model));
        let edit = crate::retrain::retype_edit(&self.session.project, &done.retypes);
        let retyped = match &edit {
            Some(crate::edit::Edit::Batch(edits)) => edits.len(),
            _ => 0,
        };
        if let Some(edit) = edit
            && let Err(e) = self.session.apply(&format!("Retype {retyped} suggestion(s) after retraining"), edit)
        {
            self.notify(NoticeLevel::Error, e.to_string());
        }
        self.notify(
            NoticeLevel::Info,
            format!(
                "Entity model retrained on {} reviewed document(s), saved as {}; {retyped} suggestion(s) retyped.",
                done.documents,
                done.saved.display()
            ),
        );
    }
}
