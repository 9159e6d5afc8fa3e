//! `sayso`: argument parsing, then the window or a headless subcommand.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = sayso::cli::Cli::parse_env();
    match cli.command {
        Some(command) => match sayso::cli::run(command, cli.quiet) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("sayso: {e:#}");
                ExitCode::FAILURE
            }
        },
        None => window(cli.paths),
    }
}

/// Opens the files a desktop hands over (`Exec=sayso %F`): the articles together in this
/// window, each project in a window of its own (see [`sayso::cli::Windows`]).
#[cfg(feature = "gui")]
fn window(paths: Vec<PathBuf>) -> ExitCode {
    let windows = sayso::cli::Windows::plan(paths);
    for path in &windows.elsewhere {
        if let Err(e) = open_elsewhere(path) {
            eprintln!("sayso: cannot open {} in a window of its own: {e}", path.display());
        }
    }
    match sayso::app::run_native(windows.here, windows.here_also) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sayso: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Starts `sayso -- PATH` (the `--` so that no file name is read as a command or an option) and
/// reaps it when it ends.
#[cfg(feature = "gui")]
fn open_elsewhere(path: &std::path::Path) -> std::io::Result<()> {
    let mut child = std::process::Command::new(std::env::current_exe()?).arg("--").arg(path).spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(not(feature = "gui"))]
fn window(_paths: Vec<PathBuf>) -> ExitCode {
    eprintln!("sayso: this build has no window (built without the `gui` feature); see `sayso --help` for the commands");
    ExitCode::FAILURE
}
