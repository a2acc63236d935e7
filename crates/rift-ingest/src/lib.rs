//! Reading inputs into [`rift_core::Article`]s, one record at a time.
//!
//! [`Inputs`] walks paths (directories recursively, in sorted order; `-` is standard input),
//! unzips gzip'd files, detects each file's [`Format`] from its content and extension — plain
//! text, JSONL, CSV (with a [`FieldMap`]), HTML pages (main text and metadata by `rift-html`),
//! RSS/Atom/JSON feeds ([`feed`]) and WARC archives ([`warc`]) — and yields [`Item`]s: a
//! [`Record`] (the article, its record number, language and, for HTML, the offset map back to the
//! page), or an [`InputError`] naming the file, the line or record and the reason. A bad file or
//! record never stops the walk; the caller decides (`--strict`). Files are streamed: JSONL, CSV
//! and WARC are read record by record, never slurped whole.
//!
//! [`filename`] reads the outlet and date from names like `OUTLET_YYYY-MM-DD_SLUG.txt`.
//!
//! [`dedup`] finds near-duplicates (SimHash + Jaccard) for `rift ingest`, which feeds the
//! articles to `rift-extract` and stores them with `rift-store`.

pub mod dedup;
mod error;
pub mod feed;
mod fields;
pub mod filename;
mod inputs;
mod lang;
pub mod warc;

pub use error::{InputError, InputErrorKind};
pub use fields::FieldMap;
pub use filename::{name_meta, NameMeta};
pub use inputs::{parse_any_date, Format, Inputs, Item, Record};
pub use lang::{detect as detect_language, detect_whatlang as detect_language_whatlang};

#[cfg(test)]
mod tests;
