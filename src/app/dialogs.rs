//! File choosing without ever blocking or hanging the window.
//!
//! Native dialogs (rfd) run on their own thread; without a desktop portal rfd returns nothing,
//! indistinguishable from Cancel, so every open/save also offers a typed path. The picker sits
//! behind a trait so tests use a fake.

use super::AppCommand;
use crate::export::Format;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickKind {
    Open,
    Save,
    Folder,
}

/// What a path is being asked for; decides the dialog and what happens with the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Open,
    /// Articles (a file, or a folder of them) to add to the open project.
    AddArticles,
    SaveProject,
    Export(Format),
    /// A folder for the insights tables.
    InsightsTables,
    /// Where to write the project's memory for the team.
    ExportMemory,
    /// A team's memory file to take in.
    ImportMemory,
}

impl Purpose {
    pub fn pick_kind(self) -> PickKind {
        match self {
            Purpose::Open | Purpose::AddArticles | Purpose::ImportMemory => PickKind::Open,
            Purpose::Export(f) if f.writes_folder() => PickKind::Folder,
            Purpose::InsightsTables => PickKind::Folder,
            Purpose::SaveProject | Purpose::Export(_) | Purpose::ExportMemory => PickKind::Save,
        }
    }

    /// The window title and the button that confirms it.
    pub fn wording(self) -> (String, &'static str) {
        match self {
            Purpose::Open => ("Open article or project".into(), "Open"),
            Purpose::AddArticles => ("Add articles (a file or a folder of them)".into(), "Add"),
            Purpose::SaveProject => ("Save project as".into(), "Save"),
            Purpose::Export(f) => (format!("Export as {}", f.title()), "Export"),
            Purpose::InsightsTables => ("Save the insights tables (one CSV file each) in".into(), "Save"),
            Purpose::ExportMemory => ("Export the memory (for the team) to".into(), "Export"),
            Purpose::ImportMemory => ("Import a memory file".into(), "Import"),
        }
    }

    /// The command that carries out the answer.
    pub fn command(self, path: PathBuf) -> AppCommand {
        match self {
            Purpose::Open => AppCommand::OpenPath(path),
            Purpose::AddArticles => AppCommand::AddPaths(vec![path]),
            Purpose::SaveProject => AppCommand::SaveTo(path),
            Purpose::Export(format) => AppCommand::ExportTo(format, path),
            Purpose::InsightsTables => AppCommand::SaveInsights(path),
            Purpose::ExportMemory => AppCommand::ExportMemoryTo(path),
            Purpose::ImportMemory => AppCommand::ImportMemoryFrom(path),
        }
    }
}

/// Shows a native file dialog and blocks until it closes. Called off the UI thread.
pub trait Picker: Send + Sync {
    fn pick(&self, kind: PickKind, suggested: Option<PathBuf>) -> Option<PathBuf>;
}

/// The desktop's own dialogs, through rfd.
pub struct NativePicker;

impl Picker for NativePicker {
    fn pick(&self, kind: PickKind, suggested: Option<PathBuf>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new();
        match kind {
            PickKind::Open => dialog
                .add_filter("Articles and projects", &["txt", "md", "markdown", "html", "htm", "jsonl", "ron"])
                .add_filter("All files", &["*"])
                .pick_file(),
            PickKind::Folder => dialog.pick_folder(),
            PickKind::Save => {
                if let Some(s) = suggested {
                    if let Some(dir) = s.parent().filter(|d| !d.as_os_str().is_empty()) {
                        dialog = dialog.set_directory(dir);
                    }
                    if let Some(name) = s.file_name() {
                        dialog = dialog.set_file_name(name.to_string_lossy());
                    }
                }
                dialog.save_file()
            }
        }
    }
}

/// The state of the "type a path" window, which also hosts the Browse… button.
pub struct PathPrompt {
    pub purpose: Purpose,
    pub text: String,
    pub browsing: bool,
    pub message: Option<String>,
    /// The path field takes the keyboard when the window opens.
    pub focus: bool,
}

impl PathPrompt {
    pub fn new(purpose: Purpose, text: String) -> Self {
        PathPrompt { purpose, text, browsing: false, message: None, focus: true }
    }
}

/// Runs pickers on a background thread and hands results back to the UI thread.
pub struct Dialogs {
    picker: Arc<dyn Picker>,
    tx: Sender<(Purpose, Option<PathBuf>)>,
    rx: Receiver<(Purpose, Option<PathBuf>)>,
}

impl Dialogs {
    pub fn new(picker: Arc<dyn Picker>) -> Self {
        let (tx, rx) = channel();
        Dialogs { picker, tx, rx }
    }

    pub fn start(&self, purpose: Purpose, suggested: Option<PathBuf>, ctx: &egui::Context) {
        let picker = self.picker.clone();
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = picker.pick(purpose.pick_kind(), suggested);
            // The receiver lives as long as the app; if it is gone the app has closed.
            let _ = tx.send((purpose, result));
            ctx.request_repaint();
        });
    }

    pub fn poll(&self) -> Option<(Purpose, Option<PathBuf>)> {
        self.rx.try_recv().ok()
    }
}
