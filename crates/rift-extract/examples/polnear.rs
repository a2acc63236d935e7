//! Scores the extractor on a PolNeAR-layout folder without building the CLI (a development
//! loop; `rift eval quotes` is the tool for users):
//! `cargo run --release -p rift-extract --example polnear -- ../shared/data/polnear/train [ERRORS]`.

use rift_eval::quotes::{predictions, Scorer};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: polnear DIR [ERRORS_FILE]");
    let errors_file = args.next();
    let gold = rift_eval::brat::read_dir(std::path::Path::new(&dir)).expect("read gold");
    // RIFT_RULES_ONLY=1 turns the learned tagger off, to see what it adds.
    let ex = rift_extract::Extractor::new(rift_extract::ExtractConfig {
        learned: std::env::var_os("RIFT_RULES_ONLY").is_none(),
        ..Default::default()
    });
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
    print!("{}", scorer.report().table());
}
