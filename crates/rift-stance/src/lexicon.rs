//! The cue lexicon: general English phrases for favor, against, conditions, negation, modality
//! and hedging, read from TOML (the built-in one is `src/lexicon.toml`).
//!
//! [`crate::StanceClassifier`] compiles a [`Lexicon`] once, adds each issue's extra cues from
//! [`rift_core::IssueConfig`], and matches it on every statement.

use serde::Deserialize;

use crate::pattern::{Case, Pattern};
use crate::StanceError;

/// The built-in lexicon, compiled into the binary.
pub const BUILTIN_LEXICON: &str = include_str!("lexicon.toml");

/// What a cue says about the issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Polarity {
    /// For the proposition.
    Favor,
    /// Against it.
    Against,
    /// For it under a condition or demand.
    Condition,
}

impl Polarity {
    /// Evidence role name.
    pub(crate) fn role(self) -> &'static str {
        match self {
            Polarity::Favor => "favor",
            Polarity::Against => "against",
            Polarity::Condition => "condition",
        }
    }
}

/// A weighted cue.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub pattern: Pattern,
    pub polarity: Polarity,
    pub weight: f64,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Entry {
    Plain(String),
    Weighted { phrase: String, weight: f64 },
}

impl Entry {
    fn parts(&self) -> (&str, f64) {
        match self {
            Entry::Plain(p) => (p, 1.0),
            Entry::Weighted { phrase, weight } => (phrase, *weight),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    max_gap: usize,
    scope: usize,
    negated_topic: f64,
    modal_topic: f64,
    #[serde(default)]
    favor: Vec<Entry>,
    #[serde(default)]
    against: Vec<Entry>,
    #[serde(default)]
    condition: Vec<Entry>,
    #[serde(default)]
    negation: Vec<String>,
    #[serde(default)]
    modal: Vec<String>,
    #[serde(default)]
    hedge: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
}

/// A compiled cue lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Largest gap `…` stands for, in words.
    pub(crate) max_gap: usize,
    /// Words before a cue in which a negation, modal or hedge modifies it.
    pub(crate) scope: usize,
    /// Weight of a negated topic word as an against cue.
    pub(crate) negated_topic: f64,
    /// Weight of a topic word under a modal as a favor cue.
    pub(crate) modal_topic: f64,
    pub(crate) cues: Vec<Cue>,
    pub(crate) negation: Vec<Pattern>,
    pub(crate) modal: Vec<Pattern>,
    pub(crate) hedge: Vec<Pattern>,
    pub(crate) ignore: Vec<Pattern>,
}

impl Lexicon {
    /// The built-in general English lexicon ([`BUILTIN_LEXICON`]).
    pub fn builtin() -> Result<Self, StanceError> {
        Self::from_toml(BUILTIN_LEXICON)
    }

    /// Parses and compiles a lexicon in the format of `src/lexicon.toml`.
    pub fn from_toml(text: &str) -> Result<Self, StanceError> {
        let raw: RawLexicon = toml::from_str(text)?;
        let mut lex = Lexicon {
            max_gap: raw.max_gap,
            scope: raw.scope,
            negated_topic: raw.negated_topic,
            modal_topic: raw.modal_topic,
            cues: Vec::new(),
            negation: compile_all(&raw.negation, raw.max_gap)?,
            modal: compile_all(&raw.modal, raw.max_gap)?,
            hedge: compile_all(&raw.hedge, raw.max_gap)?,
            ignore: compile_all(&raw.ignore, raw.max_gap)?,
        };
        for (entries, polarity) in [
            (&raw.favor, Polarity::Favor),
            (&raw.against, Polarity::Against),
            (&raw.condition, Polarity::Condition),
        ] {
            for e in entries {
                let (phrase, weight) = e.parts();
                let cue = lex.cue(phrase, polarity, weight)?;
                lex.cues.push(cue);
            }
        }
        Ok(lex)
    }

    /// Compiles one cue with this lexicon's gap size (also used for an issue's extra cues).
    pub(crate) fn cue(
        &self,
        phrase: &str,
        polarity: Polarity,
        weight: f64,
    ) -> Result<Cue, StanceError> {
        if !(weight.is_finite() && weight > 0.0) {
            return Err(StanceError::Pattern {
                pattern: phrase.to_string(),
                reason: format!("weight must be positive, got {weight}"),
            });
        }
        Ok(Cue {
            pattern: Pattern::compile(phrase, self.max_gap, Case::Fold)?,
            polarity,
            weight,
        })
    }
}

fn compile_all(phrases: &[String], max_gap: usize) -> Result<Vec<Pattern>, StanceError> {
    phrases
        .iter()
        .map(|p| Pattern::compile(p, max_gap, Case::Fold))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_compiles_and_has_every_category() {
        let lex = Lexicon::builtin().unwrap();
        for p in [Polarity::Favor, Polarity::Against, Polarity::Condition] {
            assert!(lex.cues.iter().filter(|c| c.polarity == p).count() >= 10);
        }
        assert!(!lex.negation.is_empty() && !lex.modal.is_empty() && !lex.hedge.is_empty());
    }

    #[test]
    fn bad_lexicon_is_an_error() {
        assert!(Lexicon::from_toml("max_gap = 'x'").is_err());
        let text =
            "max_gap = 3\nscope = 3\nnegated_topic = 1.0\nmodal_topic = 1.0\nfavor = ['… x']";
        assert!(matches!(
            Lexicon::from_toml(text),
            Err(StanceError::Pattern { .. })
        ));
    }
}
