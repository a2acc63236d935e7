//! Statement extraction: who said what, in one pass over an article.
//!
//! Input is a [`rift_core::Article`]; `rift-text` classifies its lines (furniture, headings,
//! title, dateline) and splits sentences; this crate finds:
//! - **direct** quotes ([`quotes`]) with their credit before (`X said: “…`) or after (`…,” X
//!   said`), continuations, and title / scare-quote traps;
//! - **reported speech** (`X said that …`, `according to X, …`, `…, X believes`, `…, saying …`,
//!   `X’s insistence that …`) with a cue lexicon ([`cues`]);
//! - **sources**: the noun phrase of the speaker ([`source`]), typed person / outlet / group, and
//!   named from the article itself ([`names`]: surnames → full names, pronouns → the salient
//!   person, `the website` → the last outlet named).
//!
//! - **learned attributions** ([`tagger`]): a perceptron trained on PolNeAR tags source, cue
//!   and content in the sentences the rules leave empty.
//!
//! KB resolution (`rift-kb`) and stance (`rift-stance`) run after this on the returned
//! statements; [`Extraction::contexts`] gives stance the enclosing sentence of each statement.

pub mod cues;
mod extractor;
pub mod names;
pub mod quotes;
pub mod source;
pub mod tagger;
mod words;

pub use extractor::{Analysed, ExtractConfig, Extraction, Extractor};
pub use tagger::{TaggerModel, Trainer};
