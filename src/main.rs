//! `sayso`: argument parsing, then the window or a headless subcommand.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = sayso::cli::Cli::parse();
    match cli.command {
        Some(command) => match sayso::cli::run(command) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("sayso: {e:#}");
                ExitCode::FAILURE
            }
        },
        None => window(cli.path),
    }
}

#[cfg(feature = "gui")]
fn window(path: Option<std::path::PathBuf>) -> ExitCode {
    match sayso::app::run_native(path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sayso: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn window(_path: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("sayso: this build has no window (built without the `gui` feature); see `sayso --help` for the commands");
    ExitCode::FAILURE
}
