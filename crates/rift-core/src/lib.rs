//! rift's data model, shared by every stage.
//!
//! The pipeline reads [`Article`]s (`rift-ingest`), cleans and segments their text (`rift-text`),
//! extracts [`Statement`]s (`rift-extract`), resolves their sources to KB actors and outlets
//! (`rift-kb`), labels their [`Stance`] toward configured [`IssueConfig`]s (`rift-stance`), stores
//! them (`rift-store`) and aggregates them into positions (`rift-analyze`).
//!
//! **Offsets.** Every [`Span`] in this crate is a pair of Unicode *code-point* offsets into
//! [`Article::text`] exactly as read (after decoding), so any tool can highlight it. Stages work on
//! byte offsets internally and convert with [`CharIndex`] at the edge.

mod article;
mod config;
pub mod hash;
mod offsets;
mod statement;

pub use article::{content_hash, Article};
pub use config::{Actor, ActorKind, Faction, IssueConfig, Outlet, Role, Tie, TieSubject};
pub use offsets::CharIndex;
pub use statement::{
    Cue, Evidence, OutletRef, Source, SourceType, Span, Stance, StanceLabel, Statement,
    StatementKind,
};

/// Calendar date used throughout rift (no time zone: news dates are days).
pub type Date = chrono::NaiveDate;

/// Parses `YYYY-MM-DD` (also accepts a longer RFC 3339 timestamp and keeps its date part).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}
