//! Writes: the KB snapshot, article batches, the ingest ledger.
//!
//! `rift ingest` calls [`Store::ingest_batch`]: one transaction stores a batch's articles, their
//! statements, near-duplicate links and the ledger rows of every record in the batch (rejected
//! ones included), so a killed run leaves either all of a batch or none of it, and
//! [`Store::done_inputs`] tells a rerun which records to skip.

use std::collections::HashSet;

use rift_core::{Actor, Faction, IssueConfig, Outlet, Statement, Tie, TieSubject};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::{FactionTag, InputStatus, InsertOutcome, NewArticle, Result, Store};

impl Store {
    /// Replaces the KB snapshot (factions, actors, outlets) and the issues with the given ones, in
    /// one transaction. Stored statements are untouched.
    pub fn save_project(
        &mut self,
        factions: &[Faction],
        actors: &[Actor],
        outlets: &[Outlet],
        issues: &[IssueConfig],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute_batch(
            "DELETE FROM factions; DELETE FROM actors; DELETE FROM outlets; DELETE FROM issues;",
        )?;
        {
            let mut st = tx.prepare(
                "INSERT INTO factions (id, name, parent, reference, json) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for f in factions {
                st.execute(params![
                    f.id,
                    f.name,
                    f.parent,
                    f.reference,
                    serde_json::to_string(f)?
                ])?;
            }
            let mut st =
                tx.prepare("INSERT INTO actors (id, name, kind, json) VALUES (?1, ?2, ?3, ?4)")?;
            for a in actors {
                let kind = match a.kind {
                    rift_core::ActorKind::Person => "person",
                    rift_core::ActorKind::Organisation => "organisation",
                };
                st.execute(params![a.id, a.name, kind, serde_json::to_string(a)?])?;
            }
            let mut st = tx.prepare("INSERT INTO outlets (id, name, json) VALUES (?1, ?2, ?3)")?;
            for o in outlets {
                st.execute(params![o.id, o.name, serde_json::to_string(o)?])?;
            }
            let mut st = tx.prepare(
                "INSERT INTO issues (id, question, reference, config) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for i in issues {
                st.execute(params![
                    i.id,
                    i.question,
                    i.reference,
                    serde_json::to_string(i)?
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Replaces the KB's ties in the snapshot with `ties` (kept in the given order), in one
    /// transaction. Call it with `save_project` when saving a project's KB.
    pub fn save_ties(&mut self, ties: &[Tie]) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM ties", [])?;
        {
            let mut st = tx.prepare(
                r#"INSERT INTO ties (subject_kind, subject, faction, relation, "from", "to", json)
                   VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"#,
            )?;
            for t in ties {
                let (kind, subject) = match &t.subject {
                    TieSubject::Actor(id) => ("actor", id),
                    TieSubject::Outlet(id) => ("outlet", id),
                };
                st.execute(params![
                    kind,
                    subject,
                    t.faction,
                    t.relation,
                    t.from.map(|d| d.to_string()),
                    t.to.map(|d| d.to_string()),
                    serde_json::to_string(t)?
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Stores a batch of articles with their statements, stances and faction tags in ONE
    /// transaction (all or nothing). An article whose content hash is stored already — before
    /// this batch or earlier in it — is skipped and reported as [`InsertOutcome::Duplicate`].
    /// Outcomes are in the order of `items`.
    pub fn insert_batch(&mut self, items: &[NewArticle<'_>]) -> Result<Vec<InsertOutcome>> {
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(insert_one(&tx, item)?);
        }
        tx.commit()?;
        Ok(out)
    }

    /// Appends one record to the ingest ledger and returns its row id. `record` is the record's
    /// number inside `source` when the source holds many (JSONL line, WARC record); `article` is
    /// the stored article it produced or duplicated ([`InsertOutcome::article_id`]).
    pub fn record_input(
        &mut self,
        source: &str,
        record: Option<u64>,
        status: InputStatus,
        reason: Option<&str>,
        article: Option<i64>,
    ) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let id = ledger(&tx, source, record, status, reason, article)?;
        tx.commit()?;
        Ok(id)
    }

    /// Stores one ingest batch in ONE transaction: each article (with its statements, unless it
    /// is a near-duplicate), its ledger row, and a ledger row per rejected record. An article
    /// whose content hash is stored already is stored as a linked copy without statements when
    /// it comes from another source, and not at all from the same one ([`IngestOutcome::Exact`]); a
    /// near-duplicate is stored without statements and linked to the first copy
    /// ([`IngestOutcome::Near`]). Outcomes are in the order of `articles`.
    pub fn ingest_batch(
        &mut self,
        articles: &[IngestArticle<'_>],
        rejected: &[Rejection<'_>],
    ) -> Result<Vec<IngestOutcome>> {
        let tx = self.conn.transaction()?;
        let mut out: Vec<IngestOutcome> = Vec::with_capacity(articles.len());
        for item in articles {
            let hash = item.new.article.content_hash();
            // The first copy of this text, and whether this very source holds one already.
            let first: Option<i64> = tx
                .prepare_cached(
                    "SELECT id FROM articles WHERE content_hash = ?1 ORDER BY duplicate_of IS NOT NULL, id LIMIT 1",
                )?
                .query_row([&hash], |r| r.get(0))
                .optional()?;
            let outcome = if let Some(of) = first {
                let same_source: Option<i64> = tx
                    .prepare_cached(
                        "SELECT id FROM articles WHERE content_hash = ?1 AND source = ?2 LIMIT 1",
                    )?
                    .query_row(params![hash, item.new.article.source], |r| r.get(0))
                    .optional()?;
                let id = match same_source {
                    Some(_) => None,
                    None => Some(insert_ingested(&tx, item, &hash, Some(of))?),
                };
                IngestOutcome::Exact { id, of }
            } else {
                let near = match item.near_duplicate_of {
                    Some(NearDup::Stored(id)) => Some(id),
                    Some(NearDup::InBatch(i)) => out.get(i).map(IngestOutcome::first_id),
                    None => None,
                };
                // The hash was looked up above: no second lookup through `insert_one`.
                let id = insert_ingested(&tx, item, &hash, near)?;
                if near.is_none() {
                    insert_statements(&tx, id, &item.new)?;
                }
                match near {
                    Some(of) => IngestOutcome::Near { id, of },
                    None => IngestOutcome::Inserted { id },
                }
            };
            let status = match outcome {
                IngestOutcome::Inserted { .. } => InputStatus::Ingested,
                _ => InputStatus::Duplicate,
            };
            ledger(
                &tx,
                item.path,
                item.record,
                status,
                None,
                Some(outcome.article_id()),
            )?;
            out.push(outcome);
        }
        for r in rejected {
            ledger(
                &tx,
                r.path,
                r.record,
                InputStatus::Rejected,
                Some(r.reason),
                None,
            )?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// Input records a previous run stored (ledger status `ingested` or `duplicate`), as
    /// `(source, record)`: a rerun skips them.
    pub fn done_inputs(&self) -> Result<HashSet<(String, Option<u64>)>> {
        let mut st = self.conn.prepare(
            "SELECT source, record FROM inputs WHERE status IN ('ingested', 'duplicate')",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.map(|n| n as u64),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// `(article id, SimHash)` of every stored article that is not itself a near-duplicate, for
    /// the near-duplicate index of a new run.
    pub fn simhashes(&self) -> Result<Vec<(i64, u64)>> {
        let mut st = self.conn.prepare(
            "SELECT id, simhash FROM articles WHERE simhash IS NOT NULL AND duplicate_of IS NULL ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as u64))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored text of article `id`.
    pub fn article_text(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT text FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Marks article `id` as a (near-)duplicate of article `of`, or clears the mark with `None`.
    pub fn set_duplicate_of(&mut self, id: i64, of: Option<i64>) -> Result<()> {
        self.conn.execute(
            "UPDATE articles SET duplicate_of = ?2 WHERE id = ?1",
            params![id, of],
        )?;
        Ok(())
    }
}

/// One article of an ingest batch, for [`Store::ingest_batch`].
#[derive(Debug, Clone)]
pub struct IngestArticle<'a> {
    /// The article and its statements.
    pub new: NewArticle<'a>,
    /// Input path (ledger `source`).
    pub path: &'a str,
    /// Record number inside the input, if any.
    pub record: Option<u64>,
    /// Detected language.
    pub language: Option<&'a str>,
    /// SimHash of the text, if it has one.
    pub simhash: Option<u64>,
    /// The earlier article this one nearly duplicates, if any.
    pub near_duplicate_of: Option<NearDup>,
}

/// Which article a near-duplicate copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NearDup {
    /// An article stored before this batch (row id).
    Stored(i64),
    /// An earlier article of the same batch (index into the batch).
    InBatch(usize),
}

/// A rejected input record, for [`Store::ingest_batch`].
#[derive(Debug, Clone, Copy)]
pub struct Rejection<'a> {
    /// Input path.
    pub path: &'a str,
    /// Record number inside the input, if any.
    pub record: Option<u64>,
    /// Why it was rejected.
    pub reason: &'a str,
}

/// What [`Store::ingest_batch`] did with one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestOutcome {
    /// Stored as a new article.
    Inserted {
        /// Its row id.
        id: i64,
    },
    /// The same text was stored already. From another source it is stored as a copy row
    /// (no statements) linked to the first; from the same source nothing is written but the
    /// ledger row.
    Exact {
        /// Row id of the copy, when one was stored.
        id: Option<i64>,
        /// Row id of the first copy.
        of: i64,
    },
    /// Stored as a near-duplicate copy (no statements), linked to the first.
    Near {
        /// Row id of the copy.
        id: i64,
        /// Row id of the first copy.
        of: i64,
    },
}

impl IngestOutcome {
    /// Row id of the article the ledger points to (the new row or copy row, or the stored one
    /// for an exact duplicate from the same source).
    pub fn article_id(&self) -> i64 {
        match *self {
            IngestOutcome::Inserted { id } | IngestOutcome::Near { id, .. } => id,
            IngestOutcome::Exact { id, of } => id.unwrap_or(of),
        }
    }

    /// Row id of the first copy of this text: the new row, or the row it copies.
    pub fn first_id(&self) -> i64 {
        match *self {
            IngestOutcome::Inserted { id } => id,
            IngestOutcome::Exact { of, .. } | IngestOutcome::Near { of, .. } => of,
        }
    }
}

fn ledger(
    tx: &Transaction<'_>,
    source: &str,
    record: Option<u64>,
    status: InputStatus,
    reason: Option<&str>,
    article: Option<i64>,
) -> Result<i64> {
    let record = record.map(|r| r as i64);
    tx.prepare_cached("DELETE FROM inputs WHERE source = ?1 AND record IS ?2")?
        .execute(params![source, record])?;
    tx.prepare_cached(
        "INSERT INTO inputs (source, record, status, reason, article_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![source, record, status.as_str(), reason, article])?;
    Ok(tx.last_insert_rowid())
}

fn insert_row(tx: &Transaction<'_>, item: &NewArticle<'_>, hash: &str) -> Result<i64> {
    let a = item.article;
    tx.prepare_cached(
        "INSERT INTO articles (ext_id, source, url, outlet, outlet_id, title, published, text, content_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        a.id,
        a.source,
        a.url,
        a.outlet,
        item.outlet_id,
        a.title,
        a.published.map(|d| d.to_string()),
        a.text,
        hash
    ])?;
    Ok(tx.last_insert_rowid())
}

fn insert_one(tx: &Transaction<'_>, item: &NewArticle<'_>) -> Result<InsertOutcome> {
    let a = item.article;
    let hash = a.content_hash();
    let existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([&hash], |r| r.get(0))
        .optional()?;
    if let Some(of) = existing {
        return Ok(InsertOutcome::Duplicate { of });
    }
    let article_id = insert_row(tx, item, &hash)?;
    insert_statements(tx, article_id, item)?;
    Ok(InsertOutcome::Inserted { id: article_id })
}

/// An ingested article's row with its language, SimHash and the copy it duplicates, if any.
fn insert_ingested(
    tx: &Transaction<'_>,
    item: &IngestArticle<'_>,
    hash: &str,
    duplicate_of: Option<i64>,
) -> Result<i64> {
    let id = insert_row(tx, &item.new, hash)?;
    tx.prepare_cached(
        "UPDATE articles SET language = ?2, simhash = ?3, duplicate_of = ?4 WHERE id = ?1",
    )?
    .execute(params![
        id,
        item.language,
        item.simhash.map(|h| h as i64),
        duplicate_of
    ])?;
    Ok(id)
}

fn insert_statements(tx: &Transaction<'_>, article_id: i64, item: &NewArticle<'_>) -> Result<()> {
    for (ordinal, (s, tags)) in item.statements.iter().enumerate() {
        insert_statement(tx, article_id, ordinal, s, tags)?;
    }
    Ok(())
}

fn insert_statement(
    tx: &Transaction<'_>,
    article_id: i64,
    ordinal: usize,
    s: &Statement,
    tags: &[FactionTag],
) -> Result<()> {
    let n = |v: usize| v as i64;
    tx.prepare_cached(
        r#"INSERT INTO statements (article_id, ordinal, kind, text, start, "end",
             cue_text, cue_start, cue_end,
             source_text, source_start, source_end, source_name, source_actor, source_type,
             outlet_id, outlet_name, date, json)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"#,
    )?
    .execute(params![
        article_id,
        n(ordinal),
        s.kind.as_str(),
        s.text,
        n(s.span.start),
        n(s.span.end),
        s.cue.as_ref().map(|c| c.text.as_str()),
        s.cue.as_ref().map(|c| n(c.span.start)),
        s.cue.as_ref().map(|c| n(c.span.end)),
        s.source.text,
        s.source.span.map(|sp| n(sp.start)),
        s.source.span.map(|sp| n(sp.end)),
        s.source.name,
        s.source.actor,
        s.source.kind.as_str(),
        s.outlet.as_ref().and_then(|o| o.id.as_deref()),
        s.outlet.as_ref().map(|o| o.name.as_str()),
        s.date.map(|d| d.to_string()),
        serde_json::to_string(s)?,
    ])?;
    let statement_id = tx.last_insert_rowid();
    let mut st = tx.prepare_cached(
        "INSERT INTO stances (statement_id, issue, label, score, confidence, evidence, decided_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for stance in &s.stance {
        st.execute(params![
            statement_id,
            stance.issue,
            stance.label.as_str(),
            stance.score,
            stance.confidence,
            serde_json::to_string(&stance.evidence)?,
            stance.by,
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT OR IGNORE INTO statement_factions (statement_id, faction, via) VALUES (?1, ?2, ?3)",
    )?;
    for t in tags {
        st.execute(params![statement_id, t.faction, t.via.as_str()])?;
    }
    Ok(())
}
