//! Where the analyst is in the review: what is selected and highlighted, which list tab and quote
//! filter are shown, and which field takes the keyboard next. Panels may move it; it is not saved.

use super::quote_filter::QuoteFilter;
use crate::model::{AnnId, ConflictId, EntityId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListTab {
    Documents,
    #[default]
    Quotes,
    Mentions,
    Other,
    Entities,
    /// A merged project's conflicts (the tab shows while there are any).
    Conflicts,
}

#[derive(Default)]
pub struct Review {
    pub selected: Option<AnnId>,
    /// The entity whose mentions the article highlights, picked in the Entities list.
    pub highlight_entity: Option<EntityId>,
    pub quote_filter: QuoteFilter,
    pub list_tab: ListTab,
    /// Give the keyboard to the Quotes filters when they are next drawn.
    pub focus_quote_filter: bool,
    /// Give the keyboard to the inspector's tags (`false`) or note (`true`) when next drawn.
    pub focus_field: Option<bool>,
    /// The conflict F8 or the list last showed: a mention can stand for its own conflict and for
    /// its entity's, and an entity nothing mentions has no annotation to select.
    pub shown_conflict: Option<ConflictId>,
}
