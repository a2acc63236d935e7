//! Shared fixtures for rift's benchmarks (`cargo bench -p rift-bench`).
//!
//! The benches in `benches/stages.rs` time each stage of the pipeline that `rift ingest` runs —
//! cleaning and segmentation (rift-text), extraction (rift-extract), resolution (rift-kb), stance
//! (rift-stance) and storage (rift-store) — on the PolNeAR train texts in `../shared/data/polnear`.
//! This library only finds and reads those inputs, so every bench measures the same bytes; the
//! end-to-end and peer comparisons live in `bench/compare` (see `bench/README.md`).
//!
//! Nothing here runs under `cargo test`: the crate has no tests and its bench-only dependencies
//! are dev-dependencies.

use std::path::{Path, PathBuf};

use rift_core::Article;

/// Errors reading benchmark inputs.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// A corpus folder or file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A corpus folder holds no `.txt` file.
    #[error("{0}: no .txt files (is ../shared/data/polnear present?)")]
    Empty(PathBuf),
}

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `<polnear>/<split>/text` (`train` or `dev`), where `<polnear>` is `$RIFT_POLNEAR` when set,
/// else `shared/data/polnear` beside the repository.
pub fn polnear_text_dir(split: &str) -> PathBuf {
    let base = std::env::var_os("RIFT_POLNEAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/data/polnear"));
    base.join(split).join("text")
}

/// The project folder the resolution and stance benches use: `examples/us-2016` (a KB of the
/// PolNeAR period) when it exists, else `examples/iran-2019`.
pub fn project_dir() -> PathBuf {
    let us = repo_root().join("examples/us-2016");
    if us.join("kb.toml").is_file() || us.join("kb").is_dir() {
        us
    } else {
        repo_root().join("examples/iran-2019")
    }
}

/// Reads every `*.txt` of `dir` (sorted by name) as an [`Article`] whose id is the file stem and
/// whose source is the path, as `rift extract` would.
pub fn load_texts(dir: &Path) -> Result<Vec<Article>, BenchError> {
    let io = |source| BenchError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(BenchError::Empty(dir.to_path_buf()));
    }
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|source| BenchError::Io {
                path: p.clone(),
                source,
            })?;
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut a = Article::new(stem, text);
            a.source = p.display().to_string();
            Ok(a)
        })
        .collect()
}

/// Total text bytes of `articles` (the throughput denominator of every bench).
pub fn total_bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text.len()).sum()
}
