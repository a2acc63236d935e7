//! Single-threaded extraction throughput over a folder of `.txt` files:
//! `cargo run --release -p rift-extract --example throughput -- DIR`.
//! Prints MB/s of text through `Extractor::extract` (reading files is not timed).

use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: throughput DIR");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("read dir").flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(&p).expect("read file"));
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let ex = rift_extract::Extractor::default();
    let articles: Vec<_> = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| rift_core::Article::new(i.to_string(), t))
        .collect();
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..3 {
        let t0 = Instant::now();
        n = 0;
        for a in &articles {
            n += ex.extract(a).statements.len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{} articles, {:.2} MB, {} statements, best of 3: {:.3} s = {:.1} MB/s",
        articles.len(),
        bytes as f64 / 1e6,
        n,
        best,
        bytes as f64 / 1e6 / best
    );
}
