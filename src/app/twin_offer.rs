//! The offer made after a rejection when the analyst chose "ask": the same words are suggested
//! elsewhere in the project; one button rejects them too, as an undoable step of its own. The
//! offer lapses as soon as the project changes (another decision, an undo), so it never acts on
//! a state the analyst has moved away from.

use super::AppCommand;
use super::desk::Desk;
use crate::model::AnnId;
use crate::session::Session;

pub struct TwinOffer {
    /// The rejected suggestion whose twins are on offer.
    rejected: AnnId,
    /// Its words, as the text shows them.
    words: String,
    count: usize,
    /// The history's generation right after the rejection.
    generation: u64,
}

impl TwinOffer {
    pub fn new(session: &Session, rejected: AnnId, count: usize) -> Self {
        let project = &session.project;
        let words = project
            .annotation(rejected)
            .and_then(|a| Some(project.document(a.doc)?.slice(a.span).to_string()))
            .unwrap_or_default();
        TwinOffer { rejected, words, count, generation: session.history.generation() }
    }
}

/// The button's words, which also name the undoable step.
pub fn reject_name(count: usize) -> String {
    format!("Reject {count} more like it")
}

pub fn window(ctx: &egui::Context, shown: &mut Option<TwinOffer>, desk: &mut Desk) {
    let Some(offer) = shown else { return };
    if offer.generation != desk.session.history.generation() {
        *shown = None;
        return;
    }
    let (mut reject, mut keep) = (false, false);
    egui::Window::new("Same words elsewhere")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -48.0])
        .show(ctx, |ui| {
            let times = if offer.count == 1 { "once more" } else { "more times" };
            let count = if offer.count == 1 { String::new() } else { format!("{} ", offer.count) };
            ui.label(format!("“{}” is suggested {count}{times} in the project.", offer.words));
            ui.horizontal(|ui| {
                reject = ui.button(reject_name(offer.count)).clicked();
                keep = ui.button("Keep them").clicked();
            });
        });
    if reject {
        desk.send(AppCommand::RejectIdentical(offer.rejected));
    } else if keep {
        *shown = None;
    }
}
