//! What the analyst chose for the window rather than for the project: kept apart from the review
//! state so that a setting never travels with a project file, and the ones that last from one run
//! to the next are saved and read in one place.

use crate::edit::actions::twins::RejectTwins;
use crate::model::AttributionFilter;
use crate::review_order::ReviewOrder;
use std::path::PathBuf;

/// The text size a new window starts with.
pub const DEFAULT_FONT_SIZE: f32 = 17.0;

pub struct Preferences {
    /// The analyst at work, named on what they create or review and owning the range their new
    /// ids come from (Edit → Analyst).
    pub analyst: String,
    /// Recent files, the latest first (File → Open Recent, Alt+1 … Alt+9).
    pub recent: Vec<PathBuf>,
    pub font_size: f32,
    /// The list on the left and the inspector on the right are shown (each can be hidden).
    pub show_list: bool,
    pub show_inspector: bool,
    /// The Entities tab counts across every document, not only the shown one.
    pub entities_everywhere: bool,
    /// Which attributions the article, the Quotes list and Tab go through: the View presets
    /// "What people said" (statements) and "All attributions".
    pub attributions: AttributionFilter,
    /// File → Export also writes unreviewed suggestions (with their status).
    pub export_suggestions: bool,
    /// What rejecting a suggestion does to the same words elsewhere in the project (Edit menu).
    pub reject_twins: RejectTwins,
    /// Tab and the lists go through suggestions in reading order or the least certain first
    /// (View menu).
    pub review_order: ReviewOrder,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            analyst: String::new(),
            recent: Vec::new(),
            font_size: DEFAULT_FONT_SIZE,
            show_list: true,
            show_inspector: true,
            entities_everywhere: false,
            attributions: AttributionFilter::default(),
            export_suggestions: false,
            reject_twins: RejectTwins::default(),
            review_order: ReviewOrder::default(),
        }
    }
}

const STORAGE_RECENT: &str = "recent_files";
const STORAGE_FONT: &str = "font_size";
const STORAGE_ANALYST: &str = "analyst";
const STORAGE_REJECT_TWINS: &str = "reject_twins";
const STORAGE_REVIEW_ORDER: &str = "review_order";

impl Preferences {
    /// The settings that last, as the last run saved them (defaults for any it did not).
    pub fn load(storage: &dyn eframe::Storage) -> Preferences {
        Preferences {
            recent: eframe::get_value(storage, STORAGE_RECENT).unwrap_or_default(),
            font_size: eframe::get_value(storage, STORAGE_FONT).unwrap_or(DEFAULT_FONT_SIZE),
            analyst: eframe::get_value(storage, STORAGE_ANALYST).unwrap_or_default(),
            reject_twins: eframe::get_value(storage, STORAGE_REJECT_TWINS).unwrap_or_default(),
            review_order: eframe::get_value(storage, STORAGE_REVIEW_ORDER).unwrap_or_default(),
            ..Preferences::default()
        }
    }

    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_RECENT, &self.recent);
        eframe::set_value(storage, STORAGE_FONT, &self.font_size);
        eframe::set_value(storage, STORAGE_ANALYST, &self.analyst);
        eframe::set_value(storage, STORAGE_REJECT_TWINS, &self.reject_twins);
        eframe::set_value(storage, STORAGE_REVIEW_ORDER, &self.review_order);
    }
}
