//! Plain values going into and coming out of the store.
//!
//! Writes take `rift-core` values ([`Article`], [`Statement`]) plus what ingest learnt about them
//! (KB outlet id, faction tags); reads give them back rebuilt, with their row ids, for
//! `rift statements`, `rift articles` and `rift-analyze`.

use rift_core::{Article, Date, Statement};
use serde::{Deserialize, Serialize};

/// How a statement came to be tagged with a faction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TieVia {
    /// The speaker (a KB actor, or an outlet speaking for itself) was tied to the faction on the
    /// statement's date.
    Speaker,
    /// The outlet the statement appeared in was tied to the faction on that date.
    Outlet,
}

impl TieVia {
    /// Lower-case name as stored in SQL.
    pub fn as_str(&self) -> &'static str {
        match self {
            TieVia::Speaker => "speaker",
            TieVia::Outlet => "outlet",
        }
    }
    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "speaker" => Some(TieVia::Speaker),
            "outlet" => Some(TieVia::Outlet),
            _ => None,
        }
    }
}

/// One faction tag of a statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FactionTag {
    /// KB faction id.
    pub faction: String,
    /// Through the speaker's tie or the outlet's.
    pub via: TieVia,
}

impl FactionTag {
    /// A tag of `faction` through `via`.
    pub fn new(faction: impl Into<String>, via: TieVia) -> Self {
        FactionTag {
            faction: faction.into(),
            via,
        }
    }
}

/// One article to store with its statements, for [`crate::Store::insert_batch`].
#[derive(Debug, Clone)]
pub struct NewArticle<'a> {
    /// The article as read.
    pub article: &'a Article,
    /// The KB outlet it was resolved to, if any.
    pub outlet_id: Option<String>,
    /// Its statements in article order (stances included), each with its faction tags.
    pub statements: Vec<(Statement, Vec<FactionTag>)>,
}

/// What [`crate::Store::insert_batch`] did with one [`NewArticle`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum InsertOutcome {
    /// Stored as a new article with this row id.
    Inserted {
        /// Row id of the new article.
        id: i64,
    },
    /// An article with the same content hash was stored already (possibly earlier in the same
    /// batch); nothing was written.
    Duplicate {
        /// Row id of the stored article.
        of: i64,
    },
}

impl InsertOutcome {
    /// Row id of the stored article (the new one, or the one this duplicates).
    pub fn article_id(&self) -> i64 {
        match *self {
            InsertOutcome::Inserted { id } => id,
            InsertOutcome::Duplicate { of } => of,
        }
    }
    /// The ledger status this outcome is recorded as.
    pub fn status(&self) -> InputStatus {
        match self {
            InsertOutcome::Inserted { .. } => InputStatus::Ingested,
            InsertOutcome::Duplicate { .. } => InputStatus::Duplicate,
        }
    }
}

/// Status of one input record in the ingest ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputStatus {
    /// Read and stored.
    Ingested,
    /// Read, but its text was stored already.
    Duplicate,
    /// Not stored (unreadable, empty, not an article …); see the reason.
    Rejected,
}

impl InputStatus {
    /// Lower-case name as stored in SQL.
    pub fn as_str(&self) -> &'static str {
        match self {
            InputStatus::Ingested => "ingested",
            InputStatus::Duplicate => "duplicate",
            InputStatus::Rejected => "rejected",
        }
    }
    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "ingested" => Some(InputStatus::Ingested),
            "duplicate" => Some(InputStatus::Duplicate),
            "rejected" => Some(InputStatus::Rejected),
            _ => None,
        }
    }
}

/// One row of the ingest ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputRow {
    /// Row id (ledger order).
    pub id: i64,
    /// Path or URL read.
    pub source: String,
    /// Record number inside the source, when it holds many.
    pub record: Option<u64>,
    /// What happened.
    pub status: InputStatus,
    /// Why (for rejections), if given.
    pub reason: Option<String>,
    /// The stored article it produced or matched, if any.
    pub article_id: Option<i64>,
    /// When (UTC, RFC 3339).
    pub at: String,
}

/// One stored article, without its text: a line of `rift articles`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRow {
    /// Row id.
    pub id: i64,
    /// The article's own id ([`Article::id`]).
    pub ext_id: String,
    /// Title, if known.
    pub title: Option<String>,
    /// Outlet name as given by the input.
    pub outlet: Option<String>,
    /// KB outlet id, if resolved.
    pub outlet_id: Option<String>,
    /// Publication date, if known.
    pub date: Option<Date>,
    /// Where it was read from.
    pub source: String,
    /// URL, if known.
    pub url: Option<String>,
    /// Content hash (hex SHA-256).
    pub hash: String,
    /// Row id of the article this one duplicates, if marked.
    pub duplicate_of: Option<i64>,
    /// Number of stored statements.
    pub statements: u64,
    /// When it was stored (UTC, RFC 3339).
    pub ingested_at: String,
}

/// Which statements [`crate::Store::statements`] returns; every set field must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatementFilter {
    /// Only statements with a stance on this issue id.
    pub issue: Option<String>,
    /// Only statements whose source resolved to this KB actor (or outlet) id.
    pub actor: Option<String>,
    /// Only statements tagged with this faction or one of its sub-factions (per the KB snapshot),
    /// through either the speaker or the outlet.
    pub faction: Option<String>,
    /// Only statements of this article row id.
    pub article: Option<i64>,
}

/// One stored statement, rebuilt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementRow {
    /// Row id of the statement.
    pub id: i64,
    /// Row id of its article.
    pub article_id: i64,
    /// Its position among the article's statements (0-based).
    pub ordinal: u32,
    /// The statement with its stances.
    pub statement: Statement,
    /// Its faction tags, sorted.
    pub factions: Vec<FactionTag>,
    /// The article's title, if known.
    pub article_title: Option<String>,
    /// The article's URL, if known.
    pub article_url: Option<String>,
}

/// Row counts of a database ([`crate::Store::stats`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct StoreStats {
    /// Stored articles.
    pub articles: u64,
    /// Stored statements.
    pub statements: u64,
    /// Stored stances (statement × issue).
    pub stances: u64,
    /// Ledger records with status `ingested`.
    pub inputs_ingested: u64,
    /// Ledger records with status `duplicate`.
    pub inputs_duplicate: u64,
    /// Ledger records with status `rejected`.
    pub inputs_rejected: u64,
}
