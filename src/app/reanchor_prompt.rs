//! The question asked when a project's article text was edited outside Sayso: find each
//! annotation's words again, or keep the spans where they are.

use super::{NoticeLevel, SaysoApp};

impl SaysoApp {
    pub(super) fn reanchor_window(&mut self, ctx: &egui::Context) {
        let Some(reanchor) = &self.session.reanchor else { return };
        let required = reanchor.required;
        let summary = reanchor.to_string();
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("reanchor_offer")).show(ctx, |ui| {
            ui.heading("The article text was changed outside Sayso");
            ui.label(format!(
                "The text in {} no longer matches what its annotations were made on. Sayso can look for each annotation's words and move it there:",
                self.session.display_name()
            ));
            egui::ScrollArea::vertical().max_height(240.0).show(ui, |ui| ui.label(&summary));
            if required {
                ui.label("Some spans now fall outside the text, so the project cannot be used as it is.");
            }
            ui.label("Nothing is written until you save.");
            ui.horizontal(|ui| {
                if ui.button("Re-anchor").clicked() {
                    choice = Some(true);
                }
                let keep = if required { "Don't open" } else { "Keep spans as they are" };
                if ui.button(keep).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    choice = Some(false);
                }
            });
        });
        match choice {
            Some(true) => {
                let answered = self.warnings_notice();
                if let Some(done) = self.session.reanchor() {
                    let lost: usize = done.plans.iter().map(|p| p.lost.len()).sum();
                    let moved: usize = done.plans.iter().map(|p| p.moved.len()).sum();
                    let level = if lost == 0 { NoticeLevel::Info } else { NoticeLevel::Error };
                    // The load warnings were about the changed text; what still applies is listed anew.
                    self.notices.retain(|n| Some(&n.text) != answered.as_ref());
                    if let Some(text) = self.warnings_notice() {
                        self.notify(NoticeLevel::Error, text);
                    }
                    self.notify(level, format!("Re-anchored: {moved} annotation(s) moved, {lost} removed because their words are gone.\n{done}"));
                }
            }
            Some(false) if required => {
                // Back to what was open before, or the sample when this was the first project.
                let previous = self.previous.take().map_or_else(SaysoApp::sample_session, |p| *p);
                self.show_session(previous);
            }
            Some(false) => self.session.reanchor = None,
            None => {}
        }
        if choice.is_some() {
            self.previous = None;
        }
    }
}
