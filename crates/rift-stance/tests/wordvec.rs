//! Static word-piece vectors (`rift_stance::model::wordvec`, default build): a model trained
//! with a table generalises through it to words it never saw, round-trips through its file,
//! and never loads without its table. With the distilled all-MiniLM-L6-v2 table in
//! `RIFT_WORDVEC` (docs/stance.md, section 6), GWSD 5-fold CV must beat the n-gram model;
//! without it that test is skipped.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rift_core::StanceLabel;
use rift_stance::model::data::{self, Example};
use rift_stance::model::wordvec::WordVectors;
use rift_stance::model::{cross_validate, cross_validate_full, FeatureConfig, WordDense};
use rift_stance::{StanceError, StanceModel, TrainConfig};

fn ex(text: &str, label: StanceLabel) -> Example {
    Example::new(text, label)
}

fn cfg() -> TrainConfig {
    TrainConfig {
        features: FeatureConfig {
            min_df: 1,
            ..FeatureConfig::default()
        },
        ..TrainConfig::default()
    }
}

/// A table where "welcome"/"embrace" and "reject"/"refuse" share a direction.
fn table(dir: &Path) -> PathBuf {
    let mut rows: Vec<(String, Vec<f32>)> = vec![
        ("[UNK]".into(), vec![0.0, 0.0, 0.0]),
        ("welcome".into(), vec![1.0, 0.0, 0.0]),
        ("embrace".into(), vec![0.9, 0.1, 0.0]),
        ("reject".into(), vec![0.0, 1.0, 0.0]),
        ("refuse".into(), vec![0.1, 0.9, 0.0]),
    ];
    for w in ["we", "the", "talks", "plan", "deal", "offer", "it"] {
        rows.push((w.into(), vec![0.0, 0.0, 0.3]));
    }
    let p = dir.join("wv.bin");
    WordVectors::write(&p, &rows).unwrap();
    p
}

#[test]
fn word_vectors_carry_a_model_to_unseen_words_and_round_trip() {
    let d = tempfile::tempdir().unwrap();
    let path = table(d.path());
    let wv = Arc::new(WordVectors::load(&path).unwrap());
    let mut train = Vec::new();
    for o in ["talks", "plan", "deal", "offer"] {
        train.push(ex(&format!("we welcome the {o}"), StanceLabel::Favor));
        train.push(ex(&format!("we reject the {o}"), StanceLabel::Against));
    }
    let words = WordDense {
        vectors: wv.clone(),
        scale: 3.0,
    };
    let m = StanceModel::train_full(&train, &cfg(), None, None, Some(words)).unwrap();
    assert!(m.uses_word_vectors());
    // "embrace" / "refuse" never occur in training: only their vectors can decide.
    assert_eq!(m.predict("embrace it").label, StanceLabel::Favor);
    assert_eq!(m.predict("refuse it").label, StanceLabel::Against);
    let plain = StanceModel::train(&train, &cfg(), None).unwrap();
    assert!(!plain.uses_word_vectors());

    let file = d.path().join("m.json");
    m.save(&file).unwrap();
    let back = StanceModel::load(&file).unwrap();
    for t in ["embrace it", "we reject the deal"] {
        for (a, b) in back.decision(t).iter().zip(m.decision(t)) {
            assert!((a - b).abs() < 1e-6, "{t}: {a} vs {b}");
        }
    }
    // The table is required: moved away, the model does not load unless pointed to it.
    let moved = d.path().join("elsewhere.bin");
    std::fs::rename(&path, &moved).unwrap();
    assert!(matches!(
        StanceModel::load(&file),
        Err(StanceError::Io { .. })
    ));
    let again = StanceModel::load_full(&file, None, Some(&moved)).unwrap();
    assert_eq!(again.predict("embrace it").label, StanceLabel::Favor);
    // A table of another length is refused.
    let other = d.path().join("other.bin");
    WordVectors::write(&other, &[("[UNK]".into(), vec![0.0; 4])]).unwrap();
    assert!(matches!(
        StanceModel::load_full(&file, None, Some(&other)),
        Err(StanceError::Embed(_))
    ));
}

/// GWSD 5-fold CV with the distilled table (set `RIFT_WORDVEC` to it; release build advised).
#[test]
fn distilled_table_beats_ngrams_on_gwsd() {
    let Some(path) = std::env::var_os("RIFT_WORDVEC") else {
        eprintln!("RIFT_WORDVEC not set: skipping the GWSD check of the distilled table");
        return;
    };
    let gwsd = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/gwsd/GWSD.train.tsv"
    ));
    let examples = data::read_gwsd(gwsd).unwrap();
    let words = WordDense {
        vectors: Arc::new(WordVectors::load(Path::new(&path)).unwrap()),
        scale: rift_stance::model::wordvec::DEFAULT_SCALE,
    };
    let c = TrainConfig::default();
    let with = cross_validate_full(&examples, &c, 5, None, Some(words)).unwrap();
    let without = cross_validate(&examples, &c, 5).unwrap();
    eprintln!(
        "GWSD 5-fold macro-F1: {:.4} with word vectors, {:.4} without",
        with.metrics.macro_f1, without.metrics.macro_f1
    );
    assert!(with.metrics.macro_f1 > without.metrics.macro_f1 + 0.005);
    assert!(with.metrics.macro_f1 >= 0.61, "{}", with.metrics.macro_f1);
}
