//! Detection throughput (MB/s, one core) on news text, and linearity: one 800 KB document (and
//! one four times longer) against 200 separate 4 KB articles of the same text; and the time to
//! parse the entity model's weights.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const ARTICLE: &str = include_str!("../tests/fixtures/aleppo-lavrov.txt");

/// About `bytes` of news text: the seed article repeated, paragraphs intact.
fn corpus(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + ARTICLE.len());
    while s.len() < bytes {
        s.push_str(ARTICLE);
        s.push_str("\n\n");
    }
    s
}

/// A 4 KB article: the seed article cut at a paragraph boundary near 4,000 bytes.
fn article_4k() -> String {
    let mut out = String::new();
    for para in ARTICLE.split("\n\n") {
        if out.len() + para.len() > 4096 {
            break;
        }
        out.push_str(para);
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("detect");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    g.bench_function("seed article", |b| b.iter(|| sayso::detect::detect(black_box(ARTICLE))));
    let small = article_4k();
    let many: Vec<String> = (0..200).map(|_| small.clone()).collect();
    let total: usize = many.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("200 x 4 KB articles", |b| {
        b.iter(|| {
            for a in &many {
                black_box(sayso::detect::detect(black_box(a)));
            }
        })
    });
    let big = corpus(total);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("one 800 KB document", |b| b.iter(|| sayso::detect::detect(black_box(&big))));
    // What `sayso detect` runs: names typed by the model without their explanations.
    g.bench_function("one 800 KB document, unexplained", |b| {
        b.iter(|| sayso::detect::detect_unexplained(black_box(&big)))
    });
    // What `sayso detect` adds: the same detection written out as its JSON line, through the
    // buffer the command writes with.
    g.bench_function("one 800 KB document, with its JSON line", |b| {
        b.iter(|| {
            let found = sayso::detect::detect_unexplained(black_box(&big));
            let json = sayso::detect::Json { fields: &[], file: Some("news.txt"), text: &big, detections: &found };
            let mut sink = std::io::sink();
            let mut out = sayso::stream::Sink::with_capacity(64 * 1024, &mut sink);
            sayso::detect::write_line(&mut out, &json).unwrap();
        })
    });
    let huge = corpus(4 * total);
    g.throughput(Throughput::Bytes(huge.len() as u64));
    g.bench_function("one 3.2 MB document", |b| b.iter(|| sayso::detect::detect(black_box(&huge))));
    g.finish();
    // Reading the entity model's header, once per process on first use: the weights stay where
    // the program holds them.
    let mut load = c.benchmark_group("entity model");
    load.sample_size(10);
    load.bench_function("read the weights", |b| {
        b.iter(|| sayso::detect::ner::Model::from_static(black_box(sayso::detect::ner::WEIGHTS)))
    });
    load.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
