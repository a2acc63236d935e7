//! Scores the extractor on a PolNeAR-layout folder without building the CLI (a development
//! loop; `rift eval quotes` is the tool for users):
//! `cargo run --release -p rift-extract --example polnear -- ../shared/data/polnear/train [ERRORS]`
//! (`RIFT_TAGGER=FILE` scores a tagger model other than the built-in one).

use rift_eval::quotes::{predictions, Scorer};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: polnear DIR [ERRORS_FILE]");
    let errors_file = args.next();
    let mut gold = rift_eval::brat::read_dir(std::path::Path::new(&dir)).expect("read gold");
    // RIFT_FOLD=K/N scores only the articles whose index in sorted order is K mod N (the
    // held-out fold of `train_tagger` run with the same RIFT_FOLD).
    if let Some((k, n)) = fold() {
        gold = gold
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == k)
            .map(|(_, g)| g)
            .collect();
    }
    // RIFT_RULES_ONLY=1 turns the learned tagger off, to see what it adds.
    let ex = rift_extract::Extractor::new(rift_extract::ExtractConfig {
        learned: std::env::var_os("RIFT_RULES_ONLY").is_none(),
        ..Default::default()
    });
    // RIFT_TAGGER=FILE scores another tagger model (one written by `train_tagger`).
    let ex = match std::env::var_os("RIFT_TAGGER") {
        Some(f) => ex.with_tagger(
            rift_extract::TaggerModel::from_bytes(&std::fs::read(f).expect("read tagger model"))
                .expect("tagger model"),
        ),
        None => ex,
    };
    let mut scorer = Scorer::new();
    let mut errors = String::new();
    for g in &gold {
        let article = rift_core::Article::new(g.id.clone(), g.text.clone());
        let p = predictions(&ex.extract(&article).statements);
        let e = scorer.add(&g.id, &g.text, &g.attributions, &p);
        if !e.items.is_empty() {
            errors.push_str(&e.render());
            errors.push('\n');
        }
    }
    if let Some(f) = errors_file {
        std::fs::write(f, errors).expect("write errors");
    }
    let r = scorer.report();
    print!("{}", r.table());
    let direct = r.by_kind.first().map_or(0, |(_, p)| p.tp);
    println!(
        "tp exact {} overlap {} content+source {} direct {} predicted {} gold {}",
        r.content_exact.tp, r.content_overlap.tp, r.content_source.tp, direct, r.predicted, r.gold
    );
}

/// `RIFT_FOLD=K/N` as `(K, N)`.
fn fold() -> Option<(usize, usize)> {
    let v = std::env::var("RIFT_FOLD").ok()?;
    let (k, n) = v.split_once('/')?;
    Some((k.parse().ok()?, n.parse().ok()?))
}
