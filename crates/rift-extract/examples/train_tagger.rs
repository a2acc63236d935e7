//! Trains the attribution tagger ([`rift_extract::tagger`]) on a PolNeAR-layout folder and
//! writes the model the extractor compiles in:
//! `cargo run --release -p rift-extract --example train_tagger -- ../shared/data/polnear/train crates/rift-extract/model/tagger.bin [EPOCHS] [BITS] [PAIR_BITS]`.
//!
//! Deterministic: articles in sorted order, sentences shuffled per epoch by a fixed-seed
//! generator. Labels: every token inside a gold cue, source or content span (cue over source
//! over content where they nest), B- on a span's first token.

use rift_core::CharIndex;
use rift_extract::tagger::{Sentence, Trainer, B_CON, B_CUE, B_SRC, O};
use rift_extract::Extractor;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .expect("usage: train_tagger DIR OUT [EPOCHS] [BITS] [PAIR_BITS]");
    let out = args
        .next()
        .expect("usage: train_tagger DIR OUT [EPOCHS] [BITS] [PAIR_BITS]");
    let epochs: usize = args.next().map_or(6, |a| a.parse().expect("EPOCHS"));
    let bits: u32 = args.next().map_or(17, |a| a.parse().expect("BITS"));
    let pair_bits: u32 = args.next().map_or(14, |a| a.parse().expect("PAIR_BITS"));
    let mut gold = rift_eval::brat::read_dir(std::path::Path::new(&dir)).expect("read gold");
    // RIFT_FOLD=K/N leaves out the articles whose index in sorted order is K mod N (for
    // cross-validation with the `polnear` example and the same RIFT_FOLD).
    if let Some((k, n)) = std::env::var("RIFT_FOLD").ok().and_then(|v| {
        let (k, n) = v.split_once('/')?;
        Some((k.parse::<usize>().ok()?, n.parse::<usize>().ok()?))
    }) {
        gold = gold
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n != k)
            .map(|(_, g)| g)
            .collect();
    }
    let ex = Extractor::default();
    // (article, sentence token range, tags)
    let mut data = Vec::new();
    let mut analysed = Vec::new();
    for (ai, g) in gold.iter().enumerate() {
        let a = ex.analyse(&g.text);
        let ci = CharIndex::new(&g.text);
        // per token: (priority, tag kind, span id)
        let mut lab: Vec<(u8, u8, usize)> = vec![(0, O, usize::MAX); a.toks.len()];
        let mut id = 0usize;
        for at in &g.attributions {
            for (spans, kind, prio) in [
                (&at.content, B_CON, 1u8),
                (&at.source, B_SRC, 2),
                (&at.cue, B_CUE, 3),
            ] {
                for sp in spans {
                    id += 1;
                    let (b0, b1) = (ci.byte_of(sp.start), ci.byte_of(sp.end));
                    for (k, t) in a.toks.iter().enumerate() {
                        if t.start >= b0 && t.end <= b1 && prio > lab[k].0 {
                            lab[k] = (prio, kind, id);
                        }
                    }
                }
            }
        }
        for r in &a.sentences {
            let mut tags = Vec::with_capacity(r.len());
            for k in r.clone() {
                let (_, kind, id) = lab[k];
                let t = if kind == O {
                    O
                } else if k > r.start && lab[k - 1].1 == kind && lab[k - 1].2 == id {
                    kind + 1
                } else {
                    kind
                };
                tags.push(t);
            }
            data.push((ai, r.clone(), tags));
        }
        analysed.push(a);
    }
    let sentences: Vec<Sentence<'_>> = data
        .iter()
        .map(|(ai, r, _)| {
            let a = &analysed[*ai];
            Sentence {
                text: &gold[*ai].text,
                toks: &a.toks[r.clone()],
                in_quote: &a.in_quote[r.clone()],
                class: &a.class[r.clone()],
            }
        })
        .collect();
    let mut trainer = Trainer::new(bits, pair_bits);
    trainer.set_priors(rift_extract::tagger::cue_priors(
        sentences
            .iter()
            .zip(&data)
            .map(|(s, d)| (s, d.2.as_slice())),
    ));
    let mut order: Vec<usize> = (0..data.len()).collect();
    // RIFT_SEED=N shuffles with another seed (N ≥ 1), to measure how much training order moves
    // the scores
    let mut seed: u64 = std::env::var("RIFT_SEED")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(0x5eed_1234_abcd_0001, |n| {
            0x5eed_1234_abcd_0001 ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15)
        });
    let tokens: usize = data.iter().map(|d| d.2.len()).sum();
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &i in &order {
            errors += trainer.learn(&sentences[i], &data[i].2);
        }
        eprintln!(
            "epoch {}: {} of {} tokens wrong ({:.2}%)",
            epoch + 1,
            errors,
            tokens,
            100.0 * errors as f64 / tokens as f64
        );
    }
    let model = trainer.finish();
    std::fs::write(&out, model.to_bytes()).expect("write model");
    eprintln!("wrote {out} ({} sentences, {tokens} tokens)", data.len());
}
