//! Sentence embeddings (cargo feature `embed`): a model with an embedding block never loads
//! without its encoder; with the feature and a local all-MiniLM-L6-v2 folder in
//! `RIFT_EMBED_MODEL` (see docs/stance.md, section 6), the encoder's vectors behave and a model
//! trained with them round-trips. Without that folder the encoder tests are skipped.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rift_core::StanceLabel;
use rift_stance::model::data::Example;
use rift_stance::model::embed::{self, Embedder};
use rift_stance::model::{Dense, FeatureConfig};
use rift_stance::{StanceError, StanceModel, TrainConfig};

fn ex(text: &str, label: StanceLabel) -> Example {
    Example::new(text, label)
}

fn toy() -> Vec<Example> {
    let mut v = Vec::new();
    for (i, w) in ["talks", "dialogue", "negotiations", "diplomacy"]
        .iter()
        .enumerate()
    {
        v.push(ex(
            &format!("We welcome {w} and support them {i}"),
            StanceLabel::Favor,
        ));
        v.push(ex(
            &format!("We reject {w}, they are poison {i}"),
            StanceLabel::Against,
        ));
    }
    v
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

#[test]
fn a_missing_encoder_is_an_error() {
    assert_eq!(embed::AVAILABLE, cfg!(feature = "embed"));
    let err = Embedder::load(Path::new("/nonexistent/minilm")).unwrap_err();
    if cfg!(feature = "embed") {
        assert!(matches!(err, StanceError::Io { .. }), "{err}");
    } else {
        assert!(matches!(err, StanceError::Embed(_)), "{err}");
    }
    // A model file with an embedding block whose encoder folder is absent does not load
    // (it would otherwise predict from half its features).
    let m = StanceModel::train(&toy(), &cfg(), None).unwrap();
    let mut v = serde_json::to_value(&m).unwrap();
    v["embed"] = serde_json::json!({
        "model_dir": "/nonexistent/minilm", "layers": [6], "scale": 1.0, "dim": 2
    });
    for row in v["weights"].as_array_mut().unwrap() {
        row.as_array_mut().unwrap().extend([0.0.into(), 0.0.into()]);
    }
    let json = v.to_string();
    assert!(StanceModel::from_json(&json).is_err());
    // The sizes are checked against the embedding block too.
    let mut short = v.clone();
    short["embed"]["dim"] = 3.into();
    assert!(matches!(
        StanceModel::from_json(&short.to_string()),
        Err(StanceError::Train(_))
    ));
}

/// The encoder folder, when the test environment has one.
fn encoder_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("RIFT_EMBED_MODEL")?);
    let ok = cfg!(feature = "embed") && dir.join("model.safetensors").is_file();
    if !ok {
        eprintln!("skipped: no `embed` feature or no model.safetensors in RIFT_EMBED_MODEL");
    }
    ok.then_some(dir)
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[test]
fn encoder_vectors_and_a_model_trained_with_them() {
    let Some(dir) = encoder_dir() else {
        return;
    };
    let e = Arc::new(Embedder::load(&dir).unwrap());
    assert_eq!(e.num_layers(), 6);
    let texts = [
        "Global warming is a hoax.",
        "Climate change is a lie made up by scientists.",
        "The recipe needs two cups of flour.",
    ];
    let v = e.embed(&texts, &[6]).unwrap();
    assert_eq!(v.len(), 3);
    for x in &v {
        assert_eq!(x.len(), 384);
        assert!((dot(x, x) - 1.0).abs() < 1e-4, "unit length");
    }
    assert!(
        dot(&v[0], &v[1]) > dot(&v[0], &v[2]) + 0.2,
        "related sentences are nearer"
    );
    // Batching and padding do not change a sentence's vector.
    let alone = e.embed(&texts[2..], &[6]).unwrap();
    assert!(dot(&alone[0], &v[2]) > 0.9999);
    let two = e.embed(&texts[..1], &[3, 6]).unwrap();
    assert_eq!(two[0].len(), 768);
    assert!((dot(&two[0][384..], &v[0]) - 1.0).abs() < 1e-4);
    assert!(e.embed(&texts, &[7]).is_err());

    let data = toy();
    let layers = vec![5, 6];
    let texts: Vec<&str> = data.iter().map(|x| x.text.as_str()).collect();
    let vecs = e.embed(&texts, &layers).unwrap();
    let dense = Dense {
        embedder: e.clone(),
        layers: layers.clone(),
        scale: 0.5,
        vectors: &vecs,
    };
    let m = StanceModel::train_with(&data, &cfg(), None, Some(dense)).unwrap();
    assert!(m.uses_embeddings());
    assert_eq!(m.weights[0].len(), m.features.len() + 768);
    let probe = ["we reject this poison", "we welcome and support it"];
    let batch = m.predict_batch(&probe).unwrap();
    assert_eq!(batch[0].label, StanceLabel::Against);
    assert_eq!(batch[1].label, StanceLabel::Favor);
    let json = serde_json::to_string(&m).unwrap();
    let back = StanceModel::from_json(&json).unwrap();
    assert!(back.embedder().is_some(), "the recorded encoder is loaded");
    for (t, p) in probe.iter().zip(&batch) {
        let q = back.predict(t);
        assert_eq!(q.label, p.label);
        assert!((q.confidence - p.confidence).abs() < 1e-4);
    }
}
