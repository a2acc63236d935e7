//! Issue 5's speed criteria for the trained model, checked inside the bench:
//!
//! * training on 2,000 sentences (the first 2,000 SemEval-2016 training tweets, all targets)
//!   takes under 10 s;
//! * prediction runs at ≥ 5,000 statements/s on one core (the 1,850 labelled GWSD sentences).
//!
//! `main` first times one untimed-by-divan training run and one prediction pass, asserts both
//! targets and that the model learnt something (training accuracy well above the majority
//! class), then divan measures the same work. Run: `cargo bench -p rift-stance`.
//!
//! With `RIFT_WORDVEC` set to a distilled word-vector table (docs/stance.md, section 6), the
//! same two criteria are also asserted for a model with the word-vector block.

use std::path::Path;
use std::sync::LazyLock;
use std::time::Instant;

use divan::counter::ItemsCount;
use divan::Bencher;
use rift_stance::model::data::{self, Example};
use rift_stance::model::wordvec::{self, WordVectors};
use rift_stance::model::WordDense;
use rift_stance::{StanceModel, TrainConfig};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
/// Training-set size of the criterion.
const TRAIN_N: usize = 2_000;
/// Criterion: training time, seconds.
const MAX_TRAIN_SECONDS: f64 = 10.0;
/// Criterion: predictions per second on one core.
const MIN_PREDICT_RATE: f64 = 5_000.0;

struct Fixture {
    train: Vec<Example>,
    texts: Vec<String>,
    model: StanceModel,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let mut train = Vec::new();
    for dir in data::semeval_targets(&Path::new(DATA).join("semeval2016")).expect("SemEval data") {
        train.extend(data::read_semeval_target(&dir).expect("SemEval target").0);
    }
    assert!(
        train.len() >= TRAIN_N,
        "only {} SemEval tweets",
        train.len()
    );
    train.truncate(TRAIN_N);
    let texts = data::read_gwsd(&Path::new(DATA).join("gwsd/GWSD.train.tsv"))
        .expect("GWSD data")
        .into_iter()
        .map(|e| e.text)
        .collect();
    let model = StanceModel::train(&train, &TrainConfig::default(), None).expect("training");
    Fixture {
        train,
        texts,
        model,
    }
});

/// Fraction of the training examples the model labels right, and the majority-class share.
fn fit_quality(model: &StanceModel, train: &[Example]) -> (f64, f64) {
    let right = train
        .iter()
        .filter(|e| model.predict(&e.text).label == e.label)
        .count();
    let majority = rift_core::StanceLabel::ALL
        .iter()
        .map(|l| train.iter().filter(|e| e.label == *l).count())
        .max()
        .unwrap_or(0);
    let n = train.len() as f64;
    (right as f64 / n, majority as f64 / n)
}

fn main() {
    let f = &*FIXTURE;
    let t = Instant::now();
    let model = StanceModel::train(&f.train, &TrainConfig::default(), None).expect("training");
    let train_s = t.elapsed().as_secs_f64();
    let (acc, major) = fit_quality(&model, &f.train);
    let t = Instant::now();
    let labels: Vec<_> = f.texts.iter().map(|s| model.predict(s).label).collect();
    let rate = labels.len() as f64 / t.elapsed().as_secs_f64();
    let labelled = labels.len();
    assert!(
        labels.iter().any(|l| *l != labels[0]),
        "the model gives every statement one label"
    );
    eprintln!(
        "rift-stance model: trained on {} sentences in {train_s:.2} s (target < {MAX_TRAIN_SECONDS} s), \
         training accuracy {acc:.3} (majority {major:.3}); predicted {labelled} statements at \
         {rate:.0}/s (target ≥ {MIN_PREDICT_RATE})",
        f.train.len()
    );
    assert!(train_s < MAX_TRAIN_SECONDS, "training took {train_s:.2} s");
    assert!(rate >= MIN_PREDICT_RATE, "prediction at {rate:.0}/s");
    assert!(
        acc > major + 0.2,
        "the model learnt nothing: {acc:.3} vs {major:.3}"
    );
    if let Some(path) = std::env::var_os("RIFT_WORDVEC") {
        let words = WordDense {
            vectors: std::sync::Arc::new(WordVectors::load(Path::new(&path)).expect("table")),
            scale: wordvec::DEFAULT_SCALE,
        };
        let t = Instant::now();
        let model =
            StanceModel::train_full(&f.train, &TrainConfig::default(), None, None, Some(words))
                .expect("training");
        let train_s = t.elapsed().as_secs_f64();
        let (acc, _) = fit_quality(&model, &f.train);
        let t = Instant::now();
        let labels: Vec<_> = f.texts.iter().map(|s| model.predict(s).label).collect();
        let rate = labels.len() as f64 / t.elapsed().as_secs_f64();
        eprintln!(
            "with word vectors: trained in {train_s:.2} s, training accuracy {acc:.3}; \
             predicted at {rate:.0}/s"
        );
        assert!(train_s < MAX_TRAIN_SECONDS, "training took {train_s:.2} s");
        assert!(rate >= MIN_PREDICT_RATE, "prediction at {rate:.0}/s");
        assert!(acc > major + 0.2, "the word-vector model learnt nothing");
    }
    divan::main();
}

/// Training on 2,000 sentences; checks every run fits its data.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn train_2000(b: Bencher) {
    let f = &*FIXTURE;
    b.bench(|| {
        let m = StanceModel::train(&f.train, &TrainConfig::default(), None).expect("training");
        assert_eq!(m.weights, f.model.weights, "training is deterministic");
        m
    });
}

/// Labelling the 1,850 GWSD sentences; checks the labels against a first run.
#[divan::bench(sample_count = 20)]
fn predict(b: Bencher) {
    let f = &*FIXTURE;
    let expected: Vec<_> = f.texts.iter().map(|s| f.model.predict(s).label).collect();
    b.counter(ItemsCount::new(f.texts.len())).bench(|| {
        let got: Vec<_> = f.texts.iter().map(|s| f.model.predict(s).label).collect();
        assert_eq!(got, expected);
        got
    });
}
