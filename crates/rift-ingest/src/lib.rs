//! Reading inputs into [`rift_core::Article`]s, one record at a time.
//!
//! [`Inputs`] walks paths (directories recursively, in sorted order; `-` is standard input),
//! detects each file's format ([`Format`]: plain text, JSONL, CSV) from its extension and
//! content, and yields [`Item`]s: an article, or an [`InputError`] naming the file and the line or
//! record. A bad file or record never stops the walk; the caller decides (`--strict`).
//! Files are streamed: JSONL and CSV are read record by record, never slurped whole.
//!
//! The CLI (`rift extract`, `rift ingest`) feeds the articles to `rift-extract` and `rift-store`.

mod error;
mod fields;
mod inputs;

pub use error::{InputError, InputErrorKind};
pub use fields::FieldMap;
pub use inputs::{Format, Inputs, Item};
