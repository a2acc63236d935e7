//! Statements: who said what, where, when — and its stance per issue.

use serde::{Deserialize, Serialize};

use crate::Date;

/// Half-open `[start, end)` span in Unicode code points of [`crate::Article::text`].
/// Serialised as a two-element array `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Span {
    /// A span `[start, end)`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Length in code points.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when the two spans share at least one code point.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Self {
        Span::new(a[0], a[1])
    }
}
impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

/// How the content is rendered in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Verbatim words in quotation marks.
    Direct,
    /// Reported speech without quotation marks (`X said that …`).
    Indirect,
    /// Unquoted text that an outlet wrote or published (`the website wrote …`, `… saying …`).
    Written,
}

impl StatementKind {
    /// Lower-case name as used in JSON and SQL.
    pub fn as_str(&self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Written => "written",
        }
    }
    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "direct" => Some(StatementKind::Direct),
            "indirect" => Some(StatementKind::Indirect),
            "written" => Some(StatementKind::Written),
            _ => None,
        }
    }
}

/// The speech verb or phrase that attributes the content (`said`, `according to`, `wrote`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// What kind of thing the source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SourceType {
    /// A named or described person (`Bavand`, `he`, `the spokesman`).
    Person,
    /// A news outlet (`the website`, `Arman daily`).
    Outlet,
    /// A group or an anonymous source (`officials`, `some regime elements`, `a source`).
    Group,
    /// Not known.
    #[default]
    Unknown,
}

impl SourceType {
    /// Lower-case name as used in JSON and SQL.
    pub fn as_str(&self) -> &'static str {
        match self {
            SourceType::Person => "person",
            SourceType::Outlet => "outlet",
            SourceType::Group => "group",
            SourceType::Unknown => "unknown",
        }
    }
    /// Parses the lower-case name (unknown strings give `Unknown`).
    pub fn parse(s: &str) -> Self {
        match s {
            "person" => SourceType::Person,
            "outlet" => SourceType::Outlet,
            "group" => SourceType::Group,
            _ => SourceType::Unknown,
        }
    }
}

/// Who the statement is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Source {
    /// The mention as written (`Bavand`, `the website`, `he`).
    pub text: String,
    /// Where the mention is; `None` when the source is implied.
    pub span: Option<Span>,
    /// Best full name: the KB canonical name, else the article's longest mention of the same
    /// person or outlet, else `None`.
    pub name: Option<String>,
    /// KB actor or outlet id, when resolved.
    pub actor: Option<String>,
    /// Person, outlet, group or unknown.
    #[serde(rename = "type")]
    pub kind: SourceType,
}

/// The outlet a statement appeared in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletRef {
    /// KB outlet id, when known.
    pub id: Option<String>,
    /// Display name.
    pub name: String,
}

/// favor / against / conditional / neutral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StanceLabel {
    /// For the issue's proposition.
    Favor,
    /// Against it.
    Against,
    /// For it only under conditions or demands.
    Conditional,
    /// About the issue, but taking no side.
    Neutral,
}

impl StanceLabel {
    /// All labels, in a fixed order.
    pub const ALL: [StanceLabel; 4] = [
        StanceLabel::Favor,
        StanceLabel::Against,
        StanceLabel::Conditional,
        StanceLabel::Neutral,
    ];

    /// Default numeric position: favor +1, conditional +0.5, neutral 0, against −1.
    pub fn default_score(&self) -> f64 {
        match self {
            StanceLabel::Favor => 1.0,
            StanceLabel::Conditional => 0.5,
            StanceLabel::Neutral => 0.0,
            StanceLabel::Against => -1.0,
        }
    }
    /// Lower-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            StanceLabel::Favor => "favor",
            StanceLabel::Against => "against",
            StanceLabel::Conditional => "conditional",
            StanceLabel::Neutral => "neutral",
        }
    }
    /// Parses a label; accepts `favour`, `agree`, `disagree`, `none` too.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "favor" | "favour" | "agree" | "pro" => Some(StanceLabel::Favor),
            "against" | "disagree" | "con" => Some(StanceLabel::Against),
            "conditional" => Some(StanceLabel::Conditional),
            "neutral" | "none" => Some(StanceLabel::Neutral),
            _ => None,
        }
    }
}

/// A word or phrase that led to a stance decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The words as written.
    pub text: String,
    /// Where they are in the article.
    pub span: Span,
    /// What the words did: `target`, `favor`, `against`, `condition`, `negation`, `hedge`,
    /// `modal`, `context` …
    pub role: String,
}

/// The stance of one statement toward one issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    /// Issue id.
    pub issue: String,
    /// The label.
    pub label: StanceLabel,
    /// Position in [−1, 1] (favor +1 … against −1).
    pub score: f64,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// The words that decided it.
    pub evidence: Vec<Evidence>,
    /// Which component decided: `rules` or `model`.
    pub by: String,
}

/// One attributed statement: the JSONL record of `rift extract` (see `docs/statement.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Article id.
    pub article: String,
    /// direct / indirect / written.
    pub kind: StatementKind,
    /// The content as written in the article (without the enclosing quote marks).
    pub text: String,
    /// Where the content is.
    pub span: Span,
    /// The attributing cue, when there is one.
    pub cue: Option<Cue>,
    /// Who said it.
    pub source: Source,
    /// The outlet it appeared in (named in the attribution, or the article's outlet).
    pub outlet: Option<OutletRef>,
    /// When it was said (a date in the attribution), else the article's date.
    pub date: Option<Date>,
    /// Stance per issue that the statement concerns.
    pub stance: Vec<Stance>,
}
