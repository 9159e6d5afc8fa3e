//! Frame times of the whole window on a 200,000-word article with 10,000 highlights, headless:
//! `Context::run_ui` plus tessellation, as a real frame does before the GPU.

use criterion::{Criterion, criterion_group, criterion_main};
use sayso::app::{AppCommand, PickKind, Picker, SaysoApp};
use sayso::model::*;
use sayso::session::Session;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

struct NoPicker;

impl Picker for NoPicker {
    fn pick(&self, _: PickKind, _: Option<PathBuf>) -> Option<PathBuf> {
        None
    }
}

const PARAGRAPH: &str = "“Combat operations by the Syrian army in east Aleppo have been suspended because the largest \
operation of evacuation of civilians is being carried out,” Russian Foreign Minister Sergei Lavrov said on Thursday \
in Hamburg, adding that a column of about 8,000 people had left the city.";

/// About 200,000 words in paragraphs of 45, with 10,000 annotations of every layer.
fn big_session() -> Session {
    let text = vec![PARAGRAPH; 200_000 / 45].join("\n\n");
    let para_chars = PARAGRAPH.chars().count() + 2;
    let mut p = Project::default();
    p.documents.push(Document::new(DocId(1), "Big", text));
    let layers =
        [(Layer::Quote, "DIRECT", 0, 150), (Layer::Speaker, "SPEAKER", 159, 189), (Layer::Cue, "CUE", 190, 194)];
    let mut id = 1;
    'outer: for k in 0..200_000 / 45 {
        let base = k * para_chars;
        for (layer, label, s, e) in layers.iter().cloned().chain([(Layer::Mention, "PERSON", 176, 189)]) {
            if id > 10_000 {
                break 'outer;
            }
            let span = Span::new(base + s, base + e).expect("span");
            let status = if id % 3 == 0 { Status::Accepted } else { Status::Suggested };
            let origin = Origin::Detector { rule: "bench".into(), reason: "bench".into() };
            p.put_annotation(Annotation::new(AnnId(id), DocId(1), span, layer, label, status, origin));
            id += 1;
        }
    }
    Session::new(p, None)
}

fn input(ctx_size: egui::Vec2, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, ctx_size)),
        events,
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut SaysoApp, events: Vec<egui::Event>) {
    let out = ctx.run_ui(input(egui::vec2(1400.0, 900.0), events), |ui| app.ui(ui));
    black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
}

fn bench(c: &mut Criterion) {
    let session = big_session();
    let mut group = c.benchmark_group("article_view_200k_words_10k_highlights");
    group.sample_size(20);
    group.bench_function("first_paint", |b| {
        b.iter_batched(
            || (egui::Context::default(), SaysoApp::new(session_clone(&session), Arc::new(NoPicker))),
            |(ctx, mut app)| {
                // Fonts are installed on the first pass; the article is painted on the second.
                frame(&ctx, &mut app, vec![]);
                frame(&ctx, &mut app, vec![]);
            },
            criterion::BatchSize::LargeInput,
        )
    });
    let ctx = egui::Context::default();
    let mut app = SaysoApp::new(session_clone(&session), Arc::new(NoPicker));
    for _ in 0..3 {
        frame(&ctx, &mut app, vec![]);
    }
    group.bench_function("steady_frame", |b| b.iter(|| frame(&ctx, &mut app, vec![])));
    let mut down = true;
    group.bench_function("scroll_frame", |b| {
        b.iter(|| {
            let delta = if down { -300.0 } else { 300.0 };
            down = !down;
            let scroll = egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, delta),
                phase: egui::TouchPhase::Move,
                modifiers: egui::Modifiers::NONE,
                source: egui::MouseWheelSource::Wheel,
            };
            let hover = egui::Event::PointerMoved(egui::pos2(700.0, 450.0));
            frame(&ctx, &mut app, vec![hover, scroll]);
        })
    });
    group.bench_function("accept_reject_keystroke", |b| {
        let mut accept = true;
        b.iter(|| {
            app.send(AppCommand::Select(AnnId(5)));
            app.send(if accept { AppCommand::Accept } else { AppCommand::Undo });
            accept = !accept;
            // Commands queued before a frame (as key presses are) are applied before it draws.
            frame(&ctx, &mut app, vec![]);
        })
    });
    group.finish();
}

fn session_clone(s: &Session) -> Session {
    Session::new(s.project.clone(), None)
}

criterion_group!(benches, bench);
criterion_main!(benches);
