//! The trained stance model: TF-IDF word 1–3-grams + character 2–5-grams and one-vs-rest
//! L2-regularised logistic regression (or a linear SVM), trained by our own deterministic dual
//! coordinate descent with balanced class weights, saved as a versioned JSON file.
//!
//! It learns from the user's labelled statements (`rift stance train`); the rule classifier
//! ([`crate::StanceClassifier`]) stays the explainable default and hands a statement to the
//! issue's model only when no cue decided it ([`crate::StanceClassifier::load`]). [`eval`]
//! scores models, and [`data`] reads the training formats. Optional dense blocks follow the
//! n-grams: static word-piece vectors ([`wordvec`], any build) and contextual sentence
//! embeddings ([`embed`], cargo feature `embed`).

pub mod data;
pub mod embed;
pub mod eval;
mod features;
mod svm;
pub mod wordvec;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use rift_core::StanceLabel;
use serde::{Deserialize, Serialize};

pub use features::FeatureConfig;
pub use svm::Loss;

use crate::StanceError;
use data::Example;
use embed::{EmbedConfig, Embedder};
use eval::{stratified_folds, Metrics};
use features::{counts, key, ngrams, tfidf, Block, Sparse};
use svm::{Instance, SolverParams};
use wordvec::{WordVecConfig, WordVectors};

/// `format` field of a model file.
pub const MODEL_FORMAT: &str = "rift-stance-model";
/// Model file version this build writes and reads.
pub const MODEL_VERSION: u32 = 2;

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// N-gram features.
    pub features: FeatureConfig,
    /// The loss of each one-vs-rest problem: logistic regression (default) or linear SVM.
    pub loss: Loss,
    /// Cost C (inverse regularisation strength).
    pub c: f64,
    /// Weight each class's examples by n / (classes · n_class).
    pub balanced: bool,
    /// Train on the label distribution when an example has one ([`Example::soft`]): the
    /// example counts as a positive with cost C·p and as a negative with cost C·(1 − p) in
    /// each class's problem. Otherwise its cost is scaled by [`Example::weight`].
    pub soft_labels: bool,
    /// Solver tolerance.
    pub eps: f64,
    /// Solver passes at most.
    pub max_iter: usize,
    /// Shuffle seed (training is deterministic for a given seed).
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            features: FeatureConfig::default(),
            loss: Loss::Logistic,
            c: 2.0,
            balanced: true,
            soft_labels: false,
            eps: 0.1,
            max_iter: 1000,
            seed: 42,
        }
    }
}

/// One prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prediction {
    /// The label with the highest decision value.
    pub label: StanceLabel,
    /// Position in [−1, 1]: the class positions (favor +1, conditional +0.5, neutral 0,
    /// against −1) averaged with softmax weights of the decision values.
    pub score: f64,
    /// Softmax weight of the winning class, in [0, 1].
    pub confidence: f64,
}

/// A trained model (the JSON model file).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StanceModel {
    /// Always [`MODEL_FORMAT`].
    pub format: String,
    /// [`MODEL_VERSION`] at writing time.
    pub version: u32,
    /// Issue the model was trained for, if given.
    pub issue: Option<String>,
    /// Classes, in weight-row order.
    pub labels: Vec<StanceLabel>,
    /// Training settings.
    pub config: TrainConfig,
    /// Training examples per class.
    pub trained_on: BTreeMap<String, usize>,
    /// Feature names: `w:` word n-grams, `c:` character n-grams.
    pub features: Vec<String>,
    /// IDF per feature.
    pub idf: Vec<f64>,
    /// One weight row per class.
    pub weights: Vec<Vec<f32>>,
    /// One bias per class.
    pub bias: Vec<f64>,
    /// Sentence-embedding block, when the model was trained with one: its weights follow the
    /// n-gram weights in each row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embed: Option<EmbedConfig>,
    /// Static word-piece vector block ([`wordvec`]), when the model was trained with one: its
    /// weights follow the n-gram (and sentence-embedding) weights in each row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wordvec: Option<WordVecConfig>,
    #[serde(skip)]
    index: HashMap<u64, u32>,
    #[serde(skip)]
    embedder: Option<Arc<Embedder>>,
    #[serde(skip)]
    words: Option<Arc<WordVectors>>,
}

/// Static word-piece vectors to train with ([`StanceModel::train_full`]).
#[derive(Debug, Clone)]
pub struct WordDense {
    /// The table (kept by the model, to embed at prediction time).
    pub vectors: Arc<WordVectors>,
    /// Scale of the block (1 = as long as the TF-IDF block; [`wordvec::DEFAULT_SCALE`]).
    pub scale: f64,
}

/// Sentence embeddings to train with ([`StanceModel::train_with`]).
#[derive(Debug, Clone)]
pub struct Dense<'a> {
    /// The encoder (kept by the model, to embed at prediction time).
    pub embedder: Arc<Embedder>,
    /// Pooled layers ([`embed::DEFAULT_LAYERS`]).
    pub layers: Vec<usize>,
    /// Scale of the embedding block (1 = as long as the TF-IDF block).
    pub scale: f64,
    /// One vector per training example, from `embedder.embed(…, &layers)`.
    pub vectors: &'a [Vec<f32>],
}

impl StanceModel {
    /// Trains on `examples` (at least two classes).
    pub fn train(
        examples: &[Example],
        config: &TrainConfig,
        issue: Option<String>,
    ) -> Result<Self, StanceError> {
        Self::train_with(examples, config, issue, None)
    }

    /// Trains on `examples`, with sentence embeddings appended to the n-gram features when
    /// `dense` is given (its vectors aligned with `examples`).
    pub fn train_with(
        examples: &[Example],
        config: &TrainConfig,
        issue: Option<String>,
        dense: Option<Dense<'_>>,
    ) -> Result<Self, StanceError> {
        Self::train_full(examples, config, issue, dense, None)
    }

    /// Trains on `examples`, with sentence embeddings (`dense`) and / or static word-piece
    /// vectors (`words`) appended to the n-gram features.
    pub fn train_full(
        examples: &[Example],
        config: &TrainConfig,
        issue: Option<String>,
        dense: Option<Dense<'_>>,
        words: Option<WordDense>,
    ) -> Result<Self, StanceError> {
        let labels: Vec<StanceLabel> = StanceLabel::ALL
            .into_iter()
            .filter(|l| examples.iter().any(|e| e.label == *l))
            .collect();
        if labels.len() < 2 {
            return Err(StanceError::Train(format!(
                "need at least two classes, got {}",
                labels.len()
            )));
        }
        let fc = config.features;
        // Vocabulary: n-grams in at least `min_df` documents, in name order.
        let mut df: HashMap<u64, (String, usize)> = HashMap::new();
        let docs: Vec<HashMap<u64, (Block, f64)>> =
            examples.iter().map(|e| counts(&fc, &e.text)).collect();
        for e in examples {
            let mut seen = std::collections::HashSet::new();
            ngrams(&fc, &e.text, |b, g| {
                let k = key(b, g);
                if seen.insert(k) {
                    let tag = match b {
                        Block::Word => "w:",
                        Block::Char => "c:",
                    };
                    df.entry(k).or_insert_with(|| (format!("{tag}{g}"), 0)).1 += 1;
                }
            });
        }
        let mut vocab: Vec<(String, usize)> = df
            .into_values()
            .filter(|(_, d)| *d >= fc.min_df.max(1))
            .collect();
        vocab.sort_unstable();
        let n = examples.len() as f64;
        let idf: Vec<f64> = vocab
            .iter()
            .map(|(_, d)| ((1.0 + n) / (1.0 + *d as f64)).ln() + 1.0)
            .collect();
        let features: Vec<String> = vocab.into_iter().map(|(s, _)| s).collect();
        let index = build_index(&features)?;
        let mut xs: Vec<Sparse> = docs.iter().map(|c| tfidf(c, &index, &idf)).collect();
        let mut embed_cfg = None;
        if let Some(d) = &dense {
            if d.vectors.len() != examples.len() {
                return Err(StanceError::Train(format!(
                    "{} embeddings for {} examples",
                    d.vectors.len(),
                    examples.len()
                )));
            }
            let dim = d.embedder.dim(&d.layers);
            for (x, v) in xs.iter_mut().zip(d.vectors) {
                if v.len() != dim {
                    return Err(StanceError::Train(format!(
                        "embedding of length {}, expected {dim}",
                        v.len()
                    )));
                }
                append_dense(x, features.len(), v, d.scale);
            }
            embed_cfg = Some(EmbedConfig {
                model_dir: d.embedder.dir().to_path_buf(),
                layers: d.layers.clone(),
                scale: d.scale,
                dim,
            });
        }
        let mut dim = features.len() + embed_cfg.as_ref().map_or(0, |e| e.dim);
        let wordvec = words.as_ref().map(|w| WordVecConfig {
            path: std::fs::canonicalize(w.vectors.path())
                .unwrap_or_else(|_| w.vectors.path().to_path_buf()),
            scale: w.scale,
            dim: w.vectors.dim(),
        });
        if let Some(w) = &words {
            for (x, e) in xs.iter_mut().zip(examples) {
                append_dense(x, dim, &w.vectors.embed(&e.text), w.scale);
            }
            dim += w.vectors.dim();
        }

        let mut trained_on = BTreeMap::new();
        for l in &labels {
            trained_on.insert(
                l.as_str().to_string(),
                examples.iter().filter(|e| e.label == *l).count(),
            );
        }
        let params = SolverParams {
            loss: config.loss,
            eps: config.eps,
            max_iter: config.max_iter,
            seed: config.seed,
        };
        let k = labels.len() as f64;
        let class_weight = |l: StanceLabel| -> f64 {
            match trained_on.get(l.as_str()) {
                Some(&c) if config.balanced && c > 0 => n / (k * c as f64),
                Some(_) if !config.balanced => 1.0,
                _ => 0.0,
            }
        };
        // The label distribution of every example over `labels` (one-hot without soft labels)
        // and its cost per class.
        let dist: Vec<Vec<f64>> = examples
            .iter()
            .map(|e| {
                let soft = e.soft.filter(|_| config.soft_labels).and_then(|p| {
                    let v: Vec<f64> = labels
                        .iter()
                        .map(|l| p[label_pos(*l)].max(0.0) * class_weight(*l))
                        .collect();
                    let z: f64 = labels.iter().map(|l| p[label_pos(*l)].max(0.0)).sum();
                    (z > 0.0).then(|| v.into_iter().map(|x| config.c * x / z).collect())
                });
                soft.unwrap_or_else(|| {
                    let w = config.c * e.weight.clamp(1e-3, 1.0) * class_weight(e.label);
                    labels
                        .iter()
                        .map(|l| if *l == e.label { w } else { 0.0 })
                        .collect()
                })
            })
            .collect();
        let mut weights = Vec::new();
        let mut bias = Vec::new();
        for (row, _) in labels.iter().enumerate() {
            let mut inst = Vec::with_capacity(examples.len());
            for (i, d) in dist.iter().enumerate() {
                let pos = d[row];
                let neg: f64 = d.iter().sum::<f64>() - pos;
                for (y, cost) in [(1.0, pos), (-1.0, neg)] {
                    if cost > 1e-9 {
                        inst.push(Instance { x: i, y, cost });
                    }
                }
            }
            let (w, b) = svm::train_binary(&xs, &inst, dim, params);
            weights.push(w.into_iter().map(|x| x as f32).collect());
            bias.push(b);
        }
        Ok(StanceModel {
            format: MODEL_FORMAT.into(),
            version: MODEL_VERSION,
            issue,
            labels,
            config: *config,
            trained_on,
            features,
            idf,
            weights,
            bias,
            embed: embed_cfg,
            wordvec,
            index,
            embedder: dense.map(|d| d.embedder),
            words: words.map(|w| w.vectors),
        })
    }

    /// The feature vector of `text` (`vector`: its embedding, for a model with an embedding
    /// block; computed here when `None`).
    fn vector(&self, text: &str, vector: Option<&[f32]>) -> Result<Sparse, StanceError> {
        let mut x = tfidf(&counts(&self.config.features, text), &self.index, &self.idf);
        if let Some(cfg) = &self.embed {
            let owned;
            let v = match vector {
                Some(v) => v,
                None => {
                    let e = self.embedder.as_ref().ok_or_else(|| {
                        StanceError::Embed("model needs its sentence encoder".into())
                    })?;
                    owned = e.embed(&[text], &cfg.layers)?.pop().unwrap_or_default();
                    &owned
                }
            };
            if v.len() != cfg.dim {
                return Err(StanceError::Embed(format!(
                    "embedding of length {}, the model expects {}",
                    v.len(),
                    cfg.dim
                )));
            }
            append_dense(&mut x, self.features.len(), v, cfg.scale);
        }
        if let Some(cfg) = &self.wordvec {
            let w = self
                .words
                .as_ref()
                .ok_or_else(|| StanceError::Embed("model needs its word-vector table".into()))?;
            let offset = self.features.len() + self.embed.as_ref().map_or(0, |e| e.dim);
            append_dense(&mut x, offset, &w.embed(text), cfg.scale);
        }
        Ok(x)
    }

    /// Whether the model has a sentence-embedding block.
    pub fn uses_embeddings(&self) -> bool {
        self.embed.is_some()
    }

    /// Whether the model has a static word-piece vector block.
    pub fn uses_word_vectors(&self) -> bool {
        self.wordvec.is_some()
    }

    /// The encoder the model embeds with, when it has an embedding block.
    pub fn embedder(&self) -> Option<&Arc<Embedder>> {
        self.embedder.as_ref()
    }

    /// Sets the encoder (e.g. loaded from another folder than the one recorded at training).
    pub fn set_embedder(&mut self, embedder: Arc<Embedder>) {
        self.embedder = Some(embedder);
    }

    /// Embeddings of `texts` for this model (empty vectors when it has no embedding block).
    pub fn embed_texts(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, StanceError> {
        match (&self.embed, &self.embedder) {
            (None, _) => Ok(vec![Vec::new(); texts.len()]),
            (Some(cfg), Some(e)) => e.embed(texts, &cfg.layers),
            (Some(_), None) => Err(StanceError::Embed(
                "model needs its sentence encoder".into(),
            )),
        }
    }

    /// Predictions for many texts (embeddings computed in batches).
    pub fn predict_batch(&self, texts: &[&str]) -> Result<Vec<Prediction>, StanceError> {
        let vecs = self.embed_texts(texts)?;
        texts
            .iter()
            .zip(&vecs)
            .map(|(t, v)| {
                let x = self.vector(t, self.embed.as_ref().map(|_| v.as_slice()))?;
                Ok(self.predict_vector(&x))
            })
            .collect()
    }

    /// Decision value per class (in `labels` order).
    ///
    /// A model with an embedding block embeds `text` here; if that fails (no encoder), the
    /// embedding block is left out.
    pub fn decision(&self, text: &str) -> Vec<f64> {
        let x = self.vector(text, None).unwrap_or_else(|_| {
            tfidf(&counts(&self.config.features, text), &self.index, &self.idf)
        });
        self.decision_of(&x)
    }

    fn decision_of(&self, x: &Sparse) -> Vec<f64> {
        self.weights
            .iter()
            .zip(&self.bias)
            .map(|(w, b)| {
                x.iter()
                    .map(|&(j, v)| f64::from(w[j as usize]) * v)
                    .sum::<f64>()
                    + b
            })
            .collect()
    }

    /// Probability-like weight of each class (in `labels` order, summing to 1): normalised
    /// sigmoids of the decision values for logistic regression, a softmax for the SVM.
    pub fn class_weights(&self, text: &str) -> Vec<f64> {
        weights_of(self.config.loss, &self.decision(text))
    }

    /// Label, score and confidence of one text.
    pub fn predict(&self, text: &str) -> Prediction {
        let d = self.decision(text);
        self.prediction_of(&d)
    }

    fn predict_vector(&self, x: &Sparse) -> Prediction {
        self.prediction_of(&self.decision_of(x))
    }

    fn prediction_of(&self, d: &[f64]) -> Prediction {
        let best = (0..d.len())
            .max_by(|&a, &b| d[a].total_cmp(&d[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        let p = weights_of(self.config.loss, d);
        let score = self
            .labels
            .iter()
            .zip(&p)
            .map(|(l, e)| l.default_score() * e)
            .sum::<f64>();
        Prediction {
            label: self.labels[best],
            score,
            confidence: p[best],
        }
    }

    /// The `n` features that push hardest toward `label` in `text` (for explanations).
    pub fn top_features(&self, text: &str, label: StanceLabel, n: usize) -> Vec<(String, f64)> {
        let Some(row) = self.labels.iter().position(|l| *l == label) else {
            return Vec::new();
        };
        let x = tfidf(&counts(&self.config.features, text), &self.index, &self.idf);
        let mut v: Vec<(String, f64)> = x
            .iter()
            .map(|&(j, val)| {
                (
                    self.features[j as usize].clone(),
                    f64::from(self.weights[row][j as usize]) * val,
                )
            })
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }

    /// Writes the model as JSON.
    pub fn save(&self, path: &Path) -> Result<(), StanceError> {
        let json = serde_json::to_string(self)?;
        std::fs::write(path, json).map_err(|source| StanceError::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Reads a model file, checking its format and version. A model with an embedding block
    /// loads its encoder from the folder recorded at training ([`EmbedConfig::model_dir`]).
    pub fn load(path: &Path) -> Result<Self, StanceError> {
        Self::load_with(path, None)
    }

    /// [`Self::load`], loading the encoder of an embedding model from `embed_dir` instead of
    /// the recorded folder.
    pub fn load_with(path: &Path, embed_dir: Option<&Path>) -> Result<Self, StanceError> {
        Self::load_full(path, embed_dir, None)
    }

    /// [`Self::load_with`], reading a word-vector model's table from `wordvec` instead of
    /// the recorded file.
    pub fn load_full(
        path: &Path,
        embed_dir: Option<&Path>,
        wordvec: Option<&Path>,
    ) -> Result<Self, StanceError> {
        let text = std::fs::read_to_string(path).map_err(|source| StanceError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_json_full(&text, embed_dir, wordvec)
    }

    /// Parses a model from JSON, checking its format and version (an embedding model loads
    /// its encoder from the recorded folder).
    pub fn from_json(text: &str) -> Result<Self, StanceError> {
        Self::from_json_with(text, None)
    }

    /// [`Self::from_json`], loading an embedding model's encoder from `embed_dir` when given.
    pub fn from_json_with(text: &str, embed_dir: Option<&Path>) -> Result<Self, StanceError> {
        Self::from_json_full(text, embed_dir, None)
    }

    /// [`Self::from_json_with`], reading a word-vector model's table from `wordvec` when
    /// given (else from the recorded file).
    pub fn from_json_full(
        text: &str,
        embed_dir: Option<&Path>,
        wordvec: Option<&Path>,
    ) -> Result<Self, StanceError> {
        let mut m: StanceModel = serde_json::from_str(text)?;
        if m.format != MODEL_FORMAT || m.version != MODEL_VERSION {
            return Err(StanceError::ModelVersion {
                found: format!("{} v{}", m.format, m.version),
                expected: format!("{MODEL_FORMAT} v{MODEL_VERSION}"),
            });
        }
        let dim = m.features.len();
        let full =
            dim + m.embed.as_ref().map_or(0, |e| e.dim) + m.wordvec.as_ref().map_or(0, |e| e.dim);
        if m.idf.len() != dim
            || m.weights.len() != m.labels.len()
            || m.bias.len() != m.labels.len()
            || m.weights.iter().any(|w| w.len() != full)
        {
            return Err(StanceError::Train("model file sizes do not agree".into()));
        }
        m.index = build_index(&m.features)?;
        if let Some(cfg) = &m.embed {
            let e = Embedder::load(embed_dir.unwrap_or(&cfg.model_dir))?;
            if e.dim(&cfg.layers) != cfg.dim {
                return Err(StanceError::Embed(format!(
                    "{}: the encoder gives {} values, the model expects {}",
                    e.dir().display(),
                    e.dim(&cfg.layers),
                    cfg.dim
                )));
            }
            m.embedder = Some(Arc::new(e));
        }
        if let Some(cfg) = &m.wordvec {
            let w = WordVectors::load(wordvec.unwrap_or(&cfg.path))?;
            if w.dim() != cfg.dim {
                return Err(StanceError::Embed(format!(
                    "{}: vectors of length {}, the model expects {}",
                    w.path().display(),
                    w.dim(),
                    cfg.dim
                )));
            }
            m.words = Some(Arc::new(w));
        }
        Ok(m)
    }
}

/// Appends an embedding (scaled by `scale`) after the `offset` n-gram features.
fn append_dense(x: &mut Sparse, offset: usize, v: &[f32], scale: f64) {
    x.extend(
        v.iter()
            .enumerate()
            .map(|(i, &e)| ((offset + i) as u32, f64::from(e) * scale)),
    );
}

fn weights_of(loss: Loss, d: &[f64]) -> Vec<f64> {
    let v: Vec<f64> = match loss {
        Loss::Logistic => d.iter().map(|x| 1.0 / (1.0 + (-x).exp())).collect(),
        Loss::SquaredHinge => {
            let top = d.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            d.iter().map(|x| (x - top).exp()).collect()
        }
    };
    let z: f64 = v.iter().sum();
    if z > 0.0 {
        v.into_iter().map(|x| x / z).collect()
    } else {
        vec![1.0 / d.len().max(1) as f64; d.len()]
    }
}

/// Position of a label in [`StanceLabel::ALL`].
fn label_pos(l: StanceLabel) -> usize {
    StanceLabel::ALL.iter().position(|x| *x == l).unwrap_or(0)
}

fn build_index(features: &[String]) -> Result<HashMap<u64, u32>, StanceError> {
    let mut index = HashMap::with_capacity(features.len());
    for (j, f) in features.iter().enumerate() {
        let (block, g) = match f.split_at_checked(2) {
            Some(("w:", g)) => (Block::Word, g),
            Some(("c:", g)) => (Block::Char, g),
            _ => return Err(StanceError::Train(format!("bad feature name `{f}`"))),
        };
        if index.insert(key(block, g), j as u32).is_some() {
            return Err(StanceError::Train(format!(
                "feature hash collision at `{f}`"
            )));
        }
    }
    Ok(index)
}

/// Result of [`cross_validate`].
#[derive(Debug, Clone)]
pub struct CvResult {
    /// Out-of-fold prediction of every example, in input order.
    pub predictions: Vec<StanceLabel>,
    /// Metrics of the pooled out-of-fold predictions.
    pub metrics: Metrics,
    /// Macro-F1 of each fold.
    pub fold_macro_f1: Vec<f64>,
}

/// Stratified `k`-fold cross-validation (folds from [`stratified_folds`] with the config seed).
pub fn cross_validate(
    examples: &[Example],
    config: &TrainConfig,
    k: usize,
) -> Result<CvResult, StanceError> {
    cross_validate_with(examples, config, k, None)
}

/// [`cross_validate`] with sentence embeddings (`dense.vectors`: one per example, computed
/// once — the encoder is fixed, so this leaks nothing between folds).
pub fn cross_validate_with(
    examples: &[Example],
    config: &TrainConfig,
    k: usize,
    dense: Option<Dense<'_>>,
) -> Result<CvResult, StanceError> {
    cross_validate_full(examples, config, k, dense, None)
}

/// [`cross_validate_with`] with static word-piece vectors too (a fixed table: no leak).
pub fn cross_validate_full(
    examples: &[Example],
    config: &TrainConfig,
    k: usize,
    dense: Option<Dense<'_>>,
    words: Option<WordDense>,
) -> Result<CvResult, StanceError> {
    if let Some(d) = &dense {
        if d.vectors.len() != examples.len() {
            return Err(StanceError::Train(format!(
                "{} embeddings for {} examples",
                d.vectors.len(),
                examples.len()
            )));
        }
    }
    let gold: Vec<StanceLabel> = examples.iter().map(|e| e.label).collect();
    let fold = stratified_folds(&gold, k, config.seed);
    let mut predictions = vec![StanceLabel::Neutral; examples.len()];
    let mut fold_macro_f1 = Vec::new();
    for f in 0..k {
        let train: Vec<Example> = examples
            .iter()
            .zip(&fold)
            .filter(|(_, &x)| x != f)
            .map(|(e, _)| e.clone())
            .collect();
        let train_vecs: Vec<Vec<f32>> = dense.as_ref().map_or_else(Vec::new, |d| {
            d.vectors
                .iter()
                .zip(&fold)
                .filter(|(_, &x)| x != f)
                .map(|(v, _)| v.clone())
                .collect()
        });
        let fold_dense = dense.as_ref().map(|d| Dense {
            embedder: d.embedder.clone(),
            layers: d.layers.clone(),
            scale: d.scale,
            vectors: &train_vecs,
        });
        let model = StanceModel::train_full(&train, config, None, fold_dense, words.clone())?;
        let mut fg = Vec::new();
        let mut fp = Vec::new();
        for (i, e) in examples.iter().enumerate().filter(|(i, _)| fold[*i] == f) {
            let v = dense.as_ref().map(|d| d.vectors[i].as_slice());
            predictions[i] = model.predict_vector(&model.vector(&e.text, v)?).label;
            fg.push(e.label);
            fp.push(predictions[i]);
        }
        fold_macro_f1.push(Metrics::compute(&fg, &fp).macro_f1);
    }
    Ok(CvResult {
        metrics: Metrics::compute(&gold, &predictions),
        predictions,
        fold_macro_f1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(text: &str, label: StanceLabel) -> Example {
        Example::new(text, label)
    }

    fn toy() -> Vec<Example> {
        let mut v = Vec::new();
        for (i, w) in ["talks", "dialogue", "negotiations", "diplomacy", "contacts"]
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
            v.push(ex(
                &format!("The weather report on {w} day {i}"),
                StanceLabel::Neutral,
            ));
        }
        v
    }

    #[test]
    fn learns_saves_and_loads() {
        let cfg = TrainConfig {
            features: FeatureConfig {
                min_df: 1,
                ..FeatureConfig::default()
            },
            ..TrainConfig::default()
        };
        let m = StanceModel::train(&toy(), &cfg, Some("x".into())).unwrap();
        assert_eq!(
            m.predict("we reject this, poison").label,
            StanceLabel::Against
        );
        assert_eq!(
            m.predict("we welcome and support it").label,
            StanceLabel::Favor
        );
        let p = m.predict("we reject this, poison");
        assert!(p.score < 0.0 && (0.0..=1.0).contains(&p.confidence));
        let json = serde_json::to_string(&m).unwrap();
        let back = StanceModel::from_json(&json).unwrap();
        // JSON float parsing may differ in the last bit.
        for (a, b) in back
            .decision("support talks")
            .iter()
            .zip(m.decision("support talks"))
        {
            assert!((a - b).abs() < 1e-9);
        }
        let again = StanceModel::train(&toy(), &cfg, Some("x".into())).unwrap();
        assert_eq!(again.weights, m.weights, "training is deterministic");
        let old = json.replace("\"version\":2", "\"version\":99");
        assert!(matches!(
            StanceModel::from_json(&old),
            Err(StanceError::ModelVersion { .. })
        ));
        let top = m.top_features("we reject this, poison", StanceLabel::Against, 3);
        assert_eq!(top.len(), 3);
    }

    #[test]
    fn one_class_is_an_error() {
        let v = vec![ex("a", StanceLabel::Favor), ex("b", StanceLabel::Favor)];
        assert!(StanceModel::train(&v, &TrainConfig::default(), None).is_err());
    }
}
