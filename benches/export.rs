//! Export speed: a project of 100 articles with 10,000 annotations (quotes linked to speakers and
//! cues, overlapping mentions, multi-byte text), written in every format. The target is well under
//! a second per format.

use criterion::{Criterion, criterion_group, criterion_main};
use sayso::export::{self, Format, Options};
use sayso::model::{AnnId, Annotation, DocId, Document, Entity, EntityId, Layer, Origin, Project, Span, Status};
use std::hint::black_box;

const DOCS: u32 = 100;
const PER_DOC: u64 = 100;

/// One sentence pattern: "Zoë Adams 📰 said: “We will rebuild the bridge by spring,” in Café. "
fn sentence(i: u64) -> (String, [(usize, usize, Layer, &'static str); 5]) {
    let s = format!("Zoe\u{308} Adams {i} said: “We will rebuild the bridge by spring,” in Cafe\u{301} 📰.\n");
    let n = i.to_string().chars().count();
    // Offsets in code points within the sentence.
    let speaker = (0, 10 + n, Layer::Speaker, "SPEAKER");
    let person = (0, 9, Layer::Mention, "PERSON");
    let cue = (11 + n, 15 + n, Layer::Cue, "CUE");
    let quote = (17 + n, 57 + n, Layer::Quote, "DIRECT");
    let place = (61 + n, 66 + n, Layer::Mention, "GPE");
    (s, [quote, speaker, cue, person, place])
}

fn project() -> Project {
    let mut project = Project::default();
    project.put_entity(Entity { id: EntityId(1), label: "PERSON".into(), name: "Zoë Adams".into(), aliases: vec![] });
    let mut next = 1;
    for d in 1..=DOCS {
        let mut text = String::new();
        let mut offset = 0;
        let mut anns = Vec::new();
        for i in 0..PER_DOC / 5 {
            let (s, spans) = sentence(i);
            let base = next;
            for (k, (start, end, layer, label)) in spans.into_iter().enumerate() {
                let span = Span::new(offset + start, offset + end).expect("valid span");
                let status = if k == 4 { Status::Suggested } else { Status::Accepted };
                let mut a = Annotation::new(AnnId(next), DocId(d), span, layer, label, status, Origin::Analyst);
                if k == 0 {
                    a.links.speaker = Some(AnnId(base + 1));
                    a.links.cue = Some(AnnId(base + 2));
                    a.tags = vec!["checked".into()];
                    a.note = "a note, with \"quotes\"".into();
                } else if k == 1 || k == 3 {
                    a.links.entity = Some(EntityId(1));
                }
                anns.push(a);
                next += 1;
            }
            offset += s.chars().count();
            text.push_str(&s);
        }
        project.documents.push(Document::new(DocId(d), format!("Article {d}"), text));
        project.annotations.extend(anns);
    }
    project
}

fn bench(c: &mut Criterion) {
    let project = project();
    assert_eq!(project.annotations.len(), (u64::from(DOCS) * PER_DOC) as usize);
    let dir = tempfile::tempdir().expect("temporary folder");
    let opts = Options { include_suggestions: true };
    let mut group = c.benchmark_group("export 10k annotations");
    group.sample_size(20);
    for format in Format::ALL {
        let out = dir.path().join(format!("out-{}", format.name()));
        group.bench_function(format.name(), |b| {
            b.iter(|| export::export(black_box(&project), format, &out, &opts).expect("export"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
