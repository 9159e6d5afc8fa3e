//! Autosave and crash recovery: unsaved work is written to a recovery file a few seconds after
//! each change, so a crash, a kill or a power cut costs at most those seconds.
//!
//! A saved project's recovery file sits beside it (`report.ron.recovery`); a project never saved
//! keeps it in the user's data folder, named after its article. Recovery files are ordinary
//! project files with a header comment, so `sayso check` and Open read them too.

use crate::edit::diff::{self, Counts};
use crate::model::Project;
use crate::session::Session;
use crate::store::{self, atomic};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

/// Where recovery files of never-saved projects go: the platform's data folder for Sayso.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Sayso").map(|d| d.data_dir().join("recovery"))
}

/// The recovery file for a session: beside its project file, else in `data_dir` under a name
/// made from the article it came from (`None` when there is neither).
pub fn path_for(session: &Session, data_dir: Option<&Path>) -> Option<PathBuf> {
    if let Some(project) = &session.path {
        let name = project.file_name()?.to_string_lossy();
        return Some(project.with_file_name(format!("{name}.recovery")));
    }
    let source = session.source.as_deref().unwrap_or(Path::new("untitled"));
    // A real file is known by its full path; the bundled sample by its name, wherever Sayso runs.
    let absolute = if source.exists() {
        std::path::absolute(source).unwrap_or_else(|_| source.to_path_buf())
    } else {
        source.to_path_buf()
    };
    let key = Sha256::digest(absolute.to_string_lossy().as_bytes());
    let key: String = key.iter().take(6).map(|b| format!("{b:02x}")).collect();
    let stem = source.file_stem().map_or_else(|| "untitled".into(), |s| s.to_string_lossy().into_owned());
    Some(data_dir?.join(format!("{stem}-{key}.ron")))
}

/// Writes a recovery file atomically, creating its folder if needed.
pub fn write(path: &Path, project: &Project, belongs_to: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let text = format!(
        "// Sayso recovery file for {belongs_to}: unsaved work, restored when that opens.\n{}",
        store::to_ron(project)
    );
    atomic::write_bytes_atomic(path, text.as_bytes())
}

/// Recovered work worth offering: newer than the project and different from it.
#[derive(Debug)]
pub struct Offer {
    pub path: PathBuf,
    pub project: Project,
    /// What restoring would change; `None` when the article text itself differs.
    pub counts: Option<Counts>,
    /// How long ago the recovery file was written.
    pub age: Option<Duration>,
}

impl Offer {
    /// One line for the prompt: what differs and when it was written.
    pub fn describe(&self) -> String {
        let what = match &self.counts {
            Some(c) => c.to_string(),
            None => "a different article text".to_string(),
        };
        match self.age {
            Some(age) => format!("{what} — written {} ago", human_duration(age)),
            None => what,
        }
    }
}

/// Looks for a recovery file for `session`. A file older than the project was overtaken by a
/// later save and is not offered; one identical to the project is removed. A damaged one is
/// left where it is and reported, never deleted.
pub fn find(session: &Session, data_dir: Option<&Path>) -> Result<Option<Offer>, String> {
    let Some(path) = path_for(session, data_dir) else { return Ok(None) };
    let Ok(meta) = std::fs::metadata(&path) else { return Ok(None) };
    let written = meta.modified().ok();
    let project_time = session.path.as_deref().and_then(|p| std::fs::metadata(p).ok()?.modified().ok());
    if let (Some(w), Some(p)) = (written, project_time)
        && w <= p
    {
        return Ok(None);
    }
    let loaded = store::load(&path).map_err(|e| {
        format!(
            "Found unsaved work from an earlier session at {}, but it cannot be read ({e}). It was left there.",
            path.display()
        )
    })?;
    let counts = diff::between(&session.project, &loaded.project).map(|(_, c)| c);
    if counts.is_some_and(|c| c.is_empty()) {
        let _ = std::fs::remove_file(&path);
        return Ok(None);
    }
    let age = written.and_then(|w| SystemTime::now().duration_since(w).ok());
    Ok(Some(Offer { path, project: loaded.project, counts, age }))
}

/// Where "keep both" writes the recovered work: beside `base`, never over an existing file.
pub fn kept_copy_path(base: &Path) -> PathBuf {
    let stem = base.file_stem().map_or_else(|| "project".into(), |s| s.to_string_lossy().into_owned());
    (1..)
        .map(|n| {
            let suffix = if n == 1 { String::new() } else { format!("-{n}") };
            base.with_file_name(format!("{stem}.recovered{suffix}.ron"))
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| base.with_extension("recovered.ron"))
}

fn human_duration(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min", s / 60),
        3600..86400 => format!("{} h {} min", s / 3600, s % 3600 / 60),
        _ => format!("{} days", s / 86400),
    }
}

enum Job {
    Write { path: PathBuf, project: Box<Project>, belongs_to: String },
    Remove(PathBuf),
    Flush(Sender<()>),
}

/// Writes and removes recovery files on a thread of its own, in the order asked, so the window
/// never waits for the disk. Dropping it finishes the queued work first.
pub struct Autosaver {
    jobs: Option<Sender<Job>>,
    failures: Receiver<String>,
    thread: Option<JoinHandle<()>>,
}

impl Default for Autosaver {
    fn default() -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (report, failures) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("sayso-autosave".into())
            .spawn(move || {
                for job in inbox {
                    let failure = match job {
                        Job::Write { path, project, belongs_to } => {
                            write(&path, &project, &belongs_to).err().map(|e| {
                                format!("Autosave to {} failed: {e}. Save your work with Ctrl+S.", path.display())
                            })
                        }
                        Job::Remove(path) => match std::fs::remove_file(&path) {
                            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                                Some(format!("Could not remove the recovery file {}: {e}", path.display()))
                            }
                            _ => None,
                        },
                        Job::Flush(done) => {
                            let _ = done.send(());
                            None
                        }
                    };
                    if let Some(f) = failure {
                        let _ = report.send(f);
                    }
                }
            })
            .ok();
        Autosaver { jobs: Some(jobs), failures, thread }
    }
}

impl Autosaver {
    /// Queues a write of `project` to `path`.
    pub fn write(&self, path: PathBuf, project: Project, belongs_to: String) {
        self.send(Job::Write { path, project: Box::new(project), belongs_to });
    }

    /// Queues removal of `path` (after any write queued before it).
    pub fn remove(&self, path: PathBuf) {
        self.send(Job::Remove(path));
    }

    /// Waits until everything queued so far is on disk.
    pub fn flush(&self) {
        let (done, wait) = mpsc::channel();
        self.send(Job::Flush(done));
        let _ = wait.recv();
    }

    /// A failure since the last call, to show the analyst.
    pub fn failure(&self) -> Option<String> {
        self.failures.try_recv().ok()
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
