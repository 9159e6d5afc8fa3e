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
        None => match sayso::app::run_native(cli.path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("sayso: cannot open the window: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
