//! Progress of a long command on a terminal: files done, rate and time left, on stderr.
//!
//! Drawn only when stderr is a terminal, so logs, pipes and CI output get nothing extra, and
//! never on stdout, which carries the results.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::fmt::Write;

/// A bar over `total` files; hidden for a single file or when stderr is not a terminal.
pub fn files(total: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total as u64), target(total > 1));
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} files · {rate}/s · {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key("rate", rate),
    );
    bar
}

/// A counter of lines read from a stream of unknown length.
pub fn lines() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, target(true));
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} articles · {rate}/s · {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner())
            .with_key("rate", rate),
    );
    bar
}

fn target(wanted: bool) -> ProgressDrawTarget {
    if wanted { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() }
}

/// Items per second, whole: "812", not "812.4264".
fn rate(state: &ProgressState, out: &mut dyn Write) {
    let _ = write!(out, "{:.0}", state.per_sec());
}
