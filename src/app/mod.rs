//! The window. Widgets draw state and push [`AppCommand`]s; [`SaysoApp::apply`] carries them out
//! once per frame, and every project change goes through the session's edit history.

mod article_view;
mod autosave;
mod commands;
mod dialogs;
mod documents_panel;
mod find;
mod focus;
mod link_picker;
mod overlap_chooser;
mod palette;
mod panels;
mod quote_filter;
mod reanchor_prompt;
mod schema_editor;

pub use commands::AppCommand;
pub use dialogs::{NativePicker, PickKind, Picker};

use crate::edit::actions;
use crate::model::{AnnId, EntityId, Status};
use crate::session::Session;
use article_view::ArticleView;
use dialogs::{Dialogs, PathPrompt, Purpose};
pub use quote_filter::QuoteFilter;
use std::path::PathBuf;
use std::sync::Arc;

/// The article shipped with the app, opened when no file is given.
pub const SAMPLE_NAME: &str = "sample-article.txt";
pub const SAMPLE: &[u8] = include_bytes!("../../assets/sample-article.txt");

const MAX_RECENT: usize = 10;
const MAX_NOTICES: usize = 5;
const DEFAULT_FONT_SIZE: f32 = 17.0;

/// Something to do once the analyst has answered "save changes?".
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Close,
    Open(PathBuf),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLevel {
    Info,
    Error,
}

/// A message shown in a corner until dismissed (errors) or for a few seconds (info).
pub struct Notice {
    pub level: NoticeLevel,
    pub text: String,
    shown_at: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListTab {
    Documents,
    #[default]
    Quotes,
    Mentions,
    Other,
    Entities,
}

pub struct SaysoApp {
    pub session: Session,
    pub selected: Option<AnnId>,
    /// The entity whose mentions the article highlights, picked in the Entities list.
    pub highlight_entity: Option<EntityId>,
    pub quote_filter: QuoteFilter,
    pub notices: Vec<Notice>,
    pub recent: Vec<PathBuf>,
    pub font_size: f32,
    pub show_shortcuts: bool,
    pub show_schema: bool,
    /// The list on the left and the inspector on the right are shown (each can be hidden).
    pub show_list: bool,
    pub show_inspector: bool,
    /// The Entities tab counts across every document, not only the shown one.
    pub entities_everywhere: bool,
    /// File → Export also writes unreviewed suggestions (with their status).
    pub export_suggestions: bool,
    list_tab: ListTab,
    list_rows: panels::ListRows,
    documents: documents_panel::DocumentsPanel,
    view: ArticleView,
    queue: Vec<AppCommand>,
    prompt: Option<PathPrompt>,
    pending: Option<Pending>,
    /// What "Save changes?" → Save was answered for, carried out once Save As has saved.
    after_save: Option<Pending>,
    dialogs: Dialogs,
    close_confirmed: bool,
    shown_title: String,
    fonts_installed: bool,
    find: find::Find,
    /// A text field had the keyboard at the end of the last frame.
    was_typing: bool,
    /// A menu or drop-down list was open at the end of the last frame: it has the arrow keys.
    popup_was_open: bool,
    autosave: autosave::Autosave,
    /// The session open before one that cannot be shown until re-anchored, to go back to.
    previous: Option<Box<Session>>,
    /// Give the keyboard to the Quotes filters when they are next drawn.
    focus_quote_filter: bool,
    /// The list of overlapping annotations, while it is open.
    chooser: Option<overlap_chooser::OverlapChooser>,
    /// The list for picking a speaker, cue or entity, while it is open.
    link_picker: Option<link_picker::LinkPicker>,
    /// Give the keyboard to the inspector's tags (`false`) or note (`true`) when next drawn.
    focus_field: Option<bool>,
}

impl SaysoApp {
    pub fn new(session: Session, picker: Arc<dyn Picker>) -> Self {
        let mut app = SaysoApp {
            session,
            selected: None,
            highlight_entity: None,
            quote_filter: QuoteFilter::default(),
            focus_quote_filter: false,
            chooser: None,
            link_picker: None,
            focus_field: None,
            notices: Vec::new(),
            recent: Vec::new(),
            font_size: DEFAULT_FONT_SIZE,
            show_shortcuts: false,
            show_schema: false,
            show_list: true,
            show_inspector: true,
            entities_everywhere: false,
            export_suggestions: false,
            list_tab: ListTab::default(),
            list_rows: panels::ListRows::default(),
            documents: documents_panel::DocumentsPanel::default(),
            view: ArticleView::default(),
            queue: Vec::new(),
            prompt: None,
            pending: None,
            after_save: None,
            dialogs: Dialogs::new(picker),
            close_confirmed: false,
            shown_title: String::new(),
            fonts_installed: false,
            find: find::Find::default(),
            was_typing: false,
            popup_was_open: false,
            autosave: autosave::Autosave::default(),
            previous: None,
        };
        app.report_warnings();
        app
    }

    /// The bundled sample article, as a new project.
    pub fn sample_session() -> Session {
        match Session::from_article_bytes(SAMPLE, SAMPLE_NAME) {
            Ok(s) => s,
            // The sample is part of the binary and covered by tests; this cannot happen in a release.
            Err(e) => panic!("bundled sample article is unreadable: {e}"),
        }
    }

    /// The marked text in the article (code points), if any.
    pub fn view_selection(&self) -> Option<(usize, usize)> {
        self.view.selection()
    }

    /// Marks text in the article, as dragging over it does.
    pub fn set_view_selection(&mut self, selection: Option<(usize, usize)>) {
        self.view.set_selection(selection);
    }

    /// Where the analyst is reading: the first character of the first paragraph in view.
    pub fn reading_position(&self) -> usize {
        self.view.top_offset()
    }

    /// The analyst chose to close the window and nothing is left to save or drop.
    pub fn is_closing(&self) -> bool {
        self.close_confirmed
    }

    /// Queues a command, as a menu item or key would.
    pub fn send(&mut self, command: AppCommand) {
        self.queue.push(command);
    }

    /// Shows a notice. A new piece of information replaces the previous one (rapid undos should
    /// not stack a tower of "Undid …"); errors stay until dismissed, the latest few at most.
    pub fn notify(&mut self, level: NoticeLevel, text: impl Into<String>) {
        if level == NoticeLevel::Info {
            self.notices.retain(|n| n.level != NoticeLevel::Info);
        }
        self.notices.push(Notice { level, text: text.into(), shown_at: None });
        if self.notices.len() > MAX_NOTICES {
            self.notices.remove(0);
        }
    }

    fn report_warnings(&mut self) {
        let encoding = self.session.project.document(self.session.doc).map(|d| d.encoding.clone());
        if self.session.path.is_none()
            && let Some(encoding) = encoding.filter(|e| e != "UTF-8")
        {
            let name = self.session.display_name();
            self.notify(NoticeLevel::Info, format!("{name}: read as {encoding} (detected)."));
        }
        if let Some(text) = self.warnings_notice() {
            self.notify(NoticeLevel::Error, text);
        }
    }

    /// The notice that lists the open project's load warnings, if it has any.
    fn warnings_notice(&self) -> Option<String> {
        let warnings: Vec<String> = self.session.warnings.iter().map(|w| w.to_string()).collect();
        (!warnings.is_empty()).then(|| warnings.join("\n"))
    }

    /// The window title: file name, then a marker while there are unsaved changes.
    pub fn title(&self) -> String {
        let dirty = if self.session.is_dirty() { " ●" } else { "" };
        format!("{}{dirty} — Sayso", self.session.display_name())
    }

    /// Draws one frame and applies what it asked for. Tests call this through egui_kittest.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            install_fonts(&ctx);
            self.fonts_installed = true;
        }
        self.intercept_close(&ctx);
        self.poll_dialogs();
        self.handle_dropped_files(&ctx);
        self.handle_keys(&ctx);
        // Keys, drops and dialog results change the project before drawing, so a keystroke
        // shows its effect in the same frame.
        self.apply_queue(&ctx, false);
        panels::menu_bar(self, ui);
        panels::status_bar(self, ui);
        panels::list_panel(self, ui);
        panels::inspector(self, ui);
        self.article(ui);
        self.chooser_window(&ctx);
        self.link_picker_window(&ctx);
        self.prompt_window(&ctx);
        self.confirm_window(&ctx);
        self.recovery_window(&ctx);
        self.reanchor_window(&ctx);
        panels::shortcuts_window(self, &ctx);
        schema_editor::window(self, &ctx);
        panels::notices(self, &ctx);
        self.apply_queue(&ctx, true);
        self.autosave_tick(&ctx);
        self.was_typing = ctx.text_edit_focused();
        self.popup_was_open = ctx.any_popup_open();
    }

    fn article(&mut self, ui: &mut egui::Ui) {
        let doc_id = self.session.doc;
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(doc) = self.session.project.document(doc_id) else {
                ui.centered_and_justified(|ui| ui.label("This project has no documents. Open an article with Ctrl+O."));
                return;
            };
            if self.find.open {
                match self.find.ui(ui, &doc.text, &doc.hash) {
                    Some(find::FindOutput::Show(s, e)) => {
                        self.view.set_selection(Some((s, e)));
                        self.view.scroll_to(s);
                        self.selected = None;
                    }
                    Some(find::FindOutput::Close) | None => {}
                }
                ui.separator();
            }
            let out = self.view.ui(
                ui,
                &self.session.project,
                doc,
                self.session.history.generation(),
                article_view::Emphasis { selected: self.selected, entity: self.highlight_entity },
                self.font_size,
            );
            if let Some((id, s, e)) = out.resized {
                self.queue.push(AppCommand::Resize(id, s, e));
            }
            if let Some(id) = out.clicked {
                self.queue.push(AppCommand::Select(id));
                self.chooser =
                    out.overlaps.map(|(ids, at)| overlap_chooser::OverlapChooser::new(ids, Some(at), Some(id)));
            } else if out.clicked_empty {
                self.queue.push(AppCommand::ClearSelection);
            }
        });
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        // egui drops a text field's focus on Escape before this runs: a field focused last frame
        // still owns this frame's keys, so it can commit what was typed.
        if ctx.text_edit_focused()
            || self.was_typing
            || self.prompt.is_some()
            || self.pending.is_some()
            || self.autosave.offer.is_some()
            || self.session.reanchor.is_some()
            || self.link_picker.is_some()
            || self.popup_was_open
        {
            return; // a text field, a question, a menu or a drop-down list owns the keyboard
        }
        // A window over the article (help, labels) keeps the keys that act on the article away
        // from it; Esc closes the window.
        let window_open = self.show_shortcuts || self.show_schema;
        if window_open && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            self.show_shortcuts = false;
            self.show_schema = false;
            return;
        }
        if let Some(out) = self.chooser.as_mut().and_then(|c| c.keys(ctx)) {
            self.chooser_output(out);
        }
        if self.find.open && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            // The first Escape closes the find bar and keeps the match marked.
            self.find.open = false;
            return;
        }
        let mut fired = Vec::new();
        let hotkeys: Vec<(egui::Key, String)> = self
            .session
            .project
            .schema
            .labels
            .iter()
            .filter_map(|l| Some((egui::Key::from_name(&l.hotkey?.to_ascii_uppercase().to_string())?, l.name.clone())))
            .collect();
        ctx.input_mut(|input| {
            for (key, command) in commands::shortcuts_by_specificity() {
                if !(window_open && command.acts_on_article()) && input.consume_shortcut(key) {
                    fired.push((*command).clone());
                }
            }
            for (key, label) in hotkeys.into_iter().filter(|_| !window_open) {
                if input.consume_key(egui::Modifiers::NONE, key) {
                    fired.push(AppCommand::ApplyLabel(label));
                }
            }
        });
        if !fired.is_empty() {
            // Tab is "next suggestion" here, not egui's focus traversal: keep focus off buttons
            // so the review keys keep working.
            if let Some(id) = ctx.memory(|m| m.focused()) {
                ctx.memory_mut(|m| m.surrender_focus(id));
            }
        }
        self.queue.extend(fired);
    }

    fn chooser_window(&mut self, ctx: &egui::Context) {
        if let Some(out) = self.chooser.as_mut().and_then(|c| c.ui(ctx, &self.session.project)) {
            self.chooser_output(out);
        }
    }

    fn chooser_output(&mut self, out: overlap_chooser::ChooserOutput) {
        match out {
            overlap_chooser::ChooserOutput::Select(id) => self.queue.push(AppCommand::Select(id)),
            overlap_chooser::ChooserOutput::Pick(id) => {
                self.queue.push(AppCommand::Select(id));
                self.chooser = None;
            }
            overlap_chooser::ChooserOutput::Close => self.chooser = None,
        }
    }

    /// Lists the annotations overlapping the selected one, for the keyboard.
    fn choose_overlapping(&mut self) {
        let Some(a) = self.selected.and_then(|id| self.session.project.annotation(id)) else { return };
        let mut here: Vec<(usize, AnnId)> = self
            .session
            .project
            .annotations_of(a.doc)
            .filter(|b| b.span.overlaps(a.span) && b.status != Status::Rejected)
            .map(|b| (b.span.len(), b.id))
            .collect();
        here.sort();
        let ids: Vec<AnnId> = here.into_iter().map(|(_, id)| id).collect();
        if ids.len() < 2 {
            self.notify(NoticeLevel::Info, "Nothing else overlaps the selected annotation.");
            return;
        }
        self.chooser = Some(overlap_chooser::OverlapChooser::new(ids, None, Some(a.id)));
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        // One file opens; several join the open project as documents.
        match dropped.len() {
            0 => {}
            1 => self.queue.extend(dropped.into_iter().map(AppCommand::OpenPath)),
            _ => self.queue.push(AppCommand::AddPaths(dropped)),
        }
    }

    fn poll_dialogs(&mut self) {
        while let Some((purpose, result)) = self.dialogs.poll() {
            let Some(prompt) = self.prompt.as_mut().filter(|p| p.purpose == purpose) else { continue };
            prompt.browsing = false;
            match result {
                Some(path) => {
                    self.prompt = None;
                    self.queue.push(purpose.command(path));
                }
                None => prompt.message = Some("No file was chosen. Type a path here instead.".into()),
            }
        }
    }

    /// Carries out the queued commands, in order; `drawn` says this frame already drew the old state,
    /// so the new one needs another frame.
    fn apply_queue(&mut self, ctx: &egui::Context, drawn: bool) {
        let queue = std::mem::take(&mut self.queue);
        if drawn && !queue.is_empty() {
            ctx.request_repaint();
        }
        for command in queue {
            self.apply(command, ctx);
        }
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    pub fn apply(&mut self, command: AppCommand, ctx: &egui::Context) {
        if !matches!(command, AppCommand::Select(_)) {
            // Anything but picking from it makes the list of overlapping annotations stale.
            self.chooser = None;
        }
        match command {
            AppCommand::Open => {
                self.prompt = Some(PathPrompt::new(Purpose::Open, String::new()));
            }
            AppCommand::OpenPath(path) => {
                if self.session.is_dirty() && self.pending.is_none() {
                    self.pending = Some(Pending::Open(path));
                } else {
                    self.open_now(&path);
                }
            }
            AppCommand::Save => match self.session.path.clone() {
                Some(path) => self.save_to(&path),
                None => self.apply(AppCommand::SaveAs, ctx),
            },
            AppCommand::SaveAs => {
                let suggested = self.session.path.clone().unwrap_or_else(|| self.session.suggested_path());
                self.prompt = Some(PathPrompt::new(Purpose::SaveProject, suggested.display().to_string()));
            }
            AppCommand::SaveTo(path) => {
                self.save_to(&path);
                if let Some(pending) = self.after_save.take().filter(|_| !self.session.is_dirty()) {
                    self.carry_on(pending, ctx);
                }
            }
            AppCommand::Export(format) => {
                let base = self.session.path.clone().unwrap_or_else(|| self.session.suggested_path());
                let suggested = if format.writes_folder() {
                    let stem = base.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    base.with_file_name(format!("{stem}-{}", format.name()))
                } else {
                    base.with_extension(format.extension())
                };
                self.prompt = Some(PathPrompt::new(Purpose::Export(format), suggested.display().to_string()));
            }
            AppCommand::ExportTo(format, path) => self.export_to(format, &path),
            AppCommand::Undo => {
                if let Some(name) = self.session.undo() {
                    self.notify(NoticeLevel::Info, format!("Undid {name}"));
                }
                self.keep_a_document_shown();
            }
            AppCommand::Redo => {
                if let Some(name) = self.session.redo() {
                    self.notify(NoticeLevel::Info, format!("Redid {name}"));
                }
                self.keep_a_document_shown();
            }
            AppCommand::Accept => self.set_status(Status::Accepted),
            AppCommand::Reject => self.set_status(Status::Rejected),
            AppCommand::NextUnreviewed => self.step_unreviewed(true),
            AppCommand::PreviousUnreviewed => self.step_unreviewed(false),
            AppCommand::Select(id) => self.select(id),
            AppCommand::ClearSelection => {
                self.selected = None;
                self.highlight_entity = None;
                self.view.set_selection(None);
            }
            AppCommand::ApplyLabel(label) => self.apply_label(&label),
            AppCommand::Delete => {
                if let Some(id) = self.selected.take() {
                    self.edit("Delete", |p| actions::delete(p, &[id]));
                }
            }
            AppCommand::SetTags(id, tags) => self.edit("Set tags", |p| actions::set_tags(p, id, &tags)),
            AppCommand::SetNote(id, note) => self.edit("Set note", |p| actions::set_note(p, id, &note)),
            AppCommand::LinkCue(quote, cue) => self.edit("Link cue", |p| actions::link_cue(p, quote, cue)),
            AppCommand::AttachEntity(mention, entity) => {
                self.edit("Attach to entity", |p| actions::attach_entity(p, mention, entity))
            }
            AppCommand::PickLink(kind) => self.open_link_picker(kind),
            AppCommand::SplitSelectedMention => {
                if let Some(id) = self.selected {
                    self.edit("Split off entity", |p| actions::split_mention(p, id));
                }
            }
            AppCommand::EditField { note } => self.focus_field = self.selected.map(|_| note),
            AppCommand::LinkSpeaker(quote, speaker) => {
                self.edit("Link speaker", |p| actions::link_speaker(p, quote, speaker))
            }
            AppCommand::MergeEntities { into, from } => {
                self.edit("Merge entities", |p| actions::merge_entities(p, into, from))
            }
            AppCommand::RenameEntity(id, name) => self.edit("Rename entity", |p| actions::rename_entity(p, id, &name)),
            AppCommand::SplitMention(id) => self.edit("Split off entity", |p| actions::split_mention(p, id)),
            AppCommand::AcceptAllOfLabel(label) => {
                let doc = self.session.doc;
                self.edit(&format!("Accept all {label}"), |p| actions::accept_all(p, doc, &label));
            }
            AppCommand::RejectInSelection => {
                let doc = self.session.doc;
                if let Some(span) = self.view.selection().and_then(|(s, e)| crate::model::Span::new(s, e).ok()) {
                    self.edit("Reject marked suggestions", |p| actions::reject_within(p, doc, span));
                }
            }
            AppCommand::Nudge { end, forward, words } => self.nudge(end, forward, words),
            AppCommand::SplitQuote => self.split_quote(),
            AppCommand::Resize(id, s, e) => self.edit("Resize", |p| actions::resize(p, id, s, e)),
            AppCommand::ChooseOverlapping => self.choose_overlapping(),
            AppCommand::HighlightEntity(entity) => self.highlight_entity = entity,
            AppCommand::ToggleEntityHighlight => {
                let entity =
                    self.selected.and_then(|id| self.session.project.annotation(id)).and_then(|a| a.links.entity);
                self.highlight_entity =
                    if self.highlight_entity.is_some() && self.highlight_entity == entity { None } else { entity };
            }
            AppCommand::FilterQuotes => {
                self.list_tab = ListTab::Quotes;
                self.focus_quote_filter = true;
            }
            AppCommand::JoinQuote { forward } => self.join_quote(forward),
            AppCommand::Scroll(by) => self.view.scroll_by(by),
            AppCommand::ShowDocument(doc) => self.show_document(doc),
            AppCommand::NextDocument => self.step_document(true),
            AppCommand::PreviousDocument => self.step_document(false),
            AppCommand::AddArticles => self.prompt = Some(PathPrompt::new(Purpose::AddArticles, String::new())),
            AppCommand::AddPaths(paths) => self.add_paths(&paths),
            AppCommand::RemoveDocument(doc) => {
                let title = self.session.project.document(doc).map(|d| d.title.clone()).unwrap_or_default();
                self.edit(&format!("Remove “{title}”"), |p| actions::remove_document(p, doc));
                self.keep_a_document_shown();
            }
            AppCommand::SetDocumentField(doc, field, value) => self
                .edit(&format!("Set {}", field.name().to_lowercase()), |p| {
                    actions::set_document_meta(p, doc, |d| *field.of(d) = value.trim().to_string())
                }),
            AppCommand::ToggleList => self.show_list = !self.show_list,
            AppCommand::ToggleInspector => self.show_inspector = !self.show_inspector,
            AppCommand::ZoomIn => self.font_size = (self.font_size + 1.0).min(40.0),
            AppCommand::ZoomOut => self.font_size = (self.font_size - 1.0).max(10.0),
            AppCommand::Find => self.find.open(),
            AppCommand::EditLabels => self.show_schema = !self.show_schema,
            AppCommand::SetSchema(schema, rename) => {
                let rename = rename.as_ref().map(|(o, n)| (o.as_str(), n.as_str()));
                self.edit("Edit labels", |p| actions::set_schema(p, *schema, rename));
            }
            AppCommand::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Applies an action built from the project as one undoable step; says so if it fails.
    fn edit(&mut self, name: &str, build: impl FnOnce(&crate::model::Project) -> Option<crate::edit::Edit>) {
        if let Some(edit) = build(&self.session.project)
            && let Err(e) = self.session.apply(name, edit)
        {
            self.notify(NoticeLevel::Error, e.to_string());
        }
    }

    /// With text marked: create an annotation with `label` there. Otherwise relabel the selection.
    fn apply_label(&mut self, label: &str) {
        let doc = self.session.doc;
        if let Some((s, e)) = self.view.selection() {
            let Some(layer) = self.session.project.schema.label(label).map(|l| l.layer.clone()) else { return };
            let Ok(span) = crate::model::Span::new(s, e) else { return };
            let id = self.session.project.next_ann_id();
            self.edit(&format!("Create {label}"), |p| Some(actions::create(p, doc, span, layer, label)));
            self.view.set_selection(None);
            if self.session.project.annotation(id).is_some() {
                self.selected = Some(id);
            }
        } else if let Some(id) = self.selected {
            self.edit(&format!("Relabel as {label}"), |p| actions::relabel(p, id, label));
        }
    }

    /// Moves one end of the selected annotation by a character or a word.
    fn nudge(&mut self, end: bool, forward: bool, words: bool) {
        let Some(a) = self.selected.and_then(|id| self.session.project.annotation(id)) else { return };
        let Some(doc) = self.session.project.document(a.doc) else { return };
        let (id, start, stop) = (a.id, a.span.start(), a.span.end());
        let at = if end { stop } else { start };
        let moved = if words {
            // A start goes to a word's first letter, an end to its last: never a space inside.
            match (end, forward) {
                (true, false) => previous_word_end(doc, at),
                (false, true) => next_word_start(doc, at),
                _ => word_boundary(doc, at, forward),
            }
        } else if forward {
            at + 1
        } else {
            at.saturating_sub(1)
        };
        let (s, e) = if end { (start, moved) } else { (moved, stop) };
        self.edit("Resize", |p| actions::resize(p, id, s, e));
    }

    /// Splits the selected quote, or the quote under the marked text, at the start of the marked
    /// text, else at the caret (where the quote was clicked), else at the space nearest its middle.
    fn split_quote(&mut self) {
        let project = &self.session.project;
        let is_quote = |a: &&crate::model::Annotation| a.layer == crate::model::Layer::Quote;
        let marked = self.view.selection();
        let quote = self.selected.and_then(|id| project.annotation(id)).filter(is_quote).or_else(|| {
            let (s, _) = marked?;
            project.annotations_of(self.session.doc).filter(is_quote).find(|a| a.span.contains_offset(s))
        });
        let Some(quote) = quote else {
            self.notify(NoticeLevel::Info, "Select a quote to split, or mark text inside one.");
            return;
        };
        let inside = |at: usize| at > quote.span.start() && at < quote.span.end();
        let id = quote.id;
        let at = marked
            .and_then(|(s, e)| [s, e].into_iter().find(|at| inside(*at)))
            .or(self.view.caret().filter(|at| inside(*at)))
            .or_else(|| actions::middle_cut(project, id));
        let Some(at) = at else { return };
        self.edit("Split quote", |p| actions::split_quote(p, id, at));
        self.selected = Some(id);
        self.view.set_selection(None);
    }

    /// Joins the selected quote with its neighbour; the selection follows into the joined quote.
    fn join_quote(&mut self, forward: bool) {
        let Some(a) = self.selected.and_then(|id| self.session.project.annotation(id)) else { return };
        let (id, doc, span) = (a.id, a.doc, a.span);
        self.edit("Join quotes", |p| actions::join_quote(p, id, forward));
        if self.session.project.annotation(id).is_none() {
            self.selected = self
                .session
                .project
                .annotations_of(doc)
                .find(|q| q.layer == crate::model::Layer::Quote && q.span.contains(span))
                .map(|q| q.id);
        }
    }

    fn select(&mut self, id: AnnId) {
        if let Some(a) = self.session.project.annotation(id) {
            self.session.doc = a.doc;
            self.view.scroll_to(a.span.start());
            self.selected = Some(id);
        }
    }

    fn set_status(&mut self, status: Status) {
        let Some(id) = self.selected else { return };
        if let Some(edit) = crate::edit::actions::set_status(&self.session.project, &[id], status) {
            let name = if status == Status::Accepted { "Accept" } else { "Reject" };
            if let Err(e) = self.session.apply(name, edit) {
                self.notify(NoticeLevel::Error, e.to_string());
            }
        }
        self.step_unreviewed(true);
    }

    /// Moves the selection to the next (or previous) suggestion in reading order: on through
    /// the following documents at the end of one, round to the first at the end of the project.
    /// It goes on from where the analyst is: the selected annotation, else the marked text (a
    /// find match), else the first line in view. One pass over the annotations, no sorting: it
    /// runs on every keystroke.
    fn step_unreviewed(&mut self, forward: bool) {
        let project = &self.session.project;
        let doc = self.session.doc;
        let rank: std::collections::HashMap<crate::model::DocId, usize> =
            project.documents.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
        let (n, current) = (project.documents.len().max(1), rank.get(&doc).copied().unwrap_or(0));
        let here = self.selected.and_then(|id| project.annotation(id)).map(|a| (a.span.start(), a.span.end(), a.id));
        let here = here.or_else(|| {
            let at = self.view.selection().map_or_else(|| self.view.top_offset(), |(s, _)| s);
            // Before anything that starts there, so a suggestion at the match comes next.
            (at > 0).then_some((at, 0, AnnId(0)))
        });
        // How far on each suggestion is: documents away in the stepping direction (the current
        // one counts as `n` for what lies behind the analyst in it), then place in the text.
        let mut best: Option<(usize, (usize, usize, AnnId))> = None;
        for a in project.annotations.iter().filter(|a| a.status == Status::Suggested) {
            let Some(&r) = rank.get(&a.doc) else { continue };
            let k = (a.span.start(), a.span.end(), a.id);
            let away = if forward { (r + n - current) % n } else { (current + n - r) % n };
            let behind = away == 0 && here.is_some_and(|h| if forward { k <= h } else { k >= h });
            let distance = if behind { n } else { away };
            let closer =
                best.is_none_or(|(d, b)| distance < d || (distance == d && if forward { k < b } else { k > b }));
            if closer {
                best = Some((distance, k));
            }
        }
        match best {
            Some((_, (_, _, id))) => {
                // Moving on by keyboard: an earlier click's position must not decide where a
                // split cuts the new selection.
                self.view.set_selection(None);
                self.select(id);
            }
            None => self.notify(NoticeLevel::Info, "Everything in this project is reviewed."),
        }
    }

    /// Shows document `doc` from its top, with nothing selected.
    fn show_document(&mut self, doc: crate::model::DocId) {
        if self.session.doc != doc {
            self.session.doc = doc;
            self.selected = None;
            self.highlight_entity = None;
            self.chooser = None;
            self.view.set_selection(None);
        }
    }

    /// After an undo or redo took the shown document away: show the first one left.
    fn keep_a_document_shown(&mut self) {
        if self.session.project.document(self.session.doc).is_none()
            && let Some(first) = self.session.project.documents.first().map(|d| d.id)
        {
            self.show_document(first);
        }
    }

    /// Shows the next (or previous) document in the project's order, round at the ends.
    fn step_document(&mut self, forward: bool) {
        let docs = &self.session.project.documents;
        let Some(i) = docs.iter().position(|d| d.id == self.session.doc) else { return };
        let n = docs.len();
        let next = docs[if forward { (i + 1) % n } else { (i + n - 1) % n }].id;
        self.show_document(next);
    }

    /// Imports articles (files, or every article in a folder) and adds them with the detector's
    /// suggestions, as one undoable step; says which could not be read.
    fn add_paths(&mut self, paths: &[PathBuf]) {
        let mut files = Vec::new();
        for path in paths {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(|e| Some(e.ok()?.path()))
                        .filter(|p| crate::import::is_article_path(p))
                        .collect();
                    found.sort();
                    files.extend(found);
                }
                Err(_) => files.push(path.clone()),
            }
        }
        let mut docs = Vec::new();
        for file in &files {
            match crate::import::import_file(file, crate::model::DocId(0)) {
                Ok(doc) => docs.push(doc),
                Err(e) => self.notify(NoticeLevel::Error, e.to_string()),
            }
        }
        if docs.is_empty() {
            return;
        }
        let first = self.session.project.next_doc_id();
        let count = docs.len();
        let name = if count == 1 { "Add an article".to_string() } else { format!("Add {count} articles") };
        self.edit(&name, |p| actions::add_documents(p, docs));
        if self.session.project.document(first).is_some() {
            self.show_document(first);
            self.notify(NoticeLevel::Info, format!("{name}: done, with their suggestions."));
        }
    }

    fn open_now(&mut self, path: &std::path::Path) {
        match Session::open(path) {
            Ok(session) => {
                let must_reanchor = session.reanchor.as_ref().is_some_and(|r| r.required);
                let old = self.show_session(session);
                self.previous = must_reanchor.then(|| Box::new(old));
                self.remember(path);
                self.report_warnings();
                self.reset_autosave();
            }
            Err(e) => self.notify(NoticeLevel::Error, e.to_string()),
        }
    }

    /// Puts another session on screen with a fresh view; returns the one it replaces.
    fn show_session(&mut self, session: Session) -> Session {
        self.selected = None;
        self.highlight_entity = None;
        self.quote_filter = QuoteFilter::default();
        self.chooser = None;
        self.link_picker = None;
        self.view = ArticleView::default();
        // A new session counts its generations from the start again.
        self.list_rows = panels::ListRows::default();
        std::mem::replace(&mut self.session, session)
    }

    fn save_to(&mut self, path: &std::path::Path) {
        match self.session.save_to(path) {
            Ok(()) => {
                self.remember(path);
                self.notify(NoticeLevel::Info, format!("Saved {}", path.display()));
            }
            Err(e) => self.notify(NoticeLevel::Error, format!("Not saved: {e}. The previous file is unchanged.")),
        }
    }

    /// Exports reviewed work; says what the format could not hold instead of dropping it silently.
    fn export_to(&mut self, format: crate::export::Format, path: &std::path::Path) {
        let options = crate::export::Options { include_suggestions: self.export_suggestions };
        match crate::export::export(&self.session.project, format, path, &options) {
            Ok(report) => {
                let mut text =
                    format!("Exported {} annotation(s) as {} to {}", report.exported, format.title(), path.display());
                for file in report.files.iter().filter(|f| !f.starts_with(path)) {
                    text.push_str(&format!("\nAlso wrote {}", file.display()));
                }
                for note in &report.left_out {
                    text.push_str(&format!("\nLeft out: {note}"));
                }
                let level = if report.left_out.is_empty() { NoticeLevel::Info } else { NoticeLevel::Error };
                self.notify(level, text);
            }
            Err(e) => self.notify(NoticeLevel::Error, format!("Export failed: {e}")),
        }
    }

    fn remember(&mut self, path: &std::path::Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    fn prompt_window(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.prompt.as_mut() else { return };
        let (title, action) = prompt.purpose.wording();
        let mut submit = false;
        let mut cancel = false;
        let mut browse = false;
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label("Path:");
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0).hint_text("/path/to/file"));
                edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Path"));
                if std::mem::take(&mut prompt.focus) {
                    focus::take_keyboard(ui, &edit, &prompt.text, false);
                }
                if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    submit = true;
                }
                if let Some(m) = &prompt.message {
                    ui.colored_label(ui.visuals().warn_fg_color, m);
                }
                ui.horizontal(|ui| {
                    submit |= ui.button(action).clicked();
                    browse = ui.add_enabled(!prompt.browsing, egui::Button::new("Browse…")).clicked();
                    cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
                    if prompt.browsing {
                        ui.spinner();
                    }
                });
            });
        if browse {
            prompt.browsing = true;
            let suggested = (!prompt.text.is_empty()).then(|| PathBuf::from(&prompt.text));
            self.dialogs.start(prompt.purpose, suggested, ctx);
        } else if cancel {
            self.prompt = None;
            self.after_save = None;
        } else if submit {
            let text = prompt.text.trim();
            if text.is_empty() {
                prompt.message = Some("Type a path first.".into());
                return;
            }
            let path = PathBuf::from(text);
            let purpose = prompt.purpose;
            self.prompt = None;
            self.queue.push(purpose.command(path));
        }
    }

    fn confirm_window(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.pending.clone() else { return };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("confirm_unsaved")).show(ctx, |ui| {
            ui.heading("Save changes?");
            ui.label(format!("{} has unsaved changes.", self.session.display_name()));
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(0);
                }
                if ui.button("Don't save").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    choice = Some(2);
                }
            });
        });
        let Some(choice) = choice else { return };
        self.pending = None;
        if choice == 0 {
            match self.session.path.clone() {
                Some(path) => self.save_to(&path),
                None => {
                    // Saved once Save As has a path; cancelling it cancels what was asked.
                    self.apply(AppCommand::SaveAs, ctx);
                    self.after_save = Some(pending);
                    return;
                }
            }
            if self.session.is_dirty() {
                return; // the save failed; keep the window and the work
            }
        }
        if choice == 2 {
            return;
        }
        self.carry_on(pending, ctx);
    }

    /// Closes the window or opens the file asked for, once the changes are saved or dropped.
    fn carry_on(&mut self, pending: Pending, ctx: &egui::Context) {
        // Saved, or the analyst chose to drop the changes: either way no recovery is needed.
        self.discard_recovery();
        match pending {
            Pending::Close => {
                self.flush_autosave();
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Open(path) => self.open_now(&path),
        }
    }

    /// Called when the window is asked to close: with unsaved changes, ask first.
    fn intercept_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.session.is_dirty() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Pending::Close);
        }
    }
}

/// Articles quote people in any script: a broad fallback font after egui's own, and a box
/// rather than a crash for the rare character no font has.
fn install_fonts(ctx: &egui::Context) {
    ctx.set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    let fallback =
        |family| egui::epaint::text::InsertFontFamily { family, priority: egui::epaint::text::FontPriority::Lowest };
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
        vec![fallback(egui::FontFamily::Proportional), fallback(egui::FontFamily::Monospace)],
    ));
}

/// The next word boundary after (or before) code point `at`: the end of the next word going
/// forward, the start of the previous word going back. Only the characters passed over are read,
/// so a keystroke costs the same anywhere in a long article.
fn word_boundary(doc: &crate::model::Document, at: usize, forward: bool) -> usize {
    let index = doc.index();
    let at = at.min(index.len_chars());
    let byte = index.byte_of(&doc.text, at);
    if forward { at + across_word(doc.text[byte..].chars()) } else { at - across_word(doc.text[..byte].chars().rev()) }
}

/// The end of the word before the one `at` is in or after: where an end moved back a word stops.
fn previous_word_end(doc: &crate::model::Document, at: usize) -> usize {
    let index = doc.index();
    let at = at.min(index.len_chars());
    let mut chars = doc.text[..index.byte_of(&doc.text, at)].chars().rev().peekable();
    let mut n = 0;
    while chars.next_if(|c| c.is_alphanumeric()).is_some() {
        n += 1;
    }
    while chars.next_if(|c| !c.is_alphanumeric()).is_some() {
        n += 1;
    }
    at - n
}

/// The start of the word after the one `at` is in: where a start moved on a word stops.
fn next_word_start(doc: &crate::model::Document, at: usize) -> usize {
    let index = doc.index();
    let at = at.min(index.len_chars());
    let mut chars = doc.text[index.byte_of(&doc.text, at)..].chars().peekable();
    let mut n = 0;
    while chars.next_if(|c| c.is_alphanumeric()).is_some() {
        n += 1;
    }
    while chars.next_if(|c| !c.is_alphanumeric()).is_some() {
        n += 1;
    }
    at + n
}

/// How many of `chars` lie up to the end of the first word: any characters before it, then it.
fn across_word(chars: impl Iterator<Item = char>) -> usize {
    let mut chars = chars.peekable();
    let mut n = 0;
    while chars.next_if(|c| !c.is_alphanumeric()).is_some() {
        n += 1;
    }
    while chars.next_if(|c| c.is_alphanumeric()).is_some() {
        n += 1;
    }
    n
}

const STORAGE_RECENT: &str = "recent_files";
const STORAGE_FONT: &str = "font_size";

impl eframe::App for SaysoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        SaysoApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_RECENT, &self.recent);
        eframe::set_value(storage, STORAGE_FONT, &self.font_size);
    }
}

/// What the window opens on: `path`, or the bundled sample when there is none. A file that
/// cannot be opened is not silently swapped for the sample: an empty desk, and why.
pub fn first_session(path: Option<&std::path::Path>) -> (Session, Option<String>) {
    match path {
        None => (SaysoApp::sample_session(), None),
        Some(p) => match Session::open(p) {
            Ok(s) => (s, None),
            Err(e) => (Session::new(crate::model::Project::default(), None), Some(e.to_string())),
        },
    }
}

/// Opens the window on `path`, or on the bundled sample when there is none.
pub fn run_native(path: Option<PathBuf>) -> eframe::Result<()> {
    let (session, error) = first_session(path.as_deref());
    if let Some(e) = &error {
        eprintln!("sayso: {e}");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Sayso",
        options,
        Box::new(move |cc| {
            let mut app = SaysoApp::new(session, Arc::new(NativePicker));
            app.set_recovery_dir(crate::recovery::default_data_dir());
            app.check_recovery();
            if let Some(storage) = cc.storage {
                app.recent = eframe::get_value(storage, STORAGE_RECENT).unwrap_or_default();
                app.font_size = eframe::get_value(storage, STORAGE_FONT).unwrap_or(DEFAULT_FONT_SIZE);
            }
            if let Some(p) = path.as_deref().filter(|_| error.is_none()) {
                app.remember(p);
            }
            if let Some(e) = error {
                app.notify(NoticeLevel::Error, e);
            }
            Ok(Box::new(app))
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Document};

    #[test]
    fn alt_arrows_stop_at_word_ends() {
        let pad = "é ".repeat(70);
        let text = format!("{pad}l’homme va — naïve, 42x!");
        let doc = Document::new(DocId(1), "t", text.as_str());
        let len = text.chars().count();
        let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let (l, homme) = (at("l’homme"), at("homme"));
        assert_eq!(word_boundary(&doc, l, true), l + 1, "an apostrophe ends a word here");
        assert_eq!(word_boundary(&doc, homme + 2, true), homme + 5);
        assert_eq!(word_boundary(&doc, homme + 5, true), at(" —"), "spaces before the next word are passed");
        assert_eq!(word_boundary(&doc, at(" —"), true), at(", 42"), "through the dash to the end of “naïve”");
        assert_eq!(word_boundary(&doc, at("!"), true), len, "the end of the text");
        assert_eq!(word_boundary(&doc, len, true), len);
        assert_eq!(word_boundary(&doc, len + 3, true), len);
        assert_eq!(word_boundary(&doc, len, false), at("42x"));
        assert_eq!(word_boundary(&doc, at("ïve"), false), at("naïve"));
        assert_eq!(word_boundary(&doc, at("naïve"), false), at("va"));
        assert_eq!(word_boundary(&doc, l, false), l - 2, "back to the last “é”");
        assert_eq!(word_boundary(&doc, 1, false), 0, "the start of the text");
        assert_eq!(word_boundary(&doc, 0, false), 0);
    }

    #[test]
    fn a_start_moves_to_a_word_start_and_an_end_to_a_word_end() {
        let text = "the defense ministry, said";
        let doc = Document::new(DocId(1), "t", text);
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(next_word_start(&doc, at("defense")), at("ministry"), "no space before the new start");
        assert_eq!(next_word_start(&doc, at("fense")), at("ministry"));
        assert_eq!(next_word_start(&doc, at("ministry")), at("said"), "past the comma too");
        assert_eq!(previous_word_end(&doc, at(", said")), at(" ministry"), "no space after the new end");
        assert_eq!(previous_word_end(&doc, at("said") + 4), at(", said"), "nor a comma");
        assert_eq!(previous_word_end(&doc, 3), 0);
        assert_eq!(next_word_start(&doc, text.len()), text.len());
    }
}
