//! Stance toward configured issues: explainable rules, plus a model trained on the user's labels.
//!
//! Pipeline position: after `rift-extract` has found [`rift_core::Statement`]s and `rift-kb` has
//! resolved their sources, [`StanceClassifier::classify_article`] fills each statement's
//! `stance` (one [`rift_core::Stance`] per [`rift_core::IssueConfig`] it concerns), which
//! `rift-store` saves and `rift-analyze` aggregates into positions.
//!
//! The rules: a statement concerns an issue when a topic term and a counterpart target occur in
//! it or its sentence; cue phrases from a TOML lexicon ([`BUILTIN_LEXICON`] plus the issue's own
//! cues) vote favor / against / conditional, modified by negation, modal and hedge words in
//! front of them; every decision lists its evidence words with code-point spans. An issue may
//! name a trained [`StanceModel`] ([`model`]: TF-IDF n-grams and a linear classifier, trained by
//! `rift stance train`): [`StanceClassifier::load`] loads it, and it decides the statements in
//! which the rules found no cue, when it is confident (`Stance::by` says which decided). See
//! `docs/stance.md` for the formulas.

mod discourse;
mod lexicon;
pub mod model;
mod pattern;
mod rules;

pub use lexicon::{Lexicon, BUILTIN_LEXICON};
pub use model::{Loss, Prediction, StanceModel, TrainConfig};
pub use rules::{StanceClassifier, MODEL_MIN_CONFIDENCE};

/// Errors of `rift-stance`.
#[derive(Debug, thiserror::Error)]
pub enum StanceError {
    /// The lexicon TOML could not be parsed.
    #[error("lexicon: {0}")]
    Lexicon(#[from] toml::de::Error),
    /// A cue, term or target phrase is not a valid pattern.
    #[error("bad pattern `{pattern}`: {reason}")]
    Pattern {
        /// The phrase as written.
        pattern: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A data file has a bad record.
    #[error("{path}:{line}: {reason}")]
    Data {
        /// The file.
        path: std::path::PathBuf,
        /// 1-based line (0 when not about one line).
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A model file is not valid JSON of the expected shape.
    #[error("model JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A model file has another format or version.
    #[error("model file is {found}, this build reads {expected}")]
    ModelVersion {
        /// What the file says.
        found: String,
        /// What this build reads.
        expected: String,
    },
    /// Training could not run, or a model file is inconsistent.
    #[error("model: {0}")]
    Train(String),
    /// The sentence encoder could not be loaded or run, or this build has none.
    #[error("embeddings: {0}")]
    Embed(String),
    /// An issue definition cannot be used.
    #[error("issue `{issue}`: {reason}")]
    Issue {
        /// Issue id.
        issue: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// PolNeAR train texts in file-name order, at most `limit`, where the shared data is checked
/// out next to the repository (none otherwise): test input for the pattern and filter scans.
#[cfg(test)]
pub(crate) fn train_texts(limit: usize) -> Vec<String> {
    let train = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/polnear/train/text"
    );
    let Ok(dir) = std::fs::read_dir(train) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .take(limit)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}
