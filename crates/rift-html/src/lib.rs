//! News web pages → article text and metadata, for `rift-ingest`.
//!
//! `rift-ingest` reads an `.html` file, a WARC response or a feed item's HTML content, decodes
//! its bytes ([`charset::decode`]: BOM, HTTP header, `<meta charset>`, then `chardetng`) and
//! calls [`clean`]. The result, a [`Page`], holds:
//!
//! - the **article text** ([`Page::text`]): the blocks the main-text extractor (`rs-trafilatura`)
//!   keeps, minus what rift's own furniture filter drops (navigation, share bars, related-article
//!   lists, comment sections, newsletter boxes, captions, ad slots such as `728 x 90`, repeated
//!   lines), joined by blank lines. This is the text every statement span points into
//!   (`rift_core::Article::text`); quotes in comments or related-link titles never reach it;
//! - the **offset map** ([`Page::offsets`], an [`OffsetMap`]): for every byte of the article text,
//!   the byte of the (decoded) HTML it came from, so a statement can be highlighted in the page;
//! - the **metadata** ([`Meta`]): title, site name, author, publication date (JSON-LD, `<meta>`,
//!   `<time>`), canonical URL and declared language. Datelines inside the text
//!   (`Iran, May 19, 2019In an attempt…`) are read later by `rift-text`'s cleaner.
//!
//! The tokenizer ([`tokenize`]) is rift's own, forgiving and offset-preserving; it never fails.

pub mod charset;
mod page;
pub mod tokenize;

pub use page::{clean, furniture_line, Meta, Options, Page};

/// Errors of this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    /// The bytes are not UTF-8 and no declared or detected charset decodes them.
    #[error("{0}")]
    Charset(String),
}

/// Maps byte offsets of a cleaned text back to byte offsets of the page it was cut from.
///
/// Stored as runs `(clean, original)`: inside a run, both advance together; a run starts at each
/// block, after each decoded character reference and after each collapsed whitespace. Offsets
/// are into the decoded (UTF-8) page; for a UTF-8 file add [`charset::Decoded::skipped`] (the BOM)
/// to get file offsets. Statement spans are code points: convert them with
/// `rift_core::CharIndex::byte_of` first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    runs: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// A map from runs `(clean byte, original byte)`, sorted by clean byte.
    pub fn from_runs(runs: Vec<(usize, usize)>) -> Self {
        OffsetMap { runs }
    }

    /// The runs, `(clean byte, original byte)`.
    pub fn runs(&self) -> &[(usize, usize)] {
        &self.runs
    }

    /// Original byte offset of clean byte offset `b` (the start of the character holding it).
    pub fn original(&self, b: usize) -> usize {
        let i = self.runs.partition_point(|&(c, _)| c <= b);
        if i == 0 {
            return self.runs.first().map_or(b, |r| r.1);
        }
        let (c, o) = self.runs[i - 1];
        o + (b - c)
    }

    /// Original byte range of clean byte range `r`: from the original of its first byte to just
    /// past the original of its last byte (one byte wide when that is a character reference's
    /// start; callers that need the whole reference extend to the next `;`).
    pub fn original_range(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        if r.is_empty() {
            let o = self.original(r.start);
            return o..o;
        }
        let start = self.original(r.start);
        let end = self.original(r.end - 1) + 1;
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests;
