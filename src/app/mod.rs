//! The window. Panels are given a [`desk::Desk`] (the session to read, the preferences, the review
//! state and the command queue), draw, and push [`AppCommand`]s; [`SaysoApp::apply`] carries them
//! out once per frame, and every project change goes through the session's edit history.

mod adjudicate;
mod apply;
mod article_view;
mod autosave;
mod commands;
mod desk;
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
mod modals;
mod native;
mod navigate;
mod notices;
mod overlap_chooser;
mod palette;
mod preferences;
mod quote_filter;
mod reanchor_prompt;
mod retraining;
mod review;
mod schema_editor;
mod statements_view;
mod status_bar;
mod twin_offer;

pub use native::{APP_ID, first_session, icon, run_native};
pub use preferences::{DEFAULT_FONT_SIZE, Preferences};

pub use commands::AppCommand;
pub use dialogs::{NativePicker, PickKind, Picker};

use crate::model::{AnnId, Status};
use crate::session::Session;
use article_view::ArticleView;
use desk::Desk;
pub use modals::Modals;
use modals::Pending;
pub use quote_filter::QuoteFilter;
pub use review::{ListTab, Review};
use std::path::PathBuf;
use std::sync::Arc;

/// The article shipped with the app, opened when no file is given.
pub const SAMPLE_NAME: &str = "sample-article.txt";
pub const SAMPLE: &[u8] = include_bytes!("../../assets/sample-article.txt");

/// As many as Alt+1 … Alt+9 open.
const MAX_RECENT: usize = 9;
const MAX_NOTICES: usize = 5;

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

pub struct SaysoApp {
    pub session: Session,
    /// The window's settings: the analyst's name, recent files, what is shown, how review goes.
    pub prefs: Preferences,
    pub review: Review,
    pub modals: Modals,
    pub notices: Vec<Notice>,
    /// The format and place of the last export, which Export again writes to.
    pub last_export: Option<(crate::export::Format, PathBuf)>,
    /// The entity model being retrained from the reviewed work, while it is.
    retraining: retraining::Retraining,
    list_rows: list_panel::ListRows,
    documents: documents_panel::DocumentsPanel,
    pub insights: insights_view::InsightsView,
    view: ArticleView,
    find: find::Find,
    queue: Vec<AppCommand>,
    autosave: autosave::Autosave,
    /// The session open before one that cannot be shown until re-anchored, to go back to.
    previous: Option<Box<Session>>,
    close_confirmed: bool,
    frame: FrameMemo,
}

/// What one frame leaves for the next.
#[derive(Default)]
struct FrameMemo {
    /// The title last given to the window, so it is sent only when it changes.
    shown_title: String,
    fonts_installed: bool,
    /// A text field had the keyboard at the end of the last frame.
    was_typing: bool,
    /// A menu or drop-down list was open at the end of the last frame: it has the arrow keys.
    popup_was_open: bool,
}

impl SaysoApp {
    pub fn new(session: Session, picker: Arc<dyn Picker>) -> Self {
        let mut app = SaysoApp {
            session,
            prefs: Preferences::default(),
            review: Review::default(),
            modals: Modals::new(picker),
            notices: Vec::new(),
            last_export: None,
            retraining: retraining::Retraining::default(),
            list_rows: list_panel::ListRows::default(),
            documents: documents_panel::DocumentsPanel::default(),
            insights: insights_view::InsightsView::default(),
            view: ArticleView::default(),
            find: find::Find::default(),
            queue: Vec::new(),
            autosave: autosave::Autosave::default(),
            previous: None,
            close_confirmed: false,
            frame: FrameMemo::default(),
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
        if !self.frame.fonts_installed {
            install_fonts(&ctx);
            self.frame.fonts_installed = true;
        }
        self.intercept_close(&ctx);
        self.poll_dialogs();
        self.poll_retraining();
        self.handle_dropped_files(&ctx);
        self.handle_keys(&ctx);
        // Keys, drops and dialog results change the project before drawing, so a keystroke
        // shows its effect in the same frame.
        self.apply_queue(&ctx, false);
        self.panels(ui);
        self.article(ui);
        self.chooser_window(&ctx);
        self.link_picker_window(&ctx);
        self.prompt_window(&ctx);
        self.confirm_window(&ctx);
        self.recovery_window(&ctx);
        self.reanchor_window(&ctx);
        self.windows(&ctx);
        notices::notices(&ctx, &mut self.notices);
        self.apply_queue(&ctx, true);
        self.autosave_tick(&ctx);
        self.frame.was_typing = ctx.text_edit_focused();
        self.frame.popup_was_open = ctx.any_popup_open();
    }

    /// The menus, the status bar, the list and the inspector: each is given the desk, not the app.
    fn panels(&mut self, ui: &mut egui::Ui) {
        let offers = menu_bar::Offers { export_again: self.last_export.is_some(), retrain: !self.retraining.running() };
        let marked = self.view.selection();
        let mut desk = Desk::new(&self.session, &self.prefs, &mut self.review, marked, &mut self.queue);
        menu_bar::menu_bar(ui, &mut desk, offers);
        status_bar::status_bar(ui, &desk);
        list_panel::list_panel(ui, &mut desk, &mut self.list_rows, &mut self.documents);
        inspector::inspector(ui, &mut desk);
    }

    /// The windows over the article, each with its own state and the desk.
    fn windows(&mut self, ctx: &egui::Context) {
        let marked = self.view.selection();
        let mut desk = Desk::new(&self.session, &self.prefs, &mut self.review, marked, &mut self.queue);
        let modals = &mut self.modals;
        help::shortcuts_window(ctx, &mut modals.show_shortcuts, &self.session.project.schema);
        insights_view::window(ctx, &mut self.insights, &mut desk);
        memory_view::window(ctx, &mut modals.show_memory, &mut desk);
        statements_view::window(ctx, &mut modals.compare_statement, &mut desk);
        schema_editor::window(ctx, &mut modals.show_schema, &mut desk);
        twin_offer::window(ctx, &mut modals.twin_offer, &mut desk);
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
                        self.review.selected = None;
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
                    selected: self.review.selected,
                    entity: self.review.highlight_entity,
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
                self.modals.chooser =
                    out.overlaps.map(|(ids, at)| overlap_chooser::OverlapChooser::new(ids, Some(at), Some(id)));
            } else if out.clicked_empty {
                self.queue.push(AppCommand::ClearSelection);
            }
        });
    }

    fn chooser_window(&mut self, ctx: &egui::Context) {
        if let Some(out) = self.modals.chooser.as_mut().and_then(|c| c.ui(ctx, &self.session.project)) {
            self.chooser_output(out);
        }
    }

    fn chooser_output(&mut self, out: overlap_chooser::ChooserOutput) {
        match out {
            overlap_chooser::ChooserOutput::Select(id) => self.queue.push(AppCommand::Select(id)),
            overlap_chooser::ChooserOutput::Pick(id) => {
                self.queue.push(AppCommand::Select(id));
                self.modals.chooser = None;
            }
            overlap_chooser::ChooserOutput::Close => self.modals.chooser = None,
        }
    }

    /// Lists the annotations overlapping the selected one, for the keyboard.
    fn choose_overlapping(&mut self) {
        let Some(a) = self.review.selected.and_then(|id| self.session.project.annotation(id)) else { return };
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
        self.modals.chooser = Some(overlap_chooser::OverlapChooser::new(ids, None, Some(a.id)));
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
