//! What every fuzz target asserts about a project it managed to build.

use sayso::model::Project;
use sayso::store::{Severity, validate};

/// Panics (a fuzzer finding) if `project` breaks a rule a loaded project must keep.
pub fn assert_valid(project: &Project) {
    let errors: Vec<_> = validate(project).into_iter().filter(|p| p.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

/// Writes `data` to a file and imports it as `format`; what imports must be valid.
pub fn import_jsonl(data: &[u8], format: sayso::export::Format) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, data).expect("the input is written");
    if let Ok(project) = sayso::import::from_tool(&path, format) {
        assert_valid(&project);
    }
}
