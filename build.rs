//! Puts the commit the binary is built from into `sayso --version` (`SAYSO_LONG_VERSION`).
//!
//! The commit comes from, in order: `SAYSO_GIT_COMMIT` in the environment (for packagers building
//! from a tarball), `git` in the source folder, or the `.cargo_vcs_info.json` that `cargo package`
//! writes into a published crate. With none of them the version is the package version alone.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=SAYSO_GIT_COMMIT");
    println!("cargo:rerun-if-changed=build.rs");
    rerun_if_exists(".cargo_vcs_info.json");
    let version = env!("CARGO_PKG_VERSION");
    let commit = std::env::var("SAYSO_GIT_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(from_git)
        .or_else(from_vcs_info)
        .map(|c| c.trim().chars().take(12).collect::<String>());
    let long = match commit {
        Some(commit) => format!("{version} (commit {commit})"),
        None => version.to_string(),
    };
    println!("cargo:rustc-env=SAYSO_LONG_VERSION={long}");
}

/// The checked-out commit, and rebuild triggers for when it changes; `None` without git or outside a repository.
fn from_git() -> Option<String> {
    // Only this project's own repository: not one that a source tarball was unpacked inside.
    let top = std::fs::canonicalize(git(&["rev-parse", "--show-toplevel"])?).ok()?;
    if top != std::fs::canonicalize(std::env::var_os("CARGO_MANIFEST_DIR")?).ok()? {
        return None;
    }
    let commit = git(&["rev-parse", "--short=12", "HEAD"])?;
    // HEAD names the branch; the branch's ref (loose or packed) names the commit.
    for name in ["HEAD", "packed-refs"] {
        if let Some(path) = git(&["rev-parse", "--git-path", name]) {
            rerun_if_exists(&path);
        }
    }
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"])
        && let Some(path) = git(&["rev-parse", "--git-path", &branch])
    {
        rerun_if_exists(&path);
    }
    Some(commit)
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

fn rerun_if_exists(path: &str) {
    if Path::new(path).exists() {
        println!("cargo:rerun-if-changed={path}");
    }
}

/// `cargo package` records the commit in `.cargo_vcs_info.json`: `{"git": {"sha1": "…"}, …}`.
fn from_vcs_info() -> Option<String> {
    let text = std::fs::read_to_string(".cargo_vcs_info.json").ok()?;
    let after = &text[text.find("\"sha1\"")? + "\"sha1\"".len()..];
    let start = after.find('"')? + 1;
    let len = after[start..].find('"')?;
    Some(after[start..start + len].to_string())
}
