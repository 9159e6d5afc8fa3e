//! Save and load of a project with 10,000 annotations (RON, atomic write).

use criterion::{Criterion, criterion_group, criterion_main};
use sayso::model::*;
use std::hint::black_box;

/// A project of one long article with `n` annotations spread over it, a third of them linked.
fn big_project(n: usize) -> Project {
    let paragraph = "“Combat operations by the Syrian army in east Aleppo have been suspended,” Lavrov said on Thursday in Hamburg.\n\n";
    let text = paragraph.repeat(n / 4 + 1);
    let len = text.chars().count();
    let mut p = Project::default();
    p.documents.push(Document::new(DocId(1), "Big", text));
    p.put_entity(Entity { id: EntityId(1), label: "PERSON".into(), name: "Sergei Lavrov".into(), aliases: vec![] });
    for i in 0..n {
        let start = (i * 29) % (len - 40);
        let (layer, label) = match i % 4 {
            0 => (Layer::Quote, "DIRECT"),
            1 => (Layer::Speaker, "SPEAKER"),
            2 => (Layer::Cue, "CUE"),
            _ => (Layer::Mention, "PERSON"),
        };
        let mut a = Annotation::new(
            AnnId(i as u64 + 1),
            DocId(1),
            Span::new(start, start + 12 + i % 25).unwrap(),
            layer,
            label,
            [Status::Suggested, Status::Accepted, Status::Rejected][i % 3],
            Origin::Detector { rule: "cue-after-quote".into(), reason: "cue “said” follows the quote".into() },
        );
        if i % 3 == 0 {
            a.links.entity = Some(EntityId(1));
        }
        p.put_annotation(a);
    }
    p
}

fn bench(c: &mut Criterion) {
    let project = big_project(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let mut group = c.benchmark_group("project_10k");
    group.sample_size(20);
    group.bench_function("save", |b| b.iter(|| sayso::store::save(black_box(&project), &path).expect("save")));
    sayso::store::save(&project, &path).expect("save");
    group.bench_function("load", |b| b.iter(|| sayso::store::load(black_box(&path)).expect("load")));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
