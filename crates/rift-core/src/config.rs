//! The user's configuration, as plain data: knowledge-base entities and issues.
//!
//! `rift-kb` parses `kb.toml` / `issues.toml` into these structs and validates them; every other
//! crate only reads them.

use serde::{Deserialize, Serialize};

use crate::Date;

/// A political faction or camp (`hardline`, `moderate`, `reformist`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Faction {
    /// Stable id used in ties and on the command line.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Enclosing faction, if any (`irgc-media` inside `hardline`).
    #[serde(default)]
    pub parent: Option<String>,
    /// The actor whose line the faction is compared to, if any.
    #[serde(default)]
    pub reference: Option<String>,
    /// Other names (`the hardliners`, `principlists`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Where the fact comes from.
    #[serde(default)]
    pub note: Option<String>,
}

/// Person or organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person.
    #[default]
    Person,
    /// An organisation (a party, a ministry, the IRGC).
    Organisation,
}

/// A role held over a period (`supreme leader`, `foreign minister`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The role as it is written in news (`foreign minister`).
    pub title: String,
    /// First day held (inclusive), if known.
    #[serde(default)]
    pub from: Option<Date>,
    /// Last day held (inclusive), if known; `None` = still held or unknown.
    #[serde(default)]
    pub to: Option<Date>,
    /// Where the fact comes from.
    #[serde(default)]
    pub note: Option<String>,
}

impl Role {
    /// True when the role was held on `date` (an unknown date matches every role).
    pub fn holds_on(&self, date: Option<Date>) -> bool {
        within(date, self.from, self.to)
    }
}

/// A person or organisation whose statements rift attributes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id.
    pub id: String,
    /// Canonical name (`Ali Khamenei`).
    pub name: String,
    /// Other names and spellings (`Khamenei'i`, `Ayatollah Khamenei`). The surname of a person
    /// is derived from `name` and need not be listed.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Person or organisation.
    #[serde(default)]
    pub kind: ActorKind,
    /// Roles with date ranges.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Optional Wikidata id (`Q57336`).
    #[serde(default)]
    pub wikidata: Option<String>,
    /// Where the facts come from.
    #[serde(default)]
    pub note: Option<String>,
}

/// A news outlet (daily, website, agency, broadcaster).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    /// Stable id.
    pub id: String,
    /// Canonical name (`Arman`).
    pub name: String,
    /// Other names (`Arman-e Melli`, `Arman daily`). `name` + ` daily` / ` website` /
    /// ` newspaper` / ` news agency` forms are matched without being listed.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Web domains (`armandaily.ir`).
    #[serde(default)]
    pub domains: Vec<String>,
    /// Language code (`fa`, `en`).
    #[serde(default)]
    pub language: Option<String>,
    /// Optional Wikidata id.
    #[serde(default)]
    pub wikidata: Option<String>,
    /// Where the facts come from.
    #[serde(default)]
    pub note: Option<String>,
}

/// What a tie binds to a faction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TieSubject {
    /// An actor id.
    Actor(String),
    /// An outlet id.
    Outlet(String),
}

/// A time-bounded tie of an actor or outlet to a faction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tie {
    /// Actor or outlet.
    #[serde(flatten)]
    pub subject: TieSubject,
    /// Faction id.
    pub faction: String,
    /// How it is tied (`member`, `affiliated`, `close to`, `mouthpiece`).
    #[serde(default = "default_relation")]
    pub relation: String,
    /// First day (inclusive), if known.
    #[serde(default)]
    pub from: Option<Date>,
    /// Last day (inclusive), if known.
    #[serde(default)]
    pub to: Option<Date>,
    /// Where the fact comes from.
    #[serde(default)]
    pub note: Option<String>,
}

fn default_relation() -> String {
    "member".to_string()
}

impl Tie {
    /// True when the tie held on `date` (an unknown date matches every tie).
    pub fn holds_on(&self, date: Option<Date>) -> bool {
        within(date, self.from, self.to)
    }
}

fn within(date: Option<Date>, from: Option<Date>, to: Option<Date>) -> bool {
    match date {
        None => true,
        Some(d) => from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t),
    }
}

/// One issue a user follows (`negotiations-with-us`), from `issues.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct IssueConfig {
    /// Stable id.
    pub id: String,
    /// The question a position answers (`Should Iran negotiate with the US?`).
    pub question: String,
    /// Topic terms: a statement must mention one (or sit in a sentence that does) to concern the
    /// issue. Lower-case; a trailing `*` matches any word ending (`negotiat*`).
    pub terms: Vec<String>,
    /// Counterpart or object terms (`U.S.`, `Washington`). When set, a statement concerns the
    /// issue only if one is present — or, with `default_target`, if no other issue's targets are.
    #[serde(default)]
    pub targets: Vec<String>,
    /// Claim topic statements that name no issue's target at all.
    #[serde(default)]
    pub default_target: bool,
    /// The actor whose line divergence is measured from.
    #[serde(default)]
    pub reference: Option<String>,
    /// Extra cue phrases for favor (added to the built-in lexicon).
    #[serde(default)]
    pub favor: Vec<String>,
    /// Extra cue phrases for against.
    #[serde(default)]
    pub against: Vec<String>,
    /// Extra cue phrases for conditional.
    #[serde(default)]
    pub conditional: Vec<String>,
    /// Path of a trained model file (relative to the project folder), optional.
    #[serde(default)]
    pub model: Option<String>,
    /// Where the issue definition comes from.
    #[serde(default)]
    pub note: Option<String>,
}
