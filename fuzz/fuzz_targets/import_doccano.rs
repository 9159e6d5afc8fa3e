//! Any bytes as a doccano file to import: a project or an error, never a panic; what imports is
//! a valid project.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sayso_fuzz::import_jsonl(data, sayso::export::Format::Doccano));
