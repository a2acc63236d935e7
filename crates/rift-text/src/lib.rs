//! Text handling for rift: the layer between raw article text and statement extraction.
//!
//! - [`Cleaner`] splits a text into [`Paragraph`]s and marks page furniture (ad slots such as
//!   `728 x 90`, repeated subtitles, bylines) and section headings, which are not analysed; it also
//!   finds the title and a dateline (`Iran, May 19, 2019In an attempt…`), see [`Layout`].
//! - [`Segmenter`] splits a paragraph into sentences, knowing news abbreviations (`Mr.`, `U.S.`).
//! - [`tokenize`] yields word and punctuation [`Token`]s with byte offsets.
//! - [`dates`] reads calendar expressions (`May 14`, `September 16, 2016`).
//!
//! Nothing here copies or rewrites the text: every range is a byte range into the original
//! `&str`, so spans stay valid; `rift_core::CharIndex` turns them into code-point offsets.

mod clean;
pub mod dates;
mod sentences;
mod tokens;

pub use clean::{Cleaner, Dateline, Layout, ParaKind, Paragraph};
pub use sentences::Segmenter;
pub use tokens::{tokenize, Token, TokenKind};

/// A byte range `[start, end)` into a text.
pub type Range = std::ops::Range<usize>;
