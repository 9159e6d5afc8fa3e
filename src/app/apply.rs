//! Carrying out commands: the one place where what a key, a menu or a panel asked for changes
//! the project (through the session's edit history) or the window's state.

use super::dialogs::{PathPrompt, Purpose};
use super::modals::Pending;
use super::{AppCommand, ListTab, NoticeLevel, SaysoApp, twin_offer};
use crate::edit::actions;
use crate::model::Status;

impl SaysoApp {
    /// Carries out the queued commands, in order; `drawn` says this frame already drew the old state,
    /// so the new one needs another frame.
    pub(super) fn apply_queue(&mut self, ctx: &egui::Context, drawn: bool) {
        let queue = std::mem::take(&mut self.queue);
        if drawn && !queue.is_empty() {
            ctx.request_repaint();
        }
        for command in queue {
            self.apply(command, ctx);
        }
        let title = self.title();
        if title != self.frame.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.frame.shown_title = title;
        }
    }

    pub fn apply(&mut self, command: AppCommand, ctx: &egui::Context) {
        if !matches!(command, AppCommand::Select(_)) {
            // Anything but picking from it makes the list of overlapping annotations stale.
            self.modals.chooser = None;
        }
        match command {
            AppCommand::Open => {
                self.modals.prompt = Some(PathPrompt::new(Purpose::Open, String::new()));
            }
            AppCommand::OpenPath(path) => {
                if self.session.is_dirty() && self.modals.pending.is_none() {
                    self.modals.pending = Some(Pending::Open(path));
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
                self.modals.prompt = Some(PathPrompt::new(Purpose::SaveProject, suggested.display().to_string()));
            }
            AppCommand::SaveTo(path) => {
                self.save_to(&path);
                if let Some(pending) = self.modals.after_save.take().filter(|_| !self.session.is_dirty()) {
                    self.carry_on(pending, ctx);
                }
            }
            AppCommand::Export(format) => {
                let suggested = if format.writes_folder() {
                    self.session.beside_project(&format!("-{}", format.name()))
                } else {
                    self.session.beside_project(&format!(".{}", format.extension()))
                };
                self.modals.prompt = Some(PathPrompt::new(Purpose::Export(format), suggested.display().to_string()));
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
                self.review.selected = None;
                self.review.highlight_entity = None;
                self.view.set_selection(None);
            }
            AppCommand::ApplyLabel(label) => self.apply_label(&label),
            AppCommand::Delete => {
                if let Some(id) = self.review.selected.take() {
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
                if let Some(id) = self.review.selected {
                    self.edit("Split off entity", |p| actions::split_mention(p, id));
                }
            }
            AppCommand::EditField { note } => self.review.focus_field = self.review.selected.map(|_| note),
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
                self.modals.compare_statement = None;
            }
            AppCommand::JoinStatement(id, other) => {
                self.edit("Same statement", |p| actions::join_statement(p, id, other))
            }
            AppCommand::CompareStatement(id) => self.modals.compare_statement = id,
            AppCommand::StepConflict(forward) => self.step_conflict(forward),
            AppCommand::ShowConflict(id) => self.show_conflict(id),
            AppCommand::Resolve(choice) => self.resolve_conflict(choice),
            AppCommand::SetAnalyst(name) => {
                self.prefs.analyst = name.trim().to_string();
                self.session.project.analyst.clone_from(&self.prefs.analyst);
            }
            AppCommand::SetRejectTwins(choice) => self.prefs.reject_twins = choice,
            AppCommand::SetReviewOrder(order) => self.prefs.review_order = order,
            AppCommand::ShowAttributions(preset) => self.prefs.attributions = preset,
            AppCommand::SetExportSuggestions(on) => self.prefs.export_suggestions = on,
            AppCommand::SetEntitiesEverywhere(on) => self.prefs.entities_everywhere = on,
            AppCommand::ToggleMemory => self.modals.show_memory = !self.modals.show_memory,
            AppCommand::Forget(lesson) => self.forget(&lesson),
            AppCommand::ExportMemory => {
                let suggested = self.session.beside_project(".memory.ron").display().to_string();
                self.modals.prompt = Some(PathPrompt::new(Purpose::ExportMemory, suggested));
            }
            AppCommand::ExportMemoryTo(path) => self.export_memory(&path),
            AppCommand::ImportMemory => {
                self.modals.prompt = Some(PathPrompt::new(Purpose::ImportMemory, String::new()))
            }
            AppCommand::ImportMemoryFrom(path) => self.import_memory(&path),
            AppCommand::RejectIdentical(id) => {
                let count = actions::twins::identical(&self.session.project, id).len();
                self.edit(&twin_offer::reject_name(count), |p| actions::twins::reject_identical(p, id));
                self.modals.twin_offer = None;
            }
            AppCommand::AcceptAllLikeSelected => {
                let label =
                    self.review.selected.and_then(|id| self.session.project.annotation(id)).map(|a| a.label.clone());
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
            AppCommand::HighlightEntity(entity) => self.review.highlight_entity = entity,
            AppCommand::ToggleEntityHighlight => {
                let entity = self
                    .review
                    .selected
                    .and_then(|id| self.session.project.annotation(id))
                    .and_then(|a| a.links.entity);
                self.review.highlight_entity =
                    if self.review.highlight_entity.is_some() && self.review.highlight_entity == entity {
                        None
                    } else {
                        entity
                    };
            }
            AppCommand::FilterQuotes => {
                self.review.list_tab = ListTab::Quotes;
                self.review.focus_quote_filter = true;
            }
            AppCommand::JoinQuote { forward } => self.join_quote(forward),
            AppCommand::Scroll(by) => self.view.scroll_by(by),
            AppCommand::ToggleInsights => self.insights.open = !self.insights.open,
            AppCommand::AskInsightsFolder => {
                let folder = self.session.beside_project("-insights").display().to_string();
                self.modals.prompt = Some(PathPrompt::new(Purpose::InsightsTables, folder));
            }
            AppCommand::SaveInsights(dir) => self.save_insights(&dir),
            AppCommand::ShowDocument(doc) => self.show_document(doc),
            AppCommand::NextDocument => self.step_document(true),
            AppCommand::PreviousDocument => self.step_document(false),
            AppCommand::AddArticles => self.modals.prompt = Some(PathPrompt::new(Purpose::AddArticles, String::new())),
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
            AppCommand::EditLabels => self.modals.show_schema = !self.modals.show_schema,
            AppCommand::SetSchema(schema, rename) => {
                let rename = rename.as_ref().map(|(o, n)| (o.as_str(), n.as_str()));
                self.edit("Edit labels", |p| actions::set_schema(p, *schema, rename));
            }
            AppCommand::ToggleShortcuts => self.modals.show_shortcuts = !self.modals.show_shortcuts,
            AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }
}
