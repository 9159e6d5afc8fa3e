//! Any bytes as a spacy file to import: a project or an error, never a panic; what imports is
//! a valid project.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::export::{Format, import};
use sayso::store;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, data).expect("the input is written");
    if let Ok(project) = import(&path, Format::Spacy) {
        let errors: Vec<_> =
            store::validate(&project).into_iter().filter(|p| p.severity == store::Severity::Error).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
});
