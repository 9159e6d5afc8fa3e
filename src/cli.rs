//! Headless subcommands: everything a script or CI needs without a window.

use crate::export;
use crate::import;
use crate::model::DocId;
use crate::store::{self, Severity};
use anyhow::Context;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "sayso", version, about = "Find who said what in news articles, review it, save it as a project.")]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// An article (.txt, .md) or a project (.ron) to open in the window; the bundled sample when absent.
    pub path: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate a project file and print a one-line summary (non-zero exit on a bad file).
    Check {
        project: PathBuf,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Find annotations' words again after a project's article text was edited by hand.
    Reanchor {
        project: PathBuf,
        /// Write the result here instead of replacing the project file.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Detect quotes, speakers and entities in articles; one JSON object per file and line.
    Detect {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print JSON (the only output format; accepted for clarity in scripts).
        #[arg(long)]
        json: bool,
    },
    /// Import articles, run detection, and save them as one project of suggestions.
    Annotate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Score the detector against PolNeAR-style brat gold (a folder with text/ and attributions/).
    Eval {
        #[arg(long)]
        gold: PathBuf,
        #[arg(long)]
        json: bool,
        /// Also write every missed, spurious and wrongly attributed case to this file (JSON lines).
        #[arg(long)]
        errors: Option<PathBuf>,
    },
    /// Export a project for other tools.
    Export {
        project: PathBuf,
        /// spacy, doccano, brat, csv, conll or labelstudio.
        #[arg(long)]
        format: export::Format,
        /// A file, or a folder for brat.
        #[arg(long)]
        out: PathBuf,
        /// Also export unreviewed suggestions (with their status); rejected ones never are.
        #[arg(long)]
        include_suggestions: bool,
    },
    /// Bring annotations from another tool (brat, doccano, spacy) into a new project.
    Import {
        input: PathBuf,
        #[arg(long)]
        format: export::Format,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Check { project, json } => check(&project, json),
        Command::Detect { files, json: _ } => detect(&files),
        Command::Annotate { files, out } => annotate(&files, &out),
        Command::Reanchor { project, out } => reanchor(&project, out.as_deref()),
        Command::Eval { gold, json, errors } => eval(&gold, json, errors.as_deref()),
        Command::Export { project, format, out, include_suggestions } => {
            let loaded = store::load(&project)?;
            let report = export::export(&loaded.project, format, &out, &export::Options { include_suggestions })?;
            println!("exported {} annotation(s) as {format} to {}", report.exported, out.display());
            for note in &report.left_out {
                eprintln!("left out: {note}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { input, format, out } => {
            let project = export::import(&input, format)?;
            store::save(&project, &out)?;
            println!("{}: {}", out.display(), crate::model::Summary::of(&project));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints one JSON line per file; a file that cannot be read is reported and the rest go on.
fn detect(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for file in files {
        match import::import_file(file, DocId(1)) {
            Ok(doc) => {
                let found = crate::detect::detect(&doc.text);
                let line = crate::detect::to_json(&file.display().to_string(), &doc.text, &found);
                writeln!(out, "{line}")?;
            }
            Err(e) => {
                eprintln!("sayso: {e}");
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn annotate(files: &[PathBuf], out: &Path) -> anyhow::Result<ExitCode> {
    let mut project = crate::model::Project::default();
    for file in files {
        let doc = import::import_file(file, project.next_doc_id())?;
        if doc.encoding != "UTF-8" {
            eprintln!("{}: read as {} (detected)", file.display(), doc.encoding);
        }
        crate::session::add_with_suggestions(&mut project, doc);
    }
    store::save(&project, out)?;
    println!("{}: {}", out.display(), crate::model::Summary::of(&project));
    Ok(ExitCode::SUCCESS)
}

fn eval(gold: &Path, json: bool, errors: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (report, cases) = crate::eval::polnear::evaluate_detailed(gold).map_err(anyhow::Error::msg)?;
    if let Some(path) = errors {
        let mut lines = String::new();
        for case in &cases {
            lines.push_str(&serde_json::to_string(case)?);
            lines.push('\n');
        }
        std::fs::write(path, lines).with_context(|| format!("writing {}", path.display()))?;
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{report}");
    }
    Ok(ExitCode::SUCCESS)
}

fn check(path: &std::path::Path, json: bool) -> anyhow::Result<ExitCode> {
    let loaded = store::load(path)?;
    let summary = crate::model::Summary::of(&loaded.project);
    if json {
        println!("{}", serde_json::to_string(&summary).context("encoding the summary")?);
    } else {
        println!("{}: {summary}", path.display());
    }
    for warning in loaded.warnings.iter().filter(|p| p.severity == Severity::Warning) {
        eprintln!("{}: {warning}", path.display());
    }
    if let Some(reanchor) = &loaded.reanchor {
        eprintln!("{}: the article text changed; `sayso reanchor` would do this:\n{reanchor}", path.display());
        if reanchor.required {
            eprintln!("{}: some spans fall outside the changed text: re-anchor before use", path.display());
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Re-anchors and saves (atomically); says what moved and what could not be found.
fn reanchor(path: &Path, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let loaded = store::load(path)?;
    let mut project = loaded.project;
    let out = out.unwrap_or(path);
    match &loaded.reanchor {
        None => println!("{}: every annotation is on its words; nothing to do", path.display()),
        Some(reanchor) => {
            reanchor.apply(&mut project);
            println!("{reanchor}");
        }
    }
    store::save(&project, out)?;
    println!("{}: {}", out.display(), crate::model::Summary::of(&project));
    Ok(ExitCode::SUCCESS)
}
