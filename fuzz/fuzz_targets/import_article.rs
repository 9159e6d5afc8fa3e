//! Any bytes as an article (text, Markdown or a web page): a document or a clear refusal, never
//! a panic; a document's text is normalised (no CR) and its hash matches.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::import::{TextKind, import_bytes};
use sayso::model::DocId;

fuzz_target!(|data: &[u8]| {
    for kind in [TextKind::Plain, TextKind::Markdown, TextKind::Html] {
        if let Ok(doc) = import_bytes(data, "fuzz.txt", "fuzz", kind, DocId(1)) {
            assert!(!doc.text.contains('\r'));
            assert!(doc.hash_matches());
            assert!(!doc.text.trim().is_empty());
        }
    }
});
