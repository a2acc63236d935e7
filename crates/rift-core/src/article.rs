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

/// Hex SHA-256 of a text with line endings normalised, so a CRLF copy hashes alike: the hash of
/// each line (as [`str::lines`] splits them) with trailing white space trimmed and `\n` after it.
///
/// A line that ends in `\n` with no white space before it hashes as it stands in `text` (most
/// lines do), so runs of such lines go to the hasher in one piece, not two updates a line.
pub fn content_hash(text: &str) -> String {
    let mut h = Sha256::new();
    // `text[run]` is not hashed yet and hashes as it stands.
    let mut run = 0..0;
    for piece in text.split_inclusive('\n') {
        let end = run.end + piece.len();
        match piece.strip_suffix('\n') {
            Some(line) if line.trim_end().len() == line.len() => run.end = end,
            line => {
                h.update(&text.as_bytes()[run]);
                h.update(line.unwrap_or(piece).trim_end().as_bytes());
                h.update(b"\n");
                run = end..end;
            }
        }
    }
    h.update(&text.as_bytes()[run]);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(64);
    for b in h.finalize() {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first implementation: two updates a line and `format!` a byte.
    fn reference(text: &str) -> String {
        let mut h = Sha256::new();
        for line in text.lines() {
            h.update(line.trim_end().as_bytes());
            h.update(b"\n");
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn hashes_as_the_line_by_line_fold() {
        let texts = [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a \n\tb\t\n\nc  ",
            "one\ntwo \nthree\u{a0}\nfour\r\r\n\r\nfive\u{2003}",
            " lead\n  \n\n\nend\n\n",
        ];
        for t in texts {
            assert_eq!(content_hash(t), reference(t), "{t:?}");
        }
        assert_eq!(content_hash("a\r\nb"), content_hash("a\nb"));
        assert_eq!(content_hash("a"), content_hash("a\n"));
        // SHA-256 of "abc\n".
        assert_eq!(
            content_hash("abc"),
            "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb"
        );
    }
}
