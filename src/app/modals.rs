//! The windows and questions that open over the desk, and what they wait to carry out. While a
//! question is open it has the keyboard; while a window is over the article, the keys that act on
//! the article stay away from it.

use super::dialogs::{Dialogs, PathPrompt, Picker};
use super::{link_picker::LinkPicker, overlap_chooser::OverlapChooser, twin_offer::TwinOffer};
use crate::model::StatementId;
use std::path::PathBuf;
use std::sync::Arc;

/// Something to do once the analyst has answered "save changes?".
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Pending {
    Close,
    Open(PathBuf),
}

pub struct Modals {
    /// The typed-path question (open, save, export …), while it is asked.
    pub(super) prompt: Option<PathPrompt>,
    /// What waits for the answer to "save changes?".
    pub(super) pending: Option<Pending>,
    /// What "Save changes?" → Save was answered for, carried out once Save As has saved.
    pub(super) after_save: Option<Pending>,
    pub(super) dialogs: Dialogs,
    /// The list of overlapping annotations, while it is open.
    pub(super) chooser: Option<OverlapChooser>,
    /// The list for picking a speaker, cue or entity, while it is open.
    pub(super) link_picker: Option<LinkPicker>,
    /// The offer to reject the same words elsewhere, after a rejection under "ask".
    pub(super) twin_offer: Option<TwinOffer>,
    /// The statement whose versions are shown side by side, while that window is open.
    pub compare_statement: Option<StatementId>,
    pub show_shortcuts: bool,
    pub show_schema: bool,
    /// The Memory window is shown (Edit → Memory…).
    pub show_memory: bool,
}

impl Modals {
    pub(super) fn new(picker: Arc<dyn Picker>) -> Self {
        Modals {
            prompt: None,
            pending: None,
            after_save: None,
            dialogs: Dialogs::new(picker),
            chooser: None,
            link_picker: None,
            twin_offer: None,
            compare_statement: None,
            show_shortcuts: false,
            show_schema: false,
            show_memory: false,
        }
    }

    /// A question waits for an answer: it has the keyboard.
    pub(super) fn asking(&self) -> bool {
        self.prompt.is_some() || self.pending.is_some() || self.link_picker.is_some()
    }

    /// A window over the article (help, labels, versions side by side): Esc closes it.
    pub(super) fn window_open(&self) -> bool {
        self.show_shortcuts || self.show_schema || self.compare_statement.is_some()
    }

    pub(super) fn close_windows(&mut self) {
        self.show_shortcuts = false;
        self.show_schema = false;
        self.compare_statement = None;
    }
}
