//! Headless subcommands: everything a script or CI needs without a window.

use crate::export;
use crate::import;
use crate::store::{self, Severity};
use anyhow::Context;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The package version and the commit it was built from, e.g. `0.1.0 (commit 868b914a1c2d)`
/// (see `build.rs`; the package version alone when built outside git).
pub const LONG_VERSION: &str = env!("SAYSO_LONG_VERSION");

const AFTER_HELP: &str = "\
Exit status:
  0  success
  1  bad input or a finding: a file that cannot be read, imported or saved, a damaged project,
     spans that must be re-anchored, a window that cannot be opened
  2  usage: an unknown command or option, a missing or malformed argument

Environment:
  NO_COLOR  when set and not empty, help and error messages are printed without colour";

#[derive(Parser, Debug)]
#[command(name = "sayso", version = LONG_VERSION, about = "Find who said what in news articles, review it, save it as a project.")]
#[command(after_help = AFTER_HELP)]
pub struct Cli {
    /// Articles (.txt, .md) or projects (.ron) to open: articles together as one project, each
    /// project in a window of its own; the bundled sample when none is given.
    pub paths: Vec<PathBuf>,
    /// Print only results and errors: no summaries, notes or warnings.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Parses the process's arguments; on a usage error prints it and exits with status 2.
    /// Colours follow the terminal unless `NO_COLOR` is set (and not empty).
    pub fn parse_env() -> Cli {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Cli::try_parse_args(std::env::args_os(), no_color).unwrap_or_else(|e| e.exit())
    }

    /// Parses `args` (the program name first). A command is recognised only as the first word
    /// after the options: `sayso a.txt check` opens two files.
    pub fn try_parse_args(
        args: impl IntoIterator<Item = impl Into<std::ffi::OsString> + Clone>,
        no_color: bool,
    ) -> Result<Cli, clap::Error> {
        let matches = command(no_color).try_get_matches_from(args)?;
        Cli::from_arg_matches(&matches)
    }
}

/// Where the files given on the command line open (a desktop hands every selected file to one
/// `sayso %F`): the articles together in this window, the first opened and the rest joining it
/// as documents, as when several files are dropped on the window; each project (`.ron`) in a
/// window of its own, this one too when no article is given.
#[derive(Debug, Default, PartialEq)]
pub struct Windows {
    /// What this process's window opens; the bundled sample when `None`.
    pub here: Option<PathBuf>,
    /// Articles added to this window's project as documents.
    pub here_also: Vec<PathBuf>,
    /// Projects that each open in a window (a process) of their own.
    pub elsewhere: Vec<PathBuf>,
}

impl Windows {
    pub fn plan(paths: Vec<PathBuf>) -> Windows {
        let is_project =
            |p: &PathBuf| p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) = paths.into_iter().partition(is_project);
        let (mut articles, mut projects) = (articles.into_iter(), projects.into_iter());
        match articles.next() {
            Some(first) => Windows { here: Some(first), here_also: articles.collect(), elsewhere: projects.collect() },
            None => Windows { here: projects.next(), here_also: Vec::new(), elsewhere: projects.collect() },
        }
    }
}

/// The command-line interface as clap describes it, without colour if `no_color`.
pub fn command(no_color: bool) -> clap::Command {
    let command = Cli::command();
    if no_color { command.color(clap::ColorChoice::Never) } else { command }
}

/// What `sayso eval` scores besides attribution.
#[derive(Subcommand, Debug)]
pub enum EvalWhat {
    /// Score named people, organisations and places (PER, ORG, LOC) against UNER (.iob2) or GUM
    /// (gold.jsonl) gold.
    Ner {
        #[arg(long)]
        gold: PathBuf,
        /// Also score a peer's entities: a folder of JSON files, one per gold document
        /// (`<id>.json` with `entities[{start, end, label}]`, as `peer.py` writes them).
        #[arg(long)]
        peer: Option<PathBuf>,
        /// Write each gold document's text to this folder (`<id>.txt`), for running a peer on it.
        #[arg(long)]
        write_texts: Option<PathBuf>,
        /// Use this entity model file instead of the built-in one, for Sayso and for the model alone.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Also write every missed and spurious name to this file (JSON lines).
        #[arg(long)]
        errors: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Simulate an analyst who reviews the gold documents in order, without and with learning
    /// from the review (decisions carried over to the same words, the entity model retrained
    /// after each document): typed F1 on the documents not yet reviewed after 0, 5, 10 and 20,
    /// and keystrokes per document from the fifth on.
    Simulate {
        /// UNER (.iob2) or GUM (gold.jsonl) gold.
        #[arg(long)]
        gold: PathBuf,
        /// For UNER: sentences per document, in order (its own documents are a few sentences
        /// each); 0 keeps its documents.
        #[arg(long, default_value_t = 20)]
        sentences: usize,
        #[arg(long)]
        json: bool,
    },
}

/// What `sayso train` trains.
#[derive(Subcommand, Debug)]
pub enum TrainWhat {
    /// Train the entity model on open data: `uner-ewt/train.iob2`, `uner-ewt/test.iob2` and
    /// `wikigold/wikigold.conll.txt` under DATA (`uner-ewt/dev.iob2` is left for tuning), and GUM's openly licensed genres (not news) when --gum is given.
    /// With --from, retrain the built-in model from the reviewed entities of projects instead.
    /// Deterministic: the same data gives the same bytes.
    Ner {
        #[arg(long, required_unless_present = "from")]
        data: Option<PathBuf>,
        /// A folder of GUM's `dep/*.conllu` files (github amir-zeldes/gum).
        #[arg(long, requires = "data")]
        gum: Option<PathBuf>,
        /// Projects whose reviewed entities (accepted, made or relabelled names; rejected
        /// suggestions as no name) the built-in model learns from; the model is written beside
        /// the first (NAME.ner.bin for NAME.ron), where Sayso finds it, unless --out is given.
        #[arg(long, num_args = 1.., conflicts_with = "data")]
        from: Vec<PathBuf>,
        #[arg(long, required_unless_present = "from")]
        out: Option<PathBuf>,
        /// Passes over the data.
        #[arg(long, default_value_t = crate::detect::ner::EPOCHS)]
        epochs: usize,
    },
}

/// What `sayso memory` does with what analysts taught.
#[derive(Subcommand, Debug)]
pub enum MemoryWhat {
    /// Write a project's memory (labels of names, rejected words, entities' names and aliases)
    /// to a file a team can share.
    Export {
        project: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Take a shared memory file into a project (its lessons win on the same words) and apply it
    /// to the project's suggestions.
    Import {
        memory: PathBuf,
        #[arg(long)]
        project: PathBuf,
        /// Write the result here instead of replacing the project file.
        #[arg(long)]
        out: Option<PathBuf>,
    },
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
        /// Articles, or folders of them (.txt, .md, .html); none with --jsonl.
        #[arg(required_unless_present = "jsonl")]
        files: Vec<PathBuf>,
        /// Print JSON (the only output format; accepted for clarity in scripts).
        #[arg(long)]
        json: bool,
        /// Read JSON lines from stdin ({"id", "text"} or {"id", "html"}, and any other fields) and
        /// write one line per input line, in input order.
        #[arg(long, conflicts_with = "files")]
        jsonl: bool,
        /// Threads to detect on (default: every core); the output is the same for any number.
        #[arg(long)]
        threads: Option<usize>,
        /// An entity model to use instead of the built-in one: a project's, from
        /// `sayso train ner --from` (NAME.ner.bin).
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Import articles, run detection, and save them as one project of suggestions (with the
    /// project's own entity model when one is beside --out: NAME.ner.bin for NAME.ron).
    Annotate {
        /// Articles, folders of them (.txt, .md, .html), or JSONL files of articles (one JSON
        /// object per line: "text" or "html", and "title", "outlet", "author", "date", "url").
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        /// Threads to detect on (default: every core); the project is the same for any number.
        #[arg(long)]
        threads: Option<usize>,
        /// Detect with what analysts taught: a memory file (`sayso memory export`), kept in the
        /// new project.
        #[arg(long)]
        memory: Option<PathBuf>,
    },
    /// Share what analysts taught: export a project's memory, or import one into a project.
    Memory {
        #[command(subcommand)]
        what: MemoryWhat,
    },
    /// Score the detector against PolNeAR-style brat gold (a folder with text/ and attributions/);
    /// `eval ner` scores named entities.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Eval {
        #[arg(long, required = true)]
        gold: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Also write every missed, spurious and wrongly attributed case to this file (JSON lines).
        #[arg(long)]
        errors: Option<PathBuf>,
        #[command(subcommand)]
        what: Option<EvalWhat>,
    },
    /// Train a learned model from annotated data.
    Train {
        #[command(subcommand)]
        what: TrainWhat,
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
    /// Count who is quoted how often (by outlet, over time, by kind): one CSV file per table.
    Insights {
        project: PathBuf,
        /// The folder to write the tables to (created if missing).
        #[arg(long)]
        csv: PathBuf,
        /// Also draw each table's chart, as NAME.png beside its CSV.
        #[arg(long)]
        png: bool,
        /// Count unreviewed suggestions too (rejected work never counts).
        #[arg(long)]
        include_suggestions: bool,
    },
    /// How far two analysts agree on the same articles: span F1 (exact, overlap), Cohen's κ and
    /// Krippendorff's α over tokens, per kind (quotes, speakers, cues, entity labels), per
    /// document and overall.
    Agree {
        a: PathBuf,
        b: PathBuf,
        #[arg(long)]
        json: bool,
        /// Also write each kind's token labels for both analysts (JSON lines), to check κ and α
        /// with other tools.
        #[arg(long)]
        units: Option<PathBuf>,
    },
    /// Merge two analysts' projects of the same articles: what agrees is kept once, each
    /// disagreement becomes a conflict holding both versions, to settle in the window (keys 1, 2,
    /// N). With --base, a change only one side made wins.
    Merge {
        first: PathBuf,
        second: PathBuf,
        /// The project both started from (three-way merge).
        #[arg(long)]
        base: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        /// Who merges: ids the merge must give anew are in their range (default: $SAYSO_ANALYST).
        #[arg(long)]
        analyst: Option<String>,
    },
    /// Bring annotations from another tool (brat, doccano, spacy) into a new project.
    Import {
        input: PathBuf,
        #[arg(long)]
        format: export::Format,
        #[arg(long)]
        out: PathBuf,
    },
    /// Print a shell completion script: `sayso completions bash > ~/.local/share/bash-completion/completions/sayso`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `sayso man > sayso.1 && man ./sayso.1`; with `--out`, write it
    /// and a page for each command (sayso-detect.1, …) into a folder.
    Man {
        /// A folder for all the pages, e.g. ~/.local/share/man/man1.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// The completion script for `shell`, as `sayso completions SHELL` prints it.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(true), "sayso", &mut out);
    out
}

/// The manual pages in roff, file name and text: `sayso.1` (what `sayso man` prints) first, then
/// one per command (`sayso-detect.1`, …). They name the package version only, not the commit, so
/// the pages shipped in `pkg/man/` change only with a release.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let mut command = command(true)
        .version(env!("CARGO_PKG_VERSION"))
        .long_version(None::<&str>)
        .disable_help_subcommand(true)
        .propagate_version(true);
    command.build();
    let render = |command: clap::Command| {
        let man = clap_mangen::Man::new(command);
        let mut text = Vec::new();
        man.render(&mut text).expect("writing to memory cannot fail");
        (man.get_filename(), text)
    };
    let mut pages = vec![render(command.clone())];
    pages.extend(command.get_subcommands().cloned().map(render));
    pages
}

/// Runs a subcommand. `quiet` leaves out summaries, notes and warnings (results and errors stay).
pub fn run(command: Command, quiet: bool) -> anyhow::Result<ExitCode> {
    let say = Say { quiet };
    match command {
        Command::Check { project, json } => check(&project, json, say),
        Command::Detect { files, json: _, jsonl, threads, model } => {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads.unwrap_or(0)).build()?;
            let model = model.as_deref().map(read_model).transpose()?;
            let model = model.as_ref();
            if jsonl {
                pool.install(|| crate::stream::detect_stream(model))
            } else {
                pool.install(|| detect(&files, model))
            }
        }
        Command::Annotate { files, out, threads, memory } => {
            let memory = memory.as_deref().map(store::memory::load).transpose()?.unwrap_or_default();
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads.unwrap_or(0)).build()?;
            pool.install(|| annotate(&files, &out, memory, say))
        }
        Command::Memory { what: MemoryWhat::Export { project, out } } => {
            let memory = store::load(&project)?.project.memory;
            store::memory::save(&memory, &out)?;
            say.out(format_args!(
                "{}: {} entr{}",
                out.display(),
                memory.len(),
                if memory.len() == 1 { "y" } else { "ies" }
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Memory { what: MemoryWhat::Import { memory, project, out } } => {
            let shared = store::memory::load(&memory)?;
            let mut loaded = store::load(&project)?.project;
            let changed = match crate::edit::actions::memory::import(&loaded, &shared) {
                Some((edit, changed)) => {
                    crate::edit::apply(&mut loaded, edit)?;
                    changed
                }
                None => 0,
            };
            let out = out.unwrap_or(project);
            store::save(&loaded, &out)?;
            say.out(format_args!(
                "{}: memory of {} entr{}; {changed} suggestion(s) changed",
                out.display(),
                loaded.memory.len(),
                if loaded.memory.len() == 1 { "y" } else { "ies" }
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Reanchor { project, out } => reanchor(&project, out.as_deref(), say),
        Command::Eval { what: Some(EvalWhat::Ner { gold, peer, write_texts, model, errors, json }), .. } => {
            let files = NerEvalFiles { peer, write_texts, model, errors };
            eval_ner(&gold, &files, json)
        }
        Command::Eval { what: Some(EvalWhat::Simulate { gold, sentences, json }), .. } => {
            simulate(&gold, sentences, json)
        }
        Command::Eval { gold, json, errors, what: None } => {
            eval(gold.as_deref().unwrap_or(Path::new("")), json, errors.as_deref())
        }
        Command::Train { what: TrainWhat::Ner { data: Some(data), gum, from: _, out: Some(out), epochs } } => {
            train_ner(&data, gum.as_deref(), &out, epochs, say)
        }
        Command::Train { what: TrainWhat::Ner { from, out, .. } } => retrain_ner(&from, out.as_deref(), say),
        Command::Export { project, format, out, include_suggestions } => {
            let loaded = store::load(&project)?;
            let report = export::export(&loaded.project, format, &out, &export::Options { include_suggestions })?;
            say.out(format_args!("exported {} annotation(s) as {format} to {}", report.exported, out.display()));
            for note in &report.left_out {
                say.note(format_args!("left out: {note}"));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Agree { a, b, json, units } => agree(&a, &b, json, units.as_deref()),
        Command::Merge { first, second, base, out, analyst } => {
            let analyst = analyst.or_else(|| std::env::var("SAYSO_ANALYST").ok()).unwrap_or_default();
            merge([&first, &second], base.as_deref(), &out, &analyst, say)
        }
        Command::Insights { project, csv, png, include_suggestions } => {
            insights(&project, &csv, png, include_suggestions)
        }
        Command::Import { input, format, out } => {
            // A brat folder of several annotators' files gives one project each, named after them.
            let projects = match format {
                export::Format::Brat => import::brat_by_annotator(&input)?,
                _ => vec![(None, import::from_tool(&input, format)?)],
            };
            for (who, project) in projects {
                let path = match &who {
                    Some(who) => out.with_extension(format!("{who}.ron")),
                    None => out.clone(),
                };
                store::save(&project, &path)?;
                say.out(format_args!("{}: {}", path.display(), crate::model::Summary::of(&project)));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            std::io::stdout().write_all(&completions(shell))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { out: None } => {
            std::io::stdout().write_all(&man_pages().swap_remove(0).1)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { out: Some(dir) } => {
            std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
            for (name, text) in man_pages() {
                let path = dir.join(name);
                std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
                say.out(format_args!("{}", path.display()));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Summaries (stdout) and notes (stderr) that `--quiet` silences.
#[derive(Clone, Copy)]
struct Say {
    quiet: bool,
}

impl Say {
    fn out(self, line: std::fmt::Arguments) {
        if !self.quiet {
            println!("{line}");
        }
    }

    fn note(self, line: std::fmt::Arguments) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }
}

/// An entity model file (`sayso train ner` writes them).
fn read_model(path: &Path) -> anyhow::Result<crate::detect::ner::Model> {
    crate::retrain::load(path).map_err(anyhow::Error::msg)
}

/// Prints one JSON line per file; a file that cannot be read is reported and the rest go on.
fn detect(paths: &[PathBuf], model: Option<&crate::detect::ner::Model>) -> anyhow::Result<ExitCode> {
    use crate::stream::Output;
    let files = crate::stream::expand_folders(paths);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let progress = crate::progress::files(files.len());
    let size = |f: &PathBuf| std::fs::metadata(f).map_or(0, |m| m.len() as usize);
    // A chunk of files at a time on every core, written in the order given: output never
    // depends on the number of threads, and memory on the chunk, not the corpus.
    for chunk in crate::stream::chunks(&files, size) {
        let outputs: Vec<Output> = chunk
            .par_iter()
            .map(|file| {
                let article = match import::read_file(file) {
                    Ok(article) => article,
                    Err(e) => return Output::Failed(e.to_string()),
                };
                let found = crate::detect::detect_with(&article.text, crate::detect::Explain::Briefly, model);
                let name = file.display().to_string();
                progress.inc(1);
                Output::of(article.text.len(), move |out| {
                    let json =
                        crate::detect::Json { fields: &[], file: Some(&name), text: &article.text, detections: &found };
                    crate::detect::write_line(out, &json)
                })
            })
            .collect();
        for output in outputs {
            let report = |e: &str| {
                progress.suspend(|| eprintln!("sayso: {e}"));
                failed = true;
            };
            if let Err(e) = output.write_to(&mut out, report) {
                return crate::stream::closed_pipe_is_fine(e);
            }
        }
    }
    progress.finish_and_clear();
    if let Err(e) = out.flush() {
        return crate::stream::closed_pipe_is_fine(e);
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn annotate(files: &[PathBuf], out: &Path, memory: crate::model::Memory, say: Say) -> anyhow::Result<ExitCode> {
    let model = crate::retrain::load_beside(out).map_err(anyhow::Error::msg)?;
    if model.is_some() {
        say.note(format_args!("entities by {}", crate::retrain::model_path(out).display()));
    }
    let mut project = crate::model::Project { memory, ..crate::model::Project::default() };
    let mut names = crate::suggest::EntityNames::default();
    names.remember(&mut project);
    let files = crate::stream::expand_folders(files);
    // A file that cannot be read stops the run before anything is written; a JSONL line that
    // cannot be read is named and skipped.
    let mut docs = Vec::new();
    for result in import::read_files(&files) {
        let (read_docs, skipped) = result?;
        for line in skipped {
            say.note(format_args!("{line} (skipped)"));
        }
        for doc in &read_docs {
            if doc.encoding != "UTF-8" {
                say.note(format_args!("{}: read as {} (detected)", doc.origin_path, doc.encoding));
            }
        }
        docs.extend(read_docs);
    }
    // Detection on every core a chunk at a time; the suggestions enter the project in the
    // order given, so the project does not depend on the number of threads.
    let progress = crate::progress::files(docs.len());
    let lengths: Vec<usize> = crate::stream::chunks(&docs, |d| d.text.len()).iter().map(|c| c.len()).collect();
    let mut docs = docs.into_iter();
    for length in lengths {
        let chunk: Vec<_> = docs.by_ref().take(length).collect();
        let found: Vec<_> = chunk
            .par_iter()
            .map(|doc| {
                let found = crate::detect::detect_with(&doc.text, crate::detect::Explain::Names, model.as_ref());
                progress.inc(1);
                found
            })
            .collect();
        for (mut doc, found) in chunk.into_iter().zip(found) {
            doc.id = project.next_doc_id();
            let id = doc.id;
            project.documents.push(doc);
            crate::suggest::add_suggestions_with(&mut project, id, &found, &mut names);
        }
    }
    progress.finish_and_clear();
    let all: Vec<_> = project.documents.iter().map(|d| d.id).collect();
    crate::recall::recall(&mut project, &all);
    // Canonical entities the memory named that no article mentions stay out of the project.
    let mentioned: std::collections::HashSet<_> = project.annotations.iter().filter_map(|a| a.links.entity).collect();
    project.entities.retain(|e| mentioned.contains(&e.id));
    crate::edit::actions::group_statements(&mut project);
    store::save(&project, out)?;
    say.out(format_args!("{}: {}", out.display(), crate::model::Summary::of(&project)));
    Ok(ExitCode::SUCCESS)
}

/// Scores named entities against UNER or GUM gold, with a peer's beside them when given.
/// The optional files of `sayso eval ner`.
struct NerEvalFiles {
    peer: Option<PathBuf>,
    write_texts: Option<PathBuf>,
    model: Option<PathBuf>,
    errors: Option<PathBuf>,
}

fn eval_ner(gold: &Path, files: &NerEvalFiles, json: bool) -> anyhow::Result<ExitCode> {
    let docs = crate::eval::ner::read_gold(gold).map_err(anyhow::Error::msg)?;
    let model = files.model.as_deref().map(read_model).transpose()?;
    if let Some(dir) = &files.write_texts {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
        for d in &docs {
            let path = dir.join(format!("{}.txt", d.id));
            std::fs::write(&path, &d.text).with_context(|| path.display().to_string())?;
        }
    }
    let mut cases = Vec::new();
    let report = crate::eval::ner::evaluate(&docs, model.as_ref(), files.peer.as_deref(), Some(&mut cases))
        .map_err(anyhow::Error::msg)?;
    if let Some(path) = &files.errors {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).with_context(|| path.display().to_string())?);
        for c in &cases {
            serde_json::to_writer(&mut out, c)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{report}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Trains the entity model on the open sets under `data` and writes it to `out`.
fn train_ner(data: &Path, gum: Option<&Path>, out: &Path, epochs: usize, say: Say) -> anyhow::Result<ExitCode> {
    use crate::detect::ner;
    let read = |rel: &str| {
        let path = data.join(rel);
        std::fs::read_to_string(&path).with_context(|| path.display().to_string())
    };
    let mut sentences = ner::read_iob2(&read("uner-ewt/train.iob2")?);
    sentences.extend(ner::read_iob2(&read("uner-ewt/test.iob2")?));
    sentences.extend(ner::read_conll_io(&read("wikigold/wikigold.conll.txt")?));
    if let Some(dir) = gum {
        // Sorted, so the data (and the model) never depend on the order the folder lists files in.
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| dir.display().to_string())?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(ner::gum_genre_allowed))
            .collect();
        files.sort();
        for f in &files {
            let content = std::fs::read_to_string(f).with_context(|| f.display().to_string())?;
            sentences.extend(ner::read_gum_conllu(&content));
        }
    }
    let counts = ner::counts(&sentences);
    let started = std::time::Instant::now();
    let model = ner::train(&sentences, epochs);
    let bytes = model.to_bytes();
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    }
    std::fs::write(out, &bytes).with_context(|| out.display().to_string())?;
    let names: Vec<String> = ner::TYPES.iter().zip(counts).map(|(t, c)| format!("{c} {t}")).collect();
    say.out(format_args!(
        "trained on {} sentences ({}), {} epochs in {:.1} s; wrote {} ({} bytes)",
        sentences.len(),
        names.join(", "),
        epochs,
        started.elapsed().as_secs_f64(),
        out.display(),
        bytes.len()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Retrains the built-in entity model from the reviewed entities of `projects` and writes it to
/// `out`, or beside the first project.
fn retrain_ner(projects: &[PathBuf], out: Option<&Path>, say: Say) -> anyhow::Result<ExitCode> {
    let loaded = projects.iter().map(|p| store::load(p).map(|l| l.project)).collect::<Result<Vec<_>, _>>()?;
    let started = std::time::Instant::now();
    let all: Vec<&crate::model::Project> = loaded.iter().collect();
    let documents: usize = all.iter().map(|p| crate::retrain::reviewed(p).len()).sum();
    anyhow::ensure!(documents > 0, "no reviewed entity in the project(s): nothing to learn from");
    let model = crate::retrain::retrain(&all).context("this build carries no entity model to start from")?;
    let out = out.map_or_else(|| crate::retrain::model_path(&projects[0]), Path::to_path_buf);
    let bytes = model.to_bytes();
    store::atomic::write_bytes_atomic(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    say.out(format_args!(
        "retrained on {documents} reviewed document(s) in {:.1} s; wrote {} ({} bytes)",
        started.elapsed().as_secs_f64(),
        out.display(),
        bytes.len()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Prints what the simulated analyst measured on `gold`.
fn simulate(gold: &Path, sentences: usize, json: bool) -> anyhow::Result<ExitCode> {
    let docs = if sentences > 0 && gold.extension().is_some_and(|e| e == "iob2") {
        let content = std::fs::read_to_string(gold).with_context(|| gold.display().to_string())?;
        crate::eval::ner::read_uner(&crate::eval::simulate::chunk_sentences(&content, sentences))
    } else {
        crate::eval::ner::read_gold(gold).map_err(anyhow::Error::msg)?
    };
    let report = crate::eval::simulate::simulate(&docs);
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{report}");
    }
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
    let text = if json { serde_json::to_string_pretty(&report)? } else { report.to_string() };
    // A reader that stops early (`| head`) ends the run quietly.
    match writeln!(std::io::stdout(), "{text}") {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => crate::stream::closed_pipe_is_fine(e),
    }
}

fn check(path: &std::path::Path, json: bool, say: Say) -> anyhow::Result<ExitCode> {
    let loaded = match store::load(path) {
        Ok(loaded) => loaded,
        // A script asked for JSON gets JSON, also when the file is bad.
        Err(e) if json => {
            let error = serde_json::json!({ "file": path.display().to_string(), "error": e.to_string() });
            println!("{error}");
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    let summary = crate::model::Summary::of(&loaded.project);
    if json {
        println!("{}", serde_json::to_string(&summary).context("encoding the summary")?);
    } else {
        say.out(format_args!("{}: {summary}", path.display()));
    }
    for warning in loaded.warnings.iter().filter(|p| p.severity == Severity::Warning) {
        say.note(format_args!("{}: {warning}", path.display()));
    }
    if let Some(reanchor) = &loaded.reanchor {
        if !reanchor.required {
            say.note(format_args!(
                "{}: the article text changed; `sayso reanchor` would do this:\n{reanchor}",
                path.display()
            ));
        } else {
            eprintln!("{}: the article text changed; `sayso reanchor` would do this:\n{reanchor}", path.display());
            eprintln!("{}: some spans fall outside the changed text: re-anchor before use", path.display());
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the agreement of two projects; with `units`, writes the token labels behind it.
fn agree(a: &Path, b: &Path, json: bool, units: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (pa, pb) = (store::load(a)?.project, store::load(b)?.project);
    let (report, labels) = crate::agree::agree(&pa, &pb);
    if let Some(path) = units {
        let mut lines = String::new();
        for u in &labels {
            lines.push_str(&serde_json::to_string(u)?);
            lines.push('\n');
        }
        store::atomic::write_bytes_atomic(path, lines.as_bytes())
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let text = if json { serde_json::to_string_pretty(&report)? + "\n" } else { report.to_string() };
    match std::io::stdout().write_all(text.as_bytes()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => crate::stream::closed_pipe_is_fine(e),
    }
}

/// Merges two projects (and their base) into `out`, atomically, and says what it did.
fn merge(sides: [&Path; 2], base: Option<&Path>, out: &Path, analyst: &str, say: Say) -> anyhow::Result<ExitCode> {
    let [first, second] = sides.map(|p| store::load(p).map(|l| l.project));
    let (first, second) = (first?, second?);
    let base = base.map(|p| store::load(p).map(|l| l.project)).transpose()?;
    let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let names = sides.map(stem);
    let inputs = crate::merge::Sides {
        first: &first,
        second: &second,
        base: base.as_ref(),
        names: [names[0].as_str(), names[1].as_str()],
    };
    let (merged, report) = crate::merge::merge(&inputs, analyst);
    store::save(&merged, out)?;
    say.out(format_args!("{}: {report}", out.display()));
    if !merged.conflicts.is_empty() {
        say.note(format_args!(
            "{}: open it in Sayso to settle the {} conflict(s) (F8 steps through them; 1, 2 or N keeps the first, the second or neither)",
            out.display(),
            merged.conflicts.len()
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes each insights table as `DIR/NAME.csv` (and its chart as `DIR/NAME.png`), atomically,
/// and says what went where.
fn insights(path: &Path, dir: &Path, charts: bool, include_suggestions: bool) -> anyhow::Result<ExitCode> {
    let loaded = store::load(path)?;
    let tables = crate::insights::tables(&loaded.project, include_suggestions);
    for saved in crate::insights::save(&tables, dir, charts).map_err(anyhow::Error::msg)? {
        let table = saved.table;
        println!("{}: {} ({} rows)", saved.csv.display(), table.title, table.rows.len());
        if let Some(chart) = saved.chart {
            println!("{}: {} (chart)", chart.display(), table.title);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Re-anchors and saves (atomically); says what moved and what could not be found.
fn reanchor(path: &Path, out: Option<&Path>, say: Say) -> anyhow::Result<ExitCode> {
    let loaded = store::load(path)?;
    let mut project = loaded.project;
    let out = out.unwrap_or(path);
    match &loaded.reanchor {
        None => say.out(format_args!("{}: every annotation is on its words; nothing to do", path.display())),
        Some(reanchor) => {
            reanchor.apply(&mut project);
            say.out(format_args!("{reanchor}"));
        }
    }
    store::save(&project, out)?;
    say.out(format_args!("{}: {}", out.display(), crate::model::Summary::of(&project)));
    Ok(ExitCode::SUCCESS)
}
