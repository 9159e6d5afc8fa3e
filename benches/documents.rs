//! A project of a thousand articles: how long it takes to open, and what moving to another
//! document costs in the window (one frame, headless: `Context::run_ui` plus tessellation).

use criterion::{Criterion, criterion_group, criterion_main};
use sayso::app::{AppCommand, PickKind, Picker, SaysoApp};
use sayso::model::{DocId, Document, Project};
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

const ARTICLES: u32 = 1000;

/// Background paragraphs that name no one: with them an article is about 5 KB, as news is.
const BACKGROUND: &str = "water levels on the river have been falling for weeks, and the barges that carry grain, \
ore and fuel downstream now sail with a fraction of their usual loads, while ports along the way wait for rain \
that the forecasts do not promise before the autumn.";

/// The bundled sample a thousand times over, each copy naming other people and places and
/// padded with background to about 5 KB, with the detector's suggestions.
fn thousand_articles() -> Project {
    let sample = format!("{}\n\n{}", String::from_utf8_lossy(sayso::app::SAMPLE), [BACKGROUND; 12].join("\n\n"));
    let mut project = Project::default();
    let mut names = sayso::suggest::EntityNames::default();
    for i in 1..=ARTICLES {
        let text = sample.replace("Gessler", &format!("Gessler{i}")).replace("Vienna", &format!("Vienna{}", i % 50));
        let doc = Document::new(DocId(i), format!("Article {i}"), text);
        sayso::session::add_with_suggestions(&mut project, doc, &mut names);
    }
    project
}

fn frame(ctx: &egui::Context, app: &mut SaysoApp) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0))),
        ..Default::default()
    };
    let out = ctx.run_ui(input, |ui| app.ui(ui));
    black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
}

fn bench(c: &mut Criterion) {
    let project = thousand_articles();
    let bytes: usize = project.documents.iter().map(|d| d.text.len()).sum();
    eprintln!(
        "{} articles, {:.1} MB of text, {} annotations, {} entities",
        project.documents.len(),
        bytes as f64 / 1e6,
        project.annotations.len(),
        project.entities.len()
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("thousand.ron");
    sayso::store::save(&project, &path).expect("saved");
    let mut group = c.benchmark_group("project_of_1000_articles");
    group.sample_size(10);
    group.bench_function("open", |b| b.iter(|| black_box(Session::open(&path).expect("opens"))));
    let ctx = egui::Context::default();
    let mut app = SaysoApp::new(Session::open(&path).expect("opens"), Arc::new(NoPicker));
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    let mut next = 1;
    group.bench_function("switch_document_frame", |b| {
        b.iter(|| {
            next = next % ARTICLES + 1;
            app.send(AppCommand::ShowDocument(DocId(next)));
            frame(&ctx, &mut app);
        })
    });
    group.bench_function("steady_frame", |b| b.iter(|| frame(&ctx, &mut app)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
