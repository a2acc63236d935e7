//! Times TaggerModel::tag over every sentence of a PolNeAR folder (dev loop for the tagger's speed).
use rift_extract::tagger::{Sentence, TaggerModel};
use rift_extract::Extractor;
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let gold = rift_eval::brat::read_dir(std::path::Path::new(&dir)).expect("read gold");
    let ex = Extractor::default();
    let analysed: Vec<_> = gold.iter().map(|g| ex.analyse(&g.text)).collect();
    let own = std::env::var_os("RIFT_TAGGER")
        .map(|f| TaggerModel::from_bytes(&std::fs::read(f).unwrap()).unwrap());
    let model = own.as_ref().unwrap_or_else(|| TaggerModel::builtin());
    let mut tags = Vec::new();
    let mut best = f64::MAX;
    let mut sum = 0usize;
    let mut ntok = 0;
    for _ in 0..5 {
        let t0 = Instant::now();
        sum = 0;
        ntok = 0;
        for (g, a) in gold.iter().zip(&analysed) {
            for r in &a.sentences {
                let s = Sentence {
                    text: &g.text,
                    toks: &a.toks[r.clone()],
                    in_quote: &a.in_quote[r.clone()],
                    class: &a.class[r.clone()],
                };
                model.tag(&s, &mut tags);
                sum += tags.iter().map(|&t| t as usize).sum::<usize>();
                ntok += tags.len();
            }
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{ntok} tokens, best {:.3} s = {:.0} ns/token (checksum {sum})",
        best,
        best * 1e9 / ntok as f64
    );
}
