//! Any text through detection and into a project: spans in range, links inside the result,
//! and suggestions that make a valid project.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::model::{DocId, Document};
use sayso::{detect, session};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n = text.chars().count();
    let found = detect::detect(&text);
    for q in &found.quotes {
        assert!(q.start < q.end && q.end <= n);
        assert!(q.cue.is_none_or(|(s, e)| s < e && e <= n));
        assert!(q.speaker.is_none_or(|m| m < found.mentions.len()));
        assert!(q.part_of.is_none_or(|p| p < found.quotes.len()));
    }
    for m in &found.mentions {
        assert!(m.start < m.end && m.end <= n && m.entity < found.entities.len());
    }
    let project = session::project_from_article(Document::new(DocId(1), "fuzz", text.into_owned()));
    sayso_fuzz::assert_valid(&project);
});
