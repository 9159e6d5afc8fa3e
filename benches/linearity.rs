//! Linearity of detection, measured so that the machine's speed swings cancel out: in each round
//! the same 3.4 MB of news text is detected as 800 separate articles, as four documents of
//! 860 KB and as one document of 3.4 MB, back to back. Per round, each document's speed per byte
//! is divided by the articles'; the medians over the rounds are printed (1.0 = exactly linear).
//!
//! `cargo bench --profile profiling --bench linearity [-- ROUNDS]`

use std::hint::black_box;
use std::time::Instant;

const ARTICLE: &str = include_str!("../tests/fixtures/aleppo-lavrov.txt");

fn seconds(run: impl Fn()) -> f64 {
    let start = Instant::now();
    run();
    start.elapsed().as_secs_f64()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(15).max(1);
    let article = format!("{ARTICLE}\n\n");
    let doc_860k = article.repeat(200);
    let doc_3m = article.repeat(800);
    let detect = |text: &str| {
        black_box(sayso::detect::detect(black_box(text)));
    };
    detect(&doc_860k);
    let (mut articles, mut ratio_860k, mut ratio_3m) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let a = seconds(|| (0..800).for_each(|_| detect(&article)));
        let b = seconds(|| (0..4).for_each(|_| detect(&doc_860k)));
        let c = seconds(|| detect(&doc_3m));
        articles.push(a);
        ratio_860k.push(a / b);
        ratio_3m.push(a / c);
    }
    let mib = doc_3m.len() as f64 / (1024.0 * 1024.0);
    println!("linearity, {rounds} rounds of {mib:.1} MiB each way (medians)");
    println!("  800 separate 4 KB articles: {:.1} MiB/s", mib / median(articles));
    println!("  one 860 KB document, speed per byte vs the articles: {:.2}", median(ratio_860k));
    println!("  one 3.4 MB document, speed per byte vs the articles: {:.2}", median(ratio_3m));
}
