//! Evaluation of rift's output against gold annotations.
//!
//! - [`brat`] + [`quotes`]: PolNeAR-style attribution gold (brat stand-off files) and the
//!   content / source / kind scores of `rift eval quotes`.
//! - [`seed`]: the seed article's `gold-statements.jsonl` / `gold-article.json` format — required
//!   statements found, speakers, stances, traps that must not be statements.
//!
//! The evaluators take rift's own [`rift_core::Statement`]s (as `rift extract --format jsonl`
//! writes them), so a test or the CLI can score any run.

pub mod brat;
pub mod quotes;
pub mod seed;

/// Errors reading gold files.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A gold file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A gold record could not be parsed.
    #[error("{path}: line {line}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}
