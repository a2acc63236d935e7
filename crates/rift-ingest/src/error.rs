//! The one error type of this crate.

use std::fmt;

/// A problem with one input: the file (and line or record) and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    /// File path (or `-` for standard input).
    pub path: String,
    /// 1-based line (JSONL) or record (CSV) number, when the problem is inside the file.
    pub record: Option<u64>,
    /// What is wrong, for people (`empty file`, `binary file`, `expected value at column 1`).
    pub reason: String,
    /// What kind of problem it is.
    pub kind: InputErrorKind,
    /// What `record` counts: `line` (JSONL), `record` (CSV row, WARC record), `item` (feed).
    pub unit: &'static str,
}

/// Kinds of input problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputErrorKind {
    /// The path does not exist or cannot be opened or read.
    Io,
    /// The file has no content.
    Empty,
    /// The file is binary (NUL bytes, or not decodable text).
    Binary,
    /// A record cannot be parsed (broken JSON, bad CSV row).
    Parse,
    /// A record parses but lacks what rift needs (no text field, no article text in a page).
    Invalid,
    /// The input was compressed and its compressed stream is broken (truncated gzip).
    Compressed,
}

impl InputError {
    /// A new error.
    pub fn new(
        path: impl Into<String>,
        record: Option<u64>,
        kind: InputErrorKind,
        reason: impl Into<String>,
    ) -> Self {
        InputError {
            path: path.into(),
            record,
            reason: reason.into(),
            kind,
            unit: "line",
        }
    }

    /// The same error with another record unit (`record`, `item`).
    pub fn with_unit(mut self, unit: &'static str) -> Self {
        self.unit = unit;
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}: {} {}: {}", self.path, self.unit, n, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}
