//! The app in its own window: the window's size against the screen, its icon and app id, and
//! what it opens on.

use super::{AppCommand, NativePicker, NoticeLevel, Preferences, SaysoApp};
use crate::session::Session;
use std::path::PathBuf;
use std::sync::Arc;

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
