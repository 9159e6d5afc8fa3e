//! The window. Widgets draw state and push [`AppCommand`]s; [`SaysoApp::apply`] carries them out
//! once per frame, and every project change goes through the session's edit history.

mod adjudicate;
mod article_view;
mod autosave;
mod commands;
mod dialogs;
mod documents_panel;
mod editing;
mod entities_panel;
mod files;
mod find;
mod focus;
mod help;
mod insights_view;
mod inspector;
mod keys;
mod link_picker;
mod list_panel;
mod memory_view;
mod menu_bar;
mod navigate;
mod notices;
mod overlap_chooser;
mod palette;
mod preferences;
mod quote_filter;
mod reanchor_prompt;
mod retraining;
mod schema_editor;
mod statements_view;
mod status_bar;
mod twin_offer;

pub use preferences::{DEFAULT_FONT_SIZE, Preferences};

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

/// As many as Alt+1 … Alt+9 open.
const MAX_RECENT: usize = 9;
const MAX_NOTICES: usize = 5;

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
    /// A merged project's conflicts (the tab shows while there are any).
    Conflicts,
}

pub struct SaysoApp {
    pub session: Session,
    /// The window's settings: the analyst's name, recent files, what is shown, how review goes.
    pub prefs: Preferences,
    pub selected: Option<AnnId>,
    /// The entity whose mentions the article highlights, picked in the Entities list.
    pub highlight_entity: Option<EntityId>,
    pub quote_filter: QuoteFilter,
    pub notices: Vec<Notice>,
    pub show_shortcuts: bool,
    pub show_schema: bool,
    /// The format and place of the last export, which Export again writes to.
    pub last_export: Option<(crate::export::Format, PathBuf)>,
    /// The Memory window is shown (Edit → Memory…).
    pub show_memory: bool,
    /// The offer to reject the same words elsewhere, after a rejection under "ask".
    twin_offer: Option<twin_offer::TwinOffer>,
    /// The entity model being retrained from the reviewed work, while it is.
    retraining: retraining::Retraining,
    list_tab: ListTab,
    list_rows: list_panel::ListRows,
    documents: documents_panel::DocumentsPanel,
    pub insights: insights_view::InsightsView,
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
    /// The statement whose versions are shown side by side, while that window is open.
    compare_statement: Option<crate::model::StatementId>,
}

impl SaysoApp {
    pub fn new(session: Session, picker: Arc<dyn Picker>) -> Self {
        let mut app = SaysoApp {
            session,
            prefs: Preferences::default(),
            selected: None,
            highlight_entity: None,
            quote_filter: QuoteFilter::default(),
            focus_quote_filter: false,
            chooser: None,
            link_picker: None,
            focus_field: None,
            compare_statement: None,
            notices: Vec::new(),
            show_shortcuts: false,
            show_schema: false,
            last_export: None,
            show_memory: false,
            twin_offer: None,
            retraining: retraining::Retraining::default(),
            list_tab: ListTab::default(),
            list_rows: list_panel::ListRows::default(),
            documents: documents_panel::DocumentsPanel::default(),
            insights: insights_view::InsightsView::default(),
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
        self.poll_retraining();
        self.handle_dropped_files(&ctx);
        self.handle_keys(&ctx);
        // Keys, drops and dialog results change the project before drawing, so a keystroke
        // shows its effect in the same frame.
        self.apply_queue(&ctx, false);
        menu_bar::menu_bar(self, ui);
        status_bar::status_bar(self, ui);
        list_panel::list_panel(self, ui);
        inspector::inspector(self, ui);
        self.article(ui);
        self.chooser_window(&ctx);
        self.link_picker_window(&ctx);
        self.prompt_window(&ctx);
        self.confirm_window(&ctx);
        self.recovery_window(&ctx);
        self.reanchor_window(&ctx);
        help::shortcuts_window(self, &ctx);
        insights_view::window(self, &ctx);
        memory_view::window(self, &ctx);
        statements_view::window(self, &ctx);
        schema_editor::window(self, &ctx);
        twin_offer::window(self, &ctx);
        notices::notices(self, &ctx);
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
                article_view::Emphasis {
                    selected: self.selected,
                    entity: self.highlight_entity,
                    shown: self.prefs.attributions,
                    disputed: self.current_conflict().and_then(adjudicate::extent).map(|s| (s.start(), s.end())),
                },
                self.prefs.font_size,
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
                let suggested = if format.writes_folder() {
                    self.session.beside_project(&format!("-{}", format.name()))
                } else {
                    self.session.beside_project(&format!(".{}", format.extension()))
                };
                self.prompt = Some(PathPrompt::new(Purpose::Export(format), suggested.display().to_string()));
            }
            AppCommand::ExportTo(format, path) => self.export_to(format, &path),
            AppCommand::ExportAgain => match self.last_export.clone() {
                Some((format, path)) => self.export_to(format, &path),
                None => self.notify(NoticeLevel::Info, "Nothing exported yet: choose a format under File → Export"),
            },
            AppCommand::OpenRecent(n) => match self.prefs.recent.get(n).cloned() {
                Some(path) => self.apply(AppCommand::OpenPath(path), ctx),
                None => self.notify(NoticeLevel::Info, format!("There is no recent file {}", n + 1)),
            },
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
            AppCommand::SetAttributionType(id, ty) => {
                self.edit(&format!("Mark as {}", ty.title()), |p| actions::set_attribution_type(p, &[id], ty))
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
            AppCommand::ConfirmStatement(id) => {
                self.edit("Confirm same statement", |p| actions::confirm_statement(p, id))
            }
            AppCommand::LeaveStatement(id) => {
                self.edit("Not the same statement", |p| actions::leave_statement(p, id));
                self.compare_statement = None;
            }
            AppCommand::JoinStatement(id, other) => {
                self.edit("Same statement", |p| actions::join_statement(p, id, other))
            }
            AppCommand::CompareStatement(id) => self.compare_statement = id,
            AppCommand::StepConflict(forward) => self.step_conflict(forward),
            AppCommand::Resolve(choice) => self.resolve_conflict(choice),
            AppCommand::SetAnalyst(name) => {
                self.prefs.analyst = name.trim().to_string();
                self.session.project.analyst.clone_from(&self.prefs.analyst);
            }
            AppCommand::SetRejectTwins(choice) => self.prefs.reject_twins = choice,
            AppCommand::SetReviewOrder(order) => self.prefs.review_order = order,
            AppCommand::ToggleMemory => self.show_memory = !self.show_memory,
            AppCommand::Forget(lesson) => self.forget(&lesson),
            AppCommand::ExportMemory => {
                let suggested = self.session.beside_project(".memory.ron").display().to_string();
                self.prompt = Some(PathPrompt::new(Purpose::ExportMemory, suggested));
            }
            AppCommand::ExportMemoryTo(path) => self.export_memory(&path),
            AppCommand::ImportMemory => self.prompt = Some(PathPrompt::new(Purpose::ImportMemory, String::new())),
            AppCommand::ImportMemoryFrom(path) => self.import_memory(&path),
            AppCommand::RejectIdentical(id) => {
                let count = actions::twins::identical(&self.session.project, id).len();
                self.edit(&twin_offer::reject_name(count), |p| actions::twins::reject_identical(p, id));
                self.twin_offer = None;
            }
            AppCommand::AcceptAllLikeSelected => {
                let label = self.selected.and_then(|id| self.session.project.annotation(id)).map(|a| a.label.clone());
                match label {
                    Some(label) => self.apply(AppCommand::AcceptAllOfLabel(label), ctx),
                    None => self.notify(NoticeLevel::Info, "Select a suggestion first: its label is the one accepted"),
                }
            }
            AppCommand::RetrainEntityModel => self.start_retraining(ctx),
            AppCommand::AcceptAllOfLabel(label) => {
                let doc = self.session.doc;
                self.edit(&format!("Accept all {label}"), |p| actions::accept_all(p, doc, &label));
            }
            AppCommand::RejectInSelection => {
                let doc = self.session.doc;
                if let Some(span) = self.view.selection().and_then(|(s, e)| crate::model::Span::new(s, e).ok()) {
                    let twins = self.prefs.reject_twins;
                    self.edit("Reject marked suggestions", |p| actions::reject_within(p, doc, span, twins));
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
            AppCommand::ToggleInsights => self.insights.open = !self.insights.open,
            AppCommand::AskInsightsFolder => {
                let folder = self.session.beside_project("-insights").display().to_string();
                self.prompt = Some(PathPrompt::new(Purpose::InsightsTables, folder));
            }
            AppCommand::SaveInsights(dir) => self.save_insights(&dir),
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
            AppCommand::ToggleList => self.prefs.show_list = !self.prefs.show_list,
            AppCommand::ToggleInspector => self.prefs.show_inspector = !self.prefs.show_inspector,
            AppCommand::ZoomIn => self.prefs.font_size = (self.prefs.font_size + 1.0).min(40.0),
            AppCommand::ZoomOut => self.prefs.font_size = (self.prefs.font_size - 1.0).max(10.0),
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
}

/// Articles quote people in any script: a broad fallback font after egui's own, and a box
/// rather than a crash for the rare character no font has.
fn install_fonts(ctx: &egui::Context) {
    ctx.set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    let fallback =
        |family| egui::epaint::text::InsertFontFamily { family, priority: egui::epaint::text::FontPriority::Lowest };
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(crate::insights::chart::FONT),
        vec![fallback(egui::FontFamily::Proportional), fallback(egui::FontFamily::Monospace)],
    ));
}

/// The app in its native window, which on a screen smaller than the window's first size (or the
/// size saved on a larger screen) shrinks to fit, so the panels at the edges stay in view.
struct NativeWindow {
    app: SaysoApp,
    /// Whether the window has been checked against the screen (once, when the screen is known).
    fitted: bool,
}

impl eframe::App for NativeWindow {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if !self.fitted {
            let (monitor, inner, outer) =
                ui.ctx().input(|i| (i.viewport().monitor_size, i.viewport().inner_rect, i.viewport().outer_rect));
            if let (Some(monitor), Some(inner)) = (monitor, inner) {
                self.fitted = true;
                // Room for the window's frame and title bar, as far as the platform tells it.
                let frame = outer.map_or(egui::Vec2::ZERO, |o| o.size() - inner.size());
                if let Some(size) = fit_to_screen(inner.size(), monitor - frame) {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::Pos2::ZERO));
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
                }
            }
        }
        SaysoApp::ui(&mut self.app, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.prefs.save(storage);
    }
}

/// The window size that fits `screen`, if `window` does not (never below the window's minimum).
fn fit_to_screen(window: egui::Vec2, screen: egui::Vec2) -> Option<egui::Vec2> {
    if screen.x <= 0.0 || screen.y <= 0.0 || window.x <= screen.x && window.y <= screen.y {
        return None;
    }
    Some(window.min(screen).max(MIN_WINDOW))
}

/// The smallest window the panels are laid out for.
const MIN_WINDOW: egui::Vec2 = egui::vec2(720.0, 480.0);

/// The window's app id, which desktops match to `pkg/sayso.desktop`; eframe also keeps the window's
/// size and position, panel widths and the app's settings under it (`~/.local/share/sayso/`).
pub const APP_ID: &str = "sayso";

/// The window icon: the 256 px render of `pkg/icons/sayso.svg`.
pub fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../pkg/icons/sayso-256.png"))
        .expect("the bundled icon is a PNG")
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

/// Opens the window on `path`, or on the bundled sample when there is none; the articles in
/// `also` join it as documents, as when several files are dropped on the window.
pub fn run_native(path: Option<PathBuf>, also: Vec<PathBuf>) -> eframe::Result<()> {
    let (session, error) = first_session(path.as_deref());
    if let Some(e) = &error {
        eprintln!("sayso: {e}");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id(APP_ID)
            .with_icon(icon())
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size(MIN_WINDOW)
            .with_drag_and_drop(true),
        // The last size and position come back on the next start (the size above is the first run's).
        persist_window: true,
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
                app.prefs = Preferences::load(storage);
                let analyst = std::mem::take(&mut app.prefs.analyst);
                app.apply(AppCommand::SetAnalyst(analyst), &cc.egui_ctx);
            }
            if let Some(p) = path.as_deref().filter(|_| error.is_none()) {
                app.remember(p);
            }
            if let Some(e) = error {
                app.notify(NoticeLevel::Error, e);
            }
            if !also.is_empty() {
                app.send(AppCommand::AddPaths(also));
            }
            Ok(Box::new(NativeWindow { app, fitted: false }))
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_larger_than_the_screen_shrinks_to_it_and_no_further_than_the_minimum() {
        let screen = egui::vec2(1024.0, 740.0);
        assert_eq!(fit_to_screen(egui::vec2(1400.0, 900.0), screen), Some(screen));
        assert_eq!(fit_to_screen(egui::vec2(900.0, 900.0), screen), Some(egui::vec2(900.0, 740.0)));
        assert_eq!(fit_to_screen(egui::vec2(1000.0, 700.0), screen), None);
        assert_eq!(fit_to_screen(egui::vec2(1400.0, 900.0), egui::vec2(640.0, 400.0)), Some(MIN_WINDOW));
        assert_eq!(fit_to_screen(egui::vec2(1400.0, 900.0), egui::Vec2::ZERO), None);
    }
}
