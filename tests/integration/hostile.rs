//! Hostile and odd input, in the window and on the command line: each gets a specific message,
//! nothing is lost, and the app keeps running with what it had.

use crate::common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sayso::app::{AppCommand, SaysoApp};
use sayso::model::{AnnId, Status};
use sayso::session::Session;
use std::path::Path;
use std::process::{Command, Output};

use crate::ui_support::harness;

/// The app on the fixture project, then asked to open `path`.
fn open_in_app(dir: &Path, path: &Path) -> Harness<'static, SaysoApp> {
    let fixture = dir.join("fixture.ron");
    sayso::store::save(&common::project(), &fixture).unwrap();
    let mut h = harness(Session::open(&fixture).unwrap());
    h.state_mut().send(AppCommand::OpenPath(path.to_path_buf()));
    h.run();
    h
}

fn assert_kept_fixture(h: &Harness<'static, SaysoApp>) {
    assert_eq!(h.state().session.display_name(), "fixture.ron", "the open project stays");
}

fn sayso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sayso")).args(args).output().expect("sayso runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const WINDOWS_1252: &[u8] =
    b"Caf\xe9 owners react\n\n\x93We stay open,\x94 said Ren\xe9e Martin, who runs the caf\xe9 on the corner.\n";

#[test]
fn a_legacy_encoding_is_decoded_and_named_in_the_app_and_cli() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.txt");
    std::fs::write(&path, WINDOWS_1252).unwrap();
    let h = open_in_app(dir.path(), &path);
    h.get_by_label_contains("read as windows-1252 (detected)");
    h.get_by_label("windows-1252");
    assert!(h.state().session.project.documents[0].text.contains("“We stay open,” said Renée Martin"));

    let out = sayso(&["annotate", path.to_str().unwrap(), "--out", dir.path().join("c.ron").to_str().unwrap()]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("read as windows-1252 (detected)"), "{}", stderr(&out));
}

#[test]
fn utf16_opens_and_shows_its_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.txt");
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend("Zoë said “no”.\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(&path, bytes).unwrap();
    let h = open_in_app(dir.path(), &path);
    h.get_by_label("UTF-16LE");
    assert_eq!(h.state().session.project.documents[0].text, "Zoë said “no”.\n");
}

#[test]
fn binary_empty_and_huge_files_are_refused_with_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("photo.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge).unwrap().set_len(100 * 1024 * 1024).unwrap();
    for (path, message) in [(&png, "binary file (a PNG image)"), (&empty, "is empty"), (&huge, "up to 50 MB")] {
        let h = open_in_app(dir.path(), path);
        h.get_by_label_contains(message);
        assert_kept_fixture(&h);
        let out = sayso(&["annotate", path.to_str().unwrap(), "--out", dir.path().join("x.ron").to_str().unwrap()]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
        assert!(!dir.path().join("x.ron").exists());
    }
}

#[test]
fn a_file_that_disappeared_before_opening_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.txt");
    let h = open_in_app(dir.path(), &gone);
    h.get_by_label_contains("gone.txt");
    assert_kept_fixture(&h);
}

#[test]
fn damaged_future_and_inconsistent_projects_are_refused_specifically() {
    let dir = tempfile::tempdir().unwrap();
    let good = sayso::store::to_ron(&common::project());
    let mut duplicate = common::project();
    duplicate.annotations.push(duplicate.annotations[3].clone());
    let mut dangling = common::project();
    dangling.annotation_mut(AnnId(1)).unwrap().links.speaker = Some(AnnId(99));
    let cases = [
        (
            "future.ron",
            good.replace("format_version: 6,", "format_version: 7,"),
            "written by a newer Sayso (project format 7)",
        ),
        ("truncated.ron", good[..good.len() / 3].to_string(), "damaged project file: the file ends early"),
        ("duplicate.ron", sayso::store::to_ron(&duplicate), "annotation a4 appears twice"),
        ("dangling.ron", sayso::store::to_ron(&dangling), "points at a99, which does not exist"),
    ];
    for (name, text, message) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let h = open_in_app(dir.path(), &path);
        h.get_by_label_contains(message);
        assert_kept_fixture(&h);
        let out = sayso(&["check", path.to_str().unwrap()]);
        assert!(!out.status.success() && stderr(&out).contains(message), "{name}: {}", stderr(&out));
    }
}

#[test]
fn a_read_only_target_is_refused_and_the_work_stays_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.ron");
    sayso::store::save(&common::project(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let mut h = harness(Session::open(&path).unwrap());
    h.state_mut().send(AppCommand::Select(AnnId(7)));
    h.run();
    h.key_press(egui::Key::A);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label_contains("is read-only");
    h.get_by_label_contains("The previous file is unchanged");
    assert!(h.state().session.is_dirty(), "the work is still there to save elsewhere");
    assert_eq!(h.state().session.project.annotation(AnnId(7)).unwrap().status, Status::Accepted);
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Talks resume\n\n“No,” he said.\n").unwrap();
    let out = sayso(&["annotate", article.to_str().unwrap(), "--out", path.to_str().unwrap()]);
    assert!(!out.status.success() && stderr(&out).contains("is read-only"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// A tiny file system, to fill up for real; needs the right to mount (CI runs as root).
struct TinyDisk(tempfile::TempDir);

impl TinyDisk {
    fn mount() -> Option<TinyDisk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=48k", "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then_some(TinyDisk(dir))
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

#[test]
fn a_full_disk_on_save_keeps_the_old_file_and_says_the_disk_is_full() {
    let Some(disk) = TinyDisk::mount() else {
        eprintln!("cannot mount a small tmpfs here (not root); the store's unit tests simulate a full disk instead");
        return;
    };
    let path = disk.0.path().join("fixture.ron");
    sayso::store::save(&common::project(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    // Four copies of the sample article make a project far bigger than the space left.
    let big = sayso::app::SAMPLE.repeat(4);
    let mut h = harness(Session::from_article_bytes(&big, "big.txt").unwrap());
    h.state_mut().send(AppCommand::SaveTo(path.clone()));
    h.run();
    h.get_by_label_contains("the disk is full");
    h.get_by_label_contains("The previous file is unchanged");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(h.state().session.path, None, "the project is still unsaved");
    assert_eq!(std::fs::read_dir(disk.0.path()).unwrap().count(), 1, "no temporary file is left behind");

    let article = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(article.path(), &big).unwrap();
    let out = sayso(&["annotate", article.path().to_str().unwrap(), "--out", path.to_str().unwrap()]);
    assert!(!out.status.success() && stderr(&out).contains("the disk is full"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_hand_edited_article_text_is_offered_re_anchoring_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.ron");
    std::fs::write(&path, common::hand_edited(|t| t.replace("“We will not", "Updated.\n\n“We will not"))).unwrap();
    let mut h = open_in_app(dir.path(), &path);
    h.get_by_label("The article text was changed outside Sayso");
    h.get_by_label_contains("7 moved to follow their words");
    h.get_by_label("Re-anchor").click();
    h.run();
    let project = &h.state().session.project;
    let quote = project.annotation(AnnId(1)).unwrap();
    assert_eq!(project.documents[0].slice(quote.span), "“We will not accept this,”");
    assert!(h.state().session.is_dirty(), "nothing is written until the analyst saves");
    h.get_by_label_contains("Re-anchored: 7 annotation(s) moved, 0 removed");
    assert!(h.query_by_label_contains("does not match its hash").is_none(), "the warning is answered");
}

#[test]
fn declining_a_required_re_anchoring_goes_back_to_the_project_open_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.ron");
    std::fs::write(&path, common::hand_edited(|t| t.replacen("Talks resume in Geneva\n\n", "", 1))).unwrap();
    let mut h = open_in_app(dir.path(), &path);
    h.get_by_label_contains("cannot be used as it is");
    h.get_by_label("Don't open").click();
    h.run();
    assert_kept_fixture(&h);
    assert!(h.query_by_label("The article text was changed outside Sayso").is_none());
}
