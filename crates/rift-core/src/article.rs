//! The unit of input: one news article, as read.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Date;

/// One article as read by `rift-ingest`. `text` is the decoded text every span points into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: a file's name without its extension, or a record's `id` field.
    pub id: String,
    /// Where it came from: a path, or `path:line` for a record inside a file, or a URL.
    pub source: String,
    /// URL of the article, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Outlet name as given by the input (resolved to a KB outlet later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Title, when known (from metadata or the first heading line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date, when known (metadata, or a dateline in the text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The text as read; all spans are code-point offsets into it.
    pub text: String,
}

impl Article {
    /// A bare article with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            source: String::new(),
            url: None,
            outlet: None,
            title: None,
            published: None,
            text: text.into(),
        }
    }

    /// Hex SHA-256 of the text, the key for exact de-duplication.
    pub fn content_hash(&self) -> String {
        content_hash(&self.text)
    }
}

/// Hex SHA-256 of a text with line endings normalised, so a CRLF copy hashes alike.
pub fn content_hash(text: &str) -> String {
    let mut h = Sha256::new();
    for line in text.lines() {
        h.update(line.trim_end().as_bytes());
        h.update(b"\n");
    }
    let d = h.finalize();
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    s
}
