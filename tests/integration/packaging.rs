//! What the Debian package and `cargo install` ship: files in `pkg/` generated from the command
//! line kept current, the desktop entry agreeing with the window, every packaged file present.
//!
//! `SAYSO_BLESS=1 cargo test --locked packaging` rewrites the generated files after a change to
//! the command line.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Compares a generated file with its committed copy, or rewrites the copy under `SAYSO_BLESS`.
fn current(path: &str, generated: &[u8]) {
    let file = root().join(path);
    if std::env::var_os("SAYSO_BLESS").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, generated).unwrap();
    }
    let committed = std::fs::read(&file).unwrap_or_default();
    assert!(committed == generated, "{path} is out of date: run `SAYSO_BLESS=1 cargo test --locked packaging`");
}

#[test]
fn man_page_and_completions_in_pkg_are_current() {
    use clap_complete::Shell;
    let pages = sayso::cli::man_pages();
    assert_eq!(pages[0].0, "sayso.1");
    assert!(pages.iter().any(|(name, _)| name == "sayso-detect.1"));
    for (name, text) in &pages {
        current(&format!("pkg/man/{name}"), text);
    }
    // No page left behind from a command that is gone.
    let shipped = std::fs::read_dir(root().join("pkg/man")).unwrap().count();
    assert_eq!(shipped, pages.len(), "pkg/man/ holds pages of commands that no longer exist");
    current("pkg/completions/sayso.bash", &sayso::cli::completions(Shell::Bash));
    current("pkg/completions/_sayso", &sayso::cli::completions(Shell::Zsh));
    current("pkg/completions/sayso.fish", &sayso::cli::completions(Shell::Fish));
}

fn desktop_key(entry: &str, key: &str) -> String {
    let prefix = format!("{key}=");
    entry
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no {key} in the desktop entry"))
        .to_string()
}

#[test]
fn desktop_entry_opens_files_and_names_the_types() {
    let entry = read("pkg/sayso.desktop");
    assert_eq!(desktop_key(&entry, "Exec"), "sayso %F");
    assert_eq!(desktop_key(&entry, "Icon"), "sayso");
    let types = desktop_key(&entry, "MimeType");
    for t in ["text/plain", "text/markdown", "text/html", "application/x-sayso-project"] {
        assert!(types.split(';').any(|x| x == t), "{t} missing from MimeType={types}");
    }
    // The project type is defined in the shared-mime-info file, by the words a saved project starts with.
    let mime = read("pkg/sayso-mime.xml");
    assert!(mime.contains(r#"<mime-type type="application/x-sayso-project">"#));
    assert!(mime.contains(r#"value="format_version:" offset="0:256""#));
    let saved = sayso::store::to_ron(&sayso::model::Project::default());
    assert!(saved[..saved.len().min(256 + "format_version:".len())].contains("format_version:"));
}

#[cfg(feature = "gui")]
#[test]
fn window_has_the_desktop_entry_app_id_and_the_icon() {
    let entry = read("pkg/sayso.desktop");
    // Desktops match a window to its entry by the app id (Wayland) or the window class (X11).
    assert_eq!(desktop_key(&entry, "StartupWMClass"), sayso::app::APP_ID);
    assert_eq!(desktop_key(&entry, "Icon"), sayso::app::APP_ID);
    let icon = sayso::app::icon();
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    assert!(icon.rgba.chunks(4).any(|p| p[3] == 0) && icon.rgba.chunks(4).any(|p| p[3] == 255));
}

/// Every file `cargo deb` is asked to package exists (the binary aside, which the build makes).
#[test]
fn every_packaged_file_is_in_the_repository() {
    let manifest = read("Cargo.toml");
    let deb = &manifest[manifest.find("[package.metadata.deb]").expect("cargo-deb metadata")..];
    let mut sources = 0;
    for line in deb.lines().map(str::trim).filter(|l| l.starts_with("[\"")) {
        let source = line[2..].split('"').next().unwrap();
        if let Some(folder) = source.strip_suffix("/*.1") {
            assert!(std::fs::read_dir(root().join(folder)).unwrap().count() > 1, "no pages in {folder}");
            sources += 1;
        } else if !source.starts_with("target/") {
            assert!(Path::new(&root().join(source)).is_file(), "{source} is packaged but missing");
            sources += 1;
        }
    }
    assert!(sources >= 10, "only {sources} packaged files found in Cargo.toml");
    // One PNG per hicolor size, each its size.
    for size in [16, 22, 24, 32, 48, 64, 128, 256, 512] {
        let png = std::fs::read(root().join(format!("pkg/icons/sayso-{size}.png"))).unwrap();
        let (w, h) =
            (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
        assert_eq!((w, h), (size, size));
        assert!(deb.contains(&format!(
            "\"pkg/icons/sayso-{size}.png\", \"usr/share/icons/hicolor/{size}x{size}/apps/sayso.png\""
        )));
    }
}

/// The package's changelog and the project's changelog both have an entry for this version.
#[test]
fn changelogs_name_this_version() {
    let version = env!("CARGO_PKG_VERSION");
    let debian = read("pkg/changelog");
    assert!(debian.starts_with(&format!("sayso ({version}) ")), "pkg/changelog does not start with {version}");
    let changelog = read("CHANGELOG.md");
    assert!(changelog.lines().any(|l| l.starts_with(&format!("## {version}"))), "CHANGELOG.md has no {version}");
}
