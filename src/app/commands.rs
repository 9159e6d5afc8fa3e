//! Every action the window offers, as one enum with one table of names and shortcuts, so the
//! menus, the key handling and the shortcut overlay can never disagree.

use super::article_view::Scroll;
use super::link_picker::LinkKind;
use crate::edit::actions::Choice;
use crate::export::Format;
use crate::model::{AnnId, EntityId};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    SaveTo(PathBuf),
    /// Opens one of the recent files (0: the most recent).
    OpenRecent(usize),
    Export(crate::export::Format),
    ExportTo(crate::export::Format, PathBuf),
    /// Writes the last export again, to the same place in the same format, without asking.
    ExportAgain,
    Undo,
    Redo,
    Accept,
    Reject,
    NextUnreviewed,
    PreviousUnreviewed,
    Select(crate::model::AnnId),
    ClearSelection,
    /// A label's hotkey: label the marked text, or relabel the selected annotation.
    ApplyLabel(String),
    Delete,
    SetTags(AnnId, Vec<String>),
    /// Makes a quotation (all its parts) a statement, belief/intent, evidence or question.
    SetAttributionType(AnnId, crate::model::AttributionType),
    SetNote(AnnId, String),
    LinkSpeaker(AnnId, Option<AnnId>),
    LinkCue(AnnId, Option<AnnId>),
    /// Makes a mention name an entity (`None`: no entity).
    AttachEntity(AnnId, Option<EntityId>),
    /// Opens the list to pick the selected annotation's speaker, cue or entity.
    PickLink(super::link_picker::LinkKind),
    /// Makes the selected mention its own entity.
    SplitSelectedMention,
    /// Puts the keyboard in the selected annotation's tags (`false`) or note (`true`).
    EditField {
        note: bool,
    },
    MergeEntities {
        into: EntityId,
        from: EntityId,
    },
    RenameEntity(EntityId, String),
    SplitMention(AnnId),
    /// The analyst confirms that a statement group's versions report one statement.
    ConfirmStatement(crate::model::StatementId),
    /// Takes a quotation out of its statement group.
    LeaveStatement(AnnId),
    /// Puts the first quotation in the statement group of the second.
    JoinStatement(AnnId, AnnId),
    /// Shows the next (`true`) or previous conflict of a merged project.
    StepConflict(bool),
    /// Shows one conflict of a merged project, as picking it in the Conflicts list does.
    ShowConflict(crate::model::ConflictId),
    /// Settles the shown conflict: keeps the first version, the second, or neither.
    Resolve(crate::edit::actions::Choice),
    /// Names the analyst at work (saved with the window's settings).
    SetAnalyst(String),
    /// Opens (or closes) the window that sets a statement's versions side by side.
    CompareStatement(Option<crate::model::StatementId>),
    /// What rejecting a suggestion does to the same words elsewhere (saved with the settings).
    SetRejectTwins(crate::edit::actions::twins::RejectTwins),
    /// Rejects the suggestions identical to this one, across the project.
    RejectIdentical(AnnId),
    /// Shows or hides the Memory window: what the project learned from the analyst.
    ToggleMemory,
    /// Forgets one entry of the memory.
    Forget(crate::model::Lesson),
    /// Asks where to write the memory for the team.
    ExportMemory,
    ExportMemoryTo(PathBuf),
    /// Asks for a team's memory file to take in.
    ImportMemory,
    ImportMemoryFrom(PathBuf),
    /// What the article and the lists show: what people said, or every attribution.
    ShowAttributions(crate::model::AttributionFilter),
    /// Whether exports carry the unreviewed suggestions (saved with the settings).
    SetExportSuggestions(bool),
    /// Whether the Entities tab counts the whole project or the shown document.
    SetEntitiesEverywhere(bool),
    /// Reviews in reading order or the least certain first (saved with the settings).
    SetReviewOrder(crate::review_order::ReviewOrder),
    AcceptAllOfLabel(String),
    /// Accepts every suggestion of the document with the selected annotation's label.
    AcceptAllLikeSelected,
    RejectInSelection,
    /// Retrains the entity model from the project's reviewed work, beside the project.
    RetrainEntityModel,
    /// Moves the selected annotation's start or end by characters, or by words.
    Nudge {
        end: bool,
        forward: bool,
        words: bool,
    },
    /// Gives an annotation a new start and end, as dragging its ends does.
    Resize(AnnId, usize, usize),
    /// Lists the annotations overlapping the selected one, to pick another with the arrow keys.
    ChooseOverlapping,
    /// Splits the selected quote (or the quote under the marked text) in two parts of one quotation.
    SplitQuote,
    /// Joins the selected quote with the quote before or after it.
    JoinQuote {
        forward: bool,
    },
    /// Highlights every mention of an entity in the article (`None`: stop).
    HighlightEntity(Option<EntityId>),
    /// Highlights the mentions of the selected annotation's entity, or stops highlighting.
    ToggleEntityHighlight,
    /// Shows the Quotes list and gives the keyboard to its filters.
    FilterQuotes,
    /// Shows a document of the project.
    ShowDocument(crate::model::DocId),
    NextDocument,
    PreviousDocument,
    /// Asks for articles to add to the project.
    AddArticles,
    /// Adds these articles (files, or folders of them) to the project, with detection.
    AddPaths(Vec<PathBuf>),
    RemoveDocument(crate::model::DocId),
    /// Sets a document's title, outlet, author, date or URL.
    SetDocumentField(crate::model::DocId, DocField, String),
    /// Shows or hides the Insights window.
    ToggleInsights,
    /// Asks for a folder to write the insights tables to.
    AskInsightsFolder,
    /// Writes every insights table as CSV into this folder.
    SaveInsights(PathBuf),
    ZoomIn,
    ZoomOut,
    /// Scrolls the article by lines, pages, or to its top or bottom.
    Scroll(super::article_view::Scroll),
    /// Hides or shows the list on the left.
    ToggleList,
    /// Hides or shows the inspector on the right.
    ToggleInspector,
    ToggleShortcuts,
    Find,
    EditLabels,
    /// Replace the schema; the pair renames a label and its annotations.
    SetSchema(Box<crate::model::Schema>, Option<(String, String)>),
    Quit,
}

/// A document's descriptive fields, as the inspector edits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocField {
    Title,
    Outlet,
    Author,
    Date,
    Url,
}

impl DocField {
    pub const ALL: [DocField; 5] = [DocField::Title, DocField::Outlet, DocField::Author, DocField::Date, DocField::Url];

    pub fn name(self) -> &'static str {
        match self {
            DocField::Title => "Title",
            DocField::Outlet => "Outlet",
            DocField::Author => "Author",
            DocField::Date => "Date",
            DocField::Url => "URL",
        }
    }

    pub fn of(self, d: &mut crate::model::Document) -> &mut String {
        match self {
            DocField::Title => &mut d.title,
            DocField::Outlet => &mut d.source,
            DocField::Author => &mut d.author,
            DocField::Date => &mut d.date,
            DocField::Url => &mut d.url,
        }
    }
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };
const ALT: Modifiers = Modifiers::ALT;
const ALT_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::ALT };
const CTRL_ALT: Modifiers = Modifiers { alt: true, ..Modifiers::COMMAND };
const CTRL_ALT_SHIFT: Modifiers = Modifiers { alt: true, shift: true, ..Modifiers::COMMAND };

/// A command that can be invoked from a menu or a key, with its label and shortcuts.
pub struct Entry {
    pub command: AppCommand,
    pub name: &'static str,
    pub keys: &'static [KeyboardShortcut],
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const fn scroll(by: Scroll, name: &'static str, keys: &'static [KeyboardShortcut]) -> Entry {
    Entry { command: AppCommand::Scroll(by), name, keys }
}

const fn recent(n: usize, name: &'static str, keys: &'static [KeyboardShortcut]) -> Entry {
    Entry { command: AppCommand::OpenRecent(n), name, keys }
}

const fn export(format: Format, name: &'static str) -> Entry {
    Entry { command: AppCommand::Export(format), name, keys: &[] }
}

/// The prefix of the export entries' names, which the File → Export menu leaves out.
pub const EXPORT_AS: &str = "Export as ";

const fn nudge(end: bool, forward: bool, words: bool, name: &'static str, keys: &'static [KeyboardShortcut]) -> Entry {
    Entry { command: AppCommand::Nudge { end, forward, words }, name, keys }
}

/// The table. The first shortcut of an entry is the one menus show.
pub static TABLE: &[Entry] = &[
    Entry { command: AppCommand::Open, name: "Open…", keys: &[key(CTRL, Key::O)] },
    recent(0, "Open recent file 1", &[key(ALT, Key::Num1)]),
    recent(1, "Open recent file 2", &[key(ALT, Key::Num2)]),
    recent(2, "Open recent file 3", &[key(ALT, Key::Num3)]),
    recent(3, "Open recent file 4", &[key(ALT, Key::Num4)]),
    recent(4, "Open recent file 5", &[key(ALT, Key::Num5)]),
    recent(5, "Open recent file 6", &[key(ALT, Key::Num6)]),
    recent(6, "Open recent file 7", &[key(ALT, Key::Num7)]),
    recent(7, "Open recent file 8", &[key(ALT, Key::Num8)]),
    recent(8, "Open recent file 9", &[key(ALT, Key::Num9)]),
    Entry { command: AppCommand::AddArticles, name: "Add articles…", keys: &[key(CTRL_SHIFT, Key::O)] },
    Entry { command: AppCommand::NextDocument, name: "Next document", keys: &[key(CTRL, Key::PageDown)] },
    Entry { command: AppCommand::PreviousDocument, name: "Previous document", keys: &[key(CTRL, Key::PageUp)] },
    Entry { command: AppCommand::Save, name: "Save", keys: &[key(CTRL, Key::S)] },
    Entry { command: AppCommand::SaveAs, name: "Save As…", keys: &[key(CTRL_SHIFT, Key::S)] },
    export(Format::Spacy, "Export as spaCy / Prodigy JSONL…"),
    export(Format::Doccano, "Export as doccano JSONL…"),
    export(Format::Brat, "Export as brat standoff (folder)…"),
    export(Format::Csv, "Export as CSV of quotes…"),
    export(Format::Conll, "Export as CoNLL IOB (entity mentions)…"),
    export(Format::LabelStudio, "Export as Label Studio tasks (JSON)…"),
    Entry {
        command: AppCommand::ExportAgain,
        name: "Export again, to the same file",
        keys: &[key(CTRL_SHIFT, Key::E)],
    },
    Entry { command: AppCommand::Quit, name: "Quit", keys: &[key(CTRL, Key::Q)] },
    Entry { command: AppCommand::Find, name: "Find in article", keys: &[key(CTRL, Key::F)] },
    Entry { command: AppCommand::Undo, name: "Undo", keys: &[key(CTRL, Key::Z)] },
    Entry { command: AppCommand::Redo, name: "Redo", keys: &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)] },
    Entry { command: AppCommand::Accept, name: "Accept", keys: &[key(Modifiers::NONE, Key::A)] },
    Entry { command: AppCommand::Reject, name: "Reject", keys: &[key(Modifiers::NONE, Key::X)] },
    Entry { command: AppCommand::NextUnreviewed, name: "Next unreviewed", keys: &[key(Modifiers::NONE, Key::Tab)] },
    Entry {
        command: AppCommand::PreviousUnreviewed,
        name: "Previous unreviewed",
        keys: &[key(Modifiers::SHIFT, Key::Tab)],
    },
    Entry { command: AppCommand::ClearSelection, name: "Clear selection", keys: &[key(Modifiers::NONE, Key::Escape)] },
    Entry { command: AppCommand::Delete, name: "Delete annotation", keys: &[key(Modifiers::NONE, Key::Delete)] },
    Entry {
        command: AppCommand::AcceptAllLikeSelected,
        name: "Accept all suggestions with the selected one's label",
        keys: &[key(CTRL_SHIFT, Key::A)],
    },
    Entry {
        command: AppCommand::RejectInSelection,
        name: "Reject all suggestions in marked text",
        keys: &[key(Modifiers::SHIFT, Key::X)],
    },
    Entry { command: AppCommand::RetrainEntityModel, name: "Retrain entity model from reviewed work", keys: &[] },
    nudge(true, true, true, "End one word later", &[key(ALT, Key::ArrowRight)]),
    nudge(true, false, true, "End one word earlier", &[key(ALT, Key::ArrowLeft)]),
    nudge(false, true, true, "Start one word later", &[key(ALT_SHIFT, Key::ArrowRight)]),
    nudge(false, false, true, "Start one word earlier", &[key(ALT_SHIFT, Key::ArrowLeft)]),
    nudge(true, true, false, "End one character later", &[key(CTRL_ALT, Key::ArrowRight)]),
    nudge(true, false, false, "End one character earlier", &[key(CTRL_ALT, Key::ArrowLeft)]),
    nudge(false, true, false, "Start one character later", &[key(CTRL_ALT_SHIFT, Key::ArrowRight)]),
    nudge(false, false, false, "Start one character earlier", &[key(CTRL_ALT_SHIFT, Key::ArrowLeft)]),
    Entry {
        command: AppCommand::ChooseOverlapping,
        name: "Choose among overlapping annotations",
        keys: &[key(CTRL, Key::Enter)],
    },
    Entry {
        command: AppCommand::PickLink(LinkKind::Speaker),
        name: "Link the quote's speaker…",
        keys: &[key(CTRL, Key::P)],
    },
    Entry { command: AppCommand::PickLink(LinkKind::Cue), name: "Link the quote's cue…", keys: &[key(CTRL, Key::U)] },
    Entry {
        command: AppCommand::PickLink(LinkKind::Entity),
        name: "Attach the mention to an entity…",
        keys: &[key(CTRL, Key::G)],
    },
    Entry {
        command: AppCommand::PickLink(LinkKind::MergeInto),
        name: "Merge the mention's entity into…",
        keys: &[key(CTRL, Key::M)],
    },
    Entry {
        command: AppCommand::PickLink(LinkKind::Rename),
        name: "Rename the mention's entity…",
        keys: &[key(Modifiers::NONE, Key::F2)],
    },
    Entry {
        command: AppCommand::SplitSelectedMention,
        name: "Split the mention off into its own entity",
        keys: &[key(CTRL_SHIFT, Key::G)],
    },
    Entry { command: AppCommand::EditField { note: false }, name: "Edit tags", keys: &[key(CTRL, Key::T)] },
    Entry { command: AppCommand::EditField { note: true }, name: "Edit note", keys: &[key(CTRL, Key::N)] },
    Entry { command: AppCommand::SplitQuote, name: "Split quote at caret", keys: &[key(CTRL, Key::K)] },
    Entry {
        command: AppCommand::JoinQuote { forward: false },
        name: "Join quote with previous quote",
        keys: &[key(CTRL, Key::J)],
    },
    Entry {
        command: AppCommand::JoinQuote { forward: true },
        name: "Join quote with next quote",
        keys: &[key(CTRL_SHIFT, Key::J)],
    },
    Entry {
        command: AppCommand::ToggleEntityHighlight,
        name: "Highlight mentions of the selected entity",
        keys: &[key(CTRL, Key::E)],
    },
    Entry { command: AppCommand::FilterQuotes, name: "Filter quotes", keys: &[key(CTRL_SHIFT, Key::F)] },
    Entry { command: AppCommand::StepConflict(true), name: "Next conflict", keys: &[key(Modifiers::NONE, Key::F8)] },
    Entry {
        command: AppCommand::StepConflict(false),
        name: "Previous conflict",
        keys: &[key(Modifiers::SHIFT, Key::F8)],
    },
    Entry {
        command: AppCommand::Resolve(Choice::First),
        name: "Keep the first version of the conflict",
        keys: &[key(Modifiers::NONE, Key::Num1)],
    },
    Entry {
        command: AppCommand::Resolve(Choice::Second),
        name: "Keep the second version of the conflict",
        keys: &[key(Modifiers::NONE, Key::Num2)],
    },
    Entry {
        command: AppCommand::Resolve(Choice::Neither),
        name: "Keep neither version of the conflict",
        keys: &[key(Modifiers::NONE, Key::N)],
    },
    Entry { command: AppCommand::EditLabels, name: "Labels…", keys: &[key(CTRL, Key::L)] },
    Entry { command: AppCommand::ToggleMemory, name: "Memory…", keys: &[] },
    Entry { command: AppCommand::ImportMemory, name: "Import memory…", keys: &[] },
    Entry { command: AppCommand::ExportMemory, name: "Export memory…", keys: &[] },
    Entry {
        command: AppCommand::SetReviewOrder(crate::review_order::ReviewOrder::LeastCertainFirst),
        name: "Review the least certain first",
        keys: &[],
    },
    Entry {
        command: AppCommand::SetReviewOrder(crate::review_order::ReviewOrder::Reading),
        name: "Review in reading order",
        keys: &[],
    },
    Entry { command: AppCommand::ToggleInsights, name: "Insights…", keys: &[key(CTRL_SHIFT, Key::I)] },
    scroll(Scroll::Lines(1.0), "Scroll down", &[key(Modifiers::NONE, Key::ArrowDown)]),
    scroll(Scroll::Lines(-1.0), "Scroll up", &[key(Modifiers::NONE, Key::ArrowUp)]),
    scroll(Scroll::Pages(1.0), "Page down", &[key(Modifiers::NONE, Key::PageDown), key(Modifiers::NONE, Key::Space)]),
    scroll(Scroll::Pages(-1.0), "Page up", &[key(Modifiers::NONE, Key::PageUp), key(Modifiers::SHIFT, Key::Space)]),
    scroll(Scroll::Top, "Top of the article", &[key(CTRL, Key::Home), key(Modifiers::NONE, Key::Home)]),
    scroll(Scroll::Bottom, "End of the article", &[key(CTRL, Key::End), key(Modifiers::NONE, Key::End)]),
    Entry { command: AppCommand::ToggleList, name: "Show or hide the list", keys: &[key(CTRL, Key::B)] },
    Entry { command: AppCommand::ToggleInspector, name: "Show or hide the inspector", keys: &[key(CTRL, Key::I)] },
    Entry { command: AppCommand::ZoomIn, name: "Larger text", keys: &[key(CTRL, Key::Equals), key(CTRL, Key::Plus)] },
    Entry { command: AppCommand::ZoomOut, name: "Smaller text", keys: &[key(CTRL, Key::Minus)] },
    Entry {
        command: AppCommand::ToggleShortcuts,
        name: "Keyboard shortcuts",
        keys: &[key(Modifiers::NONE, Key::F1), key(Modifiers::NONE, Key::Questionmark)],
    },
];

impl AppCommand {
    /// Whether the command changes or moves through the article's annotations: such keys must
    /// not act behind a window the analyst is working in (help, labels).
    pub fn acts_on_article(&self) -> bool {
        !matches!(
            self,
            AppCommand::Open
                | AppCommand::OpenRecent(_)
                | AppCommand::Export(_)
                | AppCommand::ExportAgain
                | AppCommand::Save
                | AppCommand::SaveAs
                | AppCommand::Quit
                | AppCommand::Undo
                | AppCommand::Redo
                | AppCommand::ZoomIn
                | AppCommand::ZoomOut
                | AppCommand::ToggleShortcuts
                | AppCommand::EditLabels
                | AppCommand::ToggleList
                | AppCommand::ToggleInspector
                | AppCommand::AddArticles
                | AppCommand::ToggleInsights
                | AppCommand::SetAnalyst(_)
                | AppCommand::SetRejectTwins(_)
                | AppCommand::ToggleMemory
                | AppCommand::ImportMemory
                | AppCommand::ExportMemory
                | AppCommand::SetReviewOrder(_)
        )
    }
}

/// Every shortcut with its command, the ones needing more modifiers first: egui ignores extra
/// Shift and Alt when matching, so Ctrl+Z must not get to see Ctrl+Shift+Z.
pub fn shortcuts_by_specificity() -> &'static [(KeyboardShortcut, &'static AppCommand)] {
    static SORTED: std::sync::LazyLock<Vec<(KeyboardShortcut, &'static AppCommand)>> = std::sync::LazyLock::new(|| {
        let mut keys: Vec<(KeyboardShortcut, &AppCommand)> =
            TABLE.iter().flat_map(|e| e.keys.iter().map(move |k| (*k, &e.command))).collect();
        let count =
            |m: Modifiers| [m.alt, m.shift, m.ctrl || m.command || m.mac_cmd].into_iter().filter(|b| *b).count();
        keys.sort_by_key(|(k, _)| std::cmp::Reverse(count(k.modifiers)));
        keys
    });
    &SORTED
}

/// The table entry of a command, for menus.
pub fn entry(command: &AppCommand) -> Option<&'static Entry> {
    TABLE.iter().find(|e| &e.command == command)
}

impl Entry {
    /// The shortcut as menus print it ("Ctrl+S").
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        self.keys.first().map(|k| ctx.format_shortcut(k)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique_and_the_most_specific_are_tried_first() {
        let keys = shortcuts_by_specificity();
        for (i, (a, _)) in keys.iter().enumerate() {
            assert!(keys[i + 1..].iter().all(|(b, _)| a != b), "{a:?} is bound twice");
        }
        let position = |k: KeyboardShortcut| keys.iter().position(|(s, _)| *s == k);
        assert!(position(key(CTRL_SHIFT, Key::Z)) < position(key(CTRL, Key::Z)));
        assert!(position(key(Modifiers::SHIFT, Key::X)) < position(key(Modifiers::NONE, Key::X)));
        assert!(position(key(CTRL_SHIFT, Key::J)) < position(key(CTRL, Key::J)));
        assert!(position(key(ALT, Key::Num1)) < position(key(Modifiers::NONE, Key::Num1)));
    }

    #[test]
    fn every_export_format_and_recent_file_has_its_entry() {
        for format in Format::ALL {
            let entry = entry(&AppCommand::Export(format)).expect("an entry per format");
            assert_eq!(entry.name.strip_prefix(EXPORT_AS).map(|n| n.trim_end_matches('…')), Some(format.title()));
        }
        for n in 0..super::super::MAX_RECENT {
            assert!(entry(&AppCommand::OpenRecent(n)).is_some_and(|e| !e.keys.is_empty()), "recent file {n}");
        }
    }
}
