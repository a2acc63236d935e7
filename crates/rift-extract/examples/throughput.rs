//! Single-threaded extraction throughput over a folder of `.txt` files:
//! `cargo run --release -p rift-extract --example throughput -- DIR [--rules]`.
//! Prints MB/s of text through `Extractor::extract` (reading files is not timed): by the wall
//! clock (best of 3) and per CPU-second of this process (all 3 passes, from `/proc/self/stat`,
//! which a loaded machine inflates less than the wall clock). `--rules` turns the learned
//! tagger off, to see what it costs; `RIFT_TAGGER=FILE` times another tagger model.

use std::time::Instant;

/// User + system CPU seconds of this process (Linux), if readable.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // fields after the command name in parentheses; utime and stime are the 14th and 15th
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: throughput DIR [--rules]");
    let rules_only = args.next().is_some_and(|a| a == "--rules");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("read dir").flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(&p).expect("read file"));
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let ex = rift_extract::Extractor::new(rift_extract::ExtractConfig {
        learned: !rules_only,
        ..Default::default()
    });
    // RIFT_TAGGER=FILE times another tagger model (one written by `train_tagger`).
    let ex = match std::env::var_os("RIFT_TAGGER") {
        Some(f) => ex.with_tagger(
            rift_extract::TaggerModel::from_bytes(&std::fs::read(f).expect("read tagger model"))
                .expect("tagger model"),
        ),
        None => ex,
    };
    let articles: Vec<_> = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| rift_core::Article::new(i.to_string(), t))
        .collect();
    let mut best = f64::MAX;
    let mut n = 0;
    let cpu0 = cpu_seconds();
    for _ in 0..3 {
        let t0 = Instant::now();
        n = 0;
        for a in &articles {
            n += ex.extract(a).statements.len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    let cpu = cpu0.zip(cpu_seconds()).map(|(a, b)| b - a);
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {:.2} MB, {} statements{}, best of 3: {:.3} s = {:.1} MB/s wall; {}",
        articles.len(),
        mb,
        n,
        if rules_only { " (rules only)" } else { "" },
        best,
        mb / best,
        cpu.map_or("CPU time unavailable".to_string(), |c| format!(
            "{:.2} CPU-s for 3 passes = {:.1} MB per CPU-s",
            c,
            3.0 * mb / c
        ))
    );
}
