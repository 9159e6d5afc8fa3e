//! Atomic file replacement: the target is either the old complete file or the new complete file,
//! whatever happens during the write (crash, kill, full disk).
//!
//! The content goes to a temporary file in the target's own folder (so the final rename stays on
//! one file system), is flushed and synced, then renamed over the target; the folder is synced too
//! so the rename itself survives a power cut.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Writes `path` atomically with whatever `write` puts into the buffered writer.
/// On any error the previous file is untouched and the temporary file is removed.
pub fn write_atomic<F>(path: &Path, write: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TMP_SUFFIX);
    #[cfg(unix)]
    {
        // A new file gets the usual permissions (the umask applies), not a temporary file's 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir)?;
    {
        let mut out = BufWriter::with_capacity(1 << 16, tmp.as_file());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Keep the permissions of the file being replaced (a read-only target stays refused below).
        if meta.permissions().readonly() {
            return Err(io::Error::new(io::ErrorKind::PermissionDenied, format!("{} is read-only", path.display())));
        }
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = File::open(dir) {
        // Not every platform can sync a folder; the rename has happened either way.
        let _ = d.sync_all();
    }
    remove_stale_temporaries(dir, &name);
    Ok(())
}

const TMP_SUFFIX: &str = ".tmp";
/// A temporary file this old was left by a write that was killed, not one still going on.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes temporaries of `name` left behind by killed writes, so crashes leave no clutter.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(TMP_SUFFIX)) {
            continue;
        }
        let age = entry.metadata().and_then(|m| m.modified()).ok().and_then(|m| m.elapsed().ok());
        if age.is_some_and(|a| a > STALE_AFTER) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes bytes atomically.
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, |w| w.write_all(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        write_bytes_atomic(&path, b"old").unwrap();
        write_bytes_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn temporaries_left_by_a_killed_write_are_cleared_once_stale() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let stale = dir.path().join(".p.ron.abc123.tmp");
        let fresh = dir.path().join(".p.ron.def456.tmp");
        let other = dir.path().join(".q.ron.abc123.tmp");
        for p in [&stale, &fresh, &other] {
            std::fs::write(p, b"half").unwrap();
        }
        let old = std::time::SystemTime::now() - STALE_AFTER * 2;
        for p in [&stale, &other] {
            File::options().write(true).open(p).unwrap().set_modified(old).unwrap();
        }
        write_bytes_atomic(&path, b"new").unwrap();
        assert!(!stale.exists());
        assert!(fresh.exists(), "a write that may still be going on is left alone");
        assert!(other.exists(), "another file's temporaries are not ours");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_ordinary_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        write_bytes_atomic(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_ne!(mode & 0o044, 0, "readable by group or others under a usual umask: {mode:o}");
    }

    #[test]
    fn failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        write_bytes_atomic(&path, b"old").unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
