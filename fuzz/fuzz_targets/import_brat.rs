//! Any bytes as a brat text/annotation pair (split at the first NUL byte): a project or an
//! error, never a panic; what imports is a valid project.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::export::Format;
use sayso::import::from_tool as import;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (txt, ann) = (&data[..split], data.get(split + 1..).unwrap_or_default());
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("doc.txt"), txt).expect("the text is written");
    std::fs::write(dir.path().join("doc.ann"), ann).expect("the annotations are written");
    if let Ok(project) = import(dir.path(), Format::Brat) {
        sayso_fuzz::assert_valid(&project);
    }
});
