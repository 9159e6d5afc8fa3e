//! Any text through detection and into a project: spans in range, links inside the result,
//! and suggestions that make a valid project. One input in eight is also repeated past the size
//! at which a text is detected in sections, so the cutting and joining run on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::model::{DocId, Document};
use sayso::{detect, session};

fn assert_in_range(text: &str) {
    let n = text.chars().count();
    let found = detect::detect(text);
    for q in &found.quotes {
        assert!(q.start < q.end && q.end <= n);
        assert!(q.cue.is_none_or(|(s, e)| s < e && e <= n));
        assert!(q.speaker.is_none_or(|m| m < found.mentions.len()));
        assert!(q.part_of.is_none_or(|p| p < found.quotes.len()));
        assert!(q.speaker_entity.is_none_or(|e| e < found.entities.len()));
    }
    for m in &found.mentions {
        assert!(m.start < m.end && m.end <= n && m.entity < found.entities.len());
        assert!(m.antecedent.is_none_or(|a| a < found.mentions.len()));
    }
    assert!(found.entities.iter().enumerate().all(|(i, e)| e.id == i));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    assert_in_range(&text);
    if !text.is_empty() && data.len() % 8 == 0 {
        let mut long = String::with_capacity(60_000 + text.len());
        while long.len() < 60_000 {
            long.push_str(&text);
            long.push('\n');
        }
        assert_in_range(&long);
    }
    let project = session::project_from_article(Document::new(DocId(1), "fuzz", text.into_owned()));
    sayso_fuzz::assert_valid(&project);
});
